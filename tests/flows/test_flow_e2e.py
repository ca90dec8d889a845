"""The real flow on the seeds, read back with DuckDB; then again, with the same row counts."""
import duckdb
import pytest

from tests.conftest import SAMPLES, catalog
from tests.schemas.test_tables import CONTRACT

pytestmark = [pytest.mark.prefect]


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory, prefect_server):
    from flows.news_to_events import news_to_events

    root = tmp_path_factory.mktemp("wh")
    first = news_to_events(paths=[str(SAMPLES)], warehouse=str(root), workers=1)
    return root, first


def _sql(root, sql: str):
    con = catalog(root)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


def test_tables_hold_the_contract_columns(seeds_warehouse):
    root, summary = seeds_warehouse
    assert summary["articles"] == 2 and summary["validation_success"]
    for table, columns in CONTRACT.items():
        got = duckdb.sql(f"select * from read_parquet('{root}/{table}/**/*.parquet', hive_partitioning=true, "
                         f"union_by_name=true)").columns if table != "rejects" else \
            catalog(root).sql("select * from rejects").columns
        assert columns <= set(got), table
    assert (root / "catalog.duckdb").exists() and list((root / "reports").glob("*/data_docs/index.html"))


def test_seed_facts(seeds_warehouse):
    root, _ = seeds_warehouse
    assert _sql(root, "select count(*) from events where source_actor_code='USA' and target_actor_code='RUS'")[0][0] >= 1
    first = "samples/seeds/000_5ee90c6c6bb052ff.txt"
    rows = _sql(root, "select t.value from timexes t join articles a using (article_id) "
                      "where t.surface = 'ngày 16/6' and a.source_uri like '%000_5ee90c6c6bb052ff.txt'")
    assert rows == [("2001-06-16",)], first
    assert _sql(root, "select title from articles where source_uri like '%000_5ee90c6c6bb052ff.txt'") == [
        ("Mỹ có thể mua tên lửa của Nga",)]
    codes = {r[0] for r in _sql(root, "select distinct event_root_code from events")}
    assert all(len(c) == 2 for c in codes)  # CAMEO roots keep their leading zero
    assert _sql(root, "select count(*) from mentions where entity_type='PER' and canonical_name='Sergei Shoigu' "
                      "and entity_code='RUS'")[0][0] == 1


def test_second_run_adds_no_rows(seeds_warehouse):
    from flows.news_to_events import news_to_events

    root, _ = seeds_warehouse
    tables = ("articles", "timexes", "mentions", "events", "inputs", "rejects")
    before = {t: _sql(root, f"select count(*) from {t}")[0][0] for t in tables}
    news_to_events(paths=[str(SAMPLES)], warehouse=str(root), workers=1)
    assert {t: _sql(root, f"select count(*) from {t}")[0][0] for t in tables} == before
    assert _sql(root, "select count(*) from runs")[0][0] == 2  # the run log is append-only


def test_dates_keep_their_precision(seeds_warehouse):
    root, _ = seeds_warehouse
    # the text forms say no more than the precision, and GDELT's day columns stay empty for a year or month
    assert _sql(root, "select count(*) from events where event_date is not null and length(event_date_text) <> "
                      "case event_date_precision when 'day' then 10 when 'month' then 7 else 4 end")[0][0] == 0
    assert _sql(root, "select count(*) from articles where published_date is not null and length(published_date_text) "
                      "<> case published_precision when 'day' then 10 when 'month' then 7 else 4 end")[0][0] == 0
    assert _sql(root, "select count(*) from gdelt_events g join events e on g.GLOBALEVENTID = e.event_id "
                      "where e.event_date_precision <> 'day' and (g.SQLDATE is not null or g.FractionDate is not null)"
                      )[0][0] == 0
    assert _sql(root, "select count(*) from gdelt_events g join events e on g.GLOBALEVENTID = e.event_id "
                      "where e.event_date_precision = 'year' and g.MonthYear is not null")[0][0] == 0
    assert _sql(root, "select published_date_text, published_basis from articles "
                      "where source_uri like '%000_5ee90c6c6bb052ff.txt'") == [("2001-05-29", "world")]


def test_validation_chunks_give_the_same_rows(seeds_warehouse, tmp_path, monkeypatch):
    """One input per batch and per validation chunk, on worker processes: the tables hold the same rows as
    the one-chunk run."""
    from flows.news_to_events import news_to_events

    root, _ = seeds_warehouse
    monkeypatch.setenv("VNEVENTS_CHUNK_SIZE", "1")
    news_to_events(paths=[str(SAMPLES)], warehouse=str(tmp_path), workers=2, batch_size=1)
    for table, key in (("articles", "article_id"), ("events", "event_id"), ("mentions", "mention_id"),
                       ("timexes", "timex_id"), ("inputs", "input_id")):
        assert _sql(tmp_path, f"select {key} from {table} order by 1") == \
            _sql(root, f"select {key} from {table} order by 1"), table
