"""The `news_to_events` Prefect flow: ingest -> clean -> deduplicate -> extract -> validate -> publish.

The flow is thin; its body is flows/pipeline.py, imported when the flow runs. This module stays light on
purpose: Prefect sends the flow object with every task it runs on a worker process (the flow run's
context), so each worker imports this module; importing the pipeline here would load the warehouse's
dependencies (pyarrow.dataset with pandas, polars, deltalake) into every worker (~90 MB each).
"""
from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from prefect import flow  # noqa: E402


@flow(name="news_to_events", log_prints=False)
def news_to_events(paths: list[str] | None = None, warehouse: str | None = None, batch_size: int | None = None,
                   workers: int | None = None, reprocess: bool = False, older: bool = False,
                   task_runner_kind: str | None = None, dask_address: str | None = None,
                   input_timeout: float | None = None) -> dict:
    """Vietnamese news files to validated, published event tables. Defaults come from Settings.
    `reprocess`: code inputs again even when unchanged; `older`: re-extract the published articles coded
    by an older extraction version (no inputs are read)."""
    from flows.pipeline import run

    return run(paths, warehouse, batch_size, workers, reprocess, older, task_runner_kind, dask_address,
               input_timeout)
