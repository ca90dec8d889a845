"""Bytes to text: detect the encoding Vietnamese news arrives in and decode it.

Handles UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL pattern), and the legacy 8-bit
encodings still found in archives: Windows-1258, TCVN3 (ABC), VNI-Windows and VISCII. No maintained
Python codec covers the last three, so they are decoded from the tables in data/charsets.tsv.
Legacy candidates are ranked by how much of the decoded text reads as Vietnamese syllables.
"""
from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transforms.vietnamese import vietnamese_share

DATA = Path(__file__).parent / "data"


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding; `reason` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False  # some bytes could not be decoded (e.g. a truncated final character)


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[bytes, str]]:
    tables: dict[str, dict[bytes, str]] = {}
    with open(DATA / "charsets.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tables.setdefault(row["charset"], {})[bytes.fromhex(row["encoded_hex"])] = row["char"]
    return tables


@lru_cache(maxsize=None)
def _single_byte(charset: str) -> dict[int, str]:
    return {ord(k.decode("latin-1")): v for k, v in _tables()[charset].items()}


@lru_cache(maxsize=1)
def _vni() -> tuple[re.Pattern, dict[str, str]]:
    pairs = {k.decode("cp1252"): v for k, v in _tables()["vni"].items()}
    keys = sorted(pairs, key=len, reverse=True)  # letter+modifier before a lone modifier glyph
    return re.compile("|".join(map(re.escape, keys))), pairs


def _decode_legacy(data: bytes, charset: str) -> str:
    if charset == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if charset == "vni":
        pattern, pairs = _vni()
        return pattern.sub(lambda m: pairs[m.group(0)], data.decode("cp1252", errors="replace"))
    return data.decode("latin-1").translate(_single_byte(charset))


LEGACY = ("cp1258", "tcvn3", "vni", "viscii")


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _binary(text: str) -> bool:
    controls = sum(1 for c in text[:20000] if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return controls > 0.01 * max(1, len(text[:20000]))


def mostly_utf8(data: bytes) -> bool:
    """Whether bytes are UTF-8 with a few bad bytes: at least 95% of the non-ASCII bytes form valid UTF-8
    sequences. Legacy 8-bit Vietnamese (TCVN3, VNI, VISCII, Windows-1258) has nearly none: its accented
    letters are lone high bytes."""
    valid = len(data.decode("utf-8", errors="ignore").encode("utf-8"))  # bytes of the valid sequences
    bad = len(data) - valid
    non_ascii = len(data.translate(None, bytes(range(128))))
    non_ascii_valid = non_ascii - bad
    return non_ascii_valid > 0 and bad <= 0.05 * (bad + non_ascii_valid)


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw bytes; raises DecodeError('empty' | 'binary' | 'undecodable', detail)."""
    if not data.strip():
        raise DecodeError("empty", "no content" if not data else "only whitespace")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom):].decode(name.replace("-sig", ""), errors="replace")
            return _checked(Decoded(text, name, "\ufffd" in text))
    utf16 = _looks_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return _checked(Decoded(text, utf16, "\ufffd" in text))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3:  # cut inside the last character: keep the rest
            return _checked(Decoded(data[: err.start].decode("utf-8"), "utf-8", lossy=True))
        utf8_errors = data.decode("utf-8", errors="replace").count("\ufffd")
    if mostly_utf8(data):  # a few bad bytes in UTF-8 text: replaced, never a reason to read it as VNI
        return _checked(Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True))
    if b"\x00" in data[:4000]:
        raise DecodeError("binary", "NUL bytes in a non-UTF-16 file")
    # Not UTF-8: rank legacy encodings by how Vietnamese the result reads.
    ranked = sorted(((vietnamese_share(_decode_legacy(data[:20000], cs)), cs) for cs in LEGACY), reverse=True)
    share, charset = ranked[0]
    if share < 0.15:
        if utf8_errors <= max(2, len(data) // 5000):  # mostly UTF-8 with a few bad bytes
            return _checked(Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True))
        raise DecodeError("undecodable", f"not UTF-8/16 and no legacy Vietnamese encoding fits (best {charset} {share:.2f})")
    return _checked(Decoded(_decode_legacy(data, charset), charset))


def _checked(decoded: Decoded) -> Decoded:
    if _binary(decoded.text):
        raise DecodeError("binary", f"control characters in text decoded as {decoded.encoding}")
    return decoded
