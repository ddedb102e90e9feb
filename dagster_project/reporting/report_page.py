"""report.html: one self-contained page, in Vietnamese, for people without a BI tool.

It answers a department head's questions in order: how do the provinces rank on
the main indicators, how have they moved over the years, what is covered, can
the figures be trusted (checks run and failed, open anomalies with the report
file and sentence), and how fresh is each province's information.

The page loads nothing: CSS is inline, charts are inline SVG drawn here, and a
Content-Security-Policy allows only this module's own style and script (by
hash), so even a mistake in escaping could not run a script from a report.
"""
from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from dagster_project.atomic_files import write_text_atomically
from dagster_project.reporting.charts import (
    anomaly_chart,
    coverage_chart,
    no_data,
    province_label,
    ranking_chart,
    trend_chart,
)
from dagster_project.reporting.labels_vi import (
    CHECKS,
    SEVERITIES,
    SUITES,
    format_date,
    format_number,
    format_time,
    local_time,
    word,
)
from dagster_project.reporting.report_data import MAX_ANOMALY_ROWS, QualityRun, ReportData, read_report_data
from dagster_project.reporting.svg import esc, shorten

TITLE = "Chuyển đổi số của các tỉnh: báo cáo từ kho dữ liệu"
# Sentences are long, but a bad extraction can make one very long: keep the table readable.
MAX_CELL_CHARS = 400

_CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 24px; color: #1f2937;
       background: #fafafa; max-width: 1240px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
