"""Command line: build the warehouse from the source folder and print a summary.

    python -m dagster_project.cli build     # what `make run` does
    python -m dagster_project.cli summary   # the summary of the current warehouse

Runs the same Dagster job as the UI (`full_build`), in this process.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import polars as pl

FACT_TABLES = ("marts.fct_infrastructure", "marts.fct_services", "marts.fct_workforce")


def _instance():
    import dagster as dg

    # With DAGSTER_HOME set, runs are recorded where `dagster dev` shows them.
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def build(settings=None) -> int:
    from dagster_project.settings import load_settings

    settings = settings or load_settings()
    print(f"Building {settings.warehouse_path}\n  from   {settings.sources_dir}", flush=True)
    from dagster_project.definitions import build_definitions

    started = time.perf_counter()
    defs = build_definitions(settings)
    job = defs.resolve_job_def("full_build")
    # INFO shows each step's progress lines without Dagster's per-event debug chatter.
    run_config = {"loggers": {"console": {"config": {"log_level": settings.log_level}}}}
    result = job.execute_in_process(run_config=run_config, instance=_instance(), raise_on_error=False)
    elapsed = time.perf_counter() - started
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                error = event.step_failure_data.error
                print(f"\nFAILED step {event.step_key}: {error.message.strip() if error else 'unknown error'}",
                      file=sys.stderr)
        print("The published warehouse keeps what the failed step did not change; fix the cause and "
              "run `make run` again.", file=sys.stderr)
        return 1
    return print_summary(settings.warehouse_path, result.run_id, elapsed)


def _count(con, relation: str) -> int:
    return con.table(relation).count("*").fetchall()[0][0]


def print_summary(warehouse: Path, run_id: str | None = None, elapsed: float | None = None) -> int:
    from dagster_project.ingestion.names import printable
    from dagster_project.warehouse_db import open_warehouse

    with open_warehouse(warehouse, read_only=True) as con:
        reports = _count(con, "marts.dim_report")
        rejected = con.table("raw.rejected_reports").pl()
        facts = {name.split(".")[1]: _count(con, name) for name in FACT_TABLES}
        observations = _count(con, "raw.observations")
        results = con.table("quality.check_results").pl()
        anomalies = _count(con, "quality.anomalies")
    if run_id is not None:
        results = results.filter(pl.col("run_id") == run_id)
    failed = results.filter(~pl.col("passed"))
    print("\nWarehouse summary" + (f" (built in {elapsed:.1f}s)" if elapsed else ""))
    print(f"  reports ingested   {reports}")
    print(f"  files rejected     {rejected.height}")
    for row in rejected.iter_rows(named=True):
        print(f"    - {printable(row['source_file'])}: {printable(row['reason'])}")
    print(f"  figures extracted  {observations}")
    for table, count in facts.items():
        print(f"  {table:<18} {count}")
    print(f"  checks run         {results.height}")
    print(f"  checks failed      {failed.height}"
          f" ({failed.filter(pl.col('severity') == 'error').height} error,"
          f" {failed.filter(pl.col('severity') == 'warning').height} warning)")
    for row in failed.sort(["severity", "asset", "check_name"]).iter_rows(named=True):
        keys = ", ".join(row["offending_keys"][:5])
        print(f"    - [{row['severity']}] {row['asset']} {row['check_name']}: {row['observed_value']}"
              + (f" (rows {keys})" if keys else ""))
    print(f"  open anomalies     {anomalies} (quality.anomalies; alerts in {warehouse.parent / 'alerts.jsonl'})")
    for label, path in (("data docs", warehouse.parent / "gx/uncommitted/data_docs/local_site/index.html"),
                        ("report page", warehouse.parent / "report.html"),
                        ("parquet export", warehouse.parent / "export")):
        if path.exists():
            print(f"  {label:<18} {path}")
    errors = failed.filter(pl.col("severity") == "error").height
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pdx", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "summary"])
    args = parser.parse_args(argv)
    if args.command == "build":
        return build()
    from dagster_project.settings import load_settings

    return print_summary(load_settings().warehouse_path)


if __name__ == "__main__":
    sys.exit(main())
