"""Vietnamese time expressions: recognition (spans) and resolution (TIMEX3 values).

Recognition and resolution are separate so the publication date can be inferred in between, from
the same expressions. Both are pure. Scope (see ../shared/gold/GUIDELINE.md): expressions naming a
calendar day, month or year, or a day relative to the publication date; not durations (`3 năm`),
clock times, counts, weeks, decades or seasons.

Examples (publication date 2001-05-29):
    ngày 16/6 (with `sẽ`)     -> 2001-06-16  day      year completed forward by the future verb
    hôm qua                   -> 2001-05-28  day
    Tháng 11/2010             -> 2010-11     month
    (theo AP, NBC, 29/5)      -> 2001-05-29  day      a bare day/month counts in a byline
    thứ Bảy tuần qua          -> 2001-05-26  day
    cuối tháng 3              -> 2001-03     month
    sáng nay (29.5)           -> 2001-05-29  day      one expression: the relative word and its date
    ngày 28 và 29/10          -> 2000-10-28  day      a range is valued at its first day
    cùng ngày                 -> the last day resolved before it, else null
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from transforms.nlp import Sentence

LEXICON = json.loads((Path(__file__).parent / "data" / "timex_lexicon.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class PartialDate:
    """A date known to some precision: (2001, None, None) is `2001`; (2001, 5, 29) is `2001-05-29`."""
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def value(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str | None) -> "PartialDate | None":
        """`2001`, `2001-05`, `2001-05-29`, `20010529`, `2001-05-29T10:00:00` -> PartialDate."""
        if not text:
            return None
        text = str(text).strip()
        m = re.fullmatch(r"(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ].*)?", text)
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            dt.date(y, mo or 1, d or 1)
        except ValueError:
            return None
        return cls(y, mo, d)


@dataclass(frozen=True)
class Candidate:
    """A recognized expression, parsed but not yet resolved."""
    sentence_index: int
    start: int  # offsets in the article text
    end: int
    surface: str
    kind: str  # date | month | year | relative_day | relative_month | relative_year | weekday | anaphora
    day: int | None = None
    month: int | None = None
    year: int | None = None
    offset: int = 0  # relative kinds: days/months/years from the publication date
    weekday: int | None = None
    week_shift: int | str | None = None
    modifier: str | None = None  # start | mid | end (`đầu`, `giữa`, `cuối`)
    future: bool = False  # the clause speaks of the future (`sẽ`, `dự kiến`, `tới`)
    past: bool = False  # the clause marks the past (`đã`, `vừa`, `hồi`)
    role: str = "body"

    @property
    def explicit(self) -> bool:
        return self.kind in ("date", "month", "year") and self.year is not None


@dataclass(frozen=True)
class Timex:
    sentence_index: int
    start: int
    end: int
    surface: str
    kind: str
    value: str | None
    granularity: str | None


# --- patterns -------------------------------------------------------------------------------------
def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PART = _alt(LEXICON["day_parts"])
_MOD = _alt(LEXICON["period_modifiers"])
_D = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_M = r"(?P<m>1[0-2]|0?[1-9])"
_Y = r"(?P<y>(?:1[89]|20)\d\d)"
_PREFIX = rf"(?P<prefix>(?:(?:{_PART})\s+)?(?:(?:ngày|hôm|mùng|mồng)\s+)?)"
_NOT_NUM_BEFORE = r"(?<![\d/.,\-])"
_NOT_NUM_AFTER = r"(?![\d]|[/.,\-]\d)"

PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(p, re.IGNORECASE)) for name, p in [
    # ngày 9 tháng 8 năm 2013 | 9 tháng 8
    ("day_month_words", rf"{_PREFIX}{_NOT_NUM_BEFORE}{_D}\s+tháng\s+{_M}(?:\s*(?:,\s*)?năm\s+{_Y})?{_NOT_NUM_AFTER}"),
    # Tháng 11/2010 | tháng 8 năm 2013 | cuối tháng 3/2013
    ("month_year", rf"(?:(?P<mod>{_MOD})\s+)?tháng\s+{_M}\s*(?:[/.\-]|,?\s*năm)\s*{_Y}{_NOT_NUM_AFTER}"),
    # 1.9.2006 | 13-11-2015 | ngày 20/01/2005
    ("date_full", rf"{_PREFIX}{_NOT_NUM_BEFORE}{_D}\s*(?P<sep>[/.\-])\s*{_M}\s*(?P=sep)\s*{_Y}{_NOT_NUM_AFTER}"),
    # 26-28/5 | ngày 28 và 29/10
    ("day_range", rf"{_PREFIX}{_NOT_NUM_BEFORE}{_D}\s*(?:-|–|đến|tới|và|,)\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*(?P<sep>[/.\-])\s*{_M}(?:(?P=sep){_Y})?{_NOT_NUM_AFTER}"),
    # 29/5 | ngày 16/6 | sáng 29.5 | 29-12 (bare forms need context: see _short_date_ok)
    ("date_short", rf"{_PREFIX}{_NOT_NUM_BEFORE}{_D}\s*(?P<sep>[/.\-])\s*{_M}{_NOT_NUM_AFTER}"),
    # 3/2013 (month/year)
    ("month_slash_year", rf"{_NOT_NUM_BEFORE}{_M}\s*/\s*{_Y}{_NOT_NUM_AFTER}"),
    # hôm qua | sáng nay | chiều qua | đêm hôm qua | ngày mai
    ("relative_day", rf"(?:(?P<part>{_PART})\s+)?(?P<rel>{_alt(LEXICON['relative_days'])})\b|(?P<part2>{_PART})\s+(?P<suffix>{_alt(LEXICON['day_part_suffixes'])})\b"),
    # hôm thứ Bảy tuần qua | thứ Ba vừa qua | ngày thứ 7 vừa qua | Chủ nhật
    ("weekday", rf"(?:(?:{_PART}|hôm|ngày|hồi)\s+)*(?P<wd>{_alt(LEXICON['weekdays'])})(?!\s*\d\s*(?:giờ|h\b))(?:\s+(?P<shift>{_alt(LEXICON['week_shift'])}))?\b"),
    # tháng trước | cuối tháng này | đầu tháng
    ("relative_month", rf"(?:(?P<mod>{_MOD})\s+)?(?P<rel>{_alt(LEXICON['relative_months'])})\b|(?P<mod2>{_MOD})\s+tháng\b(?!\s*(?:\d|{_alt(LEXICON['month_words'])}))"),
    # tháng 5 | hồi tháng 3 | tháng 7 tới | cuối tháng 6 | tháng Giêng
    ("month", rf"(?:(?P<mod>{_MOD})\s+)?(?:hồi\s+)?tháng\s+(?P<m>1[0-2]|0?[1-9]|{_alt(LEXICON['month_words'])})(?![\d]|[/.\-]\d)\b"
              rf"(?:\s+(?P<rel_year>{_alt(LEXICON['relative_years'])})\b|\s+(?P<shift>tới|trước|qua|này|sau|vừa qua))?"),
    # năm nay | năm ngoái | cuối năm tới
    ("relative_year", rf"(?:(?P<mod>{_MOD})\s+)?(?P<rel>{_alt(LEXICON['relative_years'])})\b"),
    # năm 2022 | đầu năm 2013
    ("year_words", rf"(?:(?P<mod>{_MOD})\s+)?năm\s+{_Y}{_NOT_NUM_AFTER}"),
    # 1972 (bare: guarded against counts and codes, see _bare_year_ok)
    ("year_bare", rf"{_NOT_NUM_BEFORE}(?<![A-Za-z]){_Y}{_NOT_NUM_AFTER}(?!\s*%)"),
    # 2 ngày trước đây | cách đây 3 năm (units back from publication)
    ("ago", rf"(?:(?P<since>cách\s+đây)\s+)?(?<![\d.,])(?P<n>\d{{1,3}}|{_alt(LEXICON['ago_numbers'])})\s+"
            rf"(?P<unit>{_alt(LEXICON['ago_units'])})(?:\s+(?P<ago>trước\s+đây|trước(?=\s*(?:[,.;:!?)”\x22]|$))))?\b"),
    # cùng ngày | hôm đó
    ("anaphora", rf"(?<!cuối\s)(?:(?:{_PART})\s+)?(?P<ana>{_alt(LEXICON['anaphora'])})\b"),
]]

_WEEKDAYS = {k: v for k, v in LEXICON["weekdays"].items()}
_MONTH_WORDS = LEXICON["month_words"]
_COUNT_UNITS = re.compile(rf"^\s*(?:{_alt(LEXICON['count_units'])})\b", re.IGNORECASE)
_DECADE_BEFORE = re.compile(rf"(?:{_alt(LEXICON['decade_cues'])})(?:\s+(?:đầu|giữa|cuối))?\s*$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"(?:số|nghị quyết|quyết định|luật|mã|chuyến bay|phòng|đường|quốc lộ|model|mẫu|lớp|tàu|tên lửa)\s*$",
                          re.IGNORECASE)
_DATE_PREFIX_BEFORE = re.compile(rf"(?:{_alt(LEXICON['date_prefixes'])}|thứ\s+\S+|(?:{_PART}|hôm)\s+(?:nay|qua)|[,:(–-])\s*$",
                                 re.IGNORECASE)
# `tới` right after a date: the coming day (`ngày 30/6 tới.`, `25/9 tới cũng là`), not a range's link
# (`24/4 tới hết tháng`, `tới ngày 5/5`) nor a verb of motion (`tới Hà Nội`, `tới thăm`)
_UPCOMING = re.compile(r"\s+tới(?!\w)(?!\s+(?:hết|ngày|cuối|đầu|giữa|tháng|năm|thăm|dự|làm|\d))(?:\s+(\w))?")


def is_upcoming(after: str) -> bool:
    """Whether the text right after a date marks it as coming (`… 18/11 tới nếu`)."""
    m = _UPCOMING.match(after)
    return bool(m) and not (m.group(1) or "a").isupper()


_FUTURE = re.compile(rf"(?<!\w)(?:{_alt(LEXICON['future_cues'])})(?!\w)", re.IGNORECASE)
_PAST = re.compile(rf"(?<!\w)(?:{_alt(LEXICON['past_cues'])})(?!\w)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?“”\"()]")
# `hai tháng trước khi`, `một năm sau`: a count before a relative unit makes it a duration
_COUNT_BEFORE = re.compile(r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|chục|trăm|nghìn|ngàn|vài|mấy|nhiều|các|những|mỗi|hàng|từng|nửa)\s*$",
                           re.IGNORECASE)
_HABITUAL = re.compile(r"(?:mỗi|các|những|hằng|hàng)\s+(?:\S+\s+)?$|^\s*(?:hằng|hàng)\s+tuần", re.IGNORECASE)
_QUANTITY_BEFORE = re.compile(r"(?:khoảng|hơn|gần|chiếm|tỷ lệ|tỉ lệ|tỷ số|tỉ số|thắng|thua|hòa|còn"
                              r"|vụ|sự kiện|biến cố)\s*$", re.IGNORECASE)  # `vụ 11/9` names an event


# Context is read in windows around a match (a clause, the words before and after), never the whole
# sentence: rescanning a long sentence at every match would make recognition quadratic.
_NEAR = 40
_CLAUSE_MAX = 300


def _clause(text: str, start: int, end: int) -> str:
    """The clause around [start, end): up to the nearest punctuation on each side (300 characters at most)."""
    lo = max(0, start - _CLAUSE_MAX)
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)), default=lo)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end, end + _CLAUSE_MAX)),
                 min(len(text), end + _CLAUSE_MAX))
    return text[left:start] + " " + text[end:right]


def _before(text: str, start: int) -> str:
    return text[max(0, start - _NEAR):start]


def _after(text: str, end: int) -> str:
    return text[end:end + _NEAR]


def _valid_day(day: int, month: int, year: int | None = None) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _short_date_ok(m: re.Match, text: str, role: str) -> bool:
    """A bare `29/5` is a date only where context says so (it may be a fraction or a score)."""
    if m.group("prefix").strip():
        return True
    before, after = _before(text, m.start()), _after(text, m.end())
    if role == "byline":
        return True
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):  # `(29.5)`
        return True
    if m.group("sep") == ".":  # `29.5` alone reads as a decimal
        return False
    if _QUANTITY_BEFORE.search(before[-12:]) or re.match(r"\s*(?:%|phần)", after):
        return False
    if _DATE_PREFIX_BEFORE.search(before[-20:]):
        return True
    if not before.strip() and after.lstrip().startswith(","):  # `29/5, …` opening a sentence
        return True
    return bool(re.match(r"\s*(?:[.;)]|$)", after))  # `…cuộc bầu cử gây tranh cãi 21/11.`


def _bare_year_ok(m: re.Match, text: str) -> bool:
    before, after = _before(text, m.start()), _after(text, m.end())
    if _DECADE_BEFORE.search(before[-15:]) or _CODE_BEFORE.search(before[-15:]):
        return False
    if re.match(r"\s*[-–]\s*\d", after):  # `2001-2005` keeps both years, `S-300` was excluded before
        return True
    return not _COUNT_UNITS.match(after)


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    low = " ".join(token.lower().split())
    if low in ("giêng", "chạp") or token[:1].isupper():  # `tháng Năm` is May, `tháng năm` is not
        return _MONTH_WORDS.get(low)
    return None


def _candidate(name: str, m: re.Match, sentence: Sentence) -> Candidate | None:
    g = m.groupdict()
    text = sentence.text
    start, end = m.start(), m.end()
    clause = _clause(text, start, end)
    base = dict(sentence_index=sentence.index, start=sentence.start + start, end=sentence.start + end,
                surface=m.group(0), role=sentence.role, future=bool(_FUTURE.search(clause)),
                past=bool(_PAST.search(clause)) or bool(re.match(r"(?i)(?:hồi|hôm)\b", m.group(0))))
    mod = LEXICON["period_modifiers"].get((g.get("mod") or g.get("mod2") or "").lower())
    if name in ("day_month_words", "date_full", "date_short", "day_range"):
        day, month = int(g["d"]), int(g["m"])
        year = int(g["y"]) if g.get("y") else None
        if not _valid_day(day, month, year):
            return None
        if name == "date_short" and not _short_date_ok(m, text, sentence.role):
            return None
        if name == "day_month_words" and not g["prefix"].strip() and not year and not _DATE_PREFIX_BEFORE.search(_before(text, start)[-12:]):
            return None
        if is_upcoming(_after(text, end)):  # `ngày 18/11 tới`: the coming 18 November, as `tháng 7 tới`
            base["future"], base["past"] = True, False
        return Candidate(kind="date", day=day, month=month, year=year, **base)
    if name in ("month_year", "month_slash_year"):
        return Candidate(kind="month", month=int(g["m"]), year=int(g["y"]), modifier=mod, **base)
    if name == "relative_day":
        rel = g.get("rel")
        offset = LEXICON["relative_days"][" ".join(rel.lower().split())] if rel else \
            LEXICON["day_part_suffixes"][" ".join(g["suffix"].lower().split())]
        if rel and rel.lower() == "mai" and not g.get("part"):
            return None  # `mai` alone is also a name and a word
        return Candidate(kind="relative_day", offset=offset, **base)
    if name == "weekday":
        wd_text = " ".join(g["wd"].lower().split())
        shift = " ".join((g.get("shift") or "").lower().split()) or None
        lead = m.group(0)[: m.start("wd") - m.start()].strip()
        # `thứ hai` is also `second`: a lowercase weekday needs a day word before or a shift after
        if not (lead or shift or g["wd"][-1:].isupper() or g["wd"][:1].isupper() and wd_text == "chủ nhật"):
            return None
        if wd_text in ("cn",) and not lead:
            return None
        if _HABITUAL.search(_before(text, start)) or _HABITUAL.search(text[end:end + 12]):
            return None  # `mỗi sáng thứ bảy`, `thứ Hai hằng tuần`
        if re.match(r"\s+(?:liên tiếp|liên tục|trong|của)\b", _after(text, end)) or (
                not lead and shift == "này" and not g["wd"][-1:].isupper()):
            return None  # ordinals: `ngày thứ 3 liên tiếp`, `làn sóng … thứ hai này`
        return Candidate(kind="weekday", weekday=_WEEKDAYS[wd_text],
                         week_shift=LEXICON["week_shift"].get(shift) if shift else None, **base)
    if name in ("relative_month", "relative_year") and g.get("rel") and (
            _COUNT_BEFORE.search(_before(text, start)) or re.match(r"\s+(?:đó|khi|này nữa)\b", _after(text, end))):
        return None
    if name == "relative_month":
        rel = g.get("rel")
        offset = LEXICON["relative_months"][" ".join(rel.lower().split())] if rel else 0
        return Candidate(kind="relative_month", offset=offset, modifier=mod, **base)
    if name == "month":
        month = _month_number(g["m"])
        if not month:
            return None
        shift = (g.get("shift") or "").lower()
        future = base.pop("future") or shift == "tới" or shift == "sau"
        if shift in ("trước", "qua", "vừa qua"):
            future = False
        if g.get("rel_year"):  # `tháng 6 năm ngoái`: a month of a year relative to publication
            return Candidate(kind="month", month=month, modifier=mod, future=future,
                             offset=LEXICON["relative_years"][" ".join(g["rel_year"].lower().split())],
                             week_shift="relative_year", **base)
        return Candidate(kind="month", month=month, modifier=mod, future=future, **base)
    if name == "relative_year":
        return Candidate(kind="relative_year", offset=LEXICON["relative_years"][" ".join(g["rel"].lower().split())],
                         modifier=mod, **base)
    if name == "year_words":
        if _DECADE_BEFORE.search(_before(text, start)[-15:]) or re.search(r"(?i)(?:những|các|mấy)\s*$",
                                                                          _before(text, start)):
            return None
        return Candidate(kind="year", year=int(g["y"]), modifier=mod, **base)
    if name == "year_bare":
        if not _bare_year_ok(m, text):
            return None
        return Candidate(kind="year", year=int(g["y"]), **base)
    if name == "ago":
        if not (g.get("since") or g.get("ago")):
            return None  # a bare count (`2 ngày`) is a span
        n = int(g["n"]) if g["n"].isdigit() else LEXICON["ago_numbers"][g["n"].lower()]
        unit = LEXICON["ago_units"][g["unit"].lower()]
        if unit in ("day", "week"):
            return Candidate(kind="relative_day", offset=-n * (7 if unit == "week" else 1), **base)
        return Candidate(kind="relative_month" if unit == "month" else "relative_year", offset=-n, **base)
    if name == "anaphora":
        return Candidate(kind="anaphora", **base)
    return None


_MERGE_GAP = re.compile(r"\s*[,(]?\s*$")


# Cheap tests that let most sentences skip most patterns: numeric patterns need a digit, the others
# one of their words.
_NUMERIC = {"day_month_words", "month_year", "date_full", "day_range", "date_short", "month_slash_year",
            "year_words", "year_bare"}
_KEYWORDS = {"relative_day": ("hôm", "ngày", "nay", "qua", "mai", "kia", "mốt"), "weekday": ("thứ", "chủ nhật", "cn"),
             "relative_month": ("tháng",), "month": ("tháng",), "relative_year": ("năm",),
             "anaphora": ("ngày", "hôm"), "ago": ("trước", "cách đây")}


def _applicable(name: str, has_digit: bool, lower: str) -> bool:
    if name in _NUMERIC:
        return has_digit
    return any(k in lower for k in _KEYWORDS[name])


def recognize(sentences: list[Sentence]) -> list[Candidate]:
    """All time expressions of the article, in text order, non-overlapping (longest wins)."""
    out: list[Candidate] = []
    for sentence in sentences:
        found: list[tuple[int, int, int, Candidate]] = []
        has_digit = any(c.isdigit() for c in sentence.text)
        lower = sentence.text.lower()
        for priority, (name, pattern) in enumerate(PATTERNS):
            if not _applicable(name, has_digit, lower):
                continue
            for m in pattern.finditer(sentence.text):
                if m.end() == m.start():
                    continue
                cand = _candidate(name, m, sentence)
                if cand:
                    found.append((-(m.end() - m.start()), priority, m.start(), cand))
        taken: list[Candidate] = []
        for _, _, _, cand in sorted(found, key=lambda t: (t[0], t[1], t[2])):
            if all(cand.end <= t.start or cand.start >= t.end for t in taken):
                taken.append(cand)
        out.extend(_merge_adjacent(sorted(taken, key=lambda c: c.start), sentence))
    return out


def _merge_adjacent(cands: list[Candidate], sentence: Sentence) -> list[Candidate]:
    """`hôm qua, 5-1`, `sáng nay (29.5)`, `Hôm Thứ Ba 20/06`: one expression, valued by its explicit date."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev and prev.kind in ("relative_day", "weekday", "anaphora") and c.kind == "date":
            gap = sentence.text[prev.end - sentence.start: c.start - sentence.start]
            if _MERGE_GAP.match(gap) and len(gap) <= 3:
                end = c.end
                if "(" in gap and sentence.text[end - sentence.start: end - sentence.start + 1] == ")":
                    end += 1
                # the weekday stays on the merged date: `thứ Ba, 16/6` tells the year (pubdate)
                out[-1] = replace(c, start=prev.start, end=end, weekday=prev.weekday,
                                  surface=sentence.text[prev.start - sentence.start: end - sentence.start])
                continue
        out.append(c)
    return out


