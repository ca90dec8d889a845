"""The analyst's report, built by `vnevents report` from the corpus warehouse and opened in a real headless
Chromium (Debian's `chromium`, driven by Playwright): nothing is fetched, nothing fails, every chart draws
marks, the events table filters as one types, and the figures on the page are the catalog's."""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.errors import UsageError
from flows.report import build, parse_bound
from tests.conftest import REPO, catalog

CHROMIUM = Path(os.environ.get("VNEVENTS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("VNEVENTS_TEST_ARTIFACTS", REPO / ".test-artifacts"))
CHARTS = {"chart-monthly", "chart-goldstein", "chart-precision", "chart-actors", "chart-dyads", "chart-matrix",
          "chart-map", "chart-roots", "chart-modality", "chart-confidence"}
# what each kind of Plotly trace draws in the page's SVG
MARKS = ".main-svg g.point path, .main-svg path.js-line, .main-svg g.hm image, .main-svg path.choroplethlocation"


def test_bounds_are_whole_periods():
    assert parse_bound("2017") == dt.date(2017, 1, 1) and parse_bound("2017", end=True) == dt.date(2017, 12, 31)
    assert parse_bound("2016-02", end=True) == dt.date(2016, 2, 29) and parse_bound("2017-12", end=True) == \
        dt.date(2017, 12, 31)
    assert parse_bound("2017-05-16", end=True) == dt.date(2017, 5, 16) and parse_bound(None) is None
    for bad in ("2017-13", "17", "2017-02-30", "May 2017"):
        with pytest.raises(UsageError):
            parse_bound(bad)


def on_corpus(test):
    """The tests that need the corpus warehouse (a real flow run on ../shared/corpus)."""
    return pytest.mark.prefect(pytest.mark.corpus(pytest.mark.slow(test)))


def _sql(root, sql):
    con = catalog(root)  # catalog.duckdb, its relative paths resolved against the warehouse root
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def report(corpus_warehouse, tmp_path_factory):
    """The page, built by the real command line."""
    root, _ = corpus_warehouse
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = subprocess.run([str(Path(sys.executable).parent / "vnevents"), "report", "-w", str(root), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"report   {out}" in done.stdout and out.as_uri() in done.stdout
    return root, out


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {CHROMIUM} (Debian's chromium package; .ci/run installs it)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(report, browser):
    """The report opened from disk. Every request is intercepted: file: and data: URLs load, anything else is
    refused and recorded."""
    _, path = report
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    log = {"requests": [], "refused": [], "errors": []}
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            log["refused"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    # Plotly draws asynchronously: wait until every chart has its SVG and the map its countries
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
        .every(gd => gd._fullLayout && gd.querySelector('.main-svg'))
        && document.querySelectorAll('#chart-map path.choroplethlocation').length > 0""", timeout=60_000)
    yield page, log
    page.close()


def _figures(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('[data-figure]'))
        .map(e => [e.dataset.figure, e.textContent.trim()]))""")


@on_corpus
def test_page_loads_nothing_from_anywhere_and_logs_no_error(page):
    page, log = page
    assert log["refused"] == []
    assert log["requests"] and all(u.startswith(("file:", "data:")) for u in log["requests"]), log["requests"]
    assert log["errors"] == []
    # every script and style is inline: nothing points outside the file
    assert page.evaluate("""() => Array.from(document.querySelectorAll('script[src], link[rel=stylesheet], img[src]'))
        .length""") == 0


@on_corpus
def test_every_chart_has_rendered_marks(page):
    page, _ = page
    marks = page.evaluate("""sel => Object.fromEntries(Array.from(document.querySelectorAll('.js-plotly-plot'))
        .map(gd => [gd.id, gd.querySelectorAll(sel).length]))""", MARKS)
    assert set(marks) == CHARTS
    assert all(n > 0 for n in marks.values()), marks
    # the map draws every country of the bundled geometry, those with events in blue
    fills = page.evaluate("""() => Array.from(document.querySelectorAll('#chart-map path.choroplethlocation'))
        .map(p => p.style.fill)""")
    assert len(fills) > 150 and sum(f != "rgb(233, 233, 233)" for f in fills) > 20
    assert len(page.query_selector_all("#chart-actors g.point path")) == 20


@on_corpus
def test_figures_on_the_page_are_the_catalogs(page, report):
    page, _ = page
    root, _ = report
    shown = {k: int(v.replace(",", "")) for k, v in _figures(page).items() if k != "top_dyad"}
    assert shown["events"] == _sql(root, "select count(*) from events")[0][0]
    assert shown["happenings"] == _sql(root, "select count(*) from event_clusters")[0][0]
    for q, events, happenings in _sql(root, "select quad_class, count(*), count(distinct cluster_id) from events "
                                            "group by 1"):
        assert (shown[f"quad{q}_events"], shown[f"quad{q}_happenings"]) == (events, happenings)
    assert shown["year_only"] == _sql(root, "select count(*) from events where event_date_precision = 'year'")[0][0]
    source, target, happenings = _sql(root, """select source_actor_code, target_actor_code, count(distinct cluster_id) h
        from events where source_actor_code is not null and target_actor_code is not null
        group by 1, 2 order by h desc, count(*) desc, 1, 2 limit 1""")[0]
    assert _figures(page)["top_dyad"] == f"{source} → {target}: {happenings}"
    # the charts hold the same numbers: the CAMEO-root bars add up to each quad class, the first dyad bar is the top
    per_quad = page.evaluate("""() => Object.fromEntries(document.getElementById('chart-roots').data
        .map(t => [t.name, t.x.reduce((a, b) => a + b, 0)]))""")
    names = dict(_sql(root, "select distinct quad_class_name, quad_class from cameo_codes"))
    assert {names[n]: v for n, v in per_quad.items()} == {q: shown[f"quad{q}_events"] for q in (1, 2, 3, 4)}
    assert page.evaluate("() => document.getElementById('chart-dyads').data[0].x.at(-1)") == happenings


@on_corpus
def test_months_hold_only_events_dated_to_the_day_or_month(page, report):
    """An event known only to its year is no January event: it is counted per year, by precision."""
    page, _ = page
    root, _ = report
    bars = page.evaluate("""() => document.getElementById('chart-monthly').data
        .flatMap(t => t.x.map((x, i) => [x.slice(0, 7), t.y[i]]))""")
    assert sum(n for _, n in bars) == _sql(root, "select count(*) from events where event_date_precision in "
                                                 "('day', 'month')")[0][0]
    january = _sql(root, "select count(*) from events where event_date_precision in ('day', 'month') "
                         "and event_date between '2017-01-01' and '2017-01-31'")[0][0]
    year_only = _sql(root, "select count(*) from events where event_date_precision = 'year' "
                           "and event_date = '2017-01-01'")[0][0]
    # (the corpus holds year-only 2017 events, so a January bar that counted them would show it)
    assert year_only > 0 and sum(n for m, n in bars if m == "2017-01") == january
    precision = page.evaluate("""() => Object.fromEntries(document.getElementById('chart-precision').data
        .map(t => [t.name, t.y.reduce((a, b) => a + b, 0)]))""")
    assert precision == {f"known to the {p}": n for p, n in _sql(
        root, "select event_date_precision, count(*) from events where event_date is not null group by 1")}


def _visible_rows(page) -> list[str]:
    return page.evaluate("() => Array.from(document.querySelectorAll('#events tbody tr')).filter(r => !r.hidden)"
                         ".map(r => r.textContent)")


@on_corpus
def test_events_table_filters_by_a_typed_country_name(page, report):
    page, _ = page
    root, _ = report
    total = len(_visible_rows(page))
    assert total == _sql(root, "select count(*) from events")[0][0]
    box = page.locator("#event-filter")
    box.click()
    box.press_sequentially("Japan", delay=20)  # keystrokes, as a person types
    rows = _visible_rows(page)
    # the rows whose cells name Japan: an actor, its country or the place, or the evidence
    expected = _sql(root, """select count(*) from events_named where strip_accents(lower(concat_ws(' ',
        source_actor_name, source_actor_country_name, target_actor_name, target_actor_country_name, location_name,
        location_country_name, evidence))) like '%japan%'""")[0][0]
    assert 0 < len(rows) == expected < total
    assert all("japan" in r.lower() for r in rows)
    assert page.inner_text("#event-count") == str(expected)
    # accents and case do not matter: the Vietnamese name typed without its marks finds the same rows
    box.fill("Nhật Bản")
    with_marks = len(_visible_rows(page))
    box.fill("nhat ban")
    assert len(_visible_rows(page)) == with_marks > 0
    box.fill("")
    assert len(_visible_rows(page)) == total


@on_corpus
def test_article_text_opens_with_the_evidence_marked(page, report):
    page, _ = page
    root, _ = report
    page.locator("#event-filter").fill("Japan")
    row = page.locator("#events tbody tr:not([hidden])").first
    evidence = row.locator("td.evidence").inner_text()
    row.locator("button.text-link").click()
    dialog = page.locator("dialog#article")
    assert dialog.is_visible()
    assert dialog.locator("mark").inner_text() == evidence
    article_id = row.locator("button.text-link").get_attribute("data-article")
    text = _sql(root, f"select text from articles where article_id = '{article_id}'")[0][0]
    assert dialog.locator("#article-text").inner_text().strip() == text.strip()
    dialog.locator("button").click()
    assert not dialog.is_visible()
    page.locator("#event-filter").fill("")


@on_corpus
def test_a_click_on_a_chart_lists_its_events(page):
    page, _ = page
    page.locator("#chart-dyads").scroll_into_view_if_needed()
    box = page.locator("#chart-dyads g.point path").last.bounding_box()  # the top bar: the top dyad
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    rows = _visible_rows(page)
    assert 0 < len(rows) < 200 and all("North Korea" in r and "United States" in r for r in rows)
    page.locator("#event-filter").fill("")


@on_corpus
def test_data_quality_section_accounts_for_every_input(page, report):
    page, _ = page
    root, _ = report
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('#accounting tr')).slice(1)
        .map(r => Array.from(r.cells).map(c => c.textContent))""")
    assert sorted((o, r, int(n)) for o, r, n in shown) == sorted(
        (o, r or "", n) for o, r, n in _sql(root, "select outcome, reason, inputs from input_accounting"))
    validation = page.evaluate("""() => Array.from(document.querySelectorAll('#validation tr')).slice(1)
        .map(r => r.cells[0].textContent)""")
    assert {"articles", "events", "mentions", "timexes", "inputs"} <= set(validation)


@on_corpus
def test_screenshot_is_saved(page):
    page, _ = page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    page.evaluate("() => document.getElementById('chart-matrix').scrollIntoView()")
    page.screenshot(path=str(ARTIFACTS / "report-dyads.png"))
    for name in ("report.png", "report-dyads.png"):
        assert (ARTIFACTS / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (ARTIFACTS / name).stat().st_size > 20_000


@on_corpus
def test_a_window_keeps_events_whose_period_overlaps_it(report, tmp_path):
    """May 2017: the events dated in that month or on one of its days, and those known only to the year 2017
    (they may have happened in May); undated events are left out."""
    root, _ = report
    built = build(root, parse_bound("2017-05"), parse_bound("2017-05", end=True), tmp_path / "may.html")
    expected = _sql(root, """select count(*) from events where (event_date_precision in ('day', 'month')
        and event_date between '2017-05-01' and '2017-05-31') or (event_date_precision = 'year'
        and event_date = '2017-01-01')""")[0][0]
    assert built.figures["events"] == expected > 0
    assert built.figures["undated"] == 0 and built.figures["first"] == "2017-01-01"


@on_corpus
def test_each_run_writes_its_report_and_links_it_from_prefect_artifacts(corpus_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    root, summary = corpus_warehouse
    page = root / "reports" / summary["run_id"] / "report.html"
    assert summary["report_page"] == str(page.resolve()) and page.stat().st_size > 1_000_000
    with get_client(sync_client=True) as client:
        artifacts = {a.key: a for a in client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[summary["flow_run_id"]])))}
    assert {"validation-report", "event-report", "event-report-page"} <= set(artifacts)
    assert f"({page.resolve().as_uri()})" in artifacts["event-report-page"].data  # a markdown link
    markdown = artifacts["event-report"].data
    assert f"| this run: event records | {summary['events']:,} |" in markdown
    assert f"| warehouse: event records / happenings | {summary['events']:,} / " in markdown
    assert f"]({page.resolve().as_uri()})" in markdown

