"""The dbt manifest is parsed by one process at a time and appears whole (dbt_project.prepare_manifest)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from dagster_dbt import DbtProject

from dagster_project.dbt_project import manifest_is_stale, prepare_manifest
from dagster_project.settings import DBT_PROJECT_DIR
from tests.support.torn_reads import torn_reads_while

pytestmark = pytest.mark.e2e


def test_a_reader_never_sees_half_a_manifest_while_two_processes_parse(tmp_path: Path) -> None:
    copy = tmp_path / "dbt"
    shutil.copytree(DBT_PROJECT_DIR, copy, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    project = DbtProject(project_dir=copy, profiles_dir=copy)
    prepare_manifest(project)
    manifest = copy / "target" / "manifest.json"
    first = manifest.stat().st_mtime_ns
    time.sleep(0.05)
    (copy / "models" / "marts" / "dim_date.sql").touch()  # stale again: the next prepare parses
    assert manifest_is_stale(project)

    torn = torn_reads_while(manifest, [lambda: prepare_manifest(project)] * 2)

    assert not torn, torn[:3]
    assert manifest.stat().st_mtime_ns > first and not manifest_is_stale(project)
    assert not list((copy / "target").glob(".parse-*"))  # the private folders are gone