# --- resolution -----------------------------------------------------------------------------------
def _complete_year(month: int, day: int | None, dct: PartialDate, future: bool, past: bool = True) -> int:
    """The year that puts day/month nearest the publication date: the next one when the clause speaks
    of the future, the last one when it marks the past, otherwise the nearest with the past preferred
    (a date ahead counts double: `trước ngày bầu cử 3/11` written on 1 October is this November)."""
    if dct.month is None:
        return dct.year
    ref = dct.as_date() if dct.day else dt.date(dct.year, dct.month, calendar.monthrange(dct.year, dct.month)[1])
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if day and not _valid_day(day, month, year):
            continue
        options.append((dt.date(year, month, day or 1), year))
    if future:  # a fortnight's grace: `sẽ` in a past narrative (`lo sợ tàu sẽ hết ôxy ngày 24/4`)
        ahead = [o for o in options if o[0] >= (ref - dt.timedelta(days=14) if day else ref.replace(day=1))]
        return min(ahead)[1] if ahead else dct.year
    if past:  # with a week's grace: a date just after the publication date is rarely a year back
        behind = [o for o in options if o[0] <= ref + dt.timedelta(days=7)]
        return max(behind)[1] if behind else dct.year
    return min(options, key=lambda o: (o[0] - ref).days * 2 if o[0] > ref else (ref - o[0]).days)[1]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _truncate(date: dt.date, dct: PartialDate) -> tuple[str, str]:
    """A day computed from a publication date known only to the month or year keeps only that much."""
    p = PartialDate(date.year, date.month, date.day)
    if dct.precision == "day":
        return p.value, "day"
    if dct.precision == "month":
        return PartialDate(date.year, date.month).value, "month"
    return PartialDate(date.year).value, "year"


