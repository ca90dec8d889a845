"""Hostile text finishes: runs that made regular expressions backtrack catastrophically (400 x `D` hung the
byline pattern for minutes) or rescanned long lines at every match. pytest-timeout is the hang guard
(these take well under a second each); bench/regex_audit.py measures how each pattern's time grows."""
import pytest

from transforms.article import Document, Rejected, clean, extract
from transforms.structure import _split_byline

LEAD = "Nga và Mỹ hội đàm tại Hà Nội về hợp tác kinh tế và an ninh khu vực.\n"
UNITS = ["D", "Đ", "Da", "D.", "D.D.", "aĐ", "AbAb", ".", " ", "(", "1/", "12/12/2012 ", "tháng 1 ", "năm 2001 ",
         "ngày ", "(theo ", "Ảnh: D ", "a.jpg", 'src="', "nguyễn ", "Nguyễn Văn "]


def test_the_issue_case_400_capitals():
    with pytest.raises(Rejected) as err:
        clean(Document("x", "d.txt", "D" * 400, "utf-8"))
    assert err.value.reason == "not_vietnamese"


@pytest.mark.timeout(300)
@pytest.mark.parametrize("unit", UNITS)
def test_long_runs_finish(unit):
    # as much Vietnamese as hostile text, so the article is kept and extraction runs on the run too
    text = LEAD * 250 + (unit * (20000 // len(unit) + 1))[:20000]
    article = clean(Document("x", "h.txt", text, "utf-8"))
    result = extract(article)
    assert article.text.startswith("Nga và Mỹ hội đàm")
    for t in result.timexes + result.mentions:
        assert article.text[t.start:t.end] == t.surface


def test_byline_found_as_before():
    before, byline, after = _split_byline("Ông nói vậy. Minh Châu (theo AP, NBC, 29/5)")
    assert (before, byline.text, byline.author, byline.agencies, byline.date_text, after) == (
        "Ông nói vậy.", "Minh Châu (theo AP, NBC, 29/5)", "Minh Châu", ["AP", "NBC"], "29/5", "")
    before, byline, _ = _split_byline("thành phố cảngEdo (theo nghĩa đen là cửa vịnh)")
    assert byline.text == "Edo (theo nghĩa đen là cửa vịnh)" and byline.author is None
