"""All quality checks of a run in one step: GX suites, dbt source freshness, anomalies, alerts.

One step rather than one per suite because the alert state must see every
check a run evaluated at once: a finding is resolved only when the check that
raised it ran again and passed. Each (suite, table) is still its own asset
check in the UI, on the asset it guards, with its severity.
"""
import json
from pathlib import Path

import dagster as dg
from dagster import AssetCheckExecutionContext
from dagster_dbt import DbtCliResource

from dagster_project.alerts.sinks import dead_letter_path_for, dispatch, sinks_from_environment
from dagster_project.alerts.state import reconcile
from dagster_project.assets.dbt_assets import dbt_project, warehouse_env_for_dbt
from dagster_project.assets.raw_assets import RAW_REPORTS
from dagster_project.failpoints import failpoint
from dagster_project.quality.findings import (
    Anomaly,
    anomalies_from_outcomes,
    findings_from_failed_checks,
    replace_anomalies,
)
from dagster_project.quality.gx_suites import SuiteSpec, load_suites, run_suite
from dagster_project.quality.results import CheckOutcome, append_check_results, dbt_test_outcomes
from dagster_project.quality.source_freshness import SUITE as FRESHNESS_SUITE
from dagster_project.quality.source_freshness import outcomes_from_sources_json
from dagster_project.resources import WarehouseResource
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
        # An error-level failure (the warehouse's own integrity) stops what is downstream.
        blocking=True,
        metadata={"suite_file": spec.path.name, "severities": _severities(spec)},
    )


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

    @dg.multi_asset_check(specs=specs, name="quality_checks", description=__doc__.splitlines()[0])
    def quality_checks(context: AssetCheckExecutionContext, warehouse: WarehouseResource, dbt: DbtCliResource):
        run_id = context.run.run_id
        now = utc_now()
        # dbt opens the warehouse file itself: run it before this step opens it.
        freshness = _source_freshness(dbt, warehouse.build_file(run_id))
        results: dict[tuple[str, str], list[CheckOutcome]] = {}
        anomalies: list[Anomaly] = []
        with warehouse.connect(run_id) as con:
            source_files = dict(con.table("marts.dim_report").select("report_key, source_file").fetchall())
            for spec in suites:
                frame = con.table(spec.table).df()
                outcomes = run_suite(spec, frame, now, docs_root=warehouse.warehouse_path.parent)
                results[(spec.name, spec.table)] = outcomes
                anomalies += anomalies_from_outcomes(spec, frame, outcomes, source_files)
            every = [o for outcomes in results.values() for o in outcomes] + freshness
            append_check_results(con, run_id, now, every)
            failpoint("checks")
            dbt_tests = dbt_test_outcomes(con, run_id)
            anomalies += [Anomaly(f) for f in findings_from_failed_checks(freshness + dbt_tests)]
            anomaly_count = replace_anomalies(con, run_id, now, anomalies)
            scope = {o.check_name for o in every + dbt_tests}
            alerts = reconcile(con, run_id, [a.finding for a in anomalies], now, scope=scope)
        report = dispatch(
            alerts,
            sinks_from_environment(warehouse.warehouse_path.parent),
            dead_letter_path=dead_letter_path_for(warehouse.warehouse_path.parent),
        )
        context.log.info(
            f"{len(every)} expectations, {anomaly_count} open anomalies, {len(alerts)} alerts "
            f"({sum(a.kind == 'new' for a in alerts)} new, {sum(a.kind == 'resolved' for a in alerts)} resolved); "
            f"delivery {json.dumps(report.to_dict(), default=str)}"
        )
        if not report.ok:
            context.log.error(f"some alerts could not be delivered: {report.to_dict()}")
        for spec in suites:
            yield _result(spec.name, dg.AssetKey(spec.table.split(".")), results[(spec.name, spec.table)], context)
        yield _result(SOURCE_FRESHNESS_CHECK, RAW_REPORTS, freshness, context)

    return quality_checks


def _source_freshness(dbt: DbtCliResource, build_file: Path) -> list[CheckOutcome]:
    with warehouse_env_for_dbt(build_file):
        invocation = dbt.cli(["source", "freshness"], raise_on_error=False, manifest=dbt_project.manifest_path)
    invocation.wait()
    try:
        return outcomes_from_sources_json(invocation.get_artifact("sources.json"))
    except FileNotFoundError:
        return [CheckOutcome(
            suite=FRESHNESS_SUITE, check_name="source_freshness", asset="raw.reports",
            severity="error", passed=False, message="dbt source freshness produced no sources.json",
        )]


def _result(
    name: str, asset: dg.AssetKey, outcomes: list[CheckOutcome], context: AssetCheckExecutionContext
) -> dg.AssetCheckResult:
    failed = [o for o in outcomes if not o.passed]
    for outcome in failed:
        context.log.warning(
            f"{outcome.asset} {outcome.check_name} [{outcome.severity}] failed: {outcome.observed_value}; "
            f"rows {list(outcome.offending_keys)[:10]}"
        )
    error = any(o.severity == "error" for o in failed)
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=name,
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if error else dg.AssetCheckSeverity.WARN,
        metadata={
            "expectations": len(outcomes),
            "failed": dg.MetadataValue.json(
                [{"check": o.check_name, "severity": o.severity, "observed": o.observed_value,
                  "rows": list(o.offending_keys)[:50]} for o in failed]
            ),
        },
    )
