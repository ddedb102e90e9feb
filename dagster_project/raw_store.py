"""Loading the raw schema of the DuckDB warehouse.

This is the only place where Python writes SQL: the DDL of the raw tables and
the inserts that load them. Values always travel as bound parameters or as
registered DataFrames, never formatted into the SQL text. Each load runs in one
transaction, so a failure leaves the previous state, not half a load.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime

import duckdb
import polars as pl

from dagster_project.extraction.models import Observation
from dagster_project.ingestion.sources import RejectedFile, ReportRecord
from dagster_project.warehouse_db import insert_rows, open_warehouse, transaction, utc_now  # noqa: F401 - re-exported

RAW_DDL = [
    "create schema if not exists raw",
    """create table if not exists raw.reports (
        report_key varchar primary key,
        content_sha256 varchar not null,
        source_file varchar not null,
        source_files varchar[] not null,
        file_format varchar not null,
        encoding varchar not null,
        byte_size bigint not null,
        title varchar,
        published_date date,
        province_code varchar,
        province_evidence varchar,
        source_site varchar,
        text varchar not null,
        first_loaded_at timestamptz not null,
        loaded_at timestamptz not null
    )""",
    """create table if not exists raw.rejected_reports (
        source_file varchar not null,
        reason varchar not null,
        content_sha256 varchar,
        byte_size bigint,
        detected_at timestamptz not null
    )""",
    """create table if not exists raw.observations (
        observation_key varchar primary key,
        report_key varchar not null,
        ordinal integer not null,
        sentence_index integer not null,
        sentence varchar not null,
        char_start integer not null,
        char_end integer not null,
        quote varchar not null,
        value double not null,
        unit varchar not null,
        numerator double,
        denominator double,
        stated_percent double,
        qualifier varchar,
        as_of_date date,
        admin_level varchar not null,
        is_target boolean not null,
        subject varchar not null,
        clause varchar not null,
        parent_ordinal integer,
        extractor_version varchar not null,
        extracted_at timestamptz not null,
        base varchar
    )""",
    *(
        # Columns added after the first release: a warehouse built before them gets them
        # here (rows of older extractor versions are re-extracted by the next run).
        f"alter table raw.observations add column if not exists {column} {definition}"
        for column, definition in (
            # What a count or share is of (households, agencies, communes, ...): the
            # classifier states it (extraction/classify.py), null when the figure counts
            # the indicator's own unit.
            ("base", "varchar"),
            # classification (extraction/classify.py)
            ("indicator_code", "varchar default 'unclassified'"),
            ("domain", "varchar default 'other'"),
            ("classified_by", "varchar"),
            ("matched_keyword", "varchar"),
            ("relevance", "varchar"),
        )
    ),
    """create table if not exists raw.extractions (
        report_key varchar primary key,
        extractor_version varchar not null,
        observation_count integer not null,
        extracted_at timestamptz not null
    )""",
]

REPORT_COLUMNS = [
    "report_key", "content_sha256", "source_file", "source_files", "file_format", "encoding",
    "byte_size", "title", "published_date", "province_code", "province_evidence", "source_site",
    "text",
]


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in RAW_DDL:
        con.execute(statement)


def _reports_frame(reports: Sequence[ReportRecord]) -> pl.DataFrame:
    rows = [{column: getattr(r, column) for column in REPORT_COLUMNS} for r in reports]
    for row in rows:
        row["source_files"] = list(row["source_files"])
    schema = {
        "report_key": pl.String, "content_sha256": pl.String, "source_file": pl.String,
        "source_files": pl.List(pl.String), "file_format": pl.String, "encoding": pl.String,
        "byte_size": pl.Int64, "title": pl.String, "published_date": pl.Date,
        "province_code": pl.String, "province_evidence": pl.String, "source_site": pl.String,
        "text": pl.String,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def sync_reports(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[ReportRecord],
    rejected: Sequence[RejectedFile],
    now: datetime,
) -> dict[str, int]:
    """Make raw.reports mirror the source folder; keep first-load times of known reports.

    Returns counts of new, kept and removed reports and of rejected files.
    """
    incoming = _reports_frame(reports)  # noqa: F841 - read by DuckDB through replacement scan
    with transaction(con):
        new = con.execute(
            "select count(*) from incoming where report_key not in (select report_key from raw.reports)"
        ).fetchone()[0]
        removed = con.execute(
            "select count(*) from raw.reports where report_key not in (select report_key from incoming)"
        ).fetchone()[0]
        con.execute(
            "delete from raw.observations where report_key not in (select report_key from incoming)"
        )
        con.execute(
            "delete from raw.extractions where report_key not in (select report_key from incoming)"
        )
        con.execute(
            """create or replace temp table previous_loads as
               select report_key, first_loaded_at from raw.reports"""
        )
        con.execute("delete from raw.reports")
        con.execute(
            f"""insert into raw.reports
                select {", ".join("i." + c for c in REPORT_COLUMNS)},
                       coalesce(p.first_loaded_at, $now), $now
                from incoming i left join previous_loads p using (report_key)""",
            {"now": now},
        )
        con.execute("delete from raw.rejected_reports")
        insert_rows(
            con,
            "insert into raw.rejected_reports values (?, ?, ?, ?, ?)",
            [(r.source_file, r.reason, r.content_sha256, r.byte_size, now) for r in rejected],
        )
    return {
        "reports": len(reports),
        "new_reports": int(new),
        "removed_reports": int(removed),
        "rejected_files": len(rejected),
    }


def reports_to_extract(
    con: duckdb.DuckDBPyConnection, extractor_version: str
) -> list[tuple[str, str, object]]:
    """(report_key, text, published_date) of reports not yet extracted by this version."""
    return con.execute(
        """select r.report_key, r.text, r.published_date
           from raw.reports r
           left join raw.extractions e
             on e.report_key = r.report_key and e.extractor_version = $version
           where e.report_key is null
           order by r.report_key""",
        {"version": extractor_version},
    ).fetchall()


def observation_key(report_key: str, obs: Observation) -> str:
    """Stable across runs: a figure is identified by its report and its place in the text."""
    return f"{report_key}:{obs.char_start}-{obs.char_end}"


def _observations_frame(
    report_key: str, observations: Sequence[Observation], version: str, now: datetime
) -> pl.DataFrame:
    rows = []
    for obs in observations:
        row = asdict(obs)
        row.pop("extra")
        row["observation_key"] = observation_key(report_key, obs)
        row["report_key"] = report_key
        row["extractor_version"] = version
        row["extracted_at"] = now
        rows.append(row)
    return pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()


def replace_observations(
    con: duckdb.DuckDBPyConnection,
    extracted: Sequence[tuple[str, Sequence[Observation]]],
    version: str,
    now: datetime,
) -> int:
    """Replace the observations of the given reports in one transaction; returns rows written."""
    frames = [
        _observations_frame(key, observations, version, now)
        for key, observations in extracted
        if observations
    ]
    batch = pl.concat(frames, how="diagonal_relaxed") if frames else None  # noqa: F841
    keys = pl.DataFrame({"report_key": [key for key, _ in extracted]}, schema={"report_key": pl.String})  # noqa: F841
    columns = [
        "observation_key", "report_key", "ordinal", "sentence_index", "sentence", "char_start",
        "char_end", "quote", "value", "unit", "numerator", "denominator", "stated_percent",
        "qualifier", "as_of_date", "admin_level", "is_target", "subject", "clause",
        "parent_ordinal", "extractor_version", "extracted_at",
        # classification
        "indicator_code", "domain", "classified_by", "matched_keyword", "relevance", "base",
    ]
    with transaction(con):
        con.execute("delete from raw.observations where report_key in (select report_key from keys)")
        con.execute("delete from raw.extractions where report_key in (select report_key from keys)")
        if batch is not None:
            con.execute(
                f"insert into raw.observations ({', '.join(columns)}) "
                f"select {', '.join(columns)} from batch"
            )
        insert_rows(
            con,
            "insert into raw.extractions values (?, ?, ?, ?)",
            [(key, version, len(observations), now) for key, observations in extracted],
        )
    return 0 if batch is None else batch.height


def observation_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from raw.observations").fetchone()[0]
