"""The report page from a small hand-made warehouse: three charts with marks, escaped text, empty case."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.reporting import build_report_page, write_report_page

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
EVIL_QUOTE = '<script>alert("x")</script> đạt 103,78%'

_FACT_COLUMNS = """(fact_key varchar, report_key varchar, province_code varchar, indicator_code varchar,
    admin_level varchar, value double, unit varchar, numerator double, denominator double,
    as_of_date date, published_date date, is_target boolean, evidence varchar, quote varchar)"""

SCHEMA = [
    "create schema marts",
    "create schema quality",
    "create table marts.dim_province (province_code varchar, province_name_vi varchar, "
    "province_name_ascii varchar)",
    "create table marts.dim_indicator (indicator_code varchar, domain varchar, name_vi varchar, "
    "name_en varchar, unit varchar)",
    "create table marts.dim_report (report_key varchar, source_file varchar, published_date date, "
    "province_code varchar)",
    f"create table marts.fct_infrastructure {_FACT_COLUMNS}",
    f"create table marts.fct_services {_FACT_COLUMNS}",
    f"create table marts.fct_workforce {_FACT_COLUMNS}",
    "create table quality.anomalies (anomaly_key varchar, check_name varchar, severity varchar, "
    "province_code varchar, message varchar, quote varchar, observed varchar, "
    "first_detected_at timestamptz)",
]

PROVINCES = [("40", "Nghệ An", "Nghe An"), ("04", "Cao Bằng", "Cao Bang"), ("72", "Tây Ninh", "Tay Ninh")]
INDICATORS = [("computers", "infrastructure", "Máy tính", "Computers", "percent"),
              ("e_documents", "services", "Văn bản điện tử", "E-documents", "percent"),
              ("officials", "workforce", "Cán bộ", "Officials", "count")]
REPORTS = [("r1", "a.txt", "2022-11-01", "40"), ("r2", "b.txt", "2024-08-14", "04"),
           ("r3", "c.txt", "2023-03-26", "72")]
# (table, report, province, indicator, value, unit, as_of, published, is_target)
FACTS = [
    ("fct_infrastructure", "r1", "40", "computers", 95.0, "percent", None, "2022-11-01", False),
    ("fct_infrastructure", "r2", "04", "computers", 100.0, "percent", "2024-06-30", "2024-08-14", False),
    ("fct_infrastructure", "r3", "72", "computers", 80.0, "percent", None, "2023-03-26", False),
    ("fct_infrastructure", "r2", "04", "computers", 100.0, "percent", None, "2024-08-14", True),
    ("fct_services", "r1", "40", "e_documents", 103.78, "percent", "2022-10-01", "2022-11-01", False),
    ("fct_services", "r2", "04", "e_documents", 90.0, "percent", None, "2024-08-14", False),
    ("fct_workforce", "r3", "72", "officials", 1200.0, "count", None, "2023-03-26", False),
]
ANOMALIES = [
    ("a1", "percent_within_0_100", "warning", "40", "A share above 100 % cannot be right", EVIL_QUOTE),
    ("a2", "newest_report_within_limit", "warning", "04", "Stale <b>report</b>", None),
    ("a3", "fact_key_unique", "error", None, "duplicate keys", None),
]


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def fill(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany("insert into marts.dim_province values (?, ?, ?)", PROVINCES)
    con.executemany("insert into marts.dim_indicator values (?, ?, ?, ?, ?)", INDICATORS)
    con.executemany("insert into marts.dim_report values (?, ?, ?, ?)", REPORTS)
    for i, (table, report, province, indicator, value, unit, as_of, published, target) in enumerate(FACTS):
        # Table names come from the constant list above, never from data.
        con.execute(
            f"insert into marts.{table} values (?, ?, ?, ?, 'province', ?, ?, null, null, ?, ?, ?, ?, ?)",
            [f"f{i}", report, province, indicator, value, unit, as_of, published, target,
             "sentence", "quote"],
        )
    con.executemany(
        "insert into quality.anomalies values (?, ?, ?, ?, ?, ?, null, timestamptz '2026-01-01 00:00:00+00')",
        ANOMALIES,
    )


@pytest.fixture()
def sample_con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A small in-memory warehouse with the marts and quality tables the page reads."""
    con = duckdb.connect()
    create_schema(con)
    fill(con)
    yield con
    con.close()


def chart_svg(page: str, chart: str) -> str:
    match = re.search(rf'<svg class="chart" data-chart="{chart}".*?</svg>', page, re.S)
    assert match, f"no {chart} chart"
    return match.group(0)


def test_page_has_three_charts_with_marks(sample_con: duckdb.DuckDBPyConnection) -> None:
    page = build_report_page(sample_con, NOW)
    coverage, timeline, anomalies = (chart_svg(page, c) for c in ("coverage", "timeline", "anomalies"))
    assert coverage.count("<rect") >= 9  # 3 provinces x 3 domains, all years
    assert "Nghệ An" in coverage and "Cao Bằng" in coverage and "2022" in coverage
    assert timeline.count("<circle") >= 5
    assert "Máy tính" in timeline
    assert "<rect" in anomalies and "percent_within_0_100" in anomalies
    assert "2026-01-02 03:04:05+00:00" in page
    assert 'data-chart=' in page and "chartsDrawn" in page


def test_header_counts(sample_con: duckdb.DuckDBPyConnection) -> None:
    page = build_report_page(sample_con, NOW)
    cards = re.findall(r'<div class="card"><b>(\d+)</b>([^<]+)</div>', page)
    assert cards == [("3", "reports"), ("7", "figures (facts)"), ("3", "open anomalies")]


def test_targets_are_not_plotted(sample_con: duckdb.DuckDBPyConnection) -> None:
    timeline = chart_svg(build_report_page(sample_con, NOW), "timeline")
    # Figure dots (r=4.5, legend dots are r=5): computers 3 actuals, e_documents 2, officials 1
    # (counts fill up to four indicators); the 100 % target of r2 is left out.
    assert timeline.count('r="4.5"') == 6


def test_report_text_is_escaped(sample_con: duckdb.DuckDBPyConnection) -> None:
    page = build_report_page(sample_con, NOW)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; đạt 103,78%" in page
    assert "<b>report</b>" not in page and "Stale &lt;b&gt;report&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # only the page's own chart counter


def test_empty_tables_render_no_data_notes() -> None:
    con = duckdb.connect()
    create_schema(con)
    page = build_report_page(con, NOW)
    assert 'class="chart"' not in page
    assert page.count('class="no-data"') == 4
    assert re.findall(r'<div class="card"><b>(\d+)</b>', page) == ["0", "0", "0"]


def test_missing_tables_render_no_data_notes() -> None:
    page = build_report_page(duckdb.connect(), NOW)
    assert page.count('class="no-data"') == 4


def test_write_is_atomic_and_readable(sample_con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old page", encoding="utf-8")
    assert write_report_page(sample_con, target, NOW) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temp file left
    assert target.stat().st_mode & 0o044 == 0o044
