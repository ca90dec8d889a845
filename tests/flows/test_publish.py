"""The bounded publish: staged rows written as new data files by pyarrow's dataset writer, and the files
holding replaced keys copied without them, committed as one Delta transaction per table and run. The
tables hold exactly the staged rows (read by DuckDB as plain Parquet, by Polars as Delta, and by the
warehouse), on a local folder and on S3 (moto's server)."""
import datetime as dt

import duckdb
import polars as pl
import pyarrow as pa
import pytest

from flows import stages, storage
from flows.warehouse import Warehouse
from schemas.tables import TABLES
from tests.conftest import SEED_1, SEED_2
from tests.flows.test_warehouse import _run_row

COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")
DATA = {"articles": "article_id", "timexes": "timex_id", "mentions": "mention_id", "events": "event_id",
        "inputs": "input_id"}


def _stage(tmp, run_id: str, paths: list[str]) -> tuple[dict[str, list[str]], dict[str, pa.Array], dict]:
    """The real stages on real articles, one validation chunk per input (as a run stages them), without
    validation: {table: staged files}, replace keys, and {table: the staged rows by id}."""
    when = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc).isoformat()
    staged: dict[str, list[str]] = {}
    keys: dict[str, list] = {}
    for n, path in enumerate(paths):
        [part] = stages.ingest_batch([path], str(tmp / run_id / "ingest"), n, n * 10, 10**7, COLUMNS)
        clean = stages.clean_batch(part, str(tmp / run_id / f"clean-{n}.parquet"))
        decisions, chosen = stages.deduplicate([clean], TABLES["articles"].empty(), str(tmp / run_id / f"d{n}.parquet"))
        extracted = [stages.extract_batch(clean, chosen[clean], str(tmp / run_id / "x"), run_id, when)]
        tables, chunk_keys = stages.assemble([clean], decisions, extracted, run_id, when)
        if n == 1:  # an undated event (the seeds' are all dated): the null partition, event_year=__HIVE_DEFAULT_…
            events = tables["events"].to_pylist()
            events[-1].update(event_date=None, event_date_text=None, event_year=None, event_month=None)
            tables["events"] = TABLES["events"].from_rows(events)
        for name, table in tables.items():
            if table.num_rows:
                staged.setdefault(name, []).append(storage.write_parquet(
                    table, str(tmp / run_id / "staged" / name / f"chunk-{n:05d}.parquet")))
        for name, k in chunk_keys.items():
            keys.setdefault(name, []).extend(k.to_pylist())
    rows = {name: {r[key]: r for f in staged.get(name, []) for r in storage.read_parquet(f).to_pylist()}
            for name, key in DATA.items()}
    return staged, {k: pa.array(v, pa.string()) for k, v in keys.items()}, rows


def _published(wh: Warehouse, name: str) -> dict[str, dict]:
    """The table's rows by id, as the warehouse reads its current version; checked against what DuckDB
    reads as plain Parquet from the table folder and what Polars reads as Delta."""
    key = DATA[name]
    current = {r[key]: r for r in wh.read(name).to_pylist()}
    delta = pl.read_delta(wh.table_uri(name), storage_options=wh.storage_options)
    assert sorted(delta[key].to_list()) == sorted(current)
    if not wh.remote:
        glob = duckdb.sql(f"select {key} from read_parquet('{wh.uri}/{name}/**/*.parquet', hive_partitioning=true, "
                          "union_by_name=true)").fetchall()
        assert sorted(k for (k,) in glob) == sorted(current)
    return current


def _same(published: dict[str, dict], expected: dict[str, dict]) -> None:
    assert sorted(published) == sorted(expected)
    for key, row in expected.items():
        assert {c: published[key][c] for c in row} == row, key


def _check_publish(wh: Warehouse, tmp):
    seeds = [str(SEED_1), str(SEED_2)]
    staged, keys, first = _stage(tmp, "r1", seeds)
    assert all(len(staged[name]) == 2 for name in DATA)  # two chunks of each table
    assert any(r["event_year"] is None for r in first["events"].values())  # an undated event: the null partition
    v1 = wh.publish(_run_row("r1"), staged, keys)
    for name in DATA:
        _same(_published(wh, name), first[name])
        assert len(wh.delta(name).history()) == 1  # the table's first version holds all its rows
    assert any(f.startswith("event_year=__HIVE_DEFAULT_PARTITION__/") for f in wh.files("events"))

    # the first seed again (as `--reprocess` brings it): its rows replace the published ones, in one commit a table
    staged, keys, again = _stage(tmp, "r2", seeds[:1])
    v2 = wh.publish(_run_row("r2"), staged, keys)
    article = next(iter(again["articles"]))
    for name in DATA:
        expected = {k: r for k, r in first[name].items() if r.get("article_id") != article and
                    (name != "inputs" or k not in again["inputs"])}
        expected.update(again[name])
        _same(_published(wh, name), expected)
        assert v2[name] == v1[name] + 1, name
    assert {r["run_id"] for r in wh.read("articles").to_pylist()} == {"r1", "r2"}
    assert any(f.endswith("-kept.parquet") for f in wh.files("inputs"))  # the second seed's row, copied

    # a run that replaces an article's events with none: the files holding them go, nothing is added
    other = next(k for k in first["articles"] if k != article)
    v3 = wh.publish(_run_row("r3"), {}, {"events": pa.array([other], pa.string())})
    assert v3["events"] == v2["events"] + 1 and v3["articles"] == v2["articles"]
    assert {r["article_id"] for r in _published(wh, "events").values()} == {article}
    # time travel still reads the first run's rows
    assert wh.connect(as_of="r1").sql("select count(*) from events").fetchall() == [(len(first["events"]),)]


def test_bounded_publish_on_a_local_folder(tmp_path):
    _check_publish(Warehouse.open(str(tmp_path / "wh")), tmp_path)


@pytest.mark.slow
def test_bounded_publish_on_s3(s3_server, tmp_path):
    _check_publish(Warehouse.open(s3_server), tmp_path)
