"""CPU parallelism for extraction: a process pool beside Prefect's thread task runner.

Prefect tasks (one per batch) run in threads and hand the CPU-bound work to worker processes that
import only transforms/ and flows/stages.py, so they start fast and need no Prefect API. Workers are
spawned, not forked: forking a process that runs Prefect's threads and event loop is unsafe.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


class CpuPool:
    def __init__(self, workers: int, isolate: bool = False):
        """`isolate`: work runs in worker processes even with one worker (the per-input time limit of
        flows/limits.py needs a process's main thread)."""
        self.workers = workers or os.cpu_count() or 1
        self.isolate = isolate
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "CpuPool":
        if self.workers > 1 or self.isolate:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self, fn, *args):
        """fn(*args) in a worker process (in this process when there is one worker)."""
        if self._pool is None:
            return fn(*args)
        return self._pool.submit(fn, *args).result()
