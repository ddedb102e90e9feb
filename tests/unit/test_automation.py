"""The source-folder sensor starts a run only when files are added, changed or removed."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from dagster_project.automation import source_files_sensor
from dagster_project.definitions import full_build
from dagster_project.resources import WarehouseResource


def tick(sensor: dg.SensorDefinition, sources: Path, cursor: str | None):
    context = dg.build_sensor_context(
        cursor=cursor,
        resources={"warehouse": WarehouseResource(path=str(sources.parent / "w.duckdb"),
                                                  sources_dir=str(sources), max_file_bytes=1_000_000)},
    )
    result = sensor(context)
    return result, context.cursor


def test_the_sensor_runs_on_new_and_changed_files_only(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("100% xã có internet.", encoding="utf-8")
    sensor = source_files_sensor(full_build)
    first, cursor = tick(sensor, sources, None)
    assert isinstance(first, dg.RunRequest)
    again, same = tick(sensor, sources, cursor)
    assert isinstance(again, dg.SkipReason) and same == cursor
    (sources / "b.txt").write_text("90% hồ sơ trực tuyến.", encoding="utf-8")
    added, _ = tick(sensor, sources, cursor)
    assert isinstance(added, dg.RunRequest) and added.run_key != first.run_key


def test_a_missing_source_folder_is_a_skip_with_the_reason(tmp_path: Path) -> None:
    result, _ = tick(source_files_sensor(full_build), tmp_path / "nowhere", None)
    assert isinstance(result, dg.SkipReason) and "PDX_SOURCES_DIR" in result.skip_message
