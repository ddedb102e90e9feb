"""The report page from a small hand-made warehouse: Vietnamese, local time, rankings, trends,
anomalies with their file and sentence, freshness with age and limit, the quality section."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.reporting import build_report_page, write_report_page
from dagster_project.reporting.labels_vi import format_number, format_time

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)  # 10:04 in Vietnam
EVIL_QUOTE = '<script>alert("x")</script> đạt 103,78%'

SCHEMA = [
    "create schema marts",
    "create schema quality",
    "create table marts.dim_province (province_code varchar, province_name_vi varchar, province_name_ascii varchar)",
    "create table marts.dim_indicator (indicator_code varchar, domain varchar, name_vi varchar, name_en varchar, "
    "unit varchar)",
    "create table marts.dim_report (report_key varchar, source_file varchar, published_date date, "
    "province_code varchar)",
    "create table marts.fct_infrastructure (fact_key varchar)",
    "create table marts.fct_services (fact_key varchar)",
    "create table marts.fct_workforce (fact_key varchar)",
    "create table marts.bi_coverage (province_code varchar, province_name_vi varchar, domain varchar, "
    "year integer, reports bigint, facts bigint)",
    "create table marts.bi_latest_values (province_code varchar, indicator_code varchar, admin_level varchar, "
    "unit varchar, base varchar, value double, reference_date date, rank_among_provinces bigint, "
    "provinces_ranked bigint, previous_value double, previous_reference_date date, change_from_previous double)",
    "create table marts.bi_yearly_values (province_code varchar, indicator_code varchar, admin_level varchar, "
    "unit varchar, base varchar, year integer, value double)",
    "create table quality.anomalies (anomaly_key varchar, check_name varchar, suite varchar, severity varchar, "
    "report_key varchar, province_code varchar, message varchar, quote varchar, first_detected_at timestamptz)",
    "create table quality.check_results (run_id varchar, checked_at timestamptz, suite varchar, "
    "check_name varchar, severity varchar, passed boolean)",
    "create table quality.qa_province_freshness (province_code varchar, reports bigint, "
    "newest_published_date date, age_days bigint, limit_days integer, is_stale boolean)",
]

PROVINCES = [("40", "Nghệ An", "Nghe An"), ("04", "Cao Bằng", "Cao Bang"), ("72", "Tây Ninh", "Tay Ninh")]
INDICATORS = [("computers", "infrastructure", "Máy tính", "Computers", "percent"),
              ("e_documents", "services", "Văn bản điện tử", "E-documents", "percent"),
              ("officials", "workforce", "Cán bộ", "Officials", "count")]
REPORTS = [("r1", "nghe-an-2022.txt", "2022-11-01", "40"), ("r2", "cao-bang-2024.txt", "2024-08-14", "04"),
           ("r3", "tay-ninh-2023.txt", "2023-03-26", "72")]
COVERAGE = [("40", "Nghệ An", "infrastructure", 2022, 1, 4), ("40", "Nghệ An", "services", 2022, 1, 2),
            ("04", "Cao Bằng", "infrastructure", 2024, 1, 3), ("72", "Tây Ninh", "workforce", None, 1, 1)]
# (province, indicator, level, unit, base, value, date, rank, ranked, previous, previous date, change)
LATEST = [
    ("04", "computers", "commune", "percent", None, 100.0, "2024-06-30", 1, 3, 90.0, "2023-06-30", 10.0),
    ("40", "computers", "commune", "percent", None, 95.0, "2022-11-01", 2, 3, None, None, None),
    ("72", "computers", "commune", "percent", None, 80.0, "2023-03-26", 3, 3, None, None, None),
    # The same indicator as a count, and e-documents reported by one province only: not ranked.
    ("40", "computers", "commune", "count", None, 460.0, "2022-11-01", 1, 1, None, None, None),
    ("40", "e_documents", "province", "percent", "agencies", 103.78, "2022-10-01", 1, 1, None, None, None),
    ("04", "officials", "district", "count", None, 1200.0, None, 1, 2, None, None, None),
    ("72", "officials", "district", "count", None, 1100.0, "2023-03-26", 2, 2, None, None, None),
]
# (province, indicator, level, unit, base, year, value): Cao Bằng has three years, Nghệ An one.
YEARLY = [
    ("04", "computers", "commune", "percent", None, 2022, 70.0),
    ("04", "computers", "commune", "percent", None, 2023, 90.0),
    ("04", "computers", "commune", "percent", None, 2024, 100.0),
    ("40", "computers", "commune", "percent", None, 2022, 95.0),
]
ANOMALIES = [
    ("a1", "percent_within_0_100", "fact_consistency", "warning", "r1", "40",
     "A share above 100 % cannot be right", EVIL_QUOTE),
    ("a2", "newest_report_within_limit", "province_freshness", "warning", None, "04", "Stale <b>report</b>", None),
    ("a3", "fact_key_unique", "fact_consistency", "error", None, None, "duplicate keys", None),
]
# An older run with other numbers: the page shows the latest run only.
CHECK_RESULTS = [
    ("old", "2025-12-01 00:00:00+00", "fact_consistency", "percent_within_0_100", "warning", False),
    ("old", "2025-12-01 00:00:00+00", "fact_consistency", "value_present", "error", False),
    ("new", "2026-01-02 02:00:00+00", "fact_consistency", "percent_within_0_100", "warning", False),
    ("new", "2026-01-02 02:00:00+00", "fact_consistency", "value_present", "error", True),
    ("new", "2026-01-02 02:00:00+00", "dbt_tests", "unique_fact_key", "error", True),
    ("new", "2026-01-02 02:00:00+00", "province_freshness", "newest_report_within_limit", "warning", False),
]
FRESHNESS = [("04", 1, "2024-08-14", 506, 365, True), ("72", 2, "2025-10-01", 93, 365, False),
             ("40", 1, None, None, 365, None)]


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def fill(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany("insert into marts.dim_province values (?, ?, ?)", PROVINCES)
    con.executemany("insert into marts.dim_indicator values (?, ?, ?, ?, ?)", INDICATORS)
    con.executemany("insert into marts.dim_report values (?, ?, ?, ?)", REPORTS)
    con.executemany("insert into marts.fct_infrastructure values (?)", [(f"i{i}",) for i in range(4)])
    con.executemany("insert into marts.fct_services values (?)", [(f"s{i}",) for i in range(2)])
    con.executemany("insert into marts.fct_workforce values (?)", [("w0",)])
    con.executemany("insert into marts.bi_coverage values (?, ?, ?, ?, ?, ?)", COVERAGE)
    con.executemany("insert into marts.bi_latest_values values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", LATEST)
    con.executemany("insert into marts.bi_yearly_values values (?, ?, ?, ?, ?, ?, ?)", YEARLY)
    con.executemany(
        "insert into quality.anomalies values (?, ?, ?, ?, ?, ?, ?, ?, timestamptz '2026-01-01 17:30:00+00')",
        ANOMALIES,
    )
    con.executemany("insert into quality.check_results values (?, ?, ?, ?, ?, ?)", CHECK_RESULTS)
    con.executemany("insert into quality.qa_province_freshness values (?, ?, ?, ?, ?, ?)", FRESHNESS)


@pytest.fixture()
def sample_con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A small in-memory warehouse with the marts and quality tables the page reads."""
    con = duckdb.connect()
    create_schema(con)
    fill(con)
    yield con
    con.close()


