"""Settings: CLI flags, then `VNEVENTS_*` environment variables, then a TOML settings file, then defaults.

The settings file is `vnevents.toml` in the working directory, or the path in `VNEVENTS_CONFIG`.
Example (every key optional):

    warehouse = "/data/vnevents"
    inputs = ["/data/incoming/"]
    schedule_cron = "*/30 * * * *"
    workers = 2
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VNEVENTS_", extra="ignore")

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
    text_column: str = Field("text", description="Tabular inputs: the article text column.")
    url_column: str = Field("url", description="Tabular inputs: the column that becomes `source_uri`.")
    published_column: str = Field("published", description="Tabular inputs: ISO publication date column.")
    title_column: str = Field("title", description="Tabular inputs: headline column.")
    source_column: str = Field("source", description="Tabular inputs: outlet column.")
    schedule_cron: str = Field("0 6 * * *", description="`vnevents serve`: cron schedule of the deployment.")
    deployment_name: str = Field("scheduled", description="`vnevents serve`: deployment name.")
    server_host: str = Field("127.0.0.1", description="`vnevents serve`: host of the Prefect server it starts.")
    server_port: int = Field(4200, description="`vnevents serve`: port of the Prefect server it starts.")
    prefect_home: str = Field(".prefect", description="`vnevents serve`: PREFECT_HOME (SQLite database) of the "
                                                       "server it starts.")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        path = Path(os.environ.get("VNEVENTS_CONFIG", "vnevents.toml"))
        sources = [init_settings, env_settings]
        if path.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)


def load_settings(**overrides) -> Settings:
    """Settings with CLI/flow overrides applied (None means: not given)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
