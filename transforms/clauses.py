"""Clause structure of one sentence, as the event coder needs it: who is the subject of a trigger's clause,
what is its object, which actors are coordinated, which sit in a prepositional phrase.

A sentence becomes a list of tokens: each actor mention and each trigger is one token, the words between
them come from underthesea's segmentation CRF and are tagged by its POS CRF (the VLSP 2013 model, run
through underthesea_core's featurizer: about 2 ms a sentence). This runs once per sentence, and only for
sentences that hold a trigger. Clauses open at the cue words of `data/event_cues.json`: complement
clauses after speech verbs and `rằng`, subordinate clauses (`để`, `sau khi`, `khi`, `nếu`), clauses
coordinated after a comma (`, và`, `, rồi`) or contrasted (`nhưng`, `trong khi`), hard breaks (`;`), a
main clause after its frame (`Trong khi … ủng hộ … thì …`), and one or two fronted adverbial phrases at the
start (`Trong chuyến thăm Nga, …`, `Dưới áp lực …, trong cuộc điện đàm với …, Tổng thống …`). A clause
without a subject of its own takes the subject of the clause it depends on (the main clause for a fronted
phrase or an opening time clause, the clause before it otherwise).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from transforms import gazetteer as gz
from transforms.nlp import Sentence, pos_tags

ACTOR, TRIGGER, PUNCT = "ACT", "TRG", "CH"
# POS tags that stay inside a noun phrase: nouns, classifiers, unit nouns, determiners, numbers,
# adjectives, abbreviations, foreign words
_NP_TAGS = {"N", "Nc", "Nu", "Ny", "Nb", "L", "M", "A", "Np", "X", "FW", "Y", ACTOR}


@dataclass(frozen=True)
class Cues:
    """The cue lists as syllable tries, one per kind, plus the plain lists."""
    lists: dict
    tries: dict

    def match(self, kind: str, syllables: list[str], i: int) -> int | None:
        """End (exclusive) of the longest `kind` cue starting at syllable i, or None."""
        hit = self.tries[kind].longest(syllables, i)
        return hit[0] if hit else None

    def __getitem__(self, kind: str):
        return self.lists[kind]


def _expanded(words: list[str], lists: dict) -> list[str]:
    """Cues with `{name}` replaced by each entry of list `name` (`quốc gia {country_descriptors} này`); a cue
    that is only `{name}` stands for the whole list."""
    out = []
    for w in words:
        m = re.search(r"\{(\w+)\}", w)
        if m is None:
            out.append(w)
            continue
        out += _expanded([w[:m.start()] + x + w[m.end():] for x in lists[m.group(1)]], lists)
    return out


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = json.loads((gz.DATA / "event_cues.json").read_text(encoding="utf-8"))
    lists = {k: v for k, v in data.items() if not k.startswith("_")}
    for kind, words in lists.items():
        if isinstance(words, list):
            lists[kind] = _expanded(words, lists)
    tries = {}
    for kind, words in lists.items():
        if isinstance(words, list):
            trie = gz.Trie()
            for w in words:
                trie.add(tuple(w.lower().split()), True)  # syllables are matched lowercase
            tries[kind] = trie
    return Cues(lists, tries)


@dataclass
class Token:
    start: int
    end: int
    text: str
    tag: str  # VLSP POS tag; ACT for an actor mention, TRG for a trigger
    syl: tuple[int, int]  # the token's syllables [first, last) in the sentence
    actor: object = None  # the Mention
    trigger: int = -1  # index into the sentence's triggers
    pos: str = ""  # the POS tagger's tag, for actors and triggers too

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class Clause:
    first: int  # token index range [first, last)
    last: int
    kind: str  # main | embed | adjunct | coordinate | contrast | hard | fronted


@dataclass
class Parse:
    sentence: Sentence
    tokens: list[Token]
    syllables: list[str]  # lowercase syllables of the sentence
    triggers: list = field(default_factory=list)  # the sentence's (start, end, trigger), as given
    clauses: list[Clause] = field(default_factory=list)
    clause_at: list[int] = field(default_factory=list)  # clause index of each token
    countries_before: list = field(default_factory=list)  # countries the three sentences before named, latest last

    # --- cue tests on the syllables around a token -------------------------------------------------
    def cue_at(self, kind: str, syllable: int) -> int | None:
        return cues().match(kind, self.syllables, syllable)

    def text_between(self, a: int, b: int) -> str:
        """Lowercase syllables strictly between tokens a and b."""
        return " ".join(self.syllables[self.tokens[a].syl[1]:self.tokens[b].syl[0]])

    def clause_of(self, k: int) -> Clause:
        return self.clauses[self.clause_at[k]]


def parse(sentence: Sentence, actors: list, triggers: list[tuple[int, int, object]]) -> Parse:
    """Tokens and clauses of a sentence, given its actor mentions and triggers (char spans)."""
    syllables = sentence.syllables
    low = [s.text.lower() for s in syllables]
    index_of = {s.start: i for i, s in enumerate(syllables)}
    end_of = {s.end: i + 1 for i, s in enumerate(syllables)}
    spans = []  # (first syllable, last syllable, kind, payload)
    for m in actors:
        if m.start in index_of and m.end in end_of:
            spans.append((index_of[m.start], end_of[m.end], ACTOR, m))
    taken = [False] * len(syllables)
    for a, b, _, _ in spans:
        for i in range(a, b):
            taken[i] = True
    for k, (start, end, _trig) in enumerate(triggers):
        a, b = index_of.get(start), end_of.get(end)
        if a is not None and b is not None and not any(taken[a:b]):
            spans.append((a, b, TRIGGER, k))
            for i in range(a, b):
                taken[i] = True
    c = cues()
    for i in range(len(syllables)):
        stop = c.match("noun_compounds", low, i)
        if stop is not None and not any(taken[i:stop]):
            spans.append((i, stop, "N", None))  # one noun where the CRF would see a negation and a verb
            for j in range(i, stop):
                taken[j] = True
    span_at = {a: (a, b, kind, payload) for a, b, kind, payload in spans}
    # word groups of the segmentation CRF, cut at span edges
    word_of = [0] * len(syllables)
    for w_index, w in enumerate(sentence.words):
        for i in range(index_of.get(w.start, 0), end_of.get(w.end, 0)):
            word_of[i] = w_index
    tokens: list[Token] = []
    i = 0
    while i < len(syllables):
        if i in span_at:
            a, b, kind, payload = span_at[i]
            tokens.append(Token(syllables[a].start, syllables[b - 1].end, sentence.text[
                syllables[a].start - sentence.start:syllables[b - 1].end - sentence.start], kind, (a, b),
                actor=payload if kind == ACTOR else None, trigger=payload if kind == TRIGGER else -1))
            i = b
            continue
        j = i + 1
        while j < len(syllables) and not taken[j] and word_of[j] == word_of[i]:
            j += 1
        tokens.append(Token(syllables[i].start, syllables[j - 1].end, sentence.text[
            syllables[i].start - sentence.start:syllables[j - 1].end - sentence.start], "", (i, j)))
        i = j
    tags = pos_tags([t.text for t in tokens])
    for t, tag in zip(tokens, tags):
        t.pos = tag
        if not t.tag:
            t.tag = tag
    p = Parse(sentence, tokens, low, list(triggers))
    _clauses(p)
    return p


def _participial(p: Parse, comma: int) -> bool:
    """The sentence opens with a verb phrase up to its first comma, and a subject with its predicate
    follows (`Cáo buộc Arafat không trấn áp du kích, Thủ tướng Sharon …`, `Phát biểu tại Hà Nội, Tổng thống
    Obama kêu gọi …`): a fronted phrase whose subject is the main clause's."""
    toks = p.tokens
    first = next((k for k in range(comma) if toks[k].tag != "R"), comma)
    if first == comma or toks[first].tag not in ("V", TRIGGER) or comma + 1 >= len(toks):
        return False
    return _subject_at(p, comma + 1)


