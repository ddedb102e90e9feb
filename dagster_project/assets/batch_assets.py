"""The figure store as a Dagster asset: source files extracted in batches, one executor step each.

    plan_extraction_batches ──► extract_batch[<batch id>] (one per batch, in parallel) ──► figure_store_summary

The plan fans out with one dynamic output per batch, so the executor decides where
batches run: the multiprocess executor here (PDX_EXTRACT_WORKERS at once), the celery
or Kubernetes executor of a deployment (PDX_BATCH_EXECUTOR), with no code change. A
batch step needs only the source folder and the store folder (shared storage when the
steps run on other machines; the values passed between steps are kept there too) and
never touches the warehouse: the build's extract step
loads what the batches filed, as the single writer of the DuckDB file.
"""

import dagster as dg
from dagster import OpExecutionContext

from dagster_project.asset_keys import FIGURE_STORE, SOURCES
from dagster_project.batches.batch import BatchResult, extract_batch
from dagster_project.batches.plan import Batch, plan_batches
from dagster_project.batches.store import STEP_VALUES_DIR, FigureStore
from dagster_project.extraction.version import extractor_version
from dagster_project.preflight import PreflightError, check_sources
from dagster_project.resources import WarehouseResource
from dagster_project.settings import Settings


# The batches and their results travel between steps (processes, machines) as pickles in the
# figure store's folder, which every step must reach anyway: no other shared storage to set up.
BATCH_IO = "batch_io"


def batch_io_manager(settings: Settings) -> dg.ConfigurableIOManager:
    return dg.FilesystemIOManager(base_dir=str(settings.figure_store_dir / STEP_VALUES_DIR))


def _store(warehouse: WarehouseResource) -> FigureStore:
    return FigureStore(warehouse.settings.figure_store_dir, extractor_version())


@dg.op(
    ins={"sources": dg.In(dg.Nothing)},
    out=dg.DynamicOut(Batch, io_manager_key=BATCH_IO),
    description="The source files the figure store lacks, in batches.",
)
def plan_extraction_batches(context: OpExecutionContext, warehouse: dg.ResourceParam[WarehouseResource]):
    settings = warehouse.settings
    try:
        check_sources(settings.sources_dir)
    except PreflightError as error:
        raise dg.Failure(description=str(error)) from None
    store = _store(warehouse)
    dropped = store.drop_other_versions()
    if dropped:
        context.log.info(f"removed the figures of older extractor versions: {', '.join(dropped)}")
    plan = plan_batches(settings.sources_dir, store, settings.batch_files)
    context.log.info(
        f"{plan.files_in_folder} files in {settings.sources_dir}: {plan.files_stored} already in the figure store "
        f"{store.folder}, {plan.files_in_folder - plan.files_stored} to extract in {len(plan.batches)} batches "
        f"of up to {settings.batch_files}"
    )
    for batch in plan.batches:
        yield dg.DynamicOutput(batch, mapping_key=batch.batch_id)


@dg.op(
    out=dg.Out(BatchResult, io_manager_key=BATCH_IO),
    description="Read and extract one batch of source files; file its figures in the figure store.",
)
def extract_batch_op(
    context: OpExecutionContext, batch: Batch, warehouse: dg.ResourceParam[WarehouseResource]
) -> BatchResult:
    result = extract_batch(batch, warehouse.sources_dir, _store(warehouse), warehouse.settings.max_file_bytes,
                           warehouse.parse_budget)
    context.log.info(f"{batch.label}: {result.reports} reports, {result.rejected} rejected, "
                     f"{result.figures} figures in {result.seconds:.1f} s")
    return result


@dg.op(out=dg.Out(io_manager_key=BATCH_IO), description="What the batches of this run filed.")
def figure_store_summary(results: list[BatchResult]) -> dg.Output[dict[str, int]]:
    totals = {
        "batches": len(results),
        "files": sum(r.files for r in results),
        "reports": sum(r.reports for r in results),
        "rejected_files": sum(r.rejected for r in results),
        "figures": sum(r.figures for r in results),
    }
    return dg.Output(totals, metadata={**totals, "batch_seconds": round(sum(r.seconds for r in results), 1)})


@dg.graph_asset(
    key=FIGURE_STORE,
    ins={"sources": dg.AssetIn(SOURCES, dagster_type=dg.Nothing)},
    group_name="raw",
    kinds={"python", "parquet"},
    description="Figures extracted in batches outside the build (PDX_FIGURE_STORE, Parquet), keyed by "
    "extractor version, date and text; the extract step of a build loads them instead of extracting. "
    "Materialize it with the job extract_batches to spread extraction over processes or machines.",
)
def figure_store(sources):
    return figure_store_summary(plan_extraction_batches(sources).map(extract_batch_op).collect())


def batch_executor(kind: str, workers: int) -> dg.ExecutorDefinition:
    """The executor the settings name (PDX_BATCH_EXECUTOR); a missing package says which."""
    if kind == "multiprocess":
        return dg.multiprocess_executor.configured({"max_concurrent": workers}, name="multiprocess")
    package, module, attribute = {
        "celery": ("dagster-celery", "dagster_celery", "celery_executor"),
        "k8s": ("dagster-k8s", "dagster_k8s", "k8s_job_executor"),
    }[kind]
    try:
        imported = __import__(module)
    except ImportError:
        raise dg.DagsterInvariantViolationError(
            f"PDX_BATCH_EXECUTOR={kind} needs the package {package}, which is not installed: "
            f"install the {package} release that matches dagster {dg.__version__} in the deployment's "
            "image, or unset PDX_BATCH_EXECUTOR"
        ) from None
    return getattr(imported, attribute)
