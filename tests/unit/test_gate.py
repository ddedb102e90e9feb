"""The publish gate on small warehouses: what it refuses and why, what it publishes, what it records."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project import gate, publishing, run_record
from dagster_project.alerts.model import Finding
from dagster_project.cli import print_summary
from dagster_project.quality.findings import Anomaly, replace_anomalies
from dagster_project.quality.results import CheckOutcome, append_check_results
from dagster_project.settings import Settings, load_settings

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=timezone.utc)
SENTENCE = "Phấn đấu đến ngày 31/12/2040, 100% xã có cáp quang."


def settings_for(tmp_path: Path, **environ: str) -> Settings:
    return load_settings({"PDX_WAREHOUSE": str(tmp_path / "w.duckdb"), "PDX_SOURCES_DIR": str(tmp_path), **environ})


def fill(path: Path, reports: int) -> None:
    """A warehouse with `reports` reports and one fact table."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists raw")
        con.execute("create schema if not exists marts")
        con.execute("create or replace table raw.reports as select 'r' || range as report_key, "
                    "'report-' || range || '.txt' as source_file from range(?)", [reports])
        con.execute("create or replace table marts.dim_report as select * from raw.reports")
        con.execute("create or replace table marts.fct_services as select 'r0:1-9' as fact_key, 1.0 as value")


def outcome(check: str, severity: str, passed: bool, keys: tuple[str, ...] = ()) -> CheckOutcome:
    return CheckOutcome(suite="fact_consistency", check_name=check, asset="marts.fct_services",
                        severity=severity, passed=passed, offending_keys=keys,
                        expected='{"expectation": "expect_column_values_to_not_be_null"}',
                        message="Every figure keeps its sentence.")


def record_findings(path: Path, run_id: str, outcomes: list[CheckOutcome]) -> None:
    with duckdb.connect(str(path)) as con:
        append_check_results(con, run_id, T0, outcomes)
        anomalies = [
            Anomaly(Finding(finding_key=f"{o.check_name}|{k}", check_name=o.check_name, suite=o.suite,
                            asset=o.asset, severity=o.severity, message=o.message or "", report_key="r0",
                            quote=SENTENCE, observed='{"value": "100"}'), k)  # type: ignore[arg-type]
            for o in outcomes if not o.passed for k in o.offending_keys
        ]
        replace_anomalies(con, run_id, T0, anomalies)


@pytest.fixture()
def published(tmp_path: Path):
    settings = settings_for(tmp_path)
    fill(settings.warehouse_path, 10)
    yield settings
    publishing.discard_build(settings.warehouse_path, "run-1")


def test_an_error_names_the_check_the_report_and_the_sentence(published: Settings) -> None:
    fill(publishing.prepare_build(published.warehouse_path, "run-1"), 10)
    record_findings(published.build_file, "run-1", [outcome("evidence_present", "error", False, ("r0:1-9",))])
    [reason] = gate.refusals(published, "run-1")
    assert reason.startswith("[error] evidence_present in report-0.txt: “Phấn đấu đến ngày 31/12/2040")
    assert "Every figure keeps its sentence." in reason


def test_warnings_never_stop_publishing(published: Settings) -> None:
    fill(publishing.prepare_build(published.warehouse_path, "run-1"), 10)
    record_findings(published.build_file, "run-1", [outcome("percent_within_0_100", "warning", False, ("r0:1-9",))])
    assert gate.refusals(published, "run-1") == []
    gate.publish_checked(published, "run-1", T0, T0)
    with duckdb.connect(str(published.warehouse_path), read_only=True) as con:
        assert con.table("quality.anomalies").count("*").fetchone()[0] == 1  # kept, flagged


