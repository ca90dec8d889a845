"""Stage functions of one run, one module per stage; each reads and writes staging files under
<warehouse>/.runs/<run_id>/ (local paths or object-store URLs, flows/storage.py) whose row layouts are
declared in schemas/tables.py (STAGING). None imports Prefect, so Prefect tasks stay thin and the same
functions run in worker processes or on Dask workers. The text work itself is in transforms/.

    ingest      bytes -> decoded text (unchanged inputs skipped)      ingest.py
    clean       text -> structured articles                          clean.py
    deduplicate the first input of each article wins                 dedup.py
    extract     articles -> rows of articles, timexes, mentions, events   extract.py
    redate      each source group's batch prior; the articles it re-dates  redate.py (then extract.py)
    assemble    a chunk's tables and ledger; quarantine of failed rows    assemble.py
    rejects     rows of `rejects`, with the command that replays one      rejects.py
    derive      entities and event_clusters from published tables    derive.py
"""
from __future__ import annotations

import importlib

# Imported on first use (PEP 562), so a worker process that unpickles the cleaning and extraction tasks
# (flows/tasks.py) loads only their modules, not polars or the others' dependencies.
_WHERE = {"assemble": "assemble", "quarantine": "assemble", "reject_row": "rejects", "replay_command": "rejects",
          "clean_batch": "clean", "deduplicate": "dedup", "derive_entities": "derive",
          "derive_event_clusters": "derive", "entity_id": "extract", "extract_batch": "extract",
          "redate_batch": "extract", "group_priors": "redate", "redated_inputs": "redate",
          "ingest_batch": "ingest", "VERSION": "version", "extraction_version": "version"}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
