"""What the report page shows, read from the warehouse as polars frames.

Every query is a constant string over constant table names (plus bound
parameters): nothing from report text ever becomes SQL. A table that does not
exist yet (a fresh or failed warehouse) reads as empty, so the page still renders.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

# Domain -> fact table: the marts contract of shared/DESIGN.md.
FACT_TABLES: dict[str, str] = {
    "infrastructure": "fct_infrastructure",
    "services": "fct_services",
    "workforce": "fct_workforce",
}
DOMAINS: tuple[str, ...] = tuple(FACT_TABLES)

# How many indicators the timeline shows: enough to see trends, few enough to read.
MIN_MAIN_INDICATORS = 4
MAX_MAIN_INDICATORS = 6
# A page must stay loadable in a browser even for a national archive.
MAX_ANOMALY_ROWS = 1000

_COVERAGE_SCHEMA = {"province_code": pl.String, "domain": pl.String, "year": pl.Int32, "facts": pl.Int64}
_TIMELINE_SCHEMA = {
    "indicator_code": pl.String, "unit": pl.String, "province_code": pl.String,
    "day": pl.Date, "value": pl.Float64, "admin_level": pl.String,
}
_ANOMALY_SCHEMA = {
    "check_name": pl.String, "severity": pl.String, "province_code": pl.String,
    "message": pl.String, "quote": pl.String, "first_detected_at": pl.String,
}


@dataclass(frozen=True)
class Counts:
    reports: int
    facts: int
    open_anomalies: int


@dataclass(frozen=True)
class ReportData:
    counts: Counts
    # province_code -> Vietnamese name (with diacritics) and an ASCII sort key.
    province_names: dict[str, str]
    province_sort_keys: dict[str, str]
    # province_code of every ingested report, so provinces without figures still show.
    reporting_provinces: list[str]
    coverage: pl.DataFrame        # province_code, domain, year (null if undated), facts
    timeline: pl.DataFrame        # facts of the main indicators, dated, targets excluded
    undated_main_facts: int       # main-indicator facts left out of the timeline (no date)
    indicator_names: dict[str, str]
    anomalies: pl.DataFrame       # open anomalies, most severe first
    anomaly_counts: pl.DataFrame  # check_name, severity, n (over all open anomalies)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = con.sql(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        params=[schema, table],
    ).fetchall()
    return bool(found and found[0][0])


def _existing_fact_tables(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {d: t for d, t in FACT_TABLES.items() if table_exists(con, "marts", t)}


def _facts_union(con: duckdb.DuckDBPyConnection, columns: str) -> str | None:
    """A union of the existing fact tables with a `domain` column; None when there are none.

    Table and column names are constants of this module, never data.
    """
    parts = [
        f"select '{domain}' as domain, {columns} from marts.{table}"
        for domain, table in _existing_fact_tables(con).items()
    ]
    return " union all ".join(parts) if parts else None


def _count(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    if not table_exists(con, schema, table):
        return 0
    rows = con.sql(f"select count(*) from {schema}.{table}").fetchall()
    return int(rows[0][0]) if rows else 0


def read_counts(con: duckdb.DuckDBPyConnection) -> Counts:
    facts = sum(_count(con, "marts", t) for t in FACT_TABLES.values())
    return Counts(
        reports=_count(con, "marts", "dim_report"),
        facts=facts,
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


def read_coverage(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    union = _facts_union(con, "province_code, coalesce(as_of_date, published_date) as day")
    if union is None:
        return pl.DataFrame(schema=_COVERAGE_SCHEMA)
    frame = con.sql(
        f"select province_code, domain, cast(year(day) as integer) as year, count(*) as facts "
        f"from ({union}) group by all"
    ).pl()
    return frame.cast(_COVERAGE_SCHEMA)  # type: ignore[arg-type]


def read_indicator_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not table_exists(con, "marts", "dim_indicator"):
        return {}
    rows = con.sql("select indicator_code, name_vi, name_en from marts.dim_indicator").fetchall()
    return {str(code): str(vi or en or code) for code, vi, en in rows}


def read_actual_figures(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every non-target figure with a value; `day` is null when the figure has no date.

    Targets ("phấn đấu đạt 90% vào 2025") are plans, not observations: plotting
    them with the actuals would draw trends that never happened.
    """
    union = _facts_union(
        con,
        "indicator_code, unit, province_code, coalesce(as_of_date, published_date) as day, "
        "value, admin_level, is_target",
    )
    if union is None:
        return pl.DataFrame(schema=_TIMELINE_SCHEMA)
    frame = con.sql(
        f"select indicator_code, unit, province_code, day, value, admin_level from ({union}) "
        f"where value is not null and indicator_code is not null and not coalesce(is_target, false)"
    ).pl()
    return frame.cast(_TIMELINE_SCHEMA)  # type: ignore[arg-type]


