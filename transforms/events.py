"""CAMEO-coded events: who did what to whom, when, where, how sure.

Per sentence: a trigger from the lexicon (data/triggers.tsv), the actors around it (the subject
before it is the source; the actor after `với`, `đối với`, `nhằm vào` or the object after the
trigger is the target; `bị` turns them round; `giữa A và B` gives both), the modality from cue
words before it, the date from the time expression nearest to it in its clause, else the
publication date. Pledges to cooperate later are root 03, as GUIDELINE.md asks.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
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
    source_actor_country: str | None = None  # ISO3 of a state actor or of a person's country
    target_actor_country: str | None = None
    source_actor_group: str | None = None  # IGO or non-state group code
    target_actor_group: str | None = None


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
            if trig.code != "-" and (end - i > 1 or sentence.word_bounded(start_char, end_char)):
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


# --- actors ------------------------------------------------------------------------------------------
# an actor right after one of these sits in a prepositional phrase: not the subject of the sentence
_PREPOSITION = re.compile(r"(?:của|tại|ở|trên|từ|đến|tới|với|về|cho|trong|ngoài|vào|khỏi|qua|sang|thuộc|"
                          r"giữa|chống|đối với|nhằm vào|lãnh thổ|không phận|vùng biển|phía|"
                          # head nouns a country only modifies: `vấn đề Triều Tiên`, `bán đảo Triều Tiên`
                          r"vấn đề|chương trình|tình hình|quan hệ|khủng hoảng|chính sách|lập trường|bán đảo|"
                          r"biên giới|hạt nhân|tên lửa|vũ khí|kinh tế|thị trường|đối tác|mặt hàng|cổ phiếu)\s+"
                          r"(?:(?:các|những|nước|quốc gia|chính phủ|phía|đồng minh|lực lượng|quân đội)\s+)*$")
_LOCATIVE_BEFORE = re.compile(r"(?:tại|ở|trên|khắp|lãnh thổ|thủ đô)\s+(?:\S+\s+){0,1}$")
# what may stand between coordinated actors: `Mỹ và các đồng minh Hàn Quốc và Nhật Bản`
_COORDINATION = re.compile(r"^\s*(?:,|và|cùng|cùng với|hoặc|hay|cũng như)\s*(?:(?:các|những|cả|thậm chí|nước|"
                           r"đồng minh|quốc gia|và)\s*)*$")
_PRONOUN = re.compile(r"(?:^|\s)(?:chúng|họ|nước này|phía này|quốc gia này|chính phủ này|nhóm này)(?:\s|$)")
_SEGMENT_BREAK = re.compile(r"[,;:]")
_VIOLENT = {"18", "19", "20"}
_SYMMETRIC = {"04", "05", "06"}
# roots whose receiving actor the text often leaves implicit (`Nga lên tiếng chỉ trích`): then it is the
# subject of the previous sentence
_IMPLICIT_TARGET = {"02", "03", "05", "10", "11", "12", "13", "16"}
_FRONTED = re.compile(r"^\s*(?:Trong|Tại|Sau|Trước|Khi|Nhân|Trong khi|Trong chuyến|Sau khi|Về)\b")
_NEAR = 60  # characters: an unmarked object farther than this from its trigger is not its object
# a trigger used as a noun (`vụ hành quyết của nhóm Al-Qaeda`, `đáp trả cảnh báo`): its agent is the
# `của`/`do` phrase after it, not the sentence subject (meetings and cooperation excepted)
_NOMINAL = re.compile(r"(?:vụ|cuộc|các cuộc|những cuộc|các vụ|những vụ|lời|sự|đáp trả|đáp lại|phản ứng với|"
                      r"kể từ|sau|trước|về)\s+(?:\S+\s+)?$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:của|do)\s+(?:(?:nhóm|các|những|lực lượng|phía)\s+)*$")
_PURPOSE = re.compile(r"(?:để|nhằm|nhằm mục đích)\s+(?:\S+\s+){0,2}$")
# a noun trigger after a light verb keeps the sentence subject as agent: `Jordan tiến hành nhiều vụ không kích`
_LIGHT_VERB = re.compile(r"(?:tiến hành|thực hiện|mở|phát động|tổ chức|tham gia|có|dự|đưa ra|tuyên bố|ký)\s+"
                         r"(?:\S+\s+){0,2}$", re.IGNORECASE)
_PASSIVE_AGENT = re.compile(r"(?:bị|được)\s+$")


def _between(sentence: Sentence, a: int, b: int) -> str:
    return sentence.text[a - sentence.start: b - sentence.start]


def _subject_like(sentence: Sentence, m: Mention) -> bool:
    return not _PREPOSITION.search(_between(sentence, sentence.start, m.start)[-40:])


def _coordinated(sentence: Sentence, head: Mention, actors: list[Mention]) -> list[Mention]:
    """`head` and the actors coordinated with it (`Mỹ, Hàn Quốc và Nhật Bản`), in text order."""
    group = [head]
    ordered = sorted(actors, key=lambda m: m.start)
    i = ordered.index(head)
    for step in (1, -1):
        j, last = i + step, head
        while 0 <= j < len(ordered):
            m = ordered[j]
            gap = _between(sentence, last.end, m.start) if step == 1 else _between(sentence, m.end, last.start)
            if not _COORDINATION.match(gap):
                break
            group.append(m)
            last, j = m, j + step
    return sorted(group, key=lambda m: m.start)


def _segment_start(sentence: Sentence, pos: int) -> int:
    return max((sentence.start + k.end() for k in _SEGMENT_BREAK.finditer(sentence.text, 0, pos - sentence.start)),
               default=sentence.start)


def _source(sentence: Sentence, left: list[Mention], t_start: int, clause: tuple[int, int]) -> Mention | None:
    """The nearest subject-like actor before the trigger: in its comma segment first, then its clause."""
    for lo in (_segment_start(sentence, t_start), clause[0]):
        found = [m for m in left if m.start >= lo and _subject_like(sentence, m)]
        if found:
            return found[-1]
    return None


def _pronoun_subject(sentence: Sentence, left: list[Mention], t_start: int) -> bool:
    """`họ`/`chúng` stands as the subject: after the last actor of the trigger's segment, before the trigger."""
    lo = max([_segment_start(sentence, t_start)] + [m.end for m in left if m.end <= t_start])
    return bool(_PRONOUN.search(_between(sentence, lo, t_start)))


