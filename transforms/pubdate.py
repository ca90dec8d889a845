"""Publication date (document creation time) from metadata, header lines, bylines, datelines or the text.

Where no metadata or header gives it, every clue the article holds is a constraint on the date, and the
date is the one that satisfies most of them (weighted), never the first window found:
  - office holders named with their present title (`Ngoại trưởng Mỹ John Kerry` and `Tổng thống Obama`:
    2013-02..2017-01), from people.tsv (curated) and leaders_reign.tsv (REIGN); `cựu`/`nguyên` (former)
    puts the date out of all the person's terms after the first, `tân` (new) near a start, `đắc cử` (elect)
    just before it; `do X cầm đầu` (led by X) counts as a present title;
  - dated anchors (anchors.tsv): landmark events as lower bounds, summits and the like as windows; told with
    `năm ngoái` (last year), an event's next year and a landmark's era from its second year;
  - every year the text mentions as past is a lower bound, from the next year for a year told only as a point in
    the past (`hồi năm 2015`, `Năm 2015, …`); `N năm trước`/`kỷ niệm N năm` with a year fix one (without a year
    in the sentence, one of the years the article names, at half weight);
  - a weekday with day and month (`thứ Ba, 16/6`) keeps only the years whose calendar agrees;
  - related-article dates (`…định cư(02/08/2004)`) tell the era;
  - a known person's age beside the name (`ông Putin, 64 tuổi`, births.tsv): the year of that birthday or the
    next; `X nhậm chức … năm ngoái` (took office last year): the year after X's term start.
Days: the byline date (`(theo AP, 29/5)`), an anchored `hôm nay (29/5)`/`hôm qua, 5-1`, a dateline, else the
latest past day the article speaks of; failing a day, the latest past month (`tháng 5 vừa qua`: the next);
else the month of a day told as coming (`ngày 18/11 tới`); else a month told with `hồi` (back in); else the
year alone. Among the years that fit best, the earliest at or after the latest past year mentioned (the next
one when the window only touches it: a term from 16 November), moved on to reach the day of a named event the
first year agrees with only before it (news tells of an event after it more than before); with no clue at all
the date stays null. Precision never claims more than the evidence.
Basis values: metadata, header, dateline, byline, text, world, batch, none.

A batch prior (`Prior`, from `group_prior`): the years of the confidently dated articles (a date given by
metadata, a header, a dateline or a byline, or world-fixed to a single year: `PRIOR_FROM`) of the article's
source group (one input folder, table file or object-store
prefix, grouped by flows/). Given one, a world-fixed article whose clues leave several years open takes the
open year the group has most dated articles of (basis `world` still: the window is the world's, the prior
only chooses in it); an article without any usable clue takes the group's typical year, when the group is
large and tight enough to have one, at year precision with basis `batch`. A text- or metadata-fixed date is
never moved, and no year outside the article's own window is chosen.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from transforms import gazetteer as gz
from transforms.literals import required_literals
from transforms.mentions import Mention
from transforms.nlp import Sentence
from transforms.normalize import fold
from transforms.timexes import LEXICON, Candidate, PartialDate, is_upcoming

_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})")
FIRST_YEAR = 1945  # REIGN's first year: nothing earlier can be told apart

# weights of the kinds of clue (see the module docstring); a present-title office holder outweighs one
# mis-read year, two of them outweigh a weekday
W_ELSEWHERE = 1.0  # a person named without a title that the article gives bare (`Thủ tướng Israel`)
W_OFFICE, W_FORMER, W_UNTITLED, W_YEAR, W_WEEKDAY, W_RELATED, W_ANCHOR, W_LANDMARK, W_ANNIVERSARY = (
    2.0, 1.0, 0.0, 1.0, 3.0, 3.0, 2.0, 1.0, 2.0)
W_AGE = 2.0  # `ông Putin, 64 tuổi`: a known birth date fixes the year within one, as an office term would

# a group gives a typical year (for articles without any clue) when at least PRIOR_MIN_DATED of its articles are
# confidently dated and PRIOR_TIGHT_SHARE of those lie within PRIOR_SPAN_YEARS consecutive years
PRIOR_MIN_DATED, PRIOR_SPAN_YEARS, PRIOR_TIGHT_SHARE = 10, 3, 0.8
# the dates a group's prior is made of: given (basis metadata, header, dateline, byline) and closed (world-fixed,
# the clues leave a single year), not text (the latest past year the text names): measured in vims_2016,
# baomoi_2017 and vntc_2000s dated alone, 82 of 84 closed world dates are in the folder's period and 76 of 109
# text ones (a year named as past is mostly a year before the article's)
PRIOR_FROM = frozenset({"given", "closed"})


@dataclass(frozen=True)
class Published:
    date: PartialDate | None
    basis: str
    evidence: tuple[str, ...] = field(default=())  # the clues that fixed it, most telling first
    window: tuple[int, ...] = field(default=())  # the years a batch prior may choose among (see `batch_year`)


@dataclass(frozen=True)
class Prior:
    """The years of a source group's confidently dated articles."""
    group: str
    counts: tuple[tuple[int, int], ...]  # (year, articles), by year
    typical: int | None = None  # the year an article without any clue takes; None: the group is too small or spread

    def mass(self, year: int) -> int:
        return dict(self.counts).get(year, 0)

    @property
    def dated(self) -> int:
        return sum(n for _, n in self.counts)


def prior_year(published: Published, sources: frozenset[str] = PRIOR_FROM) -> int | None:
    """The year an article dated alone gives its group's prior, if its date is one `sources` counts."""
    if published.date is None:
        return None
    kind = {"metadata": "given", "header": "given", "dateline": "given", "byline": "given", "text": "text"}.get(
        published.basis, "closed" if published.basis == "world" and len(published.window) <= 1 else None)
    return published.date.year if kind in sources else None


def group_prior(group: str, years: list[int], min_dated: int = PRIOR_MIN_DATED, span: int = PRIOR_SPAN_YEARS,
                share: float = PRIOR_TIGHT_SHARE) -> Prior:
    """The prior of a group from the years of its confidently dated articles. Its typical year is the most
    frequent year (the earliest of equals) of the `span` consecutive years holding most of them, when there
    are at least `min_dated` and that span holds at least `share` of them."""
    counts: dict[int, int] = {}
    for y in years:
        counts[y] = counts.get(y, 0) + 1
    typical = None
    if len(years) >= min_dated:
        held, start = max((sum(n for y, n in counts.items() if s <= y < s + span), -s) for s in counts)
        if held >= share * len(years):
            typical = max(range(-start, -start + span), key=lambda y: (counts.get(y, 0), -y))
    return Prior(group, tuple(sorted(counts.items())), typical)


def favoured_year(window: tuple[int, ...], prior: Prior) -> int | None:
    """The window year the prior has most articles of (the earliest of equals); None if it has none there."""
    best = max(window, key=lambda y: (prior.mass(y), -y), default=None)
    return best if best is not None and prior.mass(best) > 0 else None


