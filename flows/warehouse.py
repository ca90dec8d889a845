"""The warehouse: Hive-partitioned Parquet tables under a root folder, published atomically and idempotently.

Layout:
    <root>/articles -> current/articles          one stable symlink per table: what readers open
    <root>/current  -> .snapshots/000007-<run>   swapped in one atomic rename per publish
    <root>/.snapshots/<n>-<run>/<table>/<key>=<value>/part-<run>-<i>.parquet
    <root>/catalog.duckdb                        one view per table, for DuckDB and BI tools
    <root>/reports/<run_id>/                     validation results and Data Docs

A publish builds the next snapshot beside the current one: files holding no row the run replaces are
hard-linked (no copy), files holding some are rewritten without those rows, and the run's rows are
written as new files. Only then does `current` move, with os.replace, so a reader sees the old
snapshot or the new one, never a mix; a publish killed part-way leaves a `.tmp` folder that the next
publish removes. Re-running the same input replaces its rows (keyed by article_id / input_id), so
row counts stay the same. pyarrow's write_dataset `delete_matching` is not atomic, hence this.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.errors import UsageError
from schemas.tables import TABLES, Table

SNAPSHOTS = ".snapshots"


class WarehouseError(RuntimeError):
    pass


def check_root(root: str) -> Path:
    if "://" in str(root):
        raise UsageError(f"the warehouse must be a local folder (got {root}); inputs may be fsspec URLs")
    path = Path(root)
    if path.exists() and not path.is_dir():
        raise UsageError(f"warehouse {root} is a file, not a folder; give a folder path with --warehouse")
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def _lock(root: Path):
    """One publisher at a time per warehouse."""
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_snapshot(root: Path) -> Path | None:
    link = root / "current"
    return link.resolve() if link.is_symlink() and link.resolve().exists() else None


def table_files(root: Path, name: str) -> list[Path]:
    snap = current_snapshot(root)
    return sorted((snap / name).rglob("*.parquet")) if snap and (snap / name).exists() else []


def read_table(root: str | Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """A published table as Arrow (partition columns included), or an empty table with its schema."""
    root = Path(root)
    table = TABLES[name]
    files = table_files(root, name)
    if not files:
        return table.arrow_schema().empty_table().select(columns or table.column_names)
    partitioning = ds.partitioning(pa.schema([(c, pa.string()) for c in table.partition_by]), flavor="hive")
    dataset = ds.dataset([str(f) for f in files], format="parquet", partitioning=partitioning,
                         partition_base_dir=str(current_snapshot(root) / name))
    return dataset.to_table(columns=[c for c in (columns or table.column_names) if c in dataset.schema.names])


def _write_file(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")


def _carry_over(old: Path, new: Path, table: Table, replaced: set[str]) -> None:
    """Bring the old snapshot's files of one table into the new one, minus the replaced rows."""
    source = old / table.name
    if not source.exists():
        return
    keys = pa.array(sorted(replaced), pa.string()) if replaced else None
    for f in source.rglob("*.parquet"):
        target = new / f.relative_to(old)
        target.parent.mkdir(parents=True, exist_ok=True)
        if keys is None or table.append_only:
            os.link(f, target)
            continue
        data = pq.read_table(f)
        keep = pc.invert(pc.is_in(data[table.replace_key], value_set=keys))
        kept = pc.sum(keep).as_py() or 0
        if kept == data.num_rows:
            os.link(f, target)
        elif kept:
            _write_file(data.filter(keep), target)


