"""How a figure is read (issue 8, root causes 5-6): pairs, rates per 100 inhabitants,
ratios after "đến", measures and money, as-of dates carried through a paragraph.

Every sentence is written for the test; tests/unit/PHENOMENA.md maps each rule here.
"""
from __future__ import annotations

import datetime

import pytest

from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations


def _one(text: str) -> Observation:
    [obs] = extract_observations(text)
    return obs


# --- pairs stay one figure ---------------------------------------------------------------


def test_a_pair_of_counts_with_units_in_brackets_is_one_ratio() -> None:
    obs = _one("Các trường tiểu học đã trang bị máy tính cho giáo viên (412 máy/530 giáo viên).")
    assert (obs.unit, obs.value, obs.numerator, obs.denominator, obs.figure_kind) == ("ratio", 412.0, 412.0, 530.0, "ratio")


def test_a_percentage_and_the_pair_in_brackets_after_it_are_one_figure() -> None:
    obs = _one("Có hơn 60% (1.086/1.790 thủ tục) được tích hợp lên Cổng dịch vụ công quốc gia.")
    assert (obs.value, obs.unit, obs.numerator, obs.denominator, obs.stated_percent) == (60.0, "percent", 1086.0, 1790.0, 60.0)
    assert obs.qualifier == "hơn"
    assert obs.subject.startswith("được tích hợp")


def test_a_percentage_whose_noun_stands_before_the_bracketed_pair_is_one_figure_when_they_agree() -> None:
    obs = _one("Hiện 100% trường mầm non (84/84 trường) đã dùng sổ liên lạc điện tử.")
    assert (obs.value, obs.unit, obs.numerator, obs.denominator) == (100.0, "percent", 84.0, 84.0)
    # a bracket that states something else is a figure of its own
    found = extract_observations("Có 85% xã có điểm wifi (12/20 xã năm 2023).")
    assert sorted((o.value, o.unit) for o in found) == [(12.0, "ratio"), (85.0, "percent")]


def test_a_pair_and_the_share_that_ends_its_long_clause_are_one_figure() -> None:
    obs = _one(
        "Có 38/45 xã, phường đã lắp đặt hệ thống camera giám sát an ninh trật tự kết nối về Trung tâm điều hành "
        "thông minh của tỉnh, đạt 84,4%."
    )
    assert (obs.value, obs.unit, obs.numerator, obs.denominator) == (84.4, "percent", 38.0, 45.0)


def test_a_part_out_of_a_stated_total_and_its_share_are_one_figure() -> None:
    obs = _one("Xã tiếp nhận 3.120 hồ sơ qua mạng/tổng số 7.800 hồ sơ, đạt 40%.")
    assert (obs.value, obs.unit, obs.numerator, obs.denominator) == (40.0, "percent", 3120.0, 7800.0)


def test_out_of_a_total_in_words_is_a_pair_too() -> None:
    obs = _one("Phường đã số hóa 2.450 hồ sơ hộ tịch trên tổng số 3.500 hồ sơ lưu trữ.")
    assert (obs.unit, obs.numerator, obs.denominator) == ("ratio", 2450.0, 3500.0)


# --- rates per 100 inhabitants ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mật độ thuê bao Internet/100 dân: 31,6",
        "Mật độ điện thoại cố định (thuê bao/100 dân) đạt 31,6.",
        "Mật độ thuê bao Internet đạt 31,6/100 dân.",
        "Mật độ thuê bao Internet đạt 31,6 thuê bao/100 dân.",
    ],
)
def test_a_rate_per_100_inhabitants_is_a_density_not_a_ratio_of_100(text: str) -> None:
    obs = _one(text)
    assert (obs.value, obs.unit, obs.numerator, obs.denominator, obs.figure_kind) == (31.6, "ratio", 31.6, 100.0, "density")


# --- dates and ratios after "đến" ----------------------------------------------------------


def test_a_ratio_after_den_is_not_blanked_out_as_a_date() -> None:
    obs = _one("Internet cáp quang đã kéo đến 14/14 xã, thị trấn của huyện.")
    assert (obs.numerator, obs.denominator) == (14.0, 14.0)


def test_a_day_and_month_after_den_followed_by_a_count_noun_is_a_ratio() -> None:
    obs = _one("Hệ thống đã kết nối đến 9/11 trạm y tế xã.")
    assert (obs.numerator, obs.denominator) == (9.0, 11.0)


