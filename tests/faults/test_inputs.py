"""Hostile inputs, each built here: every one ends as exactly one ledger row with its reason, nothing blocks or
reads without bound, and the user's files are left as they were."""
import gzip
import hashlib
import json
import os
import shlex
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from flows import stages
from flows.sources import discover, read
from tests.conftest import REPO, SEED_1, SEED_2

COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")
MB = 1_000_000


def outcomes(uris, tmp_path, max_bytes=MB):
    """(source_uri, reason) of every input the URIs hold, after ingest and cleaning."""
    parts = stages.ingest_batch(uris, str(tmp_path / "ingest"), 0, 0, max_bytes, COLUMNS)
    rows = [r for n, part in enumerate(parts)
            for r in pq.read_table(stages.clean_batch(part, str(tmp_path / f"c{n}.parquet"))).to_pylist()]
    return [(r["source_uri"], r["reason"]) for r in rows]


@pytest.mark.timeout(60)
def test_fifo_device_and_socket_are_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "ok.txt").write_bytes(SEED_1.read_bytes())
    uris = discover([str(tmp_path), "/dev/zero"])  # /dev/zero never ends: it took 3 GB in 9 s
    assert uris == [str(tmp_path / n) for n in ("ok.txt", "pipe.txt", "sock.txt")] + ["/dev/zero"]
    assert outcomes(uris, tmp_path / "out") == [(uris[0], None), (uris[1], "not_a_file"), (uris[2], "not_a_file"),
                                                ("/dev/zero", "not_a_file")]
    sock.close()


def test_size_is_capped_before_reading(tmp_path):
    with open(tmp_path / "sparse.txt", "wb") as f:  # 3 GB on paper, nothing on disk: read() must not try
        f.truncate(3 * 10**9)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"\0" * (20 * MB)))  # 20 KB that unpack to 20 MB
    raws = [r for u in discover([str(tmp_path)]) for r in read(u, MB, COLUMNS)]
    assert [(Path(r.source_uri).name, r.error[0]) for r in raws] == [("bomb.txt.gz", "too_large"),
                                                                     ("sparse.txt", "too_large")]
    assert "decompresses to at least 1000001 bytes" in raws[0].error[1]


