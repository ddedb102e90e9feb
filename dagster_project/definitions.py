"""The Dagster code location: assets, dbt models, GX checks, resources and the job."""
from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from dagster_project.assets.dbt_assets import dbt_project, warehouse_dbt_models
from dagster_project.assets.publish_assets import published_warehouse
from dagster_project.assets.raw_assets import extract_figures, ingest_reports
from dagster_project.automation import alert_on_failed_run, daily_schedule, source_files_sensor
from dagster_project.checks.gx_checks import build_quality_checks
from dagster_project.resources import WarehouseResource
from dagster_project.settings import DBT_EXECUTABLE, Settings, load_settings

# DuckDB has one writer per file: run steps one after another in one process.
full_build = dg.define_asset_job(
    "full_build",
    selection=dg.AssetSelection.all(include_sources=False),
    executor_def=dg.in_process_executor,
    description="Ingest sources, extract figures, build the dbt models and run every check.",
)


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or load_settings()
    return dg.Definitions(
        assets=[ingest_reports, extract_figures, warehouse_dbt_models, published_warehouse],
        asset_checks=[build_quality_checks()],
        jobs=[full_build],
        schedules=[daily_schedule(full_build)],
        sensors=[source_files_sensor(full_build), alert_on_failed_run],
        executor=dg.in_process_executor,
        resources={
            "warehouse": WarehouseResource(
                path=str(settings.warehouse_path),
                sources_dir=str(settings.sources_dir),
                max_file_bytes=settings.max_file_bytes,
                parse_seconds=settings.parse_seconds,
                max_text_chars=settings.max_text_chars,
            ),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=str(DBT_EXECUTABLE)),
        },
    )


defs = build_definitions()