@pytest.fixture()
def page(sample_con: duckdb.DuckDBPyConnection) -> str:
    return build_report_page(sample_con, NOW)


def charts(page: str, kind: str) -> list[str]:
    return re.findall(rf'<svg class="chart" data-chart="{kind}".*?</svg>', page, re.S)


def section(page: str, key: str) -> str:
    match = re.search(rf'<section id="{key}">.*?</section>', page, re.S)
    assert match, f"no section {key}"
    return match.group(0)


def test_the_page_is_vietnamese_in_local_time(page: str) -> None:
    assert '<html lang="vi">' in page
    assert "<title>Chuyển đổi số của các tỉnh: báo cáo từ kho dữ liệu</title>" in page
    for heading in ("Xếp hạng các tỉnh theo chỉ tiêu chính", "Xu hướng theo năm", "Chất lượng dữ liệu",
                    "Bất thường đang mở", "Độ mới của số liệu theo tỉnh"):
        assert f"<h2>{heading}" in page
    assert "10:04 ngày 02/01/2026" in page and 'datetime="2026-01-02T10:04:05+07:00"' in page
    assert "(giờ Việt Nam)" in page


def test_header_counts(page: str) -> None:
    cards = re.findall(r'<div class="card"><b>([\d.]+)</b>([^<]+)</div>', page)
    assert cards == [("3", "báo cáo"), ("7", "số liệu trích được"), ("3", "tỉnh có số liệu"),
                     ("3", "bất thường đang mở"), ("2", "kiểm tra không đạt")]


def test_rankings_order_provinces_within_one_series(page: str) -> None:
    rankings = charts(page, "ranking")
    # computers (percent, 3 provinces) and officials (count, 2); a series of one province is not ranked,
    # and the count series of computers gives way to its percent series.
    assert len(rankings) == 2
    computers, officials = rankings
    assert "Máy tính" in computers and "cấp xã · tỷ lệ %" in computers and "3 tỉnh" in computers
    labels = re.findall(r'class="row-label">([^<]+)</text>', computers)
    assert labels == ["1. Cao Bằng", "2. Nghệ An", "3. Tây Ninh"]
    assert computers.count('class="bar"') == 3
    assert "100% (2024)" in computers and "95% (2022)" in computers
    assert "so với 30/06/2023: +10 điểm %" in computers
    assert "cấp huyện · số lượng" in officials and "1.200 (không rõ năm)" in officials
    assert "460" not in computers


