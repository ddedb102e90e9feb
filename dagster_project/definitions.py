"""The Dagster code location `pdx_warehouse`: assets, checks, resources, the job, automation."""
from __future__ import annotations

import dagster as dg

from dagster_project.asset_keys import FIGURE_STORE
from dagster_project.assets.batch_assets import BATCH_IO, batch_executor, batch_io_manager, figure_store
from dagster_project.assets.dbt_assets import warehouse_dbt_models
from dagster_project.assets.publish_assets import alert_delivery, published_warehouse
from dagster_project.assets.raw_assets import extract_figures, ingest_reports, source_folder
from dagster_project.automation import alert_on_failed_run, daily_schedule, source_files_sensor
from dagster_project.checks.gx_checks import build_quality_checks
from dagster_project.dbt_project import dbt_resource
from dagster_project.progress import progress_logger
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.settings import Settings, load_settings

# DuckDB has one writer per file: run steps one after another in one process. The figure
# store is not part of it: its batches write no warehouse and run in their own job.
full_build = dg.define_asset_job(
    "full_build",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(FIGURE_STORE),
    executor_def=dg.in_process_executor,
    description="Ingest sources, extract figures, build the dbt models, run every check, publish through "
    "the gate, then alert.",
)


def extract_batches_job(settings: Settings) -> dg.UnresolvedAssetJobDefinition:
    """The figure store's batches, spread by the executor PDX_BATCH_EXECUTOR names."""
    return dg.define_asset_job(
        "extract_batches",
        selection=dg.AssetSelection.assets(FIGURE_STORE),
        executor_def=batch_executor(settings.batch_executor, settings.extract_workers),
        description="Extract the source files the figure store lacks, in batches of PDX_BATCH_FILES, one "
        "executor step per batch; a build then loads their figures instead of extracting.",
    )


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or load_settings()
    return dg.Definitions(
        assets=[source_folder, figure_store, ingest_reports, extract_figures, warehouse_dbt_models,
                published_warehouse, alert_delivery],
        asset_checks=[build_quality_checks()],
        jobs=[full_build, extract_batches_job(settings)],
        schedules=[daily_schedule(full_build)],
        sensors=[source_files_sensor(full_build), alert_on_failed_run],
        # Also for runs of a UI selection (the implicit asset job): one process, one writer.
        executor=dg.in_process_executor,
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
        resources={
            "warehouse": WarehouseResource(settings),
            "alerts": AlertsResource(settings),
            "dbt": dbt_resource(),
            BATCH_IO: batch_io_manager(settings),
        },
    )


defs = build_definitions()


def extract_batches() -> dg.JobDefinition:
    """The job `extract_batches`, rebuilt from the environment's settings in each process
    of the multiprocess executor (`dg.reconstructable(extract_batches)`)."""
    return build_definitions().resolve_job_def("extract_batches")
