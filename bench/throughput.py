"""Throughput: the pipeline on the first N articles of ../shared/bulk/vntc_bulk_20k.tar.xz.

    python bench/throughput.py [--n 1000] [--workers 0] [--naive-n 100]

Prints, from one run on this machine:
  pipeline  the real `news_to_events` flow (ingest ... catalog) on N articles: articles/s, characters/s,
            peak memory (this process and its workers);
  transforms  clean + extract alone, in this process, on one core (no Prefect, no validation);
  naive     per-sentence underthesea on a sample: sent_tokenize, then `ner()` per sentence (which re-runs
            segmentation, POS and chunking inside), one core;
and the ratio of transforms to naive per core, the figure the design targets (about 6x).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BULK = REPO.parent / "shared" / "bulk" / "vntc_bulk_20k.tar.xz"


def unpack(n: int, target: Path) -> list[Path]:
    out = []
    with tarfile.open(BULK, "r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            path = target / member.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(tar.extractfile(member).read())
            out.append(path)
            if len(out) >= n:
                break
    return out


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def transforms_only(files: list[Path]) -> tuple[float, int]:
    from transforms.article import Document, clean, extract
    from transforms.decode import decode_bytes

    chars = 0
    start = time.perf_counter()
    for f in files:
        try:
            a = clean(Document("x", str(f), decode_bytes(f.read_bytes()).text, "utf-8"))
        except Exception:  # noqa: BLE001 - rejects count too, as in the pipeline
            continue
        extract(a)
        chars += len(a.text)
    return time.perf_counter() - start, chars


def naive(files: list[Path]) -> float:
    from underthesea import ner, sent_tokenize

    from transforms.decode import decode_bytes
    start = time.perf_counter()
    for f in files:
        for sentence in sent_tokenize(decode_bytes(f.read_bytes()).text):
            ner(sentence)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles for the pipeline run")
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0 = one per core)")
    ap.add_argument("--naive-n", type=int, default=100, help="articles for the transforms-only and naive runs")
    args = ap.parse_args()
    if not BULK.exists():
        print(f"missing {BULK}", file=sys.stderr)
        return 2
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.news_to_events import news_to_events

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = unpack(args.n, tmp / "in")
        chars = sum(len(f.read_bytes().decode("utf-8", "replace")) for f in files)
        start = time.perf_counter()
        summary = news_to_events(paths=[str(tmp / "in")], warehouse=str(tmp / "wh"), workers=args.workers)
        wall = time.perf_counter() - start
        workers = args.workers or os.cpu_count()
        sample = files[: args.naive_n]
        t_transforms, t_chars = transforms_only(sample)
        t_naive = naive(sample)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print(f"pipeline   {len(files)} articles ({chars / 1e6:.1f} M chars), {workers} workers: {wall:.1f} s flow "
          f"= {len(files) / wall:.1f} articles/s, {chars / wall / 1e3:.0f} k chars/s; "
          f"{summary['events']} events; peak memory {peak_mb():.0f} MB")
    print(f"transforms {len(sample)} articles, 1 core: {len(sample) / t_transforms:.1f} articles/s, "
          f"{t_chars / t_transforms / 1e3:.0f} k chars/s")
    print(f"naive      {len(sample)} articles, 1 core: {len(sample) / t_naive:.1f} articles/s "
          "(sent_tokenize + ner() per sentence)")
    print(f"ratio      transforms / naive per core: {t_naive / t_transforms:.1f}x; "
          f"20,000 articles at the pipeline rate: {20000 / (len(files) / wall) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
