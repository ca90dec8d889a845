"""Redate: the batch prior of each source group of a run (transforms/pubdate.py `group_prior`), from the
dates its articles got alone in extraction's first pass, and the articles whose date a prior changes (their
second pass, `redate_batch` in extract.py). Reads only the small `pubdates` staging files: per part, one row
an article (group, basis, year, window), so memory holds one part's rows and each group's year counts."""
from __future__ import annotations

from collections import Counter

from flows import storage
from transforms import pubdate
from transforms.timexes import PartialDate

_COLUMNS = ["input_id", "group", "basis", "year", "window"]


def _published(row: dict) -> pubdate.Published:
    date = PartialDate(row["year"]) if row["year"] else None
    return pubdate.Published(date, row["basis"], window=tuple(row["window"] or ()))


def group_priors(pubdate_uris: list[str]) -> dict[str, pubdate.Prior]:
    """group -> its prior, from every extracted part's first-pass dates."""
    years: dict[str, Counter] = {}
    for uri in pubdate_uris:
        for row in storage.read_parquet(uri, _COLUMNS).to_pylist():
            counts = years.setdefault(row["group"], Counter())
            year = pubdate.prior_year(_published(row))
            if year:
                counts[year] += 1
    return {group: pubdate.group_prior(group, list(counts.elements())) for group, counts in years.items()}


def redated_inputs(pubdates_uri: str, priors: dict[str, pubdate.Prior]) -> dict[str, pubdate.Prior]:
    """input_id -> its group's prior, for the part's articles whose date the prior changes."""
    return {row["input_id"]: priors[row["group"]] for row in storage.read_parquet(pubdates_uri, _COLUMNS).to_pylist()
            if pubdate.batch_year(_published(row), priors.get(row["group"])) is not None}
