"""Failed outcomes become findings and anomalies that carry their figure's report and quote."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from dagster_project.quality.findings import (
    Anomaly,
    anomalies_from_outcomes,
    findings_from_failed_checks,
    replace_anomalies,
)
from dagster_project.quality.gx_suites import SuiteSpec
from dagster_project.quality.results import CheckOutcome, append_check_results
from dagster_project.quality.source_freshness import outcomes_from_sources_json
from dagster_project.warehouse_db import open_warehouse

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SPEC = SuiteSpec(name="s", table="marts.fct_services", key_column="fact_key", description="",
                 expectations=(), path=Path("s.json"))


def outcome(passed: bool, keys: tuple[str, ...] = (), check: str = "percent_within_0_100") -> CheckOutcome:
    return CheckOutcome(suite="s", check_name=check, asset="marts.fct_services", severity="warning",
                        passed=passed, offending_keys=keys, message="share above 100 %")


FRAME = pd.DataFrame({
    "fact_key": ["r1:1-5", "r1:9-12"], "report_key": ["r1", "r1"], "province_code": ["40", "40"],
    "value": [103.78, 50.0], "evidence": ["đạt 103,78%", "đạt 50%"],
})


def test_each_offending_row_is_one_anomaly_with_its_figure() -> None:
    (anomaly,) = anomalies_from_outcomes(SPEC, FRAME, [outcome(False, ("r1:1-5",))])
    assert anomaly.fact_key == "r1:1-5"
    assert anomaly.finding.finding_key == "percent_within_0_100|marts.fct_services|r1:1-5"
    assert (anomaly.finding.report_key, anomaly.finding.province_code) == ("r1", "40")
    assert anomaly.finding.quote == "đạt 103,78%"
    assert '"value": "103.78"' in anomaly.finding.observed


def test_passing_outcomes_make_no_anomaly() -> None:
    assert anomalies_from_outcomes(SPEC, FRAME, [outcome(True)]) == []


def test_a_failure_without_rows_is_one_finding_about_the_check() -> None:
    (finding,) = findings_from_failed_checks([outcome(False, check="not_null_x"), outcome(True)])
    assert finding.finding_key == "not_null_x|marts.fct_services"


def test_anomalies_keep_their_first_detection_time(tmp_path: Path) -> None:
    (anomaly,) = anomalies_from_outcomes(SPEC, FRAME, [outcome(False, ("r1:1-5",))])
    with open_warehouse(tmp_path / "w.duckdb") as con:
        replace_anomalies(con, "run1", NOW, [anomaly])
        replace_anomalies(con, "run2", NOW + timedelta(days=1), [anomaly, Anomaly(anomaly.finding)])
        rows = con.execute("select anomaly_key, first_detected_at, last_run_id from quality.anomalies").fetchall()
    assert rows == [(anomaly.finding.finding_key, NOW, "run2")]


def test_source_freshness_statuses_become_outcomes() -> None:
    sources = {"results": [
        {"unique_id": "source.pdx.raw.reports", "status": "pass", "criteria": {}},
        {"unique_id": "source.pdx.raw.observations", "status": "warn"},
        {"unique_id": "source.pdx.raw.rejected_reports", "status": "error"},
    ]}
    found = {(o.asset, o.passed, o.severity) for o in outcomes_from_sources_json(sources)}
    assert found == {("raw.reports", True, "error"), ("raw.observations", False, "warning"),
                     ("raw.rejected_reports", False, "error")}


def test_a_figure_keeps_its_finding_key_when_its_report_is_re_hashed() -> None:
    frame = FRAME.assign(quote=["103,78%", "50%"])
    before = anomalies_from_outcomes(SPEC, frame, [outcome(False, ("r1:1-5",))], {"r1": "a.txt"})
    edited = frame.assign(report_key=["r2", "r2"], fact_key=["r2:1-5", "r2:9-12"])
    after = anomalies_from_outcomes(SPEC, edited, [outcome(False, ("r2:1-5",))], {"r2": "a.txt"})
    assert before[0].finding.finding_key == after[0].finding.finding_key
    assert "a.txt|103,78%" in after[0].finding.finding_key


def test_only_offending_rows_are_read_and_the_first_row_of_a_key_wins() -> None:
    frame = pd.DataFrame({
        "fact_key": ["r1:1-5", "r1:9-12", "r1:1-5"], "report_key": ["r1", "r1", "r9"],
        "province_code": ["40", "40", "99"], "value": [103.78, 50.0, 1.0], "evidence": ["a", "b", "c"],
    })
    found = anomalies_from_outcomes(SPEC, frame, [outcome(False, ("r1:1-5", "missing", "r1:1-5")), outcome(True)])
    assert [(a.fact_key, a.finding.report_key, a.finding.province_code) for a in found] == [
        ("r1:1-5", "r1", "40"), ("missing", None, None),
    ]
    assert found[1].finding.observed is None  # no row: the outcome's own observed value


def test_bulk_written_check_results_and_anomalies_read_back_as_given(tmp_path: Path) -> None:
    outcomes = [
        outcome(False, ("r1:1-5", "r1:9-12")),
        CheckOutcome(suite="s", check_name="c2", asset="marts.dim_report", severity="error", passed=True),
    ]
    anomalies = anomalies_from_outcomes(SPEC, FRAME, outcomes) + [Anomaly(f) for f in findings_from_failed_checks(
        [outcome(False, check="not_null_x")])]
    with open_warehouse(tmp_path / "w.duckdb") as con:
        append_check_results(con, "run1", NOW, outcomes)
        assert replace_anomalies(con, "run1", NOW, anomalies) == 3
        results = con.execute("select * exclude (run_id, checked_at) from quality.check_results").fetchall()
        stored = con.execute("select anomaly_key, fact_key, report_key, quote, observed, first_detected_at, "
                             "last_run_id from quality.anomalies").fetchall()
        assert con.execute("select distinct checked_at from quality.check_results").fetchall() == [(NOW,)]
    assert results == [
        ("s", "percent_within_0_100", "marts.fct_services", "warning", False, None, None,
         ["r1:1-5", "r1:9-12"], "share above 100 %"),
        ("s", "c2", "marts.dim_report", "error", True, None, None, [], None),
    ]
    assert [row[0] for row in stored] == [a.finding.finding_key for a in anomalies]  # in the order given
    assert stored[0][1:5] == ("r1:1-5", "r1", "đạt 103,78%", anomalies[0].finding.observed)
    assert stored[2][1:5] == (None, None, None, None)
    assert {row[5:] for row in stored} == {(NOW, "run1")}
