"""Seconds spent per stage of a build, written as JSON when PDX_TIMINGS_FILE names a file.

`make bench` (tools/bench/measure.py) reads {"stages": {stage: seconds}}; the stages are
scan (reading and decoding the source folder), load (writing raw tables), extract, dbt,
checks, publish, export, report (and docs). A stage timed twice in one process adds up.
Timing costs a perf_counter call per stage, so it is always on; only the file is optional.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster_project.atomic_files import write_text_atomically

COMPANION_STAGES = ("export", "report", "docs")

_stages: dict[str, float] = {}


def record(stage: str, seconds: float) -> None:
    _stages[stage] = _stages.get(stage, 0.0) + seconds


@contextmanager
def timed(stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        record(stage, time.perf_counter() - started)


def reset() -> None:
    _stages.clear()


def stages() -> dict[str, float]:
    return dict(_stages)


def write(path: Path, total_seconds: float, skipped: bool = False) -> None:
    """The JSON file `make bench` reads; written whole (a reader never sees half of it)."""
    stages = dict(_stages)
    # The publish step's time includes its companions, which have stages of their own.
    if "publish" in stages:
        stages["publish"] = max(0.0, stages["publish"] - sum(stages.get(s, 0.0) for s in COMPANION_STAGES))
    write_text_atomically(path, json.dumps({
        "stages": {name: round(seconds, 3) for name, seconds in stages.items()},
        "total": round(total_seconds, 3),
        "skipped": skipped,
    }, indent=1))