def test_every_file_under_a_folder_gets_a_row(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(SEED_1.read_bytes())
    for name in ("b.doc", "noext", "c.TEXT", ".hidden", "sub/d.pdf"):
        (folder / name).write_bytes(b"x")
    (folder / "link").symlink_to(tmp_path / "nowhere")  # a broken link
    uris = discover([str(folder), str(tmp_path / "missing.txt")])
    got = outcomes(uris, tmp_path)
    assert [(Path(u).name, reason) for u, reason in got] == [
        (".hidden", "unsupported_type"), ("a.txt", None), ("b.doc", "unsupported_type"),
        ("c.TEXT", "unsupported_type"), ("link", "missing"), ("noext", "unsupported_type"),
        ("d.pdf", "unsupported_type"), ("missing.txt", "missing")]


UNREADABLE = """
import json, os, sys
sys.path.insert(0, sys.argv[2])
from flows.sources import discover, read
discover([sys.argv[2]])  # imports done while this process may still read them
if os.geteuid() == 0:
    os.setgid(65534); os.setuid(65534)  # root reads any folder: drop to nobody, as a user would be
uris = discover([sys.argv[1]])
print(json.dumps([[r.source_uri, r.error and r.error[0]] for u in uris for r in read(u, 10**6, {k: k for k in
      ("text", "url", "published", "title", "source")})]))
"""


def test_unreadable_folder_is_a_row():
    with tempfile.TemporaryDirectory() as tmp:  # under /tmp: pytest's folders are closed to other users
        check_unreadable_folder(Path(tmp))


def check_unreadable_folder(base: Path):
    base.chmod(0o755)
    (base / "closed").mkdir()
    (base / "closed" / "x.txt").write_bytes(SEED_1.read_bytes())
    (base / "open.txt").write_bytes(SEED_2.read_bytes())
    (base / "open.txt").chmod(0o644)
    (base / "closed").chmod(0o000)
    try:
        out = subprocess.run([sys.executable, "-c", UNREADABLE, str(base), str(REPO)], capture_output=True, text=True,
                             check=True, timeout=120).stdout
    finally:
        (base / "closed").chmod(0o755)
    assert json.loads(out) == [[f"{base}/closed", "unreadable"], [f"{base}/open.txt", None]]


def test_table_rows_are_accounted_one_by_one(tmp_path):
    seed = SEED_1.read_text("utf-8")
    row = json.dumps({"text": seed, "url": "https://x.vn/a", "published": "2021-04-21"}, ensure_ascii=False)
    lines = [row, "", '{"text": "broken', "[1,2,3]", row, '{"text": 42}', '{"title": "no text"}',
             json.dumps({"text": SEED_2.read_text("utf-8")})]
    raw = "\n".join(lines).encode("utf-8") + b"\n" + b'{"text": "' + SEED_2.read_bytes()[:300].replace(b"\n", b" ") \
        + b"\xff\xfe bad" + b'"}\n'
    (tmp_path / "in.jsonl").write_bytes(raw)
    uri = str(tmp_path / "in.jsonl")
    got = list(read(uri, MB, COLUMNS))
    assert [(r.line, r.error and r.error[0]) for r in got] == [
        (1, None), (3, "malformed"), (4, "malformed"), (5, None), (6, "malformed"), (7, "empty"), (8, None),
        (9, None)]
    assert got[1].error[1].startswith("line 3: not JSON") and got[2].error[1] == "line 4: a JSON list, not an object"
    assert got[0].source_uri == got[3].source_uri == "https://x.vn/a"  # the same row twice: two inputs, ...
    assert len({r.input_id for r in got}) == len(got)  # ... with their own ids
    assert got[1].source_uri == f"{uri}#line=3" and {r.origin for r in got} == {uri}
    assert got[-1].lossy and "\ufffd\ufffd bad" in got[-1].text and not got[0].lossy


def test_csv_rows_one_by_one(tmp_path):
    seed = SEED_1.read_text("utf-8").replace('"', "'")
    (tmp_path / "in.csv").write_text(f'text,url\n"{seed}",u1\n,u2\n"{seed}",u3,extra\n', encoding="utf-8")
    got = list(read(str(tmp_path / "in.csv"), MB, COLUMNS))
    assert [(r.source_uri, r.line, r.error and r.error[0]) for r in got] == [
        ("u1", 2, None), ("u2", seed.count("\n") + 3, "empty"), ("u3", seed.count("\n") + 4, None)]


def test_replay_is_quoted(tmp_path):
    hostile = str(tmp_path / "x'; touch pwned; echo '.txt")
    command = stages.replay_command(hostile, "empty")
    assert shlex.split(command) == ["vnevents", "run", hostile]
    assert shlex.split(stages.replay_command("a b.jsonl", "timeout")) == [
        "env", "VNEVENTS_INPUT_TIMEOUT=0", "vnevents", "run", "a b.jsonl"]
    subprocess.run(["bash", "-c", f"vnevents() {{ :; }}; {command}"], cwd=tmp_path, check=True)
    assert not (tmp_path / "pwned").exists()


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not
            p.is_symlink() else "other" for p in sorted(folder.rglob("*"))}


