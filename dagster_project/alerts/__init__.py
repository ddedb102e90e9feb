"""Alerts on quality findings as plain Python (no Dagster): state, sinks, delivery.

`reconcile` turns this run's findings into "new" and "resolved" alerts against the
open findings kept in `quality.alert_state`; `dispatch` sends them to every sink.
"""
from dagster_project.alerts.model import Alert, Finding
from dagster_project.alerts.sinks import (
    AlertSink,
    DispatchReport,
    JsonlSink,
    SinkReport,
    SmtpSink,
    WebhookSink,
    dead_letter_path_for,
    dispatch,
    sinks_from_environment,
)
from dagster_project.alerts.state import ensure_alert_state, open_findings, reconcile

__all__ = [
    "Alert",
    "AlertSink",
    "DispatchReport",
    "Finding",
    "JsonlSink",
    "SinkReport",
    "SmtpSink",
    "WebhookSink",
    "dead_letter_path_for",
    "dispatch",
    "ensure_alert_state",
    "open_findings",
    "reconcile",
    "sinks_from_environment",
]
