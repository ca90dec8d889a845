"""Quarantine with real great-expectations suites: a bad row goes to `rejects` with the expectation it
failed; a bad article takes its child rows with it and its input becomes `rejected`."""
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa

from flows import stages
from flows.validation import validate
from schemas.tables import TABLES
from tests.conftest import SEED_1

NOW = dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc).isoformat()


def _run_tables(tmp_path: Path):
    cols = dict(text="text", url="url", published="published", title="title", source="source")
    [part] = stages.ingest_batch([str(SEED_1)], str(tmp_path / "ingest"), 0, 0, 10**7, cols)
    clean = stages.clean_batch(part, str(tmp_path / "c.parquet"))
    decisions, chosen = stages.deduplicate([clean], TABLES["articles"].empty(), str(tmp_path / "d.parquet"))
    extracted = [stages.extract_batch(clean, chosen[clean], str(tmp_path / "x"), "r1", NOW)]
    return stages.assemble([clean], decisions, extracted, "r1", NOW)


def _replace(table: pa.Table, column: str, row: int, value) -> pa.Table:
    values = table[column].to_pylist()
    values[row] = value
    return table.set_column(table.column_names.index(column), column, pa.array(values, table.schema.field(column).type))


def test_bad_event_row_is_quarantined(tmp_path):
    tables, _ = _run_tables(tmp_path)
    events = tables["events"].num_rows
    tables["events"] = _replace(tables["events"], "event_root_code", 0, "99")
    report = validate(tables, tmp_path / "report")
    assert not report.tables["events"].success
    assert report.tables["events"].failures == {"expect_column_values_to_be_in_set(event_root_code)": 1}
    assert Path(report.html_index).exists() and json.loads(Path(report.json_path).read_text())["summary"]
    kept, held = stages.quarantine(tables, {n: r.failing_rows for n, r in report.tables.items()}, "r1", NOW)
    assert held == 1 and kept["events"].num_rows == events - 1
    reject = kept["rejects"].to_pylist()[-1]
    assert reject["stage"] == "validate" and reject["table_name"] == "events"
    assert "event_root_code" in reject["detail"] and json.loads(reject["row_json"])["event_root_code"] == "99"
    assert kept["inputs"]["outcome"].to_pylist() == ["article"]  # one bad event does not reject the article


def test_bad_article_takes_its_rows_and_rejects_its_input(tmp_path):
    tables, _ = _run_tables(tmp_path)
    tables["articles"] = _replace(tables["articles"], "published_precision", 0, "week")
    report = validate(tables, tmp_path / "report")
    kept, held = stages.quarantine(tables, {n: r.failing_rows for n, r in report.tables.items()}, "r1", NOW)
    assert kept["articles"].num_rows == 0 and kept["events"].num_rows == 0 and kept["mentions"].num_rows == 0
    assert kept["inputs"].to_pylist()[0]["outcome"] == "rejected"
    assert kept["inputs"].to_pylist()[0]["reason"] == "failed_validation"
    assert held > 1