def batch_year(published: Published, prior: Prior | None) -> int | None:
    """The year a batch prior gives an article dated without it (`published`), when it differs: inside the
    window of a world-fixed date (several years agree equally with its clues), or the group's typical year for
    an undated article (within its window, if clues that cannot date alone left one). None: unchanged."""
    if prior is None:
        return None
    if published.basis == "world" and len(published.window) > 1:
        year = favoured_year(published.window, prior)
        return year if year is not None and year != published.date.year else None
    if published.basis == "none" and prior.typical is not None:
        return prior.typical if not published.window or prior.typical in published.window else None
    return None


def _prior_evidence(prior: Prior, year: int) -> str:
    return (f"batch prior: {prior.group}: {prior.mass(year)} of {prior.dated} dated articles in {year}")


@dataclass(frozen=True)
class Clue:
    """A constraint on the publication day: `ok(day)` says whether a publication that day agrees."""
    weight: float
    spans: tuple[tuple[dt.date, dt.date], ...]  # the days that agree (inclusive)
    text: str
    alone: bool = True  # False: it only chooses among the years other clues allow (a weekday, one of many elections)
    at: dt.date | None = None  # an event's own day, inside a window that opens before it (see _choose_year)
    news: tuple[dt.date, ...] = ()  # the days of a one-day event the headline or lead names (see _news_month)

    def ok(self, day: dt.date) -> bool:
        return any(a <= day <= b for a, b in self.spans)


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
            return Published(value, "header", (f"header {key}",))
    m = _NUMERIC_DATE.search(header.get("dateline", ""))
    if m:
        d, mo, y = (int(g) for g in m.groups())
        found = _valid(y, mo, d)
        if found:
            return Published(found, "dateline", ("header dateline",))
    return None


# --- the day and month ------------------------------------------------------------------------------
_ANCHORED = re.compile(r"(?i)\s*(?:\S+\s+)?(?:ngày\s+)?hôm\s+(?:nay|qua|kia)|\s*(?:\S+\s+)?ngày\s+mai"
                       r"|\s*(?:sáng|trưa|chiều|tối|đêm)\s+(?:nay|qua|mai)")
_SHIFT = {"qua": -1, "kia": -2, "mai": 1}  # the anchored day's distance from the publication day


def _anchored_shift(c: Candidate) -> int | None:
    """`sáng nay (29.5)` 0, `hôm qua, 5-1` -1, `ngày mai (3/6)` +1; None if the date is not so anchored."""
    if c.kind != "date" or not c.day or c.year or not _ANCHORED.match(c.surface):
        return None
    word = re.findall(r"(?i)\b(nay|qua|kia|mai)\b", c.surface.split(",")[0].split("(")[0])
    return _SHIFT.get(word[-1].lower(), 0) if word else 0


def _day_month_evidence(cands: list[Candidate], byline_date: str | None, opening: set[tuple[int, int]]):
    """(day, month, basis) from the strongest day-level evidence in the article, else None. `opening`:
    (sentence index, start) of the lead's and the body's first two sentences, where a dateline stands."""
    if byline_date:
        m = _DAY_MONTH.match(byline_date)
        if m and _valid(2000, int(m.group(2)), int(m.group(1))):
            return int(m.group(1)), int(m.group(2)), "byline"
    for c in cands:  # `sáng nay (29.5)`, `hôm nay, 21/4`, `hôm qua, 5-1`, `ngày mai (3/6)`: an anchored day
        shift = _anchored_shift(c)
        if shift is not None and _valid(2000, c.month, c.day):
            day = dt.date(2000, c.month, c.day) - dt.timedelta(days=shift)
            return day.day, day.month, "text"
    for c in cands:  # an opening sentence that starts with a date: `Ngày 8/8, Bộ Quốc phòng Nga…`
        if c.kind == "date" and c.day and not c.year and not c.future and (c.sentence_index, c.start) in opening:
            return c.day, c.month, "dateline"
    return None


