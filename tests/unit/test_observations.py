"""Unit tests for dagster_project.extraction.observations (sentences written for the tests)."""
from __future__ import annotations

import datetime

import pytest

from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations


def _values(text: str, published: datetime.date | None = None) -> list[tuple[float, str]]:
    return [(o.value, o.unit) for o in extract_observations(text, published)]


def _one(text: str, published: datetime.date | None = None) -> Observation:
    [obs] = extract_observations(text, published)
    return obs


# --- numbers -----------------------------------------------------------------------


def test_vietnamese_thousands_and_decimals() -> None:
    text = "Huyện đã cấp 12.450 tài khoản; tỷ lệ hồ sơ trực tuyến đạt 87,25%."
    assert _values(text) == [(12450.0, "count"), (87.25, "percent")]


def test_english_thousands_and_decimals() -> None:
    text = "The province issued 12,560 digital certificates and 81.3% of the records were processed online."
    assert _values(text) == [(12560.0, "count"), (81.3, "percent")]


def test_percent_with_space_and_word() -> None:
    assert _values("Có 72,5 % hộ dân dùng điện thoại thông minh.") == [(72.5, "percent")]
    assert _values("About 64 percent of the households are connected to the internet.") == [(64.0, "percent")]


def test_glued_number_and_scale_words() -> None:
    text = "Ứng dụng có 41250lượt tải, 320 nghìn người dùng, 1,2 triệu lượt truy cập và doanh thu 3 tỷ đồng."
    assert _values(text) == [(41250.0, "count"), (320000.0, "count"), (1200000.0, "count"), (3e9, "count")]


def test_leading_zero_count() -> None:
    obs = _one("Mỗi năm huyện tổ chức 03 lớp tập huấn kỹ năng số.")
    assert (obs.value, obs.quote) == (3.0, "03")


def test_range_takes_lower_bound() -> None:
    obs = _one("Mỗi xã có 2-3 cán bộ phụ trách công nghệ thông tin.")
    assert obs.value == 2.0
    assert (obs.range_high, obs.extra["range"]) == (3.0, "2-3")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Thành phố có hơn 900 điểm phát wifi miễn phí.", "hơn"),
        ("Đã cấp khoảng 4.100 chữ ký số cho cán bộ.", "khoảng"),
        ("Mạng cáp quang phủ gần 97% thôn bản.", "gần"),
        ("Huyện tổ chức ít nhất 02 đợt diễn tập mỗi năm.", "ít nhất"),
        ("The system served more than 3,400 users.", "more than"),
    ],
)
def test_qualifier_is_kept_apart_from_the_bare_value(text: str, qualifier: str) -> None:
    obs = _one(text)
    assert obs.qualifier == qualifier
    assert obs.quote[0].isdigit()


# --- ratios ------------------------------------------------------------------------


def test_bare_ratio() -> None:
    obs = _one("Phần mềm một cửa đã triển khai tại 152/152 UBND cấp xã.")
    assert (obs.value, obs.unit, obs.numerator, obs.denominator) == (152.0, "ratio", 152.0, 152.0)
    assert obs.admin_level == "commune"


@pytest.mark.parametrize(
    "text",
    [
        "Đã số hóa 12.300/15.000 hồ sơ hộ tịch, đạt 82%.",
        "Đã số hóa 12.300/15.000 (tỷ lệ 82%) hồ sơ hộ tịch.",
        "Đã số hóa 12.300/15.000 hồ sơ hộ tịch (khoảng 82%).",
        "Số hồ sơ hộ tịch được số hóa tăng lên 12.300/15.000, tương ứng 82%.",
        "Đã số hóa 12.300/15.000 hồ sơ hộ tịch, tương đương 82%.",
    ],
)
def test_ratio_with_stated_percent_is_one_figure(text: str) -> None:
    obs = _one(text)
    assert (obs.value, obs.unit) == (82.0, "percent")
    assert (obs.numerator, obs.denominator, obs.stated_percent) == (12300.0, 15000.0, 82.0)
    assert text[obs.char_start : obs.char_end] == obs.quote


def test_density_per_hundred() -> None:
    obs = _one("Mật độ thuê bao đạt 105 thuê bao/100 dân.")
    assert (obs.value, obs.unit, obs.denominator) == (105.0, "ratio", 100.0)


def test_per_one_ratio_does_not_count_the_one() -> None:
    obs = _one("Bình quân cứ 3,5 cán bộ có 1 máy tính.")
    assert (obs.value, obs.numerator, obs.denominator) == (3.5, 3.5, 1.0)


def test_ranks_and_scores_are_figures() -> None:
    text = "Năm 2023 tỉnh xếp thứ 12/63 về chỉ số DTI, tăng 7 bậc, đạt 0,6123 điểm."
    assert _values(text) == [(12.0, "ratio"), (7.0, "count"), (0.6123, "count")]


def test_a_document_word_used_as_a_verb_keeps_its_count() -> None:
    # "hướng dẫn" (guided), "báo cáo" (reported): in lower case, without "số" or a "/" code,
    # the number after them counts something; a document's number has no thousands separator
    assert _values("Các tổ đã hướng dẫn 27.340 người dân cài ứng dụng VNeID.") == [(27340.0, "count")]
    assert _values("Tổ công nghệ số đã hướng dẫn 415 hộ kinh doanh mở tài khoản.") == [(415.0, "count")]
    assert _values("Các xã đã báo cáo 38 điểm phát wifi miễn phí.") == [(38.0, "count")]


# --- not figures -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Nghị quyết số 52-NQ/TW và Quyết định 1234/QĐ-UBND, Công văn 45/2020/BC-STTTT.",
        "Theo Nghị quyết số 17 của Chính phủ và Đề án 06 về dữ liệu dân cư.",
        "Thực hiện Hướng dẫn 05 của Sở và kế hoạch số 88, Kế hoạch 120/KH-UBND, thông báo 17/TB-VP đã ban hành.",
        "Đơn vị áp dụng ISO 9001:2015 và tiêu chuẩn TCVN 11930.",
        "Liên hệ đường dây nóng 0236 3822 456 để được hỗ trợ.",
        "Nhà mạng đã phủ sóng 4G, 5G và tắt dần 2G/3G.",
        "Cổng dịch vụ công cung cấp dịch vụ mức độ 3, mức độ 4 và dịch vụ mức 2.",
        "Phần mềm được liên thông 3/4 cấp chính quyền và phục vụ 24/7.",
        "Kiến trúc chính quyền điện tử phiên bản 3.0 đã được ban hành.",
        "Giai đoạn 2021-2025, định hướng đến năm 2030, tỉnh tiếp tục đầu tư.",
        "Ngày 15/04/2023, lúc 09:30, hội nghị diễn ra; ngày 2.9 là quốc khánh.",
        "Báo cáo tháng 10 và quý III năm 2023 đã được gửi.",
        "Sau 5 năm triển khai, Cuộc cách mạng công nghiệp lần thứ 4 mở ra cơ hội.",
        "Bộ phận 01 cửa tiếp nhận hồ sơ của 04 cấp chính quyền.",
        "Tỷ lệ người từ đủ 16 tuổi trở lên có tài khoản định danh tăng mạnh.",
        "Kênh Zalo 1080 Hòa Bình hỗ trợ người dân.",
        "Người dân đăng ký tại khu vực 5 và tổ 12.",
        "Cụm loa truyền thanh thông minh tại thôn 2, xã Trà Leng và xóm 5, khu phố 3.",
        "Sóng di động còn yếu ở khu 4 và khu 12 của xã Hương Nộn.",
        "Bản đồ địa chính tỷ lệ 1/500 và bản đồ nền tỷ lệ 1:10.000 được cập nhật lên hệ thống.",
        "HANOI, July 18 (HNP) – The city opened a new public service portal.",
        "Nguyen Quang Minh, 52, said the work would go on.",
        "Trụ sở: Số 3 Đặng Văn Bình, phường Dịch Vọng.",
        "Mỗi thành viên tổ được tập huấn ít nhất 1 lần/năm.",
        "Biểu 3: Trạm thu phát sóng theo huyện; Biểu số 04 và Bảng số 2 kèm theo; Phụ lục số 1.",
        "Hội nghị bàn về COVID-19 và chương trình “Đào tạo 500 kỹ sư số”.",
        "Xem chi tiết tại https://dichvucong.example.gov.vn/so-lieu/2024/bao-cao-15.",
        "- Chỉ tiêu 12: Tỷ lệ hồ sơ được số hóa; Nhiệm vụ 3. Nâng cấp Cổng dịch vụ công.",
        "Tuyến cáp quang chạy dọc quốc lộ 14, 40 và 24 qua các xã biên giới.",
        "Nhân dịp 2/9, thành phố khai trương Cổng thông tin du lịch.",
    ],
)
def test_labels_dates_and_identifiers_are_not_figures(text: str) -> None:
    assert extract_observations(text) == []


def test_a_share_written_as_one_in_a_few_is_no_maps_scale() -> None:
    (obs,) = extract_observations("Hiện mới có 1/3 số hộ gia đình có máy tính.")
    assert (obs.numerator, obs.denominator) == (1.0, 3.0)


def test_page_furniture_is_not_figures() -> None:
    text = (
        "Thứ năm - 21/03/2024 10:15 230 1\n"
        "Đã có 57 xã đạt chuẩn nông thôn mới nâng cao.\n"
        "Lượt xem: 1.204\n"
        "Trang 1 / 4 1 2 3 4\n"
        "Đang truy cập41\n"
        "Hôm nay3,517\n"
        "Tổng lượt truy cập2,345,678\n"
        "0:00 / 0:00\n"
    )
    assert _values(text) == [(57.0, "count")]


def test_a_sites_footer_printed_on_one_line_is_not_figures() -> None:
    text = (
        "Cổng thông tin có 1,2 triệu lượt truy cập trong năm 2024.\n"
        "Cơ quan chủ quản: Sở Thông tin và Truyền thông tỉnh. Trưởng ban biên tập: Nguyễn Văn An. "
        "Địa chỉ: số 12 đường Trần Phú. Điện thoại: 0213 3822 456. Lượt truy cập: 2.731.904\n"
    )
    assert _values(text) == [(1.2e6, "count")]
    # one label in a sentence of the report is no footer
    assert _values("Đầu mối: Phòng Văn hóa, điện thoại: 0213 3822 456; đã xử lý 312 phản ánh.") == [(312.0, "count")]


