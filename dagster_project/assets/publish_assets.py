"""Publishing: the checked build replaces the warehouse BI tools read, then its exports."""
import dagster as dg
from dagster import AssetExecutionContext

from dagster_project.assets.dbt_assets import warehouse_dbt_models
from dagster_project.dbt_docs import publish_dbt_docs
from dagster_project.exports import export_marts
from dagster_project.publishing import build_path, publish
from dagster_project.quality.results import failed_error_checks
from dagster_project.resources import WarehouseResource
from dagster_project.reporting.report_page import write_report_page
from dagster_project.warehouse_db import open_warehouse, utc_now

PUBLISHED = dg.AssetKey(["warehouse", "published"])


@dg.asset(
    key=PUBLISHED,
    deps=list(warehouse_dbt_models.keys),
    group_name="publish",
    kinds={"duckdb", "parquet", "html"},
    description="Atomically replaces the warehouse file BI tools read with this run's checked build, "
    "then exports every mart as Parquet (export/ beside the warehouse) and rebuilds report.html.",
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    run_id = context.run.run_id
    build = build_path(warehouse.warehouse_path, run_id)
    # Blocking checks stop this step in Dagster; this guard also covers dbt tests.
    with open_warehouse(build, read_only=True) as con:
        errors = failed_error_checks(con, run_id)
    if errors:
        raise dg.Failure(
            description="Not published: error-level checks failed: " + "; ".join(errors[:20])
            + ". The previous warehouse stays published; see quality.check_results in the build file "
            f"{build} and fix the cause.",
        )
    published = publish(warehouse.warehouse_path, run_id)
    exported = export_marts(published, published.parent / "export", run_id)
    with open_warehouse(published, read_only=True) as con:
        page = write_report_page(con, published.parent / "report.html", utc_now())
    publish_dbt_docs(published, published.parent / "docs")
    context.log.info(
        f"published {published}; exported {len(exported)} marts to {published.parent / 'export'}; "
        f"report page {page}"
    )
    return dg.MaterializeResult(
        metadata={
            "warehouse": str(published),
            "exported_marts": len(exported),
            "export_dir": str(published.parent / "export"),
            "report_page": str(page),
        }
    )
