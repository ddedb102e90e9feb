"""The document model under extraction (issue 8): sections, lists, tables, furniture, wrapped lines.

Every sentence, heading and table here is written for the test (none is copied
from a shared report). tests/unit/PHENOMENA.md maps each rule to its test.
"""
from __future__ import annotations

import datetime

from dagster_project.extraction.layout import read_layout
from dagster_project.extraction.layout_tables import column_role
from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations

PUBLISHED = datetime.date(2024, 12, 10)


def _by_value(text: str, published: datetime.date | None = PUBLISHED) -> dict[float, Observation]:
    return {o.value: o for o in extract_observations(text, published)}


# --- page furniture and wrapped lines ------------------------------------------------


def test_page_numbers_and_running_headers_are_dropped() -> None:
    header = "UBND huyện Mỹ Lộc - Báo cáo kết quả năm 2024"
    text = (
        f"{header}\n\nToàn huyện có 48 điểm truy cập wifi miễn phí.\n\n- 2 -\n\n"
        f"{header}\n\nĐã lắp đặt 36 camera an ninh.\n\nTrang 3/4\n\n"
        f"{header}\n\n7\n\nCó 12 xã kết nối cáp quang.\n"
    )
    layout = read_layout(text)
    assert len(layout.reading) == len(text)
    assert header not in layout.reading and "- 2 -" not in layout.reading and "Trang 3/4" not in layout.reading
    assert sorted(o.value for o in extract_observations(text)) == [12.0, 36.0, 48.0]


def test_a_sentence_broken_over_a_page_is_one_sentence_without_the_furniture() -> None:
    text = (
        "Báo cáo của phòng Văn hóa và Thông tin huyện được gửi đến các xã và thị trấn\n"
        "để tổng hợp số liệu trước khi gửi về Sở Thông tin và Truyền thông của tỉnh\n"
        "trong tháng này. Toàn huyện đã triển khai mạng truyền số liệu chuyên dùng tới\n"
        "\n- 4 -\n\nPhòng Văn hóa và Thông tin - Báo cáo năm 2024\n\n"
        "23 xã, thị trấn và tất cả các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện\n"
        "phục vụ việc gửi nhận văn bản điện tử giữa các cơ quan trên địa bàn huyện.\n"
    )
    [obs] = extract_observations(text)
    assert obs.value == 23.0
    assert obs.quote == "23" and text[obs.char_start : obs.char_end] == "23"
    assert obs.sentence.startswith("Toàn huyện đã triển khai mạng truyền số liệu chuyên dùng tới 23 xã")
    assert "- 4 -" not in obs.sentence and "Báo cáo năm 2024" not in obs.sentence