def test_a_service_number_is_not_a_figure_whatever_names_it() -> None:
    text = (
        "Mọi vướng mắc xin gọi tổng đài hỗ trợ người dân: 19008198 hoặc số 1800.1595; "
        "ngoài giờ gọi 1900 545 481 hoặc 1900 54 54 81. Tổng đài đã tiếp nhận 1.900 cuộc gọi và 18.004 phản ánh.\n"
    )
    assert _values(text) == [(1900.0, "count"), (18004.0, "count")]


def test_a_short_hotline_number_after_the_words_that_name_its_line_is_not_a_figure() -> None:
    assert _values("Đường dây nóng tiếp nhận phản ánh về thủ tục hành chính: 1088.") == []
    assert _values("Tổng đài chăm sóc khách hàng của Công ty: 0215 3852 147; trực 24/7.") == []
    # ... but a count after such words is one
    assert _values("Tổng đài đã tiếp nhận: 12.460.") == [(12460.0, "count")]


def test_the_number_someone_is_told_to_call_is_not_a_figure() -> None:
    assert _values("Khi cần hỗ trợ, bà con gọi số 113 hoặc gọi tới tổng đài 1022 của tỉnh.") == []
    assert _values("Người dân có thể gọi đến số điện thoại 0274 3855 112 để phản ánh.") == []
    # ... but calls counted are figures
    assert _values("Tổng đài đã nhận 3.260 cuộc gọi của người dân.") == [(3260.0, "count")]


def test_the_date_of_a_named_day_is_not_a_figure() -> None:
    assert _values("Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10, huyện ra mắt 3 nền tảng số.") == [(3.0, "count")]
    assert _values("Nhân Ngày Pháp luật Việt Nam (9/11), xã tổ chức 4 buổi tuyên truyền.") == [(4.0, "count")]
    # ... but a pair after a plain "ngày" word of counting stays a pair
    assert _values("Có 9/10 huyện đã kết nối.") == [(9.0, "ratio")]


def test_a_national_emergency_line_in_a_services_name_is_not_a_figure() -> None:
    assert _values("Trung tâm Cấp cứu 115 tỉnh đã điều 2.140 lượt xe.") == [(2140.0, "count")]
    assert _values("Người dân gọi cứu hỏa 114 được kết nối ngay.") == []
    # ... but cases, people or calls counted after the verb are figures
    assert _values("Bệnh viện đã cấp cứu 115 ca bệnh nặng.") == [(115.0, "count")]
    assert _values("Đội cứu hộ 112 người tham gia diễn tập.") == [(112.0, "count")]


def test_list_numbering_is_not_a_figure() -> None:
    text = "1. Hạ tầng số\na) Có 35 trạm BTS mới."
    assert _values(text) == [(35.0, "count")]


def test_all_caps_heading_is_not_counted_again() -> None:
    text = "GẦN 90% HỒ SƠ NỘP TRỰC TUYẾN\nTỷ lệ hồ sơ nộp trực tuyến đạt 89,6%."
    assert _values(text) == [(89.6, "percent")]


# --- context -----------------------------------------------------------------------


def test_as_of_date_from_explicit_day_only() -> None:
    dated = _one("Tính đến ngày 15/08/2023, toàn tỉnh có 2.340 tổ công nghệ số cộng đồng.")
    assert dated.as_of_date == datetime.date(2023, 8, 15)
    undated = _one("Đến nay, toàn tỉnh có 2.340 tổ công nghệ số cộng đồng.")
    assert undated.as_of_date is None


def test_admin_level_follows_the_figure_segment() -> None:
    text = "Chữ ký số được cấp cho 18 sở, ngành, 9 huyện, thị xã và 140/140 UBND cấp xã."
    assert [o.admin_level for o in extract_observations(text)] == ["province", "district", "commune"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Mạng LAN đã có ở 100% cơ quan từ cấp tỉnh đến cấp xã.", "all_levels"),
        ("100% cơ quan nhà nước 3 cấp sử dụng hội nghị trực tuyến.", "all_levels"),
        ("Toàn tỉnh có 4.500 doanh nghiệp dùng hóa đơn điện tử.", "province"),
        ("Đã có 90% cán bộ các sở và UBND các huyện dùng thư công vụ.", "unspecified"),
        ("Có 45% cán bộ dùng thư công vụ.", "unspecified"),
        ("Tỷ lệ thuê bao trên cả nước đạt 85%.", "national"),
    ],
)
def test_admin_level_rules(text: str, level: str) -> None:
    assert _one(text).admin_level == level


def test_figures_of_a_commune_report_that_name_no_level_are_the_communes() -> None:
    text = (
        "ỦY BAN NHÂN DÂN HUYỆN ĐỨC LINH\nỦY BAN NHÂN DÂN XÃ MÊ PU\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 45/BC-UBND\nMê Pu, ngày 10 tháng 12 năm 2024\nBÁO CÁO\nKết quả chuyển đổi số năm 2024\n\n"
        "Tỷ lệ tài khoản định danh điện tử được kích hoạt đạt 82,4%. "
        "Toàn tỉnh có 1.204 thủ tục hành chính.\n"
    )
    found = {o.quote: (o.admin_level, o.admin_level_source) for o in extract_observations(text)}
    assert found == {"82,4%": ("commune", "issuer"), "1.204": ("province", "text")}


@pytest.mark.parametrize(
    ("masthead", "level"),
    [
        (["ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN TÁNH LINH        Độc lập - Tự do"], "district"),
        (["UBND TỈNH BÌNH THUẬN", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], None),
        (["UBND HUYỆN HÀM TÂN", "PHÒNG VĂN HÓA VÀ THÔNG TIN"], "district"),
        (["UBND THỊ XÃ LA GI", "UBND PHƯỜNG PHƯỚC HỘI"], "commune"),
        (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], None),
        # a city under its province is a district's level; a city governed by the centre is none
        (["ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN THIẾT"], "district"),
        (["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"], None),
        # a department reports its own figures; the one leading digital transformation, all of them
        (["UBND TỈNH BÌNH THUẬN", "SỞ Y TẾ"], "province"),
        (["SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN"], None),
    ],
)
def test_the_issuing_body_is_the_lowest_body_the_masthead_names(masthead: list[str], level: str | None) -> None:
    from dagster_project.extraction.obs_context import issuer_level

    assert issuer_level(masthead) == level


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Phấn đấu 80% hồ sơ được nộp trực tuyến.", True),
        ("Mục tiêu có 95% hộ gia đình dùng cáp quang.", True),
        ("Tỉnh hỗ trợ 30% chi phí thuê nền tảng số cho doanh nghiệp.", True),
        ("Quý I, các tổ đã hỗ trợ 21.500 lượt người dân nộp hồ sơ trực tuyến.", False),  # support given: a result
        ("Ông đề nghị các doanh nghiệp viễn thông phát triển thêm 150 trạm 5G trong năm tới.", True),
        ("Hệ thống đáp ứng yêu cầu của 95% người dùng.", False),
        ("Sau khóa học, học viên đạt yêu cầu chiếm 88,6%.", False),  # a test passed
        ("Kế hoạch năm 2025: phát triển thêm 150 trạm BTS.", True),
        ("Đã tiếp nhận 3.420 hồ sơ đề nghị cấp tài khoản định danh điện tử.", False),
        # a requirement a kind of dossier has, not a directive
        ("Số thủ tục có yêu cầu nộp phí được thanh toán trực tuyến là 214 thủ tục.", False),
        ("The province aims to connect 90% of households.", True),
        ("Hiện có 80% hồ sơ được nộp trực tuyến.", False),
        # a plan's year opening the sentence before a comma, as before a colon
        ("Kế hoạch năm 2026, 100% trường học dùng sổ điểm điện tử.", True),
        # what the counted units are still expected to do
        ("Còn 6 thôn dự kiến có cáp quang trong quý III.", True),
        ("Trong tháng tới, 42 trạm sạc sẽ được đưa vào khai thác.", True),
        # ... not a modifier of the whole a share is taken of, nor what was expected and then done
        ("Lượng hàng bán qua mạng chiếm 6,4% tổng sản lượng dự kiến của hợp tác xã.", False),
        ("Có 18 xã đã hoàn thành sớm hơn dự kiến ban đầu.", False),
    ],
)
def test_targets(text: str, target: bool) -> None:
    assert _one(text).is_target is target


def test_a_count_of_requests_is_no_request() -> None:
    # "yêu cầu" asks for what is still to be done, but not after the number that counts them
    found = extract_observations("Sở nhận 2.410 đơn, trong đó 1.905 yêu cầu nộp qua mạng, chiếm 79%.")
    assert [o.is_target for o in found] == [False, False, False]


def test_future_year_is_a_target_only_relative_to_publication() -> None:
    text = "Đến năm 2026, 70% dân số trưởng thành có chữ ký số cá nhân."
    assert _one(text, datetime.date(2024, 5, 1)).is_target is True
    assert _one(text, datetime.date(2027, 5, 1)).is_target is False


def test_a_target_cue_carries_to_the_later_clauses_of_its_sentence() -> None:
    text = "Phấn đấu đến năm 2026, 100% thôn có sóng 5G; tỷ lệ hộ gia đình dùng cáp quang đạt 90%."
    assert [o.is_target for o in extract_observations(text, datetime.date(2024, 3, 1))] == [True, True]
    # a clause that states a result, or follows a result, stays actual
    text = "Năm nay tỉnh phấn đấu 75% hồ sơ nộp trực tuyến; hiện nay tỷ lệ này đạt 58%."
    assert [o.is_target for o in extract_observations(text)] == [True, False]
    text = "Tỉnh đã hoàn thành 12/15 chỉ tiêu; tỷ lệ hồ sơ trực tuyến đạt 61%."
    assert extract_observations(text)[-1].is_target is False


