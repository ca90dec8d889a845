"""The CLI: every bad use is one line `error: ...` with its exit code (flows/errors.py), found before any
Prefect server starts; and query/validate/run on a real published warehouse."""
import json
import re

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import SAMPLES, SEED_1

SEEDS = str(SAMPLES / "seeds")


@pytest.fixture(autouse=True)
def no_server(monkeypatch, tmp_path):
    """A Prefect API nobody listens on: a command that got past its checks to a flow run would fail with
    another message and exit code. The CLI's own environment changes are undone after each test."""
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.delenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", raising=False)
    monkeypatch.delenv("VNEVENTS_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def one_line(result, code: int) -> str:
    """The single stderr line of a failed command (asserting its exit code, and no traceback)."""
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# --- bad uses: one line, exit 2, before any server ------------------------------------------------------
def test_input_that_does_not_exist(tmp_path):
    result = cli("run", "/no/such/folder", "-w", str(tmp_path / "wh"))
    assert one_line(result, 2) == "error: input /no/such/folder does not exist; give an existing file, folder, " \
                                  "glob or URL"
    assert not (tmp_path / "wh").exists()


def test_json_error_object_on_stdout():
    result = cli("run", "/no/such/folder", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "error": "input /no/such/folder does not exist; give an existing file, folder, glob or URL", "exit_code": 2}


def test_batch_size_zero():
    assert one_line(cli("run", SEEDS, "--batch-size", "0"), 2) == (
        "error: --batch-size 0: input should be greater than or equal to 1; give a valid batch_size "
        "(Articles per task batch)")


def test_empty_folder_has_no_inputs(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_bytes(b"x")  # not an input type: a folder of only such files is a mistaken path
    line = one_line(cli("run", "empty"), 2)
    assert line.startswith("error: no input files in empty (looked for .txt, .txt.gz, .html")
    assert line.endswith("give files or folders that hold articles")


def test_warehouse_that_is_a_file(tmp_path):
    (tmp_path / "wh.txt").write_text("not a folder")
    expected = "error: warehouse wh.txt is a file, not a folder; give a folder path with --warehouse"
    assert one_line(cli("run", SEEDS, "-w", "wh.txt"), 2) == expected
    assert one_line(cli("query", "select 1", "-w", "wh.txt"), 2) == expected


def test_query_on_missing_warehouse():
    assert one_line(cli("query", "select 1", "-w", "nowhere"), 2) == (
        "error: no published warehouse at nowhere; run `vnevents run PATH -w nowhere` first, or give the "
        "right --warehouse")


def test_validate_and_catalog_without_warehouse():
    for command in ("validate", "catalog"):
        assert one_line(cli(command, "-w", "nowhere"), 2).startswith("error: no published warehouse at nowhere")


def test_query_format_is_checked():
    assert one_line(cli("query", "select 1", "--format", "parquet"), 2) == (
        "error: Invalid value for '--format': Value error, 'parquet' is not one of 'table', 'csv', 'json'. "
        "(see `vnevents query --help`)")


def test_invalid_cron_before_any_server():
    assert one_line(cli("serve", "--cron", "61 * * * *", "--input", SEEDS), 2) == (
        "error: invalid cron expression '61 * * * *': give five fields 'minute hour day-of-month month "
        "day-of-week', e.g. --cron '0 6 * * *' (every day at 06:00)")


def test_serve_makes_local_paths_absolute_and_leaves_an_object_store_url_as_given(tmp_path, monkeypatch):
    """What the deployment records: relative inputs and warehouse against the folder serve starts in; an
    s3:// warehouse is a URL, not a path under that folder."""
    import socket

    from flows.serve import prepare
    from flows.settings import load_settings

    monkeypatch.delenv("PREFECT_API_URL")
    with socket.socket() as s:  # a port no Prefect server listens on, free for the one serve would start
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    local = prepare(load_settings(warehouse="wh", inputs=[SEEDS], server_port=port, reports_port=0))
    assert local.warehouse == str(tmp_path / "wh") and local.inputs == [SEEDS]
    remote = prepare(load_settings(warehouse="s3://bucket/vnevents", server_port=port, reports_port=0,
                                   inputs=[SEEDS]))
    assert remote.warehouse == "s3://bucket/vnevents"


def test_prefect_api_that_does_not_answer():
    assert one_line(cli("run", SEEDS), 2) == (
        "error: PREFECT_API_URL=http://127.0.0.1:9/api does not answer; start that Prefect server, or unset "
        "PREFECT_API_URL to let `vnevents run` start a temporary one")


def test_report_bad_uses():
    assert one_line(cli("report", "-w", "nowhere"), 2) == (
        "error: no published warehouse at nowhere; run `vnevents run PATH -w nowhere` first, or give the "
        "right --warehouse")
    assert one_line(cli("report", "--since", "last week"), 2) == (
        "error: not a date: 'last week' (use YYYY, YYYY-MM or YYYY-MM-DD)")


def test_unknown_command():
    assert one_line(cli("frobnicate"), 2) == "error: No such command 'frobnicate'. (see `vnevents --help`)"


@pytest.mark.parametrize("toml, expected", [
    ('warehous = "/data/wh"\n', "error: vnevents.toml: unknown key `warehous`: did you mean `warehouse`?"),
    ("batch_sise = 10\n", "error: vnevents.toml: unknown key `batch_sise`: did you mean `batch_size`?"),
    ("batch_size = 0\n", "error: vnevents.toml: batch_size = 0: input should be greater than or equal to 1; "
                         "give a valid batch_size (Articles per task batch)"),
    ('workers = "two"\n', "error: vnevents.toml: workers = 'two': input should be a valid integer, unable to "
                          "parse string as an integer; give a valid workers (Processes for extraction; 0 = one "
                          "per CPU core, 1 = in-process)"),
    ("batch_size = \n", "error: vnevents.toml: invalid TOML (Invalid value (at line 1, column 14)); fix the "
                        "syntax, e.g. `batch_size = 50`, `inputs = [\"in/\"]`"),
])
def test_settings_file_problems(tmp_path, toml, expected):
    (tmp_path / "vnevents.toml").write_text(toml)
    assert one_line(cli("query", "select 1"), 2) == expected


def test_settings_file_named_by_environment(tmp_path, monkeypatch):
    (tmp_path / "conf.toml").write_text("retain_run = 2\n")
    monkeypatch.setenv("VNEVENTS_CONFIG", str(tmp_path / "conf.toml"))
    assert one_line(cli("run", SEEDS), 2) == (
        f"error: {tmp_path / 'conf.toml'}: unknown key `retain_run`: did you mean `retain_runs`?")


def test_bad_environment_variable(monkeypatch):
    monkeypatch.setenv("VNEVENTS_WORKERS", "-1")
    assert one_line(cli("run", SEEDS), 2) == (
        "error: VNEVENTS_WORKERS=-1: input should be greater than or equal to 0; give a valid workers "
        "(Processes for extraction; 0 = one per CPU core, 1 = in-process)")


def test_debug_adds_the_traceback():
    result = cli("run", "/no/such/folder", "--debug")
    assert result.exit_code == 2
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.splitlines()[-1] == ("error: input /no/such/folder does not exist; give an existing file, "
                                              "folder, glob or URL")


def test_version_and_help_with_defaults():
    result = cli("--version")
    from flows.stages.version import VERSION, extraction_version
    # the version the runs table records, with the extraction version that decides what is re-coded
    assert result.exit_code == 0 and result.stdout.startswith(
        f"vnevents {VERSION} (extraction {extraction_version()}, prefect 3.8.8")
    text = " ".join(cli("run", "--help").stdout.replace("│", " ").split())
    for default in ("[default: (warehouse)]", "[default: (100)]", "[default: (samples/)]"):
        assert default in text, text
    text = " ".join(cli("serve", "--help").stdout.replace("│", " ").split())
    assert "[default: (0 6 * * *)]" in text and "[default: (scheduled)]" in text


# --- on a real published warehouse -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_server):
    from flows.news_to_events import news_to_events

    root = tmp_path_factory.mktemp("cli_wh")
    news_to_events(paths=[str(SEED_1)], warehouse=str(root), workers=1)
    return root


@pytest.fixture
def api(prefect_server, monkeypatch):
    """The session's real test server instead of the unreachable one."""
    from prefect.settings import PREFECT_API_URL

    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())


@pytest.mark.prefect
def test_query_json(warehouse):
    result = cli("query", "select count(*) as n from articles", "-w", str(warehouse), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 1}]


