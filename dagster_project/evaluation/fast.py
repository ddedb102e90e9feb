"""The fact rows a build would publish, computed in process: no warehouse, no dbt.

Ingestion, extraction and classification run as the Dagster assets run them;
the two steps dbt adds are repeated here in Python: the de-duplication of
`stg_observations` (a sentence printed twice states its figures once) and the
split into the three fact tables by domain. `make eval` scores the warehouse;
this path gives the same score in seconds, for iterating on rules
(`python -m dagster_project.evaluation --fast`). tests/e2e/test_full_build.py
checks that both agree on the sample reports.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from dagster_project.evaluation.strict import FACT_DOMAINS, FactRow, quote_offset
from dagster_project.extraction.pipeline import extract_report
from dagster_project.extraction.models import Observation
from dagster_project.extraction.taxonomy import Taxonomy
from dagster_project.ingestion.sources import ReportRecord, scan_sources
from dagster_project.settings import DEFAULT_MAX_FILE_BYTES


def staged(observations: Sequence[Observation]) -> list[Observation]:
    """What `stg_observations` keeps of one report: the first copy of each (sentence, rank) figure."""
    rank: dict[int, int] = {}
    seen: set[tuple[str, int]] = set()
    kept = []
    for obs in sorted(observations, key=lambda o: o.char_start):
        rank[obs.sentence_index] = rank.get(obs.sentence_index, 0) + 1
        key = (obs.sentence, rank[obs.sentence_index])
        if key not in seen:
            seen.add(key)
            kept.append(obs)
    return kept


def report_observations(report: ReportRecord, tax: Taxonomy | None = None) -> list[Observation]:
    """The staged, classified observations of one report."""
    return staged(extract_report(report.text, report.published_date, tax))


def rows_of(report: ReportRecord, observations: Sequence[Observation]) -> list[FactRow]:
    """The fact-table rows of a report's staged observations: those of the three domains."""
    return [
        FactRow(
            doc=report.source_file, domain=o.domain, value=o.value, evidence=o.sentence,
            numerator=o.numerator, denominator=o.denominator, indicator_code=o.indicator_code,
            is_target=o.is_target, as_of=o.as_of_date, quote=o.quote,
            offset=quote_offset(report.text, o.sentence, o.char_start),
        )
        for o in observations
        if o.domain in FACT_DOMAINS
    ]


def report_rows(report: ReportRecord, tax: Taxonomy | None = None) -> list[FactRow]:
    return rows_of(report, report_observations(report, tax))


def read_reports(sources: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> list[ReportRecord]:
    reports, _ = scan_sources(sources, max_bytes)
    return reports


def fact_rows(
    reports: Iterable[ReportRecord], tax: Taxonomy | None = None
) -> tuple[list[FactRow], dict[str, dict]]:
    """Fact rows of the reports, and per source file (every name of a report) its metadata."""
    rows: list[FactRow] = []
    per_file: dict[str, dict] = {}
    for report in reports:
        rows += report_rows(report, tax)
        meta = {"source_file": report.source_file, "province_code": report.province_code,
                "published_date": report.published_date}
        per_file.update({name: meta for name in report.source_files})
    return rows, per_file
