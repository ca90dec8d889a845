"""Fuzz run: the real flow on generated hostile inputs; every input must end as exactly one ledger row and
the run must finish.

    python bench/fuzz_inputs.py [--n 2000] [--seed 1] [--workers 2] [--timeout 20]

Generates about --n inputs under a temporary folder, from real corpus text (../shared/corpus) cut and
broken: random bytes, UTF-8 truncated mid-character, mixed encodings in one file (UTF-8, Windows-1258,
UTF-16), a few bad bytes in UTF-8, huge lines (1-2 MB of one character or a hostile unit), hostile JSONL
(malformed lines, arrays, numbers, deep nesting, lone surrogates, bad bytes, non-string text, the same
row twice) and CSV (unbalanced quotes, extra columns, NUL bytes, huge fields), broken gzip, gzip bombs,
empty files, unsupported suffixes and FIFOs. Then one `news_to_events` run over the folder, and checks:
one ledger row per text file, per non-blank JSONL line and per Parquet row, at least one per CSV file,
the summary's count equal to the ledger's, reject ids unique, validation passed, and the inputs untouched.
Prints the figures. `tests/faults/test_fuzz.py` runs the same with a small --n.
"""
from __future__ import annotations

import argparse
import codecs
import collections
import gzip
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("VNEVENTS_SHARED", REPO.parent / "shared")) / "corpus"
HOSTILE_UNITS = ["D", "Đ", "Da", "D.", "aĐ", "AbAb", ".", "(", "1/", "năm 2001 ", "(theo ", "Ảnh: D ", 'src="']


def corpus_texts(limit: int = 200) -> list[str]:
    files = sorted(p for p in CORPUS.rglob("*.txt") if p.is_file())[:limit]
    return [p.read_bytes().decode("utf-8", "replace") for p in files]


KINDS = {"random": 10, "truncated": 10, "mixed": 10, "few_bad": 10, "huge_line": 1, "jsonl": 10, "csv": 6,
         "gzip": 5, "empty": 4, "unsupported": 5, "plain": 10, "legacy": 5, "utf16": 4}


