"""Plain-Python extraction logic: text normalisation, report metadata, figures and
their classification against the indicator taxonomy (classify.py, words.py).

Nothing in this package imports Dagster, dbt or DuckDB, so every rule can be unit
tested and benchmarked on its own.
"""
