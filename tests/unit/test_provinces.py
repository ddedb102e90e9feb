"""Unit tests for dagster_project.extraction.provinces (sentences written for the tests)."""
from __future__ import annotations

import pytest

from dagster_project.extraction.provinces import detect_province, load_provinces


def _code(text: str, file_name: str | None = None) -> str | None:
    return detect_province(text, file_name)[0]


def test_loads_all_63_provinces() -> None:
    provinces = load_provinces()
    assert len(provinces) == 63
    assert len({p.gso_code for p in provinces}) == 63


def test_name_with_diacritics_after_tinh() -> None:
    assert detect_province("Năm nay tỉnh Nghệ An có thêm 40 trạm phát sóng.") == ("40", "name:tỉnh Nghệ An")


def test_ascii_english_name_with_province() -> None:
    assert _code("Ben Tre province opened a data centre.") == "83"


def test_english_dateline_with_em_dash() -> None:
    assert _code("Bac Giang—The centre now serves 500 people a day.") == "24"


def test_portal_domain_names_the_province() -> None:
    assert detect_province("Chi tiết xem tại khcncaobang.gov.vn.") == ("04", "domain:khcncaobang.gov.vn")


@pytest.mark.parametrize(
    ("domain", "code"),
    [("mail.namdinh.gov.vn", "36"), ("baolaocai.vn", "10"), ("yenbai.gov.vn", "15"), ("nghean.gov.vn", "40")],
)
def test_domain_slug_inside_a_label(domain: str, code: str) -> None:
    assert _code(f"Liên hệ qua {domain}") == code


def test_organisation_prefix_counts_as_evidence() -> None:
    assert detect_province("Nhân viên VNPT Nam Định kiểm tra trạm.") == ("36", "org:VNPT Nam Định")


@pytest.mark.parametrize("spelling", ["Thanh Hoá", "Thanh Hóa", "THANH HOÁ"])
def test_tone_mark_styles_and_capitals_match(spelling: str) -> None:
    assert _code(f"{spelling} dẫn đầu khu vực.") == "38"


def test_binh_dinh_is_not_nam_dinh() -> None:
    assert _code("Tỉnh Bình Định triển khai nền tảng số.") == "52"


def test_hau_giang_is_not_ha_giang() -> None:
    assert _code("Hau Giang province ranks high.") == "93"


def test_dash_styles_of_ba_ria_vung_tau_match() -> None:
    assert _code("Bà Rịa – Vũng Tàu xếp thứ ba.") == "77"
    assert _code("Bà Rịa-Vũng Tàu xếp thứ ba.") == "77"


@pytest.mark.parametrize("spelling", ["TP.HCM", "TP Hồ Chí Minh", "Ho Chi Minh City", "Thành phố Hồ Chí Minh"])
def test_ho_chi_minh_city_spellings(spelling: str) -> None:
    assert _code(f"{spelling} có 1.500 dịch vụ công.") == "79"


def test_president_ho_chi_minh_is_not_the_city() -> None:
    assert _code("Cán bộ học tập tư tưởng Hồ Chí Minh.") is None


def test_hue_alone_means_thua_thien_hue() -> None:
    assert _code("Thành phố Huế xếp thứ hai về chuyển đổi số.") == "46"


def test_common_noun_hoa_binh_is_not_the_province() -> None:
    assert _code("Người dân mong muốn hòa bình và ổn định.") is None


def test_no_ascii_folding_of_vietnamese_prose() -> None:
    # folded, "tham gia lại" would read "gia lai"
    assert _code("Người dân được mời tham gia lại từ đầu.") is None


def test_pacific_ocean_is_not_thai_binh_or_binh_duong() -> None:
    assert _code("Cáp quang biển Thái Bình Dương bị đứt.") is None


def test_subject_beats_provinces_named_in_a_ranking() -> None:
    text = (
        "Chỉ số chuyển đổi số của tỉnh Sơn La\n"
        "Tỉnh Sơn La xếp thứ 20, đứng sau Quảng Ninh, Đà Nẵng, Hải Phòng, Quảng Ninh."
    )
    assert _code(text) == "14"


def test_title_mention_outweighs_a_later_mention() -> None:
    text = "Lai Châu mở rộng cáp quang\n\nĐoàn công tác từng làm việc tại Sơn La."
    assert _code(text) == "12"


