"""Reports of the same happening from different articles share a cluster; the gdelt_events view reads
like GDELT's event table."""
import csv
import json

import pytest

from tests.conftest import catalog

pytestmark = [pytest.mark.prefect, pytest.mark.corpus]

GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
                 "Actor1CountryCode", "Actor1KnownGroupCode", "Actor2Code", "Actor2CountryCode", "IsRootEvent",
                 "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
                 "NumSources", "NumArticles", "AvgTone", "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED",
                 "SOURCEURL"]


@pytest.fixture(scope="module")
def story(tmp_path_factory, corpus, prefect_server):
    """The articles of one ViMs cluster (several outlets telling one story, per its MANIFEST), delivered as a
    crawler would: JSONL rows with a publication date."""
    from flows.news_to_events import news_to_events

    with open(corpus / "vims_2016" / "MANIFEST.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    cluster = rows[0]["orig_path"].split("/")[2]
    files = [corpus / "vims_2016" / r["file"] for r in rows if r["orig_path"].split("/")[2] == cluster]
    root = tmp_path_factory.mktemp("story")
    feed = root / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"url": f"https://outlet{i}.vn/{p.name}", "published": "2016-05-21",
                                          "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
                               for i, p in enumerate(files)), encoding="utf-8")
    news_to_events(paths=[str(feed)], warehouse=str(root / "wh"), workers=1)
    return catalog(root / "wh"), len(files)


def test_same_happening_reported_by_several_articles_is_one_cluster(story):
    con, n = story
    assert n >= 2
    best, sources = con.sql("select num_articles, num_sources from event_clusters order by 1 desc limit 1").fetchall()[0]
    assert best >= 2 and sources == best  # one article per outlet here
    # counts agree with the events they summarize
    rows = con.sql("select any_value(c.num_articles), count(distinct e.article_id) from event_clusters c join events e "
                   "using (cluster_id) group by cluster_id").fetchall()
    assert all(a == b for a, b in rows)


def test_gdelt_view(story):
    con, _ = story
    columns = con.sql("select * from gdelt_events").columns
    assert len(columns) == 61 and all(c in columns for c in GDELT_COLUMNS)
    # a day-precision event has its SQLDATE; year- or month-only ones have none (never a made-up 1 January)
    row = con.sql("select SQLDATE, EventRootCode, EventCode, QuadClass, NumArticles from gdelt_events "
                  "where SQLDATE is not null limit 1").fetchall()[0]
    assert con.sql("select count(*) from gdelt_events where SQLDATE is null and Year is null").fetchall()[0][0] == \
        con.sql("select count(*) from events where event_date is null").fetchall()[0][0]
    assert 19000101 < row[0] < 21000101 and len(row[1]) == 2 and row[2].startswith(row[1]) and row[3] in (1, 2, 3, 4)