def _latest_circular(points: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The latest of (month, day) points that lie within a few months of each other, across New Year:
    the one before the widest gap of the calendar circle."""
    pts = sorted(set(points))
    if not pts:
        return None
    if len(pts) == 1:
        return pts[0]
    ordinal = [dt.date(2001, m, min(d, 28)).timetuple().tm_yday for m, d in pts]
    gaps = [((ordinal[(i + 1) % len(pts)] - ordinal[i]) % 365, i) for i in range(len(pts))]
    return pts[max(gaps)[1]]


def _recent_days(cands: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if c.kind == "date" and c.day and not c.year and not c.future
            and (_anchored_shift(c) or 0) <= 0]


def _recent_months(cands: list[Candidate], back_in: bool = False) -> list[Candidate]:
    """Past months without a year: those told with `hồi` (`bùng phát hồi tháng giêng`: back in a month,
    most often before the present one) when `back_in`, else the others."""
    return [c for c in cands if c.kind == "month" and not c.year and not c.future and c.week_shift != "relative_year"
            and bool(_BACK_IN.match(c.surface)) == back_in]


_BACK_IN = re.compile(r"(?i)\s*hồi(?!\w)")


def _upcoming_month(cands: list[Candidate], texts: dict[int, tuple[int, str]]) -> int | None:
    """The month of the nearest day told as coming with `tới` (`hội nghị APEC … ngày 18/11 tới`): news names
    such a day weeks ahead, not months, so failing any past day or month the article is of that month."""
    months = []
    for c in cands:
        if c.kind == "date" and c.day and not c.year and c.future and c.sentence_index in texts:
            start, text = texts[c.sentence_index]
            if is_upcoming(text[c.end - start:]):
                months.append((c.month, c.day))
    first = _latest_circular(months[:1])  # the first told: an article leads with what comes next
    return first[0] if first else None


def _latest_recent(body: list[Candidate]) -> tuple[int, int | None] | None:
    """(month, day) of the latest past day the article speaks of, (month, None) of the latest past month
    failing a day, else None. A day told beside an unanchored `hôm qua` is most often that yesterday: the
    article is of the next day (not when the day has its weekday: news names the weekday of days before
    yesterday)."""
    days = _recent_days(body)
    latest = _latest_circular([(c.month, c.day) for c in days])
    if latest:
        named = any(c.weekday is not None for c in days if (c.month, c.day) == latest)  # `hôm thứ ba (10-1)`
        if not named and any(c.kind == "relative_day" and c.offset == -1 for c in body):
            nxt = dt.date(2001, *latest) + dt.timedelta(days=1)
            latest = (nxt.month, nxt.day)
        return latest
    months = _recent_months(body)
    return (_latest_circular([(_month_after(c), 1) for c in months])[0], None) if months else None


def _month_after(c: Candidate) -> int:
    """A month's place among the recent ones: `tháng 5 vừa qua` is the May just over, so the article is of a
    later month (the next, most likely); any other month may be the present one."""
    return c.month % 12 + 1 if re.search(r"(?i)vừa\s+qua\s*$", c.surface) else c.month


def _latest_back_in(body: list[Candidate]) -> tuple[int, None] | None:
    months = _recent_months(body, back_in=True)
    return (_latest_circular([(c.month, 1) for c in months])[0], None) if months else None


# --- office holders ---------------------------------------------------------------------------------
_LEADER_OFFICES = frozenset({"president", "pm", "general_secretary", "leader", "king", "queen", "supreme_leader"})
_FORMER = re.compile(r"(?i)(?<!\w)(?:cựu|nguyên|cố)(?!\s+thủ\s+quốc)(?=\s+(?:tổng|thủ|chủ|lãnh|nhà|vua|quốc|giáo|"
                     r"hoàng|phó|bộ|ngoại|thái|tướng|đại|người|bí|thượng|nghị|ứng|giám|trưởng|tư|thống|thị)(?!\w))")
_OTHER_PERSON = re.compile(r"(?i)(?:,|(?<!\w)(?:và|với|của|cùng|lẫn|hay|hoặc)(?!\w))")  # before it: someone else's title
_NEW = re.compile(r"(?i)(?<!\w)tân(?!\w)")
_ELECT = re.compile(r"(?i)^\s*(?:mới\s+)?(?:đắc\s+cử|tân\s+cử)")
# `khi đó` (then), not `trong khi đó` / `trong lúc đó` (meanwhile)
_THEN = re.compile(r"(?i)(?<!\w)(?<!trong\s)(?:khi\s+đó|lúc\s+đó|khi\s+ấy|lúc\s+ấy|lúc\s+bấy\s+giờ|thời\s+đó|thời\s+ấy|hồi\s+đó|"
                   r"hồi\s+ấy|thời\s+điểm\s+đó|đương\s+thời)(?!\w)")
# `nhóm do Abu Musab al-Zarqawi cầm đầu`: led by the person, as a present title would say
_LED_BY = re.compile(r"(?i)(?<!\w)do\s+$")
_LEADS = re.compile(r"(?i)\s*(?:cầm\s+đầu|đứng\s+đầu|lãnh\s+đạo|chỉ\s+huy)(?!\w)")
_CLAUSE = re.compile(r"[.;:!?“”\"()\n]")


@lru_cache(maxsize=1)
def _title_offices() -> dict[str, str]:
    return {row["title"].lower(): row["office"] for row in gz.read_tsv("titles.tsv")}


def _office_of(role: str | None) -> str | None:
    """`Bộ trưởng Quốc phòng` -> defmin, `người phát ngôn Bộ Ngoại giao` -> spokesperson; None if untitled."""
    if not role:
        return None
    low = " ".join(role.lower().split())
    low = _FORMER.sub("", _NEW.sub("", low)).strip()
    titles = _title_offices()
    if low in titles:
        return titles[low] or None
    words = low.split()
    for n in range(len(words), 0, -1):  # the longest title the role starts with, then its portfolio
        office = titles.get(" ".join(words[:n]))
        if office is not None:
            rest = " ".join(words[n:])
            if office in ("minister", "deputy_minister"):
                prefix = "deputy_" if office == "deputy_minister" else ""
                if "ngoại giao" in rest:
                    return prefix + "fm"
                if "quốc phòng" in rest:
                    return prefix + "defmin"
            return office or None
    return None


@lru_cache(maxsize=1)
def _reign_index() -> dict[str, list[gz.Person]]:
    """Folded name token -> REIGN leaders whose name holds it."""
    index: dict[str, list[gz.Person]] = {}
    for p in gz.leaders():
        for token in set(_tokens(p.name)):
            index.setdefault(token, []).append(p)
    return index


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-.]+", fold(name)) if t]


def _contiguous(part: list[str], whole: list[str]) -> bool:
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


_MINISTERS = frozenset({"minister", "fm", "defmin", "attorney_general", "chief_cabinet_secretary"})


def _names(m: Mention) -> list[str]:
    """Folded forms to look the person up by: the name, then its tails when a glued word or initial leads
    it (`Nhà Trắng Sean Spicer`, `NATOJens Stoltenberg` -> `Jens Stoltenberg`, `K.Annan` -> `Annan`)."""
    names = [fold(m.canonical_name or ""), fold(m.surface)]
    tokens = _tokens(m.canonical_name or m.surface)
    names += [" ".join(tokens[i:]) for i in range(1, len(tokens) - 1)]
    if len(tokens) == 2 and len(tokens[0]) == 1:
        names.append(tokens[1])
    bare = _bare(tokens)  # `Muammar al-Gaddafi` -> `muammar gaddafi`
    if bare != tokens:
        names.append(" ".join(bare))
    words = (m.canonical_name or m.surface).split()
    if len(words) >= 2 and not words[-1].isascii() and all(w.isascii() for w in words[:-1]):
        names.append(" ".join(_tokens(" ".join(words[:-1]))))  # a Vietnamese word glued after a foreign name: `Arroyo Biểu`
    return [n for n in names if n]


_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "ar", "az"})  # Arabic `al-` in its spellings


def _bare(tokens: list[str]) -> list[str]:
    """The name's tokens without Arabic articles (`al-Sisi` and `Sisi` are one name)."""
    return [t for t in tokens if t not in _ARTICLES] or tokens


def _same_name(theirs: list[str], tokens: list[str]) -> bool:
    """Whether a REIGN leader's name and the mention's name a person alike: one within the other, without
    Arabic articles, or an initial for the given name (`S.Hussein` is Saddam Hussein, `A.Rasmussen`
    any Rasmussen whose given name starts with A)."""
    theirs, tokens = _bare(theirs), _bare(tokens)
    if _contiguous(theirs, tokens) or len(tokens) >= 2 and _contiguous(tokens, theirs):
        return True
    return (len(tokens) == 2 and len(tokens[0]) == 1 and len(theirs) >= 2 and theirs[-1] == tokens[1]
            and theirs[0].startswith(tokens[0]))


def _terms(m: Mention, office: str | None) -> list[gz.Person]:
    """The terms of office the mention's name and title fit: curated holders by name (any of their
    offices when the title names none), REIGN leaders by country and surname for leaders' titles."""
    curated = next((found for n in _names(m) if (found := gz.people().get(n, []))), [])
    initials = _tokens(m.canonical_name or m.surface)
    if len(initials) == 2 and len(initials[0]) == 1:  # `A.Rasmussen`: the Rasmussens with an A name, if any
        # (`K.Sherpao` is Aftab Ahmad Khan Sherpao: any of the names)
        curated = [p for p in curated if any(t.startswith(initials[0]) for t in _tokens(p.name)[:-1])] or curated
    fitting = [p for p in curated if p.office == office] or [  # the very office, else compatible ones
        p for p in curated if office in (None, "leader", "head") or
        (office == "minister" and p.office in _MINISTERS) or
        (office in _LEADER_OFFICES and p.office in _LEADER_OFFICES and office != "pm" and p.office != "pm")]
    if (office in _LEADER_OFFICES or office is None and not curated) and not any(
            p.office in _LEADER_OFFICES or p.office == "pm" for p in fitting):  # the curated terms are the person's
        tokens = _tokens(m.canonical_name or m.surface)
        country = m.country
        for p in _reign_index().get(tokens[-1] if tokens else "", []) + _reign_index().get(tokens[0] if tokens else "", []):
            theirs = _tokens(p.name)
            if p in fitting or not _same_name(theirs, tokens):
                continue  # `Ricardo Lagos` is REIGN's `Ricardo Lagos Escobar`
            if country == p.country or (country is None and len(theirs) >= 2 and office is not None):
                fitting.append(p)
    return fitting


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, list[str]]:
    """ISO3 -> the country's Vietnamese names (countries.tsv) and name-use aliases (aliases.tsv; not seats:
    `Nhà Trắng` is no country after a title)."""
    forms: dict[str, list[str]] = {}
    for row in gz.read_tsv("countries.tsv"):
        forms.setdefault(row["iso3"], []).extend([row["name_vi"], *filter(None, row["aliases_vi"].split("|"))])
    for row in gz.read_tsv("aliases.tsv"):
        if row["type"] == "GPE" and row["use"] == "name":
            forms.setdefault(row["code"], []).append(row["alias"])
    return forms


