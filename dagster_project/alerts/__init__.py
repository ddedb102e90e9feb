"""Alerts on quality findings as plain Python (no Dagster): state, sinks, delivery.

After a publish, `notify_published` compares the published warehouse's findings
with the open ones in the alert state file (`AlertStore`), queues "new" and
"resolved" alerts, and `deliver_pending` sends every sink what it has not taken
yet, one batch per severity.
"""
from dagster_project.alerts.delivery import DeliveryReport, SinkReport, deliver_pending
from dagster_project.alerts.model import Alert, AlertBatch, Finding
from dagster_project.alerts.notify import NotifyResult, alert_sinks, notify_published, notify_run_failed
from dagster_project.alerts.sinks import AlertSink, JsonlSink, SmtpSink, WebhookSink, redact, sinks_from_settings
from dagster_project.alerts.state import AlertStore

__all__ = [
    "Alert",
    "AlertBatch",
    "AlertSink",
    "AlertStore",
    "DeliveryReport",
    "Finding",
    "JsonlSink",
    "NotifyResult",
    "SinkReport",
    "SmtpSink",
    "WebhookSink",
    "alert_sinks",
    "deliver_pending",
    "notify_published",
    "notify_run_failed",
    "redact",
    "sinks_from_settings",
]
