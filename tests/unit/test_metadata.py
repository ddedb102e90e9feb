"""Unit tests for dagster_project.extraction.metadata (sentences written for the tests)."""
from __future__ import annotations

import datetime

from dagster_project.extraction.metadata import extract_metadata


def test_title_skips_navigation_crumb() -> None:
    meta = extract_metadata("Trang chủ\n\nSơn La phủ sóng 4G đến mọi bản\n\nNội dung bài viết.")
    assert meta.title == "Sơn La phủ sóng 4G đến mọi bản"


def test_title_skips_breadcrumb_line() -> None:
    meta = extract_metadata("Tin tức > Chuyển đổi số\nHà Tĩnh số hóa hồ sơ một cửa\nNội dung.")
    assert meta.title == "Hà Tĩnh số hóa hồ sơ một cửa"


def test_title_after_leading_date_marker_on_same_line() -> None:
    meta = extract_metadata(" date 2023-05 Phát triển hạ tầng số ở vùng cao\n\nNội dung.")
    assert meta.title == "Phát triển hạ tầng số ở vùng cao"
    assert meta.published_date == datetime.date(2023, 5, 1)


def test_banner_above_site_menu_is_not_the_title() -> None:
    text = "Chào mừng năm mới 2030\nLogo\nĐăng nhập\nGia Lai: số hóa 100% hồ sơ\nNội dung."
    assert extract_metadata(text).title == "Gia Lai: số hóa 100% hồ sơ"


def test_report_starting_with_prose_has_no_title() -> None:
    meta = extract_metadata("Toàn tỉnh Kon Tum có 300 trạm BTS, phủ sóng 98% thôn, làng.\nĐoạn hai.")
    assert meta.title is None


def test_weekday_date_line_under_title_is_published_date() -> None:
    meta = extract_metadata("Phú Yên mở cổng dữ liệu\n\nThứ năm 05/01/2023 08:30\n\nNội dung.")
    assert meta.published_date == datetime.date(2023, 1, 5)


def test_date_line_with_gmt_and_time() -> None:
    meta = extract_metadata("Tiêu đề bài viết mới\nThứ Hai, ngày 03/04/2023 | 09:12 AM (GMT +7)\nNội dung.")
    assert meta.published_date == datetime.date(2023, 4, 3)


def test_a_date_line_with_the_pages_view_counter() -> None:
    meta = extract_metadata("Xã ra mắt mô hình chợ số\nThứ Năm, 13/03/2025 15:20 | Lượt xem: 2.047\nNội dung bài viết.")
    assert meta.published_date == datetime.date(2025, 3, 13)
    meta = extract_metadata("Xã ra mắt mô hình chợ số\nCập nhật ngày: 07/08/2024 - 10:10 | Lượt đọc: 96 A- A+\nNội dung.")
    assert meta.published_date == datetime.date(2024, 8, 7)


def test_a_date_line_followed_by_the_articles_reading_tools() -> None:
    meta = extract_metadata("Huyện mở rộng mạng cáp quang\n22/11/2024 09:45 A- A A+ In bài\nNội dung bài viết.")
    assert meta.published_date == datetime.date(2024, 11, 22)
    meta = extract_metadata("Tiêu đề bài viết mới\nThứ Sáu, 14/06/2024 - 16:05 Cỡ chữ A+ A- In bài\nNội dung.")
    assert meta.published_date == datetime.date(2024, 6, 14)
    # bracketed tools, and the font-size links spelled out
    meta = extract_metadata("Hợp tác xã lên sàn\nThứ Hai, 03/03/2025 - 09:40 [In] [A-] [A+]\nNội dung.")
    assert meta.published_date == datetime.date(2025, 3, 3)
    # "print page" and "send the article" links on the date line
    meta = extract_metadata("Trạm y tế dùng bệnh án điện tử\n05/11/2024 | 08:15  In trang  Gửi bài viết\nNội dung.")
    assert meta.published_date == datetime.date(2024, 11, 5)
    meta = extract_metadata("Nhà vườn dùng cảm biến\nCập nhật lúc 10:05, Thứ Ba, 11/02/2025 In Chữ nhỏ Chữ lớn\nNội dung.")
    assert meta.published_date == datetime.date(2025, 2, 11)


