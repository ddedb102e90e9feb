"""The GX suites on the quality models (dbt/models/quality), run on frames read from DuckDB.

Each frame is a small table shaped like its model (same column names and types),
created in an in-memory DuckDB and read back with `con.table(name).df()` as the
Dagster asset checks do, so nullable booleans (pandas `boolean` with <NA>), plain
booleans, dates with NaT and nullable integers reach GX as they do in production.
Every check gets one passing and one failing row, and nulls that the check must
ignore.
"""
from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import pandas as pd
import pytest

from dagster_project.quality.gx_suites import SuiteSpec, load_suites, run_suite
from dagster_project.settings import EXPECTATIONS_DIR

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _spec(table: str) -> SuiteSpec:
    (spec,) = [s for s in load_suites(EXPECTATIONS_DIR) if s.table == table]
    return spec


def _frame(ddl: str, rows: str) -> pd.DataFrame:
    """A DuckDB table `t` with the model's columns, read as the asset checks read it."""
    con = duckdb.connect()
    try:
        con.execute(f"create table t ({ddl})")
        con.execute(f"insert into t values {rows}")
        return con.table("t").df()
    finally:
        con.close()


def _outcomes(table: str, frame: pd.DataFrame) -> dict:
    return {o.check_name: o for o in run_suite(_spec(table), frame, NOW)}


def test_every_quality_suite_is_a_warning_with_a_message() -> None:
    specs = [s for s in load_suites(EXPECTATIONS_DIR) if s.table.startswith("quality.")]
    assert {s.table for s in specs} == {
        "quality.qa_fact_values", "quality.qa_ratio_consistency", "quality.qa_part_whole",
        "quality.qa_contradictions", "quality.qa_province_freshness",
    }
    for spec in specs:
        for expectation in spec.expectations:
            assert expectation["meta"]["severity"] == "warning", expectation["meta"]["check"]
            assert expectation["meta"]["description"], expectation["meta"]["check"]


def test_x_over_y_lives_in_ratio_consistency_only() -> None:
    checks = {(s.name, e["meta"]["check"]) for s in load_suites(EXPECTATIONS_DIR) for e in s.expectations}
    assert ("ratio_consistency", "numerator_within_denominator") in checks
    assert ("fact_consistency", "numerator_within_denominator") not in checks


def test_counts_must_be_whole() -> None:
    frame = _frame(
        "fact_key varchar, domain varchar, report_key varchar, province_code varchar, indicator_code varchar,"
        " value double, unit varchar, indicator_unit varchar, figure_kind varchar, is_whole_count boolean,"
        " evidence varchar, quote varchar",
        "('whole', 'infrastructure', 'r1', '40', 'digital_certificates', 10368, 'count', 'count', 'count', true, 'e', '10.368'),"
        " ('half', 'workforce', 'r1', '40', 'it_staff', 1.5, 'count', 'count', 'count', false, 'e', '1,5'),"
        " ('share', 'services', 'r1', null, 'e_documents', 88.5, 'percent', 'percent', 'percent', null, 'e', '88,5%'),"
        # a density per 100 inhabitants is no count: the model leaves is_whole_count null
        " ('density', 'infrastructure', 'r1', '40', 'telecom_subscribers', 106.8, 'count', 'count', 'density', null, 'e', 'q')",
    )
    assert str(frame["is_whole_count"].dtype) == "boolean"  # nullable: <NA> for the percent
    outcome = _outcomes("quality.qa_fact_values", frame)["counts_whole"]
    assert outcome.passed is False
    assert outcome.severity == "warning"
    assert outcome.offending_keys == ("half",)


RATIO_DDL = (
    "fact_key varchar, report_key varchar, province_code varchar, indicator_code varchar, value double,"
    " unit varchar, numerator double, denominator double, computed_percent double,"
    " numerator_exceeds_denominator boolean, stated_percent double, stated_decimals integer,"
    " percent_gap double, evidence varchar, quote varchar"
)


def test_x_over_y_and_stated_percent() -> None:
    frame = _frame(
        RATIO_DDL,
        # 74/115 stated 64 % agrees; 451343/434900 = 103.78 % agrees but x > y;
        # 16/20 stated 75 % is 5 points off; 20/20 states no percentage (gap null).
        "('agrees', 'r1', '40', 'computers', 64, 'percent', 74, 115, 64.3478, false, 64, 0, 0.0, 'e', 'q'),"
        " ('over', 'r1', '40', 'data_cleaning', 103.78, 'percent', 451343, 434900, 103.7809, true, 103.78, 2, 0.0, 'e', 'q'),"
        " ('off', 'r2', '04', 'e_documents', 75, 'percent', 16, 20, 80.0, false, 75, 0, 5.0, 'e', 'q'),"
        " ('bare', 'r2', '04', 'one_stop_shop', 20, 'count', 20, 20, 100.0, false, null, null, null, 'e', 'q')",
    )
    outcomes = _outcomes("quality.qa_ratio_consistency", frame)
    assert outcomes["numerator_within_denominator"].passed is False
    assert outcomes["numerator_within_denominator"].offending_keys == ("over",)
    assert outcomes["stated_percent_agrees"].passed is False
    assert outcomes["stated_percent_agrees"].offending_keys == ("off",)


