"""Source freshness of the raw tables, as check outcomes, without a `dbt source freshness` process.

The criteria are dbt's: each source's `loaded_at_field` and `freshness`
(`warn_after`, `error_after`, `filter`) in dbt/models/staging/_sources.yml,
read from the parsed manifest. They are evaluated the way dbt evaluates them
(dbt-core's `collect_freshness` macro and `FreshnessThreshold.status`): the
newest `loaded_at_field` value against the database's `now()`, older than
`error_after` is an error, else older than `warn_after` a warning, an empty
table counts as loaded at 0001-01-01. Starting dbt for this took seconds of a
run; the query takes milliseconds on the run's own connection.
`outcomes_from_sources_json` reads dbt's own target/sources.json, to compare.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.quality.results import CheckOutcome, as_text

SUITE = "dbt_source_freshness"
_NEVER = datetime(1, 1, 1, tzinfo=UTC)  # dbt's reading of an empty table: "infinitely long ago"


def outcomes_from_sources_json(sources: Mapping[str, Any]) -> list[CheckOutcome]:
    """One outcome per raw table: passed on 'pass', a warning on 'warn', an error otherwise."""
    outcomes = []
    for result in sources.get("results", []):
        _, _, source_name, table = result["unique_id"].split(".", 3)
        status = result.get("status", "runtime error")
        outcomes.append(CheckOutcome(
            suite=SUITE,
            check_name=f"source_freshness_{table}",
            asset=f"{source_name}.{table}",
            severity="warning" if status == "warn" else "error",
            passed=status == "pass",
            observed_value=as_text({
                "status": status,
                "max_loaded_at": result.get("max_loaded_at"),
                "age_seconds": result.get("max_loaded_at_time_ago_in_s"),
            }),
            expected=as_text(result.get("criteria")),
            message=None if status == "pass" else f"raw table {source_name}.{table} is stale ({status})",
        ))
    return outcomes


@lru_cache(maxsize=4)
def _manifest_sources(path: Path, mtime: float) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")).get("sources", {})


def manifest_sources(manifest_path: Path) -> dict[str, Any]:
    """The `sources` of a parsed dbt manifest (read once per manifest version)."""
    return _manifest_sources(manifest_path, manifest_path.stat().st_mtime)


def _utc(value: datetime) -> datetime:
    """dbt's `_utc`: an aware time in UTC; a naive one is taken to be UTC already."""
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _exceeded(threshold: Mapping[str, Any] | None, age: float) -> bool:
    if not threshold or threshold.get("count") is None or threshold.get("period") is None:
        return False
    return age > timedelta(**{f"{threshold['period']}s": threshold["count"]}).total_seconds()


def _status(criteria: Mapping[str, Any], age: float) -> str:
    if _exceeded(criteria.get("error_after"), age):
        return "error"
    if _exceeded(criteria.get("warn_after"), age):
        return "warn"
    return "pass"


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _freshness_result(con: duckdb.DuckDBPyConnection, unique_id: str, node: Mapping[str, Any]) -> dict[str, Any]:
    """One entry of dbt's sources.json `results`, computed on `con`."""
    criteria = node["freshness"]
    field = node.get("loaded_at_field")
    if not field or node.get("loaded_at_query"):
        return {"unique_id": unique_id, "status": "runtime error", "criteria": criteria,
                "error": "only loaded_at_field freshness is evaluated here (see quality/source_freshness.py)"}
    relation = f"{_quoted(node['schema'])}.{_quoted(node.get('identifier') or node['name'])}"
    where = f" where {criteria['filter']}" if criteria.get("filter") else ""
    try:
        # The filter and loaded_at_field are SQL from _sources.yml, as dbt's own macro pastes them.
        newest, snapshotted = con.execute(f"select max({field}), now() from {relation}{where}").fetchone()
    except duckdb.Error as exc:
        return {"unique_id": unique_id, "status": "runtime error", "criteria": criteria, "error": str(exc)}
    newest = _NEVER if newest is None else _utc(newest)
    age = (_utc(snapshotted) - newest).total_seconds()
    return {
        "unique_id": unique_id,
        "max_loaded_at": newest.isoformat(),
        "snapshotted_at": _utc(snapshotted).isoformat(),
        "max_loaded_at_time_ago_in_s": age,
        "status": _status(criteria, age),
        "criteria": criteria,
    }


def source_freshness(con: duckdb.DuckDBPyConnection, manifest_path: Path) -> list[CheckOutcome]:
    """What `dbt source freshness` reports, for every source with a freshness criterion."""
    sources = manifest_sources(manifest_path)
    results = [
        _freshness_result(con, unique_id, node)
        for unique_id, node in sorted(sources.items())
        if node.get("freshness") and (node["freshness"].get("warn_after") or node["freshness"].get("error_after"))
    ]
    return outcomes_from_sources_json({"results": results})
