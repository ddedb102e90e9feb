"""Shared fixtures: a temporary source folder and warehouse for every test that needs one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SOURCES = PROJECT_ROOT / "sources"


def pytest_configure(config: pytest.Config) -> None:
    """Parse the dbt project once, before pytest-xdist starts its workers.

    Importing the Dagster definitions parses dbt into dbt/target when the manifest is
    stale; two workers doing it at once would write the same manifest and partial-parse
    files together. Workers have `workerinput`; the controller (or a run without -n) parses."""
    if not hasattr(config, "workerinput"):
        from dagster_project.dbt_project import prepare_manifest

        prepare_manifest()


@pytest.fixture()
def warehouse_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(sources_dir, warehouse_path) in a temp folder, exported as PDX_* for every entry point."""
    sources = tmp_path / "sources"
    sources.mkdir()
    warehouse = tmp_path / "warehouse" / "warehouse.duckdb"
    monkeypatch.setenv("PDX_SOURCES_DIR", str(sources))
    monkeypatch.setenv("PDX_WAREHOUSE", str(warehouse))
    return sources, warehouse


def copy_samples(destination: Path) -> list[str]:
    names = []
    for path in sorted(SAMPLE_SOURCES.glob("*.txt")):
        shutil.copy(path, destination / path.name)
        names.append(path.name)
    return names
