"""The charts of the report page as inline SVG strings, labelled in Vietnamese.

Drawn in Python rather than by a JS library so the page needs nothing from the
network and looks the same in any browser, e-mail client or archive. A chart
with nothing to draw returns a note instead of an empty <svg>. Every chart
draws aggregates: one bar per province and series, one line per province and
series, one cell per province, domain and year; never one mark per figure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import polars as pl

from dagster_project.reporting.labels_vi import (
    CHECKS,
    DOMAIN_LETTERS,
    DOMAINS,
    SEVERITIES,
    format_date,
    format_number,
    format_value,
    series_label,
    word,
)
from dagster_project.reporting.svg import (
    circle,
    esc,
    line,
    nice_ticks,
    polyline_path,
    rect,
    shorten,
    svg_open,
    text,
)

UNKNOWN_PROVINCE = "(chưa rõ tỉnh)"
# Tableau 10: distinguishable and colour-blind tolerant; repeats past ten provinces,
# which is why every line is also labelled with its province.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
BAR_COLOUR = "#4e79a7"
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#f0a202", "info": "#4e79a7"}
OTHER_SEVERITY_COLOUR = "#9e9e9e"
# Past this many years the per-year columns no longer fit 1240 px: keep the latest.
MAX_YEAR_GROUPS = 8


def no_data(what: str) -> str:
    return f'<p class="no-data">{esc(what)}</p>'


def province_label(code: str | None, names: dict[str, str]) -> str:
    if code is None:
        return UNKNOWN_PROVINCE
    return names.get(code, code)


def series_title(first: dict, indicator_names: dict[str, str]) -> tuple[str, str]:
    """(indicator name, 'cấp xã · tỷ lệ % · hộ gia đình') for a row of a series."""
    code = first["indicator_code"]
    return indicator_names.get(code, code), series_label(first["admin_level"], first["unit"], first["base"] or None)


# --- ranking: one bar per province, best first -------------------------------------------

_RANK_W, _RANK_ROW, _RANK_TOP = 600.0, 20.0, 46.0
_RANK_LABEL, _RANK_VALUE = 180.0, 150.0


def ranking_chart(series: pl.DataFrame, indicator_names: dict[str, str], names: dict[str, str]) -> str:
    """One province per row, ranked as bi_latest_values ranks it, with its value and date."""
    rows = series.to_dicts()
    title, subtitle = series_title(rows[0], indicator_names)
    unit = rows[0]["unit"]
    highest = max(r["value"] for r in rows)
    scale_max = max(highest, 100.0) if unit == "percent" else highest
    bar_room = _RANK_W - _RANK_LABEL - _RANK_VALUE
    height = _RANK_TOP + _RANK_ROW * len(rows) + 8
    parts = [svg_open(_RANK_W, height, "ranking", f"Xếp hạng các tỉnh: {title}"),
             text(0, 16, shorten(title, 80), class_="panel-title"),
             text(0, 33, f"{subtitle} · {len(rows)} tỉnh · số liệu mới nhất của mỗi tỉnh", class_="panel-code")]
    for i, row in enumerate(rows):
        y = _RANK_TOP + i * _RANK_ROW
        province = province_label(row["province_code"], names)
        width = bar_room * (row["value"] / scale_max) if scale_max > 0 else 0.0
        value = format_value(row["value"], unit)
        when = format_date(row["reference_date"])
        tip = (f"{row['rank_among_provinces']}/{row['provinces_ranked']} · {province}: {value} "
               f"(số liệu ngày {when})")
        if row["change_from_previous"] is not None:
            tip += (f"; so với {format_date(row['previous_reference_date'])}: "
                    f"{'+' if row['change_from_previous'] >= 0 else ''}{format_number(row['change_from_previous'])}"
                    f"{' điểm %' if unit == 'percent' else ''}")
        parts.append(text(_RANK_LABEL - 8, y + 14, f"{row['rank_among_provinces']}. {shorten(province, 22)}",
                          text_anchor="end", class_="row-label"))
        parts.append(rect(_RANK_LABEL, y + 3, max(width, 1.0), _RANK_ROW - 6, tip, fill=BAR_COLOUR, rx=2,
                          class_="bar"))
        year = row["reference_date"].year if row["reference_date"] else "không rõ năm"
        parts.append(text(_RANK_LABEL + width + 6, y + 14, f"{value} ({year})", class_="bar-label"))
    parts.append("</svg>")
    return "".join(parts)


# --- trends: one line per province with several years -------------------------------------

_TREND_W, _TREND_H = 600.0, 300.0
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 64.0, 130.0, 46.0, 30.0


@dataclass(frozen=True)
class _Plot:
    left: float
    top: float
    width: float
    height: float
    first_year: int
    last_year: int
    y_max: float

    def x(self, year: int) -> float:
        span = max(self.last_year - self.first_year, 1)
        return self.left + self.width * (year - self.first_year) / span

    def y(self, value: float) -> float:
        return self.top + self.height - self.height * (value / self.y_max if self.y_max else 0)


def trend_chart(series: pl.DataFrame, indicator_names: dict[str, str], names: dict[str, str],
                sort_keys: dict[str, str]) -> str:
    """One line per province through its yearly values (bi_yearly_values), labelled at its end."""
    rows = series.to_dicts()
    title, subtitle = series_title(rows[0], indicator_names)
    unit = rows[0]["unit"]
    years = [r["year"] for r in rows]
    highest = max(r["value"] for r in rows)
    ticks = nice_ticks(max(highest, 100.0) if unit == "percent" else highest)
    plot = _Plot(_PLOT_LEFT, _PLOT_TOP, _TREND_W - _PLOT_LEFT - _PLOT_RIGHT,
                 _TREND_H - _PLOT_TOP - _PLOT_BOTTOM, min(years), max(years), ticks[-1])
    provinces = sorted({r["province_code"] for r in rows}, key=lambda c: (sort_keys.get(c, c), c))
    parts = [svg_open(_TREND_W, _TREND_H, "trend", f"Xu hướng theo năm: {title}"),
             text(0, 16, shorten(title, 80), class_="panel-title"),
             text(0, 33, _trend_subtitle(subtitle, len(provinces), rows[0]["provinces_with_trend"]),
                  class_="panel-code")]
    parts += _trend_axes(plot, ticks, unit)
    ends = []
    for i, code in enumerate(provinces):
        points = [(r["year"], r["value"]) for r in rows if r["province_code"] == code]
        colour = PALETTE[i % len(PALETTE)]
        parts += _trend_line(plot, points, colour, province_label(code, names), unit)
        ends.append((plot.y(points[-1][1]), plot.x(points[-1][0]), colour, province_label(code, names)))
    parts += _end_labels(ends, plot)
    parts.append("</svg>")
    return "".join(parts)


_LABEL_GAP = 12.0


def _end_labels(ends: list[tuple[float, float, str, str]], plot: _Plot) -> list[str]:
    """A province name at the end of each line, pushed apart so that close lines stay legible."""
    placed: list[float] = []
    for y, *_ in sorted(ends):
        placed.append(max(y, placed[-1] + _LABEL_GAP) if placed else y)
    overflow = (placed[-1] - (plot.top + plot.height)) if placed else 0.0
    if overflow > 0:  # shift the stack up, never above the plot
        placed = [max(y - overflow, plot.top + i * _LABEL_GAP) for i, y in enumerate(placed)]
    parts = []
    for (y, x, colour, province), label_y in zip(sorted(ends), placed):
        parts.append(line(x + 2, y, x + 10, label_y, stroke=colour, stroke_width=1))
        parts.append(text(x + 12, label_y + 4, shorten(province, 18), class_="line-label"))
    return parts


def _trend_subtitle(subtitle: str, drawn: int, with_trend: int) -> str:
    if with_trend > drawn:
        return f"{subtitle} · {drawn} trong {with_trend} tỉnh có nhiều năm số liệu nhất"
    return f"{subtitle} · {drawn} tỉnh có từ hai năm số liệu"


def _trend_axes(plot: _Plot, ticks: list[float], unit: str) -> list[str]:
    parts = []
    for tick in ticks:
        y = plot.y(tick)
        parts.append(line(plot.left, y, plot.left + plot.width, y, stroke="#eef0f3"))
        parts.append(text(plot.left - 6, y + 4, format_value(tick, unit), text_anchor="end", class_="tick"))
    step = max(1, math.ceil((plot.last_year - plot.first_year + 1) / 8))
    for year in range(plot.first_year, plot.last_year + 1, step):
        x = plot.x(year)
        parts.append(line(x, plot.top + plot.height, x, plot.top + plot.height + 4, stroke="#6b7280"))
        parts.append(text(x, plot.top + plot.height + 17, year, text_anchor="middle", class_="tick"))
    bottom = plot.top + plot.height
    parts.append(line(plot.left, bottom, plot.left + plot.width, bottom, stroke="#6b7280"))
    return parts


def _trend_line(plot: _Plot, points: list[tuple[int, float]], colour: str, province: str, unit: str) -> list[str]:
    xy = [(plot.x(year), plot.y(value)) for year, value in points]
    history = "; ".join(f"{year}: {format_value(value, unit)}" for year, value in points)
    parts = [polyline_path(xy, stroke=colour, stroke_width=2.5, class_="trend-line")]
    parts += [circle(x, y, 3.5, f"{province} · {year}: {format_value(value, unit)}", fill=colour)
              for (x, y), (year, value) in zip(xy, points)]
    parts.append(f"<desc>{esc(province)}: {esc(history)}</desc>")
    return parts


# --- coverage heatmap ------------------------------------------------------------------

@dataclass(frozen=True)
class _Group:
    """One block of three domain columns: all years together, or one year."""

    label: str
    year: int | None
    cell_width: float
    is_total: bool = False


def _cell_colour(n: int, maximum: int) -> tuple[str, bool]:
    """(fill, is dark); the square root keeps a province with 2 figures visible next to one with 200."""
    if n <= 0 or maximum <= 0:
        return "#f3f4f6", False
    t = math.sqrt(n / maximum)
    low, high = (235, 243, 251), (8, 81, 156)
    r, g, b = (round(lo + (hi - lo) * t) for lo, hi in zip(low, high))
    return f"#{r:02x}{g:02x}{b:02x}", t > 0.55


def _coverage_groups(years: list[int | None]) -> tuple[list[_Group], int]:
    """Column groups and how many older years were left out for width."""
    dated = sorted(y for y in years if y is not None)
    shown = dated[-MAX_YEAR_GROUPS:]
    groups = [_Group("Mọi năm", None, 92.0, is_total=True)]
    groups += [_Group(str(y), y, 26.0) for y in shown]
    if any(y is None for y in years):
        groups.append(_Group("không rõ năm", None, 26.0))
    return groups, len(dated) - len(shown)


def _coverage_rows(coverage: pl.DataFrame, reporting: list[str], sort_keys: dict[str, str],
                   names: dict[str, str]) -> list[str | None]:
    """Provinces with figures or reports; unknown province last."""
    codes: set[str | None] = set(coverage["province_code"].to_list()) | set(reporting)
    known = sorted((c for c in codes if c is not None),
                   key=lambda c: (sort_keys.get(c, names.get(c, c).lower()), c))
    return [*known, *([None] if None in codes else [])]


def coverage_chart(coverage: pl.DataFrame, reporting: list[str], names: dict[str, str],
                   sort_keys: dict[str, str]) -> str:
    if coverage.is_empty() and not reporting:
        return no_data("Kho dữ liệu chưa có báo cáo và số liệu nào.")
    rows = _coverage_rows(coverage, reporting, sort_keys, names)
    groups, dropped_years = _coverage_groups(coverage["year"].unique().to_list())
    totals = coverage.group_by("province_code", "domain").agg(pl.col("facts").sum())
    total_of = {(r["province_code"], r["domain"]): r["facts"] for r in totals.iter_rows(named=True)}
    by_year = {(r["province_code"], r["year"], r["domain"]): r["facts"] for r in coverage.iter_rows(named=True)}
    max_total = max(total_of.values(), default=0)
    max_year = max(by_year.values(), default=0)

    label_width, top, row_h, gap = 170.0, 58.0, 22.0, 10.0
    width = label_width + sum(3 * g.cell_width + gap for g in groups) + 10
    height = top + row_h * len(rows) + 10
    parts = [svg_open(width, height, "coverage", "Số liệu theo tỉnh và lĩnh vực, tổng và theo năm")]
    x = label_width
    for group in groups:
        parts.append(_coverage_group_header(group, x))
        for col, domain in enumerate(DOMAINS):
            cx = x + col * group.cell_width
            for i, code in enumerate(rows):
                n = (total_of.get((code, domain), 0) if group.is_total
                     else by_year.get((code, group.year, domain), 0))
                parts.append(_coverage_cell(cx, top + i * row_h, group, n,
                                            max_total if group.is_total else max_year,
                                            province_label(code, names), domain))
        x += 3 * group.cell_width + gap
    for i, code in enumerate(rows):
        parts.append(text(label_width - 8, top + i * row_h + 15, shorten(province_label(code, names), 24),
                          text_anchor="end", class_="row-label"))
    parts.append("</svg>")
    letters = ", ".join(f"{DOMAIN_LETTERS[d]} = {DOMAINS[d]}" for d in DOMAINS)
    note = f'<p class="note">Cột theo năm: {esc(letters)}.'
    if dropped_years:
        note += (f" Chỉ {MAX_YEAR_GROUPS} năm gần nhất có cột riêng; {dropped_years} năm trước đó "
                 "được tính trong cột “Mọi năm”.")
    return "".join(parts) + note + "</p>"


def _coverage_group_header(group: _Group, x: float) -> str:
    width = 3 * group.cell_width
    parts = [text(x + width / 2, 18, group.label, text_anchor="middle", class_="group-label")]
    for col, domain in enumerate(DOMAINS):
        label = DOMAINS[domain] if group.is_total else DOMAIN_LETTERS[domain]
        parts.append(text(x + (col + 0.5) * group.cell_width, 46, shorten(label, 12) if group.is_total else label,
                          text_anchor="middle", class_="col-label"))
    parts.append(line(x, 26, x + width, 26, stroke="#9ca3af"))
    return "".join(parts)


def _coverage_cell(x: float, y: float, group: _Group, n: int, maximum: int,
                   province: str, domain: str) -> str:
    fill, dark = _cell_colour(n, maximum)
    period = "mọi năm" if group.is_total else group.label
    tip = f"{province} · {DOMAINS[domain]} · {period}: {format_number(n)} số liệu"
    cell = rect(x + 1, y + 1, group.cell_width - 2, 20, tip, fill=fill, rx=2)
    # A class, not a fill attribute: the page's CSS for svg text would override the attribute.
    label = text(x + group.cell_width / 2, y + 15, format_number(n), text_anchor="middle",
                 class_="cell-label on-dark" if dark else "cell-label") if n else ""
    return cell + label


# --- open anomalies by check and severity -------------------------------------------------

def anomaly_chart(counts: pl.DataFrame) -> str:
    if counts.is_empty():
        return no_data("Không có bất thường nào đang mở.")
    per_check = (counts.group_by("check_name").agg(pl.col("n").sum().alias("total"))
                 .sort(["total", "check_name"], descending=[True, False]))
    severities = sorted(set(counts["severity"].to_list()),
                        key=lambda s: (list(SEVERITY_COLOURS).index(s) if s in SEVERITY_COLOURS else 9, s))
    label_w, bar_w, row_h, top = 290.0, 560.0, 26.0, 34.0
    maximum = int(per_check["total"].max() or 1)  # type: ignore[arg-type]
    width, height = label_w + bar_w + 70, top + row_h * per_check.height + 10
    parts = [svg_open(width, height, "anomalies", "Bất thường đang mở theo loại kiểm tra và mức độ")]
    for i, severity in enumerate(severities):
        parts.append(rect(label_w + i * 110, 6, 12, 12, fill=_severity_colour(severity)))
        parts.append(text(label_w + i * 110 + 18, 16, word(SEVERITIES, severity), class_="legend"))
    n_of = {(r["check_name"], r["severity"]): r["n"] for r in counts.iter_rows(named=True)}
    for i, (check, total) in enumerate(per_check.rows()):
        y = top + i * row_h
        parts.append(text(label_w - 8, y + 16, shorten(word(CHECKS, check), 40), text_anchor="end",
                          class_="row-label"))
        x = label_w
        for severity in severities:
            n = n_of.get((check, severity), 0)
            w = bar_w * n / maximum
            if n:
                parts.append(rect(x, y + 3, w, row_h - 8,
                                  f"{word(CHECKS, check)} ({check}) · {word(SEVERITIES, severity)}: {n}",
                                  fill=_severity_colour(severity)))
            x += w
        parts.append(text(x + 6, y + 16, format_number(total), class_="bar-label"))
    parts.append("</svg>")
    return "".join(parts)


def _severity_colour(severity: str) -> str:
    return SEVERITY_COLOURS.get(severity, OTHER_SEVERITY_COLOUR)


