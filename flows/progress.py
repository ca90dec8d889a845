"""One progress display for a whole run: stage, items done of total, rate, ETA (rich).

The flow reports through three calls, all no-ops unless a display is active (a deployment run served by
`vnevents serve` has none; `vnevents run` opens one around the flow call):

    progress.stage("extract", total=1834, unit="articles")   # a stage begins (the previous one ends)
    progress.advance(100)                                    # items of the current stage done
    progress.finish()                                        # the run's stages are over

Calls may come from any thread of the process (Prefect runs tasks in threads); rich's Progress is
thread-safe. Worker processes do not report: the flow advances when a batch comes back.
"""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_display = None  # the active _Display, if any


def stage(name: str, total: int | None = None, unit: str = "items") -> None:
    """A stage begins with `total` items to do (None: unknown); the previous stage is marked done."""
    with _lock:
        if _display:
            _display.stage(name, total, unit)


def advance(n: int = 1) -> None:
    with _lock:
        if _display:
            _display.advance(n)


def finish() -> None:
    with _lock:
        if _display:
            _display.finish()


class _Display:
    def __init__(self, console) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.1f} {task.fields['unit']}/s" if speed else "", style="progress.data.speed")

        self.progress = Progress(
            TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
            Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console)
        self.task = None

    def stage(self, name: str, total: int | None, unit: str) -> None:
        self.finish()
        self.task = self.progress.add_task(name, total=total, unit=unit)

    def advance(self, n: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)

    def finish(self) -> None:
        """Mark the current stage done (its total becomes what was done when it had none)."""
        if self.task is not None:
            task = self.progress.tasks[-1]
            self.progress.update(self.task, total=task.total if task.total is not None else task.completed,
                                 completed=task.total if task.total is not None else task.completed)
            self.progress.stop_task(self.task)
            self.task = None


@contextmanager
def display(enabled: bool = True, file=None) -> Iterator[None]:
    """Show the run's progress on stderr (or `file`) while the block runs."""
    global _display
    if not enabled:
        yield
        return
    from rich.console import Console

    shown = _Display(Console(file=file or sys.stderr))
    with _lock:
        _display = shown
    shown.progress.start()
    try:
        yield
    finally:
        with _lock:
            if shown.task is not None:
                shown.progress.stop_task(shown.task)  # left as it was: a failed stage is not shown done
            _display = None
        shown.progress.stop()
