"""Paths and URLs alike: a local folder or any fsspec URL (`s3://bucket/wh`), for staging files and the
warehouse. Stage functions take and return URI strings through these helpers, so a Dask worker on another
machine reads and writes the same staging as the flow when the warehouse is on an object store.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq


def is_remote(uri: str) -> bool:
    return "://" in str(uri) and not str(uri).startswith("file://")


def join(uri: str, *parts: str) -> str:
    if is_remote(uri):
        return "/".join([str(uri).rstrip("/"), *(p.strip("/") for p in parts)])
    return str(Path(uri).joinpath(*parts))


def fs_of(uri: str):
    """(filesystem, path inside it)."""
    return fsspec.core.url_to_fs(str(uri))


def write_parquet(table: pa.Table, uri: str) -> str:
    fs, path = fs_of(uri)
    if not is_remote(uri):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with fs.open(path, "wb") as handle:
        pq.write_table(table, handle, compression="zstd")
    return uri


def read_parquet(uri: str, columns: list[str] | None = None) -> pa.Table:
    fs, path = fs_of(uri)
    with fs.open(path, "rb") as handle:
        # ParquetFile, not read_table: one file needs no pyarrow.dataset, which imports pandas (~40 MB in
        # every worker process)
        return pq.ParquetFile(handle).read(columns=columns)


def parquet_rows(uri: str) -> int:
    fs, path = fs_of(uri)
    with fs.open(path, "rb") as handle:
        return pq.ParquetFile(handle).metadata.num_rows


def write_text(uri: str, text: str) -> None:
    fs, path = fs_of(uri)
    if not is_remote(uri):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with fs.open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def read_text(uri: str) -> str | None:
    fs, path = fs_of(uri)
    try:
        with fs.open(path, "r", encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def exists(uri: str) -> bool:
    fs, path = fs_of(uri)
    return fs.exists(path)


def remove_tree(uri: str) -> None:
    """Remove one folder this program created (named exactly; never a pattern)."""
    fs, path = fs_of(uri)
    try:
        fs.rm(path, recursive=True)
    except FileNotFoundError:
        pass


def size_of(uris: list[str]) -> int:
    total = 0
    for uri in uris:
        fs, path = fs_of(uri)
        try:
            total += fs.size(path) or 0
        except FileNotFoundError:
            pass
    return total


def is_disk_full(err: BaseException) -> bool:
    """An out-of-space error, whether raised by Python, pyarrow or delta-rs (which only give a message)."""
    while err is not None:
        if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if "No space left on device" in str(err) or "Disk quota exceeded" in str(err):
            return True
        err = err.__cause__ or err.__context__
    return False


def free_bytes(uri: str) -> int | None:
    if is_remote(uri):
        return None
    path = Path(uri)
    while not path.exists() and path != path.parent:
        path = path.parent
    return os.statvfs(path).f_bavail * os.statvfs(path).f_frsize
