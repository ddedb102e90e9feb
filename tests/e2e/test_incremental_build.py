"""An incremental build (one report added, one removed) makes the same marts as a cold build.

The dbt models int_observations_classified and fct_* process only new and changed reports
(dbt/macros/incremental_reports.sql); this compares every mart of a warehouse built in two
steps with one built at once from the same sources.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dagster_project.settings import load_settings
from tests.conftest import copy_samples
from tests.support.marts_golden import DEVSET_REPORTS, build_into, dump_marts

INCREMENTAL_MODELS = ("int_observations_classified", "fct_infrastructure", "fct_services", "fct_workforce")


def _incremental_models(sources: Path, warehouse: Path) -> set[str]:
    """The incremental models the last dbt build of `warehouse` ran in their incremental form."""
    settings = load_settings({"PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(warehouse)})
    results = json.loads((settings.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"].split(".")[-1] for r in results["results"]
            if r["unique_id"].split(".")[-1] in INCREMENTAL_MODELS and "except" in (r.get("compiled_code") or "")}


@pytest.mark.skipif(not DEVSET_REPORTS.is_dir(), reason=f"no devset at {DEVSET_REPORTS}")
def test_incremental_build_equals_a_cold_build(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    names = copy_samples(sources)
    devset = sorted(DEVSET_REPORTS.iterdir())
    shutil.copy(devset[0], sources / devset[0].name)
    warehouse = tmp_path / "incremental" / "warehouse.duckdb"
    build_into(sources, warehouse)
    assert _incremental_models(sources, warehouse) == set()  # the first build is built whole

    shutil.copy(devset[1], sources / devset[1].name)  # one new report...
    (sources / names[-1]).unlink()  # ...and one gone
    build_into(sources, warehouse)
    assert _incremental_models(sources, warehouse) == set(INCREMENTAL_MODELS)

    cold = tmp_path / "cold" / "warehouse.duckdb"
    build_into(sources, cold)
    assert dump_marts(warehouse) == dump_marts(cold)
