"""Plain-Python extraction logic: text normalisation, report metadata and figures.

Nothing in this package imports Dagster, dbt or DuckDB, so every rule can be unit
tested and benchmarked on its own.
"""
