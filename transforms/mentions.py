"""Names: countries, international organizations and people, found and mapped to canonical ids.

Per sentence, on underthesea's syllables (its word grouping is unreliable at proper-noun edges:
`Triều | Tiên phóng`, `thăm Đức`):
  1. gazetteer aliases (case-sensitive, longest match) and titles (case-insensitive);
  2. capitalized runs left over are name candidates; a run is a person when a title or honorific
     precedes it (`Bộ trưởng Quốc phòng Nga Sergei Shoigu` -> person `Sergei Shoigu`, role
     `Bộ trưởng Quốc phòng`, country RUS), when the office-holder table knows it, when it is a
     Vietnamese-style name (surname first), or, for foreign-looking runs nothing else explains,
     when underthesea's CRF NER tags it PER (the only place NER runs).
Per article: persons are clustered (`Putin` -> `Vladimir Putin`; `Sergey`/`Sergei Ivanov`) and
given one canonical name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms import gazetteer as gz
from transforms.nlp import Sentence
from transforms.normalize import fold
from transforms.vietnamese import is_syllable

_LOCATIVE = {"tại", "ở", "đến", "tới", "từ", "sang", "về", "thủ", "thành", "bang", "thăm", "khỏi", "quanh", "gần"}
# nouns a seat of government names rather than acts through: `thỏa thuận Minsk`, `Hiệp ước Warsaw`
# (whole words: `khẳng định Washington`, `đề nghị Bắc Kinh` are verbs before the government)
_DOCUMENTS = {"thỏa thuận", "thoả thuận", "hiệp định", "hiệp ước", "công ước", "nghị định thư", "nghị định", "tuyên bố chung",
              "nghị quyết", "hội nghị", "khối", "hội đồng", "đồng thuận", "thượng đỉnh", "vận hội"}
_LANGUAGE = {"tiếng", "chữ", "giọng"}
_PLACE_WORDS = {"tp", "tp.", "phố", "đường", "quận", "tỉnh", "huyện", "sân", "cầu", "bang", "vùng", "đảo", "sông", "núi",
                "vịnh", "biển", "làng", "xã", "thị", "khu", "trại", "căn", "trường", "đại", "bệnh", "khách"}
_ORG_WORDS = {"hãng", "công", "tập", "báo", "tờ", "đài", "trường", "tổ", "nhóm", "phong", "đảng", "tạp", "tàu", "tên",
              "máy", "chiến", "dự", "chương", "kênh", "mạng", "hội", "quỹ", "viện", "ngân", "hiệp", "hệ", "chiếc",
              "siêu", "thương", "nhãn", "website", "trang"}
# capitalized only because they open a sentence
_SENTENCE_OPENERS = {"Các", "Những", "Theo", "Tại", "Ở", "Với", "Khi", "Sau", "Trong", "Về", "Từ", "Đây", "Đó", "Nhưng",
                     "Và", "Hôm", "Ngày", "Tháng", "Năm", "Phía", "Bên", "Người", "Lực", "Nếu", "Dù", "Trước", "Tuy",
                     "Cũng", "Còn", "Hiện", "Ngoài", "Do", "Vì", "Để", "Chính", "Hai", "Ba", "Một", "Cả", "Mặc", "Đến",
                     "Tới", "Trả", "Phát", "Bộ", "Ông", "Bà", "Giới", "Quân", "Lãnh", "Nhà", "Sáng", "Chiều", "Tối"}
_ENGLISH_ORG_WORDS = {"Front", "Party", "Group", "Army", "Force", "Forces", "Bank", "Company", "Corp", "Inc", "Ltd", "News",
                      "Times", "Post", "Journal", "Agency", "Council", "Union", "University", "Institute", "Foundation",
                      "Airlines", "Air", "Energy", "Oil", "Motors", "Systems", "Network", "Media", "Press", "Club",
                      "Association", "Committee", "Brigade", "Movement", "Organization", "Fund", "Capital", "Holdings"}
# first words of foreign place names, which the NER's LOC tag is then believed on
_PLACE_PREFIXES = {"San", "Santa", "Los", "Las", "New", "Buenos", "Rio", "Sri", "Saint", "St.", "Port", "Fort", "Mount",
                   "Lake", "Cape", "Costa", "Puerto", "Hong", "Kuala", "Abu", "Al", "El", "Tel", "West", "East", "North",
                   "South", "Gulf", "Bay", "Sierra", "Nova", "Nizhny", "Saudi"}
_ATTRIBUTION = {"theo", "nguồn", "ảnh", "dẫn", "hãng", "báo", "tờ", "đài", "kênh", "trang"}


@dataclass
class Mention:
    sentence_index: int
    start: int
    end: int
    surface: str
    entity_type: str  # PER | GPE | IGO | ORG | LOC
    entity_code: str | None
    canonical_name: str | None
    role: str | None = None  # title preceding a person (`Bộ trưởng Quốc phòng`)
    country: str | None = None  # a person's country, where the text or the office table gives it
    confidence: float = 0.9
    method: str = "gazetteer"
    org: str | None = None  # a person holding an office of an international organization acts for it (`UN`)


def _capitalized(token: str) -> bool:
    return token[:1].isupper()


# lowercase particles that stand inside a foreign name, between capitalized parts (not those that are also
# Vietnamese words: `la`, `da`, `di`, `du`, `le`)
_INNER_PARTICLES = gz.FOREIGN_NAME_PARTICLES - {"la", "le", "da", "di", "du"}


def _name_like(token: str) -> bool:
    if _capitalized(token) or gz.is_roman_or_suffix(token):
        return True
    head = re.split(r"[-’']", token)[0].lower()
    return head in gz.FOREIGN_NAME_PARTICLES and len(token) > len(head) + 1  # `al-Zarqawi`


def _foreign(token: str) -> bool:
    return any(not is_syllable(part) for part in re.split(r"[-’'.]", token) if part)


@dataclass
class _Span:
    start: int  # syllable indexes [start, end)
    end: int
    kind: str  # alias | title | portfolio | run
    value: object = None


def _scan(sentence: Sentence) -> list[_Span]:
    """Aliases, titles and portfolio words over the sentence's syllables, left to right, longest first."""
    texts = [s.text for s in sentence.syllables]
    lower = [t.lower() for t in texts]
    aliases, titles, portfolios = gz.aliases(), gz.titles(), gz.portfolios()
    spans: list[_Span] = []
    i = 0
    while i < len(texts):
        alias = aliases.longest(texts, i)
        title = titles.longest(lower, i)
        after_title = spans and spans[-1].kind in ("title", "portfolio") and spans[-1].end == i
        portfolio = portfolios.longest(lower, i) if after_title else None
        best = max((m for m in ((alias, "alias"), (title, "title"), (portfolio, "portfolio")) if m[0]),
                   key=lambda m: (m[0][0], m[1] == "alias"), default=None)
        if best and best[1] == "title" and not _title_ok(texts, i, best[0][0]):
            best = (alias, "alias") if alias else None
        if best:
            (end, value), kind = best
            spans.append(_Span(i, end, kind, value))
            i = end
        else:
            i += 1
    return spans