def test_english_posted_line() -> None:
    meta = extract_metadata("Dak Lak expands fibre\nPosted: March 7, 2023 10:15\nBody text.")
    assert meta.published_date == datetime.date(2023, 3, 7)


def test_cap_nhat_line() -> None:
    meta = extract_metadata("Tiêu đề của bài\nCập nhật: 12-06-2022 14:00\nNội dung.")
    assert meta.published_date == datetime.date(2022, 6, 12)


def test_as_of_date_in_prose_is_not_published_date() -> None:
    meta = extract_metadata("Tiêu đề của bài\nTính đến ngày 26/03/2024, toàn tỉnh có 120 trạm.")
    assert meta.published_date is None


def test_short_as_of_line_is_not_published_date() -> None:
    meta = extract_metadata("Tiêu đề của bài\nTính đến 26/03/2024\nNội dung.")
    assert meta.published_date is None


def test_document_date_is_not_published_date() -> None:
    meta = extract_metadata("Tiêu đề của bài\nThực hiện Nghị quyết 12-NQ/TU ngày 01/7/2020 của Tỉnh ủy.")
    assert meta.published_date is None


def test_date_deep_in_body_is_ignored() -> None:
    body = "\n".join(f"Đoạn văn số {i} nói về hạ tầng." for i in range(12))
    meta = extract_metadata(f"Tiêu đề của bài\n{body}\n05/01/2023")
    assert meta.published_date is None


def test_source_line_domain() -> None:
    meta = extract_metadata("Tiêu đề của bài\nNội dung.\nNguồn tin: quangngai.gov.vn")
    assert meta.source_site == "quangngai.gov.vn"


def test_theo_domain_is_source() -> None:
    meta = extract_metadata("Tiêu đề của bài\nNội dung bài (theo baophuyen.vn).")
    assert meta.source_site == "baophuyen.vn"


def test_theo_report_is_not_a_source() -> None:
    meta = extract_metadata("Tiêu đề của bài\nTheo báo cáo của Sở, toàn tỉnh có 10 trạm.")
    assert meta.source_site is None


def test_service_portal_in_prose_is_not_a_source() -> None:
    meta = extract_metadata("Tiêu đề của bài\nNgười dân nộp hồ sơ tại dichvucong.camau.gov.vn.")
    assert meta.source_site is None


def test_province_and_evidence_come_from_detect_province() -> None:
    meta = extract_metadata("Tỉnh Lạng Sơn đẩy mạnh chuyển đổi số\nNội dung.")
    assert (meta.province_code, meta.province_evidence) == ("20", "name:Tỉnh Lạng Sơn")


# --- official documents (issue 8, root cause 7) ------------------------------------------------


def test_the_signing_date_in_a_two_column_official_header_is_the_publication_date() -> None:
    text = (
        "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH YÊN BÁI                                   Độc lập - Tự do - Hạnh phúc\n"
        "Số: 301/BC-UBND                             Yên Bái, ngày 04 tháng 3 năm 2024\n\n"
        "BÁO CÁO\nKết quả chuyển đổi số quý I năm 2024\n\nTính đến ngày 28/02/2024, toàn tỉnh có 12 trạm 5G.\n"
    )
    meta = extract_metadata(text)
    assert meta.published_date == datetime.date(2024, 3, 4)
    assert meta.title == "BÁO CÁO Kết quả chuyển đổi số quý I năm 2024"


def test_the_signing_date_in_a_table_cell_and_with_slashes_is_read() -> None:
    text = "TỈNH GIA LAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND | Gia Lai, ngày 09/01/2025\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n"
    meta = extract_metadata(text)
    assert (meta.published_date, meta.title) == (datetime.date(2025, 1, 9), "KẾ HOẠCH Chuyển đổi số năm 2025")


