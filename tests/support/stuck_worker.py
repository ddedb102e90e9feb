"""A pool whose surviving worker cannot be stopped by SIGTERM, run as its own process.

    python -m tests.support.stuck_worker     # prints the ExtractionError; exits 0

One worker blocks SIGTERM and sleeps; the other is killed while a batch waits in the
pool's queue. Python's clean-up of the broken pool then waits for the sleeper (it stops
workers with SIGTERM and cannot empty the queue's pipe without them), so this process
would hang at exit unless ExtractionPool kills its workers itself. Run in a subprocess
because the hang is at interpreter exit, where a test cannot time it out.
"""
from __future__ import annotations

import os
import pathlib
import signal
import sys
import tempfile
import time

from dagster_project.extraction.parallel import ExtractionError, ExtractionPool


def hold_out_sigterm_and_sleep(pid_file: str, seconds: float) -> None:
    """Run in a worker: write its pid, then sleep with SIGTERM blocked."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    pathlib.Path(pid_file).write_text(str(os.getpid()))
    time.sleep(seconds)


def main() -> int:
    # 200 invented reports of 7 KB: every chunk is larger than the queue's pipe holds (64 KB)
    items = [(f"invented/{n}", "Toàn tỉnh có 100% xã có cáp quang. " * 200, None) for n in range(200)]
    with tempfile.TemporaryDirectory() as tmp, ExtractionPool(2) as pool:
        pid_file = pathlib.Path(tmp) / "sleeper.pid"
        pool._executor.submit(hold_out_sigterm_and_sleep, str(pid_file), 600)
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.05)
        sleeper = int(pid_file.read_text())
        os.kill(next(pid for pid in pool.worker_pids if pid != sleeper), signal.SIGKILL)
        try:
            pool.extract(items, label="stuck")
        except ExtractionError as exc:
            print(exc)
            return 0
    print("no ExtractionError although a worker was killed", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
