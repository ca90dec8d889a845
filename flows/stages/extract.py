"""Extract: structured articles to the rows of `articles`, `timexes`, `mentions`, `events` (and `rejects`
for an article extraction fails on), one staging file per table and batch, in the layouts of
schemas/tables.py. Two passes: `extract_batch` dates each article alone; after it, the flow makes each source
group's batch prior (flows/redate.py) and `redate_batch` extracts again the few articles a prior changes."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pyarrow as pa
import pyarrow.compute as pc

from flows import storage
from flows.limits import InputTimeout, deadline
from flows.stages.clean import article_of
from flows.stages.version import VERSION, extraction_version
from schemas.tables import ARTICLE_FIELDS, STAGING, TABLES
from transforms import article as art
from transforms.events import cluster_id, event_id
from transforms.mentions import name_key
from transforms.pubdate import Prior, Published
from transforms.timexes import PartialDate

OUTPUTS = ("articles", "timexes", "mentions", "events", "rejects")
_EVENT_FIELDS = ("sentence_index", "char_start", "char_end", "evidence", "trigger", "trigger_start", "trigger_end",
                 "event_code", "event_root_code", "quad_class", "goldstein", "source_actor_code", "target_actor_code",
                 "source_actor_name", "target_actor_name", "event_date_precision", "event_date_basis", "modality",
                 "location_name", "location_code", "confidence", "source_actor_country", "target_actor_country",
                 "source_actor_group", "target_actor_group")


def hash_id(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def entity_id(entity_type: str, code: str | None, canonical: str | None) -> str:
    """Stable across runs: GPE/IGO by code, people and others by their spelling-insensitive name key."""
    if entity_type in ("GPE", "IGO") and code:
        return hash_id(entity_type, code)
    return hash_id(entity_type, name_key(canonical or code or ""))


def _partition_year(value: str | None) -> str:
    return value[:4] if value else "unknown"


def source_group(row: dict) -> str:
    """The source group of an input, whose articles are usually of one crawl and era: the table file a row was
    read from (JSONL, CSV, Parquet), else the folder or object-store prefix of the file."""
    origin = row.get("origin") or row["source_uri"]
    if row.get("line") is not None:
        return origin
    cut = max(origin.rfind("/"), origin.rfind("\\"))
    return origin[:cut] if cut > 0 else "."


def extract_batch(source_uri: str, input_ids: list[str] | None, out_dir: str, run_id: str, ingested_at: str,
                  timeout: float = 0) -> dict[str, str]:
    """Extraction of the rows of a cleaned part (those in `input_ids`; all when None), or of an `articles`
    file of the warehouse (re-extraction). Returns {table: staging file}, and `pubdates`: each article's date
    as dated alone and its source group, for `redate_batch`. An article whose extraction takes longer than
    `timeout` seconds is rejected `timeout`; a step of extraction that raises is recorded as an `extract_error`
    reject with its table (the article is published with what succeeded)."""
    when = dt.datetime.fromisoformat(ingested_at)
    source = _rows(source_uri, input_ids)
    out: dict[str, list[dict]] = {name: [] for name in OUTPUTS}
    if timeout and source:
        art.warm_up()  # models and tables load outside any input's time limit
    dates = []
    for r in source:
        published = _extract_into(out, r, None, when, run_id, timeout)
        if published is not None:
            dates.append({"input_id": r["input_id"], "group": source_group(r), "basis": published.basis,
                          "year": published.date.year if published.date else None, "window": list(published.window)})
    files = _write(out, source_uri, out_dir)
    files["pubdates"] = storage.write_parquet(STAGING["pubdates"].from_rows(dates),
                                              storage.join(out_dir, f"pubdates-{_stem(source_uri)}.parquet"))
    return files


def redate_batch(source_uri: str, priors: dict[str, Prior], tables: dict[str, str], out_dir: str, run_id: str,
                 ingested_at: str, timeout: float = 0) -> dict[str, str]:
    """The second pass of a run's extraction: the articles of a cleaned part whose date their source group's
    batch prior changes (`priors`: input_id -> prior) are extracted again with it, so that their time
    expressions and events take the new date; their rows replace those of the first pass in the part's
    staging files (`tables`, from `extract_batch`). An article the second pass fails on keeps its first rows."""
    when = dt.datetime.fromisoformat(ingested_at)
    source = _rows(source_uri, list(priors))
    if timeout and source:
        art.warm_up()
    out: dict[str, list[dict]] = {name: [] for name in OUTPUTS}
    redone: set[str] = set()
    for r in source:
        mine: dict[str, list[dict]] = {name: [] for name in OUTPUTS}
        if _extract_into(mine, r, priors[r["input_id"]], when, run_id, timeout) is None:
            continue  # failed this time (a time limit): the first pass's rows stand
        redone.add(r["input_id"])
        for name, rows in mine.items():
            out[name].extend(rows)
    if not redone:
        return tables
    articles = {a["article_id"] for a in out["articles"]}
    files = dict(tables)
    for name in OUTPUTS:
        first = storage.read_parquet(tables[name])
        key, drop = ("input_id", redone) if name == "rejects" else ("article_id", articles)
        kept = first.filter(pc.invert(pc.is_in(first[key], value_set=pa.array(sorted(drop), pa.string()))))
        files[name] = storage.write_parquet(pa.concat_tables([kept, TABLES[name].from_rows(out[name])]),
                                            storage.join(out_dir, f"{name}-{_stem(source_uri)}-redated.parquet"))
    return files


def _rows(source_uri: str, input_ids: list[str] | None) -> list[dict]:
    source = storage.read_parquet(source_uri)
    if input_ids is not None:
        source = source.filter(pc.is_in(source["input_id"], value_set=pa.array(input_ids, pa.string())))
    return source.to_pylist()


def _stem(source_uri: str) -> str:
    return source_uri.rstrip("/").rsplit("/", 1)[-1].removesuffix(".parquet")


def _extract_into(out: dict[str, list[dict]], r: dict, prior: Prior | None, when: dt.datetime, run_id: str,
                  timeout: float) -> Published | None:
    """Extract one cleaned row into `out`'s rows; its publication date, or None if it was rejected."""
    from flows.stages.rejects import reject_row  # here: rejects.py imports hash_id from this module

    version = extraction_version()
    article = article_of(r)
    origin = r.get("origin")
    try:
        with deadline(timeout):
            x = art.extract(article, today=when.date(), prior=prior)
    except InputTimeout:
        out["rejects"].append(reject_row(article.input_id, article.source_uri, "extract", "timeout",
                                         f"extraction took over {timeout:g} s (`input_timeout`)", when, run_id,
                                         origin=origin))
        return None
    except Exception as err:  # noqa: BLE001 - one bad article never stops the run
        out["rejects"].append(reject_row(article.input_id, article.source_uri, "extract", "extract_error",
                                         f"{type(err).__name__}: {err}", when, run_id, origin=origin))
        return None
    for step, error in x.errors:  # the article is published with what succeeded; the failed step is recorded
        out["rejects"].append(reject_row(article.input_id, article.source_uri, "extract", "extract_error",
                                         f"{step}: {error}", when, run_id, art.STEP_TABLE[step],
                                         json.dumps({"article_id": article.article_id, "step": step}),
                                         origin=origin))
    pub = x.published.date
    year = _partition_year(pub.value if pub else None)
    aid = article.article_id
    out["articles"].append({
        **{k: r[k] for k in ARTICLE_FIELDS}, "input_id": r["input_id"], "source_uri": r["source_uri"],
        "encoding": r["encoding"], "flags": sorted(set(article.flags) | set(x.flags)),
        "published_date": pub.as_date() if pub else None, "published_precision": pub.precision if pub else None,
        "published_basis": x.published.basis, "published_date_text": pub.value if pub else None,
        "published_evidence": "; ".join(x.published.evidence) or None, "published_year": year,
        "published_group": prior.group if prior is not None else None,
        "sentence_count": x.sentences,
        "char_count": len(article.text), "ingested_at": when, "pipeline_version": VERSION,
        "extraction_version": version, "run_id": run_id})
    for t in x.timexes:
        out["timexes"].append({"timex_id": hash_id(aid, t.start, t.end, "t"), "article_id": aid,
                               "sentence_index": t.sentence_index, "char_start": t.start, "char_end": t.end,
                               "surface": t.surface, "kind": t.kind, "value": t.value,
                               "granularity": t.granularity, "published_year": year, "run_id": run_id})
    for m in x.mentions:
        out["mentions"].append({"mention_id": hash_id(aid, m.start, m.end, "m"), "article_id": aid,
                                "sentence_index": m.sentence_index, "char_start": m.start, "char_end": m.end,
                                "surface": m.surface, "entity_type": m.entity_type, "entity_code": m.entity_code,
                                "canonical_name": m.canonical_name,
                                "entity_id": entity_id(m.entity_type, m.entity_code, m.canonical_name),
                                "role": m.role, "country": m.country, "method": m.method,
                                "confidence": m.confidence, "published_year": year, "run_id": run_id})
    for e in x.events:
        date = PartialDate.parse(e.event_date)
        row = {k: getattr(e, k) for k in _EVENT_FIELDS}
        row.update(event_id=event_id(aid, e), cluster_id=cluster_id(e), article_id=aid,
                   event_date=date.as_date() if date else None, event_date_text=date.value if date else None,
                   event_year=date.year if date else None,
                   event_month=(date.month or 1) if date else None, run_id=run_id)
        out["events"].append(row)
    return x.published


def _write(out: dict[str, list[dict]], source_uri: str, out_dir: str) -> dict[str, str]:
    return {name: storage.write_parquet(TABLES[name].from_rows(rows),
                                        storage.join(out_dir, f"{name}-{_stem(source_uri)}.parquet"))
            for name, rows in out.items()}
