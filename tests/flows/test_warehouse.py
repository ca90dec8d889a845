"""The Delta warehouse: replace-by-key commits, what a plain Parquet reader sees, time travel, retention,
the root it owns, run staging, DuckDB and Polars reading the same tables."""
import datetime as dt
import json
import os
import subprocess
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pytest

from flows import storage
from flows.errors import RunFailed, UsageError
from flows.warehouse import HISTORY, MARKER, RUNS, Warehouse
from schemas.tables import TABLES
from tests.conftest import REPO

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _inputs(ids: list[str], run: str) -> list[dict]:
    return [{"input_id": i, "source_uri": f"{i}.txt", "size_bytes": 1, "sha256": "0" * 64, "encoding": "utf-8",
             "outcome": "article", "article_id": None, "reason": None, "ingested_at": NOW,
             "extraction_version": "test", "ingest_date": "2026-01-01", "run_id": run} for i in ids]


def _run_row(run: str) -> dict:
    return {"run_id": run, "started_at": NOW, "finished_at": NOW, "inputs": 0, "articles": 0, "duplicates": 0,
            "rejected": 0, "quarantined_rows": 0, "timexes": 0, "mentions": 0, "events": 0,
            "validation_success": True, "pipeline_version": "test", "extraction_version": "test",
            "run_date": "2026-01-01"}


def _publish(wh: Warehouse, tmp_path, run: str, ids: list[str], **kwargs) -> dict:
    staged = storage.write_parquet(TABLES["inputs"].from_rows(_inputs(ids, run)), str(tmp_path / f"{run}.parquet"))
    return wh.publish(_run_row(run), {"inputs": [staged]}, {"inputs": pa.array(ids)}, **kwargs)


def _glob_rows(root, table) -> list[tuple]:
    """What the gold scorer, or any plain Parquet reader, sees."""
    return sorted(duckdb.sql(f"select input_id, run_id from read_parquet('{root}/{table}/**/*.parquet', "
                             "hive_partitioning=true, union_by_name=true)").fetchall())


def test_rows_replaced_by_key_in_one_commit_and_plain_readers_see_current_rows(tmp_path):
    wh = Warehouse.open(str(tmp_path / "wh"))
    _publish(wh, tmp_path, "r1", ["a", "b"])
    _publish(wh, tmp_path, "r2", ["a", "b"])
    v3 = _publish(wh, tmp_path, "r3", ["b", "c"])
    expected = [("a", "r2"), ("b", "r3"), ("c", "r3")]
    assert _glob_rows(wh.uri, "inputs") == expected  # no row of an earlier version is left in the table folder
    assert sorted(wh.read("inputs", ["input_id", "run_id"]).to_pylist(), key=lambda r: r["input_id"]) == [
        {"input_id": i, "run_id": r} for i, r in expected]
    history = [h["operation"] for h in wh.delta("inputs").history()]
    assert len(history) == 3 and v3["inputs"] == 2  # one commit per publish
    # Polars reads the same Delta table
    assert sorted(pl.read_delta(wh.table_uri("inputs"))["input_id"].to_list()) == ["a", "b", "c"]
    # time travel: the first run's version, from files moved to .history
    assert list((tmp_path / "wh" / HISTORY / "inputs").rglob("*.parquet"))
    con = wh.connect(as_of="r1")
    assert sorted(con.sql("select input_id, run_id from inputs").fetchall()) == [("a", "r1"), ("b", "r1")]
    with pytest.raises(UsageError):
        wh.connect(as_of="nope")


