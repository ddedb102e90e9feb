"""Time `extract_observations` over the five seed reports.

Usage: python tools/bench_extraction.py [SEEDS_DIR] [--repeat N]
Prints the mean milliseconds for one pass over the whole set (goal: well under 1 s).
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

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path, nargs="?", default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in sorted(args.seeds.glob("*.txt"))]
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
    print(
        f"{len(texts)} reports, {chars} chars, {rows} rows: mean {statistics.mean(timings):.1f} ms per set "
        f"(min {min(timings):.1f}, max {max(timings):.1f}) over {args.repeat} runs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
