"""Publication dates on the corpus folders and the dev set (issue 10's table and figures).

    python bench/pubdate.py                       # runs `vnevents run ../shared/corpus/` and the dated dev input
    python bench/pubdate.py --raw W --dated W2    # scores existing warehouses instead
    python bench/pubdate.py --transforms [-v] [--misses]  # in-process clean + extract only (no Prefect), ~60 s:
                                                  # the folder table and the dev dct accuracy (-v: the wrong
                                                  # dev dates; --misses: the folder articles undated or out
                                                  # of their period, with their evidence)

Per folder: articles, dated, undated share, dated in the folder's true period. The periods are the
corpus README's; each folder's MANIFEST.tsv is read here only to list the folder's files (measurement,
never pipeline input). Dev figures come from ../shared/gold/score.py: dct accuracy (text / world) on the
raw warehouse, timex detection F1 and value accuracy and entity F1 on the dated one. --transforms scores
the dct as score.py does (exact at the gold precision) on the raw dev articles, also per half of the dev
set (odd and even positions in dev.jsonl), so that a rule chosen on one half is checked on the other, and on
dantri_unc_2020 with its header date removed (held out: its date is given, so no rule was tuned on it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNEVENTS_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))
from transforms import pubdate as _pd  # noqa: E402
PRIOR_FROM = _pd.PRIOR_FROM
PRIOR = {"min_dated": _pd.PRIOR_MIN_DATED, "span": _pd.PRIOR_SPAN_YEARS, "share": _pd.PRIOR_TIGHT_SHARE}
PERIODS = {"vims_2016": (2016, 2016), "baomoi_2017": (2017, 2017), "vntc_2000s": (2004, 2006)}


def _files(folder: str) -> set[str]:
    lines = (SHARED / "corpus" / folder / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines[1:] if line.strip()}


def table(dates: dict[str, str | None]) -> list[str]:
    """dates: `folder/file` -> ISO date at any precision (or None)."""
    out = ["| folder (true period) | articles | with a publication date | undated | in the right year |",
           "|---|---|---|---|---|"]
    for folder, (lo, hi) in PERIODS.items():
        keys = [f"{folder}/{f}" for f in sorted(_files(folder))]
        dated = [dates.get(k) for k in keys if dates.get(k)]
        right = sum(lo <= int(d[:4]) <= hi for d in dated)
        n = len(keys)
        out.append(f"| `{folder}/` ({lo}{'' if lo == hi else f'-{hi}'}) | {n} | {len(dated)} | "
                   f"{(n - len(dated)) / n:.0%} | {right} ({right / n:.0%}) |")
    return out


def from_warehouse(root: str) -> dict[str, str | None]:
    import duckdb
    rows = duckdb.sql(f"select source_uri, published_date_text from read_parquet('{root}/articles/**/*.parquet', "
                      "hive_partitioning=true, union_by_name=true)").fetchall()
    return {"/".join(uri.replace("\\", "/").split("/")[-2:]): d for uri, d in rows}


def _article(key: str, without_header_date: bool = False):
    """The cleaned raw corpus file `folder/name` (with `without_header_date`, its `# date =` line removed;
    returns (article, that date))."""
    sys.path.insert(0, str(REPO))
    from transforms.article import Document, clean
    from transforms.decode import decode_bytes
    path = SHARED / "corpus" / key
    article = clean(Document(path.name, str(path), decode_bytes(path.read_bytes()).text, "utf-8"))
    given = article.header.pop("date", None) if without_header_date else None
    return article, given


def folder_run(folder: str, names: list[str], without_header_date: bool = False, batch: bool = True) -> dict:
    """What a run over the folder gives each file: `name` -> (published, given header date). As the flow does
    (flows/stages/redate.py): each article is dated alone, the folder (one source group) gets the prior of its
    confidently dated articles, and the articles the prior changes are extracted again with it."""
    from transforms import pubdate
    from transforms.article import extract
    today = dt.date.today()
    articles = {n: _article(f"{folder}/{n}", without_header_date) for n in names}
    got = {n: extract(a, today=today).published for n, (a, _) in articles.items()}
    if batch:
        years = [pubdate.prior_year(p, PRIOR_FROM) for p in got.values()]
        prior = pubdate.group_prior(folder, [y for y in years if y], **PRIOR)
        for n, p in got.items():
            if pubdate.batch_year(p, prior) is not None:
                got[n] = extract(articles[n][0], today=today, prior=prior).published
    return {n: (p, articles[n][1]) for n, p in got.items()}


def held_out(batch: bool = True) -> list[str]:
    """dantri_unc_2020 (Oct 2020 - May 2021) with its `# date =` header line removed: a folder the rules were
    not chosen on, scored against that header date (year right, exact at the inferred precision)."""
    names = sorted(_files("dantri_unc_2020"))
    year = exact = dated = 0
    for got, given in folder_run("dantri_unc_2020", names, without_header_date=True, batch=batch).values():
        if got.date and given:
            truth = f"{given[:4]}-{given[4:6]}-{given[6:8]}"
            dated += 1
            year += got.date.value[:4] == truth[:4]
            exact += truth.startswith(got.date.value)
    n = len(names)
    return [f"held out, `dantri_unc_2020/` without its header date: {n} articles, {dated} dated, "
            f"{year} ({year / n:.0%}) in the right year, {exact} right at the inferred precision"]


def from_transforms(misses: list[str] | None = None, batch: bool = True) -> dict:
    """Folder dates in-process (`folder/name` -> Published); `misses` (if given) collects the undated and
    out-of-period articles with their basis and evidence, to classify why before fixing."""
    out = {}
    for folder in ("seeds", "dantri_unc_2020", *PERIODS):  # the dev articles' folders too
        names = sorted(_files(folder)) if (SHARED / "corpus" / folder / "MANIFEST.tsv").exists() else sorted(
            p.name for p in (SHARED / "corpus" / folder).iterdir() if p.suffix == ".txt")
        for name, (got, _) in folder_run(folder, names, batch=batch).items():
            out[f"{folder}/{name}"] = got
            value = got.date.value if got.date else None
            lo, hi = PERIODS.get(folder, (0, 9999))
            if misses is not None and folder in PERIODS and not (value and lo <= int(value[:4]) <= hi):
                misses.append(f"  {folder}/{name}: {value or 'undated'} ({got.basis}) {'; '.join(got.evidence[:5])}")
    return out


def dev_dct(dates: dict, verbose: bool = False) -> list[str]:
    """dct accuracy on the raw dev articles, text- and world-fixed, all and per half (odd / even index); `dates`:
    the folder runs' (a dev article is dated in its folder's run, as in `vnevents run ../shared/corpus/`)."""
    gold = [json.loads(line) for line in (SHARED / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    counts: dict[tuple[str, str], list[int]] = {}
    wrong = []
    for i, g in enumerate(gold):
        if not g.get("dct"):
            continue  # as score.py: articles with a gold date; `metadata` ones count as text-fixed
        got = dates[g["doc"]]
        value = got.date.value if got.date else None
        bucket = "world" if g.get("dct_basis") == "world" else "text"
        for half in ("all", "odd" if i % 2 else "even"):
            c = counts.setdefault((bucket, half), [0, 0])
            c[0] += value == g["dct"]
            c[1] += 1
        if value != g["dct"]:
            wrong.append(f"  {i:2} {bucket:5} {g['doc']}: gold {g['dct']} got {value} ({got.basis}) "
                         f"{'; '.join(got.evidence[:4])}")
    out = ["| dev, raw input | all | odd half | even half |", "|---|---|---|---|"]
    for bucket in ("text", "world"):
        cells = [f"{ok / n:.3f} ({ok}/{n})" for ok, n in (counts.get((bucket, h), [0, 0]) for h in ("all", "odd", "even"))
                 if n]
        out.append(f"| dct accuracy, {bucket}-fixed | " + " | ".join(cells) + " |")
    return out + (["", "wrong:"] + wrong if verbose else [])


def score(root: str) -> dict:
    got = subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), "--warehouse", root, "--gold",
                          str(SHARED / "gold" / "dev.jsonl"), "--json"], check=True, capture_output=True, text=True)
    return json.loads(got.stdout)


def run(inputs: str, root: str) -> None:
    subprocess.run(["vnevents", "run", inputs, "-w", root], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", help="warehouse of `vnevents run ../shared/corpus/`")
    ap.add_argument("--dated", help="warehouse of `vnevents run ../shared/gold/dev_dated.jsonl`")
    ap.add_argument("--transforms", action="store_true", help="folder table and dev dct accuracy, in-process")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --transforms: list the wrong dev dates")
    ap.add_argument("--misses", action="store_true",
                    help="with --transforms: list the folder articles undated or out of their period, with evidence")
    ap.add_argument("--no-batch", action="store_true", help="with --transforms: each article alone, no batch prior")
    ap.add_argument("--prior-min", type=int, default=PRIOR["min_dated"], help="with --transforms: see pubdate.group_prior")
    ap.add_argument("--prior-from", help="with --transforms: the dates a prior is made of (given,text,closed)")
    ap.add_argument("--prior-span", type=int, default=PRIOR["span"])
    ap.add_argument("--prior-share", type=float, default=PRIOR["share"])
    args = ap.parse_args()
    if args.transforms:
        misses: list[str] | None = [] if args.misses else None
        global PRIOR_FROM
        PRIOR.update(min_dated=args.prior_min, span=args.prior_span, share=args.prior_share)
        PRIOR_FROM = frozenset(args.prior_from.split(",")) if args.prior_from else PRIOR_FROM
        published = from_transforms(misses, not args.no_batch)
        dates = {k: p.date.value if p.date else None for k, p in published.items()}
        print(f"batch prior: {'off' if args.no_batch else f'{PRIOR} from {sorted(PRIOR_FROM)}'}")
        print("\n".join(table(dates) + [""] + held_out(not args.no_batch) + [""] + dev_dct(published, args.verbose)
                        + (["", "folder misses:"] + misses if misses else [])))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench_pubdate_"))
    raw, dated = args.raw or str(tmp / "raw"), args.dated or str(tmp / "dated")
    if not args.raw:
        run(str(SHARED / "corpus"), raw)
    if not args.dated:
        run(str(SHARED / "gold" / "dev_dated.jsonl"), dated)
    print("\n".join(table(from_warehouse(raw))))
    r, d = score(raw), score(dated)
    print(f"\ndev, raw input:   dct text {r['dct_accuracy_text']}, world {r['dct_accuracy_world']}, all {r['dct_accuracy']}")
    print(f"dev, dated input: timex detection F1 {d['timex_detection']['f1']}, values {d['timex_value_accuracy']}, "
          f"entities F1 {d['entities']['f1']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