@lru_cache(maxsize=None)
def _title_of_country(office: str, country: str) -> re.Pattern | None:
    """`Thủ tướng Israel`, `Tổng thống Mỹ`: a title of the office followed by the country's name."""
    titles = [t for t, o in _title_offices().items() if o == office]
    names = _country_forms().get(country, [])
    if not titles or not names:
        return None
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(set(xs), key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)(?:{alt(titles)})\s+(?:{alt(names)})(?!\w)")


# before a bare title: the office, not its holder (`ứng viên Tổng thống Mỹ`, `cựu Thủ tướng`, `trở thành`)
_NOT_HOLDER = re.compile(r"(?i)(?<!\w)(?:cựu|nguyên|cố|chức|ghế|ứng\s+(?:cử\s+)?viên|tranh\s+cử|bầu\s+cử|vị\s+trí|cương\s+vị|"
                         r"làm|thành|các|những|nhiều|đời|vị|khi\s+đó|lúc\s+đó)\s+$")


def _titled_elsewhere(terms: list[gz.Person], text: str, taken: set[tuple[str, str]]) -> str | None:
    """The office of the person's terms that the article names by title and country without a name
    (headline `Thủ tướng Israel và Palestine đồng ý gặp nhau`, then `ông Ariel Sharon`), unless another
    person named in the article holds that title there. None if no such title stands in the text."""
    for p in terms:
        if (p.office, p.country) in taken or p.office not in _LEADER_OFFICES | _MINISTERS | {"pm"}:
            continue
        pattern = _title_of_country(p.office, p.country)
        for m in pattern.finditer(text) if pattern else ():
            if not _NOT_HOLDER.search(text[max(0, m.start() - 25):m.start()]):
                return p.office
    return None


def _out_of_office(terms: list[gz.Person]) -> tuple[tuple[dt.date, dt.date], ...]:
    """The days after a first term when the person held none of these offices: a `cựu Tổng thống` Saddam
    Hussein is after 2003 (not after REIGN's Kuwait interlude of 1990-91 inside his Iraqi term), a
    `cựu Tổng thống` Putin between his terms or after them."""
    merged: list[list[dt.date]] = []
    for start, end in sorted((p.start, p.end or dt.date.max) for p in terms):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    gaps = [(a[1], b[0]) for a, b in zip(merged, merged[1:])]
    if merged and merged[-1][1] != dt.date.max:
        gaps.append((merged[-1][1], dt.date.max))
    return tuple(gaps)


# `nhậm chức tháng 11 năm ngoái`, `lên nắm quyền hồi năm ngoái`: right after the person's name, in its clause
_TOOK_OFFICE_LAST_YEAR = re.compile(r"(?i)^[^.;:!?]{0,20}?(?<!\w)(?:nhậm\s+chức|lên\s+(?:nắm|cầm)\s+quyền)\s+"
                                    r"(?:(?:hồi|vào|từ)\s+)?(?:(?:tháng\s+\d{1,2}|đầu|giữa|cuối)\s+)?năm\s+ngoái(?!\w)")
# `ông Putin, 64 tuổi`, `Saad Al-Abdullah (75 tuổi)`: the age told right after the name
_AGE_AFTER = re.compile(r"^\s*[,(]\s*(\d{2,3})\s+tuổi(?!\w)")
# `mẹ của Modi, 80 tuổi`, `em gái của mẹ Kim Jong-un`: the age of a relative, not the person's
_KIN_BEFORE = re.compile(r"(?i)(?<!\w)(?:của|mẹ|cha|bố|vợ|chồng|con|em|anh|chị|cháu|ông\s+nội|bà\s+nội)\s*$")


@lru_cache(maxsize=1)
def _births() -> dict[str, dt.date]:
    """fold(name or alias) -> birth date (births.tsv; the people.tsv aliases of its people too)."""
    born = {row["name"]: (dt.date.fromisoformat(row["born"]), row["aliases"]) for row in gz.read_tsv("births.tsv")}
    index: dict[str, dt.date] = {}
    for name, (day, aliases) in born.items():
        for alias in {name, *filter(None, aliases.split("|"))}:
            index[fold(alias)] = day
    for alias, persons in gz.people().items():
        days = {born[p.name][0] for p in persons if p.name in born}
        if len(days) == 1 and alias not in index:  # an alias of one person only
            index[alias] = days.pop()
    return index


def _age_clue(m: Mention, text: str) -> Clue | None:
    """`ông Putin, 64 tuổi`: the publication is between the person's N-th birthday and the next. The name as
    written must be the known person's (`Shigeaki Mori (79 tuổi)` is not Yoshiro Mori)."""
    found = _AGE_AFTER.match(text[m.end:m.end + 20])
    born = _births().get(fold(m.surface))
    if not found or not born or _KIN_BEFORE.search(text[max(0, m.start - 20):m.start]):
        return None
    n = int(found.group(1))
    try:
        first, nxt = born.replace(year=born.year + n), born.replace(year=born.year + n + 1)
    except ValueError:  # born on 29 February
        first, nxt = dt.date(born.year + n, 3, 1), dt.date(born.year + n + 1, 3, 1)
    return Clue(W_AGE, ((first, nxt - dt.timedelta(days=1)),), f"age: {m.surface} {n} (born {born.isoformat()})")