def _lead(sentence: Sentence, pos: int, n: int) -> str:
    """The last `n` characters of the sentence before `pos`."""
    return _between(sentence, sentence.start, pos)[-n:]


def _receivers(sentence: Sentence, candidates: list[Mention], root: str) -> tuple[list[Mention], list[Mention]]:
    """Actors after a trigger that may receive it (a place after `tại`/`ở` only for violence), and those of
    them a target marker introduces."""
    allowed = [m for m in candidates if root in _VIOLENT or not _LOCATIVE_BEFORE.search(_lead(sentence, m.start, 25))]
    return allowed, [m for m in allowed if _TARGET_MARKERS.search(_lead(sentence, m.start, 25))]


@dataclass
class _Site:
    """A trigger in its sentence: where it stands, its clause, and the actors on either side in the clause."""
    sentence: Sentence
    actors: list[Mention]
    t_start: int
    t_end: int
    root: str
    clause: tuple[int, int]
    before: list[Mention] = field(init=False)
    after: list[Mention] = field(init=False)

    def __post_init__(self):
        self.before = [m for m in self.actors if self.clause[0] <= m.start and m.end <= self.t_start]
        self.after = [m for m in self.actors if m.start >= self.t_end and m.end <= self.clause[1]]


def _nominal_actors(site: _Site):
    """`vụ hành quyết của nhóm Al-Qaeda nhằm vào …`: the agent follows the noun, then the target."""
    sentence, actors, t_end = site.sentence, site.actors, site.t_end
    agent = next((m for m in actors if t_end <= m.start <= t_end + 40 and
                  _AGENT_AFTER.match(_between(sentence, t_end, m.start))), None)
    sources = _coordinated(sentence, agent, actors) if agent else []
    _, marked = _receivers(sentence, [m for m in actors if t_end <= m.start <= t_end + _NEAR and m not in sources],
                           site.root)
    return sources, _coordinated(sentence, marked[0], actors) if marked else []


