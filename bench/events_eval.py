"""Event coder against the gold: P/R/F1 at three levels, per root, per fold, and the error kinds.

    python bench/events_eval.py [--gold ../shared/gold/dev.jsonl] [--input ../shared/gold/dev_dated.jsonl]
                                [--folds 5] [--show KIND] [--root RR] [--doc SUBSTR] [--json]

Runs the pure transforms (clean + extract, no Prefect) on the dated dev input, so it takes seconds, and
scores with the official scorer's matching (`../shared/gold/score.py` is imported, not copied):
  levels   dyad / +root / +date, micro P/R/F1, as `score.py` reports them for a warehouse;
  folds    the same on a 5-fold split by article (a stable hash of the doc path), for anything tuned or
           learned: report the mean over held-out folds, never one article;
  roots    per gold root: gold, predicted, matched at dyad+root;
  kinds    each gold event classified as the issue does (right, wrong root, reversed, one actor wrong,
           missed with a null actor, missed entirely; `right` is dyad, root and date, `wrong_date` the
           date alone wrong) and the predicted dyads that match no gold event.
`--show KIND` prints the evidence of the gold events of that kind with what was predicted for the
sentence (kinds: right wrong_date wrong_root reversed one_actor missed_null missed spurious).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GOLD_DIR = REPO.parent / "shared" / "gold"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", GOLD_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_of(doc: str, folds: int) -> int:
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % folds


def predict(rows: list[dict]) -> dict[str, list[dict]]:
    """doc -> predicted events (dicts with the scorer's keys plus evidence), from the pure transforms."""
    from transforms.article import Document, clean, extract

    out = {}
    for row in rows:
        doc = Document(row["url"], row["url"], row["text"], "utf-8", published=row.get("published"))
        article = clean(doc)
        x = extract(article)
        out[row["url"]] = [{"source": e.source_actor_code, "target": e.target_actor_code,
                            "root": e.event_root_code, "date": e.event_date, "evidence": e.evidence,
                            "trigger": e.trigger, "modality": e.modality} for e in x.events]
        ENTITIES[row["url"]] = [(m.entity_type, m.entity_code, m.canonical_name) for m in x.mentions]
        TIMEXES[row["url"]] = [(t.surface, t.value) for t in x.timexes]
    return out


ENTITIES: dict[str, list] = {}  # doc -> (type, code, canonical name) of its mentions, from `predict`
TIMEXES: dict[str, list] = {}  # doc -> (surface, value) of its time expressions, from `predict`


def timex_scores(gold: list[dict]) -> dict:
    """Detection P/R/F1 and value accuracy as score.py computes them (bench/timex_compare.py's scorer)."""
    sys.path.insert(0, str(REPO / "bench"))
    from timex_compare import score

    return score(gold, TIMEXES)


def entity_prf(score, gold: list[dict]) -> dict:
    """Entity P/R/F1 as score.py computes it (GPE/IGO by code, PER by name or alias)."""
    tp = n_pred = n_gold = 0
    for g in gold:
        pred = set()
        for kind, code, name in ENTITIES.get(g["doc"], []):
            if kind in ("GPE", "IGO") and code:
                pred.add((kind, score.fold(code)))
            elif kind == "PER" and name:
                pred.add(("PER", score.fold(name)))
        wanted = [(e["type"], {score.fold(e["id"])} | {score.fold(a) for a in e.get("aliases", [])})
                  for e in g.get("entities", []) if e["type"] in ("GPE", "IGO", "PER")]
        n_pred += len(pred)
        n_gold += len(wanted)
        hit = set()
        for kind, names in wanted:
            found = next((x for x in pred if x not in hit and x[0] == kind and x[1] in names), None)
            if found:
                hit.add(found)
                tp += 1
    return score.prf(tp, n_pred, n_gold)


def scored_form(score, events: list[dict]) -> list[dict]:
    """As score.py sees predictions: folded codes, one per distinct (source, target, root, date)."""
    seen = {}
    for e in events:
        key = (score.code(e["source"]), score.code(e["target"]), e["root"], e["date"])
        seen.setdefault(key, {"source": key[0], "target": key[1], "root": key[2], "date": key[3]})
    return list(seen.values())


def levels(score, gold: list[dict], pred: dict[str, list[dict]], docs: set[str] | None = None) -> dict:
    tp = {1: 0, 2: 0, 3: 0}
    n_pred = n_gold = 0
    for g in gold:
        if docs is not None and g["doc"] not in docs:
            continue
        p = scored_form(score, pred.get(g["doc"], []))
        n_pred += len(p)
        n_gold += len(g["events"])
        for level in (1, 2, 3):
            tp[level] += score.match_events(g["events"], p, level)
    return {name: score.prf(tp[level], n_pred, n_gold) for level, name in ((1, "dyad"), (2, "dyad_root"),
                                                                            (3, "dyad_root_date"))}


def classify(score, g_events: list[dict], p_events: list[dict]) -> tuple[list[str], list[int]]:
    """A kind for each gold event and the indexes of predictions matching no gold dyad."""
    p = scored_form(score, p_events)
    kinds = []
    used = set()
    for g in g_events:
        src, tgt = score.code(g.get("source")), score.code(g.get("target"))
        same = [i for i, x in enumerate(p) if score.same_dyad(g, x)]
        if any(score.event_fits(g, p[i], 3) for i in same):
            kind = "right"
        elif any(p[i]["root"] == g["root"] for i in same):
            kind = "wrong_date"  # right dyad and root, the date not the gold's
        elif same:
            kind = "wrong_root"
        elif any((x["source"], x["target"]) == (tgt, src) for x in p):
            kind = "reversed"
        elif any(x["source"] == src and src or x["target"] == tgt and tgt for x in p):
            kind = "one_actor"
        elif src is None or tgt is None:
            kind = "missed_null"
        else:
            kind = "missed"
        used.update(same)
        kinds.append(kind)
    spurious = [i for i, x in enumerate(p) if not any(score.same_dyad(g, x) or
                                                      (x["source"], x["target"]) == (score.code(g.get("target")),
                                                                                     score.code(g.get("source")))
                                                      for g in g_events)]
    return kinds, spurious


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(GOLD_DIR / "dev.jsonl"))
    ap.add_argument("--input", default=str(GOLD_DIR / "dev_dated.jsonl"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", help="print gold events of this kind with the sentence's predictions")
    ap.add_argument("--root", help="with --show: only this gold root")
    ap.add_argument("--doc", help="only docs whose path contains this")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--save", help="write the predictions to this JSON file")
    ap.add_argument("--diff", help="compare with predictions saved by --save: gold events gained and lost")
    ap.add_argument("--diff-level", type=int, default=2, help="1 dyad, 2 dyad+root (default), 3 +date")
    args = ap.parse_args()

    score = load_scorer()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    rows = [json.loads(line) for line in open(args.input, encoding="utf-8") if line.strip()]
    if args.doc:
        gold = [g for g in gold if args.doc in g["doc"]]
        rows = [r for r in rows if args.doc in r["url"]]
    pred = predict(rows)
    if args.save:
        Path(args.save).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    if args.diff:
        global DIFF_LEVEL
        DIFF_LEVEL = args.diff_level
        _diff(score, gold, json.loads(Path(args.diff).read_text(encoding="utf-8")), pred)

    result = {"all": levels(score, gold, pred), "entities": entity_prf(score, gold), "timexes": timex_scores(gold)}
    per_fold = []
    for k in range(args.folds):
        docs = {g["doc"] for g in gold if fold_of(g["doc"], args.folds) == k}
        per_fold.append(levels(score, gold, pred, docs))
    result["folds"] = [{lv: f[lv]["f1"] for lv in f} for f in per_fold]
    result["fold_mean"] = {lv: round(sum(f[lv]["f1"] for f in per_fold) / len(per_fold), 4) for lv in per_fold[0]}

    kinds, spurious_n = Counter(), 0
    by_root = defaultdict(lambda: Counter())
    shown = 0
    for g in gold:
        p = pred.get(g["doc"], [])
        ks, spurious = classify(score, g["events"], p)
        kinds.update(ks)
        spurious_n += len(spurious)
        for e, k in zip(g["events"], ks):
            by_root[e["root"]]["gold"] += 1
            by_root[e["root"]]["right"] += k in ("right", "wrong_date")
        for x in scored_form(score, p):
            by_root[x["root"]]["pred"] += 1
        if args.show:
            items = [(e, k) for e, k in zip(g["events"], ks) if k == args.show and (not args.root or e["root"] == args.root)]
            if args.show == "spurious":
                sp = scored_form(score, p)
                items = [(sp[i], "spurious") for i in spurious]
            for e, _ in items:
                shown += 1
                if args.show == "spurious":
                    ev = next((x for x in p if score.code(x["source"]) == e["source"] and
                               score.code(x["target"]) == e["target"] and x["root"] == e["root"]), {})
                    print(f"\n[{g['doc']}] PRED {e['source']}->{e['target']} {e['root']} ({ev.get('trigger')})\n"
                          f"   {ev.get('evidence', '')[:300]}")
                    continue
                print(f"\n[{g['doc']}] GOLD {e.get('source')}->{e.get('target')} {e['root']} {e.get('date')} "
                      f"{e.get('modality')}: {e.get('evidence')}")
                hits = [x for x in p if e.get("evidence") and _overlap(e["evidence"], x["evidence"])]
                for x in hits:
                    print(f"   pred {x['source']}->{x['target']} {x['root']} {x['date']} ({x['trigger']})")
    result["kinds"] = dict(kinds) | {"spurious_pred": spurious_n}
    result["roots"] = {r: {"gold": c["gold"], "pred": c["pred"], "right": c["right"]}
                       for r, c in sorted(by_root.items())}
    if args.json:
        print(json.dumps(result))
    elif not args.show:
        for lv, v in result["all"].items():
            print(f"{lv:16} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} "
                  f"(tp {v['tp']}, pred {v['pred']}, gold {v['gold']})")
        ent = result["entities"]
        print(f"entities         P {ent['precision']:.3f} R {ent['recall']:.3f} F1 {ent['f1']:.3f}")
        tim = result["timexes"]
        print(f"timexes          P {tim['precision']:.3f} R {tim['recall']:.3f} F1 {tim['f1']:.3f}, "
              f"values {tim['value_accuracy']:.3f}")
        print("folds F1         " + "  ".join("/".join(f"{f[lv]:.2f}" for lv in f) for f in result["folds"]))
        print("fold mean F1     " + " / ".join(f"{v:.3f}" for v in result["fold_mean"].values()))
        print("kinds            " + ", ".join(f"{k} {v}" for k, v in result["kinds"].items()))
        print("roots (gold/pred/right) " + ", ".join(f"{r}:{c['gold']}/{c['pred']}/{c['right']}"
                                                    for r, c in result["roots"].items()))
    else:
        print(f"\n{shown} shown")
    return 0


DIFF_LEVEL = 2  # --diff compares at dyad+root; --diff-level 1 at the dyad


def _diff(score, gold: list[dict], before: dict, after: dict) -> None:
    """Gold events matched (at DIFF_LEVEL) by one prediction set and not the other, and new spurious dyads."""
    for g in gold:
        b = scored_form(score, before.get(g["doc"], []))
        a = scored_form(score, after.get(g["doc"], []))
        for e in g["events"]:
            hit_b = any(score.event_fits(e, x, DIFF_LEVEL) for x in b)
            hit_a = any(score.event_fits(e, x, DIFF_LEVEL) for x in a)
            if hit_b != hit_a:
                print(f"{'GAINED' if hit_a else 'LOST  '} [{g['doc']}] {e.get('source')}->{e.get('target')} "
                      f"{e['root']}: {e.get('evidence')}")
        for x in a:
            if not any(score.same_dyad(e, x) for e in g["events"]) and x not in b:
                ev = next((y for y in after.get(g["doc"], []) if score.code(y["source"]) == x["source"] and
                           score.code(y["target"]) == x["target"] and y["root"] == x["root"]), {})
                print(f"NEW FP [{g['doc']}] {x['source']}->{x['target']} {x['root']} ({ev.get('trigger')}): "
                      f"{ev.get('evidence', '')[:200]}")


def _overlap(a: str, b: str) -> bool:
    """The gold evidence quote lies in the predicted event's sentence (or shares a long stretch with it)."""
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a or a[:40] in b


if __name__ == "__main__":
    sys.exit(main())
