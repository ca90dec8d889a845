"""Data Docs render offline: every script, style sheet, font and image a page loads is a local file of
the report (no CDN), and a real browser with no network draws the index's tables (Debian's chromium,
when installed)."""
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from flows.validation import validate
from schemas.tables import TABLES

CHROMIUM = shutil.which("chromium")


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    tables = {name: TABLES[name].arrow_schema().empty_table() for name in ("articles", "events", "rejects")}
    report = validate(tables, tmp_path_factory.mktemp("report"))
    return Path(report.html_index).parent


def _local(ref: str, base: Path) -> Path | None:
    """The file a reference loads, or None for data: URIs; fails on any URL with a host."""
    if ref.startswith("data:") or ref.startswith("#"):
        return None
    assert not urlparse(ref).scheme and not ref.startswith("//"), f"external reference {ref} in {base}"
    return (base / ref.split("?")[0].split("#")[0]).resolve()


def test_every_page_loads_only_local_files(docs):
    pages = sorted(docs.rglob("*.html"))
    assert len(pages) >= 7  # the index, 3 suites, 3 validation results
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        refs = [n["src"] for n in soup.find_all(["script", "img"], src=True)]
        refs += [n["href"] for n in soup.find_all("link", href=True)]
        assert any("jquery" in r for r in refs), page
        for ref in refs:
            target = _local(ref, page.parent)
            assert target is None or target.is_file(), f"{ref} from {page} is missing"
    for css in docs.rglob("*.css"):
        for ref in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            target = _local(ref, css.parent)
            assert target is None or target.is_file(), f"{ref} from {css} is missing"


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_index_renders_in_a_browser_without_network(docs, tmp_path):
    """bootstrap-table fills the index's tables from inline data: with the scripts local, the rows appear."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--dump-dom",
         (docs / "index.html").as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    soup = BeautifulSoup(done.stdout, "html.parser")
    cells = [td.get_text(strip=True) for td in soup.select("table.table td")]
    assert {"articles", "events", "rejects"} <= set(cells), done.stdout[-3000:] + done.stderr[-2000:]
