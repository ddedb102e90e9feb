"""The static report page (report.html) written beside the warehouse after each run.

Plain Python over a DuckDB connection: no Dagster import, so the publish step,
the CLI and the tests can all call it.
"""
from dagster_project.reporting.report_page import build_report_page, write_report_page

__all__ = ["build_report_page", "write_report_page"]
