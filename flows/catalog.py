"""Views beside the table views in catalog.duckdb: conveniences for analysts and BI tools."""
from __future__ import annotations


def extra_views() -> dict[str, str]:
    return {
        # the accounting in one query: every input ended as an article, a duplicate or a reject
        "input_accounting": "SELECT outcome, reason, count(*) AS inputs FROM inputs GROUP BY ALL ORDER BY inputs DESC",
    }
