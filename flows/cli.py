"""The `vnevents` command line. Every command reads Settings (flags > VNEVENTS_* env > vnevents.toml)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import typer  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="vnevents: Vietnamese news to a validated warehouse of CAMEO-coded political events.")

WAREHOUSE = typer.Option(None, "--warehouse", "-w", help="Warehouse root folder [default: settings, `warehouse`].")


@app.command()
def run(paths: list[str] = typer.Argument(None, help="Files, folders, globs or fsspec URLs [default: settings "
                                                       "`inputs`, i.e. samples/]."),
        warehouse: Optional[str] = WAREHOUSE,
        batch_size: Optional[int] = typer.Option(None, help="Articles per task batch."),
        workers: Optional[int] = typer.Option(None, help="Extraction processes (0 = one per core)."),
        reprocess: bool = typer.Option(False, "--reprocess", help="Code every input again, even those already "
                                                                   "published unchanged."),
        task_runner: Optional[str] = typer.Option(None, "--task-runner", help="process or dask [default: settings]."),
        dask_address: Optional[str] = typer.Option(None, help="Dask scheduler address (task runner dask)."),
        as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON.")) -> None:
    """Run the pipeline once (a real Prefect flow run) and publish into the warehouse."""
    from flows.news_to_events import news_to_events

    summary = news_to_events(paths=paths or None, warehouse=warehouse, batch_size=batch_size, workers=workers,
                             reprocess=reprocess, task_runner_kind=task_runner, dask_address=dask_address)
    _print_summary(summary, as_json)


@app.command()
def reprocess(older: bool = typer.Option(False, "--older", help="Re-extract the published articles coded by an "
                                                                 "older extraction version."),
              warehouse: Optional[str] = WAREHOUSE,
              workers: Optional[int] = typer.Option(None, help="Extraction processes (0 = one per core)."),
              as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON.")) -> None:
    """Code published articles again after an upgrade of the coder (`--older`); inputs are not re-read."""
    from flows.news_to_events import news_to_events

    if not older:
        raise typer.BadParameter("say what to reprocess: --older (articles coded by an older extraction version); "
                                 "to code inputs again use `vnevents run PATH --reprocess`")
    _print_summary(news_to_events(warehouse=warehouse, workers=workers, older=True), as_json)


def _print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, indent=1, default=str))
        return
    root = summary["warehouse"]
    print(f"""
vnevents run {summary['run_id']} ({summary['seconds']} s)
  inputs        {summary['inputs']}: {summary['articles']} articles, {summary['duplicates']} duplicates, {summary['rejected']} rejected, {summary['unchanged']} unchanged
  extracted     {summary['events']} events, {summary['mentions']} mentions, {summary['timexes']} time expressions
  validation    {'passed' if summary['validation_success'] else 'FAILED'}; {summary['quarantined_rows']} rows quarantined to `rejects`
                report: {summary['report_html'] or summary['report_json']}
  tables        {root}/{{articles,mentions,timexes,events,entities,inputs,rejects,runs}} (Delta Lake, Hive-partitioned)
  catalog       {summary['catalog']}
  query         vnevents query "SELECT event_root_code, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC" -w {root}
                duckdb {summary['catalog']}""")
    if not summary["validation_success"]:
        raise typer.Exit(1)


@app.command()
def validate(warehouse: Optional[str] = WAREHOUSE,
             report: Optional[Path] = typer.Option(None, help="Report folder [default: <warehouse>/reports/validate-<time>].")
             ) -> None:
    """Re-validate every published table against its expectation suite; exit 1 on any failure."""
    import datetime as dt

    from flows.settings import load_settings
    from flows.validation import validate as run_validation
    from flows.warehouse import Warehouse
    from schemas.tables import TABLES

    wh = Warehouse.open(load_settings(warehouse=warehouse).warehouse, create=False)
    if wh.delta("runs") is None:
        raise typer.BadParameter(f"no published warehouse at {wh.display()}", param_hint="--warehouse")
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
        raise typer.Exit(1)


@app.command()
def query(sql: str = typer.Argument(..., help="SQL over the catalog views (articles, mentions, timexes, events, "
                                             "inputs, rejects, runs, entities, input_accounting)."),
          warehouse: Optional[str] = WAREHOUSE,
          fmt: str = typer.Option("table", "--format", help="table, csv or json."),
          as_of: Optional[str] = typer.Option(None, "--as-of", help="Read the tables as run RUN_ID left them "
                                                                     "(time travel; see `select run_id from runs`).")
          ) -> None:
    """Run SQL on the warehouse catalog (DuckDB) and print the result."""
    from flows.settings import load_settings
    from flows.warehouse import Warehouse

    con = Warehouse.open(load_settings(warehouse=warehouse).warehouse, create=False).connect(as_of=as_of)
    try:
        rel = con.sql(sql)
        if rel is None:
            return
        if fmt == "csv":
            import csv
            writer = csv.writer(sys.stdout)
            writer.writerow(rel.columns)
            writer.writerows(rel.fetchall())
        elif fmt == "json":
            print(json.dumps([dict(zip(rel.columns, r)) for r in rel.fetchall()], ensure_ascii=False, default=str,
                             indent=1))
        else:
            rel.show(max_width=200, max_rows=100)
    except Exception as err:  # noqa: BLE001 - show DuckDB's message, not a traceback
        raise typer.BadParameter(str(err), param_hint="SQL") from None
    finally:
        con.close()


@app.command()
def serve(warehouse: Optional[str] = WAREHOUSE,
          cron: Optional[str] = typer.Option(None, help="Cron schedule [default: settings `schedule_cron`]."),
          name: Optional[str] = typer.Option(None, help="Deployment name [default: settings `deployment_name`]."),
          inputs: list[str] = typer.Option(None, "--input", help="Default inputs of scheduled runs (repeatable).")
          ) -> None:
    """Start (or connect to) a Prefect server and serve `news_to_events` as a scheduled deployment.

    Uses PREFECT_API_URL when set and reachable; otherwise starts `prefect server start` (SQLite under
    settings `prefect_home`) and stops it on exit. Ad-hoc runs: Prefect UI, or
    `prefect deployment run news_to_events/<name> -p paths='["..."]'`."""
    from flows.serve import serve_deployment
    from flows.settings import load_settings

    serve_deployment(load_settings(warehouse=warehouse, schedule_cron=cron, deployment_name=name,
                                   inputs=inputs or None))


@app.command()
def catalog(warehouse: Optional[str] = WAREHOUSE) -> None:
    """Rebuild <warehouse>/catalog.duckdb (one view per table, at the tables' current versions)."""
    from flows.settings import load_settings
    from flows.warehouse import Warehouse

    wh = Warehouse.open(load_settings(warehouse=warehouse).warehouse, create=False)
    print(wh.build_catalog(versions=wh.versions()))


if __name__ == "__main__":
    app()
