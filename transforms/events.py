"""CAMEO-coded events: who did what to whom, when, where, how sure.

Per sentence that holds a trigger from the lexicon (data/triggers.tsv), the sentence's clause structure
(transforms/clauses.py) decides the actors:
  source  the subject of the trigger's clause: the nearest bare actor before it (a subject, or the object
          of a verb that passes it on: `kêu gọi Nga rút quân`), the agent after `bị`/`được`, the `của`/`do`
          agent of a trigger used as a noun (`vụ tấn công của IS`); a clause without a subject takes the
          subject of the clause it depends on (`Nga cho biết sẽ …`), and a sentence without one takes the
          subject carried over from the sentences before (`nước này`, `phía bạn`, a dropped subject);
  target  the trigger's object or the actor a target preposition introduces (`với`, `đối với`, `nhằm vào`),
          as the trigger's frame allows: drills and tests (`target=none`) take none unless one is named
          with a hostile preposition; some roots leave their receiver to context (the previous subject).
Coordinated actors give one event per conjunct on either side; `giữa A, B và C` gives the pairs; a
meeting or cooperation between coordinated subjects gives their pairs. The code may change with the
trigger's object (data/event_frames.tsv: expel diplomats 16, not arrest 17), with a pledge (root 03) and
with a state actor (war 19 needs one, else assault 18). Modality comes from cue words before the trigger
in its clause, the date from the time expression nearest to it in its clause, else the publication date.
Cue words live in data/event_cues.json.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache

from transforms import clauses as cl
from transforms import gazetteer as gz
from transforms.mentions import Mention
from transforms.nlp import Sentence
from transforms.timexes import PartialDate, Timex

EVENT_ROLES = frozenset({"title", "lead", "body", "caption"})
_VIOLENT = {"18", "19", "20"}
_FORCE_ROOTS = {"15", "18", "19", "20"}
_SYMMETRIC = {"04", "05", "06"}
# a pledge turns a cooperative root into root 03 with its sub-code
_PLEDGE_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# said with `sẽ` (`tuyên bố sẽ hợp tác`), these are pledges; a scheduled drill, signing or purchase stays planned
_PLEDGED_BY_SE = {"050", "051", "060", "070", "071", "072", "073", "080", "085", "087"}


@dataclass(frozen=True)
class Trigger:
    pattern: str
    code: str
    weight: float
    target: str = "object"  # object: its object or a marked actor | marked: only a marked actor | none
    # | mutual | joint | place | visit: a motion verb, an event only as a person's trip to a country
    # | undergone: the subject undergoes what the object's owner does (`nằm trong tầm ngắm của tên lửa Nga`)


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


@dataclass
class Context:
    """What one sentence hands to the next within an article. The last subject named is worked out only
    when a later sentence asks for it (most are never asked for, and it costs a parse)."""
    dyad: list[Mention] = field(default_factory=list)  # the actors of the last sentence naming two (`hai bên`)
    focus: list[Mention] = field(default_factory=list)  # the article's actors, most often named first
    group: Mention | None = None  # the last armed group named, within the last eight sentences
    group_age: int = 0
    igo: Mention | None = None  # the last international organization named, within the last eight sentences
    igo_age: int = 0
    person: Mention | None = None  # the last person acting for an actor, within the last three sentences
    person_age: int = 0
    quote_opened: bool = False  # the sentence before ends with a colon (`Ông Kerry … nói:`)
    countries: list[list[Mention]] = field(default_factory=list)  # the countries of each of the last three sentences
    _subject: list[Mention] = field(default_factory=list)
    _pending: list[tuple] = field(default_factory=list)  # (sentence, mentions, parse or None), latest last

    @property
    def subject(self) -> list[Mention]:
        while self._pending:
            sentence, mentions, parse = self._pending.pop()
            found = sentence_subject(sentence, mentions, parse)
            if found:
                self._subject, self._pending = found, []
        return self._subject

    def saw(self, sentence: Sentence, mentions: list[Mention], parse: "cl.Parse | None") -> None:
        if any(_actor(m) for m in mentions):
            self._pending.append((sentence, mentions, parse))


# --- data ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def triggers() -> gz.Trie:
    trie = gz.Trie()
    for row in gz.read_tsv("triggers.tsv"):
        if row.get("target") == "visit":
            continue  # motion verbs: only where _visit_triggers finds them
        trie.add(tuple(row["pattern"].split()), Trigger(row["pattern"], row["code"], float(row["weight"]),
                                                        row.get("target") or "object"))
    return trie


@lru_cache(maxsize=1)
def _visit_verbs() -> gz.Trie:
    trie = gz.Trie()
    for row in gz.read_tsv("triggers.tsv"):
        if row.get("target") == "visit":
            trie.add(tuple(row["pattern"].split()), Trigger(row["pattern"], row["code"], float(row["weight"]), "visit"))
    return trie


def _visit_triggers(sentence: Sentence, mentions: list[Mention], found: list) -> list[tuple[int, int, Trigger]]:
    """`đến`, `tới`, `sang` as the main verb, a country right after them (`Trước đó, ông đến Saudi Arabia và
    Israel`): a visit, where no other trigger stands in the eight syllables before (`gửi … đến Ấn Độ` is
    the preposition of that act) nor `từ` (`từ Mỹ đến Nhật`). Whose visit it is, a person's only, is for
    _pairs."""
    syl = sentence.syllables
    lower = [x.text.lower() for x in syl]
    starts = {m.start: m for m in mentions if m.entity_type == "GPE" or
              m.entity_type == "LOC" and m.entity_code in _countries()}
    trie, out = _visit_verbs(), []
    for i in range(1, len(syl)):
        hit = trie.longest(lower, i)
        if not hit or hit[0] >= len(syl) or syl[hit[0]].start not in starts or lower[i - 1] in ("từ", "và"):
            continue
        if any(e > syl[max(0, i - 8)].start and e <= syl[i].start for _, e, _ in found):
            continue
        out.append((syl[i].start, syl[hit[0] - 1].end, hit[1]))
    return out


@dataclass(frozen=True)
class Frame:
    objects: tuple[tuple[str, ...], ...]  # any of these among the object's words (empty: any object)
    prepositions: tuple[str, ...]  # the target's preposition is one of these (empty: any)
    code: str  # a CAMEO code, or `-`: no event


@lru_cache(maxsize=1)
def frames() -> dict[str, list[Frame]]:
    """trigger pattern -> its frames, in file order (data/event_frames.tsv)."""
    out: dict[str, list[Frame]] = {}
    for row in gz.read_tsv("event_frames.tsv"):
        objects = tuple(tuple(c.split()) for c in row["object"].split("|") if c)
        preps = tuple(c for c in row["preposition"].split("|") if c)
        for trigger in row["trigger"].split("|"):
            out.setdefault(trigger, []).append(Frame(objects, preps, row["code"]))
    return out


def _find_triggers(sentence: Sentence, actor_ends: frozenset[int] = frozenset()) -> list[tuple[int, int, Trigger]]:
    """(char_start, char_end, trigger) over the sentence's lowercased syllables, longest match first.
    `actor_ends`: where actor names end; a word the segmenter glued to a name before it (`EU cấm` after a
    fronted `Hôm qua,`) still begins a word after the name."""
    lower = [s.text.lower() for s in sentence.syllables]
    trie = triggers()
    out, i = [], 0
    while i < len(lower):
        hit = trie.longest(lower, i)
        if hit:
            end, trig = hit
            start_char, end_char = sentence.syllables[i].start, sentence.syllables[end - 1].end
            # a one-syllable trigger must be a whole word: `bắt` but not `bắt đầu`, `ký` but not `thư ký`
            if trig.code != "-" and (end - i > 1 or sentence.word_bounded(start_char, end_char) or (
                    i and sentence.syllables[i - 1].end in actor_ends and any(w.end == end_char for w in sentence.words))):
                out.append((start_char, end_char, trig))
            i = end
        else:
            i += 1
    return out


def _local_body(m: Mention, sentence: Sentence, lower: list[str]) -> Mention:
    """A city or province after a word of its people or authorities (`cảnh sát thành phố Karachi`, `người dân
    Basra`, `Hội đồng tỉnh Basra`) names them, who act for its country as its state's officials and citizens do:
    the mention as its country (GPE), for the events only."""
    if m.entity_type != "LOC" or m.entity_code is None:
        return m
    first = next((i for i, x in enumerate(sentence.syllables) if x.start == m.start), None)
    if first is None:
        return m
    end = first - 2 if lower[max(0, first - 2):first] in (["thành", "phố"], ["thủ", "đô"], ["thị", "trấn"]) else \
        first - 1 if first and lower[first - 1] in ("tỉnh", "bang", "vùng") else first
    for n in (3, 2, 1):
        if end >= n and " ".join(lower[end - n:end]) in cues()["local_bodies"]:
            # (with its place noun, `thành phố Karachi`, so that the place noun is not read as what it modifies)
            start = sentence.syllables[end].start
            return replace(m, entity_type="GPE", start=start, surface=sentence.text[start - sentence.start:m.end - sentence.start])
    return m


def _actor(m: Mention) -> str | None:
    if m.entity_type in ("GPE", "IGO"):
        return m.entity_code
    if m.entity_type == "ORG" and m.entity_code:
        return None if gz_media(m.entity_code) else m.entity_code
    if m.entity_type == "PER":
        return m.org or m.country  # `ông Annan` acts for the UN, not for Ghana
    return None


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    return frozenset(r["code"] for r in gz.read_tsv("aliases.tsv") if r["use"] == "media")


def gz_media(code: str) -> bool:
    return code in _media()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(gz.country_names())


def _place_code(m: Mention) -> str | None:
    return m.entity_code if m.entity_type == "LOC" else _actor(m)


# --- roles --------------------------------------------------------------------------------------------
def _group(p: cl.Parse, k: int, lo: int | None = None, hi: int | None = None) -> list[int]:
    clause = p.clause_of(k)
    return cl.coordinated(p, k, clause.first if lo is None else lo, clause.last if hi is None else hi)


def _mentions(p: cl.Parse, tokens: list[int]) -> list[Mention]:
    """The actors of these tokens; a person whose title names an IGO acts for it (`Tổng thư ký LHQ Kofi
    Annan` is the UN, not Ghana)."""
    out = []
    for k in tokens:
        m = p.tokens[k].actor
        if m is None:
            continue
        before = p.tokens[k - 1] if k else None
        if m.entity_type == "PER" and before is not None and before.tag == cl.ACTOR and before.actor is not None \
                and before.actor.entity_type == "IGO" and before.syl[1] == p.tokens[k].syl[0]:
            m = before.actor
        if m not in out:
            out.append(m)
    return out


def _clause_subject(p: cl.Parse, c: int, context: Context, seen: frozenset = frozenset()) -> list[int] | None:
    """Actor tokens of clause c's own subject: the first bare actor before its first predicate. None when
    the clause has none of its own (then it depends on another clause)."""
    clause = p.clauses[c]
    listed = _plural_list_at(p, clause.first, p.tokens[clause.first].syl[0])
    if listed:  # `Các nước, trong đó có Mỹ, EU tuyên bố hỗ trợ …`: the plural the list names
        return listed
    for k in range(clause.first, clause.last):
        t = p.tokens[k]
        if t.tag == "V" and k > 0 and any(ch.isupper() for ch in t.text):
            continue  # `Nghị sĩ đảng Cộng hòa Mỹ …`: part of a name the tagger took for a verb
        if t.tag == cl.TRIGGER and _consequence(p, k):
            continue  # `…, buộc Liên Hiệp Quốc lên án`: the one made to act is the clause's subject
        if t.tag == cl.TRIGGER or t.tag == "V" and t.low not in ("bị", "được"):
            break
        if t.tag == cl.ACTOR and cl.subject_like(p, k):
            return _group(p, k) if t.actor is not None and _actor(t.actor) else []
    return None


def _generic_plural(words: list[str], i: int) -> bool:
    """A plural that names several actors starts at syllable i: `nhiều nước`, `hàng loạt quốc gia`, `4 quốc gia`."""
    c = cues()
    if c.match("generic_plural", words, i) is not None:
        return True
    after = c.match("plural_determiners", words, i) or (i + 1 if words[i].isdigit() else None)
    return after is not None and c.match("generic_heads", words, after) is not None


def _plural_list_at(p: cl.Parse, k: int, start: int) -> list[int] | None:
    """For a generic plural that begins within four syllables of syllable `start`, the actors a list after
    token k names (`Các nước, trong đó có Mỹ, EU`, `của nhiều nước, đặc biệt là Ukraine`), [] if none does;
    None when no such plural begins there."""
    words = p.syllables[start:start + 4]
    if not any(_generic_plural(words, i) for i in range(len(words))):
        return None
    return _listed(p, k, stop=start + 8)


def _plural_subject_list(p: cl.Parse, first: int, group: list[int]) -> list[int]:
    """A subject list that names a generic plural, with the actors coordinated before the plural: `Mỹ và các
    đồng minh gồm Hàn Quốc, Nhật Bản phản đối …` is Mỹ, Hàn Quốc and Nhật Bản; [] for any other subject."""
    start, stop = p.tokens[first].syl[0], p.tokens[cl.phrase_start(p, group[0])].syl[0]
    words = p.syllables[start:stop]
    at = next((i for i in range(len(words)) if _generic_plural(words, i)), None)
    if at is None:
        return []
    listed = _listed(p, first, stop=start + at + 8)
    if not listed or group[0] not in listed:
        return []
    named = [k for k in range(first, listed[0]) if p.tokens[k].tag == cl.ACTOR and p.tokens[k].syl[0] < start + at
             and cl.subject_like(p, k)]
    members = sorted(set(listed) | set(group))  # (`gồm Hàn Quốc, Nhật Bản`: a list with no `và`)
    return (cl.coordinated(p, named[0], first, named[-1] + 1) if named else []) + members


def _plural_joined(p: cl.Parse, group: list[int], t: int) -> list[int]:
    """A subject joined by a plural that a list names, before trigger t: `Mỹ và một số đồng minh như Anh chỉ
    trích …` is Mỹ and Anh; [] for any other subject."""
    start, stop = p.tokens[group[-1]].syl[1], p.tokens[t].syl[0]
    words = p.syllables[start:stop]
    if not words or cues().match("joining", words, 0) is None:
        return []
    at = next((i for i in range(1, min(len(words), 4)) if _generic_plural(words, i)), None)
    if at is None:
        return []
    members = [k for k in _listed(p, group[-1] + 1, stop=start + at + 8) if k < t]
    return group + members if members else []


def _plural_object_list(p: cl.Parse, t: int) -> list[int]:
    """A generic plural right after trigger t (its object) that a list then names: `xuất khẩu vắc xin sang các
    nước láng giềng, bao gồm Bangladesh, Nepal và Sri Lanka`, `gửi đến 4 quốc gia … (Anh, Nga, …)`."""
    start = p.tokens[t].syl[1]
    words = p.syllables[start:min(start + 12, p.tokens[p.clause_of(t).last - 1].syl[1])]  # (in its own clause)
    at = next((i for i in range(len(words)) if _generic_plural(words, i)), None)
    if at is None:
        return []
    between = [p.tokens[k] for k in range(t + 1, len(p.tokens)) if p.tokens[k].syl[1] <= start + at]
    actor = next((i for i, tok in enumerate(between) if tok.tag == cl.ACTOR), None)
    if actor is not None and any(tok.tag in ("V", cl.TRIGGER) for tok in between[actor + 1:]):
        return []  # the plural of another predicate: `trừng phạt Triều Tiên đã được Mỹ gửi đến 4 quốc gia`
    listed = _listed(p, t + 1, stop=start + at + 16)
    before = [k for k in range(t + 1, len(p.tokens)) if p.tokens[k].syl[1] <= start + at]
    named = [k for k in before if p.tokens[k].tag == cl.ACTOR and k not in listed]
    # `chống lại Syria và các đồng minh của Syria`: an actor coordinated before the plural is an object too
    return (cl.coordinated(p, named[0], t + 1, named[-1] + 1) if named and listed else []) + listed


def _listed(p: cl.Parse, start: int, stop: int | None = None) -> list[int]:
    """The actors a list opener (`trong đó có`, `gồm`, `(`) introduces after token `start` (its opener
    before syllable `stop`)."""
    for k in range(start, len(p.tokens)):
        if stop is not None and p.tokens[k].syl[0] > stop + 4:
            return []
        tok = p.tokens[k]
        if tok.tag != cl.ACTOR or tok.actor is None or not _actor(tok.actor):
            continue
        first = cl.phrase_start(p, k)
        syllable = p.tokens[first].syl[0]
        if any(p.cue_at("list_openers", s) == syllable for s in range(max(0, syllable - 4), syllable)):
            return cl.coordinated(p, k, 0, len(p.tokens), listing=True)
    return []


def _inherited_subject(p: cl.Parse, c: int, context: Context, carry: bool) -> list[Mention]:
    """The subject clause c takes from the clause it depends on, or from the sentences before."""
    clause = p.clauses[c]
    if clause.kind == "adjunct" and all(p.clauses[i].kind == "fronted" for i in range(c)):
        # `Sau khi chỉ trích Ấn Độ …, truyền thông nhà nước Trung Quốc …`: an opening time clause is the main
        # subject's
        main = next((n for n in range(c + 1, len(p.clauses)) if p.clauses[n].kind == "main"), None)
        own = _clause_subject(p, main, context) if main is not None else None
        if own:
            return _mentions(p, own)
    if clause.kind == "fronted" and c + 1 < len(p.clauses):
        main = next((n for n in range(c + 1, len(p.clauses)) if p.clauses[n].kind != "fronted"), c + 1)
        own = _clause_subject(p, main, context)  # (past a second fronted phrase)
        return _mentions(p, own) if own else []
    while c > 0 and p.clauses[c].kind not in ("hard",):
        c -= 1
        own = _clause_subject(p, c, context)
        if own is not None:
            return _mentions(p, own)
        described = _described_country(p, p.tokens[p.clauses[c].first].syl[0])
        if described:  # `quốc gia Nam Mỹ này ký hợp đồng mua … và mua trực thăng …`
            return described
        if p.clauses[c].kind == "fronted":
            break
    return list(context.subject) if carry else []


def _thing_subject(p: cl.Parse, t: int) -> bool:
    """Right before the trigger (past adverbs) stands a thing pointed back at (`điều này sẽ giúp phá vỡ bế tắc`;
    event_cues.json `thing_subjects`), which names no actor."""
    k = t - 1
    while k > 0 and p.tokens[k].tag == "R":
        k -= 1
    return k >= 0 and cl.cue_ends_at(p, "thing_subjects", k) is not None


def _subject(p: cl.Parse, t: int, context: Context) -> list[Mention]:
    """Source actors of trigger token t (see the module docstring)."""
    clause = p.clause_of(t)
    c = cues()
    if _thing_subject(p, t):
        return []  # `điều này sẽ giúp phá vỡ bế tắc`: a thing does it, no actor
    for k in range(t - 1, clause.first - 1, -1):
        tok = p.tokens[k]
        if tok.tag != cl.ACTOR:
            if c.match("causatives", p.syllables, tok.syl[0]) == tok.syl[1]:
                return []  # `… khiến nhiều nước lo ngại`: who is caused to act names no actor
            continue
        if not cl.subject_like(p, k):
            if _plan_owner(p, k, t):  # `kế hoạch của NATO kết nạp Montenegro`: NATO's act, planned
                return _mentions(p, _group(p, k))
            prep = cl.preposition_before(p, k)
            if prep and prep[1] in ("với", "cùng", "cùng với") and _is_actor_token(p, k) and not cl.is_modifier(p, k) \
                    and p.tokens[t].trigger >= 0 and p.triggers[p.tokens[t].trigger][2].code[:2] in _FORCE_ROOTS \
                    and all(p.tokens[j].tag == "R" for j in range(k + 1, t)):
                # `Mỹ … phối hợp với lực lượng dân quân người Kurd YPG chiến đấu với IS`: the partner right
                # before an act of force does it, with the subject it acts with
                partner = _mentions(p, _group(p, k))
                return _subject(p, cl.phrase_start(p, k), context) + partner
            continue
        if tok.actor is None or not _actor(tok.actor):
            # `khi hãng tin Reuters đề nghị`: a named subject that is no actor, unless it ends a list of those
            # that are (`Thứ trưởng Ngoại giao Trung Quốc Chu Văn Trọng, Vũ Đại Vĩ và Ninh Phú Khôi đã gặp …`)
            return [m for m in _mentions(p, _group(p, k)) if _actor(m)]
        group = _group(p, k)
        listed = _plural_subject_list(p, clause.first, group) or _plural_joined(p, group, t)
        if listed:
            return _mentions(p, listed)
        first = p.tokens[cl.phrase_start(p, group[0])].syl[0]
        words = p.syllables[max(0, first - 4):first]
        if words and words[-1] == "và" and any(c.match("country_references", words, i) == len(words) - 1
                                               for i in range(len(words) - 1)):
            # `nước này và Đức đã nhất trí …`: the country a reference word names is a conjunct too
            return _country_before(p, first - 3) + _mentions(p, group)
        return _mentions(p, group)
    # no actor before the trigger in its clause: a generic plural that a list names, a reference word, a
    # dependent clause, a dropped subject
    start = p.tokens[clause.first].syl[0]
    stop = p.tokens[t].syl[0]
    words = p.syllables[start:stop]
    if any(_generic_plural(words, i) for i in range(len(words))):
        listed = _listed(p, clause.first)
        if listed:  # `Nhiều nước khác cũng đã ban hành lệnh cấm …, trong đó có Mỹ, Anh, Kuwait`
            return _mentions(p, listed)
    for i in range(len(words)):
        if c.match("first_person", words, i) is not None:  # `chúng tôi sẽ …`: the speaker, if reported
            own = _inherited_subject(p, p.clause_at[t], context, carry=False) if clause.kind == "embed" else []
            # `"Chúng tôi kêu gọi Mỹ …", người phát ngôn Bộ Ngoại giao Trung Quốc cảnh báo.`: who closes the quote
            own = own or (_closing_speaker(p, t) if any(tok.text in ('"', "”") for tok in p.tokens[t:]) else [])
            # `Ông Kerry … nói:` | `"… chúng tôi sẽ tiếp tục hợp tác …"`: who opened the quote the sentence before
            return own or (list(context.subject) if context.quote_opened else [])
        if c.match("armed_group_pronouns", words, i) is not None and context.group:
            return [context.group]  # `chúng còn truy sát …` in a story about an armed group
        if c.match("organization_references", words, i) is not None:
            # `liên minh này sẽ hỗ trợ …`: the organization named last, in this sentence or the ones before
            named = [p.tokens[k].actor for k in range(t - 1, -1, -1) if p.tokens[k].tag == cl.ACTOR
                     and p.tokens[k].actor is not None and p.tokens[k].actor.entity_type == "IGO"]
            return named[:1] or ([context.igo] if context.igo else [])
        end = c.match("both_sides", words, i)
        if end is not None and context.dyad and not (end < len(words) and words[end - 1] == "hai" and words[end] not in (
                "đều", "cùng", "đã", "sẽ", "vẫn", "cũng", "đang", "nước", "bên", "phía", ",")):
            return list(context.dyad)  # (`Cả hai chiến dịch …` names two campaigns, not the two sides)
        described = _described_country(p, start + i)
        if described is not None:  # `quốc gia Nam Mỹ này ký hợp đồng …`
            return described
        end = c.match("reference_subjects", words, i)
        if end is not None:
            # the subject named earlier in the sentence (`Kim Jong-un tuyên bố ông sẵn sàng …`, `Hàn Quốc …,
            # nên nếu nước này bị tấn công`), else a country named before a country word in the sentence
            # (`Vụ thử … của Triều Tiên đánh dấu lần thứ 5 nước này phóng`), else the sentences before
            earlier = _inherited_subject(p, p.clause_at[t], context, carry=False)
            country_word = c.match("country_references", words, i) is not None
            person = c.match("person_pronouns", words, i) == end and context.person is not None
            # `ông` with no subject carried over: the last person named (`… của ông Trump. Trước đó, ông đến …`)
            if i > 0 and words[i - 1] in ("các", "những"):
                return []  # `các nước này`: several, not one
            named_last = _country_before(p, start + i) if country_word else []
            if named_last and clause.kind in ("adjunct", "contrast"):
                # `… đối với Triều Tiên trong trường hợp nước này tiếp tục thử hạt nhân`: in a clause of its
                # own, the country named last, not the main subject
                return named_last
            return earlier or named_last or list(context.subject) or (
                [context.person] if person else [])
    # a dropped subject (`Đồng thời kêu gọi …`): something stands before the trigger, and no noun
    lead = [p.tokens[k] for k in range(clause.first, t)]
    nominal_lead = any(tok.tag in ("N", "Np", "P", "Nc", "M", cl.ACTOR) for tok in lead)
    opening = next((tok for tok in lead if tok.tag not in ("R", "CH")), None)
    owned = t == clause.first + 1 and p.tokens[clause.first].low == "sự"  # `bày tỏ | sự đoàn kết với …`
    if clause.kind == "embed" and opening is not None and opening.tag in ("N", "Np", "Nc", "M", "P") and not owned:
        return []  # `… cho biết vật thể phóng ra …`: the reported clause has a subject of its own, no actor
    forces = opening is not None and cl.cue_ends_at(p, "state_forces", lead.index(opening) + clause.first) is not None \
        and p.tokens[t].trigger >= 0 and p.triggers[p.tokens[t].trigger][2].code[:2] in _FORCE_ROOTS
    # `Hải quân đã tiến hành tập trận`: a state's forces named bare are those of the subject carried over
    return _inherited_subject(p, p.clause_at[t], context, carry=bool(lead) and not nominal_lead or forces)


def _plan_owner(p: cl.Parse, k: int, t: int) -> bool:
    """Actor k owns a plan noun right before the trigger (`kế hoạch của NATO kết nạp …`)."""
    first = cl.phrase_start(p, k)
    if first < 2 or p.tokens[first - 1].low != "của" or cl.cue_ends_at(p, "plan_nouns", first - 2) is None:
        return False
    return _is_actor_token(p, k) and all(p.tokens[j].tag in ("R", "A") for j in range(k + 1, t))


def _is_actor_token(p: cl.Parse, k: int) -> bool:
    return p.tokens[k].actor is not None and bool(_actor(p.tokens[k].actor))


def _countries_before(p: cl.Parse, syllable: int) -> list[Mention]:
    """The countries named before this syllable in the sentence, in order."""
    return [tok.actor for tok in p.tokens if tok.syl[1] <= syllable and tok.tag == cl.ACTOR
            and tok.actor is not None and tok.actor.entity_type == "GPE"]


def _country_before(p: cl.Parse, syllable: int) -> list[Mention]:
    """The country named last before this syllable in the sentence."""
    return _countries_before(p, syllable)[-1:]


def _object(p: cl.Parse, t: int, trig: Trigger, root: str, exclude: set[int],
            marked_only: bool = False) -> list[Mention]:
    """Target actors of trigger token t: its object, or an actor a target preposition introduces. Past a
    comma only a marked actor counts (`cam kết viện trợ y tế, trong đó có ôxy, cho Ấn Độ`); a verb used
    as a verb ends the search (its actors are its own), a trigger used as a noun does not (`ủng hộ các
    lệnh trừng phạt của Séc`); threats, appeals, rejections may reach into the clause they introduce."""
    # a drill has a target only when one is named as such, or as a frame of its names (`cùng Nhật Bản`)
    hostile = cues()["hostile_prepositions"] + [w for f in frames().get(trig.pattern, []) for w in f.prepositions]
    c = p.clause_at[t]
    last = p.clauses[c].last
    following = p.clauses[c + 1] if c + 1 < len(p.clauses) else None
    if root in _THROUGH_ROOTS | {"11", "12"} and following is not None and (following.kind == "embed" or (
            following.kind == "adjunct" and p.tokens[following.first].low == "để")):
        last = following.last  # `từ chối đảm bảo … rằng … của Nga`, `đe dọa sẽ không để nước này …`
    fronted = _after_fronted_accusation(p, t) if root == "11" else None
    if fronted:  # `Theo cáo buộc của Mỹ, Iran đã …`: the accused is the subject of the clause after the comma
        return _mentions(p, [j for j in fronted if j not in exclude])
    listed = _plural_object_list(p, t)
    if listed:  # `sang các nước láng giềng, bao gồm Bangladesh …`, `gửi đến 4 quốc gia … (Anh, Nga, …)`
        return _mentions(p, [j for j in listed if j not in exclude])
    past_comma = False
    proposal_named = False
    backed_object = False  # the object is a group named by who backs it
    source_codes = {_place_code(p.tokens[j].actor) for j in exclude}
    for k in range(t + 1, last):
        tok = p.tokens[k]
        if tok.text == ",":
            past_comma = True
            continue
        if not past_comma and tok.tag != cl.ACTOR and cues().match("country_references", p.syllables, tok.syl[0]):
            # `đe dọa sẽ không để nước này sở hữu …`: the country named before in the sentence
            described = _described_country(p, tok.syl[0], source_codes)
            before = _country_before(p, tok.syl[0]) if described is None else described
            named = [m for m in before if _place_code(m) not in source_codes]
            if named:
                return named
        if tok.tag == cl.TRIGGER and root not in _THROUGH_ROOTS and not _nominal(p, k) and not _relative(p, k) \
                and not proposal_named:
            break  # the actors after another predicate are its own
        if tok.tag == cl.TRIGGER and root in ("11", "12") and tok.trigger >= 0 and _nominal(p, k) and \
                p.triggers[tok.trigger][2].code[:2] in cues()["complement_roots"]:
            # `bác bỏ đề nghị tổ chức cuộc đàm phán quân sự từ phía Triều Tiên`: the act a rejected proposal
            # names is part of it; whose proposal it is follows
            proposal_named = True
        if root not in ("13", "15") and cues().match("causatives", p.syllables, tok.syl[0]) == tok.syl[1]:
            break  # `giết hơn 100 người dân khiến Trump ra lệnh …`: who is caused to act is no target (but a
            #        show of force or a threat is aimed at whom it alarms: `… khiến Nga “nóng mặt”`)
        if tok.tag != cl.ACTOR or k in exclude or tok.actor is None or not _place_code(tok.actor):
            continue
        if tok.actor.entity_type == "LOC" and _names_document(p, k):
            continue  # `theo thỏa thuận Minsk`: the document's name
        if _place_code(tok.actor) in source_codes:
            if cl.phrase_start(p, k) == t + 1 and (tok.actor.entity_type == "PER" or root in ("02", "10")) and (
                    root in _ADDRESSED or root in ("11", "12")):  # (`cảnh báo Washington có thể giáng đòn … nhằm
                #   vào Triều Tiên` warns of what Washington may do: its target is further on)
                return []  # `kêu gọi Tổng thống Obama không rút quân …` said by a US senator, `Nữ con tin Anh
                #            kêu gọi London rút quân khỏi Iraq`, `Các nhà lập pháp Mỹ phản đối TT Bush về …`: at home
            continue  # `cấm các ngân hàng Mỹ mua …` said of the US: its own, not its target
        prep = cl.preposition_before(p, k)
        first = p.tokens[cl.phrase_start(p, k)].syl[0]
        if p.syllables[max(0, first - 2):first] == ["so", "với"]:
            continue  # `lạc hậu cả vài thập niên so với quân đội Mỹ`: a comparison, no receiver
        if past_comma and root in ("15", "?") and _near_border(p, t, k):
            # `triển khai … đến khu vực hoang mạc …, gần biên giới Ấn Độ`: aimed at the border's state
            return _mentions(p, [j for j in _group(p, k) if j not in exclude])
        if root == "12" and prep and prep[1] in ("tới", "đến", "sang") and any(
                p.tokens[j].tag in ("V", cl.TRIGGER) for j in range(t + 1, k)):
            continue  # `từ chối đưa quân tới Iraq`: where the refused act would go, not whom it refuses
        if proposal_named and not (prep and prep[1] in ("của", "từ", "từ phía")):
            continue  # `từ chối đề nghị gửi binh sĩ tới Iraq … của Mỹ`: whose proposal, not where it would send
        if (past_comma or marked_only) and (not prep or prep[0] != "target"):
            continue
        if prep and prep[1] in _AGAINST and root < "10":
            continue  # `hậu thuẫn … trong cuộc chiến chống IS`: aid is not given to whom it is used against
        if prep and prep[1] in ("do", "bởi") and root in _FORCE_ROOTS | {"07", "17", "?"} and not _holds(p, k):
            backed_object = True
            continue  # `tấn công các tay súng do Iran hậu thuẫn`: who backs or trains the object is not its target
            #           (who holds it is: `tấn công vào phần lãnh thổ do IS kiểm soát`)
        if prep and prep[0] == "locative" and (root not in _VIOLENT and trig.target != "place" or backed_object):
            continue  # (`… các lực lượng do Mỹ hậu thuẫn ở Syria`: where the proxies are, not whom the attack is on)
        if prep and prep[1] in cues()["near_prepositions"] and root in _VIOLENT:
            continue  # `đánh bom gần căn cứ Nga`: near a place, not on whom it belongs to
        if trig.target == "none" and (_at_time(p, k) or not (prep and prep[1] in hostile or any(
                _contains(p.syllables[p.tokens[t].syl[1]:tok.syl[0]], tuple(w.split())) for w in hostile))):
            continue  # a drill or a deployment has a target only when one is named as such
        if trig.target == "marked" and not prep:
            continue
        if trig.target == "mutual" and "về" in p.syllables[p.tokens[t].syl[1]:tok.syl[0]] and not (
                prep and prep[1] in ("với", "cùng", "cùng với") and not _relation_before(p, k)):
            continue  # `họp bàn về vấn đề hạt nhân của Iran`: what a meeting is about, not who it meets (but
            #           `hợp tác về an ninh hàng hải với Australia` names the partner after the topic)
        if root in _ADDRESSED and cl.is_modifier(p, k) and not prep:
            continue  # `cảnh báo kinh tế Ấn Độ sẽ …`: a warning about, not to, India
        if cl.is_modifier(p, k):  # `cách tiếp cận khủng hoảng Ukraine của Tổng thống Mỹ`: the possessor
            k = _possessor_after(p, k, last) or k
        return _mentions(p, [j for j in _group(p, k) if j not in exclude])
    return []


def _holds(p: cl.Parse, k: int) -> bool:
    """A verb of holding follows actor k's phrase (`phần lãnh thổ do IS kiểm soát`)."""
    end = cl.coordinated(p, k, k, len(p.tokens))[-1] + 1
    return end < len(p.tokens) and p.cue_at("holding", p.tokens[end].syl[0]) is not None


