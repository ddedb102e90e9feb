"""Dagster resources: the warehouse file and the source folder."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.ingestion.budget import ParseBudget
from dagster_project.publishing import prepare_build
from dagster_project.settings import DEFAULT_MAX_TEXT_CHARS, DEFAULT_PARSE_SECONDS
from dagster_project.warehouse_db import open_warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The published DuckDB warehouse, the run's private copy of it, and the source folder.

    Steps write only the run's copy (see publishing.py); one run builds at a
    time, its steps one after another, and every connection is closed when its
    step ends, so no lock outlives a step.
    """

    path: str
    sources_dir: str
    max_file_bytes: int
    parse_seconds: float = DEFAULT_PARSE_SECONDS
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS

    @property
    def parse_budget(self) -> ParseBudget:
        """What reading one source file may cost."""
        return ParseBudget(parse_seconds=self.parse_seconds, max_text_chars=self.max_text_chars)

    @property
    def warehouse_path(self) -> Path:
        """The published file that BI tools read."""
        return Path(self.path)

    def build_file(self, run_id: str) -> Path:
        """This run's copy, created from the published file on first use."""
        return prepare_build(self.warehouse_path, run_id)

    @contextmanager
    def connect(self, run_id: str) -> Iterator[duckdb.DuckDBPyConnection]:
        with open_warehouse(self.build_file(run_id)) as con:
            yield con