def test_a_refused_build_is_removed_and_the_published_file_stays(published: Settings) -> None:
    before = published.warehouse_path.read_bytes()
    fill(publishing.prepare_build(published.warehouse_path, "run-1"), 1)
    with pytest.raises(gate.GateRefused) as refused:
        gate.publish_checked(published, "run-1", T0, T0)
    assert "publishing would drop 9 (90%" in str(refused.value) and "PDX_ALLOW_SHRINK=1" in str(refused.value)
    assert "is unchanged" in str(refused.value)
    assert published.warehouse_path.read_bytes() == before
    assert [p.name for p in published.build_dir.iterdir()] == ["lock"]


def test_allowing_the_shrink_publishes_it(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, PDX_ALLOW_SHRINK="1")
    fill(settings.warehouse_path, 10)
    fill(publishing.prepare_build(settings.warehouse_path, "run-1"), 1)
    gate.publish_checked(settings, "run-1", T0, T0)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        assert con.table("raw.reports").count("*").fetchone()[0] == 1


def test_the_published_file_records_its_run_and_counts(published: Settings) -> None:
    fill(publishing.prepare_build(published.warehouse_path, "run-1"), 10)
    with duckdb.connect(str(published.build_file)) as con:
        run_record.start_run(con, "run-1", T0, "fingerprint-a")
    record_findings(published.build_file, "run-1", [outcome("value_present", "error", True),
                                                    outcome("percent_within_0_100", "warning", False, ("r0:1-9",))])
    gate.publish_checked(published, "run-1", T0, T0)
    [run] = [r for r in [run_record.latest_published_run(published.warehouse_path)] if r]
    assert (run.run_id, run.source_fingerprint, run.reports, run.facts, run.checks_run, run.checks_failed_warning) == (
        "run-1", "fingerprint-a", 10, 1, 2, 1)
    assert run.code_version == run_record.code_version()


def test_a_partial_run_keeps_the_previous_fingerprint(published: Settings) -> None:
    for hour, (run_id, fingerprint) in enumerate((("run-1", "fingerprint-a"), ("run-2", None))):
        copy = publishing.prepare_build(published.warehouse_path, run_id)
        if fingerprint:
            with duckdb.connect(str(copy)) as con:
                run_record.start_run(con, run_id, T0, fingerprint)
        gate.publish_checked(published, run_id, T0, T0.replace(hour=hour))
    latest = run_record.latest_published_run(published.warehouse_path)
    assert latest is not None and (latest.run_id, latest.source_fingerprint) == ("run-2", "fingerprint-a")


def test_a_failing_companion_does_not_stop_the_others(published: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []

    def broken(settings: Settings, run_id: str, now: datetime) -> Path:
        raise OSError(28, "No space left on device")

    def works(settings: Settings, run_id: str, now: datetime) -> Path:
        written.append(run_id)
        return settings.report_page

    monkeypatch.setattr(gate, "COMPANIONS", [("report page", broken), ("docs", works)])
    result = gate.write_companions(published, "run-1", T0)
    assert written == ["run-1"] and "No space left" in result.failed["report page"]


def test_summary_after_three_runs_shows_the_last_runs_numbers(published: Settings, capsys) -> None:
    checks_per_run = {"run-a": 40, "run-b": 25, "run-c": 7}
    for number, (run_id, checks) in enumerate(checks_per_run.items()):
        fill(publishing.prepare_build(published.warehouse_path, run_id), 10 + number)
        with duckdb.connect(str(published.build_file)) as con:
            append_check_results(con, run_id, T0, [outcome(f"c{i}", "warning", i != 0) for i in range(checks)])
        gate.publish_checked(published, run_id, T0, T0.replace(hour=7 + number))
    assert print_summary(published) == 0
    out = capsys.readouterr().out
    assert "run run-c" in out and "reports ingested   12" in out
    assert "checks run         7\n" in out and "checks failed      1 (0 error, 1 warning)" in out
    assert print_summary(published, wanted="run-b") == 0
    out = capsys.readouterr().out
    assert "run run-b" in out and "checks run         25\n" in out and "(not the latest run)" in out
    assert "reports ingested   11" in out