def _list_free_comma(toks: list[Token], start: int) -> int | None:
    """The first comma from token `start` on that is not inside a list of actors (`của Nga, Iran và …`)."""
    return next((k for k in range(start, len(toks)) if toks[k].text == "," and not (
        0 < k < len(toks) - 2 and toks[k - 1].tag == ACTOR and toks[k + 1].tag == ACTOR
        and (toks[k + 2].text == "," or toks[k + 2].tag == "Cc"))), None)


def _subject_at(p: Parse, k: int) -> bool:
    """A subject actor (after its titles) and its predicate start at token k: `Tổng thống Mỹ Joe Biden cam kết`."""
    toks = p.tokens
    while k < len(toks) and toks[k].tag in _NP_TAGS and toks[k].tag != ACTOR:
        k += 1  # `Thủ tướng`, `Tổng thống`
    if k >= len(toks) or toks[k].tag != ACTOR:
        return False
    while k + 1 < len(toks) and (toks[k + 1].tag == ACTOR or toks[k + 1].low in ("tại", "ở") and k + 2 < len(toks)
                                 and toks[k + 2].tag == ACTOR):
        k += 1  # `Nga Vladimir Putin`, `Đại sứ Mỹ tại Liên hợp quốc Nikki Haley`
    return k + 1 < len(toks) and toks[k + 1].tag in ("R", "V", TRIGGER)


