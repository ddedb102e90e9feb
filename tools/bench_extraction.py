"""Time extraction, and extraction plus classification, over a folder of reports.

Usage: python tools/bench_extraction.py [DIR ...] [--repeat N]
(default: the five shared sample reports and the development set). Prints, per
step, the mean milliseconds for one pass over all reports and the throughput in
MB/s of UTF-8 text per core (one process, CPU time), and the one-off cost of
loading the word segmenter. A later issue asks for >= 5 MB/s per core.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.extraction.classify import classify_observations  # noqa: E402
from dagster_project.extraction.observations import extract_observations  # noqa: E402
from dagster_project.extraction.taxonomy import taxonomy  # noqa: E402
from dagster_project.extraction.words import segmenter  # noqa: E402
from dagster_project.ingestion.documents import read_document  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DIRS = [SHARED / "seeds", SHARED / "devset" / "reports"]


def _time(step: Callable[[str], int], texts: list[str], repeat: int) -> tuple[list[float], int]:
    timings, rows = [], 0
    for _ in range(repeat):
        t0 = time.process_time()
        rows = sum(step(t) for t in texts)
        timings.append(time.process_time() - t0)
    return timings, rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", type=Path, nargs="*", default=DEFAULT_DIRS)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    paths = [p for d in args.dirs for p in sorted(d.iterdir()) if p.suffix.lower() in SUFFIXES]
    texts = [unicodedata.normalize("NFC", read_document(p.name, p.read_bytes()).text) for p in paths]
    if not texts:
        print(f"no reports in {', '.join(map(str, args.dirs))}")
        return 1
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    t0 = time.process_time()
    segmenter()
    taxonomy().index
    print(f"load: word segmenter and taxonomy index {1000 * (time.process_time() - t0):.0f} ms (once per process)")

    extract_observations(texts[0])  # compile the regexes outside the timing
    classify_observations(texts[0], extract_observations(texts[0]))
    steps = {
        "extract": lambda t: len(extract_observations(t)),
        "extract+classify": lambda t: len(classify_observations(t, extract_observations(t))),
    }
    print(f"{len(texts)} reports, {megabytes:.3f} MB, {args.repeat} runs (CPU time, one core)")
    for name, step in steps.items():
        timings, rows = _time(step, texts, args.repeat)
        mean = statistics.mean(timings)
        print(f"  {name:<17} {rows:>5} rows  mean {1000 * mean:7.1f} ms per pass "
              f"(min {1000 * min(timings):.1f})  {megabytes / mean:.3f} MB/s per core")
    info = segmenter()._window_boundary.cache_info()
    print(f"  segmenter windows tagged: {info.misses}, answered from cache: {info.hits}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