def test_file_name_decides_only_when_text_is_silent() -> None:
    assert _code("Toàn tỉnh có 120 trạm BTS.", "017_ninh-thuan.txt") == "58"
    assert _code("Tỉnh Gia Lai có 120 trạm BTS.", "017_ninh-thuan.txt") == "64"


def test_no_province_gives_none_pair() -> None:
    assert detect_province("Toàn tỉnh có 120 trạm BTS.") == (None, None)


def test_names_factored_by_first_letter_match_as_the_flat_alternation() -> None:
    import random
    import re

    from dagster_project.extraction.provinces import _by_first_letter

    # Longest first, as _name_index orders them; shared first letters in both cases.
    patterns = [r"Bà\s+Rịa\s*[-–—]\s*Vũng\s+Tàu", r"Bình\s+Định", r"bình\s+dương", r"Bắc\s+Kạn", r"Vũng\s+Tàu",
                r"Bình", r"Ba\s+Ria", r"Huế", r"Hà\s+Nam", r"Hà"]
    flat = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
    factored = re.compile(r"(?<!\w)(?:" + _by_first_letter(patterns) + r")(?!\w)", re.IGNORECASE)
    words = ["Bà Rịa - Vũng Tàu", "BÌNH ĐỊNH", "bình  dương", "Bình", "Bìnhx", "Hà Nam", "HÀ", "Huế", "Ba Ria",
             "Bắc Kạn", "vũng tàu", "tỉnh", ",", "và", "-"]
    rng = random.Random(11)
    for _ in range(2_000):
        text = " ".join(rng.choice(words) for _ in range(12))
        assert [m.span() for m in factored.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_a_national_report_that_names_a_province_in_passing_has_no_province() -> None:
    text = (
        "Cả nước có hơn 4.000 dịch vụ công trực tuyến toàn trình\n"
        "Theo Bộ Thông tin và Truyền thông, cả nước đã có 60 triệu tài khoản định danh điện tử. "
        "Về chỉ số chuyển đổi số, Bình Dương đứng đầu, tiếp theo là hai thành phố lớn."
    )
    assert detect_province(text) == (None, None)
    # a province the report is about keeps it, national comparison or not
    text = (
        "Tỉnh Bình Dương đẩy mạnh chuyển đổi số\n"
        "Tỷ lệ hồ sơ trực tuyến của tỉnh Bình Dương cao hơn bình quân cả nước; cả nước mới đạt 45%."
    )
    assert detect_province(text)[0] == "74"


def test_a_report_that_names_only_its_district_is_about_that_districts_province() -> None:
    from dagster_project.extraction.provinces import province_by_district

    header = "ỦY BAN NHÂN DÂN\nXÃ TÂY CỐC\nBÁO CÁO\nKính gửi: UBND huyện Đoan Hùng.\nXã có 12 thôn."
    assert province_by_district(header) == ("25", "district:huyện Đoan Hùng")
    # a heading in capitals, and a thị xã or a provincial city as well as a huyện
    assert province_by_district("UBND THỊ XÃ PHÚ MỸ\nPhòng Văn hóa")[0] == "77"
    assert province_by_district("Thành phố Vĩnh Yên có 9 phường.")[0] == "26"


def test_a_district_name_two_provinces_share_or_two_provinces_districts_give_none() -> None:
    from dagster_project.extraction.provinces import province_by_district

    # Châu Thành is a district of six Mekong provinces
    assert province_by_district("Kính gửi: UBND huyện Châu Thành.") == (None, None)
    # districts of two provinces: no guess
    assert province_by_district("Đoàn công tác của huyện Đoan Hùng thăm huyện Cẩm Giàng.") == (None, None)
    # a name in lower case is no name; a numbered district is no evidence
    assert province_by_district("một huyện đoan hùng") == (None, None)
    assert province_by_district("Quận 1 có 10 phường.") == (None, None)


def test_a_province_named_in_the_text_leaves_its_districts_aside() -> None:
    from dagster_project.extraction.provinces import province_by_district

    # the province's own name decides (detect_province); the district lookup stays out of it
    assert province_by_district("xã Chí Đám, huyện Đoan Hùng, tỉnh Phú Thọ") == (None, None)
    assert detect_province("xã Chí Đám, huyện Đoan Hùng, tỉnh Phú Thọ")[0] == "25"