def _time_phrase(p: Parse, comma: int) -> bool:
    """The tokens before the first comma only tell a time (`Vài ngày sau, …`, `Sáng 12/3, …`): nouns, numbers and
    adverbs around a time noun, no actor, trigger or verb."""
    toks = p.tokens[:comma]
    return 0 < len(toks) <= 6 and all(t.tag in ("N", "Nc", "Np", "L", "M", "A", "R", "Nu") for t in toks) and any(
        p.cue_at("time_nouns", t.syl[0]) is not None for t in toks)


def _time_lead(p: Parse, comma: int) -> int:
    """The first token after a span of time that opens the sentence (`Vài ngày sau cuộc hội đàm …, …`: 2), where
    a fronted cue follows it; else 0."""
    toks = p.tokens
    for k in range(1, min(comma, 4)):
        if toks[k - 1].tag not in ("M", "L", "N", "Nc", "Nu", "A") or p.cue_at("time_nouns", toks[k - 1].syl[0]) is None:
            continue
        if all(t.tag in ("M", "L", "N", "Nc", "Nu", "A") for t in toks[:k]) and p.cue_at("fronted", toks[k].syl[0]) is not None:
            return k
    return 0


def _clauses(p: Parse) -> None:
    """Split the tokens into clauses at the cue words (see the module docstring)."""
    c = cues()
    toks = p.tokens
    opens: list[tuple[int, str]] = [(0, "main")]
    # a fronted adverbial phrase (`Trong chuyến thăm Nga, …`): up to the first comma
    comma = _list_free_comma(toks, 0)
    framed = comma is not None and any(_cue_tokens(p, "main_openers", k) is not None for k in range(1, comma))
    lead = _time_lead(p, comma) if comma is not None else 0
    if toks and comma is not None and not framed and (
            p.cue_at("fronted", toks[lead].syl[0]) is not None or _participial(p, comma) or _time_phrase(p, comma)):
        opens = [(0, "fronted"), (comma + 1, "main")]  # (`Trong khi … thì …,`: `thì` opens the main clause)
        # a second fronted phrase before the subject: `Dưới áp lực …, trong cuộc điện đàm với …, Tổng thống …`
        nxt = _list_free_comma(toks, comma + 1)
        if nxt is not None and p.cue_at("fronted", toks[comma + 1].syl[0]) is not None and _subject_at(p, nxt + 1):
            opens = [(0, "fronted"), (comma + 1, "fronted"), (nxt + 1, "main")]
    speech_end = -1  # token index where the last speech verb ends
    for k, t in enumerate(toks):
        if k == 0:
            continue
        prev = toks[k - 1]
        after_speech = speech_end == k - 1
        if t.tag == ACTOR:
            if after_speech:
                opens.append((k, "embed"))  # `cho biết Moscow sẽ …`
            continue
        if t.text == "," and after_speech:
            speech_end = k  # `cho biết, …`: the complement follows the comma
            continue
        if prev.text == "," and (t.tag == TRIGGER or t.tag == "V") and not _cue_tokens(p, "speech", k):
            opens.append((k, "coordinate"))  # `…, chỉ trích chính sách của Đức`: the same subject goes on
            continue
        if t.text in c["hard_breaks"]:
            opens.append((k + 1, "embed" if t.text == ":" and after_speech else "hard"))
            continue
        comma_before = prev.text == ","
        if _cue_tokens(p, "main_openers", k) is not None and prev.tag != ACTOR and any(
                toks[j].tag in ("V", TRIGGER) for j in range(opens[-1][0], k)):
            # `Nếu …, thì …`, `Trong khi … ủng hộ … thì …`: the main clause after its frame (not the topic
            # marker of `Nga thì không có …`)
            opens.append((k, "main"))
            continue
        for kind in ("contrast", "adjunct", "embed", "coordinate"):
            if _cue_tokens(p, kind, k) is None:
                continue
            if (p.cue_at("target_prepositions", t.syl[0]) or 0) > p.cue_at(kind, t.syl[0]):
                continue  # `nhằm vào IS`: a preposition, not `nhằm` opening a purpose clause
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if kind == "coordinate" and not (nxt is not None and (
                    comma_before and nxt.tag != ACTOR or nxt.tag in (TRIGGER, "V")
                    and p.cue_at("title_prefixes", nxt.syl[0]) is None)):
                continue  # `Anh, Pháp và Đức`: a list, not a clause; `… và thăm Việt Nam` is one (`và tân Tổng
                #           thống …` is not: a title)
            if kind == "embed" and t.low == "là" and not after_speech:
                continue  # `là` is a copula unless it follows a speech verb
            if kind == "contrast" and t.low == "còn" and not comma_before:
                continue  # `còn` is also `still`
            if kind == "adjunct" and t.low in ("do", "vì") and not comma_before:
                continue  # `do Nga sản xuất`: the agent, not `because`
            opens.append((k, kind))
            break
        else:
            if after_speech and t.tag != "CH" and t.low not in ("thêm", "lại", "rõ", "tiếp"):
                opens.append((k, "embed"))  # `Nga cho biết sẽ đáp trả`: the complement of a speech verb
        end = _cue_tokens(p, "speech", k)
        if end is not None:
            speech_end = end
    # keep the last opening at each position, in order
    by_pos: dict[int, str] = {}
    for pos, kind in opens:
        if pos < len(toks):
            by_pos[pos] = kind if pos not in by_pos or kind != "main" else by_pos[pos]
    starts = sorted(by_pos)
    p.clauses = [Clause(s, (starts[n + 1] if n + 1 < len(starts) else len(toks)), by_pos[s])
                 for n, s in enumerate(starts)]
    p.clause_at = [0] * len(toks)
    for n, cl in enumerate(p.clauses):
        for k in range(cl.first, cl.last):
            p.clause_at[k] = n


