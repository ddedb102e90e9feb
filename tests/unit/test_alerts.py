"""Alerts: one "new" and one "resolved" per finding, delivered to every sink, real servers."""
from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.alerts import (
    Alert,
    Finding,
    JsonlSink,
    SmtpSink,
    WebhookSink,
    dispatch,
    reconcile,
    sinks_from_environment,
)
from dagster_project.alerts.sinks import WebhookError
from dagster_project.alerts.state import open_findings
from dagster_project.warehouse_db import open_warehouse
from tests.support.http_server import RecordingHttpServer
from tests.support.smtp_server import SmtpServer

T0 = datetime(2026, 1, 1, 6, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def finding(fact_key: str = "f1", check: str = "percent_within_0_100", suite: str = "fct_services_range") -> Finding:
    return Finding(
        finding_key=f"{check}|marts.fct_services|{fact_key}",
        check_name=check,
        suite=suite,
        asset="marts.fct_services",
        severity="warning",
        message="percentage above 100",
        report_key="r-nghe-an",
        province_code="40",
        quote="đã làm sạch 451.343/434.900 đối tượng, đạt 103,78%",
        observed="103.78",
        expected="0 <= value <= 100",
    )


def alert(kind: str = "new", fact_key: str = "f1") -> Alert:
    return Alert(kind, finding(fact_key), "run-1", T0)  # type: ignore[arg-type]


def kinds_and_keys(alerts: list[Alert]) -> list[tuple[str, str]]:
    return [(a.kind, a.finding.finding_key) for a in alerts]


@pytest.fixture()
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(tmp_path / "w.duckdb") as connection:
        yield connection


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


@dataclass
class FlakySink:
    """Fails its first `failures` sends, then records."""

    failures: int = 0
    name: str = "flaky"
    received: list[Alert] = field(default_factory=list)
    calls: int = 0

    def send(self, alert: Alert) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionError(f"down (call {self.calls})")
        self.received.append(alert)


def no_sleep(_: float) -> None:
    pass


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- reconcile ----------------------------------------------------------------------------


def test_first_sight_of_a_finding_alerts_new_and_records_it_open(con: duckdb.DuckDBPyConnection) -> None:
    alerts = reconcile(con, "run-1", [finding("f1")], T0)
    assert kinds_and_keys(alerts) == [("new", finding("f1").finding_key)]
    assert alerts[0].run_id == "run-1" and alerts[0].sent_at == T0
    assert open_findings(con) == {finding("f1").finding_key: finding("f1")}


def test_a_still_open_finding_sends_no_alert_and_moves_last_seen(con: duckdb.DuckDBPyConnection) -> None:
    reconcile(con, "run-1", [finding("f1")], T0)
    assert reconcile(con, "run-2", [finding("f1")], T0 + DAY) == []
    assert con.execute(
        "select status, first_seen_at, last_seen_at from quality.alert_state"
    ).fetchall() == [("open", T0, T0 + DAY)]


def test_an_open_finding_no_longer_seen_alerts_resolved(con: duckdb.DuckDBPyConnection) -> None:
    reconcile(con, "run-1", [finding("f1"), finding("f2")], T0)
    alerts = reconcile(con, "run-2", [finding("f1")], T0 + DAY)
    assert kinds_and_keys(alerts) == [("resolved", finding("f2").finding_key)]
    assert alerts[0].finding == finding("f2")  # the resolved message says what it was about
    assert con.execute(
        "select status, resolved_at from quality.alert_state where finding_key = ?", [finding("f2").finding_key]
    ).fetchall() == [("resolved", T0 + DAY)]


def test_a_resolved_finding_that_comes_back_alerts_new_again(con: duckdb.DuckDBPyConnection) -> None:
    reconcile(con, "run-1", [finding("f1")], T0)
    reconcile(con, "run-2", [], T0 + DAY)
    alerts = reconcile(con, "run-3", [finding("f1")], T0 + 2 * DAY)
    assert kinds_and_keys(alerts) == [("new", finding("f1").finding_key)]
    assert con.execute(
        "select status, first_seen_at, resolved_at from quality.alert_state"
    ).fetchall() == [("open", T0 + 2 * DAY, None)]


@pytest.mark.parametrize("scope", [["other_check"], ["other_suite"]])
def test_a_run_that_did_not_evaluate_a_check_does_not_resolve_its_findings(
    con: duckdb.DuckDBPyConnection, scope: list[str]
) -> None:
    reconcile(con, "run-1", [finding("f1")], T0)
    assert reconcile(con, "run-2", [], T0 + DAY, scope=scope) == []
    assert list(open_findings(con)) == [finding("f1").finding_key]


@pytest.mark.parametrize("scope", [["percent_within_0_100"], ["fct_services_range"]])
def test_a_run_that_evaluated_a_check_by_name_or_suite_resolves_its_findings(
    con: duckdb.DuckDBPyConnection, scope: list[str]
) -> None:
    reconcile(con, "run-1", [finding("f1")], T0)
    alerts = reconcile(con, "run-2", [], T0 + DAY, scope=scope)
    assert kinds_and_keys(alerts) == [("resolved", finding("f1").finding_key)]


def test_reconcile_writes_nothing_when_it_fails_halfway(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    reconcile(con, "run-1", [finding("f1")], T0)

    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("dagster_project.alerts.state._record_resolved", broken)
    with pytest.raises(RuntimeError):
        reconcile(con, "run-2", [finding("f2")], T0 + DAY)
    assert list(open_findings(con)) == [finding("f1").finding_key]


def test_reconcile_refuses_a_naive_time(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="timezone"):
        reconcile(con, "run-1", [finding()], T0.replace(tzinfo=None))


# --- model and JSON lines -----------------------------------------------------------------


def test_alert_to_dict_is_json_ready_with_iso_times() -> None:
    data = json.loads(json.dumps(alert().to_dict()))
    assert data["kind"] == "new" and data["sent_at"] == "2026-01-01T06:00:00+00:00"
    assert data["finding"]["quote"].endswith("đạt 103,78%")


def test_jsonl_sink_appends_one_json_object_per_line(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "alerts.jsonl"
    sink = JsonlSink(path)
    sink.send(alert("new", "f1"))
    sink.send(alert("resolved", "f1"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["new", "resolved"]
    assert "103,78%" in lines[0]  # Vietnamese text stays readable, not \u-escaped


# --- dispatch -----------------------------------------------------------------------------


def test_dispatch_retries_with_growing_backoff_then_succeeds() -> None:
    sink, delays = FlakySink(failures=2), []
    report = dispatch([alert()], [sink], retries=3, backoff_seconds=0.2, sleep=delays.append)
    assert sink.received == [alert()]
    assert delays == pytest.approx([0.2, 0.4])
    assert (report.sinks["flaky"].sent, report.sinks["flaky"].failed, report.ok) == (1, 0, True)


def test_a_failing_sink_does_not_stop_the_others_and_lands_in_the_dead_letter(tmp_path: Path) -> None:
    broken, healthy = FlakySink(failures=10**6, name="broken"), FlakySink(name="healthy")
    dead_letter = tmp_path / "alerts.dead_letter.jsonl"
    report = dispatch([alert()], [broken, healthy], retries=2, sleep=no_sleep, dead_letter_path=dead_letter)
    assert healthy.received == [alert()] and broken.calls == 3
    assert report.sinks["broken"].failed == 1 and "ConnectionError" in report.sinks["broken"].errors[0]
    assert not report.ok and report.dead_lettered == 1
    entry = json.loads(dead_letter.read_text(encoding="utf-8"))
    assert (entry["sink"], entry["attempts"], entry["alert"]) == ("broken", 3, alert().to_dict())


def test_dispatch_stops_trying_a_dead_sink_but_still_dead_letters_every_alert(tmp_path: Path) -> None:
    broken = FlakySink(failures=10**6, name="broken")
    dead_letter = tmp_path / "dead.jsonl"
    alerts = [alert(fact_key=f"f{i}") for i in range(5)]
    report = dispatch(alerts, [broken], retries=1, sleep=no_sleep, dead_letter_path=dead_letter, give_up_after=2)
    assert broken.calls == 4  # two alerts × two attempts, then the sink is skipped
    assert report.sinks["broken"].failed == 5
    assert len(dead_letter.read_text(encoding="utf-8").splitlines()) == 5


def test_dispatch_does_not_raise_when_the_dead_letter_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    report = dispatch(
        [alert()], [FlakySink(failures=10**6)], retries=0, sleep=no_sleep, dead_letter_path=blocker / "dead.jsonl"
    )
    assert report.dead_lettered == 0 and len(report.dead_letter_errors) == 1


# --- configuration ------------------------------------------------------------------------


def test_without_configuration_only_the_alerts_file_is_a_sink(tmp_path: Path) -> None:
    assert sinks_from_environment(tmp_path, environ={}) == [JsonlSink(tmp_path / "alerts.jsonl")]


def test_webhook_and_smtp_sinks_come_from_the_environment(tmp_path: Path) -> None:
    environ = {
        "PDX_ALERT_WEBHOOK_URL": "https://hooks.example.org/T0/secret",
        "PDX_SMTP_HOST": "mail.example.org",
        "PDX_SMTP_PORT": "587",
        "PDX_ALERT_FROM": "pdx@example.org",
        "PDX_ALERT_TO": "a@example.org, b@example.org",
        "PDX_SMTP_USER": "pdx",
        "PDX_SMTP_PASSWORD": "pw",
        "PDX_SMTP_STARTTLS": "1",
    }
    _, webhook, smtp = sinks_from_environment(tmp_path, environ=environ)
    assert webhook == WebhookSink("https://hooks.example.org/T0/secret")
    assert webhook.name == "webhook:hooks.example.org"  # no secret path in reports
    assert smtp == SmtpSink(
        "mail.example.org", 587, "pdx@example.org", ("a@example.org", "b@example.org"), "pdx", "pw", starttls=True
    )


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_FROM": "pdx@x"}, "PDX_ALERT_TO"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x"}, "PDX_ALERT_FROM"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_PORT": "x"}, "PDX_SMTP_PORT"),
        ({"PDX_SMTP_HOST": "mail", "PDX_ALERT_TO": "a@x", "PDX_ALERT_FROM": "p@x", "PDX_SMTP_USER": "u"}, "PDX_SMTP_PASSWORD"),
        ({"PDX_ALERT_WEBHOOK_URL": "file:///etc/passwd"}, "PDX_ALERT_WEBHOOK_URL"),
    ],
)
def test_an_incomplete_configuration_names_the_variable_to_set(
    tmp_path: Path, environ: dict[str, str], variable: str
) -> None:
    with pytest.raises(ValueError, match=variable):
        sinks_from_environment(tmp_path, environ=environ)


# --- real HTTP server ---------------------------------------------------------------------


def test_webhook_posts_the_alert_as_json(http_server: RecordingHttpServer) -> None:
    WebhookSink(http_server.url).send(alert())
    [request] = http_server.requests
    assert request.path == "/hook" and request.content_type == "application/json; charset=utf-8"
    assert json.loads(request.body.decode("utf-8")) == alert().to_dict()


def test_webhook_answering_an_error_status_is_a_failure(http_server: RecordingHttpServer) -> None:
    http_server.answer_next(404)
    with pytest.raises(WebhookError, match="404"):
        WebhookSink(http_server.url).send(alert())


def test_webhook_answering_500_twice_is_delivered_by_the_retries(http_server: RecordingHttpServer) -> None:
    http_server.answer_next(500, 500)
    report = dispatch([alert()], [WebhookSink(http_server.url)], retries=3, sleep=no_sleep)
    assert [json.loads(r.body)["kind"] for r in http_server.requests] == ["new", "new", "new"]
    assert (report.sinks["webhook:127.0.0.1"].sent, report.ok) == (1, True)


# --- real SMTP server ---------------------------------------------------------------------


def test_smtp_sink_mails_subject_text_and_json(smtp_server: SmtpServer) -> None:
    sink = SmtpSink(smtp_server.host, smtp_server.port, "pdx@example.org", ["ops@example.org", "bi@example.org"])
    sink.send(alert())
    [received] = smtp_server.messages
    assert received.sender == "pdx@example.org"
    assert received.recipients == ("ops@example.org", "bi@example.org")
    message = received.message
    assert message["Subject"] == "[pdx warning] NEW percent_within_0_100 on marts.fct_services (Nghệ An)"
    body = message.get_content().replace("\r\n", "\n")  # as sent over SMTP: CRLF lines
    assert "Quote:     đã làm sạch 451.343/434.900 đối tượng, đạt 103,78%" in body
    assert "Observed:  103.78" in body and "Report:    r-nghe-an" in body
    assert json.loads(body.split("JSON:\n", 1)[1]) == alert().to_dict()


def test_smtp_sink_logs_in_when_given_credentials(smtp_server: SmtpServer) -> None:
    sink = SmtpSink(smtp_server.host, smtp_server.port, "pdx@x.org", ["ops@x.org"], username="pdx", password="pw")
    sink.send(alert("resolved"))
    [received] = smtp_server.messages
    assert received.login == ("pdx", "pw")
    assert received.message["Subject"].startswith("[pdx warning] RESOLVED ")


def test_a_dead_webhook_does_not_stop_mail_or_the_alerts_file(tmp_path: Path, smtp_server: SmtpServer) -> None:
    sinks = [
        JsonlSink(tmp_path / "alerts.jsonl"),
        WebhookSink(f"http://127.0.0.1:{closed_port()}/hook", timeout=1.0),
        SmtpSink(smtp_server.host, smtp_server.port, "pdx@x.org", ["ops@x.org"]),
    ]
    alerts = [alert(fact_key="f1"), replace(alert(fact_key="f2"), kind="resolved")]
    report = dispatch(alerts, sinks, retries=1, sleep=no_sleep, dead_letter_path=tmp_path / "dead.jsonl")
    assert len(smtp_server.messages) == 2
    assert len((tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert report.sinks[sinks[1].name].failed == 2 and report.dead_lettered == 2
