"""Sending what the outbox holds: every sink, grouped by severity, retried, recorded.

Each sink gets its own pending alerts (those queued while it was configured
that it has not taken yet, from this run or from earlier runs that could not
deliver), as one batch per severity. A failed batch is retried with backoff; a
sink that keeps failing never stops the others. What a sink took is marked in
the alert state only after it took it.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from dagster_project.alerts.model import Alert, AlertBatch
from dagster_project.alerts.sinks import AlertSink, describe_error
from dagster_project.alerts.state import AlertStore, PendingAlert

log = logging.getLogger(__name__)

MAX_ERRORS_PER_SINK = 5


@dataclass
class SinkReport:
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class DeliveryReport:
    sinks: dict[str, SinkReport] = field(default_factory=dict)
    # Alerts that no sink has taken: kept in the alert state, sent by the next run.
    undelivered: list[Alert] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.sinks.values())

    @property
    def all_delivered(self) -> bool:
        return not self.undelivered

    @property
    def failing_sinks(self) -> list[str]:
        return [name for name, r in self.sinks.items() if r.failed]

    def summary(self) -> str:
        """'jsonl 3 sent; webhook:example.org 3 failed (WebhookError: ...)'"""
        parts = []
        for name, report in self.sinks.items():
            text = f"{name} {report.sent} sent"
            if report.failed:
                text += f", {report.failed} failed ({report.errors[0] if report.errors else 'unknown error'})"
            parts.append(text)
        return "; ".join(parts) or "no sink"


def _send_with_retries(
    sink: AlertSink, batch: AlertBatch, attempts: int, backoff_seconds: float,
    sleep: Callable[[float], None], secrets: Iterable[str],
) -> str | None:
    """None when delivered, else the last error (without secrets)."""
    last_error = "not attempted"
    for attempt in range(attempts):
        try:
            sink.send(batch)
            return None
        except Exception as error:  # noqa: BLE001 - any sink failure is retried and reported
            last_error = describe_error(error, secrets)
            log.warning("%s: attempt %d/%d failed: %s", sink.name, attempt + 1, attempts, last_error)
        if attempt + 1 < attempts:
            sleep(backoff_seconds * 2**attempt)
    return last_error


def deliver_pending(
    store: AlertStore,
    sinks: Sequence[AlertSink],
    max_listed: int = 20,
    retries: int = 3,
    backoff_seconds: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
    secrets: Iterable[str] = (),
) -> DeliveryReport:
    """Send every pending alert to the sinks still waiting for it; never raises for a sink."""
    if retries < 0 or backoff_seconds < 0:
        raise ValueError("retries and backoff_seconds must not be negative")
    secrets = tuple(secrets)
    report = DeliveryReport()
    for sink in sinks:
        sink_report = report.sinks.setdefault(sink.name, SinkReport())
        failed_before: str | None = None
        for severity, pending in _by_severity(store.pending(sink.name)):
            ids = [p.alert_id for p in pending]
            batch = AlertBatch(severity, tuple(p.alert for p in pending), max_listed)  # type: ignore[arg-type]
            if failed_before is not None:
                error: str | None = f"not tried: the previous batch failed ({failed_before})"
            else:
                error = _deliver_batch(store, sink, batch, ids, retries, backoff_seconds, sleep, secrets)
            if error is None:
                sink_report.sent += len(ids)
                continue
            failed_before = failed_before or error
            sink_report.failed += len(ids)
            if len(sink_report.errors) < MAX_ERRORS_PER_SINK:
                sink_report.errors.append(error)
            store.record_failure(sink.name, ids, error)
    report.undelivered = store.undelivered([s.name for s in sinks])
    return report


def _by_severity(pending: Sequence[PendingAlert]) -> list[tuple[str, list[PendingAlert]]]:
    """Errors first; within a severity, the order the alerts were made."""
    groups = [(severity, [p for p in pending if p.alert.finding.severity == severity])
              for severity in ("error", "warning")]
    return [(severity, group) for severity, group in groups if group]


def _deliver_batch(
    store: AlertStore, sink: AlertSink, batch: AlertBatch, ids: list[int], retries: int,
    backoff_seconds: float, sleep: Callable[[float], None], secrets: tuple[str, ...],
) -> str | None:
    """None when the sink took the batch (and that is recorded), else the error."""
    error: str | None = None
    try:
        with store.delivering(sink.name, ids):
            error = _send_with_retries(sink, batch, retries + 1, backoff_seconds, sleep, secrets)
            if error is not None:
                raise _NotDelivered
    except _NotDelivered:
        pass
    return error


class _NotDelivered(Exception):
    """Leaves `delivering` without marking the batch delivered."""
