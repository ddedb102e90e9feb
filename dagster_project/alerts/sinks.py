"""Where alerts go (a JSON-lines file, a webhook, e-mail) and delivery that retries,
reports and never lets one broken sink cost another sink its alerts."""
from __future__ import annotations

import json
import logging
import os
import smtplib
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from dagster_project.alerts.model import Alert
from dagster_project.warehouse_db import utc_now

log = logging.getLogger(__name__)

ALERTS_FILE_NAME = "alerts.jsonl"
DEAD_LETTER_FILE_NAME = "alerts.dead_letter.jsonl"
# Enough to diagnose a broken sink without a report that grows with every alert.
MAX_ERRORS_PER_SINK = 20
_RESPONSE_BYTES_READ = 64 * 1024
# CPython 3.11 folds a header just before an encoded word as "text \r\n =?utf-8?...",
# which mail readers show as a double space ("fct_services  (Nghệ An)"). Headers are
# written unfolded up to RFC 5322's hard limit of 998 characters instead.
_UNFOLDED_HEADERS = SMTP_POLICY.clone(max_line_length=998)


@runtime_checkable
class AlertSink(Protocol):
    """Delivers one alert; raises when it could not (dispatch retries and reports)."""

    @property
    def name(self) -> str: ...

    def send(self, alert: Alert) -> None: ...


def dead_letter_path_for(warehouse_dir: Path) -> Path:
    return warehouse_dir / DEAD_LETTER_FILE_NAME


def _append_json_line(path: Path, payload: Mapping[str, Any]) -> None:
    # One write of a whole line in append mode, then fsync: a crash loses at most the
    # line being written and never interleaves half lines from two writers.
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n"
    with path.open("ab") as handle:
        handle.write(line.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


# --- JSON lines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonlSink:
    path: Path

    @property
    def name(self) -> str:
        return "jsonl"

    def send(self, alert: Alert) -> None:
        _append_json_line(self.path, alert.to_dict())


# --- webhook ------------------------------------------------------------------------------


class WebhookError(RuntimeError):
    pass


class _RefuseRedirect(urllib.request.HTTPRedirectHandler):
    # urllib turns a redirected POST into a GET without its body: the alert would be
    # "delivered" nowhere. A redirect is a failure to fix in the configuration instead.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


@dataclass(frozen=True)
class WebhookSink:
    url: str
    timeout: float = 5.0
    headers: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        parsed = urllib.parse.urlsplit(self.url)
        # urlopen also reads file:// and ftp:// URLs; a webhook is only ever HTTP(S).
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"webhook URL must be http(s)://host/..., got scheme {parsed.scheme!r}")

    @property
    def name(self) -> str:
        # Host only: webhook paths and queries often carry a secret token.
        return f"webhook:{urllib.parse.urlsplit(self.url).hostname}"

    def send(self, alert: Alert) -> None:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(alert.to_dict(), ensure_ascii=False).encode("utf-8"),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "pdx-warehouse-alerts",
                **(self.headers or {}),
            },
            method="POST",
        )
        opener = urllib.request.build_opener(_RefuseRedirect)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                response.read(_RESPONSE_BYTES_READ)
                status = response.status
        except urllib.error.HTTPError as error:
            error.close()
            raise WebhookError(f"webhook answered HTTP {error.code}") from error
        if not 200 <= status < 300:
            raise WebhookError(f"webhook answered HTTP {status}")


# --- e-mail -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    # Names make a subject readable at a glance; an unreadable seed must not stop an alert.
    try:
        from dagster_project.extraction.provinces import load_provinces

        return {p.gso_code: p.name_vi for p in load_provinces()}
    except (OSError, ValueError, TypeError) as error:
        log.warning("province names unavailable for alert subjects: %s", error)
        return {}


def province_label(code: str | None) -> str | None:
    if code is None:
        return None
    return _province_names().get(code, code)


def _one_line(text: str) -> str:
    # Header values must not carry line breaks (and could inject headers if they did).
    return " ".join(text.split())


def email_subject(alert: Alert) -> str:
    finding = alert.finding
    subject = f"[pdx {finding.severity}] {alert.kind.upper()} {finding.check_name} on {finding.asset}"
    province = province_label(finding.province_code)
    if province:
        subject += f" ({province})"
    return _one_line(subject)


