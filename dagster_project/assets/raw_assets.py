"""The source folder (an external asset) and the two Python assets that fill the raw schema."""

import time

import dagster as dg
import duckdb
from dagster import AssetExecutionContext

from dagster_project import gate, publishing, run_record
from dagster_project.asset_keys import FIGURE_STORE, RAW_OBSERVATIONS, RAW_REJECTED, RAW_REPORTS, SOURCES
from dagster_project.batches.store import FigureStore, input_key
from dagster_project.extraction.parallel import ExtractionPool, workers_for
from dagster_project.extraction.version import extractor_version
from dagster_project.failpoints import failpoint
from dagster_project.ingestion.names import printable
from dagster_project.ingestion.sources import source_fingerprint
from dagster_project.preflight import PreflightError, check_sources
from dagster_project.raw_store import (
    PendingReports,
    ensure_raw_schema,
    ingest_folder,
    load_observations,
    observation_count,
    replace_observations,
    reports_to_extract,
    reports_without_province,
    utc_now,
)
from dagster_project.resources import AlertsResource, WarehouseResource
from dagster_project.run_steps import EXTRACT, INGEST, run_started_at, writing_step

# Write extracted figures in batches so a large backlog is not held in memory at once.
EXTRACTION_BATCH = 200

source_folder = dg.AssetSpec(
    SOURCES,
    description="The folder of report files (PDX_SOURCES_DIR): txt, md, html, docx, pdf, any encoding. "
    "Files are added, changed and removed by people; the sensor new_or_changed_sources starts a run when "
    "its state changes.",
    kinds={"folder"},
    group_name="raw",
)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            RAW_REPORTS,
            description="One row per distinct report in the source folder: decoded NFC text, sha256, metadata.",
            kinds={"python", "duckdb"},
            group_name="raw",
            deps=[SOURCES],
        ),
        dg.AssetSpec(
            RAW_REJECTED,
            description="Source files that could not be read, each with the reason.",
            kinds={"python", "duckdb"},
            group_name="raw",
            deps=[SOURCES],
        ),
    ],
)
def ingest_reports(
    context: AssetExecutionContext,
    warehouse: dg.ResourceParam[WarehouseResource],
    alerts: dg.ResourceParam[AlertsResource],
):
    """Read every file of the source folder into raw.reports / raw.rejected_reports."""
    with writing_step(context, INGEST, warehouse, alerts):
        yield from _ingest(context, warehouse)


def _ingest(context: AssetExecutionContext, warehouse: WarehouseResource):
    settings = warehouse.settings
    sources = settings.sources_dir
    try:
        check_sources(sources)
    except PreflightError as error:
        raise dg.Failure(description=str(error)) from None
    started = time.perf_counter()
    fingerprint = source_fingerprint(sources)
    run_id = context.run.run_id
    with warehouse.connect(run_id, context.log.warning) as con:
        ensure_raw_schema(con)
        failpoint("ingest")
        scan, counts = ingest_folder(con, sources, settings.max_file_bytes, warehouse.parse_budget, utc_now())
        without_province = reports_without_province(con)
        run_record.start_run(con, run_id, run_started_at(context), fingerprint)
    rejected = scan.rejected
    for file in rejected:
        context.log.warning(f"rejected {printable(file.source_file)}: {printable(file.reason)}")
    # Fail now rather than after the build: the gate would refuse it anyway.
    refusal = publishing.shrink_refusal(
        publishing.Shrink(counts["reports"] + counts["removed_reports"] - counts["new_reports"], counts["reports"]),
        settings.max_shrink_share, settings.allow_shrink,
    )
    if refusal:
        raise gate.GateRefused(f"Not published: {refusal}")
    if counts["reports"] == 0:
        raise dg.Failure(description=f"0 reports read from {sources}: all {len(rejected)} files were rejected "
                         "(reasons above); fix or replace them")
    context.log.info(
        f"ingested {counts['reports']} reports ({counts['new_reports']} new, "
        f"{counts['removed_reports']} removed; {scan.known_files} files known from the last load, "
        f"not read), rejected {counts['rejected_files']} files in {time.perf_counter() - started:.2f}s"
    )
    yield dg.MaterializeResult(
        asset_key=RAW_REPORTS,
        metadata={
            "reports": counts["reports"],
            "new_reports": counts["new_reports"],
            "removed_reports": counts["removed_reports"],
            "without_province": without_province,
            "known_files": scan.known_files,
            "sources_dir": str(sources),
            "source_fingerprint": fingerprint,
        },
    )
    yield dg.MaterializeResult(
        asset_key=RAW_REJECTED,
        metadata={
            "rejected_files": counts["rejected_files"],
            "reasons": dg.MetadataValue.md(
                "\n".join(f"- `{r.source_file}`: {r.reason}" for r in rejected) or "none"
            ),
        },
    )