def test_a_result_stated_as_of_a_past_day_after_a_plan_cue_is_actual() -> None:
    text = "Theo kế hoạch, tính đến ngày 30/6/2024, toàn tỉnh có 1.420 trạm BTS."
    assert _one(text, datetime.date(2024, 7, 15)).is_target is False
    assert _one("Theo kế hoạch, toàn tỉnh có 1.600 trạm BTS.", datetime.date(2024, 7, 15)).is_target is True


def test_goal_list_after_a_lead_sentence_is_target() -> None:
    text = "Kế hoạch nêu các mục tiêu cụ thể. 90% văn bản được ký số. 60% hồ sơ nộp trực tuyến."
    assert [o.is_target for o in extract_observations(text)] == [True, True]


def test_a_rate_whose_subject_says_what_was_done_is_a_goal_in_a_goals_section() -> None:
    # "đã" inside a rate's subject says which units are counted, not that the figure is a result
    text = (
        "II. MỤC TIÊU NĂM 2026\n"
        "a) Tỷ lệ dữ liệu đã số hóa được khai thác, sử dụng lại đạt 60%.\n"
        "b) Tỷ lệ người dân đã có tài khoản định danh điện tử sử dụng dịch vụ công đạt 70%.\n"
        "c) Tỷ lệ hồ sơ nộp trực tuyến hiện đạt 64%, phấn đấu tăng thêm.\n"
    )
    found = {o.quote: o.is_target for o in extract_observations(text, datetime.date(2025, 12, 20))}
    assert found["60%"] and found["70%"]
    assert not found["64%"]  # a marker right before the verb still states the result reached


def test_subject_and_clause() -> None:
    text = "Hệ thống camera đã lắp tại 320 điểm giao thông do Công an tỉnh quản lý; 50 điểm khác đang thi công."
    first, second = extract_observations(text)
    assert first.subject == "điểm giao thông do Công an tỉnh quản lý"
    assert "Hệ thống camera đã lắp tại" in first.clause
    assert second.subject.startswith("điểm khác")


def test_percent_subject_before_it_is_in_the_clause() -> None:
    obs = _one("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97%.")
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in obs.clause


def test_parts_point_to_their_total() -> None:
    text = "Toàn tỉnh có 5.400 camera, trong đó 1.200 camera giao thông, 4.200 camera an ninh."
    total, a, b = extract_observations(text)
    assert total.parent_ordinal is None
    assert (a.parent_ordinal, b.parent_ordinal) == (total.ordinal, total.ordinal)


def test_parts_in_brackets_that_sum_to_the_total() -> None:
    text = "Huyện cung cấp 900 dịch vụ công (600 dịch vụ một phần và 300 dịch vụ toàn trình)."
    total, a, b = extract_observations(text)
    assert (a.parent_ordinal, b.parent_ordinal) == (total.ordinal, total.ordinal)


# --- text damage -------------------------------------------------------------------


def test_repeated_lead_paragraph_counts_once() -> None:
    lead = "Toàn tỉnh có 98% xã có cáp quang đến trung tâm."
    text = lead + "\n" + lead + "\nNgoài ra có 12 điểm wifi công cộng."
    assert _values(text) == [(98.0, "percent"), (12.0, "count")]


def test_restated_figure_with_other_framing_counts_once() -> None:
    text = (
        "Tỷ lệ phủ sóng di động đạt 99% thôn, bản.\n"
        "Theo Sở, hiện nay tỷ lệ phủ sóng di động đã đạt 99% thôn, bản trên địa bàn."
    )
    assert _values(text) == [(99.0, "percent")]


def test_a_count_of_other_things_in_the_same_words_restates_nothing() -> None:
    # a club in every quarter: 212 clubs, not the 212 quarters told again
    text = (
        "- Số xã, phường: 18 đơn vị\n"
        "- Số khu dân cư, tổ dân phố: 212 khu dân cư, tổ dân phố\n"
        "- Câu lạc bộ chuyển đổi số: 230 câu lạc bộ, gồm 18 câu lạc bộ cấp xã và 212 câu lạc bộ ở khu dân cư, tổ dân phố\n"
    )
    assert [o.value for o in extract_observations(text)].count(212.0) == 2
    # the same count of the same thing told again still counts once
    again = "Toàn tỉnh có 1.420 trạm BTS phủ sóng 4G.\nTheo Sở, hiện nay toàn tỉnh đã có 1.420 trạm BTS phủ sóng 4G."
    assert [o.value for o in extract_observations(again)] == [1420.0]


def test_a_goal_for_what_is_left_is_no_restatement_of_it() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
        "Sóng di động 4G đã phủ 412 thôn, bản; còn 07 bản thuộc huyện vùng cao chưa có sóng di động.\n"
        "II. NHIỆM VỤ NĂM 2025\n"
        "1. Phấn đấu đến hết năm 2025:\n"
        "- Đầu tư 20 trạm BTS mới; phủ sóng di động 07 bản còn chưa có sóng.\n"
    )
    sevens = [o for o in extract_observations(text, datetime.date(2025, 1, 10)) if o.value == 7]
    assert [o.is_target for o in sevens] == [False, True]


def test_a_restated_figure_keeps_its_fuller_statement() -> None:
    text = (
        "Điện Biên: 97,2% thôn, bản đã có sóng di động\n"
        "Đến nay, 97,2% thôn, bản (1.580/1.626 thôn, bản) đã có sóng di động trên địa bàn tỉnh Điện Biên.\n"
    )
    [obs] = extract_observations(text)
    assert (obs.numerator, obs.denominator) == (1580.0, 1626.0)


def test_a_figure_the_lead_restates_is_stated_where_the_body_gives_it() -> None:
    text = (
        "Gần 94% thôn, tổ dân phố đã có cáp quang\n"
        "Đến nay, 93,8% thôn, tổ dân phố trong tỉnh đã có cáp quang; 100% trường học có kết nối Internet.\n"
        "Theo Sở Thông tin và Truyền thông, đến ngày 30/9/2024, 93,8% thôn, tổ dân phố trong tỉnh đã có "
        "cáp quang.\n"
    )
    restated = [o for o in extract_observations(text) if o.value == 93.8]
    assert [o.sentence[:20] for o in restated] == ["Theo Sở Thông tin và"]
    assert restated[0].as_of_date == datetime.date(2024, 9, 30)
    # ... but in a report's body and its plan, the first statement stands: the plan only recalls it
    text = (
        "1. Kết quả năm 2024\n"
        "Tỷ lệ thôn, tổ dân phố có cáp quang đạt 93,8%; 100% trường học có kết nối Internet.\n"
        "2. Nhiệm vụ năm 2025\n"
        "Tỷ lệ thôn, tổ dân phố có cáp quang đạt 98% (hiện đạt 93,8%).\n"
    )
    restated = [o for o in extract_observations(text) if o.value == 93.8]
    assert [o.sentence[:20] for o in restated] == ["Tỷ lệ thôn, tổ dân p"]


def test_missing_space_between_words() -> None:
    assert _values("Phát triển công nghệ thông tinnguồn nhân lực có 35 kỹ sư.") == [(35.0, "count")]


def test_english_report_with_comma_thousands_in_footer_style() -> None:
    text = "The city received 191,957 records in the quarter, of which 137,884 were resolved on time."
    assert _values(text) == [(191957.0, "count"), (137884.0, "count")]


def test_spans_quotes_sentences_and_ordinals_are_consistent() -> None:
    text = "Năm nay có 1.250 hộ. Ngoài ra, 45,5% xã có điểm bưu điện; 30/30 trường có mạng LAN."
    observations = extract_observations(text)
    assert [o.ordinal for o in observations] == list(range(len(observations)))
    for obs in observations:
        assert text[obs.char_start : obs.char_end] == obs.quote
        assert obs.quote in obs.sentence
        assert obs.sentence in text
    assert observations[1].sentence == "Ngoài ra, 45,5% xã có điểm bưu điện; 30/30 trường có mạng LAN."


def test_decomposed_input_gives_spans_on_the_given_text() -> None:
    import unicodedata

    nfc = "Tính đến ngày 01/06/2023, có 1.250 hộ và tỷ lệ 45,5% xã có điểm bưu điện văn hóa."
    nfd = unicodedata.normalize("NFD", nfc)
    observations = extract_observations(nfd)
    assert [(o.value, o.unit) for o in observations] == [(1250.0, "count"), (45.5, "percent")]
    for obs in observations:
        assert nfd[obs.char_start : obs.char_end] == obs.quote
        assert obs.sentence == nfd
    assert observations[0].as_of_date == datetime.date(2023, 6, 1)


def test_english_as_of_and_ordinal() -> None:
    obs = extract_observations("As of June 30, 2024, the province ranked 4th with 1,234 online services.")
    assert [(o.value, o.quote) for o in obs] == [(4.0, "4th"), (1234.0, "1,234")]
    assert obs[1].as_of_date == datetime.date(2024, 6, 30)


def test_tỷ_lệ_is_not_a_billion() -> None:
    assert _values("Có 1.500 hộ\nTỷ lệ hộ có cáp quang đạt 60%.") == [(1500.0, "count"), (60.0, "percent")]


def test_parts_that_overflow_their_total_are_still_linked_after_a_marker() -> None:
    # An inflated part is exactly what the part-and-whole check must see.
    found = extract_observations("Tỉnh có 1.000 chứng thư số, trong đó 400 chứng thư số tổ chức, 601 chứng thư số cá nhân.")
    assert [(o.quote, o.parent_ordinal) for o in found] == [("1.000", None), ("400", 0), ("601", 0)]


def test_turns_of_other_people_that_overflow_a_total_of_turns_are_still_its_parts() -> None:
    # "lượt học viên" and "lượt người dân" both count turns of people: the inflated list is linked
    text = "Huyện mở 18 lớp cho 1.400 lượt học viên, gồm 620 lượt cán bộ, 410 lượt hội viên và 390 lượt người dân."
    found = {o.quote: o for o in extract_observations(text)}
    assert [found[q].parent_ordinal for q in ("620", "410", "390")] == [found["1.400"].ordinal] * 3
    # ... and so do bare turns by level under a total of turns of learners
    text = "Tỉnh mở 31 lớp cho 2.400 lượt học viên, trong đó cấp tỉnh 900 lượt, cấp huyện 1.000 lượt và cấp xã 600 lượt."
    found = {o.quote: o for o in extract_observations(text)}
    assert [found[q].parent_ordinal for q in ("900", "1.000", "600")] == [found["2.400"].ordinal] * 3