def _title_ok(texts: list[str], start: int, end: int) -> bool:
    """`ông`/`bà` are honorifics only before a capitalized name (`ông Putin`, not `ông bà`)."""
    word = " ".join(texts[start:end]).lower()
    if word in ("ông", "bà", "ngài", "vua", "tướng", "trưởng", "bộ trưởng", "lãnh đạo", "thủ lĩnh", "chủ tịch", "cố vấn"):
        return end < len(texts) and _capitalized(texts[end])
    return True


_FUNCTION_WORDS = {"từ", "tại", "ở", "với", "cho", "của", "và", "đến", "tới", "sang", "về", "như", "là"}


def _alias_ok(sentence: Sentence, span: _Span, spans_at: dict[int, _Span]) -> tuple[bool, str]:
    """Guards for an alias match; returns (keep, type) where type may turn a seat into a place (LOC)."""
    alias: gz.Alias = span.value
    syl = sentence.syllables
    texts = [s.text for s in syl]
    prev = texts[span.start - 1] if span.start > 0 else None
    nxt = texts[span.end] if span.end < len(texts) else None
    nxt_known = span.end in spans_at
    prev_known = (span.start - 1) in spans_at or any(s.end == span.start for s in spans_at.values())
    # a capitalized Vietnamese syllable glued on either side makes it part of another name
    # (`Nguyễn Thị Nga`, `Lê Hồng Anh`, `Đức Giáo hoàng`, `Mỹ Tho`, `Washington Post`)
    right_glued = nxt and _capitalized(nxt) and not nxt_known and (alias.ambiguous and is_syllable(nxt) or alias.use == "seat")
    single = span.end - span.start == 1
    # (a sentence-initial capital is orthography, unless it is a surname: `Trần Nga/VOV`)
    left_glued = prev and _capitalized(prev) and not prev_known \
        and (span.start - 1 > 0 or prev in gz.VIETNAMESE_SURNAMES) \
        and (alias.ambiguous or (single and not is_syllable(prev) and not alias.text.isupper())) \
        and prev.lower() not in ("ông", "bà")  # (an acronym stands apart: `người Kurd YPG`)
    if right_glued or left_glued:
        return False, alias.type
    if alias.ambiguous and single and nxt and nxt[:1].islower() and f"{alias.text} {nxt}".lower() in gz.words():
        return False, alias.type  # `Pháp luật`, `Nhật báo`, `Đức tin`: a word of the dictionary, not the country
    before_prev = texts[span.start - 2].lower() if span.start > 1 else ""
    if alias.ambiguous and single and prev and prev[:1].islower() and prev not in _FUNCTION_WORDS \
            and f"{prev} {alias.text}".lower() in gz.words() and f"{before_prev} {prev}" not in gz.words():
        # `quyền Anh` (boxing): the word the syllable before opens (not `lãnh đạo Đức`, `từ Pháp`)
        return False, alias.type
    if alias.type == "GPE" and (prev and prev.lower() in _LANGUAGE or nxt == "ngữ"):
        return False, alias.type  # `tiếng Anh`, `Anh ngữ`: the language
    listed = nxt in (",", "và") and any(sp.start == span.end + 1 and sp.kind == "alias" and sp.value.type == "GPE"
                                        for sp in spans_at.values())
    if alias.ambiguous and span.start == 0 and alias.text in ("Anh", "Ý", "Áo", "Úc") and not listed:
        # (`Anh, Ireland và Romania`: the first of a list of countries is one)
        pos = sentence.pos()
        word_index = next((k for k, w in enumerate(sentence.words) if w.start == syl[span.start].start), None)
        if word_index is None or pos[word_index] != "Np":
            return False, alias.type  # `Anh cho biết`: the pronoun
    low = [t.lower() for t in texts[max(0, span.start - 5):span.start]]
    named = any(" ".join(low[i:j]) in _DOCUMENTS for j in range(max(0, len(low) - 3), len(low) + 1)
                for i in range(max(0, j - 3), j))
    if alias.use == "seat" and prev and (prev.lower() in _LOCATIVE or named):
        return True, "LOC"  # `tại Washington`: the place, not the government; `thỏa thuận (hòa bình) Minsk`: its name
    return True, alias.type


