"""Shared fixtures: a temporary source folder and warehouse for every test that needs one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SOURCES = PROJECT_ROOT / "sources"


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