def _weekday(c: Candidate, dct: dt.date) -> dt.date:
    shift = c.week_shift
    monday = dct - dt.timedelta(days=dct.weekday())
    if isinstance(shift, int):
        return monday + dt.timedelta(weeks=shift, days=c.weekday)
    delta = (dct.weekday() - c.weekday) % 7
    if shift == "future" or (shift is None and c.future):
        return dct + dt.timedelta(days=(c.weekday - dct.weekday()) % 7 or 7)
    if shift == "near":
        return monday + dt.timedelta(days=c.weekday)
    return dct - dt.timedelta(days=delta)  # the latest such day: the publication's own weekday is that day
    # (`5h27 sáng Chủ nhật` told on a Sunday; a week back would need `tuần trước`)


def resolve_one(c: Candidate, dct: PartialDate | None, last_day: dt.date | None) -> tuple[str | None, str | None]:
    """(value, granularity) of one expression; (None, granularity) where it cannot be fixed."""
    if c.kind == "anaphora":
        return (last_day.isoformat(), "day") if last_day else (None, "day")
    if c.kind == "year":
        return PartialDate(c.year).value, "year"
    if c.kind == "month" and c.year:
        return PartialDate(c.year, c.month).value, "month"
    if c.kind == "date" and c.year:
        return PartialDate(c.year, c.month, c.day).value, "day"
    if dct is None:
        return None, {"date": "day", "month": "month", "relative_year": "year",
                      "relative_month": "month"}.get(c.kind, "day")
    if c.kind == "date":
        return PartialDate(_complete_year(c.month, c.day, dct, c.future, c.past), c.month, c.day).value, "day"
    if c.kind == "month" and c.week_shift == "relative_year":
        return PartialDate(dct.year + c.offset, c.month).value, "month"
    if c.kind == "month":
        return PartialDate(_complete_year(c.month, None, dct, c.future, c.past), c.month).value, "month"
    if c.kind == "relative_year":
        return PartialDate(dct.year + c.offset).value, "year"
    if c.kind == "relative_month":
        if dct.month is None:
            return PartialDate(dct.year).value, "year"
        # on the first of a month, a past `(hồi) đầu tháng`, `tháng này` cannot be this month yet: the one before
        offset = -1 if c.offset == 0 and c.past and dct.day == 1 else c.offset
        y, mo = _shift_month(dct.year, dct.month, offset)
        return PartialDate(y, mo).value, "month"
    if c.kind == "relative_day":
        if dct.day is None:
            return _truncate(dct.as_date(), dct)
        return (dct.as_date() + dt.timedelta(days=c.offset)).isoformat(), "day"
    if c.kind == "weekday":
        if dct.day is None:
            return _truncate(dct.as_date(), dct)
        return _weekday(c, dct.as_date()).isoformat(), "day"
    return None, None