def generate(folder: Path, n: int, rng: random.Random, huge: int = 1_000_000) -> dict[str, int]:
    """Write about n inputs; returns the expected ledger rows per file (-1: at least one, for CSV)."""
    texts = corpus_texts()
    expected: dict[str, int] = {}

    def text() -> str:
        return rng.choice(texts)

    def put(name: str, data: bytes, rows: int = 1) -> None:
        (folder / name).write_bytes(data)
        expected[str(folder / name)] = rows

    made = 0
    i = 0
    while made < n:
        i += 1
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        if kind == "random":
            put(f"{i}.txt", rng.randbytes(rng.randint(0, 5000)))
        elif kind == "truncated":
            data = text().encode()
            put(f"{i}.txt", data[: rng.randint(1, len(data))])
        elif kind == "mixed":
            t = text()
            a, b = len(t) // 3, 2 * len(t) // 3
            parts = [t[:a].encode(), t[a:b].encode("cp1258", "replace"), t[b:].encode("utf-16")]
            rng.shuffle(parts)
            put(f"{i}.txt", b"".join(parts))
        elif kind == "few_bad":
            data = bytearray(text().encode())
            for _ in range(rng.randint(1, 6)):
                data.insert(rng.randrange(len(data) + 1), rng.choice([0xFF, 0xFE, 0xC0, 0x80]))
            put(f"{i}.txt", bytes(data))
        elif kind == "huge_line":
            unit = rng.choice(HOSTILE_UNITS)
            size = rng.randint(huge, 2 * huge)
            put(f"{i}.txt", (text()[:500] + "\n" + unit * (size // len(unit))).encode())
        elif kind == "plain":
            put(f"{i}.html" if rng.random() < 0.2 else f"{i}.txt", text().encode())
        elif kind == "legacy":
            put(f"{i}.txt", text().encode("cp1258", "replace"))
        elif kind == "utf16":
            put(f"{i}.txt", text().encode("utf-16-be" if rng.random() < 0.5 else "utf-16"))
        elif kind == "empty":
            put(f"{i}.txt", b" \n" * rng.randint(0, 3))
        elif kind == "unsupported":
            put(f"{i}.{rng.choice(['doc', 'TEXT', 'pdf', 'json', ''])}".rstrip("."), text().encode()[:2000])
        elif kind == "gzip":
            choice = rng.random()
            if choice < 0.4:
                put(f"{i}.txt.gz", gzip.compress(text().encode()))
            elif choice < 0.7:
                data = gzip.compress(text().encode())
                put(f"{i}.txt.gz", data[: len(data) // 2])  # truncated
            else:
                put(f"{i}.txt.gz", gzip.compress(b"a" * 30_000_000))  # unpacks past the size limit
        elif kind == "jsonl":
            row = json.dumps({"text": text(), "url": f"https://x.vn/{i}"}, ensure_ascii=False).encode()
            lines = [row, row, b"[1,2,3]", b"42", b'{"text": ', b'{"text": 42}', b'{"text": "\\ud800 x"}',
                     b'{"title": "t"}', b"[" * 10000 + b"]" * 10000, b"", b"\r",
                     json.dumps({"text": text()[:300]}).encode()[:-2] + b"\xff\xfe\"}",
                     json.dumps({"text": text()}, ensure_ascii=False).encode() + b"\r"]
            chosen = [rng.choice(lines) for _ in range(rng.randint(1, 8))]
            data = b"\n".join(chosen)
            rows = sum(1 for line in data.split(b"\n") if line.rstrip(b"\r").strip())
            put(f"{i}.jsonl", data, rows or 1)
            made += max(rows, 1) - 1
        elif kind == "csv":
            t = text().replace('"', "'")
            body = rng.choice([f'text,url\n"{t}",u{i}\n', f'text,url\n"{t},u{i}\n', f'text\n"{t}",x,y\n',
                               f'text,url\n"a\0b",u\n"{t}",v\n', "text,url\n" + '"' + "x" * 300_000 + '",u\n',
                               "no,text,column\n1,2,3\n", ""])
            put(f"{i}.csv", body.encode(), -1)
        made += 1
    for j in range(3):  # FIFOs: never opened
        os.mkfifo(folder / f"fifo-{j}.txt")
        expected[str(folder / f"fifo-{j}.txt")] = 1
    return expected


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        h.update(p.name.encode())
        if p.is_file() and not p.is_fifo():
            h.update(p.read_bytes())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="input_timeout, seconds")
    ap.add_argument("--huge", type=int, default=1_000_000, help="characters of a huge line (up to twice that)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # a Prefect home of its own: the temporary server's database is then this run's, whatever
        # another Prefect version left in ~/.prefect
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        return run(Path(tmp), args.n, args.seed, args.workers, args.timeout, args.huge)


def run(tmp: Path, n: int, seed: int, workers: int, timeout: float, huge: int = 1_000_000,
        verbose: bool = True) -> int:
    import duckdb

    from flows.news_to_events import news_to_events
    from flows.validation import validate
    from flows.warehouse import Warehouse
    from schemas.tables import TABLES

    folder = tmp / "in"
    folder.mkdir()
    expected = generate(folder, n, random.Random(seed), huge)
    before = digest(folder)
    start = time.perf_counter()
    summary = news_to_events(paths=[str(folder)], warehouse=str(tmp / "wh"), workers=workers, input_timeout=timeout)
    wall = time.perf_counter() - start
    con = duckdb.connect()
    rows = con.sql(f"select origin_uri, outcome, reason from read_parquet('{tmp}/wh/inputs/**/*.parquet', "
                   "hive_partitioning=true)").fetchall()
    per_file = collections.Counter(r[0] for r in rows)
    wrong = {f: (per_file.get(f, 0), want) for f, want in expected.items()
             if (want == -1 and per_file.get(f, 0) < 1) or (want >= 0 and per_file.get(f, 0) != want)}
    rejects = con.sql(f"select reject_id from read_parquet('{tmp}/wh/rejects/**/*.parquet', "
                      "hive_partitioning=true)").fetchall()
    tables = {t: Warehouse(str(tmp / "wh")).read(t) for t in TABLES}
    valid = validate(tables, tmp / "report").success
    reasons = collections.Counter(r[2] or r[1] for r in rows)
    checks = {"one ledger row per input": not wrong, "summary count = ledger count": summary["inputs"] == len(rows),
              "reject ids unique": len({r[0] for r in rejects}) == len(rejects), "validation passed": valid,
              "inputs untouched": digest(folder) == before}
    if verbose:
        print(f"fuzz seed {seed}: {len(expected)} files, {len(rows)} inputs in the ledger "
              f"(summary {summary['inputs']}), {wall:.1f} s flow, {workers} workers, input_timeout {timeout:g} s")
        print("outcomes", dict(reasons.most_common()))
        for name, ok in checks.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        for f, (got, want) in list(wrong.items())[:10]:
            print(f"  {f}: {got} ledger rows, expected {want}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
