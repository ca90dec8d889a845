"""Names: seed sentences and short constructed ones first, one per pattern; then a table of real corpus
sentences read from ../shared (hard negatives included)."""
import pytest

from tests.conftest import corpus_sentence
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


def test_organization_names_as_the_press_capitalizes_them():
    # the capitals after an organization's first word vary (`Liên Hợp quốc`, `Hội đồng bảo an`); acronyms do not
    text = corpus_sentence("baomoi_2017/0056.txt", "Hội đồng bảo an Liên Hợp quốc lần")
    assert [(m.surface, m.entity_code) for m in _mentions(text) if m.entity_type == "IGO"][:2] == [
        ("Hội đồng bảo an", "UN"), ("Liên Hợp quốc", "UN")]
    assert _found("Tổ chức y tế thế giới và Liên hợp quốc họp.") == {("IGO", "WHO"), ("IGO", "UN")}
    # so do a country's (`Ả rập Xê-út` in baomoi_2017/0061)
    assert _found("Iraq phóng tên lửa vào Israel và Ả rập Xê-út, rồi vào Hàn quốc.") == {
        ("GPE", "IRQ"), ("GPE", "ISR"), ("GPE", "SAU"), ("GPE", "KOR")}


def test_sino_vietnamese_place_names_are_places_not_people():  # constructed: `Tân Cương` is no `Tần Cương`
    found = {(m.surface, m.entity_type, m.entity_code) for m in _mentions(
        "Quân khu Tân Cương của Trung Quốc tập trận. Ngoại trưởng Trung Quốc Tần Cương gặp ông Blinken.")}
    assert ("Tân Cương", "LOC", "CHN") in found and ("Tần Cương", "PER", "CHN") in found


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


# Real sentences of corpus articles outside the dev set, read from ../shared/corpus at test time:
# (article, the first words of the sentence, mentions it must hold, mentions it must not hold)
CORPUS_CASES = [
    # press forms, seats of government and former states
    ("vntc_2000s/0061.txt", "Nhà Trắng đề", {("GPE", "USA")}, set()),
    ("dantri_unc_2020/0099.txt", "Nhân dịp này,", {("GPE", "RUS")}, set()),  # `Điện Kremlin`
    ("vntc_2000s/0036.txt", "Bình Nhưỡng cáo", {("GPE", "PRK"), ("GPE", "USA")}, set()),
    ("vntc_2000s/0079.txt", "CHDCND Triều Tiên", {("GPE", "PRK")}, set()),
    ("dantri_unc_2020/0109.txt", "Ông tuyên bố", {("GPE", "USA")}, set()),  # `nước Mỹ`
    ("dantri_unc_2020/0096.txt", "Các tên lửa", {("GPE", "SUN")}, set()),
    ("dantri_unc_2020/0071.txt", "Con tàu mất", {("GPE", "DDR"), ("GPE", "IDN")}, set()),
    ("baomoi_2017/0024.txt", "Trong khi Bộ", {("GPE", "JPN"), ("GPE", "USA"), ("PER", "Tomomi Inada")}, set()),
    # international organizations
    ("vntc_2000s/0073.txt", "Mỹ yêu cầu", {("GPE", "IRN"), ("GPE", "USA"), ("IGO", "UN")}, set()),  # `LHQ`
    ("baomoi_2017/0096.txt", "Hội đồng Bảo an Liên Hợp Quốc đã", {("IGO", "UN")}, set()),
    ("dantri_unc_2020/0059.txt", "Tại hội nghị,", {("GPE", "MMR"), ("IGO", "ASEAN")}, set()),
    ("dantri_unc_2020/0090.txt", "Nga trừng phạt", {("GPE", "RUS"), ("IGO", "EU")}, set()),
    # people: titles split off, Sino-Vietnamese forms, Vietnamese names kept with their diacritics
    ("baomoi_2017/0046.txt", "Thủ tướng Nguyễn Xuân Phúc và",
     {("GPE", "USA"), ("PER", "Donald Trump"), ("PER", "Nguyễn Xuân Phúc")}, set()),
    ("vims_2016/0017.txt", "Ngoại trưởng Trung", {("GPE", "CHN"), ("PER", "Wang Yi")}, set()),  # `Vương Nghị`
    ("dantri_unc_2020/0144.txt", "Thủ tướng Australia", {("PER", "Scott Morrison"), ("PER", "Xi Jinping")}, set()),
    ("vntc_2000s/0074.txt", "Nga hôm qua", {("GPE", "RUS"), ("PER", "Sergei Ivanov")}, set()),
    # hard negatives: `Anh`, `Nga`, `Đức` inside Vietnamese names and place names; `pháp lý`; the language
    ("vntc_2000s/0146.txt", "Vụ sát hại", {("GPE", "RUS"), ("PER", "Vũ Anh Tuấn")}, {("GPE", "GBR")}),
    ("vntc_2000s/0248.txt", "Nhân dịp dự", {("PER", "Trần Đức Lương")}, {("GPE", "DEU")}),
    ("vntc_2000s/0225.txt", "Tiến sĩ Đỗ", {("PER", "Đỗ Hữu Đức")}, {("GPE", "DEU")}),
    ("baomoi_2017/0041.txt", "Trần Nga/VOV", set(), {("GPE", "RUS")}),  # a byline, were it read as text
    ("vntc_2000s/0178.txt", "Chi cục trưởng", set(), {("GPE", "GBR")}),
    ("vntc_2000s/0069.txt", "Cô sắp gặp", set(), {("GPE", "FRA")}),
    ("vntc_2000s/0242.txt", "Kết quả thực", set(), {("GPE", "DEU")}),  # `Thủ Đức`
    ("vntc_2000s/0232.txt", "Ngôn ngữ giao", set(), {("GPE", "GBR")}),
    ("vntc_2000s/0163.txt", "Mục tiêu chính của hội nghị", {("IGO", "ASEAN"), ("LOC", "INDIAN_OCEAN")},
     {("GPE", "IND")}),  # `Ấn Độ Dương`, the ocean
]


