"""Time `extract_observations` over a folder of reports (the five seed reports by default).

Usage: python tools/bench_extraction.py [REPORTS_DIR] [--repeat N]
Prints the mean milliseconds for one pass over the whole set and the speed in MB of
UTF-8 text per second on one core (the best run, since the machine is shared: other
processes only ever slow a run down). Reads .txt, .md, .html and .docx through the
ingestion readers.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.extraction.observations import extract_observations  # noqa: E402
from dagster_project.ingestion.documents import read_document  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path, nargs="?", default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = sorted(p for p in args.seeds.iterdir() if p.suffix.lower() in SUFFIXES)
    texts = [unicodedata.normalize("NFC", read_document(p.name, p.read_bytes()).text) for p in paths]
    if not texts:
        print(f"no reports in {args.seeds}")
        return 1
    extract_observations(texts[0])  # compile the regexes outside the timing
    timings = []
    rows = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        rows = sum(len(extract_observations(t)) for t in texts)
        timings.append((time.perf_counter() - t0) * 1000)
    chars = sum(len(t) for t in texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"{len(texts)} reports, {chars} chars ({megabytes:.3f} MB), {rows} rows: mean {statistics.mean(timings):.1f} ms "
        f"per set (min {min(timings):.1f}, max {max(timings):.1f}) over {args.repeat} runs; "
        f"{megabytes / (min(timings) / 1000):.2f} MB/s per core (best run)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