def _person_clues(mentions: list[Mention], text: str, sentence_years: dict[int, list[int]]) -> list[Clue]:
    clues: dict[tuple[str, str], Clue] = {}
    # the (office, country) of people the text names with their title: a bare title is theirs
    taken = {(p.office, p.country) for m in mentions if m.entity_type == "PER" and _office_of(m.role)
             for p in _terms(m, _office_of(m.role))}
    for m in mentions:
        if m.entity_type != "PER" or not (m.canonical_name or m.surface):
            continue
        age = _age_clue(m, text)
        if age:
            clues.setdefault(("age", age.text), age)
        left = text[max(0, m.start - 60):m.start]
        left = left[max((x.end() for x in _CLAUSE.finditer(left)), default=0):]
        right = text[m.end:m.end + 40]
        office, elsewhere = _office_of(m.role), False
        titled = office is not None or bool(_LED_BY.search(left) and _LEADS.match(right))  # `do Zarqawi cầm đầu`
        if office == "former":  # `Cựu Tổng thống`
            office = _office_of(re.sub(r"(?i)^\s*cựu\s+", "", m.role or "")) or None
            left += " cựu "
        if office in ("candidate", "other", "royal", "religious", "officer"):
            continue
        terms = _terms(m, office)
        if not terms:
            continue
        if not titled:  # `ông Ariel Sharon` where the article says `Thủ tướng Israel` without a name
            office = _titled_elsewhere([p for p in terms if p.country == (m.country or p.country)], text, taken)
            if office:
                terms, titled, elsewhere = [p for p in terms if p.office == office], True, True
        name = terms[0].name
        label = f"{m.role or ''} {m.canonical_name or m.surface}".strip()
        took = _TOOK_OFFICE_LAST_YEAR.match(right + text[m.end + 40:m.end + 80])
        if took:  # `kể từ khi ông Ahmed Korei nhậm chức tháng 11 năm ngoái`: the year after a term's start
            spans = tuple((dt.date(p.start.year + 1, 1, 1), dt.date(p.start.year + 1, 12, 31)) for p in terms)
            clues[("took", name)] = Clue(W_OFFICE, spans, f"took office last year: {label}")
        if _THEN.search(left) or _THEN.match(right.lstrip(" ,")):
            continue  # `Ngoại trưởng Mỹ khi đó`: the office then, not at publication
        if _FORMER.search(left[max((x.end() for x in _OTHER_PERSON.finditer(left)), default=0):]):
            spans = _out_of_office(terms)
            if spans:
                clues.setdefault(("former", name), Clue(W_FORMER, spans, f"former: {label}"))
            continue
        if titled and _ELECT.match(right) or re.search(r"(?i)(?:tổng\s+thống|thủ\s+tướng)\s+(?:mới\s+)?đắc\s+cử\s*$", left):
            spans = tuple((p.start - dt.timedelta(days=100), p.start) for p in terms)
            clues[("elect", name)] = Clue(W_OFFICE, spans, f"elect: {label}")
            continue
        if titled and _NEW.search(left + " " + (m.role or "")):
            spans = tuple((p.start - dt.timedelta(days=60), p.start + dt.timedelta(days=200)) for p in terms)
            clues[("new", name)] = Clue(W_OFFICE, spans, f"new: {label}")
            continue
        years = sentence_years.get(m.sentence_index, [])
        if titled and any(p.start.year <= y <= (p.end or dt.date.max).year for p in terms for y in years):
            continue  # `Năm 2009, Tổng thống Obama…`: the office in that year, which is already a bound
        if titled:
            spans = tuple((p.start, p.end or dt.date.max) for p in terms)
            clue = Clue(W_ELSEWHERE if elsewhere else W_OFFICE, spans,
                        f"{'titled elsewhere' if elsewhere else 'office'}: {label}")
        elif W_UNTITLED:  # untitled: off, a name alone is news long before and after an office
            spans = tuple((p.start, (p.end + dt.timedelta(days=365)) if p.end else dt.date.max) for p in terms)
            clue = Clue(W_UNTITLED, spans, f"named: {label}")
        else:
            continue
        key = ("office", name)
        if key not in clues or clue.weight > clues[key].weight or (
                clue.weight == clues[key].weight and len(clue.spans) < len(clues[key].spans)):
            clues[key] = clue
    return list(clues.values())


# --- years, anchors, weekdays -------------------------------------------------------------------------
# not `vào` (on, in): `vào ngày 26/7/2003`, `vào năm 2014` are past unless the clause speaks of the future
_TARGET_BEFORE = re.compile(r"(?i)(?:đến|tới|trước|mục tiêu|tầm nhìn|lộ trình|kế hoạch|giai đoạn|"
                            r"dự kiến|sẽ|chiến lược|định hướng|niên khóa|nhiệm kỳ|khóa)\s+(?:năm\s+)?$")
# `vào năm 2017` is a target in a sentence of plans and purposes (`điều chỉnh lộ trình … vào năm 2017`, `để sản
# xuất … vào cuối năm 2022`), else the past
_AT_BEFORE = re.compile(r"(?i)(?<!\w)vào\s+(?:năm\s+)?$")
_PLAN = re.compile(r"(?i)(?<!\w)(?:để|nhằm|lộ\s+trình|kế\s+hoạch|mục\s+tiêu|phấn\s+đấu|đề\s+nghị|đề\s+xuất|dự\s+kiến|dự\s+định)(?!\w)")
_RANGE_AFTER = re.compile(r"^\s*[-–]\s*$")
# a year alone told as a point in the past (`hồi năm 2000`, `vào năm 2012`, `chiến tranh Kosovo (1999)`, `Năm 2015,
# …` opening a sentence that plans nothing): news says `năm nay` of its own year, so such a year is an earlier one.
# Matched on the sentence up to the year, the year as said and the character after it, joined by NULs.
_POINT_PAST = re.compile(r"(?i)(?<!\w)(?:hồi|vào)\s+\x00năm\s+\d{4}\x00|\(\x00\d{4}\x00\)")
_OPENING_YEAR = re.compile(r"(?i)\W*\x00năm\s+\d{4}\x00,")
_FUTURE_CUE = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(map(re.escape, LEXICON['future_cues']))})(?!\w)")
_ANNIVERSARY = re.compile(r"(?i)(?:kỷ\s+niệm|tròn|cách\s+đây|sau)\s+(\d{1,3})\s+năm|(\d{1,3})\s+năm\s+(?:trước|về\s+trước|qua|sau|kể\s+từ)\b")
# counted back from the publication: `cách đây 47 năm`, `47 năm trước đây`, `18 năm kể từ khi`, `sau 18 năm`
_COUNTED_BACK = re.compile(r"(?i)cách\s+đây|sau\s|\d+\s+năm\s+(?:trước|về\s+trước|kể\s+từ)")