@pytest.mark.parametrize("doc,anchor,present,absent", CORPUS_CASES)
def test_corpus_sentences(doc, anchor, present, absent):
    found = _found(corpus_sentence(doc, anchor))
    assert present <= found and not (found & absent)


def test_corpus_title_split_gives_role_and_country():
    ms = _mentions(corpus_sentence("baomoi_2017/0051.txt", "Reuters ngày 3/6"))
    mattis = next(m for m in ms if m.canonical_name == "James Mattis")
    assert (mattis.role, mattis.country) == ("Bộ trưởng Quốc phòng", "USA")
    xi = next(m for m in _mentions(corpus_sentence("dantri_unc_2020/0144.txt", "Thủ tướng Australia"))
              if m.entity_type == "PER" and m.canonical_name == "Xi Jinping")
    assert (xi.surface, xi.role, xi.country) == ("Tập Cận Bình", "Chủ tịch", "CHN")
    # a role noun, no office (`sinh viên Mỹ Otto Warmbier`): the country is still the person's
    otto = next(m for m in _mentions(corpus_sentence("baomoi_2017/0067.txt", "Cái chết của sinh viên Mỹ"))
                if m.entity_type == "PER" and "Warmbier" in m.surface)
    assert (otto.surface, otto.role, otto.country) == ("Otto Warmbier", "sinh viên", "USA")


def test_acronym_after_a_foreign_word_stands_apart():  # constructed: `người Kurd YPG` is the YPG
    assert ("ORG", "YPG") in _found("Mỹ phối hợp với lực lượng dân quân người Kurd YPG chiến đấu với IS.")


def test_armed_group_leader_acts_for_the_group():
    # a lowercase particle inside a foreign name (`Osama bin Laden`); the office table gives his group
    laden = [m for m in _mentions(corpus_sentence("vntc_2000s/0065.txt", "Phó giám đốc")) if "Laden" in m.surface]
    assert [(m.surface, m.entity_type, m.canonical_name, m.org) for m in laden] == [
        ("Osama bin Laden", "PER", "Osama bin Laden", "Al-Qaeda")]


@pytest.mark.parametrize("doc,anchor,surface,code", [
    # a navy's ship prefix (aliases.tsv `vessel`) takes the ship's name into one mention of the state: no person
    ("dantri_unc_2020/0146.txt", "Năm 2011, USS Florida", "USS Florida", "USA"),
    ("dantri_unc_2020/0104.txt", "Tàu ngầm KRI Nanggala 402 mất tích", "KRI Nanggala", "IDN"),
])
def test_a_ship_is_its_navys_state(doc, anchor, surface, code):
    found = _mentions(corpus_sentence(doc, anchor))
    ship = next(m for m in found if m.surface == surface)
    assert (ship.entity_type, ship.entity_code) == ("GPE", code)
    assert not any(m.entity_type in ("PER", "PER?") and m.start >= ship.start and m.end <= ship.end + 20
                   for m in found if m is not ship)
