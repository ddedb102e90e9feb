"""Raw loading: content-keyed, mirrors the folder, keeps first-load times, transactional."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.extraction.models import Observation
from dagster_project.ingestion.sources import RejectedFile, ReportRecord
from dagster_project.raw_store import (
    ensure_raw_schema,
    open_warehouse,
    replace_observations,
    reports_to_extract,
    sync_reports,
)

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def report(key: str, text: str = "100% xã có internet.") -> ReportRecord:
    return ReportRecord(
        report_key=key, content_sha256=key * 4, source_file=f"{key}.txt", source_files=(f"{key}.txt",),
        file_format="txt", encoding="utf-8", byte_size=len(text), title="t",
        published_date=date(2024, 1, 2), province_code="40", province_evidence="name:Nghệ An",
        source_site=None, text=text,
    )


def figure(start: int) -> Observation:
    return Observation(
        ordinal=0, sentence_index=0, sentence="100% xã có internet.", char_start=start,
        char_end=start + 4, quote="100%", value=100.0, unit="percent",
    )


@pytest.fixture()
def con(tmp_path: Path):
    with open_warehouse(tmp_path / "w.duckdb") as connection:
        ensure_raw_schema(connection)
        yield connection


def test_sync_keeps_first_load_time_and_removes_vanished_reports(con: duckdb.DuckDBPyConnection) -> None:
    sync_reports(con, [report("a"), report("b")], [], T0)
    counts = sync_reports(con, [report("a")], [RejectedFile("x.bin", "binary", None, 3)], T0 + timedelta(days=1))
    assert counts == {"reports": 1, "new_reports": 0, "removed_reports": 1, "rejected_files": 1}
    assert con.table("raw.reports").select("report_key, first_loaded_at, loaded_at").fetchall() == [
        ("a", T0, T0 + timedelta(days=1))
    ]
    assert con.table("raw.rejected_reports").select("source_file, reason").fetchall() == [("x.bin", "binary")]


def test_reports_are_extracted_once_per_extractor_version(con: duckdb.DuckDBPyConnection) -> None:
    sync_reports(con, [report("a")], [], T0)
    assert [k for k, _, _ in reports_to_extract(con, "v1")] == ["a"]
    assert replace_observations(con, [("a", [figure(0)])], "v1", T0) == 1
    assert list(reports_to_extract(con, "v1")) == []
    assert [k for k, _, _ in reports_to_extract(con, "v2")] == ["a"]


def test_a_report_without_figures_is_not_extracted_again(con: duckdb.DuckDBPyConnection) -> None:
    sync_reports(con, [report("a", "no figures")], [], T0)
    assert replace_observations(con, [("a", [])], "v1", T0) == 0
    assert list(reports_to_extract(con, "v1")) == []


def test_a_failed_load_leaves_the_previous_state(con: duckdb.DuckDBPyConnection) -> None:
    sync_reports(con, [report("a")], [], T0)
    broken = report("b")
    object.__setattr__(broken, "byte_size", "not a number")
    with pytest.raises(Exception):
        sync_reports(con, [broken], [], T0)
    assert con.table("raw.reports").select("report_key").fetchall() == [("a",)]


def test_a_warehouse_from_before_the_classification_columns_gains_them(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "old.duckdb") as con:
        # raw.observations as the first release created it, with a row in it
        con.execute("create schema raw")
        con.execute(
            "create table raw.observations (observation_key varchar primary key, report_key varchar not null, "
            "ordinal integer not null, sentence_index integer not null, sentence varchar not null, "
            "char_start integer not null, char_end integer not null, quote varchar not null, value double not null, "
            "unit varchar not null, numerator double, denominator double, stated_percent double, qualifier varchar, "
            "as_of_date date, admin_level varchar not null, is_target boolean not null, subject varchar not null, "
            "clause varchar not null, parent_ordinal integer, extractor_version varchar not null, "
            "extracted_at timestamptz not null)"
        )
        con.execute("insert into raw.observations values ('old:0-4', 'old', 0, 0, 's', 0, 4, '100%', 100, 'percent', "
                    "null, null, null, null, null, 'unspecified', false, '', '', null, 'v0', now())")
        ensure_raw_schema(con)
        assert con.execute("select indicator_code, domain, base from raw.observations").fetchall() == [
            ("unclassified", "other", None)
        ]
        sync_reports(con, [report("a")], [], T0)
        classified = replace(figure(0), indicator_code="broadband_internet", domain="infrastructure",
                             classified_by="subject", matched_keyword="internet", base="communes")
        replace_observations(con, [("a", [classified])], "v1", T0)
        assert con.execute(
            "select indicator_code, domain, classified_by, matched_keyword, relevance, base from raw.observations "
            "where report_key = 'a'"
        ).fetchall() == [("broadband_internet", "infrastructure", "subject", "internet", None, "communes")]


def test_a_warehouse_built_before_the_base_column_gets_it(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "old.duckdb") as old:
        old.execute("create schema raw")
        old.execute("create table raw.observations (observation_key varchar primary key, value double)")
        old.execute("insert into raw.observations values ('k', 1.0)")
        ensure_raw_schema(old)
        assert old.execute("select observation_key, base from raw.observations").fetchall() == [("k", None)]
# The raw tables as main created them before issue 8: a warehouse built then must still load.
OLD_OBSERVATIONS_DDL = """create table raw.observations (
    observation_key varchar primary key, report_key varchar not null, ordinal integer not null,
    sentence_index integer not null, sentence varchar not null, char_start integer not null,
    char_end integer not null, quote varchar not null, value double not null, unit varchar not null,
    numerator double, denominator double, stated_percent double, qualifier varchar, as_of_date date,
    admin_level varchar not null, is_target boolean not null, subject varchar not null, clause varchar not null,
    parent_ordinal integer, extractor_version varchar not null, extracted_at timestamptz not null)"""
OLD_REPORTS_DDL = """create table raw.reports (
    report_key varchar primary key, content_sha256 varchar not null, source_file varchar not null,
    source_files varchar[] not null, file_format varchar not null, encoding varchar not null,
    byte_size bigint not null, title varchar, published_date date, province_code varchar,
    province_evidence varchar, source_site varchar, text varchar not null,
    first_loaded_at timestamptz not null, loaded_at timestamptz not null)"""


def test_a_warehouse_built_before_the_structure_columns_migrates_and_loads(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "old.duckdb") as old:
        old.execute("create schema raw")
        old.execute(OLD_REPORTS_DDL)
        old.execute(OLD_OBSERVATIONS_DDL)
        ensure_raw_schema(old)
        sync_reports(old, [replace(report("a"), province_source="url", source_url="https://baolaocai.vn/x")], [], T0)
        table_figure = replace(figure(0), figure_kind="percent", scope="table", table_column="Năm 2024",
                               target_source="column", as_of_source="column")
        assert replace_observations(old, [("a", [table_figure])], "v1", T0) == 1
        assert old.sql("select province_source, source_url from raw.reports").fetchall() == [
            ("url", "https://baolaocai.vn/x")
        ]
        assert old.sql("select figure_kind, scope, table_column, target_source from raw.observations").fetchall() == [
            ("percent", "table", "Năm 2024", "column")
        ]


def test_reports_to_extract_reads_each_batchs_texts_in_key_order(con: duckdb.DuckDBPyConnection) -> None:
    sync_reports(con, [report(k, f"văn bản {k}") for k in ("c", "a", "d", "b")], [], T0)
    pending = reports_to_extract(con, "v1")
    assert len(pending) == 4
    assert [(k, text) for k, text, _ in pending[1:3]] == [("b", "văn bản b"), ("c", "văn bản c")]
    assert pending[-1][:2] == ("d", "văn bản d") and pending[4:] == []
    assert [k for k, _, _ in pending] == ["a", "b", "c", "d"]
    pending.READ_BATCH = 3  # iteration reads in batches too, across their boundary
    assert [(k, text) for k, text, _ in pending] == [(k, f"văn bản {k}") for k in "abcd"]
    # What the figure store held is loaded; the rest stays pending, texts still read on demand.
    rest = pending.without({"b", "d"})
    assert [(k, text) for k, text, _ in rest] == [("a", "văn bản a"), ("c", "văn bản c")]
