"""Derived tables, recomputed from the published versions of the tables they summarize (polars, lazy
over the Delta tables, so only the columns used are read):

    entities        one row per canonical entity (entity_id stable across runs), from mentions and articles
    event_clusters  one row per happening (events with the same dyad, root and date across articles),
                    counted as GDELT counts mentions, articles and sources
"""
from __future__ import annotations

import polars as pl
import pyarrow as pa

from schemas.tables import TABLES


def _scan(wh, versions: dict[str, int], name: str) -> pl.LazyFrame | None:
    if name not in versions or wh.delta(name) is None or not wh.files(name, versions[name]):
        return None
    return pl.scan_delta(wh.table_uri(name), version=versions[name], storage_options=wh.storage_options)


def _mode(frame: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """Most frequent non-null value per entity (ties: the smallest), as `column`."""
    return (frame.filter(pl.col(column).is_not_null()).group_by("entity_id", column).len()
            .sort(["entity_id", "len", column], descending=[False, True, False])
            .group_by("entity_id", maintain_order=True).first().select("entity_id", column))


def derive_entities(wh, versions: dict[str, int]) -> pa.Table:
    mentions = _scan(wh, versions, "mentions")
    if mentions is None:
        return TABLES["entities"].empty()
    m = mentions.select("entity_id", "entity_type", "canonical_name", "entity_code", "country", "surface",
                        "article_id")
    articles = _scan(wh, versions, "articles")
    a = (articles.select("article_id", "published_date", "ingested_at") if articles is not None
         else pl.LazyFrame(schema={"article_id": pl.String, "published_date": pl.Date,
                                   "ingested_at": pl.Datetime("us", "UTC")}))
    aliases = (m.group_by("entity_id", "surface").len().sort(["entity_id", "len", "surface"],
                                                              descending=[False, True, False])
               .group_by("entity_id", maintain_order=True).agg(aliases=pl.col("surface").head(20)))
    base = (m.join(a, on="article_id", how="left")
            .group_by("entity_id").agg(entity_type=pl.col("entity_type").min(),
                                       first_seen=pl.col("published_date").min(),
                                       last_seen=pl.col("published_date").max(),
                                       first_ingested_at=pl.col("ingested_at").min(),
                                       mention_count=pl.len().cast(pl.Int64),
                                       article_count=pl.col("article_id").n_unique().cast(pl.Int64)))
    out = base
    for column in ("canonical_name", "entity_code", "country"):
        out = out.join(_mode(m, column), on="entity_id", how="left")
    out = (out.join(aliases, on="entity_id", how="left")
           .with_columns(entity_type_partition=pl.col("entity_type")).sort("entity_id"))
    return TABLES["entities"].conform(out.collect(engine="streaming"))


def derive_event_clusters(wh, versions: dict[str, int]) -> pa.Table:
    events = _scan(wh, versions, "events")
    if events is None:
        return TABLES["event_clusters"].empty()
    e = events.select("cluster_id", "event_id", "event_root_code", "source_actor_code", "target_actor_code",
                      "event_date", "event_date_precision", "article_id")
    articles = _scan(wh, versions, "articles")
    a = (articles.select("article_id", "published_date", outlet=pl.coalesce(
        pl.col("source"), pl.col("source_uri").str.extract(r"^[a-z0-9]+://([^/]+)", 1),
        pl.col("source_uri").str.extract(r"([^/]+)/[^/]+$", 1)))
         if articles is not None else pl.LazyFrame(schema={"article_id": pl.String, "published_date": pl.Date,
                                                          "outlet": pl.String}))
    out = (e.join(a, on="article_id", how="left").sort("event_id")
           .group_by("cluster_id").agg(
               event_root_code=pl.col("event_root_code").first(),
               source_actor_code=pl.col("source_actor_code").first(),
               target_actor_code=pl.col("target_actor_code").first(),
               event_date=pl.col("event_date").first(), event_date_precision=pl.col("event_date_precision").first(),
               num_mentions=pl.len().cast(pl.Int64), num_articles=pl.col("article_id").n_unique().cast(pl.Int64),
               num_sources=pl.max_horizontal(pl.col("outlet").filter(pl.col("outlet") != "").n_unique(),
                                             pl.lit(1)).cast(pl.Int64),
               first_published=pl.col("published_date").min(), last_published=pl.col("published_date").max())
           .with_columns(root_partition=pl.col("event_root_code")).sort("cluster_id"))
    return TABLES["event_clusters"].conform(out.collect(engine="streaming"))
