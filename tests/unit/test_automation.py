"""The source-folder sensor: a run for every new state of the folder, none when nothing changed."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project import run_record
from dagster_project.automation import FolderState, next_request, source_files_sensor
from dagster_project.definitions import full_build
from dagster_project.ingestion.sources import source_fingerprint
from dagster_project.resources import WarehouseResource
from dagster_project.settings import load_settings

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def tick(sensor: dg.SensorDefinition, sources: Path, cursor: str | None):
    settings = load_settings({"PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(sources.parent / "w.duckdb")})
    context = dg.build_sensor_context(cursor=cursor, resources={"warehouse": WarehouseResource(settings)})
    result = sensor(context)
    return result, context.cursor


def folder(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("100% xã có internet.", encoding="utf-8")
    return sources


def test_the_sensor_runs_on_new_and_changed_files_only(tmp_path: Path) -> None:
    sources = folder(tmp_path)
    sensor = source_files_sensor(full_build)
    first, cursor = tick(sensor, sources, None)
    assert isinstance(first, dg.RunRequest)
    again, same = tick(sensor, sources, cursor)
    assert isinstance(again, dg.SkipReason) and same == cursor
    (sources / "b.txt").write_text("90% hồ sơ trực tuyến.", encoding="utf-8")
    added, _ = tick(sensor, sources, cursor)
    assert isinstance(added, dg.RunRequest) and added.run_key != first.run_key


def test_a_removal_and_a_return_to_an_earlier_state_each_start_a_run(tmp_path: Path) -> None:
    """A -> B -> A: three runs, three run keys (Dagster skips a run key it has seen)."""
    sources = folder(tmp_path)
    (sources / "b.txt").write_text("90% hồ sơ trực tuyến.", encoding="utf-8")
    mtime = (sources / "b.txt").stat().st_mtime_ns
    sensor = source_files_sensor(full_build)
    fingerprint_a = source_fingerprint(sources)
    state_a, cursor = tick(sensor, sources, None)
    (sources / "b.txt").unlink()  # B: a report removed
    state_b, cursor = tick(sensor, sources, cursor)
    (sources / "b.txt").write_text("90% hồ sơ trực tuyến.", encoding="utf-8")  # A again, exactly
    os.utime(sources / "b.txt", ns=(mtime, mtime))
    assert source_fingerprint(sources) == fingerprint_a
    state_a_again, cursor = tick(sensor, sources, cursor)
    requests = [state_a, state_b, state_a_again]
    assert all(isinstance(r, dg.RunRequest) for r in requests)
    assert len({r.run_key for r in requests}) == 3


def test_returning_to_the_exact_same_fingerprint_gets_a_new_key() -> None:
    a, b = "a" * 64, "b" * 64
    state, key1 = next_request(FolderState(), a, None, False)
    state, key2 = next_request(state, b, None, False)
    state, key3 = next_request(state, a, None, False)
    assert None not in (key1, key2, key3) and len({key1, key2, key3}) == 3


def test_on_start_nothing_runs_when_the_folder_and_code_match_the_last_publish(tmp_path: Path) -> None:
    sources = folder(tmp_path)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        run_record.start_run(con, "published-run", T0, source_fingerprint(sources))
        run_record.complete_run(con, "published-run", T0, T0)
    sensor = source_files_sensor(full_build)
    result, cursor = tick(sensor, sources, None)
    assert isinstance(result, dg.SkipReason) and "published-run" in result.skip_message
    (sources / "b.txt").write_text("90% hồ sơ trực tuyến.", encoding="utf-8")
    changed, _ = tick(sensor, sources, cursor)
    assert isinstance(changed, dg.RunRequest)


def test_on_start_a_code_change_since_the_last_publish_starts_a_run() -> None:
    _, key = next_request(FolderState(), "f" * 64, "f" * 64, published_code_matches=False)
    assert key is not None


def test_an_older_cursor_holding_a_bare_fingerprint_still_works() -> None:
    state = FolderState.parse("f" * 64)
    assert state.fingerprint == "f" * 64
    assert next_request(state, "f" * 64, None, False) == (state, None)


def test_a_missing_source_folder_is_a_skip_with_the_reason(tmp_path: Path) -> None:
    result, _ = tick(source_files_sensor(full_build), tmp_path / "nowhere", None)
    assert isinstance(result, dg.SkipReason) and "PDX_SOURCES_DIR" in result.skip_message