def cue_ends_at(p: Parse, kind: str, k: int) -> int | None:
    """The first token of a `kind` cue that ends with token k and starts on a token boundary, or None."""
    end = p.tokens[k].syl[1]
    for j in range(k, max(-1, k - 4), -1):
        if p.cue_at(kind, p.tokens[j].syl[0]) == end:
            return j
    return None


def _cue_tokens(p: Parse, kind: str, k: int) -> int | None:
    """The last token of a `kind` cue that starts at token k and ends on a token boundary, or None."""
    stop = p.cue_at(kind, p.tokens[k].syl[0])
    if stop is None:
        return None
    return next((j for j in range(k, min(k + 5, len(p.tokens))) if p.tokens[j].syl[1] == stop), None)


# --- roles -------------------------------------------------------------------------------------------
_PREPOSITION_KINDS = ("agent_prepositions", "locative_prepositions", "target_prepositions", "other_prepositions")


def phrase_start(p: Parse, k: int) -> int:
    """The first token of the noun phrase that ends with actor token k (`Bộ trưởng Quốc phòng Nga`)."""
    j = k - 1
    clause = p.clauses[p.clause_at[k]] if p.clause_at else None
    first = clause.first if clause else 0
    opener = _cue_tokens(p, clause.kind, first) if clause and clause.kind in ("adjunct", "contrast") else None
    while j >= 0 and p.tokens[j].tag in _NP_TAGS and p.tokens[j].tag != TRIGGER and not _is_preposition(p, j):
        if clause and j == first and clause.kind != "main" or opener is not None and j <= opener:
            return j + 1  # `… kể từ | khi Triều Tiên …`, `trong bối cảnh | Mỹ …`: the clause's opener
        j -= 1
    return j + 1


