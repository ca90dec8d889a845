import os
import signal
import subprocess
import sys
import time

import duckdb
import pyarrow as pa
import pytest

from flows import warehouse as wh
from flows.errors import UsageError
from schemas.tables import TABLES
from tests.conftest import REPO, SEED_1, SEED_2


def _inputs(ids: list[str], run: str) -> pa.Table:
    import datetime as dt
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    return pa.Table.from_pylist([{"input_id": i, "source_uri": f"{i}.txt", "size_bytes": 1, "sha256": "0" * 64,
                                  "encoding": "utf-8", "outcome": "article", "article_id": None, "reason": None,
                                  "ingested_at": now, "ingest_date": "2026-01-01", "run_id": run} for i in ids],
                                schema=TABLES["inputs"].arrow_schema())


def _count(root, table) -> int:
    return duckdb.sql(f"select count(*) from read_parquet('{root}/{table}/**/*.parquet', hive_partitioning=true)").fetchall()[0][0]


def test_publish_replaces_by_key_and_is_idempotent(tmp_path):
    wh.publish(tmp_path, {"inputs": _inputs(["a", "b"], "r1")}, {"inputs": {"a", "b"}}, "r1")
    wh.publish(tmp_path, {"inputs": _inputs(["a", "b"], "r2")}, {"inputs": {"a", "b"}}, "r2")
    assert _count(tmp_path, "inputs") == 2
    wh.publish(tmp_path, {"inputs": _inputs(["b", "c"], "r3")}, {"inputs": {"b", "c"}}, "r3")
    rows = wh.read_table(tmp_path, "inputs", ["input_id", "run_id"]).to_pylist()
    assert sorted((r["input_id"], r["run_id"]) for r in rows) == [("a", "r2"), ("b", "r3"), ("c", "r3")]
    assert len(list((tmp_path / ".snapshots").iterdir())) == 3  # keep=3 snapshots


def test_catalog_views_for_every_table_even_empty(tmp_path):
    wh.publish(tmp_path, {"inputs": _inputs(["a"], "r1")}, {"inputs": {"a"}}, "r1")
    wh.build_catalog(tmp_path)
    con = duckdb.connect(str(tmp_path / "catalog.duckdb"), read_only=True)
    assert con.sql("select count(*) from inputs").fetchall()[0][0] == 1
    assert con.sql("select count(*) from events").fetchall()[0][0] == 0
    assert "event_root_code" in con.sql("select * from events").columns


def test_warehouse_must_be_local():
    with pytest.raises(UsageError):
        wh.check_root("s3://bucket/warehouse")


CHILD = """
import sys, time
import flows.warehouse as wh
real = wh._write_rows
def slow(*args, **kwargs):
    print("PUBLISHING", flush=True)
    time.sleep(600)
    real(*args, **kwargs)
wh._write_rows = slow
from flows.news_to_events import news_to_events
news_to_events(paths=[sys.argv[1], sys.argv[2]], warehouse=sys.argv[3], workers=1)
"""


@pytest.mark.prefect
@pytest.mark.slow
def test_run_killed_while_publishing_leaves_previous_state(tmp_path, prefect_server):
    from flows.news_to_events import news_to_events

    root = tmp_path / "wh"
    news_to_events(paths=[str(SEED_1)], warehouse=str(root), workers=1)
    before = {t: _count(root, t) for t in ("articles", "events", "inputs")}
    current = os.readlink(root / "current")

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PREFECT_API_URL", None)  # the child uses its own temporary server, with a database of its own:
    env["PREFECT_HOME"] = str(tmp_path / "prefect")  # ~/.prefect may hold one another Prefect version migrated
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"  # a new database migrates first: slow on 2 cores
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(SEED_1), str(SEED_2), str(root)], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        for line in child.stdout:
            if "PUBLISHING" in line or time.monotonic() > deadline:
                break
        assert any(p.name.endswith(".tmp") for p in (root / ".snapshots").iterdir()), "killed before publishing"
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()

    assert os.readlink(root / "current") == current  # the pointer never moved
    assert {t: _count(root, t) for t in before} == before  # readable and whole
    summary = news_to_events(paths=[str(SEED_1), str(SEED_2)], warehouse=str(root), workers=1)
    assert summary["articles"] == 2 and _count(root, "articles") == 2
    assert not any(p.name.endswith(".tmp") for p in (root / ".snapshots").iterdir())