def _year_clues(cands: list[Candidate], texts: dict[int, tuple[int, str]]) -> tuple[list[Clue], list[int]]:
    """Past years as lower bounds; the years themselves (for the era and the text basis). A year told only as a
    point in the past (`hồi năm 2015`, `Năm 2015, …`) bounds from the next year and is not one of them."""
    past: set[int] = set()
    point: set[int] = set()  # years told as a point in the past
    other: set[int] = set()  # years told otherwise somewhere (`trong năm 2016`, `tháng 5/2016`)
    for c in cands:
        if not c.year or c.future or c.role in ("related", "byline"):
            continue
        start, text = texts[c.sentence_index]
        before = text[:c.start - start]
        if _TARGET_BEFORE.search(before[-25:]) or _AT_BEFORE.search(before[-25:]) and _PLAN.search(text):
            continue  # `đến năm 2020`, `giai đoạn 2016-2020`: a target, not the past
        if _RANGE_AFTER.match(before[-3:]) and re.search(r"\d{4}\s*[-–]\s*$", before):
            continue  # the end of `2016-2020`
        past.add(c.year)
        said = f"{before}\x00{c.surface}\x00{text[c.end - start:c.end - start + 1]}"
        opening = _OPENING_YEAR.match(said) and not _FUTURE_CUE.search(text[c.end - start:])  # not `Năm 2006, … sẽ`
        told_past = c.kind == "year" and bool(_POINT_PAST.search(said) or opening)
        (point if told_past else other).add(c.year)
    earlier = point - other
    clues = [Clue(W_YEAR, ((dt.date(y + 1, 1, 1), dt.date.max),), f"before: year {y}") if y in earlier else
             Clue(W_YEAR, ((dt.date(y, 1, 1), dt.date.max),), f"past year {y}") for y in sorted(past)]
    return clues, sorted(past - earlier)


def _anniversary_clues(cands: list[Candidate], texts: dict[int, tuple[int, str]]) -> list[Clue]:
    """`kỷ niệm 70 năm … (1945)`, `cách đây 10 năm, năm 2006`: the year the sentence counts to. A
    `kỷ niệm N năm` whose sentence names no year counts from one of the years the article names (`kỷ niệm
    30 năm ngày mất của cố Thủ tướng Olof Palme` … `(1927-1986)`): any of them, a weaker clue that two
    anniversaries in one article narrow down."""
    out = []
    by_sentence: dict[int, list[int]] = {}
    for c in cands:
        if c.year and c.role not in ("related", "byline"):
            by_sentence.setdefault(c.sentence_index, []).append(c.year)
    article_years = sorted({int(y) for _, text in texts.values() for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)
                            if int(y) <= dt.date.today().year})  # lifespans and ranges too: `(1927-1986)`
    for index, (_, text) in texts.items():
        years = by_sentence.get(index)
        for m in _ANNIVERSARY.finditer(text):
            n = int(m.group(1) or m.group(2))
            if not 1 <= n <= 100:
                continue
            if not years:
                if m.group(0).lower().startswith("kỷ") and article_years:  # `kỷ niệm 30 năm … và 47 năm …`
                    for k in re.findall(r"(?<!\d)(\d{1,3})\s+năm", text[m.start():]):
                        spans = tuple((dt.date(y + int(k), 1, 1), dt.date(y + int(k), 12, 31)) for y in article_years
                                      if y + int(k) <= dt.date.today().year)
                        out.append(Clue(W_ANNIVERSARY / 2, spans, f"kỷ niệm {k} năm from one of {article_years}"))
                    continue
                # `…tị nạn từ năm 1998…` then `Tuy nhiên, sau 18 năm im lặng`: after N years from the one
                # year a sentence or two before names (`N năm trước` counts from the publication instead)
                before = [by_sentence[i] for i in (index - 1, index - 2) if i in by_sentence]
                if m.group(0).lower().startswith("sau") and before and len(set(before[0])) == 1 and before[0][0] + n <= dt.date.today().year:
                    y = before[0][0] + n
                    out.append(Clue(W_ANNIVERSARY / 2, ((dt.date(y, 1, 1), dt.date(y, 12, 31)),),
                                    f"{m.group(0)} from {before[0][0]} before"))
                elif _COUNTED_BACK.match(m.group(0)) and article_years:
                    # `kiến lập quan hệ ngoại giao … vào 47 năm trước đây` and `1969` elsewhere: the event's
                    # year is most often one the article names, so the publication is N years after one of them
                    spans = tuple((dt.date(y + n, 1, 1), dt.date(y + n, 12, 31)) for y in article_years
                                  if y + n <= dt.date.today().year)
                    if spans:
                        out.append(Clue(W_ANNIVERSARY / 2, spans, f"{m.group(0)} from one of {article_years}"))
                continue
            base = min(years)
            y = base + n
            if len(set(years)) == 2 and max(years) - base == n:
                y = max(years)
            if y > dt.date.today().year + 1 or len(set(years)) > 2:
                continue
            out.append(Clue(W_ANNIVERSARY, ((dt.date(y - 1, 7, 1), dt.date(y, 12, 31)),), f"{m.group(0)} from {base}"))
    return out


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _number(text: str) -> int | None:
    """`15` -> 15, `XII` -> 12."""
    if text.isdigit():
        return int(text)
    values = [_ROMAN.get(ch) for ch in text.upper()]
    if not values or None in values:
        return None
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@dataclass(frozen=True)
class Anchor:
    pattern: re.Pattern
    kind: str  # landmark | event | ordinal | release | anniversary (see anchors.tsv)
    dates: tuple[str, ...]  # each date or interval as written (`2016-05`, `2016-10-17/2017-07-10`)
    before: int
    after: int
    ordinals: dict[str, str]  # number or name -> date
    story: str  # happening | lasting | name | '' (see anchors.tsv)
    literals: tuple[str, ...] | None = None  # one of them is in every match (transforms/literals.py)


def _span(text: str) -> tuple[dt.date, dt.date]:
    """`2016-05` -> (2016-05-01, 2016-05-31); `2016-10-17/2017-07-10` -> its ends."""
    first, _, last = text.partition("/")
    a, b = PartialDate.parse(first), PartialDate.parse(last or first)
    return a.as_date(), PartialDate(b.year, b.month or 12, b.day or calendar.monthrange(b.year, b.month or 12)[1]).as_date()


@lru_cache(maxsize=1)
def _anchors() -> list[Anchor]:
    return [Anchor(re.compile(row["pattern"], re.IGNORECASE), row["kind"], tuple(row["date"].split()),
                   int(row["before_days"] or 0), int(row["after_days"] or 0),
                   {k.lower(): v for k, v in (x.split("=") for x in row["ordinals"].split())}, row["story"],
                   tuple(required_literals(row["pattern"]) or ()) or None)
            for row in gz.read_tsv("anchors.tsv")]


