"""Clean: decoded text to structured articles (transforms.article.clean), one staging row per input; one
that takes longer than the time limit is rejected `timeout` (flows/limits.py)."""
from __future__ import annotations

from dataclasses import asdict

from flows import storage
from flows.limits import InputTimeout, deadline
from schemas.tables import ARTICLE_FIELDS, CLEANED
from transforms import article as art


def clean_batch(ingest_uri: str, out: str, timeout: float = 0) -> str:
    rows = []
    source = storage.read_parquet(ingest_uri).to_pylist()
    if timeout and any(r["reason"] is None and r["outcome"] is None for r in source):
        art.warm_up()  # models and tables load outside any input's time limit (not for a part with nothing to clean)
    for r in source:
        row = {k: r[k] for k in ("input_id", "source_uri", "size_bytes", "sha256", "encoding", "order", "outcome",
                                 "article_id", "reason", "detail", "stage", "origin", "line")}
        if r["reason"] is None and r["outcome"] is None:
            try:
                doc = art.Document(r["input_id"], r["source_uri"], r["text"], r["encoding"], title=r["title"],
                                   published=r["published"], source=r["source_name"], lossy=bool(r["lossy"]))
                with deadline(timeout):
                    article = asdict(art.clean(doc))
                article["header"] = [{"name": k, "value": v} for k, v in (article["header"] or {}).items()]
                row.update({k: article[k] for k in ARTICLE_FIELDS})
            except art.Rejected as err:
                row.update(reason=err.reason, detail=err.detail, stage="clean")
            except InputTimeout:
                row.update(reason="timeout", detail=f"cleaning took over {timeout:g} s (`input_timeout`)",
                           stage="clean")
            except Exception as err:  # noqa: BLE001 - one bad document never stops the run
                row.update(reason="clean_error", detail=f"{type(err).__name__}: {err}", stage="clean")
        rows.append(row)
    return storage.write_parquet(CLEANED.from_rows(rows), out)


def article_of(row: dict) -> art.Article:
    """The transforms' Article from a staging or `articles` row."""
    return art.Article(input_id=row["input_id"], source_uri=row["source_uri"], encoding=row["encoding"],
                       header={h["name"]: h["value"] for h in row.get("header") or []},
                       flags=list(row.get("flags") or []),
                       **{k: row[k] for k in ARTICLE_FIELDS if k not in ("header", "flags")})