@dg.asset(
    key=RAW_OBSERVATIONS,
    deps=[RAW_REPORTS, FIGURE_STORE],
    kinds={"python", "duckdb"},
    group_name="raw",
    description=(
        "Every quantitative statement of every report, with its sentence, span and quote, "
        "and the indicator it reports (extraction/classify.py)."
    ),
)
def extract_figures(
    context: AssetExecutionContext,
    warehouse: dg.ResourceParam[WarehouseResource],
    alerts: dg.ResourceParam[AlertsResource],
) -> dg.MaterializeResult:
    """Extract and classify the figures of the reports this extractor version has not seen yet."""
    with writing_step(context, EXTRACT, warehouse, alerts):
        return _extract(context, warehouse)


def _extract(context: AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    version = extractor_version()
    started = time.perf_counter()
    written = 0
    with warehouse.connect(context.run.run_id, context.log.warning) as con:
        ensure_raw_schema(con)
        pending = reports_to_extract(con, version)
        stored, written = _load_from_store(context, con, FigureStore(warehouse.settings.figure_store_dir, version),
                                           pending)
        pending = pending.without(stored) if stored else pending
        workers = workers_for(len(pending), warehouse.settings.extract_workers)
        context.log.info(f"{len(pending)} reports to extract (extractor {version}, {workers} worker(s))")
        # Workers extract; this process alone writes to DuckDB (one writer per file).
        with ExtractionPool(workers) as pool:
            for first in range(0, len(pending), EXTRACTION_BATCH):
                batch = pending[first : first + EXTRACTION_BATCH]
                extracted = pool.extract(batch, label=f"reports {first + 1}-{first + len(batch)} of {len(pending)}")
                written += replace_observations(con, extracted, version, utc_now())
                context.log.info(f"extracted {first + len(batch)}/{len(pending)} reports, {written} figures")
        total = observation_count(con)
    return dg.MaterializeResult(
        metadata={
            "reports_extracted": len(pending),
            "reports_from_figure_store": len(stored),
            "extract_workers": workers,
            "figures_written": written,
            "figures_total": int(total),
            "extractor_version": version,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )


def _load_from_store(
    context: AssetExecutionContext, con: duckdb.DuckDBPyConnection, store: FigureStore,
    pending: PendingReports,
) -> tuple[set[str], int]:
    """Load the figures the `extract_batches` job filed for pending reports; (their keys, rows)."""
    if not pending or not store.holds_batches():
        return set(), 0
    loaded: set[str] = set()
    written = 0
    asked = [(key, input_key(store.version, text, published)) for key, text, published in pending]
    for stored in store.lookup(asked):
        written += load_observations(con, stored.figures, stored.counts, store.version, utc_now())
        loaded |= stored.counts.keys()
    context.log.info(f"{len(loaded)} of {len(pending)} reports to extract were in the figure store "
                     f"{store.folder} ({written} figures loaded)")
    return loaded, written
