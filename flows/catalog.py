"""Views beside the table views in catalog.duckdb: conveniences for analysts and BI tools."""
from __future__ import annotations


def extra_views() -> dict[str, str]:
    return {
        # the accounting in one query: every input ended as an article, a duplicate or a reject
        "input_accounting": "SELECT outcome, reason, count(*) AS inputs FROM inputs GROUP BY ALL ORDER BY inputs DESC",
        # one row per canonical entity seen, with its mention count
        "entity_counts": ("SELECT entity_id, entity_type, any_value(entity_code) AS entity_code, "
                          "mode(canonical_name) AS canonical_name, count(*) AS mentions, "
                          "count(DISTINCT article_id) AS articles FROM mentions GROUP BY ALL ORDER BY mentions DESC"),
    }
