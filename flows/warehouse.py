"""The warehouse: one Delta Lake table per table (delta-rs), on a local folder or an object store URL.

Layout (every name below is created by vnevents; nothing else in the root is ever touched):
    <root>/.vnevents-warehouse                 marker: this folder is a vnevents warehouse
    <root>/<table>/_delta_log/                 the Delta log of each table
    <root>/<table>/<key>=<value>/part-*.parquet  the current version's data files (Hive-style partitions)
    <root>/.history/<table>/<key>=<value>/...  data files of earlier versions, kept for time travel
    <root>/.runs/<run_id>/                     one run's staging (run.json names its owner), removed at its end
    <root>/catalog.duckdb                      DuckDB views pinned to the versions of the last publish
    <root>/reports/<run_id>/                   validation results and Data Docs

Publishing commits each table once (rows replaced by key with an overwrite-by-predicate, or appended),
so a reader of one table sees the run's rows all or none; the `runs` row records every table's version
and the catalog's views read exactly those versions' files, so a catalog reader sees one run across
tables. Data files that a commit removes (tombstones) are moved out of the table folder into
`.history/` right after the commit: a plain Parquet reader of `<root>/<table>/**/*.parquet` (the gold
scorer, Spark or DuckDB without the Delta extension) then sees exactly the current rows, while
`vnevents query --as-of RUN_ID` still reads any retained version. Retention deletes from `.history/`
the files that no retained run needs, by the exact names Delta's log gives (vacuum dry run).
Delta checkpoints are not written: they are Parquet files inside `_delta_log/`, which the scorer's
`**/*.parquet` glob would read as rows.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
import urllib.parse
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows import storage
from flows.errors import RunFailed, UsageError
from schemas.tables import TABLES, Table

MARKER = ".vnevents-warehouse"
RUNS = ".runs"
HISTORY = ".history"
LOCK = ".vnevents-publish.lock"
CATALOG = "catalog.duckdb"
REPORTS = "reports"
STALE_AFTER = dt.timedelta(hours=6)  # a run on another host that has not beaten its heart for this long is dead


class WarehouseError(UsageError):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def delta_storage_options(uri: str) -> dict[str, str] | None:
    """delta-rs reads AWS_* from the environment; a plain-http endpoint (moto, MinIO) needs AWS_ALLOW_HTTP,
    and S3 commits use conditional puts (If-None-Match), so no external lock service is needed."""
    if not storage.is_remote(uri):
        return None
    options = {"conditional_put": "etag"}
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or ""
    if endpoint.startswith("http://"):
        options["AWS_ALLOW_HTTP"] = "true"
    return options


class Warehouse:
    """A warehouse root (local folder or URL) that carries the vnevents marker."""

    def __init__(self, uri: str):
        self.uri = str(uri).rstrip("/") if storage.is_remote(str(uri)) else str(uri)
        self.remote = storage.is_remote(self.uri)
        self.storage_options = delta_storage_options(self.uri)

    # --- the root ---------------------------------------------------------------------------------------
    @classmethod
    def open(cls, setting: str | None, create: bool = True) -> "Warehouse":
        """The warehouse at `setting`. A new or empty folder becomes one (the marker is written); a folder
        that holds anything but is not a warehouse is refused, as is an empty setting."""
        if setting is None or not str(setting).strip():
            raise UsageError("the `warehouse` setting is empty: name the warehouse folder (-w DIR, VNEVENTS_WAREHOUSE)")
        wh = cls(str(setting).strip())
        if storage.exists(wh.path(MARKER)):
            return wh
        fs, path = storage.fs_of(wh.uri)
        if not create:
            raise UsageError(f"no vnevents warehouse at {wh.uri} (no {MARKER} file): run `vnevents run -w {wh.uri}` "
                             "first")
        if fs.exists(path):
            if not fs.isdir(path):
                raise UsageError(f"{wh.uri} is a file, not a warehouse folder")
            if fs.ls(path, detail=False):
                raise UsageError(f"{wh.uri} is not empty and is not a vnevents warehouse (no {MARKER} file): "
                                 "choose a new or empty folder")
        elif not wh.remote:
            Path(path).mkdir(parents=True, exist_ok=True)
        storage.write_text(wh.path(MARKER), json.dumps({"vnevents_warehouse": 1, "tables": "delta",
                                                         "created_at": _now().isoformat()}) + "\n")
        return wh

    def path(self, *parts: str) -> str:
        return storage.join(self.uri, *parts)

    def display(self) -> str:
        return self.uri if self.remote else str(Path(self.uri).resolve())

    # --- runs' staging ----------------------------------------------------------------------------------
    def begin_run(self, run_id: str) -> str:
        """Create this run's staging folder with its owner file; first remove the staging of dead runs."""
        self.sweep_stale_runs()
        folder = self.path(RUNS, run_id)
        self._beat(run_id)
        return folder

    def _beat(self, run_id: str) -> None:
        import psutil

        me = psutil.Process()
        storage.write_text(self.path(RUNS, run_id, "run.json"), json.dumps({
            "run_id": run_id, "host": socket.gethostname(), "pid": os.getpid(), "pid_started": me.create_time(),
            "heartbeat_at": _now().isoformat()}))

    def heartbeat(self, run_id: str) -> None:
        with contextlib.suppress(OSError):
            self._beat(run_id)

    def end_run(self, run_id: str) -> None:
        storage.remove_tree(self.path(RUNS, run_id))

    def sweep_stale_runs(self) -> list[str]:
        """Remove `.runs/<run_id>/` of runs that are dead (their process is gone, or on another host their
        heartbeat is old). Only folders holding a run.json this program wrote are considered."""
        import psutil

        fs, path = storage.fs_of(self.path(RUNS))
        try:
            entries = fs.ls(path, detail=False)
        except FileNotFoundError:
            return []
        removed = []
        for entry in entries:
            run_id = entry.rstrip("/").rsplit("/", 1)[-1]
            text = storage.read_text(self.path(RUNS, run_id, "run.json"))
            if text is None:
                continue
            try:
                owner = json.loads(text)
            except ValueError:
                continue
            if owner.get("run_id") != run_id:
                continue
            if owner.get("host") == socket.gethostname():
                try:
                    alive = psutil.Process(owner["pid"]).create_time() == owner.get("pid_started")
                except (psutil.Error, KeyError, TypeError):
                    alive = False
            else:
                beat = dt.datetime.fromisoformat(owner.get("heartbeat_at", "1970-01-01T00:00:00+00:00"))
                alive = _now() - beat < STALE_AFTER
            if not alive:
                storage.remove_tree(self.path(RUNS, run_id))
                removed.append(run_id)
        return removed

    # --- reading ----------------------------------------------------------------------------------------
    def table_uri(self, name: str) -> str:
        return self.path(name)

    def delta(self, name: str, version: int | None = None):
        from deltalake import DeltaTable

        uri = self.table_uri(name)
        if not self.remote and os.path.exists(uri) and not os.path.isdir(uri):  # delta-rs: "Generic error"
            raise RunFailed(f"{self.display()}/{name} is a file where the Delta table `{name}` belongs; move it "
                            "out of the warehouse and run again")
        if not DeltaTable.is_deltatable(uri, storage_options=self.storage_options):
            return None
        return DeltaTable(uri, version=version, storage_options=self.storage_options)

    def versions(self) -> dict[str, int]:
        out = {}
        for name in TABLES:
            table = self.delta(name)
            if table is not None:
                out[name] = table.version()
        return out

    def files(self, name: str, version: int | None = None) -> list[str]:
        """The data files of one table version, relative to the table folder (`event_year=2020/part-…`)."""
        table = self.delta(name, version)
        if table is None:
            return []
        return sorted(str(p) for p in table.get_add_actions(flatten=True).column("path").to_pylist())

    def located(self, name: str, version: int | None = None) -> list[str]:
        """Where each file of a version is now: in the table folder, or moved to .history."""
        current = set(self.files(name))
        return [self.path(name, f) if f in current else self.path(HISTORY, name, f) for f in self.files(name, version)]

    def dataset(self, name: str, version: int | None = None) -> ds.Dataset | None:
        """The files of one table version as a pyarrow dataset (partition columns from the Hive folders)."""
        files = self.located(name, version)
        if not files:
            return None
        spec = TABLES[name]
        fs, _ = storage.fs_of(self.uri)
        partitioning = ds.partitioning(pa.schema([spec.arrow_schema().field(c) for c in spec.partition_by]),
                                       flavor="hive")
        return ds.dataset([storage.fs_of(f)[1] for f in files], filesystem=fs, format="parquet",
                          partitioning=partitioning)

    def read(self, name: str, columns: list[str] | None = None, version: int | None = None) -> pa.Table:
        """A table (partition columns included) as Arrow in its declared layout, or empty with its schema."""
        spec = TABLES[name]
        wanted = columns or spec.column_names
        data = self.dataset(name, version)
        schema = spec.arrow_schema()
        if data is None:
            return schema.empty_table().select(wanted)
        table = data.to_table(columns=[c for c in wanted if c in data.schema.names])
        for c in wanted:
            if c not in table.column_names:  # a column added after these files were written
                table = table.append_column(schema.field(c), pa.nulls(table.num_rows, schema.field(c).type))
        return table.select(wanted).cast(pa.schema([schema.field(c) for c in wanted]))

    def published_keys(self, name: str, column: str, among: pa.Array) -> pa.Array:
        """The values of `among` that the current version of `name` holds in `column` (scanned in batches)."""
        data = self.dataset(name)
        if data is None or len(among) == 0:
            return pa.array([], pa.string())
        hits = []
        for batch in data.scanner(columns=[column]).to_batches():
            col = batch.column(0).cast(pa.string())  # files other writers made may hold string_view
            hits.append(pc.filter(col, pc.is_in(col, value_set=among.cast(pa.string()))))
        return pc.unique(pa.concat_arrays(hits)) if hits else pa.array([], pa.string())

    def runs(self) -> list[dict]:
        """The run log in publishing order (the `runs` version that added each row)."""
        def order(r):
            return next((tv["version"] for tv in r["table_versions"] or [] if tv["table_name"] == "runs"), -1), \
                r["started_at"]
        return sorted(self.read("runs").to_pylist(), key=order)

    # --- publishing -------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One publisher at a time on a local warehouse. On an object store, commits rely on Delta's
        optimistic concurrency (conditional puts, retried), and replacements always use a predicate."""
        if self.remote:
            yield
            return
        with open(self.path(LOCK), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def publish(self, run_row: dict, staged: dict[str, list[str]], replace: dict[str, pa.Array],
                derive: dict[str, Callable[["Warehouse", dict[str, int]], pa.Table]] | None = None,
                retain_runs: int = 10, retain_days: float = 7.0, extra_views: dict[str, str] | None = None,
                on_step: Callable[[str], None] | None = None) -> dict[str, int]:
        """Commit one run: each table's staged files (rows whose key is in `replace[table]` are replaced),
        the derived tables recomputed from the new versions, then the `runs` row with every version.
        Returns the versions. `on_step(name)`: called after each table is written (data, derived, `runs`),
        and with `catalog` before the catalog is written (the progress display)."""
        step = on_step or (lambda name: None)
        staged_bytes = storage.size_of([f for files in staged.values() for f in files])
        try:
            with self.lock():
                self.recover()
                versions = self.versions()
                changed = set()
                for spec in TABLES.values():
                    if spec.derived or spec.name == "runs":
                        continue
                    v = self._commit(spec, staged.get(spec.name, []), replace.get(spec.name), run_row["run_id"])
                    if v is not None:
                        versions[spec.name] = v
                        changed.add(spec.name)
                    step(spec.name)
                for spec in (t for t in TABLES.values() if t.derived):
                    # recomputed when what it summarizes changed (or never written)
                    if derive and spec.name in derive and (changed & {"articles", "mentions", "events"}
                                                           or spec.name not in versions):
                        data = spec.conform(derive[spec.name](self, versions))
                        versions[spec.name] = self._write(spec, data, "overwrite", run_row["run_id"])
                    step(spec.name)
                runs_table = self.delta("runs")
                versions["runs"] = runs_table.version() + 1 if runs_table is not None else 0
                row = {**run_row, "table_versions": [{"table_name": k, "version": v} for k, v in sorted(versions.items())]}
                got = self._write(TABLES["runs"], TABLES["runs"].from_rows([row]), "append", run_row["run_id"])
                if got != versions["runs"]:  # another writer committed to `runs` in between (object store)
                    versions["runs"] = got
                step("runs")
                self.retire_tombstones()
                self.retain(retain_runs, retain_days)
                step("catalog")
                self.build_catalog(extra_views, versions)
                return versions
        except OSError as err:
            if storage.is_disk_full(err):
                raise self._disk_full(staged_bytes) from None
            raise
        except Exception as err:  # noqa: BLE001 - delta-rs reports a full disk as a generic error
            if storage.is_disk_full(err):
                raise self._disk_full(staged_bytes) from None
            raise

    def recover(self) -> dict[str, int]:
        """Roll back the commits of a publish that was killed before it recorded its `runs` row: a table
        holding such a commit (tagged with a run id the run log does not know) goes back (Delta restore,
        itself one commit) to the version the last recorded run left. Until then the catalog, pinned to
        those versions, already hides them. Commits made by other tools are left alone."""
        if self.remote:  # no lock on an object store: a running publisher's commits look the same
            return {}
        from deltalake import PostCommitHookProperties

        runs = self.runs()
        known = {r["run_id"] for r in runs}
        recorded = {tv["table_name"]: tv["version"] for tv in (runs[-1]["table_versions"] or [])} if runs else {}
        rolled = {}
        for name in TABLES:
            table = self.delta(name)
            if table is None or name == "runs":
                continue
            target = recorded.get(name)
            if not any(h.get("vnevents_run_id") not in (None, *known) for h in table.history()
                       if h.get("version", -1) > (-1 if target is None else target)):
                continue
            if target is None:
                if table.get_add_actions(flatten=True).num_rows:
                    table.delete(post_commithook_properties=PostCommitHookProperties(create_checkpoint=False))
                    rolled[name] = -1
            elif table.version() > target:
                table.restore(target, post_commithook_properties=PostCommitHookProperties(create_checkpoint=False))
                rolled[name] = target
        return rolled

    def _disk_full(self, needed: int) -> RunFailed:
        free = storage.free_bytes(self.uri)
        have = f", {free / 1e6:.1f} MB free" if free is not None else ""
        return RunFailed(f"disk full while publishing to {self.display()}: the run needs about "
                         f"{max(needed, 1) * 2 / 1e6:.1f} MB free there{have}; free some space and run again "
                         "(the previous state of every table is intact)")

    def _scan_staged(self, spec: Table, files: list[str]) -> pa.RecordBatchReader:
        fs, _ = storage.fs_of(files[0])
        data = ds.dataset([storage.fs_of(f)[1] for f in files], filesystem=fs, format="parquet",
                          schema=spec.arrow_schema())
        # one staged file read at a time (each holds one validation chunk), so memory holds about one chunk
        return data.scanner(batch_size=4096, batch_readahead=1, fragment_readahead=1).to_reader()

    def _commit(self, spec: Table, files: list[str], keys: pa.Array | None, run_id: str) -> int | None:
        """One commit: the staged rows appended and, when the run brings keys already published, every data
        file holding them replaced by a copy without those rows, in one Delta transaction (a reader sees
        the old rows or the new ones, never both or neither). Memory does not grow with the run: the
        staged files stream into new data files (pyarrow's dataset writer) and a replaced file is copied
        batch by batch, and delta-rs only commits the files' add and remove actions. (delta-rs's
        `write_deltalake` held a commit's data in memory: 20,000 synthetic articles of 11 KB took 860 MB
        more to append, 830 MB to replace; this takes 110-120 MB. README, "Where the memory is".)"""
        from deltalake import Schema
        from deltalake.transaction import create_table_with_add_actions

        current = self.delta(spec.name)
        if not files and (keys is None or len(keys) == 0 or current is None):
            if current is None:  # every table exists, empty, from the first publish on
                return self._write(spec, spec.empty(), "append", run_id)
            return None
        actions = self._write_staged(spec, files, run_id) if files else []
        if current is not None and keys is not None and len(keys):
            actions += self._without_keys(spec, current, keys, run_id)
        if not actions:
            return None
        partition_by = list(spec.partition_by) or None
        if current is None:
            create_table_with_add_actions(self.table_uri(spec.name), Schema.from_arrow(spec.arrow_schema()), actions,
                                          mode="append", partition_by=partition_by, configuration=_CONFIG,
                                          storage_options=self.storage_options, **self._commit_options(run_id))
        else:
            current.create_write_transaction(actions, mode="append", schema=spec.arrow_schema(),
                                             partition_by=partition_by, **self._commit_options(run_id))
        return self.delta(spec.name).version()

    def _write_staged(self, spec: Table, files: list[str], run_id: str) -> list:
        """The staged rows as new data files under the table folder (Hive partitions, as delta-rs lays them
        out: partition columns only in the path); their add actions. The writer buffers nothing: each
        staged batch's rows of a partition are written as they come (a row group each), so memory holds
        about one batch, and one file per partition takes them all (up to _ROWS_PER_FILE rows)."""
        fs, root = storage.fs_of(self.table_uri(spec.name))
        written: list = []
        partitioning = ds.partitioning(pa.schema([spec.arrow_schema().field(c) for c in spec.partition_by]),
                                       flavor="hive") if spec.partition_by else None
        ds.write_dataset(self._scan_staged(spec, files), root, filesystem=fs, format="parquet",
                         partitioning=partitioning, basename_template=f"part-{run_id}-{uuid.uuid4().hex[:8]}-{{i}}.parquet",
                         file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
                         max_rows_per_file=_ROWS_PER_FILE, max_rows_per_group=_ROWS_PER_FILE,
                         existing_data_behavior="overwrite_or_ignore",
                         use_threads=False, file_visitor=written.append)
        now = _millis()
        return [_add_action(f.path[len(root.rstrip("/")) + 1:], f.size, f.metadata.num_rows, now) for f in written]

    def _without_keys(self, spec: Table, current, keys: pa.Array, run_id: str) -> list:
        """For each current data file holding any of `keys` (in the table's replace key): its remove action
        and, unless no row is left, the add action of a copy without those rows (copied batch by batch)."""
        from deltalake.transaction import RemoveAction

        fs, root = storage.fs_of(self.table_uri(spec.name))
        wanted = keys.cast(pa.string())
        actions: list = []
        now = _millis()
        for entry in pa.table(current.get_add_actions(flatten=True)).select(["path", "size_bytes"]).to_pylist():
            rel = urllib.parse.unquote(entry["path"])  # the log's path escaped, see _quote
            source = f"{root.rstrip('/')}/{rel}"
            with fs.open(source, "rb") as handle:
                present = pq.ParquetFile(handle).read(columns=[spec.replace_key])[spec.replace_key]
            if not pc.any(pc.is_in(present.cast(pa.string()), value_set=wanted)).as_py():
                continue
            actions.append(RemoveAction(entry["path"], True, now, entry["size_bytes"], _partition_values(rel)))
            folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
            copy = f"{folder}part-{run_id}-{uuid.uuid4().hex[:8]}-kept.parquet"
            rows, size = _copy_without(fs, source, f"{root.rstrip('/')}/{copy}", spec.replace_key, wanted,
                                       spec.arrow_schema())
            if rows:
                actions.append(_add_action(copy, size, rows, now))
        return actions

    def _commit_options(self, run_id: str) -> dict:
        """Every commit is tagged with the run that made it (what `recover` rolls back); no checkpoints
        (Parquet files in _delta_log/ that a plain `**/*.parquet` reader would take for rows)."""
        from deltalake import CommitProperties, PostCommitHookProperties

        return {"commit_properties": CommitProperties(custom_metadata={"vnevents_run_id": run_id},
                                                      max_commit_retries=20),
                "post_commithook_properties": PostCommitHookProperties(create_checkpoint=False,
                                                                       cleanup_expired_logs=False)}

    def _write(self, spec: Table, data, mode: str, run_id: str, predicate: str | None = None) -> int:
        """One Delta commit of data held in memory (derived tables, the `runs` row, a new empty table)."""
        from deltalake import write_deltalake

        write_deltalake(self.table_uri(spec.name), data, mode=mode, predicate=predicate,
                        partition_by=list(spec.partition_by) or None, storage_options=self.storage_options,
                        configuration=_CONFIG, **self._commit_options(run_id))
        return self.delta(spec.name).version()

    # --- time travel and retention ----------------------------------------------------------------------
    def retire_tombstones(self) -> int:
        """Move data files that the current versions no longer reference out of the table folders into
        .history/ (names from Delta's log, so only files Delta wrote). Also finishes the work of a
        publish killed between its commit and this step."""
        moved = 0
        fs, _ = storage.fs_of(self.uri)
        for name in TABLES:
            table = self.delta(name)
            if table is None:
                continue
            gone = table.vacuum(retention_hours=0, dry_run=True, enforce_retention_duration=False)
            for rel in gone:
                src, dst = storage.fs_of(self.path(name, rel))[1], storage.fs_of(self.path(HISTORY, name, rel))[1]
                if not fs.exists(src):
                    continue
                if self.remote:
                    fs.mv(src, dst)
                else:
                    Path(dst).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(src, dst)
                moved += 1
        return moved

    def retain(self, keep_runs: int, keep_days: float) -> int:
        """Delete the data files no version needs that a retained run pinned or that were removed less
        than `keep_days` ago (Delta's vacuum, dry run, lists them by name; they are deleted from
        .history/ or, not yet moved, from the table folder)."""
        runs = self.runs()[-keep_runs:] if keep_runs > 0 else []
        pinned: dict[str, set[int]] = {}
        for r in runs:
            for tv in r.get("table_versions") or []:
                pinned.setdefault(tv["table_name"], set()).add(tv["version"])
        fs, _ = storage.fs_of(self.uri)
        deleted = 0
        for name in TABLES:
            table = self.delta(name)
            if table is None:
                continue
            keep = sorted(pinned.get(name, set()) | {table.version()})
            expired = table.vacuum(retention_hours=int(keep_days * 24), dry_run=True, enforce_retention_duration=False,
                                   keep_versions=keep)
            for rel in expired:
                for where in (self.path(HISTORY, name, rel), self.path(name, rel)):
                    p = storage.fs_of(where)[1]
                    if fs.exists(p):
                        fs.rm(p)
                        deleted += 1
        return deleted

    def versions_of_run(self, run_id: str) -> dict[str, int]:
        rows = [r for r in self.read("runs").to_pylist() if r["run_id"] == run_id]
        if not rows:
            raise UsageError(f"no run {run_id} in {self.display()} (see `vnevents query \"select run_id from runs\"`)")
        return {tv["table_name"]: tv["version"] for tv in rows[0]["table_versions"] or []}

    # --- DuckDB catalog ---------------------------------------------------------------------------------
    def view_sql(self, con, spec: Table, version: int | None, relative: bool) -> str:
        """A view over the files of one table version; relative paths resolve against the warehouse root
        (DuckDB's file_search_path, or a client started in the warehouse folder)."""
        cols = ", ".join(f'"{c}"' for c in spec.column_names)
        files = self.located(spec.name, version) if self.delta(spec.name) is not None else []
        if not files:
            empty = con.from_arrow(spec.empty())
            types = dict(zip(empty.columns, (str(t) for t in empty.types)))
            nulls = ", ".join(f'CAST(NULL AS {types[c]}) AS "{c}"' for c in spec.column_names)
            return f"SELECT {nulls} WHERE false"
        if relative:
            root = storage.fs_of(self.uri)[1].rstrip("/") + "/"
            files = [storage.fs_of(f)[1][len(root):] for f in files]
        listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
        types = con.from_arrow(spec.empty())
        hive = ", ".join(f"'{c}': '{t}'" for c, t in zip(types.columns, types.types) if c in spec.partition_by)
        options = "hive_partitioning=true, union_by_name=true" + (f", hive_types={{{hive}}}" if hive else "")
        return f"SELECT {cols} FROM read_parquet([{listed}], {options})"

    def build_catalog(self, extra_views: dict[str, str] | None = None, versions: dict[str, int] | None = None) -> str:
        """Write <root>/catalog.duckdb: one view per table over the files of `versions` (default: the
        current ones), paths relative to the root, in DuckDB's v1.0 storage format so DuckDB 1.x clients
        (and the BI tools that embed them) open it. Written aside and renamed into place."""
        if extra_views is None:
            from flows.catalog import extra_views as default_views
            extra_views = default_views()
        local_dir = Path(self.uri) if not self.remote else Path(_tempdir())
        tmp = local_dir / (CATALOG + ".tmp")
        for leftover in (tmp, local_dir / (CATALOG + ".tmp.wal")):
            if leftover.exists():
                leftover.unlink()
        con = self._duckdb()
        try:
            con.execute(f"ATTACH '{tmp.as_posix()}' AS cat (STORAGE_VERSION 'v1.0.0')")
            for spec in TABLES.values():
                version = (versions or {}).get(spec.name)
                con.execute(f"CREATE OR REPLACE VIEW cat.{spec.name} AS "
                            f"{self.view_sql(con, spec, version, not self.remote)}")
            con.execute("USE cat")
            for name, sql in extra_views.items():
                con.execute(f"CREATE OR REPLACE VIEW cat.{name} AS {sql}")
            con.execute("USE memory")
            con.execute("DETACH cat")
        finally:
            con.close()
        if self.remote:
            fs, path = storage.fs_of(self.path(CATALOG))
            fs.put(str(tmp), path)
            tmp.unlink()
            return self.path(CATALOG)
        os.replace(tmp, local_dir / CATALOG)
        return str(local_dir / CATALOG)

    def _duckdb(self):
        """A DuckDB connection that resolves the catalog's relative paths (or reads the object store)."""
        import duckdb

        con = duckdb.connect()
        if self.remote:
            con.register_filesystem(storage.fs_of(self.uri)[0])
        else:
            con.execute(f"SET file_search_path='{Path(self.uri).resolve().as_posix()}'")
        return con

    def connect(self, as_of: str | None = None):
        """A DuckDB connection with one view per table: the catalog (read-only) for a local warehouse, or
        views built here for a run's versions (`as_of`) or a remote warehouse (read through fsspec)."""
        import duckdb

        if as_of is None and not self.remote:
            if not storage.exists(self.path(CATALOG)):
                if self.delta("runs") is None:
                    raise UsageError(f"no published tables at {self.display()}: run `vnevents run` first")
                self.build_catalog()
            con = duckdb.connect(self.path(CATALOG), read_only=True)
            con.execute(f"SET file_search_path='{Path(self.uri).resolve().as_posix()}'")
            return con
        versions = self.versions_of_run(as_of) if as_of else None
        con = self._duckdb()
        from flows.catalog import extra_views
        for spec in TABLES.values():
            con.execute(f"CREATE VIEW {spec.name} AS "
                        f"{self.view_sql(con, spec, (versions or {}).get(spec.name), not self.remote)}")
        for name, sql in extra_views().items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
        return con


_CONFIG = {"delta.checkpointInterval": "1000000000"}
_ROWS_PER_FILE = 200_000  # new data files; delta-rs's default target size gives about as many rows of articles


def _millis() -> int:
    return int(_now().timestamp() * 1000)


def _quote(rel: str) -> str:
    """A data file's path (on disk, relative to the table) as the Delta log holds it, escaped as delta-rs
    escapes it: the Hive folder `p=x%20y` is `p=x%2520y` in the log."""
    return urllib.parse.quote(rel, safe="/=")


def _partition_values(rel: str) -> dict[str, str | None]:
    """Partition values from a data file's Hive folders (`event_year=2020/event_month=3/part-…`)."""
    values: dict[str, str | None] = {}
    for segment in rel.split("/")[:-1]:
        key, _, value = segment.partition("=")
        value = urllib.parse.unquote(value)
        values[urllib.parse.unquote(key)] = None if value == "__HIVE_DEFAULT_PARTITION__" else value
    return values


def _add_action(rel: str, size: int, rows: int, millis: int):
    from deltalake.transaction import AddAction

    return AddAction(path=_quote(rel), size=size, partition_values=_partition_values(rel), modification_time=millis,
                     data_change=True, stats=json.dumps({"numRecords": rows}))


def _copy_without(fs, source: str, target: str, key: str, dropped: pa.Array, declared: pa.Schema) -> tuple[int, int]:
    """Copy a Parquet file without the rows whose `key` is in `dropped`, batch by batch, its columns in
    their `declared` types (delta-rs's own rewrites, e.g. `update`, write string_view); (rows, bytes)
    written (nothing is written when no row is left)."""
    rows, writer, out = 0, None, None
    try:
        with fs.open(source, "rb") as handle:
            parquet = pq.ParquetFile(handle)
            schema = pa.schema([pa.field(f.name, declared.field(f.name).type if f.name in declared.names else f.type,
                                         nullable=f.nullable) for f in parquet.schema_arrow])
            for batch in parquet.iter_batches(batch_size=4096):
                batch = batch.cast(schema)
                kept = batch.filter(pc.invert(pc.is_in(batch.column(key), value_set=dropped)))
                if not kept.num_rows:
                    continue
                if writer is None:
                    out = fs.open(target, "wb")
                    writer = pq.ParquetWriter(out, schema, compression="zstd")
                writer.write_batch(kept)
                rows += kept.num_rows
    finally:
        if writer is not None:
            writer.close()
        if out is not None:
            out.close()
    return rows, (fs.size(target) if rows else 0)


def _tempdir() -> str:
    import tempfile
    return tempfile.mkdtemp(prefix="vnevents-catalog-")


def open_warehouse(setting: str | None, create: bool = True) -> Warehouse:
    return Warehouse.open(setting, create=create)
