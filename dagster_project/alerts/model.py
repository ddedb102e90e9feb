"""What an alert is about (a finding), what is sent (an alert), and how alerts travel
together (a batch: the alerts of one severity that a sink takes in one go)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

Severity = Literal["warning", "error"]
AlertKind = Literal["new", "resolved"]

SEVERITIES: tuple[str, ...] = ("warning", "error")
ALERT_KINDS: tuple[str, ...] = ("new", "resolved")


@dataclass(frozen=True)
class Finding:
    """One open problem. `finding_key` must be the same for the same problem on every
    run (e.g. "percent_within_0_100|marts.fct_services|<fact_key>"), because it is what
    tells a repeated finding from a new one."""

    finding_key: str
    check_name: str
    suite: str
    asset: str
    severity: Severity
    message: str
    report_key: str | None = None
    province_code: str | None = None
    quote: str | None = None
    observed: str | None = None
    expected: str | None = None

    def __post_init__(self) -> None:
        # A bad severity or an empty key would corrupt the alert state for every later run.
        if not self.finding_key:
            raise ValueError("finding_key must not be empty")
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {self.severity!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        # Unknown keys are ignored so that state written by a newer version still loads.
        known = {name: data.get(name) for name in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    finding: Finding
    run_id: str
    sent_at: datetime

    def __post_init__(self) -> None:
        if self.kind not in ALERT_KINDS:
            raise ValueError(f"kind must be one of {ALERT_KINDS}, got {self.kind!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "run_id": self.run_id,
            "sent_at": self.sent_at.isoformat(),
            "finding": self.finding.to_dict(),
        }


@dataclass(frozen=True)
class AlertBatch:
    """The alerts of one severity a sink delivers at once: one e-mail, one webhook call.

    `max_listed` bounds what a person reads (the first N, then a count of the
    rest); files that keep every alert write them all."""

    severity: Severity
    alerts: tuple[Alert, ...]
    max_listed: int = 20

    @classmethod
    def group(cls, alerts: Sequence[Alert], max_listed: int = 20) -> list[AlertBatch]:
        """One batch per severity, errors first, each in the order the alerts were made."""
        return [
            cls(severity, tuple(a for a in alerts if a.finding.severity == severity), max_listed)  # type: ignore[arg-type]
            for severity in ("error", "warning")
            if any(a.finding.severity == severity for a in alerts)
        ]

    @property
    def listed(self) -> tuple[Alert, ...]:
        return self.alerts[: self.max_listed]

    @property
    def omitted(self) -> int:
        return max(0, len(self.alerts) - self.max_listed)

    def count(self, kind: str) -> int:
        return sum(a.kind == kind for a in self.alerts)

    @property
    def headline(self) -> str:
        """'3 warning alerts: 2 new, 1 resolved'"""
        parts = [f"{self.count(k)} {k}" for k in ALERT_KINDS if self.count(k)]
        noun = "alert" if len(self.alerts) == 1 else "alerts"
        return f"{len(self.alerts)} {self.severity} {noun}: {', '.join(parts)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "count": len(self.alerts),
            **{kind: self.count(kind) for kind in ALERT_KINDS},
            "listed": len(self.listed),
            "omitted": self.omitted,
            "alerts": [a.to_dict() for a in self.listed],
        }
