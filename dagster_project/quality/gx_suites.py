"""Run the Great Expectations suites of `expectations/` on DataFrames read from the warehouse.

A suite file is GX's own suite JSON (`name`, `expectations` with `type`,
`kwargs`, `meta`) plus fields of ours: `tables` (the warehouse relations it
guards: the suite runs on each), `key_column` (reported for offending rows)
and `description`. Each
expectation's `meta.check` names the check and `meta.severity` is `warning`
(a finding about the figures) or `error` (the warehouse's own integrity).

GX has no DuckDB datasource that works (see DESIGN.md), so the relation is read
into pandas and validated there with an ephemeral context: nothing is written
(no gx/ folder, no Data Docs: the findings are in quality.anomalies, the run's
summary and the report page).
"""
from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dagster_project.quality.results import CheckOutcome, as_text

_PLACEHOLDER = re.compile(r"^\$\{now_minus_(hours|days):(\d+)\}$")
_DAY_PLACEHOLDER = re.compile(r"^\$\{today_plus_days:(\d+)\}$")
_COLUMN_ARGS = {"column", "column_A", "column_B", "column_list", "row_condition", "condition_parser"}
# Expectations that look only at whether a value is there, never at the value itself.
_PRESENCE_CHECKS = {"expect_column_values_to_not_be_null"}


