"""The body of the `news_to_events` flow (flows/news_to_events.py): ingest -> clean -> deduplicate ->
extract -> redate -> validate -> publish.

Stage functions (flows/stages/, no Prefect) do the work on staging files under <warehouse>/.runs/<run_id>/,
which is removed when the run ends, whatever the outcome. Cleaning and extraction run on the task runner
the settings choose (flows/parallel.py: worker processes or Dask; their tasks are in flows/tasks.py);
validation and publishing go chunk by chunk (`chunk_size` inputs), so memory does not grow with the run.
Inputs already published with the same bytes by the same extraction version are skipped (`unchanged`).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import polars as pl  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
from prefect import get_run_logger, task  # noqa: E402
from prefect.artifacts import (create_link_artifact, create_markdown_artifact,  # noqa: E402
                               create_progress_artifact, update_progress_artifact)
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from flows import progress, sources, stages, storage  # noqa: E402
from flows.errors import RunFailed, UsageError, VneventsError  # noqa: E402
from flows.parallel import shared_api, task_runner  # noqa: E402
from flows.report import run_report  # noqa: E402
from flows.settings import Settings, load_settings  # noqa: E402
from flows.tasks import clean, extract, redate  # noqa: E402  (the tasks the workers run)
from flows.warehouse import REPORTS, Warehouse  # noqa: E402
from schemas.tables import ARTICLE_FIELDS, CLEANED, TABLES  # noqa: E402


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
def ingest(uris: list[str], out_dir: str, batch: int, first_order: int, max_bytes: int, columns: dict[str, str],
           known_uri: str | None, part_rows: int) -> list[str]:
    return stages.ingest_batch(uris, out_dir, batch, first_order, max_bytes, columns, known_uri, part_rows)


@task(cache_policy=NO_CACHE)
def deduplicate(clean_uris: list[str], published: pa.Table, out: str) -> tuple[str, dict[str, list[str]]]:
    return stages.deduplicate(clean_uris, published, out)


@task(cache_policy=NO_CACHE)
def validate_chunk(validator, chunk: int, clean_uris: list[str], decisions: str, extracted: list[dict[str, str]],
                   run_id: str, ingested_at: str, out_dir: str) -> tuple[dict[str, str], dict[str, list[str]], int]:
    """Assemble, validate and quarantine one chunk; stage its tables for publishing."""
    tables, keys = stages.assemble(clean_uris, decisions, extracted, run_id, ingested_at)
    needs_check = any(tables[n].num_rows for n in ("articles", "rejects")) or any(
        o != "unchanged" for o in tables["inputs"]["outcome"].to_pylist())
    held = 0
    if needs_check:  # a chunk of unchanged inputs only holds ledger rows copied from validated ones
        report = validator().validate(tables)
        broken = {name: r.table_failures for name, r in report.items() if r.table_failures}
        if broken:
            raise RuntimeError(f"tables do not match their schema (a pipeline bug, nothing published): {broken}")
        tables, held = stages.quarantine(tables, {n: r.failing_rows for n, r in report.items()}, run_id, ingested_at)
    staged = {name: storage.write_parquet(table, storage.join(out_dir, name, f"chunk-{chunk:05d}.parquet"))
              for name, table in tables.items() if table.num_rows}
    return staged, {k: v.to_pylist() for k, v in keys.items()}, held


@task(retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish(wh: Warehouse, run_row: dict, staged: dict[str, list[str]], keys: dict[str, list[str]],
            settings: Settings) -> dict[str, int]:
    def step(name: str) -> None:  # the progress display: one step per table written, then the catalog
        if name == "catalog":
            progress.stage("catalog", total=1, unit="catalogs")
        else:
            progress.advance()

    versions = wh.publish(run_row, staged, {k: pa.array(v, pa.string()) for k, v in keys.items()},
                          derive={"entities": stages.derive_entities, "event_clusters": stages.derive_event_clusters},
                          retain_runs=settings.retain_runs, retain_days=settings.retain_days, on_step=step)
    progress.advance()
    return versions


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run(paths: list[str] | None, warehouse: str | None, batch_size: int | None, workers: int | None,
        reprocess: bool, older: bool, task_runner_kind: str | None, dask_address: str | None,
        input_timeout: float | None) -> dict:
    """One run of the flow (the parameters are the flow's)."""
    settings: Settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers,
                                       task_runner=task_runner_kind, dask_address=dask_address,
                                       input_timeout=input_timeout)
    wh = Warehouse.open(settings.warehouse)
    started = dt.datetime.now(dt.timezone.utc)
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    run_dir = wh.begin_run(run_id)
    seen = {"input_bytes": 0}
    try:
        return _run(wh, settings, run_id, run_dir, started, paths or settings.inputs, reprocess, older, seen)
    except VneventsError:
        raise
    except Exception as err:
        if storage.is_disk_full(err):
            free = storage.free_bytes(wh.uri)
            # staging holds the decoded text about three times over (ingest, clean, extract)
            raise RunFailed(f"disk full under {wh.display()}/.runs/{run_id} while staging the run: it needs about "
                            f"{3 * seen['input_bytes'] / 1e6:.0f} MB free there"
                            f"{f', {free / 1e6:.1f} MB are' if free is not None else ''}; free some space and run "
                            "again (the tables are unchanged)") from None
        raise
    finally:
        wh.end_run(run_id)


