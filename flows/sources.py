"""Reading sources: files, folders and globs on local disk or any fsspec URL (`s3://bucket/news/`).

Text files (`.txt`, `.txt.gz`, `.html`) are one input each; tabular files (`.jsonl`, `.csv`, `.parquet`,
optionally gzipped) are one input per row, with a text column and optional metadata columns (see
Settings). Nothing here interprets text: it yields bytes (or a row's text) with their provenance, and
every failure to read becomes an input with an error, never an exception that stops the run.

Everything seen gets an input: every file under a folder (other suffixes as `unsupported_type`), a
folder that cannot be listed (`unreadable`), a path that does not exist (`missing`), a FIFO, device or
socket (`not_a_file`, never opened for reading: a FIFO would block, `/dev/zero` never ends), and each
row of a table, malformed ones included (`malformed`, with their line number).
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import stat
from dataclasses import dataclass
from typing import Iterator

import fsspec

from flows.errors import UsageError

TEXT_SUFFIXES = (".txt", ".txt.gz", ".html", ".htm", ".html.gz")
TABLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".parquet")
SUPPORTED = TEXT_SUFFIXES + TABLE_SUFFIXES
EMPTY_SHA = hashlib.sha256(b"").hexdigest()


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
    origin: str = ""  # the file it was read from, as given (a row's source_uri is its `url`)
    line: int | None = None  # a table's row: its line (JSONL, CSV) or row number (Parquet), from 1
    lossy: bool = False  # a row's text had bytes that are not UTF-8 (replaced by U+FFFD)

    def __post_init__(self) -> None:
        self.origin = self.origin or self.source_uri


def input_id_of(source_uri: str, sha256: str) -> str:
    return hashlib.sha256(f"{source_uri}\0{sha256}".encode()).hexdigest()[:16]


def _failed(uri: str, reason: str, detail: str, size: int = 0, digest: str = EMPTY_SHA) -> RawInput:
    return RawInput(uri, input_id_of(uri, digest), digest, size, error=(reason, detail))


def _local(uri: str) -> bool:
    return "://" not in uri or uri.startswith("file://")


def discover(paths: list[str]) -> list[str]:
    """Input URIs, in a stable order. Folders are walked recursively and every file in them is an input
    (an unsupported one is rejected later, not skipped silently); a folder that cannot be listed and a
    path that does not exist are kept too, and become rejected inputs. Globs are expanded. Paths keep
    the form they were given in (`../shared/corpus/seeds/x.txt`). Raises UsageError when no path given
    exists at all (a mistyped folder, not a bad input among good ones)."""
    found: list[str] = []
    missing = 0
    for given in paths:
        fs, root = fsspec.core.url_to_fs(given)
        protocol = given.split("://", 1)[0] + "://" if "://" in given else ""
        if any(ch in given for ch in "*?["):
            for m in sorted(fs.glob(root)):
                inside = _walk(m) if _local(given) and os.path.isdir(m) else [m]
                found.extend(_as_given(given, root, protocol, w) for w in inside)
        elif _local(given) and os.path.isdir(root):
            found.extend(_as_given(given, root, protocol, w) for w in _walk(root))
        elif not _local(given) and fs.isdir(root):
            found.extend(_as_given(given, root, protocol, m) for m in sorted(fs.find(root)))
        elif _local(given) and os.path.lexists(root) or not _local(given) and fs.exists(root):
            found.append(given)
        else:
            missing += 1
            found.append(given)  # read() records it as `missing`
    if paths and missing == len(paths):
        raise UsageError(f"input not found: {', '.join(paths)}")
    seen, out = set(), []
    for uri in found:
        if uri not in seen:
            seen.add(uri)
            out.append(uri)
    return out


def _walk(folder: str) -> list[str]:
    """Every entry under a local folder, sorted; links to folders and folders that cannot be listed are
    entries themselves (read() rejects them), so nothing under the folder goes unrecorded."""
    base = folder.rstrip("/") or "/"
    try:
        with os.scandir(base) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return [base]
    out: list[str] = []
    for entry in entries:
        path = f"{base}/{entry.name}" if base != "/" else f"/{entry.name}"
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        out.extend(_walk(path) if is_dir else [path])
    return out


def _as_given(given: str, root: str, protocol: str, match: str) -> str:
    """Re-express a match found under `root` in the form the user gave (relative paths stay relative)."""
    if protocol:
        return protocol + match if not match.startswith(protocol) else match
    root_abs = root.rstrip("/")
    rel = match[len(root_abs):].lstrip("/") if match.startswith(root_abs) else None
    if rel is None:  # a glob: fsspec returns absolute paths
        return os.path.relpath(match) if not given.startswith("/") else match
    return given.rstrip("/") + "/" + rel if rel else given


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _read_local(uri: str, max_bytes: int) -> bytes | RawInput:
    """The bytes of a local regular file, at most max_bytes; anything else is a rejected input."""
    path = uri.removeprefix("file://")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return _failed(uri, "missing", "no such file or folder" if not os.path.islink(path) else "a broken link")
    except OSError as err:
        return _failed(uri, "unreadable", f"{type(err).__name__}: {err.strerror or err}")
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(path)
        except OSError as err:
            return _failed(uri, "unreadable", f"folder cannot be listed: {err.strerror or err}")
        return _failed(uri, "not_a_file", "a link to a folder (not followed)" if os.path.islink(path) else "a folder")
    if not stat.S_ISREG(st.st_mode):
        return _failed(uri, "not_a_file", f"{_kind(st.st_mode)}, not a regular file: not read")
    if st.st_size > max_bytes:
        return _too_large(uri, st.st_size, max_bytes)
    try:
        # O_NONBLOCK: should it have become a FIFO since the stat, opening does not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        return _failed(uri, "unreadable", f"{type(err).__name__}: {err.strerror or err}")
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return _failed(uri, "not_a_file", f"{_kind(os.fstat(fd).st_mode)}, not a regular file: not read")
        try:
            data = f.read(max_bytes + 1)  # the cap holds even if the file grows while it is read
        except OSError as err:
            return _failed(uri, "unreadable", f"{type(err).__name__}: {err.strerror or err}")
    if len(data) > max_bytes:
        return _too_large(uri, len(data), max_bytes, "at least ")
    return data


def _too_large(uri: str, size: int, max_bytes: int, qualifier: str = "") -> RawInput:
    digest = hashlib.sha256(f"size:{size}".encode()).hexdigest()
    return _failed(uri, "too_large", f"{qualifier}{size} bytes, over the {max_bytes}-byte limit (`max_input_bytes`)",
                   size, digest)


def _read_remote(uri: str, max_bytes: int) -> bytes | RawInput:
    try:
        fs, path = fsspec.core.url_to_fs(uri)
        info = fs.info(path)
    except FileNotFoundError:
        return _failed(uri, "missing", "no such object")
    except Exception as err:  # noqa: BLE001 - any failure to reach the file is this input's outcome
        return _failed(uri, "unreadable", f"{type(err).__name__}: {err}")
    if info.get("type") not in (None, "file"):
        return _failed(uri, "not_a_file", f"a {info.get('type')}, not a file")
    size = info.get("size") or 0
    if size > max_bytes:
        return _too_large(uri, size, max_bytes)
    try:
        with fs.open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except Exception as err:  # noqa: BLE001
        return _failed(uri, "unreadable", f"{type(err).__name__}: {err}")
    if len(data) > max_bytes:
        return _too_large(uri, len(data), max_bytes, "at least ")
    return data


def read(uri: str, max_bytes: int, columns: dict[str, str]) -> Iterator[RawInput]:
    """The inputs one URI holds: itself (a text file) or its rows (a tabular file)."""
    data = _read_local(uri, max_bytes) if _local(uri) else _read_remote(uri, max_bytes)
    if isinstance(data, RawInput):
        yield data
        return
    size = len(data)
    lower = uri.lower()
    if lower.endswith(".gz"):
        try:  # decompressed with the same cap: a small gzip bomb is `too_large`, not a full memory
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                unpacked = gz.read(max_bytes + 1)
        except (OSError, EOFError, ValueError) as err:
            digest = hashlib.sha256(data).hexdigest()
            yield _failed(uri, "unreadable", f"bad gzip: {err}", size, digest)
            return
        if len(unpacked) > max_bytes:
            yield _too_large(uri, len(unpacked), max_bytes, "decompresses to at least ")
            return
        data, lower = unpacked, lower[:-3]
    if lower.endswith(TABLE_SUFFIXES):
        yield from _rows(uri, data, columns)
        return
    digest = hashlib.sha256(data).hexdigest()
    raw = RawInput(uri, input_id_of(uri, digest), digest, len(data), data=data)
    if not lower.endswith(TEXT_SUFFIXES):
        raw.error = ("unsupported_type", f"not one of {', '.join(SUPPORTED)}")
    yield raw


# --- tables: one input per row ----------------------------------------------------------------------
def _rows(uri: str, data: bytes, columns: dict[str, str]) -> Iterator[RawInput]:
    """Each row of a table, accounted one by one: a row that does not parse is one `malformed` input with
    its line, and the rows around it go on."""
    lower = uri.lower().removesuffix(".gz")
    if lower.endswith(".parquet"):
        rows = _parquet_rows(uri, data)
    elif lower.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        rows = _jsonl_rows(data)
    count = 0
    for line, rec, raw_bytes, problem in rows:
        count += 1
        digest = hashlib.sha256(raw_bytes).hexdigest()
        where = f"{uri}#line={line}" if line else uri
        if problem:
            yield RawInput(where, input_id_of(where, digest), digest, len(raw_bytes), error=problem, origin=uri,
                           line=line or None)
            continue
        text, lossy = _clean_str(rec.get(columns["text"]))
        url = rec.get(columns["url"])
        row_uri = _clean_str(url)[0] if isinstance(url, (str, int)) and str(url).strip() else where
        # the id names the file and line, so the same row twice (or in two files) is two inputs, the
        # later one a duplicate, never one input counted twice
        raw = RawInput(row_uri, input_id_of(where, digest), digest, len(raw_bytes), text=text,
                       title=_str(rec.get(columns["title"])), published=_str(rec.get(columns["published"])),
                       source=_str(rec.get(columns["source"])), origin=uri, line=line, lossy=lossy)
        value = rec.get(columns["text"])
        if value is not None and not isinstance(value, str):
            raw.text, raw.error = None, ("malformed", f"line {line}: `{columns['text']}` is a "
                                                      f"{type(value).__name__}, not a string")
        elif not (text or "").strip():
            raw.text, raw.error = None, ("empty", f"line {line} has no `{columns['text']}` text")
        elif lossy and text.count("\ufffd") > max(8, len(text) // 10):  # mostly not UTF-8: no text to read
            raw.text, raw.error = None, ("undecodable", f"line {line}: `{columns['text']}` is mostly not UTF-8")
        yield raw
    if count == 0:  # a table with no row is still an input seen
        digest = hashlib.sha256(data).hexdigest()
        yield RawInput(uri, input_id_of(uri, digest), digest, len(data), error=("empty", "a table with no rows"))


def _jsonl_rows(data: bytes) -> Iterator[tuple[int, dict, bytes, tuple[str, str] | None]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for number, raw in enumerate(data.split(b"\n"), 1):
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            continue
        # surrogateescape: bad bytes survive parsing and are replaced (and the row flagged) afterwards
        try:
            rec = json.loads(raw.decode("utf-8", "surrogateescape"))
        except (ValueError, RecursionError) as err:
            yield number, {}, raw, ("malformed", f"line {number}: not JSON ({type(err).__name__}: "
                                                 f"{str(err)[:120]})")
            continue
        if not isinstance(rec, dict):
            yield number, {}, raw, ("malformed", f"line {number}: a JSON {type(rec).__name__}, not an object")
            continue
        yield number, rec, raw, None


def _csv_rows(data: bytes) -> Iterator[tuple[int, dict, bytes, tuple[str, str] | None]]:
    text = data.decode("utf-8-sig", "surrogateescape")
    csv.field_size_limit(max(len(text), 131072))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield first_line, {}, f"{first_line}".encode(), ("malformed", f"line {first_line}: {err}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        rec = dict(zip(header, row))
        raw = json.dumps(row, ensure_ascii=False).encode("utf-8", "surrogatepass")
        yield first_line, rec, raw, None


def _parquet_rows(uri: str, data: bytes) -> Iterator[tuple[int, dict, bytes, tuple[str, str] | None]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - an unreadable Parquet file is one rejected input
        yield 0, {}, data, ("malformed", f"not a readable Parquet file: {type(err).__name__}: {str(err)[:200]}")
        return
    for number, rec in enumerate(table.to_pylist(), 1):
        raw = json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
        yield number, rec, raw, None


def _clean_str(value) -> tuple[str | None, bool]:
    """A string value with lone surrogates (bad bytes kept by surrogateescape, or `\\ud800` escapes in
    JSON) replaced by U+FFFD: (text, lossy)."""
    if value is None:
        return None, False
    if not isinstance(value, str):
        return str(value), False
    try:
        value.encode("utf-8")
        return value, False
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value), True


def _str(value) -> str | None:
    if value is None or value != value:  # NaN from CSV
        return None
    text, _ = _clean_str(value if isinstance(value, str) else str(value))
    return text.strip() or None