def _clausal_actors(site: _Site, mentions: list[Mention], before_text: str, previous_subject: list[Mention] | None,
                    recent_group: Mention | None):
    """Subject before the verb trigger, object or marked actor after it; passives, pronouns, fronted
    phrases and implicit receivers. None when the subject is named but is no actor."""
    sentence, actors, t_start, t_end, root, clause = (site.sentence, site.actors, site.t_start, site.t_end,
                                                      site.root, site.clause)
    named = [m for m in mentions if m.entity_type != "LOC"]
    nearest_named = max((m for m in named if clause[0] <= m.start and m.end <= t_start), key=lambda m: m.end,
                        default=None)
    if nearest_named is not None and not _actor(nearest_named) and _subject_like(sentence, nearest_named):
        return None  # `khi hãng tin Reuters đề nghị`: a subject that is no actor
    everything_left = [m for m in actors if m.end <= t_start]
    segment_start = _segment_start(sentence, t_start)
    pronoun = _pronoun_subject(sentence, everything_left, t_start)
    sentence_subject = subject_of(sentence, mentions) if pronoun else []
    if pronoun and (sentence_subject or previous_subject):
        # `…, nhưng họ trở thành đồng minh`, `chúng còn truy sát…`: the subject named before
        earlier = [m for m in sentence_subject if m.end <= segment_start]
        sources = earlier or previous_subject or []
        if re.search(r"(?:^|\s)chúng\s", _between(sentence, segment_start, t_start)) and recent_group:
            sources = [recent_group]  # `chúng` speaks of militants: the last armed group named
    else:
        source = _source(sentence, everything_left, t_start, clause)
        if source is None and _FRONTED.match(_between(sentence, segment_start, t_start)):
            # `Trong chuyến công du Hy Lạp, Tổng thống Nga Vladimir Putin…`: the main clause's subject
            after = next((k.end() for k in _SEGMENT_BREAK.finditer(sentence.text, t_end - sentence.start)), None)
            main = [m for m in actors if after is not None and m.start >= sentence.start + after
                    and _subject_like(sentence, m)]
            source = main[0] if main else None
        sources = _coordinated(sentence, source, actors) if source else []
    allowed, marked = _receivers(sentence, [m for m in site.after if m not in sources], root)
    near = [m for m in allowed if m.start - t_end <= _NEAR]
    # the direct object (`sát hại đại biện lâm thời Algeria`) before a farther marked actor
    direct = [m for m in near if m.start - t_end <= 25 and not re.search(r"[,;]", _between(sentence, t_end, m.start))]
    target = (direct or marked or near or [None])[0]
    if not marked and len(sources) > 1 and root in _SYMMETRIC:
        target = sources[-1]  # `Nga và NATO đạt được thỏa thuận`: mutual
        sources = sources[:-1]
    if target is None:  # an object between subject and trigger: `Mỹ xếp Hezbollah vào danh sách…`
        inner = [m for m in site.before if (not sources or m.start > sources[-1].end) and m not in sources
                 and _subject_like(sentence, m)]
        target = inner[-1] if inner else None
    targets = _coordinated(sentence, target, actors) if target else []
    # `X bị (Y) trục xuất`: X is the target, Y (between `bị` and the trigger) the source
    passive = re.search(r"(?:^|\s)(?:bị|được)\s+(?:(?:\S+\s+){0,6})$", before_text)
    if passive:
        bi = clause[0] + passive.start()
        agents = [m for m in actors if bi <= m.start and m.end <= t_start]
        if len(passive.group(0).split()) > 3 and not agents:
            passive = None  # `sẽ được đưa ra tại hội nghị`: `được` belongs to another verb
    if passive:
        patients = [m for m in actors if m.end <= bi and m.start >= _segment_start(sentence, bi)
                    and _subject_like(sentence, m)]
        sources = _coordinated(sentence, agents[-1], actors) if agents else []
        if not sources and root in _VIOLENT and recent_group:
            sources = [recent_group]  # `đại sứ … bị bắt cóc` in a story about an armed group
        targets = _coordinated(sentence, patients[-1], actors) if patients else []
    elif not targets and root in _IMPLICIT_TARGET and previous_subject:
        source_codes = {_place_code(m) for m in sources}
        targets = [m for m in previous_subject if _place_code(m) not in source_codes]
    return sources, targets


