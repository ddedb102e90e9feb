"""`quality.check_results`: one row per check run, appended, never overwritten."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pyarrow as pa

from dagster_project.warehouse_db import table_exists, transaction

CHECK_RESULTS_DDL = [
    "create schema if not exists quality",
    """create table if not exists quality.check_results (
        run_id varchar not null,
        checked_at timestamptz not null,
        suite varchar not null,
        check_name varchar not null,
        asset varchar not null,
        severity varchar not null,
        passed boolean not null,
        observed_value varchar,
        expected varchar,
        offending_keys varchar[] not null,
        message varchar
    )""",
]


@dataclass(frozen=True)
class CheckOutcome:
    suite: str
    check_name: str
    asset: str  # "marts.fct_services"
    severity: str  # warning | error
    passed: bool
    observed_value: str | None = None
    expected: str | None = None
    offending_keys: tuple[str, ...] = field(default_factory=tuple)
    message: str | None = None


def as_text(value: object) -> str | None:
    """Observed and expected values of any shape, stored as readable JSON text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def ensure_quality_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in CHECK_RESULTS_DDL:
        con.execute(statement)


_CHECK_RESULTS_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("checked_at", pa.timestamp("us", tz="UTC")), ("suite", pa.string()),
    ("check_name", pa.string()), ("asset", pa.string()), ("severity", pa.string()), ("passed", pa.bool_()),
    ("observed_value", pa.string()), ("expected", pa.string()), ("offending_keys", pa.list_(pa.string())),
    ("message", pa.string()),
])


def insert_frame(
    con: duckdb.DuckDBPyConnection, table: str, frame: pa.Table, select: str = "select * from frame",
    params: dict[str, object] | None = None,
) -> None:
    """One INSERT ... SELECT over an Arrow table (DuckDB scans it in place), not one statement per row.

    `select` reads the rows from the relation `frame`; `table` and `select` are our own SQL, never
    input (values are bound as `params`)."""
    if frame.num_rows:
        con.register("frame", frame)
        try:
            con.execute(f"insert into {table} {select}", params)
        finally:
            con.unregister("frame")


def append_check_results(
    con: duckdb.DuckDBPyConnection, run_id: str, checked_at: datetime, outcomes: Sequence[CheckOutcome]
) -> None:
    ensure_quality_schema(con)
    frame = pa.Table.from_pylist(
        [
            {
                "run_id": run_id, "checked_at": checked_at, "suite": o.suite, "check_name": o.check_name,
                "asset": o.asset, "severity": o.severity, "passed": o.passed, "observed_value": o.observed_value,
                "expected": o.expected, "offending_keys": list(o.offending_keys), "message": o.message,
            }
            for o in outcomes
        ],
        schema=_CHECK_RESULTS_SCHEMA,
    )
    with transaction(con):
        insert_frame(con, "quality.check_results", frame)


def dbt_test_outcomes(con: duckdb.DuckDBPyConnection, run_id: str) -> list[CheckOutcome]:
    """The dbt test results the dbt step of this run recorded."""
    ensure_quality_schema(con)
    rows = con.execute(
        """select suite, check_name, asset, severity, passed, observed_value, expected, message
           from quality.check_results where run_id = ? and suite = 'dbt_tests'""",
        [run_id],
    ).fetchall()
    return [
        CheckOutcome(suite=s, check_name=c, asset=a, severity=sev, passed=p, observed_value=o, expected=e, message=m)
        for s, c, a, sev, p, o, e, m in rows
    ]


def failed_error_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """'asset check_name' of every error-level check that failed in this run."""
    if not table_exists(con, "quality", "check_results"):
        return []
    rows = con.execute(
        """select distinct asset, check_name from quality.check_results
           where run_id = ? and severity = 'error' and not passed order by 1, 2""",
        [run_id],
    ).fetchall()
    return [f"{asset} {check}" for asset, check in rows]
