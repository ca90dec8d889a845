"""One article, text to records: `clean` (decoded text -> structured article) and `extract`
(structured article -> time expressions, publication date, mentions, events). Pure functions.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, field

from transforms import events as ev
from transforms import mentions as mn
from transforms import pubdate, timexes as tx
from transforms.language import is_vietnamese
from transforms.html_text import Block, html_to_blocks, looks_like_html
from transforms.nlp import sentences_of
from transforms.normalize import normalize_text
from transforms.structure import structure_blocks
from transforms.vietnamese import vietnamese_share

MIN_BODY_CHARS = 40
MIN_VIETNAMESE_SHARE = 0.25


@dataclass
class Document:
    """A decoded input: one file, or one row of a tabular file."""
    input_id: str
    source_uri: str
    text: str
    encoding: str
    title: str | None = None
    published: str | None = None  # ISO date at any precision, from metadata
    source: str | None = None  # outlet, from metadata
    lossy: bool = False  # some bytes were not text in the detected encoding and were replaced


@dataclass
class Article:
    article_id: str
    input_id: str
    source_uri: str
    encoding: str
    source: str | None
    title: str | None
    lead: str | None
    body: str
    text: str  # title, body, captions, byline, related lists: one segment per line; offsets refer here
    segments: list[dict]  # {role, char_start, char_end}
    headings: list[str]
    captions: list[str]
    byline: str | None
    byline_author: str | None
    byline_agencies: list[str]
    byline_date: str | None
    related: list[str]
    images: list[str]
    header: dict[str, str]
    published_metadata: str | None
    vietnamese_share: float
    flags: list[str] = field(default_factory=list)  # lossy, published_unparsed, published_implausible


class Rejected(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def article_id_of(text: str) -> str:
    """Stable id from the normalized text: the same story from two files or encodings is one article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def clean(doc: Document) -> Article:
    """Normalize and structure a decoded document; raises Rejected (empty, not_vietnamese)."""
    raw = doc.text
    if looks_like_html(raw) or doc.source_uri.lower().endswith((".html", ".htm")):
        blocks = [Block(b.role, normalize_text(b.text)) for b in html_to_blocks(raw)]
    else:
        blocks = [Block(None, line) for line in normalize_text(raw).split("\n")]
    st = structure_blocks(blocks, title_hint=normalize_text(doc.title) if doc.title else None)
    body_segments = [s for s in st.segments if s.role in ("lead", "body", "heading")]
    body = "\n".join(s.text for s in body_segments)
    if len(body) < MIN_BODY_CHARS and not st.title:
        raise Rejected("empty", f"no article text after cleaning ({len(body)} characters of body)")
    share = vietnamese_share(" ".join(s.text for s in st.segments))
    if share < MIN_VIETNAMESE_SHARE:  # unaccented Vietnamese, or many foreign names: ask a trained identifier
        head = " ".join(s.text for s in st.segments[:2])[:500]
        vietnamese, read_as = is_vietnamese("\n".join(s.text for s in st.segments), head)
        if not vietnamese:
            raise Rejected("not_vietnamese", f"only {share:.0%} of words read as Vietnamese; identified as {read_as}")
    lines = [(s.role, s.text) for s in st.segments] + [("related", r) for r in st.related]
    text, segments, pos = [], [], 0
    for role, line in lines:
        segments.append({"role": role, "char_start": pos, "char_end": pos + len(line)})
        text.append(line)
        pos += len(line) + 1
    full = "\n".join(text)
    by = st.byline
    url = doc.source_uri if "://" in doc.source_uri else st.header.get("url", "")
    host = re.match(r"^[a-z0-9+.-]+://(?:www\.)?([^/:]+)", url or "")
    return Article(
        article_id=article_id_of(full), input_id=doc.input_id, source_uri=doc.source_uri, encoding=doc.encoding,
        source=doc.source or (host.group(1) if host else None), title=st.title, lead=next(iter(st.text_of("lead")), None), body=body, text=full,
        segments=segments, headings=st.text_of("heading"), captions=st.text_of("caption"),
        byline=by.text if by else None, byline_author=by.author if by else None,
        byline_agencies=by.agencies if by else [], byline_date=by.date_text if by else None,
        related=st.related, images=st.images, header=st.header, published_metadata=doc.published,
        vietnamese_share=round(share, 3), flags=["lossy"] if doc.lossy else [])


