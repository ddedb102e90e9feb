"""Read and extract one batch of source files, and file its figures in the store.

The files are read the way the build's ingest step reads them (the same scan, budgets
and manifest), so a report's text and date, hence its input key, are the ones the
build will compute; a file the build will reject is recorded as judged, with no figures.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from dagster_project.batches.plan import Batch
from dagster_project.batches.store import FILES_SCHEMA, FigureStore, input_key
from dagster_project.extraction.pipeline import extract_report
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.ingestion.sources import scan_folder
from dagster_project.raw_store import observations_frame


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    files: int
    reports: int
    rejected: int
    figures: int
    seconds: float


class BatchError(RuntimeError):
    """A report of a batch could not be extracted; the message names the batch and the file."""


def extract_batch(
    batch: Batch, sources_dir: Path, store: FigureStore, max_bytes: int, budget: ParseBudget
) -> BatchResult:
    started = time.perf_counter()
    scan = scan_folder(sources_dir, max_bytes, budget, only=set(batch.files))
    now = datetime.now(timezone.utc)
    keys: dict[str, str] = {}
    counts: dict[str, int] = {}
    frames = []
    for report in scan.reports:
        key = input_key(store.version, report.text, report.published_date)
        try:
            observations = extract_report(report.text, report.published_date)
        except Exception as exc:
            raise BatchError(
                f"{batch.label}: extracting {report.source_file} failed ({type(exc).__name__}: {exc}); "
                f"run `make run` to see it fail in the build, or leave the file out of the folder"
            ) from exc
        keys[report.report_key], counts[report.report_key] = key, len(observations)
        if observations:
            frames.append(observations_frame(report.report_key, observations, store.version, now)
                          .with_columns(input_key=pl.lit(key)))
    files = pl.DataFrame(
        [(f.name, f.size, f.mtime_ns, f.manifest_sha, f.report_key, keys.get(f.report_key or ""),
          counts.get(f.report_key or "", 0)) for f in scan.files],
        schema=FILES_SCHEMA, orient="row",
    )
    figures = (pl.concat(frames, how="diagonal_relaxed") if frames
               else pl.DataFrame(schema={"input_key": pl.String}))
    store.write_batch(batch.batch_id, files, figures)
    return BatchResult(batch.batch_id, len(batch.files), len(scan.reports), len(scan.rejected),
                       figures.height, round(time.perf_counter() - started, 3))