_RANGE_LINK = re.compile(r"^\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?$", re.IGNORECASE)


def resolve(cands: list[Candidate], dct: PartialDate | None, texts: dict[int, tuple[int, str]] | None = None
            ) -> list[Timex]:
    """Resolve in text order; anaphora (`cùng ngày`) take the last day resolved before them, and the
    end of a range (`từ ngày 5/11 đến 2/12`) the first year that puts it after its start."""
    out: list[Timex] = []
    last_day: dt.date | None = None
    for c in cands:
        prev = out[-1] if out else None
        if (c.kind == "date" and not c.year and prev and prev.granularity == "day" and prev.value and texts
                and prev.sentence_index == c.sentence_index):
            start, text = texts[c.sentence_index]
            if _RANGE_LINK.match(text[prev.end - start: c.start - start]):
                begin = dt.date.fromisoformat(prev.value)
                year = begin.year + ((c.month, c.day) < (begin.month, begin.day))
                if _valid_day(c.day, c.month, year):
                    value = PartialDate(year, c.month, c.day).value
                    last_day = dt.date.fromisoformat(value)
                    out.append(Timex(c.sentence_index, c.start, c.end, c.surface, c.kind, value, "day"))
                    continue
        value, granularity = resolve_one(c, dct, last_day)
        if value and granularity == "day":
            last_day = dt.date.fromisoformat(value)
        out.append(Timex(c.sentence_index, c.start, c.end, c.surface, c.kind, value, granularity))
    return out