def test_x_over_y_passes_when_nothing_is_wrong() -> None:
    frame = _frame(
        RATIO_DDL,
        "('agrees', 'r1', '40', 'computers', 64, 'percent', 74, 115, 64.3478, false, 64, 0, 0.04, 'e', 'q'),"
        " ('bare', 'r2', '04', 'one_stop_shop', 20, 'count', 20, 20, 100.0, false, null, null, null, 'e', 'q')",
    )
    outcomes = _outcomes("quality.qa_ratio_consistency", frame)
    assert all(o.passed for o in outcomes.values())
    assert all(o.offending_keys == () for o in outcomes.values())


def test_parts_must_not_exceed_their_total() -> None:
    frame = _frame(
        "total_fact_key varchar, report_key varchar, province_code varchar, indicator_code varchar, unit varchar,"
        " total_value double, parts_count bigint, parts_sum double, sum_gap double, comparison varchar,"
        " is_consistent boolean, part_fact_keys varchar, evidence varchar",
        "('certificates', 'r1', '40', 'digital_certificates', 'count', 10368, 2, 10368, 0, 'sum', true, 'a, b', 'e'),"
        " ('some_parts', 'r2', '72', 'surveillance_cameras', 'count', 608, 2, 302, -306, 'sum', true, 'c, d', 'e'),"
        " ('dossiers', 'r2', '72', 'dossiers_received', 'count', 412850, 3, 417990, 5140, 'sum', false, 'g, h, i', 'e'),"
        " ('mixed', 'r3', '04', 'online_public_services', 'percent', 10, 1, 176, 166, 'mixed_units', null, 'f', 'e')",
    )
    outcome = _outcomes("quality.qa_part_whole", frame)["parts_sum_to_total"]
    assert outcome.passed is False
    assert outcome.offending_keys == ("dossiers",)


CONTRADICTION_DDL = (
    "fact_key varchar, report_key varchar, province_code varchar, indicator_code varchar, admin_level varchar,"
    " reference_date date, value double, group_key varchar, group_reports bigint,"
    " group_distinct_values bigint, contradicting_values bigint, contradicting_value double, evidence varchar"
)


def test_reports_that_disagree_are_contradictions() -> None:
    frame = _frame(
        CONTRADICTION_DDL,
        "('same1', 'r1', '04', 'one_stop_shop', 'province', '2018-12-11', 20, '04|one_stop_shop|province|2018-12-11', 2, 1, 0, null, 'e'),"
        " ('same2', 'r2', '04', 'one_stop_shop', 'province', '2018-12-11', 20, '04|one_stop_shop|province|2018-12-11', 2, 1, 0, null, 'e'),"
        " ('diff1', 'r1', '40', 'computers', 'commune', '2024-03-26', 80, '40|computers|commune|2024-03-26', 2, 3, 1, 85, 'e'),"
        " ('diff2', 'r2', '40', 'computers', 'commune', '2024-03-26', 85, '40|computers|commune|2024-03-26', 2, 3, 1, 80, 'e'),"
        # a kind of the total (702 of 1.245 stations) in the same group contradicts nothing
        " ('kind', 'r2', '40', 'computers', 'commune', '2024-03-26', 40, '40|computers|commune|2024-03-26', 2, 3, 0, null, 'e')",
    )
    outcome = _outcomes("quality.qa_contradictions", frame)["single_value_per_group"]
    assert outcome.passed is False
    assert sorted(outcome.offending_keys) == ["diff1", "diff2"]


def test_no_group_at_all_passes() -> None:
    con = duckdb.connect()
    con.execute(f"create table t ({CONTRADICTION_DDL})")
    frame = con.table("t").df()
    con.close()
    outcome = _outcomes("quality.qa_contradictions", frame)["single_value_per_group"]
    assert outcome.passed is True
    assert outcome.offending_keys == ()


@pytest.mark.parametrize("with_undated", [True, False])
def test_stale_and_undated_provinces(with_undated: bool) -> None:
    rows = (
        "('72', 'Tây Ninh', 1, '2025-08-14', 'fresh', 140, 365, false, null),"
        " ('04', 'Cao Bằng', 1, '2018-12-11', 'old', 2578, 365, true, null)"
    )
    if with_undated:
        rows += ", ('40', 'Nghệ An', 1, null, 'undated', null, 365, null, null)"
    frame = _frame(
        "province_code varchar, province_name_vi varchar, reports bigint, newest_published_date date,"
        " report_key varchar, age_days bigint, limit_days integer, is_stale boolean, evidence varchar",
        rows,
    )
    assert str(frame["newest_published_date"].dtype).startswith("datetime64")
    outcomes = _outcomes("quality.qa_province_freshness", frame)
    assert outcomes["newest_report_within_limit"].passed is False
    assert outcomes["newest_report_within_limit"].offending_keys == ("04",)
    assert outcomes["dated_report_known"].passed is (not with_undated)
    assert outcomes["dated_report_known"].offending_keys == (("40",) if with_undated else ())
