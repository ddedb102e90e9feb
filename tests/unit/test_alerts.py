"""Alerts: state in its own file, one alert per change of state, grouped, delivered at least once."""
from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dagster_project.alerts import (
    Alert,
    AlertBatch,
    AlertStore,
    Finding,
    JsonlSink,
    SmtpSink,
    WebhookSink,
    deliver_pending,
    redact,
    sinks_from_settings,
)
from dagster_project.alerts.sinks import WebhookError
from dagster_project.alerts.state import AlertStateError
from dagster_project.settings import AlertSettings, SettingsError, load_settings
from tests.support.http_server import RecordingHttpServer
from tests.support.smtp_server import SmtpServer

T0 = datetime(2026, 1, 1, 6, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)
SECRET = "T0KEN-s3cr3t-value"


def finding(key: str = "f1", check: str = "percent_within_0_100", suite: str = "fact_consistency",
            severity: str = "warning") -> Finding:
    return Finding(
        finding_key=f"{check}|marts.fct_services|{key}",
        check_name=check,
        suite=suite,
        asset="marts.fct_services",
        severity=severity,  # type: ignore[arg-type]
        message="A share above 100 % cannot be right.",
        report_key="r-nghe-an",
        province_code="40",
        quote="đã làm sạch 451.343/434.900 đối tượng, đạt 103,78%",
        observed='{"value": "103.78"}',
        expected='{"max_value": 100, "min_value": 0}',
    )


def alert(kind: str = "new", key: str = "f1", severity: str = "warning") -> Alert:
    return Alert(kind, finding(key, severity=severity), "run-1", T0)  # type: ignore[arg-type]


def kinds(alerts: list[Alert]) -> list[tuple[str, str]]:
    return [(a.kind, a.finding.finding_key) for a in alerts]


@dataclass
class RecordingSink:
    """Takes batches; fails its first `failures` sends (or always with failures=-1)."""

    name: str = "recording"
    failures: int = 0
    batches: list[AlertBatch] = field(default_factory=list)
    calls: int = 0

    def send(self, batch: AlertBatch) -> None:
        self.calls += 1
        if self.failures < 0 or self.calls <= self.failures:
            raise ConnectionError(f"down (call {self.calls})")
        self.batches.append(batch)

    @property
    def received(self) -> list[tuple[str, str]]:
        return [(a.kind, a.finding.finding_key) for b in self.batches for a in b.alerts]


def no_sleep(_: float) -> None:
    pass


@pytest.fixture()
def store(tmp_path: Path) -> AlertStore:
    return AlertStore(tmp_path / "w.alerts.sqlite")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def http_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingHttpServer]:
    # A proxy from the environment would take 127.0.0.1 requests somewhere else.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with RecordingHttpServer() as server:
        yield server


@pytest.fixture()
def smtp_server() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


# --- reconcile: one alert per change of state ---------------------------------------------


def test_first_sight_of_a_finding_alerts_new_and_records_it_open(store: AlertStore) -> None:
    alerts = store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])
    assert kinds(alerts) == [("new", finding("f1").finding_key)]
    assert store.open_findings() == {finding("f1").finding_key: finding("f1")}
    assert [p.alert for p in store.pending("jsonl")] == alerts


def test_a_still_open_finding_sends_no_alert(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])
    assert store.reconcile("pub-2", "run-2", [finding("f1")], T0 + DAY, ["jsonl"]) == []


def test_an_open_finding_no_longer_seen_alerts_resolved_then_new_when_it_comes_back(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding("f1"), finding("f2")], T0, ["jsonl"])
    resolved = store.reconcile("pub-2", "run-2", [finding("f1")], T0 + DAY, ["jsonl"])
    assert kinds(resolved) == [("resolved", finding("f2").finding_key)]
    assert resolved[0].finding == finding("f2")  # the resolved alert says what it was about
    back = store.reconcile("pub-3", "run-3", [finding("f1"), finding("f2")], T0 + 2 * DAY, ["jsonl"])
    assert kinds(back) == [("new", finding("f2").finding_key)]


@pytest.mark.parametrize(("scope", "resolved"), [
    (["other_check"], False), (["other_suite"], False),
    (["percent_within_0_100"], True), (["fact_consistency"], True),
])
def test_only_a_run_that_evaluated_the_check_resolves_its_findings(
    store: AlertStore, scope: list[str], resolved: bool
) -> None:
    store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])
    alerts = store.reconcile("pub-2", "run-2", [], T0 + DAY, ["jsonl"], scope=scope)
    assert kinds(alerts) == ([("resolved", finding("f1").finding_key)] if resolved else [])


