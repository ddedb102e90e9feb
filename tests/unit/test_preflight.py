"""Configuration mistakes fail in the first second, naming what to fix."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from dagster_project.cli import build
from dagster_project.preflight import PreflightError, preflight
from dagster_project.settings import load_settings


def settings_for(sources: Path, warehouse: Path, **environ: str):
    return load_settings({"PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(warehouse), **environ})


def test_an_empty_source_folder_says_0_reports_found_in_it(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "README.md").write_text("not a report", encoding="utf-8")
    with pytest.raises(PreflightError, match=r"0 reports found in .*sources"):
        preflight(settings_for(tmp_path / "sources", tmp_path / "w" / "w.duckdb"))


def test_a_missing_source_folder_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(PreflightError, match="PDX_SOURCES_DIR"):
        preflight(settings_for(tmp_path / "nowhere", tmp_path / "w" / "w.duckdb"))


def test_a_warehouse_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("100% xã có internet.", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(PreflightError, match="cannot write the warehouse in .*blocker"):
        preflight(settings_for(tmp_path / "sources", tmp_path / "blocker" / "w.duckdb"))


def test_the_cli_fails_in_the_first_seconds_without_building(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "sources").mkdir()
    monkeypatch.setenv("PDX_SOURCES_DIR", str(tmp_path / "sources"))
    monkeypatch.setenv("PDX_WAREHOUSE", str(tmp_path / "w" / "w.duckdb"))
    started = time.perf_counter()
    assert build() == 2
    seconds = time.perf_counter() - started
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("FAILED before building: 0 reports found in")
    assert not (tmp_path / "w" / "w.duckdb").exists()
    print(f"failed after {seconds:.2f}s")  # a figure, not an assert: the machine may be busy


def test_half_set_smtp_fails_before_building(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PDX_SMTP_HOST", "mail.example.org")
    monkeypatch.setenv("PDX_ALERT_FROM", "pdx@example.org")
    assert build() == 2
    assert "set PDX_ALERT_TO" in capsys.readouterr().err


def test_duckdb_memory_limit_is_a_size_passed_to_dbt(tmp_path: Path) -> None:
    import json

    from dagster_project.dbt_project import gate_args
    from dagster_project.settings import SettingsError

    settings = settings_for(tmp_path / "sources", tmp_path / "w" / "w.duckdb")
    assert json.loads(gate_args(settings)[1])["pdx_duckdb_memory_limit"] == "700MB"
    settings = settings_for(tmp_path / "sources", tmp_path / "w" / "w.duckdb", PDX_DUCKDB_MEMORY_LIMIT="1.5 GB")
    assert json.loads(gate_args(settings)[1]) == {
        "pdx_build_file": str(settings.build_file), "pdx_duckdb_memory_limit": "1.5GB"}
    for wrong in ("700", "lots", "0MB", "-1GB"):
        with pytest.raises(SettingsError, match="PDX_DUCKDB_MEMORY_LIMIT=.* is not a memory size"):
            settings_for(tmp_path / "sources", tmp_path / "w" / "w.duckdb", PDX_DUCKDB_MEMORY_LIMIT=wrong)


def test_a_model_out_of_duckdb_memory_says_which_setting_to_raise(tmp_path: Path) -> None:
    from dagster_project.assets.dbt_assets import _remedy

    settings = settings_for(tmp_path / "sources", tmp_path / "w" / "w.duckdb", PDX_DUCKDB_MEMORY_LIMIT="1GB")
    oom = ["model.pdx_warehouse.int_actual_values: Out of Memory Error: could not allocate block of size 256.0 KiB"]
    assert _remedy(oom, settings).startswith("DuckDB needed more than PDX_DUCKDB_MEMORY_LIMIT=1GB for it: set "
                                             "PDX_DUCKDB_MEMORY_LIMIT higher")
    assert _remedy(["model.pdx_warehouse.x: Binder Error: column y"], settings).startswith("Fix the model")