def _write_rows(new: Path, table: Table, rows: pa.Table, run_id: str) -> None:
    if rows.num_rows == 0:
        return
    rows = rows.select(table.column_names)
    ds.write_dataset(rows, new / table.name, format="parquet", partitioning=list(table.partition_by),
                     partitioning_flavor="hive", basename_template=f"part-{run_id}-{{i}}.parquet",
                     existing_data_behavior="overwrite_or_ignore",
                     file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"))


def publish(root: str | Path, staged: dict[str, pa.Table], replace_keys: dict[str, set[str]], run_id: str,
            keep: int = 3, derive: dict[str, Callable[[Path], pa.Table]] | None = None) -> Path:
    """Publish one run's rows: every table's rows keyed by `replace_keys[table]` are replaced by the
    staged ones, atomically. Derived tables are recomputed by `derive[name](new_snapshot)` from the new
    snapshot before it goes live. Returns the new snapshot folder."""
    root = check_root(str(root))
    snapshots = root / SNAPSHOTS
    snapshots.mkdir(exist_ok=True)
    with _lock(root):
        for stale in snapshots.glob("*.tmp"):  # left by a publish that was killed
            shutil.rmtree(stale, ignore_errors=True)
        old = current_snapshot(root)
        numbers = [int(p.name.split("-")[0]) for p in snapshots.iterdir() if p.name.split("-")[0].isdigit()]
        name = f"{max(numbers, default=0) + 1:06d}-{run_id}"
        tmp = snapshots / f"{name}.tmp"
        tmp.mkdir()
        for table in TABLES.values():
            if table.derived:
                continue
            if old:
                _carry_over(old, tmp, table, replace_keys.get(table.name, set()))
            if table.name in staged:
                _write_rows(tmp, table, staged[table.name], run_id)
            (tmp / table.name).mkdir(exist_ok=True)
        for table in (t for t in TABLES.values() if t.derived):
            if derive and table.name in derive:
                _write_rows(tmp, table, derive[table.name](tmp).cast(table.arrow_schema()), run_id)
            elif old:
                _carry_over(old, tmp, table, set())
            (tmp / table.name).mkdir(exist_ok=True)
        _fsync_tree(tmp)
        final = snapshots / name
        os.rename(tmp, final)
        pointer = root / "current.tmp"
        if pointer.is_symlink() or pointer.exists():
            pointer.unlink()
        os.symlink(Path(SNAPSHOTS) / name, pointer)
        os.replace(pointer, root / "current")  # the atomic step
        _fsync_dir(root)
        for table in TABLES:
            link = root / table
            if not link.is_symlink():
                if link.exists():
                    raise WarehouseError(f"{link} exists and is not this warehouse's table link")
                os.symlink(Path("current") / table, link)
        _collect(snapshots, keep)
        return final


def _collect(snapshots: Path, keep: int) -> None:
    done = sorted(p for p in snapshots.iterdir() if p.is_dir() and not p.name.endswith(".tmp"))
    for old in done[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for dirpath, _, files in os.walk(path):
        for f in files:
            fd = os.open(os.path.join(dirpath, f), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


# --- DuckDB catalog ---------------------------------------------------------------------------------
def _view_sql(root: Path, table: Table) -> str:
    glob = (root.resolve() / table.name / "**" / "*.parquet").as_posix().replace("'", "''")
    types = ", ".join(f"'{c}': 'VARCHAR'" for c in table.partition_by)
    return (f"CREATE OR REPLACE VIEW {table.name} AS SELECT * FROM read_parquet('{glob}', hive_partitioning=true, "
            f"union_by_name=true, hive_types={{{types}}})")


def build_catalog(root: str | Path, extra_views: dict[str, str] | None = None) -> Path:
    """Write <root>/catalog.duckdb with one view per table (views read the current snapshot through
    the table links, so they stay valid across publishes). Written aside and renamed into place."""
    import duckdb

    root = Path(root)
    target = root / "catalog.duckdb"
    tmp = root / "catalog.duckdb.tmp"
    for leftover in (tmp, root / "catalog.duckdb.tmp.wal"):
        if leftover.exists():
            leftover.unlink()
    con = duckdb.connect(str(tmp))
    try:
        for table in TABLES.values():
            if table_files(root, table.name):
                con.execute(_view_sql(root, table))
            else:  # no file yet: an empty view with the declared columns
                con.register("_schema", table.arrow_schema().empty_table())
                con.execute(f"CREATE OR REPLACE TABLE _empty_{table.name} AS SELECT * FROM _schema")
                con.unregister("_schema")
                con.execute(f"CREATE OR REPLACE VIEW {table.name} AS SELECT * FROM _empty_{table.name}")
        for name, sql in (extra_views or {}).items():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, target)
    return target


def connect(root: str | Path, read_only: bool = True):
    """A DuckDB connection to the catalog (built on demand)."""
    import duckdb

    root = Path(root)
    if not (root / "catalog.duckdb").exists():
        if current_snapshot(root) is None:
            raise UsageError(f"no published warehouse at {root}; run `vnevents run PATH -w {root}` first")
        build_catalog(root)
    return duckdb.connect(str(root / "catalog.duckdb"), read_only=read_only)
