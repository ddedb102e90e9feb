"""Named points where a test can freeze a real run to kill it there.

`PDX_FAILPOINT=<name>` makes the process print `FAILPOINT <name>` and sleep, so
a fault test can SIGKILL it at a known stage (during ingestion, dbt, the
checks, publishing). Unset, it costs one environment lookup.
"""
from __future__ import annotations

import os
import sys
import time

PAUSE_SECONDS = 120


def failpoint(name: str) -> None:
    if os.environ.get("PDX_FAILPOINT") == name:
        # The process's own stderr: the CLI sends sys.stderr to its log file during a run.
        print(f"FAILPOINT {name}", file=sys.__stderr__, flush=True)
        time.sleep(PAUSE_SECONDS)