def sentence_events(sentence: Sentence, mentions: list[Mention], timexes: list[Timex],
                    dct: PartialDate | None, previous_subject: list[Mention] | None = None,
                    recent_group: Mention | None = None) -> list[Event]:
    actors = [m for m in mentions if _actor(m)]
    codes = gz.cameo()
    out: list[Event] = []
    found = _find_triggers(sentence)
    for k, (t_start, t_end, trig) in enumerate(found):
        root = trig.code[:2]
        clause = _clause_bounds(sentence, t_start, t_end)
        before_text = _between(sentence, clause[0], t_start)
        if k and found[k - 1][0] >= clause[0] and _PURPOSE.search(_between(sentence, found[k - 1][1], t_start)):
            continue  # `đạt được thỏa thuận để hợp tác`: the purpose of the event before, not another
        lead = _lead(sentence, t_start, 45)
        nominal = root not in _SYMMETRIC and _NOMINAL.search(lead[-30:])
        if nominal and _LIGHT_VERB.search(lead[: len(lead) - len(nominal.group(0))]):
            nominal = None
        site = _Site(sentence, actors, t_start, t_end, root, clause)
        # `các cuộc đàm phán (tiếp theo) giữa Nga và NATO`: next to the trigger
        between_marker = next((m for m in site.after + site.before if abs(m.start - t_end) < 40
                               and _BETWEEN.search(_lead(sentence, m.start, 10))), None)
        if between_marker:
            sources = [between_marker]
            targets = [m for m in _coordinated(sentence, between_marker, actors) if m is not between_marker]
        elif nominal:
            sources, targets = _nominal_actors(site)
        else:
            found_actors = _clausal_actors(site, mentions, before_text, previous_subject, recent_group)
            if found_actors is None:
                continue
            sources, targets = found_actors
        sources = [m for m in sources if m not in targets]
        if not targets and root in _VIOLENT:  # an attack by unnamed attackers: the country where it happened
            places = [m for m in mentions if m.entity_type == "LOC" and m.entity_code in _countries()
                      and clause[0] <= m.start]
            place = min(places, key=lambda m: abs(m.start - t_end), default=None)
            if place:
                targets = [place]
        if root == "14" and not sources:  # `các vụ biểu tình chống Mỹ tại Afghanistan`: the people of the place
            places = [m for m in mentions if m.entity_type in ("LOC", "GPE") and m.entity_code in _countries()
                      and m.start >= t_end and m not in targets
                      and re.search(r"(?:tại|ở)\s*$", _between(sentence, sentence.start, m.start))]
            sources = places[:1]
        modality = _modality(before_text)
        code = trig.code
        if root == "19" and not any(_actor(m) and m.entity_type in ("GPE", "IGO") or m.entity_type == "PER"
                                    for m in sources):
            code, root = "180", "18"  # an attack by unnamed attackers or an armed group: assault, not war
        if root in _PLEDGE_CODE and modality in ("planned", "asserted") and _PLEDGE.search(before_text):
            code, modality = _PLEDGE_CODE[root], "asserted"
        info = codes.get(code) or codes[code[:3]]
        value, precision, basis = _date_for(t_start, clause, timexes, dct)
        loc_name, loc_code = _location(sentence, mentions)
        pairs = [(s, t) for s in (sources or [None])[:4] for t in (targets or [None])[:4]]
        for source, target in pairs:
            src = _place_code(source) if source else None
            tgt = _place_code(target) if target else None
            if src is None and tgt is None or src == tgt:
                continue
            if tgt is None and root != "15":
                continue  # an event needs a receiving actor, except drills and tests
            if src is None and root not in _VIOLENT:
                continue
            confidence = round(trig.weight * (0.9 if source and target else 0.7) *
                               (0.9 if site.before and source is site.before[-1] else 0.8), 3)
            out.append(Event(
                sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
                evidence=sentence.text, trigger=trig.pattern, trigger_start=t_start, trigger_end=t_end,
                event_code=code, event_root_code=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
                source_actor_code=src, target_actor_code=tgt,
                source_actor_name=source.canonical_name if source else None,
                target_actor_name=target.canonical_name if target else None,
                event_date=value, event_date_precision=precision, event_date_basis=basis, modality=modality,
                location_name=loc_name, location_code=loc_code, confidence=confidence,
                source_actor_country=_country_of(source), target_actor_country=_country_of(target),
                source_actor_group=_group_of(source), target_actor_group=_group_of(target)))
    return out


