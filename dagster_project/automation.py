"""When the pipeline runs: daily, when the source folder changes, and who hears of a failed run."""

import json
from dataclasses import dataclass
from typing import Any

import dagster as dg

from dagster_project.ingestion.sources import source_fingerprint
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.run_record import code_version, latest_published_run
from dagster_project.warehouse_db import utc_now


def daily_schedule(job: Any) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="daily_full_build",
        job=job,
        cron_schedule="0 6 * * *",
        execution_timezone="Asia/Ho_Chi_Minh",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Rebuild everything each morning, so freshness checks run even when no file changed.",
    )


@dataclass(frozen=True)
class FolderState:
    """The sensor's cursor: the folder's last fingerprint and how many states it has had."""

    fingerprint: str | None = None
    changes: int = 0

    @classmethod
    def parse(cls, cursor: str | None) -> "FolderState":
        if not cursor:
            return cls()
        try:
            data = json.loads(cursor)
            return cls(data["fingerprint"], int(data["changes"]))
        except (ValueError, KeyError, TypeError):
            return cls(fingerprint=cursor)  # an older cursor: the bare fingerprint

    def dump(self) -> str:
        return json.dumps({"fingerprint": self.fingerprint, "changes": self.changes})


def next_request(
    state: FolderState, fingerprint: str, published_fingerprint: str | None, published_code_matches: bool
) -> tuple["FolderState", str | None]:
    """(the new cursor, the run key to request or None).

    Every new state of the folder gets its own run key, so A -> B -> A is three
    runs (a key made of the fingerprint alone would be skipped the third time as
    already done). On the first look, a folder and code that match the last
    publish need no run.
    """
    if fingerprint == state.fingerprint:
        return state, None
    if state.fingerprint is None and fingerprint == published_fingerprint and published_code_matches:
        return FolderState(fingerprint, 0), None
    changed = FolderState(fingerprint, state.changes + 1)
    return changed, f"sources-{changed.changes}-{fingerprint[:16]}"


def source_files_sensor(job: Any) -> dg.SensorDefinition:
    @dg.sensor(
        name="new_or_changed_sources",
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a full build when a file is added, changed or removed in the source folder "
        "(on start: only when the folder or the code changed since the last publish).",
    )
    def new_or_changed_sources(context: dg.SensorEvaluationContext, warehouse: dg.ResourceParam[WarehouseResource]):
        sources = warehouse.sources_dir
        if not sources.is_dir():
            return dg.SkipReason(f"source folder {sources} does not exist (set PDX_SOURCES_DIR)")
        state = FolderState.parse(context.cursor)
        fingerprint = source_fingerprint(sources)
        published = latest_published_run(warehouse.warehouse_path) if state.fingerprint is None else None
        new_state, run_key = next_request(
            state, fingerprint,
            published.source_fingerprint if published else None,
            published is not None and published.code_version == code_version(),
        )
        context.update_cursor(new_state.dump())
        if run_key is None:
            if published is not None:
                return dg.SkipReason(f"sources and code unchanged since run {published.run_id} published "
                                     f"{warehouse.warehouse_path}")
            return dg.SkipReason("no new, changed or removed files")
        return dg.RunRequest(run_key=run_key, tags={"pdx/source_fingerprint": fingerprint})

    return new_or_changed_sources


@dg.run_failure_sensor(
    name="alert_on_failed_run",
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Sends one error alert to every sink when a run fails (the published warehouse is then "
    "unchanged unless the run failed after publishing, as its log says).",
)
def alert_on_failed_run(context: dg.RunFailureSensorContext, alerts: dg.ResourceParam[AlertsResource]):
    run = context.dagster_run
    alerts.run_failed(run.run_id, run.job_name, context.failure_event.message or "unknown error", utc_now())
