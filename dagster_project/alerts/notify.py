"""Alerts after the swap, from the published state; and the alert for a run that failed.

Alert state moves only with the published warehouse: the findings compared are
those of the file BI users read (`quality.anomalies` of the published file), and
the checks that can resolve a finding are those the publishing run evaluated.
A run that does not publish changes no finding's state; at most it sends one
alert saying it failed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from dagster_project.alerts.delivery import DeliveryReport, deliver_pending
from dagster_project.alerts.model import Alert, Finding
from dagster_project.alerts.sinks import AlertSink, sinks_from_settings
from dagster_project.alerts.state import AlertStore
from dagster_project.run_record import published_runs
from dagster_project.warehouse_db import table_exists
from dagster_project.settings import Settings

FINDING_COLUMNS = ("finding_key", "check_name", "suite", "asset", "severity", "message", "report_key",
                   "province_code", "quote", "observed", "expected")


@dataclass(frozen=True)
class PublishedFindings:
    publication: str  # the run that published the file (or the file's identity for an older layout)
    findings: list[Finding]
    scope: set[str]  # check names and suites that run evaluated
    legacy_open: list[Finding] = field(default_factory=list)  # an older layout's open findings


@dataclass
class NotifyResult:
    alerts: list[Alert]
    delivery: DeliveryReport


def read_published_findings(warehouse: Path) -> PublishedFindings:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        runs = published_runs(con)
        if runs:
            publication = runs[0].run_id
        else:
            publication = f"file:{warehouse.stat().st_mtime_ns}"
        findings: list[Finding] = []
        if table_exists(con, "quality", "anomalies"):
            columns = ", ".join("anomaly_key as finding_key" if c == "finding_key" else c for c in FINDING_COLUMNS)
            rows = con.table("quality.anomalies").select(columns).fetchall()
            findings = [Finding(**dict(zip(FINDING_COLUMNS, row))) for row in rows]
        scope: set[str] = set()
        if table_exists(con, "quality", "check_results"):
            # An older layout has no publication record: its latest checked run published it.
            latest = con.execute("select run_id from quality.check_results order by checked_at desc limit 1").fetchone()
            checked_run = publication if runs else (latest[0] if latest else None)
            for check_name, suite in con.execute(
                "select distinct check_name, suite from quality.check_results where run_id = ?", [checked_run]
            ).fetchall():
                scope |= {check_name, suite}
        legacy: list[Finding] = []
        if table_exists(con, "quality", "alert_state"):
            legacy = [
                Finding.from_dict(json.loads(payload)) for (payload,) in con.execute(
                    "select finding_json from quality.alert_state where status = 'open'").fetchall()
            ]
    return PublishedFindings(publication, findings, scope, legacy)


def alert_sinks(settings: Settings) -> list[AlertSink]:
    return sinks_from_settings(settings.alerts, settings.alerts_file)


def _deliver(settings: Settings, store: AlertStore, sinks: list[AlertSink]) -> DeliveryReport:
    return deliver_pending(store, sinks, max_listed=settings.alerts.max_listed, secrets=settings.alerts.secrets)


def notify_published(
    settings: Settings, run_id: str, now: datetime, sinks: list[AlertSink] | None = None
) -> NotifyResult:
    """Reconcile the published warehouse's findings with the alert state and send what is pending."""
    sinks = alert_sinks(settings) if sinks is None else sinks
    store = AlertStore(settings.alert_state_file)
    published = read_published_findings(settings.warehouse_path)
    if published.legacy_open and store.is_new():
        # Findings the previous layout already alerted (quality.alert_state) stay quiet.
        store.adopt_open_findings(published.legacy_open, run_id, now)
    alerts = store.reconcile(
        published.publication, run_id, published.findings, now, [s.name for s in sinks], scope=published.scope
    )
    return NotifyResult(alerts, _deliver(settings, store, sinks))


def notify_run_failed(
    settings: Settings, run_id: str, job_name: str, message: str, now: datetime,
    sinks: list[AlertSink] | None = None,
) -> DeliveryReport:
    """One error alert per failed run (the CLI and the run-failure sensor may both ask; one is sent)."""
    sinks = alert_sinks(settings) if sinks is None else sinks
    finding = Finding(
        finding_key=f"run_failed|{job_name}",
        check_name="run_failed",
        suite="pipeline",
        asset=job_name,
        severity="error",
        message=f"run {run_id} of {job_name} failed: {message}",
    )
    store = AlertStore(settings.alert_state_file)
    store.enqueue(Alert("new", finding, run_id, now), f"run_failed|{run_id}", [s.name for s in sinks])
    return _deliver(settings, store, sinks)