@pytest.mark.prefect
@pytest.mark.timeout(600)
def test_flow_ledger_has_one_row_per_input(tmp_path, prefect_server):
    import duckdb

    from flows.news_to_events import news_to_events
    from flows.validation import validate
    from flows.warehouse import Warehouse
    from schemas.tables import TABLES

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_1.read_bytes())
    (folder / "a-copy.txt").write_bytes(SEED_1.read_bytes())
    (folder / "notes.doc").write_bytes(b"x")
    (folder / "d.txt").write_bytes(b"D" * 400)
    os.mkfifo(folder / "pipe.txt")
    row = json.dumps({"text": SEED_2.read_text("utf-8"), "url": "https://x.vn/b"}, ensure_ascii=False)
    (folder / "rows.jsonl").write_text("\n".join([row, "[1,2,3]", row, "{bad"]) + "\n", encoding="utf-8")
    before = tree_digest(folder)
    summary = news_to_events(paths=[str(folder), str(tmp_path / "missing.txt")], warehouse=str(tmp_path / "wh"),
                             workers=1)
    assert tree_digest(folder) == before  # the user's files are untouched
    con = duckdb.connect()
    ledger = con.sql(f"select source_uri, outcome, reason, origin_line from read_parquet('{tmp_path}/wh/inputs/**/*.parquet', "
                     "hive_partitioning=true) order by origin_uri, origin_line").fetchall()
    name = lambda u: u.replace(str(folder) + "/", "").replace(str(tmp_path) + "/", "")  # noqa: E731
    assert [(name(u), o, r, n) for u, o, r, n in ledger] == [
        ("a-copy.txt", "article", None, None), ("a.txt", "duplicate", "duplicate", None),
        ("d.txt", "rejected", "not_vietnamese", None), ("notes.doc", "rejected", "unsupported_type", None),
        ("pipe.txt", "rejected", "not_a_file", None),
        ("https://x.vn/b", "article", None, 1), ("rows.jsonl#line=2", "rejected", "malformed", 2),
        ("https://x.vn/b", "duplicate", "duplicate", 3), ("rows.jsonl#line=4", "rejected", "malformed", 4),
        ("missing.txt", "rejected", "missing", None)]
    assert summary["inputs"] == len(ledger) == 10 and summary["articles"] == 2 and summary["rejected"] == 6
    rejects = con.sql(f"select reject_id, replay from read_parquet('{tmp_path}/wh/rejects/**/*.parquet', "
                      "hive_partitioning=true)").fetchall()
    assert len({r[0] for r in rejects}) == len(rejects) == 6
    assert {shlex.split(r[1])[2] for r in rejects} == {str(folder / n) for n in ("d.txt", "notes.doc", "pipe.txt",
                                                                                 "rows.jsonl")} | {
        str(tmp_path / "missing.txt")}
    tables = {t: Warehouse(str(tmp_path / "wh")).read(t) for t in TABLES}
    assert validate(tables, tmp_path / "report").success  # what `vnevents validate` checks


LINES = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                  st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                               lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                                   st.sampled_from(["text", "url", "published", "title", "x"]), inner, max_size=5),
                               max_leaves=10).map(lambda v: json.dumps(v).encode()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(LINES, max_size=12))
def test_any_jsonl_gives_one_input_per_line(tmp_path, lines):
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    (tmp_path / "f.jsonl").write_bytes(data)
    got = list(read(str(tmp_path / "f.jsonl"), MB, COLUMNS))
    nonblank = [n for n, line in enumerate(data.split(b"\n"), 1) if line.rstrip(b"\r").strip()]
    assert [r.line for r in got] == (nonblank or [None])
    assert len({r.input_id for r in got}) == len(got)
    for r in got:
        assert (r.text is None) == (r.error is not None)
        if r.text is not None:
            r.text.encode("utf-8")  # no lone surrogate reaches Parquet


@pytest.mark.prefect
def test_nothing_given_exists_is_a_usage_error_without_retries(tmp_path, prefect_server):
    from flows.errors import UsageError
    from flows.news_to_events import news_to_events

    with pytest.raises(UsageError, match="input not found: .*nope"):  # the CLI prints it as one line, exit 2
        news_to_events(paths=[str(tmp_path / "nope")], warehouse=str(tmp_path / "wh"), workers=1)
    assert not (tmp_path / "wh" / "inputs").exists()


def test_folders_by_url_and_glob_are_walked(tmp_path, monkeypatch):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_bytes(b"x")
    (tmp_path / "in" / "b.doc").write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    assert discover([f"file://{tmp_path}/in/"]) == [f"file://{tmp_path}/in/b.doc", f"file://{tmp_path}/in/sub/a.txt"]
    assert discover(["i*"]) == ["in/b.doc", "in/sub/a.txt"]
    assert discover(["in"]) == ["in/b.doc", "in/sub/a.txt"]
    assert [r.error for r in read(f"file://{tmp_path}/in/b.doc", MB, COLUMNS)][0][0] == "unsupported_type"