def _anchor_clues(sentences: list[Sentence], sentence_years: dict[int, list[int]],
                  last_year: frozenset[int] | set[int] = frozenset()) -> list[Clue]:
    """Clues from the dated anchors a sentence names. An event told with a year in its sentence (`tháng
    1.2013, Triều Tiên thử hạt nhân lần 3`) is history, not news: only landmarks count there. In a sentence of
    `last_year` (it says `năm ngoái`), an event is of the year before the publication (`trận động đất tại Kashmir
    hồi cuối tháng 10 năm ngoái`: 2006) and a landmark's era had begun by then (`tháng 9 năm ngoái` beside
    `Covid-19`: 2021 at the earliest)."""
    found: dict[tuple[str, str], Clue] = {}
    article = " ".join(s.text.lower() for s in sentences)
    named = [a for a in _anchors() if not a.literals or any(w in article for w in a.literals)]
    for s in sentences:
        if s.role in ("related", "byline"):
            continue
        lower = s.text.lower()
        for a in named:
            if a.kind in ("event", "ordinal") and sentence_years.get(s.index):
                continue
            if a.literals and not any(w in lower for w in a.literals):
                continue  # none of the words every match holds: skip the scan
            for m in a.pattern.finditer(s.text):
                dates, said = a.dates, m.group(0)
                if a.kind in ("ordinal", "release", "anniversary"):
                    key = next((g for g in m.groups() if g), "").lower()
                    if a.kind == "anniversary":
                        n, base = _number(key), _span(a.dates[0])[0].year
                        if not n or base + n > dt.date.today().year + 1:
                            continue
                        y = base + n
                        clue = Clue(W_ANNIVERSARY, ((dt.date(y - 1, 7, 1), dt.date(y, 12, 31)),), f"{said} from {base}")
                        found.setdefault((a.pattern.pattern, str(y)), clue)
                        continue
                    dates = tuple(filter(None, [a.ordinals.get(key) or a.ordinals.get(str(_number(key)))]))
                    if not dates:
                        continue
                when, spans = " ".join(dates), [_span(d) for d in dates]
                if s.index in last_year:  # the year after the event; after the landmark's first year
                    if a.kind in ("landmark", "release"):
                        clue = Clue(W_LANDMARK, ((dt.date(spans[0][0].year + 1, 1, 1), dt.date.max),),
                                    f"after: {said} ({when}) last year")
                    else:
                        years = tuple((dt.date(x.year + 1, 1, 1), dt.date(y.year + 1, 12, 31)) for x, y in spans)
                        clue = Clue(W_ANCHOR, years, f"anchor: {said} ({when}) last year", alone=len(spans) == 1)
                    found.setdefault((a.pattern.pattern, when, "last year"), clue)
                    continue
                if a.kind in ("landmark", "release"):
                    clue = Clue(W_LANDMARK, ((spans[0][0], dt.date.max),), f"after: {said} ({when})")
                else:
                    news = tuple(x for x, y in spans if x == y) \
                        if a.story == "happening" and s.role in ("title", "lead") else ()
                    clue = Clue(W_ANCHOR, tuple((x - dt.timedelta(days=a.before), y + dt.timedelta(days=a.after))
                                                for x, y in spans), f"anchor: {said} ({when})", alone=len(spans) == 1,
                                at=spans[0][0] if len(spans) == 1 else None, news=news)
                found.setdefault((a.pattern.pattern, when), clue)
    return list(found.values())


def _weekday_clues(cands: list[Candidate], probe_month: int | None) -> list[Clue]:
    """`thứ Ba, 16/6`: the years in which 16 June was a Tuesday (the year before for a date well
    after the publication month: a December date in a January article)."""
    out = []
    for c in cands:
        if c.kind != "date" or c.weekday is None or not c.day or c.year:
            continue
        spans = []
        for y in range(FIRST_YEAR, dt.date.today().year + 2):
            if not _valid(y, c.month, c.day) or dt.date(y, c.month, c.day).weekday() != c.weekday:
                continue
            shift = 1 if probe_month and c.month - probe_month > 6 else 0
            pub = y + shift
            spans.append((dt.date(pub, 1, 1), dt.date(pub, 12, 31)))
        out.append(Clue(W_WEEKDAY, tuple(spans), f"weekday: {c.surface.strip()}", alone=False))
    return out


