"""dbt run by hand from dbt/ works on its dev file and never touches the published warehouse.

A copy of the dbt project runs `dbt build` the way the README says (from its own
folder, default target) while a BI reader holds the published file open and
PDX_WAREHOUSE names it: the published file keeps its bytes and its time, and no
lock error happens.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.extraction.pipeline import extract_report
from dagster_project.extraction.version import extractor_version
from dagster_project.ingestion.sources import scan_sources
from dagster_project.raw_store import ensure_raw_schema, replace_observations, sync_reports
from dagster_project.settings import DBT_PROJECT_DIR
from tests.conftest import SAMPLE_SOURCES

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 12, 1, tzinfo=timezone.utc)


def raw_warehouse(path: Path) -> None:
    """A warehouse holding the raw tables of two sample reports (what dbt reads)."""
    folder = path.parent / "sources"
    folder.mkdir()
    for sample in sorted(SAMPLE_SOURCES.glob("*.txt"))[:2]:
        shutil.copy(sample, folder / sample.name)
    reports, rejected = scan_sources(folder, 10_000_000)
    with duckdb.connect(str(path)) as con:
        ensure_raw_schema(con)
        sync_reports(con, reports, rejected, NOW)
        extracted = [(r.report_key, extract_report(r.text, r.published_date)) for r in reports]
        replace_observations(con, extracted, extractor_version(), NOW)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_dbt_build_from_the_dbt_folder_never_touches_the_published_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(DBT_PROJECT_DIR, project / "dbt", ignore=shutil.ignore_patterns("target", "logs"))
    published = project / "warehouse" / "warehouse.duckdb"
    published.parent.mkdir()
    raw_warehouse(published)
    shutil.copyfile(published, project / "warehouse" / "dev.duckdb")  # what `make dev-warehouse` does
    before = fingerprint(published)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PDX_", "DBT_"))}
    env["PDX_WAREHOUSE"] = str(published)  # a user who exported it: dbt must still not use it
    dbt = Path(sys.executable).parent / "dbt"
    with duckdb.connect(str(published), read_only=True) as reader:  # a BI tool holding the file
        done = subprocess.run([str(dbt), "build", "--quiet"], cwd=project / "dbt", env=env,
                              capture_output=True, text=True, timeout=900)
        assert reader.table("raw.reports").count("*").fetchone()[0] == 2
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert fingerprint(published) == before
    with duckdb.connect(str(project / "warehouse" / "dev.duckdb"), read_only=True) as dev:
        assert dev.table("marts.dim_report").count("*").fetchone()[0] == 2