def _time_vao(words: list[str]) -> set[int]:
    """Positions of `vào` that give a time, not a target: a time noun follows (`vào dịp kỷ niệm …`)."""
    return {i for i, w in enumerate(words) if w == "vào" and cues().match("time_nouns", words, i + 1) is not None}


def _at_time(p: cl.Parse, k: int) -> bool:
    """Actor k names an occasion after `vào` (`phóng tên lửa đúng vào dịp quốc khánh Mỹ`): a time, not a target."""
    first = p.tokens[cl.phrase_start(p, k)].syl[0]
    return bool(_time_vao(p.syllables[max(0, first - 3):p.tokens[k].syl[0]]))


def _clause_words(p: cl.Parse, c: int) -> list[str]:
    """The syllables of clause c."""
    clause = p.clauses[c]
    return p.syllables[p.tokens[clause.first].syl[0]:p.tokens[clause.last - 1].syl[1]]


def _words_before(p: cl.Parse, t: int) -> list[str]:
    """The syllables of token t's clause before it."""
    return p.syllables[p.tokens[p.clause_of(t).first].syl[0]:p.tokens[t].syl[0]]


def _placed_into(p: cl.Parse, t: int) -> bool:
    """The trigger is where an actor is put: `xếp X vào danh sách đen`, `đưa X vào lệnh trừng phạt`."""
    j = t - 1
    while j > 0 and p.tokens[j].text in ('"', "“", "”", "'"):
        j -= 1  # `vào "danh sách đen"`
    if j > 0 and p.tokens[j].low in ("danh sách", "danh sách đen", "diện"):
        j -= 1  # `đưa 11 quan chức Myanmar vào danh sách trừng phạt`
    if j < 2 or p.tokens[j].low not in ("vào", "lên"):
        return False
    k = j - 1
    if p.tokens[k].text == ")":  # `liệt Công ty Gỗ Myanmar (MTE) vào danh sách`: past the abbreviation
        k = next((i for i in range(k - 1, max(0, k - 6), -1) if p.tokens[i].text == "("), 0) - 1
    if k < 1 or p.tokens[k].tag != cl.ACTOR:
        return False
    for verb in range(cl.phrase_start(p, k) - 1, p.clause_of(t).first - 1, -1):  # past coordinated objects
        if cl.cue_ends_at(p, "placing_verbs", verb) is not None:
            return True
        if p.tokens[verb].tag in ("V", cl.TRIGGER):
            return False
    return False


