"""The marts are what the fixtures say: the speed work (skips, incremental models) changes no row.

samples: the session's shared build (conftest `built`); devset: built here on a temporary
warehouse. On a difference the test writes `<fixture>.new` and says how to accept it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.marts_golden import DEVSET_REPORTS, build_into, compare_to_fixture


def test_samples_marts_match_the_golden_fixture(built: dict) -> None:
    difference = compare_to_fixture(built["warehouse"], "samples")
    assert difference is None, difference


@pytest.mark.skipif(not DEVSET_REPORTS.is_dir(), reason=f"no devset at {DEVSET_REPORTS}")
def test_devset_marts_match_the_golden_fixture(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(DEVSET_REPORTS, sources)
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    build_into(sources, warehouse)
    difference = compare_to_fixture(warehouse, "devset")
    assert difference is None, difference
