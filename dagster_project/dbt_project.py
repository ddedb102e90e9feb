"""The dbt project: where it is, how the pipeline's runs call it, and its parsed manifest.

dbt builds through its `gate` target, whose file is the run's private copy,
passed as `--vars {"pdx_build_file": ...}`: the profile names no published file,
and since the copy's path is stable, so is the profile, and dbt's partial
parsing stays valid from run to run (artifacts in settings.dbt_target_dir).
Run by hand, dbt uses its `dev` target (warehouse/dev.duckdb), never the gate.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from dagster_project.settings import DBT_EXECUTABLE, DBT_PROJECT_DIR, Settings

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)

GATE_TARGET = "gate"
_DBT_INPUTS = ("models", "seeds", "macros", "tests", "dbt_project.yml", "profiles.yml")
_PARTIAL_PARSE = "partial_parse.msgpack"
_PARSE_ARTIFACTS = (_PARTIAL_PARSE, "semantic_manifest.json", "perf_info.json", "manifest.json")


def gate_args(settings: Settings) -> list[str]:
    """What every dbt command of a run adds: the private copy it writes and DuckDB's memory limit
    (the gate target's settings in profiles.yml)."""
    return ["--vars", json.dumps({
        "pdx_build_file": str(settings.build_file),
        "pdx_duckdb_memory_limit": settings.duckdb_memory_limit,
    })]


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
    """Parse the dbt project (dev target: no warehouse is opened) when its manifest is stale.

    Another process of this checkout (a test run beside `make run`) may load the manifest
    or parse at the same moment: one parse at a time (a lock file), into a folder of its
    own, and the finished manifest renamed into place, so no reader sees half a file."""
    if not manifest_is_stale(project):
        return
    target = Path(project.project_dir) / project.target_path
    target.mkdir(parents=True, exist_ok=True)
    with (target / ".parse.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not manifest_is_stale(project):
            return  # parsed by the process that held the lock
        with tempfile.TemporaryDirectory(dir=target, prefix=".parse-") as scratch:
            private = Path(scratch)
            partial = target / _PARTIAL_PARSE
            if partial.exists():
                shutil.copy2(partial, private / _PARTIAL_PARSE)  # keep partial parsing
            dbt = DbtCliResource(project_dir=project, dbt_executable=str(DBT_EXECUTABLE))
            dbt.cli(["parse", "--quiet"], target_path=private).wait()
            for name in _PARSE_ARTIFACTS:  # the manifest last: its mtime says the parse is complete
                if (private / name).exists():
                    os.replace(private / name, target / name)
