"""What each published warehouse was built from: `quality.published_runs`.

One row per run that published, written into the run's private copy just before
the swap, so the record is published atomically with what it describes: the
source folder's fingerprint when the run scanned it, the code version, and the
run's counts (reports, figures, checks). `make summary` reads the latest row (or
the one of `RUN=<id>`); the source-folder sensor compares the folder with it, so
that `make dev` starts no build when nothing changed since the last publish.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from dagster_project.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR, PROJECT_ROOT
from dagster_project.warehouse_db import table_exists

TABLE = "quality.published_runs"
DDL = [
    "create schema if not exists quality",
    """create table if not exists quality.published_runs (
        run_id varchar primary key,
        started_at timestamptz not null,
        published_at timestamptz,
        source_fingerprint varchar,
        code_version varchar not null,
        reports integer,
        rejected_files integer,
        figures integer,
        facts integer,
        checks_run integer,
        checks_failed_error integer,
        checks_failed_warning integer,
        open_anomalies integer
    )""",
]
FACT_TABLES = ("marts.fct_infrastructure", "marts.fct_services", "marts.fct_workforce")

# What the warehouse is made from besides the sources: a change here is a reason to rebuild.
_CODE_DIRS = (PROJECT_ROOT / "dagster_project", DBT_PROJECT_DIR / "models", DBT_PROJECT_DIR / "macros",
              DBT_PROJECT_DIR / "seeds", EXPECTATIONS_DIR)
# The locked dependencies too: another DuckDB or dbt may compute a model differently.
_CODE_FILES = (DBT_PROJECT_DIR / "dbt_project.yml", PROJECT_ROOT / "uv.lock")
_CODE_SUFFIXES = {".py", ".sql", ".yml", ".yaml", ".csv", ".json"}


@dataclass(frozen=True)
class PublishedRun:
    run_id: str
    started_at: datetime
    published_at: datetime | None
    source_fingerprint: str | None
    code_version: str
    reports: int | None = None
    rejected_files: int | None = None
    figures: int | None = None
    facts: int | None = None
    checks_run: int | None = None
    checks_failed_error: int | None = None
    checks_failed_warning: int | None = None
    open_anomalies: int | None = None


def _code_files() -> Iterable[Path]:
    for directory in _CODE_DIRS:
        yield from (p for p in directory.rglob("*") if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts)
    yield from _CODE_FILES


def code_version() -> str:
    """A hash of the pipeline's code, dbt project and suites: changes when any of them does."""
    digest = hashlib.sha256()
    for path in sorted(_code_files()):
        digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def published_code_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The code version of the last published build (None before the first)."""
    if not table_exists(con, "quality", "published_runs"):
        return None
    row = con.execute(
        "select code_version from quality.published_runs where published_at is not null "
        "order by published_at desc limit 1"
    ).fetchone()
    return row[0] if row else None


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    for statement in DDL:
        con.execute(statement)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime, source_fingerprint: str) -> None:
    """Note the folder's state as this run scanned it (in the private copy)."""
    ensure_table(con)
    con.execute(
        """insert into quality.published_runs (run_id, started_at, source_fingerprint, code_version)
           values (?, ?, ?, ?)
           on conflict (run_id) do update set source_fingerprint = excluded.source_fingerprint""",
        [run_id, started_at, source_fingerprint, code_version()],
    )


def _count(con: duckdb.DuckDBPyConnection, relation: str) -> int | None:
    schema, table = relation.split(".")
    return con.table(relation).count("*").fetchone()[0] if table_exists(con, schema, table) else None


def _failed_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[int | None, int | None, int | None]:
    if not table_exists(con, "quality", "check_results"):
        return None, None, None
    run, error, warning = con.execute(
        """select count(*),
                  count(*) filter (where not passed and severity = 'error'),
                  count(*) filter (where not passed and severity = 'warning')
           from quality.check_results where run_id = ?""",
        [run_id],
    ).fetchone()
    return run, error, warning


def complete_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime, published_at: datetime) -> None:
    """Fill in the counts just before the swap. A run that did not scan the folder (a
    partial run from the UI) keeps the fingerprint of the build it started from."""
    ensure_table(con)
    previous = con.execute(
        "select source_fingerprint from quality.published_runs where run_id <> ? and published_at is not null "
        "order by published_at desc limit 1",
        [run_id],
    ).fetchone()
    con.execute(
        """insert into quality.published_runs (run_id, started_at, source_fingerprint, code_version)
           values (?, ?, ?, ?) on conflict (run_id) do nothing""",
        [run_id, started_at, previous[0] if previous else None, code_version()],
    )
    facts = [count for count in (_count(con, t) for t in FACT_TABLES) if count is not None]
    checks_run, failed_error, failed_warning = _failed_checks(con, run_id)
    con.execute(
        """update quality.published_runs set published_at = ?, code_version = ?, reports = ?,
               rejected_files = ?, figures = ?, facts = ?, checks_run = ?, checks_failed_error = ?,
               checks_failed_warning = ?, open_anomalies = ?
           where run_id = ?""",
        [
            published_at, code_version(), _count(con, "marts.dim_report"), _count(con, "raw.rejected_reports"),
            _count(con, "raw.observations"), sum(facts) if facts else None,
            checks_run, failed_error, failed_warning, _count(con, "quality.anomalies"), run_id,
        ],
    )


def _from_row(row: tuple) -> PublishedRun:
    return PublishedRun(*row)


_COLUMNS = ("run_id, started_at, published_at, source_fingerprint, code_version, reports, rejected_files, "
            "figures, facts, checks_run, checks_failed_error, checks_failed_warning, open_anomalies")


def published_runs(con: duckdb.DuckDBPyConnection) -> list[PublishedRun]:
    """Every run that published this warehouse, newest first."""
    if not table_exists(con, "quality", "published_runs"):
        return []
    rows = con.execute(
        f"select {_COLUMNS} from quality.published_runs where published_at is not null order by published_at desc"
    ).fetchall()
    return [_from_row(r) for r in rows]


def latest_published_run(warehouse: Path) -> PublishedRun | None:
    """The run that published the file now at `warehouse`, or None (no file, an older layout, unreadable)."""
    if not warehouse.exists():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            runs = published_runs(con)
    except duckdb.Error:
        return None
    return runs[0] if runs else None
