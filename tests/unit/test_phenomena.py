"""One test per phenomenon of issue 3 that the module tests did not yet show.

Every sentence here is written for the test (none is copied from a shared
report). tests/unit/PHENOMENA.md maps each phenomenon to its test, here or in
the module test files.
"""
from __future__ import annotations

import datetime

import pytest

from dagster_project.extraction.metadata import extract_metadata
from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations
from dagster_project.extraction.provinces import detect_province


def _values(text: str, published: datetime.date | None = None) -> list[tuple[float, str]]:
    return [(o.value, o.unit) for o in extract_observations(text, published)]


def _one(text: str, published: datetime.date | None = None) -> Observation:
    [obs] = extract_observations(text, published)
    return obs


# --- numbers -----------------------------------------------------------------------


def test_same_text_mixes_grouped_and_ungrouped_thousands() -> None:
    # One portal writes "2.318" in one paragraph and "2318" in the next: both are 2318.
    text = "Huyện A có 2.318 hộ dùng cáp quang.\nHuyện B có 2318 thuê bao truyền hình số."
    assert _values(text) == [(2318.0, "count"), (2318.0, "count")]


def test_number_glued_to_the_word_after_it() -> None:
    obs = _one("Trong quý I, cổng dịch vụ công tiếp nhận 41250lượt truy cập của người dân.")
    assert (obs.value, obs.quote) == (41250.0, "41250")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Toàn tỉnh có 495 nghìn tài khoản định danh điện tử được kích hoạt.", 495_000.0),
        ("Toàn tỉnh có 1,2 triệu thuê bao di động đang hoạt động.", 1_200_000.0),
    ],
)
def test_scale_words_multiply_the_value(text: str, value: float) -> None:
    obs = _one(text)
    assert (obs.value, obs.unit) == (value, "count")


def test_leading_zero_in_a_small_count() -> None:
    obs = _one("Sở đã tổ chức 02 đợt kiểm tra an toàn thông tin tại các xã.")
    assert (obs.value, obs.quote) == (2.0, "02")


def test_range_of_staff_keeps_lower_bound_and_the_range() -> None:
    obs = _one("Mỗi cơ quan bố trí 1-2 cán bộ chuyên trách công nghệ thông tin.")
    assert (obs.value, obs.range_high, obs.extra["range"]) == (1.0, 2.0, "1-2")


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("Tỉnh có trên 1.500 điểm phát sóng wifi công cộng.", "trên", 1500.0),
        ("Tỉnh có hơn 1.500 điểm phát sóng wifi công cộng.", "hơn", 1500.0),
        ("Tỉnh có khoảng 1.500 điểm phát sóng wifi công cộng.", "khoảng", 1500.0),
        ("Tỉnh có gần 1.500 điểm phát sóng wifi công cộng.", "gần", 1500.0),
        ("Tỉnh có ít nhất 1.500 điểm phát sóng wifi công cộng.", "ít nhất", 1500.0),
    ],
)
def test_each_vietnamese_qualifier_is_kept(text: str, qualifier: str, value: float) -> None:
    obs = _one(text)
    assert (obs.qualifier, obs.value, obs.quote) == (qualifier, value, "1.500")


# --- ratios and scores -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numerator", "denominator", "level"),
    [
        ("Hệ thống quản lý văn bản đã kết nối 460/460 UBND cấp xã.", 460.0, 460.0, "commune"),
        ("Đã có 16/20 cơ quan chuyên môn dùng chữ ký số chuyên dùng.", 16.0, 20.0, "unspecified"),
    ],
)
def test_bare_ratio_keeps_numerator_and_denominator(
    text: str, numerator: float, denominator: float, level: str
) -> None:
    obs = _one(text)
    assert (obs.unit, obs.value, obs.numerator, obs.denominator) == ("ratio", numerator, numerator, denominator)
    assert obs.admin_level == level


def test_ratio_above_its_plan_with_percent_over_100_is_one_figure() -> None:
    obs = _one("Đã làm sạch 451.343/434.900 hồ sơ theo kế hoạch, đạt 103,78%.")
    assert (obs.value, obs.unit, obs.stated_percent) == (103.78, "percent", 103.78)
    assert (obs.numerator, obs.denominator) == (451343.0, 434900.0)


