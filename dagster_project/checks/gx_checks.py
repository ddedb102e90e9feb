"""Great Expectations suites as Dagster asset checks on the marts.

One asset check per suite file in `expectations/`; each expectation's outcome is
appended to quality.check_results. The check's severity is ERROR when an
error-level expectation failed, WARN when only warnings did.
"""

import re
from datetime import datetime, timezone

import dagster as dg
from dagster import AssetCheckExecutionContext

from dagster_project.quality.gx_suites import SuiteSpec, load_suites, run_suite
from dagster_project.quality.results import append_check_results
from dagster_project.resources import WarehouseResource
from dagster_project.settings import EXPECTATIONS_DIR

_RELATION = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


def _check_for_suite(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    if not _RELATION.match(spec.table):
        raise ValueError(f"{spec.path}: table must be schema.name in lower case, got {spec.table!r}")
    severities = sorted({e.get("meta", {}).get("severity", "error") for e in spec.expectations})

    @dg.asset_check(
        asset=dg.AssetKey(spec.table.split(".")),
        name=spec.name,
        description=f"{spec.description} (GX suite {spec.path.name}; severities: {', '.join(severities)})",
        metadata={"suite_file": spec.path.name, "severities": ", ".join(severities)},
    )
    def _gx_check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
        now = datetime.now(timezone.utc)
        with warehouse.connect() as con:
            frame = con.table(spec.table).df()
            outcomes = run_suite(spec, frame, now)
            append_check_results(con, context.run.run_id, now, outcomes)
        failed = [o for o in outcomes if not o.passed]
        for outcome in failed:
            context.log.warning(
                f"{spec.table} {outcome.check_name} ({outcome.severity}) failed: observed "
                f"{outcome.observed_value}; offending keys {list(outcome.offending_keys)[:10]}"
            )
        error = any(o.severity == "error" for o in failed)
        return dg.AssetCheckResult(
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR if error else dg.AssetCheckSeverity.WARN,
            metadata={
                "rows": len(frame),
                "expectations": len(outcomes),
                "failed": dg.MetadataValue.json(
                    [{"check": o.check_name, "severity": o.severity, "observed": o.observed_value} for o in failed]
                ),
            },
        )

    return _gx_check


def build_gx_checks() -> list[dg.AssetChecksDefinition]:
    return [_check_for_suite(spec) for spec in load_suites(EXPECTATIONS_DIR)]