def email_body(alert: Alert) -> str:
    finding = alert.finding
    province = province_label(finding.province_code)
    lines = [
        f"{alert.kind.upper()} {finding.severity} finding: {finding.check_name} on {finding.asset}",
        "",
        finding.message,
        "",
        f"Province:  {province} ({finding.province_code})" if province else "Province:  -",
        f"Report:    {finding.report_key or '-'}",
        f"Quote:     {finding.quote or '-'}",
        f"Observed:  {finding.observed or '-'}",
        f"Expected:  {finding.expected or '-'}",
        f"Suite:     {finding.suite}",
        f"Finding:   {finding.finding_key}",
        f"Run:       {alert.run_id} at {alert.sent_at.isoformat()}",
        "",
        "JSON:",
        json.dumps(alert.to_dict(), ensure_ascii=False, indent=2, sort_keys=True),
        "",
    ]
    return "\n".join(lines)


def build_email(alert: Alert, sender: str, recipients: Sequence[str]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = email_subject(alert)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(alert.sent_at)
    # An explicit domain: make_msgid would otherwise resolve this host's FQDN (DNS).
    message["Message-ID"] = make_msgid(domain="pdx-warehouse.alerts")
    # Quoted-printable keeps Vietnamese text 7-bit clean for relays without 8BITMIME.
    message.set_content(email_body(alert), charset="utf-8", cte="quoted-printable")
    # Only now: the body is already encoded in short lines by the default policy and the
    # generator does not re-wrap it; the wider limit applies to headers alone.
    message.policy = _UNFOLDED_HEADERS
    return message


@dataclass(frozen=True)
class SmtpSink:
    host: str
    port: int
    sender: str
    recipients: Sequence[str]
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 10

    def __post_init__(self) -> None:
        object.__setattr__(self, "recipients", tuple(self.recipients))
        if not self.recipients:
            raise ValueError("SmtpSink needs at least one recipient")
        if not self.sender:
            raise ValueError("SmtpSink needs a sender address")

    @property
    def name(self) -> str:
        return f"smtp:{self.host}:{self.port}"

    def send(self, alert: Alert) -> None:
        message = build_email(alert, self.sender, self.recipients)
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password or "")
            refused = smtp.send_message(message)
        # Some recipients got it: a retry would send them duplicates, so only log the rest.
        if refused:
            log.warning("%s refused recipients %s for %s", self.name, sorted(refused), alert.finding.finding_key)


# --- delivery -----------------------------------------------------------------------------


@dataclass
class SinkReport:
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def add_error(self, message: str) -> None:
        if len(self.errors) < MAX_ERRORS_PER_SINK:
            self.errors.append(message)


@dataclass
class DispatchReport:
    sinks: dict[str, SinkReport] = field(default_factory=dict)
    dead_lettered: int = 0
    dead_letter_errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.sinks.values())

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sinks": {
                name: {"sent": r.sent, "failed": r.failed, "errors": list(r.errors)}
                for name, r in self.sinks.items()
            },
            "dead_lettered": self.dead_lettered,
            "dead_letter_errors": list(self.dead_letter_errors),
        }


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _send_with_retries(
    sink: AlertSink, alert: Alert, attempts: int, backoff_seconds: float, sleep: Callable[[float], None]
) -> str | None:
    """None when delivered, else the last error."""
    last_error = "not attempted"
    for attempt in range(attempts):
        try:
            sink.send(alert)
            return None
        except Exception as error:  # noqa: BLE001 - any sink failure is retried and reported
            last_error = _describe(error)
            log.warning("%s: attempt %d/%d failed: %s", sink.name, attempt + 1, attempts, last_error)
        if attempt + 1 < attempts:
            sleep(backoff_seconds * 2**attempt)
    return last_error


def _dead_letter(
    report: DispatchReport, path: Path | None, sink_name: str, alert: Alert, error: str, attempts: int
) -> None:
    if path is None:
        return
    entry = {
        "sink": sink_name,
        "error": error,
        "attempts": attempts,
        "failed_at": utc_now().isoformat(),
        "alert": alert.to_dict(),
    }
    try:
        _append_json_line(path, entry)
        report.dead_lettered += 1
    except Exception as failure:  # noqa: BLE001 - the dead letter must not break delivery either
        if len(report.dead_letter_errors) < MAX_ERRORS_PER_SINK:
            report.dead_letter_errors.append(_describe(failure))
        log.error("dead letter %s not written: %s", path, failure)