def test_the_signing_date_right_after_the_number_on_a_web_page_is_the_publication_date() -> None:
    # a portal printed the two header columns as one line, over the page's own post date
    text = (
        "Sở Y tế tỉnh Kon Tum\nTrang chủ » Tin tức » Báo cáo\nKết quả ứng dụng CNTT năm 2024\n"
        "Ngày đăng: 20/12/2024 09:15\nSố: 77/BC-SYT Kon Tum, ngày 17 tháng 12 năm 2024\n\n"
        "Năm 2024, Sở tiếp nhận 310 hồ sơ trực tuyến.\n"
    )
    assert extract_metadata(text).published_date == datetime.date(2024, 12, 17)
    # a number in prose is no header: "Số 12 Lê Lợi, ngày ..." names no document
    assert extract_metadata("Tin vắn\nSố 12 Lê Lợi, ngày 3 tháng 5 năm 2024 khai trương.\n").published_date != (
        datetime.date(2024, 5, 3)
    )


def test_a_place_and_date_deep_in_the_body_is_not_the_signing_date() -> None:
    body = "\n".join(f"Đoạn {k}: nội dung báo cáo." for k in range(40))
    text = f"Tiêu đề bài viết\n{body}\nHà Nội, ngày 15 tháng 12 năm 2023\n"
    assert extract_metadata(text).published_date is None


# --- where the province comes from -----------------------------------------------------------


def test_the_province_comes_from_the_text_before_the_url_and_the_file_name() -> None:
    meta = extract_metadata("Tỉnh Điện Biên có 95% bản có sóng 4G.", "bc_son-la.txt", "https://baolaocai.vn/a")
    assert (meta.province_code, meta.province_source) == ("11", "text")


def test_a_provincial_portal_or_paper_in_the_url_names_the_province() -> None:
    for url, host in (
        ("https://baolaocai.vn/bai-viet-1", "baolaocai.vn"),
        ("http://stttt.lao-cai.gov.vn/tin", "stttt.lao-cai.gov.vn"),
        ("laocai.gov.vn/x", "laocai.gov.vn"),
    ):
        meta = extract_metadata("Toàn tỉnh có 95% thôn có sóng 4G.", "7f3a9c.txt", url)
        assert (meta.province_code, meta.province_source, meta.province_evidence) == ("10", "url", f"url:{host}")


def test_a_province_named_once_in_passing_does_not_outweigh_a_provincial_sites_host() -> None:
    text = "Sàn việc làm trực tuyến kết nối 9.000 lượt lao động\nTrung tâm đã tổ chức 20 phiên, có kết nối với sàn của TP. Hồ Chí Minh."
    meta = extract_metadata(text, "5dd8.txt", "https://tayninh.gov.vn/tin/san-viec-lam")
    assert (meta.province_code, meta.province_source) == ("72", "url")
    # named again, or in the title, the text's own province stands
    text = "Tây Ninh mở sàn việc làm trực tuyến\nTỉnh Tây Ninh đã tổ chức 20 phiên."
    assert extract_metadata(text, "5dd9.txt", "https://baolongan.vn/tin/1").province_code == "72"


def test_a_commune_report_that_names_only_its_district_gets_the_districts_province_after_the_host() -> None:
    text = "UBND XÃ TÂY CỐC\nBÁO CÁO\nKính gửi: UBND huyện Đoan Hùng.\nXã có 95% thôn có sóng 4G."
    meta = extract_metadata(text, "bc02.docx")
    assert (meta.province_code, meta.province_source, meta.province_evidence) == ("25", "text", "district:huyện Đoan Hùng")
    # a provincial host is named by the site itself and stays first; a file name comes last
    assert extract_metadata(text, "bc02.docx", "https://baolaocai.vn/a").province_code == "10"
    assert extract_metadata(text, "bc_son-la.docx").province_code == "25"


def test_the_date_in_a_sites_top_bar_gives_way_to_the_articles_byline() -> None:
    text = "Thứ Hai, 09/06/2025 | RSS | Liên hệ\nBÁO TỈNH\nTỉnh lắp 40 trạm BTS\nHoàng Minh 07/06/2025 09:15\nNội dung ..."
    assert extract_metadata(text).published_date == datetime.date(2025, 6, 7)
    # with no byline, the bar's date is all the header has
    text = "Thứ Hai, 09/06/2025 | RSS | Liên hệ\nBÁO TỈNH\nTỉnh lắp 40 trạm BTS\nNội dung ..."
    assert extract_metadata(text).published_date == datetime.date(2025, 6, 9)


