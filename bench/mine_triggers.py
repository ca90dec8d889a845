"""Candidate event triggers from raw news: verbs that stand between two actors, by frequency.

    python bench/mine_triggers.py [--bulk 3000] [--top 400] [--out FILE]

Reads the corpus (../shared/corpus, without the articles of the gold dev set, so the lexicon is not
grown from the answers it is scored on) and the first N bulk articles, finds sentences naming two
different actors, and counts the verbs (underthesea's POS tagger), verb + noun pairs and nominalizations
(`sự ủng hộ`, `lệnh cấm`) between them. Prints candidates not in transforms/data/triggers.tsv with their count and
an example sentence; a person then assigns CAMEO codes to the political ones (this is how the lexicon
grew beyond its first version; the gold articles were never read for it).
"""
from __future__ import annotations

import argparse
import json
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"


NOMINALIZERS = {"sự", "lời", "cuộc", "vụ", "lệnh", "chuyến", "mối", "hành động", "biện pháp", "đợt"}


def texts(bulk: int):
    gold = {json.loads(line)["doc"] for line in open(SHARED / "gold" / "dev.jsonl", encoding="utf-8")}
    for path in sorted((SHARED / "corpus").rglob("*.txt")):
        key = "/".join(path.parts[-2:])
        if key not in gold and "vntc_raw_utf16" not in key:
            yield key, path.read_bytes()
    with tarfile.open(SHARED / "bulk" / "vntc_bulk_20k.tar.xz", "r:xz") as tar:
        n = 0
        for member in tar:
            if member.isfile() and n < bulk:
                n += 1
                yield member.name, tar.extractfile(member).read()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulk", type=int, default=3000)
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--out")
    args = ap.parse_args()

    from transforms import events as ev
    from transforms.article import Document, Rejected, clean
    from transforms.decode import decode_bytes
    from transforms.mentions import article_mentions
    from transforms.nlp import pos_tags, sentences_of

    known = {row["pattern"] for row in __import__("transforms.gazetteer", fromlist=["x"]).read_tsv("triggers.tsv")}
    counts: Counter = Counter()
    examples: dict[str, str] = {}
    sentences_seen = 0
    for key, data in texts(args.bulk):
        try:
            article = clean(Document(key, key, decode_bytes(data).text, "utf-8"))
        except Rejected:
            continue
        segments = [(s["role"], s["char_start"], s["char_end"]) for s in article.segments]
        sentences = [s for s in sentences_of(article.text, segments) if s.role in ev.EVENT_ROLES]
        mentions = article_mentions(sentences)
        by_sentence = defaultdict(list)
        for m in mentions:
            if ev._actor(m):
                by_sentence[m.sentence_index].append(m)
        for s in sentences:
            actors = sorted(by_sentence.get(s.index, []), key=lambda m: m.start)
            if len({ev._actor(m) for m in actors}) < 2:
                continue
            sentences_seen += 1
            words = s.words
            tags = pos_tags([w.text for w in words])
            first, last = actors[0], actors[-1]
            for i, (w, tag) in enumerate(zip(words, tags)):
                if not first.end <= w.start < last.start + 40:
                    continue
                low = w.text.lower()
                if tag == "V":
                    cands = [low]
                    if i + 1 < len(words) and tags[i + 1] in ("N", "V"):
                        cands.append(f"{low} {words[i + 1].text.lower()}")
                elif low in NOMINALIZERS and i + 1 < len(words) and tags[i + 1] in ("N", "V"):
                    cands = [f"{low} {words[i + 1].text.lower()}"]  # `sự ủng hộ`, `lệnh cấm`
                else:
                    continue
                for c in cands:
                    counts[c] += 1
                    examples.setdefault(c, s.text[:160])
    rows = [(c, n) for c, n in counts.most_common() if c not in known][: args.top]
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    print(f"# {sentences_seen} sentences with two actors", file=out)
    for c, n in rows:
        print(f"{n}\t{c}\t{examples[c]}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
