"""The three charts of the report page as inline SVG strings.

Drawn in Python rather than by a JS library so the page needs nothing from the
network and looks the same in any browser, e-mail client or archive. A chart
with nothing to draw returns a "no data" note instead of an empty <svg>.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from dagster_project.reporting.report_data import DOMAINS
from dagster_project.reporting.svg import (
    circle,
    esc,
    format_number,
    line,
    nice_ticks,
    polyline_path,
    rect,
    shorten,
    svg_open,
    text,
)

DOMAIN_LABELS = {"infrastructure": "Infrastructure", "services": "Services", "workforce": "Workforce"}
DOMAIN_LETTERS = {"infrastructure": "I", "services": "S", "workforce": "W"}
UNKNOWN_PROVINCE = "(province unknown)"
# Tableau 10: distinguishable and colour-blind tolerant; repeats past ten provinces,
# which is why every dot also carries its province in a tooltip.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#f0a202", "info": "#4e79a7"}
OTHER_SEVERITY_COLOUR = "#9e9e9e"
# Past this many years the per-year columns no longer fit 1280 px: keep the latest.
MAX_YEAR_GROUPS = 8


def no_data(what: str) -> str:
    return f'<p class="no-data">No data: {esc(what)}</p>'


def province_label(code: str | None, names: dict[str, str]) -> str:
    if code is None:
        return UNKNOWN_PROVINCE
    return names.get(code, code)


# --- chart 1: coverage heatmap ------------------------------------------------------------

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
    groups = [_Group("All years", None, 92.0, is_total=True)]
    groups += [_Group(str(y), y, 26.0) for y in shown]
    if any(y is None for y in years):
        groups.append(_Group("no date", None, 26.0))
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
        return no_data("no figures and no reports in the warehouse yet.")
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
    parts = [svg_open(width, height, "coverage", "Figures per province and domain, in total and per year")]
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
    note = (f'<p class="note">Only the latest {MAX_YEAR_GROUPS} years have their own columns; '
            f'{dropped_years} earlier year(s) are counted in "All years".</p>') if dropped_years else ""
    return "".join(parts) + note


def _coverage_group_header(group: _Group, x: float) -> str:
    width = 3 * group.cell_width
    parts = [text(x + width / 2, 18, group.label, text_anchor="middle", class_="group-label")]
    for col, domain in enumerate(DOMAINS):
        label = DOMAIN_LABELS[domain] if group.is_total else DOMAIN_LETTERS[domain]
        parts.append(text(x + (col + 0.5) * group.cell_width, 46, label,
                          text_anchor="middle", class_="col-label"))
    parts.append(line(x, 26, x + width, 26, stroke="#9ca3af"))
    return "".join(parts)


def _coverage_cell(x: float, y: float, group: _Group, n: int, maximum: int,
                   province: str, domain: str) -> str:
    fill, dark = _cell_colour(n, maximum)
    period = "all years" if group.is_total else group.label
    tip = f"{province} · {DOMAIN_LABELS[domain]} · {period}: {n} figure(s)"
    cell = rect(x + 1, y + 1, group.cell_width - 2, 20, tip, fill=fill, rx=2)
    # A class, not a fill attribute: the page's CSS for svg text would override the attribute.
    label = text(x + group.cell_width / 2, y + 15, format_number(n), text_anchor="middle",
                 class_="cell-label on-dark" if dark else "cell-label") if n else ""
    return cell + label


# --- chart 2: figures over time (small multiples) -------------------------------------------

@dataclass(frozen=True)
class _TimeScale:
    start: date
    end: date

    @staticmethod
    def covering(days: list[date]) -> _TimeScale:
        # A single date (or a few weeks) would put every dot on the frame: widen to a year.
        start, end = min(days), max(days)
        if (end - start).days < 120:
            start, end = start - timedelta(days=180), end + timedelta(days=180)
        return _TimeScale(start, end)

    def x(self, day: date, left: float, width: float) -> float:
        span = max((self.end - self.start).days, 1)
        return left + width * (day - self.start).days / span

    def year_ticks(self) -> list[date]:
        years = list(range(self.start.year + 1, self.end.year + 1))
        step = max(1, math.ceil(len(years) / 5))
        return [date(y, 1, 1) for y in years[::step]]


_PANEL_W, _PANEL_H, _PANEL_GAP, _PANEL_COLUMNS = 390.0, 230.0, 18.0, 3
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 52.0, 14.0, 42.0, 30.0


def timeline_chart(timeline: pl.DataFrame, indicator_names: dict[str, str], names: dict[str, str],
                   sort_keys: dict[str, str], undated: int) -> str:
    if timeline.is_empty():
        return no_data("no dated figures (targets excluded) for any indicator yet.")
    panels = (timeline.group_by("indicator_code", "unit").agg(pl.len().alias("n"))
              .sort(["n", "indicator_code"], descending=[True, False]).rows())
    provinces = sorted(set(timeline["province_code"].to_list()),
                       key=lambda c: ("~" if c is None else sort_keys.get(c, c), c or ""))
    colours = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(provinces)}
    scale = _TimeScale.covering(timeline["day"].to_list())

    legend_rows = math.ceil(len(provinces) / 6)
    legend_h = 22.0 * legend_rows + 8
    grid_rows = math.ceil(len(panels) / _PANEL_COLUMNS)
    width = _PANEL_COLUMNS * _PANEL_W + (_PANEL_COLUMNS - 1) * _PANEL_GAP
    height = legend_h + grid_rows * (_PANEL_H + _PANEL_GAP)
    parts = [svg_open(width, height, "timeline", "Main indicators over time, one line per province")]
    parts += _timeline_legend(provinces, colours, names)
    for i, (code, unit, _) in enumerate(panels):
        px = (i % _PANEL_COLUMNS) * (_PANEL_W + _PANEL_GAP)
        py = legend_h + (i // _PANEL_COLUMNS) * (_PANEL_H + _PANEL_GAP)
        figures = timeline.filter((pl.col("indicator_code") == code) & (pl.col("unit") == unit))
        parts.append(_timeline_panel(px, py, code, unit, figures, indicator_names, names, colours, scale))
    parts.append("</svg>")
    note = (f'<p class="note">{undated} figure(s) of these indicators have no date and are not plotted.</p>'
            if undated else "")
    return "".join(parts) + note


def _timeline_legend(provinces: list[str | None], colours: dict[str | None, str],
                     names: dict[str, str]) -> list[str]:
    parts = []
    for i, code in enumerate(provinces):
        x, y = (i % 6) * 195.0, (i // 6) * 22.0 + 12
        parts.append(circle(x + 6, y, 5, fill=colours[code]))
        parts.append(text(x + 16, y + 4, shorten(province_label(code, names), 26), class_="legend"))
    return parts


def _timeline_panel(px: float, py: float, code: str, unit: str, figures: pl.DataFrame,
                    indicator_names: dict[str, str], names: dict[str, str],
                    colours: dict[str | None, str], scale: _TimeScale) -> str:
    left, top = px + _PLOT_LEFT, py + _PLOT_TOP
    plot_w = _PANEL_W - _PLOT_LEFT - _PLOT_RIGHT
    plot_h = _PANEL_H - _PLOT_TOP - _PLOT_BOTTOM
    highest = float(figures["value"].max() or 0.0)  # type: ignore[arg-type]
    ticks = nice_ticks(max(highest, 100.0) if unit == "percent" else highest)
    y_max = ticks[-1]

    def y_of(value: float) -> float:
        return top + plot_h - plot_h * (value / y_max if y_max else 0)

    suffix = " (%)" if unit == "percent" else f" ({unit})"
    parts = [
        rect(px, py, _PANEL_W, _PANEL_H, fill="#ffffff", stroke="#e5e7eb", class_="panel"),
        text(px + 10, py + 17, shorten(indicator_names.get(code, code), 46) + suffix, class_="panel-title"),
        text(px + 10, py + 32, code, class_="panel-code"),
    ]
    parts += _timeline_axes(left, top, plot_w, plot_h, ticks, y_of, scale, unit)
    parts += _timeline_series(figures, left, plot_w, y_of, scale, names, colours, unit)
    return "".join(parts)


def _timeline_axes(left: float, top: float, plot_w: float, plot_h: float, ticks: list[float],
                   y_of: Callable[[float], float], scale: _TimeScale, unit: str) -> list[str]:
    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(line(left, y, left + plot_w, y, stroke="#eef0f3"))
        label = format_number(tick) + ("%" if unit == "percent" else "")
        parts.append(text(left - 6, y + 4, label, text_anchor="end", class_="tick"))
    if unit == "percent" and ticks[-1] > 100:
        # Above 100 % cannot be right for a share: mark the line the checks test against.
        parts.append(line(left, y_of(100), left + plot_w, y_of(100), stroke="#c62828", stroke_dasharray="4 3"))
    for tick_day in scale.year_ticks():
        x = scale.x(tick_day, left, plot_w)
        parts.append(line(x, top + plot_h, x, top + plot_h + 4, stroke="#6b7280"))
        parts.append(text(x, top + plot_h + 16, tick_day.year, text_anchor="middle", class_="tick"))
    parts.append(line(left, top + plot_h, left + plot_w, top + plot_h, stroke="#6b7280"))
    return parts


def _timeline_series(figures: pl.DataFrame, left: float, plot_w: float,
                     y_of: Callable[[float], float], scale: _TimeScale,
                     names: dict[str, str], colours: dict[str | None, str], unit: str) -> list[str]:
    """A line through each province's mean per date, and a dot for every figure.

    Several figures can share a date (commune and district levels of one
    report): the dots show them all, the line only the trend.
    """
    lines, dots = [], []
    for (code,), rows in figures.sort("day").group_by("province_code", maintain_order=True):
        colour = colours[code]
        means = rows.group_by("day").agg(pl.col("value").mean()).sort("day").rows()
        if len(means) > 1:
            points = [(scale.x(d, left, plot_w), y_of(v)) for d, v in means]
            lines.append(polyline_path(points, stroke=colour, stroke_width=2, stroke_opacity=0.8))
        for day, value, level in rows.select("day", "value", "admin_level").rows():
            tip = (f"{province_label(code, names)} · {day.isoformat()} · {format_number(value)}"
                   f"{'%' if unit == 'percent' else ' ' + unit} · {level or 'level unknown'}")
            dots.append(circle(scale.x(day, left, plot_w), y_of(value), 4.5, tip,
                               fill=colour, stroke="#ffffff", stroke_width=1))
    return lines + dots


# --- chart 3: anomalies by check and severity ---------------------------------------------

def anomaly_chart(counts: pl.DataFrame) -> str:
    if counts.is_empty():
        return no_data("no open anomalies.")
    per_check = (counts.group_by("check_name").agg(pl.col("n").sum().alias("total"))
                 .sort(["total", "check_name"], descending=[True, False]))
    severities = sorted(set(counts["severity"].to_list()),
                        key=lambda s: (list(SEVERITY_COLOURS).index(s) if s in SEVERITY_COLOURS else 9, s))
    label_w, bar_w, row_h, top = 290.0, 560.0, 26.0, 34.0
    maximum = int(per_check["total"].max() or 1)  # type: ignore[arg-type]
    width, height = label_w + bar_w + 70, top + row_h * per_check.height + 10
    parts = [svg_open(width, height, "anomalies", "Open anomalies per check, stacked by severity")]
    for i, severity in enumerate(severities):
        parts.append(rect(label_w + i * 110, 6, 12, 12, fill=_severity_colour(severity)))
        parts.append(text(label_w + i * 110 + 18, 16, severity, class_="legend"))
    n_of = {(r["check_name"], r["severity"]): r["n"] for r in counts.iter_rows(named=True)}
    for i, (check, total) in enumerate(per_check.rows()):
        y = top + i * row_h
        parts.append(text(label_w - 8, y + 16, shorten(str(check), 40), text_anchor="end", class_="row-label"))
        x = label_w
        for severity in severities:
            n = n_of.get((check, severity), 0)
            w = bar_w * n / maximum
            if n:
                parts.append(rect(x, y + 3, w, row_h - 8, f"{check} · {severity}: {n}",
                                  fill=_severity_colour(severity)))
            x += w
        parts.append(text(x + 6, y + 16, total, class_="bar-label"))
    parts.append("</svg>")
    return "".join(parts)


def _severity_colour(severity: str) -> str:
    return SEVERITY_COLOURS.get(severity, OTHER_SEVERITY_COLOUR)
