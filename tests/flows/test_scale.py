"""The warehouse past one machine: Delta tables on S3 (moto's S3 server on 127.0.0.1), read back by DuckDB
and Polars; two runs into one warehouse at once; the flow on a real distributed.LocalCluster gives the
same events as the process runner."""
import os
import subprocess
import sys

import polars as pl
import pytest

from flows.warehouse import Warehouse
from tests.conftest import REPO, SAMPLES, SEED_1, SEED_2

pytestmark = [pytest.mark.prefect, pytest.mark.slow]

EVENTS = ("select article_id, event_id, event_code, source_actor_code, target_actor_code, event_date, event_year "
          "from events order by event_id")


def test_flow_into_a_delta_warehouse_on_s3(s3_server, prefect_server, tmp_path):
    from flows.news_to_events import news_to_events

    first = news_to_events(paths=[str(SAMPLES)], warehouse=s3_server, workers=1)
    again = news_to_events(paths=[str(SAMPLES)], warehouse=s3_server, workers=1)
    assert (first["articles"], again["articles"], again["unchanged"]) == (2, 0, 2)
    wh = Warehouse(s3_server)
    con = wh.connect()  # DuckDB, reading the object store through fsspec
    events = con.sql(EVENTS).fetchall()
    assert len(events) == first["events"] > 0
    assert con.sql("select count(*) from runs").fetchall() == [(2,)]
    polars_events = pl.read_delta(wh.table_uri("events"), storage_options=wh.storage_options)
    assert sorted(polars_events["event_id"].to_list()) == [e[1] for e in events]
    assert wh.connect(as_of=first["run_id"]).sql("select count(*) from runs").fetchall() == [(1,)]
    import fsspec
    fs = fsspec.filesystem("s3")
    assert not fs.exists("lake/vnevents/.runs/" + again["run_id"])  # staging removed
    assert fs.exists(f"lake/vnevents/reports/{first['run_id']}/validation.json")


def test_two_runs_at_once_both_land(tmp_path, prefect_server):
    """Two `vnevents run` processes into one warehouse at the same moment: each has its own staging, the
    publishes take turns, and the tables end with both runs' rows."""
    from prefect.settings import PREFECT_API_URL

    root = tmp_path / "wh"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PREFECT_API_URL": PREFECT_API_URL.value()}
    runs = [subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(seed), "-w", str(root), "--workers", "1",
                              "--json"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for seed in (SEED_1, SEED_2)]
    outs = [r.communicate(timeout=600) for r in runs]
    assert all(r.returncode == 0 for r in runs), [o[1][-2000:] for o in outs]
    wh = Warehouse(str(root))
    con = wh.connect()
    assert con.sql("select count(*) from articles").fetchall() == [(2,)]
    assert con.sql("select count(*) from runs").fetchall() == [(2,)]
    assert con.sql("select count(*) from inputs").fetchall() == [(2,)]
    assert sorted(r[0] for r in con.sql("select source_uri from articles").fetchall()) == sorted(
        str(s) for s in (SEED_1, SEED_2))
    assert not any((root / ".runs").iterdir())


def test_dask_local_cluster_gives_the_same_events_as_the_process_runner(tmp_path, prefect_server, monkeypatch):
    from distributed import LocalCluster
    from prefect.settings import PREFECT_API_URL

    from flows.news_to_events import news_to_events

    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())  # the workers report to the test's API

    news_to_events(paths=[str(SEED_1), str(SEED_2)], warehouse=str(tmp_path / "process"), workers=2,
                   batch_size=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        news_to_events(paths=[str(SEED_1), str(SEED_2)], warehouse=str(tmp_path / "dask"), batch_size=1,
                       task_runner_kind="dask", dask_address=cluster.scheduler_address)
        workers_used = len(cluster.scheduler_info["workers"])
    assert workers_used == 2
    process = Warehouse(str(tmp_path / "process")).connect().sql(EVENTS).fetchall()
    dask = Warehouse(str(tmp_path / "dask")).connect().sql(EVENTS).fetchall()
    assert dask == process and len(process) > 0
