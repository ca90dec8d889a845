"""Settings: CLI flags, then `VNEVENTS_*` environment variables, then a TOML settings file, then defaults.

The settings file is `vnevents.toml` in the working directory, or the path in `VNEVENTS_CONFIG`.
Example (every key optional):

    warehouse = "/data/vnevents"
    inputs = ["/data/incoming/"]
    schedule_cron = "*/30 * * * *"
    workers = 2

`load_settings` turns every problem (bad TOML, a wrong value, an unknown key) into one UsageError line
that names where the value came from and how to fix it; the `check_*` functions are the command's
pre-flight checks, run before any Prefect server starts.
"""
from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from flows.errors import UsageError

ENV_PREFIX = "VNEVENTS_"


class Settings(BaseSettings):
    # forbid: an unknown key in vnevents.toml is an error (unknown VNEVENTS_* variables are not read at all)
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid")

    warehouse: str = Field("warehouse", description="Warehouse root: a local folder or an object-store URL "
                                                     "(`s3://bucket/vnevents`).")
    inputs: list[str] = Field(["samples/"], description="Default inputs (files, folders, globs, fsspec URLs) "
                                                       "for `vnevents run` without paths and for scheduled runs.")
    batch_size: int = Field(100, ge=1, description="Articles per task batch.")
    workers: int = Field(0, ge=0, description="Processes for extraction; 0 = one per CPU core, 1 = in-process.")
    max_input_bytes: int = Field(20_000_000, ge=1, description="Inputs larger than this are rejected (too_large).")
    retain_runs: int = Field(10, ge=0, description="Time travel: table versions of the last N runs stay readable "
                                                     "(`vnevents query --as-of RUN_ID`).")
    retain_days: float = Field(7, ge=0, description="Time travel: data files removed less than this many days ago "
                                                    "are kept as well.")
    chunk_size: int = Field(1000, ge=1, description="Inputs per validation chunk: bounds the memory of "
                                                     "validation and publishing.")
    task_runner: Literal["process", "dask"] = Field("process", description="Where cleaning and extraction run: "
                                                    "`process` (worker processes on this machine) or `dask` "
                                                    "(a distributed cluster).")
    dask_address: str | None = Field(None, description="`task_runner = dask`: scheduler address "
                                                       "(`tcp://host:8786`); none starts a local cluster.")
    input_timeout: float = Field(60.0, ge=0, description="Seconds one input's cleaning, and then its extraction, "
                                 "may take; past it the input is rejected `timeout` and the run goes on. 0 = no "
                                 "limit. Enforced in the worker processes of task runner `process` (with `workers` 1 too, one is "
                                 "started); not under `dask`, whose workers run tasks in threads.")
    text_column: str = Field("text", description="Tabular inputs: the article text column.")
    url_column: str = Field("url", description="Tabular inputs: the column that becomes `source_uri`.")
    published_column: str = Field("published", description="Tabular inputs: ISO publication date column.")
    title_column: str = Field("title", description="Tabular inputs: headline column.")
    source_column: str = Field("source", description="Tabular inputs: outlet column.")
    schedule_cron: str = Field("0 6 * * *", description="`vnevents serve`: cron schedule of the deployment.")
    schedule_interval: int | None = Field(None, ge=1, description="`vnevents serve`: seconds between scheduled "
                                                                  "runs, instead of the cron schedule.")
    deployment_name: str = Field("scheduled", min_length=1, description="`vnevents serve`: deployment name.")
    server_host: str = Field("127.0.0.1", description="`vnevents serve`: host of the Prefect server it starts.")
    server_port: int = Field(4200, ge=1, le=65535, description="`vnevents serve`: port of the Prefect server it "
                                                               "starts.")
    prefect_home: str = Field(".prefect", description="`vnevents serve`: PREFECT_HOME (SQLite database) of the "
                                                       "server it starts.")
    reports_port: int = Field(4201, ge=0, le=65535, description="`vnevents serve`: port of the HTTP server for "
                                                                "<warehouse>/reports/ (0 = any free port).")
    reports_url: str = Field("", description="Base URL under which <warehouse>/reports/ is served; Prefect "
                                             "artifacts link there (`vnevents serve` sets it; empty: file links).")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        path = config_path()
        sources = [init_settings, env_settings]
        if path.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)


def config_path() -> Path:
    return Path(os.environ.get("VNEVENTS_CONFIG", "vnevents.toml"))


def flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def load_settings(**overrides) -> Settings:
    """Settings with CLI/flow overrides applied (None means: not given). Raises UsageError (one line)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    path = config_path()
    try:
        return Settings(**given)
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: invalid TOML ({err}); fix the syntax, e.g. `batch_size = 50`, "
                         f"`inputs = [\"in/\"]`") from None
    except ValidationError as err:
        raise UsageError(_explain(err.errors()[0], given, path)) from None


def _explain(error: dict, given: dict, path: Path) -> str:
    """One line for pydantic's first error: where the value came from, what is wrong, how to fix it."""
    key = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "extra_forbidden":
        near = difflib.get_close_matches(key, Settings.model_fields, n=1, cutoff=0.5)
        hint = f"did you mean `{near[0]}`?" if near else f"valid keys: {', '.join(Settings.model_fields)}"
        return f"{path}: unknown key `{key}`: {hint}"
    field = Settings.model_fields.get(key)
    wanted = f" ({field.description.rstrip('.')})" if field and field.description else ""
    value = error.get("input")
    if key in given:
        where = f"{flag(key)} {value}"
    elif ENV_PREFIX + key.upper() in os.environ:
        where = f"{ENV_PREFIX}{key.upper()}={os.environ[ENV_PREFIX + key.upper()]}"
    else:
        where = f"{path}: {key} = {value!r}"
    return f"{where}: {error['msg'][0].lower()}{error['msg'][1:]}; give a valid {key}{wanted}"


