"""Unit tests for dagster_project.extraction.dates (sentences written for the tests)."""
from __future__ import annotations

import datetime

import pytest

from dagster_project.extraction.dates import DateMention, date_from_url, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26/03/2024", datetime.date(2024, 3, 26)),
        ("01/7/2014", datetime.date(2014, 7, 1)),
        ("Thứ ba 11/12/2018 06:00", datetime.date(2018, 12, 11)),
        ("Thứ Hai, 08/04/2019 (GMT+7)", datetime.date(2019, 4, 8)),
        ("Chủ nhật, ngày 16/05/2021 | 03:17 PM (GMT +7)", datetime.date(2021, 5, 16)),
        ("Thứ tư - 14/08/2024 16:42", datetime.date(2024, 8, 14)),
        ("03-06-2020 09:15", datetime.date(2020, 6, 3)),
        ("2024-08-14", datetime.date(2024, 8, 14)),
        ("7 March 2023", datetime.date(2023, 3, 7)),
        ("March 7, 2023", datetime.date(2023, 3, 7)),
        ("17:52, Thứ Bảy, 31-8-2024", datetime.date(2024, 8, 31)),
        ("ngày 5 tháng 9 năm 2020", datetime.date(2020, 9, 5)),
        ("ngày 2.9.2023", datetime.date(2023, 9, 2)),
        ("ngày 2/9 năm 2023", datetime.date(2023, 9, 2)),
    ],
)
def test_parse_date_reads_day_precision_formats(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


def test_numeric_dates_are_day_first() -> None:
    assert parse_date("03/06/2020") == datetime.date(2020, 6, 3)


def test_iso_year_month_has_month_precision_and_first_day() -> None:
    [mention] = find_dates("date 2022-11 Tin mới")
    assert mention == DateMention(5, 12, datetime.date(2022, 11, 1), "month")


def test_thang_month_year_has_month_precision() -> None:
    [mention] = find_dates("Số liệu tháng 10/2023 của sở")
    assert (mention.value, mention.precision) == (datetime.date(2023, 10, 1), "month")


def test_thang_with_dot_separator_is_a_month() -> None:
    [mention] = find_dates("tính đến tháng 9.2025")
    assert (mention.value, mention.precision) == (datetime.date(2025, 9, 1), "month")


def test_nam_year_has_year_precision() -> None:
    [mention] = find_dates("Kế hoạch năm 2022 đã xong")
    assert (mention.value, mention.precision) == (datetime.date(2022, 1, 1), "year")


def test_english_month_year_has_month_precision() -> None:
    [mention] = find_dates("in March 2023 the portal opened")
    assert (mention.value, mention.precision) == (datetime.date(2023, 3, 1), "month")


def test_day_month_without_year_is_skipped() -> None:
    assert find_dates("Sáng ngày 2.9 người dân xem diễu hành") == []


def test_impossible_date_is_rejected() -> None:
    assert parse_date("31/02/2024") is None


def test_month_thirteen_is_rejected() -> None:
    assert parse_date("01/13/2024") is None


def test_year_range_is_not_a_month() -> None:
    assert find_dates("giai đoạn 2021-2025") == []


def test_thousands_grouped_numbers_are_not_dates() -> None:
    assert find_dates("đã làm sạch 451.343/434.900 hồ sơ, 10.368 người") == []


def test_span_covers_the_date_text() -> None:
    text = "Cập nhật lúc 09:15 ngày 26/03/2024."
    [mention] = find_dates(text)
    assert text[mention.start : mention.end] == "26/03/2024"


def test_long_form_is_one_mention_not_a_month_and_a_year() -> None:
    mentions = find_dates("ngày 16 tháng 5 năm 2021")
    assert [m.precision for m in mentions] == ["day"]


def test_mentions_come_in_reading_order() -> None:
    mentions = find_dates("năm 2020 rồi 01/02/2021 và tháng 3/2022")
    assert [m.value for m in mentions] == [
        datetime.date(2020, 1, 1),
        datetime.date(2021, 2, 1),
        datetime.date(2022, 3, 1),
    ]


def test_parse_date_prefers_the_most_precise_mention() -> None:
    assert parse_date("năm 2023, cập nhật 05/06/2023") == datetime.date(2023, 6, 5)


def test_parse_date_returns_none_without_a_date() -> None:
    assert parse_date("Trang chủ") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://quangtri.gov.vn/portal/Pages/2024-11-05/Tong-ket-nam-chuyen-doi-so.aspx", datetime.date(2024, 11, 5)),
        ("https://baomoi.example.vn/2023/07/09/chuyen-doi-so-o-vung-cao/", datetime.date(2023, 7, 9)),
        ("https://tinmoi.example.vn/thoi-su/xa-vung-cao-co-song-4g-20240612153045123.htm", datetime.date(2024, 6, 12)),
    ],
)
def test_a_url_path_gives_the_day_its_software_wrote(url: str, expected: datetime.date) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        # the date of a title's slug is often a cut-off, not the day of posting
        "https://soyte.example.gov.vn/tin-tuc/tinh-den-31-3-2024-co-95-benh-vien-dung-benh-an-dien-tu.html",
        "https://example.vn/bao-cao-2021-2025-ket-qua.html",  # a span of years
        "https://example.vn/tin-tuc/12345678.htm",  # an id that is no date
        "https://example.vn/portal/Pages/2024-02-30/khong-co-ngay-nay.aspx",  # no such day
        "https://example.vn/tin?ngay=2024-06-12",  # a query is no path
    ],
)
def test_a_url_without_a_posting_day_gives_none(url: str) -> None:
    assert date_from_url(url) is None
