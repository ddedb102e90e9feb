"""Every step that writes the warehouse runs inside `writing_step`, which enforces the gate.

A run may hold any subset of the steps (the UI materializes one asset, or all;
the schedule and the sensor run `full_build`). Whatever the subset:

- a step that fails (or is stopped) removes the run's private copy: the
  published file is untouched and nothing is left behind;
- once this run recorded an error-level check failure, the copy is removed and
  the step fails, naming the check, the report and the sentence;
- the last writing step of a run without the publish step publishes through
  the gate itself, then notifies: no run leaves a built copy unpublished.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import dagster as dg

from dagster_project import build_state, gate, publishing
from dagster_project.quality.results import failed_error_checks
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.warehouse_db import open_warehouse, table_exists, utc_now

# Node names of the steps, in the order a run executes them (checked against the
# definitions by tests/unit/test_definitions.py).
INGEST = "ingest_reports"
EXTRACT = "raw__observations"
DBT = "warehouse_dbt_models"
CHECKS = "quality_checks"
WRITERS = (INGEST, EXTRACT, DBT, CHECKS)
PUBLISH = "warehouse__published"
NOTIFY = "warehouse__alerts"

StepContext = dg.AssetExecutionContext | dg.AssetCheckExecutionContext


def nodes_in_run(context: StepContext) -> set[str]:
    """The steps this run executes (a UI selection runs a subset of the job)."""
    return {node.name for node in context.op_execution_context.job_def.nodes}


def is_last_writer(node: str, nodes: set[str]) -> bool:
    """No step after this one writes the warehouse in this run (one node per stage: the
    checks are not blocking, so Dagster never splits the dbt or the check step)."""
    return not any(later in nodes for later in WRITERS[WRITERS.index(node) + 1:])


def run_started_at(context: StepContext) -> datetime:
    record = context.instance.get_run_record_by_id(context.run.run_id)
    start = record.start_time if record is not None else None
    return datetime.fromtimestamp(start, timezone.utc) if start else utc_now()


def error_refusal(warehouse: WarehouseResource, run_id: str) -> str | None:
    """Why this run can no longer publish (error-level failures recorded), or None."""
    settings = warehouse.settings
    if not publishing.holds_build(run_id) or not settings.build_file.exists():
        return None
    with open_warehouse(settings.build_file, read_only=True) as con:
        if not failed_error_checks(con, run_id):
            return None
    return "\n".join(gate.refusals(warehouse.settings, run_id))


@contextmanager
def writing_step(
    context: StepContext, node: str, warehouse: WarehouseResource, alerts: AlertsResource
) -> Iterator[None]:
    run_id = context.run.run_id
    try:
        yield
        refusal = error_refusal(warehouse, run_id)
        if refusal:
            raise gate.GateRefused(
                f"Not published: {refusal}\nThe published warehouse {warehouse.warehouse_path} is unchanged."
            )
    except BaseException:
        if gate.discard(warehouse.settings, run_id):
            context.log.warning(
                f"removed this run's private copy; the published warehouse {warehouse.warehouse_path} is unchanged"
            )
        raise
    nodes = nodes_in_run(context)
    if PUBLISH not in nodes and is_last_writer(node, nodes) and publishing.holds_build(run_id):
        context.log.info("this run has no publish step: publishing through the gate now")
        publish_and_notify(context, warehouse, alerts, notify=NOTIFY not in nodes)


def checks_recorded(warehouse: WarehouseResource, run_id: str) -> bool:
    """True once this run's check step wrote its results into the copy."""
    with open_warehouse(warehouse.settings.build_file, read_only=True) as con:
        return bool(con.execute(
            "select count(*) from quality.check_results where run_id = ? and suite <> 'dbt_tests'", [run_id]
        ).fetchone()[0]) if table_exists(con, "quality", "check_results") else False


def publish_and_notify(
    context: StepContext, warehouse: WarehouseResource, alerts: AlertsResource, notify: bool
) -> dict[str, object]:
    """The gate, the companions, and (unless a later step does it) the alerts."""
    run_id = context.run.run_id
    started = time.perf_counter()
    now = utc_now()
    try:
        if CHECKS in nodes_in_run(context) and not checks_recorded(warehouse, run_id):
            raise gate.GateRefused("Not published: this run's quality checks have not run before the publish "
                                   "step (steps out of order); run again")
        build_state.forget(warehouse.settings)  # until the new build's state is written below
        published = gate.publish_checked(warehouse.settings, run_id, run_started_at(context), now)
    except BaseException:
        gate.discard(warehouse.settings, run_id)  # nothing was swapped: the published file is as it was
        raise
    context.log.info(f"published {published} in {time.perf_counter() - started:.1f}s")
    companions = gate.write_companions(warehouse.settings, run_id, now)
    metadata: dict[str, object] = {"warehouse": str(published)}
    metadata |= {name: str(path) for name, path in companions.written.items()}
    if notify:
        metadata |= send_alerts(context, alerts)
    if not companions.failed:
        build_state.record_publish(warehouse.settings)  # complete: a CLI build of the same may skip
    if companions.failed:
        failures = "; ".join(f"{name}: {error}" for name, error in companions.failed.items())
        raise gate.CompanionsFailed(
            f"The warehouse {published} was published by this run, but writing {failures} failed; "
            "the next run writes them again"
        )
    return metadata


def send_alerts(context: StepContext, alerts: AlertsResource) -> dict[str, object]:
    """Reconcile from the published warehouse and deliver; fail the step if an alert reached no sink."""
    result = alerts.after_publish(context.run.run_id, utc_now())
    delivery = result.delivery
    context.log.info(
        f"{len(result.alerts)} alerts ({sum(a.kind == 'new' for a in result.alerts)} new, "
        f"{sum(a.kind == 'resolved' for a in result.alerts)} resolved); delivery: {delivery.summary()}"
    )
    if delivery.failing_sinks and delivery.all_delivered:
        context.log.warning(f"some alert sinks failed ({delivery.summary()}); they get the alerts on the next run")
    if not delivery.all_delivered:
        raise AlertsUndelivered(
            f"{len(delivery.undelivered)} alerts reached no sink ({delivery.summary()}). They are kept in "
            f"{alerts.settings.alert_state_file} and sent by the next run; fix the sinks"
        )
    return {"alerts_new": sum(a.kind == "new" for a in result.alerts),
            "alerts_resolved": sum(a.kind == "resolved" for a in result.alerts),
            "alerts_delivered": delivery.sent}


class AlertsUndelivered(RuntimeError):
    """The warehouse was published; some alerts reached no sink and wait for the next run."""