# --- pre-flight checks: cheap, local, before any Prefect server starts --------------------------------------
def check_warehouse(root: str, must_exist: bool = False) -> str:
    """The warehouse setting checked before any server starts (nothing is created here): an empty setting,
    a file, a folder that cannot be created, a non-empty folder that is not a vnevents warehouse (no
    marker file: the warehouse never writes into user space), and with `must_exist` a warehouse that has
    published nothing yet, are UsageErrors. An object-store URL is checked by the run (credentials)."""
    from flows.warehouse import MARKER

    if not str(root).strip():
        raise UsageError("the `warehouse` setting is empty: name the warehouse folder (-w DIR, VNEVENTS_WAREHOUSE)")
    if "://" in root and not root.startswith("file://"):
        return root
    path = Path(root.removeprefix("file://")).expanduser()
    if path.exists() and not path.is_dir():
        raise UsageError(f"warehouse {root} is a file, not a folder; give a folder path with --warehouse")
    for parent in path.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"warehouse {root}: {parent} is a file; give a folder path with --warehouse")
            if not os.access(parent, os.W_OK) and not path.exists():
                raise UsageError(f"warehouse {root}: cannot create it ({parent} is not writable); "
                                 f"give another --warehouse")
            break
    marked = (path / MARKER).is_file()
    if path.is_dir() and not marked and any(path.iterdir()):
        raise UsageError(f"{root} is not empty and is not a vnevents warehouse (no {MARKER} file): choose a new "
                         f"or empty folder with --warehouse")
    if must_exist and not (marked and (path / "runs" / "_delta_log").is_dir()):
        raise UsageError(f"no published warehouse at {root}; run `vnevents run PATH -w {root}` first, "
                         f"or give the right --warehouse")
    return str(path)


def check_inputs(paths: list[str]) -> list[str]:
    """Each local input exists and the inputs name at least one file; returns the files found.
    Remote inputs (s3://...) are checked by the run itself (they may need credentials only it has)."""
    from flows import sources

    for given in paths:
        if "://" in given or any(ch in given for ch in "*?["):
            continue
        if not Path(given).expanduser().exists():
            raise UsageError(f"input {given} does not exist; give an existing file, folder, glob or URL")
    local = [p for p in paths if "://" not in p]
    try:
        found = sources.discover(local)
    except FileNotFoundError as err:
        raise UsageError(f"{err}; give an existing file, folder, glob or URL") from None
    # a folder of only other files (notes.docx) is a mistaken path, not a run of rejects; a mix runs, and
    # the run records each unsupported file as a rejected input
    named = [p for p in local if Path(p).expanduser().is_file()]
    supported = [f for f in found if f.lower().endswith(sources.SUPPORTED)]
    if not supported and not named and len(local) == len(paths):
        raise UsageError(f"no input files in {' '.join(paths)} (looked for {', '.join(sources.SUPPORTED)}); "
                         f"give files or folders that hold articles")
    return found


def check_schedule(settings: Settings) -> None:
    """The cron expression as Prefect will read it (its own validator)."""
    if settings.schedule_interval:
        return
    from prefect._internal.schemas.validators import validate_cron_string

    try:
        validate_cron_string(settings.schedule_cron)
    except ValueError:
        raise UsageError(f"invalid cron expression {settings.schedule_cron!r}: give five fields "
                         f"'minute hour day-of-month month day-of-week', e.g. --cron '0 6 * * *' "
                         f"(every day at 06:00)") from None


def check_task_runner(settings: Settings) -> None:
    """`dask_address` only with the dask runner, as `tcp://host:port` of a scheduler that answers; the dask
    runner needs prefect-dask installed."""
    if settings.task_runner != "dask":
        if settings.dask_address:
            raise UsageError(f"--dask-address {settings.dask_address} is given but the task runner is "
                             f"`{settings.task_runner}`; add --task-runner dask, or drop the address")
        return
    try:
        import prefect_dask  # noqa: F401
    except ImportError:
        raise UsageError("task runner `dask` needs prefect-dask and distributed (`pip install -r "
                         "requirements.lock`); or use --task-runner process") from None
    if not settings.dask_address:
        return
    import socket
    from urllib.parse import urlsplit

    address = settings.dask_address
    parts = urlsplit(address if "://" in address else "tcp://" + address)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or not port:
        raise UsageError(f"--dask-address {address}: give a scheduler address `tcp://host:port`, e.g. "
                         f"tcp://127.0.0.1:8786")
    if parts.scheme == "tcp":
        try:
            socket.create_connection((parts.hostname, port), timeout=5).close()
        except OSError as err:
            raise UsageError(f"--dask-address {address}: no Dask scheduler answers there ({err.strerror or err}); "
                             f"start one (`dask scheduler`), or drop the address for a local cluster") from None
