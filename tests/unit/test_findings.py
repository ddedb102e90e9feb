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
from dagster_project.quality.results import CheckOutcome
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