def pick_main_indicators(figures: pl.DataFrame) -> pl.DataFrame:
    """The (indicator_code, unit) pairs the timeline shows.

    Percentages are preferred because they compare across provinces of any size,
    counts only fill up to MIN_MAIN_INDICATORS. A pair, not a code, because one
    indicator can be stated both as a count and as a share, which need their own axes.
    """
    ranked = (
        figures.filter(pl.col("day").is_not_null())
        .group_by("indicator_code", "unit")
        .agg(pl.len().alias("facts"), pl.col("province_code").n_unique().alias("provinces"))
        .sort(["facts", "provinces", "indicator_code", "unit"], descending=[True, True, False, False])
    )
    percent = ranked.filter((pl.col("unit") == "percent") & (pl.col("facts") >= 2)).head(MAX_MAIN_INDICATORS)
    if percent.height >= MIN_MAIN_INDICATORS:
        return percent.select("indicator_code", "unit")
    others = ranked.join(percent, on=["indicator_code", "unit"], how="anti")
    filler = others.head(MIN_MAIN_INDICATORS - percent.height)
    return pl.concat([percent, filler]).select("indicator_code", "unit")


def read_timeline(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, int]:
    """Dated figures of the main indicators, and how many of their figures had no date."""
    figures = read_actual_figures(con)
    main = pick_main_indicators(figures)
    chosen = figures.join(main, on=["indicator_code", "unit"], how="semi")
    undated = chosen.filter(pl.col("day").is_null()).height
    return chosen.filter(pl.col("day").is_not_null()), undated


_SEVERITY_ORDER = "case severity when 'error' then 0 when 'warning' then 1 when 'info' then 2 else 3 end"


def read_anomalies(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(the first MAX_ANOMALY_ROWS open anomalies, counts by check and severity of all of them)."""
    if not table_exists(con, "quality", "anomalies"):
        empty_counts = pl.DataFrame(schema={"check_name": pl.String, "severity": pl.String, "n": pl.Int64})
        return pl.DataFrame(schema=_ANOMALY_SCHEMA), empty_counts
    rows = con.sql(
        "select check_name, severity, province_code, message, quote, "
        "cast(date_trunc('second', first_detected_at) as varchar) as first_detected_at "
        "from quality.anomalies "
        f"order by {_SEVERITY_ORDER}, check_name, province_code nulls last, message limit ?",
        params=[MAX_ANOMALY_ROWS],
    ).pl()
    counts = con.sql(
        "select check_name, severity, count(*) as n from quality.anomalies group by check_name, severity "
        f"order by check_name, {_SEVERITY_ORDER}"
    ).pl()
    return rows.cast(_ANOMALY_SCHEMA), counts.cast({"n": pl.Int64})  # type: ignore[arg-type]


def read_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    names, sort_keys = read_provinces(con)
    timeline, undated = read_timeline(con)
    anomalies, anomaly_counts = read_anomalies(con)
    return ReportData(
        counts=read_counts(con),
        province_names=names,
        province_sort_keys=sort_keys,
        reporting_provinces=read_reporting_provinces(con),
        coverage=read_coverage(con),
        timeline=timeline,
        undated_main_facts=undated,
        indicator_names=read_indicator_names(con),
        anomalies=anomalies,
        anomaly_counts=anomaly_counts,
    )
