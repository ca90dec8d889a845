"""Cleaning throughput and what it rejects: decode + clean (no extraction) on the first N bulk articles.

    python bench/clean_speed.py [--n 5000] [--repo PATH]

`--repo` runs another checkout's transforms (e.g. `git archive main | tar -x -C /tmp/main`) in this
process, so the same script measures before and after. One core, one run; prints articles/s, characters/s
and the rejected articles by reason (with the first words of each `not_vietnamese` one).
"""
from __future__ import annotations

import argparse
import collections
import sys
import tarfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BULK = REPO.parent / "shared" / "bulk" / "vntc_bulk_20k.tar.xz"


def bulk(n: int) -> list[tuple[str, bytes]]:
    out = []
    with tarfile.open(BULK, "r:xz") as tar:
        for member in tar:
            if member.isfile():
                out.append((member.name, tar.extractfile(member).read()))
                if len(out) >= n:
                    break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose transforms/ to measure")
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))
    from transforms.article import Document, Rejected, clean
    from transforms.decode import DecodeError, decode_bytes

    files = bulk(args.n)
    clean(Document("warm", "warm.txt", "Nga và Mỹ hội đàm tại Hà Nội về hợp tác kinh tế và an ninh khu vực.", "utf-8"))
    reasons: collections.Counter = collections.Counter()
    examples: list[str] = []
    chars = 0
    start = time.perf_counter()
    for name, data in files:
        try:
            text = decode_bytes(data).text
            chars += len(text)
            clean(Document(name, name, text, "utf-8"))
            reasons["article"] += 1
        except (Rejected, DecodeError) as err:
            reasons[err.reason] += 1
            if err.reason == "not_vietnamese":
                examples.append(f"{name}: {' '.join(text.split()[:8])}")
    wall = time.perf_counter() - start
    print(f"transforms from {args.repo}")
    print(f"clean  {len(files)} articles ({chars / 1e6:.1f} M chars), 1 core: {wall:.1f} s = "
          f"{len(files) / wall:.0f} articles/s, {chars / wall / 1e3:.0f} k chars/s")
    print("outcomes", dict(reasons.most_common()))
    for line in examples:
        print("  not_vietnamese", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