def test_the_share_stated_after_a_part_carries_the_part_over_its_total() -> None:
    # so that the quality check can hold the stated share to them (3.150/7.200 = 43,75 %, not 52 %)
    text = "Quý I, huyện tiếp nhận 7.200 hồ sơ, trong đó 3.150 hồ sơ nộp qua mạng, đạt 52%."
    found = {o.quote: o for o in extract_observations(text)}
    assert (found["52%"].numerator, found["52%"].denominator, found["52%"].stated_percent) == (3150.0, 7200.0, 52.0)
    assert found["3.150"].parent_ordinal == 0  # the part stays a figure of its own
    found = {o.quote: o for o in extract_observations("Xã có 940 hộ, trong đó 812 hộ dùng cáp quang (chiếm 86,4%).")}
    assert (found["86,4%"].numerator, found["86,4%"].denominator) == (812.0, 940.0)
    # another rate after the part, or a share of a plan, is not the part's share
    text = "Sở nhận 7.200 hồ sơ, trong đó 3.150 hồ sơ qua mạng, tỷ lệ giải quyết đúng hạn đạt 98%."
    assert {o.quote: o for o in extract_observations(text)}["98%"].numerator is None
    text = "Huyện đào tạo 600 người, trong đó 450 cán bộ xã, đạt 112% kế hoạch."
    assert {o.quote: o for o in extract_observations(text)}["112%"].numerator is None


def test_the_set_a_sentence_opens_on_is_the_whole_of_the_share_after_the_count_taken_out_of_it() -> None:
    # 315/420 = 75 %, not the 80 % stated: the check can hold the share to them
    text = "Trong tổng số 420 điểm bưu điện văn hóa xã, có 315 điểm đã có wifi miễn phí, chiếm 80%."
    found = {o.quote: o for o in extract_observations(text)}
    assert (found["80%"].numerator, found["80%"].denominator, found["80%"].stated_percent) == (315.0, 420.0, 80.0)
    # a time the sentence opens on is no set; another rate after the count is no share of it
    text = "Trong quý I, có 315 điểm đã có wifi miễn phí, chiếm 80% số điểm bưu điện văn hóa xã."
    assert {o.quote: o for o in extract_observations(text)}["80%"].numerator is None
    text = "Trong tổng số 420 điểm, có 315 điểm đã có wifi, tỷ lệ người dùng hài lòng đạt 92%."
    assert {o.quote: o for o in extract_observations(text)}["92%"].numerator is None


def test_a_labels_unit_is_the_head_noun_its_overflowing_parts_are_checked_against() -> None:
    found = extract_observations("- Số máy chủ (chiếc): 40; trong đó: máy chủ vật lý 12 chiếc, máy chủ ảo 30 chiếc")
    assert [(o.quote, o.parent_ordinal) for o in found] == [("40", None), ("12", 0), ("30", 0)]


def test_people_counted_as_officials_or_as_persons_are_one_kind_of_part() -> None:
    found = extract_observations("Huyện có 52 cán bộ phụ trách công nghệ thông tin, trong đó: đại học 40 người, cao đẳng 15 người.")
    assert [(o.quote, o.parent_ordinal) for o in found] == [("52", None), ("40", 0), ("15", 0)]


def test_a_different_count_after_the_parts_is_not_a_part() -> None:
    found = extract_observations("Có 120 cán bộ, trong đó 50 cán bộ nữ; có 90 máy tính.")
    assert [(o.quote, o.parent_ordinal) for o in found] == [("120", None), ("50", 0), ("90", None)]


def test_a_change_against_an_earlier_time_is_neither_whole_nor_part() -> None:
    text = "Toàn huyện có 1.530 camera, tăng 210 camera so với ngày 01/01/2025; trong đó 640 camera AI."
    found = extract_observations(text)
    assert [(o.quote, o.parent_ordinal) for o in found] == [("1.530", None), ("210", None), ("640", 0)]


