"""Print the data dictionary (docs/data_dictionary.md) from schemas/tables.py.

    python -m schemas.data_dictionary > docs/data_dictionary.md     (or: make docs)

A test fails when the committed file differs from what this prints.
"""
from __future__ import annotations

import sys

from schemas.tables import TABLES, Table


def _checks(c) -> str:
    out = []
    if not c.nullable:
        out.append("not null")
    if c.unique:
        out.append("unique")
    if c.values is not None:
        out.append("one of " + ", ".join(f"`{v}`" for v in c.values))
    if c.regex:
        out.append(f"matches `{c.regex}`")
    if c.min is not None or c.max is not None:
        out.append(f"between {c.min} and {c.max}")
    return "; ".join(out)


def table_markdown(t: Table) -> str:
    lines = [f"## `{t.name}`", "", t.doc, "",
             f"Partitioned by {', '.join(f'`{p}`' for p in t.partition_by)}. "
             + ("Append-only." if t.append_only else f"A run replaces every published row whose `{t.replace_key}` it "
                                                     "brings again, so re-runs never duplicate rows.")
             + (" Rows failing validation go to `rejects`." if t.quarantine else ""), "",
             "| column | type | meaning | checks |", "|---|---|---|---|"]
    for c in t.columns:
        lines.append(f"| `{c.name}` | `{c.type}` | {c.doc.replace('|', '/')} | {_checks(c).replace('|', '/')} |")
    return "\n".join(lines)


def render() -> str:
    head = ["# Data dictionary", "",
            "Generated from `schemas/tables.py` by `make docs`; do not edit by hand. Every table is Hive-partitioned "
            "Parquet under the warehouse root (`<root>/<table>/<partition>=<value>/*.parquet`), and "
            "`<root>/catalog.duckdb` holds one view per table. Character offsets (`char_start`, `char_end`) index "
            "`articles.text`.", ""]
    return "\n".join(head + [table_markdown(t) + "\n" for t in TABLES.values()])


if __name__ == "__main__":
    sys.stdout.write(render())
