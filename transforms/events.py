"""CAMEO-coded events: who did what to whom, when, where, how sure.

Per sentence: a trigger from the lexicon (data/triggers.tsv), the actors around it (the subject
before it is the source; the actor after `với`, `đối với`, `nhằm vào` or the object after the
trigger is the target; `bị` turns them round; `giữa A và B` gives both), the modality from cue
words before it, the date from the time expression nearest to it in its clause, else the
publication date. Pledges to cooperate later are root 03, as GUIDELINE.md asks.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from transforms import gazetteer as gz
from transforms.mentions import Mention
from transforms.nlp import Sentence
from transforms.timexes import PartialDate, Timex

EVENT_ROLES = frozenset({"title", "lead", "body"})

_NEGATION = re.compile(r"(?:^|\s)(?:không|chưa|chẳng|không hề|chưa hề|chưa từng|không thể)\s+(?:\S+\s+){0,2}$")
_HYPOTHETICAL = re.compile(r"(?:^|\s)(?:nếu|có thể|có khả năng|liệu)(?:\s|$)")
_PLANNED = re.compile(r"(?:^|\s)(?:sẽ|dự kiến|dự định|kế hoạch|chuẩn bị|sắp|lên kế hoạch)(?:\s|$)")
_PLEDGE = re.compile(r"(?:^|\s)(?:sẽ|cam kết|hứa|sẵn sàng|nhất trí sẽ)(?:\s|$)")
_TARGET_MARKERS = re.compile(r"(?:với|đối với|nhằm vào|chống lại|chống|vào|tới|cho|về phía|lên|tại)\s*$")
_PASSIVE = re.compile(r"(?:^|\s)bị\s+(?:\S+\s+){0,1}$")
_BETWEEN = re.compile(r"giữa\s*$")
_CLAUSE_BREAK = re.compile(r"[;:“”\"()]|,\s+(?:nhưng|trong khi|song|còn|và|sau khi|khi)\s")
# a pledge turns a cooperative root into root 03 with its sub-code
_PLEDGE_CODE = {"05": "032", "06": "031", "07": "033", "08": "035"}


@dataclass(frozen=True)
class Trigger:
    pattern: str
    code: str
    weight: float


@dataclass
class Event:
    sentence_index: int
    char_start: int  # the evidence span (the sentence) in the article text
    char_end: int
    evidence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    event_code: str
    event_root_code: str
    quad_class: int
    goldstein: float
    source_actor_code: str | None
    target_actor_code: str | None
    source_actor_name: str | None
    target_actor_name: str | None
    event_date: str | None  # ISO value at its precision
    event_date_precision: str | None
    event_date_basis: str  # timex | published | none
    modality: str
    location_name: str | None
    location_code: str | None
    confidence: float


@lru_cache(maxsize=1)
def triggers() -> gz.Trie:
    trie = gz.Trie()
    for row in gz.read_tsv("triggers.tsv"):
        trie.add(tuple(row["pattern"].split()), Trigger(row["pattern"], row["code"], float(row["weight"])))
    return trie


def _find_triggers(sentence: Sentence) -> list[tuple[int, int, Trigger]]:
    """(char_start, char_end, trigger) over the sentence's lowercased syllables, longest match first."""
    lower = [s.text.lower() for s in sentence.syllables]
    trie = triggers()
    out, i = [], 0
    while i < len(lower):
        hit = trie.longest(lower, i)
        if hit:
            end, trig = hit
            start_char, end_char = sentence.syllables[i].start, sentence.syllables[end - 1].end
            # a one-syllable trigger must be a whole word: `bắt` but not `bắt đầu`, `ký` but not `thư ký`
            if end - i > 1 or sentence.word_bounded(start_char, end_char):
                out.append((start_char, end_char, trig))
            i = end
        else:
            i += 1
    return out


def _actor(m: Mention) -> str | None:
    if m.entity_type in ("GPE", "IGO"):
        return m.entity_code
    if m.entity_type == "ORG" and m.entity_code:
        return None if gz_media(m.entity_code) else m.entity_code
    if m.entity_type == "PER":
        return m.country
    return None


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    return frozenset(r["code"] for r in gz.read_tsv("aliases.tsv") if r["use"] == "media")


def gz_media(code: str) -> bool:
    return code in _media()


def _clause_bounds(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    text, base = sentence.text, sentence.start
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start - base)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end - base)), len(text))
    return base + left, base + right


def _modality(before: str) -> str:
    if _NEGATION.search(before[-40:]):
        return "negated"
    if _HYPOTHETICAL.search(before):
        return "hypothetical"
    if _PLANNED.search(before):
        return "planned"
    return "asserted"


