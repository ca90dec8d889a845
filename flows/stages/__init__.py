"""Stage functions of one run, one module per stage; each reads and writes staging files under
<warehouse>/.runs/<run_id>/ (local paths or object-store URLs, flows/storage.py) whose row layouts are
declared in schemas/tables.py (STAGING). None imports Prefect, so Prefect tasks stay thin and the same
functions run in worker processes or on Dask workers. The text work itself is in transforms/.

    ingest      bytes -> decoded text (unchanged inputs skipped)      ingest.py
    clean       text -> structured articles                          clean.py
    deduplicate the first input of each article wins                 dedup.py
    extract     articles -> rows of articles, timexes, mentions, events   extract.py
    assemble    a chunk's tables and ledger; quarantine of failed rows    assemble.py
    derive      entities and event_clusters from published tables    derive.py
"""
from __future__ import annotations

from flows.stages.assemble import assemble, quarantine, reject_row, replay_command
from flows.stages.clean import clean_batch
from flows.stages.dedup import deduplicate
from flows.stages.derive import derive_entities, derive_event_clusters
from flows.stages.extract import entity_id, extract_batch
from flows.stages.ingest import ingest_batch
from flows.stages.version import VERSION, extraction_version

__all__ = ["VERSION", "assemble", "clean_batch", "deduplicate", "derive_entities", "derive_event_clusters",
           "entity_id", "extract_batch", "extraction_version", "ingest_batch", "quarantine", "reject_row",
           "replay_command"]
