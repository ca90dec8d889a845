"""Errors the CLI reports as one line (no traceback unless --debug), each with its exit code.

Exit codes: 0 done, 1 data failed validation, 2 usage or configuration error, 3 the run failed.
Raise these from any layer of flows/ where the cause is known and the fix can be named.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_VALIDATION = 1
EXIT_USAGE = 2
EXIT_FAILED = 3


class VneventsError(Exception):
    """A failure with a known cause: `str(err)` is the one line shown to the user (what is wrong, how to fix)."""
    exit_code = EXIT_FAILED


class UsageError(VneventsError):
    """Bad flags, settings, paths or configuration: nothing was run."""
    exit_code = EXIT_USAGE


class RunFailed(VneventsError):
    """The run started and could not finish (disk full, storage unreachable, ...)."""
    exit_code = EXIT_FAILED


class DataFailed(VneventsError):
    """The run finished but its data did not pass: validation failed, or every input was rejected."""
    exit_code = EXIT_VALIDATION
