"""The report page of a national archive (100,000 reports, ~4.9 million figures) stays small.

A synthetic warehouse with the tables the page reads, at the scale of 63 provinces
x ~20 portals x 10 years: the page draws aggregates (one bar or line per province
and series, one cell per province, domain and year), so its size does not grow
with reports or figures. Prints the size and the time it took.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator

import duckdb
import pytest

from dagster_project.reporting import build_report_page
from dagster_project.reporting.report_data import MAX_ANOMALY_ROWS, MAX_RANKINGS, MAX_TREND_LINES, MAX_TRENDS
from tests.unit.test_report_page import NOW, create_schema

REPORTS = 100_000
FACTS_PER_TABLE = 1_633_333  # ~49 figures per report over three fact tables
PROVINCES = 63
INDICATORS = 60
LEVELS = ("province", "district", "commune", "all_levels", "unspecified")
YEARS = range(2016, 2026)
ANOMALIES = 150_000
PAGE_LIMIT_BYTES = 2 * 1024 * 1024

NATIONAL = [
    f"insert into marts.dim_province select lpad(cast(i as varchar), 2, '0'), 'Tỉnh số ' || i, 'tinh so ' || i "
    f"from range(1, {PROVINCES + 1}) t(i)",
    f"insert into marts.dim_indicator select 'indicator_' || i, 'services', 'Chỉ tiêu số ' || i, 'Indicator ' || i, "
    f"'percent' from range({INDICATORS}) t(i)",
    f"insert into marts.dim_report select 'r' || i, 'portal-' || (i % 1260) || '/bao-cao-' || i || '.html', "
    f"date '2016-01-01' + cast(i % 3650 as integer), lpad(cast(1 + i % {PROVINCES} as varchar), 2, '0') "
    f"from range({REPORTS}) t(i)",
    *[f"insert into marts.{t} select 'f' || i from range({FACTS_PER_TABLE}) t(i)"
      for t in ("fct_infrastructure", "fct_services", "fct_workforce")],
    f"insert into marts.bi_coverage select lpad(cast(p as varchar), 2, '0'), 'Tỉnh số ' || p, d, y, 150, 7000 "
    f"from range(1, {PROVINCES + 1}) a(p), (values ('infrastructure'), ('services'), ('workforce')) b(d), "
    f"range({YEARS.start}, {YEARS.stop}) c(y)",
    # Every province reports every indicator at every level, as a share and as a count.
    f"""insert into marts.bi_latest_values
    with s as (
        select lpad(cast(p as varchar), 2, '0') as province_code, 'indicator_' || i as indicator_code,
               l as admin_level, u as unit, null as base, (p * 37 + i * 11) % 101 + 0.5 as value
        from range(1, {PROVINCES + 1}) a(p), range({INDICATORS}) b(i),
             unnest({list(LEVELS)}) c(l), unnest(['percent', 'count']) d(u)
    )
    select s.*, date '2025-06-30', rank() over w, count(*) over (partition by indicator_code, admin_level, unit),
           value - 5, date '2024-06-30', 5.0
    from s window w as (partition by indicator_code, admin_level, unit order by value desc)""",
    f"""insert into marts.bi_yearly_values
    select lpad(cast(p as varchar), 2, '0'), 'indicator_' || i, l, 'percent', null, y, (p + i + y) % 100
    from range(1, {PROVINCES + 1}) a(p), range({INDICATORS}) b(i), unnest({list(LEVELS)}) c(l),
         range({YEARS.start}, {YEARS.stop}) d(y)""",
    f"""insert into quality.anomalies
    select 'a' || i, 'percent_within_0_100', 'fact_consistency', 'warning', 'r' || (i % {REPORTS}),
           lpad(cast(1 + i % {PROVINCES} as varchar), 2, '0'), 'A share above 100 % cannot be right',
           repeat('Tính đến ngày 30/6, toàn tỉnh đã có 103,78% hồ sơ được số hóa. ', 6),
           timestamptz '2025-01-01 00:00:00+00'
    from range({ANOMALIES}) t(i)""",
    """insert into quality.check_results
    select 'run-' || r, timestamptz '2025-01-01 00:00:00+00' + to_hours(r), 'fact_consistency', 'check_' || c,
           'warning', c % 7 <> 0
    from range(200) a(r), range(150) b(c)""",
    f"insert into quality.qa_province_freshness select lpad(cast(p as varchar), 2, '0'), 1500, "
    f"date '2025-06-30', 186, 365, false from range(1, {PROVINCES + 1}) t(p)",
]


@pytest.fixture(scope="module")
def national() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    create_schema(con)
    for statement in NATIONAL:
        con.execute(statement)
    yield con
    con.close()


def test_the_page_of_a_national_archive_stays_under_2_mb(national: duckdb.DuckDBPyConnection) -> None:
    (facts,) = national.execute(
        "select (select count(*) from marts.fct_infrastructure) + (select count(*) from marts.fct_services)"
        " + (select count(*) from marts.fct_workforce)"
    ).fetchone()
    started = time.perf_counter()
    page = build_report_page(national, NOW)
    elapsed = time.perf_counter() - started
    size = len(page.encode("utf-8"))
    print(f"\nreport page for {REPORTS:,} reports, {facts:,} figures, {ANOMALIES:,} open anomalies: "
          f"{size / 1024:,.0f} KiB, built in {elapsed:.2f}s")
    assert size < PAGE_LIMIT_BYTES
    assert f"<b>{REPORTS // 1000}.000</b>báo cáo" in page


def test_marks_are_bounded_by_provinces_and_series_not_by_figures(national: duckdb.DuckDBPyConnection) -> None:
    page = build_report_page(national, NOW)
    rankings = re.findall(r'data-chart="ranking".*?</svg>', page, re.S)
    trends = re.findall(r'data-chart="trend".*?</svg>', page, re.S)
    assert len(rankings) == MAX_RANKINGS and len(trends) == MAX_TRENDS
    assert all(r.count('class="bar"') == PROVINCES for r in rankings)
    assert all(t.count('class="trend-line"') == MAX_TREND_LINES for t in trends)
    assert all(f"{MAX_TREND_LINES} trong {PROVINCES} tỉnh" in t for t in trends)
    anomaly_rows = re.search(r'<section id="anomalies">.*?</section>', page, re.S).group(0).count("<tr>") - 1
    assert anomaly_rows == MAX_ANOMALY_ROWS
    assert "trên 150.000 bất thường" in page