def test_rank_out_of_63_is_a_ratio_marked_as_a_rank() -> None:
    obs = _one("Năm 2022, chỉ số chuyển đổi số của tỉnh xếp thứ 12/63 tỉnh, thành phố.")
    assert (obs.unit, obs.numerator, obs.denominator) == ("ratio", 12.0, 63.0)
    assert obs.figure_kind == "rank"


def test_rank_change_in_places_is_a_count() -> None:
    obs = _one("So với năm trước, tỉnh tăng 7 bậc trên bảng xếp hạng.")
    assert (obs.value, obs.unit) == (7.0, "count")


def test_index_score_keeps_its_four_decimals() -> None:
    obs = _one("Chỉ số hạ tầng số của tỉnh đạt 0,7215 điểm.")
    assert (obs.value, obs.quote) == (0.7215, "0,7215")


# --- things that look like figures and are not --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh quán triệt văn bản 36-NQ/TW của Bộ Chính trị.",
        "Sở triển khai theo văn bản 978/QĐ-UBND của tỉnh.",
        "Căn cứ văn bản 05/2017/QĐ-TTg của Thủ tướng.",
        "Số liệu lấy từ văn bản 378/BC-UBND của huyện.",
        "Bộ phận một cửa áp dụng ISO 9001:2008 trong xử lý hồ sơ.",
        "Trung tâm dữ liệu đạt chuẩn TCVN 9250:2012 về hạ tầng.",
        "Mọi thắc mắc xin gọi 0912.345.678 hoặc (0236) 3822 456.",
        "Nhà mạng đang chuyển thuê bao từ 2G/3G/4G/5G sang thiết bị mới.",
        "Người dân nộp hồ sơ qua dịch vụ công trực tuyến mức độ 3.",
        "Phiên họp bắt đầu lúc 14:30 ngày 26/03/2024.",
        "Thứ Hai, 08/04/2019 (GMT+7)",
        "03-06-2020 09:15",
        "date 2022-11",
        "Published on 7 March 2023 by the provincial portal.",
        "Lượt xem: 1.204",
        "0:00 / 0:00",
    ],
)
def test_identifiers_labels_dates_and_furniture_are_not_figures(text: str) -> None:
    assert extract_observations(text) == []


def test_visitor_statistics_block_is_not_figures() -> None:
    text = (
        "Trên địa bàn có 35 trạm BTS mới.\n"
        "Thống kê truy cập\n"
        "Đang online: 27\n"
        "Hôm nay: 1.045\n"
        "Tháng hiện tại: 32.118\n"
        "Tổng lượt truy cập: 4.567.890\n"
    )
    assert _values(text) == [(35.0, "count")]


# --- dates: publication versus as-of -----------------------------------------------


def test_end_of_year_is_an_as_of_date() -> None:
    obs = _one("Tính đến cuối năm 2022, toàn tỉnh có 1.250 trạm BTS.")
    assert obs.as_of_date == datetime.date(2022, 12, 31)


def test_as_of_line_does_not_become_the_publication_date() -> None:
    text = "Tỉnh mở rộng cáp quang\nThứ Hai, 08/04/2023 (GMT+7)\nTính đến cuối năm 2022, có 1.250 trạm BTS."
    assert extract_metadata(text).published_date == datetime.date(2023, 4, 8)


# --- text damage -------------------------------------------------------------------


def test_lost_characters_do_not_lose_the_figure() -> None:
    # The same support rate with and without its accented letters: same figure. The cue
    # "hỗ trợ" makes the intact rate a policy target; its damaged spelling is not read as a
    # word (issue 8 removed the rule "h tr" written for one shared sentence).
    damaged = _one("Tỉnh h tr 50% giá tr hp đồng thuê dịch vụ số.")
    intact = _one("Tỉnh hỗ trợ 50% giá trị hợp đồng thuê dịch vụ số.")
    assert (damaged.value, damaged.unit) == (intact.value, intact.unit) == (50.0, "percent")
    assert (damaged.is_target, intact.is_target) == (False, True)