def test_a_pair_of_counts_after_den_does_not_date_its_sentence() -> None:
    (obs,) = extract_observations("Mạng nội bộ đã kết nối đến 7/7 đơn vị trực thuộc Sở.", datetime.date(2024, 12, 10))
    assert (obs.numerator, obs.denominator, obs.as_of_date) == (7.0, 7.0, None)


def test_a_day_and_month_after_den_followed_by_the_sentence_is_a_date() -> None:
    assert [o.value for o in extract_observations("Tính đến 20/11 toàn tỉnh có 205 điểm wifi.")] == [205.0]


# --- measures and money ----------------------------------------------------------------------


def test_a_length_is_a_measure_and_money_is_money() -> None:
    cable, budget = extract_observations("Đã xây dựng 1.240,5 km cáp quang với kinh phí 35,2 tỷ đồng.")
    assert (cable.value, cable.figure_kind) == (1240.5, "measure")
    assert (budget.value, budget.figure_kind, budget.multiplier) == (35.2e9, "money", 1e9)


def test_a_range_keeps_its_upper_bound_typed() -> None:
    obs = _one("Mỗi xã bố trí 2-4 cán bộ kiêm nhiệm công nghệ thông tin.")
    assert (obs.value, obs.range_high) == (2.0, 4.0)


def test_a_qualifier_symbol_in_a_table_cell_is_kept() -> None:
    obs = next(o for o in extract_observations("STT | Chỉ tiêu | Kế hoạch 2026\n1 | Tỷ lệ xã có wifi | ≥ 90\n"))
    assert (obs.value, obs.qualifier, obs.is_target) == (90.0, "≥", True)


# --- as-of dates ---------------------------------------------------------------------------


def test_the_as_of_date_carries_to_the_trong_do_sentences_of_its_paragraph() -> None:
    text = "Tính đến ngày 31/10/2024, toàn tỉnh có 840 camera. Trong đó 310 camera giám sát giao thông."
    assert [(o.value, o.as_of_date, o.as_of_source) for o in extract_observations(text)] == [
        (840.0, datetime.date(2024, 10, 31), "sentence"),
        (310.0, datetime.date(2024, 10, 31), "paragraph"),
    ]


def test_a_sentence_with_its_own_year_and_the_next_paragraph_keep_no_carried_date() -> None:
    text = (
        "Tính đến ngày 31/10/2024, toàn tỉnh có 840 camera. Năm 2023 con số này là 620 camera.\n"
        "Có 55 xã sử dụng nền tảng số.\n"
    )
    dates = [o.as_of_date for o in extract_observations(text)]
    assert dates == [datetime.date(2024, 10, 31), None, None]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Đến cuối tháng 2/2024, tỉnh có 77 điểm phục vụ bưu chính.", datetime.date(2024, 2, 29)),
        ("Tính đến hết tháng 9 năm 2023, tỉnh có 77 điểm phục vụ bưu chính.", datetime.date(2023, 9, 30)),
        ("Từ ngày 1/1 đến 30/6/2024, tỉnh tiếp nhận 77 hồ sơ.", datetime.date(2024, 6, 30)),
    ],
)
def test_the_end_of_a_named_month_or_period_is_the_as_of_date(text: str, as_of: datetime.date) -> None:
    assert _one(text).as_of_date == as_of


def test_a_pair_of_counts_is_no_date_that_stops_the_paragraphs_as_of_date() -> None:
    text = (
        "Tính đến ngày 31/5/2024, toàn tỉnh có 980 trạm BTS. Có 1.204/1.315 thôn có sóng 4G, đạt 91,6%; "
        "118/118 xã có cáp quang. Ngày 15/6, huyện có thêm 12 điểm wifi."
    )
    found = {o.quote.split(" ")[0]: o for o in extract_observations(text, datetime.date(2024, 6, 20))}
    assert found["1.204/1.315"].as_of_date == datetime.date(2024, 5, 31)  # with its "đạt 91,6%"
    assert found["118/118"].as_of_date == datetime.date(2024, 5, 31)
    assert found["12"].as_of_date != datetime.date(2024, 5, 31)  # a sentence with its own day keeps it
    # a pair of small counts that could be a day and a month is a pair when a counted noun follows
    text = "Tính đến ngày 30/9/2024, tỉnh có 1.942 thủ tục. Toàn bộ 10/10 huyện và 11/12 sở đã kết nối."
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 10, 14))}
    assert found["10/10"].as_of_date == found["11/12"].as_of_date == datetime.date(2024, 9, 30)
    # the year a figure is compared with is no time of its own sentence
    text = "Tính đến ngày 20/12/2024, cổng có 4.475 dịch vụ. Số tài khoản đạt 14,3 triệu, gấp 1,6 lần năm 2023."
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 25))}
    assert found["14,3 triệu"].as_of_date == datetime.date(2024, 12, 20)
    # an English decimal is no day and month either
    text = "As of June 30, 2024, the city had 2,450 BTS stations. Some 96.5 percent of households have fibre."
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 7, 18))}
    assert found["96.5 percent"].as_of_date == datetime.date(2024, 6, 30)


