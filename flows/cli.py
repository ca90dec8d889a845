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
        as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON.")) -> None:
    """Run the pipeline once (a real Prefect flow run) and publish into the warehouse."""
    from flows.news_to_events import news_to_events

    summary = news_to_events(paths=paths or None, warehouse=warehouse, batch_size=batch_size, workers=workers)
    if as_json:
        print(json.dumps(summary, indent=1, default=str))
        return
    root = summary["warehouse"]
    print(f"""
vnevents run {summary['run_id']} ({summary['seconds']} s)
  inputs        {summary['inputs']}: {summary['articles']} articles, {summary['duplicates']} duplicates, {summary['rejected']} rejected
  extracted     {summary['events']} events, {summary['mentions']} mentions, {summary['timexes']} time expressions
  validation    {'passed' if summary['validation_success'] else 'FAILED'}; {summary['quarantined_rows']} rows quarantined to `rejects`
                report: {summary['report_html'] or summary['report_json']}
  tables        {root}/{{articles,mentions,timexes,events,entities,inputs,rejects,runs}} (Hive-partitioned Parquet)
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

    from flows import warehouse as wh
    from flows.settings import load_settings
    from flows.validation import validate as run_validation
    from schemas.tables import TABLES

    root = Path(load_settings(warehouse=warehouse).warehouse)
    if wh.current_snapshot(root) is None:
        raise typer.BadParameter(f"no published warehouse at {root}", param_hint="--warehouse")
    tables = {name: wh.read_table(root, name) for name in TABLES}
    folder = report or root / "reports" / f"validate-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}"
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
          fmt: str = typer.Option("table", "--format", help="table, csv or json.")) -> None:
    """Run SQL on the warehouse catalog (DuckDB) and print the result."""
    from flows import warehouse as wh
    from flows.settings import load_settings

    con = wh.connect(load_settings(warehouse=warehouse).warehouse)
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
def report(warehouse: Optional[str] = WAREHOUSE,
           since: Optional[str] = typer.Option(None, help="Events from this date: YYYY, YYYY-MM or YYYY-MM-DD "
                                                          "(an event counts when its day, month or year overlaps)."),
           until: Optional[str] = typer.Option(None, help="Events up to this date (the whole year or month given)."),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file [default: "
                                                                         "<warehouse>/reports/report.html].")) -> None:
    """Write the analyst's report: one self-contained HTML page (charts, events table, data quality) that
    opens from disk with no network."""
    from flows.errors import VneventsError
    from flows.report import build, parse_bound
    from flows.settings import load_settings

    try:
        built = build(load_settings(warehouse=warehouse).warehouse, parse_bound(since), parse_bound(until, end=True),
                      out)
    except VneventsError as err:
        print(f"vnevents report: {err}", file=sys.stderr)
        raise typer.Exit(err.exit_code) from None
    f = built.figures
    print(f"report   {built.path} ({built.seconds} s)\n"
          f"open     {built.path.as_uri()}\n"
          f"events   {f['events']:,} records, {f['happenings']:,} happenings, {f['articles']:,} articles"
          + (f"; table shows the newest {built.counts['rows']:,}" if built.counts["rows"] < f["events"] else ""))


@app.command()
def catalog(warehouse: Optional[str] = WAREHOUSE) -> None:
    """Rebuild <warehouse>/catalog.duckdb (one view per table)."""
    from flows import warehouse as wh
    from flows.catalog import extra_views
    from flows.settings import load_settings

    print(wh.build_catalog(load_settings(warehouse=warehouse).warehouse, extra_views()))


if __name__ == "__main__":
    app()
