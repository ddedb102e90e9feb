"""The dbt project as Dagster assets, through dagster-dbt.

dbt sources map onto the Python assets that fill them (raw.reports, ...), so
lineage runs from the source folder to the marts. dbt tests arrive as asset
checks (the tests on the raw tables too); their outcomes are also appended to
quality.check_results, with the report and sentence a failing test points at.

dbt runs on the run's private copy through its `gate` target (see dbt_project.py).
"""

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from dagster_project.dbt_project import dbt_project, gate_args, prepare_manifest
from dagster_project.failpoints import failpoint
from dagster_project.quality.dbt_failures import describe_failed_tests
from dagster_project.quality.results import CheckOutcome, append_check_results, as_text
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.run_record import code_version, published_code_version
from dagster_project.run_steps import DBT, writing_step
from dagster_project.settings import Settings

# The marts are rebuilt every morning (daily_full_build); two missed days is a failure.
MART_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=48), warn_window=timedelta(hours=26))


class WarehouseDbtTranslator(DagsterDbtTranslator):
    """Keys are [schema, name]; groups are the dbt folders (staging, intermediate, marts, seeds);
    the marts carry a freshness policy."""

    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings())

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

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        if spec.key.path[0] == "marts":
            spec = spec.replace_attributes(freshness_policy=MART_FRESHNESS)
        return spec


def _outcome_from_check(event: dg.AssetCheckResult, rows: Sequence[str]) -> CheckOutcome:
    metadata = {k: getattr(v, "value", v) for k, v in (event.metadata or {}).items()}
    failures = metadata.get("dbt_test_failures") or metadata.get("failures")
    message = as_text(metadata.get("status"))
    if rows:
        message = f"{message or 'failed'}: " + "; ".join(rows)
    return CheckOutcome(
        suite="dbt_tests",
        check_name=event.check_name or "unknown",
        asset=".".join(event.asset_key.path) if event.asset_key else "unknown",
        severity="error" if event.severity == dg.AssetCheckSeverity.ERROR else "warning",
        passed=event.passed,
        observed_value=as_text({"failures": failures}) if failures is not None else None,
        expected=as_text({"failures": 0}),
        offending_keys=tuple(rows),
        message=message,
    )


prepare_manifest()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseDbtTranslator(),
)
def warehouse_dbt_models(
    context: AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: dg.ResourceParam[WarehouseResource],
    alerts: dg.ResourceParam[AlertsResource],
) -> Iterator[Any]:
    """`dbt build`: seeds, staging, intermediate and marts, with their tests, on the run's copy."""
    run_id = context.run.run_id
    with writing_step(context, DBT, warehouse, alerts):
        warehouse.build_file(run_id, context.log.warning)
        yield from _build(context, dbt, warehouse)


def _build(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource) -> Iterator[Any]:
    settings = warehouse.settings
    checks: list[dg.AssetCheckResult] = []
    version = code_version()  # hashes every code file: once per step
    refresh = full_refresh_reason(warehouse, context.run.run_id, version)
    context.log.info(f"dbt: full refresh ({refresh})" if refresh else
                     "dbt: incremental models process only new and changed reports")
    # Failed tests are check results (and findings), not a crash of the step; a model
    # or seed that does not build is a crash, raised below with dbt's own message.
    # dbt's unit tests check the SQL against fixed inputs, not the data: once they passed
    # for this code version they pass again, so only a changed code runs them.
    unit_tests_known = refresh is None and unit_tests_passed_for(settings) == version
    invocation = dbt.cli(["build", *gate_args(settings), *(["--full-refresh"] if refresh else []),
                          *(["--exclude-resource-type", "unit_test"] if unit_tests_known else [])],
                         context=context, raise_on_error=False, target_path=settings.dbt_target_dir)
    try:
        for event in invocation.stream():
            failpoint("dbt")
            if isinstance(event, dg.AssetCheckResult):
                checks.append(event)
            yield event
    finally:
        # If the stream broke off, dbt may still hold the file's write lock: end it first.
        if invocation.process.poll() is None:
            invocation.process.terminate()
            invocation.process.wait(timeout=60)
    run_results = invocation.get_artifact("run_results.json")
    with warehouse.connect(context.run.run_id) as con:
        rows = describe_failed_tests(con, run_results, invocation.manifest) if any(not c.passed for c in checks) else {}
        outcomes = [_outcome_from_check(c, rows.get(c.check_name or "", [])) for c in checks]
        if outcomes:
            append_check_results(con, context.run.run_id, datetime.now(timezone.utc), outcomes)
    note_unit_tests(settings, run_results, version)
    broken = build_errors(run_results)
    if broken:
        raise dg.Failure(description="dbt could not build: " + "; ".join(broken) + ". " + _remedy(broken, settings))


def _remedy(broken: Sequence[str], settings: Settings) -> str:
    """What to do about the models that did not build: DuckDB's memory limit is ours to raise."""
    if any("Out of Memory" in message for message in broken):
        return (f"DuckDB needed more than PDX_DUCKDB_MEMORY_LIMIT={settings.duckdb_memory_limit} for it: "
                "set PDX_DUCKDB_MEMORY_LIMIT higher (e.g. 2GB) and run again.")
    return f"Fix the model (dbt's log: {settings.dbt_target_dir / 'dbt.log'}) and run again."


def full_refresh_reason(warehouse: WarehouseResource, run_id: str, version: str) -> str | None:
    """Why the incremental models must be rebuilt whole this run, or None (incremental).

    Rows of unchanged reports are kept only while the code that made them is the code
    running now; the extractor's version is part of the code version (run_record.py).
    A warehouse without the tables yet is built whole by dbt itself.
    """
    if warehouse.settings.full_refresh:
        return "asked for: PDX_FULL_REFRESH=1 or --full-refresh"
    with warehouse.connect(run_id) as con:
        published = published_code_version(con)
    if published is None:
        return "no published build yet"
    if published != version:
        return f"the code changed since the published build ({published} -> {version})"
    return None


def _unit_tests_file(settings: Settings) -> Path:
    return settings.dbt_target_dir / "unit_tests_passed"


def unit_tests_passed_for(settings: Settings) -> str | None:
    """The code version whose dbt unit tests all passed in a build of this warehouse, if any."""
    try:
        return _unit_tests_file(settings).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def note_unit_tests(settings: Settings, run_results: Mapping[str, Any], version: str) -> None:
    """Remember the code `version` when this build ran dbt's unit tests and every one passed;
    forget it when one failed (the next build runs them again)."""
    units = [r for r in run_results.get("results", []) if str(r.get("unique_id", "")).startswith("unit_test.")]
    if not units:
        return
    if all(r.get("status") == "pass" for r in units):
        _unit_tests_file(settings).write_text(version, encoding="utf-8")
    else:
        _unit_tests_file(settings).unlink(missing_ok=True)


def build_errors(run_results: Mapping[str, Any]) -> list[str]:
    """'model.x: message' for every model, seed or snapshot that errored (tests excluded)."""
    return [
        f"{r['unique_id']}: {(r.get('message') or '').strip()}"
        for r in run_results.get("results", [])
        if r.get("status") in ("error", "runtime error")
        and not str(r.get("unique_id", "")).startswith(("test.", "unit_test."))
    ]