def test_html_debris_left_in_text_holds_no_figure() -> None:
    text = '<p style="width: 100%">Toàn tỉnh có 120 trạm BTS.</p>&nbsp;<br/>'
    assert _values(text) == [(120.0, "count")]


def test_navigation_and_pagination_lines_hold_no_figure() -> None:
    text = (
        "Trang chủ » Tin tức » Chuyển đổi số\n"
        "Toàn tỉnh có 98 điểm bưu điện văn hóa xã.\n"
        "« Trước 1 2 3 4 5 Sau »\n"
    )
    assert _values(text) == [(98.0, "count")]


def test_photo_caption_printed_twice_counts_once() -> None:
    caption = "Ảnh: Cán bộ hướng dẫn người dân tại 45 điểm một cửa"
    text = f"{caption}\nNội dung bài viết nói về chuyển đổi số.\n{caption}"
    assert _values(text) == [(45.0, "count")]


def test_flattened_statistics_table_gives_values_not_years() -> None:
    text = "Chỉ tiêu 2021 2022 2023\nSố trạm BTS 1.250 1.310 1.402\n"
    assert _values(text) == [(1250.0, "count"), (1310.0, "count"), (1402.0, "count")]


# --- provinces ---------------------------------------------------------------------


def test_province_only_through_portal_while_ranking_names_others() -> None:
    text = (
        "Chuyển đổi số có nhiều chuyển biến\n"
        "Toàn tỉnh xếp thứ 20, sau Quảng Ninh, Đà Nẵng và Hải Phòng.\n"
        "Nguồn: khcncaobang.gov.vn"
    )
    assert detect_province(text)[0] == "04"


def test_province_only_through_organisation_while_ranking_names_others() -> None:
    text = "Nhân viên VNPT Nam Định lắp trạm mới; tỉnh đứng sau Hà Nội, Đà Nẵng về hạ tầng."
    assert detect_province(text)[0] == "36"


def test_english_name_without_diacritics_ha_giang() -> None:
    assert detect_province("Ha Giang province connected 95% of villages to 4G.")[0] == "02"


# --- levels and targets ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Có 25 cơ quan cấp tỉnh dùng hệ thống họp trực tuyến.", "province"),
        ("Có 12 đơn vị cấp huyện dùng hệ thống họp trực tuyến.", "district"),
        ("Có 140 đơn vị cấp xã dùng hệ thống họp trực tuyến.", "commune"),
    ],
)
def test_named_level_of_government(text: str, level: str) -> None:
    assert _one(text).admin_level == level


def test_goals_after_a_plan_for_a_year_range_are_targets() -> None:
    text = (
        "UBND tỉnh ban hành kế hoạch ứng dụng công nghệ thông tin giai đoạn 2019 - 2020 với các mục tiêu cụ thể. "
        "85% hồ sơ được xử lý trực tuyến; 60% văn bản được ký số."
    )
    assert [(o.value, o.is_target) for o in extract_observations(text)] == [(85.0, True), (60.0, True)]


def test_year_range_plan_that_sets_out_a_rate_is_a_target() -> None:
    obs = _one("Kế hoạch ứng dụng công nghệ thông tin giai đoạn 2019 - 2020 đặt ra 85% hồ sơ được xử lý trực tuyến.")
    assert (obs.value, obs.is_target) == (85.0, True)


def test_by_2025_is_a_target_when_published_before() -> None:
    obs = _one("Đến năm 2025, 80% hồ sơ được giải quyết trực tuyến.", datetime.date(2023, 6, 1))
    assert obs.is_target is True


# --- part and whole ----------------------------------------------------------------


def test_parts_of_organisations_and_individuals_point_to_the_total() -> None:
    text = "Đã cấp 6.500 chứng thư số, trong đó 1.200 chứng thư cho tổ chức, 5.300 chứng thư cho cá nhân."
    total, orgs, people = extract_observations(text)
    assert total.parent_ordinal is None
    assert (orgs.parent_ordinal, people.parent_ordinal) == (total.ordinal, total.ordinal)
    assert (orgs.value + people.value) == total.value
