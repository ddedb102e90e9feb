"""GX suites as plain functions: loading, placeholders and outcomes with offending keys."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

from dagster_project.quality.gx_suites import SuiteError, load_suite, load_suites, run_suite
from dagster_project.settings import EXPECTATIONS_DIR

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_the_project_suites_load() -> None:
    tables = {spec.table for spec in load_suites(EXPECTATIONS_DIR)}
    assert {"marts.fct_services", "marts.dim_report"} <= tables


def test_a_share_over_100_percent_is_a_warning_with_its_key() -> None:
    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == "marts.fct_services"]
    frame = pd.DataFrame({
        "fact_key": ["ok", "bad"], "value": [50.0, 103.78], "unit": ["percent", "percent"],
        "numerator": [1.0, 451343.0], "denominator": [2.0, 434900.0], "evidence": ["e", "e"],
    })
    outcomes = {o.check_name: o for o in run_suite(spec, frame, NOW)}
    assert outcomes["percent_within_0_100"].passed is False
    assert outcomes["percent_within_0_100"].severity == "warning"
    assert outcomes["percent_within_0_100"].offending_keys == ("bad",)
    assert outcomes["fact_key_unique"].passed is True


def test_a_suite_without_check_names_is_refused_with_its_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "s", "tables": ["marts.x"], "key_column": "k",
                                "expectations": [{"type": "expect_column_to_exist", "kwargs": {"column": "k"}}]}))
    with pytest.raises(SuiteError, match="s.json"):
        load_suite(path)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"name": "s",\n "tables": [}')
    with pytest.raises(SuiteError, match=r"broken.json:2"):
        load_suite(path)


def test_now_placeholders_make_a_load_freshness_check() -> None:
    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == "marts.dim_report"]
    frame = pd.DataFrame({
        "report_key": ["a"], "province_code": ["40"], "published_date": [pd.Timestamp("2025-01-01")],
        "loaded_at": [pd.Timestamp("2025-12-01", tz="UTC")],
    })
    outcomes = {o.check_name: o for o in run_suite(spec, frame, NOW)}
    assert outcomes["loaded_within_48_hours"].passed is False
    assert outcomes["loaded_within_48_hours"].severity == "error"


def test_a_suite_reads_its_key_its_columns_and_its_row_conditions_columns_only() -> None:
    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == "marts.fct_services"]
    assert spec.columns == ("fact_key", "value", "evidence", "unit")  # unit: also a row condition's


def test_the_checked_frame_has_the_suites_columns_and_the_failed_rows_have_all_of_them() -> None:
    import duckdb

    from dagster_project.quality.gx_suites import read_frame, read_rows

    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create table marts.fct_services as select 'k' || i as fact_key, i * 1.5 as value, 'percent' as unit, "
                "'câu ' || i as evidence, 'r' || i as report_key from range(6) t(i)")
    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == "marts.fct_services"]
    assert list(read_frame(con, spec.table, spec.columns).columns) == list(spec.columns)
    rows = read_rows(con, spec.table, spec.key_column, {"k4", "k1"})
    assert rows["fact_key"].tolist() == ["k1", "k4"] and "report_key" in rows.columns  # table order
    assert read_rows(con, spec.table, spec.key_column, set()).empty


def test_columns_only_null_checks_read_are_read_as_presence_with_the_same_outcomes() -> None:
    import duckdb

    from dagster_project.quality.gx_suites import read_frame

    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == "marts.fct_services"]
    assert spec.presence_only_columns == ("evidence",)  # value is also range-checked, unit a row condition
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create table marts.fct_services as select 'k' || i as fact_key, i * 1.5 as value, 'percent' as unit, "
                "case when i <> 2 then 'câu ' || i end as evidence from range(4) t(i)")
    whole = read_frame(con, spec.table, spec.columns)
    presence = read_frame(con, spec.table, spec.columns, spec.presence_only_columns)
    assert presence["evidence"].isna().tolist() == [False, False, True, False]
    assert set(presence["evidence"].dropna()) == {""}
    assert presence.drop(columns="evidence").equals(whole.drop(columns="evidence"))
    assert run_suite(spec, presence, NOW) == run_suite(spec, whole, NOW)
    (evidence_present,) = [o for o in run_suite(spec, presence, NOW) if o.check_name == "evidence_present"]
    assert not evidence_present.passed and evidence_present.offending_keys == ("k2",)