def dispatch(
    alerts: Sequence[Alert],
    sinks: Sequence[AlertSink],
    retries: int = 3,
    backoff_seconds: float = 0.2,
    sleep: Callable[[float], None] = time.sleep,
    dead_letter_path: Path | None = None,
    give_up_after: int | None = 3,
) -> DispatchReport:
    """Send every alert to every sink; delivery failures never raise.

    A failed send is retried `retries` times (so up to retries + 1 attempts) after
    backoff_seconds, 2×, 4×... An alert a sink could not take is counted, its error
    kept, and written to `dead_letter_path` with the sink's name, so it can be replayed.
    After `give_up_after` alerts in a row failed on one sink, that sink's remaining
    alerts go straight to the dead letter: a dead server would otherwise cost every
    alert the full timeouts and backoff (None: always try). The report is keyed by
    sink name, so two sinks with one name share a line.
    """
    if retries < 0 or backoff_seconds < 0:
        raise ValueError("retries and backoff_seconds must not be negative")
    report = DispatchReport()
    for sink in sinks:
        sink_report = report.sinks.setdefault(sink.name, SinkReport())
        consecutive_failures = 0
        for alert in alerts:
            if give_up_after is not None and consecutive_failures >= give_up_after:
                error, attempts = f"skipped: {consecutive_failures} alerts in a row failed on this sink", 0
            else:
                attempts = retries + 1
                error = _send_with_retries(sink, alert, attempts, backoff_seconds, sleep)
            if error is None:
                sink_report.sent += 1
                consecutive_failures = 0
                continue
            consecutive_failures += 1
            sink_report.failed += 1
            sink_report.add_error(f"{alert.finding.finding_key}: {error}")
            _dead_letter(report, dead_letter_path, sink.name, alert, error, attempts)
    return report


# --- configuration ------------------------------------------------------------------------


def _env(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


def _env_flag(environ: Mapping[str, str], name: str) -> bool:
    value = (_env(environ, name) or "0").lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be 1 or 0, got {value!r}")


def _env_port(environ: Mapping[str, str], name: str, default: int) -> int:
    value = _env(environ, name)
    if value is None:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ValueError(f"{name} must be a TCP port number, got {value!r}")
    return int(value)


def _webhook_from_environment(environ: Mapping[str, str]) -> WebhookSink | None:
    url = _env(environ, "PDX_ALERT_WEBHOOK_URL")
    if url is None:
        return None
    try:
        return WebhookSink(url)
    except ValueError as error:
        raise ValueError(f"PDX_ALERT_WEBHOOK_URL: {error}") from error


def _smtp_from_environment(environ: Mapping[str, str]) -> SmtpSink | None:
    host = _env(environ, "PDX_SMTP_HOST")
    if host is None:
        return None
    recipients = [r.strip() for r in (_env(environ, "PDX_ALERT_TO") or "").split(",") if r.strip()]
    if not recipients:
        raise ValueError("PDX_SMTP_HOST is set: set PDX_ALERT_TO to the comma-separated recipients")
    sender = _env(environ, "PDX_ALERT_FROM")
    if sender is None:
        raise ValueError("PDX_SMTP_HOST is set: set PDX_ALERT_FROM to the sender address")
    username, password = _env(environ, "PDX_SMTP_USER"), _env(environ, "PDX_SMTP_PASSWORD")
    if (username is None) != (password is None):
        missing = "PDX_SMTP_PASSWORD" if password is None else "PDX_SMTP_USER"
        raise ValueError(f"SMTP login needs both PDX_SMTP_USER and PDX_SMTP_PASSWORD: set {missing}")
    return SmtpSink(
        host=host,
        port=_env_port(environ, "PDX_SMTP_PORT", 25),
        sender=sender,
        recipients=recipients,
        username=username,
        password=password,
        starttls=_env_flag(environ, "PDX_SMTP_STARTTLS"),
    )


def sinks_from_environment(warehouse_dir: Path, environ: Mapping[str, str] = os.environ) -> list[AlertSink]:
    """The JSON-lines file always; a webhook and e-mail when configured. A half-done
    configuration raises ValueError naming the variable to set, rather than
    silently sending nothing."""
    sinks: list[AlertSink] = [JsonlSink(warehouse_dir / ALERTS_FILE_NAME)]
    for optional in (_webhook_from_environment(environ), _smtp_from_environment(environ)):
        if optional is not None:
            sinks.append(optional)
    return sinks
