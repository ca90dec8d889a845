"""Where the CPU-bound tasks (cleaning, extraction) run: Prefect task runners chosen by settings.

    process  Prefect's ProcessPoolTaskRunner on this machine (`workers` processes; 1 = in the flow's
             thread, no worker process, unless the per-input time limit needs one)
    dask     prefect-dask's DaskTaskRunner on a distributed cluster: `dask_address` of a running
             scheduler, or a local cluster of `workers` single-threaded worker processes

Stage functions take and return URIs under the warehouse (flows/storage.py), so with the warehouse on
an object store, Dask workers on other machines need no shared disk.
"""
from __future__ import annotations

import contextlib
import os
from typing import Iterator

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


@contextlib.contextmanager
def shared_api() -> Iterator[None]:
    """Worker processes report to the flow's Prefect API. Without PREFECT_API_URL in their environment,
    each spawned worker would start a temporary Prefect server of its own (slow, and hundreds of MB)."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        url = str(client.api_url).rstrip("/")
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


def task_runner(kind: str, workers: int, dask_address: str | None = None, isolate: bool = False) -> TaskRunner:
    """`isolate`: the process runner uses a worker process even with one worker (the per-input time limit
    of flows/limits.py needs a process's main thread; Dask runs tasks in worker threads, where it is not
    enforced)."""
    workers = workers or os.cpu_count() or 1
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if workers <= 1 and not isolate:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers, initializer=_worker_started)


def _worker_started() -> None:
    """Run once in each worker process. Prefect imports every installed collection (entry point group
    `prefect.collections`) the first time a worker rebuilds a task's context, because the context holds
    a storage block whose class it looks up; the one installed, prefect-dask, brings dask and distributed
    (~20-30 MB a worker) that cleaning and extraction never use. Prefect has no setting for this, so the
    worker marks its collections as already loaded (none): Prefect's core blocks need no collection, and
    the `dask` runner, whose workers are not started here, is unaffected."""
    from prefect._internal.plugins import collections

    if getattr(collections, "_collections", None) is None:
        collections._collections = {}
