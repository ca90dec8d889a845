"""`vnevents serve` against a real Prefect server (SQLite): the deployment is registered with its cron
schedule, and an ad-hoc run started through the server (`prefect deployment run ... -p ...`) lands in
the warehouse."""
import json
import os
import signal
import socket
import subprocess
import sys
import time

import duckdb
import httpx
import pytest

from flows.serve import start_server
from flows.settings import Settings
from tests.conftest import REPO, SEED_1, SEED_2

pytestmark = [pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    settings = Settings(prefect_home=str(tmp_path / "prefect"), server_port=_free_port())
    proc, url = start_server(settings)
    yield url, tmp_path
    proc.terminate()
    proc.wait(timeout=30)


def _deployment(url: str, name: str) -> dict | None:
    found = httpx.post(f"{url}/deployments/filter", json={"deployments": {"name": {"any_": [name]}}}).json()
    return found[0] if found else None


def test_serve_registers_schedule_and_runs_ad_hoc(server):
    url, tmp = server
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp / "prefect"),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    serve = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--warehouse", str(tmp / "scheduled_wh"),
                              "--cron", "0 3 * * *", "--name", "test", "--input", str(SEED_1)], cwd=REPO, env=env,
                             stdout=open(tmp / "serve.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        deployment = None
        while deployment is None and time.monotonic() < deadline:
            assert serve.poll() is None, (tmp / "serve.log").read_text()
            deployment = _deployment(url, "test")
            time.sleep(1)
        assert deployment, (tmp / "serve.log").read_text()
        assert deployment["schedules"][0]["schedule"]["cron"] == "0 3 * * *"
        assert deployment["parameters"]["paths"] == [str(SEED_1)]

        target = tmp / "adhoc_wh"
        run = subprocess.run([sys.executable, "-m", "prefect", "deployment", "run", "news_to_events/test",
                              "-p", f"paths={json.dumps([str(SEED_2)])}", "-p", f"warehouse={json.dumps(str(target))}",
                              "--watch", "--watch-timeout", "300"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=400)
        assert run.returncode == 0, run.stdout + run.stderr + (tmp / "serve.log").read_text()
        rows = duckdb.sql(f"select source_uri from read_parquet('{target}/articles/**/*.parquet', "
                          f"hive_partitioning=true)").fetchall()
        assert rows == [(str(SEED_2),)]
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