def test_a_date_line_right_above_the_sites_links_is_the_top_bars_clock() -> None:
    text = (
        "Thứ Sáu, ngày 05 tháng 12 năm 2025\n\nGiới thiệu · Liên kết · Facebook\n\n"
        "TRANG CHỦ TIN TỨC KINH TẾ XÃ HỘI\n\nHuyện lắp thêm 40 điểm Wi-Fi\n\n21/10/2025 08:10\n\nNội dung ..."
    )
    meta = extract_metadata(text)
    # the weekday is no place signing a document, the menu in capitals is no headline
    assert (meta.published_date, meta.title) == (datetime.date(2025, 10, 21), "Huyện lắp thêm 40 điểm Wi-Fi")


def test_a_top_bar_of_bare_links_and_a_share_widget_after_the_byline() -> None:
    text = (
        "Thứ Ba, 14/10/2025\nRSS Video Podcast Đăng nhập\nBÁO TỈNH\nTrang chủ / Xã hội\n"
        "Huyện lắp thêm 60 camera giao thông\nThứ Hai, 13/10/2025 - 09:20 Chia sẻ: Facebook Zalo\nNội dung ..."
    )
    assert extract_metadata(text).published_date == datetime.date(2025, 10, 13)


def test_an_update_marker_may_name_the_day_before_its_date() -> None:
    text = "Mở rộng dịch vụ công\nCập nhật ngày 10/04/2025 | Lượt xem: 312 | In bài\nNội dung ..."
    assert extract_metadata(text).published_date == datetime.date(2025, 4, 10)


def test_an_update_marker_may_give_the_time_before_the_date() -> None:
    text = "Huyện vận hành trung tâm điều hành\nCập nhật: 15:32 06/12/2024 | Tác giả: Lê Hà\nNội dung ..."
    assert extract_metadata(text).published_date == datetime.date(2024, 12, 6)


def test_a_national_site_whose_title_ranks_a_province_names_no_province() -> None:
    text = (
        "Công bố chỉ số chuyển đổi số năm 2024: Quảng Ninh giữ vị trí dẫn đầu\n"
        "Cả nước có 63 địa phương được đánh giá. Nhóm dẫn đầu gồm:\n- Quảng Ninh: 0,71 điểm;\n- Hà Nội: 0,68 điểm."
    )
    assert extract_metadata(text, "d1.txt", "https://www.vietnamplus.vn/a-1.vnp").province_code is None


def test_a_sites_menu_does_not_push_the_date_line_out_of_the_header() -> None:
    menu = "\n".join(f"- Mục {k}" for k in range(9))
    text = f"CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN\n{menu}\nTrang chủ » Tin tức\nHuyện lắp 12 trạm BTS\nNgày đăng: 14-05-2025\nNội dung"
    assert extract_metadata(text).published_date == datetime.date(2025, 5, 14)


def test_a_national_site_names_no_province() -> None:
    meta = extract_metadata("Toàn tỉnh có 95% thôn có sóng 4G.", "7f3a9c.txt", "https://vnexpress.net/a-1234")
    assert (meta.province_code, meta.province_source) == (None, None)


