"""Validation with great-expectations: each table against its suite (schemas/expectations.py).

The boundary converts Arrow to pandas (great-expectations validates pandas frames here) and imports
great-expectations lazily. Row-level failures come back as row positions with the expectation that
failed, so the caller can quarantine exactly those rows; a table-level failure (wrong columns) is a
pipeline bug and fails the run. Results are saved as JSON and as great-expectations Data Docs (HTML,
built offline) under the report folder.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from schemas.expectations import describe, expectations_for
from schemas.tables import TABLES

TABLE_LEVEL = {"expect_table_columns_to_match_set"}


@dataclass
class TableResult:
    table: str
    rows: int
    success: bool
    failures: dict[str, int] = field(default_factory=dict)  # expectation -> failing rows
    failing_rows: dict[int, list[str]] = field(default_factory=dict)  # row position -> expectations
    table_failures: list[str] = field(default_factory=list)


@dataclass
class Report:
    tables: dict[str, TableResult]
    html_index: str | None
    json_path: str

    @property
    def success(self) -> bool:
        return all(t.success for t in self.tables.values())

    def summary(self) -> dict:
        return {name: {"rows": t.rows, "success": t.success, "failures": t.failures,
                       "table_failures": t.table_failures} for name, t in self.tables.items()}


def _context(docs_dir: Path):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import (DataContextConfig, InMemoryStoreBackendDefaults,
                                                            ProgressBarsConfig)

    # in-memory stores, and only our Data Docs site (no temporary one)
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
        data_docs_sites={"vnevents": {
            "class_name": "SiteBuilder", "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)}}})
    ctx = gx.get_context(mode="ephemeral", project_config=config)
    return gx, ctx


def _frame(table: pa.Table):
    """pandas at the boundary; list columns become Python lists (no expectation reads them)."""
    df = table.to_pandas(types_mapper=None, date_as_object=True)
    return df.reset_index(drop=True)


class Validator:
    """One great-expectations context per run; each chunk of rows is validated against the same suites
    (memory holds one chunk), and the run-level report sums the chunks."""

    def __init__(self, report_dir: str | Path):
        self.report_dir = Path(report_dir).resolve()  # great-expectations wants absolute store paths
        self.report_dir.mkdir(parents=True, exist_ok=True)
        self.gx, self.ctx = _context(self.report_dir / "data_docs")
        self.source = self.ctx.data_sources.add_pandas("vnevents")
        self.checkpoints: dict = {}
        self.results: dict[str, TableResult] = {}
        self.raw: dict[str, list] = {}

    def _checkpoint(self, name: str):
        if name not in self.checkpoints:
            gx, ctx = self.gx, self.ctx
            batch = self.source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(f"{name}_batch")
            suite = ctx.suites.add(gx.ExpectationSuite(name=name, expectations=expectations_for(TABLES[name])))
            definition = ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
            self.checkpoints[name] = ctx.checkpoints.add(gx.Checkpoint(
                name=f"{name}_checkpoint", validation_definitions=[definition], actions=[],
                result_format={"result_format": "COMPLETE"}))
        return self.checkpoints[name]

    def validate(self, tables: dict[str, pa.Table]) -> dict[str, TableResult]:
        """Validate one chunk; row positions in the results are positions in these tables."""
        chunk: dict[str, TableResult] = {}
        for name, table in tables.items():
            outcome = self._checkpoint(name).run(batch_parameters={"dataframe": _frame(table)})
            result = TableResult(name, table.num_rows, outcome.success)
            for suite_result in outcome.run_results.values():
                self.raw.setdefault(name, []).append(_compact(suite_result.to_json_dict()))
                for r in suite_result.results:
                    if r.success:
                        continue
                    label = describe(r.expectation_config)
                    if r.expectation_config.type in TABLE_LEVEL:
                        result.table_failures.append(f"{label}: {r.result.get('details') or r.result}")
                        continue
                    rows = r.result.get("unexpected_index_list") or []
                    result.failures[label] = len(rows)
                    for row in rows:
                        result.failing_rows.setdefault(int(row), []).append(label)
            chunk[name] = result
            total = self.results.setdefault(name, TableResult(name, 0, True))
            total.rows += result.rows
            total.success = total.success and result.success
            for label, n in result.failures.items():
                total.failures[label] = total.failures.get(label, 0) + n
            total.table_failures.extend(result.table_failures)
        return chunk

    def finish(self) -> Report:
        """The run-level report: JSON summary (and each chunk's great-expectations results), Data Docs."""
        json_path = self.report_dir / "validation.json"
        json_path.write_text(json.dumps({"summary": {n: {"rows": r.rows, "success": r.success, "failures": r.failures,
                                                         "table_failures": r.table_failures}
                                                     for n, r in self.results.items()},
                                         "great_expectations": self.raw}, indent=1, default=str), encoding="utf-8")
        if self.results:
            self.ctx.build_data_docs(site_names=["vnevents"])
        index = self.report_dir / "data_docs" / "index.html"
        if index.exists():
            offline_docs(self.report_dir / "data_docs")
        return Report(self.results, str(index) if index.exists() else None, str(json_path))


def _compact(result: dict) -> dict:
    """A chunk's results without the lists of passing rows (they only grow with the chunk)."""
    for r in result.get("results", []):
        if r.get("success"):
            r.get("result", {}).pop("unexpected_index_list", None)
            r.get("result", {}).pop("unexpected_list", None)
    return result


def validate(tables: dict[str, pa.Table], report_dir: str | Path) -> Report:
    """Validate each table as one chunk; never raises for failing rows (they are reported for quarantine)."""
    validator = Validator(report_dir)
    chunk = validator.validate(tables)
    report = validator.finish()
    report.tables = chunk  # one chunk: the same counts, with the failing rows' positions
    return report


# --- Data Docs without a network --------------------------------------------------------------------------------
# The pages load jQuery, Bootstrap, bootstrap-table (which draws the index's tables) and Font Awesome from CDNs,
# so offline the index is blank. These are vendored in flows/data_docs_assets/ (see build_assets.py there).
ASSETS = Path(__file__).parent / "data_docs_assets"
VENDORED = {  # CDN URL (without query) -> file under static/vendor/; None: not needed, the tag is dropped
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    # a dark theme (883 kB) for browsers that prefer dark: the pages stay light offline
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": None,
}
VEGA = ("https://cdn.jsdelivr.net/npm/vega@5", "https://cdn.jsdelivr.net/npm/vega-lite@5",
        "https://cdn.jsdelivr.net/npm/vega-embed@6")  # charts: none of our suites draws one (kept if a page does)
GX_LOGO = "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/"


def offline_docs(docs_dir: Path) -> None:
    """Point every page of a Data Docs site at local copies of its scripts, styles and images."""
    import shutil

    from bs4 import BeautifulSoup

    static = docs_dir / "static"
    shutil.copytree(ASSETS, static / "vendor", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.py", "*.md", "__pycache__"))
    for css in (static / "styles").glob("*.css"):  # the dark-theme logo
        text = css.read_text(encoding="utf-8")
        css.write_text(text.replace(GX_LOGO + "full_logo_dark.png", "../images/logo-long.png"), encoding="utf-8")
    for page in docs_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        up = os.path.relpath(static, page.parent)
        charts = "vegaEmbed(" in html
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for node in soup.find_all(tag, attrs={attr: True}):
                url = node[attr].split("?")[0]
                if url in VENDORED:
                    if VENDORED[url] is None:
                        node.decompose()
                        continue
                    node[attr] = f"{up}/vendor/{VENDORED[url]}"
                    for extra in ("integrity", "crossorigin"):
                        node.attrs.pop(extra, None)
                elif url in VEGA and not charts:
                    node.decompose()
                elif url.startswith(GX_LOGO):
                    node[attr] = f"{up}/images/{url.rsplit('/', 1)[1]}"
                elif "://" not in url and "static/" in url:  # great-expectations miscounts the depth of some pages
                    node[attr] = f"{up}/{url.split('static/', 1)[1]}"
        page.write_text(str(soup), encoding="utf-8")
