"""Stage functions of one run, on staging files under <warehouse>/.runs/<run_id>/.

Each takes and returns paths, so Prefect tasks stay thin and extraction can run in worker processes
(this module imports no Prefect). The text work itself is in transforms/.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import shlex
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows import sources
from flows.limits import InputTimeout, deadline
from transforms import article as art
from transforms.decode import DecodeError, decode_bytes
from transforms.events import cluster_id, event_id
from transforms.mentions import name_key
from transforms.timexes import PartialDate

VERSION = "0.1.0"

# --- ingest: bytes to decoded text -------------------------------------------------------------------
INGEST_SCHEMA = pa.schema([
    ("input_id", pa.string()), ("source_uri", pa.string()), ("size_bytes", pa.int64()), ("sha256", pa.string()),
    ("encoding", pa.string()), ("lossy", pa.bool_()), ("text", pa.string()), ("title", pa.string()),
    ("published", pa.string()), ("source", pa.string()), ("reason", pa.string()), ("detail", pa.string()),
    ("order", pa.int64()), ("origin", pa.string()), ("line", pa.int64()),
])


def ingest_batch(uris: list[str], out: Path, first_order: int, max_bytes: int, columns: dict[str, str]) -> Path:
    """Read and decode each input; failures are recorded with their reason, never raised."""
    rows = []
    for uri in uris:
        for raw in sources.read(uri, max_bytes, columns):
            row = {"input_id": raw.input_id, "source_uri": raw.source_uri, "size_bytes": raw.size_bytes,
                   "sha256": raw.sha256, "encoding": None, "lossy": False, "text": None, "title": raw.title,
                   "published": raw.published, "source": raw.source, "reason": None, "detail": None,
                   "order": first_order + len(rows), "origin": raw.origin, "line": raw.line}
            if raw.error:
                row["reason"], row["detail"] = raw.error
            elif raw.text is not None:
                row["text"], row["encoding"], row["lossy"] = raw.text, "utf-8", raw.lossy
            else:
                try:
                    decoded = decode_bytes(raw.data)
                    row.update(text=decoded.text, encoding=decoded.encoding, lossy=decoded.lossy)
                except DecodeError as err:
                    row["reason"], row["detail"] = err.reason, err.detail
            rows.append(row)
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=INGEST_SCHEMA), out)
    return out


# --- clean: text to structured articles -----------------------------------------------------------------
CLEAN_SCHEMA = pa.schema([
    ("input_id", pa.string()), ("source_uri", pa.string()), ("size_bytes", pa.int64()), ("sha256", pa.string()),
    ("encoding", pa.string()), ("order", pa.int64()), ("article_id", pa.string()), ("article_json", pa.string()),
    ("reason", pa.string()), ("detail", pa.string()), ("stage", pa.string()), ("origin", pa.string()),
    ("line", pa.int64()),
])


def clean_batch(ingest_path: Path, out: Path, timeout: float = 0) -> Path:
    """Clean each decoded input; one that takes longer than `timeout` seconds is rejected `timeout`."""
    rows = []
    if timeout:
        art.warm_up()  # models and tables load outside any input's time limit
    for r in pq.read_table(ingest_path).to_pylist():
        row = {k: r[k] for k in ("input_id", "source_uri", "size_bytes", "sha256", "encoding", "order", "origin",
                                 "line")}
        row.update(article_id=None, article_json=None, reason=r["reason"], detail=r["detail"], stage="ingest")
        if r["reason"] is None:
            try:
                doc = art.Document(r["input_id"], r["source_uri"], r["text"], r["encoding"], title=r["title"],
                                   published=r["published"], source=r["source"], lossy=bool(r["lossy"]))
                with deadline(timeout):
                    article = art.clean(doc)
                row.update(article_id=article.article_id, article_json=json.dumps(asdict(article), ensure_ascii=False),
                           stage=None)
            except art.Rejected as err:
                row.update(reason=err.reason, detail=err.detail, stage="clean")
            except InputTimeout:
                row.update(reason="timeout", detail=f"cleaning took over {timeout:g} s (`input_timeout`)",
                           stage="clean")
            except Exception as err:  # noqa: BLE001 - one bad document never stops the run
                row.update(reason="clean_error", detail=f"{type(err).__name__}: {err}", stage="clean")
        rows.append(row)
    out.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=CLEAN_SCHEMA), out)
    return out


# --- deduplicate --------------------------------------------------------------------------------------
def deduplicate(clean_paths: list[Path], published: dict[str, str], out_dir: Path, batch_size: int
                ) -> tuple[list[Path], Path]:
    """Keep the first input of each article; later ones (in this run, or already published from another
    source) are duplicates. Returns the extraction batches and a decisions file (input_id -> outcome)."""
    rows = sorted((r for p in clean_paths for r in pq.read_table(p).to_pylist()), key=lambda r: r["order"])
    first: dict[str, str] = {}
    batches: list[list[dict]] = [[]]
    decisions = []
    for r in rows:
        aid = r["article_id"]
        if aid is None:
            decisions.append({"input_id": r["input_id"], "outcome": "rejected", "article_id": None})
            continue
        if aid in first or (aid in published and published[aid] != r["source_uri"]):
            decisions.append({"input_id": r["input_id"], "outcome": "duplicate", "article_id": aid})
            continue
        first[aid] = r["input_id"]
        decisions.append({"input_id": r["input_id"], "outcome": "article", "article_id": aid})
        if len(batches[-1]) >= batch_size:
            batches.append([])
        batches[-1].append(r)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, batch in enumerate(b for b in batches if b):
        path = out_dir / f"unique-{i:05d}.parquet"
        pq.write_table(pa.Table.from_pylist(batch, schema=CLEAN_SCHEMA), path)
        paths.append(path)
    decided = out_dir / "decisions.parquet"
    pq.write_table(pa.Table.from_pylist(decisions, schema=pa.schema(
        [("input_id", pa.string()), ("outcome", pa.string()), ("article_id", pa.string())])), decided)
    return paths, decided


# --- extract ------------------------------------------------------------------------------------------
def _hash(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def entity_id(entity_type: str, code: str | None, canonical: str | None) -> str:
    """Stable across runs: GPE/IGO by code, people and others by their spelling-insensitive name key."""
    if entity_type in ("GPE", "IGO") and code:
        return _hash(entity_type, code)
    return _hash(entity_type, name_key(canonical or code or ""))


def _partition_year(value: str | None) -> str:
    return value[:4] if value else "unknown"


def extract_batch(batch_path: str, out_dir: str, run_id: str, ingested_at: str, timeout: float = 0
                  ) -> dict[str, str]:
    """Extraction for one batch of unique articles: one Parquet file per table (rows as dicts). An article
    whose extraction takes longer than `timeout` seconds is rejected `timeout`."""
    from schemas.tables import TABLES

    when = dt.datetime.fromisoformat(ingested_at)
    out = {"articles": [], "timexes": [], "mentions": [], "events": [], "rejects": []}
    if timeout:
        art.warm_up()
    for r in pq.read_table(batch_path).to_pylist():
        data = json.loads(r["article_json"])
        article = art.Article(**data)
        try:
            with deadline(timeout):
                x = art.extract(article, today=when.date())
        except InputTimeout:
            out["rejects"].append({"input_id": article.input_id, "source_uri": article.source_uri, "stage": "extract",
                                   "reason": "timeout", "detail": f"extraction took over {timeout:g} s "
                                                                  "(`input_timeout`)"})
            continue
        except Exception as err:  # noqa: BLE001 - one bad article never stops the run
            out["rejects"].append({"input_id": article.input_id, "source_uri": article.source_uri, "stage": "extract",
                                   "reason": "extract_error", "detail": f"{type(err).__name__}: {err}"})
            continue
        for step, error in x.errors:  # the article is published with what succeeded; the failed step is recorded
            out["rejects"].append({"input_id": article.input_id, "source_uri": article.source_uri, "stage": "extract",
                                   "reason": "extract_error", "detail": f"{step}: {error}", "partial": True,
                                   "table_name": art.STEP_TABLE[step],
                                   "row_json": json.dumps({"article_id": article.article_id, "step": step})})
        pub = x.published.date
        year = _partition_year(pub.value if pub else None)
        out["articles"].append({
            **{k: data[k] for k in ("article_id", "input_id", "source_uri", "source", "encoding", "title", "lead",
                                    "body", "text", "segments", "headings", "captions", "byline", "byline_author",
                                    "byline_agencies", "byline_date", "related", "images", "vietnamese_share",
                                    "published_metadata")},
            "flags": sorted(set(article.flags) | set(x.flags)),
            "published_date": pub.as_date() if pub else None, "published_precision": pub.precision if pub else None,
            "published_basis": x.published.basis, "published_date_text": pub.value if pub else None,
            "published_evidence": "; ".join(x.published.evidence) or None, "published_year": year, "sentence_count": x.sentences,
            "char_count": len(article.text), "ingested_at": when, "pipeline_version": VERSION, "run_id": run_id})
        aid = article.article_id
        for t in x.timexes:
            out["timexes"].append({"timex_id": _hash(aid, t.start, t.end, "t"), "article_id": aid,
                                   "sentence_index": t.sentence_index, "char_start": t.start, "char_end": t.end,
                                   "surface": t.surface, "kind": t.kind, "value": t.value,
                                   "granularity": t.granularity, "published_year": year, "run_id": run_id})
        for m in x.mentions:
            out["mentions"].append({"mention_id": _hash(aid, m.start, m.end, "m"), "article_id": aid,
                                    "sentence_index": m.sentence_index, "char_start": m.start, "char_end": m.end,
                                    "surface": m.surface, "entity_type": m.entity_type, "entity_code": m.entity_code,
                                    "canonical_name": m.canonical_name,
                                    "entity_id": entity_id(m.entity_type, m.entity_code, m.canonical_name),
                                    "role": m.role, "country": m.country, "method": m.method,
                                    "confidence": m.confidence, "published_year": year, "run_id": run_id})
        for e in x.events:
            date = PartialDate.parse(e.event_date)
            row = {k: getattr(e, k) for k in (
                "sentence_index", "char_start", "char_end", "evidence", "trigger", "trigger_start", "trigger_end",
                "event_code", "event_root_code", "quad_class", "goldstein", "source_actor_code", "target_actor_code",
                "source_actor_name", "target_actor_name", "event_date_precision", "event_date_basis", "modality",
                "location_name", "location_code", "confidence", "source_actor_country", "target_actor_country",
                "source_actor_group", "target_actor_group")}
            row.update(event_id=event_id(aid, e), cluster_id=cluster_id(e), article_id=aid,
                       event_date=date.as_date() if date else None, event_date_text=date.value if date else None,
                       event_year=f"{date.year:04d}" if date else "undated",
                       event_month=f"{date.month or 1:02d}" if date else "undated", run_id=run_id)
            out["events"].append(row)
    paths = {}
    base = Path(out_dir)
    base.mkdir(parents=True, exist_ok=True)
    stem = Path(batch_path).stem
    for name, rows in out.items():
        if name == "rejects":
            path = base / f"{name}-{stem}.json"
            path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        else:
            path = base / f"{name}-{stem}.parquet"
            pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[name].arrow_schema()), path)
        paths[name] = str(path)
    return paths


# --- assemble the run's tables ------------------------------------------------------------------------
def replay_command(origin: str, reason: str) -> str:
    """The shell command that re-runs an input (its file, for a table's row), every argument quoted: a
    path or URL may hold quotes, `;` or `$(...)`. A timed-out input is replayed without the time limit."""
    args = ["vnevents", "run", origin]
    if reason == "timeout":
        args = ["env", "VNEVENTS_INPUT_TIMEOUT=0", *args]
    return shlex.join(args)


def _reject_row(input_id: str, source_uri: str, stage: str, reason: str, detail: str | None, when: dt.datetime,
                run_id: str, table_name: str | None = None, row_json: str | None = None,
                origin: str | None = None) -> dict:
    return {"reject_id": _hash(input_id, stage, reason, table_name, row_json), "input_id": input_id,
            "source_uri": source_uri, "stage": stage, "reason": reason, "detail": detail, "table_name": table_name,
            "row_json": row_json, "replay": replay_command(origin or source_uri, reason), "rejected_at": when,
            "reject_date": when.date().isoformat(), "run_id": run_id}


def assemble(clean_paths: list[Path], decisions_path: Path, extracted: list[dict[str, str]], run_id: str,
             ingested_at: str) -> tuple[dict[str, pa.Table], dict[str, set[str]]]:
    """The run's rows per table, and the keys each table's publish replaces."""
    from schemas.tables import TABLES

    when = dt.datetime.fromisoformat(ingested_at)
    tables: dict[str, pa.Table] = {}
    for name in ("articles", "timexes", "mentions", "events"):
        parts = [pq.read_table(p[name]) for p in extracted]
        schema = TABLES[name].arrow_schema()
        tables[name] = pa.concat_tables(parts).cast(schema) if parts else schema.empty_table()
    clean_rows = sorted((r for p in clean_paths for r in pq.read_table(p).to_pylist()), key=lambda r: r["order"])
    decisions = {d["input_id"]: d for d in pq.read_table(decisions_path).to_pylist()}
    extracted_rejects = [r for p in extracted for r in json.loads(Path(p["rejects"]).read_text("utf-8"))]
    extract_rejects = {r["input_id"]: r for r in extracted_rejects if not r.get("partial")}
    rejects, inputs = [], []
    for r in extracted_rejects:  # a step that failed on a published article: recorded, the input stays an article
        if r.get("partial"):
            rejects.append(_reject_row(r["input_id"], r["source_uri"], "extract", r["reason"], r["detail"], when,
                                       run_id, r["table_name"], r["row_json"]))
    for r in clean_rows:
        decision = decisions[r["input_id"]]
        outcome, reason, aid = decision["outcome"], None, decision["article_id"]
        if r["reason"]:
            reason = r["reason"]
            rejects.append(_reject_row(r["input_id"], r["source_uri"], r["stage"], r["reason"], r["detail"], when,
                                       run_id, origin=r["origin"]))
        elif r["input_id"] in extract_rejects:
            x = extract_rejects[r["input_id"]]
            outcome, reason = "rejected", x["reason"]
            rejects.append(_reject_row(r["input_id"], r["source_uri"], "extract", x["reason"], x["detail"], when,
                                       run_id, origin=r["origin"]))
        elif outcome == "duplicate":
            reason = "duplicate"
        inputs.append({"input_id": r["input_id"], "source_uri": r["source_uri"], "size_bytes": r["size_bytes"],
                       "sha256": r["sha256"], "encoding": r["encoding"], "outcome": outcome, "article_id": aid,
                       "reason": reason, "origin_uri": r["origin"], "origin_line": r["line"], "ingested_at": when,
                       "ingest_date": when.date().isoformat(), "run_id": run_id})
    tables["inputs"] = pa.Table.from_pylist(inputs, schema=TABLES["inputs"].arrow_schema())
    tables["rejects"] = pa.Table.from_pylist(rejects, schema=TABLES["rejects"].arrow_schema())
    processed = {d["article_id"] for d in decisions.values() if d["outcome"] == "article"}
    input_ids = {r["input_id"] for r in clean_rows}
    keys = {"articles": processed, "timexes": processed, "mentions": processed, "events": processed,
            "inputs": input_ids, "rejects": input_ids}
    return tables, keys


def quarantine(tables: dict[str, pa.Table], failing: dict[str, dict[int, list[str]]], run_id: str,
               ingested_at: str) -> tuple[dict[str, pa.Table], int]:
    """Move rows that failed validation to `rejects` (with the failed expectations); an article held
    back takes its time expressions, mentions and events with it, and its input becomes `rejected`."""
    import pyarrow.compute as pc

    from schemas.tables import TABLES

    when = dt.datetime.fromisoformat(ingested_at)
    articles = tables["articles"]
    input_of = dict(zip(articles["article_id"].to_pylist(), zip(articles["input_id"].to_pylist(),
                                                                 articles["source_uri"].to_pylist())))
    origin_of = dict(zip(tables["inputs"]["input_id"].to_pylist(), tables["inputs"]["origin_uri"].to_pylist()))
    held_articles: set[str] = set()
    new_rejects: list[dict] = []
    count = 0
    for name, rows in failing.items():
        if not rows or not TABLES[name].quarantine:
            continue
        table = tables[name]
        records = table.to_pylist()
        for pos, labels in rows.items():
            rec = records[pos]
            aid = rec.get("article_id")
            input_id, uri = input_of.get(aid, (rec.get("input_id"), rec.get("source_uri")))
            if name == "articles":
                held_articles.add(aid)
            new_rejects.append(_reject_row(input_id or "unknown", uri or "unknown", "validate", "failed_validation",
                                           "; ".join(labels), when, run_id, name,
                                           json.dumps(rec, ensure_ascii=False, default=str),
                                           origin=origin_of.get(input_id)))
        keep = pa.array([i not in rows for i in range(table.num_rows)])
        tables[name] = table.filter(keep)
        count += len(rows)
    if held_articles:
        value_set = pa.array(sorted(held_articles), pa.string())
        for name in TABLES["articles"].children:
            table = tables[name]
            mask = pc.is_in(table["article_id"], value_set=value_set)
            count += pc.sum(mask).as_py() or 0
            tables[name] = table.filter(pc.invert(mask))
        inputs = tables["inputs"].to_pylist()
        for row in inputs:
            if row["article_id"] in held_articles and row["outcome"] == "article":
                row.update(outcome="rejected", reason="failed_validation")
        tables["inputs"] = pa.Table.from_pylist(inputs, schema=TABLES["inputs"].arrow_schema())
    if new_rejects:
        tables["rejects"] = pa.concat_tables([tables["rejects"],
                                              pa.Table.from_pylist(new_rejects, schema=TABLES["rejects"].arrow_schema())])
    return tables, count


# --- derived tables -----------------------------------------------------------------------------------
def _derive(snapshot: Path, name: str, source: str, sql: str) -> pa.Table:
    """Table `name` computed by DuckDB `sql` over the snapshot's tables ({events}, {mentions}, {articles} in
    the SQL stand for them); empty (with its schema) while `source` has no rows."""
    import duckdb

    from schemas.tables import TABLES

    if not any((snapshot / source).rglob("*.parquet")):
        return TABLES[name].arrow_schema().empty_table()
    tables = {t: "read_parquet('" + (snapshot / t / "**" / "*.parquet").as_posix().replace("'", "''")
              + "', hive_partitioning=true)" for t in ("events", "mentions", "articles")}
    con = duckdb.connect()
    try:
        return con.sql(sql.format(**tables)).to_arrow_table()
    finally:
        con.close()


def derive_entities(snapshot: Path) -> pa.Table:
    """The `entities` table from a snapshot's mentions and articles: one row per entity_id."""
    return _derive(snapshot, "entities", "mentions", """
        WITH m AS (SELECT * FROM {mentions}),
             a AS (SELECT article_id, published_date, ingested_at FROM {articles}),
             surfaces AS (SELECT entity_id, surface, count(*) AS n FROM m GROUP BY ALL)
        SELECT m.entity_id, any_value(m.entity_type) AS entity_type,
               mode(m.canonical_name) AS canonical_name, mode(m.entity_code) AS entity_code,
               mode(m.country) AS country,
               (SELECT list(surface ORDER BY n DESC, surface)[1:20] FROM surfaces s
                WHERE s.entity_id = m.entity_id) AS aliases,
               min(a.published_date) AS first_seen, max(a.published_date) AS last_seen,
               min(a.ingested_at) AS first_ingested_at, count(*) AS mention_count,
               count(DISTINCT m.article_id) AS article_count,
               any_value(m.entity_type) AS entity_type_partition
        FROM m LEFT JOIN a USING (article_id)
        GROUP BY m.entity_id ORDER BY m.entity_id""")


def derive_event_clusters(snapshot: Path) -> pa.Table:
    """The `event_clusters` table from a snapshot's events and articles: one row per happening."""
    return _derive(snapshot, "event_clusters", "events", """
        WITH e AS (SELECT * FROM {events}),
             a AS (SELECT article_id, published_date,
                          coalesce(source, regexp_extract(source_uri, '^[a-z0-9]+://([^/]+)', 1),
                                   regexp_extract(source_uri, '([^/]+)/[^/]+$', 1)) AS outlet
                   FROM {articles})
        SELECT cluster_id, any_value(event_root_code) AS event_root_code,
               arg_min(source_actor_code, event_id) AS source_actor_code,
               arg_min(target_actor_code, event_id) AS target_actor_code,
               any_value(event_date) AS event_date, any_value(event_date_precision) AS event_date_precision,
               count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
               greatest(count(DISTINCT nullif(outlet, '')), 1) AS num_sources,
               min(published_date) AS first_published, max(published_date) AS last_published,
               any_value(event_root_code) AS root_partition
        FROM e LEFT JOIN a USING (article_id)
        GROUP BY cluster_id ORDER BY cluster_id""")
