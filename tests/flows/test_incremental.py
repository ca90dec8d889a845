"""Incremental runs: unchanged inputs are skipped and recorded as such, `--reprocess` codes them again, and
`reprocess --older` re-extracts only the articles an older extraction version coded."""
import pytest

from flows import stages
from flows.warehouse import Warehouse
from tests.conftest import SEED_1, SEED_2

pytestmark = [pytest.mark.prefect]

TABLES = ("articles", "timexes", "mentions", "events", "inputs", "rejects")


def _counts(wh: Warehouse) -> dict:
    con = wh.connect()
    return {t: con.sql(f"select count(*) from {t}").fetchall()[0][0] for t in TABLES}


def test_unchanged_reprocess_and_older(tmp_path, prefect_server):
    from flows.news_to_events import news_to_events

    root = str(tmp_path / "wh")
    paths = [str(SEED_1), str(SEED_2)]
    first = news_to_events(paths=paths, warehouse=root, workers=1)
    wh = Warehouse(root)
    counts = _counts(wh)

    again = news_to_events(paths=paths, warehouse=root, workers=1)
    assert (again["articles"], again["unchanged"], again["events"]) == (0, 2, 0)
    assert _counts(wh) == counts
    ledger = wh.connect().sql("select outcome, extraction_version, run_id from inputs").fetchall()
    assert ledger == [("unchanged", stages.extraction_version(), again["run_id"])] * 2

    forced = news_to_events(paths=paths, warehouse=root, workers=1, reprocess=True)
    assert (forced["articles"], forced["unchanged"], forced["events"]) == (2, 0, first["events"])
    assert _counts(wh) == counts

    # an article coded by an older coder: its row says so (as a warehouse written before an upgrade would)
    wh.delta("articles").update(updates={"extraction_version": "'0.1.0+older'"},
                                predicate=f"source_uri = '{SEED_1}'")
    older = news_to_events(warehouse=root, workers=1, older=True)
    assert (older["articles"], older["inputs"]) == (1, 1)
    assert _counts(wh) == counts
    versions = wh.connect().sql("select distinct extraction_version from articles").fetchall()
    assert versions == [(stages.extraction_version(),)]
    nothing = news_to_events(warehouse=root, workers=1, older=True)
    assert nothing["articles"] == 0
