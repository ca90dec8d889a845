"""Article structure: title, lead, body paragraphs, section heads, captions, byline, related lists.

Input is normalized text (or HTML blocks); output is a list of segments in reading order, each one
line of the article's clean `text`, plus what was kept apart (header fields, related-article lists,
image file names). Handles the glue real scraped news shows: `…của NgaĐây được…` (headline glued to
body), `…tương laiNhiều nước…` (section head glued to a paragraph), `1972.Chính quyền` (missing
space after a full stop), bylines `Minh Châu (theo AP, NBC, 29/5)` glued to the last sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import json
from functools import lru_cache

from transforms.gazetteer import DATA
from transforms.html_text import Block
from transforms.vietnamese import LETTER, LOWER, UPPER, is_syllable

@dataclass
class Segment:
    role: str
    text: str


@dataclass
class Byline:
    text: str
    author: str | None
    agencies: list[str]
    date_text: str | None  # `29/5` in `(theo AP, NBC, 29/5)`


@dataclass
class Structure:
    segments: list[Segment]
    header: dict[str, str] = field(default_factory=dict)  # `# date = 20201001` lines, HTML date lines
    related: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    byline: Byline | None = None

    def text_of(self, *roles: str) -> list[str]:
        return [s.text for s in self.segments if s.role in roles]

    @property
    def title(self) -> str | None:
        titles = self.text_of("title")
        return titles[0] if titles else None


_HEADER_LINE = re.compile(r"^#\s*([\w-]+)\s*[=:]\s*(.*)$")
# Patterns that start with a run (`\S+`, `\s*`, `[A-Z…]*`) only start where the run starts (a lookbehind):
# leftmost matching finds the same matches, and a long run is scanned once, not once per position in it.
_IMAGE_EXT = r"\.(?:jpe?g|png|gif|bmp|webp|tiff?)"
_IMAGE_NAME = re.compile(rf"(?<!\S)\S+{_IMAGE_EXT}\b", re.IGNORECASE)
_IMAGE_LINE = re.compile(rf"^\S+{_IMAGE_EXT}(?:\s+\S+{_IMAGE_EXT})*$", re.IGNORECASE)
# leftovers of broken markup inside text: ` src="http://…/x.JPG">`, `Battery." src=…>`
_MARKUP_DEBRIS = re.compile(r"""(?<!\s)\s*+(?:"\s*)?\b(?:src|href|alt|width|height)\s*=\s*["'][^"']*["']\s*/?>?""", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://\S+")
_RELATED_DATE_END = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\s*$")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a references heading inside a line, a `(Xem tiếp …)` pointer) from data/structure_cues.json."""
    cues = json.loads((DATA / "structure_cues.json").read_text(encoding="utf-8"))
    heads = "|".join(re.escape(h) for h in sorted(cues["references"], key=len, reverse=True))
    nexts = "|".join(re.escape(h) for h in cues["continued"])
    # a heading starts a line or follows a sentence end (`…ảo vọng./. Tài liệu tham khảo và trích dẫn: [1] …`)
    return (re.compile(rf"(?:^|(?<=[.!?…”\"*/)\]])\s+)(?:\*+\s*)?(?:{heads})\b\s*:?"),
            re.compile(rf"\(\s*(?:{nexts})\b[^()]*\)"))


def _split_references(text: str) -> tuple[str, list[str], bool]:
    """The line without a references list or a `(Xem tiếp …)` pointer, what was cut off, and whether a
    references list began (the lines after it belong to it)."""
    references, pointer = _cue_patterns()
    kept = [m.group(0).strip("() ") for m in pointer.finditer(text)]
    text = pointer.sub("", text)
    m = references.search(text)
    if m:
        kept.append(text[m.start():].strip(" *"))
        text = text[:m.start()]
    return text.rstrip(" *"), kept, m is not None
# a full stop with no space before the next sentence: `1972.Chính`, `thời.S-300`, `ABM”.Kế`
_GLUED_STOP = re.compile(rf"(?<=[{LOWER}0-9”\")’])([.!?…]+)(?=[{UPPER}][{LETTER}\-0-9])")
# a lowercase letter directly followed by a capitalized word: `NgaĐây`, `laiNhiều`
_GLUE = re.compile(rf"(?<=[{LOWER}])(?=[{UPPER}][{LOWER}])")
_WORD_BEFORE = re.compile(rf"(?<![{LETTER}])[{LETTER}]+$")
_WORD_AFTER = re.compile(rf"[{LETTER}]+")
_SYLLABLE_MAX = 12  # letters: a longer run is no syllable, so glue checks look no further
_SENTENCE_END = re.compile(r"[.!?…:;][”\"’)]*\s*$")
_CREDIT_START = re.compile(r"(?:\(|(?<![\s(]))\s*+(?:Ảnh|Nguồn ảnh|Nguồn|Photo|Video|Clip)\s*:\s*")
_CREDIT_TOKEN = re.compile(r"[^\s)]+")
# `Minh Châu (theo AP, 29/5)`: the parenthesis is found first, then up to four capitalized words right
# before it (within 200 characters). One pattern with the author in front backtracks catastrophically on
# a run of capitals (`DDDD…`: every split of the run into four words is tried at every position).
_BYLINE = re.compile(r"\(\s*(?:[Tt]heo|[Nn]guồn|[Tt]ổng hợp từ)\s+(?P<sources>[^()\n]{1,80})\)\s*\.?")
_BYLINE_AUTHOR = re.compile(rf"(?:[{UPPER}][{LETTER}.]*+\s*+){{1,4}}+$")
_AUTHOR_WINDOW = 200
_BYLINE_PLAIN = re.compile(rf"^(?:[Tt]heo|[Nn]guồn)\s*:?\s+(?P<sources>[{UPPER}][^.\n]{{0,60}})\.?$")
# `Theo AP, Reuters.`, `Theo Thanh Niên`: a credit line names sources in a few words (at most 4 in the corpus);
# a longer one is a sentence (`Theo Mỹ cáo buộc, Iran đã cung cấp vũ khí cho Houthi.`)
_PLAIN_SOURCES_MAX_WORDS = 6
_SHORT_DATE = re.compile(r"^\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?$")


def _is_glue(text: str, pos: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, pos - _SYLLABLE_MAX - 1), pos)
    after = _WORD_AFTER.match(text, pos, pos + _SYLLABLE_MAX + 1)
    return bool(before and after and is_syllable(before.group(0)) and is_syllable(after.group(0)))


