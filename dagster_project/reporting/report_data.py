"""What the report page shows, read from the warehouse as small polars frames.

The page reads aggregates only: the BI marts (one row per province and series,
or per province, series and year), the quality tables and row counts. Its size
is therefore bounded by provinces x indicators x years, never by the number of
reports or figures. Every query is a constant string over constant table names
(plus bound parameters): nothing from report text ever becomes SQL. A table that
does not exist yet (a fresh or failed warehouse) reads as empty, so the page
still renders.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import polars as pl

FACT_TABLES: tuple[str, ...] = ("fct_infrastructure", "fct_services", "fct_workforce")
DOMAINS: tuple[str, ...] = ("infrastructure", "services", "workforce")

# How many indicators get a ranking and a trend: enough to compare, few enough to read.
MAX_RANKINGS = 6
MAX_TRENDS = 6
# More lines than this in one panel is a tangle: the provinces with the most years are drawn.
MAX_TREND_LINES = 12
# A ranking of one province compares nothing.
MIN_PROVINCES_RANKED = 2
# A page must stay light for a national archive: the rest is in quality.anomalies.
MAX_ANOMALY_ROWS = 200

SERIES = ["indicator_code", "admin_level", "unit", "base"]

_LATEST_SCHEMA = {
    "province_code": pl.String, "indicator_code": pl.String, "admin_level": pl.String, "unit": pl.String,
    "base": pl.String, "value": pl.Float64, "reference_date": pl.Date, "rank_among_provinces": pl.Int64,
    "provinces_ranked": pl.Int64, "previous_value": pl.Float64, "previous_reference_date": pl.Date,
    "change_from_previous": pl.Float64,
}
_YEARLY_SCHEMA = {
    "province_code": pl.String, "indicator_code": pl.String, "admin_level": pl.String, "unit": pl.String,
    "base": pl.String, "year": pl.Int32, "value": pl.Float64,
}
_COVERAGE_SCHEMA = {"province_code": pl.String, "domain": pl.String, "year": pl.Int32, "facts": pl.Int64}
_ANOMALY_SCHEMA = {
    "check_name": pl.String, "suite": pl.String, "severity": pl.String, "province_code": pl.String,
    "source_file": pl.String, "sentence": pl.String, "message": pl.String, "first_detected_at": pl.Datetime("us"),
}
_FRESHNESS_SCHEMA = {
    "province_code": pl.String, "reports": pl.Int64, "newest_published_date": pl.Date,
    "age_days": pl.Int64, "limit_days": pl.Int64, "is_stale": pl.Boolean,
}
_SUITE_SCHEMA = {"suite": pl.String, "checks": pl.Int64, "failed": pl.Int64, "failed_errors": pl.Int64}
_ANOMALY_COUNT_SCHEMA = {"check_name": pl.String, "severity": pl.String, "n": pl.Int64}


@dataclass(frozen=True)
class Counts:
    reports: int
    facts: int
    provinces: int  # provinces with at least one figure
    open_anomalies: int


@dataclass(frozen=True)
class QualityRun:
    """The checks of the run that built the published warehouse."""

    run_id: str | None
    checked_at: datetime | None
    by_suite: pl.DataFrame  # suite, checks, failed, failed_errors

    @property
    def checks(self) -> int:
        return int(self.by_suite["checks"].sum()) if self.by_suite.height else 0

    @property
    def failed(self) -> int:
        return int(self.by_suite["failed"].sum()) if self.by_suite.height else 0

    @property
    def failed_errors(self) -> int:
        return int(self.by_suite["failed_errors"].sum()) if self.by_suite.height else 0


@dataclass(frozen=True)
class ReportData:
    counts: Counts
    # province_code -> Vietnamese name (with diacritics) and an ASCII sort key.
    province_names: dict[str, str]
    province_sort_keys: dict[str, str]
    # province_code of every ingested report, so provinces without figures still show.
    reporting_provinces: list[str]
    indicator_names: dict[str, str]
    coverage: pl.DataFrame          # province_code, domain, year (null if undated), facts
    rankings: list[pl.DataFrame]    # one frame per ranked series, best rank first
    trends: list[pl.DataFrame]      # one frame per series with several years for some province
    anomalies: pl.DataFrame         # open anomalies, most severe first, with file and sentence
    anomaly_counts: pl.DataFrame    # check_name, severity, n (over all open anomalies)
    freshness: pl.DataFrame         # one row per province with reports: newest date, age, limit
    quality: QualityRun


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = con.sql(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        params=[schema, table],
    ).fetchall()
    return bool(found and found[0][0])


def _frame(con: duckdb.DuckDBPyConnection, schema: str, table: str, query: str,
           columns: dict[str, pl.DataType], params: list | None = None) -> pl.DataFrame:
    """`query` as a frame of `columns`, or an empty one when `schema.table` does not exist."""
    if not table_exists(con, schema, table):
        return pl.DataFrame(schema=columns)
    return con.sql(query, params=params).pl().cast(columns)  # type: ignore[arg-type]


def _count(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    if not table_exists(con, schema, table):
        return 0
    rows = con.sql(f"select count(*) from {schema}.{table}").fetchall()  # constant names only
    return int(rows[0][0]) if rows else 0


def read_counts(con: duckdb.DuckDBPyConnection) -> Counts:
    provinces = 0
    if table_exists(con, "marts", "bi_coverage"):
        provinces = int(con.sql("select count(distinct province_code) from marts.bi_coverage").fetchall()[0][0])
    return Counts(
        reports=_count(con, "marts", "dim_report"),
        facts=sum(_count(con, "marts", t) for t in FACT_TABLES),
        provinces=provinces,
        open_anomalies=_count(con, "quality", "anomalies"),
    )


def read_provinces(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, str]]:
    if not table_exists(con, "marts", "dim_province"):
        return {}, {}
    rows = con.sql(
        "select province_code, province_name_vi, province_name_ascii from marts.dim_province"
    ).fetchall()
    names = {str(code): str(name or code) for code, name, _ in rows}
    # Sorting by the ASCII name keeps Đà Nẵng next to Dak Lak, not after Yên Bái.
    sort_keys = {str(code): str(ascii_name or name or code).lower() for code, name, ascii_name in rows}
    return names, sort_keys


def read_reporting_provinces(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "marts", "dim_report"):
        return []
    rows = con.sql(
        "select distinct province_code from marts.dim_report where province_code is not null"
    ).fetchall()
    return [str(r[0]) for r in rows]


def read_indicator_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not table_exists(con, "marts", "dim_indicator"):
        return {}
    rows = con.sql("select indicator_code, name_vi, name_en from marts.dim_indicator").fetchall()
    return {str(code): str(vi or en or code) for code, vi, en in rows}


def read_coverage(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return _frame(con, "marts", "bi_coverage",
                  "select province_code, domain, year, facts from marts.bi_coverage", _COVERAGE_SCHEMA)


def read_latest_values(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """bi_latest_values; `base` '' when unknown, so that series compare as plain keys."""
    return _frame(
        con, "marts", "bi_latest_values",
        "select province_code, indicator_code, admin_level, unit, coalesce(base, '') as base, value, "
        "reference_date, rank_among_provinces, provinces_ranked, previous_value, previous_reference_date, "
        "change_from_previous from marts.bi_latest_values",
        _LATEST_SCHEMA,
    )


def read_yearly_values(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return _frame(
        con, "marts", "bi_yearly_values",
        "select province_code, indicator_code, admin_level, unit, coalesce(base, '') as base, year, value "
        "from marts.bi_yearly_values",
        _YEARLY_SCHEMA,
    )


def _one_series_per_indicator(candidates: pl.DataFrame, limit: int) -> pl.DataFrame:
    """The best-scored series of each indicator (candidates come sorted best first), up to `limit`."""
    return candidates.unique(subset="indicator_code", keep="first", maintain_order=True).head(limit)


def _of_series(frame: pl.DataFrame, series: dict) -> pl.DataFrame:
    return frame.filter(*[pl.col(c) == series[c] for c in SERIES])


def pick_rankings(latest: pl.DataFrame, limit: int = MAX_RANKINGS) -> list[pl.DataFrame]:
    """The series reported by the most provinces, one per indicator, shares before counts on ties.

    A share compares provinces of any size; a count mostly says which province is larger.
    """
    candidates = (
        latest.group_by(SERIES).agg(pl.len().alias("provinces"))
        .filter(pl.col("provinces") >= MIN_PROVINCES_RANKED)
        .with_columns((pl.col("unit") != "percent").alias("not_percent"))
        .sort(["provinces", "not_percent", *SERIES], descending=[True, False, False, False, False, False])
    )
    return [
        _of_series(latest, series).sort(["rank_among_provinces", "province_code"])
        for series in _one_series_per_indicator(candidates, limit).iter_rows(named=True)
    ]


def pick_trends(yearly: pl.DataFrame, limit: int = MAX_TRENDS) -> list[pl.DataFrame]:
    """Series where some province has values of two years or more; only those provinces' lines.

    A province with one year would be a lone dot, not a trend: it shows in the ranking instead.
    Each frame keeps the lines of at most MAX_TREND_LINES provinces (those with the most years)
    and says in `provinces_with_trend` how many there were.
    """
    lines = (
        yearly.group_by([*SERIES, "province_code"]).agg(pl.len().alias("years"))
        .filter(pl.col("years") >= 2)
    )
    candidates = (
        lines.group_by(SERIES).agg(pl.len().alias("provinces"), pl.col("years").sum().alias("points"))
        .sort(["provinces", "points", *SERIES], descending=[True, True, False, False, False, False])
    )
    trends = []
    for series in _one_series_per_indicator(candidates, limit).iter_rows(named=True):
        drawn = (_of_series(lines, series).sort(["years", "province_code"], descending=[True, False])
                 .head(MAX_TREND_LINES)["province_code"])
        trends.append(
            _of_series(yearly, series)
            .filter(pl.col("province_code").is_in(drawn.implode()))
            .with_columns(pl.lit(series["provinces"], dtype=pl.Int64).alias("provinces_with_trend"))
            .sort(["province_code", "year"])
        )
    return trends


_SEVERITY_ORDER = "case a.severity when 'error' then 0 when 'warning' then 1 when 'info' then 2 else 3 end"


# `quote` holds the sentence of the flagged figure (its evidence), when there is one.
_ANOMALY_ROWS = (
    "select a.check_name, a.suite, a.severity, a.province_code, {source_file} as source_file, "
    "a.quote as sentence, a.message, a.first_detected_at at time zone 'UTC' as first_detected_at "
    "from quality.anomalies as a {join} "
    f"order by {_SEVERITY_ORDER}, a.check_name, a.province_code nulls last, source_file nulls last, "
    "a.message, a.anomaly_key limit ?"
)


def read_anomalies(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(the first MAX_ANOMALY_ROWS open anomalies with their file, counts by check and severity of all)."""
    if not table_exists(con, "quality", "anomalies"):
        return pl.DataFrame(schema=_ANOMALY_SCHEMA), pl.DataFrame(schema=_ANOMALY_COUNT_SCHEMA)
    if table_exists(con, "marts", "dim_report"):
        query = _ANOMALY_ROWS.format(source_file="r.source_file",
                                     join="left join marts.dim_report as r on r.report_key = a.report_key")
    else:
        query = _ANOMALY_ROWS.format(source_file="cast(null as varchar)", join="")
    rows = con.sql(query, params=[MAX_ANOMALY_ROWS]).pl()
    counts = con.sql(
        "select check_name, severity, count(*) as n from quality.anomalies group by check_name, severity"
    ).pl()
    return rows.cast(_ANOMALY_SCHEMA), counts.cast(_ANOMALY_COUNT_SCHEMA)  # type: ignore[arg-type]


