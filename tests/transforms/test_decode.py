"""Decoding: UTF-8/16 and the legacy 8-bit encodings, on real corpus bytes and on known text encoded
by independent encoders (glibc iconv for TCVN3/VISCII, Python's cp1258 codec, published VNI spellings)."""
import shutil
import subprocess
import unicodedata

import pytest

from tests.conftest import SEED_2, read_corpus
from transforms.decode import DecodeError, decode_bytes

KNOWN = "Ngày 9/8, Bộ trưởng Quốc phòng Nga Sergei Shoigu và Ngoại trưởng Hoa Kỳ John Kerry sẽ tham gia hội đàm tại Washington."


def test_utf8_with_and_without_bom():
    text = SEED_2.read_text(encoding="utf-8")
    assert decode_bytes(text.encode("utf-8")).encoding == "utf-8"
    bom = decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert bom.encoding == "utf-8-sig" and bom.text == text


def test_utf16_corpus_file_matches_its_utf8_twin():
    utf16 = decode_bytes(read_corpus("vntc_raw_utf16/0001.txt"))
    utf8 = decode_bytes(read_corpus("vntc_2000s/0001.txt"))
    assert utf16.encoding == "utf-16-le"
    assert utf16.text == utf8.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    assert decode_bytes(KNOWN.encode(codec)).text == KNOWN


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after the base letter."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in "\u0300\u0301\u0303\u0309\u0323"))
            out += (base + "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")).encode("cp1258")
    return bytes(out)


def test_cp1258_round_trip():
    decoded = decode_bytes(_cp1258(KNOWN))
    assert decoded.encoding == "cp1258" and decoded.text == KNOWN


@pytest.mark.skipif(not shutil.which("iconv"), reason="needs glibc iconv as the independent encoder")
@pytest.mark.parametrize("charset,name", [("TCVN5712-1", "tcvn3"), ("VISCII", "viscii")])
def test_iconv_encoded_round_trip(charset, name):
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=KNOWN.encode(), capture_output=True,
                          check=True).stdout
    decoded = decode_bytes(data)
    assert decoded.encoding == name
    assert decoded.text == KNOWN


def test_vni_published_spellings():
    # VNI-Windows writes a letter followed by modifier glyphs: `Vieät Nam` is `Việt Nam`
    data = "Tieáng Vieät laø ngoân ngöõ chính thöùc cuûa Vieät Nam. Hoäi ñaøm ôû Haø Noäi ñaõ dieãn ra.".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.encoding == "vni"
    assert decoded.text == "Tiếng Việt là ngôn ngữ chính thức của Việt Nam. Hội đàm ở Hà Nội đã diễn ra."


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b" \n\t ", "empty"), (bytes(range(256)) * 8, "binary"),
                                         (b"\x00\x01\x02\x03" * 100, "binary")])
def test_rejects_with_reason(data, reason):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.reason == reason


def test_truncated_utf8_keeps_the_rest():
    data = KNOWN.encode("utf-8")
    cut = data[: data.index("Kỳ".encode()) + 2]  # inside the multi-byte `ỳ`
    decoded = decode_bytes(cut)
    assert decoded.lossy and decoded.text.endswith("Hoa K")
