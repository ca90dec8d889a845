"""`vnevents serve`: a real Prefect server (started here unless PREFECT_API_URL reaches one) and the
`news_to_events` deployment served from this process, on a cron schedule, for scheduled and ad-hoc runs.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from flows.settings import Settings


def api_healthy(url: str) -> bool:
    try:
        return httpx.get(url.rstrip("/") + "/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_server(settings: Settings, timeout: float = 120) -> tuple[subprocess.Popen, str]:
    """`prefect server start` with its SQLite database under settings.prefect_home; waits until healthy."""
    home = Path(settings.prefect_home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    url = f"http://{settings.server_host}:{settings.server_port}/api"
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", settings.server_host,
                             "--port", str(settings.server_port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}; see {home / 'server.log'}")
        if api_healthy(url):
            return proc, url
        time.sleep(0.5)
    proc.terminate()
    raise TimeoutError(f"prefect server not healthy after {timeout:.0f} s; see {home / 'server.log'}")


def serve_deployment(settings: Settings) -> None:
    url = os.environ.get("PREFECT_API_URL")
    server = None
    if url and api_healthy(url):
        print(f"using the Prefect server at {url}", flush=True)
    else:
        if url:
            print(f"PREFECT_API_URL={url} is not reachable: starting a server instead", flush=True)
        server, url = start_server(settings)
        print(f"started a Prefect server at {url} (UI: {url.removesuffix('/api')})", flush=True)
    os.environ["PREFECT_API_URL"] = url  # before Prefect reads its settings, and for the flow-run processes
    try:
        from flows.news_to_events import news_to_events

        params = {"paths": settings.inputs, "warehouse": str(Path(settings.warehouse).resolve())}
        print(f"serving deployment news_to_events/{settings.deployment_name} on cron '{settings.schedule_cron}' "
              f"with {params}", flush=True)
        news_to_events.serve(name=settings.deployment_name, cron=settings.schedule_cron, parameters=params,
                             description="Vietnamese news to validated CAMEO event tables",
                             tags=["vnevents"], pause_on_shutdown=False)
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
