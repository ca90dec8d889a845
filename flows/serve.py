"""`vnevents serve`: a real Prefect server (started here unless PREFECT_API_URL reaches one) and the
`news_to_events` deployment served from this process, on a cron or interval schedule, for scheduled and
ad-hoc runs. The warehouse's reports/ (validation JSON, Data Docs) are served over HTTP from this same
process, so the Prefect artifacts of the runs link to pages a browser opens from the Prefect UI.
"""
from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from flows.errors import RunFailed, UsageError
from flows.settings import Settings, check_inputs, check_schedule, check_task_runner, check_warehouse


def api_healthy(url: str) -> bool:
    try:
        return httpx.get(url.rstrip("/") + "/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def check_api() -> None:
    """A PREFECT_API_URL that is set must answer (unset: `run` starts a temporary server)."""
    url = os.environ.get("PREFECT_API_URL")
    if url and not api_healthy(url):
        raise UsageError(f"PREFECT_API_URL={url} does not answer; start that Prefect server, or unset "
                         f"PREFECT_API_URL to let `vnevents run` start a temporary one")


def _port_free(host: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def prepare(settings: Settings) -> Settings:
    """Every check before a server starts; relative inputs and warehouse made absolute against the folder
    serve starts in (the deployment records them, and flow runs may start elsewhere)."""
    check_schedule(settings)
    check_task_runner(settings)
    root = check_warehouse(settings.warehouse)
    root = root if "://" in root else str(Path(root).absolute())
    inputs = [p if "://" in p else str(Path(p).expanduser().absolute()) for p in settings.inputs]
    check_inputs(inputs)
    url = os.environ.get("PREFECT_API_URL")
    if not (url and api_healthy(url)) and not _port_free(settings.server_host, settings.server_port):
        raise UsageError(f"port {settings.server_port} on {settings.server_host} is in use, so no Prefect server "
                         f"can start there; set VNEVENTS_SERVER_PORT (or `server_port` in vnevents.toml), or "
                         f"PREFECT_API_URL to a running server")
    if settings.reports_port and not _port_free(settings.server_host, settings.reports_port):
        raise UsageError(f"port {settings.reports_port} for the reports is in use; set VNEVENTS_REPORTS_PORT "
                         f"(0 = any free port)")
    return settings.model_copy(update={"warehouse": root, "inputs": inputs})


def start_server(settings: Settings, timeout: float = 120, env: dict[str, str] | None = None
                 ) -> tuple[subprocess.Popen, str]:
    """`prefect server start` with its SQLite database under settings.prefect_home; waits until healthy.
    `env`: extra variables for the server (e.g. its services' PREFECT_SERVER_SERVICES_* settings)."""
    home = Path(settings.prefect_home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **(env or {}), "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    url = f"http://{settings.server_host}:{settings.server_port}/api"
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", settings.server_host,
                             "--port", str(settings.server_port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RunFailed(f"the Prefect server exited with code {proc.returncode}; see {home / 'server.log'}")
        if api_healthy(url):
            return proc, url
        time.sleep(0.5)
    proc.terminate()
    raise RunFailed(f"the Prefect server was not healthy after {timeout:.0f} s; see {home / 'server.log'}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no access log on the terminal
        pass


def serve_reports(root: Path, host: str, port: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    """<root>/reports/ over HTTP in a daemon thread (the standard library's file server: static files only)."""
    reports = root / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    httpd = http.server.ThreadingHTTPServer((host, port), functools.partial(_Quiet, directory=str(reports)))
    threading.Thread(target=httpd.serve_forever, name="vnevents-reports", daemon=True).start()
    return httpd, f"http://{host}:{httpd.server_address[1]}/"


def report_link(path: str | Path, root: str | Path) -> str:
    """Where a browser opens a report: under settings `reports_url` when the run's warehouse is the settings'
    warehouse, whose reports/ are served there (`vnevents serve` sets both), else a file:// URL."""
    from flows.settings import load_settings

    if "://" in str(path) or "://" in str(root):  # a remote warehouse: its URL
        return str(path)
    settings = load_settings()
    path, root = Path(path).resolve(), Path(root).resolve()
    if settings.reports_url and root == Path(settings.warehouse).resolve() and path.is_relative_to(root / "reports"):
        return settings.reports_url.rstrip("/") + "/" + path.relative_to(root / "reports").as_posix()
    return path.as_uri()


def serve_deployment(settings: Settings) -> None:
    """Serve the deployment until interrupted; `settings` as returned by `prepare`."""
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
    httpd = None
    os.environ["VNEVENTS_WAREHOUSE"] = settings.warehouse  # the flow-run processes' default warehouse
    if "://" not in settings.warehouse:  # a remote warehouse's reports stay where its tables are
        from flows.warehouse import Warehouse

        Warehouse.open(settings.warehouse)  # marked as a warehouse before reports/ is made in it
        httpd, reports_url = serve_reports(Path(settings.warehouse), settings.server_host, settings.reports_port)
        # the flow-run processes inherit this: the served warehouse's reports are here
        os.environ["VNEVENTS_REPORTS_URL"] = reports_url
        print(f"serving {settings.warehouse}/reports at {reports_url}", flush=True)
    try:
        from flows.news_to_events import news_to_events

        params = {"paths": settings.inputs, "warehouse": settings.warehouse}
        schedule = ({"interval": settings.schedule_interval} if settings.schedule_interval
                    else {"cron": settings.schedule_cron})
        print(f"serving deployment news_to_events/{settings.deployment_name} on {schedule} with {params}",
              flush=True)
        news_to_events.serve(name=settings.deployment_name, parameters=params, **schedule,
                             description="Vietnamese news to validated CAMEO event tables",
                             tags=["vnevents"], pause_on_shutdown=False,
                             limit=1)  # one run at a time: runs due meanwhile wait (one warehouse, few cores)
    finally:
        if httpd:
            httpd.shutdown()
        if server:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
