import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.errors import UsageError
from flows.sources import discover, read

COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")


def test_discover_folders_globs_and_named_files(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Nga")
    (tmp_path / "a" / "y.txt.gz").write_bytes(gzip.compress("Mỹ".encode()))
    (tmp_path / "a" / "notes.md").write_text("not an input")
    (tmp_path / "b.jsonl").write_text("")
    monkeypatch.chdir(tmp_path)
    # folders: every file (an unsupported one is rejected later, not skipped)
    assert discover(["a/"]) == ["a/notes.md", "a/x.txt", "a/y.txt.gz"]
    assert discover(["a/notes.md"]) == ["a/notes.md"]
    assert discover(["*.jsonl"]) == ["b.jsonl"]
    assert discover(["a/x.txt", "missing/"]) == ["a/x.txt", "missing/"]  # a missing path beside good ones: an input
    with pytest.raises(UsageError, match="input not found: missing/"):
        discover(["missing/"])  # nothing given exists: a usage error


def test_tabular_rows_carry_metadata(tmp_path):
    rows = [{"url": "https://x.vn/1", "text": "Nga và Mỹ hội đàm.", "published": "2021-04-21", "title": "T"},
            {"text": None}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    got = list(read(str(tmp_path / "in.jsonl"), 10**6, COLUMNS))
    assert got[0].source_uri == "https://x.vn/1" and got[0].published == "2021-04-21" and got[0].title == "T"
    assert got[1].source_uri.endswith("in.jsonl#line=2") and got[1].error[0] == "empty"
    assert (got[0].origin, got[0].line, got[1].line) == (str(tmp_path / "in.jsonl"), 1, 2)
    pq.write_table(pa.table({"text": ["Nga"], "url": ["u1"]}), tmp_path / "in.parquet")
    assert [r.source_uri for r in read(str(tmp_path / "in.parquet"), 10**6, COLUMNS)] == ["u1"]
    (tmp_path / "in.csv").write_text("text,published\nNga,2020\n")
    assert next(read(str(tmp_path / "in.csv"), 10**6, COLUMNS)).published == "2020"


def test_too_large_and_unsupported(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 1000)
    assert next(read(str(tmp_path / "big.txt"), 999, COLUMNS)).error[0] == "too_large"
    (tmp_path / "x.doc").write_bytes(b"abc")
    assert next(read(str(tmp_path / "x.doc"), 999, COLUMNS)).error[0] == "unsupported_type"