def _runs(sentence: Sentence, covered: list[bool]) -> list[tuple[int, int]]:
    """Maximal sequences of name-like syllables not covered by an alias or title."""
    texts = [s.text for s in sentence.syllables]
    runs, i = [], 0
    while i < len(texts):
        if covered[i] or not _name_like(texts[i]) or not re.search(r"\w", texts[i]):
            i += 1
            continue
        j = i
        while j < len(texts) and not covered[j] and re.search(r"\w", texts[j]) and (
                _name_like(texts[j]) or j > i and texts[j] in _INNER_PARTICLES and j + 1 < len(texts)
                and _capitalized(texts[j + 1])):  # `Osama bin Laden`, `Vincent van Gogh`
            if j > i and sentence.syllables[j].start - sentence.syllables[j - 1].end > 1:
                break  # a gap wider than one space ends the run
            j += 1
        # a bare lowercase particle cannot end a name (`de`, `al`; `al-Sherif` can)
        while j > i and texts[j - 1].lower() in gz.FOREIGN_NAME_PARTICLES:
            j -= 1
        # sentence-initial capital is orthography: drop a common first word (`Theo AP`, `Sau khi`)
        if i == 0 or texts[i - 1] in ("“", '"', "(", "-", "–", "'", ":"):
            if texts[i] in _SENTENCE_OPENERS or (
                    j - i == 1 and is_syllable(texts[i]) and texts[i] not in gz.VIETNAMESE_SURNAMES):
                i += 1
                continue
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _title_before(spans: list[_Span], run_start: int, texts: list[str]) -> tuple[str | None, str | None, str | None]:
    """(title text, office, country code) when a title chain ends right before the run."""
    country = None
    parts: list[str] = []
    k = run_start
    for span in reversed([s for s in spans if s.end <= run_start]):
        if span.end != k:
            break
        if span.kind == "alias":
            alias: gz.Alias = span.value
            if alias.type == "GPE" and country is None:
                country = alias.code
            elif alias.type not in ("GPE", "IGO"):
                break
            k = span.start
            continue
        if span.kind == "portfolio":
            parts.insert(0, " ".join(texts[span.start:span.end]))
            k = span.start
            continue
        if span.kind == "title":
            title, office = span.value
            parts.insert(0, " ".join(texts[span.start:span.end]))
            return " ".join(parts), office, country
        break
    return None, None, None


