"""Command line: build the warehouse from the source folder, or summarise a run.

    python -m dagster_project.cli build              # what `make run` does
    python -m dagster_project.cli summary [--run ID] # `make summary [RUN=<id>]`: the latest run by default
    python -m dagster_project.cli dev-warehouse      # `make dev-warehouse`: a copy for dbt run by hand
    python -m dagster_project.cli extract-batches    # `make extract-batches`: fill the figure store

`build` runs the same Dagster job as the UI (`full_build`), in this process. It
checks the configuration and the folders first (seconds, not after a build),
shows a step counter with each step's time, keeps Dagster's and dbt's own lines
in a log file, and ends with a summary or, when it fails, a last line naming the
step, the cause and whether the published warehouse changed.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
import time
from datetime import datetime, timezone
from typing import TextIO

from dagster_project.settings import Settings, SettingsError, load_settings

FACT_TABLES = ("marts.fct_infrastructure", "marts.fct_services", "marts.fct_workforce")
CHAT_LEVELS = ("DEBUG", "INFO")


def _instance():
    import dagster as dg

    # With DAGSTER_HOME set, runs are recorded where `dagster dev` shows them.
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def _fail(message: str) -> int:
    print(f"\nFAILED {message}", file=sys.stderr, flush=True)
    return 2


def build(settings: Settings | None = None, full_refresh: bool = False) -> int:
    started = time.perf_counter()
    try:
        settings = settings or load_settings()
    except SettingsError as error:
        return _fail(f"before building: {error}")
    if full_refresh:
        settings = dataclasses.replace(settings, full_refresh=True)
    from dagster_project import timings
    from dagster_project.build_state import unchanged_since_publish
    from dagster_project.preflight import PreflightError, preflight

    timings.reset()
    try:
        preflight(settings)
    except PreflightError as error:
        return _fail(f"before building: {error}")
    last = unchanged_since_publish(settings)
    if last is not None:
        local = last.published_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        print(f"Nothing changed since the last publish at {local} (run {last.run_id}): "
              f"{settings.warehouse_path} is up to date. `make run PDX_FULL_REFRESH=1` builds anyway.", flush=True)
        _write_timings(settings, started, skipped=True)
        return 0
    print(f"Building {settings.warehouse_path}\n  from   {settings.sources_dir}"
          + (" (full refresh)" if settings.full_refresh else ""), flush=True)
    from dagster_project import progress
    from dagster_project.definitions import build_definitions

    job = build_definitions(settings).resolve_job_def("full_build")
    loggers: dict[str, dict] = {"progress": {"config": {"total_steps": len(job.nodes)}}}
    if settings.log_level in CHAT_LEVELS:
        loggers["console"] = {"config": {"log_level": settings.log_level}}
    settings.run_log.parent.mkdir(parents=True, exist_ok=True)
    progress.set_output(sys.stdout)
    with open(settings.run_log, "w", encoding="utf-8") as log, _quiet(log, settings.log_level in CHAT_LEVELS):
        result = job.execute_in_process(
            run_config={"loggers": loggers}, instance=_instance(), raise_on_error=False
        )
    elapsed = time.perf_counter() - started
    if not result.success:
        code = _report_failure(settings, result)
    else:
        code = print_summary(settings, result.run_id, elapsed)
    _write_timings(settings, started)
    return code


def _write_timings(settings: Settings, started: float, skipped: bool = False) -> None:
    if settings.timings_file is None:
        return
    from dagster_project import timings

    timings.write(settings.timings_file, time.perf_counter() - started, skipped=skipped)


@contextlib.contextmanager
def _quiet(log: TextIO, chatty: bool):
    """dbt's and Dagster's own lines go to the log file (unless PDX_LOG_LEVEL=INFO/DEBUG)."""
    if chatty:
        yield
        return
    with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        yield


def _failures(result) -> list[tuple[str, str, str]]:
    """(step, the cause's message, the full error with its trace) of every failed step."""
    failures = []
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            if error is None:
                failures.append((event.step_key or "?", "unknown error", ""))
                continue
            cause = error
            while cause.cause is not None:  # Dagster wraps the step's own exception
                cause = cause.cause
            text = cause.message.strip()
            # "dagster_project.gate.GateRefused: Not published: ..." -> "Not published: ..."
            head, _, rest = text.partition(": ")
            if rest and " " not in head:
                text = rest
            failures.append((event.step_key or "?", text, error.to_string()))
    return failures


def _report_failure(settings: Settings, result) -> int:
    from dagster_project.progress import LABELS
    from dagster_project.run_record import latest_published_run
    from dagster_project.warehouse_db import utc_now

    failures = _failures(result) or [("run", "the run failed without a failed step (see the log)", "")]
    with open(settings.run_log, "a", encoding="utf-8") as log:
        for step, _, trace in failures:
            log.write(f"\n--- step {step} failed ---\n{trace}\n")
    for step, text, _ in failures:
        print(f"\n{LABELS.get(step, step)} failed:\n  " + text.replace("\n", "\n  "), file=sys.stderr)
    latest = latest_published_run(settings.warehouse_path)
    if latest is not None and latest.run_id == result.run_id:
        state = f"The warehouse {settings.warehouse_path} was published by this run before the failure."
    else:
        state = f"The published warehouse {settings.warehouse_path} is unchanged."
    step, text, _ = failures[0]
    first_line = text.splitlines()[0] if text else "unknown error"
    try:
        from dagster_project.alerts import notify_run_failed

        notify_run_failed(settings, result.run_id, "full_build", f"{LABELS.get(step, step)}: {first_line}",
                          utc_now())
    except Exception as error:  # noqa: BLE001 - the failure itself must still be reported
        print(f"(the run-failed alert could not be queued: {type(error).__name__}: {error})", file=sys.stderr)
    print(f"Full log: {settings.run_log}", file=sys.stderr)
    print(f"FAILED at step {LABELS.get(step, step)}: {first_line} {state}", file=sys.stderr, flush=True)
    return 1


# --- summary --------------------------------------------------------------------------------


def _count(con, relation: str) -> int | None:
    from dagster_project.warehouse_db import table_exists

    schema, table = relation.split(".")
    return con.table(relation).count("*").fetchone()[0] if table_exists(con, schema, table) else None


def _chosen_run(con, wanted: str | None):
    """(run id, its publication record or None) for `wanted` (a prefix) or the latest run."""
    from dagster_project.run_record import published_runs
    from dagster_project.warehouse_db import table_exists

    runs = published_runs(con)
    if wanted is None:
        if runs:
            return runs[0].run_id, runs[0]
        if table_exists(con, "quality", "check_results"):  # an older layout: its latest checked run
            row = con.execute("select run_id from quality.check_results order by checked_at desc limit 1").fetchone()
            return (row[0], None) if row else (None, None)
        return None, None
    matches = [r for r in runs if r.run_id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0].run_id, matches[0]
    if table_exists(con, "quality", "check_results"):
        ids = [r for (r,) in con.execute(
            "select distinct run_id from quality.check_results where starts_with(run_id, ?)", [wanted]).fetchall()]
        if len(ids) == 1:
            return ids[0], None
    return None, None


def _local(moment: datetime | None) -> str:
    if moment is None:
        return "?"
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def print_summary(settings: Settings, run_id: str | None = None, elapsed: float | None = None,
                  wanted: str | None = None) -> int:
    from dagster_project.ingestion.names import printable
    from dagster_project.quality.sentences import failed_checks
    from dagster_project.warehouse_db import open_warehouse

    warehouse = settings.warehouse_path
    if not warehouse.exists():
        print(f"No warehouse at {warehouse} yet: run `make run`.", file=sys.stderr)
        return 1
    with open_warehouse(warehouse, read_only=True) as con:
        chosen, record = _chosen_run(con, wanted or run_id)
        if chosen is None:
            print(f"No run {wanted!r} in {warehouse} (runs that did not publish are not in it)."
                  if wanted else f"No run recorded in {warehouse}.", file=sys.stderr)
            return 1
        latest = _chosen_run(con, None)[0] == chosen
        rejected = con.execute("select source_file, reason from raw.rejected_reports").fetchall() if (
            latest and _count(con, "raw.rejected_reports") is not None) else []
        live = {name.split(".")[1]: _count(con, name) for name in FACT_TABLES} if latest else {}
        counts = {
            "reports": _count(con, "marts.dim_report") if latest else record and record.reports,
            "rejected": len(rejected) if latest else record and record.rejected_files,
            "figures": _count(con, "raw.observations") if latest else record and record.figures,
        }
        checks = con.execute(
            "select count(*), count(*) filter (where not passed and severity = 'error'), "
            "count(*) filter (where not passed and severity = 'warning') from quality.check_results where run_id = ?",
            [chosen],
        ).fetchone()
        failed = failed_checks(con, chosen)
        anomalies = _count(con, "quality.anomalies")
    title = "Warehouse summary" + (f" (built in {elapsed:.1f}s)" if elapsed else "")
    print(f"\n{title}: run {chosen}" + (f", published {_local(record.published_at)}" if record else "")
          + ("" if latest else " (not the latest run)"))
    print(f"  reports ingested   {counts['reports']}")
    print(f"  files rejected     {counts['rejected']}")
    for name, reason in rejected:
        print(f"    - {printable(name)}: {printable(reason)}")  # a name cannot forge lines of this summary
    print(f"  figures extracted  {counts['figures']}")
    for table, count in live.items():
        print(f"  {table:<18} {count}")
    print(f"  checks run         {checks[0]}")
    print(f"  checks failed      {checks[1] + checks[2]} ({checks[1]} error, {checks[2]} warning)")
    for check in failed:
        for line in check.lines():
            print("    " + line.replace("\n", "\n    "))
    if latest:
        print(f"  open anomalies     {anomalies} (quality.anomalies)")
    _print_alerts(settings, chosen)
    for label, path in (("report page", settings.report_page), ("parquet export", settings.export_dir),
                        ("dbt docs", settings.docs_dir / "index.html"), ("run log", settings.run_log)):
        if path.exists():
            print(f"  {label:<18} {path}")
    return 1 if checks[1] else 0


def _print_alerts(settings: Settings, run_id: str) -> None:
    from dagster_project.alerts import AlertStore, alert_sinks

    if not settings.alert_state_file.exists():
        return
    store = AlertStore(settings.alert_state_file)
    made = store.alerts_of_run(run_id)
    new = sum(a.kind == "new" for a, _ in made)
    sinks = sorted({sink for _, taken in made for sink, ok in taken.items() if ok})
    print(f"  alerts             {new} new, {len(made) - new} resolved"
          + (f", delivered to {', '.join(sinks)}" if sinks else "") + f" ({settings.alerts_file.name})")
    waiting = store.undelivered([s.name for s in alert_sinks(settings)])
    if waiting:
        print(f"  alerts waiting     {len(waiting)} reached no sink yet; the next run sends them "
              f"({settings.alert_state_file})")


def dev_warehouse(settings: Settings) -> int:
    """Copy the published warehouse to the file dbt's dev target writes (never the published one)."""
    import shutil

    from dagster_project.settings import DBT_DEV_WAREHOUSE

    if not settings.warehouse_path.exists():
        print(f"No published warehouse at {settings.warehouse_path}: run `make run` first.", file=sys.stderr)
        return 1
    partial = DBT_DEV_WAREHOUSE.with_name(DBT_DEV_WAREHOUSE.name + ".copying")
    DBT_DEV_WAREHOUSE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(settings.warehouse_path, partial)  # the published file is only ever replaced whole
    os.replace(partial, DBT_DEV_WAREHOUSE)
    print(f"Copied {settings.warehouse_path}\n    to {DBT_DEV_WAREHOUSE}: `cd dbt && ../.venv/bin/dbt build` "
          "works on it (dbt's default dev target)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pdx", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "summary", "dev-warehouse", "extract-batches"])
    parser.add_argument("--full-refresh", action="store_true",
                        help="build: build everything again even when nothing changed (as PDX_FULL_REFRESH=1)")
    parser.add_argument("--run", default=os.environ.get("RUN") or None,
                        help="summary: the run id (or its start) to show; default the latest")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(full_refresh=args.full_refresh)
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error))
    if args.command == "dev-warehouse":
        return dev_warehouse(settings)
    if args.command == "extract-batches":
        from dagster_project.cli_batches import extract_batches

        return extract_batches(settings)
    return print_summary(settings, wanted=args.run)


if __name__ == "__main__":
    sys.exit(main())