def test_a_national_site_that_names_a_province_in_passing_names_no_province() -> None:
    text = (
        "Hơn 1 triệu lượt người học kỹ năng số\n"
        "Bộ Thông tin và Truyền thông cho biết cả nước có 80.000 tổ công nghệ số cộng đồng. "
        "Một số địa phương làm tốt: Long An đã đào tạo 2.100 lượt cán bộ."
    )
    assert extract_metadata(text, "a1b2.html", "https://mic.gov.vn/tin-1").province_code is None
    # ... however often it names the capital in passing, in related headlines and its own address
    text = (
        "Cả nước có 80.000 tổ công nghệ số cộng đồng\n"
        "Một số địa phương làm tốt như Hà Nội, Bắc Ninh.\nTin liên quan\nHà Nội có hơn 5.000 tổ công nghệ số\n"
        "Địa chỉ: Số 381 Đội Cấn, Ba Đình, Hà Nội. Điện thoại: 080.48290."
    )
    assert extract_metadata(text, "c3d4.html", "https://dangcongsan.vn/tin-2").province_code is None
    # ... even when its footer says "Thành phố Hà Nội", a cue anywhere else
    text = (
        "Cả nước có 80.000 tổ công nghệ số cộng đồng\nBộ cho biết nhiều địa phương đã hoàn thành.\n"
        "Cơ quan chủ quản: Bộ Khoa học và Công nghệ\nĐịa chỉ: 113 Trần Duy Hưng, phường Trung Hòa, Thành phố Hà Nội\n"
    )
    assert extract_metadata(text, "c3d5.html", "https://mst.gov.vn/tin-4").province_code is None
    # "trụ sở xã; Thanh Hóa" is no department of Thanh Hóa
    text = (
        "Gần 30.000 cán bộ xã được tập huấn chuyển đổi số\n"
        "Nhiều nơi như Thanh Hóa, Nghệ An mở lớp ngay tại trụ sở xã; Thanh Hóa một mình đã mở 420 lớp."
    )
    assert extract_metadata(text, "e5f6.txt", "https://vnexpress.net/tin-3").province_code is None
    # one locality of a national roundup, named in full once, is not what it is about
    text = (
        "Dịch vụ công trực tuyến tăng mạnh trong quý III\n"
        "Cả nước tiếp nhận 5,2 triệu hồ sơ trực tuyến. Nhiều nơi có tỷ lệ cao như Bắc Ninh 91%, "
        "Hải Dương 87%; tỉnh Tây Ninh đạt 80,5%."
    )
    assert extract_metadata(text, "e5f7.txt", "https://baotintuc.vn/tin-5").province_code is None
    # a report a national paper writes about one province keeps it
    text = "Tỉnh Long An đẩy mạnh chuyển đổi số\nTỉnh Long An đã đào tạo 2.100 lượt cán bộ."
    assert extract_metadata(text, "a1b2.html", "https://vnexpress.net/a-1").province_code == "80"
    text = "Đẩy mạnh chuyển đổi số ở vùng cao\nTỉnh Lai Châu đã đào tạo 2.100 lượt cán bộ. Năm 2025, tỉnh Lai Châu phấn đấu ..."
    assert extract_metadata(text, "a1b3.html", "https://vnexpress.net/a-2").province_code == "12"


def test_a_national_site_that_names_one_province_and_then_its_province_is_about_it() -> None:
    text = (
        "Kinh tế số chiếm 11% GRDP\n"
        "Năm 2024, tỷ trọng kinh tế số của tỉnh Quảng Trị đạt 11%. Hạ tầng số của tỉnh tiếp tục được đầu tư; "
        "toàn tỉnh có 1.420 trạm BTS. Nền tảng số của tỉnh có 310.000 tài khoản.\nTin liên quan\nHà Nội ra mắt ứng dụng"
    )
    assert extract_metadata(text, "q1.txt", "https://baotintuc.vn/dia-phuong/a-1.htm").province_code == "45"
    # named once and never again as "the province": one locality among others
    text = "Cả nước có 5,2 triệu hồ sơ trực tuyến\nNhiều nơi đạt cao; tỉnh Quảng Trị đạt 80,5%, còn lại dưới 70%."
    assert extract_metadata(text, "q2.txt", "https://baotintuc.vn/tin-6").province_code is None


def test_a_national_site_whose_only_province_closes_an_address_is_about_it() -> None:
    text = (
        "Nhà máy chè số hóa dây chuyền\n"
        "Công ty chè tại xã Yên Lãng, huyện Đại Từ, tỉnh Thái Nguyên đã số hóa 80% khâu sản xuất. "
        "Cả nước có hơn 500 nhà máy chè, công suất của nhà máy lớn nhất cả nước."
    )
    assert extract_metadata(text, "c1.txt", "https://vneconomy.vn/c-1.htm").province_code == "19"
    # another province named anywhere: the address may be one example among several
    text = text + " Mô hình tương tự đã có ở Phú Thọ."
    assert extract_metadata(text, "c2.txt", "https://vneconomy.vn/c-2.htm").province_code is None
    # named in full but not closing an address: a locality named in passing
    text = "Nhà máy chè số hóa dây chuyền\nTheo Bộ Công Thương, tỉnh Thái Nguyên có nhiều nhà máy chè."
    assert extract_metadata(text, "c3.txt", "https://vneconomy.vn/c-3.htm").province_code is None


