"""The job `extract_batches` on the real multiprocess executor, then a build that loads what it filed.

One step per batch, each in a process of its own; the build after it extracts nothing
and its marts are the golden ones, the same as a build that extracted everything itself.
"""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import pytest

from dagster_project import cli
from dagster_project.asset_keys import RAW_OBSERVATIONS
from dagster_project.definitions import extract_batches
from tests.e2e.conftest import write_e2e_sources
from tests.support.builds import run_full_build
from tests.support.marts_golden import compare_to_fixture

BATCH_STEP = "raw__figure_store.extract_batch_op["


def _run_batches(home: Path) -> dg.ExecuteJobResult:
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        return dg.execute_job(dg.reconstructable(extract_batches), instance=instance)


def test_batches_run_in_parallel_processes_and_the_build_loads_their_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    write_e2e_sources(sources)  # 7 report files (one unreadable, one duplicate) and a manifest
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    for name, value in {"PDX_SOURCES_DIR": sources, "PDX_WAREHOUSE": warehouse, "PDX_BATCH_FILES": 3,
                        "PDX_EXTRACT_WORKERS": 2}.items():
        monkeypatch.setenv(name, str(value))

    result = _run_batches(tmp_path / "dagster")
    assert result.success
    starts = [e for e in result.all_events if e.event_type_value == "STEP_START" and e.step_key.startswith(BATCH_STEP)]
    assert len(starts) == 3, "7 files in batches of 3"
    assert len({e.pid for e in starts} | {os.getpid()}) == 4, "each batch step runs in a process of its own"
    filed = sorted((warehouse.parent / "figure_store").glob("*/*.files.parquet"))
    assert len(filed) == 3
    # What the steps pass each other stays in the store's folder, the one place all steps must reach.
    assert any((warehouse.parent / "figure_store" / ".step_values").rglob("*"))

    build = run_full_build()
    assert build.success
    (extract,) = [m for m in build.asset_materializations_for_node("raw__observations")
                  if m.asset_key == RAW_OBSERVATIONS]
    assert extract.metadata["reports_from_figure_store"].value == 5
    assert extract.metadata["reports_extracted"].value == 0
    difference = compare_to_fixture(warehouse, "samples")
    assert difference is None, difference

    # Everything is filed: the command (`make extract-batches`) plans no batch.
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert cli.main(["extract-batches"]) == 0
    assert "Nothing to extract: every source file is in the figure store" in capsys.readouterr().out
