"""A Dagster logger for the command line: a step counter with the time each step took.

    [1/6] ingest reports ......... 0.4 s
    [3/6] dbt build .............. 24.8 s
        ! [warning] percent_within_0_100 in 000_1f3a.txt (Nghệ An): “…đạt 103,78%.”

Each step's line appears when it starts (so a long step never looks like a hang)
and gets its time when it ends; warnings and errors of the step follow it,
indented. Everything else (Dagster's event chatter, dbt's lines) goes to the
run's log file, not here.
"""
from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

import dagster as dg

from dagster_project import timings

LABELS = {
    "ingest_reports": "ingest reports",
    "raw__observations": "extract figures",
    "warehouse_dbt_models": "dbt build",
    "quality_checks": "quality checks",
    "warehouse__published": "publish",
    "warehouse__alerts": "alerts",
}
WIDTH = 24
# The stage a step's time counts under in PDX_TIMINGS_FILE (the ingest step's scan and load
# are timed inside it; the publish step's companions too, see timings.py).
STAGES = {
    "raw__observations": "extract",
    "warehouse_dbt_models": "dbt",
    "quality_checks": "checks",
    "warehouse__published": "publish",
}

_output: TextIO = sys.stdout


def set_output(stream: TextIO) -> None:
    """Where progress lines go (the CLI keeps them on the terminal while stdout goes to the log)."""
    global _output
    _output = stream


class ProgressHandler(logging.Handler):
    def __init__(self, total_steps: int, stream: TextIO) -> None:
        super().__init__(level=logging.DEBUG)  # Dagster logs step events at DEBUG
        self.total = total_steps
        self.stream = stream
        self.number = 0
        self.started: dict[str, float] = {}
        self.open_line = False  # a step's line waits for its time

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def _close_line(self) -> None:
        if self.open_line:
            self._write("\n")
            self.open_line = False

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is not None:
            self._event(event.event_type_value, step, event)
        elif record.levelno >= logging.WARNING:
            self._close_line()
            message = str(meta.get("orig_message") or record.getMessage())
            self._write("    ! " + message.replace("\n", "\n      ") + "\n")

    def _event(self, kind: str, step: str, event: dg.DagsterEvent) -> None:
        if kind == "STEP_START":
            self._close_line()
            self.number += 1
            self.started[step] = time.perf_counter()
            label = LABELS.get(step, step)
            self._write(f"[{self.number}/{self.total}] {label} ".ljust(WIDTH + 8, "."))
            self.open_line = True
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
            elapsed = time.perf_counter() - self.started.get(step, time.perf_counter())
            if step in STAGES:
                timings.record(STAGES[step], elapsed)
            if not self.open_line:
                self._write(f"      {LABELS.get(step, step)} ".ljust(WIDTH + 8, "."))
            outcome = f" {elapsed:.1f} s" if kind == "STEP_SUCCESS" else f" failed after {elapsed:.1f} s"
            self._write(outcome + "\n")
            self.open_line = False
        elif kind == "STEP_SKIPPED":
            self._close_line()
            self._write(f"      {LABELS.get(step, step)}: skipped\n")


@dg.logger(
    config_schema={"total_steps": dg.Field(int, default_value=0, description="Steps of the run, for [n/N].")},
    description="Step counter and elapsed time per step, with the steps' warnings (for the command line).",
)
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("pdx.progress")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.handlers = [ProgressHandler(init_context.logger_config["total_steps"], _output)]
    return logger