def test_a_new_total_after_a_page_break_is_no_part_of_the_list_before_it() -> None:
    text = (
        "Báo cáo của phòng Văn hóa và Thông tin huyện được gửi đến các xã và thị trấn\n"
        "để tổng hợp số liệu trước khi gửi về Sở Thông tin và Truyền thông của tỉnh\n"
        "trong tháng này. Năm 2025 phát triển thêm 80 trạm BTS, trong đó 60 trạm 5G, nâng\n"
        "tổng số trạm trên địa bàn huyện lên\n"
        "\n- 4 -\n\nPhòng Văn hóa và Thông tin - Báo cáo năm 2024\n\n"
        "412 trạm; 100% thôn có sóng di động 4G và cáp quang đến trung tâm các xã.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert found["60"].parent_ordinal == found["80"].ordinal
    assert found["412"].parent_ordinal is None  # "lên" makes it a new whole, past the page's furniture


def test_a_bare_page_number_on_a_form_feed_line_is_furniture_inside_a_sentence() -> None:
    text = (
        "Báo cáo của phòng Văn hóa và Thông tin huyện được gửi đến các xã và thị trấn\n"
        "để tổng hợp số liệu trước khi gửi về Sở Thông tin và Truyền thông của tỉnh\n"
        "trong tháng này. Năm 2025 phấn đấu lắp mới 60 camera giám sát, nâng tổng số camera\n"
        "\f                                       3\n"
        "Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND huyện\n"
        "\n"
        "kết nối Trung tâm điều hành lên 410 camera trên địa bàn toàn huyện năm 2025.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert "3" not in found
    assert found["410"].sentence.startswith("Năm 2025 phấn đấu lắp mới 60 camera")


_WRAPPED_LEAD = (
    "Báo cáo của phòng Văn hóa và Thông tin huyện được gửi đến các xã và thị trấn\n"
    "để tổng hợp số liệu trước khi gửi về Sở Thông tin và Truyền thông của tỉnh\n"
    "trong tháng này, theo đúng thời hạn quy định tại kế hoạch của Ủy ban nhân\n"
    "dân huyện về việc triển khai chuyển đổi số năm 2024 trên địa bàn toàn huyện\n"
)


def test_a_short_last_line_before_a_page_break_goes_on_after_the_running_header() -> None:
    text = _WRAPPED_LEAD + (
        "trong năm. Tỷ lệ số hóa đạt\n"
        "\n                                  7\n\nPhòng Văn hóa và Thông tin - Báo cáo năm 2024\n\n"
        "83,4%, cao hơn năm trước. Các xã đã hoàn thành việc rà soát dữ liệu dân cư.\n"
    )
    [obs] = extract_observations(text)
    assert obs.value == 83.4
    assert obs.sentence.startswith("Tỷ lệ số hóa đạt 83,4%")
    assert "Báo cáo năm 2024" not in obs.sentence


def test_a_wrapped_label_ending_in_a_colon_takes_the_value_on_the_next_line() -> None:
    text = _WRAPPED_LEAD + (
        "trong năm. Số thuê bao di động đạt 412.500 thuê bao; thuê bao di động/100 dân:\n"
        "131,2. Toàn huyện đã hoàn thành việc rà soát dữ liệu dân cư của các xã.\n"
        "Kết quả cụ thể của các xã, thị trấn trên địa bàn huyện trong năm như sau:\n"
        "1. Hạ tầng số của huyện tiếp tục được đầu tư với 48 trạm BTS.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert "131,2" in found and found["131,2"].sentence.startswith("Số thuê bao di động đạt 412.500 thuê bao;")
    assert found["48"].sentence.startswith("1. Hạ tầng số") or "như sau" not in found["48"].sentence


def test_a_clause_cut_at_the_wrap_width_after_its_semicolon_goes_on_the_next_line() -> None:
    text = _WRAPPED_LEAD + (
        "trong năm. Tính đến ngày 31/10/2024, toàn huyện có 96 trạm BTS, trong đó 8 trạm 5G;\n"
        "97% thôn, bản có sóng di động 4G; số thuê bao Internet cố định đạt 12.406 thuê\n"
        "bao. Các xã đã hoàn thành việc rà soát dữ liệu dân cư trên địa bàn.\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert found["97%"].sentence.startswith("Tính đến ngày 31/10/2024")
    assert found["97%"].as_of_date == found["12.406"].as_of_date == datetime.date(2024, 10, 31)
    # a short item ending in a semicolon, or one whose next line starts with a capital or a
    # marker, ends where it ends
    text = _WRAPPED_LEAD + "trong năm như sau:\n- Có 96 trạm BTS;\n97% thôn có sóng 4G.\n"
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert not found["97%"].sentence.startswith("- Có 96")
    text = _WRAPPED_LEAD + (
        "trong năm. Tính đến ngày 31/10/2024, toàn huyện có 96 trạm BTS, trong đó 8 trạm 5G;\n"
        "Số thuê bao Internet cố định đạt 12.406 thuê bao trên toàn địa bàn của huyện.\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert found["12.406"].sentence.startswith("Số thuê bao")


def test_a_line_that_starts_in_lower_case_continues_the_line_above() -> None:
    text = "Số hộ gia đình có kết nối Internet cáp quang trên địa bàn xã\nđạt 1.204 hộ trong năm qua.\n"
    [obs] = extract_observations(text)
    assert obs.value == 1204.0
    assert obs.sentence == "Số hộ gia đình có kết nối Internet cáp quang trên địa bàn xã đạt 1.204 hộ trong năm qua."


def test_a_wrapped_line_that_opens_with_a_bracket_continues_the_line_above() -> None:
    text = (
        "Tính đến ngày 30/9/2025, trên địa bàn xã đã có 46 trạm thu phát sóng thông tin di\n"
        "động (BTS) của 3 doanh nghiệp viễn thông, tăng 4 trạm so với năm trước, đồng thời\n"
        "(theo số liệu của Sở) có 97,5% thôn, bản đã có sóng 4G; số thuê bao di động đạt\n"
        "31.480 thuê bao; đến nay có 92% hộ gia đình có kết nối Internet cáp quang cố định\n"
        "và 100% trường học được kết nối mạng.\n"
    )
    by_value = _by_value(text, datetime.date(2025, 10, 8))
    assert by_value[97.5].as_of_date == datetime.date(2025, 9, 30)  # one sentence with the as-of day
    assert "(theo số liệu của Sở) có 97,5% thôn" in by_value[97.5].sentence


# --- sections and target scopes ----------------------------------------------------


PLAN = """I. ĐÁNH GIÁ KẾT QUẢ NĂM 2024
Toàn tỉnh có 64% hồ sơ được nộp trực tuyến.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025
1. Mục tiêu
a) Về dịch vụ công
Tỷ lệ hồ sơ trực tuyến toàn trình đạt 75%.
Đến nay đã có 59% thủ tục được số hóa kết quả.
b) Về nhân lực số
Bồi dưỡng kỹ năng số cho 1.500 công chức cấp xã.
III. TỔ CHỨC THỰC HIỆN
Sở chủ trì tổng hợp, báo cáo 2 lần mỗi năm trên 18 đơn vị.
"""


def test_a_targets_heading_makes_its_section_targets_and_a_results_heading_does_not() -> None:
    by_value = _by_value(PLAN)
    assert (by_value[64.0].is_target, by_value[64.0].target_source) == (False, "none")
    assert (by_value[75.0].is_target, by_value[75.0].target_source) == (True, "section")
    assert by_value[1500.0].is_target is True  # "b)" is still under "II. PHƯƠNG HƯỚNG"
    assert by_value[18.0].is_target is False  # "III." closes the targets section


SPECIFIC_TARGETS = """I. MỤC ĐÍCH, YÊU CẦU
Năm 2025, toàn tỉnh có 41 trạm 5G.

Bảng 2. Một số chỉ tiêu chủ yếu
STT | Chỉ tiêu | Năm 2024
1 | Số trạm BTS | 312

II. CHỈ TIÊU CỤ THỂ
1. Phát triển mới tối thiểu 60 trạm BTS.
2. Tỷ lệ hồ sơ trực tuyến đạt trên 72%.
III. TỔ CHỨC THỰC HIỆN
Sở báo cáo kết quả hằng quý.

PHỤ LỤC
PHÂN BỔ CHỈ TIÊU NĂM 2026 THEO XÃ
STT | Xã | Trạm BTS phát triển mới (trạm)
1 | Xã Mường Tè | 14
2 | Xã Pa Vệ Sử | 9
"""


def test_specific_targets_and_a_targets_annex_are_targets_and_an_indicators_table_is_not() -> None:
    by_value = _by_value(SPECIFIC_TARGETS)
    assert by_value[41.0].is_target is False
    assert by_value[60.0].is_target is by_value[72.0].is_target is True
    assert by_value[14.0].is_target is by_value[9.0].is_target is True
    assert by_value[312.0].is_target is False  # "chỉ tiêu" alone names indicators


def test_a_result_stated_inside_a_targets_section_stays_a_result() -> None:
    assert _by_value(PLAN)[59.0].is_target is False  # "Đến nay đã có ..."


def test_a_masthead_naming_the_planning_ministry_opens_no_plan() -> None:
    text = (
        "Báo Kinh tế Online\n\nCơ quan của Bộ Kế hoạch và Đầu tư\n\nTrang chủ » Địa phương » Long An\n\n"
        "Một hợp tác xã ở Long An bán 1.240 đơn hàng mỗi tháng qua sàn thương mại điện tử.\n"
    )
    [obs] = extract_observations(text, PUBLISHED)
    assert obs.is_target is False
    text = "PHÒNG KẾ HOẠCH - TÀI CHÍNH\nNăm 2024, phòng số hóa 3.250 hồ sơ lưu trữ.\n"
    [obs] = extract_observations(text, PUBLISHED)
    assert obs.is_target is False


def test_what_a_rate_has_only_reached_so_far_is_a_result() -> None:
    text = "Năm 2025, huyện phấn đấu 70% hộ dân có tài khoản thanh toán; hiện tỷ lệ này mới đạt 41%."
    by_value = {o.value: o for o in extract_observations(text, PUBLISHED)}
    assert by_value[70.0].is_target is True
    assert by_value[41.0].is_target is False


def test_what_a_rate_currently_reaches_inside_a_targets_section_is_a_result() -> None:
    text = (
        "II. NHIỆM VỤ NĂM 2026\n"
        "1. Mục tiêu\n"
        "- Tỷ lệ văn bản đi được ký số đạt 98%; tỷ lệ hồ sơ được số hóa hiện đạt 71,5%.\n"
    )
    by_value = {o.value: o for o in extract_observations(text, PUBLISHED)}
    assert by_value[98.0].is_target is True
    assert by_value[71.5].is_target is False


def test_the_section_path_names_every_open_heading() -> None:
    obs = _by_value(PLAN)[1500.0]
    assert obs.section == "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025 › 1. Mục tiêu › b) Về nhân lực số"
    assert obs.scope == "prose"


def test_a_numbered_line_with_a_figure_is_a_list_item_not_a_heading() -> None:
    text = "1. Về hạ tầng số\n1.1. 100% trạm y tế xã có kết nối Internet cáp quang.\n"
    [obs] = extract_observations(text)
    assert (obs.value, obs.section, obs.scope) == (100.0, "1. Về hạ tầng số", "list")


def test_a_numbered_line_cut_before_its_figure_is_a_list_item_not_a_heading() -> None:
    # a document hard-wrapped at 80 characters
    text = (
        "    Năm 2025, hạ tầng số của tỉnh tiếp tục được đầu tư theo hướng đồng bộ, hiện\n"
        "đại; các doanh nghiệp viễn thông mở rộng vùng phủ sóng tới các thôn vùng sâu,\n"
        "vùng xa và các khu công nghiệp mới hình thành trên địa bàn tỉnh trong năm.\n"
        "2. Mục tiêu năm 2026\n"
        "    a) Phấn đấu nâng tổng số điểm phát wifi công cộng miễn phí của toàn tỉnh lên\n"
        "640 điểm.\n"
        "    b) Hoàn thành việc kết nối mạng truyền số liệu chuyên dùng tới các xã, phường\n"
        "và thị trấn trên địa bàn, bảo đảm an toàn thông tin theo cấp độ được duyệt.\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    wifi = found["640"]
    assert wifi.is_target and wifi.scope == "list"
    assert "Phấn đấu nâng tổng số điểm phát wifi" in wifi.sentence


def test_a_goal_sentence_without_a_figure_does_not_make_the_rest_of_its_line_targets() -> None:
    text = "Huyện phấn đấu trở thành điểm sáng về cải cách hành chính. Năm nay có 41 xã dùng một cửa điện tử."
    [obs] = extract_observations(text, PUBLISHED)
    assert obs.is_target is False


def test_a_sentence_that_ends_announcing_goals_opens_a_targets_list() -> None:
    text = "Kế hoạch giai đoạn mới đặt ra những chỉ tiêu chủ yếu sau. 90% hồ sơ được ký số; 70% hộ có cáp quang."
    assert [(o.value, o.is_target, o.target_source) for o in extract_observations(text, PUBLISHED)] == [
        (90.0, True, "section"), (70.0, True, "section"),
    ]


def test_a_list_intro_ending_in_a_colon_scopes_its_items_and_prose_after_the_list_closes_it() -> None:
    text = (
        "Các chỉ tiêu phấn đấu năm 2025:\n"
        "- 95% thôn có sóng di động 4G;\n"
        "- 80% hồ sơ được giải quyết trực tuyến.\n"
        "Hiện toàn tỉnh có 312 trạm phát sóng.\n"
    )
    assert [(o.value, o.is_target) for o in extract_observations(text, PUBLISHED)] == [
        (95.0, True), (80.0, True), (312.0, False),
    ]


def test_an_as_of_intro_dates_its_items_and_an_inner_intro_keeps_that_date() -> None:
    text = (
        "Tính đến ngày 30/9/2024, trên địa bàn tỉnh:\n"
        "- Số điểm phục vụ bưu chính: 212 điểm.\n"
        "Chi tiết theo đơn vị:\n"
        "- Bưu điện tỉnh: 150 điểm.\n"
    )
    dates = {(o.value, o.as_of_date, o.as_of_source) for o in extract_observations(text)}
    assert dates == {(212.0, datetime.date(2024, 9, 30), "section"), (150.0, datetime.date(2024, 9, 30), "section")}


# --- tables ----------------------------------------------------------------------------


PIPE_TABLE = """Bảng 2. Một số chỉ tiêu về chính quyền số
ĐVT: %
STT | Chỉ tiêu | Năm 2023 | Năm 2024 | Kế hoạch 2025 | So với KH (%)
1 | Tỷ lệ văn bản đi được ký số (nhóm 3) | 88,5 | 93,1 | 100 | 97,1
2 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96,2 | 102,4 | 100 | 102,4
"""


def test_a_table_cell_takes_its_unit_year_and_target_from_its_column_and_unit_line() -> None:
    observations = extract_observations(PIPE_TABLE, PUBLISHED)
    cells = {(o.value, o.table_column): o for o in observations}
    actual = cells[(93.1, "Năm 2024")]
    assert (actual.unit, actual.is_target, actual.target_source) == ("percent", False, "column")
    assert (actual.as_of_date, actual.as_of_source, actual.scope) == (datetime.date(2024, 12, 31), "column", "table")
    plan = cells[(100.0, "Kế hoạch 2025")]
    # a goal is stated at the end of the year it is set for, in a table as in prose
    assert (plan.is_target, plan.target_source, plan.as_of_date) == (True, "column", datetime.date(2025, 12, 31))
    assert PIPE_TABLE[actual.char_start : actual.char_end] == "93,1"


def test_a_plan_column_dates_its_goals_at_the_end_of_the_period_it_names() -> None:
    text = (
        "| Chỉ tiêu | Kế hoạch 6 tháng cuối năm 2025 | Thực hiện đến 30/4/2025 |\n"
        "| Điểm wifi công cộng | 300 | 218 |\n"
    )
    cells = {o.value: (o.is_target, o.as_of_date) for o in extract_observations(text, datetime.date(2025, 5, 12))}
    assert cells == {300.0: (True, datetime.date(2025, 12, 31)), 218.0: (False, datetime.date(2025, 4, 30))}
    # a year column still to come at the report's date holds goals for that year's end
    text = "| Chỉ tiêu | Năm 2024 | Năm 2026 |\n| Điểm wifi công cộng | 180 | 400 |\n"
    cells = {o.value: (o.is_target, o.as_of_date) for o in extract_observations(text, PUBLISHED)}
    assert cells[400.0] == (True, datetime.date(2026, 12, 31))


def test_a_plan_column_naming_no_year_is_the_plan_of_the_year_its_caption_dates() -> None:
    text = (
        "Bảng 1. Kết quả thực hiện chỉ tiêu chuyển đổi số năm 2024\n"
        "| Chỉ tiêu | Kế hoạch | Thực hiện |\n"
        "| Điểm wifi công cộng | 250 | 236 |\n"
    )
    cells = {o.value: (o.is_target, o.as_of_date) for o in extract_observations(text, datetime.date(2025, 1, 15))}
    assert cells == {250.0: (True, datetime.date(2024, 12, 31)), 236.0: (False, datetime.date(2024, 12, 31))}
    # with nothing above that dates the table, the plan stays undated
    cells = {o.value: o.as_of_date for o in extract_observations(text.split("\n", 1)[1], datetime.date(2025, 1, 15))}
    assert cells[250.0] is None


def test_a_fixed_width_table_with_its_number_glued_to_the_label_keeps_each_wrapped_label() -> None:
    # "STT Nội dung" and "1 Số điểm ..." printed with one space: the number is a column of its
    # own, and a label wrapped onto the next line under the label goes on with its row
    text = (
        "STT Nội dung                        Đơn vị  Năm 2023  Năm 2024  Kế hoạch\n"
        "                                                                năm 2025\n"
        "  1 Số điểm phát wifi công cộng miễn   điểm       310       365       420\n"
        "    phí\n"
        "  2 Tỷ lệ hộ gia đình có kết nối         %      61,2      68,9        75\n"
        "    Internet cáp quang\n"
    )
    cells = _by_value(text, datetime.date(2025, 1, 20))
    assert set(cells) == {310.0, 365.0, 420.0, 61.2, 68.9, 75.0}  # no ordinal read as a figure
    assert (cells[365.0].subject, cells[365.0].as_of_date) == ("Số điểm phát wifi công cộng miễn phí", datetime.date(2024, 12, 31))
    assert cells[68.9].subject == "Tỷ lệ hộ gia đình có kết nối Internet cáp quang"
    assert (cells[75.0].table_column, cells[75.0].is_target) == ("Kế hoạch năm 2025", True)


NEWS_TABLE = """Thái Nguyên: Gần 600 điểm wifi miễn phí phục vụ người dân

12/11/2024 09:15

Hạ tầng số của tỉnh được mở rộng đến các xã vùng cao, với mạng cáp quang và sóng di động phủ khắp.

Với 9 huyện, thành phố và hơn 1,3 triệu dân, tỉnh coi hạ tầng số là nền tảng của chính quyền số.

Theo Sở Thông tin và Truyền thông, tính đến ngày 31/10/2024, toàn tỉnh có 596 điểm wifi công cộng, trong đó 310 \
điểm ở các xã. Kết quả ở ba cấp tại cùng thời điểm được tổng hợp trong bảng dưới đây.

Chỉ tiêu | Cấp tỉnh | Cấp huyện | Cấp xã
Hồ sơ công việc xử lý trên môi trường mạng (%) | 97,2 | 92,4 | 81,6

Các xã còn lại sẽ được lắp wifi trong năm 2025.
"""


def test_a_paragraph_pointing_at_the_table_below_dates_its_results() -> None:
    published = datetime.date(2024, 11, 12)
    cells = {o.value: o.as_of_date for o in extract_observations(NEWS_TABLE, published) if o.scope == "table"}
    assert set(cells.values()) == {datetime.date(2024, 10, 31)}
    # a paragraph that does not point at the table leaves it undated
    text = NEWS_TABLE.replace("được tổng hợp trong bảng dưới đây", "tăng đều so với năm trước")
    cells = {o.value: o.as_of_date for o in extract_observations(text, published) if o.scope == "table"}
    assert set(cells.values()) == {None}


def test_a_table_figure_reads_as_a_sentence_and_keeps_the_printed_row() -> None:
    obs = next(o for o in extract_observations(PIPE_TABLE, PUBLISHED) if o.value == 96.2)
    assert obs.sentence.startswith("Tỷ lệ hồ sơ giải quyết đúng hạn (ĐVT: %) — Năm 2023: 96,2")
    assert "[2 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96,2 | 102,4 | 100 | 102,4]" in obs.sentence
    assert obs.subject == "Tỷ lệ hồ sơ giải quyết đúng hạn"


def test_row_numbers_and_digits_in_row_labels_are_no_figures() -> None:
    values = [o.value for o in extract_observations(PIPE_TABLE, PUBLISHED)]
    assert 1.0 not in values and 2.0 not in values and 3.0 not in values


def test_a_comparison_column_is_marked_and_is_no_target() -> None:
    obs = next(o for o in extract_observations(PIPE_TABLE, PUBLISHED) if o.table_column == "So với KH (%)" and o.value == 97.1)
    assert (obs.figure_kind, obs.is_target, obs.unit) == ("comparison", False, "percent")


def test_a_bare_rate_column_after_a_plan_and_a_result_compares_them() -> None:
    text = (
        "| STT | Chỉ tiêu | Kế hoạch 2025 | Thực hiện | Tỷ lệ (%) |\n"
        "| 1 | Điểm wifi công cộng | 300 | 318 | 106,0 |\n"
        "| 2 | Camera giám sát | 1.200 | 960 | 80,0 |\n"
    )
    rates = [o for o in extract_observations(text, PUBLISHED) if o.table_column == "Tỷ lệ (%)"]
    assert [(o.value, o.figure_kind) for o in rates] == [(106.0, "comparison"), (80.0, "comparison")]
    # ... a rate column of its own is a measure
    text = "| STT | Xã | Số hộ | Tỷ lệ (%) |\n| 1 | Xã An Bình | 1.204 | 86,5 |\n"
    assert {o.value: o.figure_kind for o in extract_observations(text, PUBLISHED)}[86.5] != "comparison"


TAB_TABLE = (
    "STT\tChỉ tiêu\tĐVT\tThực hiện 2023\tƯớc thực hiện 2024\tMục tiêu 2025\n"
    "1\tThuê bao băng rộng di động\tNghìn thuê bao\t512,4\t548,9\t600\n"
    "2\tHộ gia đình dùng cáp quang\t%\t61,3\t66,0\t75\n"
)


def test_a_tab_table_reads_the_unit_column_scale_and_percent() -> None:
    cells = {(o.table_column, round(o.value, 3)): o for o in extract_observations(TAB_TABLE, PUBLISHED)}
    subscribers = cells[("Ước thực hiện 2024", 548900.0)]
    assert (subscribers.unit, subscribers.multiplier, subscribers.is_target) == ("count", 1000.0, False)
    assert cells[("Mục tiêu 2025", 600000.0)].is_target is True
    assert cells[("Thực hiện 2023", 61.3)].unit == "percent"


SPACES_TABLE = """PHỤ LỤC
SỐ TRẠM BTS THEO ĐƠN VỊ CẤP HUYỆN
Đơn vị tính: trạm

STT   Đơn vị              Số trạm BTS    Trạm 5G    Tỷ lệ thôn có 4G (%)
1     Huyện Tân Lạc       84             6          97,5
2     Huyện Mai Châu      61             2          101,2
      Cộng                145            8          99,1
"""


def test_a_space_aligned_table_breaks_its_measures_down_by_district() -> None:
    observations = extract_observations(SPACES_TABLE, PUBLISHED)
    tan_lac = [o for o in observations if o.table_row == "Huyện Tân Lạc"]
    assert [(o.value, o.unit, o.table_column) for o in tan_lac] == [
        (84.0, "count", "Số trạm BTS"), (6.0, "count", "Trạm 5G"), (97.5, "percent", "Tỷ lệ thôn có 4G (%)"),
    ]
    assert tan_lac[0].admin_level == "district"
    assert tan_lac[0].sentence.startswith("Huyện Tân Lạc — Số trạm BTS (Đơn vị tính: trạm): 84")


def test_a_unit_line_that_names_a_unit_per_kind_of_column_gives_each_column_its_own() -> None:
    text = (
        "Bảng 3. Hồ sơ nộp trực tuyến của các huyện năm 2024\n"
        "Đơn vị tính: hồ sơ; tỷ lệ: %\n"
        "| STT | Đơn vị | Hồ sơ trực tuyến | Tỷ lệ trực tuyến |\n"
        "|---|---|---|---|\n"
        "| 1 | Huyện Anh Sơn | 12.418 | 64,2 |\n"
        "| 2 | Huyện Con Cuông | 7.905 | 58,9 |\n"
    )
    cells = {o.value: o.unit for o in extract_observations(text, PUBLISHED)}
    assert (cells[12418.0], cells[64.2]) == ("count", "percent")
    assert (cells[7905.0], cells[58.9]) == ("count", "percent")


def test_the_total_row_without_a_row_number_keeps_its_columns_and_is_no_breakdown() -> None:
    total = {o.value: o for o in extract_observations(SPACES_TABLE, PUBLISHED) if "Cộng" in o.sentence.split("[")[0]}
    assert set(total) == {145.0, 8.0, 99.1}
    assert total[99.1].unit == "percent" and total[99.1].table_column == "Tỷ lệ thôn có 4G (%)"
    assert all(o.table_row is None for o in total.values())


def test_a_share_above_100_percent_in_a_table_row_is_a_percent_figure() -> None:
    obs = next(o for o in extract_observations(SPACES_TABLE, PUBLISHED) if o.value == 101.2)
    assert obs.unit == "percent"  # so the percent_within_0_100 check sees it


ONE_CELL_PER_LINE = """Bảng 3. Kết quả đến ngày 15/11/2024
STT
Nội dung
Đơn vị tính
Kết quả
1
Số tài khoản dịch vụ công được tạo mới
Tài khoản
18.402
2
Số thủ tục hành chính được tích hợp thanh toán
trực tuyến trên Cổng dịch vụ công
Thủ tục
937
"""


def test_a_table_printed_one_cell_per_line_is_read_row_by_row() -> None:
    observations = extract_observations(ONE_CELL_PER_LINE, PUBLISHED)
    assert [(o.value, o.as_of_date) for o in observations] == [
        (18402.0, datetime.date(2024, 11, 15)), (937.0, datetime.date(2024, 11, 15)),
    ]
    assert observations[1].subject == "Số thủ tục hành chính được tích hợp thanh toán trực tuyến trên Cổng dịch vụ công"
    assert observations[1].as_of_source == "section"


ONE_CELL_PER_LINE_WITHOUT_NUMBERS = """Bảng 4. Trạm BTS theo doanh nghiệp (số liệu đến 31/10/2024)
Doanh nghiệp
Số trạm BTS
Trạm 5G
Viettel
842
120
MobiFone
315
41

Trang 2/4

Vinaphone
407
66
Tổng cộng
1.564
227
"""


def test_a_table_printed_one_cell_per_line_without_row_numbers_starts_at_its_first_row() -> None:
    # the first row's label is a short line like the headers; the table goes on past the page number
    observations = extract_observations(ONE_CELL_PER_LINE_WITHOUT_NUMBERS, PUBLISHED)
    assert [o.value for o in observations] == [842.0, 120.0, 315.0, 41.0, 407.0, 66.0, 1564.0, 227.0]
    assert observations[0].sentence.startswith("Viettel — Số trạm BTS: 842")  # "...tel 842" is no phone number
    assert {o.as_of_date for o in observations} == {datetime.date(2024, 10, 31)}


RULED_SPACES_TABLE = """Bảng 3. Trạm BTS theo huyện (đến ngày 30/9/2024)
Huyện                  Số trạm BTS      Trạm 5G
-------------------------------------------------
Huyện Mường Lát                 64            2
Huyện Quan Sơn                  71            3
Toàn tỉnh                      135            5
-------------------------------------------------
"""


def test_a_rule_of_dashes_under_a_space_aligned_header_keeps_the_header_with_its_rows() -> None:
    observations = extract_observations(RULED_SPACES_TABLE, PUBLISHED)
    assert [(o.value, o.table_column) for o in observations[:2]] == [(64.0, "Số trạm BTS"), (2.0, "Trạm 5G")]
    assert len(observations) == 6 and {o.as_of_date for o in observations} == {datetime.date(2024, 9, 30)}


def test_a_single_line_with_a_bar_is_prose_not_a_table() -> None:
    [obs] = extract_observations("Cập nhật | Huyện có 17 điểm bưu điện văn hóa xã.")
    assert (obs.value, obs.scope) == (17.0, "prose")


def test_column_roles_from_headers() -> None:
    roles = {h: column_role(h, k).role for k, h in enumerate(
        ["TT", "Nội dung", "ĐVT", "Năm 2024", "KH 2025", "Ước TH 2025", "Ghi chú", "Tăng/giảm (%)", "Số xã"]
    )}
    assert roles == {
        "TT": "stt", "Nội dung": "label", "ĐVT": "unit", "Năm 2024": "period", "KH 2025": "target",
        "Ước TH 2025": "period", "Ghi chú": "note", "Tăng/giảm (%)": "comparison", "Số xã": "measure",
    }
    # "so" without "với" compares as well
    assert column_role("Tỷ lệ so KH (%)", 4).role == column_role("So cùng kỳ (%)", 5).role == "comparison"


def test_the_official_masthead_is_no_section_and_holds_no_figure() -> None:
    text = (
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN CHÂU THÀNH                     Độc lập - Tự do - Hạnh phúc\n"
        "Số: 77/BC-UBND                   Châu Thành, ngày 02 tháng 7 năm 2024\n\n"
        "BÁO CÁO\nKết quả chuyển đổi số 6 tháng đầu năm 2024\n\n"
        "I. KẾT QUẢ\nCó 14 xã sử dụng nền tảng họp trực tuyến.\n"
    )
    [obs] = extract_observations(text)
    assert (obs.value, obs.section) == (14.0, "I. KẾT QUẢ")


def test_a_two_row_header_names_each_column_by_its_plan_or_result_and_year() -> None:
    text = (
        "ĐVT: %\n"
        "STT | Chỉ tiêu | Năm 2023 | Năm 2024\n"
        "Kế hoạch | Thực hiện | Kế hoạch | Ước thực hiện\n"
        "1 | Tỷ lệ hộ có cáp quang | 55 | 53,8 | 62 | 60,1\n"
    )
    assert [(o.value, o.table_column, o.is_target) for o in extract_observations(text, PUBLISHED)] == [
        (55.0, "Kế hoạch Năm 2023", True), (53.8, "Thực hiện Năm 2023", False),
        (62.0, "Kế hoạch Năm 2024", True), (60.1, "Ước thực hiện Năm 2024", False),
    ]


def test_a_column_headed_don_vi_after_the_label_holds_units() -> None:
    text = "Chỉ tiêu | Đơn vị | Năm 2024\nThuê bao Internet cố định | Nghìn thuê bao | 86,5\nTrạm BTS | Trạm | 412\n"
    assert [(o.value, o.multiplier) for o in extract_observations(text)] == [(86500.0, 1000.0), (412.0, None)]


def test_multi_level_heading_numbers_are_no_figures() -> None:
    text = "2.3 Về nhân lực số\nToàn huyện có 26 cán bộ phụ trách công nghệ thông tin.\n"
    [obs] = extract_observations(text)
    assert (obs.value, obs.section) == (26.0, "2.3 Về nhân lực số")


def test_a_bare_number_after_a_rate_label_is_a_percentage() -> None:
    share, count = extract_observations("+ Tỷ lệ hồ sơ nộp trực tuyến: 48,6\n+ Số hồ sơ nộp trực tuyến: 4.860 hồ sơ\n")
    assert (share.value, share.unit) == (48.6, "percent")
    assert (count.value, count.unit) == (4860.0, "count")


def test_lines_with_tabs_but_no_figure_column_are_read_as_a_list() -> None:
    text = "Tính đến ngày 30/6/2024:\n- Số trạm BTS:\t96 trạm\n- Số xã có cáp quang:\t15 xã\n"
    assert [(o.value, o.scope, o.as_of_date) for o in extract_observations(text)] == [
        (96.0, "list", datetime.date(2024, 6, 30)), (15.0, "list", datetime.date(2024, 6, 30)),
    ]


def test_a_table_keeps_its_caption_and_the_heading_it_stands_under() -> None:
    text = "2. Hạ tầng bưu chính\nBiểu 5: Điểm phục vụ bưu chính theo huyện\nHuyện | Số điểm | Bưu điện văn hóa xã\nHuyện Nậm Nhùn | 14 | 9\n"
    table = next(b for b in read_layout(text).blocks if b.kind == "table")
    assert table.scope.caption == "Biểu 5: Điểm phục vụ bưu chính theo huyện"
    obs = next(o for o in extract_observations(text, PUBLISHED) if o.value == 14)
    assert obs.extra["table_caption"] == table.scope.caption
    assert obs.extra["table_heading"] == "2. Hạ tầng bưu chính"


MERGED_HEADER = """Bảng 3. Kết quả tiếp nhận hồ sơ theo huyện
STT | Đơn vị | Hồ sơ tiếp nhận | Tỷ lệ trực tuyến (%)
Tổng số | Trực tuyến
1 | Huyện Bắc Mê | 5.000 | 3.000 | 60,0
2 | Huyện Yên Minh | 4.000 | 1.000 | 25,0
"""


def test_a_two_row_header_with_cells_spanning_both_rows_and_a_group_over_two_columns() -> None:
    # as the HTML and Word readers print <th rowspan=2> and <th colspan=2> cells
    cells = {o.value: o for o in extract_observations(MERGED_HEADER, PUBLISHED)}
    assert 1.0 not in cells and 2.0 not in cells  # row numbers stay row numbers
    assert cells[5000.0].table_column == "Tổng số Hồ sơ tiếp nhận"
    assert cells[3000.0].table_column == "Trực tuyến Hồ sơ tiếp nhận"
    assert (cells[60.0].table_column, cells[60.0].unit) == ("Tỷ lệ trực tuyến (%)", "percent")
    assert cells[1000.0].table_row == "Huyện Yên Minh"


TARGETS_TABLE = """II. MỤC TIÊU NĂM 2026
Biểu 1. Các chỉ tiêu chủ yếu
STT | Chỉ tiêu | Đơn vị tính | Năm 2026
1 | Số trạm BTS 5G | Trạm | 320
"""

RESULTS_TABLE = """I. KẾT QUẢ THỰC HIỆN
STT | Chỉ tiêu | Năm 2024 | Năm 2025 | Năm 2026
1 | Số trạm BTS 5G | 40 | 95 | 320
"""


def test_a_bare_year_column_under_a_targets_heading_or_a_year_still_to_come_holds_targets() -> None:
    published = datetime.date(2025, 12, 20)
    (plan,) = extract_observations(TARGETS_TABLE, published)
    # a goal is stated at the end of the year it is set for, in a table as in prose
    assert (plan.is_target, plan.target_source, plan.as_of_date) == (True, "column", datetime.date(2026, 12, 31))
    cells = {o.value: o for o in extract_observations(RESULTS_TABLE, published)}
    assert cells[40.0].is_target is False and cells[95.0].is_target is False  # this year and last: results
    assert cells[320.0].is_target is True  # 2026 has not come in a report of December 2025


def test_the_headlines_of_a_related_news_box_are_not_figures_of_the_report() -> None:
    text = (
        "Huyện có 52 tổ công nghệ số cộng đồng.\n\n"
        "Tin liên quan\n"
        "- Xã bên cạnh ra mắt 14 tổ công nghệ số\n"
        "Thành phố: 97% hồ sơ được số hóa\n\n"
        "Bài viết khác:\n"
        "- 3.000 người dân kích hoạt định danh điện tử\n\n"
        "Bài viết cùng chuyên mục\n"
        "- Huyện miền núi có 60% hộ dùng cáp quang\n\n"
        "Xem thêm: Hà Nội đặt mục tiêu 1 triệu người dùng VNeID · 3 nhóm giải pháp phát triển nhân lực số\n"
    )
    assert [o.value for o in extract_observations(text)] == [52.0]
    # a paragraph after the box is read again
    text = "Tin liên quan\n- Tỉnh bạn có 40 trạm BTS\nToàn tỉnh đã có 1.210 trạm BTS, tăng mạnh so với năm trước.\n"
    assert [o.value for o in extract_observations(text)] == [1210.0]


def test_a_row_ending_in_a_number_before_a_row_whose_label_is_a_level_keeps_that_number() -> None:
    text = (
        "Bảng 2. Hồ sơ theo cấp\n"
        "Cấp                 Tiếp nhận      Trực tuyến     Tỷ lệ (%)\n"
        "Cấp tỉnh              12.400          9.860          79,5\n"
        "Cấp huyện             20.310         14.020          69,0\n"
    )
    assert [o.quote for o in extract_observations(text)] == ["12.400", "9.860", "79,5", "20.310", "14.020", "69,0"]
    # on one line a level noun after the number still makes a label ("liên thông 4 cấp")
    assert extract_observations("Hệ thống đã liên thông 4 cấp chính quyền.") == []


def test_a_news_subheading_that_opens_a_targets_part_makes_its_paragraphs_targets() -> None:
    text = (
        "Tỉnh tổng kết chuyển đổi số năm 2024\n\n"
        "Kết quả năm 2024\n\n"
        "Toàn tỉnh có 1.320 trạm BTS và 86% hộ gia đình có cáp quang.\n\n"
        "Mục tiêu đến năm 2030\n\n"
        "Toàn tỉnh có khoảng 2.100 trạm BTS. Tỷ lệ hộ gia đình có cáp quang đạt 98%.\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2025, 1, 10))}
    assert found == {"1.320": False, "86%": False, "2.100": True, "98%": True}
    # a short line that names no targets or results part stays text; so does the title
    text = "Mục tiêu năm 2025 của ngành\n\nHạ tầng số\n\nToàn tỉnh có 1.320 trạm BTS.\n"
    assert [o.is_target for o in extract_observations(text, datetime.date(2025, 1, 10))] == [False]


def test_a_unit_column_right_after_the_label_column_gives_each_row_its_unit() -> None:
    text = (
        "Bảng 3. Kết quả thực hiện các chỉ tiêu\n"
        "ĐVT: theo từng chỉ tiêu\n"
        "STT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2024 | Thực hiện năm 2024\n"
        "1 | Tỷ lệ hồ sơ nộp trực tuyến | % | 55 | 61,8\n"
        "2 | Số trạm BTS | Trạm | 1.150 | 1.172\n"
    )
    units = {o.quote: o.unit for o in extract_observations(text)}
    assert units == {"55": "percent", "61,8": "percent", "1.150": "count", "1.172": "count"}


def test_a_caption_or_list_intro_that_dates_its_data_to_a_past_day_introduces_results() -> None:
    text = (
        "KẾ HOẠCH\nỨng dụng công nghệ thông tin năm 2025\n\n"
        "I. MỤC TIÊU\n\n"
        "Phấn đấu 80% hồ sơ được nộp trực tuyến.\n\n"
        "PHỤ LỤC\n"
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025; số liệu tính đến ngày 20/12/2024)\n\n"
        "| STT | Đơn vị | Hồ sơ tiếp nhận | Trong đó trực tuyến |\n"
        "| 1 | Huyện Tân Phú | 12.480 | 8.310 |\n"
        "| 2 | Huyện Bình Sơn | 9.020 | 6.115 |\n\n"
        "Các chỉ tiêu hạ tầng khác tính đến ngày 31/12/2024:\n"
        "- Số trạm BTS: 1.240 trạm;\n"
        "- Số điểm phục vụ bưu chính: 165 điểm.\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2025, 1, 10))}
    assert found["80%"] is True
    assert not any(found[q] for q in ("12.480", "8.310", "9.020", "6.115", "1.240", "165"))
    # a caption that dates nothing keeps the plan's reading
    text = "Chỉ tiêu kế hoạch năm 2026\n\n| STT | Chỉ tiêu | Năm 2026 |\n| 1 | Số trạm BTS | 1.400 |\n"
    assert [o.is_target for o in extract_observations(text, datetime.date(2025, 1, 10))] == [True]


def test_a_dated_list_intro_dates_the_table_under_it_past_the_tables_caption() -> None:
    text = (
        "Tính đến ngày 20/9/2024, hạ tầng của các doanh nghiệp viễn thông như sau:\n"
        "Biểu 1. Trạm BTS theo doanh nghiệp\n"
        "| Doanh nghiệp | Số trạm BTS |\n"
        "| Viettel | 812 |\n"
        "| VNPT | 604 |\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2024, 9, 27))}
    assert found == {"812": datetime.date(2024, 9, 20), "604": datetime.date(2024, 9, 20)}


def test_a_markdown_tables_rule_row_keeps_its_header_with_its_rows() -> None:
    text = (
        "Bảng 1. Kết quả chuyển đổi số\n"
        "| STT | Chỉ tiêu | Đơn vị tính | Năm 2023 | Năm 2024 | KH 2025 |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Tỷ lệ hồ sơ nộp trực tuyến | % | 44,8 | 58,4 | 70 |\n"
        "| 2 | Số trạm BTS | trạm | 1.200 | 1.350 | 1.500 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 20))}
    assert found["58,4"].unit == "percent" and found["58,4"].as_of_date == datetime.date(2024, 12, 31)
    assert found["70"].is_target and found["1.500"].is_target and not found["1.350"].is_target


def test_a_plan_named_by_its_number_is_no_targets_section() -> None:
    text = (
        "PHỤ LỤC\n"
        "SỐ LIỆU MỘT SỐ CHỈ TIÊU GIAI ĐOẠN 2022 - 2024\n"
        "(Kèm theo Kế hoạch số 46/KH-UBND ngày 14/3/2025 của UBND tỉnh)\n\n"
        "Năm\tSố trạm BTS (trạm)\tTổ công nghệ số cộng đồng (tổ)\n"
        "2023\t2.948\t1.840\n"
        "2024\t3.126\t1.869\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 3, 14))}
    assert {q: o.is_target for q, o in found.items()} == {"2.948": False, "1.840": False, "3.126": False, "1.869": False}
    # rows that are years date their cells as year columns would
    assert found["2.948"].as_of_date == datetime.date(2023, 12, 31) and found["1.869"].as_of_date == datetime.date(2024, 12, 31)


def test_indicator_labels_under_a_results_intro_are_results() -> None:
    text = (
        "Kết quả các chỉ tiêu chính quyền số đến hết tháng 9/2024:\n"
        "- Chỉ tiêu tỷ lệ hồ sơ được số hóa khi tiếp nhận: 79,3%\n"
        "- Chỉ tiêu số tài khoản định danh điện tử được kích hoạt: 318.650 tài khoản\n\n"
        "Phấn đấu đến ngày 31/12/2024 hoàn thành các chỉ tiêu sau:\n"
        "- Chỉ tiêu tỷ lệ hồ sơ xử lý trực tuyến: trên 68%;\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2024, 10, 4))}
    assert found == {"79,3%": False, "318.650": False, "68%": True}


def test_a_goal_named_right_before_its_figure_under_a_results_heading_is_a_target() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
        "Toàn huyện tiếp nhận 24.310 hồ sơ, trong đó 13.020 hồ sơ trực tuyến, đạt 53,6%, vượt chỉ tiêu 50% đề ra.\n"
        "Đã có 41.250 người dân kích hoạt tài khoản định danh điện tử, đạt 61%, chưa đạt chỉ tiêu 65%.\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2025, 1, 15))}
    assert found["50%"] is True and found["65%"] is True
    assert found["53,6%"] is False and found["61%"] is False


def test_a_page_number_right_above_the_running_header_is_furniture() -> None:
    header = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024 - SỞ TT&TT\n"
    text = (
        header + "\nTỉnh có 980 trạm BTS phủ sóng toàn bộ các xã trong tỉnh.\n"
        "\n                                        1\n" + header + "\n"
        "Hệ thống giải quyết thủ tục của tỉnh cung cấp 1.658 thủ tục\n"
        "\n                                        2\n" + header + "\n"
        "hành chính, trong đó 1.012 dịch vụ công trực tuyến toàn trình.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert set(found) == {"980", "1.658", "1.012"}  # no page number "2" read as a figure
    assert found["1.012"].sentence.startswith("Hệ thống giải quyết thủ tục")


def test_a_table_split_over_a_page_with_its_header_printed_again_is_one_table() -> None:
    header = "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024 - SỞ TT&TT\n"
    columns = "STT  Huyện               Tiếp nhận   Trong đó trực tuyến\n"
    text = (
        header + "\nBảng 2. Hồ sơ thủ tục hành chính cấp huyện năm 2024\n" + columns
        + "1    Ninh Hải             11.208           7.024\n"
        + "2    Ninh Phước           13.540           8.415\n"
        + "\n                                        3\n" + header + "\n" + columns
        + "3    Bác Ái                4.128           2.035\n"
        + "4    Thuận Bắc             5.264           3.148\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 1, 5))}
    # the rows after the page break keep the caption and the column headers
    assert found["2.035"].indicator_code == found["7.024"].indicator_code == "dossiers_processed_online"
    assert found["4.128"].indicator_code == "dossiers_received"
    assert found["4.128"].extra.get("table_caption") == found["11.208"].extra.get("table_caption")


def test_a_tab_table_whose_last_rows_go_on_after_a_page_break_without_its_header_is_one_table() -> None:
    running = "UBND xã Tân Lập - Báo cáo quý III/2025\n"
    text = (
        "Bảng 2. Hồ sơ và trạm BTS theo thôn\n"
        "STT\tThôn\tSố trạm BTS\tHồ sơ tiếp nhận\tHồ sơ trực tuyến\n"
        "1\tThôn Nà Phai\t4\t212\t148\n"
        "2\tThôn Khuổi Lừa\t3\t186\t97\n"
        "\nTrang 2/3\n\f" + running + "\n"
        "3\tThôn Bản Chang\t5\t241\t163\n"
        "\tTổng cộng\t12\t639\t408\n"
        "\nTrang 3/3\n\f" + running + "\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 10, 6))}
    assert found["241"].indicator_code == found["212"].indicator_code == "dossiers_received"
    assert found["163"].indicator_code == "dossiers_processed_online"
    assert found["5"].indicator_code == "bts_stations"
    assert found["241"].extra.get("table_caption") == found["212"].extra.get("table_caption")


def test_a_breakdowns_headcount_column_is_no_figure_of_it() -> None:
    text = (
        "Bảng 3. Hộ gia đình dùng Internet cáp quang theo thôn\n"
        "STT | Thôn | Số hộ | Hộ có cáp quang | Dân số (người)\n"
        "1 | Thôn Đồng Tâm | 420 | 377 | 1.690\n"
        "2 | Thôn Bắc Sơn | 365 | 301 | 1.402\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 10, 6))}
    assert found["420"].relevance == found["1.690"].relevance == "population"
    assert found["377"].indicator_code == "household_internet"


def test_a_column_that_counts_members_of_what_the_caption_names_is_a_figure_of_it() -> None:
    # members exist through the teams they joined: no headcount of the place
    text = (
        "Phụ lục 2. Tổ công nghệ số cộng đồng theo xã\n"
        "STT | Xã | Số tổ | Số thành viên\n"
        "1 | Xã Tân Lập | 9 | 47\n"
        "2 | Xã Phú Thịnh | 7 | 38\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 10, 6))}
    assert found["47"].indicator_code == found["38"].indicator_code == "community_digital_teams"
    assert found["47"].relevance is None


def test_a_column_the_caption_names_second_takes_the_measure_named_after_it() -> None:
    text = (
        "Biểu 3. Điểm wifi công cộng và thành viên tổ công nghệ số cộng đồng theo xã\n"
        "STT | Xã | Điểm wifi | Thành viên\n"
        "1 | Xã Hòa Bình | 6 | 41\n"
        "2 | Xã Yên Lạc | 4 | 29\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 10, 6))}
    assert found["6"].indicator_code == "public_wifi"
    assert found["41"].indicator_code == found["29"].indicator_code == "community_digital_teams"
    # a column whose words are part of the caption's keyword keeps the caption's first measure
    text = (
        "Biểu 1. Kết quả tiếp nhận hồ sơ trực tuyến của các xã\n"
        "STT | Xã | Tổng số hồ sơ | Trực tuyến\n"
        "1 | Xã Hòa Bình | 812 | 604\n"
        "2 | Xã Yên Lạc | 655 | 431\n"
    )
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 10, 6))}
    assert found["812"].indicator_code == "dossiers_received"


def test_a_result_column_dated_to_a_day_states_its_figures_as_of_that_day() -> None:
    text = (
        "STT | Chỉ tiêu | Kế hoạch năm 2025 | Kết quả đến 31/5/2025\n"
        "1 | Số trạm BTS | 1.500 | 1.362\n"
        "2 | Số điểm wifi công cộng | 400 | 318\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 6, 16))}
    assert found["1.362"].as_of_date == datetime.date(2025, 5, 31) and not found["1.362"].is_target
    assert found["1.500"].is_target
    text = "STT | Chỉ tiêu | Năm 2023 | 9 tháng năm 2024\n1 | Số trạm BTS | 1.240 | 1.302\n2 | Số điểm wifi | 300 | 352\n"
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 10, 16))}
    assert found["1.302"].as_of_date == datetime.date(2024, 9, 30) and found["1.240"].as_of_date == datetime.date(2023, 12, 31)


def test_a_table_printed_one_cell_per_line_with_measure_headers_reads_over_a_page_break() -> None:
    footer = "Báo cáo số 318/BC-UBND của UBND huyện Lạc Sơn\n"
    text = (
        footer + "\nBiểu 1. Kết quả tiếp nhận hồ sơ thủ tục hành chính năm 2024\n"
        "TT\nCấp\nHồ sơ tiếp nhận\nHồ sơ trực tuyến\n"
        "1\nCấp huyện\n6.318\n4.870\n"
        "2\nCấp xã\n15.168\n10.062\n"
        "\n                         - 2 -\n" + footer + "\n"
        "Tổng cộng\n21.486\n14.932\n"
        "\n                         - 3 -\n" + footer
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, datetime.date(2025, 1, 5))}
    assert found["6.318"].table_column == "Hồ sơ tiếp nhận" and found["4.870"].table_column == "Hồ sơ trực tuyến"
    assert found["21.486"].indicator_code == "dossiers_received"  # the total row after the page break
    assert found["14.932"].indicator_code == "dossiers_processed_online"


def test_group_rows_and_empty_cells_keep_a_pipe_tables_columns_in_place() -> None:
    text = (
        "Biểu 1. Ước thực hiện một số chỉ tiêu năm 2025\n"
        "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm | Ước thực hiện năm | Ghi chú\n"
        "I | HẠ TẦNG SỐ | | | |\n"
        "1 | Số trạm BTS 5G | Trạm | 450 | 520 |\n"
        "II | CHÍNH QUYỀN SỐ | | | |\n"
        "1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 60 | 63,8 | Tổng hợp\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 10, 5))}
    assert found["450"].table_column == "Kế hoạch năm" and found["450"].is_target
    assert found["520"].table_column == "Ước thực hiện năm" and not found["520"].is_target
    assert found["63,8"].table_column == "Ước thực hiện năm" and found["63,8"].unit == "percent"


def test_a_rate_per_100_inhabitants_in_a_unit_column_is_a_density() -> None:
    text = (
        "Chỉ tiêu\tĐơn vị tính\tNăm 2023\tNăm 2024\n"
        "Mật độ thuê bao di động\tthuê bao/100 dân\t128,4\t136,8\n"
        "Số trạm BTS\ttrạm\t1.240\t1.310\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 20))}
    assert found["136,8"].figure_kind == "density" and found["1.310"].figure_kind == "count"


def test_a_caption_of_two_lines_is_dated_by_its_first_when_the_second_names_no_period() -> None:
    text = (
        "PHỤ LỤC\n"
        "Số điểm Wi-Fi công cộng của các xã 6 tháng đầu năm 2025\n"
        "(Kèm theo Báo cáo số 210/BC-UBND ngày 08/7/2025 của UBND huyện)\n\n"
        "STT | Xã | Số điểm Wi-Fi\n"
        "1 | Xã Tân An | 14\n"
        "2 | Xã Phú Lộc | 9\n"
    )
    observations = extract_observations(text, datetime.date(2025, 7, 8))
    assert [o.value for o in observations] == [14.0, 9.0]
    assert {o.as_of_date for o in observations} == {datetime.date(2025, 6, 30)}


def test_the_time_a_line_above_a_caption_compares_with_does_not_date_the_table() -> None:
    # "so với cuối năm 2023" is what the count is compared with, not the day of the table
    text = (
        "1. Hạ tầng\n"
        "Toàn huyện có 214 camera, tăng 38 camera so với cuối năm 2023 (chi tiết tại Bảng 2).\n"
        "Bảng 2. Camera giám sát theo xã\n"
        "STT | Xã | Số camera\n"
        "1 | Xã Tân An | 120\n"
        "2 | Xã Phú Lộc | 94\n"
    )
    cells = [o for o in extract_observations(text, datetime.date(2024, 10, 15)) if o.scope == "table"]
    assert [o.value for o in cells] == [120.0, 94.0]
    assert {o.as_of_date for o in cells} == {None}


def test_a_label_column_headed_by_listed_words_starts_a_table_printed_one_cell_per_line() -> None:
    text = "Bảng 3. Điểm Wi-Fi công cộng\nXã/phường\nSố điểm Wi-Fi\nTỷ lệ thôn có Wi-Fi (%)\nXã Tân An\n14\n80,5\nXã Phú Lộc\n9\n66,7\n"
    observations = extract_observations(text, PUBLISHED)
    assert [(o.value, o.scope, o.table_column) for o in observations[:2]] == [
        (14.0, "table", "Số điểm Wi-Fi"), (80.5, "table", "Tỷ lệ thôn có Wi-Fi (%)"),
    ]


def test_a_space_aligned_header_wrapped_onto_a_second_line_goes_on_under_each_column() -> None:
    # the second line leaves a single space where the third column starts
    text = (
        "Bảng 2. Điểm Wi-Fi và hộ có cáp quang theo huyện\n"
        f"{'STT':5}{'Huyện':17}{'Điểm Wi-Fi':20}{'Hộ có cáp quang':20}Trạm BTS\n"
        f"{'':22}công cộng đang dùng đến nhà (%)         đã phát sóng\n"
        f"{'1':5}{'Huyện An Phú':17}{'42':20}{'71,5':20}58\n"
        f"{'2':5}{'Huyện Tân Châu':17}{'36':20}{'68,0':20}47\n"
    )
    observations = extract_observations(text, PUBLISHED)
    assert [(o.value, o.unit, o.table_column) for o in observations[:3]] == [
        (42.0, "count", "Điểm Wi-Fi công cộng đang dùng"), (71.5, "percent", "Hộ có cáp quang đến nhà (%)"),
        (58.0, "count", "Trạm BTS đã phát sóng"),
    ]


def test_indicators_of_a_year_to_come_under_a_two_line_appendix_title_are_targets() -> None:
    text = (
        "I. KẾT QUẢ NĂM 2024\nToàn tỉnh có 2.064 trạm BTS.\n\nII. TỔ CHỨC THỰC HIỆN\n"
        "Các sở, ngành báo cáo kết quả trước ngày 15/12/2025.\n\n"
        "PHỤ LỤC\nCHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025 THEO HUYỆN\n\n"
        "STT | Huyện | Tỷ lệ hồ sơ trực tuyến (%)\n1 | Huyện Phú Ninh | 80\n2 | Huyện Tiên Phước | 75\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2025, 2, 12))}
    assert (found["80"], found["75"]) == (True, True)
    # ... not those of a year already over
    past = {o.quote: o.is_target for o in extract_observations(text.replace("NĂM 2025 THEO", "NĂM 2023 THEO"), datetime.date(2025, 2, 12))}
    assert (past["80"], past["75"]) == (False, False)


def test_a_long_header_wrapped_onto_a_line_of_its_own_goes_on_with_its_column() -> None:
    rule = "  " + "-" * 60 + "\n"
    text = (
        "Biểu 3. Chỉ tiêu theo huyện\n" + rule
        + f"{' STT':6}{'Huyện':26}Tỷ lệ hồ sơ thủ tục hành chính\n"
        + f"{'':32}được giải quyết đúng hạn (%)\n" + rule
        + f"{'   1':6}{'Huyện Phú Ninh':26}{'':10}97\n"
        + f"{'   2':6}{'Huyện Tiên Phước':26}{'':10}95\n"
    )
    cells = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert cells["97"].table_column == "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn (%)"
    assert cells["97"].unit == "percent"


def test_a_header_word_wrapped_alone_onto_the_next_line_stays_in_its_column() -> None:
    text = (
        "Biểu 1. Hồ sơ theo lĩnh vực\nĐVT: hồ sơ\n"
        f"{'STT':5}{'Lĩnh vực':20}{'Tiếp nhận':12}{'Trực tuyến':13}Tỷ lệ trực\n"
        f"{'':50}tuyến (%)\n"
        f"{'1':5}{'Hộ tịch':20}{'2.864':12}{'2.412':13}84,2\n"
        f"{'2':5}{'Đất đai':20}{'842':12}{'516':13}61,3\n"
    )
    observations = extract_observations(text, PUBLISHED)
    rate = next(o for o in observations if o.quote == "84,2")
    assert (rate.unit, rate.table_column) == ("percent", "Tỷ lệ trực tuyến (%)")  # no "hồ sơ" count


def test_a_growth_column_compares() -> None:
    assert column_role("Tăng trưởng (%)", 5).role == column_role("Tốc độ tăng (%)", 5).role == "comparison"


def test_a_change_column_in_points_or_signs_compares() -> None:
    for header in ("Tăng (+), giảm (-) (điểm %)", "+/- so với quý trước", "Chênh lệch (điểm phần trăm)"):
        assert column_role(header, 4).role == "comparison", header
    assert column_role("Số điểm phục vụ", 4).role == "measure"  # "điểm" alone is a place


SUM_ROW_TABLE = """Biểu 2. Hồ sơ và camera tại các xã (đến ngày 30/9/2025)

STT | Xã | Hồ sơ tiếp nhận | Tỷ lệ trực tuyến (%) | Camera
1 | Xã Thanh Sơn | 1.204 | 71,2 | 18
2 | Xã Thanh Hà | 836 | 64,5 | 12
3 | Xã Thanh Lâm | 1.512 | 80,1 | 25
 | {total} | 3.552 | 73,4 | 55
"""


def _parts_of(observations: list[Observation], total: float) -> list[float]:
    [whole] = [o for o in observations if o.value == total]
    return sorted(o.value for o in observations if o.parent_ordinal == whole.ordinal)


def test_a_sum_row_is_the_whole_of_every_row_above_it_in_its_count_columns() -> None:
    observations = extract_observations(SUM_ROW_TABLE.format(total="Tổng cộng"), PUBLISHED)
    assert _parts_of(observations, 3552) == [836, 1204, 1512]
    assert _parts_of(observations, 55) == [12, 18, 25]
    complete = sorted(o.value for o in observations if o.parts_complete)
    assert complete == [55, 3552]  # the percent column has no sum


def test_a_trong_do_row_under_the_sum_row_is_no_row_it_adds_up() -> None:
    # "Trong đó: cấp xã" printed after "Tổng cộng" is a part of the total, not one more member
    text = SUM_ROW_TABLE.format(total="Tổng cộng") + " | Trong đó: xã vùng cao | 1.204 | 71,2 | 18\n"
    observations = extract_observations(text, PUBLISHED)
    assert _parts_of(observations, 3552) == [836, 1204, 1512]
    assert sorted(o.value for o in observations if o.parts_complete) == [55, 3552]


def test_a_province_row_and_a_table_cut_by_a_page_break_have_no_listed_parts() -> None:
    # "Toàn tỉnh" may count places the table does not list
    observations = extract_observations(SUM_ROW_TABLE.format(total="Toàn tỉnh"), PUBLISHED)
    assert not any(o.parts_complete for o in observations)
    # rows 4 to 6 under a total: the rows 1 to 3 were on the page before
    cut = SUM_ROW_TABLE.replace("\n1 |", "\n4 |").replace("\n2 |", "\n5 |").replace("\n3 |", "\n6 |")
    observations = extract_observations(cut.format(total="Tổng cộng"), PUBLISHED)
    assert not any(o.parts_complete for o in observations)


def test_a_space_aligned_table_cut_by_a_page_break_is_one_table_with_its_sum_row() -> None:
    text = _WRAPPED_LEAD + (
        "trong năm. Kết quả của các xã được tổng hợp tại bảng dưới đây.\n\n"
        "  Bảng 3. Điểm wifi và camera theo xã năm 2024\n\n"
        "  TT   Xã                 Điểm wifi   Camera giám sát\n"
        "  --   ----------------   ---------   ---------------\n"
        "   1   Xã Yên Lạc              14              32\n"
        "   2   Xã Đồng Tâm              9              21\n"
        "\n                              Trang 3/5\n"
        "\fBáo cáo kết quả chuyển đổi số năm 2024 - UBND huyện Yên Thủy\n"
        "--------------------------------------------------------------\n"
        "   3   Xã Bảo Hiệu            11              27\n"
        "       Tổng cộng               34              80\n\n"
        "Các xã tiếp tục duy trì hoạt động của tổ công nghệ số cộng đồng.\n"
    )
    observations = extract_observations(text, PUBLISHED)
    values = [o.value for o in observations]
    assert 1 not in values and 2 not in values and 3 not in values  # row numbers, not figures
    assert not any("Báo cáo kết quả" in o.sentence for o in observations)  # the running header
    by_quote = {o.quote: o for o in observations}
    assert by_quote["11"].table_column == "Điểm wifi" and by_quote["27"].table_column == "Camera giám sát"
    assert _parts_of(observations, 34) == [9, 11, 14] and _parts_of(observations, 80) == [21, 27, 32]
    assert by_quote["34"].parts_complete


def test_a_table_printed_again_under_a_continued_caption_is_one_table_with_its_caption() -> None:
    text = (
        "Bảng 4. Hồ sơ thủ tục hành chính cấp xã năm 2024 (đến ngày 15/12/2024)\n"
        "------------------------------------------------\n"
        "Xã              Tiếp nhận  Trực tuyến\n"
        "------------------------------------------------\n"
        "Xã Vĩnh Hòa          812         604\n"
        "Xã Vĩnh Lâm          655         470\n"
        "\n- 3 -\n"
        "Bảng 4 (tiếp theo)\n"
        "------------------------------------------------\n"
        "Xã              Tiếp nhận  Trực tuyến\n"
        "------------------------------------------------\n"
        "Xã Vĩnh Sơn          590         411\n"
        "Cộng               2.057       1.485\n"
    )
    observations = extract_observations(text, PUBLISHED)
    by_quote = {o.quote: o for o in observations}
    # the caption under its rule names the measure and dates every row, on both pages
    assert by_quote["590"].extra.get("table_caption", "").startswith("Bảng 4. Hồ sơ")
    assert by_quote["812"].as_of_date == by_quote["590"].as_of_date == datetime.date(2024, 12, 15)
    assert "4" not in by_quote  # "Bảng 4 (tiếp theo)" is no figure
    assert _parts_of(observations, 2057) == [590, 655, 812] and _parts_of(observations, 1485) == [411, 470, 604]


def test_an_empty_cell_of_a_tab_row_holds_its_place() -> None:
    text = (
        "Bảng 1. Hạ tầng viễn thông theo doanh nghiệp\n"
        "Doanh nghiệp\tTrạm BTS\tTrạm 5G\tThuê bao Internet\n"
        "Viettel\t58\t\t6.120\n"
        "VNPT\t36\t3\t\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert found["58"].table_column == "Trạm BTS" and found["6.120"].table_column == "Thuê bao Internet"
    assert found["3"].table_column == "Trạm 5G"


def test_an_of_which_column_counts_what_the_column_before_it_counts() -> None:
    text = (
        "Bảng 1. Hạ tầng viễn thông theo doanh nghiệp\n"
        "Doanh nghiệp\tTrạm BTS\tTrong đó 5G\tThuê bao Internet\n"
        "Viettel\t58\t7\t6.120\n"
        "VNPT\t36\t3\t7.480\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, PUBLISHED)}
    assert found["7"].indicator_code == found["3"].indicator_code == "bts_stations"
    # a column of parts named by a code that can count them keeps it
    text = (
        "Bảng 2. Hồ sơ theo cấp\n"
        "Cấp\tHồ sơ tiếp nhận\tTrong đó trực tuyến\n"
        "Cấp huyện\t4.210\t2.980\n"
        "Cấp xã\t6.350\t3.870\n"
    )
    found = {o.quote: o for o in extract_report(text, PUBLISHED)}
    assert found["2.980"].indicator_code == "dossiers_processed_online"


def test_a_goal_a_result_is_held_against_stays_a_goal_under_a_results_heading() -> None:
    # under a results heading "chỉ tiêu" names indicators, but "vượt chỉ tiêu năm là 70%" names
    # the goal the 76,4% exceeded
    text = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n\n"
        "Tỷ lệ hồ sơ được số hóa kết quả giải quyết đạt 76,4%, vượt chỉ tiêu năm là 70%.\n\n"
        "- Chỉ tiêu tỷ lệ hồ sơ trực tuyến: 58,2%.\n"
    )
    cells = _by_value(text, datetime.date(2025, 1, 10))
    assert [cells[v].is_target for v in (76.4, 70.0, 58.2)] == [False, True, False]


def test_a_list_of_chỉ_tiêu_in_a_results_section_names_indicators_not_targets() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
        "Các chỉ tiêu hạ tầng số khác:\n"
        "- Điểm Wifi công cộng miễn phí: 18 điểm\n"
        "- Camera giám sát an ninh: 215 camera\n\n"
        "II. NHIỆM VỤ NĂM 2025\n"
        "Các chỉ tiêu chủ yếu:\n"
        "- Điểm Wifi công cộng miễn phí: 30 điểm\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert not found["18"].is_target and not found["215"].is_target
    assert found["30"].is_target
    # "phấn đấu" in a results section's intro still announces targets
    text = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\nCác chỉ tiêu phấn đấu năm 2025:\n- Điểm Wifi công cộng: 30 điểm\n"
    assert extract_observations(text, PUBLISHED)[0].is_target


def test_a_header_whose_names_one_space_parts_is_split_over_the_columns_of_figures() -> None:
    text = (
        "Phụ biểu. Tổ công nghệ số và hồ sơ trực tuyến theo xã\n"
        "Xã                  Trạm BTS  Tổ CNS Hồ sơ trực tuyến\n"
        "Xã Tân Phú               12      46          1.204\n"
        "Xã Tân Lợi                9      38            986\n"
        "Xã Tân Hòa               11      41          1.117\n"
    )
    from dagster_project.extraction.pipeline import extract_report
    found = {o.quote: o for o in extract_report(text, PUBLISHED)}
    assert found["46"].table_column == "Tổ CNS" and found["1.204"].table_column == "Hồ sơ trực tuyến"
    assert found["986"].indicator_code == "dossiers_processed_online"
    assert found["9"].table_column == "Trạm BTS"


def test_the_signature_block_is_no_heading_and_a_split_header_table_goes_on_over_a_page_break() -> None:
    text = (
        "II. NHIỆM VỤ NĂM 2025\n"
        "Phấn đấu 100% xã có tổ công nghệ số cộng đồng hoạt động hiệu quả.\n\n"
        "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        "                                   TM. ỦY BAN NHÂN DÂN\n"
        "                                   CHỦ TỊCH\n\n"
        "PHỤ LỤC\n"
        "Số liệu theo xã năm 2024\n"
        "Xã                  Trạm BTS  Tổ CNS Hồ sơ trực tuyến\n"
        "Xã Tân Phú               12      46          1.204\n"
        "Xã Tân Lợi                9      38            986\n"
        "\n                                   Trang 4\n"
        "Kế hoạch chuyển đổi số năm 2025 của huyện Tân Phước\n\n"
        "Xã Tân Hòa               11      41          1.117\n"
        "Tổng cộng                32     125          3.307\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["12"].section == "PHỤ LỤC"  # no "TM. ỦY BAN NHÂN DÂN" over the appendix
    assert not found["12"].is_target
    assert found["41"].table_column == "Tổ CNS" and found["1.117"].table_column == "Hồ sơ trực tuyến"
    assert _parts_of(list(found.values()), 125) == [38, 41, 46]


def test_a_heading_of_indicators_for_years_not_yet_over_heads_targets() -> None:
    text = (
        "II. CHỈ TIÊU GIAI ĐOẠN 2025 - 2026\n"
        "| Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 |\n"
        "| Điểm Wifi công cộng | điểm | 40 | 60 |\n"
        "| Camera giám sát | camera | 120 | 180 |\n\n"
        "III. MỘT SỐ CHỈ TIÊU NĂM 2024\n"
        "| Chỉ tiêu | ĐVT | Năm 2024 |\n"
        "| Điểm Wifi công cộng | điểm | 28 |\n"
        "| Camera giám sát | camera | 96 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 2, 24))}
    assert found["40"].is_target and found["120"].is_target and found["60"].is_target
    assert not found["28"].is_target and not found["96"].is_target


def test_a_heading_naming_a_past_period_in_brackets_dates_its_section() -> None:
    text = (
        "2. Chính quyền số (quý IV năm 2024)\n"
        "- Số hồ sơ tiếp nhận: 8.412 hồ sơ\n"
        "- Tỷ lệ hồ sơ giải quyết đúng hạn: 98,1%\n\n"
        "3. Nhiệm vụ (năm 2025)\n"
        "- Phấn đấu 100% hồ sơ được số hóa.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 15))}
    assert found["8.412"].as_of_date == found["98,1%"].as_of_date == datetime.date(2024, 12, 31)
    assert found["100%"].as_of_date != datetime.date(2025, 12, 31) or found["100%"].as_of_source != "section"


def test_a_column_naming_a_period_without_its_year_ends_in_the_year_of_its_date() -> None:
    text = (
        "Biểu 2. Kết quả thực hiện (số liệu đến ngày 12/7/2025)\n"
        "| Chỉ tiêu | Kế hoạch năm | Thực hiện 6 tháng | Lũy kế |\n"
        "| Số trạm BTS 5G | 150 | 61 | 64 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 7, 20))}
    assert found["61"].as_of_date == datetime.date(2025, 6, 30)
    assert found["64"].as_of_date == datetime.date(2025, 7, 12)  # the caption's day
    assert found["150"].is_target


def test_a_list_intro_that_names_a_period_anywhere_dates_its_items() -> None:
    text = (
        "Theo Sở Khoa học và Công nghệ, 9 tháng đầu năm 2025 tỉnh đạt các kết quả sau:\n"
        "1. Tiếp nhận 21.640 hồ sơ trực tuyến.\n"
        "2. Có 912 tổ công nghệ số cộng đồng.\n\n"
        "Hệ thống vận hành từ tháng 5/2023, sau hai năm đạt các kết quả sau:\n"
        "1. Tiếp nhận 6.412 phản ánh.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 10, 8))}
    assert found["21.640"].as_of_date == found["912"].as_of_date == datetime.date(2025, 9, 30)
    assert found["6.412"].as_of_date != datetime.date(2023, 5, 31)  # when it began, no period


def test_an_average_column_holds_sizes_per_unit_not_counts() -> None:
    text = (
        "Phụ biểu: Tổ công nghệ số cộng đồng theo huyện\n\n"
        "STT | Huyện | Số tổ | Số thành viên | Bình quân (người/tổ)\n"
        "1 | Mường Khương | 96 | 520 | 5,4\n2 | Si Ma Cai | 88 | 452 | 5,1\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert by_quote["5,4"].figure_kind == by_quote["5,1"].figure_kind == "average"
    assert by_quote["520"].figure_kind == "count"


def test_columns_under_one_heading_with_a_year_are_measures_of_that_year() -> None:
    text = (
        "Phụ lục: Kết quả tại các xã (số liệu đến ngày 20/11/2024)\n\n"
        "STT | Xã | Hồ sơ năm 2024 Tiếp nhận | Hồ sơ năm 2024 Trực tuyến\n"
        "1 | Xã Yên Lạc | 1.420 | 1.016\n2 | Xã Yên Mỹ | 980 | 702\n | Cộng | 2.400 | 1.718\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert by_quote["1.420"].table_row == "Xã Yên Lạc"  # a breakdown by commune, not two periods
    assert by_quote["1.420"].as_of_date == datetime.date(2024, 11, 20)  # the caption's day, not 31/12
    assert by_quote["2.400"].parts_complete
    # two periods of one year stay periods
    assert column_role("Thực hiện 6 tháng năm 2025", 2).role == column_role("Thực hiện năm 2025", 3).role == "period"


def test_a_line_of_bare_years_under_a_header_finishes_its_words() -> None:
    text = (
        "III. MỤC TIÊU\n\n"
        "Bảng 2. Chỉ tiêu theo năm\n"
        "TT  Chỉ tiêu                     ĐVT     Năm    Năm\n"
        "                                         2026   2027\n"
        "1   Điểm wifi công cộng          điểm     240    310\n"
        "2   Camera kết nối IOC           camera   900  1.400\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert by_quote["240"].table_column == "Năm 2026" and by_quote["1.400"].table_column == "Năm 2027"
    assert all(by_quote[q].is_target for q in ("240", "310", "900", "1.400"))


def test_a_line_of_bare_days_and_years_under_a_header_finishes_its_words() -> None:
    text = (
        "Bảng 1. Chỉ tiêu chuyển đổi số của xã\n"
        "TT  Chỉ tiêu                     ĐVT      TH đến       KH năm\n"
        "                                          31/10/2024   2025\n"
        "1   Điểm wifi công cộng          điểm        24          30\n"
        "2   Camera kết nối IOC           camera      96         120\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert by_quote["24"].table_column == "TH đến 31/10/2024"
    assert by_quote["24"].as_of_date == by_quote["96"].as_of_date == datetime.date(2024, 10, 31)
    assert not by_quote["24"].is_target and by_quote["30"].is_target and by_quote["120"].is_target
    assert "31/10/2024" not in by_quote and "2025" not in by_quote


def test_a_number_column_printed_with_one_space_before_the_label_column_is_its_own() -> None:
    text = (
        "Phụ biểu: Tổ công nghệ số theo huyện\n\n"
        "  STT Đơn vị              Số tổ   Số thành viên   Bình quân\n"
        "                                                   (người/tổ)\n"
        "  1   Mường Lát             84           437         5,2\n"
        "  2   Quan Sơn              91           482         5,3\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert "1" not in by_quote and "2" not in by_quote  # row numbers are no figures
    assert by_quote["5,2"].table_column == "Bình quân (người/tổ)"


def test_a_table_dated_before_the_report_under_a_targets_heading_reports_results() -> None:
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024\n\n"
        "Phấn đấu đến hết năm 2024, tỷ lệ hồ sơ trực tuyến đạt 80%.\n\n"
        "Biểu 02. Kết quả tiếp nhận hồ sơ theo lĩnh vực\n(Số liệu từ 01/01/2024 đến 30/6/2024)\n\n"
        "STT | Lĩnh vực | Tiếp nhận | Trực tuyến\n1 | Hộ tịch | 2.310 | 1.950\n2 | Đất đai | 1.204 | 860\n"
    )
    by_quote = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    assert by_quote["80%"].is_target
    assert not any(by_quote[q].is_target for q in ("2.310", "1.950", "1.204", "860"))


def test_the_day_a_report_says_its_data_stop_at_dates_its_later_results_not_its_goals() -> None:
    text = (
        "Thực hiện Công văn số 77/SKHCN-CĐS, Sở Nội vụ báo cáo kết quả như sau (số liệu tính đến ngày 25/10/2025):\n\n"
        "I. HẠ TẦNG\n"
        "Toàn ngành có 412 máy tính kết nối mạng nội bộ.\n\n"
        "II. DỊCH VỤ\n"
        "Sở tiếp nhận 3.175 hồ sơ trực tuyến. Năm 2024 chỉ tiếp nhận 1.980 hồ sơ trực tuyến.\n\n"
        "Bảng 1. Máy tính theo phòng\n"
        "| Phòng | Số máy tính |\n"
        "| Văn phòng | 37 |\n\n"
        "Các đơn vị kết nối mạng truyền số liệu chuyên dùng đến 61 điểm.\n\n"
        "III. NHIỆM VỤ\n"
        "Phấn đấu 100% hồ sơ được xử lý trực tuyến.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 11, 5))}
    day = datetime.date(2025, 10, 25)
    assert (found["412"].as_of_date, found["412"].as_of_source) == (day, "report")
    assert found["3.175"].as_of_date == found["37"].as_of_date == day
    assert found["1.980"].as_of_date != day  # it names its own year
    assert found["100%"].is_target and found["100%"].as_of_date is None  # a goal is not at that day
    # "mạng truyền số liệu ... đến 61 điểm" is a network, not the report's data: no new day
    assert found["61"].as_of_date == day


def test_the_sentence_that_reports_the_results_up_to_a_day_dates_the_whole_report() -> None:
    text = (
        "Thực hiện Kế hoạch số 41/KH-UBND, UBND huyện Bảo Lâm báo cáo kết quả thực hiện "
        "tính đến ngày 25/11/2024 như sau:\n\n"
        "I. HẠ TẦNG SỐ\n"
        "Toàn huyện có 164 trạm BTS.\n\n"
        "II. CHÍNH QUYỀN SỐ\n"
        "Bộ phận Một cửa tiếp nhận 6.420 hồ sơ trực tuyến.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 6))}
    day = datetime.date(2024, 11, 25)
    assert found["164"].as_of_date == found["6.420"].as_of_date == day
    # ... and a period written as a range ends on its last day
    ranged = text.replace("tính đến ngày 25/11/2024", "từ ngày 01/01/2024 đến ngày 25/11/2024")
    assert next(o for o in extract_observations(ranged, datetime.date(2024, 12, 6)) if o.quote == "6.420").as_of_date == day
    # a report that does not open its results with that sentence names no day for them
    told = text.replace(" như sau:", ". Đây là báo cáo định kỳ.")
    assert next(o for o in extract_observations(told, datetime.date(2024, 12, 6)) if o.quote == "6.420").as_of_date != day


def test_the_day_a_reports_data_stop_at_ends_the_periods_its_results_are_stated_for() -> None:
    text = (
        "BÁO CÁO\nKết quả chuyển đổi số năm 2024\n(Số liệu tính đến ngày 10/12/2024)\n\n"
        "I. KẾT QUẢ\n"
        "Năm 2024, Trung tâm tiếp nhận 4.215 hồ sơ, trong đó 3.880 hồ sơ trực tuyến.\n"
        "Năm 2023, Trung tâm tiếp nhận 3.106 hồ sơ.\n"
        "Trong quý III/2024, hệ thống xử lý 1.020 hồ sơ.\n\n"
        "| Chỉ tiêu | Năm 2023 | Năm 2024 |\n| Hồ sơ trực tuyến (%) | 61,5 | 92,1 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 18))}
    day = datetime.date(2024, 12, 10)
    assert found["4.215"].as_of_date == found["3.880"].as_of_date == found["92,1"].as_of_date == day
    # periods over before that day keep their own end
    assert found["3.106"].as_of_date == datetime.date(2023, 12, 31) == found["61,5"].as_of_date
    assert found["1.020"].as_of_date == datetime.date(2024, 9, 30)


def test_a_day_stated_in_a_section_does_not_end_the_periods_of_the_report() -> None:
    text = (
        "I. HẠ TẦNG SỐ (số liệu tính đến ngày 10/12/2024)\nToàn tỉnh có 2.460 trạm BTS.\n\n"
        "II. DỊCH VỤ\nNăm 2024, các cơ quan tiếp nhận 84.300 hồ sơ trực tuyến.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 18))}
    assert found["2.460"].as_of_date == datetime.date(2024, 12, 10)
    assert found["84.300"].as_of_date == datetime.date(2024, 12, 31)


def test_a_bracketed_cut_off_right_under_the_first_section_heading_ends_the_reports_periods() -> None:
    text = (
        "BÁO CÁO\nKết quả chuyển đổi số 9 tháng đầu năm 2024\n\n"
        "I. KẾT QUẢ THỰC HIỆN\n(Số liệu tính đến ngày 18/9/2024)\n"
        "1. Chính quyền số\nTrong 9 tháng, toàn tỉnh tiếp nhận 215.400 hồ sơ thủ tục hành chính.\n\n"
        "II. NHIỆM VỤ QUÝ IV\n2. Hạ tầng số\nTrong quý III, các doanh nghiệp lắp 46 trạm BTS.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 9, 25))}
    assert found["215.400"].as_of_date == datetime.date(2024, 9, 18)
    assert found["46"].as_of_date == datetime.date(2024, 9, 18)  # in any section after it
    # a note that a later section opens on dates that section's figures only
    later = text.replace("I. KẾT QUẢ THỰC HIỆN\n(Số liệu tính đến ngày 18/9/2024)\n", "I. KẾT QUẢ THỰC HIỆN\n").replace(
        "II. NHIỆM VỤ QUÝ IV\n", "II. NHIỆM VỤ QUÝ IV\n(Số liệu tính đến ngày 18/9/2024)\n"
    )
    assert {o.quote: o for o in extract_observations(later, datetime.date(2024, 9, 25))}["215.400"].as_of_date == (
        datetime.date(2024, 9, 30)
    )


def test_a_bracketed_cut_off_under_a_top_level_part_of_results_after_a_background_part() -> None:
    text = (
        "BÁO CÁO\nTổng kết chuyển đổi số năm 2024\n\n"
        "I. ĐẶC ĐIỂM TÌNH HÌNH\nTỉnh có dân số 512.300 người.\n\n"
        "II. KẾT QUẢ THỰC HIỆN NĂM 2024\n(Số liệu tính đến ngày 12/12/2024)\n"
        "1. Hạ tầng số\nToàn tỉnh có 1.320 trạm BTS.\n"
        "2. Dịch vụ công\nNăm 2024, các cơ quan tiếp nhận 96.500 hồ sơ trực tuyến.\n\n"
        "III. NHIỆM VỤ NĂM 2025\nPhấn đấu 100% xã có cáp quang.\n\n"
        "PHỤ LỤC\n| Chỉ tiêu | Thực hiện năm 2024 | Kế hoạch năm 2025 |\n| Trạm 5G | 41 | 120 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 10))}
    day = datetime.date(2024, 12, 12)
    assert found["1.320"].as_of_date == found["96.500"].as_of_date == found["41"].as_of_date == day
    assert found["120"].as_of_date == datetime.date(2025, 12, 31)  # a goal of the next year keeps its end
    # under a section inside the part, the note does not end the periods of the other sections
    inner = text.replace(
        "(Số liệu tính đến ngày 12/12/2024)\n1. Hạ tầng số\n", "1. Hạ tầng số\n(Số liệu tính đến ngày 12/12/2024)\n"
    )
    found = {o.quote: o for o in extract_observations(inner, datetime.date(2025, 1, 10))}
    assert found["96.500"].as_of_date == found["41"].as_of_date == datetime.date(2024, 12, 31)


def test_a_cut_off_said_of_the_report_itself_ends_its_periods_from_any_section() -> None:
    text = (
        "I. TÌNH HÌNH CHUNG\nCác số liệu nêu trong báo cáo được tổng hợp đến hết ngày 31/10/2024.\n\n"
        "II. KẾT QUẢ\nNăm 2024, Sở tiếp nhận 6.150 hồ sơ trực tuyến.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 11, 20))}
    assert found["6.150"].as_of_date == datetime.date(2024, 10, 31)


def test_an_official_document_reprinted_on_a_web_page_is_issued_by_the_body_above_its_number() -> None:
    text = (
        "Cổng thông tin điện tử Sở Y tế\n\nTrang chủ » Tin tức\n\n"
        "Sở Y tế báo cáo kết quả chuyển đổi số năm 2024\n\n"
        "Sở Y tế vừa gửi Ủy ban nhân dân tỉnh báo cáo kết quả chuyển đổi số năm 2024 của ngành, "
        "Cổng thông tin trích đăng những nội dung chính.\n\n"
        "SỞ Y TẾ TỈNH HẬU GIANG\nSố: 412/BC-SYT\n\nVị Thanh, ngày 10 tháng 12 năm 2024\n\n"
        "1. Kết quả\n100% văn bản đi được ký số.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 10))}
    assert (found["100%"].admin_level, found["100%"].admin_level_source) == ("province", "issuer")


def test_a_reprinted_department_report_under_its_provinces_name_is_the_departments() -> None:
    text = (
        "Cổng thông tin điện tử tỉnh\n\nTrang chủ > Chuyển đổi số các sở, ngành\n\n"
        "Sở Xây dựng: 100% văn bản đi được ký số\n\n"
        "Cổng thông tin điện tử tỉnh giới thiệu nội dung chính báo cáo của Sở Xây dựng về chuyển đổi số năm 2024.\n\n"
        "UBND TỈNH TUYÊN QUANG\n"
        "SỞ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 904/BC-SXD | Tuyên Quang, ngày 10 tháng 12 năm 2024\n\n"
        "BÁO CÁO\nKết quả chuyển đổi số năm 2024\n\n"
        "1. Kết quả\nTrong năm, 100% văn bản đi được ký số.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 10))}
    # the two-column header beside the motto names the body: its unnamed figures are its own
    assert (found["100%"].admin_level, found["100%"].admin_level_source) == ("province", "issuer")


def test_up_to_now_in_a_report_whose_data_stop_at_a_day_is_that_day() -> None:
    text = (
        "BÁO CÁO\n(Số liệu tính đến ngày 15/11/2024)\n\n"
        "1. Hạ tầng\nĐến nay, 100% trường học có đường truyền cáp quang.\n"
        "Năm 2023, 92% trường học có đường truyền cáp quang.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 11, 20))}
    assert found["100%"].as_of_date == datetime.date(2024, 11, 15)
    assert found["92%"].as_of_date == datetime.date(2023, 12, 31)  # a time of its own stays


def test_a_pair_in_brackets_is_no_day_that_would_keep_the_report_s_day_away() -> None:
    text = (
        "BÁO CÁO\n(Số liệu tính đến ngày 10/12/2024)\n\n"
        "1. Hạ tầng số\nUBND xã có 31 máy tính; 100% cán bộ, công chức xã (26/26) có máy tính làm việc.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 12))}
    assert found["31"].as_of_date == datetime.date(2024, 12, 10)


def test_a_section_whose_first_paragraph_opens_on_a_day_states_its_other_paragraphs_at_that_day() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN\n1. Hạ tầng số\n"
        "Tính đến ngày 31/10/2024, toàn huyện có 215 trạm BTS, trong đó 64 trạm 5G.\n"
        "Mạng truyền số liệu chuyên dùng kết nối tới 27 xã, thị trấn.\n"
        "Năm 2023, huyện có 1.840 camera giám sát.\n"
        "2. Tồn tại\nCòn 9 thôn chưa có sóng di động.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 11, 20))}
    assert found["64"].as_of_date == datetime.date(2024, 10, 31)  # its own paragraph, as before
    assert (found["27"].as_of_date, found["27"].as_of_source) == (datetime.date(2024, 10, 31), "section")
    assert found["1.840"].as_of_date == datetime.date(2023, 12, 31)  # a time of its own stays
    assert found["9"].as_of_date != datetime.date(2024, 10, 31)  # the next section of its rank is not dated


def test_a_day_deeper_in_a_section_or_still_to_come_dates_no_other_paragraph() -> None:
    middle = (
        "1. Hạ tầng số\nToàn huyện có 215 trạm BTS.\n"
        "Tính đến ngày 31/10/2024, có 64 trạm 5G.\nMạng chuyên dùng kết nối tới 27 xã.\n"
    )
    found = {o.quote: o for o in extract_observations(middle, datetime.date(2024, 11, 20))}
    assert found["27"].as_of_date != datetime.date(2024, 10, 31)  # not the section's first paragraph
    ahead = (
        "1. Hạ tầng số\nĐến ngày 31/12/2025, toàn huyện có 300 trạm BTS.\nMạng chuyên dùng kết nối tới 27 xã.\n"
    )
    found = {o.quote: o for o in extract_observations(ahead, datetime.date(2024, 11, 20))}
    assert found["27"].as_of_date != datetime.date(2025, 12, 31)  # a day after publication is a goal's


def test_a_numbered_sections_own_cut_off_gives_way_to_the_reports_after_it() -> None:
    text = (
        "Sở báo cáo kết quả quý I năm 2025 như sau (số liệu tổng hợp đến ngày 20/3/2025):\n\n"
        "1. Hạ tầng viễn thông (số liệu do doanh nghiệp cung cấp đến ngày 12/3/2025)\n"
        "Toàn tỉnh có 2.140 trạm BTS.\n"
        "2. Chính quyền số\n"
        "Tài khoản định danh điện tử đã kích hoạt: 512.300 tài khoản.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 3, 25))}
    assert found["2.140"].as_of_date == datetime.date(2025, 3, 12)
    assert found["512.300"].as_of_date == datetime.date(2025, 3, 20)
    # with no day of the report's own said before, the section's day goes on for the report
    text = text.replace(" (số liệu tổng hợp đến ngày 20/3/2025)", "")
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 3, 25))}
    assert found["512.300"].as_of_date == datetime.date(2025, 3, 12)


def test_a_data_cut_off_names_the_day_after_its_words_only() -> None:
    from dagster_project.extraction.obs_context import data_cut_off

    year_of = datetime.date(2025, 12, 1)
    assert data_cut_off("(số liệu từ ngày 01/01/2025 đến ngày 20/9/2025)", year_of) == datetime.date(2025, 9, 20)
    assert data_cut_off("Số liệu trong báo cáo được tổng hợp đến hết ngày 15/11/2025.", year_of) == (
        datetime.date(2025, 11, 15)
    )
    assert data_cut_off("(số liệu đến 30/6)", year_of) == datetime.date(2025, 6, 30)
    # a month, no day: its last day
    assert data_cut_off("Các số liệu tại mục này được tổng hợp đến hết tháng 10/2025.", year_of) == (
        datetime.date(2025, 10, 31)
    )
    assert data_cut_off("Mạng truyền số liệu chuyên dùng đến ngày 30/6/2025 có 40 điểm", year_of) is None
    assert data_cut_off("số liệu sẽ cập nhật đến ngày 31/12/2026", year_of) is None  # after publication
    assert data_cut_off("Cơ sở dữ liệu đến nay có 12.000 bản ghi", year_of) is None
    assert data_cut_off("(Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/11/2025)", year_of) == datetime.date(2025, 11, 14)
    assert data_cut_off("Kỳ báo cáo: 6 tháng đầu năm 2025", year_of) is None  # a period, no day


def test_a_list_of_indicators_of_a_past_year_lists_results_not_goals() -> None:
    text = (
        "Năm 2026, huyện phấn đấu 85% hồ sơ được nộp trực tuyến.\n\n"
        "Các chỉ tiêu chính năm 2025:\n\n"
        "- Tỷ lệ hồ sơ nộp trực tuyến: 71,3%\n"
        "- Số camera an ninh kết nối trung tâm: 412\n\n"
        "Các chỉ tiêu năm 2026:\n\n"
        "- Tỷ lệ hồ sơ nộp trực tuyến: 90%\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2026, 2, 3))}
    assert found["85%"].is_target and found["90%"].is_target
    for quote in ("71,3%", "412"):
        assert not found[quote].is_target
        assert found[quote].as_of_date == datetime.date(2025, 12, 31)


def test_a_label_wrapped_onto_a_line_of_its_own_stays_in_its_space_aligned_table() -> None:
    text = (
        "STT  Chỉ tiêu                                   Đơn vị tính   Năm 2024   Năm 2025 (kế hoạch)\n"
        "1    Số trạm BTS 4G                             trạm             1.210                1.300\n"
        "2    Tỷ lệ thôn, bản được phủ sóng di động      %                 96,5                  100\n"
        "     băng rộng\n"
        "3    Số điểm wifi công cộng miễn phí            điểm               312                  400\n"
        "4    Tỷ lệ hồ sơ được tiếp nhận và giải quyết   %                 58,2                   70\n"
        "     trực tuyến toàn trình\n"
        "5    Số camera kết nối trung tâm giám sát       camera           1.045                1.500\n"
    )
    layout = read_layout(text, datetime.date(2025, 1, 20))
    assert [b.kind for b in layout.blocks] == ["table"]
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["58,2"].subject == "Tỷ lệ hồ sơ được tiếp nhận và giải quyết trực tuyến toàn trình"
    assert found["1.045"].as_of_date == datetime.date(2024, 12, 31) and not found["1.045"].is_target
    # a year its bracket calls planned is a goal, even the report's own year
    assert found["1.500"].is_target and found["70"].is_target and found["1.300"].is_target
    assert "5" not in found  # the STT of the row after a wrapped label is no figure


def test_a_label_wrapped_together_with_its_unit_cell_stays_one_row() -> None:
    text = (
        "STT  Chỉ tiêu                          Đơn vị    Năm 2023   Năm 2024\n"
        "                                       tính\n"
        "1    Số điểm phát wifi công cộng       Điểm           210        265\n"
        "     miễn phí\n"
        "2    Lượt khai thác dữ liệu đất        Lượt         8.140     11.520\n"
        "     đai trực tuyến                    truy cập\n"
        "3    Số camera giám sát giao thông     Camera          96        148\n"
    )
    layout = read_layout(text, datetime.date(2025, 1, 20))
    assert [b.kind for b in layout.blocks] == ["table"]
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["11.520"].subject == "Lượt khai thác dữ liệu đất đai trực tuyến"
    assert found["148"].subject == "Số camera giám sát giao thông"
    # a line of words with a figure among them is a row of its own
    text = text.replace("     đai trực tuyến                    truy cập\n", "4    Trạm BTS 5G                       Trạm             4         24\n")
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["24"].subject == "Trạm BTS 5G"


def test_a_year_column_planned_in_brackets_holds_goals() -> None:
    assert column_role("Năm 2025 (kế hoạch)", 3).role == "target"
    assert column_role("2026 (KH)", 4).role == "target"
    assert column_role("Năm 2025 (ước)", 3).role == "period"


def test_a_row_whose_long_label_ran_into_its_unit_keeps_its_values_in_their_columns() -> None:
    text = (
        "STT  Chỉ tiêu                                 Đơn vị tính   Năm 2024   Năm 2025 (kế hoạch)\n"
        "1    Số trạm BTS 4G                           trạm             1.210                1.300\n"
        "2    Số camera an ninh kết nối trung tâm điều camera           1.045                1.500\n"
        "3    Số điểm wifi công cộng miễn phí          điểm               312                  400\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["1.045"].table_column == "Năm 2024" and not found["1.045"].is_target
    assert found["1.500"].table_column == "Năm 2025 (kế hoạch)" and found["1.500"].is_target
    assert found["1.045"].subject.startswith("Số camera an ninh")


def test_a_heading_of_results_naming_a_past_year_dates_its_section() -> None:
    text = (
        "1. Kết quả nổi bật năm 2025\n"
        "- Toàn huyện có 64 trạm BTS.\n"
        "- Tỷ lệ hồ sơ trực tuyến đạt 71,4%.\n\n"
        "2. Nhiệm vụ năm 2026\n"
        "- Phấn đấu 85% hồ sơ trực tuyến.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2026, 1, 12))}
    assert found["64"].as_of_date == found["71,4%"].as_of_date == datetime.date(2025, 12, 31)
    assert found["85%"].is_target and found["85%"].as_of_date is None
    # the report's own year is not over: no date from the heading
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 12, 20))}
    assert found["64"].as_of_date is None


def test_a_list_of_indicators_naming_no_year_takes_goal_or_result_from_its_section() -> None:
    text = (
        "Theo Sở Thông tin và Truyền thông, một số chỉ tiêu chính như sau:\n"
        "- Số trạm BTS: 1.342 trạm\n"
        "- Tỷ lệ hồ sơ trực tuyến: 68,5%\n\n"
        "II. MỤC TIÊU NĂM 2026\n"
        "Các chỉ tiêu cụ thể:\n"
        "- Tỷ lệ hồ sơ trực tuyến: 80%\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 12, 2))}
    assert not found["1.342"].is_target and not found["68,5%"].is_target
    assert found["80%"].is_target


def test_a_box_drawn_table_with_a_wrapped_label_is_one_table() -> None:
    text = (
        "+-----+------------------------------------+--------+----------+---------------+\n"
        "| STT | Chỉ tiêu                           | ĐVT    | Năm 2024 | Kế hoạch 2025 |\n"
        "+-----+------------------------------------+--------+----------+---------------+\n"
        "|   1 | Số điểm phát wifi công cộng        | điểm   |      215 |           300 |\n"
        "|   2 | Tỷ lệ hồ sơ giải quyết trực tuyến  | %      |     61,4 |            75 |\n"
        "|     | toàn trình                         |        |          |               |\n"
        "|   3 | Số camera giám sát                 | camera |      860 |         1.200 |\n"
        "+-----+------------------------------------+--------+----------+---------------+\n"
    )
    layout = read_layout(text, datetime.date(2025, 1, 20))
    assert [b.kind for b in layout.blocks] == ["table"]
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert found["61,4"].subject == "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình"
    assert found["860"].as_of_date == datetime.date(2024, 12, 31) and not found["860"].is_target
    assert found["1.200"].is_target and found["75"].is_target


def test_a_header_wrapped_inside_the_cells_of_a_box_drawn_table_stays_in_its_columns() -> None:
    text = (
        "+-----+------------------------------+--------+----------+----------+\n"
        "| STT | Chỉ tiêu                     | Đơn vị | Năm 2024 | Kế hoạch |\n"
        "|     |                              |   tính |          | năm 2025 |\n"
        "+-----+------------------------------+--------+----------+----------+\n"
        "| 1   | Số điểm phát wifi công cộng  |   điểm |      215 |      300 |\n"
        "+-----+------------------------------+--------+----------+----------+\n"
        "| 2   | Số camera giám sát           | camera |      860 |    1.200 |\n"
        "+-----+------------------------------+--------+----------+----------+\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert "1" not in found and "2" not in found  # the STT column stays one
    assert found["300"].table_column == "Kế hoạch năm 2025" and found["300"].is_target
    assert found["860"].as_of_date == datetime.date(2024, 12, 31)


def test_a_unit_column_word_before_a_column_gap_labels_no_number() -> None:
    # "tổ 5" (team no. 5) is a label; "tổ" in the unit column, a gap, then the year cells are figures
    text = (
        "PHỤ LỤC. MỘT SỐ CHỈ TIÊU\n"
        "STT  Chỉ tiêu                      Đơn vị      Năm 2023    Năm 2024    KH 2025\n"
        "1    Tổ công nghệ số cộng đồng      tổ          57          57          57\n"
        "2    Lớp tập huấn kỹ năng số        lớp         12          14          16\n"
    )
    found = [(o.value, o.table_column) for o in extract_observations(text, PUBLISHED)]
    assert [c for v, c in found if v == 57] == ["Năm 2023", "Năm 2024", "KH 2025"]
    assert (12, "Năm 2023") in found
    assert 5 not in {o.value for o in extract_observations("Tổ 5 của thôn Đông đã họp dân.", PUBLISHED)}


def test_a_sentence_of_its_own_about_the_reports_data_dates_them_with_words_between() -> None:
    text = (
        "BÁO CÁO\nKết quả chuyển đổi số năm 2024\n"
        "Các số liệu nêu trong báo cáo này được tổng hợp tính đến ngày 10/12/2024.\n"
        "I. KẾT QUẢ\nToàn huyện có 412 máy tính kết nối mạng nội bộ.\n"
    )
    assert _by_value(text)[412].as_of_date == datetime.date(2024, 12, 10)


FOOTNOTED_COLUMN = """Biểu 2. Một số chỉ tiêu hạ tầng số
STT | Chỉ tiêu | Năm 2023 | Năm 2024(*)
1 | Số điểm phát wifi công cộng | 410 | 526
2 | Số trạm BTS 5G | 35 | 88
(*) Số liệu ước tính đến ngày 31/10/2024.
"""


def test_a_column_marked_for_a_footnote_is_dated_by_the_footnote() -> None:
    cells = _by_value(FOOTNOTED_COLUMN, datetime.date(2024, 12, 10))
    assert cells[526.0].as_of_date == datetime.date(2024, 10, 31)
    assert cells[88.0].as_of_date == datetime.date(2024, 10, 31)
    assert cells[410.0].as_of_date == datetime.date(2023, 12, 31)  # no mark: the year's end
    # a footnote about another mark, or one that dates another year, dates nothing
    other = FOOTNOTED_COLUMN.replace("(*) Số liệu", "(**) Số liệu")
    assert _by_value(other, datetime.date(2024, 12, 10))[526.0].as_of_date == datetime.date(2024, 12, 31)
    other = FOOTNOTED_COLUMN.replace("31/10/2024", "31/10/2023")
    assert _by_value(other, datetime.date(2024, 12, 10))[526.0].as_of_date == datetime.date(2024, 12, 31)


def test_a_numbered_line_cut_before_its_figure_by_a_page_break_is_a_list_item() -> None:
    # a document hard-wrapped at 80 characters, the item's figure printed on the next page
    text = (
        "    Năm 2025, hạ tầng số của huyện tiếp tục được đầu tư theo hướng đồng bộ, hiện\n"
        "đại; doanh nghiệp viễn thông mở rộng vùng phủ sóng tới các ấp vùng sâu, vùng xa.\n"
        "2. Mục tiêu năm 2026\n"
        "    a) Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng của huyện đạt\n"
        "\n"
        "                                    - 3 -\n"
        "\fUBND huyện Phong Điền - Kế hoạch năm 2026\n"
        "\n"
        "88%.\n"
        "    b) Hoàn thành việc kết nối mạng truyền số liệu chuyên dùng tới các xã, thị trấn.\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    share = found["88%"]
    assert share.is_target and share.scope == "list"
    assert "Tỷ lệ hộ gia đình có kết nối Internet cáp quang" in share.sentence


def test_a_numbered_line_whose_sentence_goes_on_in_lower_case_past_a_page_break_is_a_list_item() -> None:
    text = (
        "2. Mục tiêu năm 2026\n"
        "    c) Tỷ lệ văn bản đi của các cơ quan được ký số, gửi nhận trên môi trường\n"
        "\n"
        "                                    - 4 -\n"
        "\fUBND huyện Lộc Ninh - Kế hoạch năm 2026\n"
        "\n"
        "mạng đạt 98%.\n"
        "    d) Phát triển thêm 25 trạm BTS trên địa bàn huyện.\n"
    )
    found = {o.quote: o for o in extract_observations(text, PUBLISHED)}
    share = found["98%"]
    assert share.is_target and share.scope == "list"
    assert "Tỷ lệ văn bản đi của các cơ quan được ký số" in share.sentence


def test_column_names_packed_with_single_spaces_over_a_line_of_years_name_their_columns() -> None:
    # "Thực hiện" and "Kế hoạch" printed one space apart over the years of the columns they head
    text = (
        "Phụ lục\nMỘT SỐ CHỈ TIÊU CHỦ YẾU\n\n"
        "STT  Chỉ tiêu                   ĐVT  Thực hiện Kế hoạch Thực hiện Kế hoạch\n"
        "                                       2023      2024      2024      2025\n"
        "1    Camera giám sát            cái       412      500       486      650\n"
        "2    Xã có sóng 4G              %        96,5      98        98,4      100\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 2, 20))}
    assert [found[q].is_target for q in ("412", "500", "486", "650")] == [False, True, False, True]
    assert found["412"].as_of_date == datetime.date(2023, 12, 31)
    assert found["486"].as_of_date == datetime.date(2024, 12, 31)
    assert "1" not in found  # the row's number stays its number


def test_a_second_header_line_of_years_packed_in_turn_names_the_columns_it_stands_over() -> None:
    # "Kế hoạch Kế hoạch" over "năm 2025 năm 2026": both lines pack two names with one space
    text = (
        "Phụ lục\nCHỈ TIÊU CHUYỂN ĐỔI SỐ\n\n"
        "TT   Nội dung                         ĐVT      Thực hiện  Kế hoạch Kế hoạch\n"
        "                                               năm 2024   năm 2025 năm 2026\n"
        "1    Điểm phát Wi-Fi công cộng        điểm          138       160      185\n"
        "2    Xã có cáp quang đến thôn         %            91,4        95      100\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 3, 10))}
    assert [found[q].is_target for q in ("138", "160", "185")] == [False, True, True]
    assert found["138"].as_of_date == datetime.date(2024, 12, 31)
    assert "1" not in found and "2" not in found  # the rows' numbers stay their numbers


def test_a_unit_header_going_on_under_names_packed_over_years_keeps_the_columns_apart() -> None:
    # "Đơn vị" over "tính" on the line of years, under "Thực hiện Thực hiện" packed one space apart
    text = (
        "Phụ lục\nKẾT QUẢ VÀ KẾ HOẠCH\n\n"
        "STT  Nội dung                      Đơn vị   Thực hiện Thực hiện  Kế hoạch\n"
        "                                   tính      năm 2023  năm 2024  năm 2025\n"
        "1    Điểm phát Wi-Fi công cộng     Điểm           142       188       240\n"
        "2    Hồ sơ thanh toán trực         Hồ sơ       31.400    47.950    60.000\n"
        "     tuyến\n"
        "3    Thôn có sóng 4G               %             91,5      96,2      99,0\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert [found[q].is_target for q in ("142", "188", "240")] == [False, False, True]
    assert found["47.950"].as_of_date == datetime.date(2024, 12, 31)
    assert not {"1", "2", "3"} & set(found)  # the rows' numbers stay their numbers


def test_a_unit_header_going_on_beside_the_years_keeps_the_header_whole() -> None:
    # "Đơn vị" over "tính", beside "Năm" over "2024": the second line is the header's, not a row
    text = (
        "Phụ lục\nCHỈ TIÊU CHỦ YẾU\n\n"
        "STT  Chỉ tiêu                          Đơn vị     Năm      Năm   Kế hoạch\n"
        "                                       tính      2023     2024       2025\n"
        "  1  Điểm Wi-Fi miễn phí               điểm       210      265        320\n"
        "  2  Thôn có cáp quang                 %         88,5     93,0       98,0\n"
        "  3  Trường học có phòng họp trực tuyến %        40,2     55,6       70,0\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 1, 20))}
    assert "2023" not in found and "2024" not in found  # the years name columns
    assert found["210"].as_of_date == datetime.date(2023, 12, 31) and not found["210"].is_target
    assert found["320"].is_target
    # the third row's label ran into the unit column with one space: its "%" is still its unit
    assert found["55,6"].unit == "percent"


def test_a_same_period_column_stands_at_the_end_of_the_period_it_is_compared_with() -> None:
    # "Cùng kỳ năm 2024" beside "9 tháng năm 2025": the first nine months of 2024, not all of 2024
    text = (
        "Bảng 1. So sánh với cùng kỳ\n\n"
        "| STT | Chỉ tiêu | Cùng kỳ năm 2024 | 9 tháng năm 2025 | So với cùng kỳ (%) |\n"
        "| 1 | Hồ sơ nộp trực tuyến | 84.120 | 101.300 | 120,4 |\n"
        "| 2 | Giao dịch thanh toán trực tuyến | 31.880 | 40.215 | 126,1 |\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 10, 12))}
    assert found["84.120"].as_of_date == datetime.date(2024, 9, 30)
    assert found["101.300"].as_of_date == datetime.date(2025, 9, 30)