def _fronted_object(p: cl.Parse, t: int, sources: list[Mention]) -> list[Mention]:
    """The actor between the subject and the trigger (`Mỹ đã xếp Hezbollah vào danh sách …`)."""
    clause = p.clause_of(t)
    for k in range(t - 1, clause.first - 1, -1):
        tok = p.tokens[k]
        if tok.tag == cl.ACTOR and tok.actor is not None and tok.actor not in sources and _actor(tok.actor):
            return _mentions(p, _group(p, k))
    return []


def _possessor_after(p: cl.Parse, k: int, last: int) -> int | None:
    """An actor introduced by `của` later in the same noun phrase as actor k."""
    for j in range(k + 1, last):
        tok = p.tokens[j]
        if tok.text == "," or tok.tag in (cl.TRIGGER, "V"):
            return None
        if tok.tag == cl.ACTOR and tok.actor is not None and _actor(tok.actor):
            prep = cl.preposition_before(p, j)
            if prep and prep[1] == "của":
                return j
    return None


# threats, appeals, demands and pledges: their target may be the object of the act they name
# (`đe dọa tấn công Hàn Quốc`, `cam kết hỗ trợ Ấn Độ`)
_AGAINST = {"chống", "chống lại", "nhằm vào", "nhắm vào", "nhằm chống lại"}
_THROUGH_ROOTS = {"13", "02", "10", "03"}


def _refers_back(p: cl.Parse, t: int) -> bool:
    """`cam kết này`, `vụ tấn công đó`: a trigger used as a noun that points back to an event already told."""
    return t + 1 < len(p.tokens) and p.cue_at("anaphoric", p.tokens[t + 1].syl[0]) == p.tokens[t + 1].syl[1] \
        and p.tokens[t + 1].low != "trên"  # (`trên` is also `on`)


def _relative(p: cl.Parse, t: int) -> bool:
    """Trigger t modifies the noun before it, itself the object of an earlier trigger or of a preposition
    (`tấn công lực lượng ủng hộ chính phủ`): a relative clause, no event of its own."""
    if t < 2 or p.tokens[t - 1].tag != "N" or p.clause_at[t - 2] != p.clause_at[t] or _carried_message(p, t) \
            or _launched_for(p, t) is not None:  # (`phóng tên lửa đạn đạo tấn công IS`: the launch's aim)
        return False
    if p.tokens[t - 2].tag == cl.TRIGGER:
        return True
    # `nhằm vào lực lượng ủng hộ Chính phủ Syria`: a group noun after a preposition, qualified
    return p.tokens[t - 2].tag == "E" and cl.cue_ends_at(p, "force_nouns", t - 1) == t - 1


def _carried_message(p: cl.Parse, t: int) -> bool:
    """Trigger t is the act a message carries: `gửi lời chúc mừng tới …`, `gửi điện chia buồn` (a sending verb,
    a message noun, the act)."""
    j = cl.cue_ends_at(p, "messages", t - 1) if t else None
    return j is not None and j > 0 and cl.cue_ends_at(p, "light_verbs", j - 1) is not None


def _sends_message(p: cl.Parse, t: int) -> bool:
    """Trigger t sends a message whose act follows (`gửi lời chúc mừng`): the act is the event, not the sending."""
    end = p.cue_at("messages", p.tokens[t].syl[1]) if t + 1 < len(p.tokens) else None
    k = next((k for k in range(t + 1, len(p.tokens)) if p.tokens[k].syl[0] >= end), None) if end else None
    return k is not None and p.tokens[k].tag == cl.TRIGGER and _carried_message(p, k)


def _weapon_reach(p: cl.Parse, t: int) -> bool:
    """A violent trigger that tells what a weapon can reach (`tên lửa có thể bắn tới Mỹ`): a threat, no
    attack (event_cues.json `_weapon_reach`)."""
    clause = p.clause_of(t)
    k = t - 1
    while k >= max(clause.first, t - 7) and (p.tokens[k].tag not in (cl.ACTOR, cl.TRIGGER) or p.tokens[k].tag
                                             == cl.ACTOR and k and p.tokens[k - 1].low == "của"):
        k -= 1  # (`Pháo của Triều Tiên có thể bắn tới Seoul`: past the weapon's owner)
    c = cues()
    words = p.syllables[p.tokens[k + 1].syl[0]:p.tokens[t].syl[0]]  # syllables: the tagger joins `sở hữu vũ khí`
    ends = [c.match("weapons", words, i) for i in range(len(words))]
    if not any(e is not None for e in ends):
        return False
    between = words[max(e for e in ends if e is not None):]
    after = p.syllables[p.tokens[t].syl[1]:p.tokens[t].syl[1] + 1]
    return _cue_in(between, "capability") or _cue_in(after, "reach")


def _launched_for(p: cl.Parse, t: int) -> int | None:
    """The launch (`phóng`/`bắn` + missiles) right before attack trigger t, past the launch's object nouns, whose
    aim the attack is (`phóng tên lửa đạn đạo tấn công IS`): its token, or None."""
    if p.tokens[t].trigger < 0 or p.triggers[p.tokens[t].trigger][2].code[:2] not in _VIOLENT:
        return None
    k = t - 1
    while k > 0 and p.tokens[k].tag in ("N", "A", "M", "Np"):
        k -= 1
    if k == t - 1 and p.tokens[k].tag != cl.TRIGGER or p.tokens[k].tag != cl.TRIGGER or p.tokens[k].trigger < 0:
        return None
    launch = p.triggers[p.tokens[k].trigger][2]
    return k if launch.pattern.split()[0] in ("phóng", "bắn") and (
        launch.code[:2] == "15" or _framed_code(p, k, launch, [])[:2] == "15") else None


def _nominal(p: cl.Parse, t: int) -> bool:
    """The trigger is used as a noun (`vụ tấn công`, `các cuộc đàm phán`, `tên lửa phóng thử của Triều
    Tiên`) and no light verb makes the clause subject its agent (`Jordan tiến hành nhiều vụ không kích`)."""
    if _launched_for(p, t) is not None:
        return False  # `Iran phóng tên lửa đạn đạo tấn công IS`: a verb after the launch, whose subject acts
    prev = next((k for k in range(t - 1, -1, -1) if p.tokens[k].tag not in ("L", "Nc", "M")
                 and p.tokens[k].low != "cả"), None)  # (`bác bỏ cả hai cáo buộc`)
    if prev is not None and p.tokens[prev].tag == cl.TRIGGER and p.tokens[prev].trigger >= 0:
        # `bác bỏ đề nghị đàm phán của Bình Nhưỡng`: the object of a trigger that takes no verb phrase
        before = p.triggers[p.tokens[prev].trigger][2]
        if before.code != "?" and before.code[:2] not in cues()["complement_roots"] \
                and before.pattern not in cues()["complement_triggers"]:  # (`đồng ý thảo luận với Mỹ`: a verb)
            return True  # (a verb framed by its object, `gửi trợ giúp`, is a light verb)
        own = tuple(p.tokens[t].low.split())
        if before.code == "?" and any(f.code not in ("-", "?") and own in f.objects
                                      for f in frames().get(before.pattern, [])):
            return True  # unless its frame names the noun as the object of another act (`bác đề xuất`)
    if t and cl.cue_ends_at(p, "responses", t - 1) is not None:
        return True  # `Đáp lại đề nghị, …`: the act answered, a noun
    k = t + 1
    while k < len(p.tokens) and p.tokens[k].tag in ("A", "M"):
        k += 1
    if k + 1 < len(p.tokens) and p.tokens[k].low == "của" and p.tokens[k + 1].tag == cl.ACTOR \
            and not _after_subject(p, t):
        # `tên lửa phóng thử của Triều Tiên`, `áp dụng lệnh trừng phạt của Liên Hợp Quốc`: its agent follows
        # (not `Nga trục xuất các nhà ngoại giao của Mỹ`: a verb's subject before it, the object's owner after)
        return True
    if k + 2 < len(p.tokens) and (p.tokens[k].low, p.tokens[k + 1].low) == ("từ", "phía") \
            and p.tokens[k + 2].tag == cl.ACTOR:
        return True  # `những cảnh báo từ phía Trung Quốc`
    said = p.tokens[t].trigger >= 0 and p.triggers[p.tokens[t].trigger][2].code[:2] in _SAID_ROOTS
    j = k + 1
    while said and j < min(len(p.tokens), k + 3) and p.tokens[j].tag == "N":
        j += 1  # (a title: `cảnh báo từ Tổng thống Mỹ Donald Trump`)
    if j < len(p.tokens) and p.tokens[k].low == "từ" and p.tokens[j].tag == cl.ACTOR and t \
            and (p.tokens[t - 1].tag == "L" or said):
        return True  # `những nhượng bộ khác từ Mỹ`, `bất chấp cảnh báo từ Tổng thống Mỹ`: who made it follows
    if prev is not None and prev == t - 1 and p.tokens[prev].tag == "E" and p.cue_at(
            "purpose", p.tokens[prev].syl[0]) is None and not _goes_to_act(p, prev):
        return True  # `với cáo buộc hỗ trợ …`: the object of a preposition
    syllable = p.tokens[t].syl[0]
    if p.cue_at("nominalizers", syllable) is not None:
        start = t  # the pattern opens with its nominalizer: `cuộc gặp`, `vụ thử hạt nhân`
    else:
        start = cl.cue_ends_at(p, "nominalizers", t - 1) if t else None
    if start is None:
        return False
    j = start - 1
    while j >= 0 and (p.tokens[j].tag in ("L", "M", "A") or p.tokens[j].low in ("thêm", "nhiều", "hàng loạt", "loạt")):
        j -= 1  # `tiến hành thêm nhiều vụ không kích`
    # (`diễn ra các cuộc tập trận`: a happening verb ending in a light verb's word names no agent; `đơn phương áp`:
    #  the tagger glues an adverb to the light verb)
    light = j >= 0 and (cl.cue_ends_at(p, "light_verbs", j) is not None or any(
        p.cue_at("light_verbs", s) == p.tokens[j].syl[1] for s in range(p.tokens[j].syl[0] + 1, p.tokens[j].syl[1])))
    return not light or cl.cue_ends_at(p, "happenings", j) is not None


def _goes_to_act(p: cl.Parse, k: int) -> bool:
    """`tới`/`đến`/`sang` at token k, after no verb, goes to do what follows (`điều động tàu … từ Visakhapatnam
    tới hỗ trợ hải quân Indonesia`), where after a verb it leads to a thing (`dẫn đến xung đột`)."""
    return p.cue_at("going", p.tokens[k].syl[0]) == p.tokens[k].syl[1] and k > 0 \
        and p.tokens[k - 1].tag not in ("V", cl.TRIGGER)


def _nominal_roles(p: cl.Parse, t: int, context: Context, mutual: bool,
                  root: str = "") -> tuple[list[Mention], list[Mention]]:
    """`vụ tấn công của IS nhằm vào Syria`, `chuyến thăm Nga của ông Abe`: the agent after `của`/`do`, the
    target bare after the noun or after a target preposition. With no agent named, the noun of a fronted
    phrase or of `việc`/`chuyến` is the clause subject's own act (`Trong chuyến công du Hy Lạp, Tổng thống
    Nga …`, `thất bại trong việc thuyết phục ông Putin`), and so is a meeting or an agreement with someone
    (`Bush sẽ đưa ra kế hoạch tại cuộc họp với Tổng thống Nga`)."""
    clause = p.clause_of(t)
    sources: list[int] = []
    targets: list[int] = []
    past_comma = False
    past_verb = False
    owner_named = False
    for k in range(t + 1, clause.last):
        tok = p.tokens[k]
        if tok.tag == cl.TRIGGER and not _relative(p, k):
            break
        past_comma = past_comma or tok.text == ","
        past_verb = past_verb or tok.tag == "V" and k > t + 1 and tok.low not in cues()["outcome_modifiers"]
        # (`tấn công bắt đầu bằng … cơ sở của Nga`: not the noun's; but `cuộc phóng thử không thành công của X`)
        if tok.tag == cl.ACTOR and not sources and not past_comma and not past_verb and (
                tok.actor is None or not _place_code(tok.actor) or tok.actor.entity_type == "LOC"
                and tok.actor.entity_code not in _countries()) and cl.preposition_before(p, k) == ("agent", "của"):
            owner_named = True  # `yêu cầu của châu Âu`: its owner is named, and is no actor
        if tok.tag != cl.ACTOR or tok.actor is None or not _place_code(tok.actor) or k in sources + targets:
            continue
        if tok.actor.entity_type == "LOC" and _names_document(p, k):
            continue  # `theo thỏa thuận Minsk`: the document's name
        prep = cl.preposition_before(p, k)
        if prep and prep[1] == "từ" and root in _FORCE_ROOTS and not _cue_in(
                p.syllables[p.tokens[cl.phrase_start(p, k)].syl[0]:p.tokens[k].syl[0]], "weapons"):
            continue  # `các vụ phóng tên lửa từ Lebanon vào Israel`: where force comes from, not who uses it
            #           (but `các vụ tấn công từ tên lửa Triều Tiên`: the weapon's owner uses it)
        if prep and (prep[0] == "agent" or prep[1] == "từ") and not sources and not past_comma and not past_verb:
            # `của`, `do`, and `từ` after a noun (`những nhượng bộ khác từ Mỹ`)
            sources = _group(p, k)
        elif not targets and (prep and prep[0] == "target" or not prep and not past_comma and all(
                p.tokens[j].tag in ("N", "Nc", "Nu", "M", "L", "A", "Np") for j in range(t + 1, k))):
            # the noun's object (`trục xuất 10 quan chức ngoại giao Nga`), or a marked actor; past a comma
            # only a marked one (`…, đã tới Ấn Độ`)
            targets = _group(p, k)
    if not targets and root in ("15", "?"):  # (a deployment's root waits for its target) `việc triển khai các tổ
        #                                        hợp pháo … đến khu vực gần biên giới Ấn Độ`
        targets = _border_group(p, t)
    agents = _mentions(p, sources)
    if not agents and owner_named:
        return [], _mentions(p, targets)
    if not agents and _pronoun_after(p, t) is not None:
        # `các cuộc đàm phán của họ với Tehran`; `của nước này`: the country named last before, in this sentence
        agents = _pronoun_country(p, t) or list(context.subject)
    during = clause.kind == "fronted" and p.cue_at("during", p.tokens[clause.first].syl[0]) is not None
    if not agents and (during or _owned_noun(p, t) or mutual and targets):
        agents = _subject(p, t, context)
    start = p.tokens[t].syl[0]
    if not targets and root == "04" and "trong" in p.syllables[max(0, start - 2):start]:
        # `Lavrov nói với Ngoại trưởng Mỹ Tillerson trong cuộc điện đàm`: the call of the clause's subject with
        # whom it speaks to
        agents = agents or _subject(p, t, context)
        taken = {_place_code(a) for a in agents}
        targets = next((_group(p, k) for k in range(clause.first, t) if p.tokens[k].tag == cl.ACTOR
                        and (cl.preposition_before(p, k) or ("", ""))[1] in ("với", "tới", "đến", "cùng", "cùng với")
                        and p.tokens[k].actor is not None and _place_code(p.tokens[k].actor) not in taken), [])
    head = cl.cue_ends_at(p, "nominalizers", t - 1) if t else None  # (`bất chấp lời kêu gọi của …`)
    before = (head if head is not None else t) - 1
    if agents and not targets and before >= 0 and cl.cue_ends_at(p, "defying", before) is not None:
        # `Triều Tiên phóng tên lửa, bất chấp cảnh báo từ Tổng thống Mỹ`: the warning was aimed at who defies it
        return agents, [m for m in _subject(p, t, context) if _place_code(m) not in {_place_code(a) for a in agents}]
    return agents, _mentions(p, targets)