def test_a_publication_reconciled_twice_alerts_once(store: AlertStore) -> None:
    """A run killed after reconciling, or an alert step run again, repeats nothing."""
    first = store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])
    assert store.reconcile("pub-1", "run-2", [], T0 + DAY, ["jsonl"]) == []
    assert len(first) == 1 and len(store.pending("jsonl")) == 1


def test_reconcile_writes_nothing_when_it_fails_halfway(store: AlertStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])

    def broken(*_: object) -> bool:
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr("dagster_project.alerts.state._enqueue", broken)
    with pytest.raises(AlertStateError, match="disk full"):
        store.reconcile("pub-2", "run-2", [finding("f2")], T0 + DAY, ["jsonl"])
    assert list(store.open_findings()) == [finding("f1").finding_key]
    monkeypatch.undo()
    # The publication was not marked reconciled: the next try makes the alert.
    assert kinds(store.reconcile("pub-2", "run-2", [finding("f1"), finding("f2")], T0 + DAY, ["jsonl"])) == [
        ("new", finding("f2").finding_key)]


def test_reconcile_refuses_a_naive_time(store: AlertStore) -> None:
    with pytest.raises(ValueError, match="timezone"):
        store.reconcile("pub-1", "run-1", [finding()], T0.replace(tzinfo=None), ["jsonl"])


def test_findings_adopted_from_an_older_state_do_not_alert_again(store: AlertStore) -> None:
    assert store.is_new()
    store.adopt_open_findings([finding("f1")], "migration", T0)
    assert store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"]) == []
    assert not store.is_new()


# --- delivery: grouped, retried, at least once ---------------------------------------------


def test_findings_of_a_run_go_out_as_one_batch_per_severity(store: AlertStore) -> None:
    findings = [finding(f"w{i}") for i in range(30)] + [finding(f"e{i}", severity="error") for i in range(2)]
    store.reconcile("pub-1", "run-1", findings, T0, ["recording"])
    sink = RecordingSink()
    report = deliver_pending(store, [sink], max_listed=5, sleep=no_sleep)
    assert [(b.severity, len(b.alerts), len(b.listed), b.omitted) for b in sink.batches] == [
        ("error", 2, 2, 0), ("warning", 30, 5, 25)]
    assert report.sent == 32 and report.all_delivered


def test_a_failed_send_is_retried_with_growing_backoff(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding()], T0, ["recording"])
    sink, delays = RecordingSink(failures=2), []
    report = deliver_pending(store, [sink], retries=3, backoff_seconds=0.2, sleep=delays.append)
    assert delays == pytest.approx([0.2, 0.4]) and sink.received == [("new", finding().finding_key)]
    assert report.all_delivered and store.pending("recording") == []


def test_a_failing_sink_keeps_its_alerts_pending_and_gets_them_on_the_next_run(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["broken", "healthy"])
    broken, healthy = RecordingSink("broken", failures=-1), RecordingSink("healthy")
    report = deliver_pending(store, [broken, healthy], retries=1, sleep=no_sleep)
    assert healthy.received == [("new", finding("f1").finding_key)]
    assert report.failing_sinks == ["broken"] and report.all_delivered  # someone took every alert
    store.reconcile("pub-2", "run-2", [finding("f1"), finding("f2")], T0 + DAY, ["broken", "healthy"])
    repaired = RecordingSink("broken")
    deliver_pending(store, [repaired, healthy], sleep=no_sleep)
    assert repaired.received == [("new", finding("f1").finding_key), ("new", finding("f2").finding_key)]
    assert healthy.received == [("new", finding("f1").finding_key), ("new", finding("f2").finding_key)]


def test_when_every_sink_fails_the_alerts_are_undelivered_and_sent_by_the_next_good_run(
    store: AlertStore, tmp_path: Path
) -> None:
    blocked = tmp_path / "alerts.jsonl"
    blocked.mkdir()  # a file that cannot be written, even by root
    store.reconcile("pub-1", "run-1", [finding("f1")], T0, ["jsonl"])
    report = deliver_pending(store, [JsonlSink(blocked)], retries=0, sleep=no_sleep)
    assert kinds(report.undelivered) == [("new", finding("f1").finding_key)]
    assert "IsADirectoryError" in report.sinks["jsonl"].errors[0]
    blocked.rmdir()
    again = deliver_pending(store, [JsonlSink(blocked)], sleep=no_sleep)
    assert again.all_delivered
    assert [json.loads(line)["kind"] for line in blocked.read_text(encoding="utf-8").splitlines()] == ["new"]


def test_a_run_killed_while_sending_repeats_only_the_batch_in_flight(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding("w1"), finding("e1", severity="error")], T0, ["recording"])

    class KilledAfterFirstBatch(RecordingSink):
        def send(self, batch: AlertBatch) -> None:
            super().send(batch)
            if len(self.batches) == 2:
                raise KeyboardInterrupt  # the process dies after the sink took the batch

    with pytest.raises(KeyboardInterrupt):
        deliver_pending(store, [KilledAfterFirstBatch()], sleep=no_sleep)
    resumed = RecordingSink()
    deliver_pending(store, [resumed], sleep=no_sleep)
    assert resumed.received == [("new", finding("w1").finding_key)]  # the error batch is not repeated