@pytest.mark.prefect
def test_query_reports_bad_sql(warehouse):
    line = one_line(cli("query", "select nope from articles", "-w", str(warehouse)), 2)
    assert line.startswith('error: SQL: Binder Error: Referenced column "nope" not found in FROM clause!')


@pytest.mark.prefect
def test_validate_published_tables(warehouse):
    result = cli("validate", "-w", str(warehouse))
    assert result.exit_code == 0, result.output
    assert "events" in result.stdout and "FAILED" not in result.stdout


@pytest.mark.prefect
def test_validate_with_relative_warehouse(warehouse, monkeypatch):
    monkeypatch.chdir(warehouse.parent)
    result = cli("validate", "-w", warehouse.name)
    assert result.exit_code == 0, result.output


def test_query_as_of_a_run(warehouse):
    from flows.warehouse import Warehouse

    [run_id] = [r["run_id"] for r in Warehouse(str(warehouse)).runs()]
    result = CliRunner().invoke(app, ["query", "select count(*) as n from articles", "-w", str(warehouse),
                                      "--format", "json", "--as-of", run_id])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 1}]
    result = CliRunner().invoke(app, ["query", "select 1", "-w", str(warehouse), "--as-of", "no-such-run"])
    assert result.exit_code != 0


def test_reprocess_needs_what(warehouse):
    result = CliRunner().invoke(app, ["reprocess", "-w", str(warehouse)])
    assert result.exit_code == 2


