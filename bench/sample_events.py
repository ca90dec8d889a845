"""Events drawn at random from corpus articles outside the gold dev set, for a person to judge.

    python bench/sample_events.py [SEED] [--n 45]

Shuffles the corpus articles that are not in ../shared/gold/dev.jsonl (nor seeds/ and the UTF-16 files),
codes the first 60 with the pure transforms, and prints N of their events drawn at random, one per line:
article, source->target, CAMEO code, modality, trigger and the evidence. This is how the event coder is
checked on text nobody tuned it to (README: The event coder); judge a sample before writing rules from it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"


def main() -> int:
    from transforms.article import Document, clean, extract
    from transforms.decode import decode_bytes

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seed", type=int, nargs="?", default=7)
    ap.add_argument("--n", type=int, default=45)
    args = ap.parse_args()
    gold = {json.loads(line)["doc"] for line in open(SHARED / "gold" / "dev.jsonl", encoding="utf-8")}
    paths = [p for p in sorted((SHARED / "corpus").rglob("*.txt")) if "/".join(p.parts[-2:]) not in gold
             and "utf16" not in str(p) and "seeds" not in str(p)]
    rng = random.Random(args.seed)
    rng.shuffle(paths)
    events = []
    for path in paths[:60]:
        key = "/".join(path.parts[-2:])
        try:
            article = clean(Document(key, key, decode_bytes(path.read_bytes()).text, "utf-8"))
        except Exception:  # noqa: BLE001 - an input the pipeline rejects is no sample
            continue
        events.extend((key, e) for e in extract(article).events)
    rng.shuffle(events)
    for key, e in events[:args.n]:
        print(f"{key} {e.source_actor_code}->{e.target_actor_code} {e.event_code} {e.modality} [{e.trigger}] | "
              f"{e.evidence[:200]}")
    print(f"{len(events)} events in 60 articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