def _is_preposition(p: Parse, j: int) -> bool:
    """Token j is a preposition whatever its tag (the tagger calls `giữa` a noun)."""
    t = p.tokens[j]
    return t.tag != ACTOR and any(p.cue_at(kind, t.syl[0]) == t.syl[1] for kind in _PREPOSITION_KINDS)


def _cue_ending_at(p: Parse, kind: str, syllable: int) -> str | None:
    """The `kind` cue that ends right before `syllable`, if any (the longest)."""
    for start in range(max(0, syllable - 5), syllable):
        if p.cue_at(kind, start) == syllable:
            return " ".join(p.syllables[start:syllable])
    return None


def is_modifier(p: Parse, k: int) -> bool:
    """The actor modifies a topic, place or object noun (`vấn đề Triều Tiên`, `biên giới Ấn Độ`)."""
    j = k
    while j > 0 and p.tokens[j - 1].tag == ACTOR and _same_actor(p.tokens[j - 1].actor, p.tokens[k].actor):
        j -= 1  # `Tổng thống Nga Vladimir Putin`: look before the whole name
    # the head must be whole words, and no trigger (`cảnh báo Jordan` is no `báo`, a newspaper)
    return j > 0 and p.tokens[j - 1].tag not in (TRIGGER, ACTOR) and cue_ends_at(p, "modifier_heads", j - 1) is not None


def preposition_before(p: Parse, k: int) -> tuple[str, str] | None:
    """(kind, word) of the preposition that introduces actor k's noun phrase (kinds: target, locative,
    agent, other), or None when the phrase stands bare: a subject or a direct object."""
    first = phrase_start(p, k)
    syllable = p.tokens[first].syl[0]
    for kind in _PREPOSITION_KINDS:
        word = _cue_ending_at(p, kind, syllable)
        if word:
            return kind.split("_")[0], word
    return None


def subject_like(p: Parse, k: int) -> bool:
    """Actor k can be the subject of a verb after it: a bare noun phrase, or the agent of `do`/`bởi`, or the
    possessor in a subject phrase (`lực lượng của Nga tấn công`); not in a prepositional phrase, not a
    modifier of a topic or place noun."""
    if is_modifier(p, k):
        return False
    if k > 0 and p.tokens[k - 1].low == "việc":
        return True  # `về việc | Vatican kêu gọi …`: `việc` opens a clause, its actor is that clause's subject
    prep = preposition_before(p, k)
    if prep is None:
        return True
    clause = p.clause_of(k)
    if clause.kind == "adjunct" and p.cue_at("adjunct", p.tokens[clause.first].syl[0]) == \
            p.tokens[phrase_start(p, k)].syl[0]:
        return True  # `…, vì Ukraine đã nộp đơn …`: the word that opens the clause is no preposition of its subject
    kind, word = prep
    if kind == "agent" and word not in ("của", "từ phía"):  # `từ phía` marks a noun's agent only
        nxt = k + 1
        while nxt < len(p.tokens) and p.tokens[nxt].tag == ACTOR:
            nxt += 1
        # `Tàu ngầm … do Đức sản xuất mất tích`: who made a thing describes it, and acts in no event
        return nxt >= len(p.tokens) or p.cue_at("made_by", p.tokens[nxt].syl[0]) is None
    if word == "của":  # the possessor of a subject phrase at the start of its clause
        first = phrase_start(p, k)
        j = first - 2  # before `của`
        clause = p.clause_of(k)
        while j >= clause.first and (p.tokens[j].tag in _NP_TAGS and (p.tokens[j].tag != ACTOR or (
                p.tokens[j].actor is not None and p.tokens[j].actor.entity_type == "LOC"))
                                     or p.tokens[j].low in ("này", "đó", "ấy", "kia", "tất cả", "thuộc")
                                     or p.tokens[j].tag == TRIGGER and j == clause.first
                                     or p.tokens[j].tag == "V" and _head_noun_before(p, j, clause.first)):
            # (`chuyến thăm Hiroshima của ông Obama gặp phải …`: a noun trigger heads the subject phrase;
            #  `Lực lượng gìn giữ hòa bình của LHQ`, `Nhóm tác chiến …`: a verb inside the head's compound)
            # `Động thái này của Mỹ`, `Một lữ đoàn pháo binh thuộc quân khu Tân Cương của Trung Quốc`
            j -= 1
        return j < clause.first
    return False


