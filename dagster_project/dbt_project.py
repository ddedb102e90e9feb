"""The dbt project: where it is, how the pipeline's runs call it, and its parsed manifest.

dbt builds through its `gate` target, whose file is the run's private copy,
passed as `--vars {"pdx_build_file": ...}`: the profile names no published file,
and since the copy's path is stable, so is the profile, and dbt's partial
parsing stays valid from run to run (artifacts in settings.dbt_target_dir).
Run by hand, dbt uses its `dev` target (warehouse/dev.duckdb), never the gate.
"""
from __future__ import annotations

import json

from dagster_dbt import DbtCliResource, DbtProject

from dagster_project.settings import DBT_EXECUTABLE, DBT_PROJECT_DIR, Settings

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)

GATE_TARGET = "gate"
_DBT_INPUTS = ("models", "seeds", "macros", "tests", "dbt_project.yml", "profiles.yml")


def gate_args(settings: Settings) -> list[str]:
    """What every dbt command of a run adds: the private copy it writes."""
    return ["--vars", json.dumps({"pdx_build_file": str(settings.build_file)})]


def dbt_resource() -> DbtCliResource:
    """dbt for the pipeline's runs: the gate target, the copy named by `gate_args`."""
    return DbtCliResource(project_dir=dbt_project, dbt_executable=str(DBT_EXECUTABLE), target=GATE_TARGET)


def manifest_is_stale(project: DbtProject) -> bool:
    """True when any dbt file is newer than the manifest (or there is none)."""
    manifest = project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    for name in _DBT_INPUTS:
        path = project.project_dir / name
        files = [path] if path.is_file() else path.rglob("*") if path.exists() else []
        if any(f.stat().st_mtime > built for f in files):
            return True
    return False


def prepare_manifest(project: DbtProject = dbt_project) -> None:
    """Parse the dbt project (dev target: no warehouse is opened) when its manifest is stale."""
    if manifest_is_stale(project):
        dbt = DbtCliResource(project_dir=project, dbt_executable=str(DBT_EXECUTABLE))
        dbt.cli(["parse", "--quiet"], target_path=project.target_path).wait()