def test_a_new_whole_after_the_parts_is_not_a_part() -> None:
    text = "Năm 2026 lắp mới 90 điểm Wi-Fi, trong đó 60 điểm tại chợ, nâng tổng số điểm lên 1.120 điểm."
    found = extract_observations(text)
    assert [(o.quote, o.parent_ordinal) for o in found] == [("90", None), ("60", 0), ("1.120", None)]


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("Tính đến ngày 15/8, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 8, 15)),
        ("Tính đến 15.8, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 8, 15)),
        ("Từ ngày 1.7 - 10.9, hệ thống tiếp nhận 8.400 hồ sơ.", datetime.date(2024, 9, 10)),
        ("Từ ngày 01/7 đến ngày 10/9, hệ thống tiếp nhận 8.400 hồ sơ.", datetime.date(2024, 9, 10)),
        # after the publication date: last year's result or this year's target, so no date
        ("Tính đến ngày 25/12, toàn tỉnh có 412 điểm Wi-Fi công cộng.", None),
        ("Đến 31/12, phấn đấu 100% hồ sơ được xử lý trực tuyến.", None),
        ("Tính đến ngày 30/2, toàn tỉnh có 412 điểm Wi-Fi công cộng.", None),
        # the end of a month named without its year
        ("Đến cuối tháng 7, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 7, 31)),
        ("Đến hết tháng 11, toàn tỉnh có 412 điểm Wi-Fi công cộng.", None),
        ("Tính đến tháng 6, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 6, 30)),
        ("Đến hết quý II, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 6, 30)),
        ("Đến hết quý IV, toàn tỉnh có 412 điểm Wi-Fi công cộng.", None),
        # a day and month in words, or with a hyphen
        ("Tính đến ngày 31 tháng 8, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 8, 31)),
        ("Đến ngày 31-8, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 8, 31)),
    ],
)
def test_a_day_and_month_without_a_year_take_the_publication_year(
    sentence: str, as_of: datetime.date | None
) -> None:
    (obs,) = [o for o in extract_observations(sentence, datetime.date(2024, 9, 20)) if o.value not in (1, 10)]
    assert obs.as_of_date == as_of


def test_a_day_and_month_without_a_year_stay_undated_without_a_publication_date() -> None:
    (obs,) = extract_observations("Tính đến ngày 15/8, toàn tỉnh có 412 điểm Wi-Fi công cộng.")
    assert obs.as_of_date is None


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("BÁO CÁO\nKết quả công tác chuyển đổi số quý III/2024\n", datetime.date(2024, 9, 30)),
        ("Lai Châu: 9 tháng đầu năm 2023, dịch vụ công trực tuyến tăng mạnh\n", datetime.date(2023, 9, 30)),
        ("Báo cáo chuyển đổi số tháng 10 năm 2024\n", datetime.date(2024, 10, 31)),
        ("Kết quả chuyển đổi số năm 2023 của huyện Phong Thổ\n", datetime.date(2023, 12, 31)),
        # a plan's horizon or a span of years is no reported period
        ("Kế hoạch chuyển đổi số tỉnh đến năm 2025\n", None),
        ("Chương trình chuyển đổi số giai đoạn 2021-2025\n", None),
    ],
)
def test_the_period_a_report_covers_comes_from_its_title(text: str, end: datetime.date | None) -> None:
    from dagster_project.extraction.obs_context import report_period_end

    assert report_period_end(text) == end


NEWS_WITHOUT_DATE = """Sơn La: chuyển đổi số 6 tháng đầu năm 2025 đạt nhiều kết quả

Tính đến ngày 20/5, toàn tỉnh có 812 trạm BTS.
Đến cuối tháng 4, có 35.400 tài khoản định danh điện tử được kích hoạt.
Kết quả tiếp nhận hồ sơ tính đến ngày 10/6 như sau:
- Số hồ sơ tiếp nhận: 4.210 hồ sơ;
Tính đến ngày 15/9, toàn tỉnh có 95 điểm Wi-Fi công cộng.
"""


def test_without_a_publication_date_a_day_and_month_take_the_year_of_the_period_reported() -> None:
    by_value = {o.value: o.as_of_date for o in extract_observations(NEWS_WITHOUT_DATE)}
    assert by_value[812] == datetime.date(2025, 5, 20)
    assert by_value[35400] == datetime.date(2025, 4, 30)
    assert by_value[4210] == datetime.date(2025, 6, 10)  # from the list intro
    assert by_value[95] is None  # after the period's end: no date guessed


def test_a_month_after_den_inside_a_sentence_is_no_as_of_date() -> None:
    from dagster_project.extraction.obs_context import as_of_date

    # a deadline inside the sentence, not the day its figures stand at
    assert as_of_date("Huyện lắp 412 điểm Wi-Fi, hoàn thành đến tháng 5/2024.") is None


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("Tính đến tháng 6/2023, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2023, 6, 30)),
        ("Đến hết quý III năm 2023, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2023, 9, 30)),
        ("Đến cuối quý 1/2024, toàn tỉnh có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 3, 31)),
        ("Trong đợt kiểm tra từ tháng 4 đến tháng 7/2024, đội đã rà soát 412 máy chủ.", datetime.date(2024, 7, 31)),
        ("Đến tháng 5/2024, toàn huyện có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 5, 31)),
        ("Tới tháng 5 năm 2024, toàn huyện có 412 điểm Wi-Fi công cộng.", datetime.date(2024, 5, 31)),
    ],
)
def test_the_end_of_a_month_or_quarter_as_of_which_figures_are_stated(sentence: str, as_of: datetime.date) -> None:
    (obs,) = extract_observations(sentence)
    assert obs.as_of_date == as_of


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        # the year of the measure, right before the verb that states it
        ("Tỷ lệ thanh toán trực tuyến năm 2024 đạt 48,2%.", datetime.date(2024, 12, 31)),
        ("Chỉ số hài lòng năm 2023 của người dân đạt 86,5%.", datetime.date(2023, 12, 31)),
        ("Số lượt truy cập 10 tháng năm 2024 đạt 96.400 lượt.", datetime.date(2024, 10, 31)),
        # a period named after the figure, in its clause
        ("Các cơ quan đã gửi 8.240 văn bản điện tử trong quý II/2024.", datetime.date(2024, 6, 30)),
        ("Hệ thống đã chặn 5.300 lượt truy cập trái phép trong 9 tháng năm 2024.", datetime.date(2024, 9, 30)),
    ],
)
def test_a_period_named_after_the_opening_dates_its_figures(sentence: str, as_of: datetime.date) -> None:
    (obs,) = extract_observations(sentence, datetime.date(2025, 2, 10))
    assert obs.as_of_date == as_of


def test_a_period_still_to_come_or_in_another_clause_dates_nothing() -> None:
    # a year still to come at publication is a plan's
    (obs,) = extract_observations("Tỷ lệ thanh toán trực tuyến năm 2027 đạt 60%.", datetime.date(2025, 2, 10))
    assert obs.as_of_date is None
    # the period of another clause
    found = extract_observations(
        "Hiện có 1.240 trạm BTS; trong năm 2024 đã xây mới 96 trạm.", datetime.date(2025, 2, 10)
    )
    assert {o.quote: o.as_of_date for o in found}["1.240"] is None


def test_a_year_label_before_a_comma_does_not_swallow_the_next_figure() -> None:
    assert [o.quote for o in extract_observations("Năm 2024, 2.860 cán bộ đã hoàn thành khóa bồi dưỡng.")] == ["2.860"]
    # the list of levels itself is still a label
    assert [o.quote for o in extract_observations("Có 520 dịch vụ công mức độ 3, 4 được cung cấp.")] == ["520"]


def test_a_label_number_has_no_thousands_separator() -> None:
    # a table row whose unit column reads "tổ" before its count: "tổ 1.296" is no team number
    text = "5  Tổ công nghệ số cộng đồng   tổ   2.418   2.460"
    assert {"2.418", "2.460"} <= {o.quote for o in extract_observations(text)}
    # "tổ 12" is still the name of a team
    assert [o.quote for o in extract_observations("Tổ 12 có 8 thành viên.")] == ["8"]


def test_a_deadline_at_the_end_of_a_year_still_ahead_is_a_target() -> None:
    text = "Theo Sở, đến cuối năm 2025, 100% thành viên tổ được tập huấn."
    assert _one(text, datetime.date(2025, 6, 11)).is_target is True
    # the end of a year that has passed, or is at hand, is the date the figure is stated at
    assert _one(text, datetime.date(2026, 2, 1)).is_target is False
    assert _one(text, datetime.date(2025, 12, 20)).is_target is False
    assert _one("Đến hết năm 2025, toàn tỉnh có 1.500 trạm BTS.", datetime.date(2025, 3, 1)).is_target is True
    assert _one("Tính đến hết năm 2025, toàn tỉnh có 1.500 trạm BTS.", datetime.date(2026, 1, 9)).is_target is False


def test_a_label_noun_that_ends_a_longer_word_labels_nothing() -> None:
    # "hình" of "cấu hình" (to configure) is no "Hình 1"
    assert [o.quote for o in extract_observations("Sở đã cấu hình 1.028 dịch vụ công trực tuyến toàn trình.")] == ["1.028"]
    assert extract_observations("Xem Hình 2 và Bảng 3 ở phần sau.") == []



def test_a_label_noun_that_begins_a_longer_word_labels_nothing() -> None:
    # "cửa" of "cửa hàng" (a shop) is no "3 cửa" of a one-stop chain
    quotes = [o.quote for o in extract_observations("Toàn huyện có 415 cửa hàng tạp hóa dùng hóa đơn điện tử.")]
    assert quotes == ["415"]
    assert extract_observations("Cơ chế liên thông 3 cửa được áp dụng tại xã.") == []


def test_a_network_generation_between_a_pair_and_its_percentage_keeps_them_one_figure() -> None:
    (obs,) = extract_observations("Có 1.204/1.315 thôn có sóng 3G, 4G, đạt 91,6%.")
    assert (obs.numerator, obs.denominator, obs.value, obs.unit) == (1204, 1315, 91.6, "percent")


def test_a_level_between_a_pair_and_its_percentage_keeps_them_one_figure() -> None:
    (obs,) = extract_observations("Huyện đã kích hoạt 52.310/61.480 tài khoản định danh điện tử mức độ 2, đạt 85,1%.")
    assert (obs.numerator, obs.denominator, obs.value, obs.unit) == (52310, 61480, 85.1, "percent")
    # a stated share that disagrees with its pair stays one figure, so that the check can flag it
    (obs,) = extract_observations("Có 412/530 thủ tục cung cấp dịch vụ công mức 4, đạt 91,2%.")
    assert (obs.numerator, obs.denominator, obs.stated_percent) == (412, 530, 91.2)


def test_a_year_between_a_pair_and_its_percentage_keeps_them_one_figure() -> None:
    text = "Huyện đã số hóa 48.120/52.300 sổ hộ tịch lưu trữ từ năm 1986 đến nay, đạt 92%."
    (obs,) = extract_observations(text)
    assert (obs.numerator, obs.denominator, obs.value, obs.unit) == (48120, 52300, 92, "percent")


def test_a_bracketed_pair_after_a_share_of_a_years_plan_states_that_share() -> None:
    (obs,) = extract_observations("Tỷ lệ hồ sơ trực tuyến đạt 96,2% kế hoạch năm 2024 (75/78).")
    assert (obs.value, obs.unit, obs.numerator, obs.denominator) == (96.2, "percent", 75, 78)


def test_a_count_supported_is_a_result_a_rate_supported_is_policy() -> None:
    [count] = extract_observations("Các doanh nghiệp viễn thông hỗ trợ 1.240 bộ máy tính cho các xã.")
    [rate] = extract_observations("Tỉnh hỗ trợ tối đa 40% chi phí thuê dịch vụ điện toán đám mây.")
    assert (count.is_target, rate.is_target) == (False, True)


def test_an_average_per_unit_is_no_count_of_things_and_keeps_its_parts() -> None:
    [avg] = extract_observations("Bình quân mỗi cơ quan có 2,4 cán bộ chuyên trách công nghệ thông tin.")
    assert (avg.value, avg.figure_kind) == (2.4, "average")
    found = extract_observations("Mỗi ngày trung tâm tiếp nhận bình quân 240 hồ sơ, trong đó 150 hồ sơ trực tuyến.")
    assert [(o.quote, o.parent_ordinal) for o in found] == [("240", None), ("150", 0)]


def test_kinds_of_health_facility_are_one_kind_of_part() -> None:
    text = "Có 96 cơ sở y tế dùng bệnh án điện tử, trong đó 4 bệnh viện, 12 trung tâm y tế và 85 trạm y tế."
    found = extract_observations(text)
    # 4 + 12 + 85 = 101 > 96: linked all the same, so that the check can flag them
    assert [(o.quote, o.parent_ordinal) for o in found] == [("96", None), ("4", 0), ("12", 0), ("85", 0)]


def test_the_numbers_of_a_list_run_into_a_sentence_are_not_figures() -> None:
    text = "Các dịch vụ chia làm hai nhóm: (1) cấp tỉnh 842 dịch vụ; (2) cấp huyện 217 dịch vụ."
    assert [o.quote for o in extract_observations(text)] == ["842", "217"]
    text = "Kết quả gồm: 1) 64 trạm BTS mới; 2) 18 điểm wifi công cộng."
    assert [o.quote for o in extract_observations(text)] == ["64", "18"]
    # a bracketed count after a word is a figure
    assert [o.quote for o in extract_observations("Tỉnh hỗ trợ máy tính cho các xã (12) vùng cao.")] == ["12"]


def test_an_age_named_as_the_subject_of_là_is_not_a_figure() -> None:
    assert extract_observations("Độ tuổi trung bình của người dùng ứng dụng là 36.") == []
    assert extract_observations("Tuổi bình quân của các thành viên tổ công nghệ số là khoảng 29.") == []
    # the elderly are people counted
    assert [o.quote for o in extract_observations("Số người cao tuổi của xã được hướng dẫn cài VNeID là 412 người.")] == ["412"]


def test_a_quotation_in_the_first_person_singular_is_one_persons_account() -> None:
    text = 'Anh Khánh, một hộ trồng bưởi, kể: "Mỗi tuần tôi chốt được chừng 25 đơn hàng qua mạng".'
    assert extract_observations(text) == []
    text = "Chị Mai chia sẻ: “Học xong 2 buổi là tôi biết nộp hồ sơ trên điện thoại”."
    assert extract_observations(text) == []
    # an agency's "chúng tôi" speaks for the agency; a sentence of the quotation without "tôi" reports
    text = 'Giám đốc Sở cho biết: "Năm nay chúng tôi đã đưa vào dùng 243 dịch vụ công trực tuyến".'
    assert [o.quote for o in extract_observations(text)] == ["243"]
    text = 'Trưởng thôn nói: "Cả thôn nay có 96 hộ dùng cáp quang. Tổ tôi đi từng nhà hướng dẫn".'
    assert [o.quote for o in extract_observations(text)] == ["96"]


def test_what_a_speaker_said_is_no_quoted_title() -> None:
    text = "Giám đốc Trung tâm khẳng định: “Trung tâm đã tiếp nhận 5.120 hồ sơ trực tuyến”."
    assert [o.quote for o in extract_observations(text)] == ["5.120"]
    # a campaign's name in quotes stays a name
    assert extract_observations("Huyện phát động phong trào “Mỗi xã 50 người dùng ví điện tử”.") == []


def test_a_number_glued_to_one_capital_letter_names_a_form_or_a_class() -> None:
    text = "Hồ sơ gồm tờ khai theo mẫu 3B và bản sao giấy tờ; lớp 11C có 42 học sinh học trực tuyến."
    assert [o.quote for o in extract_observations(text)] == ["42"]


def test_the_number_of_a_form_is_no_figure() -> None:
    text = "Nhân lực số (Biểu mẫu số 05) gồm 86 người; số liệu lập theo mẫu số 07."
    assert [o.quote for o in extract_observations(text)] == ["86"]


def test_a_pair_after_an_age_already_stated_is_no_age() -> None:
    text = "- Số xã đã liên thông thủ tục cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi: 131/129 xã"
    [obs] = extract_observations(text)
    assert (obs.numerator, obs.denominator) == (131.0, 129.0)
    assert _values("Tuổi bình quân: 38.") == []  # an age named before its number still is one


def test_a_list_of_parts_by_every_channel_is_all_of_its_total() -> None:
    text = (
        "Bộ phận Một cửa tiếp nhận 7.400 hồ sơ, trong đó: nộp trực tuyến 4.310 hồ sơ (đạt 58,2%); "
        "nộp trực tiếp 2.900 hồ sơ; qua dịch vụ bưu chính công ích 150 hồ sơ.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    total = found["7.400"]
    # the share after the first part does not end the list: each part points at the total
    assert {found[q].parent_ordinal for q in ("4.310", "2.900", "150")} == {total.ordinal}
    assert total.parts_complete  # online, in person and by post: every way in
    # parts that name a channel and something else are only some of it
    text = "Huyện tiếp nhận 9.000 hồ sơ, trong đó 5.100 hồ sơ trực tuyến, 1.900 hồ sơ đất đai."
    assert not next(o for o in extract_observations(text) if o.quote == "9.000").parts_complete
    # ... a list not by channel ends at the share: what the next clause counts is no part
    text = "Xã tiếp nhận 1.385 hồ sơ, trong đó 1.162 hồ sơ trực tuyến (đạt 83,9%); giải quyết đúng hạn 1.370 hồ sơ."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["1.370"].parent_ordinal is None
    # a percentage of a plan after the part ends the list: the plan in brackets is no part
    text = "Thành phố có 8.460 camera, trong đó 2.950 camera kết nối về IOC, đạt 107,3% kế hoạch (2.750 camera)."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["2.950"].parent_ordinal == found["8.460"].ordinal and found["2.750"].parent_ordinal is None


def test_a_list_of_parts_for_individuals_and_organisations_is_all_of_its_total() -> None:
    text = "Năm 2024 Sở đã cấp 4.230 tài khoản, trong đó cá nhân 3.870 tài khoản, tổ chức 360 tài khoản."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("3.870", "360")} == {found["4.230"].ordinal}
    assert found["4.230"].parts_complete
    # individuals alone are only some of it
    text = "Năm 2024 Sở đã cấp 4.230 tài khoản, trong đó cá nhân 3.870 tài khoản, cán bộ 120 tài khoản."
    assert not next(o for o in extract_observations(text) if o.quote == "4.230").parts_complete


def test_full_and_partial_online_services_are_all_of_the_online_services_only() -> None:
    text = "Tỉnh cung cấp 1.204 dịch vụ công trực tuyến, gồm 731 dịch vụ toàn trình và 473 dịch vụ một phần."
    assert next(o for o in extract_observations(text) if o.quote == "1.204").parts_complete
    # of all procedures, the two kinds of online service are only some
    text = "Tỉnh có 1.652 thủ tục hành chính, trong đó 731 dịch vụ toàn trình và 473 dịch vụ một phần."
    assert not next(o for o in extract_observations(text) if o.quote == "1.652").parts_complete


def test_labelled_items_after_gom_and_a_colon_set_apart_by_semicolons_are_all_of_the_total() -> None:
    text = (
        "Năm 2024, toàn huyện tiếp nhận 9.640 hồ sơ, bao gồm: lĩnh vực hộ tịch 4.210 hồ sơ; lĩnh vực "
        "đất đai 3.180 hồ sơ; lĩnh vực khác 2.250 hồ sơ."
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("4.210", "3.180", "2.250")} == {found["9.640"].ordinal}
    assert found["9.640"].parts_complete
    # after "trong đó:" the same items are only some of it
    some = text.replace("bao gồm:", "trong đó:")
    assert not next(o for o in extract_observations(some) if o.quote == "9.640").parts_complete
    # ... and so are items the sentence goes on past with a figure of its own ("..., tăng 12% ...")
    more = text.replace("2.250 hồ sơ.", "2.250 hồ sơ, tăng 12% so với năm trước.")
    assert not next(o for o in extract_observations(more) if o.quote == "9.640").parts_complete


def test_items_listed_below_a_total_that_ends_on_gom_are_its_parts() -> None:
    text = (
        "1. Hạ tầng\n"
        "- Số thiết bị đầu cuối tại bộ phận một cửa: 96 thiết bị, gồm:\n"
        "  + Bộ phận một cửa cấp huyện: 21 thiết bị;\n"
        "  + Bộ phận một cửa cấp xã: 73 thiết bị.\n"
        "- Số điểm wifi công cộng: 58 điểm.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("21", "73")} == {found["96"].ordinal}
    assert found["96"].parts_complete and found["58"].parent_ordinal is None
    # under "trong đó:" the items are some of it; an item of another noun or at the total's own mark ends the list
    text = (
        "- Tổng số hồ sơ tiếp nhận: 5.200 hồ sơ, trong đó:\n"
        "  + Nộp trực tuyến: 4.100 hồ sơ;\n"
        "  + Nộp qua bưu chính: 300 hồ sơ;\n"
        "  + Số cán bộ tiếp nhận: 12 người.\n"
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("4.100", "300")} == {found["5.200"].ordinal}
    assert not found["5.200"].parts_complete and found["12"].parent_ordinal is None
    text = "- Máy tính: 40 máy, gồm:\n- Cấp huyện: 15 máy;\n- Cấp xã: 25 máy.\n"
    found = {o.quote: o for o in extract_observations(text)}
    assert found["15"].parent_ordinal is None and not found["40"].parts_complete


def test_a_list_made_of_parts_and_closed_by_va_is_all_of_its_total() -> None:
    text = "Huyện đã lắp 57 cụm loa thông minh, gồm 40 cụm loa tại các thôn và 15 cụm loa tại trụ sở xã."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("40", "15")} == {found["57"].ordinal}
    assert found["57"].parts_complete  # 40 + 15 falls 2 short of the whole it is made of
    # "trong đó" (among them) names only some parts
    text = "Huyện đã lắp 57 cụm loa thông minh, trong đó 40 cụm loa tại các thôn và 15 cụm loa tại trụ sở xã."
    assert not next(o for o in extract_observations(text) if o.quote == "57").parts_complete
    # a list left open (no "và" before its last part) may go on
    text = "Huyện đã lắp 57 cụm loa thông minh, gồm 40 cụm loa tại các thôn, 15 cụm loa tại trụ sở xã."
    assert not next(o for o in extract_observations(text) if o.quote == "57").parts_complete
    # parts that count something else describe the whole; they do not add up to it
    text = "Thị xã có 96 nghìn người, gồm 8 phường và 4 xã."
    assert not next(o for o in extract_observations(text) if o.quote == "96 nghìn").parts_complete


def test_a_bracketed_list_closed_by_va_is_all_of_its_total() -> None:
    text = "Năm nay hệ thống đã chặn 860 lượt truy cập trái phép (512 lượt dò mật khẩu, 230 lượt quét cổng và 98 lượt gửi thư giả mạo)."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("512", "230", "98")} == {found["860"].ordinal}
    assert found["860"].parts_complete  # 512 + 230 + 98 falls 20 short of the whole the bracket spells out
    # the bracket goes on past its last part: a list inside a longer remark, maybe not all of it
    text = "Năm nay hệ thống đã chặn 860 lượt truy cập (512 lượt dò mật khẩu và 230 lượt quét cổng từ nước ngoài, chủ yếu ban đêm)."
    assert not next(o for o in extract_observations(text) if o.quote == "860").parts_complete
    # "trong đó" inside the bracket names only some parts
    text = "Năm nay hệ thống đã chặn 860 lượt truy cập (trong đó 512 lượt dò mật khẩu và 230 lượt quét cổng)."
    assert not next(o for o in extract_observations(text) if o.quote == "860").parts_complete
    # parts that count something else describe the whole; they do not add up to it
    text = "Huyện có 21 đơn vị hành chính cấp xã (20 xã và 01 thị trấn)."
    assert not next(o for o in extract_observations(text) if o.quote == "21").parts_complete


def test_counts_given_respectively_after_a_count_of_the_same_units_are_its_parts() -> None:
    text = "Thị xã có 96 trạm BTS của ba nhà mạng, số trạm của từng nhà mạng lần lượt là 40, 31 và 27 trạm."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("40", "31", "27")} == {found["96"].ordinal}  # 98 > 96: flagged
    # ... not across a ';' into other places' counts
    text = "Tỉnh có 960 trạm 5G; Hà Nội và Đà Nẵng lần lượt có 2.120 và 1.034 trạm."
    assert all(o.parent_ordinal is None for o in extract_observations(text))


def test_the_two_levels_of_electronic_identity_are_all_of_its_holders() -> None:
    text = "- Số người được cấp tài khoản định danh điện tử: 5.230 người, trong đó mức 1 là 1.410 người, mức 2 là 3.760 người."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("1.410", "3.760")} == {found["5.230"].ordinal}
    assert found["5.230"].parts_complete
    # the same two levels of something not named as an identity are only some of it
    text = "- Số hồ sơ đã thẩm định: 5.230 hồ sơ, trong đó mức 1 là 1.410 hồ sơ, mức 2 là 3.760 hồ sơ."
    assert not next(o for o in extract_observations(text) if o.quote == "5.230").parts_complete


