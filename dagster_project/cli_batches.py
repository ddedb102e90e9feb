"""`python -m dagster_project.cli extract-batches` (`make extract-batches`): fill the figure store.

Runs the Dagster job `extract_batches` on the executor PDX_BATCH_EXECUTOR names
(multiprocess by default: PDX_EXTRACT_WORKERS batches at once). Its steps run in
processes of their own, so the run needs a Dagster instance on disk: DAGSTER_HOME's
when set (the run then shows in `make dev`), else a temporary one. A build run
afterwards (`make run`) loads the filed figures instead of extracting them.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator

from dagster_project.settings import Settings


@contextlib.contextmanager
def _instance_on_disk() -> Iterator[object]:
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        yield dg.DagsterInstance.get()
        return
    with tempfile.TemporaryDirectory(prefix="pdx-dagster-") as home, dg.DagsterInstance.local_temp(home) as instance:
        yield instance


def extract_batches(settings: Settings) -> int:
    import dagster as dg

    from dagster_project.cli import _failures
    from dagster_project.definitions import extract_batches as job
    from dagster_project.preflight import PreflightError, check_sources

    started = time.perf_counter()
    try:
        check_sources(settings.sources_dir)
    except PreflightError as error:
        print(f"\nFAILED before extracting: {error}", file=sys.stderr, flush=True)
        return 2
    print(f"Extracting {settings.sources_dir}\n  into  {settings.figure_store_dir}\n  in batches of "
          f"{settings.batch_files} files on the {settings.batch_executor} executor"
          + (f" ({settings.extract_workers} at once)" if settings.batch_executor == "multiprocess" else ""),
          flush=True)
    # Each batch step logs one line when it ends: the progress of the run.
    run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    with _instance_on_disk() as instance:
        result = dg.execute_job(dg.reconstructable(job), instance=instance, run_config=run_config)
        summary = _summary(instance, result.run_id)
    elapsed = time.perf_counter() - started
    if not result.success:
        failures = _failures(result) or [("run", "the run failed without a failed step", "")]
        step, text, _ = failures[0]
        first = text.splitlines()[0] if text else "unknown error"
        print(f"FAILED at step {step} of extract_batches: {first}. The batches that finished are filed; "
              "run it again to do the rest.", file=sys.stderr, flush=True)
        return 1
    if not summary or not summary["batches"]:
        print(f"Nothing to extract: every source file is in the figure store {settings.figure_store_dir} "
              f"({elapsed:.1f} s).")
    else:
        print(f"Filed {summary['figures']} figures of {summary['reports']} reports ({summary['files']} files, "
              f"{summary['rejected_files']} rejected) in {summary['batches']} batches in {elapsed:.1f} s. "
              "`make run` loads them.")
    return 0


def _summary(instance, run_id: str) -> dict[str, int] | None:
    """The totals the run's summary step recorded (None if it recorded none)."""
    import dagster as dg

    from dagster_project.asset_keys import FIGURE_STORE

    event = instance.get_latest_materialization_event(FIGURE_STORE)
    if event is None or event.run_id != run_id:
        return None
    metadata = event.asset_materialization.metadata
    return {name: int(metadata[name].value) for name in ("batches", "files", "reports", "rejected_files", "figures")
            if isinstance(metadata.get(name), dg.IntMetadataValue)}
