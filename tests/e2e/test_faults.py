"""Faults and readers: SIGKILL real runs at each stage; query the warehouse while it is rebuilt.

Runs are real `python -m dagster_project.cli build` processes. PDX_FAILPOINT
freezes a run at a named stage (see dagster_project/failpoints.py) so that the
kill lands inside that stage, not by luck of timing.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, SAMPLE_SOURCES

pytestmark = pytest.mark.e2e

TABLES = ("marts.dim_report", "marts.fct_infrastructure", "marts.fct_services", "marts.fct_workforce")
EXTRA_REPORT = (
    "Hà Giang đẩy mạnh chuyển đổi số\n\nThứ hai, 05/10/2026 08:00\n\n"
    "Tỉnh Hà Giang đã có 95% xã có cáp quang và 1.200 trạm BTS. 300 cán bộ được tập huấn chuyển đổi số.\n"
)


def start_build(sources: Path, warehouse: Path, failpoint: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PDX_SOURCES_DIR=str(sources), PDX_WAREHOUSE=str(warehouse))
    env.pop("PDX_FAILPOINT", None)
    if failpoint:
        env["PDX_FAILPOINT"] = failpoint
    return subprocess.Popen(
        [sys.executable, "-m", "dagster_project.cli", "build"], cwd=PROJECT_ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def build(sources: Path, warehouse: Path) -> None:
    process = start_build(sources, warehouse)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr[-3000:]


def counts(warehouse: Path) -> tuple[int, ...]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return tuple(con.table(t).count("*").fetchall()[0][0] for t in TABLES)


def kill_at(process: subprocess.Popen, failpoint: str) -> None:
    """Wait until the run reports the failpoint, then SIGKILL its whole process group."""
    deadline = time.monotonic() + 300
    assert process.stderr is not None
    for line in process.stderr:
        if f"FAILPOINT {failpoint}" in line:
            break
        assert time.monotonic() < deadline, f"run never reached failpoint {failpoint}"
    else:
        pytest.fail(f"run ended without reaching failpoint {failpoint}")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, tuple[int, ...]]:
    root = tmp_path_factory.mktemp("faults")
    sources = root / "sources"
    shutil.copytree(SAMPLE_SOURCES, sources)
    warehouse = root / "warehouse" / "warehouse.duckdb"
    build(sources, warehouse)
    return sources, warehouse, counts(warehouse)


@pytest.mark.parametrize("stage", ["ingest", "dbt", "checks", "publish"])
def test_a_run_killed_during_a_stage_leaves_the_warehouse_intact(published, stage: str) -> None:
    sources, warehouse, before = published
    (sources / "extra.txt").write_text(EXTRA_REPORT, encoding="utf-8")
    try:
        kill_at(start_build(sources, warehouse, failpoint=stage), stage)
        assert counts(warehouse) == before  # still the last published build, readable
    finally:
        (sources / "extra.txt").unlink()
    build(sources, warehouse)  # no manual clean-up needed
    assert counts(warehouse) == before
    leftovers = [p.name for p in (warehouse.parent / ".building").iterdir() if p.name != "lock"]
    assert leftovers == []


READER = r"""
import json, sys, time, duckdb
warehouse, stop_file, out = sys.argv[1:4]
tables = %r
answers, errors = [], []
from pathlib import Path
while not Path(stop_file).exists():
    try:
        with duckdb.connect(warehouse, read_only=True) as con:
            answers.append([con.table(t).count("*").fetchall()[0][0] for t in tables])
    except Exception as exc:  # every error is a failure of the test
        errors.append(repr(exc))
    time.sleep(0.05)
Path(out).write_text(json.dumps({"answers": answers, "errors": errors}))
""" % (TABLES,)


def test_readers_never_see_a_lock_error_or_a_half_built_warehouse(published, tmp_path: Path) -> None:
    sources, warehouse, before = published
    (sources / "extra.txt").write_text(EXTRA_REPORT, encoding="utf-8")
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen([sys.executable, "-c", READER, str(warehouse), str(stop), str(tmp_path / f"r{i}.json")])
        for i in range(4)
    ]
    try:
        process = start_build(sources, warehouse)
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr[-3000:]
    finally:
        stop.touch()
        for reader in readers:
            reader.wait(timeout=60)
        (sources / "extra.txt").unlink()
    after = counts(warehouse)
    results = [json.loads((tmp_path / f"r{i}.json").read_text()) for i in range(4)]
    answers = [tuple(a) for r in results for a in r["answers"]]
    assert [e for r in results for e in r["errors"]] == []
    assert len(answers) >= 50
    assert set(answers) <= {before, after}  # each answer is one complete build or the other
    assert after != before
    build(sources, warehouse)  # leave the module's warehouse as the fixture made it


def facts_by_report(warehouse: Path) -> dict[str, set[tuple]]:
    grouped: dict[str, set[tuple]] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in TABLES[1:]:
            for row in con.table(table).select("report_key, fact_key, indicator_code, value").fetchall():
                grouped.setdefault(row[0], set()).add(row)
        extracted = dict(con.table("raw.extractions").select("report_key, extracted_at").fetchall())
    return {"facts": grouped, "extracted": extracted}


def test_adding_a_report_changes_only_what_depends_on_it(published) -> None:
    sources, warehouse, _ = published
    before = facts_by_report(warehouse)
    (sources / "extra.txt").write_text(EXTRA_REPORT, encoding="utf-8")
    try:
        build(sources, warehouse)
        after = facts_by_report(warehouse)
    finally:
        (sources / "extra.txt").unlink()
    new_reports = set(after["facts"]) - set(before["facts"])
    assert len(new_reports) == 1
    assert {k: v for k, v in after["facts"].items() if k not in new_reports} == before["facts"]
    # The old reports were not extracted again: only the new one was.
    assert {k: v for k, v in after["extracted"].items() if k not in new_reports} == before["extracted"]
    build(sources, warehouse)
