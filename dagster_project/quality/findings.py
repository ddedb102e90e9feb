"""From failed check outcomes to findings (for alerts) and quality.anomalies rows.

A failed expectation names the offending rows by the suite's key column; the
validated frame is at hand, so each finding takes its report, province and
quote from the offending row itself. A failed check with no row keys (a stale
load, a failed dbt test) is one finding about the check.

A finding's identity must survive an unrelated edit of its report: report keys
are content hashes, so editing one figure would otherwise re-key every finding
of that report (a flood of "resolved" and "new" alerts). A figure's finding is
keyed by the check, the source file, the quote and its sentence instead.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dagster_project.alerts.model import Finding
from dagster_project.quality.gx_suites import SuiteSpec
from dagster_project.quality.results import CheckOutcome, insert_frame
from dagster_project.warehouse_db import transaction

ANOMALIES_DDL = """create table if not exists quality.anomalies (
    anomaly_key varchar primary key,
    check_name varchar not null,
    suite varchar not null,
    asset varchar not null,
    severity varchar not null,
    fact_key varchar,
    report_key varchar,
    province_code varchar,
    message varchar not null,
    quote varchar,
    observed varchar,
    expected varchar,
    first_detected_at timestamptz not null,
    last_run_id varchar not null
)"""

# Key columns of validated relations whose values are fact keys.
_FACT_KEY_COLUMNS = ("fact_key", "total_fact_key")
_QUOTE_COLUMNS = ("evidence", "quote")


@dataclass(frozen=True)
class Anomaly:
    """A finding and, when it is about one figure, that figure's fact key."""

    finding: Finding
    fact_key: str | None = None


def finding_key(check_name: str, asset: str, row_key: str | None) -> str:
    return "|".join(part for part in (check_name, asset, row_key) if part)


def figure_identity(source_file: str | None, quote: str | None, evidence: str | None) -> str | None:
    """Where a figure is, independent of the report's content hash; None if unknown."""
    if not source_file or not quote:
        return None
    sentence = hashlib.sha1((evidence or "").encode()).hexdigest()[:10]
    return f"{source_file}|{quote}|{sentence}"


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat() if getattr(value, "hour", 0) == 0 else value.isoformat()
    return str(value)


def _row_details(row: dict[str, Any], skip: set[str]) -> str:
    """The offending row's own values, as compact JSON, for the alert and the anomaly."""
    shown = {k: _text(v) for k, v in row.items() if k not in skip and _text(v) is not None}
    return json.dumps(shown, ensure_ascii=False, sort_keys=True)


def failed_keys(outcomes: Sequence[CheckOutcome]) -> set[str]:
    """The row keys the failed outcomes name."""
    return {key for o in outcomes if not o.passed for key in o.offending_keys}


def _offending_rows(
    key_column: str, frame: pd.DataFrame, outcomes: Sequence[CheckOutcome]
) -> dict[str, dict[str, Any]]:
    """key -> the first row with that key, for the keys failed outcomes name only.

    Only those rows become Python dicts: a whole fact table as records cost
    seconds per suite at a few thousand reports, for the handful of rows that fail."""
    wanted = failed_keys(outcomes)
    if not wanted or key_column not in frame.columns:
        return {}
    keys = frame[key_column].map(str)
    hit = keys.isin(wanted).to_numpy()
    rows_by_key: dict[str, dict[str, Any]] = {}
    for key, row in zip(keys[hit], frame[hit].to_dict("records"), strict=True):
        rows_by_key.setdefault(key, row)
    return rows_by_key


