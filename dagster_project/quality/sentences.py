"""Check results as sentences a person reads: the check, the report, the quote, expected vs found.

GX and dbt report in JSON (`"unexpected_values": ["True", "True"]`); the run's
log, the summary and the publish gate's refusal say instead:

    [warning] percent_within_0_100 in 000_1f3a.txt (Nghệ An): “…đạt 103,78%.”
      A share above 100 % cannot be right. Expected between 0 and 100, found value = 103.78.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb

from dagster_project.ingestion.names import printable
from dagster_project.settings import EXPECTATIONS_DIR
from dagster_project.warehouse_db import table_exists

QUOTE_CHARS = 160


@lru_cache(maxsize=1)
def checked_columns() -> dict[str, str]:
    """check name -> the column its expectation looks at, from the suite files."""
    from dagster_project.quality.gx_suites import load_suites

    columns: dict[str, str] = {}
    for spec in load_suites(EXPECTATIONS_DIR):
        for expectation in spec.expectations:
            column = expectation.get("kwargs", {}).get("column")
            if column:
                columns[expectation["meta"]["check"]] = column
    return columns


def _json(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def describe_expected(expected: str | None) -> str | None:
    """'between 0 and 100', 'one of false', 'not empty', ... from a stored `expected`."""
    data = _json(expected)
    if not isinstance(data, Mapping):
        return str(data) if data is not None else None
    low, high = data.get("min_value"), data.get("max_value")
    if "value_set" in data:
        return "one of " + ", ".join(json.dumps(v, ensure_ascii=False) for v in data["value_set"])
    if low is not None and high is not None:
        return f"between {low} and {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    if "failures" in data:
        return f"{data['failures']} failing rows"
    kind = str(data.get("expectation", ""))
    if "not_be_null" in kind:
        return "a value (not empty)"
    if "unique" in kind:
        return "unique values"
    return None


def describe_found(check_name: str, observed: str | None) -> str | None:
    """The offending row's value of the checked column ('value = 103.78'), else what was observed."""
    data = _json(observed)
    column = checked_columns().get(check_name)
    if isinstance(data, Mapping):
        if column and column in data:
            return f"{column} = {data[column]}"
        if column:
            return f"{column} empty"
        if "failures" in data:
            return f"{data['failures']} failing rows"
        if "unexpected_count" in data:
            return f"{data['unexpected_count']} of {data.get('element_count')} rows"
    return str(data) if data is not None else None


def _short(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"


@dataclass(frozen=True)
class FindingText:
    severity: str
    check_name: str
    asset: str
    message: str | None
    source_file: str | None = None
    province: str | None = None
    quote: str | None = None
    expected: str | None = None
    found: str | None = None

    def sentence(self) -> str:
        where = f" in {printable(self.source_file)}" if self.source_file else f" on {self.asset}"
        if self.province:
            where += f" ({self.province})"
        head = f"[{self.severity}] {self.check_name}{where}"
        if self.quote:
            head += f": “{printable(_short(self.quote))}”"
        tail = [printable(self.message.rstrip(".")) + "." if self.message else ""]
        if self.expected or self.found:
            tail.append(printable(f"Expected {self.expected or '?'}, found {self.found or '?'}."))
        return head + "\n    " + " ".join(t for t in tail if t)


def _source_files(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not table_exists(con, "raw", "reports"):
        return {}
    return dict(con.execute("select report_key, source_file from raw.reports").fetchall())


def _province_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not table_exists(con, "marts", "dim_province"):
        return {}
    return dict(con.execute("select province_code, province_name_vi from marts.dim_province").fetchall())


@dataclass(frozen=True)
class FailedCheck:
    severity: str
    check_name: str
    asset: str
    shown: tuple[FindingText, ...]  # the first offending rows (or the check itself)
    total: int  # offending rows in all

    def lines(self) -> list[str]:
        lines = [text.sentence() for text in self.shown]
        if self.total > len(self.shown):
            lines.append(f"    ... and {self.total - len(self.shown)} more rows of {self.check_name} "
                         "(quality.anomalies)")
        return lines


def failed_checks(
    con: duckdb.DuckDBPyConnection, run_id: str, severity: str | None = None, rows_per_check: int = 3
) -> list[FailedCheck]:
    """Each failed check of a run, errors first, with its first offending rows as sentences.

    Rows come from `quality.anomalies` when the check flags rows, else the check itself."""
    if not table_exists(con, "quality", "check_results"):
        return []
    checks = con.execute(
        """select severity, check_name, asset, any_value(message), any_value(observed_value), any_value(expected)
           from quality.check_results
           where run_id = ? and not passed and (? is null or severity = ?)
           group by severity, check_name, asset
           order by severity = 'warning', check_name, asset""",
        [run_id, severity, severity],
    ).fetchall()
    files, provinces = _source_files(con), _province_names(con)
    # The first rows of every failed check in one windowed query, not one query per check.
    rows_of: dict[tuple[str, str], list[tuple]] = {}
    if checks and table_exists(con, "quality", "anomalies"):
        found = con.execute(
            """select check_name, asset, message, report_key, province_code, quote, observed, expected,
                      count(*) over (partition by check_name, asset)
               from quality.anomalies
               where (check_name, asset) in (select unnest(?::struct(c varchar, a varchar)[], recursive := true))
               qualify row_number() over (partition by check_name, asset order by anomaly_key) <= ?
               order by check_name, asset, anomaly_key""",
            [[{"c": check, "a": asset} for _, check, asset, *_ in checks], rows_per_check],
        ).fetchall()
        for check, asset, *row in found:
            rows_of.setdefault((check, asset), []).append(tuple(row))
    failed: list[FailedCheck] = []
    for sev, check, asset, message, observed, expected in checks:
        rows = rows_of.get((check, asset), [])
        if not rows:
            text = FindingText(sev, check, asset, message, expected=describe_expected(expected),
                               found=describe_found(check, observed))
            failed.append(FailedCheck(sev, check, asset, (text,), 1))
            continue
        shown = tuple(
            FindingText(sev, check, asset, row_message, files.get(report_key or ""),
                        provinces.get(province or "", province), quote,
                        describe_expected(row_expected), describe_found(check, row_observed))
            for row_message, report_key, province, quote, row_observed, row_expected, _ in rows
        )
        failed.append(FailedCheck(sev, check, asset, shown, int(rows[0][-1])))
    return failed