@dataclass
class Extraction:
    published: pubdate.Published
    sentences: int
    timexes: list[tx.Timex] = field(default_factory=list)
    mentions: list[mn.Mention] = field(default_factory=list)
    events: list[ev.Event] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # published_unparsed, published_implausible
    errors: list[tuple[str, str]] = field(default_factory=list)  # (step, "Type: message") of steps that raised


# the table each extraction step fills (what a failed step leaves without rows)
STEP_TABLE = {"sentences": "articles", "timex_recognize": "timexes", "mentions": "mentions",
              "published": "articles", "timex_resolve": "timexes", "events": "events"}
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
_HEADER_DATES = ("date", "published", "ngay", "dateline")  # the header fields pubdate reads dates from


def plausible_published(date: tx.PartialDate, today: dt.date) -> bool:
    """A publication date from 1900 to the run date plus a day (a day ahead: time zones)."""
    return EARLIEST_PUBLISHED <= date.as_date() <= today + dt.timedelta(days=1)


def extract(article: Article, today: dt.date | None = None, prior: pubdate.Prior | None = None) -> Extraction:
    """Time expressions, publication date, mentions and events of a cleaned article.

    A given publication date (metadata or header) that does not parse or is implausible is flagged and set
    aside: the date is then inferred as if none were given, so `9999-12-31` neither stands nor breaks date
    arithmetic. Each step is guarded: a step that raises (a bug in one extractor) leaves its output empty
    and is listed in `errors`, and the later steps go on with what there is, so one extractor's bug never
    loses the article. `prior`: the batch prior of the article's source group (transforms/pubdate.py), which
    chooses a year its clues leave open, and the time expressions and events then take that date."""
    today = today or dt.date.today()
    errors: list[tuple[str, str]] = []

    def guarded(step: str, run, fallback):
        try:
            return run()
        except Exception as err:  # noqa: BLE001 - recorded; the caller publishes what succeeded
            errors.append((step, f"{type(err).__name__}: {err}"))
            return fallback

    segments = [(s["role"], s["char_start"], s["char_end"]) for s in article.segments]
    sentences = guarded("sentences", lambda: sentences_of(article.text, segments), [])
    candidates = guarded("timex_recognize", lambda: tx.recognize(sentences), [])
    mentions = guarded("mentions", lambda: mn.article_mentions(sentences), [])
    flags, metadata, header = [], article.published_metadata, article.header
    if metadata and metadata.strip():
        given = tx.PartialDate.parse(metadata)
        if given is None:
            flags.append("published_unparsed")
            metadata = None
        elif not plausible_published(given, today):
            flags.append("published_implausible")
            metadata = None

    def infer(metadata, header):
        return guarded("published", lambda: pubdate.infer_published(
            metadata, header, article.byline_date, candidates, mentions, today, sentences, prior),
            None) or pubdate.Published(None, "none")

    published = infer(metadata, header)
    if published.date and published.basis in ("header", "dateline") and not plausible_published(published.date,
                                                                                                  today):
        flags.append("published_implausible")
        published = infer(None, {k: v for k, v in header.items() if k not in _HEADER_DATES})
    timexes = guarded("timex_resolve", lambda: tx.resolve(candidates, published.date,
                                                          {s.index: (s.start, s.text) for s in sentences}), [])
    events = guarded("events", lambda: ev.article_events(sentences, mentions, timexes, published.date), [])
    return Extraction(published, len(sentences), timexes, mentions, events, sorted(set(flags)), errors)


_WARM = "Tổng thống Nga Vladimir Putin hội đàm với Thủ tướng Nhật Bản tại Moskva ngày 2/9/2020."


@functools.lru_cache(maxsize=1)
def warm_up() -> None:
    """Load the models and tables cleaning and extraction use (once per process), so that a time limit per
    input measures the input's own work."""
    extract(clean(Document("warm-up", "warm-up.txt", _WARM, "utf-8")))
    is_vietnamese(_WARM, _WARM)  # lingua loads its models on first use