_PLACE_CONTEXT = _LOCATIVE | _PLACE_WORDS | {"trấn", "đô", "phủ", "miền", "khu", "hạt", "vực"}


def _place(texts: list[str], a: int, b: int) -> tuple[int, str] | None:
    """(syllables, ISO3) of the place name that is the whole capitalized run texts[a:b] (places.tsv); not a
    prefix of a longer unknown name (`thị trấn Ahmad Wal` is not Kuwait's Ahmad)."""
    code = gz.places().get(" ".join(texts[a:b]))
    return (b - a, code) if code else None


def _run_context(texts: list[str], start: int) -> str | None:
    return texts[start - 1].lower() if start > 0 else None


def sentence_mentions(sentence: Sentence) -> list[Mention]:
    """Mentions of one sentence; persons still carry their surface form as canonical name."""
    syl = sentence.syllables
    if not syl:
        return []
    texts = [s.text for s in syl]
    spans = _scan(sentence)
    spans_at = {s.start: s for s in spans}
    covered = [False] * len(syl)
    out: list[Mention] = []

    def span_text(a: int, b: int) -> tuple[int, int, str]:
        start, end = syl[a].start, syl[b - 1].end
        return start, end, sentence.text[start - sentence.start: end - sentence.start]

    vessels: dict[int, int] = {}  # end of a ship prefix's mention -> its index in `out`
    for span in spans:
        if span.kind == "alias":
            keep, kind = _alias_ok(sentence, span, spans_at)
            if not keep:
                continue
            alias: gz.Alias = span.value
            start, end, surface = span_text(span.start, span.end)
            if alias.use == "vessel":  # `USS`: the ship's name after it joins the mention (below)
                vessels[end] = len(out)
            out.append(Mention(sentence.index, start, end, surface, kind, alias.code, alias.canonical,
                               confidence=0.8 if alias.ambiguous else 0.95))
        for k in range(span.start, span.end):
            covered[k] = True

    for a, b in _runs(sentence, covered):
        if a > 0 and syl[a - 1].end in vessels:  # `USS Carl Vinson`: the ship's name, no person; the ship is the state's
            i = vessels.pop(syl[a - 1].end)
            start, end, surface = span_text(a, b)
            out[i] = replace(out[i], end=end, surface=sentence.text[out[i].start - sentence.start:end - sentence.start])
            continue
        title, office, country = _title_before(spans, a, texts)
        start, end, surface = span_text(a, b)
        method = None
        run = texts[a:b]
        context = _run_context(texts, a)
        if context == ":" and a >= 2:
            context = texts[a - 2].lower()  # `Nguồn: Around World Journal`
        place = _place(texts, a, b) if context in _PLACE_CONTEXT else None
        if place:  # `tại Raqqa`, `thị trấn Avdiivka`: a place of a known country, not a person
            n, code = place
            start, end, surface = span_text(a, a + n)
            out.append(Mention(sentence.index, start, end, surface, "LOC", code, surface, confidence=0.8,
                               method="place"))
            continue
        known = fold(surface) in gz.people()  # `Tập Cận Bình` though `tập` often opens `tập đoàn`
        if any(any(c.isdigit() for c in t) or (t.isupper() and len(t) > 1) for t in run) \
                or run[0].lower() in _ORG_WORDS | _PLACE_WORDS and not known \
                or (b < len(texts) and texts[b][:1].isdigit()) or context in _ATTRIBUTION:
            continue  # `NMD`, `S-300`, `Type 209`, `theo Reuters`: not people
        vietnamese_only = not any(_foreign(t) for t in run)
        if title is not None and (not vietnamese_only or run[0] in gz.VIETNAMESE_SURNAMES or known):
            method = "title"  # not `tham mưu trưởng Liên quân`: a Vietnamese run after a title starts with a surname
        elif known:
            method = "office_table"
        elif texts[a] in gz.VIETNAMESE_SURNAMES and 2 <= b - a <= 4 and not any(_foreign(t) for t in run) \
                and context not in _PLACE_WORDS:
            method = "vietnamese_name"
        elif any(_foreign(t) for t in run) and context not in _PLACE_WORDS | _ORG_WORDS | _LOCATIVE:
            all_foreign = all(_foreign(t) or t.split("-")[0].lower() in gz.FOREIGN_NAME_PARTICLES for t in run)
            if b - a >= 2 and all_foreign and not _ENGLISH_ORG_WORDS & set(run) and run[0] not in _PLACE_PREFIXES:
                method = "name_shape"  # `Edward Snowden`, `Moqtada al-Sadr`: every part a foreign name part
            elif b - a >= 2:
                # mixed runs (`Kim Jong-un`, `Tim Ryan`) are what the CRF NER is worth running for
                tags = _ner_tags(sentence, syl[a].start, syl[b - 1].end)
                if "PER" in tags:
                    method = "ner"
                elif tags <= {"O"}:
                    out.append(Mention(sentence.index, start, end, surface, "PER?", None, surface, confidence=0.3,
                                       method="candidate"))
                    continue
            else:
                out.append(Mention(sentence.index, start, end, surface, "PER?", None, surface, confidence=0.3,
                                   method="candidate"))  # a person only if coreference confirms it
                continue
        if method:
            out.append(Mention(sentence.index, start, end, surface, "PER", None, surface, role=title,
                               country=country, confidence={"title": 0.9, "office_table": 0.9,
                                                            "vietnamese_name": 0.7, "ner": 0.6, "name_shape": 0.5}[method],
                               method=method))
    return sorted(out, key=lambda m: m.start)