def test_retention_deletes_only_unneeded_history_by_name(tmp_path):
    wh = Warehouse.open(str(tmp_path / "wh"))
    user_file = tmp_path / "wh" / HISTORY / "inputs" / "ingest_date=2026-01-01" / "notes.parquet"
    for n in range(1, 5):
        _publish(wh, tmp_path, f"r{n}", ["a"], retain_runs=2, retain_days=0)
        if n == 2:
            user_file.write_bytes(b"not ours")
    kept = [p for p in (tmp_path / "wh" / HISTORY / "inputs").rglob("*.parquet") if p != user_file]
    assert len(kept) == 1  # r3's file (r4's is current); r1's and r2's were deleted
    assert sorted(wh.connect(as_of="r3").sql("select run_id from inputs").fetchall()) == [("r3",)]
    assert user_file.read_bytes() == b"not ours"


def test_catalog_views_for_every_table_even_empty_with_relative_paths(tmp_path):
    root = tmp_path / "wh"
    _publish(Warehouse.open(str(root)), tmp_path, "r1", ["a"])
    moved = tmp_path / "moved"
    os.rename(root, moved)  # a copied or moved warehouse still reads its own files
    con = duckdb.connect(str(moved / "catalog.duckdb"), read_only=True)
    con.execute(f"SET file_search_path='{moved}'")
    assert con.sql("select count(*) from inputs").fetchall()[0][0] == 1
    assert con.sql("select count(*) from events").fetchall()[0][0] == 0
    assert "event_root_code" in con.sql("select * from events").columns
    tables = {r[0] for r in con.sql("select table_name from information_schema.tables where table_type='BASE TABLE'")
              .fetchall()}
    assert tables == set()  # views only, no helper tables
    views = con.sql("select sql from duckdb_views() where not internal").fetchall()
    assert all(str(moved) not in v and str(root) not in v for (v,) in views)


def test_root_ownership(tmp_path):
    with pytest.raises(UsageError, match="empty"):
        Warehouse.open("")
    home = tmp_path / "home"
    home.mkdir()
    (home / "current").write_text("a user's file")
    with pytest.raises(UsageError, match="not empty and is not a vnevents warehouse"):
        Warehouse.open(str(home))
    assert sorted(p.name for p in home.iterdir()) == ["current"]
    with pytest.raises(UsageError, match="no vnevents warehouse"):
        Warehouse.open(str(tmp_path / "none"), create=False)
    wh = Warehouse.open(str(tmp_path / "new"))
    assert (tmp_path / "new" / MARKER).exists() and Warehouse.open(wh.uri).uri == wh.uri


def test_stale_staging_of_dead_runs_is_removed_and_nothing_else(tmp_path):
    wh = Warehouse.open(str(tmp_path / "wh"))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / "wh" / RUNS / "20260101T000000-dead00"
    stale.mkdir(parents=True)
    (stale / "run.json").write_text(json.dumps({"run_id": stale.name, "host": os.uname().nodename, "pid": pid,
                                                "pid_started": 0.0, "heartbeat_at": NOW.isoformat()}))
    (stale / "ingest").mkdir()
    foreign = tmp_path / "wh" / RUNS / "mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("x")
    live = wh.begin_run("20260101T000001-live00")
    assert not stale.exists() and (foreign / "keep.txt").exists() and os.path.isdir(live)
    wh.end_run("20260101T000001-live00")
    assert not os.path.exists(live)


@pytest.mark.slow
def test_disk_full_while_publishing_is_one_line(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)]).returncode:
        pytest.skip("needs permission to mount a small tmpfs")
    try:
        wh = Warehouse.open(str(mount / "wh"))
        ids = [f"{i:08d}" for i in range(20000)]
        rows = _inputs(ids, "r1")
        for r in rows:
            r["source_uri"] = os.urandom(24).hex()
        staged = storage.write_parquet(TABLES["inputs"].from_rows(rows), str(tmp_path / "big.parquet"))
        with pytest.raises(RunFailed) as err:
            wh.publish(_run_row("r1"), {"inputs": [staged]}, {"inputs": pa.array(ids)})
        message = str(err.value)
        assert "\n" not in message and str(mount / "wh") in message and "MB" in message
        assert wh.read("inputs").num_rows == 0  # nothing half-published
    finally:
        subprocess.run(["umount", str(mount)])


