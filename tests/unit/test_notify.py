"""Alerts follow the published warehouse: reconciled after the swap, from what BI users see."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

from dagster_project import run_record
from dagster_project.alerts import notify_published, notify_run_failed
from dagster_project.alerts.model import Finding
from dagster_project.quality.findings import Anomaly, replace_anomalies
from dagster_project.quality.results import CheckOutcome, append_check_results
from dagster_project.settings import Settings, load_settings

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=timezone.utc)


def finding(key: str, check: str = "percent_within_0_100") -> Finding:
    return Finding(finding_key=f"{check}|{key}", check_name=check, suite="fact_consistency",
                   asset="marts.fct_services", severity="warning", message="above 100 %", quote=f"quote {key}")


def publish(settings: Settings, run_id: str, findings: list[Finding], at: datetime) -> None:
    """What the gate leaves in the published file: the run's record, its checks, the open findings."""
    with duckdb.connect(str(settings.warehouse_path)) as con:
        run_record.start_run(con, run_id, at, "fp")
        append_check_results(con, run_id, at, [CheckOutcome("fact_consistency", "percent_within_0_100",
                                                            "marts.fct_services", "warning", not findings)])
        replace_anomalies(con, run_id, at, [Anomaly(f) for f in findings], scope={"percent_within_0_100"})
        run_record.complete_run(con, run_id, at, at)


def sent(settings: Settings) -> list[tuple[str, str]]:
    if not settings.alerts_file.exists():
        return []
    lines = settings.alerts_file.read_text(encoding="utf-8").splitlines()
    return [(a["kind"], a["finding"]["finding_key"]) for a in map(json.loads, lines)]


def make_settings(tmp_path: Path) -> Settings:
    return load_settings({"PDX_WAREHOUSE": str(tmp_path / "w.duckdb"), "PDX_SOURCES_DIR": str(tmp_path)})


def test_alerts_are_reconciled_from_the_published_warehouse(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    publish(settings, "run-1", [finding("a"), finding("b")], T0)
    first = notify_published(settings, "run-1", T0)
    assert first.delivery.all_delivered and len(first.alerts) == 2
    publish(settings, "run-2", [finding("a")], T0 + timedelta(days=1))
    notify_published(settings, "run-2", T0 + timedelta(days=1))
    assert sent(settings) == [("new", "percent_within_0_100|a"), ("new", "percent_within_0_100|b"),
                              ("resolved", "percent_within_0_100|b")]


def test_the_alert_step_run_again_for_the_same_publication_repeats_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    publish(settings, "run-1", [finding("a")], T0)
    notify_published(settings, "run-1", T0)
    notify_published(settings, "run-2", T0)  # e.g. a run killed after its alerts, then an alert-only run
    assert sent(settings) == [("new", "percent_within_0_100|a")]


def test_findings_alerted_by_the_older_layout_are_not_alerted_again(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    publish(settings, "run-1", [finding("a"), finding("b")], T0)
    with duckdb.connect(str(settings.warehouse_path)) as con:  # quality.alert_state of the previous layout
        con.execute("create table quality.alert_state (finding_key varchar, status varchar, finding_json varchar)")
        con.execute("insert into quality.alert_state values (?, 'open', ?)",
                    [finding("a").finding_key, json.dumps(finding("a").to_dict())])
    notify_published(settings, "run-1", T0)
    assert sent(settings) == [("new", "percent_within_0_100|b")]


def test_a_failed_run_sends_one_alert_however_often_it_is_reported(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    for _ in range(2):  # the CLI and the run-failure sensor
        notify_run_failed(settings, "run-9", "full_build", "dbt build: model broke", T0)
    assert sent(settings) == [("new", "run_failed|full_build")]
    assert not settings.warehouse_path.exists()  # no finding's state moved: no warehouse was touched