def _head_noun_before(p: Parse, j: int, first: int) -> bool:
    """Token j follows the head noun that opens its clause (after determiners and numbers)."""
    k = first
    while k < j and p.tokens[k].tag in ("L", "M"):
        k += 1
    return k == j - 1 and p.tokens[k].tag == "N"


def actor_units(p: Parse, lo: int, hi: int) -> list[int]:
    return [j for j in range(lo, hi) if p.tokens[j].tag == ACTOR]


def coordinated(p: Parse, k: int, lo: int = 0, hi: int | None = None, listing: bool = False) -> list[int]:
    """Actor token k and the actor tokens coordinated with it (`Mỹ, Hàn Quốc và Nhật Bản`, `Anh, Pháp,
    Đức`), within tokens [lo, hi), in text order. A person right after their country (`Nga Vladimir
    Putin`) is one actor with it. `listing`: k opens a list (`trong đó có Mỹ, EU tuyên bố`), which runs to its
    last member."""
    hi = len(p.tokens) if hi is None else hi
    units = actor_units(p, lo, hi)
    if k not in units:
        return [k]
    pos = units.index(k)
    group = [k]
    for step in (1, -1):
        n = pos
        while 0 <= n + step < len(units):
            a, b = sorted((units[n], units[n + step]))
            gap = p.syllables[p.tokens[a].syl[1]:p.tokens[b].syl[0]]
            listed = a >= 2 and p.tokens[a - 1].text == "," and p.tokens[a - 2].tag == ACTOR
            if gap == [","] and _opens_clause(p, b) and not listed and not listing:
                # `…ủng hộ Seoul, Triều Tiên sẽ trừng phạt …`: a new clause's subject, not a conjunct (but
                # `Anh, Pháp, Đức đã nhóm họp` is a list to its end)
                break
            if gap == ["với"] and preposition_before(p, a) == ("agent", "của"):
                break  # `các lệnh trừng phạt của Séc với Nga`: the possessor's act towards the other, no pair
            if not gap and _same_actor(p.tokens[a].actor, p.tokens[b].actor) or _coordination_gap(gap):
                group.append(units[n + step])
                n += step
            else:
                break
    return sorted(group)


def _opens_clause(p: Parse, k: int) -> bool:
    """Actor k (after a comma) is followed by a predicate, not by another conjunct: a clause's subject."""
    j = k + 1
    while j < len(p.tokens) and p.tokens[j].tag == ACTOR and _same_actor(p.tokens[j].actor, p.tokens[k].actor):
        j += 1  # `Triều Tiên Kim Jong-un`
    return j < len(p.tokens) and p.tokens[j].tag in ("R", "V", TRIGGER)


def _same_actor(a, b) -> bool:
    """A country and a person of it, or two names of one actor, side by side."""
    if a is None or b is None:
        return False
    codes_a = {a.entity_code, getattr(a, "country", None)} - {None}
    codes_b = {b.entity_code, getattr(b, "country", None)} - {None}
    return bool(codes_a & codes_b)


def _coordination_gap(syllables: list[str]) -> bool:
    """Only coordinators, fillers and titles between two actors (`, và các đồng minh`, `và Thủ tướng`),
    with at least one coordinator and at most one coordinating word (`và cùng với Nhật` is a new phrase)."""
    c = cues()
    titles = gz.titles()
    i, saw, words = 0, False, 0
    while i < len(syllables):
        stop = c.match("coordinators", syllables, i)
        if stop is not None:
            words += syllables[i] != ","
            if words > 1:
                return False
            saw, i = True, stop
            continue
        stop = c.match("coordination_fillers", syllables, i)
        if stop is None:
            hit = titles.longest(syllables, i)
            stop = hit[0] if hit else None
        if stop is None:
            return False
        i = stop
    return saw