def test_the_english_editions_and_ministries_are_national_sites() -> None:
    # the capital's dateline is where the newsroom sits, not what a national report is about
    text = (
        "Most hospitals now accept chip-based ID cards\nApril 2, 2025 - 09:15\n\n"
        "HÀ NỘI — About 11,400 medical facilities across the country accept the cards, the ministry said "
        "at a meeting in Hà Nội."
    )
    for url in ("https://vietnamnews.vn/society/123/x.html", "https://moh.gov.vn/tin-1", "https://vnanet.vn/a/1"):
        assert extract_metadata(text, "a9.txt", url).province_code is None


def test_a_hyphen_dateline_that_opens_a_line_is_a_cue_of_the_province() -> None:
    text = (
        "Những xã biên giới có sóng 4G\nThứ hai, 8/7/2024, 06:00 (GMT+7)\n\n"
        "Điện Biên - Sau nhiều năm chờ đợi, người dân 12 bản đã có sóng di động. Theo Sở Khoa học và "
        "Công nghệ Điện Biên, các nhà mạng đã xây mới 26 trạm BTS."
    )
    assert extract_metadata(text, "b1.txt", "https://vnexpress.net/tin-9").province_code == "11"
    # a route between two cities is no dateline
    text = "Cao tốc được giám sát bằng camera\nTuyến Hà Nội - Hải Phòng có 320 camera, Sở Xây dựng Hải Phòng cho biết."
    assert extract_metadata(text, "b2.txt", "https://vnexpress.net/tin-10").province_code is None


def test_a_site_whose_host_names_no_province_is_read_as_a_national_one() -> None:
    # one passing mention on a site of unknown place is no province, never a guess
    text = "Doanh nghiệp số mở rộng thị trường\nNhiều sản phẩm được bán qua sàn, như chè Thái Nguyên và vải thiều."
    assert extract_metadata(text, "c1.txt", "https://tapchiso.example.vn/bai-1").province_code is None
    text = "Tỉnh Thái Nguyên đẩy mạnh thương mại điện tử\nTỉnh Thái Nguyên có 2.400 sản phẩm trên sàn."
    assert extract_metadata(text, "c2.txt", "https://tapchiso.example.vn/bai-2").province_code == "19"


def test_a_national_page_is_about_the_province_its_headline_names_below_the_masthead() -> None:
    # the site's name, menu bullets and breadcrumb stand above the headline on the page
    text = (
        "Tạp chí Điện tử Quốc gia\n\n-\n-\n\nXã hội » Công nghệ\n\n"
        "Gia Lai đưa 120 điểm di tích lên bản đồ số phục vụ du khách\n\n"
        "Sở Văn hóa tỉnh Gia Lai đã gắn mã QR tại 120 điểm di tích. Du khách cả nước đến nhiều hơn.\n"
    )
    assert extract_metadata(text, "e1.html", "https://vnexpress.net/gia-lai-a1").province_code == "64"


def test_a_document_reprinted_below_a_portals_lead_is_dated_by_its_own_date_line() -> None:
    chrome = "".join(f"- Mục {k}\n" for k in range(30))
    text = (
        "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH\n" + chrome + "\nSở Nội vụ báo cáo kết quả năm 2024\n\n"
        "12/12/2024 - 09:15 | In bài\n\nCổng thông tin đăng nguyên văn báo cáo của Sở Nội vụ.\n\n"
        "UBND TỈNH AN GIANG\n\nSỞ NỘI VỤ\n\nSố: 512/BC-SNV\n\n"
        "An Giang, ngày 09 tháng 12 năm 2024\n\nBÁO CÁO\n\n1. Kết quả\n100% văn bản đi được ký số.\n"
    )
    assert extract_metadata(text).published_date == datetime.date(2024, 12, 9)


