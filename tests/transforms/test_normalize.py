import unicodedata

import pytest

from transforms.normalize import fold, normalize_text
from transforms.vietnamese import is_syllable, normalize_tone_placement


@pytest.mark.parametrize("old,new", [("hoà bình", "hòa bình"), ("huỷ bỏ", "hủy bỏ"), ("thuỷ", "thủy"),
                                     ("khoẻ", "khỏe"), ("Hoà", "Hòa"), ("hoàn toàn", "hoàn toàn"), ("quý", "quý"),
                                     ("khòan", "khoàn"), ("thuyền", "thuyền"), ("hoài", "hoài")])
def test_one_tone_mark_convention(old, new):
    assert normalize_tone_placement(old) == new


def test_seed_phrases_normalized(seed_texts):
    text = normalize_text(seed_texts[0])
    assert "hủy bỏ hiệp ước" in text and "hợp tác hòa bình" in text
    assert "huỷ" not in text and "hoà" not in text


def test_nfc_zero_width_entities_and_stray_marks():
    raw = "Vie\u0302\u0323t Nam\u200b &amp; Ướ\u0301c tính \u0323đó\r\nNga&nbsp;  Mỹ"
    assert normalize_text(raw) == "Việt Nam & Ước tính đó\nNga Mỹ"
    assert unicodedata.is_normalized("NFC", normalize_text(raw))


@pytest.mark.parametrize("word,expected", [("Nga", True), ("Đây", True), ("nghiêng", True), ("Tập", True),
                                           ("Ryan", False), ("Putin", False), ("McCain", False), ("You", False)])
def test_syllable_shape(word, expected):
    assert is_syllable(word) is expected


def test_fold_for_comparison():
    assert fold("Sergéy  Ivanov") == "sergey ivanov"
    assert fold("Đặng Tiểu-Bình") == "dang tieu binh"
