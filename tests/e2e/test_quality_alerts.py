"""Quality findings and alerts end to end: alter one figure or date, see exactly one finding and alert.

Each step runs the real Dagster job on a small hand-written report; alerts go
to the JSON-lines file, a real HTTP server and a real SMTP server on 127.0.0.1.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.e2e.test_full_build import run_full_build
from tests.support.http_server import RecordingHttpServer
from tests.support.smtp_server import SmtpServer

pytestmark = pytest.mark.e2e

REPORT = """Nghệ An đẩy mạnh chuyển đổi số

Thứ hai, 05/10/2026 08:00

Tính đến ngày 01/10/2026, tỉnh Nghệ An có 1.000 chứng thư số, trong đó 400 chứng thư số tổ chức, \
600 chứng thư số cá nhân. Mạng truyền số liệu chuyên dùng đã kết nối 90/100 xã (đạt 90%). \
100% cán bộ, công chức có máy tính.
"""


class Pipeline:
    """Runs builds on one report file and tells what each run added."""

    def __init__(self, root: Path) -> None:
        self.sources = root / "sources"
        self.sources.mkdir()
        self.warehouse = root / "warehouse" / "warehouse.duckdb"
        self.alerts_file = self.warehouse.parent / "alerts.jsonl"

    def build(self, text: str) -> None:
        (self.sources / "nghe-an.txt").write_text(text, encoding="utf-8")
        assert run_full_build().success

    def anomalies(self) -> set[tuple[str, str | None]]:
        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return set(con.table("quality.anomalies").select("check_name, province_code").fetchall())

    def alerts(self) -> list[dict]:
        if not self.alerts_file.exists():
            return []
        return [json.loads(line) for line in self.alerts_file.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[RecordingHttpServer, SmtpServer]]:
    with RecordingHttpServer() as http, SmtpServer() as smtp:
        yield http, smtp


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory, servers) -> Iterator[Pipeline]:
    http, smtp = servers
    runner = Pipeline(tmp_path_factory.mktemp("alerts"))
    patch = pytest.MonkeyPatch()
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        patch.delenv(name, raising=False)
    patch.setenv("PDX_SOURCES_DIR", str(runner.sources))
    patch.setenv("PDX_WAREHOUSE", str(runner.warehouse))
    patch.setenv("PDX_ALERT_WEBHOOK_URL", http.url)
    patch.setenv("PDX_SMTP_HOST", smtp.host)
    patch.setenv("PDX_SMTP_PORT", str(smtp.port))
    patch.setenv("PDX_ALERT_FROM", "pdx@localhost")
    patch.setenv("PDX_ALERT_TO", "data-team@localhost")
    runner.build(REPORT)
    yield runner
    patch.undo()


def new_alerts_after(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    before = len(pipeline.alerts())
    pipeline.build(text)
    return [(a["kind"], a["finding"]["check_name"]) for a in pipeline.alerts()[before:]]


def test_a_consistent_report_raises_nothing(pipeline: Pipeline) -> None:
    assert pipeline.anomalies() == set()
    assert pipeline.alerts() == []


def test_a_second_run_with_nothing_changed_sends_no_alert(pipeline: Pipeline) -> None:
    assert new_alerts_after(pipeline, REPORT) == []


def test_altering_one_part_of_a_total_raises_exactly_that_finding(pipeline: Pipeline, servers) -> None:
    http, smtp = servers
    sent_before = (len(http.requests), len(smtp.messages))
    altered = REPORT.replace("600 chứng thư số cá nhân", "601 chứng thư số cá nhân")
    assert new_alerts_after(pipeline, altered) == [("new", "parts_sum_to_total")]
    assert pipeline.anomalies() == {("parts_sum_to_total", "40")}
    assert (len(http.requests), len(smtp.messages)) == (sent_before[0] + 1, sent_before[1] + 1)
    batch = json.loads(http.requests[-1].body)  # one call per severity: the count and the alerts
    assert (batch["count"], batch["alerts"][0]["finding"]["check_name"]) == (1, "parts_sum_to_total")
    assert "parts_sum_to_total" in smtp.messages[-1].message["Subject"]
    assert new_alerts_after(pipeline, altered) == []  # still open: not repeated
    assert new_alerts_after(pipeline, REPORT) == [("resolved", "parts_sum_to_total")]
    assert pipeline.anomalies() == set()


def test_altering_a_stated_percentage_raises_exactly_that_finding(pipeline: Pipeline) -> None:
    altered = REPORT.replace("(đạt 90%)", "(đạt 95%)")
    assert new_alerts_after(pipeline, altered) == [("new", "stated_percent_agrees")]
    assert pipeline.anomalies() == {("stated_percent_agrees", "40")}
    assert new_alerts_after(pipeline, REPORT) == [("resolved", "stated_percent_agrees")]


def test_an_old_report_date_raises_exactly_the_freshness_finding(pipeline: Pipeline) -> None:
    altered = REPORT.replace("05/10/2026", "05/10/2020")
    assert new_alerts_after(pipeline, altered) == [("new", "newest_report_within_limit")]
    assert pipeline.anomalies() == {("newest_report_within_limit", "40")}
    assert new_alerts_after(pipeline, REPORT) == [("resolved", "newest_report_within_limit")]
