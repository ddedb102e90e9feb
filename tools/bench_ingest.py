"""Ingestion cost per 10 KB report: new files, known files, touched files, one new file.

Usage: python tools/bench_ingest.py [--reports N] [--tree PATH] [--work DIR]

Writes N synthetic reports of about 10 KB (tools/synthetic_reports.py, made once
in --work) and, in a fresh process running the code of --tree (default: this
checkout; an export of `main` gives the before figures), ingests them into an
empty DuckDB file the way the ingest step does (scan the folder, load the raw
tables), then again with nothing changed, then after touching every file (new
mtime, same bytes), then with one more report. Prints wall and CPU seconds of
each load, milliseconds per report and the peak RSS of the process.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_reports import write_reports  # noqa: E402

# Runs in the measured process, with the code under test first on its path.
_LOADS = """
import json, os, resource, sys, time
from datetime import datetime, timezone
from pathlib import Path
from dagster_project import raw_store
from dagster_project.ingestion.sources import scan_sources

folder, extra, database = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

def load(con):
    now = datetime.now(timezone.utc)
    if hasattr(raw_store, "ingest_folder"):  # the file index
        from dagster_project.ingestion.budget import ParseBudget
        raw_store.ingest_folder(con, folder, 20 * 1024 * 1024, ParseBudget(), now)
    else:
        reports, rejected = scan_sources(folder, 20 * 1024 * 1024)
        raw_store.sync_reports(con, reports, rejected, now)

def timed(con):
    wall, cpu = time.perf_counter(), time.process_time()
    load(con)
    return round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)

rows = {}
with raw_store.open_warehouse(database) as con:
    raw_store.ensure_raw_schema(con)
    rows["new files"] = timed(con)
    rows["known files, nothing changed"] = timed(con)
    for path in folder.iterdir():
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    rows["every file touched (same bytes)"] = timed(con)
    (folder / extra.name).write_bytes(extra.read_bytes())
    rows["one new file"] = timed(con)
    (folder / extra.name).unlink()
    reports = con.execute("select count(*) from raw.reports").fetchone()[0]
print(json.dumps({"rows": rows, "reports": reports, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--tree", type=Path, default=REPO, help="checkout whose dagster_project is measured")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pdx-bench-ingest"))
    args = parser.parse_args()
    corpus = args.work / f"reports-{args.reports}"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != args.reports:
        print(f"writing {args.reports} synthetic reports to {corpus} ...", flush=True)
        write_reports(corpus, args.reports)
    extra = write_reports(args.work / "extra", 1, first=args.reports)[0]
    database = args.work / "bench.duckdb"
    for stale in (database, database.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(args.tree.resolve()), "PYTHONDONTWRITEBYTECODE": "1"}
    print(f"code: {args.tree.resolve()}  corpus: {args.reports} reports, "
          f"{sum(p.stat().st_size for p in corpus.iterdir()) / args.reports / 1024:.1f} KB each", flush=True)
    done = subprocess.run(
        [sys.executable, "-c", _LOADS, str(corpus), str(extra), str(database)],
        cwd=args.tree, env=environment, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        print(f"the measured process failed (exit {done.returncode}): see the error above", file=sys.stderr)
        return 1
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{'load':<34} {'wall s':>8} {'cpu s':>8} {'ms/report':>10}")
    for name, (wall, cpu) in result["rows"].items():
        print(f"{name:<34} {wall:>8.2f} {cpu:>8.2f} {wall * 1000 / args.reports:>10.2f}")
    print(f"reports in raw.reports: {result['reports']}; peak RSS {result['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
