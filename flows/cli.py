"""The `vnevents` command line. Every command reads Settings (flags > VNEVENTS_* env > vnevents.toml).

Errors: a command checks its settings, paths and formats first (flows/settings.py `check_*`), before any
Prefect server starts, and raises flows.errors.UsageError / RunFailed / DataFailed with a one-line message
(what is wrong, how to fix it). `_Cli.main` below is the single handler that prints `error: <message>`
(or a JSON error object on stdout with `--json`) and exits with the error's code: 0 done, 1 data failed
validation, 2 usage or configuration error, 3 the run failed. `--debug` adds the traceback; `--verbose`
shows Prefect's own log lines. A new command needs nothing but raising those errors.
"""
from __future__ import annotations

import enum
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Optional

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")  # as the Makefile: no telemetry notice from Prefect's client
# Prefect's temporary server gets 20 s to start by default: too little on a busy 2-core machine
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import typer  # noqa: E402
from typer.core import TyperGroup  # noqa: E402

from flows.errors import EXIT_OK, DataFailed, RunFailed, UsageError, VneventsError  # noqa: E402
from flows.settings import Settings  # noqa: E402

_GLOBAL_FLAGS = ("--debug", "--verbose")  # accepted anywhere on the line, not only before the command
_STATE = {"debug": False, "verbose": False}


