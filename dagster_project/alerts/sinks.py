"""Where alerts go: a JSON-lines file, a webhook, e-mail.

A sink takes a batch (the alerts of one severity of a run, see AlertBatch): one
webhook call and one e-mail per batch, with the count and the first N alerts,
never one message per finding. A sink raises when it could not deliver; the
error text it raises never holds a secret (see `redact`), because it ends up
in logs and in the alert state. Delivery, retries and what was delivered where
are in delivery.py.
"""
from __future__ import annotations

import json
import logging
import os
import smtplib
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from dagster_project.alerts.model import Alert, AlertBatch
from dagster_project.settings import AlertSettings, webhook_secrets

log = logging.getLogger(__name__)

_RESPONSE_BYTES_READ = 64 * 1024
# CPython 3.11 folds a header just before an encoded word as "text \r\n =?utf-8?...",
# which mail readers show as a double space ("fct_services  (Nghệ An)"). Headers are
# written unfolded up to RFC 5322's hard limit of 998 characters instead.
_UNFOLDED_HEADERS = SMTP_POLICY.clone(max_line_length=998)
REDACTED = "[redacted]"


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret (and its URL-quoted form) replaced, longest first."""
    variants = {v for s in secrets if s for v in (s, urllib.parse.quote(s), urllib.parse.quote(s, safe=""))}
    for secret in sorted(variants, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


@runtime_checkable
class AlertSink(Protocol):
    """Delivers one batch; raises when it could not. `name` is stable across runs (it keys
    what was delivered where) and holds no secret."""

    @property
    def name(self) -> str: ...

    def send(self, batch: AlertBatch) -> None: ...


# --- JSON lines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonlSink:
    """Every alert, one JSON object a line: the complete record, so no alert is left out."""

    path: Path

    @property
    def name(self) -> str:
        return "jsonl"

    def send(self, batch: AlertBatch) -> None:
        # One write of whole lines in append mode, then fsync: a crash loses at most the
        # lines being written and never interleaves half lines from two writers.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for a in batch.alerts)
        with self.path.open("ab") as handle:
            handle.write(lines.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())


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
    url: str = field(repr=False)
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

    def send(self, batch: AlertBatch) -> None:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(batch.to_dict(), ensure_ascii=False).encode("utf-8"),
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
            raise WebhookError(f"{self.name} answered HTTP {error.code}") from None
        except Exception as error:  # noqa: BLE001 - any failure, reworded without the URL
            # urllib and http.client put the URL (and so the token) in some messages.
            raise WebhookError(f"{self.name}: {redact(_describe(error), webhook_secrets(self.url))}") from None
        if not 200 <= status < 300:
            raise WebhookError(f"{self.name} answered HTTP {status}")


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


def email_subject(batch: AlertBatch) -> str:
    first = batch.alerts[0]
    run = f" (run {first.run_id[:8]})" if first.run_id else ""
    if len(batch.alerts) == 1:
        finding = first.finding
        province = province_label(finding.province_code)
        where = f" ({province})" if province else ""
        return _one_line(f"[pdx {batch.severity}] {first.kind.upper()} {finding.check_name} on {finding.asset}{where}")
    return _one_line(f"[pdx {batch.severity}] {batch.headline}{run}")


def alert_line(alert: Alert) -> str:
    """One alert as a sentence: what, where, the quote, what was found and expected."""
    finding = alert.finding
    province = province_label(finding.province_code)
    parts = [f"{alert.kind.upper()} {finding.check_name} on {finding.asset}"]
    if province:
        parts[0] += f" ({province})"
    parts.append(finding.message)
    if finding.quote:
        parts.append(f"“{finding.quote}”")
    return " — ".join(parts)


def email_body(batch: AlertBatch) -> str:
    lines = [batch.headline, ""]
    for number, alert in enumerate(batch.listed, 1):
        finding = alert.finding
        province = province_label(finding.province_code)
        lines += [
            f"{number}. {alert_line(alert)}",
            f"   Province: {province} ({finding.province_code})" if province else "   Province: -",
            f"   Report:   {finding.report_key or '-'}",
            f"   Observed: {finding.observed or '-'}",
            f"   Expected: {finding.expected or '-'}",
            f"   Finding:  {finding.finding_key}",
            "",
        ]
    if batch.omitted:
        lines += [f"... and {batch.omitted} more: every alert is in alerts.jsonl beside the warehouse, "
                  "every open finding in quality.anomalies.", ""]
    first = batch.alerts[0]
    lines += [f"Run: {first.run_id} at {first.sent_at.isoformat()}", "", "JSON:",
              json.dumps(batch.to_dict(), ensure_ascii=False, indent=2, sort_keys=True), ""]
    return "\n".join(lines)


def build_email(batch: AlertBatch, sender: str, recipients: Sequence[str]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = email_subject(batch)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(batch.alerts[0].sent_at)
    # An explicit domain: make_msgid would otherwise resolve this host's FQDN (DNS).
    message["Message-ID"] = make_msgid(domain="pdx-warehouse.alerts")
    # Quoted-printable keeps Vietnamese text 7-bit clean for relays without 8BITMIME.
    message.set_content(email_body(batch), charset="utf-8", cte="quoted-printable")
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
    password: str | None = field(default=None, repr=False)
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

    def send(self, batch: AlertBatch) -> None:
        message = build_email(batch, self.sender, self.recipients)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    # Fails (never falls back to plain text) when the server offers no STARTTLS.
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password or "")
                refused = smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise RuntimeError(f"{self.name}: {redact(_describe(error), [self.password or ''])}") from None
        # Some recipients got it: a retry would send them duplicates, so only log the rest.
        if refused:
            log.warning("%s refused recipients %s", self.name, sorted(refused))


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


# --- configuration ------------------------------------------------------------------------


def sinks_from_settings(settings: AlertSettings, alerts_file: Path) -> list[AlertSink]:
    """The JSON-lines file always; a webhook and e-mail when configured (settings.py
    has already refused a half-done configuration)."""
    sinks: list[AlertSink] = [JsonlSink(alerts_file)]
    if settings.webhook_url:
        sinks.append(WebhookSink(settings.webhook_url))
    if settings.smtp_host:
        sinks.append(SmtpSink(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.sender or "",
            recipients=settings.recipients,
            username=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
        ))
    return sinks


def describe_error(error: BaseException, secrets: Iterable[str]) -> str:
    """An exception as one line of text without any secret."""
    return redact(_describe(error), secrets)


__all__ = [
    "AlertSink", "JsonlSink", "SmtpSink", "WebhookError", "WebhookSink", "alert_line", "build_email",
    "describe_error", "email_body", "email_subject", "province_label", "redact", "sinks_from_settings",
]
