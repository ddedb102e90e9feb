"""The run lifecycle end to end, as a bad day would have it, on one warehouse of ten small reports.

One scenario, built step by step with `make run`'s entry point (and a real killed
process); the tests below read what each step left:

1. ten reports, one with "Phấn đấu đến ngày 31/12/2040, ..." and one dated 2099;
2. the source folder emptied;
3. nine of ten reports removed;
4. one report removed, one added, and the alerts file unwritable;
5. a run killed while publishing (the sink repaired);
6. the published file truncated, then a good run;
7. UI-style runs of one asset: one that succeeds, one that fails.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.e2e

PROVINCES = ["Hà Giang", "Lào Cai", "Yên Bái", "Sơn La", "Điện Biên", "Lai Châu", "Hòa Bình", "Thái Nguyên",
             "Bắc Kạn", "Tuyên Quang", "Cao Bằng"]
TARGET_2040 = "Phấn đấu đến ngày 31/12/2040, 100% xã có cáp quang."


def report(number: int, date: str = "05/10/2026") -> str:
    province = PROVINCES[number]
    text = (f"{province} đẩy mạnh chuyển đổi số\n\nThứ hai, {date} 08:00\n\n"
            f"Tỉnh {province} đã có {80 + number}% xã có cáp quang và {1000 + number}.200 trạm BTS. "
            f"{200 + number} cán bộ được tập huấn chuyển đổi số.")
    return text + (f" {TARGET_2040}\n" if number == 0 else "\n")


def write_reports(folder: Path, numbers: list[int]) -> None:
    for path in folder.iterdir():
        path.unlink()
    for number in numbers:
        date = {1: "05/10/2099", 10: "06/11/2098"}.get(number, "05/10/2026")
        (folder / f"r{number:02d}.txt").write_text(report(number, date), encoding="utf-8")


def cli_build() -> tuple[int, str, str]:
    """`make run` in this process: (exit code, stdout, stderr)."""
    from dagster_project.cli import build

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = build()
    return code, out.getvalue(), err.getvalue()


def killed_at_publish(env: dict[str, str]) -> str:
    process = subprocess.Popen(
        [sys.executable, "-m", "dagster_project.cli", "build"], cwd=PROJECT_ROOT,
        env={**env, "PDX_FAILPOINT": "publish"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 600
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "FAILPOINT publish" in line:
            break
        assert time.monotonic() < deadline, "the run never reached the publish failpoint"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    return "".join(seen)


def file_state(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def alerts(folder: Path) -> list[dict]:
    path = folder / "alerts.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


ALL_FACTS = ("(select report_key, as_of_date, is_target, evidence from marts.fct_infrastructure union all "
             "select report_key, as_of_date, is_target, evidence from marts.fct_services union all "
             "select report_key, as_of_date, is_target, evidence from marts.fct_workforce)")


def fact_reports(warehouse: Path) -> list[str]:
    return sorted(r for (r,) in query(warehouse, f"select distinct r.source_file from {ALL_FACTS} f "
                                                 "join marts.dim_report r using (report_key)"))


def leftovers(warehouse: Path) -> list[str]:
    return sorted(p.name for p in (warehouse.parent / ".building").iterdir() if p.name != "lock")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("lifecycle")
    sources = root / "sources"
    sources.mkdir()
    warehouse = root / "warehouse" / "warehouse.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PDX_")}
    env |= {"PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(warehouse)}
    seen: dict = {"warehouse": warehouse, "folder": warehouse.parent}
    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith("PDX_")]:
            patch.delenv(name)
        patch.setenv("PDX_SOURCES_DIR", str(sources))
        patch.setenv("PDX_WAREHOUSE", str(warehouse))

        write_reports(sources, list(range(10)))
        seen["first"] = cli_build()
        seen["first_alerts"] = alerts(warehouse.parent)
        seen["first_fact_reports"] = fact_reports(warehouse)
        published = file_state(warehouse)

        write_reports(sources, [])
        seen["empty"] = cli_build()
        seen["empty_unchanged"] = file_state(warehouse) == published
        seen["empty_alerts"] = alerts(warehouse.parent)

        write_reports(sources, [0])
        seen["shrink"] = cli_build()
        seen["shrink_unchanged"] = file_state(warehouse) == published
        seen["shrink_leftovers"] = leftovers(warehouse)
        seen["shrink_alerts"] = alerts(warehouse.parent)

        write_reports(sources, [*range(9), 10])  # r09 removed, r10 (dated 2098) added
        (warehouse.parent / "alerts.jsonl").rename(warehouse.parent / "alerts.before.jsonl")
        (warehouse.parent / "alerts.jsonl").mkdir()  # unwritable, even by root
        seen["unwritable"] = cli_build()
        seen["unwritable_reports"] = sorted(r for (r,) in query(warehouse, "select source_file from marts.dim_report"))
        seen["unwritable_fact_reports"] = fact_reports(warehouse)
        (warehouse.parent / "alerts.jsonl").rmdir()
        (warehouse.parent / "alerts.before.jsonl").rename(warehouse.parent / "alerts.jsonl")

        published = file_state(warehouse)
        seen["killed_log"] = killed_at_publish(env)
        seen["killed_unchanged"] = file_state(warehouse) == published
        seen["killed_alerts"] = alerts(warehouse.parent)

        counts_before = query(warehouse, "select count(*) from marts.fct_infrastructure")
        with open(warehouse, "r+b") as handle:
            handle.truncate(int(warehouse.stat().st_size * 0.9))
        seen["rebuilt"] = cli_build()
        seen["rebuilt_counts"] = (counts_before, query(warehouse, "select count(*) from marts.fct_infrastructure"))
        seen["rebuilt_log"] = (warehouse.parent / "logs" / "warehouse.last-run.log").read_text(encoding="utf-8")
        seen["final_alerts"] = alerts(warehouse.parent)

        seen["one_asset"], seen["one_asset_failed"] = ui_style_runs(warehouse, patch)
        summary = subprocess.run([sys.executable, "-m", "dagster_project.cli", "summary"], cwd=PROJECT_ROOT,
                                 env=env, capture_output=True, text=True, timeout=300)
        seen["summary"] = (summary.returncode, summary.stdout)
    yield seen


def ui_style_runs(warehouse: Path, patch: pytest.MonkeyPatch):
    """What the UI does for "Materialize" on one asset: the implicit asset job with a selection."""
    from dagster_project.assets import raw_assets
    from dagster_project.definitions import build_definitions
    from dagster_project.extraction import parallel

    job = build_definitions().resolve_implicit_global_asset_job_def()
    selection = [dg.AssetKey(["raw", "observations"])]
    ok = job.execute_in_process(asset_selection=selection, instance=dg.DagsterInstance.ephemeral(),
                                raise_on_error=False)
    ok_state = (ok.success, query(warehouse, "select run_id from quality.published_runs "
                                             "order by published_at desc limit 1")[0][0] == ok.run_id,
                leftovers(warehouse), ok.run_id)
    before = file_state(warehouse)

    def broken(*_: object) -> list:
        raise RuntimeError("extraction broke")

    patch.setattr(raw_assets, "reports_to_extract", lambda con, version: [("k", "text", None)])
    # one report is extracted in the step's own process (parallel.workers_for)
    patch.setattr(parallel, "extract_report", broken)
    failed = job.execute_in_process(asset_selection=selection, instance=dg.DagsterInstance.ephemeral(),
                                    raise_on_error=False)
    patch.undo()
    return ok_state, (failed.success, file_state(warehouse) == before, leftovers(warehouse))


def test_a_figure_dated_2040_and_a_report_dated_2099_are_published(scenario: dict) -> None:
    code, out, err = scenario["first"]
    assert code == 0, err
    facts = query(scenario["warehouse"], f"select as_of_date, is_target from {ALL_FACTS} "
                                         "where evidence like '%31/12/2040%' and as_of_date is not null")
    assert facts and all(str(day) == "2040-12-31" and target for day, target in facts)
    days = {str(d) for (d,) in query(scenario["warehouse"], "select date_day from marts.dim_date "
                                                            "where date_day in ('2040-12-31', '2099-10-05')")}
    assert days == {"2040-12-31", "2099-10-05"}  # the calendar grew to every stated date


def test_a_future_publication_date_is_flagged_as_a_warning(scenario: dict) -> None:
    flagged = query(scenario["warehouse"], "select a.severity, r.source_file from quality.anomalies a "
                                           "join marts.dim_report r using (report_key) "
                                           "where a.check_name = 'publication_date_not_in_future'")
    assert sorted(flagged) == [("warning", "r01.txt"), ("warning", "r10.txt")]
    assert "[warning] publication_date_not_in_future in r01.txt" in scenario["first"][1]


def test_an_empty_folder_fails_at_once_and_alerts_nothing(scenario: dict) -> None:
    code, _, err = scenario["empty"]
    assert code == 2 and err.strip().splitlines()[-1].startswith("FAILED before building: 0 reports found in")
    assert scenario["empty_unchanged"]
    assert scenario["empty_alerts"] == scenario["first_alerts"]  # no "resolved" for open findings


def test_removing_nine_of_ten_reports_is_refused_without_the_override(scenario: dict) -> None:
    code, _, err = scenario["shrink"]
    last = err.strip().splitlines()[-1]
    assert code == 1 and last.startswith("FAILED at step ingest reports: Not published: this build has 1 reports")
    assert "PDX_ALLOW_SHRINK=1" in last and last.endswith("is unchanged.")
    assert scenario["shrink_unchanged"] and scenario["shrink_leftovers"] == []
    added = scenario["shrink_alerts"][len(scenario["first_alerts"]):]
    assert [(a["kind"], a["finding"]["check_name"]) for a in added] == [("new", "run_failed")]


def test_a_removed_report_leaves_the_marts(scenario: dict) -> None:
    assert "r09.txt" in scenario["first_fact_reports"]
    assert "r09.txt" not in scenario["unwritable_reports"] and "r10.txt" in scenario["unwritable_reports"]
    assert "r09.txt" not in scenario["unwritable_fact_reports"]


def test_when_every_sink_fails_the_run_says_so_and_exits_non_zero(scenario: dict) -> None:
    code, _, err = scenario["unwritable"]
    last = err.strip().splitlines()[-1]
    assert code == 1 and last.startswith("FAILED at step alerts: ") and "reached no sink" in last
    assert last.endswith("was published by this run before the failure.")  # not "unchanged": it was replaced


def test_a_run_killed_at_publish_changes_nothing_and_alerts_nothing(scenario: dict) -> None:
    assert "FAILPOINT publish" in scenario["killed_log"]
    assert scenario["killed_unchanged"]
    assert scenario["killed_alerts"] == scenario["shrink_alerts"]  # the repaired sink got nothing yet


def test_the_next_good_run_sends_what_was_not_delivered_and_repeats_nothing(scenario: dict) -> None:
    code, _, err = scenario["rebuilt"]
    assert code == 0, err
    added = scenario["final_alerts"][len(scenario["shrink_alerts"]):]
    keys = [(a["kind"], a["finding"]["finding_key"]) for a in added]
    assert ("new", "publication_date_not_in_future|marts.dim_report|" + next(
        k for (k,) in query(scenario["warehouse"], "select report_key from marts.dim_report "
                                                   "where source_file = 'r10.txt'"))) in keys
    assert ("new", "run_failed|full_build") in keys  # the failed run's own alert, kept until deliverable
    every = [(a["kind"], a["finding"]["finding_key"], a["run_id"]) for a in scenario["final_alerts"]]
    assert len(every) == len(set(every))


def test_a_truncated_published_file_is_moved_aside_and_rebuilt(scenario: dict) -> None:
    code, out, _ = scenario["rebuilt"]
    assert code == 0 and "could not be read" in out and "moved it aside" in out
    before, after = scenario["rebuilt_counts"]
    assert before == after
    assert list(scenario["folder"].glob("warehouse.duckdb.unreadable-*"))


def test_dbt_keeps_its_partial_parse_between_runs(scenario: dict) -> None:
    assert "Unable to do partial parsing" not in scenario["rebuilt_log"]


def test_a_ui_run_of_one_asset_ends_published(scenario: dict) -> None:
    success, published_by_it, left, _ = scenario["one_asset"]
    assert success and published_by_it and left == []


def test_a_failed_ui_run_of_one_asset_leaves_nothing_behind(scenario: dict) -> None:
    success, unchanged, left = scenario["one_asset_failed"]
    assert not success and unchanged and left == []


def test_summary_shows_the_latest_run_only(scenario: dict) -> None:
    code, out = scenario["summary"]
    _, _, _, run_id = scenario["one_asset"]
    checks = query(scenario["warehouse"], "select count(*) from quality.check_results where run_id = ?", [run_id])
    assert code == 0 and f"run {run_id}" in out
    assert f"checks run         {checks[0][0]}\n" in out