def _ner_tags(sentence: Sentence, start: int, end: int) -> set[str]:
    tags = set()
    for word, tag in zip(sentence.words, sentence.ner()):
        if word.end > start and word.start < end:
            tags.add(tag.split("-")[-1])
    return tags


# --- canonicalization --------------------------------------------------------------------------
_KEY_RULES = [(re.compile(p), r) for p, r in [
    (r"ey\b", "ei"), (r"yi", "i"), (r"y", "i"), (r"kh", "h"), (r"ck", "k"), (r"ph", "f"), (r"w", "v"),
    (r"(.)\1+", r"\1"), (r"[^a-z ]", ""),
]]


def name_key(name: str) -> str:
    """Spelling-insensitive key: `Sergey Ivanov` and `Sergei Ivanov`, `Yanukovych` and `Yanukovich` agree."""
    key = fold(name)
    for pattern, repl in _KEY_RULES:
        key = pattern.sub(repl, key)
    return " ".join(key.split())


def _office_holder(name: str) -> gz.Person | None:
    """The office holder this name denotes, when the table knows exactly one person by it."""
    found = gz.people().get(fold(name), [])
    names = {p.name for p in found}
    if len(names) == 1:
        return found[0]
    return None


def resolve_people(mentions: list[Mention]) -> list[Mention]:
    """Cluster person mentions of one article and give each cluster one canonical name and country."""
    persons = [m for m in mentions if m.entity_type == "PER"]
    clusters: list[dict] = []  # {'key', 'names', 'members', 'country'}

    def find_full(key: str):
        return next((c for c in clusters if c["key"] == key), None)

    # full names (two or more parts) first, in text order
    for m in sorted(persons, key=lambda m: (-len(m.surface.split()), m.start)):
        parts = name_key(m.surface).split()
        if len(parts) >= 2:
            cluster = find_full(" ".join(parts))
            if cluster is None:
                cluster = {"key": " ".join(parts), "names": [], "members": [], "country": None}
                clusters.append(cluster)
            cluster["names"].append(m.surface)
            cluster["members"].append(m)
    # short forms join the cluster whose last (or, for East Asian names, first) part they are
    for m in persons + [m for m in mentions if m.entity_type == "PER?"]:
        if any(m in c["members"] for c in clusters):
            continue
        key = name_key(m.surface)
        parts = key.split()
        candidates = [c for c in clusters if c["key"].split()[-1:] == parts[-1:] or
                      (len(parts) == 1 and c["key"].split()[:1] == parts)] if parts else []
        if candidates:
            nearest = min(candidates, key=lambda c: min(abs(x.start - m.start) for x in c["members"]))
            nearest["members"].append(m)
            nearest["names"].append(m.surface)
        elif m.entity_type == "PER":
            clusters.append({"key": key, "names": [m.surface], "members": [m], "country": None})
    resolved: dict[int, tuple[str, str | None, str | None]] = {}
    for c in clusters:
        # the table is asked with the fullest name seen: `Kim Kye-gwan` is not `Kim` Jong-un
        fullest = max(c["names"], key=lambda n: (len(n.split()), -c["names"].index(n)))
        holder = _office_holder(fullest)
        canonical = holder.name if holder else max(c["names"], key=lambda n: (len(n.split()), -c["names"].index(n)))
        country = next((m.country for m in c["members"] if m.country), None) or (holder.country if holder else None)
        orgs = {p.org for p in gz.people().get(fold(holder.name), []) if p.org} if holder else set()
        # an IGO head acts for the IGO, unless the text gives the person a country's title
        # (`Thứ trưởng Ngoại giao Mỹ Robert Zoellick`, years before he led the World Bank)
        titled = any(m.country for m in c["members"])
        org = next(iter(orgs)) if len(orgs) == 1 and not titled else None
        for m in c["members"]:
            resolved[id(m)] = (canonical, country, org)
    out = []
    for m in mentions:
        if m.entity_type in ("PER", "PER?"):
            if id(m) not in resolved:
                continue  # an unconfirmed candidate
            canonical, country, org = resolved[id(m)]
            method = m.method if m.entity_type == "PER" else "coreference"
            m = replace(m, entity_type="PER", canonical_name=canonical, country=country, org=org,
                        entity_code=country, method=method, confidence=max(m.confidence, 0.6))
        out.append(m)
    return out


NAME_ROLES = frozenset({"title", "lead", "body", "heading", "caption"})  # not bylines or related-article lists


def article_mentions(sentences: list[Sentence], roles: frozenset[str] = NAME_ROLES) -> list[Mention]:
    """All mentions of an article, persons canonicalized across its sentences."""
    found: list[Mention] = []
    for s in sentences:
        if s.role in roles:
            found.extend(sentence_mentions(s))
    return resolve_people(found)
