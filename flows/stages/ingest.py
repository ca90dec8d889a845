"""Ingest: read and decode each input. Failures are rows with their reason, never exceptions; an input
already published with the same bytes by the same extraction version is marked `unchanged` and not
decoded (its bytes were still read: the sha256 is what tells)."""
from __future__ import annotations

from flows import sources, storage
from schemas.tables import INGESTED
from transforms.decode import DecodeError, decode_bytes


def known_inputs(known_uri: str | None) -> dict[str, str | None]:
    """input_id -> article_id of the inputs the warehouse already holds at this extraction version."""
    if not known_uri or not storage.exists(known_uri):
        return {}
    table = storage.read_parquet(known_uri, ["input_id", "article_id"])
    return dict(zip(table["input_id"].to_pylist(), table["article_id"].to_pylist()))


def ingest_batch(uris: list[str], out_dir: str, batch: int, first_order: int, max_bytes: int,
                 columns: dict[str, str], known_uri: str | None = None, part_rows: int = 100) -> list[str]:
    """Staging parts `<out_dir>/ingest-<batch>-<part>.parquet` of at most `part_rows` inputs each (a
    tabular file can hold many inputs, so parts bound the memory of the stages after this one)."""
    known = known_inputs(known_uri)
    parts: list[str] = []
    rows: list[dict] = []
    order = first_order

    def flush() -> None:
        if rows:
            parts.append(storage.write_parquet(INGESTED.from_rows(rows),
                                               storage.join(out_dir, f"ingest-{batch:05d}-{len(parts):04d}.parquet")))
            rows.clear()

    for uri in uris:
        for raw in sources.read(uri, max_bytes, columns):
            row = {"input_id": raw.input_id, "source_uri": raw.source_uri, "size_bytes": raw.size_bytes,
                   "sha256": raw.sha256, "lossy": False, "title": raw.title, "published": raw.published,
                   "source_name": raw.source, "order": order, "origin": raw.origin, "line": raw.line}
            order += 1
            if raw.error:
                row["reason"], row["detail"], row["stage"] = *raw.error, "ingest"
            elif raw.input_id in known:
                row.update(outcome="unchanged", article_id=known[raw.input_id])
            elif raw.text is not None:
                row["text"], row["encoding"], row["lossy"] = raw.text, "utf-8", raw.lossy
            else:
                try:
                    decoded = decode_bytes(raw.data)
                    row.update(text=decoded.text, encoding=decoded.encoding, lossy=decoded.lossy)
                except DecodeError as err:
                    row.update(reason=err.reason, detail=err.detail, stage="ingest")
            rows.append(row)
            if len(rows) >= part_rows:
                flush()
    flush()
    return parts
