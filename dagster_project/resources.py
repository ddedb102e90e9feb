"""Dagster resources: the warehouse (published file, this run's copy, source folder) and the alerts.

Both are plain objects built from the one settings object and handed to Dagster
as they are (`dg.ResourceParam[...]` in the steps and sensors): Dagster shows
no configuration of theirs, so the alert secrets in the settings never reach
the UI, and nothing is configured in two places.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from dagster_project.alerts import DeliveryReport, NotifyResult, alert_sinks, notify_published, notify_run_failed
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.publishing import prepare_build
from dagster_project.settings import Settings
from dagster_project.warehouse_db import open_warehouse

Notify = Callable[[str], None]


class WarehouseResource:
    """The published DuckDB warehouse, the run's private copy of it, and the source folder.

    Steps write only the run's copy (see publishing.py); one run builds at a time, its
    steps one after another, and every connection is closed when its step ends, so no
    lock outlives a step.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def parse_budget(self) -> ParseBudget:
        """What reading one source file may cost."""
        return ParseBudget(parse_seconds=self.settings.parse_seconds, max_text_chars=self.settings.max_text_chars)

    @property
    def warehouse_path(self) -> Path:
        """The published file that BI tools read."""
        return self.settings.warehouse_path

    @property
    def sources_dir(self) -> Path:
        return self.settings.sources_dir

    def build_file(self, run_id: str, notify: Notify | None = None) -> Path:
        """This run's copy, created from the published file on first use."""
        return prepare_build(self.warehouse_path, run_id, notify=notify)

    @contextmanager
    def connect(self, run_id: str, notify: Notify | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        with open_warehouse(self.build_file(run_id, notify)) as con:
            yield con


class AlertsResource:
    """The alert sinks and state, shared by the alert step and the failed-run sensor."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def sink_names(self) -> list[str]:
        return [sink.name for sink in alert_sinks(self.settings)]

    def after_publish(self, run_id: str, now: datetime) -> NotifyResult:
        return notify_published(self.settings, run_id, now)

    def run_failed(self, run_id: str, job_name: str, message: str, now: datetime) -> DeliveryReport:
        return notify_run_failed(self.settings, run_id, job_name, message, now)