def test_a_site_of_unknown_place_is_about_the_one_province_its_text_names_in_full() -> None:
    # a provincial paper under its own name: the host names no province, the text names one
    text = "Chuyển đổi số ở xã vùng biển\nXã Bình Thắng (huyện Bình Đại, tỉnh Bến Tre) đã có 2.310 hộ dùng cáp quang."
    meta = extract_metadata(text, "d1.txt", "https://baodongkhoi.vn/chuyen-doi-so-a1.html")
    assert (meta.province_code, meta.province_source) == ("83", "text")
    # ... not when it names a second province, on its own site or a national one
    text2 = text + " Mô hình được học tập từ tỉnh Trà Vinh."
    assert extract_metadata(text2, "d2.txt", "https://baodongkhoi.vn/a2.html").province_code is None
    assert extract_metadata(text2, "d3.txt", "https://vnexpress.net/a-3").province_code is None


def test_the_file_name_is_the_last_resort() -> None:
    meta = extract_metadata("Toàn tỉnh có 95% thôn có sóng 4G.", "024_an-giang.txt", "https://vietnamnet.vn/a")
    assert (meta.province_code, meta.province_source) == ("89", "file_name")


def test_an_official_letter_is_titled_by_its_subject_line() -> None:
    text = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 88/STTTT-BCVT\nV/v báo cáo số liệu hạ tầng bưu chính quý III\n\nKính gửi: UBND tỉnh.\n"
    assert extract_metadata(text).title == "báo cáo số liệu hạ tầng bưu chính quý III"


def test_a_bracketed_dateline_that_opens_a_line_is_the_publication_date() -> None:
    text = "Huyện ra mắt nền tảng số\n(Trang TTĐT huyện - 14/05/2024) Chiều 13/5, huyện đã tổ chức lễ ra mắt."
    assert extract_metadata(text).published_date == datetime.date(2024, 5, 14)
    text = "Huyện ra mắt nền tảng số\n(Tin, ảnh: Minh Anh, 02/09/2024)\nChiều 30/8, huyện ..."
    assert extract_metadata(text).published_date == datetime.date(2024, 9, 2)
    # a document cited in brackets is no dateline
    text = "Huyện ra mắt nền tảng số\n(Kế hoạch số 45/KH-UBND ngày 02/09/2024)\nNội dung ..."
    assert extract_metadata(text).published_date is None


def test_a_byline_with_a_bar_before_the_date_is_the_publication_date() -> None:
    text = "BẢN TIN CHUYỂN ĐỔI SỐ THÁNG 7/2024\n\nPhòng Văn hoá và Thông tin | 12/08/2024\n\nToàn huyện có 95% hồ sơ trực tuyến."
    assert extract_metadata(text).published_date == datetime.date(2024, 8, 12)
    # ... also with a dash or a weekday before the date ("Báo X - Thứ Hai, 17/3/2025")
    for line, day in (("Báo Điện Biên Phủ - Thứ Hai, 17/3/2025", datetime.date(2025, 3, 17)),
                      ("Nhân Dân điện tử | Thứ Hai, 10/11/2025 08:30", datetime.date(2025, 11, 10)),
                      # a broadcast's programme line, the day named "ngày"
                      ("BẢN TIN THỜI SỰ TRƯA - NGÀY 14/10/2025", datetime.date(2025, 10, 14))):
        assert extract_metadata(f"Tin chuyển đổi số\n{line}\n\nToàn tỉnh có 95% hồ sơ trực tuyến.").published_date == day


def test_a_document_that_signs_at_the_end_is_dated_by_its_signature_line() -> None:
    body = "\n".join(f"{i}. Nội dung báo cáo số {i} về chuyển đổi số của huyện." for i in range(1, 15))
    text = (
        "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH\nBÁO CÁO\nKết quả chuyển đổi số 6 tháng\n" + body
        + "\n\n                                Đông Anh, ngày 09 tháng 7 năm 2024\n"
        "Nơi nhận:                               TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.\n"
    )
    assert extract_metadata(text).published_date == datetime.date(2024, 7, 9)
    # a place and date inside a sentence, or without a signature block, is no signing date
    text = "Tiêu đề\n" + body + "\nHội nghị tổ chức tại Hà Nội, ngày 09 tháng 7 năm 2024 với 120 đại biểu.\nNơi nhận:\n"
    assert extract_metadata(text).published_date is None


