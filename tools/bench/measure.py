"""Run a command as a child process and measure it: wall time, CPU seconds, peak memory."""
from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Measurement:
    label: str
    wall: float
    cpu: float  # user + system seconds of the child and every descendant it waited for
    peak_rss_mb: float  # largest resident set of the child or one of those descendants
    exit_code: int
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def cpu_use(self) -> float:
        """CPU seconds per wall second: 2.0 means both cores busy the whole time."""
        return self.cpu / self.wall if self.wall else 0.0


def measure(label: str, argv: list[str], env: dict[str, str], log: Path, timings: Path | None = None) -> Measurement:
    """Run `argv`, its output to `log`; stage times come from the JSON file at `timings`, if written."""
    if timings is not None:
        timings.unlink(missing_ok=True)
        env = {**env, "PDX_TIMINGS_FILE": str(timings)}
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stages: dict[str, float] = {}
    if timings is not None and timings.exists():
        stages = json.loads(timings.read_text()).get("stages", {})
    return Measurement(
        label=label,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # Linux reports kilobytes
        exit_code=process.returncode,
        stages=stages,
    )
