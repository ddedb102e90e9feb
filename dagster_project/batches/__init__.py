"""Extraction in batches outside the warehouse build (the job `extract_batches`).

plan.py picks the source files the figure store does not hold yet and groups
them; batch.py reads and extracts one batch and files its figures in the store
(store.py), which the build's extract step reads. Plain Python: Dagster wiring
is in assets/batch_assets.py.
"""