def anomalies_from_outcomes(
    spec: SuiteSpec,
    frame: pd.DataFrame,
    outcomes: Sequence[CheckOutcome],
    source_files: Mapping[str, str] | None = None,
) -> list[Anomaly]:
    """One anomaly per offending row; `source_files` maps report keys to file names."""
    source_files = source_files or {}
    rows_by_key = _offending_rows(spec.key_column, frame, outcomes)
    keys_are_facts = spec.key_column in _FACT_KEY_COLUMNS
    anomalies = []
    for outcome in outcomes:
        if outcome.passed:
            continue
        message = outcome.message or f"{outcome.check_name} failed on {outcome.asset}"
        if not outcome.offending_keys:
            anomalies.append(Anomaly(_check_level_finding(outcome, message)))
            continue
        for key in dict.fromkeys(outcome.offending_keys):
            row = rows_by_key.get(key, {})
            quote = next((_text(row.get(c)) for c in _QUOTE_COLUMNS if _text(row.get(c))), None)
            report_key = _text(row.get("report_key"))
            identity = figure_identity(
                source_files.get(report_key or ""), _text(row.get("quote")), _text(row.get("evidence"))
            )
            finding = Finding(
                finding_key=finding_key(outcome.check_name, outcome.asset, identity or key),
                check_name=outcome.check_name,
                suite=outcome.suite,
                asset=outcome.asset,
                severity=outcome.severity,  # type: ignore[arg-type]
                message=message,
                report_key=report_key,
                province_code=_text(row.get("province_code")),
                quote=quote,
                observed=_row_details(row, {"evidence", "quote"}) if row else outcome.observed_value,
                expected=outcome.expected,
            )
            anomalies.append(Anomaly(finding, key if keys_are_facts else None))
    return anomalies


def _check_level_finding(outcome: CheckOutcome, message: str) -> Finding:
    return Finding(
        finding_key=finding_key(outcome.check_name, outcome.asset, None),
        check_name=outcome.check_name,
        suite=outcome.suite,
        asset=outcome.asset,
        severity=outcome.severity,  # type: ignore[arg-type]
        message=message,
        observed=outcome.observed_value,
        expected=outcome.expected,
    )


def findings_from_failed_checks(outcomes: Iterable[CheckOutcome]) -> list[Finding]:
    """Findings for checks that carry no rows (dbt tests, source freshness)."""
    return [
        _check_level_finding(o, o.message or f"{o.check_name} failed on {o.asset}")
        for o in outcomes
        if not o.passed
    ]


def replace_anomalies(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    now: datetime,
    anomalies: Sequence[Anomaly],
    scope: Collection[str] | None = None,
) -> int:
    """quality.anomalies holds the findings open now; first detection times survive reruns.

    `scope` names the checks (or suites) this run evaluated: only their rows are
    replaced, so a run of some checks keeps the others' findings (None: all)."""
    con.execute("create schema if not exists quality")
    con.execute(ANOMALIES_DDL)
    scoped = list(scope) if scope is not None else None
    unique = {a.finding.finding_key: a for a in anomalies}
    frame = pa.Table.from_pylist(
        [
            {
                "ordinal": i, "anomaly_key": f.finding_key, "check_name": f.check_name, "suite": f.suite,
                "asset": f.asset, "severity": f.severity, "fact_key": a.fact_key, "report_key": f.report_key,
                "province_code": f.province_code, "message": f.message, "quote": f.quote, "observed": f.observed,
                "expected": f.expected,
            }
            for i, a in enumerate(unique.values())
            for f in (a.finding,)
        ],
        schema=_ANOMALY_FRAME,
    )
    with transaction(con):
        # First detection times of the findings seen before, kept inside DuckDB across the delete.
        con.execute("create or replace temp table previous_detection "
                    "(anomaly_key varchar, first_detected_at timestamptz)")
        if frame.num_rows:
            insert_frame(con, "previous_detection",
                         frame.select(["anomaly_key"]),
                         "select a.anomaly_key, a.first_detected_at from quality.anomalies a "
                         "semi join frame f on a.anomaly_key = f.anomaly_key")
        con.execute(
            "delete from quality.anomalies where ?::varchar[] is null "
            "or list_contains(?::varchar[], check_name) or list_contains(?::varchar[], suite)",
            [scoped, scoped, scoped],
        )
        con.execute("delete from quality.anomalies where anomaly_key in (select unnest(?::varchar[]))",
                    [list(unique)])
        insert_frame(
            con, "quality.anomalies", frame,
            "select f.* exclude (ordinal), coalesce(p.first_detected_at, $now), $run_id from frame f "
            "left join previous_detection p on p.anomaly_key = f.anomaly_key order by f.ordinal",
            {"now": now, "run_id": run_id},
        )
        con.execute("drop table previous_detection")
    return len(unique)


_ANOMALY_FRAME = pa.schema(
    [("ordinal", pa.int64())]
    + [(name, pa.string()) for name in ("anomaly_key", "check_name", "suite", "asset", "severity", "fact_key",
                                         "report_key", "province_code", "message", "quote", "observed", "expected")]
)
