"""Extraction of many reports on several cores, with exactly the output of one process.

    with ExtractionPool(workers=2) as pool:
        for batch in batches:
            results = pool.extract(batch, label="reports 1-200")   # [(key, observations)], input order

    extract_reports(items, workers)   # the same, for one call

Extraction is pure Python and CPU bound (the GIL rules out threads), and each
report is independent, so reports are spread over worker processes. The
workers are started with "spawn", not "fork": the caller (a Dagster step) has
threads and an open DuckDB connection, which a forked child must not inherit.
A spawned worker pays its imports and the word segmenter once (~0.2 s of CPU),
so one pool serves every batch of a run, and a few reports are extracted in
process (`workers_for`). Results come back in input order whatever finishes first.
`workers=1` never starts a process: the plain loop, for debugging.
"""
from __future__ import annotations

import datetime
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
from collections.abc import Hashable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from dagster_project.extraction.models import Observation
from dagster_project.extraction.pipeline import extract_report

# (key, text, published): what `raw_store.reports_to_extract` returns per report.
ReportItem = tuple[Hashable, str, datetime.date | None]
ReportResult = tuple[Hashable, list[Observation]]

# Below this many reports per worker a spawned worker's start-up (~0.2 CPU s of imports and
# the segmenter, measured) costs more than the extraction it takes over (~30 ms a report).
MIN_REPORTS_PER_WORKER = 10
# Chunks per worker and batch: small enough that one large report does not leave the other
# workers idle at the end of a batch, large enough that pickling stays a small cost.
_CHUNKS_PER_WORKER = 4
# How often the caller looks whether a worker died while it waits for a chunk.
_WATCH_SECONDS = 0.5
SERIAL_HINT = "rerun with PDX_EXTRACT_WORKERS=1 to extract in one process and see the report's own error"


class ExtractionError(RuntimeError):
    """A report could not be extracted, or a worker process died; the message says which."""


def workers_for(reports: int, configured: int) -> int:
    """How many workers `reports` reports are worth: at most `configured`, 1 for a few reports."""
    return max(1, min(configured, reports // MIN_REPORTS_PER_WORKER))


def _extract_chunk(chunk: Sequence[ReportItem]) -> list[ReportResult]:
    """Run in a worker: the figures of each report of the chunk, naming the report that fails."""
    out: list[ReportResult] = []
    for key, text, published in chunk:
        try:
            out.append((key, extract_report(text, published)))
        except Exception as exc:  # noqa: BLE001 - re-raised with the report's key
            raise ExtractionError(f"extraction of report {key} failed ({type(exc).__name__}: {exc})") from exc
    return out


def _terminable() -> None:
    """Each worker's initializer: a worker obeys SIGTERM whatever its parent ignored. The pool
    stops its workers with SIGTERM when one dies; a worker started by a caller that ignores
    SIGTERM (a background shell job, some supervisors) inherits that, survives, and the pool
    waits for it for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _warm() -> int:
    """Run once per worker before the first batch: imports and the segmenter, outside the batches."""
    from dagster_project.extraction.words import segmenter

    segmenter()
    return os.getpid()


def _chunks(items: Sequence[ReportItem], workers: int) -> list[Sequence[ReportItem]]:
    size = max(1, math.ceil(len(items) / (workers * _CHUNKS_PER_WORKER)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _succeeded(future: Future[list[ReportResult]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _keys(chunk: Sequence[ReportItem], limit: int = 5) -> str:
    keys = [str(item[0]) for item in chunk]
    return ", ".join(keys[:limit]) + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


class ExtractionPool:
    """Worker processes that extract batches of reports; a context manager."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"ExtractionPool: workers must be at least 1, got {workers}")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self.worker_pids: tuple[int, ...] = ()  # of the started workers, for diagnostics
        self._workers: list[multiprocessing.process.BaseProcess] = []

    def __enter__(self) -> ExtractionPool:
        if self.workers > 1:
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_terminable
            )
            for future in [self._executor.submit(_warm) for _ in range(self.workers)]:
                future.result()
            # every worker started; one may have warmed up twice before the other was ready, so
            # the pids come from the pool (CPython's ProcessPoolExecutor keeps them there)
            self.worker_pids = tuple(sorted(self._executor._processes))
            self._workers = list(self._executor._processes.values())
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._executor is not None:
            # After a failure do not wait for the other chunks of the batch.
            self._executor.shutdown(wait=kind is None, cancel_futures=kind is not None)
            self._executor = None
            self._workers = []

    def _kill_workers(self) -> None:
        """Kill every worker still alive, once one has died.

        Python's own clean-up of a broken pool can wait for ever: a worker killed while it held
        the call queue's read lock leaves another blocked on that lock and still holding the
        queue's pipe open, so the pool's feeder thread stays blocked writing a large chunk into
        the pipe and the pool never finishes shutting down (seen once under load, CPython 3.11).
        SIGKILL cannot be ignored or blocked; with no reader left the write fails and the
        clean-up ends."""
        for worker in self._workers:
            if worker.exitcode is None:
                worker.kill()

    def _result(self, future: Future[list[ReportResult]]) -> list[ReportResult]:
        """The chunk's result; BrokenProcessPool as soon as any worker has exited, even if the
        pool has not noticed yet."""
        sentinels = [worker.sentinel for worker in self._workers]
        while True:
            try:
                return future.result(timeout=_WATCH_SECONDS)
            except FutureTimeout:
                if multiprocessing.connection.wait(sentinels, timeout=0):
                    raise BrokenProcessPool("an extraction worker exited") from None

    def extract(self, items: Sequence[ReportItem], label: str = "") -> list[ReportResult]:
        """The figures of every report of `items`, in their order; `label` names the batch in errors."""
        where = f" in batch {label}" if label else ""
        if self._executor is None:
            if self.workers > 1:
                raise RuntimeError("ExtractionPool.extract called outside `with ExtractionPool(...)`")
            try:
                return _extract_chunk(items)
            except ExtractionError as exc:
                raise ExtractionError(f"{exc}{where}: see the traceback above") from exc.__cause__
        chunks = _chunks(items, self.workers)
        futures: list[tuple[Sequence[ReportItem], Future[list[ReportResult]]]] = []
        results: list[ReportResult] = []
        try:
            for chunk in chunks:  # a pool already broken fails here, a worker dying later below
                futures.append((chunk, self._executor.submit(_extract_chunk, chunk)))
            for _, future in futures:
                results += self._result(future)
        except BrokenProcessPool as exc:
            self._kill_workers()
            # Every pending chunk fails with the pool, so name all unfinished reports. A chunk
            # may still be pending here (the pool is not told yet): it is unfinished too.
            unfinished = [item for chunk, f in futures if not _succeeded(f) for item in chunk]
            unfinished += [item for chunk in chunks[len(futures):] for item in chunk]
            raise ExtractionError(
                f"an extraction worker process died{where} (killed, out of memory or crashed) while "
                f"extracting one of the {len(unfinished)} unfinished reports {_keys(unfinished)}; {SERIAL_HINT}"
            ) from exc
        except ExtractionError as exc:
            raise ExtractionError(f"{exc}{where}; {SERIAL_HINT}") from exc
        return results


def extract_reports(items: Sequence[ReportItem], workers: int) -> list[ReportResult]:
    """The figures of every report, on `workers` processes (1: in this process), in input order."""
    with ExtractionPool(workers) as pool:
        return pool.extract(items)
