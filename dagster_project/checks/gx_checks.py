"""The quality checks of a run in one step: GX suites and dbt source freshness. It only checks.

Each (suite, table) is its own asset check in the UI, on the asset it guards,
with its severity; one step runs the selected ones (a UI run of one asset runs
its checks only). Outcomes go to quality.check_results and the findings to
quality.anomalies in the run's copy; alerts come after publishing, from the
published state (see assets/publish_assets.py). Failed checks are logged as
sentences: the check, the report, the quote, expected vs found.
"""

from collections.abc import Iterator, Sequence
from typing import Any

import dagster as dg
from dagster import AssetCheckExecutionContext

from dagster_project.asset_keys import RAW_REPORTS
from dagster_project.dbt_project import dbt_project
from dagster_project.failpoints import failpoint
from dagster_project.quality.findings import (
    Anomaly,
    anomalies_from_outcomes,
    failed_keys,
    findings_from_failed_checks,
    replace_anomalies,
)
from dagster_project.quality.gx_suites import SuiteSpec, load_suites, read_frame, read_rows, run_suite
from dagster_project.quality.results import CheckOutcome, append_check_results, dbt_test_outcomes
from dagster_project.quality.sentences import failed_checks
from dagster_project.quality.source_freshness import source_freshness
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.run_steps import CHECKS, writing_step
from dagster_project.settings import EXPECTATIONS_DIR
from dagster_project.warehouse_db import utc_now

SOURCE_FRESHNESS_CHECK = "dbt_source_freshness"


def _severities(spec: SuiteSpec) -> str:
    return ", ".join(sorted({e.get("meta", {}).get("severity", "error") for e in spec.expectations}))


def _spec_for_suite(spec: SuiteSpec) -> dg.AssetCheckSpec:
    checks = "; ".join(
        f"{e['meta']['check']} [{e.get('meta', {}).get('severity', 'error')}]" for e in spec.expectations
    )
    return dg.AssetCheckSpec(
        name=spec.name,
        asset=dg.AssetKey(spec.table.split(".")),
        description=f"{spec.description}. GX suite {spec.path.name}: {checks}",
        # Not blocking: Dagster would split the dbt step (and rebuild in several dbt calls) to
        # honour it. The gate refuses a run with error-level failures instead (run_steps.py).
        metadata={"suite_file": spec.path.name, "severities": _severities(spec)},
    )


def _check_key(name: str, table: str) -> dg.AssetCheckKey:
    return dg.AssetCheckKey(dg.AssetKey(table.split(".")), name)


FRESHNESS_KEY = dg.AssetCheckKey(RAW_REPORTS, SOURCE_FRESHNESS_CHECK)


def build_quality_checks(suites: list[SuiteSpec] | None = None) -> dg.AssetChecksDefinition:
    suites = load_suites(EXPECTATIONS_DIR) if suites is None else suites
    specs = [_spec_for_suite(s) for s in suites] + [
        dg.AssetCheckSpec(
            name=SOURCE_FRESHNESS_CHECK,
            asset=RAW_REPORTS,
            description="dbt source freshness of the raw tables (loaded_at): warn after 2 days, error after 7",
            metadata={"severities": "warning, error"},
        )
    ]

    # Higher priority: among the steps ready after dbt, the checks run before the publish step
    # (which also refuses to publish before this run's checks are recorded).
    @dg.multi_asset_check(specs=specs, name=CHECKS, can_subset=True, description=__doc__.splitlines()[0],
                          op_tags={"dagster/priority": 10})
    def quality_checks(
        context: AssetCheckExecutionContext,
        warehouse: dg.ResourceParam[WarehouseResource],
        alerts: dg.ResourceParam[AlertsResource],
    ) -> Iterator[dg.AssetCheckResult]:
        with writing_step(context, CHECKS, warehouse, alerts):
            yield from _run_checks(context, suites, warehouse)

    return quality_checks


def _run_checks(
    context: AssetCheckExecutionContext, suites: Sequence[SuiteSpec], warehouse: WarehouseResource,
) -> Iterator[dg.AssetCheckResult]:
    run_id = context.run.run_id
    selected = context.selected_asset_check_keys
    chosen = [s for s in suites if _check_key(s.name, s.table) in selected]
    now = utc_now()
    warehouse.build_file(run_id, context.log.warning)
    results: dict[tuple[str, str], list[CheckOutcome]] = {}
    anomalies: list[Anomaly] = []
    with warehouse.connect(run_id) as con:
        # dbt's criteria (the manifest), evaluated here: no `dbt source freshness` process.
        freshness = source_freshness(con, dbt_project.manifest_path) if FRESHNESS_KEY in selected else []
        source_files = dict(con.table("raw.reports").select("report_key, source_file").fetchall())
        for spec in chosen:
            outcomes = run_suite(spec, read_frame(con, spec.table, spec.columns, spec.presence_only_columns), now)
            results[(spec.name, spec.table)] = outcomes
            offending = read_rows(con, spec.table, spec.key_column, failed_keys(outcomes))
            anomalies += anomalies_from_outcomes(spec, offending, outcomes, source_files)
        evaluated = [o for outcomes in results.values() for o in outcomes] + freshness
        append_check_results(con, run_id, now, evaluated)
        failpoint("checks")
        dbt_tests = dbt_test_outcomes(con, run_id)
        anomalies += [Anomaly(f) for f in findings_from_failed_checks(freshness + dbt_tests)]
        scope = {o.check_name for o in evaluated + dbt_tests}
        count = replace_anomalies(con, run_id, now, anomalies, scope=scope)
        failed = failed_checks(con, run_id)
    for check in failed:
        # Errors stop the run (the gate names them); warnings are findings, listed in the summary.
        (context.log.error if check.severity == "error" else context.log.info)("\n".join(check.lines()))
    warnings = [c for c in failed if c.severity == "warning"]
    if warnings:
        context.log.warning(f"{len(warnings)} warning-level checks failed ({sum(c.total for c in warnings)} "
                            "findings): kept and flagged in quality.anomalies")
    context.log.info(f"{len(evaluated)} expectations evaluated; {count} findings open in the checked scope")
    for spec in chosen:
        yield _result(spec.name, dg.AssetKey(spec.table.split(".")), results[(spec.name, spec.table)])
    if FRESHNESS_KEY in selected:
        yield _result(SOURCE_FRESHNESS_CHECK, RAW_REPORTS, freshness)


def _result(name: str, asset: dg.AssetKey, outcomes: list[CheckOutcome]) -> dg.AssetCheckResult:
    failed = [o for o in outcomes if not o.passed]
    error = any(o.severity == "error" for o in failed)
    metadata: dict[str, Any] = {"expectations": len(outcomes), "failed": len(failed)}
    if failed:
        metadata["failed_checks"] = dg.MetadataValue.md("\n".join(
            f"- **{o.check_name}** [{o.severity}]: {o.message or ''} ({len(o.offending_keys)} rows)" for o in failed
        ))
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=name,
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if error else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )
