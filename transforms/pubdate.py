"""Publication date (document creation time) from metadata, header lines, bylines, datelines or the text.

Precision never claims more than the evidence: a header `# date = 20201001` gives a day; a byline
`(theo AP, 29/5)` gives day and month, the year then coming from the text (the latest year it speaks
of in the past) or, when names fix it better, from who held which office (`Tổng thống Bush` with
`Bộ trưởng Quốc phòng Nga Sergei Ivanov` on 29/5: 2001). Basis values: metadata, header, dateline,
byline, text, world, none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms import gazetteer as gz
from transforms.mentions import Mention
from transforms.normalize import fold
from transforms.timexes import Candidate, PartialDate

_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})")


@dataclass(frozen=True)
class Published:
    date: PartialDate | None
    basis: str


def _valid(y: int, m: int, d: int | None = None) -> PartialDate | None:
    try:
        dt.date(y, m, d or 1)
    except ValueError:
        return None
    return PartialDate(y, m, d)


def from_header(header: dict[str, str]) -> Published | None:
    """`# date = 20201001` lines and HTML date lines (`26-04-2006 00:54:42 GMT +7`)."""
    for key in ("date", "published", "ngay"):
        value = PartialDate.parse(header.get(key, "").replace("/", "-"))
        if value:
            return Published(value, "header")
    m = _NUMERIC_DATE.search(header.get("dateline", ""))
    if m:
        d, mo, y = (int(g) for g in m.groups())
        found = _valid(y, mo, d)
        if found:
            return Published(found, "dateline")
    return None


def _day_month_evidence(cands: list[Candidate], byline_date: str | None, sentence_starts: dict[int, int]):
    """(day, month, basis) from the strongest day-level evidence in the article, else None."""
    if byline_date:
        m = _DAY_MONTH.match(byline_date)
        if m and _valid(2000, int(m.group(2)), int(m.group(1))):
            return int(m.group(1)), int(m.group(2)), "byline"
    for c in cands:  # `sáng nay (29.5)`, `hôm nay, 21/4`, `hôm qua, 5-1`: an anchored relative day
        if c.kind == "date" and c.day and not c.year and re.match(r"(?i)\s*(?:\S+\s+)?(?:ngày\s+)?hôm\s+(?:nay|qua)|"
                                                                     r"\s*(?:sáng|trưa|chiều|tối|đêm)\s+(?:nay|qua)",
                                                                     c.surface):
            shift = -1 if re.search(r"(?i)qua", c.surface.split(",")[0].split("(")[0]) else 0
            day = dt.date(2000, c.month, c.day) - dt.timedelta(days=shift)
            return day.day, day.month, "text"
    for c in cands:  # a sentence opening with a date: `Ngày 8/8, Bộ Quốc phòng Nga…`
        if c.kind == "date" and c.day and not c.future and c.role in ("lead", "body") \
                and sentence_starts.get(c.sentence_index) == c.start:
            return c.day, c.month, "dateline"
    return None


def _offices(mentions: list[Mention]) -> list[list[gz.Person]]:
    """For each person named with a title, the terms of office that the title and name fit."""
    titles = {row["title"].lower(): row["office"] for row in gz.read_tsv("titles.tsv")}
    found: dict[str, list[gz.Person]] = {}
    for m in mentions:
        if m.entity_type != "PER" or not m.canonical_name:
            continue
        terms = gz.people().get(fold(m.canonical_name)) or gz.people().get(fold(m.surface)) or []
        if not terms:
            continue
        office = titles.get((m.role or "").lower())
        if office == "former":
            continue
        fitting = [p for p in terms if office in (None, "", p.office)]
        if not fitting:
            continue  # `Thái tử Charles` is not King Charles III: an office the table does not know
        key = fitting[0].name
        if key not in found or len(fitting) < len(found[key]):
            found[key] = fitting
    return list(found.values())


def _in_office(terms: list[gz.Person], day: dt.date) -> bool:
    return any(p.start <= day <= (p.end or dt.date.max) for p in terms)


def infer_published(metadata: str | None, header: dict[str, str], byline_date: str | None,
                    cands: list[Candidate], mentions: list[Mention], sentence_starts: dict[int, int],
                    today: dt.date | None = None) -> Published:
    """The article's publication date and how it was fixed."""
    given = PartialDate.parse(metadata)
    if given:
        return Published(given, "metadata")
    found = from_header(header)
    if found:
        return found
    today = today or dt.date.today()
    body = [c for c in cands if c.role != "related"]
    past_years = [c.year for c in body if c.year and not c.future and c.year <= today.year]
    text_year = max(past_years) if past_years else None
    # related-article lists carry the dates of neighbouring stories: not a bound (a page may list later
    # ones), but they tell the era, which breaks ties between years that fit the rest
    related = sorted(c.year for c in cands if c.role == "related" and c.year and c.day)
    era = related[len(related) // 2] if related else None
    day_month = _day_month_evidence(body, byline_date, sentence_starts)
    offices = _offices(mentions)

    # a day to test office holders against: the byline or dateline day, else the latest past day the
    # article mentions (it is written soon after)
    probe = (day_month[0], day_month[1]) if day_month else max(
        ((c.month, c.day) for c in body if c.kind == "date" and c.day and not c.future), default=None)
    probe = (probe[1], probe[0]) if probe and not day_month else probe  # as (day, month)

    def fits(year: int) -> int:
        """How many of the named office holders were in office together that year."""
        if probe:
            day = _valid(year, probe[1], probe[0])
            return sum(_in_office(t, day.as_date()) for t in offices) if day else -1
        return max(sum(_in_office(t, dt.date(year, mo, 15)) for t in offices) for mo in range(1, 13))

    year, basis = text_year, "text"
    scores = {y: fits(y) for y in range(min((p.start.year for t in offices for p in t), default=today.year),
                                        today.year + 1)} if offices else {}
    top = max(scores.values(), default=0)
    if top > 0:
        # the years every named office holder fits; explicit years beyond them were plans, not the past
        window = [y for y, score in scores.items() if score == top]
        bound = max((y for y in past_years if y <= window[-1]), default=None)
        candidates = [y for y in window if bound is None or y >= bound] or window
        best = min(candidates, key=lambda y: (abs(y - era) if era else 0, y))
        if best != text_year:
            year, basis = best, "world"
    elif era and (text_year is None or era >= text_year):
        year = era
    if year is None:
        return Published(None, "none")
    if day_month:
        found = _valid(year, day_month[1], day_month[0])
        if found:
            return Published(found, day_month[2] if basis == "text" else "world")
    return Published(PartialDate(year), basis)