def _date_for(t_start: int, clause: tuple[int, int], timexes: list[Timex], dct: PartialDate | None):
    """The nearest resolved time expression in the trigger's clause, else the publication date."""
    inside = [t for t in timexes if t.value and t.start >= clause[0] and t.end <= clause[1]]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - t_start))
        return best.value, best.granularity, "timex"
    if dct:
        return dct.value, dct.precision, "published"
    return None, None, "none"


def _location(sentence: Sentence, mentions: list[Mention]) -> tuple[str | None, str | None]:
    for m in mentions:
        before = sentence.text[: m.start - sentence.start]
        if re.search(r"(?:tại|ở)\s*$", before):
            return m.surface, m.entity_code if m.entity_type in ("GPE", "LOC") else None
    m = re.search(r"(?:tại|ở)\s+((?:[A-ZĐ][\w-]*\s?){1,4})", sentence.text)
    return (m.group(1).strip(), None) if m else (None, None)


def sentence_events(sentence: Sentence, mentions: list[Mention], timexes: list[Timex],
                    dct: PartialDate | None) -> list[Event]:
    actors = [m for m in mentions if _actor(m)]
    codes = gz.cameo()
    out: list[Event] = []
    for t_start, t_end, trig in _find_triggers(sentence):
        clause = _clause_bounds(sentence, t_start, t_end)
        before_text = sentence.text[clause[0] - sentence.start: t_start - sentence.start]
        left = [m for m in actors if m.end <= t_start]
        right = [m for m in actors if m.start >= t_end]
        source = target = None
        between = next((m for m in left if _BETWEEN.search(sentence.text[:m.start - sentence.start])), None)
        if between:  # `các cuộc đàm phán giữa Nga và NATO`
            source = between
            target = next((m for m in left + right if m.start > between.start and _actor(m) != _actor(between)), None)
        else:
            source = left[0] if left else None
            if source and source.start < clause[0] and any(m.start >= clause[0] for m in left):
                source = next(m for m in left if m.start >= clause[0])
            marked = [m for m in right if _TARGET_MARKERS.search(sentence.text[: m.start - sentence.start][-25:])]
            target = (marked or right or [None])[0]
            if target is None and len(left) > 1:
                # `Mỹ ... với Trung Quốc` before a nominal trigger
                target = next((m for m in left[1:] if _actor(m) != _actor(source)), None)
            if _PASSIVE.search(before_text):
                source, target = target, source
        src, tgt = (_actor(source) if source else None), (_actor(target) if target else None)
        if tgt == src:
            tgt, target = None, None
            target = next((m for m in right + left if _actor(m) not in (None, src)), None)
            tgt = _actor(target) if target else None
        root = trig.code[:2]
        if src is None and tgt is None:
            continue
        if tgt is None and root not in ("14", "15"):
            continue  # an event needs a receiving actor, except drills, tests and protests
        if src is None and root not in ("18", "19", "20"):
            continue
        if src == tgt:
            continue
        modality = _modality(before_text)
        code = trig.code
        if root in _PLEDGE_CODE and modality in ("planned", "asserted") and _PLEDGE.search(before_text):
            code, modality = _PLEDGE_CODE[root], "asserted"
        info = codes.get(code) or codes[code[:3]]
        value, precision, basis = _date_for(t_start, clause, timexes, dct)
        loc_name, loc_code = _location(sentence, mentions)
        confidence = round(trig.weight * (0.9 if source and target else 0.7) * (0.9 if source and left and source is left[0] else 0.8), 3)
        out.append(Event(
            sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
            evidence=sentence.text, trigger=trig.pattern, trigger_start=t_start, trigger_end=t_end,
            event_code=code, event_root_code=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
            source_actor_code=src, target_actor_code=tgt,
            source_actor_name=source.canonical_name if source else None,
            target_actor_name=target.canonical_name if target else None,
            event_date=value, event_date_precision=precision, event_date_basis=basis, modality=modality,
            location_name=loc_name, location_code=loc_code, confidence=confidence))
    return out


def article_events(sentences: list[Sentence], mentions: list[Mention], timexes: list[Timex],
                   dct: PartialDate | None) -> list[Event]:
    """Events of one article: one per distinct (source, target, code, date), the most confident kept."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    tx_by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        tx_by_sentence.setdefault(t.sentence_index, []).append(t)
    best: dict[tuple, Event] = {}
    for s in sentences:
        if s.role not in EVENT_ROLES:
            continue
        for e in sentence_events(s, by_sentence.get(s.index, []), tx_by_sentence.get(s.index, []), dct):
            key = (e.source_actor_code, e.target_actor_code, e.event_code, e.event_date)
            if key not in best or e.confidence > best[key].confidence:
                best[key] = e
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.trigger_start))


def event_id(article_id: str, e: Event) -> str:
    key = "|".join(str(x) for x in (article_id, e.source_actor_code, e.target_actor_code, e.event_code, e.event_date))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def to_date(value: str | None) -> dt.date | None:
    p = PartialDate.parse(value)
    return p.as_date() if p else None
