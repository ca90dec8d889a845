"""Time expressions are not the bottleneck: recognizer + resolver speed against the whole extraction.

    python bench/timex_speed.py [--folder ../shared/corpus]

On every article of the folder (already cleaned and split into sentences), times recognition and
resolution alone, then the full `extract`, and prints both and the share the time step takes.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    from transforms.article import Document, clean, extract
    from transforms.decode import decode_bytes
    from transforms.nlp import sentences_of
    from transforms.timexes import PartialDate, recognize, resolve

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", default=str(REPO.parent / "shared" / "corpus"))
    args = ap.parse_args()
    articles = []
    for path in sorted(Path(args.folder).rglob("*.txt")):
        try:
            articles.append(clean(Document("x", str(path), decode_bytes(path.read_bytes()).text, "utf-8")))
        except Exception:  # noqa: BLE001 - rejected inputs are not part of the measure
            continue
    prepared = [(a, sentences_of(a.text, [(s["role"], s["char_start"], s["char_end"]) for s in a.segments]))
                for a in articles]
    dct = PartialDate(2020, 6, 15)
    start = time.perf_counter()
    found = 0
    for a, sentences in prepared:
        texts = {s.index: (s.start, s.text) for s in sentences}
        found += len(resolve(recognize(sentences), dct, texts))
    t_timex = time.perf_counter() - start
    start = time.perf_counter()
    for a, _ in prepared:
        extract(a)
    t_all = time.perf_counter() - start
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars / 1e6:.2f} M chars, {found} time expressions")
    print(f"recognize + resolve: {t_timex:.2f} s = {len(articles) / t_timex:.0f} articles/s, "
          f"{chars / t_timex / 1e6:.1f} M chars/s")
    print(f"full extract:        {t_all:.2f} s = {len(articles) / t_all:.0f} articles/s; "
          f"time expressions take {100 * t_timex / t_all:.0f}% of it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
