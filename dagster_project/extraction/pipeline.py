"""One report's text in, its figures out: the single entry point for extraction.

The Dagster extract step, `make eval`'s fast path and the benchmark all call
`extract_report`, so they cannot drift apart.
"""
from __future__ import annotations

import datetime

from dagster_project.extraction.classify import classify_observations
from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations
from dagster_project.extraction.taxonomy import Taxonomy


def extract_report(text: str, published: datetime.date | None, tax: Taxonomy | None = None) -> list[Observation]:
    """Every figure of the report, each classified into an indicator (of `tax`, the seed's by default)."""
    return classify_observations(text, extract_observations(text, published), tax)