class _Cli(TyperGroup):
    """The one top-level error handler: known errors become one line and their exit code."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        for name in _GLOBAL_FLAGS:
            _STATE[name[2:]] = name in args
        args = [a for a in args if a not in _GLOBAL_FLAGS]
        as_json = "--json" in args
        try:
            code = super().main(args, "vnevents", complete_var, standalone_mode=False, **extra)
            code = code if isinstance(code, int) else EXIT_OK
        except typer.Exit as err:  # raised outside a command (eager options)
            code = err.exit_code
        except Exception as err:  # noqa: BLE001 - the single place where errors become one line
            code = _report(err, as_json)
        if standalone_mode:
            sys.exit(code)
        return code


def _report(err: Exception, as_json: bool) -> int:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    if isinstance(err, NoArgsIsHelpError):
        err.show()
        return err.exit_code
    if isinstance(err, ClickException):  # bad flags: click's message, our one-line form
        hint = f" (see `{err.ctx.command_path} --help`)" if getattr(err, "ctx", None) else ""
        err = UsageError(err.format_message().replace("\n", " ") + hint)
    elif not isinstance(err, VneventsError):
        err = _known(err)
    if _STATE["debug"]:
        traceback.print_exception(err.__cause__ or err.__context__ or err, file=sys.stderr)
    if as_json:
        print(json.dumps({"error": str(err), "exit_code": err.exit_code, **getattr(err, "details", {})},
                         ensure_ascii=False, indent=1, default=str))
    else:
        print(f"error: {err}", file=sys.stderr)
    return err.exit_code


def _known(err: Exception) -> VneventsError:
    """Library errors with a known meaning; anything else is a failed run (exit 3) with a pointer to --debug."""
    import duckdb

    if isinstance(err, KeyboardInterrupt):
        out = RunFailed("interrupted; nothing was published by an unfinished run, run it again")
    elif isinstance(err, duckdb.Error):
        out = UsageError(f"SQL: {str(err).splitlines()[0]}; see `vnevents query --help` for the views")
    elif "ephemeral Prefect API server" in str(err):
        out = RunFailed("the temporary Prefect server did not start (`--verbose` shows why: a database of "
                        "another Prefect version under PREFECT_HOME, or a machine too busy for "
                        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); or set PREFECT_API_URL to a running server")
    elif isinstance(err, PermissionError):
        out = RunFailed(f"permission denied: {err.filename}; fix its permissions or use another path")
    elif isinstance(err, OSError) and err.strerror:
        out = RunFailed(f"{err.strerror}: {err.filename or ''}; free the resource (disk, path) and run again")
    else:
        text = str(err).splitlines()[0] if str(err) else ""
        out = RunFailed(f"the run failed: {type(err).__name__}: {text} (`--debug` shows the traceback, "
                        f"`--verbose` Prefect's log)")
    out.__cause__ = err
    return out


app = typer.Typer(cls=_Cli, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)


def _default(key: str) -> str:
    """The settings default as help text (flags default to None: not given, the settings decide)."""
    value = Settings.model_fields[key].default
    return " ".join(value) if isinstance(value, list) else str(value)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        from flows.stages.version import VERSION, extraction_version  # the version runs record, not the wheel's
        print(f"vnevents {VERSION} (extraction {extraction_version()}, prefect {version('prefect')}, "
              f"great-expectations {version('great-expectations')})")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit."),
          debug: bool = typer.Option(False, "--debug", help="On an error, also print the traceback."),
          verbose: bool = typer.Option(False, "--verbose", help="Show Prefect's log lines (task states).")
          ) -> None:
    """vnevents: Vietnamese news to a validated warehouse of CAMEO-coded political events.

    Exit codes: 0 done, 1 data failed validation, 2 usage or configuration error, 3 the run failed."""


class TaskRunner(str, enum.Enum):
    process = "process"
    dask = "dask"


WAREHOUSE = typer.Option(None, "--warehouse", "-w", help="Warehouse root folder (settings `warehouse`).",
                         show_default=_default("warehouse"))


def _prefect_console(verbose: bool) -> None:
    """Prefect's console lines (task states, server start) only with --verbose: the progress display and the
    one-line errors replace them. Set before Prefect configures its logging (it reads this at import)."""
    if not verbose:
        os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "CRITICAL"


@app.command()
def run(paths: list[str] = typer.Argument(None, help="Files, folders, globs or fsspec URLs (settings `inputs`).",
                                          show_default=_default("inputs")),
        warehouse: Optional[str] = WAREHOUSE,
        batch_size: Optional[int] = typer.Option(None, help="Articles per task batch.",
                                                 show_default=_default("batch_size")),
        workers: Optional[int] = typer.Option(None, help="Extraction processes (0 = one per core).",
                                              show_default=_default("workers")),
        reprocess: bool = typer.Option(False, "--reprocess", help="Code every input again, even those already "
                                                                   "published unchanged."),
        task_runner: Optional[TaskRunner] = typer.Option(None, "--task-runner", help="Where cleaning and "
                                                         "extraction run: worker processes or a Dask cluster.",
                                                         show_default=_default("task_runner")),
        dask_address: Optional[str] = typer.Option(None, help="Dask scheduler address `tcp://host:port` "
                                                   "(--task-runner dask).", show_default="none, a local cluster"),
        as_json: bool = typer.Option(False, "--json", help="Print the run summary (or the error) as JSON.")) -> None:
    """Run the pipeline once (a real Prefect flow run) and publish into the warehouse.

    Inputs already published with the same bytes by the same extraction version are skipped (`unchanged`).
    Exit 1 when validation failed or every input was rejected; 2 when no input file is found."""
    from flows.settings import check_inputs, load_settings

    settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers,
                             task_runner=task_runner.value if task_runner else None, dask_address=dask_address)
    paths = paths or settings.inputs
    _preflight(settings, lambda: check_inputs(paths))
    _run_flow(settings, as_json, paths=paths, reprocess=reprocess)


@app.command()
def reprocess(older: bool = typer.Option(False, "--older", help="Re-extract the published articles coded by an "
                                                                 "older extraction version."),
              warehouse: Optional[str] = WAREHOUSE,
              workers: Optional[int] = typer.Option(None, help="Extraction processes (0 = one per core).",
                                                    show_default=_default("workers")),
              task_runner: Optional[TaskRunner] = typer.Option(None, "--task-runner", help="Where extraction runs.",
                                                               show_default=_default("task_runner")),
              dask_address: Optional[str] = typer.Option(None, help="Dask scheduler address (--task-runner dask).",
                                                         show_default="none, a local cluster"),
              as_json: bool = typer.Option(False, "--json", help="Print the run summary (or the error) as JSON.")
              ) -> None:
    """Code published articles again after an upgrade of the coder (`--older`); inputs are not re-read."""
    from flows.settings import check_warehouse, load_settings

    if not older:
        raise UsageError("say what to reprocess: --older (articles coded by an older extraction version); to code "
                         "inputs again use `vnevents run PATH --reprocess`")
    settings = load_settings(warehouse=warehouse, workers=workers,
                             task_runner=task_runner.value if task_runner else None, dask_address=dask_address)
    check_warehouse(settings.warehouse, must_exist=True)
    _preflight(settings)
    _run_flow(settings, as_json, older=True)


def _preflight(settings: Settings, check_inputs=None) -> None:
    """Every check of a run's settings before a Prefect server starts: the settings, then the inputs (a
    callable, when the command reads any), then the Prefect API last."""
    from flows.serve import check_api
    from flows.settings import check_task_runner, check_warehouse

    _prefect_console(_STATE["verbose"])
    check_warehouse(settings.warehouse)
    check_task_runner(settings)
    if check_inputs:
        check_inputs()
    check_api()
    if "PREFECT_API_URL" not in os.environ and "PREFECT_HOME" not in os.environ:
        # the temporary server's database lives under settings `prefect_home`, not in a ~/.prefect that
        # another Prefect version may have migrated
        os.environ["PREFECT_HOME"] = str(Path(settings.prefect_home).absolute())


def _run_flow(settings: Settings, as_json: bool, paths: list[str] | None = None, reprocess: bool = False,
              older: bool = False) -> None:
    from flows import progress
    from flows.news_to_events import news_to_events

    with progress.display():
        progress.stage("start", total=1, unit="server")  # a temporary Prefect server boots before the flow's stages
        summary = news_to_events(paths=paths, warehouse=settings.warehouse, batch_size=settings.batch_size,
                                 workers=settings.workers, reprocess=reprocess, older=older,
                                 task_runner_kind=settings.task_runner, dask_address=settings.dask_address)
    problem = _run_problem(summary)
    if as_json:
        if problem:
            problem.details = {"summary": summary}
            raise problem
        print(json.dumps(summary, indent=1, default=str))
        return
    print(_summary_text(summary))
    if problem:
        raise problem


def _run_problem(summary: dict) -> DataFailed | None:
    if not summary["validation_success"]:
        return DataFailed(f"validation failed: see {summary['report_html'] or summary['report_json']}")
    if summary["inputs"] and summary["articles"] == 0 and summary["duplicates"] == 0 and summary["unchanged"] == 0:
        return DataFailed(f"all {summary['inputs']} inputs were rejected, no article published; see why: "
                          f"vnevents query \"SELECT source_uri, reason, detail FROM rejects WHERE run_id = "
                          f"'{summary['run_id']}'\" -w {summary['warehouse']}")
    return None


def _summary_text(summary: dict) -> str:
    root = summary["warehouse"]
    return f"""