def test_the_time_a_figure_is_compared_with_is_not_its_as_of_date() -> None:
    text = "Tính đến ngày 30/6/2025, tỉnh có 1.240 trạm BTS. Số thuê bao 5G đạt 310.000, tăng 3 lần so với cuối năm 2024."
    by_value = {o.value: o for o in extract_observations(text, datetime.date(2025, 7, 10))}
    assert by_value[310000.0].as_of_date == datetime.date(2025, 6, 30)  # carried, not 31/12/2024
    text = "Số trạm BTS đạt 1.302 trạm, tăng 58 trạm so với ngày 31/12/2024."
    by_value = {o.value: o for o in extract_observations(text, datetime.date(2025, 7, 10))}
    assert by_value[1302.0].as_of_date is None


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("Trong 9 tháng đầu năm 2025, Cổng dịch vụ công tiếp nhận 48.200 hồ sơ.", datetime.date(2025, 10, 10),
         datetime.date(2025, 9, 30)),
        ("Quý II/2025, toàn huyện lắp thêm 14 trạm BTS.", datetime.date(2025, 7, 4), datetime.date(2025, 6, 30)),
        ("Năm 2024, tỉnh đã cấp 3.200 chữ ký số.", datetime.date(2024, 12, 20), datetime.date(2024, 12, 31)),
        ("6 tháng đầu năm, các xã tổ chức 26 lớp tập huấn.", datetime.date(2025, 7, 8), datetime.date(2025, 6, 30)),
        ("Theo Sở Tư pháp, trong quý I/2025, các xã đã số hóa 8.300 hồ sơ hộ tịch.", datetime.date(2025, 4, 9),
         datetime.date(2025, 3, 31)),
        ("Trong tháng 8/2025, huyện lắp mới 11 trạm BTS.", datetime.date(2025, 9, 3), datetime.date(2025, 8, 31)),
        ("Cũng trong năm 2024, tỉnh cấp 1.900 chữ ký số.", datetime.date(2025, 1, 6), datetime.date(2024, 12, 31)),
        # "Trong 6 tháng," without its year is the first months of the publication year
        ("Trong 6 tháng, các xã đã số hóa 4.100 hồ sơ hộ tịch.", datetime.date(2025, 7, 12), datetime.date(2025, 6, 30)),
        # a list intro that ends on its period
        ("Kết quả 9 tháng năm 2025 như sau: số trạm BTS đạt 96 trạm.", datetime.date(2025, 10, 6), datetime.date(2025, 9, 30)),
        # a news dateline before the period
        ("QTV - Trong 9 tháng đầu năm 2025, tỉnh lắp thêm 52 trạm BTS.", datetime.date(2025, 10, 6),
         datetime.date(2025, 9, 30)),
        ("(Cổng TTĐT) - Quý III/2025, huyện cấp 640 chữ ký số.", datetime.date(2025, 10, 6), datetime.date(2025, 9, 30)),
        # ... a speaker's words before a dash are no dateline
        ("Ông Minh - Giám đốc Sở cho biết 9 tháng đầu năm 2025 đã có 52 trạm BTS.", datetime.date(2025, 10, 6), None),
        # a plan's period, ending long after publication, is no period of results: the goal it
        # sets is dated by its deadline (test_observations: a goal is dated by ...)
        ("Năm 2026, phấn đấu 95% hồ sơ được nộp trực tuyến.", datetime.date(2025, 12, 1), datetime.date(2026, 12, 31)),
        # the period of a ranking is no scope of the figure
        ("Tỉnh đã cấp 3.200 chữ ký số, cao nhất trong năm 2024.", datetime.date(2024, 12, 20), None),
    ],
)
def test_a_sentence_that_opens_with_its_period_states_its_figures_at_the_periods_end(
    text: str, published: datetime.date, as_of: datetime.date | None
) -> None:
    [obs] = [o for o in extract_observations(text, published) if o.value not in (2024, 2025, 2026)]
    assert obs.as_of_date == as_of


