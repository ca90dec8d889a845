"""The `news_to_events` Prefect flow: ingest -> clean -> deduplicate -> extract -> validate -> publish -> catalog.

Tasks are coarse (a batch of inputs or articles each) and pass paths to staging files, not frames.
Extraction batches run as concurrent tasks whose CPU work goes to a process pool (flows/parallel.py).
Only the I/O tasks retry.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
import uuid
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import (create_link_artifact, create_markdown_artifact,  # noqa: E402
                               create_progress_artifact, update_progress_artifact)
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402

from flows import progress, sources, stages, warehouse as wh  # noqa: E402
from flows.errors import UsageError  # noqa: E402
from flows.parallel import CpuPool  # noqa: E402
from flows.report import run_report  # noqa: E402
from flows.settings import Settings, load_settings  # noqa: E402
from schemas.tables import TABLES  # noqa: E402

_CPU: CpuPool | None = None  # the run's worker processes, shared by the extract tasks' threads


def _retry_unless_usage(task, task_run, state) -> bool:
    """A missing input or a bad setting will not get better by retrying."""
    try:
        state.result()
    except UsageError:
        return False
    except Exception:  # noqa: BLE001
        return True
    return True


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=_retry_unless_usage)
def discover_inputs(paths: list[str]) -> list[str]:
    try:
        return sources.discover(paths)
    except FileNotFoundError as err:
        raise UsageError(f"{err}; give an existing file, folder, glob or URL") from None


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest(uris: list[str], out: str, first_order: int, max_bytes: int, columns: dict[str, str]) -> str:
    return str(stages.ingest_batch(uris, Path(out), first_order, max_bytes, columns))


@task(cache_policy=NO_CACHE)
def clean(ingest_path: str, out: str, timeout: float = 0) -> str:
    return str((_CPU or CpuPool(1)).run(stages.clean_batch, Path(ingest_path), Path(out), timeout))


@task(cache_policy=NO_CACHE)
def deduplicate(clean_paths: list[str], warehouse: str, out_dir: str, batch_size: int) -> tuple[list[str], str]:
    published = wh.read_table(warehouse, "articles", ["article_id", "source_uri"]).to_pylist()
    batches, decisions = stages.deduplicate([Path(p) for p in clean_paths],
                                            {r["article_id"]: r["source_uri"] for r in published},
                                            Path(out_dir), batch_size)
    return [str(b) for b in batches], str(decisions)


@task(cache_policy=NO_CACHE)
def extract(batch_path: str, out_dir: str, run_id: str, ingested_at: str, timeout: float = 0) -> dict[str, str]:
    return (_CPU or CpuPool(1)).run(stages.extract_batch, batch_path, out_dir, run_id, ingested_at, timeout)


@task(cache_policy=NO_CACHE)
def validate_and_quarantine(clean_paths: list[str], decisions: str, extracted: list[dict[str, str]], run_id: str,
                            ingested_at: str, report_dir: str) -> tuple[str, dict, int]:
    """Validate every table; rows that fail go to `rejects`. Returns (staged folder, report, quarantined)."""
    from flows.validation import validate

    tables, keys = stages.assemble([Path(p) for p in clean_paths], Path(decisions), extracted, run_id, ingested_at)
    report = validate(tables, report_dir)
    broken = {name: r.table_failures for name, r in report.tables.items() if r.table_failures}
    if broken:
        raise RuntimeError(f"tables do not match their schema (a pipeline bug, nothing published): {broken}")
    tables, held = stages.quarantine(tables, {n: r.failing_rows for n, r in report.tables.items()}, run_id,
                                     ingested_at)
    staged = Path(report_dir).parent / "staged"
    staged.mkdir(exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, staged / f"{name}.parquet")
    (staged / "keys.json").write_text(json.dumps({k: sorted(v) for k, v in keys.items()}), encoding="utf-8")
    summary = {"json": report.json_path, "html": report.html_index, "tables": report.summary(),
               "success_before_quarantine": report.success}
    return str(staged), summary, held


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish(staged_dir: str, warehouse: str, run_row: dict, keep: int) -> str:
    staged = Path(staged_dir)
    tables = {name: pq.read_table(staged / f"{name}.parquet") for name in TABLES if (staged / f"{name}.parquet").exists()}
    tables["runs"] = pa.Table.from_pylist([run_row], schema=TABLES["runs"].arrow_schema())
    keys = {k: set(v) for k, v in json.loads((staged / "keys.json").read_text("utf-8")).items()}
    return str(wh.publish(warehouse, tables, keys, run_row["run_id"], keep=keep,
                          derive={"entities": stages.derive_entities,
                                  "event_clusters": stages.derive_event_clusters}))


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def catalog(warehouse: str) -> str:
    from flows.catalog import extra_views
    return str(wh.build_catalog(warehouse, extra_views()))


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or []


@flow(name="news_to_events", log_prints=False)
def news_to_events(paths: list[str] | None = None, warehouse: str | None = None, batch_size: int | None = None,
                   workers: int | None = None, input_timeout: float | None = None) -> dict:
    """Vietnamese news files to validated, published event tables. Defaults come from Settings."""
    global _CPU
    logger = get_run_logger()
    settings: Settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers,
                                       input_timeout=input_timeout)
    paths = paths or settings.inputs
    root = wh.check_root(settings.warehouse)
    started = dt.datetime.now(dt.timezone.utc)
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    run_dir = root / ".runs" / run_id
    ingested_at = started.isoformat()
    columns = {k: getattr(settings, f"{k}_column") for k in ("text", "url", "published", "title", "source")}

    uris = discover_inputs(paths)
    logger.info("run %s: %d input files from %s into %s", run_id, len(uris), paths, root)
    progress.stage("ingest", total=len(uris), unit="inputs")
    io_batches = _chunks(uris, settings.batch_size)
    artifact = create_progress_artifact(0.0, key="extract-progress", description="Articles extracted")
    extracted: list[dict[str, str]] = []
    t0 = time.monotonic()
    with CpuPool(settings.workers, isolate=settings.input_timeout > 0) as _CPU:
        ingested = [ingest.submit(b, str(run_dir / "ingest" / f"batch-{i:05d}.parquet"), i * 10**6,
                                  settings.max_input_bytes, columns) for i, b in enumerate(io_batches)]
        cleaned = [clean.submit(f, str(run_dir / "clean" / f"batch-{i:05d}.parquet"), settings.input_timeout)
                   for i, f in enumerate(ingested)]
        clean_paths = []
        for batch, future in zip(io_batches, cleaned):
            clean_paths.append(future.result())
            progress.advance(len(batch))
        logger.info("ingest and clean: %d batches (%.1f s)", len(clean_paths), time.monotonic() - t0)
        progress.stage("deduplicate", total=len(clean_paths), unit="batches")
        batches, decisions = deduplicate(clean_paths, str(root), str(run_dir / "unique"), settings.batch_size)
        progress.advance(len(clean_paths))
        sizes = [pq.read_metadata(b).num_rows for b in batches]
        progress.stage("extract", total=sum(sizes), unit="articles")
        futures = [extract.submit(b, str(run_dir / "extract"), run_id, ingested_at, settings.input_timeout)
                   for b in batches]
        for done in as_completed(futures):
            extracted.append(done.result())
            progress.advance(sizes[futures.index(done)])
            share = len(extracted) / len(futures)
            update_progress_artifact(artifact, 100 * share)
            logger.info("extract: %d/%d batches (%.0f%%, %.1f s)", len(extracted), len(futures), 100 * share,
                        time.monotonic() - t0)
    _CPU = None
    extracted.sort(key=lambda p: p["articles"])  # deterministic row order, whatever finished first

    report_dir = root / "reports" / run_id
    staged, report, held = validate_and_quarantine(clean_paths, decisions, extracted, run_id, ingested_at,
                                                   str(report_dir))
    counts = _counts(Path(staged))
    validation_ok = all(not t["table_failures"] for t in report["tables"].values())
    run_row = {"run_id": run_id, "flow_run_id": _flow_run_id(), "started_at": started,
               "finished_at": dt.datetime.now(dt.timezone.utc), "inputs": counts["inputs"],
               "articles": counts["articles"], "duplicates": counts["duplicate"], "rejected": counts["rejected"],
               "quarantined_rows": held, "timexes": counts["timexes"], "mentions": counts["mentions"],
               "events": counts["events"], "validation_success": validation_ok,
               "report_path": str(report_dir.relative_to(root)),
               "parameters": json.dumps({"paths": paths, "batch_size": settings.batch_size,
                                         "workers": settings.workers, "input_timeout": settings.input_timeout}),
               "pipeline_version": stages.VERSION, "run_date": started.date().isoformat()}
    progress.stage("publish", total=1, unit="snapshots")
    snapshot = publish(staged, str(root), run_row, settings.keep_snapshots)
    progress.advance()
    progress.stage("catalog", total=1, unit="catalogs")
    catalog_path = catalog(str(root))
    progress.finish()
    shutil.rmtree(run_dir, ignore_errors=True)
    summary = {**{k: v for k, v in run_row.items() if k not in ("started_at", "finished_at", "parameters")},
               "warehouse": str(root.resolve()), "catalog": catalog_path, "snapshot": snapshot,
               "report_html": report["html"], "report_json": report["json"],
               "seconds": round((dt.datetime.now(dt.timezone.utc) - started).total_seconds(), 1)}
    _artifacts(summary, report)
    summary["report_page"] = run_report(root, summary)  # the analyst's page, linked from the run's artifacts
    logger.info("run %s published: %s", run_id, json.dumps({k: summary[k] for k in (
        "inputs", "articles", "duplicates", "rejected", "events", "quarantined_rows")}))
    return summary


def _counts(staged: Path) -> dict[str, int]:
    inputs = pq.read_table(staged / "inputs.parquet", columns=["outcome"])["outcome"].to_pylist()
    out = {name: pq.read_metadata(staged / f"{name}.parquet").num_rows for name in ("articles", "timexes",
                                                                                     "mentions", "events")}
    out.update(inputs=len(inputs), duplicate=inputs.count("duplicate"), rejected=inputs.count("rejected"))
    return out


def _flow_run_id() -> str | None:
    from prefect.runtime import flow_run
    return str(flow_run.id) if flow_run.id else None


def _artifacts(summary: dict, report: dict) -> None:
    from flows.serve import report_link

    rows = "\n".join(f"| {name} | {t['rows']} | {'yes' if t['success'] else 'no'} | "
                     f"{', '.join(f'{k}: {v}' for k, v in t['failures'].items()) or '-'} |"
                     for name, t in report["tables"].items())
    create_markdown_artifact(key="validation-report", description="Data-quality report", markdown=(
        f"# Run {summary['run_id']}\n\n"
        f"{summary['inputs']} inputs: {summary['articles']} articles, {summary['duplicates']} duplicates, "
        f"{summary['rejected']} rejected; {summary['events']} events; {summary['quarantined_rows']} rows "
        f"quarantined.\n\n| table | rows | all expectations met | failures (rows quarantined) |\n|---|---|---|---|\n"
        f"{rows}\n\nFull report: `{summary['report_json']}`; HTML: `{summary['report_html']}`\n"))
    if summary["report_html"]:
        create_link_artifact(key="validation-data-docs", link=report_link(summary["report_html"], summary["warehouse"]),
                             link_text="great-expectations Data Docs", description="Validation report (HTML)")
