"""Running the real Dagster job (ingestion, extraction, dbt build, GX checks) from tests."""
from __future__ import annotations

from pathlib import Path

import duckdb

FACT_TABLES = ("fct_infrastructure", "fct_services", "fct_workforce")


def run_full_build():
    """`full_build` in this process on the warehouse and sources that PDX_* name now."""
    import dagster as dg

    from dagster_project.definitions import build_definitions
    from dagster_project.settings import load_settings

    defs = build_definitions(load_settings())
    return defs.resolve_job_def("full_build").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), raise_on_error=False
    )


def rows(warehouse: Path, relation: str, columns: str = "*") -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.table(relation).select(columns).fetchall()
