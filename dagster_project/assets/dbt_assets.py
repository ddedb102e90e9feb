"""The dbt project as Dagster assets, through dagster-dbt.

dbt sources map onto the Python assets that fill them (raw.reports, ...), so
lineage runs from the source folder to the marts. dbt tests arrive as asset
checks; their outcomes are also appended to quality.check_results.
"""

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from datetime import datetime, timezone
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from dagster_project.failpoints import failpoint
from dagster_project.quality.results import CheckOutcome, append_check_results, as_text
from dagster_project.resources import WarehouseResource
from dagster_project.settings import DBT_EXECUTABLE, DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)

_DBT_INPUTS = ("models", "seeds", "macros", "tests", "dbt_project.yml", "profiles.yml")


@contextmanager
def warehouse_env_for_dbt(build_file: Path) -> Iterator[None]:
    """PDX_WAREHOUSE for the dbt process being started, restored afterwards.

    profiles.yml reads the warehouse path from dbt's environment, which
    dagster-dbt copies from ours when it starts the process.
    """
    previous = os.environ.get("PDX_WAREHOUSE")
    os.environ["PDX_WAREHOUSE"] = str(build_file)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("PDX_WAREHOUSE", None)
        else:
            os.environ["PDX_WAREHOUSE"] = previous


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
    """Parse the dbt project when its manifest is missing or older than its files."""
    if manifest_is_stale(project):
        dbt = DbtCliResource(project_dir=project, dbt_executable=str(DBT_EXECUTABLE))
        dbt.cli(["parse", "--quiet"], target_path=project.target_path).wait()


class WarehouseDbtTranslator(DagsterDbtTranslator):
    """Keys are [schema, name]; groups are the dbt folders (staging, intermediate, marts, seeds)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        schema = dbt_resource_props["config"].get("schema") or dbt_resource_props["schema"]
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "seeds"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else "dbt"


def _outcome_from_check(event: dg.AssetCheckResult) -> CheckOutcome:
    metadata = {k: getattr(v, "value", v) for k, v in (event.metadata or {}).items()}
    failures = metadata.get("dbt_test_failures") or metadata.get("failures")
    return CheckOutcome(
        suite="dbt_tests",
        check_name=event.check_name or "unknown",
        asset=".".join(event.asset_key.path) if event.asset_key else "unknown",
        severity="error" if event.severity == dg.AssetCheckSeverity.ERROR else "warning",
        passed=event.passed,
        observed_value=as_text({"failures": failures}) if failures is not None else None,
        expected=as_text({"failures": 0}),
        message=as_text(metadata.get("status")),
    )


prepare_manifest()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseDbtTranslator(),
)
def warehouse_dbt_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """`dbt build`: seeds, staging, intermediate and marts, with their tests."""
    outcomes: list[CheckOutcome] = []
    # Failed tests are check results (and alerts), not a crash of the step; a model
    # or seed that does not build is a crash, raised below with dbt's own message.
    # dbt builds this run's private copy, never the published file.
    with warehouse_env_for_dbt(warehouse.build_file(context.run.run_id)):
        invocation = dbt.cli(["build"], context=context, raise_on_error=False)
    try:
        for event in invocation.stream():
            failpoint("dbt")
            if isinstance(event, dg.AssetCheckResult):
                outcomes.append(_outcome_from_check(event))
            yield event
    finally:
        # If the stream broke off, dbt may still hold the file's write lock: end it first.
        if invocation.process.poll() is None:
            invocation.process.terminate()
            invocation.process.wait(timeout=60)
        if outcomes:
            with warehouse.connect(context.run.run_id) as con:
                append_check_results(con, context.run_id, datetime.now(timezone.utc), outcomes)
    broken = build_errors(invocation.get_artifact("run_results.json"))
    if broken:
        raise dg.Failure(
            description="dbt could not build: " + "; ".join(broken)
            + ". Fix the model (see dbt/logs/dbt.log) and run again.",
        )


def build_errors(run_results: Mapping[str, Any]) -> list[str]:
    """'model.x: message' for every model, seed or snapshot that errored (tests excluded)."""
    return [
        f"{r['unique_id']}: {(r.get('message') or '').strip()}"
        for r in run_results.get("results", [])
        if r.get("status") in ("error", "runtime error")
        and not str(r.get("unique_id", "")).startswith(("test.", "unit_test."))
    ]
