"""`make bench`: the whole pipeline on generated corpora, timed, with a table, a CSV and a chart.

    python -m tools.bench.run                      # 100 / 1,000 / 10,000 reports, then the incremental cases
    python -m tools.bench.run --sizes 100,1000     # quicker
    BENCH_SIZES=100 make bench
    python -m tools.bench.run --extraction-only --reports 200   # extraction MB/s alone, in seconds

Every case runs the real `python -m dagster_project.cli build` in a child process
(as `make run` does) and is measured from outside: wall time, CPU seconds of the
process and everything it started, peak resident memory, and the stage times the
build writes to `PDX_TIMINGS_FILE`. Extraction alone is timed in this process
against a regex floor (one pass of a number pattern over the same text) and
across a pool of worker processes.

Corpora are generated deterministically (`tools/bench/corpus.py`) and kept in
`BENCH_DIR` (default /tmp/pdx-bench) between runs; the warehouses are rebuilt.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import shutil
import sys
import time
from pathlib import Path

from tools.bench.chart import write_chart
from tools.bench.corpus import add_report, generate
from tools.bench.measure import Measurement, measure

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "seeds"
STAGES = ("scan", "decode", "extract", "load", "dbt", "checks", "publish", "export", "report")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _build(label: str, sources: Path, warehouse: Path, work: Path, extra_env: dict[str, str] | None = None,
           command: str = "build") -> Measurement:
    env = {**os.environ, "PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(warehouse), **(extra_env or {})}
    log = work / f"{label}.log"
    print(f"  {label:<34} ", end="", flush=True)
    m = measure(label, [sys.executable, "-m", "dagster_project.cli", command], env, log, work / f"{label}.timings.json")
    status = "ok" if m.exit_code == 0 else f"EXIT {m.exit_code} (see {log})"
    print(f"{m.wall:7.1f} s wall {m.cpu:7.1f} s CPU {m.peak_rss_mb:7.0f} MB  {status}", flush=True)
    return m


def _fresh(warehouse: Path) -> None:
    for path in warehouse.parent.glob(warehouse.name + "*"):
        path.unlink()
    for name in (".building", "export", "docs", "report.html", "alerts.jsonl"):
        target = warehouse.parent / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()


def _texts(directory: Path, limit: int) -> list[str]:
    from dagster_project.ingestion.documents import read_document

    files = sorted(p for p in directory.iterdir() if not p.name.startswith("."))[:limit]
    return [read_document(p.name, p.read_bytes()).text for p in files]


def _extract_all(texts: list[str]) -> tuple[int, float]:
    """(figures, CPU seconds of this process spent on them)."""
    from dagster_project.extraction.pipeline import extract_report

    started = time.process_time()
    figures = sum(len(extract_report(text, None)) for text in texts)
    return figures, time.process_time() - started


def extraction_speed(directory: Path, limit: int, workers: int) -> dict[str, float]:
    """MB/s of extraction alone: one process, a pool of `workers`, and a regex floor.

    The machine may be shared, so the one-process figure is CPU time (what a core
    does) and the pool's speed-up is wall time against the one process's wall time,
    measured back to back; `pool_cpu_s` shows whether the workers did extra work.
    """
    texts = _texts(directory, limit)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    _extract_all(texts[:3])  # imports and compiled patterns outside the timing
    started = time.perf_counter()
    figures, single = _extract_all(texts)
    single_wall = time.perf_counter() - started
    started = time.process_time()  # CPU time, as the one-process figure: comparable on a busy machine
    floor_hits = sum(len(_NUMBER.findall(t)) for t in texts)
    floor = time.process_time() - started
    # The pool the extract step uses (spawned workers, chunked batches), timed from its
    # first batch: the workers' start-up is outside, as it is paid once per run.
    from dagster_project.extraction.parallel import ExtractionPool

    items = [(str(n), text, None) for n, text in enumerate(texts)]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with ExtractionPool(workers) as pool:
        started = time.perf_counter()
        results = pool.extract(items)
        pooled = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    pooled_figures = sum(len(observations) for _, observations in results)
    assert pooled_figures == figures, "the pool found other figures than one process"
    return {
        "reports": len(texts), "megabytes": megabytes, "figures": figures, "numbers": floor_hits,
        "cpu_s_one_core": single, "pool_cpu_s": pool_cpu,
        "mb_per_s_one_core": megabytes / single, "mb_per_s_regex_floor": megabytes / floor,
        "mb_per_s_pool": megabytes / pooled, "pool_speedup": single_wall / pooled, "workers": workers,
    }


def _batched(size: int, megabytes: float, sources: Path, bench_dir: Path, work: Path) -> list[dict[str, object]]:
    """The job extract_batches (multiprocess executor) into an empty figure store, then a cold
    build that loads the figures instead of extracting them."""
    store = bench_dir / f"store-{size}"
    shutil.rmtree(store, ignore_errors=True)
    warehouse = bench_dir / f"wh-{size}-batched" / "warehouse.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    _fresh(warehouse)
    env = {"PDX_FIGURE_STORE": str(store)}
    batches = _build(f"{size}-extract-batches", sources, warehouse, work, env, command="extract-batches")
    build = _build(f"{size}-cold-from-store", sources, warehouse, work, env)
    return [_row(f"{size} extract-batches (job)", size, megabytes, batches),
            _row(f"{size} cold, figures from the store", size, megabytes, build)]


def _row(case: str, reports: int, megabytes: float, m: Measurement) -> dict[str, object]:
    row: dict[str, object] = {
        "case": case, "reports": reports, "wall_s": round(m.wall, 2), "cpu_s": round(m.cpu, 2),
        "cpu_use": round(m.cpu_use, 2), "peak_rss_mb": round(m.peak_rss_mb), "exit": m.exit_code,
        "mb_per_s": round(megabytes / m.wall, 3) if m.wall else 0,
        "reports_per_s": round(reports / m.wall, 1) if m.wall else 0,
    }
    for stage in STAGES:
        row[f"{stage}_s"] = round(m.stages.get(stage, 0.0), 2) if m.stages else ""
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000,10000"))
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("BENCH_DIR", "/tmp/pdx-bench")))
    parser.add_argument("--out", type=Path, default=ROOT / "warehouse" / "bench")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--extraction-only", action="store_true",
                        help="time extraction alone (one process, a pool, the regex floor) and print only that")
    parser.add_argument("--reports", type=int, default=1000, help="reports of the corpus for --extraction-only")
    args = parser.parse_args(argv)
    if args.extraction_only:
        corpus = generate(args.dir / f"corpus-{args.reports}", args.reports)
        _print_speed(extraction_speed(corpus.directory, args.reports, args.workers))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    work = args.dir / "runs"
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []

    print("samples (shared/seeds)", flush=True)
    if SAMPLES.is_dir():
        warehouse = args.dir / "samples" / "warehouse.duckdb"
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        _fresh(warehouse)
        megabytes = sum(p.stat().st_size for p in SAMPLES.iterdir()) / 1e6
        count = len(list(SAMPLES.iterdir()))
        rows.append(_row("samples cold", count, megabytes, _build("samples-cold", SAMPLES, warehouse, work)))
        rows.append(_row("samples warm, nothing changed", count, megabytes,
                         _build("samples-warm", SAMPLES, warehouse, work)))

    largest = sizes[-1]
    for size in sizes:
        corpus = generate(args.dir / f"corpus-{size}", size)
        megabytes = corpus.bytes / 1e6
        print(f"{size} reports ({megabytes:.1f} MB)", flush=True)
        warehouse = args.dir / f"wh-{size}" / "warehouse.duckdb"
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        _fresh(warehouse)
        rows.append(_row(f"{size} cold", size, megabytes, _build(f"{size}-cold", corpus.directory, warehouse, work)))
        if size != largest:
            continue
        rows.append(_row(f"{size} warm, nothing changed", size, megabytes,
                         _build(f"{size}-warm", corpus.directory, warehouse, work)))
        added = add_report(corpus.directory, size)
        try:
            rows.append(_row(f"{size} + one new report", size + 1, megabytes,
                             _build(f"{size}-plus-one", corpus.directory, warehouse, work)))
        finally:
            added.unlink()
            (corpus.directory / ".corpus").unlink(missing_ok=True)  # the folder changed: regenerate next time
        single = args.dir / "one-report"
        shutil.rmtree(single, ignore_errors=True)
        single.mkdir(parents=True)
        shutil.copy(min(p for p in corpus.directory.iterdir() if not p.name.startswith(".")), single)
        one = args.dir / "wh-1" / "warehouse.duckdb"
        one.parent.mkdir(parents=True, exist_ok=True)
        _fresh(one)
        rows.append(_row("1 report cold", 1, 0.01, _build("1-cold", single, one, work)))
        rows += _batched(size, megabytes, corpus.directory, args.dir, work)

    print("extraction alone", flush=True)
    corpus_dir = args.dir / f"corpus-{min(largest, 1000)}"
    speed = extraction_speed(generate(corpus_dir, min(largest, 1000)).directory, 1000, args.workers)

    table = args.out / "bench.csv"
    with table.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    chart = write_chart(rows, args.out / "bench.svg")
    _print_table(rows, speed)
    print(f"\ntable {table}\nchart {chart}")
    return 0 if all(r["exit"] == 0 for r in rows) else 1


def _print_table(rows: list[dict[str, object]], speed: dict[str, float]) -> None:
    print()
    head = f"{'case':<32} {'reports':>7} {'wall s':>7} {'CPU s':>7} {'CPU use':>7} {'RSS MB':>6} {'MB/s':>6} {'rep/s':>6}"
    print(head + "  " + " ".join(f"{s:>7}" for s in STAGES))
    for r in rows:
        stages = " ".join(f"{r[f'{s}_s']:>7}" for s in STAGES)
        print(f"{r['case']:<32} {r['reports']:>7} {r['wall_s']:>7} {r['cpu_s']:>7} {r['cpu_use']:>7} "
              f"{r['peak_rss_mb']:>6} {r['mb_per_s']:>6} {r['reports_per_s']:>6}  {stages}")
    print()
    _print_speed(speed)


def _print_speed(speed: dict[str, float]) -> None:
    print(
        f"extraction alone on {speed['reports']} reports ({speed['megabytes']:.1f} MB, {speed['figures']} figures): "
        f"{speed['mb_per_s_one_core']:.2f} MB/s on one core ({speed['cpu_s_one_core']:.2f} CPU s), "
        f"{speed['mb_per_s_pool']:.2f} MB/s on {speed['workers']} workers ({speed['pool_speedup']:.2f}x wall, "
        f"{speed['pool_cpu_s']:.2f} CPU s in the workers with their start-up); regex floor {speed['mb_per_s_regex_floor']:.1f} MB/s "
        f"({speed['mb_per_s_regex_floor'] / speed['mb_per_s_one_core']:.0f}x faster than extraction)"
    )


if __name__ == "__main__":
    sys.exit(main())
