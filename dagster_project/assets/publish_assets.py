"""Publishing and alerts: the two steps after the checks.

`warehouse/published` runs the gate (see gate.py): the checked build replaces
the warehouse BI tools read, then its companions (Parquet export, report page)
are written from the published file. `warehouse/alerts` then reconciles the
published findings with the alert state and delivers, so alerts follow what BI
users see, never a build that was thrown away.
"""
import dagster as dg
from dagster import AssetExecutionContext

from dagster_project.assets.dbt_assets import warehouse_dbt_models
from dagster_project.asset_keys import ALERTS, PUBLISHED, RAW_OBSERVATIONS, RAW_REJECTED, RAW_REPORTS
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.run_steps import NOTIFY, nodes_in_run, publish_and_notify, send_alerts

@dg.asset(
    key=PUBLISHED,
    deps=[RAW_REPORTS, RAW_REJECTED, RAW_OBSERVATIONS, *warehouse_dbt_models.keys],
    group_name="publish",
    kinds={"duckdb", "parquet", "html"},
    description="The publish gate: unless an error-level check failed or too many reports would vanish, "
    "atomically replaces the warehouse file BI tools read with this run's build, then writes its "
    "companions from it (export/ Parquet files, report.html, docs/ from dbt docs).",
)
def published_warehouse(
    context: AssetExecutionContext,
    warehouse: dg.ResourceParam[WarehouseResource],
    alerts: dg.ResourceParam[AlertsResource],
) -> dg.MaterializeResult:
    # A run of this step alone republishes the current warehouse and rewrites its companions.
    warehouse.build_file(context.run.run_id, context.log.warning)
    metadata = publish_and_notify(context, warehouse, alerts, notify=NOTIFY not in nodes_in_run(context))
    return dg.MaterializeResult(metadata=metadata)  # type: ignore[arg-type]


@dg.asset(
    key=ALERTS,
    deps=[PUBLISHED],
    group_name="publish",
    kinds={"sqlite", "email"},
    description="Compares the published warehouse's findings with the alert state (a SQLite file beside it), "
    "queues one 'new' or 'resolved' alert per change and sends every sink what it has not taken yet, one "
    "e-mail and one webhook call per severity. Fails when an alert reached no sink; the next run resends it.",
)
def alert_delivery(context: AssetExecutionContext, alerts: dg.ResourceParam[AlertsResource]) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata=send_alerts(context, alerts))  # type: ignore[arg-type]