def _country_of(m: Mention | None) -> str | None:
    if m is None:
        return None
    code = m.country if m.entity_type == "PER" else m.entity_code if m.entity_type in ("GPE", "LOC") else None
    return code if code in _countries() else None


def _group_of(m: Mention | None) -> str | None:
    return m.entity_code if m is not None and m.entity_type in ("IGO", "ORG") else None


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(gz.country_names())


def _place_code(m: Mention) -> str | None:
    return m.entity_code if m.entity_type == "LOC" else _actor(m)


def subject_of(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The sentence's subject actors (the first subject-like actor and those coordinated with it), not
    counting fronted phrases (`Trong chiến dịch cô lập Iraq…, chúng…`)."""
    actors = [m for m in mentions if _actor(m) and _subject_like(sentence, m)
              and not _FRONTED.match(_between(sentence, _segment_start(sentence, m.start), m.start))]
    return _coordinated(sentence, actors[0], [m for m in mentions if _actor(m)]) if actors else []


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
    previous: list[Mention] = []
    group: Mention | None = None  # the last armed group named, within the last eight sentences
    group_age = 0
    for s in sentences:
        if s.role not in EVENT_ROLES:
            continue
        here = by_sentence.get(s.index, [])
        for e in sentence_events(s, here, tx_by_sentence.get(s.index, []), dct, previous, group):
            key = (e.source_actor_code, e.target_actor_code, e.event_code, e.event_date)
            if key not in best or e.confidence > best[key].confidence:
                best[key] = e
        previous = subject_of(s, here) or previous
        named_group = next((m for m in reversed(here) if m.entity_type == "ORG" and _actor(m)), None)
        group, group_age = (named_group, 0) if named_group else (group if group_age < 8 else None, group_age + 1)
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.trigger_start))


def event_id(article_id: str, e: Event) -> str:
    key = "|".join(str(x) for x in (article_id, e.source_actor_code, e.target_actor_code, e.event_code, e.event_date))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def cluster_id(e: Event) -> str:
    """Events that describe the same happening share it: same dyad (either order for roots 04-06, as the
    scorer matches them), root and date at its precision, whatever article reports them."""
    actors = (e.source_actor_code or "", e.target_actor_code or "")
    if e.event_root_code in _SYMMETRIC:
        actors = tuple(sorted(actors))
    key = "|".join((*actors, e.event_root_code, e.event_date or ""))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


