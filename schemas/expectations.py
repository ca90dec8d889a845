"""great-expectations suites built from schemas/tables.py, and row-level results for quarantine.

great-expectations is imported lazily (about 4 s): only validation pays for it.
"""
from __future__ import annotations

import os

from schemas.tables import Table


def expectations_for(table: Table) -> list:
    """The suite of one table, from its column declarations."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations.expectations as gxe

    out = [gxe.ExpectTableColumnsToMatchSet(column_set=table.column_names, exact_match=False)]
    for c in table.columns:
        if not c.nullable:
            out.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.values is not None:
            out.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.values)))
        if c.regex is not None:
            out.append(gxe.ExpectColumnValuesToMatchRegex(column=c.name, regex=c.regex))
        if c.min is not None or c.max is not None:
            out.append(gxe.ExpectColumnValuesToBeBetween(column=c.name, min_value=c.min, max_value=c.max))
        if c.unique:
            out.append(gxe.ExpectColumnValuesToBeUnique(column=c.name))
    for a, b in table.ordered_pairs:
        out.append(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A=a, column_B=b, or_equal=False))
    return out


def describe(config) -> str:
    """`expect_column_values_to_be_in_set(event_root_code)` for a failed expectation."""
    kwargs = config.kwargs
    cols = kwargs.get("column") or ",".join(filter(None, (kwargs.get("column_A"), kwargs.get("column_B"))))
    return f"{config.type}({cols})" if cols else config.type