vnevents run {summary['run_id']} ({summary['seconds']} s)
  inputs        {summary['inputs']}: {summary['articles']} articles, {summary['duplicates']} duplicates, {summary['rejected']} rejected, {summary['unchanged']} unchanged
  extracted     {summary['events']} events, {summary['mentions']} mentions, {summary['timexes']} time expressions
  validation    {'passed' if summary['validation_success'] else 'FAILED'}; {summary['quarantined_rows']} rows quarantined to `rejects`
                report: {summary['report_html'] or summary['report_json']}
  tables        {root}/{{articles,mentions,timexes,events,entities,inputs,rejects,runs}} (Delta Lake, Hive-partitioned)
  catalog       {summary['catalog']}
  query         vnevents query "SELECT event_root_code, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC" -w {root}
                duckdb {summary['catalog']}"""


@app.command()
def validate(warehouse: Optional[str] = WAREHOUSE,
             report: Optional[Path] = typer.Option(None, help="Report folder.",
                                                   show_default="<warehouse>/reports/validate-<time>")
             ) -> None:
    """Re-validate every published table against its expectation suite; exit 1 on any failure."""
    import datetime as dt

    from flows.settings import check_warehouse, load_settings
    from flows.validation import validate as run_validation
    from flows.warehouse import Warehouse
    from schemas.tables import TABLES

    wh = Warehouse.open(check_warehouse(load_settings(warehouse=warehouse).warehouse, must_exist=True), create=False)
    if wh.delta("runs") is None:
        raise UsageError(f"no published warehouse at {wh.display()}; run `vnevents run PATH -w {wh.uri}` first")
    tables = {name: wh.read(name) for name in TABLES}
    stamp = f"validate-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}"
    folder = report or (Path(wh.uri) / "reports" / stamp if not wh.remote else Path("reports") / stamp)
    result = run_validation(tables, folder)
    for name, t in result.tables.items():
        status = "ok" if t.success else "FAILED"
        detail = "; ".join(f"{k}: {v} rows" for k, v in t.failures.items()) + "; ".join(t.table_failures)
        print(f"{name:10} {t.rows:8} rows  {status}  {detail}")
    print(f"report: {result.html_index or result.json_path}")
    if not result.success:
        raise DataFailed(f"validation failed for {', '.join(n for n, t in result.tables.items() if not t.success)}; "
                         f"see {result.html_index or result.json_path}")


class Format(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(sql: str = typer.Argument(..., help="SQL over the catalog views (articles, mentions, timexes, events, "
                                             "inputs, rejects, runs, entities, input_accounting)."),
          warehouse: Optional[str] = WAREHOUSE,
          fmt: Format = typer.Option(Format.table, "--format", help="Output format."),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="Read the tables as run RUN_ID left them "
                                                                     "(time travel; see `select run_id from runs`).",
                                              show_default="the last run")) -> None:
    """Run SQL on the warehouse catalog (DuckDB) and print the result."""
    from flows.settings import check_warehouse, load_settings
    from flows.warehouse import Warehouse

    wh = Warehouse.open(check_warehouse(load_settings(warehouse=warehouse).warehouse, must_exist=True), create=False)
    if wh.delta("runs") is None:
        raise UsageError(f"no published warehouse at {wh.display()}; run `vnevents run PATH -w {wh.uri}` first")
    con = wh.connect(as_of=as_of)
    try:
        rel = con.sql(sql)
        if rel is None:
            return
        if fmt is Format.csv:
            import csv
            writer = csv.writer(sys.stdout)
            writer.writerow(rel.columns)
            writer.writerows(rel.fetchall())
        elif fmt is Format.json:
            print(json.dumps([dict(zip(rel.columns, r)) for r in rel.fetchall()], ensure_ascii=False, default=str,
                             indent=1))
        else:
            rel.show(max_width=200, max_rows=100)
    finally:
        con.close()


@app.command()
def serve(warehouse: Optional[str] = WAREHOUSE,
          cron: Optional[str] = typer.Option(None, help="Cron schedule.", show_default=_default("schedule_cron")),
          interval: Optional[int] = typer.Option(None, help="Seconds between scheduled runs, instead of --cron.",
                                                 show_default="none, --cron is used"),
          name: Optional[str] = typer.Option(None, help="Deployment name.", show_default=_default("deployment_name")),
          inputs: list[str] = typer.Option(None, "--input", help="Default inputs of scheduled runs (repeatable).",
                                           show_default=_default("inputs"))
          ) -> None:
    """Start (or connect to) a Prefect server and serve `news_to_events` as a scheduled deployment.

    Uses PREFECT_API_URL when set and reachable; otherwise starts `prefect server start` (SQLite under
    settings `prefect_home`) and stops it on exit. Relative inputs and warehouse are resolved against the
    folder serve starts in. The warehouse's reports/ are served over HTTP (settings `reports_port`).
    Ad-hoc runs: Prefect UI, or `prefect deployment run news_to_events/NAME -p paths='["..."]'`."""
    from flows.serve import prepare, serve_deployment
    from flows.settings import load_settings

    settings = load_settings(warehouse=warehouse, schedule_cron=cron, schedule_interval=interval,
                             deployment_name=name, inputs=inputs or None)
    serve_deployment(prepare(settings))


@app.command()
def report(warehouse: Optional[str] = WAREHOUSE,
           since: Optional[str] = typer.Option(None, help="Events from this date: YYYY, YYYY-MM or YYYY-MM-DD "
                                                          "(an event counts when its day, month or year overlaps)."),
           until: Optional[str] = typer.Option(None, help="Events up to this date (the whole year or month given)."),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file.",
                                              show_default="<warehouse>/reports/report.html")) -> None:
    """Write the analyst's report: one self-contained HTML page (charts, events table, data quality) that
    opens from disk with no network."""
    from flows.report import build, parse_bound
    from flows.settings import check_warehouse, load_settings

    bounds = parse_bound(since), parse_bound(until, end=True)
    root = check_warehouse(load_settings(warehouse=warehouse).warehouse, must_exist=True)
    built = build(root, *bounds, out)
    f = built.figures
    print(f"report   {built.path} ({built.seconds} s)\n"
          f"open     {built.path.as_uri()}\n"
          f"events   {f['events']:,} records, {f['happenings']:,} happenings, {f['articles']:,} articles"
          + (f"; table shows the newest {built.counts['rows']:,}" if built.counts["rows"] < f["events"] else ""))


@app.command()
def catalog(warehouse: Optional[str] = WAREHOUSE) -> None:
    """Rebuild <warehouse>/catalog.duckdb (one view per table, at the tables' current versions)."""
    from flows.settings import check_warehouse, load_settings
    from flows.warehouse import Warehouse

    wh = Warehouse.open(check_warehouse(load_settings(warehouse=warehouse).warehouse, must_exist=True), create=False)
    print(wh.build_catalog(versions=wh.versions()))


if __name__ == "__main__":
    app()
