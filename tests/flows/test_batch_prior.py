"""The batch prior through the real flow: a run over two folders (two source groups) of real corpus articles,
copied at test time. The large one's confidently dated articles (given or world-fixed to one year) date its
article without any clue at year precision, basis batch, and that article's events take the date; the small
one gives no prior, so its article without clues stays undated."""
import shutil

import pytest

from tests.conftest import catalog

pytestmark = [pytest.mark.prefect, pytest.mark.corpus]

# twelve vntc_2000s articles dated alone to a single year (2004 five times, 2005 five, 2006 twice) and one
# without any clue (0025.txt: gold 2004-11-08)
LARGE = ["0001", "0003", "0018", "0031", "0037", "0053", "0060", "0062", "0073", "0074", "0075", "0089", "0025"]
# two dated alone (2006) and one without any clue: too small a group for a typical year
SMALL = ["0092", "0093", "0010"]


def test_a_folder_run_dates_an_article_without_clues_by_its_group(tmp_path, corpus, prefect_server):
    from flows.news_to_events import news_to_events

    for folder, names in (("large", LARGE), ("small", SMALL)):
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(corpus / "vntc_2000s" / f"{name}.txt", tmp_path / folder)
    root = tmp_path / "wh"
    news_to_events(paths=[str(tmp_path / "large"), str(tmp_path / "small")], warehouse=str(root), workers=1)
    con = catalog(root)
    rows = {uri.rsplit("/", 1)[-1]: rest for uri, *rest in con.sql(
        "select source_uri, published_date_text, published_precision, published_basis, published_group, "
        "published_evidence from articles").fetchall()}
    assert rows["0025.txt"] == ["2004", "year", "batch", str(tmp_path / "large"),
                                f"batch: {tmp_path / 'large'}: typical year of 12 dated articles (2004-2006, 5 in 2004)"]
    assert rows["0010.txt"] == [None, None, "none", None, None]
    # the twelve keep the dates they had alone; no window of theirs is left open
    assert sorted(r[0][:4] for name, r in rows.items() if name[:4] in LARGE[:-1]) == ["2004"] * 5 + ["2005"] * 5 + ["2006"] * 2
    assert all(r[3] is None for name, r in rows.items() if name != "0025.txt")
    # the article's events without a date of their own take the publication date the prior gave
    dates = con.sql("select distinct event_date_text from events join articles using (article_id) where "
                    "source_uri like '%/large/0025.txt' and event_date_basis = 'published'").fetchall()
    assert dates == [("2004",)]
