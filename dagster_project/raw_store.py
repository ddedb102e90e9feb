"""Loading the raw schema of the DuckDB warehouse.

This is the only place where Python writes SQL: the DDL of the raw tables and
the inserts that load them. Values always travel as bound parameters or as
registered DataFrames, never formatted into the SQL text. Each load runs in one
transaction, so a failure leaves the previous state, not half a load.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import overload

import duckdb
import polars as pl

from dagster_project.extraction.models import Observation
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.ingestion.reader_version import reader_version
from dagster_project.ingestion.sources import FolderScan, RejectedFile, ReportRecord, SourceFile, scan_folder
from dagster_project.timings import timed
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
    # Where a report's province and date came from and where it was fetched (source manifest).
    *(f"alter table raw.reports add column if not exists {name} varchar"
      for name in ("province_source", "published_source", "source_url")),
    """create table if not exists raw.rejected_reports (
        source_file varchar not null,
        reason varchar not null,
        content_sha256 varchar,
        byte_size bigint,
        detected_at timestamptz not null
    )""",
    # The file index: each file whose content was judged, with the stamp it was read
    # under; a file with the same stamp and reader version is not read again.
    """create table if not exists raw.source_files (
        source_file varchar primary key,
        byte_size bigint not null,
        mtime_ns bigint not null,
        ctime_ns bigint not null,
        content_sha256 varchar not null,
        report_key varchar,
        reason varchar,
        reader_version varchar not null,
        loaded_at timestamptz not null,
        manifest_sha varchar not null default ''
    )""",
    # The manifest line a report was built with: a changed line reads the file again.
    "alter table raw.source_files add column if not exists manifest_sha varchar default ''",
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
    *(f"alter table raw.observations add column if not exists {name} {sql_type}" for name, sql_type in
      (("figure_kind", "varchar"), ("range_high", "double"), ("multiplier", "double"), ("scope", "varchar"),
       ("section", "varchar"), ("table_column", "varchar"), ("table_row", "varchar"),
       ("target_source", "varchar"), ("as_of_source", "varchar"), ("parts_complete", "boolean"),
       ("admin_level_source", "varchar"))),
    """create table if not exists raw.extractions (
        report_key varchar primary key,
        extractor_version varchar not null,
        observation_count integer not null,
        extracted_at timestamptz not null
    )""",
]

# What the extractor knows about each figure's form and place in the document (issue 8);
# a warehouse built before them gets them by `alter table ... add column if not exists`.
STRUCTURE_COLUMNS = (
    "figure_kind", "range_high", "multiplier", "scope", "section", "table_column", "table_row",
    "target_source", "as_of_source", "parts_complete", "admin_level_source",
)

SOURCE_COLUMNS = ("province_source", "published_source", "source_url")

REPORT_COLUMNS = [
    "report_key", "content_sha256", "source_file", "source_files", "file_format", "encoding",
    "byte_size", "title", "published_date", "province_code", "province_evidence", "source_site",
    "text", *SOURCE_COLUMNS,
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
        "text": pl.String, **{column: pl.String for column in SOURCE_COLUMNS},
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def sync_reports(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[ReportRecord],
    rejected: Sequence[RejectedFile],
    now: datetime,
) -> dict[str, int]:
    """Make raw.reports mirror `reports`, the whole folder's; keep first-load times of known reports.

    Without stamps there is no file index: the next scan reads every file.
    Returns counts of new, kept and removed reports and of rejected files.
    """
    names = [(r.report_key, name) for r in reports for name in r.source_files]
    return _sync(con, reports, names, rejected, [], None, now)


def sync_scan(con: duckdb.DuckDBPyConnection, scan: FolderScan, version: str, now: datetime) -> dict[str, int]:
    """Make raw.reports mirror the folder `scan` saw and keep its file index for the next scan.

    Reports of known files stay as they are, but for their names and load time;
    reports decoded again replace theirs, and when their text changed their
    figures are extracted again.
    """
    names = [(f.report_key, f.name) for f in scan.files if f.report_key is not None]
    return _sync(con, scan.reports, names, scan.rejected, scan.files, version, now)


def ingest_folder(
    con: duckdb.DuckDBPyConnection, sources_dir: Path, max_bytes: int, budget: ParseBudget, now: datetime
) -> tuple[FolderScan, dict[str, int]]:
    """Scan the folder against the index of the last load and load what changed (the ingest step)."""
    version = reader_version(budget)
    with timed("scan"):  # reading and decoding the files that changed
        scan = scan_folder(sources_dir, max_bytes, budget, load_file_index(con, version))
    with timed("load"):
        return scan, sync_scan(con, scan, version, now)


def load_file_index(con: duckdb.DuckDBPyConnection, version: str) -> dict[str, SourceFile]:
    """The files of the last load read by this reader version whose verdict still stands."""
    rows = con.execute(
        """select source_file, byte_size, mtime_ns, ctime_ns, content_sha256, report_key, reason,
                  coalesce(manifest_sha, '')
           from raw.source_files
           where reader_version = $version
             and (report_key in (select report_key from raw.reports)
                  or (report_key is null and reason is not null))""",
        {"version": version},
    ).fetchall()
    return {row[0]: SourceFile(*row) for row in rows}


def reports_without_province(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from raw.reports where province_code is null").fetchone()[0]


def _sync(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[ReportRecord],
    names: Sequence[tuple[str, str]],
    rejected: Sequence[RejectedFile],
    files: Sequence[SourceFile],
    version: str | None,
    now: datetime,
) -> dict[str, int]:
    incoming = _reports_frame(reports)  # noqa: F841 - read by DuckDB through replacement scan
    present = pl.DataFrame(  # noqa: F841 - every name of every report in the folder, in folder order
        [(key, name, position) for position, (key, name) in enumerate(names)],
        schema={"report_key": pl.String, "source_file": pl.String, "position": pl.Int64},
        orient="row",
    )
    index = _index_frame(files, version, now)  # noqa: F841
    with transaction(con):
        new = con.execute(
            """select count(distinct report_key) from present
               where report_key not in (select report_key from raw.reports)"""
        ).fetchone()[0]
        removed = con.execute(
            "select count(*) from raw.reports where report_key not in (select report_key from present)"
        ).fetchone()[0]
        # Figures go with their report, and with its text when a reader decodes it anew,
        # or with its publication date (targets "đến năm 2025" are judged against it).
        con.execute(
            """create or replace temp table new_text as
               select i.report_key from incoming i join raw.reports r using (report_key)
               where i.text <> r.text or i.published_date is distinct from r.published_date"""
        )
        for table in ("raw.observations", "raw.extractions"):
            con.execute(
                f"""delete from {table}
                    where report_key not in (select report_key from present)
                       or report_key in (select report_key from new_text)"""
            )
        con.execute(
            """create or replace temp table previous_loads as
               select report_key, first_loaded_at from raw.reports
               where report_key in (select report_key from incoming)"""
        )
        con.execute(
            """delete from raw.reports
               where report_key not in (select report_key from present)
                  or report_key in (select report_key from incoming)"""
        )
        con.execute(
            f"""insert into raw.reports ({", ".join(REPORT_COLUMNS)}, first_loaded_at, loaded_at)
                select {", ".join("i." + c for c in REPORT_COLUMNS)},
                       coalesce(p.first_loaded_at, $now), $now
                from incoming i left join previous_loads p using (report_key)""",
            {"now": now},
        )
        # Names only where they changed: a list update rewrites the whole row, text included.
        con.execute(
            """update raw.reports r
               set source_file = n.first_name, source_files = n.all_names
               from (select report_key, arg_min(source_file, position) as first_name,
                            list(source_file order by position) as all_names
                     from present group by report_key) n
               where r.report_key = n.report_key
                 and (r.source_file <> n.first_name or r.source_files <> n.all_names)"""
        )
        con.execute(
            "update raw.reports set loaded_at = $now where report_key in (select report_key from present)",
            {"now": now},
        )
        con.execute("delete from raw.rejected_reports")
        insert_rows(
            con,
            "insert into raw.rejected_reports values (?, ?, ?, ?, ?)",
            [(r.source_file, r.reason, r.content_sha256, r.byte_size, now) for r in rejected],
        )
        con.execute("delete from raw.source_files")
        con.execute(f"insert into raw.source_files ({', '.join(INDEX_COLUMNS)}) select * from index")
    return {
        "reports": present["report_key"].n_unique(),
        "new_reports": int(new),
        "removed_reports": int(removed),
        "rejected_files": len(rejected),
    }


INDEX_COLUMNS = ("source_file", "byte_size", "mtime_ns", "ctime_ns", "content_sha256", "report_key", "reason",
                 "reader_version", "loaded_at", "manifest_sha")


def _index_frame(files: Sequence[SourceFile], version: str | None, now: datetime) -> pl.DataFrame:
    schema = {
        "source_file": pl.String, "byte_size": pl.Int64, "mtime_ns": pl.Int64, "ctime_ns": pl.Int64,
        "content_sha256": pl.String, "report_key": pl.String, "reason": pl.String,
        "reader_version": pl.String, "loaded_at": pl.Datetime("us", "UTC"), "manifest_sha": pl.String,
    }
    rows = [
        (f.name, f.size, f.mtime_ns, f.ctime_ns, f.content_sha256, f.report_key, f.reason, version, now,
         f.manifest_sha)
        for f in files
    ]
    return pl.DataFrame(rows, schema=schema, orient="row")


ReportToExtract = tuple[str, str, object]  # (report_key, text, published_date)


class PendingReports(Sequence[ReportToExtract]):
    """The reports to extract, in key order. Only their keys are held: a slice (a batch of the
    extract step) reads its texts when it is taken, so a backlog of 10,000 reports is not in
    the step's memory at once (their texts are about 200 MB as Python strings), one batch is.
    Read while the connection is open, by the run that writes the file (no other writer)."""

    READ_BATCH = 200

    def __init__(self, con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> None:
        self._con = con
        self._keys = list(keys)

    def __len__(self) -> int:
        return len(self._keys)

    def without(self, done: Collection[str]) -> PendingReports:
        """The reports still pending once those in `done` are loaded (from the figure store)."""
        return PendingReports(self._con, [key for key in self._keys if key not in done])

    @overload
    def __getitem__(self, index: int) -> ReportToExtract: ...
    @overload
    def __getitem__(self, index: slice) -> list[ReportToExtract]: ...

    def __getitem__(self, index: int | slice) -> ReportToExtract | list[ReportToExtract]:
        if not isinstance(index, slice):
            return self._read([self._keys[index]])[0]
        return self._read(self._keys[index])

    def __iter__(self) -> Iterator[ReportToExtract]:
        """In order, a few hundred texts per query (Sequence's own would query once per report)."""
        for first in range(0, len(self._keys), self.READ_BATCH):
            yield from self._read(self._keys[first : first + self.READ_BATCH])

    def _read(self, keys: list[str]) -> list[ReportToExtract]:
        if not keys:
            return []
        rows = self._con.execute(
            "select report_key, text, published_date from raw.reports "
            "where report_key in (select unnest(?::varchar[]))",
            [keys],
        ).fetchall()
        found = {row[0]: row for row in rows}
        return [found[key] for key in keys]


def reports_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> PendingReports:
    """(report_key, text, published_date) of reports not yet extracted by this version, by key;
    the texts are read batch by batch (see PendingReports)."""
    keys = con.execute(
        """select r.report_key
           from raw.reports r
           left join raw.extractions e
             on e.report_key = r.report_key and e.extractor_version = $version
           where e.report_key is null
           order by r.report_key""",
        {"version": extractor_version},
    ).fetchall()
    return PendingReports(con, [key for (key,) in keys])


def observation_key(report_key: str, obs: Observation) -> str:
    """Stable across runs: a figure is identified by its report and its place in the text."""
    return f"{report_key}:{obs.char_start}-{obs.char_end}"


# `observation_key` over a frame of raw.observations rows.
OBSERVATION_KEY = pl.format("{}:{}-{}", "report_key", "char_start", "char_end")


def observations_frame(
    report_key: str, observations: Sequence[Observation], version: str, now: datetime
) -> pl.DataFrame:
    """The rows of raw.observations for one report's figures (empty frame for none)."""
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


OBSERVATION_COLUMNS = [
    "observation_key", "report_key", "ordinal", "sentence_index", "sentence", "char_start",
    "char_end", "quote", "value", "unit", "numerator", "denominator", "stated_percent",
    "qualifier", "as_of_date", "admin_level", "is_target", "subject", "clause",
    "parent_ordinal", *STRUCTURE_COLUMNS, "extractor_version", "extracted_at",
    # classification
    "indicator_code", "domain", "classified_by", "matched_keyword", "relevance", "base",
]


def replace_observations(
    con: duckdb.DuckDBPyConnection,
    extracted: Sequence[tuple[str, Sequence[Observation]]],
    version: str,
    now: datetime,
) -> int:
    """Replace the observations of the given reports in one transaction; returns rows written."""
    frames = [observations_frame(key, observations, version, now) for key, observations in extracted if observations]
    figures = pl.concat(frames, how="diagonal_relaxed") if frames else None
    return load_observations(con, figures, {key: len(observations) for key, observations in extracted}, version, now)


def load_observations(
    con: duckdb.DuckDBPyConnection,
    figures: pl.DataFrame | None,
    counts: Mapping[str, int],
    version: str,
    now: datetime,
) -> int:
    """Replace the observations of the reports in `counts` (report key -> its number of figures)
    by the rows of `figures`, in one transaction; returns rows written."""
    batch = figures if figures is not None and figures.height else None  # noqa: F841 - read by the SQL
    keys = pl.DataFrame({"report_key": list(counts)}, schema={"report_key": pl.String})  # noqa: F841
    with transaction(con):
        con.execute("delete from raw.observations where report_key in (select report_key from keys)")
        con.execute("delete from raw.extractions where report_key in (select report_key from keys)")
        if batch is not None:
            con.execute(
                f"insert into raw.observations ({', '.join(OBSERVATION_COLUMNS)}) "
                f"select {', '.join(OBSERVATION_COLUMNS)} from batch"
            )
        insert_rows(
            con,
            "insert into raw.extractions values (?, ?, ?, ?)",
            [(key, version, count, now) for key, count in counts.items()],
        )
    return 0 if batch is None else batch.height


def observation_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from raw.observations").fetchone()[0]