def _related_clue(cands: list[Candidate]) -> Clue | None:
    """Related-article lists carry the dates of neighbouring stories: the article is of their era (from
    the earliest to a year after the latest: a page may list a later story)."""
    years = sorted(c.year for c in cands if c.role == "related" and c.year and c.day)
    if not years:
        return None
    lo, hi = years[len(years) // 4], years[-1]
    return Clue(W_RELATED, ((dt.date(lo, 1, 1), dt.date(hi + 1, 12, 31)),), f"related articles {lo}-{hi}")


# --- putting them together ----------------------------------------------------------------------------
def _days_of(y: int, probe: tuple[int, int | None] | None, today: dt.date) -> list[dt.date]:
    """The days of year y the publication may be on: the probe's day, mid-month of its month, else mid-month
    of every month; none after today."""
    if probe and probe[1]:
        day = _valid(y, probe[0], probe[1])
        days = [day.as_date()] if day else []
    elif probe:
        days = [dt.date(y, probe[0], 15)]
    else:
        days = [dt.date(y, mo, 15) for mo in range(1, 13)]
    return [d for d in days if d <= today]


def _window(clues: list[Clue], probe, today: dt.date, alone: bool = True) -> tuple[list[int], float]:
    """The years whose days agree with the largest weight of clues (with `alone`, counting only days some
    clue that can date alone agrees with), and that weight; no years when no positive weight agrees."""
    keys: dict[int, float] = {}
    for y in range(FIRST_YEAR, today.year + 1):
        days = _days_of(y, probe, today)
        scored = [(sum(c.weight for c in clues if c.ok(d)), any(c.ok(d) for c in clues if c.alone)) for d in days]
        scored = [score for score, other in scored if other or not alone]
        if scored:
            keys[y] = max(scored)
    top = max(keys.values(), default=0)
    return ([y for y, key in keys.items() if key == top] if top > 0 else []), top


def _choose_year(clues: list[Clue], probe: tuple[int, int | None] | None, lower: int | None, today: dt.date):
    """The year whose days agree with the largest weight of clues; among those, the earliest at or after
    `lower` (the latest year the text speaks of as past). Measured on the corpus folders and on
    dantri_unc_2020 (held out), the earliest beats the latest and the middle: a window is mostly opened by a
    new office holder or event that the article is news about, and a window left open by a sitting
    office holder (`Tổng thống Trump`: 2017-2021 and 2025-) reaches the present, where no past article
    is. Without a day or month, a first year that agrees on a single mid-month (the window opens in its last
    weeks) gives way to the next one when that agrees too: the window holds the next year whole. None when only
    clues that cannot date alone agree (a weekday with a day, one of the years of elections or summits: they
    choose inside another clue's window). Returned with the window (the years of the largest weight)."""
    window, top = _window(clues, probe, today)
    if not window:
        return None, []
    first = next((y for y in window if lower is None or y >= lower), window[0])
    if not probe and first != lower and first + 1 in window and sum(
            sum(c.weight for c in clues if c.ok(d)) == top for d in _days_of(first, probe, today)) == 1:
        first += 1
    # an event the text names is told of after it more than before: when the first year agrees with an event
    # only in the window before it, the earliest year whose days reach the event's own day
    events = [c for c in clues if c.at and any(c.ok(d) for d in _days_of(first, probe, today))]
    if not events:
        return first, window
    after = max(c.at for c in events)
    return next((y for y in window if y >= first and any(d >= after and all(c.ok(d) for c in events)
                                                         for d in _days_of(y, probe, today))), first), window


def infer_published(metadata: str | None, header: dict[str, str], byline_date: str | None,
                    cands: list[Candidate], mentions: list[Mention], today: dt.date | None = None,
                    sentences: list[Sentence] | None = None, prior: Prior | None = None) -> Published:
    """The article's publication date, how it was fixed and the clues used; `prior`: its source group's
    (see the module docstring), which chooses inside a window left open and dates an article without clues."""
    given = PartialDate.parse(metadata)
    if given:
        return Published(given, "metadata", ("metadata",))
    found = from_header(header)
    if found:
        return found
    today = today or dt.date.today()
    sentences = sentences or []
    texts = {s.index: (s.start, s.text) for s in sentences}
    body = [c for c in cands if c.role not in ("related", "byline")]

    # the day (or month) the article speaks from
    opening = [s for s in sentences if s.role == "lead"][:1] + [s for s in sentences if s.role == "body"][:2]
    fixed = _day_month_evidence(cands, byline_date, {(s.index, s.start) for s in opening})
    if fixed:
        probe, day_basis = (fixed[1], fixed[0]), fixed[2]
    else:
        # the latest past day, else month; else the month of a day told as coming (`ngày 18/11 tới`); else
        # a month told with `hồi` (back in: it may be an earlier month, but it still places the year)
        upcoming = _upcoming_month(body, texts) if texts else None
        probe = _latest_recent(body) or ((upcoming, None) if upcoming else _latest_back_in(body))
        day_basis = "text"

    clues: list[Clue] = []
    year_clues, past_years = _year_clues(body, texts) if texts else ([], [])
    clues += year_clues
    sentence_years: dict[int, list[int]] = {}
    for c in body:
        if c.year and not c.future:
            sentence_years.setdefault(c.sentence_index, []).append(c.year)
    article_text = _article_text(sentences)
    clues += _person_clues(mentions, article_text, sentence_years)
    last_year = {c.sentence_index for c in body if c.offset == -1 and not c.future and "ngoái" in c.surface.lower()
                 and "relative_year" in (c.kind, c.week_shift)}  # `năm ngoái`, `tháng 9 năm ngoái`
    clues += _anchor_clues(sentences, sentence_years, last_year)
    clues += _anniversary_clues(body, texts) if texts else []
    clues += _weekday_clues(body, probe[0] if probe else None)
    related = _related_clue(cands)
    if related:
        clues.append(related)
    if not clues:
        return _undated(Published(None, "none"), prior)
    lower = max(past_years) if past_years else None
    year, window = _choose_year(clues, probe, lower, today)
    if year is None:  # only clues that cannot date alone (a weekday): the years they agree on best
        return _undated(Published(None, "none", window=tuple(_window(clues, probe, today, alone=False)[0])), prior)
    # the years left open: those of the window at or after the latest past year (when the text names none of them)
    open_years = () if lower == year else tuple(y for y in window if lower is None or y >= lower) or tuple(window)
    favoured = batch_year(Published(PartialDate(year), "world", window=open_years), prior) if open_years else None
    year = favoured or year
    if not fixed:  # days stated with their year are the article's recent days only when they all fall in one
        # month (`Đêm ngày 08.02.2017`, `Ngày 09.02.2017`): news leaves the year out of recent days, and a
        # lone `ngày 22-3-2016` or `tháng 4-2006` is mostly an earlier event
        stated = [PartialDate(c.year, c.month, c.day).as_date() for c in body
                  if c.year and c.kind in ("date", "month") and c.month and not c.future]
        if len(stated) >= 2 and max(stated).year == year and max(stated) - min(stated) <= dt.timedelta(days=31) \
                and (not probe or (max(stated).month, max(stated).day) > (probe[0], probe[1] or 0)):
            latest = max((c for c in body if c.year == year and c.kind == "date" and c.day and not c.future),
                         key=lambda c: (c.month, c.day), default=None)
            probe = (latest.month, latest.day) if latest else (max(stated).month, None)
    day = max(_days_of(year, probe, today) or [_probe_day(year, probe)],
              key=lambda d: sum(c.weight for c in clues if c.ok(d)))  # the year's best-agreeing day
    evidence = tuple(c.text for c in sorted(clues, key=lambda c: -c.weight) if c.ok(day))[:8]
    if favoured:
        evidence = (_prior_evidence(prior, year),) + evidence[:7]
    basis = "text" if lower == year else "world"  # the text names the year itself
    if probe and probe[1]:
        found = _valid(year, probe[0], probe[1])
        if found:
            return Published(found, day_basis if basis == "text" else "world", evidence, open_years)
    if probe:
        return Published(PartialDate(year, probe[0]), "text" if basis == "text" else "world", evidence, open_years)
    month = _news_month(clues, year)
    if month:
        return Published(PartialDate(year, month), "world", evidence, open_years)
    return Published(PartialDate(year), basis, evidence, open_years)


NEWS_DAYS = 3  # news of a happening follows it within days


def _news_month(clues: list[Clue], year: int) -> int | None:
    """The month of the one-day events of `year` that the headline or lead names (`Thủ lĩnh Taliban có thể đã
    bị Mỹ tiêu diệt`), when the text gives no day or month: the article is news of it, published within
    NEWS_DAYS, so in its month unless that crosses into the next. None when they disagree."""
    months = {m for c in clues for d in c.news if d.year == year
              for m in (d.month, (d + dt.timedelta(days=NEWS_DAYS)).month)}
    return months.pop() if len(months) == 1 else None


def _undated(published: Published, prior: Prior | None) -> Published:
    """An article its clues leave undated: the group's typical year (year precision, basis `batch`), if any."""
    year = batch_year(published, prior)
    if year is None:
        return published
    lo, hi = min(y for y, _ in prior.counts), max(y for y, _ in prior.counts)
    span = f"{lo}-{hi}" if lo < hi else f"{lo}"
    return Published(PartialDate(year), "batch", (
        f"batch: {prior.group}: typical year of {prior.dated} dated articles ({span}, {prior.mass(year)} in {year})",),
        published.window)


def _probe_day(year: int, probe) -> dt.date:
    if probe and probe[1]:
        day = _valid(year, probe[0], probe[1])
        if day:
            return day.as_date()
    if probe:
        return dt.date(year, probe[0], 15)
    return dt.date(year, 6, 30)


def _article_text(sentences: list[Sentence]) -> str:
    """The article text rebuilt from its sentences at their offsets (mentions index the article)."""
    if not sentences:
        return ""
    end = max(s.start + len(s.text) for s in sentences)
    chars = [" "] * end
    for s in sentences:
        chars[s.start:s.start + len(s.text)] = s.text
    return "".join(chars)