def test_a_caption_that_names_a_period_dates_its_tables_cells() -> None:
    text = (
        "Biểu 2. Hồ sơ thủ tục hành chính theo xã (6 tháng đầu năm 2025)\n"
        "STT | Xã | Hồ sơ tiếp nhận | Hồ sơ trực tuyến\n"
        "1 | Xã Tân An | 612 | 418\n"
        "2 | Xã Phú Mỹ | 534 | 377\n"
    )
    found = {o.value: o for o in extract_observations(text, datetime.date(2025, 7, 10))}
    assert found[612.0].as_of_date == found[377.0].as_of_date == datetime.date(2025, 6, 30)


def test_a_column_naming_months_of_a_year_dates_its_cells_to_their_end() -> None:
    text = (
        "STT | Nội dung | Đơn vị tính | 6 tháng 2025 | Lũy kế\n"
        "1 | Hồ sơ cấp căn cước | hồ sơ | 21.400 | 611.800\n"
        "2 | Tài khoản định danh điện tử kích hoạt | tài khoản | 30.150 | 402.600\n"
    )
    found = {o.value: o for o in extract_observations(text, datetime.date(2025, 7, 10))}
    assert found[21400.0].as_of_date == found[30150.0].as_of_date == datetime.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("As of the end of March 2025, the app had 51,200 downloads.", datetime.date(2025, 3, 31)),
        ("As of September 30, the district had 48 digital technology teams.", datetime.date(2025, 9, 30)),
        ("As of the end of August, the province had 640 public Wi-Fi hotspots.", datetime.date(2025, 8, 31)),
    ],
)
def test_english_as_of_a_month_end_or_a_day_without_its_year(text: str, as_of: datetime.date) -> None:
    [obs] = [o for o in extract_observations(text, datetime.date(2025, 10, 6)) if o.value not in (2025, 30)]
    assert obs.as_of_date == as_of


def test_dimensions_of_images_are_no_figures() -> None:
    assert [o.value for o in extract_observations("Bảo tàng đã số hóa 3D 412 hiện vật và dựng 2D/3D bản đồ.")] == [412.0]


def test_english_planned_and_scheduled_figures_are_targets() -> None:
    # the cue counts before the figure in its clause, as every target cue does
    [planned] = extract_observations("More stations are planned, including 8 monitoring stations on the coast.")
    [built] = extract_observations("The province built 8 monitoring stations last year.")
    assert (planned.is_target, built.is_target) == (True, False)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("In the first nine months, the province received 56,200 online dossiers.", datetime.date(2025, 9, 30)),
        ("After eight months of 2025, 412 public Wi-Fi hotspots were in service.", datetime.date(2025, 8, 31)),
        ("Chỉ trong 7 tháng, nhà mạng đã lắp 126 trạm BTS mới.", datetime.date(2025, 7, 31)),
        # a quotation that opens on its period, after its speaker
        ('Bà Lan, Giám đốc Trung tâm, cho biết: "Riêng 6 tháng năm 2025, trung tâm đã lắp 126 camera tại các nút giao thông trọng điểm của tỉnh."',
         datetime.date(2025, 6, 30)),
    ],
)
def test_a_period_in_english_after_only_or_opening_a_quotation_dates_its_sentence(text: str, as_of: datetime.date) -> None:
    [obs] = extract_observations(text, datetime.date(2025, 10, 6))
    assert obs.as_of_date == as_of


def test_english_x_of_the_places_y_is_one_pair_with_the_share_that_restates_it() -> None:
    [obs] = extract_observations("Some 412 of the province's 430 medical facilities, or 95.8 per cent, accept the cards.")
    assert (obs.numerator, obs.denominator, obs.value) == (412.0, 430.0, 95.8)
    [obs] = extract_observations("A total of 61 of its 64 communes have fibre-optic cables.")
    assert (obs.numerator, obs.denominator) == (61.0, 64.0)


def test_24_of_24_communes_is_a_figure_and_24_24_service_is_none() -> None:
    [obs] = extract_observations("Toàn huyện có 24/24 xã đã có Tổ công nghệ số cộng đồng.")
    assert (obs.numerator, obs.denominator) == (24.0, 24.0)
    assert extract_observations("Tổng đài hỗ trợ người dân 24/24, kể cả ngày nghỉ.") == []