def test_the_signing_date_beside_the_recipients_of_a_two_column_signature_block_is_read() -> None:
    body = "\n".join(f"{i}. Nội dung báo cáo số {i} về chuyển đổi số của tỉnh." for i in range(1, 40))
    text = (
        "ỦY BAN NHÂN DÂN TỈNH\nBÁO CÁO\n" + body + "\nỦy ban nhân dân tỉnh trân trọng báo cáo./.\n\n"
        "Nơi nhận:                                   Lào Cai, ngày 18 tháng 12 năm 2024\n"
        "- Bộ Thông tin và Truyền thông;                  TM. ỦY BAN NHÂN DÂN\n"
    )
    assert extract_metadata(text).published_date == datetime.date(2024, 12, 18)
    # ... or beside its last item, in a table the HTML reader joins with a bar
    text = (
        "ỦY BAN NHÂN DÂN TỈNH\nBÁO CÁO\n" + body + "\nỦy ban nhân dân tỉnh trân trọng báo cáo./.\n\n"
        "Nơi nhận:\n- Bộ Công an;\n- Lưu: VT, KSTT. | Bình Định, ngày 21 tháng 11 năm 2025\nTM. ỦY BAN NHÂN DÂN\n"
    )
    assert extract_metadata(text).published_date == datetime.date(2025, 11, 21)


def test_an_emptied_menu_does_not_push_the_date_line_out_of_the_header() -> None:
    text = "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH\n\n" + "-\n" * 8 + "Trang chủ > Tin tức\n\nTiêu đề bài viết về chuyển đổi số\n\nNgày đăng: 09/12/2024 | Lượt xem: 1.245\n\nNội dung."
    assert extract_metadata(text).published_date == datetime.date(2024, 12, 9)


def test_a_date_line_with_its_time_and_the_office_that_posted_it_is_the_publication_date() -> None:
    text = "Số hóa hồ sơ địa chính tại 9 huyện\n\n14/05/2025 08:30 | Văn phòng Đăng ký đất đai\n\nNội dung bài viết."
    assert extract_metadata(text).published_date == datetime.date(2025, 5, 14)
    text = "Tiêu đề bài viết dài hơn ba từ\n\nThứ hai, 02/06/2025 - 16:05 | Phòng Công nghệ thông tin\n\nNội dung."
    assert extract_metadata(text).published_date == datetime.date(2025, 6, 2)


def test_a_byline_of_paper_section_and_date_between_bars_or_dashes_is_the_publication_date() -> None:
    text = "Tiêu đề bài viết dài hơn ba từ\n\nBáo Lào Cai điện tử | Kinh tế | 03/7/2025 - 09:40\n\nNội dung."
    assert extract_metadata(text).published_date == datetime.date(2025, 7, 3)
    text = "Tiêu đề bài viết dài hơn ba từ\n\nBáo Bình Phước - 18/02/2025 14:20 - Xã hội\n\nNội dung."
    assert extract_metadata(text).published_date == datetime.date(2025, 2, 18)
    # a part with a figure, or one that says what the date is of, makes no byline
    text = "Tiêu đề bài viết dài hơn ba từ\n\nSố liệu tính đến - 30/6/2025 - toàn tỉnh\n\nNội dung."
    assert extract_metadata(text).published_date is None
    text = "Tiêu đề bài viết dài hơn ba từ\n\nHội nghị lần 3 | 30/6/2025 | 200 đại biểu\n\nNội dung."
    assert extract_metadata(text).published_date is None


def test_a_closing_byline_dates_a_page_whose_header_prints_no_date() -> None:
    body = "Xã Tân Lập ra mắt tổ công nghệ số\n\n" + "Sáng nay, xã ra mắt 6 tổ công nghệ số cộng đồng ở các thôn.\n\n" * 12
    assert extract_metadata(body + "Minh Quân - 21/02/2025\n\nTin khác:\n- Huyện mở lớp tập huấn\n").published_date == (
        datetime.date(2025, 2, 21))
    # a date in the last sentence is no byline
    assert extract_metadata(body + "Buổi lễ kết thúc ngày 21/02/2025.\n").published_date is None
