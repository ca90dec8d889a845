"""Names on real sentences from the seeds and the corpus, hard negatives included."""
import pytest

from transforms.mentions import article_mentions, name_key
from transforms.nlp import sentences_of


def _mentions(text: str):
    return article_mentions(sentences_of(text, [("body", 0, len(text))]))


def _found(text: str) -> set[tuple]:
    return {(m.entity_type, m.entity_code if m.entity_type != "PER" else m.canonical_name) for m in _mentions(text)}


def test_title_country_and_name_split():
    ms = _mentions("Ngày 9/8, Bộ trưởng Quốc phòng Nga Sergei Shoigu và Ngoại trưởng Nga Sergei Lavrov dự kiến sẽ "
                   "tham gia vào hội đàm “2+2” với Bộ trưởng Quốc phòng Mỹ Chuck Hagel và Ngoại trưởng Hoa Kỳ "
                   "John Kerry tại Washington.")
    shoigu = next(m for m in ms if m.surface == "Sergei Shoigu")
    assert (shoigu.entity_type, shoigu.role, shoigu.country) == ("PER", "Bộ trưởng Quốc phòng", "RUS")
    kerry = next(m for m in ms if m.surface == "John Kerry")
    assert kerry.country == "USA" and kerry.role == "Ngoại trưởng"
    washington = next(m for m in ms if m.surface == "Washington")
    assert (washington.entity_type, washington.entity_code) == ("LOC", "USA")  # `tại Washington`: the place
    assert {("GPE", "RUS"), ("GPE", "USA")} <= _found("Nga và Mỹ; Hoa Kỳ")


def test_press_forms_and_seats_map_to_countries():
    assert _found("Mỹ, Hoa Kỳ, nước Mỹ, Nhà Trắng và Kremlin; Bình Nhưỡng và CHDCND Triều Tiên.") == {
        ("GPE", "USA"), ("GPE", "RUS"), ("GPE", "PRK")}
    assert _found("Liên Xô và Đông Đức") == {("GPE", "SUN"), ("GPE", "DDR")}
    assert _found("Liên Hợp Quốc, LHQ và Hội đồng Bảo an họp với NATO.") == {("IGO", "UN"), ("IGO", "NATO")}


def test_coreference_and_spelling_variants():
    found = _found("Tổng thống Nga Vladimir Putin gặp ông Bush. Sau đó Putin nói Sergey Ivanov và Sergei Ivanov đồng ý.")
    assert ("PER", "Vladimir Putin") in found and ("PER", "Putin") not in found
    assert len({name for kind, name in found if kind == "PER" and "Ivanov" in name}) == 1
    assert name_key("Yanukovych") == name_key("Yanukovich")


def test_sino_vietnamese_forms_map_to_usual_names():
    assert ("PER", "Yang Jiechi") in _found("Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì gặp Ngoại trưởng Mỹ.")


@pytest.mark.parametrize("text,absent", [
    ("Bà Nguyễn Thị Nga và ông Lê Hồng Anh dự lễ.", {("GPE", "RUS"), ("GPE", "GBR")}),  # given names
    ("Anh cho biết ông sẽ về nước.", {("GPE", "GBR")}),  # the pronoun
    ("Họ sử dụng tốt tiếng Anh trong giao tiếp và Anh ngữ.", {("GPE", "GBR")}),  # the language
    ("Vấn đề pháp lý còn tồn tại.", {("GPE", "FRA")}),
    ("Đức Giáo hoàng đến thăm.", {("GPE", "DEU")}),
    ("Cựu Thống đốc bang New Mexico phát biểu.", {("GPE", "MEX")}),
])
def test_hard_negatives(text, absent):
    assert not (_found(text) & absent)


@pytest.mark.parametrize("text", ["Theo Reuters, Nga phản đối.", "Hệ thống NMD và tên lửa S-300 đã sẵn sàng.",
                                  "Tàu ngầm Type 209 do Đức đóng."])
def test_not_people(text):
    assert not any(m.entity_type == "PER" for m in _mentions(text))
