"""Which reports and sentences make a dbt test fail.

dbt says "relationships_fct_services_as_of_date__date_day__ref_dim_date_ failed
(1 failure)". A person needs the report and the sentence: the test's compiled
query gives the failing values, and the tested model's rows with those values
give `report_key` and `evidence` (the figure's sentence) when it has them.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from dagster_project.warehouse_db import table_exists

ROWS_SHOWN = 3


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _relation(node: Mapping[str, Any]) -> str | None:
    schema, name = node.get("schema"), node.get("alias") or node.get("name")
    return f"{_quoted(schema)}.{_quoted(name)}" if schema and name else None


def _columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> set[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchall()
    return {name for (name,) in rows}


def failing_rows(
    con: duckdb.DuckDBPyConnection, result: Mapping[str, Any], manifest: Mapping[str, Any]
) -> list[str]:
    """'file: “sentence” (as_of_date = 2040-12-31)' for the first rows a failed test names."""
    test = manifest.get("nodes", {}).get(result.get("unique_id", ""), {})
    code = result.get("compiled_code")
    if not code:
        return []
    try:
        rows = con.sql(f"select * from ({code}) limit {ROWS_SHOWN}").fetchall()  # dbt's own compiled SQL
    except duckdb.Error:
        return []
    model = manifest.get("nodes", {}).get(test.get("attached_node") or "", {})
    column = test.get("column_name")
    relation, schema, table = _relation(model), model.get("schema"), model.get("alias") or model.get("name")
    values = [row[0] for row in rows]
    if not (relation and column and schema and table and values):
        return [", ".join(str(v) for v in row) for row in rows]
    columns = _columns(con, schema, table)
    if column not in columns or not {"report_key", "evidence"} <= columns:
        return [f"{column} = {v}" for v in values]
    described = []
    files = dict(con.execute("select report_key, source_file from raw.reports").fetchall()) if table_exists(
        con, "raw", "reports") else {}
    for value in values:
        found = con.sql(
            f"select report_key, evidence from {relation} where {_quoted(column)} = $value limit 1",
            params={"value": value},
        ).fetchone()
        if found is None:
            described.append(f"{column} = {value}")
            continue
        report_key, evidence = found
        described.append(f"{files.get(report_key, report_key)}: “{evidence}” ({column} = {value})")
    return described


def describe_failed_tests(
    con: duckdb.DuckDBPyConnection, run_results: Mapping[str, Any], manifest: Mapping[str, Any]
) -> dict[str, list[str]]:
    """test name -> the rows it failed on, for every failed test of a dbt invocation."""
    details: dict[str, list[str]] = {}
    for result in run_results.get("results", []):
        unique_id = str(result.get("unique_id", ""))
        if unique_id.startswith("test.") and result.get("status") in ("fail", "warn"):
            name = manifest.get("nodes", {}).get(unique_id, {}).get("name") or unique_id.split(".")[2]
            details[name] = failing_rows(con, result, manifest)
    return details
