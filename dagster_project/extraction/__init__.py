"""Plain-Python extraction logic: decoding, metadata and figure extraction.

Nothing in this package imports Dagster, dbt or DuckDB, so every rule can be unit
tested and benchmarked on its own.
"""