def test_admin_levels_and_units_are_words_not_codes(page: str) -> None:
    visible = re.sub(r"<title>.*?</title>|<[^>]+>", " ", section(page, "rankings"))
    assert "cấp xã" in visible and "cấp huyện" in visible
    assert "commune" not in visible and "district" not in visible and "percent" not in visible


def test_trends_draw_one_line_per_province_with_several_years(page: str) -> None:
    (trend,) = charts(page, "trend")
    assert trend.count('class="trend-line"') == 1  # Cao Bằng; Nghệ An has one year only
    assert trend.count("<circle") == 3
    assert "Cao Bằng" in trend and "Nghệ An" not in trend
    assert "2022: 70%; 2023: 90%; 2024: 100%" in trend


def test_without_several_years_the_page_says_so(sample_con: duckdb.DuckDBPyConnection) -> None:
    sample_con.execute("delete from marts.bi_yearly_values where year < 2024")
    page = build_report_page(sample_con, NOW)
    assert charts(page, "trend") == []
    assert "Chưa có tỉnh nào có số liệu của cùng một chỉ tiêu trong từ hai năm trở lên" in section(page, "trends")


def test_anomalies_show_the_report_file_and_sentence(page: str) -> None:
    table = section(page, "anomalies")
    row = next(r for r in re.findall(r"<tr>.*?</tr>", table, re.S) if "percent_within_0_100" in r)
    assert "Tỷ lệ ngoài khoảng 0–100%" in row and "cảnh báo" in row and "Nghệ An" in row
    assert "nghe-an-2022.txt" in row
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; đạt 103,78%" in row
    assert format_time(datetime(2026, 1, 1, 17, 30, tzinfo=timezone.utc)) == "00:30 ngày 02/01/2026"
    assert "00:30 ngày 02/01/2026" in row
    # Most severe first.
    assert table.index("fact_key_unique") < table.index("percent_within_0_100")


def test_freshness_rows_give_the_age_and_the_limit(page: str) -> None:
    # Stale provinces first, then those whose freshness is unknown, then the rest by age.
    rows = re.findall(r"<tr>(.*?)</tr>", section(page, "freshness"), re.S)[1:]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in rows]
    assert cells == [
        ["Cao Bằng", "1", "14/08/2024", "506", "365", "Quá hạn"],
        ["Nghệ An", "1", "không rõ", "–", "365", "Không báo cáo nào ghi ngày"],
        ["Tây Ninh", "2", "01/10/2025", "93", "365", "Còn mới"],
    ]


def test_quality_section_counts_the_latest_run_only(page: str) -> None:
    quality = section(page, "quality")
    assert "<b>4</b> kiểm tra, <b>2</b> không đạt (0 lỗi, 2 cảnh báo); <b>3</b> bất thường đang mở" in quality
    assert "09:00 ngày 02/01/2026" in quality
    suites = re.findall(r"<tr><td>([^<]+)<span", quality)
    assert suites == ["Kiểm thử dbt (khóa, quan hệ, hợp đồng)", "Tính hợp lệ của số liệu", "Độ mới theo tỉnh"]
    (chart,) = charts(page, "anomalies")
    assert "Tỷ lệ ngoài khoảng 0–100%" in chart and "lỗi" in chart


def test_report_text_is_escaped(page: str) -> None:
    assert "<script>alert" not in page
    assert "<b>report</b>" not in page and "Stale &lt;b&gt;report&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # only the page's own chart counter


def test_vietnamese_numbers() -> None:
    assert format_number(10368) == "10.368"
    assert format_number(103.78) == "103,78"
    assert format_number(1234567.5) == "1.234.567,5"
    assert format_number(0.05) == "0,05"


def test_empty_tables_render_notes() -> None:
    con = duckdb.connect()
    create_schema(con)
    page = build_report_page(con, NOW)
    assert 'class="chart"' not in page
    # rankings, trends, coverage, quality (no run, no anomalies), anomaly table, freshness
    assert page.count('class="no-data"') == 7
    assert re.findall(r'<div class="card"><b>(\d+)</b>', page) == ["0"] * 5


def test_missing_tables_render_notes() -> None:
    page = build_report_page(duckdb.connect(), NOW)
    assert page.count('class="no-data"') == 7


def test_write_is_atomic_and_readable(sample_con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old page", encoding="utf-8")
    assert write_report_page(sample_con, target, NOW) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temp file left
    assert target.stat().st_mode & 0o044 == 0o044
