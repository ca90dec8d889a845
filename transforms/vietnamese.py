"""Vietnamese orthography: letters, syllable shape, tone-mark placement.

Pure functions used by decoding (to score candidate encodings), cleaning (one tone-mark
convention) and structure detection (to tell a glued headline `NgaĐây` from `McCain`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LETTER = LOWER + UPPER

# Letters that exist only in Vietnamese among Latin scripts: their share tells Vietnamese text.
_VIETNAMESE_ONLY = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng

# A syllable is an optional onset and one of the language's closed set of rhymes (vần), written
# here without tone marks. `Ryan`, `Moon`, `Putin` fail; `Nga`, `Tim`, `Kim`, `Nguyễn` pass.
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_RHYMES = """
a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
e eo ec em en eng ep et ê êch êm ên ênh êp êt êu
i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu
o oi oc om on ong op ot oong ooc
oa oai oao oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet
ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u ua ui uc um un ung up ut uân uât uâng uây uê uênh uơ uy uya uych uyên uyêt uynh uyt uyu
uôc uôi uôm uôn uông uôt
ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split()
_SYLLABLE = re.compile(rf"(?:{_ONSET})?(?:{'|'.join(sorted(_RHYMES, key=len, reverse=True))})")
_VOWEL = "aăâeêioôơuưy"


def strip_tones(word: str) -> str:
    """`Nguyễn` -> `nguyên`: lowercase, tone marks removed, other diacritics kept."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True if `word` has the shape of one Vietnamese syllable (`Nga`, `Đây`, `nhiều`; not `Mc`, `You`)."""
    base = strip_tones(word)
    if not base or not base.isalpha():
        return False
    if not _SYLLABLE.fullmatch(base):
        return False
    tones = sum(c in _TONES for c in unicodedata.normalize("NFD", word))
    return tones <= 1


def vietnamese_share(text: str) -> float:
    """Share of letter runs that are Vietnamese syllables carrying a Vietnamese-only letter or a tone."""
    words = re.findall(rf"[{LETTER}]+", text[:20000])
    if not words:
        return 0.0
    marked = 0
    for w in words:
        low = w.lower()
        if (any(c in _VIETNAMESE_ONLY for c in low) or not low.isascii()) and is_syllable(w):
            marked += 1
    return marked / len(words)


# --- tone-mark placement -------------------------------------------------------------------
# Two conventions coexist in the press: `hoà`/`huỷ` (tone on the second vowel) and `hòa`/`hủy`
# (on the first). We write the one underthesea's models were trained on, `hòa`/`hủy`/`khỏe`:
# in an open `oa`, `oe`, `uy` rhyme the tone sits on the first vowel; with a final consonant
# (`hoàn`, `khoẻt`, `huỳnh`) it sits on the second. `qu` is an onset, so `quý` is left alone.
_CANDIDATE = re.compile(rf"(?<![{LETTER}])[{LETTER}]*[oOuU\u00f2\u00f3\u1ecf\u00f5\u1ecd\u00f9\u00fa\u1ee7\u0169\u1ee5"
                        rf"\u00d2\u00d3\u1ece\u00d5\u1ecc\u00d9\u00da\u1ee6\u0168\u1ee4][{LETTER}]*")


def _replace_tone(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in _TONES]
    if len(tones) != 1:
        return word
    tone = tones[0]
    bare = [c for c in nfd if c not in _TONES]  # base letters and their other marks (ă, ê, ư ...)
    letters = [i for i, c in enumerate(bare) if not unicodedata.combining(c)]
    base = "".join(bare[i] for i in letters).lower()
    # positions of letters that carry another diacritic (circumflex, breve, horn)
    marked = {letters.index(i - 1) for i, c in enumerate(bare) if unicodedata.combining(c)}
    m = re.search(r"(?<!q)(oa|oe|uy)", base)
    if not m or marked & {m.start(), m.start() + 1}:
        return word
    rest = base[m.end():]
    if rest and rest[0] in _VOWEL:  # `oai`, `uya`, `uyê`: a longer nucleus, placement is not ambiguous
        return word
    target = m.start() + (1 if rest else 0)
    out = []
    for j, i in enumerate(letters):
        end = letters[j + 1] if j + 1 < len(letters) else len(bare)
        out.extend(bare[i:end])
        if j == target:
            out.append(tone)
    return unicodedata.normalize("NFC", "".join(out))


def normalize_tone_placement(text: str) -> str:
    """`hoà bình`, `huỷ bỏ` -> `hòa bình`, `hủy bỏ`; leaves words outside the ambiguous rhymes alone."""
    return _CANDIDATE.sub(lambda m: _replace_tone(m.group(0)), text)
