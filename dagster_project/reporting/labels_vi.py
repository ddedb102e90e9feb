"""Vietnamese words, numbers, dates and local time for the report page.

The page is read by department heads, not engineers: codes become words
(`commune` -> "cấp xã"), numbers use the Vietnamese marks (1.762; 103,78 %),
dates read dd/mm/yyyy and times are Vietnam's (Asia/Ho_Chi_Minh). A code
without a word here is shown as it is, never dropped.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    LOCAL_TZ: timezone | ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")
except ZoneInfoNotFoundError:  # no tz database: Vietnam has kept UTC+7 without DST since 1975
    LOCAL_TZ = timezone(timedelta(hours=7), "ICT")

DOMAINS = {"infrastructure": "Hạ tầng số", "services": "Dịch vụ số", "workforce": "Nhân lực số"}
DOMAIN_LETTERS = {"infrastructure": "H", "services": "D", "workforce": "N"}

ADMIN_LEVELS = {
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "all_levels": "cả ba cấp",
    "national": "toàn quốc",
    "unspecified": "không rõ cấp",
}

UNITS = {"percent": "tỷ lệ %", "count": "số lượng"}

# What a figure counts or is a share of, as the extractor names it.
BASES = {
    "households": "hộ gia đình",
    "agencies": "cơ quan",
    "communes": "xã",
    "districts": "huyện",
    "people": "người dân",
    "officials": "cán bộ, công chức",
    "dossiers": "hồ sơ",
    "procedures": "thủ tục hành chính",
    "documents": "văn bản",
    "services": "dịch vụ",
    "enterprises": "doanh nghiệp",
    "schools": "trường học",
    "villages": "thôn, bản",
}

SEVERITIES = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}

CHECKS = {
    "percent_within_0_100": "Tỷ lệ ngoài khoảng 0–100%",
    "count_non_negative": "Số lượng âm",
    "counts_whole": "Số lượng không phải số nguyên",
    "parts_sum_to_total": "Các phần không cộng đúng tổng",
    "single_value_per_group": "Các báo cáo mâu thuẫn nhau",
    "newest_report_within_limit": "Báo cáo mới nhất đã quá cũ",
    "dated_report_known": "Không báo cáo nào ghi ngày",
    "numerator_within_denominator": "Tử số lớn hơn mẫu số",
    "stated_percent_agrees": "Tỷ lệ ghi không khớp với x/y",
    "loaded_within_48_hours": "Lần nạp cuối quá 48 giờ",
    "province_identified": "Không xác định được tỉnh",
    "publication_date_known": "Báo cáo không ghi ngày đăng",
    "fact_key_unique": "Khóa số liệu bị trùng",
    "report_key_unique": "Khóa báo cáo bị trùng",
    "value_present": "Thiếu giá trị",
    "evidence_present": "Thiếu câu trích dẫn",
    "unit_known": "Đơn vị không hợp lệ",
}

SUITES = {
    "fact_consistency": "Tính hợp lệ của số liệu",
    "fact_ranges": "Miền giá trị",
    "ratio_consistency": "Tỷ lệ x/y",
    "part_whole": "Tổng và các phần",
    "contradictions": "Mâu thuẫn giữa các báo cáo",
    "province_freshness": "Độ mới theo tỉnh",
    "report_freshness": "Lần nạp và báo cáo",
    "dbt_tests": "Kiểm thử dbt (khóa, quan hệ, hợp đồng)",
    "dbt_source_freshness": "Độ mới của bảng nguồn",
}


def word(table: dict[str, str], code: str | None, missing: str = "") -> str:
    if code is None:
        return missing
    return table.get(code, code)


def format_number(value: float, decimals: int = 2) -> str:
    """Vietnamese marks: '.' groups thousands, ',' is the decimal mark; decimals only when present."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_value(value: float, unit: str | None) -> str:
    return format_number(value) + ("%" if unit == "percent" else "")


def format_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "không rõ"


def local_time(moment: datetime) -> datetime:
    """A moment in Vietnam's time; a naive moment is taken as UTC (how DuckDB hands timestamptz back)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL_TZ)


def format_time(moment: datetime) -> str:
    return local_time(moment).strftime("%H:%M ngày %d/%m/%Y")


def series_label(admin_level: str | None, unit: str | None, base: str | None) -> str:
    """'cấp xã · tỷ lệ % · hộ gia đình': what distinguishes one series of an indicator from another."""
    parts = [word(ADMIN_LEVELS, admin_level, "không rõ cấp"), word(UNITS, unit)]
    if base:
        parts.append(word(BASES, base))
    return " · ".join(p for p in parts if p)
