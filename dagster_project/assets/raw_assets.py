"""Ingestion and extraction: the two Python assets that fill the raw schema."""

import time
from pathlib import Path

import dagster as dg
from dagster import AssetExecutionContext

from dagster_project.extraction.pipeline import extract_report
from dagster_project.failpoints import failpoint
from dagster_project.extraction.version import extractor_version
from dagster_project.ingestion.names import printable
from dagster_project.raw_store import (
    ensure_raw_schema,
    ingest_folder,
    observation_count,
    replace_observations,
    reports_to_extract,
    reports_without_province,
    utc_now,
)
from dagster_project.resources import WarehouseResource

RAW_REPORTS = dg.AssetKey(["raw", "reports"])
RAW_REJECTED = dg.AssetKey(["raw", "rejected_reports"])
RAW_OBSERVATIONS = dg.AssetKey(["raw", "observations"])

# Write extracted figures in batches so a large backlog is not held in memory at once.
EXTRACTION_BATCH = 200


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            RAW_REPORTS,
            description="One row per distinct report in the source folder: decoded NFC text, sha256, metadata.",
            kinds={"python", "duckdb"},
            group_name="raw",
        ),
        dg.AssetSpec(
            RAW_REJECTED,
            description="Source files that could not be read, each with the reason.",
            kinds={"python", "duckdb"},
            group_name="raw",
        ),
    ],
)
def ingest_reports(context: AssetExecutionContext, warehouse: WarehouseResource):
    """Read every file of the source folder into raw.reports / raw.rejected_reports."""
    sources = Path(warehouse.sources_dir)
    if not sources.is_dir():
        raise dg.Failure(
            description=f"Source folder {sources} does not exist: create it or set PDX_SOURCES_DIR.",
        )
    started = time.perf_counter()
    with warehouse.connect(context.run.run_id) as con:
        ensure_raw_schema(con)
        failpoint("ingest")
        scan, counts = ingest_folder(
            con, sources, warehouse.max_file_bytes, warehouse.parse_budget, utc_now()
        )
        without_province = reports_without_province(con)
    rejected = scan.rejected
    for file in rejected:
        context.log.warning(f"rejected {printable(file.source_file)}: {printable(file.reason)}")
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
    deps=[RAW_REPORTS],
    kinds={"python", "duckdb"},
    group_name="raw",
    description=(
        "Every quantitative statement of every report, with its sentence, span and quote, "
        "and the indicator it reports (extraction/classify.py)."
    ),
)
def extract_figures(context: AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Extract and classify the figures of the reports this extractor version has not seen yet."""
    version = extractor_version()
    started = time.perf_counter()
    written = 0
    with warehouse.connect(context.run.run_id) as con:
        ensure_raw_schema(con)
        pending = reports_to_extract(con, version)
        context.log.info(f"{len(pending)} reports to extract (extractor {version})")
        for first in range(0, len(pending), EXTRACTION_BATCH):
            batch = pending[first : first + EXTRACTION_BATCH]
            extracted = [
                (key, extract_report(text, published))
                for key, text, published in batch
            ]
            written += replace_observations(con, extracted, version, utc_now())
            context.log.info(f"extracted {first + len(batch)}/{len(pending)} reports, {written} figures")
        total = observation_count(con)
    return dg.MaterializeResult(
        metadata={
            "reports_extracted": len(pending),
            "figures_written": written,
            "figures_total": int(total),
            "extractor_version": version,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
