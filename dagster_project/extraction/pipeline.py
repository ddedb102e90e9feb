"""One report's text in, its figures out: the single entry point for extraction.

The Dagster extract step, `make eval`'s fast path and the benchmark all call
`extract_report`, so they cannot drift apart.
"""
from __future__ import annotations

import datetime

from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations


def extract_report(text: str, published: datetime.date | None) -> list[Observation]:
    return extract_observations(text, published)