class SuiteError(ValueError):
    """A suite file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    table: str  # "marts.fct_services"
    key_column: str
    description: str
    expectations: tuple[dict[str, Any], ...]
    path: Path

    @property
    def columns(self) -> tuple[str, ...]:
        """The key column and every column an expectation reads (its own, its row condition's)."""
        found = [self.key_column]
        for expectation in self.expectations:
            _named_columns(expectation.get("kwargs", {}), found)
        return tuple(dict.fromkeys(found))

    @property
    def presence_only_columns(self) -> tuple[str, ...]:
        """Columns that only null checks read (not the key, no row condition, no other check):
        `read_frame` gives GX an empty text for each of their values, and null for null."""
        presence: list[str] = []
        values: list[str] = [self.key_column]
        for expectation in self.expectations:
            kwargs = dict(expectation.get("kwargs", {}))
            if expectation.get("type") in _PRESENCE_CHECKS and isinstance(kwargs.get("column"), str):
                presence.append(kwargs.pop("column"))
            _named_columns(kwargs, values)
        return tuple(c for c in dict.fromkeys(presence) if c not in values)


def _named_columns(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("column", "column_A", "column_B", "name") and isinstance(item, str):
                found.append(item)  # "name": a row condition's {"column": {"name": ...}}
            elif key == "column_list":
                found.extend(item)
            else:
                _named_columns(item, found)
    elif isinstance(value, list):
        for item in value:
            _named_columns(item, found)


def load_suite(path: Path) -> list[SuiteSpec]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    missing = [k for k in ("name", "tables", "key_column", "expectations") if k not in raw]
    if missing:
        raise SuiteError(f"{path}: missing field(s) {', '.join(missing)}")
    names = [e.get("meta", {}).get("check") for e in raw["expectations"]]
    if None in names or len(set(names)) != len(names):
        raise SuiteError(f"{path}: every expectation needs a unique meta.check name")
    for expectation in raw["expectations"]:
        severity = expectation.get("meta", {}).get("severity", "error")
        if severity not in ("warning", "error"):
            raise SuiteError(f"{path}: check {expectation['meta']['check']}: severity must be warning or error")
    return [
        SuiteSpec(
            name=raw["name"],
            table=table,
            key_column=raw["key_column"],
            description=raw.get("description", ""),
            expectations=tuple(raw["expectations"]),
            path=path,
        )
        for table in raw["tables"]
    ]


def load_suites(directory: Path) -> list[SuiteSpec]:
    return [spec for path in sorted(directory.glob("*.json")) for spec in load_suite(path)]


def read_frame(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str] | None = None,
    presence_only: Collection[str] = (),
) -> pd.DataFrame:
    """The relation (only `columns`, when given) as the pandas frame GX validates. A suite
    reads the columns it checks: a whole fact table with its sentences took gigabytes at
    10,000 reports. A text column in `presence_only` (SuiteSpec.presence_only_columns) is
    read as '' or null: its null check gives the same result, and the sentences of every
    figure (evidence_present) no longer pass through memory (~250 MB per fact table at
    10,000 reports); failed rows are read whole by `read_rows`.

    DuckDB 1.4 (pinned: the file format BI drivers read) calls `DataFrame.drop(inplace=True)`
    inside `.df()` for TIMESTAMPTZ columns, which pandas 3.1 deprecates; that one message is
    silenced here, where it is raised for us. Arrow's `to_pandas` would give other dtypes
    (ms dates, object booleans) and so other findings."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.drop is deprecated")
        relation = con.table(table)
        if columns is not None:
            types = dict(zip(relation.columns, relation.types))
            relation = relation.select(*(
                _presence(c) if c in presence_only and types.get(c) == duckdb.sqltypes.VARCHAR
                else duckdb.ColumnExpression(c)
                for c in columns
            ))
        return relation.df()


def _presence(column: str) -> duckdb.Expression:
    """'' where `column` has a value, null where it has none, under the column's name."""
    value = duckdb.ColumnExpression(column)
    return duckdb.CaseExpression(value.isnull(), duckdb.ConstantExpression(None).cast(duckdb.sqltypes.VARCHAR)) \
        .otherwise(duckdb.ConstantExpression("")).alias(column)


def read_rows(con: duckdb.DuckDBPyConnection, table: str, key_column: str, keys: Collection[str]) -> pd.DataFrame:
    """Every column of the rows whose key is one of `keys`, in table order (the rows that
    failed a check, for their findings)."""
    relation = con.table(table)
    wanted = duckdb.ColumnExpression(key_column).cast(duckdb.sqltypes.VARCHAR).isin(
        *(duckdb.ConstantExpression(k) for k in keys)
    ) if keys else duckdb.ConstantExpression(False)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.drop is deprecated")
        return relation.filter(wanted).df()


def _resolve(value: Any, now: datetime) -> Any:
    """`${now_minus_hours:N}` / `${now_minus_days:N}` become timestamps at run time;
    `${today_plus_days:N}` a day (for DATE columns, which pandas reads without a time zone)."""
    if isinstance(value, str):
        match = _PLACEHOLDER.match(value)
        if match:
            unit, amount = match.groups()
            return now - timedelta(**{unit: int(amount)})
        day = _DAY_PLACEHOLDER.match(value)
        if day:
            return pd.Timestamp(now.date() + timedelta(days=int(day.group(1))))
    return value


@lru_cache(maxsize=1)
def _context():
    """One ephemeral context per process: it writes nothing."""
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    return context


def run_suite(spec: SuiteSpec, frame: pd.DataFrame, now: datetime) -> list[CheckOutcome]:
    """Validate `frame` against the suite; one outcome per expectation."""
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    context = _context()
    name = f"{spec.name}.{spec.table}"
    source = context.data_sources.add_or_update_pandas("pdx_warehouse")
    asset = next((a for a in source.assets if a.name == spec.table), None) or source.add_dataframe_asset(spec.table)
    batch = next((b for b in asset.batch_definitions if b.name == "all"), None) or (
        asset.add_batch_definition_whole_dataframe("all")
    )
    suite = gx.ExpectationSuite(name=name)
    for expectation in spec.expectations:
        kwargs = {k: _resolve(v, now) for k, v in expectation.get("kwargs", {}).items()}
        suite.add_expectation_configuration(
            ExpectationConfiguration(type=expectation["type"], kwargs=kwargs, meta=expectation.get("meta", {}))
        )
    suite = context.suites.add_or_update(suite)
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=name, data=batch, suite=suite)
    )
    checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
        name=name,
        validation_definitions=[definition],
        actions=[],
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [spec.key_column]},
    ))
    run = checkpoint.run(batch_parameters={"dataframe": frame})
    (result,) = run.run_results.values()
    return [_outcome(spec, r) for r in result.results]


def _outcome(spec: SuiteSpec, result: Any) -> CheckOutcome:
    config = result.expectation_config
    meta = config.meta or {}
    details = result.result or {}
    exception = (result.exception_info or {}).get("exception_message")
    keys = tuple(
        str(row.get(spec.key_column)) for row in details.get("unexpected_index_list") or [] if isinstance(row, dict)
    )
    observed = details.get("observed_value")
    if observed is None and "unexpected_count" in details:
        observed = {
            "unexpected_count": details["unexpected_count"],
            "element_count": details.get("element_count"),
            "unexpected_values": details.get("partial_unexpected_list", [])[:20],
        }
    expected = {k: v for k, v in config.kwargs.items() if k not in _COLUMN_ARGS and v is not None}
    return CheckOutcome(
        suite=spec.name,
        check_name=meta["check"],
        asset=spec.table,
        severity=meta.get("severity", "error"),
        passed=bool(result.success),
        observed_value=as_text(observed),
        expected=as_text({"expectation": config.type, **expected}),
        offending_keys=keys,
        message=exception or meta.get("description"),
    )
