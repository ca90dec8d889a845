"""Assemble one chunk of a run (a few cleaned parts and what extraction made of them) into the tables to
validate and publish: the data tables, the ledger (`inputs`) and `rejects`; then quarantine the rows that
failed validation. Frames (polars over Arrow), not lists of dicts."""
from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pyarrow as pa

from flows import storage
from flows.stages.extract import hash_id
from flows.stages.rejects import reject_row
from flows.stages.version import extraction_version
from schemas.tables import TABLES

DATA = ("articles", "timexes", "mentions", "events")


def _concat(name: str, uris: list[str]) -> pa.Table:
    spec = TABLES[name]
    parts = [storage.read_parquet(u) for u in uris]
    return pa.concat_tables([spec.conform(p) for p in parts]) if parts else spec.empty()


def assemble(clean_uris: list[str], decisions_uri: str, extracted: list[dict[str, str]], run_id: str,
             ingested_at: str) -> tuple[dict[str, pa.Table], dict[str, pa.Array]]:
    """The chunk's rows per table, and the keys each table's publish replaces."""
    when = dt.datetime.fromisoformat(ingested_at)
    tables = {name: _concat(name, [x[name] for x in extracted]) for name in DATA}
    cols = ["input_id", "source_uri", "size_bytes", "sha256", "encoding", "order", "article_id", "reason", "detail",
            "stage", "origin", "line"]
    cleaned = pl.concat([pl.from_arrow(storage.read_parquet(u, cols)) for u in clean_uris]).sort("order") \
        if clean_uris else pl.from_arrow(TABLES["inputs"].empty()).select([])
    decisions = pl.from_arrow(storage.read_parquet(decisions_uri)).rename({"article_id": "decided_article"})
    failed = pl.from_arrow(_concat("rejects", [x["rejects"] for x in extracted]))
    ingest_rejects = [reject_row(r["input_id"], r["source_uri"], r["stage"], r["reason"], r["detail"], when, run_id,
                                 origin=r["origin"])
                      for r in cleaned.filter(pl.col("reason").is_not_null()).iter_rows(named=True)]
    rejects = pl.concat([pl.from_arrow(TABLES["rejects"].from_rows(ingest_rejects)), failed])
    # an article extraction failed on is rejected; a failed step (its table named) leaves it an article
    extract_failed = (failed.filter(pl.col("table_name").is_null())
                      .select("input_id", extract_reason="reason").unique("input_id"))
    inputs = (cleaned.join(decisions, on="input_id", how="left", maintain_order="left")
              .join(extract_failed, on="input_id", how="left", maintain_order="left")
              .with_columns(outcome=pl.when(pl.col("extract_reason").is_not_null()).then(pl.lit("rejected"))
                            .otherwise(pl.col("outcome")),
                            reason=pl.coalesce("reason", "extract_reason",
                                               pl.when(pl.col("outcome") == "duplicate").then(pl.lit("duplicate"))),
                            article_id=pl.col("decided_article"), ingested_at=pl.lit(when),
                            origin_uri=pl.col("origin"), origin_line=pl.col("line"),
                            extraction_version=pl.lit(extraction_version()),
                            ingest_date=pl.lit(when.date().isoformat()), run_id=pl.lit(run_id)))
    tables["inputs"] = TABLES["inputs"].conform(inputs)
    tables["rejects"] = TABLES["rejects"].conform(rejects)
    processed = decisions.filter(pl.col("outcome") == "article").join(cleaned.select("input_id"), on="input_id")
    article_keys = processed["decided_article"].unique().to_arrow().cast(pa.string())
    seen = cleaned.join(decisions, on="input_id", how="left")
    keys = {name: article_keys for name in DATA}
    keys["inputs"] = seen["input_id"].to_arrow().cast(pa.string())
    keys["rejects"] = seen.filter(pl.col("outcome") != "unchanged")["input_id"].to_arrow().cast(pa.string())
    return tables, keys


def quarantine(tables: dict[str, pa.Table], failing: dict[str, dict[int, list[str]]], run_id: str,
               ingested_at: str) -> tuple[dict[str, pa.Table], int]:
    """Move rows that failed validation to `rejects` (with the failed expectations); an article held
    back takes its time expressions, mentions and events with it, and its input becomes `rejected`."""
    when = dt.datetime.fromisoformat(ingested_at)
    articles = pl.from_arrow(tables["articles"].select(["article_id", "input_id", "source_uri"]))
    input_of = {r["article_id"]: (r["input_id"], r["source_uri"]) for r in articles.iter_rows(named=True)}
    origin_of = dict(zip(tables["inputs"]["input_id"].to_pylist(), tables["inputs"]["origin_uri"].to_pylist()))
    held: set[str] = set()
    new_rejects: list[dict] = []
    count = 0
    for name, rows in failing.items():
        if not rows or not TABLES[name].quarantine:
            continue
        frame = pl.from_arrow(tables[name]).with_row_index("_pos")
        bad = frame.filter(pl.col("_pos").is_in(list(rows)))
        for pos, rec in zip(bad["_pos"].to_list(), bad.drop("_pos").iter_rows(named=True)):
            aid = rec.get("article_id")
            input_id, uri = input_of.get(aid, (rec.get("input_id"), rec.get("source_uri")))
            if name == "articles":
                held.add(aid)
            new_rejects.append(reject_row(input_id or "unknown", uri or "unknown", "validate", "failed_validation",
                                          "; ".join(rows[pos]), when, run_id, name,
                                          json.dumps(rec, ensure_ascii=False, default=str),
                                          origin=origin_of.get(input_id)))
        tables[name] = TABLES[name].conform(frame.filter(~pl.col("_pos").is_in(list(rows))).drop("_pos"))
        count += len(rows)
    if held:
        for name in TABLES["articles"].children:
            frame = pl.from_arrow(tables[name])
            gone = frame["article_id"].is_in(list(held))
            count += int(gone.sum())
            tables[name] = TABLES[name].conform(frame.filter(~gone))
        inputs = pl.from_arrow(tables["inputs"])
        hit = pl.col("article_id").is_in(list(held)) & (pl.col("outcome") == "article")
        tables["inputs"] = TABLES["inputs"].conform(inputs.with_columns(
            outcome=pl.when(hit).then(pl.lit("rejected")).otherwise(pl.col("outcome")),
            reason=pl.when(hit).then(pl.lit("failed_validation")).otherwise(pl.col("reason"))))
    if new_rejects:
        tables["rejects"] = pa.concat_tables([tables["rejects"], TABLES["rejects"].from_rows(new_rejects)])
    return tables, count
