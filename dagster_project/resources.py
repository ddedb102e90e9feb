"""Dagster resources: the warehouse file and the source folder."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.warehouse_db import open_warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file and the folder of source reports.

    Steps that write open the file one at a time (the jobs run in process), and
    every connection is closed when its step ends, so no lock outlives a step.
    """

    path: str
    sources_dir: str
    max_file_bytes: int

    @property
    def warehouse_path(self) -> Path:
        return Path(self.path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with open_warehouse(self.warehouse_path, read_only=read_only) as con:
            yield con
