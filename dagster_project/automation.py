"""When the pipeline runs: daily, when source files change, and who hears of a failed run."""
from pathlib import Path
from typing import Any

import dagster as dg

from dagster_project.alerts.model import Alert, Finding
from dagster_project.alerts.sinks import dead_letter_path_for, dispatch, sinks_from_environment
from dagster_project.ingestion.sources import source_fingerprint
from dagster_project.resources import WarehouseResource
from dagster_project.warehouse_db import utc_now

FULL_BUILD = "full_build"


def daily_schedule(job: Any) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="daily_full_build",
        job=job,
        cron_schedule="0 6 * * *",
        execution_timezone="Asia/Ho_Chi_Minh",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Rebuild everything each morning, so freshness checks run even when no file changed.",
    )


def source_files_sensor(job: Any) -> dg.SensorDefinition:
    @dg.sensor(
        name="new_or_changed_sources",
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a full build when a file is added, changed or removed in the source folder.",
    )
    def new_or_changed_sources(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
        sources = Path(warehouse.sources_dir)
        if not sources.is_dir():
            return dg.SkipReason(f"source folder {sources} does not exist (set PDX_SOURCES_DIR)")
        fingerprint = source_fingerprint(sources)
        if fingerprint == context.cursor:
            return dg.SkipReason("no new or changed files")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=fingerprint)

    return new_or_changed_sources


@dg.run_failure_sensor(
    name="alert_on_failed_run",
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Sends an error alert to every sink when a run fails (e.g. a load that did not happen).",
)
def alert_on_failed_run(context: dg.RunFailureSensorContext, warehouse: WarehouseResource):
    run = context.dagster_run
    finding = Finding(
        finding_key=f"run_failed|{run.job_name}",
        check_name="run_failed",
        suite="pipeline",
        asset=run.job_name,
        severity="error",
        message=f"run {run.run_id} of {run.job_name} failed: {context.failure_event.message}",
    )
    directory = warehouse.warehouse_path.parent
    dispatch(
        [Alert(kind="new", finding=finding, run_id=run.run_id, sent_at=utc_now())],
        sinks_from_environment(directory),
        dead_letter_path=dead_letter_path_for(directory),
    )
