"""report.html: one self-contained page summarising the warehouse for people without a BI tool.

The page loads nothing: CSS is inline, charts are inline SVG drawn here, and a
Content-Security-Policy allows only this module's own style and script (by
hash), so even a mistake in escaping could not run a script from a report.
"""
from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from dagster_project.reporting.charts import anomaly_chart, coverage_chart, no_data, province_label, timeline_chart
from dagster_project.reporting.report_data import MAX_ANOMALY_ROWS, Counts, ReportData, read_report_data
from dagster_project.reporting.svg import esc, format_number, shorten

# Quotes are sentences, but a bad extraction can make one very long: keep the table readable.
MAX_CELL_CHARS = 600

_CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 24px; color: #1f2937;
       background: #fafafa; max-width: 1240px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
.meta { color: #6b7280; margin: 0 0 12px; }
.cards { display: flex; gap: 12px; }
.card { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 10px 16px; min-width: 140px; }
.card b { display: block; font-size: 24px; }
.no-data { color: #6b7280; font-style: italic; }
.note { color: #6b7280; font-size: 13px; }
svg.chart { display: block; background: #fff; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: #374151; }
svg .group-label, svg .panel-title { font-weight: bold; }
svg .panel-code, svg .tick { fill: #6b7280; font-size: 11px; }
svg .cell-label { font-size: 11px; }
svg .cell-label.on-dark { fill: #ffffff; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.quote { font-style: italic; max-width: 420px; overflow-wrap: anywhere; }
td.sev-error { color: #c62828; font-weight: bold; }
td.sev-warning { color: #9a6700; }
"""

# Counts chart SVGs that have a size and at least one mark; the browser test reads the result.
_SCRIPT = """
(function () {
  var drawn = 0;
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var box = svg.getBBox();
    if (box.width > 0 && svg.querySelector("rect, circle, path")) { drawn += 1; }
  });
  document.body.dataset.chartsDrawn = String(drawn);
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_CSP = (
    f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _header(counts: Counts, generated_at: datetime) -> str:
    cards = (("reports", counts.reports), ("figures (facts)", counts.facts),
             ("open anomalies", counts.open_anomalies))
    card_html = "".join(f'<div class="card"><b>{esc(format_number(n))}</b>{esc(label)}</div>'
                        for label, n in cards)
    stamp = generated_at.isoformat(sep=" ", timespec="seconds")
    return (
        "<header><h1>Provincial digital transformation: warehouse report</h1>"
        f'<p class="meta">Generated <time datetime="{esc(generated_at.isoformat())}">{esc(stamp)}</time>'
        " from the last complete warehouse.</p>"
        f'<div class="cards">{card_html}</div></header>'
    )


def _anomaly_table(anomalies: pl.DataFrame, names: dict[str, str], total: int) -> str:
    if anomalies.is_empty():
        return no_data("no open anomalies.")
    head = "".join(f"<th>{esc(h)}</th>" for h in
                   ("Check", "Severity", "Province", "Message", "Quote", "First detected"))
    body = []
    for row in anomalies.iter_rows(named=True):
        severity = str(row["severity"] or "")
        # The severity is data too: only known values become a CSS class.
        css = f' class="sev-{severity}"' if severity in ("error", "warning") else ""
        cells = (
            f"<td>{esc(row['check_name'])}</td>",
            f"<td{css}>{esc(severity)}</td>",
            f"<td>{esc(province_label(row['province_code'], names) if row['province_code'] else '')}</td>",
            f"<td>{esc(shorten(str(row['message'] or ''), MAX_CELL_CHARS))}</td>",
            f'<td class="quote">{esc(shorten(str(row["quote"] or ""), MAX_CELL_CHARS))}</td>',
            f"<td>{esc(row['first_detected_at'] or '')}</td>",
        )
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="note">Showing {anomalies.height} of {total} open anomalies; '
            "query quality.anomalies for the rest.</p>") if total > anomalies.height else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def render_page(data: ReportData, generated_at: datetime) -> str:
    """The page from already-read data (separate from the reads so it can be tested alone)."""
    sections = (
        ("Coverage: figures per province and domain",
         coverage_chart(data.coverage, data.reporting_provinces, data.province_names, data.province_sort_keys)),
        ("Main indicators over time (targets excluded)",
         timeline_chart(data.timeline, data.indicator_names, data.province_names,
                        data.province_sort_keys, data.undated_main_facts)),
        ("Open anomalies by check and severity", anomaly_chart(data.anomaly_counts)),
        (f"Open anomalies (up to {MAX_ANOMALY_ROWS})",
         _anomaly_table(data.anomalies, data.province_names, data.counts.open_anomalies)),
    )
    body = "".join(f"<section><h2>{esc(title)}</h2>{content}</section>" for title, content in sections)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Provincial digital transformation: warehouse report</title>"
        f"<style>{_CSS}</style></head><body>"
        f"{_header(data.counts, generated_at)}{body}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def build_report_page(con: duckdb.DuckDBPyConnection, generated_at: datetime) -> str:
    """The whole report page as one HTML string; only reads from `con`."""
    return render_page(read_report_data(con), generated_at)


def write_report_page(con: duckdb.DuckDBPyConnection, path: Path, generated_at: datetime) -> Path:
    """Write the page atomically: a reader sees the old page or the new one, never half of one."""
    page = build_report_page(con, generated_at)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target, so os.replace is a rename on one file system.
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; a web server or colleague must be able to read the page.
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