def test_a_list_of_parts_by_every_level_of_government_is_all_of_its_total() -> None:
    text = "Năm 2025 cấp 3.150 chữ ký số, trong đó cấp tỉnh 1.020 chữ ký số, cấp huyện 980, cấp xã 1.150 chữ ký số."
    found = {o.quote: o for o in extract_observations(text)}
    assert {found[q].parent_ordinal for q in ("1.020", "980", "1.150")} == {found["3.150"].ordinal}
    assert found["3.150"].parts_complete
    # two of the three levels are only some of it
    text = "Năm 2025 cấp 2.000 chữ ký số, trong đó cấp tỉnh 1.020 chữ ký số, cấp huyện 980 chữ ký số."
    assert not next(o for o in extract_observations(text) if o.quote == "2.000").parts_complete
    # ... but a district's report spans two levels: its own and its communes'
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN TAM DƯƠNG\nSố: 88/BC-UBND\nTam Dương, ngày 12 tháng 12 năm 2024\nBÁO CÁO\n\n"
        "Bộ phận Một cửa tiếp nhận 9.870 hồ sơ, trong đó: cấp huyện 3.410 hồ sơ, cấp xã 6.460 hồ sơ.\n"
    )
    assert next(o for o in extract_observations(text) if o.quote == "9.870").parts_complete