def _pronoun_after(p: cl.Parse, t: int) -> int | None:
    """The syllable after `của` when a word that refers back follows it after the noun (`của họ`, `của nước
    này`), else None."""
    clause = p.clause_of(t)
    for k in range(t + 1, min(clause.last, t + 4)):
        if p.tokens[k].low == "của":
            start = p.tokens[k].syl[1]
            return start if cues().match("reference_subjects", p.syllables, start) is not None else None
    return None


def _pronoun_country(p: cl.Parse, t: int) -> list[Mention]:
    """For `của nước này` after noun t, the country named last before it in the sentence (`chỉ trích Triều Tiên …
    sau vụ phóng thử tên lửa của nước này`), if any."""
    start = _pronoun_after(p, t)
    if start is None or cues().match("country_references", p.syllables, start) is None:
        return []
    described = _described_country(p, start)
    return _country_before(p, p.tokens[t].syl[0]) if described is None else described


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """Regions the press names a country by, with their states (data/regions.tsv)."""
    rows = [line.split("\t") for line in (gz.DATA / "regions.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return {region: frozenset(members.split()) for region, members in rows[1:]}


def _described_country(p: cl.Parse, start: int, acting: set = frozenset()) -> list[Mention] | None:
    """For a country named back by what it is at syllable `start` (`quốc gia Trung Đông này`, `nước láng giềng
    này`): the country named last, in the sentence before it or in the three sentences before, that lies in
    the region the words name; for words that name no region, the country named last other than the acting
    ones (`Mỹ trừng phạt quốc gia khép kín này`). None if no description starts here."""
    end = cues().match("country_descriptions", p.syllables, start)
    if end is None:
        return None
    head = 2 if p.syllables[start] in ("quốc", "đất") else 1  # `quốc gia`, `đất nước`, `nước`
    members = _regions().get(" ".join(p.syllables[start + head:end - 1]))
    for m in reversed(p.countries_before + _countries_before(p, start)):
        if _place_code(m) in members if members is not None else _place_code(m) not in acting:
            return [m]
    return []


def _owned_noun(p: cl.Parse, t: int) -> bool:
    """`việc`/`chuyến` + trigger, or `trong` + the noun: the act of the clause's own subject."""
    start = p.tokens[t].syl[0]
    for word in ("việc", "chuyến", "trong việc", "trong chuyến", "trong cuộc"):
        n = len(word.split())
        if " ".join(p.syllables[max(0, start - n):start]) == word or " ".join(
                p.syllables[start:start + n]) == word:
            return True
    return False


def _between(p: cl.Parse, t: int, near: bool = False) -> list[int] | None:
    """`các cuộc đàm phán giữa Nga, Mỹ và NATO`: the actors after `giữa` next to the trigger. `near`: for a
    trigger that is no meeting or fight, only right after it (`phản đối các hoạt động giao tiếp … giữa quan
    chức Đài Loan và Mỹ` is China's opposition to them, no act between them)."""
    clause = p.clause_of(t)
    lo, hi = (t + 1, min(clause.last, t + 4)) if near else (max(clause.first, t - 8), min(clause.last, t + 8))
    for k in range(lo, hi):
        tok = p.tokens[k]
        if tok.tag == cl.ACTOR and tok.actor is not None and _actor(tok.actor):
            prep = cl.preposition_before(p, k)
            start = p.tokens[cl.phrase_start(p, k)].syl[0]
            joined = prep is not None and prep[1] == "của" and p.syllables[max(0, start - 3):start - 1] == ["tham", "gia"]
            if prep and prep[1] == "giữa" or joined and not near:
                # (`cuộc hội đàm với sự tham gia của Mỹ, Nhật Bản và Ấn Độ`: those taking part meet each other)
                group = _group(p, k)
                return group if len(group) > 1 else None
    return None


def _passive(p: cl.Parse, t: int) -> tuple[int, list[int]] | None:
    """`X bị (Y) trục xuất`: (the token of `bị`/`được`, the agent tokens between it and the trigger)."""
    clause = p.clause_of(t)
    agents: list[int] = []
    for k in range(t - 1, max(clause.first, t - 8) - 1, -1):
        tok = p.tokens[k]
        if tok.low in ("bị", "được") and tok.tag != "R":
            return k, agents
        if tok.tag == cl.ACTOR:
            agents.insert(0, k)
        elif tok.tag == "Cc" and k == clause.first:
            break
        elif (tok.tag not in ("R", "N", "Np", "Nc", "L", "M", "A") or tok.tag == cl.TRIGGER) and not (
                tok.tag == "V" and any(ch.isupper() for ch in tok.text)):  # (`được Ngoại trưởng/V Nga …`: a title)
            return None
    c = p.clause_at[t]
    if clause.kind == "coordinate" and c > 0 and all(p.tokens[k].tag in ("Cc", "R", "A")
                                                     for k in range(clause.first, t)):
        # `được dư luận Nhật Bản hoan nghênh và đánh giá cao`: the second verb shares the first one's passive
        previous = [k for k in range(p.clauses[c - 1].first, p.clauses[c - 1].last) if p.tokens[k].tag == cl.TRIGGER]
        if previous and previous[-1] == p.clauses[c - 1].last - 1:
            return _passive(p, previous[-1])
    return None


# --- codes, modality, dates ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def cues():
    return cl.cues()


def _cue_in(words: list[str], kind: str) -> bool:
    c = cues()
    return any(c.match(kind, words, i) is not None for i in range(len(words)))


def _negation_at(p: cl.Parse, j: int) -> int | None:
    """The end of a negation that starts at syllable j, unless it negates a hesitation (`không ngần ngại`,
    `không ngừng`: the act is asserted)."""
    return None if p.cue_at("affirming", j) is not None else p.cue_at("negation", j)


def _modality(p: cl.Parse, t: int) -> str:
    clause = p.clause_of(t)
    c = cues()
    # negation on the event itself: a negation word with only adverbs between it and the trigger
    start = p.tokens[t].syl[0]
    if any(_negation_at(p, j) == start for j in range(max(0, start - 3), start)):
        return "negated"  # `không hề lo ngại`, however the tagger splits `không hề`
    for k in range(t - 1, clause.first - 1, -1):
        tok = p.tokens[k]
        end = _negation_at(p, tok.syl[0])
        if end is not None and end <= p.tokens[t].syl[0]:
            return "negated"
        pledge = c.match("pledge", p.syllables, tok.syl[0]) == tok.syl[1]
        if not pledge and (tok.tag not in ("R", "V") or tok.tag == "V" and k < t - 2):
            break  # `chưa sẵn sàng chia sẻ`: the negated pledge negates the act
    before = _words_before(p, t)
    after = p.syllables[p.tokens[t].syl[1]:p.tokens[t].syl[1] + 3]
    if "nào" in after and "nào đó" not in " ".join(after) and _cue_in(before, "negation"):
        return "negated"  # `chưa đưa ra tín hiệu cảnh báo nào`: none at all
    sentence_before = p.syllables[:p.tokens[t].syl[0]]
    if _cue_in(before, "hypothetical") or _cue_in(sentence_before[:3], "hypothetical"):
        return "hypothetical"
    c_index = p.clause_at[t]
    if c_index and p.cue_at("main_openers", p.tokens[clause.first].syl[0]) is not None and _cue_in(
            _clause_words(p, c_index - 1), "hypothetical"):
        return "hypothetical"  # `nếu … thì họ sẽ giết …`: the main clause of a condition
    if _cue_in(before, "planned"):
        return "planned"
    if clause.kind == "coordinate" and c_index and not _cue_in(before, "tense_markers"):
        # `Mỹ sẽ cung cấp vũ khí …, đồng thời hỗ trợ huấn luyện`: the verb phrase goes on under the same `sẽ`
        if _cue_in(_clause_words(p, c_index - 1), "planned"):
            return "planned"
    if clause.kind == "adjunct" and p.cue_at("purpose", p.tokens[clause.first].syl[0]) is not None \
            and "đã" not in before:  # (`… để trừng phạt Triều Tiên đã được Mỹ gửi …`: the purpose ended, a deed)
        return "planned"  # `… để tấn công thủ đô`: an aim, not a deed
    return "asserted"


def _means_code(p: cl.Parse, t: int, trig: Trigger) -> str | None:
    """The code of the act a response is told to be made with (`đáp trả … bằng các biện pháp trừng phạt`: 16)."""
    if trig.pattern not in cues()["responses_by_means"]:
        return None
    clause = p.clause_of(t)
    for k in range(t + 1, clause.last):
        if p.tokens[k].low == "bằng":
            means = next((p.tokens[j] for j in range(k + 1, min(k + 5, clause.last))
                          if p.tokens[j].tag == cl.TRIGGER and p.tokens[j].trigger >= 0), None)
            code = p.triggers[means.trigger][2].code if means else None
            return code if code not in (None, "-", "?") else None
    return None


def _framed_code(p: cl.Parse, t: int, trig: Trigger, targets: list[Mention]) -> str:
    """The trigger's code as its object words and its target's preposition change it
    (data/event_frames.tsv); `-` when a frame says the trigger is no event here."""
    means = _means_code(p, t, trig)
    if means:
        return means
    options = frames().get(trig.pattern)
    if not options:
        return trig.code
    start = p.tokens[t].syl[1]
    words = _object_head(p, t)
    passive = _passive(p, t)
    if passive:  # `18 nhà ngoại giao Nga sẽ bị trục xuất`: the object stands before
        c = p.clause_at[t]
        if p.clauses[c].kind == "adjunct" and c > 0:
            c -= 1  # (`dự thảo nghị quyết … để trừng phạt Triều Tiên đã được Mỹ gửi …`: a purpose inside the subject)
        words = p.syllables[p.tokens[p.clauses[c].first].syl[0]:p.tokens[passive[0]].syl[0]] + words
    target_tokens = [k for k in range(t + 1, len(p.tokens)) if p.tokens[k].actor in targets]
    prep = cl.preposition_before(p, target_tokens[0]) if target_tokens else None
    if prep and prep[1] == "vào" and p.cue_at("time_nouns", p.tokens[cl.phrase_start(p, target_tokens[0])].syl[0]):
        prep = None  # `phóng … vào dịp kỷ niệm quốc khánh Mỹ`: a time, not a target
    # the words that place the target, to the end of the clause (`đến Crimea và khu vực giáp biên giới Ukraine`)
    clause = p.clause_of(t)
    around_target = p.syllables[start:p.tokens[clause.last - 1].syl[1]][:25] if target_tokens else \
        p.syllables[start:start + 3] if targets else []  # (`tập trận với quân đội nước này`: named by reference)
    times = _time_vao(around_target)  # `vào dịp kỷ niệm …`: a time, not a target
    around_target = [w for i, w in enumerate(around_target) if i not in times]
    for frame in options:
        if frame.objects and not any(_contains(words, cue) for cue in frame.objects):
            continue
        if frame.prepositions and not (prep and prep[1] in frame.prepositions or any(
                _contains(around_target, tuple(w.split())) for w in frame.prepositions)):
            continue
        return frame.code
    return trig.code if trig.code != "?" else "-"


def _object_head(p: cl.Parse, t: int) -> list[str]:
    """The syllables of the trigger's object phrase from its head noun on, past quantities and
    classifiers (`thêm hàng chục nghìn binh sĩ` -> `binh sĩ …`), up to its end (a preposition, an actor, a
    comma; five syllables at most): frames read the object's head, not any noun nearby (`triển khai kế hoạch phòng thủ tên lửa`)."""
    k = t + 1
    if k + 1 < len(p.tokens) and p.tokens[k].low in ("cho", "đến", "tới", "sang") and p.tokens[k + 1].tag == cl.ACTOR:
        k += 2  # `chuyển cho Syria hệ thống …`, `vận chuyển đến Ấn Độ các vật tư`: the receiver named before the object
    while k < len(p.tokens) and (p.tokens[k].tag in ("L", "M", "Nc", "A", "R") or p.tokens[k].low in (
            "thêm", "hàng", "chục", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ")):
        k += 1
    if k >= len(p.tokens):
        return []
    end = k + 1
    while end < len(p.tokens) and p.tokens[end].tag not in ("E", "CH", cl.TRIGGER, "C", "Cc", cl.ACTOR):
        end += 1
    if end < len(p.tokens) and p.tokens[end].tag == cl.TRIGGER and end == k + 1:
        end += 1  # `ký sắc lệnh trừng phạt`: an event noun that completes the head is part of it
    return p.syllables[p.tokens[k].syl[0]:p.tokens[end - 1].syl[1]][:5]


def _contains(words: list[str], cue: tuple[str, ...]) -> bool:
    n = len(cue)
    return any(tuple(words[i:i + n]) == cue for i in range(len(words) - n + 1))


_SAID_ROOTS = {"02", "10", "11", "12", "13"}  # appeals, demands, criticism, rejections, threats: said about something


def _date_for(p: cl.Parse, t: int, timexes: list[Timex], dct: PartialDate | None, root: str = ""):
    """The time expression nearest the trigger in its clause; else the nearest in the clauses it depends on
    before it (a fronted `Ngày 17/4, Séc thông báo … sẽ bị trục xuất`); else the publication date. For what
    is said about something, a year before the publication's after the trigger dates the thing said about
    (`cáo buộc Moscow có liên quan đến vụ nổ … năm 2014`), not the saying."""
    t_start = p.tokens[t].start

    def within(clause: cl.Clause) -> list[Timex]:
        lo, hi = p.tokens[clause.first].start, p.tokens[clause.last - 1].end
        return [x for x in timexes if x.value and x.start >= lo and x.end <= hi and not (
            root in _SAID_ROOTS and dct and x.start > t_start and x.value[:4] < dct.value[:4])]

    c = p.clause_at[t]
    found = within(p.clauses[c])
    while not found and c > 0 and p.clauses[c].kind in ("embed", "coordinate", "adjunct", "main"):
        c -= 1  # the clause this one depends on, up to a fronted phrase
        found = within(p.clauses[c])
        if p.clauses[c].kind == "fronted":
            break
    if not found and p.clauses[0].kind == "fronted":
        found = within(p.clauses[0])
    if found:
        best = min(found, key=lambda x: abs(x.start - t_start))
        return best.value, best.granularity, "timex"
    if dct:
        return dct.value, dct.precision, "published"
    return None, None, "none"


def _location(sentence: Sentence, p: cl.Parse, mentions: list[Mention]) -> tuple[str | None, str | None]:
    """The first place named after a locative preposition (`tại`, `ở`)."""
    for k, tok in enumerate(p.tokens):
        if tok.tag == cl.ACTOR and tok.actor is not None:
            prep = cl.preposition_before(p, k)
            if prep and prep[1] in ("tại", "ở"):
                m = tok.actor
                return m.surface, m.entity_code if m.entity_type in ("GPE", "LOC") else None
    return None, None


# --- events -------------------------------------------------------------------------------------------
def sentence_events(sentence: Sentence, mentions: list[Mention], timexes: list[Timex],
                    dct: PartialDate | None, context: Context | None = None) -> list[Event]:
    return _sentence_events(sentence, mentions, timexes, dct, context or Context())[0]


def _sentence_events(sentence: Sentence, mentions: list[Mention], timexes: list[Timex], dct: PartialDate | None,
                     context: Context) -> tuple[list[Event], "cl.Parse | None"]:
    """The sentence's events, and its parse when one was needed."""
    found = _find_triggers(sentence, frozenset(m.end for m in mentions if _actor(m)))
    found = sorted(found + _visit_triggers(sentence, mentions, found), key=lambda f: f[0])
    lower = [s.text.lower() for s in sentence.syllables]
    named = [_local_body(m, sentence, lower) for m in mentions if m.entity_type != "LOC" or m.entity_code in _countries()]
    judged = len(named) > 1 and ("là" in lower and (_cue_in(lower, "evaluations") or _cue_in(lower, "partner_roles"))
                                 or _cue_in(lower, "consequences"))
    # (a judgement needs two actors)
    if not found and not judged or not named and not _cue_in(lower, "both_sides") and not (
            _cue_in(lower, "state_forces") and any(f[2].code[:2] in _FORCE_ROOTS for f in found)
            and not _cue_in(lower, "hypothetical") and context.subject):  # (not what forces can do: `có thể phóng`)
        return [], None  # no trigger, or no actor the sentence could name (`hai bên` names two; `Hải quân đã …`
        #                  the forces of the subject carried over)
    p = cl.parse(sentence, named, found)
    p.countries_before = [m for named_then in context.countries for m in named_then]
    codes = gz.cameo()
    out: list[Event] = []
    token_of = {p.tokens[k].trigger: k for k in range(len(p.tokens)) if p.tokens[k].tag == cl.TRIGGER}
    for n, (t_start, t_end, trig) in enumerate(found):
        t = token_of.get(n)
        if t is None:
            continue
        root = trig.code[:2]
        if trig.code == "?":  # a frame-only trigger: the root its object gives, before its target is known
            framed = _framed_code(p, t, trig, [])[:2]  # (`bác đề xuất trên` leaves its target to context)
            root = framed
        elif root in _VIOLENT and _framed_code(p, t, trig, [])[:2] == "15":
            root = "15"  # `bắn 4 tên lửa đạn đạo`: a launch, which needs no target (`bắn tên lửa vào …` stays 19)
        clause = p.clause_of(t)
        if clause.kind == "adjunct" and _purpose_of_previous(p, t, token_of, n):
            continue  # `đạt được thỏa thuận để hợp tác`: the purpose of the event before, not another
        if root == "03" and (_pledges_next(p, t, found, token_of, n) or p.cue_at("desires", p.tokens[t].syl[0])
                             is not None and _acts_next(p, t, token_of, n)) or _offers_next(p, t, found, token_of, n):
            continue  # `cam kết hỗ trợ Ấn Độ`, `đề nghị hỗ trợ`: the pledge is coded on the act pledged (root 03)
        if t and p.tokens[t - 1].tag == cl.TRIGGER and root in _VIOLENT and p.tokens[t - 1].trigger >= 0 \
                and found[p.tokens[t - 1].trigger][2].code[:2] in _VIOLENT:
            continue  # `chiến tranh xâm lược Nam Tư`: it qualifies the act before it
        if clause.kind == "fronted" and all(p.tokens[k].tag in ("R", "CH") for k in range(clause.first, clause.last)
                                            if k != t):
            continue  # `Đáp trả lại, Nga …`: an adverb of the clause after it, whose act is the event
        if clause.kind == "fronted" and p.tokens[clause.first].low == "theo" and not (
                root == "11" and _after_fronted_accusation(p, t)):  # (but `Theo cáo buộc của Mỹ, Iran …` accuses)
            continue  # `Theo các phương tiện truyền thông ủng hộ lực lượng …, …`: who says it, no event
        if n > 0 and token_of.get(n - 1) is not None and _threatens_next(p, token_of[n - 1], found, token_of, n - 1):
            continue  # the act of force a threat word names is coded on the threat
        if token_of.get(n + 1) is not None and _launched_for(p, token_of[n + 1]) == t:
            continue  # `phóng tên lửa đạn đạo tấn công IS`: the launch is coded as the attack it makes
        if _consequence(p, t):
            continue  # `Triều Tiên thử hạt nhân, buộc Liên Hiệp Quốc lên án`: what the act made happen, not a demand
        if _appealed_for(p, t, found, token_of, n) or _relative(p, t) or _refers_back(p, t) or (
                t and cl.cue_ends_at(p, "topic_nouns", t - 1) is not None):  # (`trong lĩnh vực viện trợ nhân đạo`)
            continue  # `kêu gọi tiến hành một cuộc hội đàm`: what is asked for has not happened
        if _hoped(p, t) or _sends_message(p, t):
            continue  # `tôi hy vọng Kiev sẽ hợp tác …`: what someone hopes another will do
        if root == "02" and _own_desire(p, t):
            continue  # `muốn` asks only when it names who should act (`muốn Iran từ bỏ …`)
        force = _threatens_next(p, t, found, token_of, n)
        pairs = _pairs(p, t, trig, "13" if force else root, context)  # (a threat's target: `… chống Triều Tiên`)
        if not pairs and force == "15":  # `Triều Tiên đe dọa thực hiện vụ thử hạt nhân thứ 6`: aimed at no one named
            pairs = _distinct_pairs([(s_, None) for s_ in _subject(p, t, context)])
        if not pairs:
            continue
        code = _framed_code(p, t, trig, [b for _, b in pairs if b])
        if code == "-":
            continue
        if trig.pattern in cues()["warnings"] and not _cue_in(p.syllables[p.tokens[t].syl[1]:][:40], "warning_content"):
            continue  # `WHO cảnh báo rằng tình hình dịch bệnh … chưa thể kết thúc`: a warning about something, no threat
        if force:  # `Mỹ sẵn sàng sử dụng vũ lực để …`: the readiness is the threat (138), with its target
            code = "137" if force == "17" else "138"
        elif _undone(p, t):  # `hủy bỏ 2 thỏa thuận với Trung Quốc`: cooperation undone reduces relations
            undo = cues()["reversal_codes"]
            code = undo.get(code[:3], undo.get(code[:2], code))
        if root == "03" and _wished_of(p, t):
            code = "020"  # `bày tỏ mong muốn Trung Quốc nỗ lực hơn`: asking China
        root = code[:2]
        modality = _modality(p, t)
        before_words = _words_before(p, t)
        offered = _offered(p, t, found, token_of, n)
        if root in _PLEDGE_CODE and modality in ("planned", "asserted") and (
                _cue_in(before_words, "pledge") or offered or clause.kind == "embed" and (
                    "sẽ" in before_words and code[:3] in _PLEDGED_BY_SE or _pledged_content(p, p.clause_at[t]))):
            # `cam kết viện trợ`, `tuyên bố sẽ hợp tác`: a pledge (root 03), which happened
            code, modality = _PLEDGE_CODE[root], "asserted"
        elif root in _PLEDGE_CODE and modality == "negated" and _cue_in(before_words, "pledge"):
            code = _PLEDGE_CODE[root]  # `chưa sẵn sàng chia sẻ`: a pledge refused
        stays_war = trig.pattern in cues()["two_sided_fights"] + cues()["air_strikes"] or code[:3] == "192"
        # (territory taken is war whoever takes it: `IS đã chiếm 1/3 lãnh thổ Syria`)
        if root == "19" and not stays_war and not any(
                s is not None and s.entity_type in ("GPE", "IGO", "PER") for s, _ in pairs):
            code = "180"  # an attack by unnamed attackers or an armed group: assault, not war
        if root in ("17", "18", "19", "20") and modality in ("planned", "asserted") and _threatened(before_words):
            # `thề sẽ xử tử`, `sẵn sàng sử dụng vũ lực`: a threat, which happened
            code, modality = ("137" if root == "17" else "138"), "asserted"
        elif root in _VIOLENT and _weapon_reach(p, t):
            code, modality = "138", "asserted"  # `tên lửa có khả năng tấn công Mỹ`: a weapon's reach threatens
        elif (root == "17" or root in _VIOLENT) and modality in ("planned", "hypothetical") and _own_force(p, t, pairs):
            # `Triều Tiên tuyên bố sẽ tấn công Mỹ nếu …`: force its actor says it will or may use is a threat
            code, modality = ("137" if root == "17" else "138"), "asserted"
        root = code[:2]
        if trig.target == "mutual" and root not in _SYMMETRIC and _among_subjects(p, t, pairs):
            # `Washington và Bình Nhưỡng đều muốn đối thoại`: each intends it with the other (03 has a direction)
            pairs = _distinct_pairs(pairs + [(b, a) for a, b in pairs])
        info = codes.get(code) or codes[code[:3]]
        value, precision, basis = _date_for(p, t, timexes, dct, root)
        loc_name, loc_code = _location(sentence, p, mentions)
        for source, target in pairs:
            out.append(_event(sentence, trig, t_start, t_end, code, info, source, target, (value, precision, basis),
                              modality, (loc_name, loc_code)))
        if code == "062" and _cue_in(trig.pattern.split(), "drills"):  # `tập trận chung với quân đội Mỹ và Nhật Bản`: a joint drill
            # is military cooperation between them and, as any drill, a show of force by each (target null)
            drilled = _distinct_pairs([(a, None) for pair in pairs for a in pair if a is not None])
            for source, _ in drilled:
                out.append(_event(sentence, trig, t_start, t_end, "150", codes["150"], source, None,
                                  (value, precision, basis), modality, (loc_name, loc_code)))
        proposal = _rejected_proposal(p, t) if root in ("11", "12") else None
        if proposal is not None:  # `Iran bác bỏ đề xuất của Nga`: Russia proposed it to Iran
            k, m = proposal
            _, _, made = found[m]
            for source, target in pairs:
                if target is not None and source is not None:
                    out.append(_event(sentence, made, p.tokens[k].start, p.tokens[k].end, made.code,
                                      codes.get(made.code) or codes[made.code[:3]], target, source,
                                      (value, precision, basis), "asserted", (loc_name, loc_code)))
    for k, source, target, cue, code in _evaluations(p, context) + _partner_roles(p):
        # `Tổng thống Hàn Quốc gọi vụ phóng tên lửa này là "hành động khiêu khích"`: a judgement said (111)
        trig = Trigger(cue, code, 0.6)
        tok = p.tokens[k]
        out.append(_event(sentence, trig, tok.start, tok.end, code, codes[code], source, target,
                          _date_for(p, k, timexes, dct, code[:2]), "asserted", _location(sentence, p, mentions)))
    return out, p


def _event(sentence: Sentence, trig: Trigger, t_start: int, t_end: int, code: str, info, source, target,
           date: tuple, modality: str, location: tuple) -> Event:
    confidence = round(trig.weight * (0.9 if source and target else 0.7), 3)
    return Event(
        sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
        evidence=sentence.text, trigger=trig.pattern, trigger_start=t_start, trigger_end=t_end,
        event_code=code, event_root_code=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
        source_actor_code=_place_code(source) if source else None,
        target_actor_code=_place_code(target) if target else None,
        source_actor_name=source.canonical_name if source else None,
        target_actor_name=target.canonical_name if target else None,
        event_date=date[0], event_date_precision=date[1], event_date_basis=date[2], modality=modality,
        location_name=location[0], location_code=location[1], confidence=confidence,
        source_actor_country=_country_of(source), target_actor_country=_country_of(target),
        source_actor_group=_group_of(source), target_actor_group=_group_of(target))


def _evaluations(p: cl.Parse, context: Context) -> list[tuple[int, Mention, Mention, str, str]]:
    """Judgements a speaker states of an actor (event_cues.json `_evaluations`): `X gọi/coi … Y là "hành
    động khiêu khích"`, `Y là mối đe dọa …, X cho biết` (111), and consequences it says the actor will bear
    (`Y sẽ phải trả giá`: a threat, 130). (token of the judgement word, speaker, judged, cue, code) where the
    speaker is the subject of a speech or naming verb before, or of a closing attribution."""
    c = cues()
    out = []
    for k, tok in enumerate(p.tokens):
        consequence = c.match("consequences", p.syllables, tok.syl[0])
        if consequence is not None:  # `Nga phải trả giá cho hành động này, ông nói`: a threat said (130)
            after, hit, code = p.syllables[tok.syl[0]:consequence], 0, "130"
        elif tok.low == "là":
            after = p.syllables[tok.syl[1]:tok.syl[1] + 8]
            hit = next((i for i in range(len(after)) if c.match("evaluations", after, i) is not None), None)
            code = "111"
            if hit is None:
                continue
        else:
            continue
        judged = next((j for j in range(k - 1, max(-1, k - 12), -1) if p.tokens[j].tag == cl.ACTOR
                       and _is_actor_token(p, j) and cl.preposition_before(p, j) in (None, ("agent", "của"))),
                      None)  # (not `đề cập trực tiếp đến Đài Loan`: what the judged act is about)
        if judged is None:
            continue
        act = next((j for j in range(judged - 1, max(-1, k - 16), -1) if p.tokens[j].low == "việc"), None)
        if act is not None and act + 1 < k and p.tokens[act + 1].tag == cl.ACTOR and _is_actor_token(p, act + 1):
            judged = act + 1  # `cho rằng việc Mỹ tấn công lực lượng … là không thể chấp nhận`: whose act is judged
        speaker = _speaker_before(p, judged) or _closing_speaker(p, k)
        if not speaker or _place_code(speaker[0]) == _place_code(p.tokens[judged].actor):
            continue
        word = " ".join(after[hit:c.match("evaluations", after, hit)]) if code == "111" else " ".join(after)
        out.append((k, speaker[0], p.tokens[judged].actor, word, code))
    return out


_PLACING = {"tại", "vào", "ở", "của"}


def _partner_roles(p: cl.Parse) -> list[tuple[int, Mention, Mention, str, str]]:
    """`X, Y là (5) nguồn đầu tư lớn nhất tại Z`, `X là bạn hàng lớn nhất của Z` (event_cues.json
    `partner_roles`): each actor before `là` trades with or invests in the one the role phrase places it in
    (061). (token of `là`, partner, placed, cue, code)."""
    c = cues()
    out = []
    for k, tok in enumerate(p.tokens):
        if tok.low != "là" or k == 0:
            continue
        after = p.syllables[tok.syl[1]:tok.syl[1] + 5]
        hit, end = next(((i, e) for i in range(len(after)) if (e := c.match("partner_roles", after, i)) is not None),
                        (None, None))
        if hit is None or any(not (w.isdigit() or w in ("các", "những", "một", "hai", "ba", "bốn", "năm"))
                              for w in after[:hit]):
            continue
        role_end = tok.syl[1] + end
        placed = next((j for j in range(k + 1, len(p.tokens)) if p.tokens[j].syl[0] >= role_end
                       and p.tokens[j].syl[0] <= role_end + 8 and p.tokens[j].tag == cl.ACTOR and _is_actor_token(p, j)
                       and (cl.preposition_before(p, j) or ("", ""))[1] in _PLACING), None)
        subject = next((j for j in range(k - 1, p.clause_of(k).first - 1, -1) if p.tokens[j].tag == cl.ACTOR), None)
        if placed is None or subject is None or not cl.subject_like(p, subject):
            continue
        target = p.tokens[placed].actor
        for m in _mentions(p, _group(p, subject)):
            if _actor(m) and _place_code(m) != _place_code(target):
                out.append((k, m, target, " ".join(after[hit:end]), "061"))
    return out


def _own_force(p: cl.Parse, t: int, pairs: list) -> bool:
    """The act is told by its own actor: a reported clause whose speaker is the source (`Nga cho biết sẽ
    tấn công …`, not `các chuyên gia cho rằng Nga có thể tấn công …`) or a first person (`thì chúng tôi
    mới dùng`)."""
    sources = {_actor(s) for s, _ in pairs if s is not None}
    if len(sources) != 1 or None in sources:
        return False
    clause = p.clause_of(t)
    words = p.syllables[p.tokens[clause.first].syl[0]:p.tokens[t].syl[0]]
    if any(cues().match("first_person", words, i) is not None for i in range(len(words))):
        return True
    speaker = _speaker_before(p, t) if clause.kind == "embed" else []
    return bool(speaker) and {_actor(speaker[0])} == sources


def _speaker_before(p: cl.Parse, j: int) -> list[Mention]:
    """The subject of a speech or naming verb before token j in the sentence (`Tổng thống Hàn Quốc … gọi`)."""
    c = cues()
    for v in range(j - 1, -1, -1):
        syl = p.tokens[v].syl[0]
        if c.match("speech", p.syllables, syl) is not None or c.match("naming_verbs", p.syllables, syl) is not None:
            for a in range(v - 1, -1, -1):
                if p.tokens[a].tag == cl.ACTOR and cl.subject_like(p, a):
                    before = cl.phrase_start(p, a) - 1
                    if before >= 0 and c.match("naming_verbs", p.syllables, p.tokens[before].syl[0]) is not None:
                        continue  # `gọi Nhật Bản là "chư hầu" … và mô tả …`: the first naming's object, not its speaker
                    return [p.tokens[a].actor] if _is_actor_token(p, a) else []
            return []
    return []


def _closing_speaker(p: cl.Parse, k: int) -> list[Mention]:
    """`…, Nhà Trắng cho biết thêm.`: the actor right before a speech verb that closes the sentence."""
    c = cues()
    for a in range(len(p.tokens) - 1, k, -1):
        if p.tokens[a].tag == cl.ACTOR:
            rest = p.syllables[p.tokens[a].syl[1]:]
            end = c.match("speech", rest, 0) or c.match("warnings", rest, 0)
            if end is not None and all(not w.isalpha() for w in rest[end:] if w not in ("thêm",)) \
                    and _is_actor_token(p, a):
                return [p.tokens[a].actor]
            return []
    return []


# appeals, proposals, demands and refusals (and bans, event_cues.json `unrealizing`): what they name has not
# happened (`kêu gọi tiến hành hội đàm`,
# `cấm các ngân hàng Mỹ mua trái phiếu`)
_UNREALIZED = {"02", "03", "10", "12"}


def _rejected_proposal(p: cl.Parse, t: int) -> tuple[int, int] | None:
    """(token, trigger index) of the proposal or appeal noun a rejection at t takes as its object (`bác bỏ đề
    xuất của Nga`, `từ chối lời kêu gọi của …`): the proposal, made by whom the rejection answers, happened too."""
    k = t + 1
    while k < len(p.tokens) and (p.tokens[k].tag in ("L", "M", "A") or p.tokens[k].low == "lời"):
        k += 1  # `mọi lời kêu gọi`
    if k >= len(p.tokens) or p.tokens[k].tag != cl.TRIGGER or p.tokens[k].trigger < 0:
        return None
    made = p.triggers[p.tokens[k].trigger][2]
    return (k, p.tokens[k].trigger) if made.code[:2] in ("02", "03", "10") and made.code != "?" else None


def _hoped(p: cl.Parse, t: int) -> bool:
    """A wish word before trigger t in its clause, with an actor between them: the act is hoped for."""
    clause = p.clause_of(t)
    for k in range(clause.first, t):
        if p.cue_at("wishes", p.tokens[k].syl[0]) is not None:
            return any(p.tokens[j].tag == cl.ACTOR for j in range(k + 1, t))
    return False


def _wished_of(p: cl.Parse, t: int) -> bool:
    """Desire trigger t names who should act, and the act (`mong muốn Trung Quốc nỗ lực hơn`, `muốn Iran từ
    bỏ …`): an appeal to them (02), not an intent."""
    k = t + 1
    if k >= len(p.tokens) or p.tokens[k].tag != cl.ACTOR or p.cue_at("desires", p.tokens[t].syl[0]) is None:
        return False
    while k + 1 < len(p.tokens) and p.tokens[k + 1].tag == cl.ACTOR:
        k += 1
    return k + 1 < len(p.tokens) and p.tokens[k + 1].tag in ("V", "R", "A", cl.TRIGGER)  # (`sớm` is tagged A)


def _pledged_content(p: cl.Parse, c: int) -> bool:
    """Embedded clause c says what a pledge of the clause before it promises (`hứa hẹn … rằng sẽ gặp`)."""
    if c == 0:
        return False
    words = _clause_words(p, c - 1)
    return _cue_in(words, "pledge") and not _cue_in(words, "threat")


def _threatened(words: list[str]) -> bool:
    """A threat word stands before the act, and no `sau`/`từ sau` puts the act before it (`cảnh báo … đưa ra
    sau vụ tấn công ở Brussels` follows an attack that happened)."""
    c = cues()
    threat = [i for i in range(len(words)) if c.match("threat", words, i) is not None]
    return bool(threat) and not any(w in ("sau", "từ sau", "kể từ") for w in words[threat[-1]:])


def _appealed_for(p: cl.Parse, t: int, found: list, token_of: dict[int, int], n: int) -> bool:
    """Trigger t is what an earlier appeal, proposal, demand, refusal or ban of its clause names (a pledged
    act is coded, as root 03, in the pledge's place)."""
    start = p.tokens[t].syl[0]
    opener = cl.cue_ends_at(p, "nominalizers", t - 1) if t and p.cue_at("nominalizers", start) is None else t
    before = p.syllables[max(0, p.tokens[opener].syl[0] - 2):p.tokens[opener].syl[0]] if opener is not None else []
    if before and before[-1] in ("sau", "trước") or before[-2:] == ["kể", "từ"]:
        return False  # `… gây áp lực với Triều Tiên sau cuộc gặp giữa …`: a time given by an event that happened
    clause = p.clause_at[t]
    if before[-1:] == ["về"] or p.syllables[max(0, start - 2):start] == ["về", "việc"]:
        if any(p.triggers[m][2].code[:2] == "04" and p.clause_at[k] == clause and k < t for m, k in token_of.items()):
            return True  # `đàm phán … về việc cung cấp vũ khí`: what talks are about has not happened
    linked = clause  # the clauses that go on with the same verb phrase (`kêu gọi Nga …, cũng như chấm dứt …`),
    while linked > 0 and p.clauses[linked].kind == "coordinate" \
            and p.triggers[p.tokens[t].trigger][2].code[:2] not in _UNREALIZED \
            and not _opens_own_act(p, p.clauses[linked], t):  # (`và cầu xin …` is a new appeal)
        linked -= 1
    return any(linked <= p.clause_at[k] <= clause and k < t and not _consequence(p, k) and (
        p.triggers[m][2].code[:2] in _UNREALIZED and not (p.triggers[m][2].code[:2] == "03" and _is_pledge(p, k))
        and not _offers_next(p, k, p.triggers, token_of, m) and not _own_desire(p, k)
        or cl.cue_ends_at(p, "unrealizing", k) is not None) for m, k in token_of.items() if m < n) or any(
        p.tokens[j].tag != cl.TRIGGER and p.tokens[j + 1].tag == cl.ACTOR and cl.cue_ends_at(p, "unrealizing", j)
        is not None and all(p.tokens[i].tag in (cl.ACTOR, "Cc", "CH", "R") for i in range(j + 1, t))
        for j in range(p.clauses[linked].first, t - 1))  # `tìm cách ngăn Mỹ và Nhật Bản hỗ trợ Hàn Quốc`


def _opens_own_act(p: cl.Parse, clause: cl.Clause, t: int) -> bool:
    """The clause opens with a coordinator of the subject's next act, trigger t its verb (`, đồng thời chỉ
    trích …`; not `…; đồng thời nâng tổng viện trợ …`, more of a proposal)."""
    k = clause.first
    while k < clause.last and p.tokens[k].tag == "CH":
        k += 1
    stop = p.cue_at("own_acts", p.tokens[k].syl[0]) if k < clause.last else None
    if stop is None:
        return False
    j = k
    while j < t and p.tokens[j].syl[1] <= stop or j < t and p.tokens[j].tag == "R":
        j += 1
    return j == t


_PRESSURE = {"10", "11", "13", "16", "17"}  # `Mỹ gây sức ép, buộc Bình Nhưỡng từ bỏ …`: the demand goes on


def _undone(p: cl.Parse, t: int) -> bool:
    """A word that undoes it stands right before cooperation trigger t, past quantities and classifiers
    (`hủy bỏ 2 thỏa thuận`, `lệnh hạn chế nhập khẩu`; event_cues.json `reversals`)."""
    j = t - 1
    while j >= 0 and p.tokens[j].tag in ("L", "M", "Nc", "Nu"):
        j -= 1
    return j >= 0 and p.tokens[j].tag != cl.ACTOR and cl.cue_ends_at(p, "reversals", j) is not None


def _holds_office(p: cl.Parse, k: int) -> bool:
    """Country actor k follows an office's title or a delegation noun (`Thủ tướng Australia`, `phái đoàn Mỹ`):
    a person or envoys acting for it."""
    first = p.tokens[cl.phrase_start(p, k)].syl[0]
    words = p.syllables[first:p.tokens[k].syl[0]]
    if not words or p.tokens[k].actor is None or p.tokens[k].actor.entity_type != "GPE":
        return False
    hit = gz.titles().longest(words, 0)
    if hit and hit[0] == len(words) and hit[1][1] not in ("", "other"):
        return True
    return cues().match("delegations", words, 0) == len(words)


def _consequence(p: cl.Parse, k: int) -> bool:
    """Trigger k is a causative (`buộc`) that opens a clause after a comma which follows an act other than
    pressure: the act made someone act (`Bình Nhưỡng … thử hạt nhân lần đầu tiên, buộc Liên Hiệp Quốc lên án …`),
    no demand."""
    return k > 1 and p.tokens[k - 1].text == "," and cl.cue_ends_at(p, "causing_verbs", k) == k and any(
        p.tokens[j].tag == cl.TRIGGER and p.tokens[j].trigger >= 0
        and p.triggers[p.tokens[j].trigger][2].code[:2] not in _PRESSURE for j in range(k - 1))


def _own_desire(p: cl.Parse, k: int) -> bool:
    """Trigger k is a desire for one's own act (`Mỹ muốn hợp tác với …`), which the act codes as an intent."""
    return p.cue_at("desires", p.tokens[k].syl[0]) is not None and not _wished_of(p, k)


def _threatens_next(p: cl.Parse, t: int, found: list, token_of: dict[int, int], n: int) -> str | None:
    """The root (15, 17-20) of the act of force that a threat word (`sẵn sàng`, `dọa`) names right after it (a
    test or a launch threatened is a threat, with no target unless one is named)."""
    nxt = token_of.get(n + 1)
    if nxt is None or p.clause_at[nxt] != p.clause_at[t] or cl.cue_ends_at(p, "threat", t) is None:
        return None
    root = found[n + 1][2].code[:2]
    between = [p.tokens[k] for k in range(t + 1, nxt)]
    force = ("15", "17", "18", "19", "20") if cl.cue_ends_at(p, "menace", t) is not None else ("17", "18", "19", "20")
    return root if root in force and all(
        tok.tag in ("R", "V", "A", "L", "M", "Nc") or tok.low in ("cho", "một", "cuộc", "vụ", "đợt") for tok in between) \
        else None  # (`sẵn sàng cho một cuộc tấn công vào Syria`: readiness for an attack)


def _offered(p: cl.Parse, t: int, found: list, token_of: dict[int, int], n: int) -> bool:
    """Trigger t is the act a proposal word right before it offers, or a conjunct of that act (`đề nghị tổ chức
    đối thoại, đàm phán với Hàn Quốc`: both offered)."""
    prev = token_of.get(n - 1) if n > 0 else None
    if prev is None:
        return False
    if _offers_next(p, prev, found, token_of, n - 1):
        return True
    joined = all(p.tokens[k].text in (",", "và", "hoặc", "hay") or p.tokens[k].text in _QUOTES for k in range(prev + 1, t))
    before = token_of.get(n - 2) if n > 1 else None
    return joined and before is not None and _offers_next(p, before, found, token_of, n - 2)


def _offers_next(p: cl.Parse, t: int, found: list, token_of: dict[int, int], n: int) -> bool:
    """`đề nghị hỗ trợ Indonesia`: a proposal word right before an act of cooperation offers it."""
    return found[n][2].pattern in cues()["offers"] and _pledges_next(p, t, found, token_of, n)


def _is_pledge(p: cl.Parse, k: int) -> bool:
    """Trigger k is a pledge word (`cam kết`, `sẵn sàng`): what it names is planned, and coded (root 03
    where it is cooperation) in its place."""
    return cl.cue_ends_at(p, "pledge", k) is not None


def _acts_next(p: cl.Parse, t: int, token_of: dict[int, int], n: int) -> bool:
    """The next trigger follows t in its clause with only adverbs and verbs between (`muốn trừng phạt`)."""
    nxt = token_of.get(n + 1)
    return nxt is not None and p.clause_at[nxt] == p.clause_at[t] and all(
        p.tokens[k].tag in ("R", "V", "A") or p.tokens[k].text in _QUOTES for k in range(t + 1, nxt))


_QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}  # `đề nghị tổ chức “đối thoại”`: a quoted act is still the act


def _pledges_next(p: cl.Parse, t: int, found: list, token_of: dict[int, int], n: int) -> bool:
    return _acts_next(p, t, token_of, n) and found[n + 1][2].code[:2] in _PLEDGE_CODE


def _purpose_of_previous(p: cl.Parse, t: int, token_of: dict[int, int], n: int) -> bool:
    """Trigger t opens a purpose clause (`để`, `nhằm`) right after another trigger of the sentence."""
    prev = token_of.get(n - 1)
    if prev is None or p.clause_at[prev] != p.clause_at[t] - 1:
        return False
    clause = p.clause_of(t)
    return p.cue_at("purpose", p.tokens[clause.first].syl[0]) is not None


def _pairs(p: cl.Parse, t: int, trig: Trigger, root: str, context: Context) -> list[tuple]:
    """(source, target) mentions of trigger token t; None stands for an unknown or absent actor."""
    between = _between(p, t, near=trig.target != "mutual" and root not in _VIOLENT)
    if between:
        return _mutual(_mentions(p, between))
    if trig.target == "joint":  # `Mỹ và Nhật cùng phát triển …`: they act together
        sources = _subject(p, t, context)
        return _mutual(sources) if len(sources) > 1 and p.tokens[t].pos == "R" else []
    if trig.target == "visit":  # a person's trip to the country right after the verb
        sources = _subject(p, t, context)
        k = next((j for j in range(t + 1, len(p.tokens)) if p.tokens[j].tag == cl.ACTOR), None)
        before = p.tokens[t - 1] if t else None  # `ông … đã tới`, not `đề cập đến Seoul`
        subject = next((j for j in range(t - 1, p.clause_of(t).first - 1, -1) if p.tokens[j].tag == cl.ACTOR), None)
        office = subject is not None and p.tokens[subject].actor in sources and _holds_office(p, subject)
        if before is None or before.tag not in ("R", "P", "N", "Nc", cl.ACTOR) or before.tag == cl.ACTOR and (
                before.actor is None or before.actor.entity_type != "PER") and not office \
                or not (office or any(s.entity_type == "PER" for s in sources)) or k is None:
            return []
        return _distinct_pairs([(a, b) for a in sources for b in _mentions(p, cl.coordinated(p, k))])
    passive = _passive(p, t)
    backs_unnamed = False
    # a receiving (`nhận được sự ủng hộ của X`) or suffering (`vấp phải sự phản đối từ X`) verb before the noun
    receiver = _receiving_verb(p, t) if root in _RECEIVED_ROOTS else _receiving_verb(p, t, "received_messages") \
        if root in ("02", "10", "11") else None  # (`nhận được yêu cầu …`, not `với cáo buộc …`)
    receiver = receiver if receiver is not None else _receiving_verb(p, t, "suffered")
    # (`nhận được yêu cầu hỗ trợ từ …`: what a received request asks for stands before who made it)
    giver = _agent_after(p, t, past_content=True) if receiver is not None else []
    if receiver is not None and not giver and root in ("02", "10", "11"):
        return []  # `Sau khi nhận được nhiều khiếu nại, cảnh sát Seoul …`: complaints from no one named
    if _placed_into(p, t) and _fronted_object(p, t, []):
        # `Mỹ và Israel đã xếp Hezbollah vào danh sách …`: the clause subject puts the actor before the trigger
        own = _clause_subject(p, p.clause_at[t], context)
        # (`Bộ Tài chính Mỹ cho biết đã liệt …`: a reported clause's subject is the speaker's)
        sources = _mentions(p, own) if own else _inherited_subject(p, p.clause_at[t], context, carry=False) \
            if own is None else []
        targets = _fronted_object(p, t, sources)
    elif root == "07" and _aid_carrier(p, t):
        # `Tàu cứu hộ … của Singapore sẽ tham gia …`: the carrier's owner aids the receiver named, or the story's country
        sources = _agent_after(p, t) or [m for m in _mentions(p, [t + 1]) if p.tokens[t + 1].tag == cl.ACTOR]
        exclude = _tokens_of(p, sources)
        targets = _object(p, t, trig, root, exclude, marked_only=True) or (  # (the story's own rescuers aid no one)
            [m for m in _implicit_target(Context(focus=context.focus[:1]), sources) if m.entity_type == "GPE"]
            if sources else [])
    elif giver:
        # `Israel nhận được sự ủng hộ của Mỹ`: the noun's agent gives, the receiving verb's subject receives
        sources, exclude = giver, _tokens_of(p, giver)
        stop = next((k for k in range(t + 1, len(p.tokens)) if p.tokens[k].tag in ("V", cl.TRIGGER) and k > t + 2),
                    len(p.tokens))  # a receiver named in the noun's phrase (`… của Mỹ đối với việc Việt Nam …`)
        named = [m for m in _object(p, t, trig, root, exclude, marked_only=True)
                 if any(p.tokens[k].actor is m for k in range(t + 1, stop))]
        targets = named or _subject(p, receiver, context) or _owner_before(p, receiver)
    elif _nominal(p, t):
        sources, targets = _nominal_roles(p, t, context, trig.target == "mutual", root)
        fronted = _after_fronted_accusation(p, t) if root == "11" and sources and not targets else None
        if fronted:  # `Theo cáo buộc của Mỹ, Iran đã …`: the subject after the fronted phrase is accused
            targets = _mentions(p, fronted)
        if not targets and len(sources) > 1 and trig.target == "mutual":
            return _mutual(sources)  # `cuộc gặp của ông Trump và các lãnh đạo EU`
    elif passive:
        marker, agents = passive
        sources = _mentions(p, _group(p, agents[-1])) if agents else []
        held_at_place = not sources and root == "17" and trig.code != "181" and context.group is None
        if held_at_place:
            # `17 công dân Mỹ bị bắt giữ tại Triều Tiên`: a state's citizens held by the place's state (in a story
            # about an armed group, someone taken by no one named may be its hostage)
            sources = _places(p, t)
        if not sources and root in _VIOLENT and context.group and trig.pattern not in cues()["state_violence"]:
            sources = [context.group]  # `đại sứ … bị bắt cóc` in a story about an armed group
        elif not sources and p.clause_of(t).kind == "embed" and _announced(p, t):
            # `Séc thông báo 18 nhà ngoại giao Nga sẽ bị trục xuất`: who announces it does it
            sources = _inherited_subject(p, p.clause_at[t], context, carry=False)
        # (a deployment by an agent: `máy bay … được Mỹ triển khai tới gần bờ biển Trung Quốc`)
        recipient = _object(p, t, trig, root, _tokens_of(p, sources), marked_only=True) or (
            _mentions(p, _border_group(p, t)) if root in ("15", "?") else [])
        if not sources and recipient and trig.pattern in cues()["summoning"]:
            sources, recipient = recipient, []  # `Đại sứ Mỹ bị triệu tập tới Bộ Ngoại giao Nga`: who summons
        targets = recipient or _subject(p, marker, context)  # `dự thảo … đã được Mỹ gửi đến 4 quốc gia`
        if not targets and root == "17":  # `tiếp xúc với ba công dân Mỹ khác đang bị giam giữ`: who is held
            targets = [m for m in _actor_right_before(p, marker, skip_adverbs=True) if _actor(m)]
        if held_at_place and any(m.entity_type not in ("GPE", "PER") for m in targets):
            sources = []  # (suspects of an armed group taken in a country may be held by others: US forces)
        if root == "07":  # `các nhóm chiến binh được Ankara hậu thuẫn và …`: what is backed is the phrase right
            #                 before, unless the verb phrase itself names a receiver
            stop = next((k for k in range(t + 1, len(p.tokens)) if p.tokens[k].tag in ("Cc", "CH", "V")), len(p.tokens))
            in_phrase = [p.tokens[k].actor for k in range(t + 1, stop)]
            recipient = [m for m in recipient if any(m is a for a in in_phrase)]
        if root == "07" and not recipient:
            targets = _actor_right_before(p, marker)
    else:
        sources = _subject(p, t, context)
        theo = _after_fronted_accusation(p, t) if root == "11" else None
        if theo:  # `Theo Mỹ cáo buộc, Iran …`: who `theo` names accuses the subject after the comma
            sources = _mentions(p, [k for k in range(t - 1, -1, -1) if p.tokens[k].tag == cl.ACTOR
                                    and p.tokens[k].actor is not None and p.tokens[k].low != "theo"][:1])
        exclude = _tokens_of(p, sources)
        # `Bà Merkel và ông Putin điện đàm chiến sự Ukraine`: two who meet talk about, not with, a third
        several = len({_place_code(m) for m in sources}) > 1  # not `Mỹ Robert Zoellick`: one actor, twice
        targets = _object(p, t, trig, root, exclude, marked_only=trig.target == "mutual" and several)
        if root == "02" and sources and _unaddressed(p, t):
            # `kêu gọi tất cả các bên liên quan …`, `kêu gọi các nước hãy …`: no actor addressed
            return _distinct_pairs([(s_, None) for s_ in sources])
        if root == "10" and _unaddressed(p, t):
            return []  # `yêu cầu các bên tôn trọng phán quyết của …`: who owns what is demanded is no addressee
        if not targets and len(sources) > 1 and trig.target == "mutual":
            return _mutual(sources)  # `Nga và NATO đạt được thỏa thuận`, `Anh, Pháp, Đức đã nhóm họp`
        if not targets and _reciprocal(p, t) and len({_place_code(p.tokens[k].actor) for k in range(
                p.clause_of(t).first, t) if p.tokens[k].actor in sources and cl.subject_like(p, k)}) > 1:
            # `Nga và Ukraine đã đổ lỗi cho nhau`: each subject named in the clause does it to the other
            return _distinct_pairs([(a, b) for a in sources for b in sources if _place_code(a) != _place_code(b)])
        if not targets and root in _IMPLICIT_TARGET and trig.target != "none" and _objectless(p, t) \
                and not _cue_in(_words_before(p, t), "conditions") and not _cue_in(_words_before(p, t), "first_person"):
            # (not in a quote's `chúng tôi …`, which speaks of anyone: its receiver must be named)
            # (not in a condition: `nếu Ai Cập đề nghị, …` asks no one yet)
            # `Nga lên tiếng chỉ trích`: the receiver is the subject named before
            targets = _causer(p, t, sources) or _implicit_target(context, sources)
        agent_marker = _agent_marker(p, t) if root == "07" else None
        if agent_marker is not None:
            # `các lực lượng do nước này hậu thuẫn trong cuộc chiến chống IS`: what is backed stands before (the
            # actor only when its phrase ends right before `do`: not `giữa quân đội Ukraine với lực lượng ly
            # khai nghi do Nga hậu thuẫn`; past `được cho là`, `nghi`)
            targets = _actor_right_before(p, agent_marker, skip_adverbs=True)
            # `bảo vệ các lực lượng do nước này hậu thuẫn`: unnamed forces backed, no receiving actor
            backs_unnamed = not targets and agent_marker and cl.cue_ends_at(p, "force_nouns", agent_marker - 1) \
                is not None
        elif not targets and root == "07" and _aid_to_story_country(p, t, trig):
            # `Anh, Ireland và Romania cũng gửi trợ giúp`: aid goes to the country the story is about
            targets = [m for m in _implicit_target(Context(focus=context.focus), sources) if m.entity_type == "GPE"]
    if not targets and sources and context.person is not None and _actor(context.person) and \
            _actor(context.person) not in {_actor(m) for m in sources} and _person_object(p, t):
        targets = [context.person]  # `… truy nã quốc tế đối với nữ chính trị gia này`: the person named before
    if root == "14" and not sources:  # `các vụ biểu tình chống Mỹ tại Afghanistan`: the people of the place
        sources = _places(p, t)
    if root == "15" and not targets and trig.code[:2] == "15":
        # `tăng cường lực lượng gần biên giới Ukraine`: a show of force aimed at the country beyond a border (not
        # where it was done from, `phóng … từ một tỉnh gần biên giới Trung Quốc`, nor its own waters, `diễn tập ở
        # ngoài khơi đảo Bali, Indonesia`)
        border = _border_group(p, t)
        if border and "từ" not in p.syllables[p.tokens[t].syl[1]:p.tokens[border[0]].syl[0]]:
            own = {_place_code(m) for m in sources}
            targets = [m for m in _mentions(p, border) if _actor(m) and _place_code(m) not in own]
    if root in _VIOLENT and not targets:  # an attack with no named target: the countries where it happened
        targets = _places(p, t)
        # `tấn công vào các lực lượng do Mỹ hậu thuẫn ở Syria`: on a group named by who backs it, no actor
        backs_unnamed = backs_unnamed or not targets and _backed_group(p, t) is not None
    if not sources and not targets:
        return []
    if not sources and root in _VIOLENT:
        if trig.code in _NEEDS_AGENT or trig.pattern in cues()["needs_agent"]:
            return []  # a blockade or an occupation by no one named is no event (`lệnh phong tỏa` in an epidemic)
        sources = _unknown_attacker(p, t, trig, context, passive is not None)
        if sources is None:
            return []
    if not sources and root not in _VIOLENT:
        return []  # only an attack may have an unknown actor: `bị tấn công`, `vụ đánh bom`
    if not targets and trig.target != "none" and root not in _NULL_TARGET_ROOTS and not backs_unnamed:
        return []  # an event needs a receiving actor, except drills and tests
    if not targets and trig.code == "?" and _cue_in(p.syllables[p.tokens[t].syl[1]:], "relief_purposes"):
        return []  # `điều tàu … tới hỗ trợ tìm kiếm`: a deployment for relief to no one named, no show of force
    if trig.target == "undergone":  # `Romania sẽ nằm trong tầm ngắm của tên lửa Nga`: the subject undergoes it
        if not sources or not targets:
            return []
        sources, targets = targets, sources
    pairs = [(s, g) for s in (sources or [None]) for g in (targets or [None])]
    return _distinct_pairs(pairs)


def _person_object(p: cl.Parse, t: int) -> bool:
    """A word naming back a person stands right after trigger t, past a preposition and a modifier or two
    (`truy nã quốc tế đối với nữ chính trị gia này`), with no actor between."""
    clause = p.clause_of(t)
    for k in range(t + 1, min(clause.last, t + 5)):
        if p.tokens[k].tag in (cl.ACTOR, cl.TRIGGER, "V", "CH"):
            return False
        if p.cue_at("person_objects", p.tokens[k].syl[0]) is not None:
            return True
    return False


def _near_border(p: cl.Parse, t: int, k: int) -> bool:
    """Actor k follows a border word after trigger t (`gần biên giới Ấn Độ`, `dọc biên giới Ukraine`)."""
    return _cue_in(p.syllables[max(p.tokens[t].syl[1], p.tokens[k].syl[0] - 3):p.tokens[k].syl[0]], "border_words")


def _border_group(p: cl.Parse, t: int) -> list[int]:
    """The actor tokens of the first border phrase after trigger t in its clause (`đến khu vực gần biên giới Ấn Độ`)."""
    clause = p.clause_of(t)
    return next((_group(p, k) for k in range(t + 1, clause.last)
                 if p.tokens[k].tag == cl.ACTOR and _near_border(p, t, k)), [])


def _tokens_of(p: cl.Parse, mentions: list[Mention]) -> set[int]:
    return {k for k in range(len(p.tokens)) if p.tokens[k].actor in mentions}


def _unaddressed(p: cl.Parse, t: int) -> bool:
    """An appeal to a generic addressee that a list does not name (`kêu gọi tất cả các bên liên quan …`)."""
    k = t + 1
    while k < len(p.tokens) and p.tokens[k].tag == "R":
        k += 1
    if k >= len(p.tokens):
        return False
    tok = p.tokens[k]
    stop = cues().match("generic_addressees", p.syllables, tok.syl[0])
    return stop is not None and not _listed(p, k, stop=stop + 4)  # (`các nước liên quan, bao gồm cả Trung Quốc`)


def _aid_carrier(p: cl.Parse, t: int) -> bool:
    """Aid trigger t qualifies a carrier noun right before it (`tàu cứu hộ`, `chuyến hàng cứu trợ`)."""
    return t > 0 and cl.cue_ends_at(p, "aid_carriers", t - 1) is not None


_RECEIVED_ROOTS = {"03", "05", "06", "07", "08"}  # what one can be given: support, cooperation, aid, concessions


def _receiving_verb(p: cl.Parse, t: int, kind: str = "received") -> int | None:
    """The first token of a receiving verb right before trigger t's noun phrase (`nhận được sự ủng hộ`,
    `tiếp nhận lô viện trợ`), past classifiers, quantities and nominalizers."""
    j = t - 1
    while j >= 0 and (p.tokens[j].tag in ("L", "M", "Nc", "Nu") or p.tokens[j].low in (
            "sự", "gói", "khoản", "lô", "thêm", "nhiều", "khoảng", "gần", "hơn", "đòn")):
        j -= 1  # (`nhận khoảng 5 triệu USD viện trợ`, `hứng chịu những đòn trả đũa`)
    return cl.cue_ends_at(p, kind, j) if j >= 0 else None


def _after_subject(p: cl.Parse, t: int) -> bool:
    """Trigger t follows its clause's subject actor, with only adverbs between (`Nga đã trục xuất`)."""
    k = t - 1
    while k >= p.clause_of(t).first and p.tokens[k].tag == "R":
        k -= 1
    return k >= p.clause_of(t).first and p.tokens[k].tag == cl.ACTOR and cl.subject_like(p, k)


def _agent_after(p: cl.Parse, t: int, past_content: bool = False) -> list[Mention]:
    """The actor that `của`, `từ` or `từ phía` marks as the agent of trigger t's noun, in its clause before
    another predicate (`sự hỗ trợ về tài chính của Chính phủ Thụy Điển`)."""
    clause = p.clause_of(t)
    k = t + 1
    listed = _plural_list_at(p, k, p.tokens[k].syl[1]) if k < len(p.tokens) and p.tokens[k].low in ("của", "từ") \
        else None
    if listed is not None:  # `sự phản đối của nhiều nước, đặc biệt là Ukraine`: the plural the list names
        return _mentions(p, listed)
    for k in range(t + 1, clause.last):
        tok = p.tokens[k]
        if tok.tag == cl.TRIGGER and not (past_content and k == t + 1) or tok.tag == "V" and k > t + 2:
            return []  # (`cứu trợ Covid-19 khẩn cấp/V từ Mỹ`: a modifier the tagger calls a verb)
        if tok.tag == cl.ACTOR and tok.actor is not None and _place_code(tok.actor):
            prep = cl.preposition_before(p, k)
            return _mentions(p, _group(p, k)) if prep and prep[1] in ("của", "từ", "từ phía", "do", "bởi") else []
    return []


def _owner_before(p: cl.Parse, k: int) -> list[Mention]:
    """The owner (`của X`) of the subject phrase before verb k, when that phrase is a thing, not an actor:
    `Lệnh hạn chế đi lại … của Nga đã vấp phải sự phản đối …` is opposed as Russia's act."""
    clause = p.clause_of(k)
    owners = [j for j in range(clause.first, k) if p.tokens[j].tag == cl.ACTOR and _is_actor_token(p, j)
              and cl.preposition_before(p, j) == ("agent", "của")]
    if not owners or any(p.tokens[j].tag == "V" for j in range(owners[-1] + 1, k) if p.tokens[j].low not in ("đã", "bị")):
        return []
    return _mentions(p, _group(p, owners[-1]))


def _unknown_attacker(p: cl.Parse, t: int, trig: Trigger, context: Context, passive: bool) -> list | None:
    """Who did an attack whose agent the clause does not name: the armed group of the sentence or of the
    story ([group]), someone unknown ([]: source null), or no event at all (None: a practice shot, a plot,
    `việc tấn công` as a topic). Unknown only for `bị` passives, `vụ`/`cuộc` nouns and unnamed attackers
    as subject (`Một kẻ đánh bom liều chết đã tấn công …`)."""
    state = trig.pattern in cues()["state_violence"]  # (an air strike is no armed group's)
    named = None if state else next((tok.actor for tok in p.tokens if tok.tag == cl.ACTOR and tok.actor is not None
                                     and tok.actor.entity_type == "ORG" and _actor(tok.actor)), None)
    clause = p.clause_of(t)
    lead = _words_before(p, t)
    if _cue_in(lead, "unnamed_attackers"):  # `Một kẻ đánh bom liều chết …`: unknown, unless the sentence says
        return [named] if named else []
    if not (passive or _nominal(p, t) and not _owned_noun(p, t) or _happening(p, t, clause)):
        return None
    # `bị bắt cóc`, `vụ tấn công` in a story about an armed group; not an air strike (state_violence)
    group = named or (context.group if not state else None)
    return [group] if group else []


def _happening(p: cl.Parse, t: int, clause) -> bool:
    """Trigger t is a bare noun that opens its clause and a verb of happening follows (`Giao tranh dữ dội đã nổ
    ra`, `Ba quả bom phát nổ …` with the bomb as the trigger `bom phát nổ`)."""
    if p.tokens[t].low in cues()["device_blasts"]:
        return True
    lead = [k for k in range(clause.first, t) if p.tokens[k].tag not in ("L", "M", "Nc", "CH")]
    after = p.syllables[p.tokens[t].syl[1]:p.tokens[t].syl[1] + 5]
    return not lead and _cue_in(after, "happenings")


def _places(p: cl.Parse, t: int) -> list[Mention]:
    """The first country (or place of a country) named after `tại`/`ở` or as a capital after the
    trigger, with those coordinated with it (`ở Pháp và Bỉ`)."""
    backed = _backed_group(p, t)
    for k in range(t + 1, len(p.tokens)):
        tok = p.tokens[k]
        if tok.tag == cl.ACTOR and tok.actor is not None and _place_code(tok.actor) in _countries():
            prep = cl.preposition_before(p, k)
            if _names_document(p, k):
                continue  # `theo thỏa thuận Minsk`: a document's name, not where it happened
            if backed is not None and k > backed:
                return []  # `… các lực lượng do Iran hậu thuẫn ở Syria`: where the group is, not whom it hits
            if prep and prep[1] in cues()["near_prepositions"]:
                continue  # `đánh bom gần căn cứ Nga`: near a place, not on whom it belongs to
            if prep and prep[0] == "locative" or tok.actor.entity_type == "LOC" or cl.is_modifier(p, k) \
                    or _holds_place(p, k):
                return [m for m in _mentions(p, cl.coordinated(p, k)) if _place_code(m) in _countries()]
    return []


def _after_fronted_accusation(p: cl.Parse, t: int) -> list[int]:
    """The subject after the comma that closes a fronted `theo` phrase holding trigger t (`Theo Mỹ cáo buộc,
    Iran …`, `Theo cáo buộc của Mỹ, Iran …`), with those coordinated with it; [] if t is not so fronted."""
    before = [j for j in range(max(0, t - 4), t) if p.tokens[j].low == "theo"]
    if not before or any(p.tokens[j].text == "," for j in range(before[-1], t)):
        return []
    comma = next((j for j in range(t + 1, min(len(p.tokens), t + 6)) if p.tokens[j].text == ","), None)
    if comma is None or any(p.tokens[j].tag in ("V", cl.TRIGGER) for j in range(t + 1, comma)):
        return []
    k = comma + 1
    while k < len(p.tokens) and p.tokens[k].tag != cl.ACTOR and k < comma + 4:
        k += 1
    if k >= len(p.tokens) or p.tokens[k].tag != cl.ACTOR or p.tokens[k].actor is None or not cl.subject_like(p, k):
        return []
    return cl.coordinated(p, k)


def _relation_before(p: cl.Parse, k: int) -> bool:
    """Actor k's preposition follows a relation noun (`quan hệ với Nga`): the topic's partner, not the act's."""
    j = cl.phrase_start(p, k) - 1  # the preposition's token
    return j > 0 and cl.cue_ends_at(p, "relation_nouns", j - 1) is not None


def _backed_group(p: cl.Parse, t: int) -> int | None:
    """The `do`/`bởi` of a group named by who backs it, right in trigger t's object (`tấn công vào các lực lượng
    do Mỹ hậu thuẫn`), else None."""
    clause = p.clause_of(t)
    for j in range(t + 1, min(clause.last, t + 6)):
        if p.tokens[j].tag in (cl.TRIGGER, "V") and p.tokens[j].low not in ("do", "bởi"):
            return None
        if p.tokens[j].low in ("do", "bởi") and cl.cue_ends_at(p, "force_nouns", j - 1) is not None:
            return j
    return None


def _holds_place(p: cl.Parse, k: int) -> bool:
    """Country k is where a place named before it lies: `tại thành phố Manchester của Anh`, `ở Manchester, Anh`."""
    j = cl.phrase_start(p, k) - 1
    if j < 1 or p.tokens[j].low not in ("của", ",") or p.tokens[j - 1].tag not in ("N", "Np"):
        return False
    first = cl.phrase_start(p, j - 1)
    named_place = p.tokens[j - 1].tag == "Np" or p.cue_at("place_nouns", p.tokens[first].syl[0]) is not None
    prep = cl.preposition_before(p, j - 1)
    return named_place and prep is not None and prep[0] == "locative"


def _names_document(p: cl.Parse, k: int) -> bool:
    """Actor token k names a document after its noun (`thỏa thuận Minsk`, `Hiệp định Paris`)."""
    first = cl.phrase_start(p, k)
    return first > 0 and cl.cue_ends_at(p, "documents", first - 1) is not None


def _announced(p: cl.Parse, t: int) -> bool:
    """The trigger's clause reports what its speaker announced or decided (`Séc thông báo …`)."""
    c = p.clause_at[t]
    start = p.tokens[p.clauses[c - 1].first].syl[0] if c else 0
    return _cue_in(p.syllables[start:p.tokens[p.clauses[c].first].syl[0]], "announce")


_MAX_MUTUAL = 4  # more parties than this is a multilateral act, not so many bilateral ones


def _among_subjects(p: cl.Parse, t: int, pairs: list[tuple]) -> bool:
    """Every actor of the pairs is a subject named before trigger t in its clause (`A và B muốn …`)."""
    subjects = {_place_code(p.tokens[k].actor) for k in range(p.clause_of(t).first, t)
                if p.tokens[k].tag == cl.ACTOR and p.tokens[k].actor is not None and cl.subject_like(p, k)}
    return bool(pairs) and all(a is not None and b is not None and _place_code(a) in subjects
                               and _place_code(b) in subjects for a, b in pairs)


def _mutual(group: list[Mention]) -> list[tuple]:
    if len({_place_code(m) for m in group}) > _MAX_MUTUAL:
        return []  # `thỏa thuận 6 bên (gồm Mỹ, Hàn Quốc, …)`
    return _distinct_pairs([(a, b) for i, a in enumerate(group) for b in group[i + 1:]])


def _actor_right_before(p: cl.Parse, marker: int, skip_adverbs: bool = False) -> list[Mention]:
    """The actor whose phrase ends right before token `marker` (`được`, `do`), with those grouped with it."""
    before = marker - 1
    while skip_adverbs and before >= 0 and (p.tokens[before].tag in ("R", "A") or p.tokens[before].low == "nghi"):
        before -= 1
    return _mentions(p, _group(p, before)) if before >= 0 and p.tokens[before].tag == cl.ACTOR else []


def _aid_to_story_country(p: cl.Parse, t: int, trig: Trigger) -> bool:
    """Aid with no receiver named goes to the country the story is about, unless the receiver is named
    generically (`… viện trợ, sang các nước`), the subject receives it (`để đổi lấy cứu trợ nhân đạo`, a
    passive: `Thông tin này được một người … cung cấp`), or it did not or may not happen."""
    clause = p.clause_of(t)
    start = p.tokens[t].syl[0]
    helps_do = t + 1 < clause.last and p.tokens[t + 1].tag == "V" and p.tokens[t + 1].low not in (
        "là", "bị", "được", "có") and t > 0 and p.tokens[t - 1].tag in (cl.TRIGGER, "R") and not any(
        p.tokens[k].tag == cl.ACTOR for k in range(t + 1, clause.last))  # `giúp đỡ tìm kiếm hộp đen`: help to do
    # `hỗ trợ chiến dịch tìm kiếm tàu ngầm`: help to a relief operation, with no actor named after it
    helps_operation = t > 0 and p.tokens[t - 1].tag in (cl.TRIGGER, "R", "V") and not any(
        p.tokens[k].tag == cl.ACTOR for k in range(t + 1, clause.last)) and _cue_in(
        p.syllables[p.tokens[t].syl[1]:p.tokens[t].syl[1] + 4], "relief_purposes")
    return trig.weight >= 0.6 and (_objectless(p, t) or helps_do or helps_operation) \
        and _modality(p, t) in ("asserted", "planned") \
        and not _cue_in(p.syllables[max(0, start - 3):start], "receiving") \
        and not any(p.tokens[k].low in ("được", "bị") for k in range(clause.first, t)) \
        and not _cue_in(p.syllables[p.tokens[t].syl[1]:], "generic_plural")


def _agent_marker(p: cl.Parse, t: int) -> int | None:
    """The `do`/`bởi` token that marks the trigger's agent right before it (`lực lượng do Iran hậu thuẫn`,
    `do nước này hậu thuẫn`): the noun before it is what the act is done to."""
    for k in range(t - 1, max(p.clause_of(t).first, t - 6) - 1, -1):
        tok = p.tokens[k]
        if tok.low in ("do", "bởi") and tok.tag == "E":
            return k
        if tok.tag not in (cl.ACTOR, "N", "Np", "Nc", "P", "L", "M", "R"):
            return None
    return None


def _causer(p: cl.Parse, t: int, sources: list[Mention]) -> list[Mention]:
    """For a reaction whose subject a causative verb makes act (`Triều Tiên thử hạt nhân, khiến Liên Hợp Quốc
    lên án`), who caused it: the subject of the sentence's first clause."""
    first = next((k for k in range(t) if p.tokens[k].actor in sources), None)  # (the causee of an earlier clause
    if first is None:  # is the subject of the one coordinated with it: `buộc Liên Hiệp Quốc lên án và có …`)
        return []
    before = cl.phrase_start(p, first) - 1
    if before < 0 or cl.cue_ends_at(p, "causing_verbs", before) is None:
        return []
    own = _clause_subject(p, 0, Context())
    taken = {_place_code(s) for s in sources}
    return [m for m in _mentions(p, own or []) if _place_code(m) not in taken]


def _implicit_target(context: Context, sources: list[Mention]) -> list[Mention]:
    """The receiver the text leaves to context: the actor the article names most, other than the source
    (on the dev set it is the left-out target 6 times in 10)."""
    taken = {_place_code(s) for s in sources}
    previous = [m for m in context.subject if _place_code(m) not in taken]
    return previous or next(([m] for m in context.focus if _place_code(m) not in taken), [])


def _reciprocal(p: cl.Parse, t: int) -> bool:
    """`nhau` (each other) is the trigger's object: `cáo buộc lẫn nhau`, `đổ lỗi cho nhau`."""
    words = p.syllables[p.tokens[t].syl[1]:p.tokens[t].syl[1] + 3]
    return cues().match("reciprocals", words, 0) is not None


def _objectless(p: cl.Parse, t: int) -> bool:
    """The trigger has no object of its own in its clause (`Nga lên tiếng chỉ trích.`), or one that points
    back (`xem xét kế hoạch trên`, `phản đối kịch bản này`)."""
    clause = p.clause_of(t)
    c = p.clause_at[t]
    if clause.last == t + 1 and c + 1 < len(p.clauses) and p.clauses[c + 1].kind == "embed":
        return False  # `cam kết rằng Mỹ …`: what follows is its content, not an act aimed at someone before
    for k in range(t + 1, clause.last):
        tok = p.tokens[k]
        if tok.text == ",":
            return True
        if p.cue_at("anaphoric", tok.syl[0]) == tok.syl[1]:
            if _own_country_institution(p, t, k):
                return False  # `đề nghị Quốc hội nước này cho phép …` said of the US: its own Congress, no one before
            # (`phản đối nghị định này`: a treaty named back is no act of one actor)
            return not _cue_in(p.syllables[p.tokens[t].syl[1]:tok.syl[0]], "treaties")
        if tok.tag == cl.TRIGGER and all(p.tokens[j].tag in ("L", "M") or p.tokens[j].low in ("cả", "cả hai")
                                         for j in range(t + 1, k)) and _nominal(p, k):
            continue  # `bác đề xuất trên`, `bác bỏ các cáo buộc đó`: the act's object noun, then what points back
        if tok.tag in (cl.ACTOR, cl.TRIGGER, "V", "E"):
            return False
    return not any(p.tokens[k].tag in ("N", "Np", "Nc", "P", "M") for k in range(t + 1, clause.last))


def _own_country_institution(p: cl.Parse, t: int, k: int) -> bool:
    """Token k ends a country named back right after a noun in trigger t's object (`Quốc hội nước này`, not `… của
    nước này`), and the country named last before it in the sentence is the subject's: that country's own body."""
    for start in range(p.tokens[t].syl[1] + 1, p.tokens[k].syl[1]):
        if cues().match("country_references", p.syllables, start) == p.tokens[k].syl[1]:
            before = _country_before(p, start)
            subject = {_place_code(m) for m in _countries_before(p, p.tokens[t].syl[0])}
            return bool(before) and _place_code(before[0]) in subject and p.syllables[start - 1] != "của"
    return False


_ADDRESSED = {"02", "03", "10", "13"}  # appeals, intents, demands, threats: their target is an addressee
_IMPLICIT_TARGET = {"02", "03", "05", "10", "11", "12", "13", "16"}
_NULL_TARGET_ROOTS = {"15"}
_NEEDS_AGENT = {"191", "192"}  # blockade, occupation: only a named actor does them


def _distinct_pairs(pairs: list[tuple]) -> list[tuple]:
    """Pairs with different actor codes, one per code pair."""
    seen, out = set(), []
    for a, b in pairs:
        key = (_place_code(a) if a else None, _place_code(b) if b else None)
        if key[0] == key[1] or key in seen:
            continue
        seen.add(key)
        out.append((a, b))
    return out


def _country_of(m: Mention | None) -> str | None:
    if m is None:
        return None
    code = m.country if m.entity_type == "PER" else m.entity_code if m.entity_type in ("GPE", "LOC") else None
    return code if code in _countries() else None


def _group_of(m: Mention | None) -> str | None:
    if m is not None and m.entity_type == "PER":
        return m.org
    return m.entity_code if m is not None and m.entity_type in ("IGO", "ORG") else None


def sentence_subject(sentence: Sentence, mentions: list[Mention], p: "cl.Parse | None" = None) -> list[Mention]:
    """The sentence's subject actors for the sentences after it: the first bare actor not in a fronted
    phrase, with those coordinated with it."""
    actors = [m for m in mentions if _actor(m)]
    if not actors:
        return []
    p = p or cl.parse(sentence, actors, [])
    for c in range(len(p.clauses)):
        if p.clauses[c].kind == "fronted":
            continue
        own = _clause_subject(p, c, Context())
        if own:
            return _mentions(p, own)
    return []


def events_by_sentence(sentences: list[Sentence], mentions: list[Mention], timexes: list[Timex],
                       dct: PartialDate | None) -> list[tuple[Sentence, list[Event]]]:
    """Each event sentence of an article with the events it reports, in text order, read with the context
    the sentences before it give (the subject carried over, the story's armed group, the article's focus)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    tx_by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        tx_by_sentence.setdefault(t.sentence_index, []).append(t)
    counts: dict[str, list] = {}
    for m in mentions:
        code = _place_code(m) if _actor(m) else None
        if code:
            counts.setdefault(code, []).append(m)
    context = Context(focus=[ms[0] for ms in sorted(counts.values(), key=len, reverse=True)])
    out = []
    for s in sentences:
        if s.role not in EVENT_ROLES:
            continue
        here = by_sentence.get(s.index, [])
        events, parse = _sentence_events(s, here, tx_by_sentence.get(s.index, []), dct, context)
        out.append((s, events))
        if s.role != "caption":  # (a photo's caption stands between paragraphs: the story's actors go on past it)
            _advance(context, s, here, parse)
    return out


def article_events(sentences: list[Sentence], mentions: list[Mention], timexes: list[Timex],
                   dct: PartialDate | None) -> list[Event]:
    """Events of one article: one per distinct (source, target, root, date) as the guideline counts them,
    the most confident kept (for meetings and cooperation, roots 04-06, one per pair of actors in either
    order)."""
    best: dict[tuple, Event] = {}
    for _, events in events_by_sentence(sentences, mentions, timexes, dct):
        for e in events:
            actors = (e.source_actor_code, e.target_actor_code)
            if e.event_root_code in _SYMMETRIC:  # a meeting of A and B is one event, whichever is named first
                actors = tuple(sorted(actors, key=lambda c: c or ""))
            key = (*actors, e.event_root_code, e.event_date)
            if key not in best or e.confidence > best[key].confidence:
                best[key] = e
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.trigger_start))


def _advance(context: Context, s: Sentence, here: list[Mention], parse: "cl.Parse | None") -> None:
    context.saw(s, here, parse)
    context.quote_opened = s.text.rstrip().endswith(":")
    actors = {m.entity_code: m for m in here if _actor(m)}
    if len(actors) == 2:
        context.dyad = list(actors.values())
    context.person, context.person_age = _recall(context.person, context.person_age, here, "PER", span=3)
    context.group, context.group_age = _recall(context.group, context.group_age, here, "ORG", span=8)
    context.igo, context.igo_age = _recall(context.igo, context.igo_age, here, "IGO", span=8)
    context.countries = (context.countries + [[m for m in here if m.entity_type == "GPE" and _actor(m)]])[-3:]


def _recall(last: Mention | None, age: int, here: list[Mention], entity_type: str,
            span: int) -> tuple[Mention | None, int]:
    """The last actor of a type named in this sentence or within `span` sentences before, and its age."""
    named = next((m for m in reversed(here) if m.entity_type == entity_type and _actor(m)), None)
    if named:
        return named, 0
    return (last if age + 1 <= span else None), age + 1


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
