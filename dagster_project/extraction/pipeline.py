"""One report's text in, its figures out: the single entry point for extraction.

The Dagster extract step, `make eval`'s fast path and the benchmark all call
`extract_report`, so they cannot drift apart.
"""
from __future__ import annotations

import datetime

from dagster_project.extraction.classify import classify_observations
from dagster_project.extraction.models import Observation, with_fields
from dagster_project.extraction.observations import extract_observations
from dagster_project.extraction.taxonomy import Taxonomy


def extract_report(text: str, published: datetime.date | None, tax: Taxonomy | None = None) -> list[Observation]:
    """Every figure of the report, each classified into an indicator (of `tax`, the seed's by default)."""
    return [_captioned(obs) for obs in classify_observations(text, extract_observations(text, published), tax)]


def _captioned(obs: Observation) -> Observation:
    """A table cell's evidence opens with the table's caption: "Cộng — Tỷ lệ (%): 60,4" tells
    a reader nothing without "Bảng 2. Kết quả giải quyết thủ tục hành chính". Added after
    classification, which reads the caption on its own terms (classify.py, step 7)."""
    caption = obs.extra.get("table_caption")
    if obs.scope != "table" or not caption or obs.sentence.startswith(caption):
        return obs
    return with_fields(obs, sentence=f"{caption} › {obs.sentence}")