def test_certificates_applied_for_are_no_target() -> None:
    text = "Trung tâm đã đề nghị cấp và đang quản lý 214 chứng thư số."
    assert not _one(text).is_target
    # a request that others do more still sets a goal
    assert _one("UBND tỉnh đề nghị các doanh nghiệp phát triển thêm 120 trạm BTS.").is_target


def test_a_goal_due_before_a_named_day_is_dated_by_that_day() -> None:
    published = datetime.date(2025, 2, 14)
    obs = _one("Huyện phấn đấu trước ngày 31/5/2025, 100% trường học được kết nối cáp quang.", published)
    assert (obs.is_target, obs.as_of_date, obs.as_of_source) == (True, datetime.date(2025, 5, 31), "target")
    # a day that closes an aim before "và" is that aim's; the next aim keeps its own deadline
    text = (
        "Sở phấn đấu 100% trạm y tế xã dùng phần mềm quản lý trước ngày 31/8/2025 và 70% người dân "
        "có sổ sức khỏe điện tử đến cuối năm 2025."
    )
    goals = {o.value: o.as_of_date for o in extract_observations(text, published)}
    assert goals == {100.0: datetime.date(2025, 8, 31), 70.0: datetime.date(2025, 12, 31)}


def test_a_goal_is_dated_by_the_end_of_the_year_it_is_set_for() -> None:
    published = datetime.date(2024, 11, 20)
    obs = _one("Đến năm 2025, tỉnh phấn đấu 90% hồ sơ được xử lý trực tuyến.", published)
    assert (obs.is_target, obs.as_of_date, obs.as_of_source) == (True, datetime.date(2025, 12, 31), "target")
    obs = _one("Tỉnh phấn đấu 75% người dân có tài khoản định danh điện tử vào năm 2026.", published)
    assert obs.as_of_date == datetime.date(2026, 12, 31)
    # ... or of the month it is set for
    obs = _one("Phấn đấu đến tháng 6/2025, 85% hộ kinh doanh tại chợ dùng thanh toán điện tử.", published)
    assert obs.as_of_date == datetime.date(2025, 6, 30)
    # two goals in one sentence: each is dated by the deadline its own clause names
    text = "Đến cuối năm 2024, tỉnh có 1.500 tổ công nghệ số; đến năm 2026, phấn đấu 90% người dân có chữ ký số."
    goals = {o.value: o.as_of_date for o in extract_observations(text, published)}
    assert goals[90.0] == datetime.date(2026, 12, 31)
    # ... or of the year it is published in, when it names the end of the year alone
    obs = _one("Từ nay đến cuối năm, huyện phấn đấu 95% hồ sơ được số hóa khi tiếp nhận.", published)
    assert obs.as_of_date == datetime.date(2024, 12, 31)
    obs = _one("Trong năm nay, thành phố phấn đấu lắp thêm 300 camera giám sát giao thông.", published)
    assert obs.as_of_date == datetime.date(2024, 12, 31)
    obs = _one("By the end of the year, the city aims to install 300 more traffic cameras.", published)
    assert obs.as_of_date == datetime.date(2024, 12, 31)
    # a year compared with, or one already past, sets no deadline
    obs = _one("Tỉnh phấn đấu tăng 20% số thuê bao so với năm 2023.", published)
    assert obs.as_of_date is None
    obs = _one("Tỉnh phấn đấu tăng 20% số thuê bao so với cuối năm ngoái.", published)
    assert obs.as_of_date is None
    # a result keeps no deadline
    obs = _one("Năm 2025, tỉnh có 640 trạm 5G.", datetime.date(2025, 6, 1))
    assert obs.as_of_source != "target"


def test_a_clause_after_a_semicolon_that_says_what_its_subject_reached_is_no_part() -> None:
    text = (
        "Toàn tỉnh có 2.460.000 thuê bao di động, trong đó thuê bao 4G là 1.980.000 thuê bao; "
        "thuê bao băng rộng cố định đạt 615.000 thuê bao."
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert found["1.980.000"].parent_ordinal == found["2.460.000"].ordinal
    assert found["615.000"].parent_ordinal is None
    # ... or states the value of a subject that names what it counts
    text = (
        "Toàn tỉnh có 1.520.400 thuê bao di động, trong đó 1.300.200 thuê bao dùng điện thoại thông minh; "
        "số thuê bao Internet cáp quang là 310.500 thuê bao."
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert found["1.300.200"].parent_ordinal == found["1.520.400"].ordinal
    assert found["310.500"].parent_ordinal is None
    # ... or says what its own subject did
    text = (
        "Toàn tỉnh có 1.240 trạm BTS, trong đó 1.180 trạm 4G và 45 trạm 5G; "
        "trong năm, các nhà mạng đã lắp đặt mới 38 trạm."
    )
    found = {o.quote: o for o in extract_observations(text)}
    assert found["45"].parent_ordinal == found["1.240"].ordinal
    assert found["38"].parent_ordinal is None
    # a level stated so is an item of the list, overflowing or not
    text = "Năm 2024 tiếp nhận 12.000 hồ sơ, trong đó: cấp tỉnh là 7.000 hồ sơ; cấp huyện là 6.000 hồ sơ."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["6.000"].parent_ordinal == found["12.000"].ordinal
    # items of a list that overflow their total are still its parts, so the check can flag them
    text = "Cấp 1.000 chứng thư số, trong đó 400 chứng thư số cho cán bộ; 601 chứng thư số cho cơ quan."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["601"].parent_ordinal == found["1.000"].ordinal


def test_when_something_still_to_do_is_expected_is_no_time_of_the_figures_before_it() -> None:
    text = (
        "Tính đến ngày 30/11/2024, toàn tỉnh có 1.240 trạm BTS. "
        "Có 7/9 bệnh viện đã triển khai bệnh án điện tử; còn 2 bệnh viện đang hoàn thiện hạ tầng, "
        "dự kiến hoàn thành trong quý II/2025. Nhà mạng dự kiến phát sóng thêm 60 trạm 5G trong quý II/2025."
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 12, 5))}
    assert found["7/9"].as_of_date == datetime.date(2024, 11, 30)
    assert found["2"].as_of_date == datetime.date(2024, 11, 30)
    # a figure inside the expected clause is not the day's
    assert found["60"].as_of_date != datetime.date(2024, 11, 30)


def test_parts_listed_by_level_or_by_holder_are_figures() -> None:
    values = [v for v, _ in _values("Bộ phận Một cửa có 11 máy tính (02 cấp tỉnh, 09 cấp huyện) kết nối mạng.")]
    assert values == [11, 2, 9]
    values = [v for v, _ in _values("Toàn huyện có 210 điểm phát wifi, trong đó Viettel 120, VNPT 70 và FPT 20.")]
    assert values == [210, 120, 70, 20]
    # a level number, and a number in a name, stay none
    assert [v for v, _ in _values("Hệ thống họp trực tuyến 3 cấp tỉnh, huyện, xã kết nối 140 điểm cầu.")] == [140]
    assert [v for v, _ in _values("Người dân phản ánh qua Zalo 1022, Fanpage của tỉnh.")] == []