def glue_points(text: str) -> list[int]:
    """Offsets where a capitalized Vietnamese word is glued to the previous one (`Nga|Đây`)."""
    return [m.start() for m in _GLUE.finditer(text) if _is_glue(text, m.start())]


def _words(text: str) -> int:
    return len(text.split())


def split_glued_line(line: str) -> list[Segment]:
    """Split a line at glue points; a short unpunctuated run before a glue is a section head."""
    line = _GLUED_STOP.sub(r"\1 ", line)
    points = glue_points(line)
    if not points:
        return [Segment("body", line)]
    out: list[Segment] = []
    start = 0
    for pos in points:
        chunk = line[start:pos]
        # the head starts after the last sentence end in the chunk
        last_end = max((m.end() for m in re.finditer(r"[.!?…”\"]\s+", chunk)), default=0)
        head = chunk[last_end:].strip()
        if 0 < _words(head) <= 12 and not _SENTENCE_END.search(head):
            if chunk[:last_end].strip():
                out.append(Segment("body", chunk[:last_end].strip()))
            out.append(Segment("heading", head))
        else:
            out.append(Segment("body", chunk.strip()))
        start = pos
    out.append(Segment("body", line[start:].strip()))
    return [s for s in out if s.text]


@lru_cache(maxsize=1)
def _lowercase_syllables() -> frozenset[str]:
    """Syllables news writes in lowercase inside a sentence, and pairs of them that names capitalize
    (data/lowercase_syllables.txt, built from the bulk articles by build_lowercase.py)."""
    lines = (DATA / "lowercase_syllables.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


_TOKEN = re.compile(r"\S+")
_PLAIN_END = re.compile(rf"[{LETTER}0-9”\")?!]$")
_OPENING_WORD = re.compile(rf"[\"“‘]*([{UPPER}][{LOWER}]*)(?![{LETTER}])")
_NEXT_WORD = re.compile(rf"[\"“‘(]*([{LOWER}0-9][{LETTER}]*)")  # a name runs on in capitals: `làng Tha Ta Fung`
_DATELINE = re.compile(rf"\([{UPPER}]{{2,8}}\)\s*[-–]")  # `(NLĐ)- Ngày 21-4, …`: an outlet's dateline


def sentence_starts(line: str) -> list[int]:
    """Offsets of a sentence that lost its full stop, after a plain word: a syllable written lowercase inside
    a sentence, here capitalized (`… biên giới với Mỹ Hôm 21-12, Mexico tuyên bố …`, `… tới nay Trong một ca
    giải phẫu …`) before a lowercase word or a number, unless with the next syllable it begins a name (`Thứ
    trưởng`) or a capitalized word follows them (`Hội đồng Quan hệ Đối ngoại`); after a capitalized word only
    before a number (`Mỹ Hôm 21-12`: a name runs on in capitals, `Đá Ba Đầu`); or an outlet's dateline.
    Names and titles (`Trung Quốc`, `Thủ tướng`) are capitalized inside a sentence too, and are not listed."""
    lowercase = _lowercase_syllables()
    out, prev = [], None
    toks = list(_TOKEN.finditer(line))
    for i, m in enumerate(toks):
        tok = m.group(0)
        if prev and _PLAIN_END.search(prev):
            word = _OPENING_WORD.match(tok)
            nxt = _NEXT_WORD.match(toks[i + 1].group(0)) if i + 1 < len(toks) else None
            after = toks[i + 2].group(0) if i + 2 < len(toks) and _PLAIN_END.search(toks[i + 1].group(0)) else ""
            if word and nxt and word.group(1).lower() in lowercase and is_syllable(word.group(1)) \
                    and f"{word.group(1).lower()} {nxt.group(1).lower()}" not in lowercase \
                    and not after[:1].isupper() and (prev[0].islower() or prev[0].isdigit() or nxt.group(1)[0].isdigit()):
                out.append(m.start())
            elif _DATELINE.match(line, m.start()):
                out.append(m.start())
        prev = tok
    return out


def _split_title(first: str) -> tuple[str | None, str]:
    """The headline of a first line, and the rest when the body was glued to it."""
    first = first.strip()
    words = _words(first)
    # a headline may end in `?` or `!`, not in a full stop
    if words <= 40 and not re.search(r"(?<!\.)[.;:]\s*$", first) and len(first) < 300:
        return first, ""
    for pos in glue_points(first):
        head = first[:pos]
        if 3 <= _words(head) <= 35 and not re.search(r"[.!?…]\s", head):
            return head.strip(), first[pos:].strip()
    for pos in sentence_starts(first[:400]):  # `Mexico: Phản đối … với Mỹ Hôm 21-12, Mexico tuyên bố …`
        head = first[:pos]
        if 2 <= _words(head) <= 35 and not re.search(r"[.!…]\s", head):
            return head.strip(), first[pos:].strip()
    return None, first


def _split_caption(rest: str) -> tuple[str | None, str]:
    """A photo caption between a glued headline and the lead, itself glued to the lead: a run of words before
    a lost sentence start, with no full stop (`Nông dân Palestine biểu tình … ở Dải Gaza Báo Mỹ …`)."""
    first_stop = re.search(r"[.!?…]\s", rest)
    for pos in sentence_starts(rest[:first_stop.start() if first_stop else 400]):
        if 3 <= _words(rest[:pos]) <= 35:
            return rest[:pos].strip(), rest[pos:].strip()
    return None, rest


def _split_byline(text: str) -> tuple[str, Byline | None, str]:
    """(before, byline, after) for the last `Tên (theo AP, 29/5)` in a line, else (text, None, '')."""
    matches = list(_BYLINE.finditer(text))
    if not matches:
        plain = _BYLINE_PLAIN.match(text.strip())
        if plain and len(plain.group("sources").split()) <= _PLAIN_SOURCES_MAX_WORDS:
            return "", _byline(text.strip(), None, plain.group("sources")), ""
        return text, None, ""
    m = matches[-1]
    lo = max(matches[-2].end() if len(matches) > 1 else 0, m.start() - _AUTHOR_WINDOW)
    named = _BYLINE_AUTHOR.search(text, lo, m.start())
    start = named.start() if named else m.start()
    author = named.group(0).strip() if named else None
    before = text[:start].rstrip()
    # an author belongs to the byline only if it starts a sentence: `…nhận xét. Minh Châu (theo AP)`
    if author and before and not re.search(r"[.!?…”\"]$", before):
        author = None
        before = text[: m.start("sources") - 1].rstrip()
        before = before[: before.rfind("(")].rstrip() if "(" in before else before
    return before, _byline(text[start:m.end()].strip(), author, m.group("sources")), text[m.end():].strip()


def _byline(text: str, author: str | None, sources: str) -> Byline:
    parts = [p.strip(" .") for p in re.split(r"[,;]|\bvà\b", sources) if p.strip(" .")]
    date = parts.pop() if parts and _SHORT_DATE.match(parts[-1]) else None
    return Byline(text=" ".join(text.split()), author=author, agencies=parts, date_text=date)


def _credit_end(line: str, start: int, parenthesized: bool = False) -> int:
    """End of a photo credit starting at `start` (after `Ảnh:`): agency names run into the next sentence
    without a full stop (`Ảnh: REUTERS Thủ tướng…`, `Ảnh: VGP/Quang Hiếu Đây là…`), so the credit is
    the acronyms and foreign capitalized words, plus up to two name syllables after a `/`; it ends at
    the first capitalized Vietnamese word, a lowercase word, a `)` or a full stop."""
    if parenthesized:  # `(Ảnh: Fotolia/ viperagp)`: up to the closing parenthesis
        close = line.find(")", start, start + 80)
        if close != -1:
            return close + 1 + (line[close + 1: close + 2] == ".")
    rest = line[start:start + 200]  # a credit is short: never copy or scan the rest of a long line
    if len(line) - start <= 200 and len(rest.split()) <= 5 and not re.search(r"[.!?;]\s", rest):
        return len(line)  # `Ảnh: Thu Loan` ending the line: all of it is the credit
    named = _CREDIT_NAME.match(line, start, start + 200)  # `Ảnh: Thu Loan.`, `Ảnh: Trí Dũng/TTXVN Tham dự…`
    if named:
        return named.end()
    end, after_slash = start, 0
    for m in _CREDIT_TOKEN.finditer(line, start):
        if line[end:m.start()].strip():
            break  # punctuation between tokens
        token = m.group(0).rstrip(".,;")
        vietnamese = is_syllable(token)
        if not token[:1].isupper() and not token[:1].isdigit():
            break
        if "/" in token:
            after_slash = 2
        elif vietnamese and not token.isupper():
            if after_slash <= 0 or token in _SENTENCE_OPENERS:
                break
            after_slash -= 1
        end = m.start() + len(token)
        if m.group(0).endswith((".", ",", ";")):
            break
    while line[end:end + 1] in (")", "."):
        end += 1
    return end


# A credit that is a person's name: one to four capitalized words closed by a full stop
# (`Thu Loan.`), or ending in an agency after a slash (`Trí Dũng/TTXVN`, `VGP/Quang Hiếu`), where one
# more capitalized word belongs to it unless it opens a sentence (is followed by a lowercase word).
_CAP = f"[{UPPER}][^\\s.]*"
_CREDIT_NAME = re.compile(rf"(?:{_CAP}\s){{0,3}}{_CAP}(?:\.|/[^\s]+(?:\s(?!\S*[{LOWER}]\S*\s[{LOWER}]){_CAP})?)")
_SENTENCE_OPENERS = {"Đây", "Theo", "Sau", "Trong", "Tại", "Khi", "Các", "Những", "Ông", "Bà", "Song", "Nhưng",
                     "Với", "Trước", "Do", "Vì", "Hiện", "Từ", "Năm", "Ngày", "Thủ", "Tổng"}


def _captions(line: str) -> list[Segment]:
    """Split photo captions and credits (`… Ảnh: Reuters.`) out of a body line."""
    out: list[Segment] = []
    start = 0
    for m in _CREDIT_START.finditer(line):
        if m.start() < start:
            continue
        credit_end = _credit_end(line, m.end(), m.group(0).lstrip().startswith("("))
        if credit_end == m.end():
            continue  # `Ảnh:` with no name after it
        before = line[start: m.start()]
        # the caption is the sentence that the credit closes
        cut = max((k.end() for k in re.finditer(r"[.!?…”]\s+", before)), default=0)
        if before[:cut].strip():
            out.append(Segment("body", before[:cut].strip()))
        out.append(Segment("caption", (before[cut:] + line[m.start():credit_end]).strip()))
        start = credit_end
    if line[start:].strip():
        out.append(Segment("body", line[start:].strip()))
    return out


_CAMEL = re.compile(rf"\b([{UPPER}][{LOWER}]+)([{UPPER}][{LOWER}]+)\b")


def _split_known_names(line: str) -> str:
    """`đại biện lâm thời AlgeriaAli Belaroussi` -> `Algeria Ali`: a known place name glued to the next
    capitalized word (a lost space, not a name like `McCain`)."""
    if not _CAMEL.search(line):
        return line
    from transforms.gazetteer import aliases
    trie = aliases()

    def split(m: re.Match) -> str:
        hit = trie.longest([m.group(1)], 0)
        return f"{m.group(1)} {m.group(2)}" if hit and hit[0] == 1 and not hit[1].ambiguous else m.group(0)
    return _CAMEL.sub(split, line)


def _clean_line(line: str, images: list[str]) -> str:
    line = _split_known_names(_MARKUP_DEBRIS.sub(" ", line))
    for m in _IMAGE_NAME.finditer(line):
        images.append(m.group(0).rsplit("/", 1)[-1])
    line = _URL.sub(" ", _IMAGE_NAME.sub(" ", line)) if _IMAGE_NAME.search(line) else line
    return " ".join(line.split())


def structure_blocks(blocks: list[Block], title_hint: str | None = None) -> Structure:
    """Segments from text blocks (lines of plain text, or HTML blocks with roles)."""
    st = Structure(segments=[])
    lines: list[tuple[str | None, str]] = []
    at_top = True
    in_references = False  # past a `Tài liệu tham khảo` heading
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        header = _HEADER_LINE.match(text) if at_top else None
        if header:
            st.header[header.group(1).lower()] = header.group(2).strip()
            continue
        at_top = False
        if block.role == "image" or _IMAGE_LINE.match(text):
            st.images.extend(w.rsplit("/", 1)[-1] for w in text.split())
            continue
        if block.role == "related" or text.startswith(">>") or _RELATED_DATE_END.search(text):
            if block.role == "related" or _words(text) <= 30:
                st.related.append(text.lstrip("> ").strip())
                continue
        if block.role == "dateline":
            st.header.setdefault("dateline", text)
            continue
        if in_references:
            st.related.append(text)
            continue
        text, cut, in_references = _split_references(_clean_line(text, st.images))
        st.related.extend(cut)  # a source list or a series pointer in a flattened body: no text of the article
        if text:
            lines.append((block.role, text))

    if title_hint:
        st.segments.append(Segment("title", " ".join(title_hint.split())))
        if lines and lines[0][1].strip() == st.segments[0].text:
            lines.pop(0)
    elif lines:
        role, first = lines[0]
        if role == "title":
            title, rest = first, ""
        else:
            title, rest = _split_title(first)
        if title:
            st.segments.append(Segment("title", title))
            lines[0] = (None, rest)
            caption, rest = _split_caption(rest) if rest else (None, rest)
            if caption:  # the headline, a caption and the lead run together on one line
                lines[0:1] = [("caption", caption), (None, rest)]

    body: list[Segment] = []
    for role, text in lines:
        if not text:
            continue
        if role == "caption":
            body.append(Segment("caption", text))
            continue
        for seg in split_glued_line(text):
            body.extend(_captions(seg.text) if seg.role == "body" else [seg])
    body = _extract_bylines(body, st)
    first_body = next((i for i, s in enumerate(body) if s.role == "body"), None)
    if first_body is not None and sum(s.role == "body" for s in body) >= 2:
        body[first_body].role = "lead"
    st.segments.extend(body)
    return st


# a bare author ending the article, perhaps with an outlet: `Hồng Nhung/VOV-Trung tâm Tin`, `TTXVN/Tin Tức`
_TRAILING_AUTHOR = re.compile(rf"(?<=[.!?…”\"])\s+(?P<author>[{UPPER}][{LETTER}.]*(?:\s+[{UPPER}][{LETTER}.]*){{0,3}})"
                              rf"(?:\s*/\s*(?P<outlet>[{UPPER}][{LETTER}\-. ]{{1,30}}))?\s*$")


def _extract_bylines(body: list[Segment], st: Structure) -> list[Segment]:
    """Bylines with sources (`Minh Châu (theo AP, 29/5)`) anywhere; a bare author name ending the article."""
    last = max((i for i, s in enumerate(body) if s.role in ("body", "lead")), default=None)
    if last is not None and not _BYLINE.search(body[last].text):
        m = _TRAILING_AUTHOR.search(body[last].text)
        if m and len(m.group("author").split()) <= 4:
            author, outlet = m.group("author"), (m.group("outlet") or "").strip()
            agencies = [outlet] if outlet else []
            if author.isupper():  # `TTXVN/Tin Tức`: two outlets, no author
                author, agencies = None, [m.group("author"), *agencies]
            body[last] = Segment(body[last].role, body[last].text[: m.start()].rstrip())
            byline = m.group(0).strip()
            body.insert(last + 1, Segment("byline", byline))
            st.byline = Byline(text=byline, author=author, agencies=agencies, date_text=None)
    out: list[Segment] = []
    for i, seg in enumerate(body):
        if seg.role != "body":
            out.append(seg)
            continue
        before, byline, after = _split_byline(seg.text)
        if byline is None:
            out.append(seg)
            continue
        if before:
            out.append(Segment("body", before))
        out.append(Segment("byline", byline.text))
        st.byline = byline  # the last one wins: it signs the article
        if after:
            out.append(Segment("body", after))
    return out


def structure_text(text: str, title_hint: str | None = None) -> Structure:
    """Segments of a plain-text article (already normalized)."""
    return structure_blocks([Block(None, line) for line in text.split("\n")], title_hint)
