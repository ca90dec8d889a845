"""`vnevents serve` against a real Prefect server (SQLite): a scheduled run is created by the server's
scheduler and completes on its own, landing in the warehouse with an http:// link to its Data Docs; the
deployment records absolute paths; an ad-hoc run started through the server
(`prefect deployment run ... -p ...`) lands in the warehouse it names."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import duckdb
import httpx
import pytest

from flows.serve import start_server
from flows.settings import Settings
from tests.conftest import REPO, SEED_1, SEED_2

pytestmark = [pytest.mark.slow]

# The scheduler service looks for deployments to schedule every 60 s by default and fills 3 to 100 runs
# ahead; here it looks every 2 s and keeps one run ahead, so an interval schedule fires within seconds.
SCHEDULER = {"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
             "PREFECT_SERVER_SERVICES_SCHEDULER_MIN_RUNS": "1",
             "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS": "1"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    settings = Settings(prefect_home=str(tmp / "prefect"), server_port=_free_port())
    proc, url = start_server(settings, env=SCHEDULER)
    yield url, tmp
    proc.terminate()
    proc.wait(timeout=30)


def _post(url: str, path: str, body: dict) -> list[dict]:
    return httpx.post(f"{url}/{path}/filter", json=body, timeout=30).json()


def _deployment(url: str, name: str) -> dict | None:
    found = _post(url, "deployments", {"deployments": {"name": {"any_": [name]}}})
    return found[0] if found else None


@contextmanager
def serving(url: str, cwd, log, *args: str):
    """`vnevents serve ARGS` in its own process group, started in `cwd`, stopped at the end."""
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_RUNNER_POLL_FREQUENCY": "2",
           "VNEVENTS_REPORTS_PORT": str(_free_port()), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", *args], cwd=cwd, env=env,
                            stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _wait(what, check, proc, log, timeout: float = 300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()
        found = check()
        if found:
            return found
        time.sleep(1)
    raise AssertionError(f"no {what} after {timeout:.0f} s:\n{log.read_text()}")


def test_scheduled_run_fires_and_lands(server):
    url, tmp = server
    work = tmp / "scheduled"
    (work / "in").mkdir(parents=True)
    shutil.copy(SEED_1, work / "in")
    log = work / "serve.log"
    # relative input and warehouse: resolved against the folder serve starts in
    with serving(url, work, log, "--interval", "10", "--name", "every10s", "--input", "in", "-w", "wh") as proc:
        deployment = _wait("deployment", lambda: _deployment(url, "every10s"), proc, log, timeout=180)
        assert deployment["parameters"] == {"paths": [str(work / "in")], "warehouse": str(work / "wh")}
        assert deployment["schedules"][0]["schedule"]["interval"] == 10.0

        def completed():
            return _post(url, "flow_runs", {"deployments": {"id": {"any_": [deployment["id"]]}},
                                            "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}})
        run = _wait("completed scheduled run", completed, proc, log)[0]
        assert run["auto_scheduled"] is True  # created by the server's scheduler, not by anyone asking

        rows = duckdb.sql(f"select source_uri from read_parquet('{work}/wh/articles/**/*.parquet', "
                          f"hive_partitioning=true)").fetchall()
        assert rows == [(str(work / "in" / SEED_1.name),)]
        # the run's Data Docs and event report links are http:// pages served by the same serve process
        for key, ending, text in (("validation-data-docs", "/data_docs/index.html", "Expectation Suites"),
                                  ("event-report-page", "/report.html", "<html")):
            artifacts = _post(url, "artifacts", {"artifacts": {"flow_run_id": {"any_": [run["id"]]},
                                                               "key": {"any_": [key]}}})
            data = artifacts[0]["data"]
            link = data.rsplit("](", 1)[1].rstrip(")") if data.startswith("[") else data  # [text](link)
            assert link.startswith("http://127.0.0.1:") and link.endswith(ending), link
            page = httpx.get(link, timeout=30)
            assert page.status_code == 200 and text in page.text, link


def test_serve_registers_cron_and_runs_ad_hoc(server):
    url, tmp = server
    work = tmp / "adhoc"
    work.mkdir()
    log = work / "serve.log"
    with serving(url, REPO, log, "--warehouse", str(work / "scheduled_wh"), "--cron", "0 3 * * *",
                 "--name", "test", "--input", str(SEED_1)) as proc:
        deployment = _wait("deployment", lambda: _deployment(url, "test"), proc, log, timeout=180)
        assert deployment["schedules"][0]["schedule"]["cron"] == "0 3 * * *"
        assert deployment["parameters"]["paths"] == [str(SEED_1)]

        target = work / "adhoc_wh"
        env = {**os.environ, "PREFECT_API_URL": url}
        run = subprocess.run([sys.executable, "-m", "prefect", "deployment", "run", "news_to_events/test",
                              "-p", f"paths={json.dumps([str(SEED_2)])}", "-p", f"warehouse={json.dumps(str(target))}",
                              "--watch", "--watch-timeout", "300"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=400)
        assert run.returncode == 0, run.stdout + run.stderr + log.read_text()
        rows = duckdb.sql(f"select source_uri from read_parquet('{target}/articles/**/*.parquet', "
                          f"hive_partitioning=true)").fetchall()
        assert rows == [(str(SEED_2),)]