def _run(wh: Warehouse, settings: Settings, run_id: str, run_dir: str, started: dt.datetime, paths: list[str],
         reprocess: bool, older: bool, seen: dict) -> dict:
    logger = get_run_logger()
    ingested_at = started.isoformat()
    columns = {k: getattr(settings, f"{k}_column") for k in ("text", "url", "published", "title", "source")}
    t0 = time.monotonic()
    published = wh.read("articles", ["article_id", "source_uri"])
    # I/O-bound tasks run in threads of the flow process; CPU-bound ones on the configured runner, which
    # starts its workers only when there is text to clean (a run of unchanged inputs starts none)
    timeout = settings.input_timeout
    with shared_api(), task_runner(settings.task_runner, settings.workers, settings.dask_address,
                                   isolate=timeout > 0) as runner, ThreadPoolTaskRunner(max_workers=4) as io:
        if older:
            uris, clean_uris = [], _older_articles(wh, run_dir, settings.batch_size)
            published = published.slice(0, 0)
            progress.stage("ingest", total=len(clean_uris), unit="parts")
            progress.advance(len(clean_uris))
        else:
            uris = discover_inputs(paths)
            seen["input_bytes"] = sum(os.path.getsize(u) for u in uris if os.path.isfile(u))
            logger.info("run %s: %d input files from %s into %s", run_id, len(uris), paths, wh.display())
            progress.stage("ingest", total=len(uris), unit="inputs")
            known = None if reprocess else _known_inputs(wh, run_dir)
            batches = _chunks(uris, settings.batch_size)
            ingested = [io.submit(ingest, {
                "uris": b, "out_dir": storage.join(run_dir, "ingest"), "batch": i, "first_order": i * 10**7,
                "max_bytes": settings.max_input_bytes, "columns": columns, "known_uri": known,
                "part_rows": settings.batch_size}) for i, b in enumerate(batches)]
            # each batch's parts are cleaned as soon as they are read; the display counts input files
            cleaned = []
            for batch, future in zip(batches, ingested):
                parts = future.result()
                cleaned.append(([(runner if _has_text(p) else io).submit(
                    clean, {"part": p, "out": p.replace("/ingest/ingest-", "/clean/clean-"), "timeout": timeout})
                    for p in parts], len(batch)))
            clean_uris = []
            for futures, files in cleaned:
                clean_uris.extend(f.result() for f in futures)
                progress.advance(files)
        logger.info("ingest and clean: %d parts (%.1f s)", len(clean_uris), time.monotonic() - t0)
        wh.heartbeat(run_id)
        progress.stage("deduplicate", total=len(clean_uris), unit="parts")
        decisions, to_extract = deduplicate(clean_uris, published, storage.join(run_dir, "decisions.parquet"))
        progress.advance(len(clean_uris))
        artifact = create_progress_artifact(0.0, key="extract-progress", description="Articles extracted")
        futures = {runner.submit(extract, {"source": u, "input_ids": to_extract[u],
                                           "out_dir": storage.join(run_dir, "extract"), "run_id": run_id,
                                           "ingested_at": ingested_at, "timeout": timeout}): u
                   for u in clean_uris if to_extract.get(u)}
        progress.stage("extract", total=sum(len(to_extract[u]) for u in futures.values()), unit="articles")
        extracted: dict[str, dict[str, str]] = {}
        for done in as_completed(list(futures)):
            extracted[futures[done]] = done.result()
            update_progress_artifact(artifact, 100 * len(extracted) / len(futures))
            wh.heartbeat(run_id)
            logger.info("extract: %d/%d batches (%.1f s)", len(extracted), len(futures), time.monotonic() - t0)
            progress.advance(len(to_extract[futures[done]]), stage="extract")
        # second pass: the batch prior of each source group (its articles dated with confidence) chooses inside
        # the years other articles' clues leave open and dates those without clues; the few articles it changes
        # are extracted again, so that their time expressions and events take the new date
        priors = stages.group_priors([x["pubdates"] for x in extracted.values()])
        redo = {u: ids for u in extracted if (ids := stages.redated_inputs(extracted[u]["pubdates"], priors))}
        if redo:  # a stage of the display only when a prior changes some date
            progress.stage("redate", total=sum(len(ids) for ids in redo.values()), unit="articles")
        futures = {runner.submit(redate, {"source": u, "priors": ids, "tables": extracted[u],
                                          "out_dir": storage.join(run_dir, "extract"), "run_id": run_id,
                                          "ingested_at": ingested_at, "timeout": timeout}): u
                   for u, ids in redo.items()}
        for done in as_completed(list(futures)):
            extracted[futures[done]] = done.result()
            wh.heartbeat(run_id)
            progress.advance(len(redo[futures[done]]), stage="redate")
        logger.info("redate: %d articles of %d batches by %d source groups' priors (%.1f s)",
                    sum(len(ids) for ids in redo.values()), len(redo), len(priors), time.monotonic() - t0)

    # Validation follows extraction, once the worker processes have stopped. Beside them, the flow process
    # with great-expectations loaded (~200 MB more) set the run's memory peak; and with as many workers as
    # cores, validating beside them gained no wall time (measured: README, "Where the memory is")
    validator = _lazy_validator(_report_dir(wh, run_id))
    groups = _chunks(clean_uris, max(1, settings.chunk_size // settings.batch_size))
    progress.stage("validate", total=len(groups), unit="chunks")
    staged: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    held = 0
    for n, group in enumerate(groups):
        files, chunk_keys, chunk_held = validate_chunk(validator, n, group, decisions,
                                                       [extracted[u] for u in group if u in extracted], run_id,
                                                       ingested_at, storage.join(run_dir, "staged"))
        for name, f in files.items():
            staged.setdefault(name, []).append(f)
        for name, k in chunk_keys.items():
            keys.setdefault(name, []).extend(k)
        held += chunk_held
        wh.heartbeat(run_id)
        progress.advance()
    logger.info("validate: %d chunks (%.1f s)", len(groups), time.monotonic() - t0)
    progress.stage("data-docs", total=1, unit="sites")
    report = validator.report()
    progress.advance()
    if wh.remote and report["json"]:  # copy the report next to the remote tables
        fs, path = storage.fs_of(wh.path(REPORTS, run_id))
        fs.put(str(Path(report["json"]).parent), path, recursive=True)
    counts = _counts(staged)
    run_row = {"run_id": run_id, "flow_run_id": _flow_run_id(), "started_at": started,
               "finished_at": dt.datetime.now(dt.timezone.utc), "inputs": counts["inputs"],
               "articles": counts["articles"], "duplicates": counts["duplicate"], "rejected": counts["rejected"],
               "quarantined_rows": held, "timexes": counts["timexes"], "mentions": counts["mentions"],
               "events": counts["events"], "validation_success": not any(t["table_failures"] for t in report["tables"].values()),
               "report_path": f"{REPORTS}/{run_id}" if report["json"] else None,
               "parameters": json.dumps({"paths": paths, "batch_size": settings.batch_size,
                                         "workers": settings.workers, "reprocess": reprocess, "older": older,
                                         "task_runner": settings.task_runner,
                                         "input_timeout": settings.input_timeout}),
               "pipeline_version": stages.VERSION, "extraction_version": stages.extraction_version(),
               "run_date": started.date().isoformat()}
    progress.stage("publish", total=len(TABLES), unit="tables")
    versions = publish(wh, run_row, staged, keys, settings)
    logger.info("publish: %d tables committed, catalog written (%.1f s)", len(versions), time.monotonic() - t0)
    summary = {**{k: v for k, v in run_row.items() if k not in ("started_at", "finished_at", "parameters")},
               "unchanged": counts["unchanged"], "warehouse": wh.display(), "catalog": wh.path("catalog.duckdb"),
               "versions": versions, "report_html": report["html"], "report_json": report["json"],
               "seconds": round((dt.datetime.now(dt.timezone.utc) - started).total_seconds(), 1)}
    _artifacts(summary, report)
    progress.stage("report", total=1, unit="pages")
    summary["report_page"] = run_report(wh, summary)  # the analyst's page, linked from the run's artifacts
    progress.advance()
    progress.finish()
    logger.info("run %s published: %s", run_id, json.dumps({k: summary[k] for k in (
        "inputs", "articles", "duplicates", "rejected", "unchanged", "events", "quarantined_rows")}))
    return summary


def _has_text(part: str) -> bool:
    """Whether an ingested part holds any input to clean (not all unchanged or rejected)."""
    t = storage.read_parquet(part, ["outcome", "reason"])
    return any(o is None and r is None for o, r in zip(t["outcome"].to_pylist(), t["reason"].to_pylist()))


def _known_inputs(wh: Warehouse, run_dir: str) -> str | None:
    """The ledger's inputs coded by this extraction version, staged for the ingest tasks."""
    ledger = wh.read("inputs", ["input_id", "article_id", "extraction_version"])
    if not ledger.num_rows:
        return None
    same = ledger.filter(pc.equal(ledger["extraction_version"], stages.extraction_version()))
    return storage.write_parquet(same.select(["input_id", "article_id"]), storage.join(run_dir, "known.parquet"))


def _older_articles(wh: Warehouse, run_dir: str, batch_size: int) -> list[str]:
    """Published articles coded by an older extraction version, as cleaned parts to extract again."""
    articles = wh.read("articles", ["input_id", "source_uri", "encoding", "extraction_version", *ARTICLE_FIELDS])
    older = articles.filter(pc.not_equal(articles["extraction_version"], stages.extraction_version()))
    ledger = (pl.from_arrow(wh.read("inputs", ["input_id", "size_bytes", "sha256", "origin_uri", "origin_line"]))
              .unique("input_id").rename({"origin_uri": "origin", "origin_line": "line"}))
    rows = (pl.from_arrow(older).join(ledger, on="input_id", how="left")
            .with_columns(order=pl.int_range(pl.len(), dtype=pl.Int64), size_bytes=pl.col("size_bytes").fill_null(0),
                          sha256=pl.col("sha256").fill_null("0" * 64)))
    return [storage.write_parquet(CLEANED.conform(rows.slice(start, batch_size).with_columns(
                [pl.lit(None, pl.String).alias(c) for c in ("outcome", "reason", "detail", "stage")])),
                                  storage.join(run_dir, "clean", f"older-{start // batch_size:05d}.parquet"))
            for start in range(0, rows.height, batch_size)]


def _report_dir(wh: Warehouse, run_id: str) -> str:
    if wh.remote:  # great-expectations writes local files; a remote warehouse gets them copied after the run
        import tempfile
        return str(Path(tempfile.mkdtemp(prefix="vnevents-report-")) / run_id)
    return str(Path(wh.uri) / REPORTS / run_id)


class _lazy_validator:
    """great-expectations is imported (about 4 s) only when a chunk has rows that need checking."""

    def __init__(self, report_dir: str):
        self.report_dir = report_dir
        self._validator = None

    def __call__(self):
        if self._validator is None:
            from flows.validation import Validator
            self._validator = Validator(self.report_dir)
        return self._validator

    def report(self) -> dict:
        if self._validator is None:
            return {"json": None, "html": None, "tables": {}}
        r = self._validator.finish()
        return {"json": r.json_path, "html": r.html_index, "tables": r.summary()}


def _counts(staged: dict[str, list[str]]) -> dict[str, int]:
    out = {name: sum(storage.parquet_rows(f) for f in staged.get(name, [])) for name in ("articles", "timexes",
                                                                                         "mentions", "events")}
    outcomes: list[str] = []
    for f in staged.get("inputs", []):
        outcomes += storage.read_parquet(f, ["outcome"])["outcome"].to_pylist()
    out.update(inputs=len(outcomes), duplicate=outcomes.count("duplicate"), rejected=outcomes.count("rejected"),
               unchanged=outcomes.count("unchanged"))
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
        f"{summary['rejected']} rejected, {summary['unchanged']} unchanged; {summary['events']} events; "
        f"{summary['quarantined_rows']} rows quarantined.\n\n| table | rows | all expectations met | failures (rows "
        f"quarantined) |\n|---|---|---|---|\n{rows}\n\nFull report: `{summary['report_json']}`; HTML: "
        f"`{summary['report_html']}`\n"))
    if summary["report_html"]:
        create_link_artifact(key="validation-data-docs", link=report_link(summary["report_html"], summary["warehouse"]),
                             link_text="great-expectations Data Docs", description="Validation report (HTML)")
