"""Parquet copies of the marts, for tools that cannot open DuckDB.

`export/` beside the warehouse is a symbolic link to the folder of the last
published run; it is switched with one atomic rename, so a reader sees a whole
set of files from one run, never a mix.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

VERSIONS_DIR = ".exports"


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        ["marts"],
    ).fetchall()
    return [name for (name,) in rows]


def export_marts(warehouse: Path, export_link: Path, version: str) -> dict[str, Path]:
    """Write every mart as Parquet into a new version folder and point `export_link` at it."""
    versions = export_link.parent / VERSIONS_DIR
    target = versions / version
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    written: dict[str, Path] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in mart_tables(con):
            path = target / f"{table}.parquet"
            # con.table() finds tables but not views; the name comes from the catalog, quoted.
            con.sql(f'select * from marts."{table}"').write_parquet(str(path))
            written[table] = path
    _switch_link(export_link, target)
    for old in versions.iterdir():
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return written


def _switch_link(link: Path, target: Path) -> None:
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder from an older layout
    temporary = link.with_name(f".{link.name}.{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), temporary)
    os.replace(temporary, link)
