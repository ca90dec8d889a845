"""The process runner's worker processes hold what cleaning and extraction need, not the warehouse's or the
flow's libraries: Prefect sends the flow object with every task, so the flow module must stay light, and
worker processes skip Prefect's collection loading (prefect-dask and with it dask and distributed)."""
import datetime as dt

import pytest

from flows import stages
from tests.conftest import SEED_1

COLUMNS = dict(text="text", url="url", published="published", title="title", source="source")


@pytest.mark.prefect
def test_a_worker_process_loads_no_warehouse_flow_or_dask_code(tmp_path, prefect_server):
    from prefect import flow, task

    from flows.parallel import shared_api, task_runner
    from flows.tasks import clean, extract, redate

    [part] = stages.ingest_batch([str(SEED_1)], str(tmp_path / "ingest"), 0, 0, 10**7, COLUMNS)
    when = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc).isoformat()

    def loaded() -> list[str]:  # nested: sent by value, so the worker does not import this test module
        import sys

        import flows.news_to_events  # noqa: F401 - what a worker of the real flow unpickles with each task
        return sorted({name.split(".")[0] for name in sys.modules})

    @flow
    def one_worker() -> tuple[dict, list[str]]:
        with shared_api(), task_runner("process", 1, isolate=True) as runner:  # one worker process, all four tasks
            cleaned = runner.submit(clean, {"part": part, "out": str(tmp_path / "clean.parquet")}).result()
            tables = runner.submit(extract, {"source": cleaned, "input_ids": None, "out_dir": str(tmp_path / "x"),
                                             "run_id": "r1", "ingested_at": when}).result()
            redated = runner.submit(redate, {"source": cleaned, "priors": {}, "tables": tables,
                                             "out_dir": str(tmp_path / "x"), "run_id": "r1", "ingested_at": when})
            assert redated.result() == tables  # no prior changes the lone seed's date: its first rows stand
            return tables, runner.submit(task(loaded), {}).result()

    tables, modules = one_worker()
    assert sorted(tables) == ["articles", "events", "mentions", "pubdates", "rejects", "timexes"]
    assert {"flows", "transforms", "underthesea", "pyarrow"} <= set(modules)
    assert not {"polars", "deltalake", "duckdb", "great_expectations", "prefect_dask", "dask",
                "distributed"} & set(modules)