def read_freshness(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Stale provinces first, then those without a dated report, then the oldest."""
    return _frame(
        con, "quality", "qa_province_freshness",
        "select province_code, reports, newest_published_date, age_days, limit_days, is_stale "
        "from quality.qa_province_freshness "
        "order by coalesce(is_stale, false) desc, newest_published_date is not null, age_days desc, province_code",
        _FRESHNESS_SCHEMA,
    )


def read_quality_run(con: duckdb.DuckDBPyConnection) -> QualityRun:
    empty = QualityRun(None, None, pl.DataFrame(schema=_SUITE_SCHEMA))
    if not table_exists(con, "quality", "check_results"):
        return empty
    latest = con.sql(
        "select run_id, max(checked_at) at time zone 'UTC' from quality.check_results "
        "group by run_id order by max(checked_at) desc, run_id limit 1"
    ).fetchall()
    if not latest:
        return empty
    run_id, checked_at = latest[0]
    by_suite = con.sql(
        "select suite, count(*) as checks, count(*) filter (where not passed) as failed, "
        "count(*) filter (where not passed and severity = 'error') as failed_errors "
        "from quality.check_results where run_id = ? group by suite order by suite",
        params=[run_id],
    ).pl()
    return QualityRun(str(run_id), checked_at, by_suite.cast(_SUITE_SCHEMA))  # type: ignore[arg-type]


def read_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    names, sort_keys = read_provinces(con)
    anomalies, anomaly_counts = read_anomalies(con)
    return ReportData(
        counts=read_counts(con),
        province_names=names,
        province_sort_keys=sort_keys,
        reporting_provinces=read_reporting_provinces(con),
        indicator_names=read_indicator_names(con),
        coverage=read_coverage(con),
        rankings=pick_rankings(read_latest_values(con)),
        trends=pick_trends(read_yearly_values(con)),
        anomalies=anomalies,
        anomaly_counts=anomaly_counts,
        freshness=read_freshness(con),
        quality=read_quality_run(con),
    )