def test_duckdb_1x_opens_a_copied_catalog(tmp_path):
    """A DuckDB 1.x client (what most BI tools embed) in its own environment opens the catalog read-only."""
    import shutil

    root = tmp_path / "wh"
    _publish(Warehouse.open(str(root)), tmp_path, "r1", ["a", "b"])
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    venv = tmp_path / "duckdb1"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "duckdb==1.1.3"], capture_output=True,
                         text=True)
    if pip.returncode and not os.environ.get("CI"):
        pytest.skip(f"duckdb 1.1.3 not installable here: {pip.stderr[-300:]}")
    assert pip.returncode == 0, pip.stderr
    script = ("import duckdb; con = duckdb.connect('catalog.duckdb', read_only=True); "
              "print(duckdb.__version__, con.sql('select count(*) from inputs').fetchall()[0][0], "
              "con.sql('select count(*) from events').fetchall()[0][0])")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", script], cwd=copy, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1.1.3", "2", "0"]


CHILD = """
import sys, time
import flows.warehouse as wh
real = wh.Warehouse._commit
def slow(self, spec, *args, **kwargs):
    if spec.name == "events":
        print("PUBLISHING", flush=True)
        time.sleep(600)
    return real(self, spec, *args, **kwargs)
wh.Warehouse._commit = slow
from flows.news_to_events import news_to_events
news_to_events(paths=sys.argv[1:3], warehouse=sys.argv[3], workers=1)
"""


@pytest.mark.prefect
@pytest.mark.slow
def test_run_killed_while_publishing_leaves_every_table_at_its_previous_version(tmp_path, prefect_server):
    import signal
    import time

    from flows.news_to_events import news_to_events
    from tests.conftest import SEED_1, SEED_2

    root = tmp_path / "wh"
    news_to_events(paths=[str(SEED_1)], warehouse=str(root), workers=1)
    wh = Warehouse(str(root))
    before = {t: wh.read(t).num_rows for t in ("articles", "events", "inputs", "mentions")}
    versions = wh.versions()
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
        assert wh.delta("articles").version() == versions["articles"] + 1, "killed before publishing"
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    # every table readable; the catalog still shows the previous run across tables
    con = wh.connect()
    assert {t: con.sql(f"select count(*) from {t}").fetchall()[0][0] for t in before} == before
    con.close()
    assert (root / RUNS).exists() and any((root / RUNS).iterdir())  # the killed run's staging ...
    summary = news_to_events(paths=[str(SEED_1), str(SEED_2)], warehouse=str(root), workers=1)
    assert not any((root / RUNS).iterdir())  # ... is removed by the next run
    assert summary["articles"] == 1 and summary["unchanged"] == 1
    assert wh.read("articles").num_rows == 2
    assert len(_glob_article_ids(root)) == 2  # and no duplicate rows for plain readers


def _glob_article_ids(root) -> list:
    return duckdb.sql(f"select article_id from read_parquet('{root}/articles/**/*.parquet', "
                      "hive_partitioning=true)").fetchall()


@pytest.mark.prefect
@pytest.mark.slow
def test_disk_full_during_a_run_is_one_line_and_leaves_no_staging(tmp_path, prefect_server):
    from flows.news_to_events import news_to_events
    from tests.conftest import SAMPLES

    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)]).returncode:
        pytest.skip("needs permission to mount a small tmpfs")
    try:
        with pytest.raises(RunFailed) as err:
            news_to_events(paths=[str(SAMPLES)], warehouse=str(mount / "wh"), workers=1)
        message = str(err.value)
        assert "\n" not in message and str(mount / "wh") in message and "MB" in message, message
        assert not any((mount / "wh" / RUNS).iterdir())  # the run's staging is gone, the space is free again
    finally:
        subprocess.run(["umount", str(mount)])