def test_a_dead_sink_is_tried_for_one_batch_per_run_not_each(store: AlertStore) -> None:
    store.reconcile("pub-1", "run-1", [finding("w1"), finding("e1", severity="error")], T0, ["dead"])
    dead = RecordingSink("dead", failures=-1)
    report = deliver_pending(store, [dead], retries=2, sleep=no_sleep)
    assert dead.calls == 3 and report.sinks["dead"].failed == 2


def test_run_failed_alerts_are_queued_once_per_run(store: AlertStore) -> None:
    failed = Alert("new", finding("run", check="run_failed", severity="error"), "run-9", T0)
    assert store.enqueue(failed, "run_failed|run-9", ["jsonl"])
    assert not store.enqueue(failed, "run_failed|run-9", ["jsonl"])  # the CLI and the sensor both ask
    assert len(store.pending("jsonl")) == 1


# --- sinks ----------------------------------------------------------------------------------


def test_jsonl_sink_writes_every_alert_of_a_batch_as_a_line(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "alerts.jsonl"
    JsonlSink(path).send(AlertBatch("warning", (alert("new", "f1"), alert("resolved", "f2")), max_listed=1))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["new", "resolved"]
    assert "103,78%" in lines[0]  # Vietnamese text stays readable, not \u-escaped


def test_webhook_gets_one_post_with_the_count_and_the_first_alerts(http_server: RecordingHttpServer) -> None:
    batch = AlertBatch("warning", tuple(alert(key=f"f{i}") for i in range(7)), max_listed=3)
    WebhookSink(http_server.url).send(batch)
    [request] = http_server.requests
    body = json.loads(request.body.decode("utf-8"))
    assert (body["count"], body["new"], body["listed"], body["omitted"]) == (7, 7, 3, 4)
    assert body["alerts"][0] == alert(key="f0").to_dict()


def test_webhook_answering_an_error_status_is_a_failure(http_server: RecordingHttpServer) -> None:
    http_server.answer_next(404)
    with pytest.raises(WebhookError, match="404"):
        WebhookSink(http_server.url).send(AlertBatch("warning", (alert(),)))


def test_webhook_errors_never_show_the_token(http_server: RecordingHttpServer) -> None:
    # http.client refuses a URL with a space and quotes the URL's path in its message.
    sink = WebhookSink(http_server.url.replace("/hook", f"/hook/{SECRET} x"))
    with pytest.raises(WebhookError) as caught:
        sink.send(AlertBatch("warning", (alert(),)))
    assert SECRET not in str(caught.value) and "[redacted]" in str(caught.value)
    dead = WebhookSink(f"http://127.0.0.1:{closed_port()}/hook/{SECRET}", timeout=1.0)
    with pytest.raises(WebhookError) as caught:
        dead.send(AlertBatch("warning", (alert(),)))
    assert SECRET not in str(caught.value) and SECRET not in dead.name and SECRET not in repr(dead)


def test_a_failing_webhook_leaves_no_token_in_the_alert_state(store: AlertStore, tmp_path: Path) -> None:
    dead = WebhookSink(f"http://127.0.0.1:{closed_port()}/hook/{SECRET}", timeout=1.0)
    store.reconcile("pub-1", "run-1", [finding()], T0, [dead.name])
    report = deliver_pending(store, [dead], retries=0, sleep=no_sleep, secrets=[SECRET])
    assert not report.all_delivered
    assert SECRET.encode() not in store.path.read_bytes()


def test_redact_replaces_secrets_and_their_url_quoted_forms() -> None:
    assert redact(f"failed: /hook/{SECRET}%20x and a%20b", [f"{SECRET} x", "a b"]) == \
        "failed: /hook/[redacted] and [redacted]"


def test_smtp_sends_one_mail_per_batch_with_the_count_in_the_subject(smtp_server: SmtpServer) -> None:
    sink = SmtpSink(smtp_server.host, smtp_server.port, "pdx@example.org", ["ops@example.org", "bi@example.org"])
    sink.send(AlertBatch("warning", tuple(alert(key=f"f{i}") for i in range(25)), max_listed=20))
    [received] = smtp_server.messages
    assert received.recipients == ("ops@example.org", "bi@example.org")
    message = received.message
    assert message["Subject"] == "[pdx warning] 25 warning alerts: 25 new (run run-1)"
    body = message.get_content().replace("\r\n", "\n")
    assert "1. NEW percent_within_0_100 on marts.fct_services (Nghệ An)" in body
    assert "“đã làm sạch 451.343/434.900 đối tượng, đạt 103,78%”" in body
    assert "... and 5 more" in body


def test_a_single_alert_mail_names_the_finding(smtp_server: SmtpServer) -> None:
    SmtpSink(smtp_server.host, smtp_server.port, "pdx@x.org", ["ops@x.org"]).send(
        AlertBatch("warning", (alert("resolved"),)))
    assert smtp_server.messages[0].message["Subject"] == \
        "[pdx warning] RESOLVED percent_within_0_100 on marts.fct_services (Nghệ An)"


def test_smtp_logs_in_when_given_credentials(smtp_server: SmtpServer) -> None:
    sink = SmtpSink(smtp_server.host, smtp_server.port, "pdx@x.org", ["ops@x.org"], username="pdx", password="pw")
    sink.send(AlertBatch("warning", (alert(),)))
    assert smtp_server.messages[0].login == ("pdx", "pw")


def test_smtp_with_starttls_never_logs_in_on_a_server_without_it(smtp_server: SmtpServer) -> None:
    sink = SmtpSink(smtp_server.host, smtp_server.port, "pdx@x.org", ["ops@x.org"], username="pdx",
                    password=SECRET, starttls=True)
    with pytest.raises(RuntimeError, match="STARTTLS") as caught:
        sink.send(AlertBatch("warning", (alert(),)))
    assert smtp_server.messages == [] and SECRET not in str(caught.value)


# --- configuration (settings.py is the one place) --------------------------------------------


def test_without_configuration_only_the_alerts_file_is_a_sink(tmp_path: Path) -> None:
    assert sinks_from_settings(AlertSettings(), tmp_path / "alerts.jsonl") == [JsonlSink(tmp_path / "alerts.jsonl")]


def test_webhook_and_smtp_sinks_come_from_the_settings(tmp_path: Path) -> None:
    settings = load_settings({
        "PDX_ALERT_WEBHOOK_URL": f"https://hooks.example.org/T0/{SECRET}",
        "PDX_SMTP_HOST": "mail.example.org",
        "PDX_SMTP_PORT": "587",
        "PDX_ALERT_FROM": "pdx@example.org",
        "PDX_ALERT_TO": "a@example.org, b@example.org",
        "PDX_SMTP_USER": "pdx",
        "PDX_SMTP_PASSWORD": "pw",
        "PDX_SMTP_STARTTLS": "1",
    })
    _, webhook, smtp = sinks_from_settings(settings.alerts, tmp_path / "alerts.jsonl")
    assert webhook == WebhookSink(f"https://hooks.example.org/T0/{SECRET}")
    assert webhook.name == "webhook:hooks.example.org"  # no secret path in names
    assert smtp == SmtpSink("mail.example.org", 587, "pdx@example.org", ("a@example.org", "b@example.org"),
                            "pdx", "pw", starttls=True)
    assert SECRET not in repr(settings) and "pw" not in repr(settings.alerts).replace("smtp_password", "")


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_FROM": "pdx@x"}, "PDX_ALERT_TO"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x"}, "PDX_ALERT_FROM"),
        ({"PDX_ALERT_TO": "a@x"}, "PDX_SMTP_HOST"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_PORT": "x"},
         "PDX_SMTP_PORT"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_USER": "u"},
         "PDX_SMTP_PASSWORD"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_USER": "u",
          "PDX_SMTP_PASSWORD": "p"}, "PDX_SMTP_STARTTLS"),
        ({"PDX_ALERT_WEBHOOK_URL": "file:///etc/passwd"}, "PDX_ALERT_WEBHOOK_URL"),
    ],
)
def test_an_incomplete_configuration_names_the_variable_to_set(environ: dict[str, str], variable: str) -> None:
    with pytest.raises(SettingsError, match=variable):
        load_settings(environ)


def test_a_password_without_starttls_is_accepted_only_when_marked_insecure() -> None:
    environ = {"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_USER": "u",
               "PDX_SMTP_PASSWORD": "p", "PDX_SMTP_INSECURE": "1"}
    assert load_settings(environ).alerts.smtp_password == "p"


def test_a_webhook_url_with_a_space_is_refused_without_showing_it() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"PDX_ALERT_WEBHOOK_URL": f"https://hooks.example.org/{SECRET} x"})
    assert "PDX_ALERT_WEBHOOK_URL" in str(caught.value) and SECRET not in str(caught.value)


def test_an_unwritable_alert_state_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    store = AlertStore(tmp_path / "blocker" / "w.alerts.sqlite")
    with pytest.raises(AlertStateError, match="blocker/w.alerts.sqlite"):
        store.reconcile("pub-1", "run-1", [finding()], T0, ["jsonl"])
