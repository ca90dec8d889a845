import datetime as dt

from transforms.article import Document, clean, extract


def _published(text: str, published: str | None = None):
    x = extract(clean(Document("x", "doc.txt", text, "utf-8", published=published)), today=dt.date(2026, 11, 21))
    return (x.published.date.value if x.published.date else None), x.published.basis


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
