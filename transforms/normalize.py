"""Character-level cleaning: faithful text in one canonical form.

NFC, one tone-mark convention, no zero-width or stray combining marks, HTML entities unescaped,
line breaks and spaces normalized. Never drops or reorders words.
"""
from __future__ import annotations

import html
import re
import unicodedata

from transforms.vietnamese import normalize_tone_placement

# Vietnamese diacritics: after NFC every valid letter is precomposed, so any of these left over
# is stray (`Ướ́c`, a dot after a space): dropping it loses nothing.
_STRAY_MARKS = re.compile("[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _drop_format_chars(text: str) -> str:
    # zero-width spaces and joiners, BOMs, soft hyphens, bidi marks: all category Cf
    if text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def normalize_text(text: str) -> str:
    """Canonical form of raw (already decoded, HTML-free) text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _drop_format_chars(text)
    text = unicodedata.normalize("NFC", text)
    text = _STRAY_MARKS.sub("", text)
    text = normalize_tone_placement(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def fold(text: str) -> str:
    """Comparison key: no case, diacritics or spacing (`Sergéy  Ivanov` -> `sergey ivanov`)."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("-", " ").split())
