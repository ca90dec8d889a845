"""Rows of `rejects` (an input or a table's row that could not be published, with the shell command that
replays it). No polars: extraction builds them in the worker processes."""
from __future__ import annotations

import datetime as dt
import shlex

from flows.stages.extract import hash_id


def replay_command(origin: str, reason: str) -> str:
    """The shell command that re-runs an input (its file, for a table's row), every argument quoted: a
    path or URL may hold quotes, `;` or `$(...)`. A timed-out input is replayed without the time limit."""
    args = ["vnevents", "run", origin]
    if reason == "timeout":
        args = ["env", "VNEVENTS_INPUT_TIMEOUT=0", *args]
    return shlex.join(args)


def reject_row(input_id: str, source_uri: str, stage: str, reason: str, detail: str | None, when: dt.datetime,
               run_id: str, table_name: str | None = None, row_json: str | None = None,
               origin: str | None = None) -> dict:
    """`origin`: the file the input was read from (a table's row: the table), what the replay re-runs."""
    return {"reject_id": hash_id(input_id, stage, reason, table_name, row_json), "input_id": input_id,
            "source_uri": source_uri, "stage": stage, "reason": reason, "detail": detail, "table_name": table_name,
            "row_json": row_json, "replay": replay_command(origin or source_uri, reason), "rejected_at": when,
            "reject_date": when.date().isoformat(), "run_id": run_id}
