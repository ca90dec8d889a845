from pathlib import Path

import pyarrow as pa

from schemas.data_dictionary import render
from schemas.expectations import expectations_for
from schemas.tables import TABLES

REPO = Path(__file__).resolve().parents[2]

# columns ../shared/gold/GUIDELINE.md and score.py read: the contract
CONTRACT = {
    "articles": {"article_id", "source_uri", "title", "body", "published_date", "published_precision",
                 "published_basis", "ingested_at", "run_id"},
    "timexes": {"article_id", "sentence_index", "char_start", "char_end", "surface", "value", "granularity"},
    "mentions": {"article_id", "sentence_index", "char_start", "char_end", "surface", "entity_type", "entity_code",
                 "canonical_name"},
    "events": {"event_id", "article_id", "sentence_index", "char_start", "char_end", "evidence", "event_code",
               "event_root_code", "quad_class", "goldstein", "source_actor_code", "target_actor_code",
               "source_actor_name", "target_actor_name", "event_date", "event_date_precision", "modality",
               "confidence"},
    "rejects": {"source_uri", "stage", "reason", "replay"},
}


def test_contract_columns_present():
    for table, columns in CONTRACT.items():
        assert columns <= set(TABLES[table].column_names), table
    assert TABLES["articles"].arrow_schema().field("published_date").type == pa.date32()
    assert TABLES["events"].arrow_schema().field("event_root_code").type == pa.string()  # `04`, not 4


def test_every_table_has_a_suite():
    for table in TABLES.values():
        suite = expectations_for(table)
        assert suite[0].column_set == table.column_names
        assert len(suite) > 2


def test_data_dictionary_is_current():
    assert (REPO / "docs" / "data_dictionary.md").read_text(encoding="utf-8") == render(), "run `make docs`"
