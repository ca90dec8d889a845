"""Transforms-only throughput (clean + extract, one core) of this checkout against others, in one run.

    python bench/transforms_speed.py [--n 300] [--rounds 3] [--against DIR ...]

Unpacks the first N bulk articles once, then times each checkout (this one and every `--against`
checkout, e.g. a `git worktree` of an older commit) in a fresh process, alternating the checkouts over
the rounds so that machine load falls on all alike. Prints articles/s per round and the median ratio
to this checkout. Model loading is excluded (one warm-up article).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from transforms.article import Document, clean, extract
from transforms.decode import decode_bytes
files = [Path(p) for p in json.loads(Path(sys.argv[2]).read_text())]
def run(f):
    try:
        extract(clean(Document("x", str(f), decode_bytes(f.read_bytes()).text, "utf-8")))
    except Exception:
        pass
run(files[0])
start = time.perf_counter()
for f in files:
    run(f)
print(len(files) / (time.perf_counter() - start))
"""


def main() -> int:
    from throughput import unpack

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", nargs="*", default=[])
    args = ap.parse_args()
    repos = [REPO] + [Path(a).resolve() for a in args.against]
    with tempfile.TemporaryDirectory() as tmp:
        files = unpack(args.n, Path(tmp) / "in")
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps([str(f) for f in files]))
        rates: dict[Path, list[float]] = {r: [] for r in repos}
        for _ in range(args.rounds):
            for repo in repos:
                out = subprocess.run([sys.executable, "-c", _CHILD, str(repo), str(listing)], capture_output=True,
                                     text=True, check=True)
                rates[repo].append(float(out.stdout.strip().splitlines()[-1]))
    base = statistics.median(rates[REPO])
    for repo, values in rates.items():
        med = statistics.median(values)
        print(f"{str(repo):40} {' '.join(f'{v:6.1f}' for v in values)} articles/s; median {med:.1f} "
              f"({med / base:.2f}x this checkout)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
