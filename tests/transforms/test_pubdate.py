"""Publication dates: constructed cases for the header, metadata and precision rules, then real corpus
articles (read from ../shared at test time) for each kind of clue, and articles that must stay undated."""
import datetime as dt

import pytest

from tests.conftest import read_corpus
from transforms import pubdate
from transforms.article import Document, clean, extract
from transforms.decode import decode_bytes

TODAY = dt.date(2026, 11, 21)


def _published(text: str, published: str | None = None):
    x = extract(clean(Document("x", "doc.txt", text, "utf-8", published=published)), today=TODAY)
    return (x.published.date.value if x.published.date else None), x.published.basis


def _corpus(name: str):
    x = extract(clean(Document(name, name, decode_bytes(read_corpus(name)).text, "utf-8")), today=TODAY)
    return (x.published.date.value if x.published.date else None), x.published.basis, x.published.evidence


def test_metadata_wins(seed_texts):
    assert _published(seed_texts[0], "2001-05-29") == ("2001-05-29", "metadata")
    assert _published(seed_texts[0], "2001-05") == ("2001-05", "metadata")


def test_header_line():
    assert _published("# doc_id = x\n# date = 20201001\nTiêu đề bài báo\nNga và Mỹ đã hội đàm tại Geneva hôm qua về "
                      "vấn đề hạt nhân.") == ("2020-10-01", "header")


def test_byline_day_with_year_from_office_holders(seed_texts):
    # `(theo AP, NBC, 29/5)` gives the day; Bush, Putin and Defence Minister Sergei Ivanov fix 2001
    assert _published(seed_texts[0]) == ("2001-05-29", "world")


def test_precision_never_exceeds_evidence():
    value, basis = _published("Tiêu đề\nNăm 2006, trường đại học tuyển sinh 1.000 sinh viên cho các ngành kinh tế.")
    assert (value, basis) == ("2006", "text")


@pytest.mark.parametrize("name,value,basis,clue", [
    # office holders named with their titles, intersected, and a numbered congress (ordinal anchor)
    ("vims_2016/0001.txt", "2016-05-21", "world", "office: Tổng thống Park Geun-hye"),
    ("vims_2016/0001.txt", "2016-05-21", "world", "anchor: đại hội lần thứ 7 của đảng Lao động Triều Tiên (2016-05)"),
    # `tân Tổng thống`: near the start of a term; `Ngoại trưởng Perfecto Yasay` too
    ("vims_2016/0037.txt", "2016-05-31", "world", "new: tân Tổng thống Rodrigo Duterte"),
    # `cựu thủ tướng`: after the end of a term; a named battle as a dated anchor
    # (the latest day 30/5 told beside `sáng sớm qua`: the article is of the next day)
    ("vims_2016/0006.txt", "2016-05-31", "world", "former: cựu thủ tướng Nouri al-Maliki"),
    ("vims_2016/0006.txt", "2016-05-31", "world", "anchor: chiến dịch Fallujah (2016-05-22)"),
    # weekday with day and month: 10 January was a Tuesday in 2006 (not 2005 or 2007)
    ("vntc_2000s/0074.txt", "2006-01-10", "world", "weekday: hôm thứ ba (10-1)"),
    ("vntc_2000s/0234.txt", "2005-04-08", "world", "weekday: ngày thứ ba 5-4"),
    # related-article dates tell the era
    ("vntc_2000s/0003.txt", "2005-06-21", "world", "related articles 2005-2005"),
    # `Cách đây 71 năm` counted from 1945
    ("vims_2016/0018.txt", "2016", "world", "Cách đây 71 năm from 1945"),
    # an HTML date line
    ("vntc_2000s/0233.txt", "2006-04-26", "dateline", "header dateline"),
])
def test_corpus_clues(name, value, basis, clue):
    got_value, got_basis, evidence = _corpus(name)
    assert (got_value, got_basis) == (value, basis)
    assert clue in evidence


@pytest.mark.parametrize("name", [
    "vntc_2000s/0008.txt",  # a grenade at a Jakarta hotel `hôm qua`: no year, no office holder, no anchor
    "vntc_2000s/0010.txt",  # a blast in a Chinese school `hôm qua`: nothing fixes the year
])
def test_corpus_articles_that_stay_undated(name):
    assert _corpus(name)[:2] == (None, "none")


@pytest.mark.parametrize("role,office", [
    ("Bộ trưởng Quốc phòng", "defmin"), ("Bộ trưởng Bộ Ngoại giao", "fm"), ("Ngoại trưởng", "fm"),
    ("người phát ngôn Bộ Ngoại giao", "spokesperson"), ("Thủ tướng Chính phủ", "pm"), ("tân Tổng thống", "president"),
    ("ông", None), (None, None),
])
def test_office_of_title(role, office):
    assert pubdate._office_of(role) == office


def test_latest_day_across_new_year():
    # 28/12, 30/12 and 3/1 in one article: the latest is 3 January
    assert pubdate._latest_circular([(12, 28), (1, 3), (12, 30)]) == (1, 3)
    assert pubdate._latest_circular([(5, 20), (5, 21), (5, 8)]) == (5, 21)
