"""Deduplicate: the first input of each article (in input order) is the article; later inputs of the same
text, in this run or already published from another source, are duplicates. Reads only the cleaned
parts' key columns (polars), so memory holds the run's ids, not its text."""
from __future__ import annotations

import polars as pl
import pyarrow as pa

from flows import storage
from schemas.tables import DECISIONS

KEYS = ["input_id", "source_uri", "order", "outcome", "article_id", "reason"]


def deduplicate(clean_uris: list[str], published: pa.Table, out: str) -> tuple[str, dict[str, list[str]]]:
    """`published`: (article_id, source_uri) of the warehouse's articles. Returns the decisions file and,
    per cleaned part, the input ids to extract."""
    if not clean_uris:
        storage.write_parquet(DECISIONS.empty(), out)
        return out, {}
    keys = pl.concat([pl.from_arrow(storage.read_parquet(u, KEYS)).with_columns(part=pl.lit(i, pl.Int32))
                      for i, u in enumerate(clean_uris)]).sort("order")
    pub = pl.from_arrow(published.select(["article_id", "source_uri"])).rename({"source_uri": "published_uri"})
    accepted = pl.col("outcome").is_null() & pl.col("reason").is_null() & pl.col("article_id").is_not_null()
    elsewhere = pl.col("published_uri").is_not_null() & (pl.col("published_uri") != pl.col("source_uri"))
    candidate = accepted & ~elsewhere
    decided = (keys.join(pub.unique("article_id"), on="article_id", how="left", maintain_order="left")
               .with_columns(first=candidate & pl.when(candidate).then(pl.col("article_id")).is_first_distinct())
               .with_columns(outcome=pl.when(pl.col("outcome") == "unchanged").then(pl.lit("unchanged"))
                             .when(~accepted).then(pl.lit("rejected"))
                             .when(pl.col("first")).then(pl.lit("article"))
                             .otherwise(pl.lit("duplicate"))))
    storage.write_parquet(DECISIONS.conform(decided), out)
    chosen = decided.filter(pl.col("outcome") == "article")
    extract = {u: chosen.filter(pl.col("part") == i)["input_id"].to_list() for i, u in enumerate(clean_uris)}
    return out, extract
