"""Time and peak memory of scanning each hostile file of issue 9, each in a fresh process.

Usage: python tools/bench_hostile.py [--tree PATH] [--timeout SECONDS] [--only NAME ...]

Each file is written alone into a temporary source folder and scanned by
`scan_sources` of the code in `--tree` (default: this checkout; give another
checkout, e.g. an export of `main`, to measure before/after) in a new Python
process. Prints per file: wall seconds, CPU seconds and peak RSS of the largest
process (the scan or its document reader), and what became of the file. A
process still running after `--timeout` is killed and reported as such. The
first row scans one ordinary 10 KB report: the fixed cost of a process.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.hostile_files import HOSTILE_FILES  # noqa: E402

# Runs in the measured process: scan the folder, print what became of each file.
_SCAN = """
import json, sys
from pathlib import Path
from dagster_project.ingestion.sources import scan_sources
reports, rejected = scan_sources(Path(sys.argv[1]), 20 * 1024 * 1024)
outcome = [f"read, {len(r.text):,} characters" for r in reports] + [f"rejected: {r.reason}" for r in rejected]
print(json.dumps(outcome))
"""


def ordinary_report() -> bytes:
    line = "Tỉnh Nghệ An: 100% xã có internet cáp quang, 460/460 UBND cấp xã dùng văn bản điện tử.\n"
    return (line * (10_000 // len(line.encode()))).encode()


def measure(tree: Path, name: str, data: bytes, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="pdx-hostile-") as folder:
        (Path(folder) / name).write_bytes(data)
        environment = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", _SCAN, folder],
            cwd=tree, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                os.killpg(process.pid, signal.SIGKILL)  # the scan and its reader
                killed = True
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - started
        output = process.stdout.read().decode() if process.stdout else ""
        process.stdout.close()
    if killed:
        outcome = f"still running after {timeout:g} s: killed"
    elif os.waitstatus_to_exitcode(status) != 0:
        outcome = f"the scan failed (exit {os.waitstatus_to_exitcode(status)})"
    else:
        outcome = "; ".join(json.loads(output))
    return {
        "file": name, "bytes": len(data), "wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "killed": killed, "outcome": outcome,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, default=REPO, help="checkout whose dagster_project is measured")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", choices=sorted(HOSTILE_FILES), help="measure these files only")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    cases = [("ordinary_10kb_report", "ordinary.txt", ordinary_report)]
    cases += [(key, name, build) for key, (name, build) in HOSTILE_FILES.items() if not args.only or key in args.only]
    print(f"code: {args.tree.resolve()}  timeout: {args.timeout:g} s", flush=True)
    print(f"{'file':<28} {'bytes':>9} {'wall s':>8} {'cpu s':>7} {'peak MB':>8}  outcome", flush=True)
    rows = []
    for key, name, build in cases:
        row = measure(args.tree.resolve(), name, build(), args.timeout)
        rows.append({"case": key, **row})
        wall = f">{args.timeout:g}" if row["killed"] else f"{row['wall_s']:.2f}"
        print(f"{key:<28} {row['bytes']:>9,} {wall:>8} {row['cpu_s']:>7.2f} {row['peak_rss_mb']:>8.1f}  "
              f"{row['outcome'][:110]}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
