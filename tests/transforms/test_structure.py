"""Structure on the seeds and on the corpus files that show each quirk (named in the MANIFEST files)."""
import csv
import re
import unicodedata

import pytest

from tests.conftest import CORPUS, need_shared
from transforms.article import Document, clean
from transforms.decode import decode_bytes
from transforms.normalize import normalize_text
from transforms.structure import glue_points, structure_text


def _clean(path) -> object:
    data = path.read_bytes()
    return clean(Document("x", str(path), decode_bytes(data).text, "utf-8"))


def test_seed_1_title_heads_and_byline(seed_texts):
    st = structure_text(normalize_text(seed_texts[0]))
    assert st.title == "Mỹ có thể mua tên lửa của Nga"
    assert [s.text for s in st.segments if s.role == "heading"] == [
        "Liên minh phòng thủ", "Phản ứng của Nga", "Kế hoạch trong tương lai"]
    assert st.byline.author == "Minh Châu"
    assert st.byline.agencies == ["AP", "NBC"] and st.byline.date_text == "29/5"
    body = "\n".join(s.text for s in st.segments if s.role in ("lead", "body"))
    assert body.startswith("Đây được coi là") and "1972. Chính quyền Bush" in body
    assert "Minh Châu" not in body


def test_seed_2_image_name_and_caption(seed_texts):
    st = structure_text(normalize_text(seed_texts[1]))
    assert st.images == ["usrussia1.jpg"]
    assert st.text_of("caption") == ["Nga - Mỹ sẽ bàn thảo về các vướng mắc trong quan hệ song phương (Ảnh: Fotolia/ viperagp)"]
    assert st.title is None  # this article has no headline: it opens with its lead
    assert all("usrussia1.jpg" not in s.text for s in st.segments)


@pytest.mark.parametrize("text,points", [("của NgaĐây được", ["Đây được"]), ("McCain nói", []), ("YouTube", []),
                                         ("tương laiNhiều nước", ["Nhiều nước"])])
def test_glue_points(text, points):
    assert [text[p:] for p in glue_points(text)] == points


def _flagged(folder: str, flag: str) -> list:
    need_shared()
    with open(CORPUS / folder / "MANIFEST.tsv", encoding="utf-8") as f:
        return [CORPUS / folder / r["file"] for r in csv.DictReader(f, delimiter="\t") if flag in (r.get("flags") or "")]


@pytest.mark.parametrize("folder", ["vntc_2000s", "baomoi_2017"])
def test_html_files_lose_tags_and_entities(folder):
    files = _flagged(folder, "html")
    assert files
    for path in files:
        a = _clean(path)
        assert not re.search(r"<[a-zA-Z/][^>]*>", a.body), path
        assert not re.search(r"&(?:[a-z]+|#\d+);", a.body), path


@pytest.mark.parametrize("folder", ["vntc_2000s", "baomoi_2017"])
def test_decomposed_files_become_nfc(folder):
    files = _flagged(folder, "nfd")
    assert files
    for path in files:
        assert unicodedata.is_normalized("NFC", _clean(path).text), path


def test_baomoi_bylines_with_agency():
    files = _flagged("baomoi_2017", "theo_byline")
    assert files
    found = [_clean(p) for p in files]
    assert sum(bool(a.byline_agencies) for a in found) >= len(found) * 0.8


@pytest.mark.parametrize("doc,pointer", [("baomoi_2017/0049.txt", False), ("baomoi_2017/0087.txt", True),
                                         ("baomoi_2017/0097.txt", False)])
def test_references_inside_a_flattened_body_are_kept_apart(doc, pointer):
    # `…ảo vọng./. Tài liệu tham khảo và trích dẫn: [1] Mỹ thử đánh chặn …`: the source titles are no text of
    # the article (their verbs were coded as events), nor is `(Xem tiếp Phần 2: …)`
    a = _clean(CORPUS / doc)
    body = [a.text[s["char_start"]:s["char_end"]] for s in a.segments if s["role"] in ("body", "lead")]
    assert body[-1].endswith("./.") and "Tài liệu tham khảo" not in " ".join(body)
    assert a.related[-1].startswith("Tài liệu tham khảo")
    assert any(r.startswith("Xem tiếp Phần 2:") for r in a.related) == pointer


@pytest.mark.parametrize("doc,title_end,caption_start,lead_start", [
    # a headline run into the lead on one line, its full stop lost: a syllable news writes in lowercase
    # inside a sentence, capitalized after a plain word, starts the lead (`… với Mỹ Hôm 21-12, Mexico …`)
    ("vntc_2000s/0136.txt", "biên giới với Mỹ", None, "Hôm 21-12, Mexico"),
    ("vntc_2000s/0145.txt", "xuất hiện tại Síp", None, "Ngày 29-1, Ủy ban"),
    ("vntc_2000s/0160.txt", "khoảng 40 người chết", None, "Vài chục người"),
    # and a photo caption between them
    ("vntc_2000s/0166.txt", "học nhiều nhất", "Các bậc cha mẹ", "Ngày 8-2, tờ"),
    ("vntc_2000s/0153.txt", "vì đình công", "Người ủng hộ công đoàn", "Những chiếc cốc"),
    # an outlet's dateline opens the lead
    ("vntc_2000s/0243.txt", "luyện thi trái phép", None, "(NLĐO)- Ngày 7-4"),
])
def test_a_headline_glued_to_the_lead_without_a_full_stop(doc, title_end, caption_start, lead_start):
    a = _clean(CORPUS / doc)
    segs = [(s["role"], a.text[s["char_start"]:s["char_end"]]) for s in a.segments]
    assert segs[0][0] == "title" and segs[0][1].endswith(title_end)
    if caption_start:
        assert segs[1][0] == "caption" and segs[1][1].startswith(caption_start)
    assert segs[1 + bool(caption_start)][0] == "lead" and segs[1 + bool(caption_start)][1].startswith(lead_start)


@pytest.mark.parametrize("doc,anchor", [
    ("dantri_unc_2020/0136.txt", "với Hội đồng Quan hệ Đối ngoại Mỹ"),  # an institution capitalizes each word
    ("dantri_unc_2020/0116.txt", "tại Đá Ba Đầu ngày 27/3"),  # a name runs on in capitals
    ("dantri_unc_2020/0047.txt", "trở thành Bí thư Thứ nhất Ban"),
])
def test_names_inside_a_first_line_do_not_split_it(doc, anchor):
    a = _clean(CORPUS / doc)
    first = a.segments[0]
    assert first["role"] == "caption" and anchor in a.text[first["char_start"]:first["char_end"]]


@pytest.mark.parametrize("line,credit", [
    ("Theo AP, Reuters.", True), ("Theo Thanh Niên", True),
    # a sentence that opens with `Theo` is body text, not a credit line
    ("Theo Mỹ cáo buộc, Iran đã cung cấp vũ khí cho Houthi.", False),
])
def test_a_plain_credit_line_is_a_few_words(line, credit):
    st = structure_text("Tiêu đề bài báo về thế giới\nMỹ và Nga đã hội đàm tại Geneva về vấn đề hạt nhân.\n" + line)
    assert any(s.role == "byline" for s in st.segments) is credit
