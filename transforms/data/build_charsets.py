"""Regenerate charsets.tsv: byte sequences of legacy Vietnamese encodings and the letters they stand for.

    python transforms/data/build_charsets.py > transforms/data/charsets.tsv

Provenance: TCVN3 (TCVN 5712:1993) and VISCII (RFC 1456) come from glibc's iconv tables, by decoding
every byte; VNI-Windows is a font encoding (a letter followed by one or two modifier glyphs, read as
cp1252), laid out here from its published 13 x 6 grid of vowel rows and tone columns.
Windows-1258 needs no table: Python ships the `cp1258` codec.
"""
import subprocess
import sys
import unicodedata

TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng

# VNI: each row is a base vowel (as Unicode) and its VNI spelling for the six tones, uppercase.
# The lowercase spellings are the same glyphs lowercased.
VNI_ROWS = [
    ("A", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]),
    ("Â", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]),
    ("Ă", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]),
    ("E", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]),
    ("Ê", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]),
    ("O", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]),
    ("Ô", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]),
    ("Ơ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]),
    ("U", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]),
    ("Ư", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]),
    ("I", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]),
    ("Y", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]),
]


def iconv_rows(name, charset):
    for byte in range(256):
        try:
            out = subprocess.run(["iconv", "-f", charset, "-t", "UTF-8"], input=bytes([byte]),
                                 capture_output=True, check=True).stdout.decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        out = unicodedata.normalize("NFC", out)
        if out and out != chr(byte) and not unicodedata.combining(out[0]):
            yield name, bytes([byte]).hex(), out


def vni_rows():
    for base, spellings in VNI_ROWS:
        for tone, spelled in zip(TONE_MARKS, spellings):
            upper = unicodedata.normalize("NFC", base + tone)
            for letter, glyphs in ((upper, spelled), (upper.lower(), spelled.lower())):
                if glyphs != letter:
                    yield "vni", glyphs.encode("cp1252").hex(), letter
    yield "vni", "Ñ".encode("cp1252").hex(), "Đ"
    yield "vni", "ñ".encode("cp1252").hex(), "đ"


def main():
    print("charset\tencoded_hex\tchar")
    for row in [*iconv_rows("tcvn3", "TCVN5712-1"), *iconv_rows("viscii", "VISCII"), *vni_rows()]:
        print("\t".join(row))


if __name__ == "__main__":
    sys.exit(main())
