"""The Dagster code location `pdx_warehouse`: assets, checks, resources, the job, automation."""
from __future__ import annotations

import dagster as dg

from dagster_project.assets.dbt_assets import warehouse_dbt_models
from dagster_project.assets.publish_assets import alert_delivery, published_warehouse
from dagster_project.assets.raw_assets import extract_figures, ingest_reports, source_folder
from dagster_project.automation import alert_on_failed_run, daily_schedule, source_files_sensor
from dagster_project.checks.gx_checks import build_quality_checks
from dagster_project.dbt_project import dbt_resource
from dagster_project.progress import progress_logger
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.settings import Settings, load_settings

# DuckDB has one writer per file: run steps one after another in one process.
full_build = dg.define_asset_job(
    "full_build",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Ingest sources, extract figures, build the dbt models, run every check, publish through "
    "the gate, then alert.",
)


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or load_settings()
    return dg.Definitions(
        assets=[source_folder, ingest_reports, extract_figures, warehouse_dbt_models, published_warehouse,
                alert_delivery],
        asset_checks=[build_quality_checks()],
        jobs=[full_build],
        schedules=[daily_schedule(full_build)],
        sensors=[source_files_sensor(full_build), alert_on_failed_run],
        # Also for runs of a UI selection (the implicit asset job): one process, one writer.
        executor=dg.in_process_executor,
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
        resources={
            "warehouse": WarehouseResource(settings),
            "alerts": AlertsResource(settings),
            "dbt": dbt_resource(),
        },
    )


defs = build_definitions()
