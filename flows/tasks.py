"""The Prefect tasks that run on the task runner's workers: cleaning and extraction (two passes: dated alone,
then re-dated by the source group's batch prior). A worker process
unpickles a task by importing what it references, so this module imports only those two stages (pyarrow,
fsspec, transforms and underthesea's models), not the flow module, whose warehouse code loads
pyarrow.dataset (and with it pandas), polars and deltalake: about 90 MB less in every worker process."""
from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.stages.clean import clean_batch
from flows.stages.extract import extract_batch, redate_batch


@task(cache_policy=NO_CACHE)
def clean(part: str, out: str, timeout: float = 0) -> str:
    return clean_batch(part, out, timeout)


@task(cache_policy=NO_CACHE)
def extract(source: str, input_ids: list[str] | None, out_dir: str, run_id: str, ingested_at: str,
            timeout: float = 0) -> dict[str, str]:
    return extract_batch(source, input_ids, out_dir, run_id, ingested_at, timeout)


@task(cache_policy=NO_CACHE)
def redate(source: str, priors: dict, tables: dict[str, str], out_dir: str, run_id: str, ingested_at: str,
           timeout: float = 0) -> dict[str, str]:
    return redate_batch(source, priors, tables, out_dir, run_id, ingested_at, timeout)