def test_the_year_the_report_s_data_stop_in_is_stated_at_their_day() -> None:
    text = (
        "BÁO CÁO\nKết quả chuyển đổi số năm 2025\n"
        "Phòng Văn hóa báo cáo kết quả năm 2025 (số liệu tính đến ngày 15/11/2025) như sau:\n"
        "I. KẾT QUẢ\n"
        "Năm 2025 huyện mở 12 lớp bồi dưỡng kỹ năng số cho 830 lượt cán bộ.\n"
        "Năm 2024 huyện mở 9 lớp bồi dưỡng kỹ năng số.\n"
        "Tháng 10 năm 2025 huyện lắp thêm 40 camera giám sát.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 12, 1))}
    assert found["12"].as_of_date == found["830"].as_of_date == datetime.date(2025, 11, 15)
    # another year, or a month of the year, is a time of its own
    assert found["9"].as_of_date != datetime.date(2025, 11, 15)
    assert found["40"].as_of_date != datetime.date(2025, 11, 15)


def test_a_quarter_or_half_year_compared_with_is_no_time_of_the_figures() -> None:
    text = (
        "BÁO CÁO\nKết quả cải cách hành chính quý I năm 2025\n"
        "Sở báo cáo kết quả quý I năm 2025 (số liệu tính đến ngày 31/3/2025) như sau:\n"
        "I. KẾT QUẢ\n"
        "Có 5.214 hồ sơ được thanh toán phí trực tuyến, tăng 18,4% so với quý IV năm 2024.\n"
        "Có 3.870 hồ sơ nộp qua dịch vụ bưu chính, tăng 9% so với 6 tháng đầu năm 2024.\n"
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["5.214"].as_of_date == found["3.870"].as_of_date == datetime.date(2025, 3, 31)


_QUARTER_REPORT = (
    "BÁO CÁO\nKết quả chuyển đổi số quý I năm 2025\n"
    "Sở báo cáo kết quả quý I năm 2025 (số liệu tính đến ngày 31/3/2025) như sau:\n"
    "I. KẾT QUẢ\n"
)


def test_the_time_a_change_starts_from_dates_its_first_figure_alone() -> None:
    text = _QUARTER_REPORT + (
        "Số điểm phát wifi công cộng tăng từ 240 điểm cuối năm 2021 lên 615 điểm, trong đó 90 điểm tại chợ. "
        "Tỷ lệ người dân có tài khoản định danh điện tử tăng từ 35,2% năm 2023 lên 71,8%. "
        "Mạng nội bộ kết nối 64 cơ quan.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["240"] == datetime.date(2021, 12, 31)
    assert found["35,2%"] == datetime.date(2023, 12, 31)
    # the figures it rose to, and the next sentence, keep the report's day
    assert found["615"] == found["90"] == found["71,8%"] == found["64"] == datetime.date(2025, 3, 31)


def test_an_earlier_value_in_brackets_dates_only_itself() -> None:
    text = _QUARTER_REPORT + (
        "Có 2.310 hộ kinh doanh sử dụng hóa đơn điện tử (cuối năm 2023 là 1.940). "
        "Toàn tỉnh có 1.364 điểm phát wifi công cộng (năm 2023: 1.120 điểm).\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["1.940"] == found["1.120"] == datetime.date(2023, 12, 31)
    assert found["2.310"] == found["1.364"] == datetime.date(2025, 3, 31)


def test_a_value_in_brackets_after_the_time_compared_with_is_dated_by_it() -> None:
    text = _QUARTER_REPORT + (
        "Số camera giám sát kết nối đạt 1.250 camera, tăng 2,3 lần so với năm 2022 (540 camera). "
        "Tỷ lệ thanh toán không dùng tiền mặt đạt 72,4%, gấp 2,1 lần năm 2022 (34,5%).\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["540"] == found["34,5%"] == datetime.date(2022, 12, 31)
    assert found["1.250"] == found["72,4%"] == datetime.date(2025, 3, 31)


def test_a_value_in_brackets_after_a_higher_than_time_is_dated_by_it() -> None:
    text = _QUARTER_REPORT + "Tỷ lệ hộ có tài khoản thanh toán đạt 78,2%, cao hơn năm 2023 (69,4%).\n"
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["69,4%"] == datetime.date(2023, 12, 31)
    assert found["78,2%"] == datetime.date(2025, 3, 31)


def test_figures_printed_each_with_its_own_year_are_dated_by_it() -> None:
    text = _QUARTER_REPORT + (
        "Đã mở 57 lớp bồi dưỡng kỹ năng số, gồm 12 lớp năm 2023, 19 lớp năm 2024 và 26 lớp năm 2025. "
        "Tỷ lệ thuê bao sử dụng điện thoại thông minh tăng từ 61,3% năm 2023 lên 70,2% năm 2024 "
        "và 74,8% năm 2025. Tỷ lệ giải ngân vốn chuyển đổi số đạt 35% kế hoạch năm 2025.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["12"] == found["61,3%"] == datetime.date(2023, 12, 31)
    assert found["19"] == found["70,2%"] == datetime.date(2024, 12, 31)
    # the year the report's data stop in ends at their cut-off
    assert found["26"] == found["74,8%"] == datetime.date(2025, 3, 31)
    # one year beside one figure, a plan's year, dates nothing of its own
    assert found["35%"] == datetime.date(2025, 3, 31)


def test_a_period_said_after_a_topic_label_opens_the_sentence() -> None:
    text = "Hạ tầng số: trong năm 2024, toàn tỉnh xây mới 112 trạm BTS; 97,5% thôn có sóng 4G.\n"
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 2, 10))}
    assert found["112"] == found["97,5%"] == datetime.date(2024, 12, 31)


def test_when_something_began_is_no_time_its_figures_stand_at() -> None:
    text = _QUARTER_REPORT + (
        "Hiện toàn tỉnh có 2.140 trạm BTS, trong đó 86 trạm 5G được khai thác từ tháng 11/2024. "
        "Từ tháng 1 đến tháng 2/2025, Sở tiếp nhận 3.250 hồ sơ.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["2.140"] == found["86"] == datetime.date(2025, 3, 31)
    assert found["3.250"] == datetime.date(2025, 2, 28)  # a span still dates its figures


def test_a_change_listed_after_a_dated_one_starts_at_the_same_time() -> None:
    text = _QUARTER_REPORT + (
        "Tỷ lệ thuê bao băng rộng cố định tăng từ 58,2% quý I/2024 lên 63,5%; tỷ lệ hộ có tài khoản "
        "thanh toán điện tử tăng từ 47,1% lên 55,9%.\n"
        "Số điểm wifi công cộng tăng từ 210 điểm lên 264 điểm.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["58,2%"] == found["47,1%"] == datetime.date(2024, 3, 31)
    assert found["63,5%"] == found["55,9%"] == datetime.date(2025, 3, 31)
    # the time does not reach a change of another sentence
    assert found["210"] != datetime.date(2024, 3, 31)


def test_where_a_change_starts_is_undated_when_nothing_says_when() -> None:
    text = _QUARTER_REPORT + "Tỷ lệ hộ gia đình có cáp quang tăng từ 61,4% lên 70,2%.\n"
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["61,4%"] is None  # not the report's day: the change ends there
    assert found["70,2%"] == datetime.date(2025, 3, 31)


def test_a_pair_read_as_a_figure_is_no_day_of_its_sentence() -> None:
    text = _QUARTER_REPORT + (
        "- Trường học có kết nối Internet cáp quang: 12/12\n"
        "- Trạm y tế xã sử dụng bệnh án điện tử: 9/9\n"
        "Ngày 5/3, huyện có thêm 4 xã được phủ sóng 5G.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["12/12"] == found["9/9"] == datetime.date(2025, 3, 31)
    # a day the sentence names is still its time, not the report's cut-off
    assert found["4"] != datetime.date(2025, 3, 31)


def test_the_same_period_last_year_compared_with_is_no_time_of_the_figures() -> None:
    text = _QUARTER_REPORT + (
        "Có 8.402 hồ sơ được thanh toán trực tuyến, chiếm 57,3% số hồ sơ, bằng 131% so với cùng kỳ năm trước.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["8.402"] == found["57,3%"] == datetime.date(2025, 3, 31)


def test_a_paragraph_opening_on_den_thoi_diem_nay_is_stated_at_the_cut_off_stated_last() -> None:
    text = (
        "Tính đến ngày 20/9/2024, toàn huyện đã cấp 2.140 chữ ký số cho cán bộ, công chức.\n\n"
        "Cũng đến thời điểm này, 46 cơ quan đã kết nối hệ thống quản lý văn bản.\n\n"
        "Năm tới, huyện sẽ mở thêm 12 lớp bồi dưỡng kỹ năng số."
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 10, 5))}
    assert found["46"].as_of_date == datetime.date(2024, 9, 20)
    assert found["12"].as_of_date != datetime.date(2024, 9, 20)  # a paragraph that does not point back
    # "the time above", after "also", past a paragraph that names no time
    text = (
        "Tính đến ngày 20/9/2024, toàn huyện đã cấp 2.140 chữ ký số cho cán bộ, công chức.\n\n"
        "Tỷ lệ văn bản đi được ký số đạt 97,5%.\n\n"
        "Cũng đến thời điểm trên, huyện có 38.600 thuê bao di động."
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 10, 5))}
    assert found["38.600"].as_of_date == datetime.date(2024, 9, 20)
    # "the same day", after the topic the sentence turns to
    text = (
        "Tính đến ngày 20/9/2024, toàn huyện đã cấp 2.140 chữ ký số cho cán bộ, công chức.\n\n"
        "Tỷ lệ văn bản đi được ký số đạt 97,5%.\n\n"
        "Về chuyển đổi số cộng đồng, tính đến cùng ngày, huyện có 96 tổ công nghệ số cộng đồng."
    )
    found = {o.quote: o for o in extract_observations(text, datetime.date(2024, 10, 5))}
    assert found["96"].as_of_date == datetime.date(2024, 9, 20)


def test_the_same_period_named_without_so_voi_is_no_time_of_the_figures() -> None:
    # "bằng 128% cùng kỳ năm 2024": "cùng kỳ" alone names the period compared with
    text = _QUARTER_REPORT + (
        "- Thanh toán trực tuyến: 1.905 giao dịch, số tiền 0,7 tỷ đồng (bằng 118% cùng kỳ năm 2024).\n"
        "- Bưu gửi qua dịch vụ công: 640 bưu gửi, tăng 9% cùng kỳ năm trước.\n"
    )
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["1.905"] == found["640"] == datetime.date(2025, 3, 31)
    # opening the sentence, the same period is the time of its figures
    text = _QUARTER_REPORT + "Cùng kỳ năm 2024, tỷ lệ hồ sơ nộp trực tuyến mới đạt 48,2%.\n"
    found = {o.quote: o.as_of_date for o in extract_observations(text, datetime.date(2025, 4, 10))}
    assert found["48,2%"] != datetime.date(2025, 3, 31)


def test_a_list_after_a_closing_bracket_is_none_of_the_figure_inside_it() -> None:
    # "1.830 trạm (lắp đặt mới 96 trạm), trong đó 150 trạm 5G": the 150 are not of the 96
    text = "Năm 2025, tổng số trạm BTS đạt 1.920 trạm (xây mới tối thiểu 80 trạm), trong đó có 140 trạm 5G."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["140"].parent_ordinal != found["80"].ordinal
    # a list right after the figure is still its own
    text = "Toàn tỉnh có 1.920 trạm BTS (trong đó 140 trạm 5G)."
    found = {o.quote: o for o in extract_observations(text)}
    assert found["140"].parent_ordinal == found["1.920"].ordinal



def test_an_age_between_a_ratio_and_the_share_that_states_it_keeps_them_one_figure() -> None:
    # "từ 14 tuổi trở lên" says which citizens; the share still states the x/y before it
    text = "Đã cấp 16.344/23.480 thẻ căn cước cho công dân từ 14 tuổi trở lên, đạt 69,6%."
    [obs] = extract_observations(text)
    assert (obs.numerator, obs.denominator, obs.stated_percent) == (16344, 23480, 69.6)
    # an age alone before a share is no ratio's
    text = "Có 1.250 người từ 60 tuổi trở lên, đạt 35% dân số của xã."
    assert all(o.numerator is None for o in extract_observations(text))


def test_a_part_listed_in_a_bracket_after_its_total_restates_no_figure_elsewhere() -> None:
    # one team a village makes the count of village teams equal the count of villages
    text = (
        "I. THÔNG TIN CHUNG\n"
        "- Số đơn vị hành chính cấp xã: 10 (gồm 9 xã và 1 thị trấn); số thôn, bản, tổ dân phố: 58\n"
        "II. KẾT QUẢ\n"
        "- Tổ công nghệ số cộng đồng: 67 tổ (9 tổ cấp xã, 58 tổ ở thôn, bản, tổ dân phố) với 402 thành viên\n"
    )
    values = [o.value for o in extract_observations(text, datetime.date(2025, 5, 10))]
    assert values.count(58.0) == 2 and values.count(9.0) == 2 and 67.0 in values
