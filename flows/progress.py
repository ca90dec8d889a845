"""One progress display for a whole run: stage, items done of total, rate, ETA (rich).

The flow reports through three calls, all no-ops unless a display is active (a deployment run served by
`vnevents serve` has none; `vnevents run` opens one around the flow call):

    progress.stage("extract", total=1834, unit="articles")   # a stage begins (the running ones end)
    progress.stage("validate", total=2, unit="chunks", alongside=True)   # one that runs beside them
    progress.advance(100)                                    # items of the last stage begun done
    progress.advance(stage="validate")                       # ... or of a named one
    progress.finish()                                        # the run's stages are over

Rate and ETA are the stage's average since it began (items done in the stage over its elapsed time), not
rich's 30-second window: items come back a batch at a time, and a window that sees two batches land
together shows thousands of items a second and an ETA of a second. Items counted as done when a stage
begins (`done=`) are shown but left out of its rate.

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


def stage(name: str, total: int | None = None, unit: str = "items", done: int = 0, alongside: bool = False) -> None:
    """A stage begins with `total` items to do (None: unknown), `done` of them already done; the running
    stages are marked done unless it runs `alongside` them."""
    with _lock:
        if _display:
            _display.stage(name, total, unit, done, alongside)


def advance(n: int = 1, stage: str | None = None) -> None:
    """`n` more items of `stage` done (default: the last stage begun)."""
    with _lock:
        if _display:
            _display.advance(n, stage)


def finish() -> None:
    with _lock:
        if _display:
            _display.finish()


def _rate(task) -> float | None:
    """Items a second of the stage since it began (the items it began with left out)."""
    done = task.completed - task.fields.get("carried", 0)
    elapsed = task.finished_time if task.finished else task.elapsed  # a stage done stops its clock
    return done / elapsed if done > 0 and elapsed else None


class _Display:
    def __init__(self, console, get_time=None) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = _rate(task)
                if not speed or (task.total or 0) <= 1:  # the rate of one item is its elapsed time
                    return Text("")
                text = f"{speed:,.1f} {task.fields['unit']}/s" if speed >= 1 else f"{60 * speed:,.1f} {task.fields['unit']}/min"
                return Text(text, style="progress.data.speed")

        class Eta(ProgressColumn):
            def render(self, task) -> Text:
                speed = _rate(task)
                if task.finished:
                    left = 0
                elif speed and task.total is not None:
                    left = round((task.total - task.completed) / speed)
                else:
                    return Text("ETA -:--:--", style="progress.remaining")
                return Text(f"ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}", style="progress.remaining")

        self.progress = Progress(
            TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
            Rate(), TimeElapsedColumn(), Eta(), console=console, **({"get_time": get_time} if get_time else {}))
        self.running: dict[str, int] = {}  # stage name -> rich task id, in the order they began

    def stage(self, name: str, total: int | None, unit: str, done: int = 0, alongside: bool = False) -> None:
        if not alongside:
            self.finish()
        self.running[name] = self.progress.add_task(name, total=total, completed=done, unit=unit, carried=done)

    def advance(self, n: int = 1, stage: str | None = None) -> None:
        name = stage or next(reversed(self.running), None)
        if name in self.running:
            self.progress.advance(self.running[name], n)

    def finish(self) -> None:
        """Mark the running stages done (the total of one that had none becomes what was done)."""
        for task_id in self.running.values():
            task = next(t for t in self.progress.tasks if t.id == task_id)
            done = task.total if task.total is not None else task.completed
            self.progress.update(task_id, total=done, completed=done)
            self.progress.stop_task(task_id)
        self.running.clear()


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
            for task_id in shown.running.values():
                shown.progress.stop_task(task_id)  # left as it was: a failed stage is not shown done
            _display = None
        shown.progress.stop()