def test_the_lower_bound_of_an_age_or_duration_range_is_no_figure() -> None:
    assert [o.quote for o in extract_observations("Huyện lập 12 đội hình gồm đoàn viên từ 18 đến 30 tuổi.")] == ["12"]
    assert extract_observations("Thời gian xử lý rút ngắn còn 3-5 ngày.") == []


def test_hours_said_colloquially_are_a_duration_not_a_figure() -> None:
    # "tiếng" (colloquial hours, "3 tiếng đồng hồ") like "giờ"
    found = [o.quote for o in extract_observations("Ứng dụng nhắc khách trước 3 tiếng; đã có 2.150 lượt đặt lịch trực tuyến.")]
    assert found == ["2.150"]


def test_a_multiple_with_a_qualifier_is_a_multiple() -> None:
    [obs] = [o for o in extract_observations("Số hồ sơ trực tuyến đạt 9.200, gấp khoảng 4 lần năm trước.") if o.quote != "9.200"]
    assert obs.figure_kind == "multiple"


def test_an_age_named_before_its_number_is_no_figure() -> None:
    text = "Các tổ có 96 thành viên, độ tuổi chủ yếu từ 20 đến 40."
    assert [o.quote for o in extract_observations(text)] == ["96"]
    assert [o.quote for o in extract_observations("Most volunteers are aged 19 to 35; the team has 64 members.")] == ["64"]
    # the elderly are counted, and so are people of working age
    assert [o.quote for o in extract_observations("Xã hỗ trợ 420 người cao tuổi cài VNeID.")] == ["420"]
    assert [o.quote for o in extract_observations("Trong độ tuổi lao động có 38.500 người.")] == ["38.500"]


def test_two_consecutive_digits_joined_by_a_comma_are_a_vague_count() -> None:
    assert extract_observations("Nhiều người phải chờ 2, 3 buổi mới làm xong thủ tục.") == []
    # a list of figures goes on past its second member
    text = "Ba xã lần lượt có 6, 7 và 9 điểm wifi."
    assert [o.quote for o in extract_observations(text)] == ["6", "7", "9"]


def test_a_rate_per_100_inhabitants_written_out_is_a_density() -> None:
    [obs] = extract_observations("- Số thuê bao Internet băng rộng cố định trên 100 dân: 38,6.")
    assert (obs.value, obs.figure_kind, obs.denominator) == (38.6, "density", 100.0)
    # "trên 100 người dân" with no figure after it is "over 100 people"
    [obs] = extract_observations("Tổ đã hướng dẫn trên 100 người dân cài đặt ứng dụng.")
    assert (obs.value, obs.figure_kind, obs.qualifier) == (100.0, "count", "trên")


def test_a_forms_line_of_name_unit_and_value_fields_is_one_record() -> None:
    text = (
        "Chỉ tiêu 7. Số điểm wifi công cộng miễn phí. ĐVT: điểm. Số liệu: 412.\n"
        "Chỉ tiêu 8. Tỷ lệ hồ sơ nộp trực tuyến. ĐVT: %. Số liệu: 64,5.\n"
        "Chỉ tiêu 9. Thuê bao di động trên 100 dân. ĐVT: thuê bao/100 dân. Số liệu: 118,2.\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text)}
    assert "wifi" in by_quote["412"].sentence  # the value keeps its name
    assert by_quote["64,5"].unit == "percent"
    assert by_quote["118,2"].figure_kind == "density"


def test_a_number_after_a_word_of_duration_is_no_figure() -> None:
    text = "Tỉnh mở 14 lớp tập huấn, mỗi lớp thời lượng 3 buổi; mỗi buổi kéo dài 4 tiếng."
    assert [o.quote for o in extract_observations(text)] == ["14"]


def test_n_phần_m_is_a_share() -> None:
    [obs] = extract_observations("Hơn 6 phần 10 hộ gia đình ở xã đã dùng ví điện tử.")
    assert (obs.value, obs.unit, obs.qualifier.lower()) == (60.0, "percent", "hơn")
    [obs] = extract_observations("Khoảng 1 phần 4 số thôn chưa có cáp quang.")
    assert (obs.value, obs.unit) == (25.0, "percent")


def test_a_day_of_the_month_and_a_volume_are_no_counts() -> None:
    assert extract_observations("Phiên giao dịch việc làm trực tuyến diễn ra vào ngày 20 hằng tháng.") == []
    [obs] = extract_observations("Hồ chứa có dung tích 46 triệu m3.")
    assert obs.figure_kind == "measure"
