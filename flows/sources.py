"""Reading sources: files, folders and globs on local disk or any fsspec URL (`s3://bucket/news/`).

Text files (`.txt`, `.txt.gz`, `.html`) are one input each; tabular files (`.jsonl`, `.csv`, `.parquet`,
optionally gzipped) are one input per row, with a text column and optional metadata columns (see
Settings). Nothing here interprets text: it yields bytes (or a row's text) with their provenance, and
every failure to read becomes an input with an error, never an exception that stops the run.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Iterator

import fsspec

TEXT_SUFFIXES = (".txt", ".txt.gz", ".html", ".htm", ".html.gz")
TABLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".parquet")
SUPPORTED = TEXT_SUFFIXES + TABLE_SUFFIXES


@dataclass
class RawInput:
    source_uri: str
    input_id: str
    sha256: str
    size_bytes: int
    data: bytes | None = None  # file bytes (text inputs)
    text: str | None = None  # a tabular row's text, already decoded
    title: str | None = None
    published: str | None = None
    source: str | None = None
    error: tuple[str, str] | None = None  # (reason, detail) when it could not be read


def input_id_of(source_uri: str, sha256: str) -> str:
    return hashlib.sha256(f"{source_uri}\0{sha256}".encode()).hexdigest()[:16]


def _supported(path: str) -> bool:
    return path.lower().endswith(SUPPORTED)


def discover(paths: list[str]) -> list[str]:
    """Input URIs, in a stable order. Folders are walked recursively for supported files; globs are
    expanded; a named file is kept whatever its suffix (an unsupported one is rejected later, not
    skipped silently). Paths keep the form they were given in (`../shared/corpus/seeds/x.txt`)."""
    found: list[str] = []
    for given in paths:
        fs, root = fsspec.core.url_to_fs(given)
        protocol = given.split("://", 1)[0] + "://" if "://" in given else ""
        if any(ch in given for ch in "*?["):
            matches = sorted(fs.glob(root))
            found.extend(_as_given(given, root, protocol, m) for m in matches if fs.isfile(m))
        elif fs.isdir(root):
            for m in sorted(fs.find(root)):
                if _supported(m):
                    found.append(_as_given(given, root, protocol, m))
        elif fs.exists(root):
            found.append(given)
        else:
            raise FileNotFoundError(f"input not found: {given}")
    seen, out = set(), []
    for uri in found:
        if uri not in seen:
            seen.add(uri)
            out.append(uri)
    return out


def _as_given(given: str, root: str, protocol: str, match: str) -> str:
    """Re-express a match found under `root` in the form the user gave (relative paths stay relative)."""
    if protocol:
        return protocol + match if not match.startswith(protocol) else match
    root_abs = root.rstrip("/")
    rel = match[len(root_abs):].lstrip("/") if match.startswith(root_abs) else None
    if rel is None:  # a glob: fsspec returns absolute paths
        import os
        return os.path.relpath(match) if not given.startswith("/") else match
    return given.rstrip("/") + "/" + rel if rel else given


def read(uri: str, max_bytes: int, columns: dict[str, str]) -> Iterator[RawInput]:
    """The inputs one URI holds: itself (a text file) or its rows (a tabular file)."""
    try:
        fs, path = fsspec.core.url_to_fs(uri)
        size = fs.size(path)
    except Exception as err:  # noqa: BLE001 - any failure to reach the file is this input's outcome
        yield RawInput(uri, input_id_of(uri, ""), hashlib.sha256(b"").hexdigest(), 0,
                       error=("unreadable", f"{type(err).__name__}: {err}"))
        return
    if size > max_bytes:
        digest = hashlib.sha256(f"size:{size}".encode()).hexdigest()
        yield RawInput(uri, input_id_of(uri, digest), digest, size,
                       error=("too_large", f"{size} bytes, over the {max_bytes}-byte limit"))
        return
    try:
        with fs.open(path, "rb") as f:
            data = f.read()
    except Exception as err:  # noqa: BLE001
        yield RawInput(uri, input_id_of(uri, ""), hashlib.sha256(b"").hexdigest(), size,
                       error=("unreadable", f"{type(err).__name__}: {err}"))
        return
    lower = uri.lower()
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            digest = hashlib.sha256(data).hexdigest()
            yield RawInput(uri, input_id_of(uri, digest), digest, size, error=("unreadable", f"bad gzip: {err}"))
            return
        lower = lower[:-3]
    if lower.endswith(TABLE_SUFFIXES):
        yield from _rows(uri, data, columns)
        return
    digest = hashlib.sha256(data).hexdigest()
    raw = RawInput(uri, input_id_of(uri, digest), digest, len(data), data=data)
    if not lower.endswith(TEXT_SUFFIXES):
        raw.error = ("unsupported_type", f"not one of {', '.join(SUPPORTED)}")
    yield raw


def _rows(uri: str, data: bytes, columns: dict[str, str]) -> Iterator[RawInput]:
    try:
        records = list(_records(uri, data))
    except Exception as err:  # noqa: BLE001 - a malformed table is one rejected input
        digest = hashlib.sha256(data).hexdigest()
        yield RawInput(uri, input_id_of(uri, digest), digest, len(data),
                       error=("unreadable", f"not a readable table: {type(err).__name__}: {err}"))
        return
    for i, rec in enumerate(records):
        text = rec.get(columns["text"])
        row_uri = str(rec.get(columns["url"]) or f"{uri}#row={i}")
        payload = json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
        digest = hashlib.sha256(payload).hexdigest()
        raw = RawInput(row_uri, input_id_of(row_uri, digest), digest, len(payload),
                       text=text if isinstance(text, str) else None,
                       title=_str(rec.get(columns["title"])), published=_str(rec.get(columns["published"])),
                       source=_str(rec.get(columns["source"])))
        if raw.text is None:
            raw.error = ("empty", f"row {i} has no `{columns['text']}` text")
        yield raw


def _str(value) -> str | None:
    if value is None or value != value:  # NaN from CSV
        return None
    return str(value).strip() or None


def _records(uri: str, data: bytes) -> Iterator[dict]:
    lower = uri.lower().removesuffix(".gz")
    if lower.endswith((".jsonl", ".ndjson")):
        for line in data.decode("utf-8-sig").splitlines():
            if line.strip():
                yield json.loads(line)
    elif lower.endswith(".csv"):
        import csv
        yield from csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    else:
        import pyarrow.parquet as pq
        yield from pq.read_table(io.BytesIO(data)).to_pylist()
