"""Source freshness evaluated on our connection gives what `dbt source freshness` gives.

The checks step no longer starts dbt for it (quality/source_freshness.py); this
runs the real dbt command once on a raw warehouse whose tables are fresh, stale
(warn) and very stale (error), and compares dbt's sources.json with ours.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from dagster_project.quality.source_freshness import outcomes_from_sources_json, source_freshness
from dagster_project.settings import DBT_PROJECT_DIR
from dagster_project.warehouse_db import utc_now
from tests.e2e.test_dbt_by_hand import raw_warehouse

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("ages", [{"reports": 1, "observations": 3}, {"reports": 8, "observations": 0}])
def test_freshness_matches_dbt_source_freshness(tmp_path: Path, ages: dict[str, int]) -> None:
    project = tmp_path / "project"
    shutil.copytree(DBT_PROJECT_DIR, project / "dbt", ignore=shutil.ignore_patterns("target", "logs"))
    dev = project / "warehouse" / "dev.duckdb"
    dev.parent.mkdir()
    raw_warehouse(dev)
    now = utc_now()
    with duckdb.connect(str(dev)) as con:
        con.execute("update raw.reports set loaded_at = ?", [now - timedelta(days=ages["reports"], hours=1)])
        con.execute("update raw.observations set extracted_at = ?",
                    [now - timedelta(days=ages["observations"], hours=1)])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PDX_", "DBT_"))}
    dbt = Path(sys.executable).parent / "dbt"
    done = subprocess.run([str(dbt), "source", "freshness", "--quiet"], cwd=project / "dbt", env=env,
                          capture_output=True, text=True, timeout=900)
    target = project / "dbt" / "target"
    assert (target / "sources.json").exists(), done.stdout[-3000:] + done.stderr[-3000:]
    by_dbt = json.loads((target / "sources.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(dev), read_only=True) as con:
        ours = source_freshness(con, target / "manifest.json")

    theirs = outcomes_from_sources_json(by_dbt)
    assert {o.asset: o.passed for o in theirs} == {"raw.reports": ages["reports"] < 2,
                                                   "raw.observations": ages["observations"] < 2}

    def comparable(outcomes: list) -> list[tuple]:
        """Everything but the age, which moves with the clock between the two evaluations."""
        rows = []
        for o in sorted(outcomes, key=lambda o: o.check_name):
            observed = json.loads(o.observed_value)
            rows.append((o.suite, o.check_name, o.asset, o.severity, o.passed, o.expected, o.message,
                         observed["status"], observed["max_loaded_at"]))
        return rows

    assert comparable(ours) == comparable(theirs)
    ages_dbt = {r["unique_id"]: r["max_loaded_at_time_ago_in_s"] for r in by_dbt["results"]}
    for outcome in ours:
        age = json.loads(outcome.observed_value)["age_seconds"]
        assert 0 <= age - ages_dbt[f"source.pdx_warehouse.{outcome.asset}"] < 600