.meta { color: #6b7280; margin: 0 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 10px 16px; min-width: 150px; }
.card b { display: block; font-size: 24px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 18px; }
.no-data { color: #6b7280; font-style: italic; }
.note { color: #6b7280; font-size: 13px; }
svg.chart { display: block; background: #fff; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: #374151; }
svg .group-label, svg .panel-title { font-weight: bold; font-size: 13px; }
svg .panel-code, svg .tick { fill: #6b7280; font-size: 11px; }
svg .cell-label, svg .bar-label, svg .line-label { font-size: 11px; }
svg .cell-label.on-dark { fill: #ffffff; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num { text-align: right; white-space: nowrap; }
td.quote { font-style: italic; max-width: 420px; overflow-wrap: anywhere; }
td.file { overflow-wrap: anywhere; max-width: 220px; }
.code { color: #6b7280; font-size: 11px; display: block; }
.run-id { color: #6b7280; font-family: monospace; }
.sev-error, .stale { color: #c62828; font-weight: bold; }
.sev-warning, .undated { color: #9a6700; }
.fresh { color: #2e7d32; }
"""

# Counts the charts that have a size and at least one mark, per kind; the browser test reads the result.
_SCRIPT = """
(function () {
  var drawn = 0, kinds = {};
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var box = svg.getBBox();
    if (box.width > 0 && svg.querySelector("rect, circle, path")) {
      drawn += 1;
      kinds[svg.dataset.chart] = (kinds[svg.dataset.chart] || 0) + 1;
    }
  });
  document.body.dataset.chartsDrawn = String(drawn);
  document.body.dataset.chartKinds = Object.keys(kinds).sort().map(function (k) {
    return k + ":" + kinds[k];
  }).join(" ");
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_CSP = (
    f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _header(data: ReportData, generated_at: datetime) -> str:
    counts, quality = data.counts, data.quality
    cards = (("báo cáo", counts.reports), ("số liệu trích được", counts.facts),
             ("tỉnh có số liệu", counts.provinces), ("bất thường đang mở", counts.open_anomalies),
             ("kiểm tra không đạt", quality.failed))
    card_html = "".join(f'<div class="card"><b>{esc(format_number(n))}</b>{esc(label)}</div>'
                        for label, n in cards)
    local = local_time(generated_at)
    return (
        f"<header><h1>{esc(TITLE)}</h1>"
        f'<p class="meta">Cập nhật lúc <time datetime="{esc(local.isoformat())}">{esc(format_time(generated_at))}'
        "</time> (giờ Việt Nam), từ kho dữ liệu đã kiểm tra gần nhất.</p>"
        f'<div class="cards">{card_html}</div></header>'
    )


def _table(headers: tuple[str, ...], rows: list[str]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _with_code(label: str, code: str | None) -> str:
    """A Vietnamese label with its code underneath, for whoever queries the warehouse next."""
    if not code or label == code:
        return esc(label)
    return f'{esc(label)}<span class="code">{esc(code)}</span>'


def _rankings(data: ReportData) -> str:
    if not data.rankings:
        return no_data("Chưa có chỉ tiêu nào được từ hai tỉnh trở lên báo cáo.")
    charts = "".join(ranking_chart(s, data.indicator_names, data.province_names) for s in data.rankings)
    return (f'<div class="grid">{charts}</div><p class="note">Mỗi thanh là số liệu thực hiện mới nhất của một '
            "tỉnh (không tính chỉ tiêu kế hoạch). Tỷ lệ % và số lượng, các cấp hành chính và các đối tượng khác "
            "nhau được xếp hạng riêng; năm trong ngoặc là năm của số liệu. Bảng marts.bi_latest_values có "
            "đủ mọi chỉ tiêu.</p>")


def _trends(data: ReportData) -> str:
    if not data.trends:
        return no_data("Chưa có tỉnh nào có số liệu của cùng một chỉ tiêu trong từ hai năm trở lên; "
                       "xu hướng sẽ hiện khi có báo cáo của các năm khác.")
    charts = "".join(trend_chart(s, data.indicator_names, data.province_names, data.province_sort_keys)
                     for s in data.trends)
    return (f'<div class="grid">{charts}</div><p class="note">Mỗi đường là một tỉnh, mỗi điểm là số liệu mới '
            "nhất của tỉnh trong năm đó (bảng marts.bi_yearly_values). Tỉnh chỉ có số liệu một năm không được "
            "vẽ ở đây.</p>")


def _quality(quality: QualityRun, open_anomalies: int, anomaly_counts: pl.DataFrame) -> str:
    if quality.run_id is None:
        return no_data("Chưa có lần kiểm tra nào được ghi lại.") + anomaly_chart(anomaly_counts)
    warnings = quality.failed - quality.failed_errors
    when = format_time(quality.checked_at) if quality.checked_at else "không rõ"
    summary = (f'<p>Lần chạy <span class="run-id">{esc(quality.run_id[:8])}</span> lúc '
               f"{esc(when)}: <b>{esc(format_number(quality.checks))}</b> kiểm tra, "
               f"<b>{esc(format_number(quality.failed))}</b> không đạt ({esc(format_number(quality.failed_errors))} "
               f"lỗi, {esc(format_number(warnings))} cảnh báo); <b>{esc(format_number(open_anomalies))}</b> "
               "bất thường đang mở.</p>")
    rows = []
    for row in quality.by_suite.iter_rows(named=True):
        css = ' class="num sev-error"' if row["failed_errors"] else ' class="num"'
        rows.append(
            f"<tr><td>{_with_code(word(SUITES, row['suite']), row['suite'])}</td>"
            f'<td class="num">{esc(format_number(row["checks"]))}</td>'
            f'<td class="num">{esc(format_number(row["failed"]))}</td>'
            f"<td{css}>{esc(format_number(row['failed_errors']))}</td></tr>"
        )
    table = _table(("Nhóm kiểm tra", "Số kiểm tra", "Không đạt", "trong đó lỗi"), rows)
    explain = ('<p class="note">Lỗi: kho dữ liệu không toàn vẹn (khóa, quan hệ, lần nạp); kho chỉ được công bố khi '
               "không có lỗi. Cảnh báo: một con số trong báo cáo không thể đúng hoặc không nhất quán; số liệu vẫn "
               "được giữ lại và đánh dấu trong quality.anomalies.</p>")
    return summary + table + explain + anomaly_chart(anomaly_counts)


def _anomaly_table(anomalies: pl.DataFrame, names: dict[str, str], total: int) -> str:
    if anomalies.is_empty():
        return no_data("Không có bất thường nào đang mở.")
    body = []
    for row in anomalies.iter_rows(named=True):
        severity = str(row["severity"] or "")
        # The severity is data too: only known values become a CSS class.
        css = f' class="sev-{severity}"' if severity in ("error", "warning") else ""
        province = province_label(row["province_code"], names) if row["province_code"] else ""
        detected = format_time(row["first_detected_at"]) if row["first_detected_at"] else ""
        cells = (
            f"<td>{_with_code(word(CHECKS, row['check_name']), row['check_name'])}</td>",
            f"<td{css}>{esc(word(SEVERITIES, severity))}</td>",
            f"<td>{esc(province)}</td>",
            f'<td class="file">{esc(row["source_file"] or "")}</td>',
            f'<td class="quote">{esc(shorten(str(row["sentence"] or ""), MAX_CELL_CHARS))}</td>',
            f"<td>{esc(shorten(str(row['message'] or ''), MAX_CELL_CHARS))}</td>",
            f"<td>{esc(detected)}</td>",
        )
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = _table(("Kiểm tra", "Mức độ", "Tỉnh", "Tệp báo cáo", "Câu trong báo cáo", "Chi tiết",
                    "Phát hiện lần đầu"), body)
    more = (f'<p class="note">Hiển thị {format_number(anomalies.height)} trên {format_number(total)} bất thường '
            "đang mở; xem đủ trong bảng quality.anomalies.</p>") if total > anomalies.height else ""
    return table + more


def _freshness_status(row: dict) -> tuple[str, str]:
    if row["newest_published_date"] is None:
        return "undated", "Không báo cáo nào ghi ngày"
    if row["is_stale"]:
        return "stale", "Quá hạn"
    return "fresh", "Còn mới"


def _freshness_table(freshness: pl.DataFrame, names: dict[str, str]) -> str:
    if freshness.is_empty():
        return no_data("Chưa có tỉnh nào có báo cáo.")
    body = []
    for row in freshness.iter_rows(named=True):
        css, status = _freshness_status(row)
        age = format_number(row["age_days"]) if row["age_days"] is not None else "–"
        body.append(
            f"<tr><td>{esc(province_label(row['province_code'], names))}</td>"
            f'<td class="num">{esc(format_number(row["reports"]))}</td>'
            f"<td>{esc(format_date(row['newest_published_date']))}</td>"
            f'<td class="num">{esc(age)}</td>'
            f'<td class="num">{esc(format_number(row["limit_days"]))}</td>'
            f'<td class="{css}">{esc(status)}</td></tr>'
        )
    table = _table(("Tỉnh", "Số báo cáo", "Báo cáo mới nhất", "Tuổi (ngày)", "Giới hạn (ngày)", "Tình trạng"),
                   body)
    return table + ('<p class="note">Tuổi: số ngày từ ngày đăng của báo cáo mới nhất đến hôm nay. Giới hạn đặt '
                    "bằng biến PDX_FRESHNESS_DAYS.</p>")


def render_page(data: ReportData, generated_at: datetime) -> str:
    """The page from already-read data (separate from the reads so it can be tested alone)."""
    sections = (
        ("rankings", "Xếp hạng các tỉnh theo chỉ tiêu chính", _rankings(data)),
        ("trends", "Xu hướng theo năm", _trends(data)),
        ("coverage", "Độ phủ: số liệu theo tỉnh, lĩnh vực và năm",
         coverage_chart(data.coverage, data.reporting_provinces, data.province_names, data.province_sort_keys)),
        ("quality", "Chất lượng dữ liệu", _quality(data.quality, data.counts.open_anomalies, data.anomaly_counts)),
        ("anomalies", f"Bất thường đang mở (tối đa {format_number(MAX_ANOMALY_ROWS)})",
         _anomaly_table(data.anomalies, data.province_names, data.counts.open_anomalies)),
        ("freshness", "Độ mới của số liệu theo tỉnh", _freshness_table(data.freshness, data.province_names)),
    )
    body = "".join(f'<section id="{key}"><h2>{esc(title)}</h2>{content}</section>'
                   for key, title, content in sections)
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(TITLE)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"{_header(data, generated_at)}{body}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def build_report_page(con: duckdb.DuckDBPyConnection, generated_at: datetime) -> str:
    """The whole report page as one HTML string; only reads from `con`."""
    return render_page(read_report_data(con), generated_at)


def write_report_page(con: duckdb.DuckDBPyConnection, path: Path, generated_at: datetime) -> Path:
    """Write the page atomically: a reader sees the old page or the new one, never half of one."""
    return write_text_atomically(path, build_report_page(con, generated_at))
