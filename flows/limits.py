"""A time limit per input: one input whose cleaning or extraction runs past it is rejected `timeout`, and
the batch goes on with the next.

The clock is SIGALRM (an interval timer), which interrupts Python code and regular-expression matching
(`re` checks for signals while it backtracks), so it needs no helper thread or process per input. Signals
reach only a process's main thread: the worker processes of flows/parallel.py run each batch there. In
any other thread (no worker processes) the limit cannot be enforced and is skipped.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


class InputTimeout(BaseException):
    """Raised inside the work of one input when its time limit has passed. A BaseException, like
    KeyboardInterrupt, so that the `except Exception` of code it interrupts (extraction's guarded steps, a
    library) does not swallow it."""


def _raise(signum, frame):  # noqa: ARG001 - the signal handler's signature
    raise InputTimeout()


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise InputTimeout in the body once `seconds` have passed (no limit for 0/None, or off the main
    thread)."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
