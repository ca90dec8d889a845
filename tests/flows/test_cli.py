"""The CLI on a published warehouse: query and validate (the run command is exercised by `make run`)."""
import json

import pytest
from typer.testing import CliRunner

from flows.cli import app

pytestmark = [pytest.mark.prefect]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_server):
    from flows.news_to_events import news_to_events
    from tests.conftest import SEED_1

    root = tmp_path_factory.mktemp("cli_wh")
    news_to_events(paths=[str(SEED_1)], warehouse=str(root), workers=1)
    return root


def test_query_json(warehouse):
    result = CliRunner().invoke(app, ["query", "select count(*) as n from articles", "-w", str(warehouse),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 1}]


def test_query_reports_bad_sql(warehouse):
    result = CliRunner().invoke(app, ["query", "select nope from articles", "-w", str(warehouse)])
    assert result.exit_code != 0 and "nope" in result.output


def test_validate_published_tables(warehouse):
    result = CliRunner().invoke(app, ["validate", "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "events" in result.output and "FAILED" not in result.output


def test_validate_without_warehouse(tmp_path):
    result = CliRunner().invoke(app, ["validate", "-w", str(tmp_path / "none")])
    assert result.exit_code != 0


def test_validate_with_relative_warehouse(warehouse, monkeypatch):
    monkeypatch.chdir(warehouse.parent)
    result = CliRunner().invoke(app, ["validate", "-w", warehouse.name])
    assert result.exit_code == 0, result.output


def test_query_as_of_a_run(warehouse):
    from flows.warehouse import Warehouse

    [run_id] = [r["run_id"] for r in Warehouse(str(warehouse)).runs()]
    result = CliRunner().invoke(app, ["query", "select count(*) as n from articles", "-w", str(warehouse),
                                      "--format", "json", "--as-of", run_id])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 1}]
    result = CliRunner().invoke(app, ["query", "select 1", "-w", str(warehouse), "--as-of", "no-such-run"])
    assert result.exit_code != 0


def test_reprocess_needs_what(warehouse):
    result = CliRunner().invoke(app, ["reprocess", "-w", str(warehouse)])
    assert result.exit_code == 2