@pytest.mark.prefect
def test_run_where_every_input_is_rejected(tmp_path, api):
    """Inputs that are all rejected: the ledger and the rejects are published, and the run exits 1."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.txt").write_text("   \n\n")
    (tmp_path / "in" / "english.txt").write_text("The quick brown fox jumps over the lazy dog. " * 5)
    result = cli("run", "in", "-w", "wh", "--workers", "1", "--json")
    assert result.exit_code == 1, result.output
    out = json.loads(result.stdout)
    assert out["error"].startswith("all 2 inputs were rejected, no article published; see why: vnevents query")
    assert out["exit_code"] == 1 and out["summary"]["rejected"] == 2
    rows = json.loads(cli("query", "select source_uri, reason from rejects order by 1", "-w", "wh", "--format",
                          "json").stdout)
    assert rows == [{"source_uri": "in/blank.txt", "reason": "empty"},
                    {"source_uri": "in/english.txt", "reason": "not_vietnamese"}]


@pytest.mark.prefect
def test_run_prints_summary_and_progress(tmp_path, api):
    """The installed entry point in a process of its own: summary on stdout, one progress display on stderr,
    none of Prefect's per-task lines."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(SEED_1), "-w", "wh", "--workers", "1"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "inputs        1: 1 articles, 0 duplicates, 0 rejected" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert [line.split()[0] for line in lines] == ["start", "ingest", "deduplicate", "extract", "validate",
                                                   "data-docs", "publish", "catalog", "report"], done.stderr
    for line in lines:  # every stage ends with all its items done, its elapsed time and an ETA of nothing left
        assert re.search(r" (\d+)/\1 \S+ .*\d+:\d\d:\d\d ETA 0:00:00$", line), line


@pytest.mark.prefect
def test_failed_run_is_one_line_and_exit_3(tmp_path, api):
    """A run that cannot finish (here: the warehouse holds a file where the `events` table belongs, found
    when the publish reads the tables)."""
    from flows.warehouse import MARKER

    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / MARKER).write_text("{}\n")
    (tmp_path / "wh" / "events").write_text("not a table folder")
    result = cli("run", str(SEED_1), "-w", "wh", "--workers", "1")
    assert result.exit_code == 3
    *shown, line = result.stderr.splitlines()
    assert [s.split()[0] for s in shown] == ["start", "ingest", "deduplicate", "extract", "validate", "data-docs",
                                             "publish"]
    assert line == (f"error: {tmp_path / 'wh'}/events is a file where the Delta table `events` belongs; move it "
                    "out of the warehouse and run again")
