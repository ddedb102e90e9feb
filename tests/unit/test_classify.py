"""What a figure counts decides its indicator (extraction/classify.py).

Every sentence here is invented for the test; none is copied from the shared reports.
"""
from __future__ import annotations

import datetime

import pytest

from dagster_project.extraction.classify import classify_observations
from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations


def classified(text: str) -> dict[str, Observation]:
    """quote -> classified observation (quotes are unique in these sentences)."""
    return {o.quote: o for o in classify_observations(text, extract_observations(text))}


def code_of(text: str, quote: str) -> str:
    return classified(text)[quote].indicator_code


# --- relevance: no digital-transformation measurement -> domain other, with the reason --


@pytest.mark.parametrize(
    ("text", "quote", "code", "reason"),
    [
        ("Tổng kinh phí đầu tư cho hạ tầng số là 42,5 tỷ đồng.", "42,5 tỷ", "budget_revenue", "money"),
        ("The project cost $3 million for new servers.", "3 million", "budget_revenue", "money"),
        ("Chỉ số chuyển đổi số của tỉnh xếp thứ 9/63 tỉnh, thành phố.", "9/63", "dx_rankings", "rank"),
        ("Năm nay tỉnh tăng 6 bậc trên bảng xếp hạng.", "6", "dx_rankings", "rank"),
        ("Tỉnh là 1 trong 12 tỉnh dẫn đầu cả nước về dịch vụ công.", "12", "dx_rankings", "rank"),
        ("Chỉ số DTI năm 2024 của tỉnh đạt 0,5281 điểm.", "0,5281", "index_scores", "score"),
        ("Sản phẩm của tỉnh đạt 3 giải thưởng chuyển đổi số.", "3", "awards", "award"),
        ("Tỉnh đã hoàn thành 11/14 mục tiêu của kế hoạch chuyển đổi số.", "11/14", "goals_met", "goals met"),
        ("Hai nhà mạng chiếm 64% thị phần di động trên địa bàn.", "64%", "market_share", "market share"),
        ("Tỉnh có dân số khoảng 870.000 người.", "870.000", "population", "population"),
        ("Hanoi, home to some 8.5 million people, has 1,120 public wifi hotspots.", "8.5 million", "population", "population"),
        ("Huyện miền núi với 96.000 dân, có 28 trạm BTS.", "96.000", "population", "population"),
        ("Tỉnh được tổng điểm 812 trong bộ chỉ số.", "812", "index_scores", "score"),
        ("Số lượt truy cập cổng thông tin tăng 146% so với năm 2023.", "146%", "comparisons", "comparison"),
        ("Thuê bao băng rộng cố định giảm 3,1% so với cùng kỳ.", "3,1%", "comparisons", "comparison"),
        ("Tỷ lệ hồ sơ trực tuyến tăng thêm 9,4 điểm phần trăm.", "9,4", "comparisons", "comparison"),
        ("Đã đào tạo 950 học viên, đạt 118% kế hoạch năm.", "118%", "comparisons", "comparison"),
        # a share of the volume a plan set, or of the need: no share of anything counted
        ("Huyện đã số hóa 86.200 trang hồ sơ, đạt 71% khối lượng theo kế hoạch.", "71%", "comparisons", "comparison"),
        ("Kinh phí cho hạ tầng số năm nay là 12,4 tỷ đồng, mới bằng 58% nhu cầu.", "58%", "comparisons", "comparison"),
        # a share of a sum of money, whatever the money is spent on
        ("Phần mềm dùng chung chiếm khoảng 14% tổng kinh phí ứng dụng công nghệ thông tin.", "14%", "budget_revenue",
         "money"),
        ("Chi cho an toàn thông tin bằng 8,5% chi thường xuyên của Sở.", "8,5%", "budget_revenue", "money"),
        ("Lượng giao dịch không dùng tiền mặt tăng hơn 60%.", "60%", "comparisons", "comparison"),
        ("Phấn đấu giảm từ 10-15% thời gian chờ đợi.", "10-15%", "comparisons", "comparison"),
        ("Tỷ lệ này vượt 3,2 điểm phần trăm so với mục tiêu.", "3,2", "comparisons", "comparison"),
        # percentage points are a gap between two rates whatever verb comes before them
        ("Tỷ lệ hộ dùng cáp quang đạt 64%. Tỷ lệ này thấp hơn bình quân cả nước 1,8 điểm phần trăm.", "1,8",
         "comparisons", "comparison"),
        ("Nhà máy xử lý 12.800 m3/ngày đêm nước thải có hệ thống quan trắc tự động.", "12.800", "unclassified", "measure"),
        ("Trạm cấp nước cung cấp 3.500 m³ nước sạch cho khu công nghệ thông tin.", "3.500", "unclassified", "measure"),
        # the level a condition is crossed at, by the verb before it and the "khi"/"nếu" of its clause
        ("Khi xe chạy quá 60 km/h, thiết bị định vị gửi cảnh báo cho tài xế.", "60", "unclassified", "threshold of a condition"),
        ("Hệ thống tự ngắt khi độ ẩm trong kho xuống dưới 40%.", "40%", "unclassified", "threshold of a condition"),
        ("Nếu số lượt truy cập vượt ngưỡng 5.000 lượt mỗi phút, hệ thống tự mở thêm máy chủ.", "5.000", "unclassified",
         "threshold of a condition"),
        ("When the water level exceeds 3 metres, 12 sensors send an alert.", "3", "unclassified", "threshold of a condition"),
        # a length of something no digital indicator is counted in (only cable is, in infrastructure)
        ("Đồn quản lý 42 km đường biên giới, lịch tuần tra được giao qua ứng dụng.", "42", "unclassified", "measure"),
        # how far out at sea a signal or a boat reaches: a distance, no count of anything digital
        ("Sóng di động đã phủ tới vùng biển cách bờ khoảng 60 hải lý.", "60", "unclassified", "measure"),
        # the size of a bottle, a bag or a screen, a salinity: properties of goods and machines
        ("Nước mắm đóng chai 500 ml được bán qua 3 sàn thương mại điện tử.", "500", "unclassified", "measure"),
        ("Mỗi gói 250 gram đều dán mã QR truy xuất nguồn gốc.", "250", "unclassified", "measure"),
        ("Mỗi hũ mật ong 350 g đều dán mã QR truy xuất nguồn gốc.", "350", "unclassified", "measure"),
        ("Từng máy sấy tóc được thử điện áp 1.250 V, kết quả ghi vào phần mềm.", "1.250", "unclassified", "measure"),
        ("Quầy lễ tân đặt 2 màn hình 43 inch hiển thị lịch hẹn điện tử.", "43", "unclassified", "measure"),
        ("Cảm biến nhắn tin cho chủ ao khi độ mặn vượt mức, hiện ở 12‰ trên ứng dụng.", "12", "unclassified", "measure"),
        ("Mạng lưới có 980 trạm BTS, tăng 64 trạm so với cuối năm trước.", "64", "comparisons", "comparison"),
        ("Số tài khoản được kích hoạt tăng 4.300 so với cuối tháng trước.", "4.300", "comparisons", "comparison"),
        ("Hội nghị được kết nối tới 42 điểm cầu với gần 900 đại biểu tham dự.", "900", "unclassified", "attendance"),
        ("Kỹ thuật viên lắp đặt trạm BTS ở độ cao hơn 1.200 m so với mực nước biển.", "1.200", "unclassified", "measure"),
        ("So với cuối năm 2023, số trạm BTS tăng 73 trạm.", "73", "comparisons", "comparison"),
        ("Số trạm 5G tăng gấp 4 lần so với năm 2023.", "4", "comparisons", "comparison"),
    ],
)
def test_figures_that_measure_no_digital_transformation_go_to_other_with_a_reason(
    text: str, quote: str, code: str, reason: str
) -> None:
    obs = classified(text)[quote]
    assert (obs.indicator_code, obs.domain, obs.classified_by, obs.relevance) == (code, "other", "relevance", reason)


def test_points_that_are_places_are_counted_not_scored() -> None:
    text = "Mạng truyền số liệu chuyên dùng đã có 318 điểm kết nối."
    assert code_of(text, "318") == "tslcd_network"
    assert code_of("Hệ thống hội nghị truyền hình có 45 điểm cầu.", "45") == "video_conferencing"
    # "Số điểm <noun>" counts places too; "số điểm" before a value or a linking verb is a score
    assert code_of("- Số điểm Wifi công cộng: 37 điểm.", "37") == "public_wifi"
    assert code_of("Tổng số điểm phục vụ bưu chính: 212 điểm.", "212") == "postal_network"
    assert code_of("Số điểm đạt được là 71 điểm.", "71") == "index_scores"


def test_a_share_of_the_population_is_no_population_count() -> None:
    obs = classified("Sóng di động 4G đã phủ tới 97% dân số.")["97%"]
    assert obs.indicator_code == "mobile_coverage" and obs.relevance is None


# --- the measured phrase -----------------------------------------------------------------


def test_the_phrase_after_the_figure_decides_before_the_rest_of_the_sentence() -> None:
    text = "Về an toàn thông tin, tỉnh đã tổ chức 14 lớp tập huấn cho cán bộ."
    obs = classified(text)["14"]
    assert (obs.indicator_code, obs.classified_by) == ("trainings", "subject")


def test_the_subject_before_a_linking_verb_is_what_is_measured() -> None:
    text = "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,2% ở cấp huyện."
    obs = classified(text)["97,2%"]
    assert (obs.indicator_code, obs.classified_by) == ("dossiers_on_time", "subject")


def test_a_subject_is_read_from_its_head() -> None:
    # The first keyword of the subject decides, not the one nearest the figure.
    text = "Tỷ lệ phủ đường truyền Internet tốc độ cao và sóng 4G đến các thôn đạt 91%."
    assert code_of(text, "91%") == "broadband_internet"


def test_the_subject_nearest_the_figure_is_the_one_it_measures() -> None:
    text = "Số trạm BTS tăng nhanh trong năm, tỷ lệ thôn có sóng 4G đạt 97%."
    assert code_of(text, "97%") == "mobile_coverage"


def test_an_opening_adverbial_is_no_part_of_the_subject() -> None:
    text = "Về chữ ký số, hệ thống quản lý văn bản điện tử đạt 96% văn bản gửi đi."
    assert code_of(text, "96%") == "e_documents"


def test_the_clause_decides_when_the_phrase_names_nothing() -> None:
    text = "Mạng truyền số liệu chuyên dùng đã kết nối tới 27 xã trong tỉnh."
    obs = classified(text)["27"]
    assert obs.indicator_code == "tslcd_network" and obs.base == "communes"


def test_the_sentence_decides_when_the_clause_names_nothing() -> None:
    text = "Camera giám sát giao thông được lắp thêm; tổng cộng 212 chiếc."
    obs = classified(text)["212"]
    assert (obs.indicator_code, obs.classified_by) == ("surveillance_cameras", "sentence")


def test_generic_fallbacks_come_last_and_say_so() -> None:
    obs = classified("Tỉnh có 350 cán bộ tham gia chuyển đổi số.")["350"]
    assert (obs.indicator_code, obs.classified_by) == ("workforce_other", "fallback")


def test_a_figure_no_keyword_names_is_unclassified_with_the_reason() -> None:
    obs = classified("Năm nay có 12 đoàn khách đến thăm.")["12"]
    assert (obs.indicator_code, obs.domain, obs.classified_by, obs.relevance) == (
        "unclassified", "other", None, "no keyword")


def test_two_figures_joined_by_và_share_the_predicate_after_the_second() -> None:
    text = "Đến nay 100% công chức cấp tỉnh và 85% viên chức cấp huyện đã được bồi dưỡng kỹ năng số."
    found = classified(text)
    assert found["100%"].indicator_code == "officials_trained"
    assert found["85%"].indicator_code == "officials_trained"


def test_a_figure_that_only_names_a_level_measures_what_the_one_before_measured() -> None:
    text = "Tỷ lệ văn bản điện tử đạt 92% ở cấp tỉnh, 81% ở cấp huyện và 70% ở cấp xã."
    found = classified(text)
    assert [found[q].indicator_code for q in ("92%", "81%", "70%")] == ["e_documents"] * 3


# --- the base and what it refines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "base"),
    [
        ("Có 78% hộ gia đình có điện thoại thông minh.", "78%", "households"),
        ("Có 100% cơ quan nhà nước có mạng nội bộ.", "100%", "agencies"),
        ("Có 96% số xã có cáp quang đến trung tâm.", "96%", "communes"),
        ("Có 64% người dân có điện thoại thông minh.", "64%", "people"),
        ("Có 99% cán bộ, công chức có máy tính.", "99%", "officials"),
        ("Có 58% hồ sơ được nộp trực tuyến.", "58%", "dossiers"),
        ("Có 93% thủ tục hành chính được cung cấp trực tuyến.", "93%", "procedures"),
        ("Có 520/520 UBND cấp xã dùng chữ ký số.", "520/520", "communes"),
    ],
)
def test_the_base_is_what_a_share_is_counted_over(text: str, quote: str, base: str) -> None:
    assert classified(text)[quote].base == base


def test_a_keyword_past_the_base_describes_the_figure_before_the_base_itself() -> None:
    text = "Có 97% máy tính của các sở được cài phần mềm phòng chống mã độc."
    obs = classified(text)["97%"]
    assert (obs.indicator_code, obs.base) == ("information_security", "computers")
    # Only the base named: the base's own indicator.
    assert code_of("Tỉnh có 2.400 máy tính.", "2.400") == "computers"


def test_a_keyword_in_a_place_adjunct_comes_after_the_base() -> None:
    text = "Có 100% thủ tục hành chính được niêm yết trên Cổng Dịch vụ công của tỉnh."
    assert code_of(text, "100%") == "admin_procedures"
    # ... unless it names the channel: "trên môi trường mạng" is online.
    text = "Có 70% hồ sơ được xử lý trên môi trường mạng."
    assert code_of(text, "70%") == "dossiers_processed_online"


def test_what_the_predicate_says_describes_the_figure_before_the_noun_phrase() -> None:
    text = "Có 2,1 triệu dữ liệu hộ tịch đã được số hóa."
    assert code_of(text, "2,1 triệu") == "digitisation"
    assert code_of("Có 2,1 triệu dữ liệu hộ tịch.", "2,1 triệu") == "databases"


def test_what_is_said_of_the_head_stays_in_the_head_s_domain() -> None:
    # Signing is said of e-documents (services), not a count of signatures (infrastructure).
    assert code_of("Có 98% văn bản điện tử được ký số trước khi gửi.", "98%") == "e_documents"
    # A counted unit names its indicator when its phrase names nothing more specific.
    assert code_of("Đã có 2.340 văn bản được ký và phát hành qua hệ thống chữ ký số.", "2.340") == "e_documents"
    # ... and documents a body issued are policy documents.
    assert code_of("Năm qua, UBND tỉnh đã ban hành 37 văn bản về chuyển đổi số.", "37") == "policy_documents"


def test_the_keyword_that_starts_a_counted_phrase_is_its_head() -> None:
    # What is done with the devices (linked to an operations room) does not move them to another domain.
    text = "Tại bến xe phía Nam, 38 camera an ninh đã được nối về phòng điều hành của bến."
    assert code_of(text, "38") == "surveillance_cameras"
    # A leading word that names a topic outside the facts leaves the predicate to say what is measured.
    text = "Hiện khoảng 64% tài khoản thanh toán của người dân trong huyện đã được xác thực sinh trắc học."
    assert code_of(text, "64%") == "electronic_identification"
    # the noun right after a count linked to a label names what is counted, whatever the label says
    text = "3. Kinh tế số và xã hội số: đạt 2.300 tài khoản định danh điện tử được kích hoạt trong năm."
    assert code_of(text, "2.300") == "electronic_identification"


def test_a_share_is_no_length() -> None:
    # "tuyến cáp quang" counts cable routes (km); a percentage of villages they reach is fibre.
    assert code_of("Các tuyến cáp quang đã kết nối đến 95% thôn, bản.", "95%") == "fibre_optic"


def test_a_base_excludes_indicators_that_count_something_else() -> None:
    # Dossiers are counted: the service level names the dossiers' channel, not services.
    text = "Trong năm, hồ sơ trực tuyến mức độ 4 là 12.430 hồ sơ."
    assert code_of(text, "12.430") == "dossiers_processed_online"


def test_households_with_internet_is_its_own_code() -> None:
    obs = classified("Có 83% hộ gia đình có kết nối Internet băng rộng cố định.")["83%"]
    assert (obs.indicator_code, obs.base) == ("household_internet", "households")
    # Agencies with internet stay broadband.
    assert code_of("Có 100% cơ quan có kết nối Internet băng rộng.", "100%") == "broadband_internet"
    # The base decides for fibre too: households connected by fibre have internet at home, communes
    # reached by fibre are the fibre network's reach (every blind key; the shared keys predate the code).
    assert code_of("Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 81,3%.", "81,3%") == "household_internet"
    assert code_of("Có 98% xã có cáp quang đến trung tâm.", "98%") == "fibre_optic"


def test_subscribers_of_broadband_are_internet_subscribers() -> None:
    text = "Toàn tỉnh có 245.000 thuê bao băng rộng cố định."
    assert code_of(text, "245.000") == "internet_subscribers"


def test_people_a_training_verb_governs_are_people_trained() -> None:
    text = "Sở đã tập huấn kỹ năng số cho 3.150 thành viên tổ công nghệ số cộng đồng."
    assert code_of(text, "3.150") == "learners"
    assert code_of("Tỉnh đã đào tạo 420 công chức về an toàn thông tin.", "420") == "officials_trained"
    # A count of teams stays a count of teams.
    assert code_of("Toàn tỉnh có 640 tổ công nghệ số cộng đồng.", "640") == "community_digital_teams"


def test_dossiers_received_counts_every_channel_and_online_ones_stay_online() -> None:
    assert code_of("Bộ phận một cửa đã tiếp nhận 48.200 hồ sơ.", "48.200") == "dossiers_received"
    assert code_of("Tổng số hồ sơ tiếp nhận trực tuyến là 21.000 hồ sơ.", "21.000") == "dossiers_processed_online"


# --- keywords: word boundaries, finer codes, anaphora -------------------------------------


def test_keywords_match_whole_words_only() -> None:
    # "người dân" is not in "người dân tộc": no services fallback for a count of ethnic people.
    obs = classified("Có 150 người dân tộc thiểu số tham gia.")["150"]
    assert obs.indicator_code != "services_other"


def test_a_finer_code_beats_the_code_it_refines() -> None:
    assert code_of("Có 88% xã có Internet băng rộng cáp quang.", "88%") == "fibre_optic"
    assert code_of("Tỉnh cung cấp 460 dịch vụ công trực tuyến toàn trình.", "460") == "online_public_services_level34"


def test_this_system_means_the_system_named_before() -> None:
    text = "Tỉnh đã đưa vào dùng hệ thống hội nghị truyền hình. Hệ thống này đã phục vụ 275 cuộc họp."
    obs = classified(text)["275"]
    assert (obs.indicator_code, obs.classified_by) == ("video_conferencing", "subject")
    assert obs.matched_keyword == "hệ thống → hội nghị truyền hình"


def test_text_without_diacritics_is_classified_by_folded_keywords() -> None:
    assert code_of("Toan tinh co 1.250 tram BTS va 98% xa co song di dong.", "1.250") == "bts_stations"


def test_english_reports_are_classified_too() -> None:
    found = classified("The province has 1,420 base stations and 92% of households use smartphones.")
    assert found["1,420"].indicator_code == "bts_stations"
    assert (found["92%"].indicator_code, found["92%"].base) == ("smartphones", "households")


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        # keyword classes whose wording is not obvious from the indicator's name
        ("Bán kính phục vụ bình quân là 2,3 km/điểm.", "2,3", "postal_network"),
        ("Toàn tỉnh có 27 doanh nghiệp bưu chính.", "27", "postal_enterprises"),
        ("Đã có 1,8 triệu dữ liệu được làm sạch theo tiêu chí đúng, đủ, sạch.", "1,8 triệu", "data_cleaning"),
        ("Có 94% văn bản không mật được gửi dưới dạng điện tử.", "94%", "e_documents"),
        ("Đã cấp 2.600 sim ký số cho lãnh đạo các cấp.", "2.600", "digital_certificates"),
        ("Đã tích hợp 37 chế độ báo cáo lên hệ thống.", "37", "egovernment_systems"),
        ("Có 68% dữ liệu bảo hiểm được đồng bộ với mã định danh cá nhân.", "68%", "citizen_id_linked_data"),
        ("Tỉnh có 310 tuyến cáp quang nội tỉnh.", "310", "cable_lines_km"),
        ("Có 70 trạm chuyển mạch và 1.900 cột ăng ten.", "1.900", "bts_stations"),
        ("Đã cấp 4.100 tài khoản thư điện tử công vụ.", "4.100", "official_email"),
        ("Có 1.900 lượt người dân phản ánh qua ứng dụng di động.", "1.900", "portals_and_apps"),
    ],
)
def test_keyword_classes(text: str, quote: str, code: str) -> None:
    assert code_of(text, quote) == code


def test_every_observation_is_classified_and_keeps_its_extraction_fields() -> None:
    text = "Năm 2024 toàn tỉnh có 1.120 camera giám sát và 36 điểm wifi công cộng."
    extracted = extract_observations(text)
    result = classify_observations(text, extracted)
    assert [(o.quote, o.value, o.char_start) for o in result] == [(o.quote, o.value, o.char_start) for o in extracted]
    assert [o.indicator_code for o in result] == ["surveillance_cameras", "public_wifi"]
    assert all(o.domain == "infrastructure" and o.classified_by == "subject" for o in result)


# --- table cells: the row label is what a cell measures -----------------------------------

_RATE_TABLE = """BIỂU 2. CHỈ TIÊU HẠ TẦNG VÀ NHÂN LỰC SỐ
STT | Chỉ tiêu | Năm 2021 | Năm 2022 | Kế hoạch 2023
1 | Tỷ lệ hộ gia đình có kết nối Internet băng rộng cố định | 58,4 | 63,9 | 75
2 | Tỷ lệ công chức cấp xã được tập huấn kỹ năng số | 31,2 | 47,5 | 60
3 | Số trạm phát sóng BTS | 870 | 912 | 980
"""


@pytest.mark.parametrize(
    ("value", "code", "base"),
    [
        (58.4, "household_internet", "households"),
        (75.0, "household_internet", "households"),
        (47.5, "officials_trained", "officials"),
        (60.0, "officials_trained", "officials"),
        (912.0, "bts_stations", None),
    ],
)
def test_a_table_cell_takes_its_base_from_the_row_label(value: float, code: str, base: str | None) -> None:
    from dagster_project.extraction.pipeline import extract_report

    cells = {o.value: o for o in extract_report(_RATE_TABLE, None) if o.scope == "table"}
    assert (cells[value].indicator_code, cells[value].base, cells[value].classified_by) == (code, base, "subject")


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        ("Toàn huyện còn 3 bản chưa có sóng điện thoại.", "3", "mobile_coverage"),
        ("Đến nay 97% thôn, tổ dân phố đã có sóng điện thoại di động.", "97%", "mobile_coverage"),
        ("Toàn tỉnh có 1,2 triệu thuê bao điện thoại di động.", "1,2 triệu", "telecom_subscribers"),
    ],
)
def test_a_phone_signal_is_coverage_and_a_phone_subscription_is_a_subscriber(text: str, quote: str, code: str) -> None:
    assert code_of(text, quote) == code


# --- parts of a stated total named only by their channel ---------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        # the online part: the whole's online indicator
        ("Bộ phận Một cửa huyện đã tiếp nhận 9.120 hồ sơ, trong đó trực tuyến: 5.004 hồ sơ, trực tiếp 4.116 hồ sơ.",
         "5.004", "dossiers_processed_online"),
        # the other channels: the whole's own indicator, not the channel's ("bưu chính", "Trung tâm")
        ("Bộ phận Một cửa huyện đã tiếp nhận 9.120 hồ sơ, trong đó trực tuyến: 5.004 hồ sơ, trực tiếp 4.116 hồ sơ.",
         "4.116", "dossiers_received"),
        ("UBND thị xã đã tiếp nhận 7.350 hồ sơ, trong đó 4.200 hồ sơ nộp qua mạng, 2.900 hồ sơ nộp trực tiếp "
         "và 250 hồ sơ qua dịch vụ bưu chính công ích.", "4.200", "dossiers_processed_online"),
        ("UBND thị xã đã tiếp nhận 7.350 hồ sơ, trong đó 4.200 hồ sơ nộp qua mạng, 2.900 hồ sơ nộp trực tiếp "
         "và 250 hồ sơ qua dịch vụ bưu chính công ích.", "250", "dossiers_received"),
    ],
)
def test_a_part_named_only_by_its_channel_counts_what_its_whole_counts(text: str, quote: str, code: str) -> None:
    obs = classified(text)[quote]
    assert obs.parent_ordinal is not None and obs.indicator_code == code


def test_a_share_in_brackets_after_a_channel_part_goes_with_it() -> None:
    text = "Số hồ sơ tiếp nhận: 2.480 hồ sơ, trong đó trực tuyến: 1.612 hồ sơ (đạt 65%)."
    assert code_of(text, "1.612") == "dossiers_processed_online"
    assert code_of(text, "65%") == "dossiers_processed_online"


def test_a_part_that_names_its_own_units_keeps_them() -> None:
    text = "Toàn tỉnh có 1.870 thủ tục hành chính, trong đó 940 thủ tục được cung cấp dịch vụ công trực tuyến toàn trình."
    assert code_of(text, "940") == "online_public_services_level34"


# --- table cells named by the table's title -------------------------------------------------

BTS_BY_DISTRICT = """Biểu 2: Trạm thu phát sóng di động theo huyện, đến ngày 30/9/2024
STT | Huyện | Tổng số trạm | Trạm 5G
1 | Huyện Mường Tè | 64 | 3
2 | Huyện Sìn Hồ | 71 | 5
"""

DOSSIERS_BY_COMMUNE = """Bảng 3. Kết quả giải quyết thủ tục hành chính cấp xã quý III
STT | Xã | Tổng số hồ sơ | Trực tuyến | Tỷ lệ trực tuyến (%)
1 | Xã Phong Thổ | 1.240 | 702 | 56,6
2 | Xã Tam Đường | 980 | 411 | 41,9
"""

OWN_HEADERS = """Biểu 4: Hạ tầng viễn thông theo huyện
STT | Huyện | Số trạm BTS | Số thuê bao Internet cố định
1 | Huyện Than Uyên | 58 | 6.120
2 | Huyện Tân Uyên | 49 | 5.380
"""


def test_a_column_that_names_no_measure_takes_it_from_the_table_caption() -> None:
    found = classified(BTS_BY_DISTRICT)
    assert found["64"].indicator_code == "bts_stations" and "table title" in found["64"].matched_keyword
    assert found["3"].indicator_code == "bts_stations"  # "Trạm 5G" names it itself
    # the cell's 5 is not the "5" glued to "G" in its column's name
    assert found["5"].indicator_code == "bts_stations" and found["5"].relevance is None


def test_a_channel_column_is_a_part_of_the_rows_total_column() -> None:
    found = classified(DOSSIERS_BY_COMMUNE)
    # the caption names the process; a column of dossiers with nothing more counts dossiers received
    assert found["1.240"].indicator_code == "dossiers_received"
    assert found["702"].indicator_code == "dossiers_processed_online"
    assert found["56,6"].indicator_code == "dossiers_processed_online"


def test_columns_that_name_their_own_measure_ignore_the_caption() -> None:
    found = classified(OWN_HEADERS)
    assert found["58"].indicator_code == "bts_stations"
    assert found["6.120"].indicator_code == "internet_subscribers"


def test_the_channel_parts_of_a_whole_of_dossiers_that_names_nothing_more() -> None:
    text = "Năm 2024, UBND huyện đã giải quyết 12.900 hồ sơ, trong đó trực tuyến: 7.310 hồ sơ, trực tiếp 5.590 hồ sơ."
    assert code_of(text, "7.310") == "dossiers_processed_online"
    assert code_of(text, "5.590") == "dossiers_received"


def test_a_trong_do_column_is_a_part_of_the_first_measure_of_its_row_and_a_bare_rate_its_share() -> None:
    text = (
        "Bảng 5. Tình hình xử lý hồ sơ năm 2024\n"
        "STT | Đơn vị | Số hồ sơ tiếp nhận | Trong đó trực tuyến | Tỷ lệ (%)\n"
        "1 | Huyện Mộc Châu | 8.400 | 5.100 | 60,7\n"
        "2 | Huyện Yên Châu | 6.200 | 3.050 | 49,2\n"
    )
    found = classified(text)
    assert found["8.400"].indicator_code == "dossiers_received"
    assert found["5.100"].indicator_code == "dossiers_processed_online"
    assert found["60,7"].indicator_code == "dossiers_processed_online"


def test_channel_rows_are_parts_of_the_row_above() -> None:
    text = (
        "Biểu 2. Một số chỉ tiêu chủ yếu\n"
        "Chỉ tiêu | Năm 2023 | Năm 2024\n"
        "Số hồ sơ tiếp nhận | 10.400 | 12.300\n"
        "- Trực tuyến | 4.150 | 6.020\n"
        "- Trực tiếp | 6.250 | 6.280\n"
        "Số trạm BTS | 320 | 341\n"
    )
    found = classified(text)
    assert found["6.020"].indicator_code == "dossiers_processed_online"
    assert found["6.250"].indicator_code == "dossiers_received"
    assert found["341"].indicator_code == "bts_stations"


def test_rows_that_name_fields_take_the_measure_from_the_caption() -> None:
    text = (
        "Bảng 6. Tỷ lệ hồ sơ nộp trực tuyến theo lĩnh vực\n"
        "Đơn vị tính: %\n"
        "Lĩnh vực | Năm 2023 | Năm 2024\n"
        "Hộ tịch | 55,2 | 71,8\n"
        "Đất đai | 28,0 | 39,5\n"
    )
    found = classified(text)
    assert found["71,8"].indicator_code == "dossiers_processed_online"  # not the civil-status database
    assert found["28,0"].indicator_code == "dossiers_processed_online"


def test_a_percent_of_plan_column_stays_a_comparison_under_a_caption_that_names_the_measure() -> None:
    text = (
        "Biểu 2. Camera giám sát giao thông theo huyện\n"
        "Huyện\tĐã lắp đặt\tKế hoạch năm 2025\tTỷ lệ so với kế hoạch (%)\n"
        "Huyện A\t64\t60\t106,7\n"
        "Huyện B\t38\t40\t95,0\n"
    )
    found = classified(text)
    assert found["64"].indicator_code == "surveillance_cameras"
    assert found["106,7"].domain == "other"  # no share of cameras: 3 findings at official18
    assert found["106,7"].relevance == "comparison"


def test_rows_that_name_measures_keep_them_under_any_caption() -> None:
    text = (
        "Bảng 7. Kết quả thực hiện một số chỉ tiêu\n"
        "Chỉ tiêu | Năm 2023 | Năm 2024\n"
        "Số trạm BTS | 410 | 436\n"
    )
    assert code_of(text, "436") == "bts_stations"


def test_a_row_named_by_channels_only_is_a_part_whatever_its_words_or_plan_column_hit() -> None:
    text = (
        "Biểu 4: Một số chỉ tiêu năm 2024\n"
        "Chỉ tiêu | Năm 2023 | Kế hoạch năm 2024\n"
        "Số hồ sơ tiếp nhận | 20.400 | 26.000\n"
        "- Trực tuyến | 9.800 | 15.600\n"
        "- Trực tiếp, qua bưu chính | 10.600 | 10.400\n"
    )
    found = classified(text)
    assert found["15.600"].indicator_code == "dossiers_processed_online"  # not a planning document
    assert found["10.600"].indicator_code == "dossiers_received"  # not the postal network
    assert found["10.400"].indicator_code == "dossiers_received"


def test_a_cell_naming_no_unit_counts_the_unit_at_the_head_of_the_caption() -> None:
    text = (
        "Biểu 2. Hồ sơ thủ tục hành chính cấp xã quý II năm 2024\n"
        "Đơn vị            Tổng số     Trực tuyến     Tỷ lệ (%)\n"
        "Xã Nà Hang        1.120       616            55,0\n"
        "Xã Yên Hoa        840         294            35,0\n"
    )
    found = classified(text)
    assert found["1.120"].indicator_code == "dossiers_received"  # dossiers, not procedures
    assert found["616"].indicator_code == "dossiers_processed_online"
    assert found["55,0"].indicator_code == "dossiers_processed_online"


def test_a_whole_split_by_channel_does_not_take_its_parts_words() -> None:
    text = ("Quý I, huyện đã giải quyết 3.640 hồ sơ, trong đó hồ sơ nộp trực tuyến 2.010 hồ sơ, "
            "nộp trực tiếp và qua bưu chính 1.630 hồ sơ.")
    found = classified(text)
    assert found["3.640"].indicator_code == "dossiers_received"
    assert found["2.010"].indicator_code == "dossiers_processed_online"
    assert found["1.630"].indicator_code == "dossiers_received"


def test_an_online_sub_column_under_a_merged_header_counts_the_online_ones() -> None:
    text = (
        "Bảng 3. Kết quả tiếp nhận hồ sơ theo huyện\n"
        "STT | Đơn vị | Hồ sơ tiếp nhận | Tỷ lệ trực tuyến (%)\n"
        "Tổng số | Trực tuyến\n"
        "1 | Huyện Bắc Mê | 5.000 | 3.000 | 60,0\n"
    )
    found = classified(text)
    assert found["5.000"].indicator_code == "dossiers_received"
    assert found["3.000"].indicator_code == "dossiers_processed_online"
    assert found["60,0"].indicator_code == "dossiers_processed_online"


def test_a_table_row_whose_keyword_cannot_count_its_unit_is_read_like_a_row_naming_none() -> None:
    text = (
        "Biểu 1. Các chỉ tiêu chủ yếu năm 2026\n"
        "STT | Chỉ tiêu | Đơn vị tính | Năm 2026\n"
        "1 | Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến | % | 75\n"
    )
    # dossiers, so not admin_procedures; counted online
    assert code_of(text, "75") == "dossiers_processed_online"


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, Bộ phận một cửa huyện đã tiếp nhận 12.500 hồ sơ. Trong đó, trực tuyến: 3.870 hồ sơ; trực tiếp: 8.630 hồ sơ.",
        "Số hồ sơ tiếp nhận: 12.500 hồ sơ.\n- Trong đó, trực tuyến: 3.870 hồ sơ;\n- Trực tiếp: 8.630 hồ sơ.",
    ],
)
def test_channel_parts_in_the_sentence_or_list_items_after_their_whole(text: str) -> None:
    found = classified(text)
    assert found["3.870"].indicator_code == "dossiers_processed_online"
    assert found["8.630"].indicator_code == "dossiers_received"


def test_a_table_cells_evidence_opens_with_the_caption_that_names_the_table() -> None:
    from dagster_project.extraction.pipeline import extract_report
    cells = {o.quote: o for o in extract_report(DOSSIERS_BY_COMMUNE, None)}
    assert cells["702"].sentence.startswith("Bảng 3. Kết quả giải quyết thủ tục hành chính cấp xã quý III › ")
    assert "Xã Phong Thổ" in cells["702"].sentence
    assert cells["702"].indicator_code == "dossiers_processed_online"  # classified as without the caption
    prose = extract_report("Toàn huyện có 58 trạm BTS.", None)
    assert prose[0].sentence == "Toàn huyện có 58 trạm BTS."


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        # the seed says "chuyên trách về cntt"; the report writes the phrase out
        ("Toàn tỉnh có 118 công chức chuyên trách về công nghệ thông tin.", "118", "it_staff"),
        # the seed says "an toàn thông tin"; the report abbreviates it
        ("Đã giám sát ATTT cho 42 hệ thống.", "42", "information_security"),
        ("Có 35 cán bộ được đào tạo về ATTT.", "35", "officials_trained"),
    ],
)
def test_a_keyword_matches_in_either_spelling_of_its_abbreviation(text: str, quote: str, code: str) -> None:
    assert code_of(text, quote) == code


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Phấn đấu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến.", "85%"),
        ("Trong quý, có 12.480 hồ sơ được giải quyết qua mạng.", "12.480"),
        # a fitting keyword elsewhere in the sentence does not outrank the phrase's own channel
        ("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt 61,7%; 88% thôn có cáp quang.", "61,7%"),
        # the channel says more than the receiving verb; "từ" before a floor keeps the link
        ("Tỷ lệ hồ sơ được tiếp nhận, xử lý trực tuyến đạt từ 65% trở lên.", "65%"),
    ],
)
def test_dossiers_counted_with_the_online_channel_in_their_phrase_are_online_dossiers(text: str, quote: str) -> None:
    assert code_of(text, quote) == "dossiers_processed_online"


def test_a_channel_word_labelling_the_next_figure_is_not_said_of_the_figure_before() -> None:
    text = "Văn phòng tiếp nhận 4.120 hồ sơ (trực tuyến 2.975 hồ sơ); Chi nhánh tiếp nhận 1.830 hồ sơ, qua mạng: 940 hồ sơ."
    assert [code_of(text, q) for q in ("4.120", "2.975", "1.830", "940")] == [
        "dossiers_received", "dossiers_processed_online", "dossiers_received", "dossiers_processed_online",
    ]
    # the share of the online part stays online
    assert code_of("Sở tiếp nhận 5.200 hồ sơ, trong đó trực tuyến 3.900 hồ sơ (75%).", "75%") == "dossiers_processed_online"


def test_dossiers_without_a_channel_keep_what_their_keywords_say() -> None:
    assert code_of("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,2%, trong 6 tháng.", "98,2%") == "dossiers_on_time"
    assert code_of("Có 95% thủ tục hành chính được cung cấp trực tuyến.", "95%") == "online_public_services"


def test_a_total_before_trong_do_does_not_take_the_finer_code_of_its_part() -> None:
    text = "Tỉnh đang cung cấp 2.104 dịch vụ công trực tuyến, trong đó 1.130 dịch vụ toàn trình."
    assert code_of(text, "2.104") == "online_public_services"
    assert code_of(text, "1.130") == "online_public_services_level34"
    # without a parts marker the finer word in the clause still refines the head noun
    assert code_of("Có 640 dịch vụ công trực tuyến được cung cấp toàn trình.", "640") == "online_public_services_level34"


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        ("Huyện đã làm sạch 87% dữ liệu đất đai.", "87%", "data_cleaning"),
        ("Sở Tư pháp đã số hóa 42.300 hồ sơ lưu trữ.", "42.300", "digitisation"),
        ("Trong quý, đã làm sạch 12.900 hồ sơ bảo trợ xã hội.", "12.900", "data_cleaning"),
    ],
)
def test_a_cleaning_or_digitising_verb_governs_the_data_it_counts(text: str, quote: str, code: str) -> None:
    assert code_of(text, quote) == code


def test_subscribers_of_fibre_are_internet_subscribers() -> None:
    assert code_of("Số thuê bao cáp quang FTTH đạt 96.400 thuê bao.", "96.400") == "internet_subscribers"
    assert code_of("Có 91% thôn có cáp quang.", "91%") == "fibre_optic"


def test_a_percentage_that_rose_to_a_level_or_is_a_share_of_a_total_stays_a_fact() -> None:
    assert code_of("Tỷ lệ hồ sơ trực tuyến tăng lên 67,5%.", "67,5%") == "dossiers_processed_online"
    assert code_of("Có 1.364 DVCTT, đạt 77% so với tổng số TTHC.", "77%") != "comparisons"
    # a count added, without what it is compared with, is the count's own indicator
    assert code_of("Năm nay các nhà mạng tăng thêm 2.400 thuê bao di động.", "2.400") == "telecom_subscribers"
    # "so với" before a level the count rose to leaves it a level
    assert code_of("So với năm 2023, tổng số trạm BTS tăng lên 1.500 trạm.", "1.500") == "bts_stations"


def test_a_comparison_column_of_a_table_is_no_value_of_its_rows_indicator() -> None:
    text = (
        "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ so với KH (%)\n"
        "1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 98 | 98,6 | 100,6\n"
    )
    found = classified(text)
    assert found["98,6"].indicator_code == "dossiers_on_time"
    assert (found["100,6"].indicator_code, found["100,6"].relevance) == ("comparisons", "comparison")


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        ("Trục liên thông LGSP của tỉnh đã kết nối với 23 hệ thống thông tin, cơ sở dữ liệu.", "23", "shared_platforms"),
        ("Cơ sở dữ liệu quốc gia về dân cư đã liên thông với 9 cơ sở dữ liệu chuyên ngành.", "9", "citizen_id_linked_data"),
        # a subject naming nothing leaves the measure to what it connects to
        ("Tỉnh đã kết nối với 15 cơ sở dữ liệu chuyên ngành.", "15", "databases"),
        # a predicate after the count joins its databases to the population database: what they
        # are joined to names the finer code, not the predicate's own data-sharing words
        ("Huyện quản lý 6 cơ sở dữ liệu đã tích hợp, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư.", "6",
         "citizen_id_linked_data"),
        ("Toàn tỉnh có 9 cơ sở dữ liệu ngành đã kết nối, chia sẻ với CSDL quốc gia về dân cư.", "9", "citizen_id_linked_data"),
    ],
)
def test_what_connects_is_measured_by_what_it_connects_to(text: str, quote: str, code: str) -> None:
    assert code_of(text, quote) == code


def test_dossiers_whose_fees_were_paid_online_are_online_payments() -> None:
    text = "Trong 6 tháng, có 3.415 hồ sơ được thanh toán phí, lệ phí trực tuyến với số tiền 1,2 tỷ đồng."
    assert code_of(text, "3.415") == "online_payment"
    assert code_of("- Số hồ sơ nộp phí, lệ phí qua mạng: 906 hồ sơ.", "906") == "online_payment"


def test_the_unit_a_caption_names_holds_under_the_heading_above_it() -> None:
    text = (
        "3. Giải quyết thủ tục hành chính cấp xã\n"
        "Biểu 4. Hồ sơ thủ tục hành chính cấp xã tiếp nhận quý II năm 2024\n"
        "STT  Xã              Tiếp nhận   Trực tuyến   Tỷ lệ (%)\n"
        "1    Xã Tân Lập           640          301        47,0\n"
        "2    Xã Phú Mỹ            512          288        56,3\n"
    )
    found = classified(text)
    assert found["640"].indicator_code == "dossiers_received"  # not the heading's one-stop shop
    assert found["301"].indicator_code == "dossiers_processed_online"
    assert found["47,0"].indicator_code == "dossiers_processed_online"


def test_a_heading_that_names_the_workforce_names_no_measure_of_a_table_of_dossiers() -> None:
    # the caption names the dossiers and no measure; the section's topic above it is the workforce
    text = (
        "4. Nhân lực số và kỹ năng số\n"
        "- Cán bộ chuyên trách công nghệ thông tin: 12 người\n"
        "\n"
        "Biểu 3. Hồ sơ thủ tục hành chính của các xã năm 2024\n"
        "                                   Đơn vị tính: hồ sơ\n"
        "STT   Xã               Tiếp nhận   Trực tuyến\n"
        "1     Xã Nậm Cuổi          734          412\n"
        "2     Xã Pa Tần            618          377\n"
    )
    found = classified(text)
    assert found["734"].indicator_code == "dossiers_received"  # not the heading's IT staff
    assert found["412"].indicator_code == "dossiers_processed_online"
    # a caption that names its own measures keeps them, whatever its unit
    text = (
        "Biểu 5. Camera kết nối và hồ sơ giải quyết đúng hạn theo huyện\n"
        "STT   Huyện          Camera đã kết nối   Tỷ lệ hồ sơ đúng hạn (%)\n"
        "1     Huyện Sìn Hồ          214                 98,2\n"
        "2     Huyện Phong Thổ       187                 97,6\n"
    )
    assert code_of(text, "214") == "surveillance_cameras"


def test_a_verb_of_extent_measures_the_noun_nearest_it() -> None:
    text = "Tỉnh sẽ phối hợp với các doanh nghiệp viễn thông đưa sóng 5G tới 11/11 huyện."
    assert code_of(text, "11/11") == "mobile_coverage"  # not the telecom enterprises at the head
    # a copula still reads its subject from the head
    assert code_of("Tỷ lệ thôn có cáp quang đạt 71%.", "71%") == "fibre_optic"


def test_after_another_figure_a_coordinated_predicate_is_measured_on_its_own() -> None:
    text = "Thành phố sẽ lắp thêm 350 camera giám sát và phủ sóng 5G đến 100% phường."
    assert code_of(text, "350") == "surveillance_cameras"
    assert code_of(text, "100%") == "mobile_coverage"
    # a coordinated level keeps the measure of the figures before it
    text = "Tỷ lệ văn bản điện tử cấp tỉnh đạt 96%, cấp huyện đạt 90% và cấp xã đạt 81%."
    assert code_of(text, "81%") == code_of(text, "96%")


def test_the_noun_right_after_a_count_names_it_whatever_the_figure_before_measured() -> None:
    text = "Mục tiêu là phủ sóng 5G đến 100% khu công nghiệp và đạt 12.000 trạm 5G vào năm 2030."
    assert code_of(text, "100%") == "mobile_coverage"
    assert code_of(text, "12.000") == "bts_stations"
    # a share keeps the measure before it: the noun after it names the whole
    text = "Có 4.210 hồ sơ nộp trực tuyến, chiếm 38%/tổng số hồ sơ tiếp nhận."
    assert code_of(text, "38%") == "dossiers_processed_online"


def test_subscribers_of_a_mobile_network_are_telecom_subscribers() -> None:
    assert code_of("Số thuê bao sử dụng 5G đạt khoảng 2,4 triệu.", "2,4 triệu") == "telecom_subscribers"
    assert code_of("Sóng 5G đã phủ 64% dân số.", "64%") == "mobile_coverage"


def test_a_rate_column_whose_words_name_no_indicator_is_the_share_of_the_column_before_it() -> None:
    text = (
        "Bảng 2. Kết quả kích hoạt tài khoản định danh điện tử theo đơn vị hành chính cấp huyện, "
        "số liệu tính đến ngày 30/9/2024 của Công an các huyện, thị xã và thành phố trong tỉnh\n"
        "STT | Đơn vị | Tài khoản định danh điện tử đã kích hoạt | Tỷ lệ kích hoạt so với công dân đủ điều kiện (%)\n"
        "1 | Huyện Tân Phú | 41.260 | 76,4\n"
        "2 | Huyện Định Quán | 52.118 | 71,9\n"
    )
    found = {o.quote: o for o in classify_observations(text, extract_observations(text, datetime.date(2024, 10, 20)))}
    assert found["76,4"].indicator_code == "electronic_identification"  # "so với" a base is no comparison
    assert found["41.260"].as_of_date == datetime.date(2024, 9, 30)  # a labelled caption may run long
    assert found["76,4"].as_of_date == datetime.date(2024, 9, 30)


def test_a_keyword_inside_a_longer_one_counts_when_the_longer_one_cannot_count_the_figure() -> None:
    text = "Huyện có 42 tuyến cáp quang dài 610 km, kết nối đến 96% thôn, bản; 40 xã có kết nối băng rộng cố định."
    assert code_of(text, "42") == "cable_lines_km"
    assert code_of(text, "96%") == "fibre_optic"  # a share is no length of cable


# --- what a figure counts, read across its sentence and the sentences before (blind round 4) --


def test_after_another_figure_a_comma_opens_a_new_predicate_that_names_something() -> None:
    text = "Huyện đã lắp 120 camera tại các ngã tư, nâng số điểm wifi miễn phí lên 85 điểm."
    assert code_of(text, "120") == "surveillance_cameras"
    assert code_of(text, "85") == "public_wifi"  # not the cameras of the clause before the comma
    # a piece that names only a level keeps the measure before it
    text = "Tỷ lệ văn bản điện tử cấp tỉnh đạt 96%, cấp huyện đạt 90%."
    assert code_of(text, "90%") == code_of(text, "96%") == "e_documents"


def test_nouns_listed_with_a_comma_after_a_figure_are_one_phrase() -> None:
    text = "Năm 2025 huyện lắp 60 camera giám sát giao thông và phấn đấu 100% chợ, bến xe có sóng 4G."
    assert code_of(text, "100%") == "mobile_coverage"  # "chợ, bến xe có sóng 4G", not the cameras
    # a comma after a phrase that names something still ends it
    assert code_of("Đã có 95% xã có cáp quang, tăng so với năm trước.", "95%") == "fibre_optic"


def test_a_figure_that_names_nothing_measures_what_the_figure_right_before_it_measured() -> None:
    text = (
        "Sở đã mở 18 lớp tập huấn kỹ năng số cho 1.460 lượt cán bộ, công chức, "
        "trong đó có 820 lượt là công chức cấp xã."
    )
    found = classified(text)
    assert found["18"].indicator_code == "trainings"
    # the part measures what its whole, the figure right before it, measured: not the classes
    assert found["820"].indicator_code == found["1.460"].indicator_code == "officials_trained"


def test_a_bare_noun_stands_for_its_full_name_said_before() -> None:
    text = "Huyện có 42 trạm BTS. Năm 2024, các doanh nghiệp viễn thông xây mới 9 trạm."
    obs = classified(text)["9"]  # stations, not the enterprises that built them
    assert (obs.indicator_code, obs.classified_by) == ("bts_stations", "context")
    assert obs.matched_keyword == "trạm → trạm bts"
    text = (
        "PV: Các tổ công nghệ số cộng đồng hoạt động ra sao?\n\n"
        "Đáp: Hiện có 312 tổ với 1.540 thành viên. Khoảng 30% tổ chưa hoạt động thường xuyên."
    )
    found = classified(text)
    assert found["312"].indicator_code == "community_digital_teams"
    assert found["30%"].indicator_code == "community_digital_teams"
    # a noun that starts no longer keyword, or was never named in full, stays as it was
    assert code_of("Các doanh nghiệp viễn thông xây mới 9 trạm.", "9") == "telecom_enterprises"


def test_a_plural_subject_of_a_bare_noun_stands_for_its_full_name_said_before() -> None:
    text = (
        "Toàn huyện đã thành lập Tổ công nghệ số cộng đồng ở mọi thôn.\n\n"
        "Trong quý I, các tổ đã giúp 9.310 lượt người dân, trong đó cài đặt ứng dụng VNeID 4.020 lượt, "
        "nộp hồ sơ trực tuyến 2.115 lượt."
    )
    found = classified(text)
    obs = found["9.310"]  # what the teams did, not the first of its parts
    assert (obs.indicator_code, obs.classified_by) == ("community_digital_teams", "context")
    assert obs.matched_keyword == "tổ → tổ công nghệ số cộng đồng"
    # the parts after "trong đó" keep their own words
    assert found["4.020"].indicator_code == "electronic_identification"
    # what the subject did, named by its own words, stays what it is
    text = (
        "Toàn huyện đã thành lập Tổ công nghệ số cộng đồng ở mọi thôn. "
        "Các tổ đã hướng dẫn 5.270 người dân kích hoạt tài khoản định danh điện tử."
    )
    assert code_of(text, "5.270") == "electronic_identification"
    # a plural noun inside the subject is a source or a place, not the subject
    text = (
        "Toàn huyện đã thành lập Tổ công nghệ số cộng đồng ở mọi thôn. "
        "Ý kiến từ các tổ đã được gửi về 14 hợp tác xã."
    )
    assert code_of(text, "14") == "unclassified"


def test_a_figure_only_a_generic_word_names_takes_the_topic_of_the_figure_before_it() -> None:
    text = "Tỉnh đã lắp đặt 140 điểm phát wifi công cộng miễn phí. Mỗi ngày có khoảng 9 nghìn lượt kết nối."
    obs = classified(text)["9 nghìn"]
    assert (obs.indicator_code, obs.classified_by) == ("public_wifi", "context")
    text = "Hiện có 312 tổ công nghệ số cộng đồng với 1.540 thành viên."
    assert code_of(text, "1.540") == "community_digital_teams"
    # another domain's topic before it is no topic of its own: the generic code stays
    text = "Đã tiếp nhận 12.000 hồ sơ trực tuyến. Tỉnh có 350 cán bộ tham gia chuyển đổi số."
    assert code_of(text, "350") == "workforce_other"


def test_a_generic_keyword_that_names_its_own_thing_keeps_it_after_another_topic() -> None:
    # an e-invoice or a traceability stamp is a thing of its own, not the app before it
    text = "Phần mềm bán hàng có 85 người dùng; 100% hóa đơn của cửa hàng là hóa đơn điện tử."
    obs = classified(text)["100%"]
    assert (obs.indicator_code, obs.classified_by) == ("services_other", "subject")  # its own phrase names it
    text = "Hợp tác xã bán trên 3 sàn thương mại điện tử. Có 64 sản phẩm đã có tem truy xuất nguồn gốc."
    assert code_of(text, "64") == "services_other"
    # a keyword that is only a kind of thing still goes on with the topic before it
    text = "Tỉnh đã lắp đặt 140 điểm phát wifi công cộng miễn phí. Mỗi ngày có khoảng 9 nghìn lượt kết nối."
    assert code_of(text, "9 nghìn") == "public_wifi"


def test_a_figure_named_only_by_tỷ_lệ_này_measures_what_the_figure_before_it_measured() -> None:
    text = (
        "Năm 2024 có 86.300 lượt công dân đăng ký khai sinh trên ứng dụng VNeID. "
        "Tỷ lệ này chiếm 64,1% số lượt đăng ký."
    )
    before = classified(text)["86.300"]
    after = classified(text)["64,1%"]
    assert (after.indicator_code, after.domain) == (before.indicator_code, before.domain)
    assert after.classified_by == "context"
    # "ở cấp xã, tỷ lệ này": the part named by its level measures the whole's topic
    text = "100% văn bản đi của cấp tỉnh được ký số; ở cấp xã, con số này là 87,2%."
    assert code_of(text, "87,2%") == code_of(text, "100%") != "unclassified"
    # a growth is still a comparison, and a phrase that names its own topic keeps it
    text = "Tỉnh có 5.210 camera giám sát, tỷ lệ này tăng 12% so với năm trước."
    assert code_of(text, "12%") == "comparisons"
    text = "Đã cấp 3.100 chứng thư số. Tỷ lệ này tương đương 98% số hộ có cáp quang."
    assert code_of(text, "98%") != code_of(text, "3.100")
    # a new paragraph starts afresh: no figure before to point back to
    text = "Đã cấp 3.100 chứng thư số.\n\nTỷ lệ này đạt 91%."
    assert classified(text)["91%"].classified_by != "context"


def test_the_places_with_the_highest_rate_measure_the_rate_before() -> None:
    text = (
        "Toàn tỉnh có 61,2% hộ gia đình sử dụng Internet cáp quang. "
        "Ba huyện có tỷ lệ thấp nhất là Mường Nhé, Nậm Pồ và Tủa Chùa, lần lượt là 32,5%, 35,1% và 38,6%."
    )
    assert {code_of(text, q) for q in ("32,5%", "35,1%", "38,6%")} == {code_of(text, "61,2%")} != {"unclassified"}
    # the words between the rate and its ranking say which rate before it ranks
    text = (
        "Tỷ lệ người dân có tài khoản định danh điện tử được kích hoạt đạt 76,4%; tỷ lệ hồ sơ nộp trực tuyến đạt 51,2%. "
        "Hai xã có tỷ lệ kích hoạt cao là Tân Hà và Ea Bar, lần lượt là 88,1% và 85,6%."
    )
    assert code_of(text, "88,1%") == code_of(text, "85,6%") == code_of(text, "76,4%") != code_of(text, "51,2%")
    # a rate higher than another is a comparison, not a ranking
    text = "Tỷ lệ hồ sơ nộp trực tuyến đạt 51,2%. Tỷ lệ hộ nghèo cao hơn mức bình quân, ở mức 9,5%."
    assert code_of(text, "9,5%") != code_of(text, "51,2%")


def test_tỷ_lệ_này_at_an_earlier_time_is_a_comparison() -> None:
    text = "Năm 2024, có 6.120 hồ sơ nộp qua VNeID, chiếm 74%. Tỷ lệ này năm 2022 chỉ là 9%."
    assert code_of(text, "9%") == "comparisons"
    text = "Năm 2024, có 6.120 hồ sơ nộp qua VNeID, chiếm 74%. Tỷ lệ này cùng kỳ năm trước là 51%."
    assert code_of(text, "51%") == "comparisons"
    text = "Năm 2024, có 6.120 hồ sơ nộp qua VNeID, chiếm 74%. Tỷ lệ này ở cấp xã là 69%."
    assert code_of(text, "69%") == code_of(text, "74%")


def test_a_count_of_communes_is_not_named_by_a_later_clause_of_its_sentence() -> None:
    text = "Huyện có 27 xã và 02 thị trấn; một số thôn vùng cao vẫn còn lõm sóng di động."
    assert code_of(text, "27") == code_of(text, "02") == "unclassified"
    # a clause before the list names what the places were reached by
    text = "Mạng truyền số liệu chuyên dùng đã kết nối đến các sở, ngành; UBND 9 huyện và 187 xã."
    assert code_of(text, "187") == "tslcd_network"


def test_a_length_is_counted_by_the_indicator_of_lengths_and_only_a_length_is() -> None:
    text = "Tuyến cáp quang dài 30 km đến 8 thôn đã hoàn thành."
    assert code_of(text, "30") == "cable_lines_km"
    assert code_of(text, "8") == "fibre_optic"  # villages reached by fibre: no length of cable
    text = "Mạng cáp quang của tỉnh có tổng chiều dài khoảng 5,2 nghìn km."
    assert code_of(text, "5,2 nghìn") == "cable_lines_km"


def test_a_relevance_cue_outside_the_figures_own_words_does_not_make_it_irrelevant() -> None:
    # a rank beside a measured speed ranks the province, not the speed
    text = "Tốc độ Internet di động trung bình đạt 112,4 Mbit/s, xếp thứ 9 cả nước."
    assert classified(text)["112,4"].domain == "infrastructure"
    assert classified(text)["9"].indicator_code == "dx_rankings"
    # a population word past the end of the counted phrase is no population count
    text = "Toàn tỉnh có 1.204 trạm 4G và 75 trạm 5G; tỷ lệ dân số được phủ sóng 4G đạt 99,1%."
    assert code_of(text, "75") == "bts_stations"


def test_a_share_after_a_channel_part_goes_with_the_part() -> None:
    text = "Năm 2024 tiếp nhận 52.400 hồ sơ, trong đó trực tuyến 31.200 hồ sơ, chiếm 59,5%; thanh toán trực tuyến 12.300 hồ sơ."
    assert code_of(text, "59,5%") == code_of(text, "31.200") == "dossiers_processed_online"


def test_a_count_of_units_named_in_full_before_in_the_sentence_counts_those_units() -> None:
    text = "Toàn tỉnh có 1.652 trạm BTS, trong đó 268 trạm đã phát sóng 5G."
    assert code_of(text, "268") == "bts_stations"  # stations, not the coverage said of them
    # a share of them is what is said of them
    assert code_of("Toàn tỉnh có 1.652 trạm BTS, 40% số trạm đã phát sóng 5G.", "40%") == "mobile_coverage"


def test_people_who_learn_are_learners() -> None:
    text = "Nền tảng đạt 1,2 triệu lượt người học và 100% tổ công nghệ số được tập huấn."
    assert code_of(text, "1,2 triệu") == "learners"  # not the teams, the next figure's own noun


def test_field_reports_are_counted_by_the_smart_city_centre() -> None:
    assert code_of("Trung tâm đã tiếp nhận 4.230 phản ánh hiện trường qua ứng dụng di động.", "4.230") == "smart_city_ioc"


def test_a_whole_that_only_its_parts_words_name_counts_what_its_units_count() -> None:
    text = "Năm 2024 đã giải quyết 48.200 hồ sơ, trong đó 97,9% đúng và trước hạn."
    assert code_of(text, "48.200") == "dossiers_received"  # not the on-time share of its part
    assert code_of(text, "97,9%") == "dossiers_on_time"


def test_subscribers_of_mobile_broadband_are_internet_subscribers() -> None:
    assert code_of("Cả nước có 71,2 triệu thuê bao băng rộng di động.", "71,2 triệu") == "internet_subscribers"
    assert code_of("Mật độ thuê bao băng rộng di động đạt 88 thuê bao/100 dân.", "88 thuê bao/100") == "internet_subscribers"
    assert code_of("Toàn tỉnh có 1,1 triệu thuê bao di động.", "1,1 triệu") == "telecom_subscribers"


def test_a_finer_code_in_the_clause_beats_the_coarser_one_that_leads_the_phrase() -> None:
    text = "Tỉnh đã kết nối 12 cơ sở dữ liệu chuyên ngành với Cơ sở dữ liệu quốc gia về dân cư."
    assert code_of(text, "12") == "citizen_id_linked_data"  # refines databases
    assert code_of("Tỉnh đã xây dựng 12 cơ sở dữ liệu chuyên ngành.", "12") == "databases"


def test_an_official_in_charge_of_digital_transformation_is_it_staff() -> None:
    assert code_of("Mỗi xã có ít nhất 1 công chức phụ trách chuyển đổi số.", "1") == "it_staff"


def test_subscribers_are_no_plans() -> None:
    text = "Chỉ tiêu phát triển thuê bao băng rộng cố định đạt 104% kế hoạch năm với 402.300 thuê bao."
    assert code_of(text, "402.300") == "internet_subscribers"  # subscribers are no plans
    assert code_of("Năm 2024, tỉnh đã ban hành 12 kế hoạch về chuyển đổi số.", "12") == "policy_documents"
    # agencies that set up a steering committee are a policy figure still
    assert code_of("Có 20/20 sở, ngành đã thành lập Ban chỉ đạo chuyển đổi số.", "20/20") == "policy_documents"


def test_an_ambiguous_keyword_names_its_indicator_only_beside_its_context() -> None:
    assert "4" not in classified("Trung tâm dữ liệu được thiết kế theo mô hình 4 lớp bảo vệ.")  # a name, no figure
    assert code_of("Sở đã mở 12 lớp cho cán bộ cấp xã về kỹ năng số.", "12") == "trainings"
    assert code_of("Hội đã tổ chức 31 lớp với hơn 2.400 lượt hội viên tham gia.", "31") == "trainings"
    # classes that show people how to use something teach: instruction is a course's context
    text = "Đoàn xã đã mở 17 lớp hướng dẫn sử dụng điện thoại thông minh cho 520 người cao tuổi."
    assert code_of(text, "17") == "trainings"
    assert code_of(text, "520") == "learners"


def test_members_taught_in_classes_are_learners() -> None:
    assert code_of("Hội đã tổ chức 6 lớp tập huấn kỹ năng số cho 480 hội viên.", "480") == "learners"


def test_people_are_no_security_system_and_vulnerabilities_are_security() -> None:
    text = "Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh có 23 thành viên."
    assert classified(text)["23"].domain == "workforce"
    text = "Tỉnh tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng với 14 đội tham gia."
    assert code_of(text, "14") == "incident_response_drills"  # a drill's teams, not a security system
    assert code_of("Qua diễn tập, đã phát hiện và khắc phục 46 lỗ hổng bảo mật.", "46") == "information_security"


def test_an_index_named_at_the_end_of_the_clause_before_scores_no_figure_of_the_next() -> None:
    text = "Năm 2026, huyện phấn đấu vào nhóm 5 huyện dẫn đầu về PAR Index; 95% văn bản đi được ký số."
    assert code_of(text, "95%") == "e_documents"
    assert code_of("Chỉ số PAR Index: 88,52.", "88,52") == "index_scores"  # a label's colon joins it


def test_the_security_operations_centre_is_named_by_its_acronym_alone() -> None:
    assert code_of("SOC của tỉnh hiện giám sát 58 hệ thống thông tin.", "58") == "information_security"
    # not Sóc Trăng written without its marks
    assert code_of("Soc Trang has 2,460 mobile base stations.", "2,460") == "bts_stations"


def test_the_operations_centre_is_named_by_its_acronym_alone() -> None:
    assert code_of("Hiện IOC của thành phố đã tích hợp 19 dịch vụ đô thị.", "19") == "smart_city_ioc"
    # cameras connected to it are still cameras
    assert code_of("Có 640 camera an ninh được kết nối về IOC.", "640") == "surveillance_cameras"


def test_levels_listed_after_the_counted_units_stay_in_their_phrase() -> None:
    text = "Đến nay, 100% cán bộ cấp tỉnh, cấp huyện và 93,5% cán bộ cấp xã đã có chữ ký số cá nhân."
    assert code_of(text, "100%") == "digital_certificates"


def test_a_place_named_after_a_counted_part_says_where_not_what() -> None:
    text = (
        "Trụ sở UBND phường có 41 máy tính, gồm 30 máy của khối chính quyền và 11 máy tại Bộ phận "
        "tiếp nhận và trả kết quả."
    )
    assert code_of(text, "11") == "computers"
    # ... but what is sold "trên" a marketplace is sold there
    assert code_of("Có 860 hộ bán hàng trên sàn thương mại điện tử.", "860") == "ecommerce"


def test_dossiers_filed_through_a_portal_or_system_are_filed_online() -> None:
    text = (
        "Năm 2024, Phòng Đăng ký kinh doanh thuộc Sở Kế hoạch và Đầu tư đã tiếp nhận 9.460 hồ sơ đăng ký doanh "
        "nghiệp, trong đó 9.112 hồ sơ được nộp qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp, đạt 96,3%."
    )
    assert code_of(text, "9.112") == "dossiers_processed_online"  # the Department of Planning names no plan
    assert code_of(text, "96,3%") == "dossiers_processed_online"
    assert code_of("Tỷ lệ tờ khai phí được nộp qua hệ thống điện tử đạt 100%.", "100%") == "dossiers_processed_online"


def test_a_count_of_accounts_set_beside_the_population_is_no_population() -> None:
    text = "Số tài khoản VNeID đã kích hoạt đạt 645.200 tài khoản, trên tổng dân số gần 1,1 triệu người."
    assert code_of(text, "645.200") == "electronic_identification"
    assert classified(text)["1,1 triệu"].relevance == "population"


def test_an_area_in_square_kilometres_is_a_measure() -> None:
    text = "Trên diện tích 4.860 km² với nhiều đồi núi, việc kéo cáp quang đến thôn bản gặp khó khăn."
    assert classified(text)["4.860"].domain == "other"


def test_in_a_list_of_label_count_items_each_count_takes_its_own_label() -> None:
    text = (
        "Các tổ đã hướng dẫn người dân cài ứng dụng VNeID 2.140 lượt, nộp hồ sơ trực tuyến 1.305 lượt, "
        "mở tài khoản thanh toán trực tuyến 870 lượt."
    )
    assert code_of(text, "2.140") == "electronic_identification"
    assert code_of(text, "1.305") == "dossiers_processed_online"


def test_attacks_and_scans_a_monitoring_system_stopped_are_security() -> None:
    text = "Trong quý III, hệ thống giám sát của tỉnh đã chặn 1.712 lượt tấn công và 964 lượt dò quét."
    assert code_of(text, "1.712") == "information_security"
    assert code_of(text, "964") == "information_security"


def test_a_predicate_of_its_own_after_a_comma_ends_the_carry_from_the_figure_before() -> None:
    text = "Toàn tỉnh có 1.378 trạm BTS, sóng 4G phủ 99,8% diện tích."
    assert code_of(text, "99,8%") == "mobile_coverage"  # not the stations before the comma


def test_english_station_and_subscriber_words() -> None:
    assert code_of("Of these, 1,240 were 5G stations.", "1,240") == "bts_stations"
    assert code_of("The country had 8,500 5G base stations.", "8,500") == "bts_stations"
    assert code_of("Fixed broadband subscribers reached nearly 2.9 million.", "2.9 million") == "internet_subscribers"
    assert code_of("5G coverage reached 99 percent of the population.", "99 percent") == "mobile_coverage"


def test_a_piece_naming_only_a_place_after_a_comma_measures_what_the_figure_before_did() -> None:
    text = "Có 45% xã đã có mạng LAN và kết nối Internet tốc độ cao, riêng thị xã Ba Đồn đạt 100%."
    assert code_of(text, "100%") == code_of(text, "45%") == "lan_network"


def test_public_internet_access_points_are_public_wifi() -> None:
    assert code_of("Huyện có 48/60 điểm kết nối Internet công cộng hoạt động.", "48/60") == "public_wifi"


def test_a_coordinator_after_the_figures_own_noun_ends_its_phrase() -> None:
    text = "Tỉnh đặt mục tiêu xây mới 120 trạm BTS và nâng tỷ lệ hộ gia đình có cáp quang lên 80%."
    assert code_of(text, "120") == "bts_stations"  # not the fibre of the next predicate


def test_a_verb_between_two_figures_keeps_their_predicates_apart() -> None:
    text = "Trong năm, Cổng đã tiếp nhận 9,2 triệu hồ sơ trực tuyến và xử lý 7,4 triệu giao dịch thanh toán trực tuyến."
    assert code_of(text, "9,2 triệu") == "dossiers_processed_online"
    assert code_of(text, "7,4 triệu") == "online_payment"


def test_a_label_before_a_colon_names_what_its_value_counts() -> None:
    text = "+ Số xã, phường có cụm loa truyền thanh ứng dụng công nghệ thông tin - viễn thông: 12/15 xã"
    assert code_of(text, "12/15") == "grassroots_broadcasting"  # the label's head, not its last keyword
    assert code_of("- Số thủ tục được cung cấp trực tuyến toàn trình: 95 thủ tục", "95") == "online_public_services_level34"


def test_a_list_mark_does_not_hide_the_head_of_a_label() -> None:
    text = "- Hồ sơ thủ tục hành chính tiếp nhận: 5.120 hồ sơ, trong đó trực tuyến: 2.310 hồ sơ."
    assert code_of(text, "5.120") == "dossiers_received"  # dossiers, not the procedures they belong to
    assert code_of(text, "2.310") == "dossiers_processed_online"


def test_loudspeakers_applying_it_and_telecoms_are_broadcasting_not_telecom_enterprises() -> None:
    # "ứng dụng công nghệ thông tin - viễn thông" is the official name of the loudspeaker
    # systems (the indicator's own name), not a telecom business
    text = "Đài truyền thanh cơ sở ứng dụng công nghệ thông tin - viễn thông đã phủ 37 xã, phường."
    assert code_of(text, "37") == "grassroots_broadcasting"
    assert code_of("Cụm loa ứng dụng CNTT-VT được lắp tại 64 thôn.", "64") == "grassroots_broadcasting"
    assert code_of("Trên địa bàn có 6 doanh nghiệp viễn thông.", "6") == "telecom_enterprises"


def test_a_verb_phrase_meeting_a_longer_name_on_one_word_gives_way_to_the_name() -> None:
    text = "Có 87% UBND cấp xã đã kết nối mạng truyền số liệu chuyên dùng."
    assert code_of(text, "87%") == "tslcd_network"  # the network named, not "kết nối mạng"
    assert code_of("Có 87% trường học đã kết nối mạng Internet.", "87%") == "broadband_internet"


def test_an_operators_share_is_a_market_share_but_its_count_is_a_count() -> None:
    text = "Cả nước có 12.800 trạm 5G, trong đó VNPT chiếm khoảng 31%."
    assert classified(text)["31%"].relevance == "market share"
    assert code_of("Toàn tỉnh có 640 trạm 5G, trong đó MobiFone chiếm 210 trạm.", "210") == "bts_stations"


def test_a_rate_that_passed_a_level_is_that_rate_not_a_comparison() -> None:
    assert code_of("Tỷ lệ thanh toán không dùng tiền mặt tại các chợ đã vượt 45%.", "45%") == "cashless_payment"
    text = "Tỷ lệ hồ sơ trực tuyến vượt 6% so với kế hoạch."
    assert classified(text)["6%"].relevance == "comparison"  # against a plan: a comparison


def test_weights_in_english_are_no_figures() -> None:
    assert classified("Each farm ships 250 kilos of mango a week through the app.")["250"].relevance == "measure"
    # a range's lower bound is weighed in the unit after the upper one
    assert classified("Each farm ships 150 to 200 kilos of mango a week through the app.")["150"].relevance == "measure"
    assert classified("Mỗi hộ bán từ 30 đến 50 kg chè qua sàn thương mại điện tử.")["30"].relevance == "measure"
    assert classified("Mỗi hộ bán 20kg chè mỗi tuần qua ứng dụng.")["20"].relevance == "measure"


def test_money_with_its_currency_written_onto_the_figure_is_money() -> None:
    text = "Online sales of OCOP products reached VNĐ96 billion on e-commerce platforms."
    assert classified(text)["96 billion"].relevance == "money"


def test_the_population_a_share_is_taken_of_belongs_to_that_share_not_the_count_before() -> None:
    text = "Tỉnh đã lập hồ sơ sức khỏe điện tử cho 512.300 người, đạt 81,4% dân số."
    assert code_of(text, "512.300") == code_of(text, "81,4%") == "e_health"
    assert classified("Tỉnh có 1,3 triệu dân, trong đó 81% dùng điện thoại thông minh.")["1,3 triệu"].relevance == "population"


def test_the_rate_a_change_starts_from_measures_the_subject_before_it() -> None:
    text = "Tỉnh phấn đấu nâng tỷ lệ hộ gia đình dùng Internet cáp quang từ 61% hiện nay lên 80%."
    assert code_of(text, "61%") == code_of(text, "80%") == "household_internet"
    text = "Tỷ lệ hồ sơ nộp trực tuyến tăng từ 72% lên 91%."
    assert code_of(text, "72%") == code_of(text, "91%") == "dossiers_processed_online"  # levels, not a growth rate
    text = "Tỷ lệ hộ gia đình có kết nối cáp quang tăng từ 40% đến 65%."
    assert code_of(text, "40%") == code_of(text, "65%") == "household_internet"


def test_the_administrative_units_a_place_has_are_no_figure() -> None:
    text = "Toàn huyện có 24 xã, thị trấn, trong đó 19 xã đã có điểm wifi công cộng."
    assert classified(text)["24"].relevance == "places"
    assert code_of(text, "19") == "public_wifi"
    assert code_of("Toàn huyện có 14 xã có điểm wifi công cộng.", "14") == "public_wifi"  # places named by what they have
    assert code_of("Cáp quang đã có ở 30 xã.", "30") == "fibre_optic"
    assert classified("Toàn xã có 9 xóm, trong đó 6 xóm có loa truyền thanh thông minh.")["9"].relevance == "places"


def test_places_listed_after_where_a_count_works_are_no_figure() -> None:
    # the districts close a list of where the officials work: no count of their own
    text = "Tỉnh có 84 cán bộ chuyên trách công nghệ thông tin làm việc tại các sở, ngành và 11 huyện, thị xã."
    assert classified(text)["11"].relevance == "places"
    assert code_of(text, "84") == "it_staff"
    # places a sentence is about, named by what they have, still count
    assert code_of("Tỉnh đã phủ sóng 4G tại các thôn và 11 xã biên giới.", "11") == "mobile_coverage"


def test_places_that_own_what_a_count_before_measures_are_no_figure() -> None:
    # the wards own the officials the share measures: no count of trainings or anything else
    text = "Thị xã đã cử 100% công chức địa chính của 9 phường, xã tham gia lớp bồi dưỡng kỹ năng số."
    assert classified(text)["9"].relevance == "places"
    text = "Huyện có 100% trường học thuộc 14 xã vùng cao được kết nối Internet cáp quang."
    assert classified(text)["14"].relevance == "places"
    # with no count before them, places after "của" may be what the sentence counts
    text = "Hệ thống một cửa điện tử của 14 xã đã kết nối với Cổng dịch vụ công của tỉnh."
    assert classified(text)["14"].relevance != "places"


def test_what_counted_devices_were_fitted_to_is_no_count_of_devices() -> None:
    # the stores, ovens and boats say where the sensors are; each listed site the same
    text = "Năm 2023, nhà máy lắp 42 cảm biến đo áp suất, nhiệt độ và độ ẩm trong 5 hầm ủ, 3 lò hơi và 2 silo."
    assert code_of(text, "42") == "iot_devices"
    assert all(classified(text)[q].relevance == "places" for q in ("5", "3", "2"))
    text = "Hợp tác xã gắn 18 cảm biến mực nước cho 9 bể lắng và lắp 12 camera trên 4 thuyền thu hoạch."
    assert (code_of(text, "18"), code_of(text, "12")) == ("iot_devices", "surveillance_cameras")
    assert classified(text)["9"].relevance == classified(text)["4"].relevance == "places"
    # "trên" opens the place here, not "more than"
    assert classified("Xưởng gắn 16 cảm biến rung trên 8 máy nghiền đá.")["8"].relevance == "places"
    # what a keyword, a person or an agency names still counts; so does the place of another aim
    text = "Tỉnh đã cấp 64 chứng thư số cho 20 sở, ngành và 130 cán bộ."
    assert code_of(text, "20") == code_of(text, "130") == "digital_certificates"
    text = "Công ty lắp 24 cảm biến độ mặn và phủ sóng wifi miễn phí tại 15 điểm dừng chân."
    assert code_of(text, "15") == "public_wifi"
    assert code_of("Sở phát hiện 31 lỗ hổng trên 7 hệ thống thông tin.", "7") == "information_security"


def test_the_parties_contracts_were_made_with_are_no_count_of_contracts() -> None:
    # the wholesalers and kitchens say with whom; each listed party the same
    text = "Hợp tác xã đã ký số 38 hợp đồng cung ứng rau với 6 đại lý và 14 bếp ăn công nghiệp."
    assert code_of(text, "38") == "digital_certificates"
    assert classified(text)["6"].relevance == classified(text)["14"].relevance == "parties to contracts"
    # without a count of the contracts before it, a "với" count is no party of theirs
    text = "Tỉnh đã cấp 64 chứng thư số, kết nối với 20 hệ thống thông tin."
    assert classified(text)["20"].relevance != "parties to contracts"
    # the party right after the contracts is inside their phrase: what is said of them goes on after it
    text = "Trang của xưởng có 5.200 người theo dõi và 40 hợp đồng với nhà hàng đã được ký số."
    assert code_of(text, "40") == "digital_certificates"
    # nor after a stop: the count opens a clause of its own
    text = "Xưởng ký số 120 hợp đồng; với 35 máy tính mới, phòng kế toán xử lý hồ sơ nhanh hơn."
    assert code_of(text, "35") == "computers"


def test_a_labels_figures_followed_by_their_levels_measure_what_the_label_names() -> None:
    # "ở cấp huyện" after the figure says where; the label before the colon says what
    text = "- Hồ sơ công việc được xử lý trên môi trường mạng: 92,4% ở cấp huyện, 88,1% ở cấp xã;"
    assert code_of(text, "92,4%") == code_of(text, "88,1%") == code_of("- Hồ sơ công việc được xử lý trên môi trường mạng: 92,4%;", "92,4%")
    text = "- Văn bản đi được ký số: 97,3% ở cấp huyện, 93,8% ở cấp xã;"
    assert code_of(text, "97,3%") == code_of(text, "93,8%") == "e_documents"


def test_a_share_right_after_a_measure_is_taken_of_what_the_measure_names() -> None:
    # the tonnes stay a measure; their share measures the sales their phrase names
    text = "Năm 2024, xưởng bán 40 tấn miến, trong đó 12 tấn qua sàn thương mại điện tử và ứng dụng Zalo, chiếm 30%."
    assert code_of(text, "12") == "unclassified"
    assert code_of(text, "30%") == "ecommerce"
    # a measure whose phrase names nothing lends no phrase to what follows it
    text = "Trạm đặt cách trung tâm xã 30 km, phủ sóng cho 5 thôn với 410 hộ."
    assert code_of(text, "5") == "mobile_coverage"


def test_a_whole_opened_with_trong_takes_no_code_from_its_parts_words() -> None:
    # "Trong N X có M Y": the parts' topic is no topic of the whole
    text = "Trong 64 công nhân của xưởng có 3 người phụ trách phần mềm quản lý kho."
    assert code_of(text, "64") == "unclassified"
    text = "Trong 12 kho lạnh có 90 cảm biến nhiệt độ kết nối về phòng điều hành."
    assert (code_of(text, "12"), code_of(text, "90")) == ("unclassified", "iot_devices")
    # a whole whose own words name the topic keeps it
    text = "Trong tổng số 2.150 camera của tỉnh có 640 camera giám sát giao thông."
    assert code_of(text, "2.150") == "surveillance_cameras"


def test_a_part_named_by_nothing_else_counts_what_its_whole_counts() -> None:
    text = (
        "- Máy tính tại các cơ quan, đơn vị: 96 máy, gồm:\n"
        "  + Khối Đảng, đoàn thể: 21 máy;\n"
        "  + Khối chính quyền: 75 máy.\n"
    )
    assert code_of(text, "96") == code_of(text, "21") == code_of(text, "75") == "computers"
    # an item below a total that lists no parts of it is no part
    text = "- Máy tính tại các cơ quan, đơn vị: 96 máy.\n  + Khối Đảng, đoàn thể: 21 máy;\n  + Khối chính quyền: 75 máy.\n"
    assert code_of(text, "21") == "unclassified"


def test_items_named_by_a_level_measure_what_the_open_label_above_them_names() -> None:
    text = (
        "3. Nhân lực\n"
        "- Công chức được tập huấn an toàn thông tin:\n"
        "+ Cấp tỉnh: 210 người;\n"
        "+ Cấp xã: 365 người.\n"
        "- Số điểm wifi công cộng: 40 điểm.\n"
    )
    assert code_of(text, "210") == code_of(text, "365") == "officials_trained"
    # a label line that states something of its own (here a period) opens no such list
    text = "- Công chức được tập huấn an toàn thông tin: trong năm.\n+ Cấp tỉnh: 210 người;\n"
    assert code_of(text, "210") == "unclassified"


def test_administrative_units_listed_at_their_levels_are_no_figure() -> None:
    text = "Tuy Phong gồm 2 thị trấn và 13 đơn vị hành chính cấp xã; đời sống người dân ổn định."
    assert classified(text)["2"].relevance == classified(text)["13"].relevance == "places"
    text = "Huyện có 1 thị trấn và 11 xã có sóng 4G."  # places named by what they have
    assert code_of(text, "1") == code_of(text, "11") == "mobile_coverage"


def test_people_a_sentence_names_no_digital_field_for_are_no_digital_workforce() -> None:
    text = "Câu lạc bộ doanh nhân trẻ của huyện có 168 thành viên tham gia; doanh thu bình quân đạt 4,2 tỷ đồng."
    assert (classified(text)["168"].domain, classified(text)["168"].relevance) == ("other", "people outside the digital field")
    # the same people in a sentence about the digital field stay its workforce
    assert code_of("Tổ giúp việc Ban Chỉ đạo chuyển đổi số của huyện có 12 thành viên.", "12") == "workforce_other"


def test_bodies_counted_in_a_sentence_about_staff_are_no_workforce() -> None:
    text = "Trung tâm có 4 phòng nghiệp vụ và 3 đơn vị trực thuộc, với 96 viên chức."
    assert classified(text)["3"].domain == "other"
    assert classified(text)["96"].relevance == "headcount of an agency"


def test_a_rate_measures_its_own_words_not_the_total_it_is_taken_over() -> None:
    text = "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính của tỉnh đạt 88,2%."
    assert code_of(text, "88,2%") == "online_public_services_level34"


def test_a_finer_keyword_right_after_the_chosen_one_refines_it_past_the_phrases_reach() -> None:
    text = "Huyện đề ra 100% thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình."
    assert code_of(text, "100%") == "online_public_services_level34"


def test_clinics_that_accept_the_chip_id_card_are_counted_as_health_facilities() -> None:
    text = "Có 204/204 cơ sở khám, chữa bệnh đã dùng căn cước gắn chip thay thẻ bảo hiểm y tế."
    assert code_of(text, "204/204") == "e_health"
    assert code_of("Đã kích hoạt 310.000 tài khoản VNeID tại các bệnh viện.", "310.000") == "electronic_identification"


def test_the_education_departments_name_names_no_training() -> None:
    text = "Theo Sở Giáo dục và Đào tạo, tính đến hết tháng 3/2025, 100% trong tổng số 640 trường đã dùng phần mềm quản lý."
    assert classified(text)["640"].domain != "workforce"
    assert code_of("Sở Giáo dục và Đào tạo mở 14 lớp tập huấn kỹ năng số cho giáo viên.", "14") == "trainings"


def test_everyday_it_equipment_and_e_prescriptions_have_their_indicators() -> None:
    assert code_of("Các xã có 88 máy kết nối LAN.", "88") == "lan_network"
    assert code_of("- Số máy in, máy quét (chiếc): 64", "64") == "infrastructure_other"
    assert code_of("Có 213 nhà thuốc đã liên thông đơn thuốc điện tử.", "213") == "e_health"


def test_feedback_is_the_operations_centres_where_the_sentence_names_the_centre() -> None:
    assert code_of("IOC của thành phố đã xử lý 91,5% phản ánh của người dân.", "91,5%") == "smart_city_ioc"
    text = "Trung tâm giám sát, điều hành thông minh tiếp nhận 4.310 phản ánh, kiến nghị."
    assert code_of(text, "4.310") == "smart_city_ioc"
    # without the centre, citizens' feedback through an app is the app's
    assert code_of("Ứng dụng của tỉnh đã tiếp nhận 5.200 phản ánh.", "5.200") == "portals_and_apps"


def test_visits_are_the_wifis_where_the_sentence_names_the_wifi() -> None:
    text = "Huyện đã lắp 38 điểm phát wifi miễn phí ở chợ và bến xe, mỗi tuần ghi nhận khoảng 9.400 lượt truy cập."
    assert code_of(text, "9.400") == "public_wifi"
    # without the wifi, visits are the portal's
    assert code_of("Trang thông tin điện tử của huyện có 9.400 lượt truy cập.", "9.400") == "portals_and_apps"


def test_figures_after_respectively_measure_the_subjects_listed_before_it_in_order() -> None:
    text = "Tỷ lệ hồ sơ giải quyết đúng hạn và tỷ lệ hồ sơ số hóa kết quả lần lượt đạt 95,1% và 82,4%."
    assert code_of(text, "95,1%") == "dossiers_on_time"
    assert code_of(text, "82,4%") == "digitisation"
    text = "Số dịch vụ công trực tuyến toàn trình, số thủ tục hành chính lần lượt là 968 và 1.702."
    assert code_of(text, "968") == "online_public_services_level34"
    assert code_of(text, "1.702") == "admin_procedures"


def test_units_of_one_kind_listed_after_a_figure_are_one_phrase_with_what_follows() -> None:
    # "xã, phường có điểm wifi": the second figure names its own measure, not the cameras before it
    text = "Huyện lắp 350 camera tại các ngã tư và 100% xã, thị trấn có điểm wifi công cộng."
    assert code_of(text, "350") == "surveillance_cameras"
    assert code_of(text, "100%") == "public_wifi"
    # ... but people and subscribers are no list: "/100 dân, thuê bao Internet ..." starts anew
    text = "Mật độ thuê bao di động đạt 121,4 thuê bao/100 dân, thuê bao băng rộng cố định đạt 29,8 thuê bao/100 dân."
    assert code_of(text, "121,4 thuê bao/100") == "telecom_subscribers"


def test_people_and_places_coordinated_do_not_share_a_predicate() -> None:
    text = "Xã có 12 tổ công nghệ số với 74 thành viên, và 9 thôn đã có sóng 4G."
    assert code_of(text, "74") == "community_digital_teams"
    assert code_of(text, "9") == "mobile_coverage"
    # people of one kind do: "100% cán bộ, công chức và trên 60% viên chức đã được bồi dưỡng"
    text = "Đã có 100% cán bộ, công chức và trên 60% viên chức được bồi dưỡng kỹ năng số."
    assert code_of(text, "100%") == code_of(text, "60%") == "officials_trained"


def test_a_whole_of_units_that_only_its_parts_make_digital_is_no_figure() -> None:
    # the households, schools or firms of a place, of which only the parts have the topic
    text = "Thôn Nà Lừa có 214 hộ dân, trong đó 187 hộ đã có điện thoại thông minh."
    assert classified(text)["214"].domain == "other"
    assert code_of(text, "187") == "smartphones"
    text = "Huyện có 86 trường học, trong đó 79 trường có kết nối Internet cáp quang."
    assert classified(text)["86"].domain == "other"
    # a whole its own words make digital stays a figure
    text = "Tỉnh cấp 10.368 chứng thư số, trong đó 1.838 chứng thư số tổ chức."
    assert code_of(text, "10.368") == "digital_certificates"


def test_units_listed_after_a_count_are_their_own_figures_units_not_its_predicate() -> None:
    # "và 8 camera" names the 8's own units: the computers share nothing with them
    text = "Phòng họp trực tuyến của huyện có 12 máy tính và 8 camera."
    assert code_of(text, "12") == "computers"
    assert code_of(text, "8") == "surveillance_cameras"
    # a predicate after the second figure's base is still shared ("... và 95% trường học có Internet")
    text = "Đến nay 100% cán bộ và trên 70% viên chức đã được đào tạo kỹ năng số."
    assert code_of(text, "100%") == "officials_trained"


def test_a_long_subject_keeps_the_measure_word_that_opens_it_and_so_its_head() -> None:
    # 17 syllables before "đạt": the head "văn bản đến" decides, not "ký số" in what is said of it
    text = "Tỷ lệ văn bản đến của các sở được ký số và luân chuyển hoàn toàn trên môi trường mạng đạt 91,2%."
    assert code_of(text, "91,2%") == "e_documents"


def test_it_engineers_and_officials_doing_it_part_time_are_it_staff() -> None:
    # common names of IT staff: "kỹ sư CNTT", "kiêm nhiệm CNTT", "cán bộ tin học"
    assert code_of("Trung tâm có 11 kỹ sư công nghệ thông tin phụ trách hạ tầng.", "11") == "it_staff"
    assert code_of("Mỗi xã bố trí 1 công chức kiêm nhiệm công tác CNTT; toàn huyện có 24 người.", "1") == "it_staff"
    assert code_of("Huyện có 16 công chức làm công tác tin học.", "16") == "it_staff"


def test_staff_counted_out_of_a_total_are_named_by_their_own_units() -> None:
    # "x <units> trên tổng số y <units>": one pair, whose part is what its own words count
    text = "Xưởng có 2 nhân viên tin học trên tổng số 86 lao động."
    assert code_of(text, "2 nhân viên tin học trên tổng số 86") == "it_staff"
    text = "Phòng công nghệ thông tin có 4 người trên tổng số 312 công nhân."
    assert code_of(text, "4 người trên tổng số 312") == "it_staff"
    # the total's units name nothing the part counts
    text = "Huyện cung cấp 640 DVCTT một phần trên tổng số 1.350 TTHC."
    assert code_of(text, "640 DVCTT một phần trên tổng số 1.350") == "online_public_services_level34"


def test_people_counted_in_an_it_unit_are_it_staff() -> None:
    assert code_of("Trung tâm Công nghệ thông tin của Sở có 17 viên chức.", "17") == "it_staff"
    assert code_of("Tổ CNTT của bệnh viện gồm 5 kỹ sư và 2 kỹ thuật viên.", "5") == "it_staff"
    # ... not what the unit deployed, nor people its phrase names as something else
    assert code_of("Phòng Công nghệ thông tin đã cài đặt 40 máy tính mới.", "40") == "computers"
    text = "Trung tâm Công nghệ thông tin đã tập huấn cho 260 học viên."
    assert code_of(text, "260") == "learners"


def test_paying_a_fine_online_is_an_online_payment() -> None:
    text = "Đã có 3.120 trường hợp nộp phạt trực tuyến qua Cổng Dịch vụ công quốc gia."
    assert code_of(text, "3.120") == "online_payment"


def test_pieces_before_respectively_that_name_only_levels_share_the_whole_subject() -> None:
    text = "Số học viên cấp tỉnh, cấp huyện và cấp xã tham gia khóa học lần lượt là 320, 1.140 và 2.870 lượt."
    assert code_of(text, "320") == code_of(text, "1.140") == code_of(text, "2.870") == "learners"
    text = "Số thuê bao Internet tại thành phố, thị xã và các huyện lần lượt là 41.200, 12.700 và 30.150."
    assert code_of(text, "41.200") == code_of(text, "12.700") == code_of(text, "30.150") == "internet_subscribers"


def test_the_year_a_subject_closes_with_dates_the_goal_and_is_no_part_of_what_is_measured() -> None:
    text = "Tỷ lệ cán bộ, công chức, viên chức cấp xã được tập huấn kỹ năng số đến năm 2027 đạt 85%."
    assert code_of(text, "85%") == "officials_trained"
    text = "Tỷ lệ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công trực tuyến đến năm 2027 đạt 92%."
    assert code_of(text, "92%") == "citizen_satisfaction"


def test_feedback_handled_on_time_is_no_dossier() -> None:
    text = "Tỷ lệ phản ánh hiện trường được xử lý đúng hạn đạt 96,4%."
    assert code_of(text, "96,4%") == "smart_city_ioc"
    assert code_of("Tỷ lệ hồ sơ được xử lý đúng hạn đạt 96,4%.", "96,4%") == "dossiers_on_time"


def test_teachers_and_pupils_are_people_counted_not_a_topic() -> None:
    text = "Phòng đã mở 8 lớp tập huấn kỹ năng số cho 410 lượt giáo viên."
    assert code_of(text, "410") == "learners"
    text = "Thông tin của 96.500 học sinh đã được cập nhật lên cơ sở dữ liệu ngành."
    assert code_of(text, "96.500") == "databases"
    # the school's own software still names schools' IT
    assert classified("Có 97% trường học dùng phần mềm quản lý học sinh.")["97%"].indicator_code == "education_digital"


def test_a_cash_register_is_no_computer() -> None:
    text = "Đã có 640 hộ kinh doanh dùng hóa đơn điện tử khởi tạo từ máy tính tiền."
    assert classified(text)["640"].indicator_code != "computers"
    assert code_of("Các xã được trang bị 640 máy tính.", "640") == "computers"


def test_automatic_monitoring_stations_are_iot_devices() -> None:
    # Five blind authors keyed monitoring stations as IoT devices, in Vietnamese and English.
    assert code_of("Tỉnh đã lắp đặt 35 trạm quan trắc tự động chất lượng nước mặt.", "35") == "iot_devices"
    assert code_of("Huyện có 12 thiết bị quan trắc mực nước gửi số liệu về trung tâm.", "12") == "iot_devices"
    assert code_of("The city operates 18 air quality monitoring stations.", "18") == "iot_devices"


def test_farmers_students_and_youth_union_members_trained_are_learners() -> None:
    assert code_of("Sở đã mở 24 lớp tập huấn bán hàng trực tuyến cho 1.980 lượt nông dân.", "1.980") == "learners"
    assert code_of("Huyện tập huấn kỹ năng số cho 640 đoàn viên thanh niên.", "640") == "learners"
    text = "The department held 27 training courses on e-commerce for 1,950 farmers."
    assert code_of(text, "1,950") == "learners"


def test_workers_and_drivers_trained_are_learners_not_courses() -> None:
    text = "Hợp tác xã vận tải có 64 tài xế đã được tập huấn dùng ứng dụng đặt xe."
    assert code_of(text, "64") == "learners"
    assert code_of("Có 25 thợ sửa xe đã qua 2 lớp tập huấn dùng phần mềm chẩn đoán.", "25") == "learners"
    assert code_of("Nhà máy đã tập huấn cho 180 công nhân dùng ứng dụng chấm công.", "180") == "learners"
    assert code_of("The cooperative trained 48 drivers to use the dispatch app.", "48") == "learners"


def test_people_who_took_a_course_are_learners() -> None:
    text = "Có 45 hướng dẫn viên du lịch đã học khóa sử dụng bản đồ số."
    assert code_of(text, "45") == "learners"
    assert code_of("Bệnh viện cử 4 kỹ thuật viên đi học khoá vận hành máy chủ.", "4") == "learners"


def test_common_abbreviations_and_fee_collection_have_their_indicators() -> None:
    text = "Huyện có 46 Tổ CNS cộng đồng ở thôn, bản."
    assert code_of(text, "46") == "community_digital_teams"
    assert code_of("- Tỷ lệ thu phí, lệ phí bằng hình thức trực tuyến: 41,5%", "41,5%") == "online_payment"
    assert code_of("Đã kích hoạt 86.400 tài khoản ĐDĐT mức độ 2.", "86.400") == "electronic_identification"


def test_the_four_layer_model_is_a_name_not_a_figure() -> None:
    # six sets name the ministry's "mô hình 4 lớp" (four-layer protection) model
    assert "4" not in classified("Các hệ thống được bảo vệ theo mô hình 4 lớp và giám sát 24/7.")


def test_a_column_headed_by_what_was_done_counts_the_units_of_the_column_before_it() -> None:
    text = (
        "Biểu 4. Kết quả tập huấn kỹ năng số theo đơn vị\n"
        "Đơn vị | Tổng số CBCCVC | Đã tập huấn | Tỷ lệ (%)\n"
        "Phòng Nội vụ | 24 | 22 | 91,7\n"
        "UBND xã Tân An | 31 | 27 | 87,1\n"
    )
    found = classified(text)
    assert found["22"].indicator_code == "officials_trained"  # the officials of the column before
    assert found["87,1"].indicator_code == "officials_trained"
    assert found["24"].domain == "other"  # the headcount a breakdown is taken of


def test_a_set_of_computers_is_computers() -> None:
    # "bộ máy" (an apparatus) must not swallow "máy tính"
    assert code_of("Huyện trang bị 45 bộ máy tính cho bộ phận một cửa các xã.", "45") == "computers"


def test_cyber_attacks_a_security_operations_centre_blocks_are_information_security() -> None:
    text = "The province's security operations centre blocked 1,315 cyberattacks on 42 information systems."
    assert code_of(text, "1,315") == "information_security"  # not the operations centre of a smart city


def test_special_zones_are_communes_since_the_2025_reform() -> None:
    assert classified("Cáp quang đã đến 3/3 đặc khu của tỉnh.")["3/3"].base == "communes"


def test_an_e_invoice_is_no_payment_and_tax_paid_electronically_is() -> None:
    # four blind authors keyed traceability and e-invoices as other digital services
    assert code_of("Có 2.140 hộ kinh doanh đã dùng hóa đơn điện tử.", "2.140") == "services_other"
    assert code_of("Đã có 96,4% doanh nghiệp nộp thuế điện tử.", "96,4%") == "online_payment"
    assert code_of("Có 215 sản phẩm được gắn tem truy xuất nguồn gốc.", "215") == "services_other"


def test_school_grades_exam_scores_and_ranked_relics_are_no_figures_of_training_or_rank() -> None:
    found = classified("Năm học này, tuyển sinh lớp 1 và lớp 6 được làm trực tuyến với 12.400 hồ sơ.")
    assert "1" not in found and "6" not in found
    assert found["12.400"].indicator_code != "trainings"
    assert classified("Kỳ thi tốt nghiệp năm nay, tỉnh có điểm trung bình 6,95.")["6,95"].relevance == "score"
    assert code_of("Tỉnh có 1.240 hồ sơ tuyển sinh trực tuyến vào lớp 10.", "1.240") == "education_digital"
    assert code_of("Đến nay 38% di tích được xếp hạng có mã QR thuyết minh.", "38%") != "dx_rankings"


def test_people_doing_it_work_are_it_staff() -> None:
    text = "Huyện có 38 người làm công tác công nghệ thông tin, trong đó 12 người có trình độ đại học."
    assert code_of(text, "38") == code_of(text, "12") == "it_staff"


def test_units_connected_to_a_centre_are_counted_by_their_own_name() -> None:
    text = "Huyện có 412 camera an ninh được kết nối về Trung tâm điều hành thông minh của tỉnh."
    assert code_of(text, "412") == "surveillance_cameras"  # not the centre they are connected to
    assert code_of("Trung tâm điều hành thông minh đã xử lý 1.204 phản ánh.", "1.204") == "smart_city_ioc"


def test_fees_a_hospital_takes_without_cash_are_cashless_payments() -> None:
    assert code_of("Có 86% bệnh viện đã thu viện phí không dùng tiền mặt.", "86%") == "cashless_payment"
    assert code_of("100% bệnh viện đã triển khai bệnh án điện tử.", "100%") == "e_health"
    # ... wherever their clause names the payment
    text = "Về thanh toán không dùng tiền mặt, 95% trạm y tế và bệnh viện của huyện đã có mã QR thu phí."
    assert code_of(text, "95%") == "cashless_payment"
    text = "Thanh toán viện phí không dùng tiền mặt đã được triển khai tại 12/12 bệnh viện của tỉnh."
    assert code_of(text, "12/12") == "cashless_payment"


def test_pages_digitised_are_digitisation_whatever_registers_they_hold() -> None:
    assert code_of("Phòng Tư pháp đã số hóa 86.400 trang sổ hộ tịch.", "86.400") == "digitisation"
    text = "Kho lưu trữ đã số hóa 1,2 triệu trang tài liệu, tương đương khoảng 58% khối tài liệu."
    assert code_of(text, "58%") != "e_documents"  # pages of archives are no electronic documents


def test_dossiers_received_and_handled_online_are_online_dossiers() -> None:
    # the verbs listed after the units go on past the comma, up to a new measure or figure
    text = "Có 78% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trên môi trường điện tử."
    assert code_of(text, "78%") == "dossiers_processed_online"
    text = "Các xã tiếp nhận 9.420 hồ sơ, tỷ lệ nộp trực tuyến đạt 61%."
    assert code_of(text, "9.420") == "dossiers_received"


def test_dossiers_sent_through_the_post_are_dossiers_not_the_postal_network() -> None:
    # the post is the channel; what is counted is dossiers, and a dossier counted is one received
    text = "Năm qua, các xã miền núi đã gửi gần 4.300 hồ sơ thủ tục hành chính qua dịch vụ bưu chính công ích."
    assert code_of(text, "4.300") == "dossiers_received"
    text = "Ba huyện lần lượt có 512, 388 và 276 lượt hồ sơ chuyển qua bưu điện."
    assert {code_of(text, q) for q in ("512", "388", "276")}.isdisjoint({"postal_network"})
    # the network's own units stay its own
    assert code_of("Tỉnh có 214 điểm phục vụ bưu chính, trong đó 186 điểm có kết nối Internet.", "214") == "postal_network"


def test_figures_listed_for_places_count_the_unit_after_the_last_one() -> None:
    # the places before "lần lượt" say where; the unit after the last figure is what each counts
    text = "Các xã Nậm Cang, Tả Van và Bản Hồ lần lượt có 640, 415 và 230 hồ sơ gửi qua bưu điện."
    assert [code_of(text, q) for q in ("640", "415", "230")] == ["dossiers_received"] * 3
    # measures listed before keep their own subjects
    text = "Tỷ lệ hồ sơ trực tuyến và tỷ lệ hồ sơ đúng hạn lần lượt đạt 58% và 96%."
    assert (code_of(text, "58%"), code_of(text, "96%")) == ("dossiers_processed_online", "dossiers_on_time")
    # a list without "và" before its last figure is no list of one unit
    text = "Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 75%, 100% hồ sơ được số hóa."
    assert code_of(text, "75%") == "dossiers_processed_online"


def test_the_average_size_of_a_team_or_class_is_no_indicator() -> None:
    text = "Huyện có 120 tổ công nghệ số với 690 thành viên, bình quân 5,75 thành viên/tổ."
    assert code_of(text, "5,75") == "unclassified"
    assert code_of(text, "690") == "community_digital_teams"
    assert code_of("Tỉnh mở 30 lớp, trung bình 62 học viên mỗi lớp.", "62") == "unclassified"
    # an average of staff per agency stays what it counts
    assert code_of("Bình quân mỗi cơ quan có 1,8 cán bộ chuyên trách công nghệ thông tin.", "1,8") == "it_staff"


def test_a_service_done_with_the_chip_id_card_is_data_linked_to_the_citizen_id() -> None:
    text = "Sáu tháng qua, các bệnh viện tiếp nhận 96.400 lượt khám chữa bệnh bằng căn cước gắn chip."
    assert code_of(text, "96.400") == "citizen_id_linked_data"
    text = "Có 41.800 người hưởng trợ cấp đã được xác thực thông tin với cơ sở dữ liệu về dân cư."
    assert code_of(text, "41.800") == "citizen_id_linked_data"
    # the cards and accounts themselves are electronic identification
    assert code_of("Công an huyện đã cấp 18.600 thẻ căn cước.", "18.600") == "electronic_identification"
    assert code_of("Có 52.300 tài khoản VNeID được kích hoạt.", "52.300") == "electronic_identification"


def test_the_plan_a_figure_is_announced_by_is_no_topic_of_it() -> None:
    text = "Theo kế hoạch của UBND huyện, năm 2026 phấn đấu 100% cụm công nghiệp (12/12) được phủ sóng 5G."
    assert code_of(text, "100%") == "mobile_coverage"
    # plans counted are still plans
    assert code_of("Huyện đã ban hành 7 kế hoạch về chuyển đổi số.", "7") == "policy_documents"


def test_vulnerabilities_found_in_a_drill_are_a_security_figure() -> None:
    text = "Qua 2 ngày diễn tập, các đội đã phát hiện 31 lỗ hổng trên 8 hệ thống."
    assert code_of(text, "31") == "information_security"
    assert code_of("Năm 2025, tỉnh tổ chức 4 cuộc diễn tập ứng cứu sự cố.", "4") == "incident_response_drills"


def test_a_word_after_a_numbers_scale_word_starts_a_word_of_its_own() -> None:
    # "triệu chứng" is a symptom; after "12,4 triệu" the scale belongs to the number
    assert code_of("Toàn quốc đã cấp 3,2 triệu chứng thư số cho cá nhân.", "3,2 triệu") == "digital_certificates"
    assert code_of("Bình quân mỗi lớp có khoảng 70 học viên.", "70") == "unclassified"  # a class's size


def test_automatic_rain_water_and_weather_stations_are_iot_devices() -> None:
    text = "Tỉnh có 94 trạm đo mưa tự động, 27 trạm đo mực nước và 8 trạm khí tượng tự động."
    assert [code_of(text, q) for q in ("94", "27", "8")] == ["iot_devices"] * 3


def test_smart_meters_are_iot_devices_and_no_money() -> None:
    text = "Điện lực huyện đã thay 8.450 công tơ cơ bằng công tơ điện tử đo xa."
    assert code_of(text, "8.450") == "iot_devices"
    text = "Nhà máy nước lắp mới 1.200 đồng hồ thông minh cho các hộ dân."
    assert code_of(text, "1.200") == "iot_devices" and classified(text)["1.200"].figure_kind != "money"
    # "đồng" before another syllable of its word is no currency; before a noun it still is
    assert classified("Có 2.500 đồng bào được hướng dẫn cài VNeID.")["2.500"].figure_kind != "money"
    assert classified("Mỗi hộ được hỗ trợ 150.000 đồng tiền cước.")["150.000"].figure_kind == "money"


def test_payment_by_qr_code_is_cashless_payment() -> None:
    text = "Tại chợ Đông Ba, 312 tiểu thương đã chấp nhận thanh toán bằng mã QR."
    assert code_of(text, "312") == "cashless_payment"
    # a QR code that tells a story or traces goods pays nothing
    text = "Đã gắn 45 mã QR thuyết minh tại các điểm di tích."
    assert code_of(text, "45") != "cashless_payment"


def test_things_given_a_qr_code_are_a_digital_service() -> None:
    # a QR code that tells, traces or checks is a digital service of its own (the generic code)
    assert code_of("Đến nay, 3.200 cây cổ thụ trong công viên đã được gắn mã QR.", "3.200") == "services_other"
    assert code_of("Tính đến cuối tháng 6, 18.400 bao gạo đã mang mã QR ghi lô và ngày xay.", "18.400") == "services_other"
    # ... which a specific topic of the sentence still beats: paying by QR code is cashless payment
    assert code_of("Chợ có 320 tiểu thương nhận thanh toán bằng mã QR.", "320") == "cashless_payment"
    # ... and a QR code that takes money is no service, whether or not a cashless word names it
    assert code_of("Ở 9 chợ xã, 740 hộ kinh doanh đã dùng mã QR để nhận tiền của khách.", "740") != "services_other"


def test_money_received_through_an_account_is_cashless_payment() -> None:
    text = "Huyện có 12.400 người hưởng trợ cấp xã hội nhận tiền qua tài khoản, đạt 88,5%."
    assert code_of(text, "12.400") == code_of(text, "88,5%") == "cashless_payment"
    assert code_of("Tỷ lệ người trưởng thành có tài khoản giao dịch tại ngân hàng đạt 82%.", "82%") == "cashless_payment"
    assert code_of("Hội đã chuyển khoản trực tiếp 100% tiền hỗ trợ cho người nhận.", "100%") == "cashless_payment"
    # accounts of a platform or of the identity pay nothing
    assert code_of("Nền tảng học trực tuyến của tỉnh có 24.000 tài khoản học viên.", "24.000") != "cashless_payment"
    text = "Đã tích hợp 52.300 giấy phép lái xe vào tài khoản định danh điện tử."
    assert code_of(text, "52.300") == "electronic_identification"


def test_hospitals_and_their_patients_in_a_sentence_naming_nothing_digital_count_the_sector() -> None:
    found = classified("Huyện có 3 bệnh viện và 24 trạm y tế với tổng số 860 giường bệnh.")
    assert (found["3"].domain, found["3"].relevance) == ("other", "units of a sector")
    assert found["24"].domain == "other"
    assert classified("Mỗi ngày bệnh viện tiếp nhận khoảng 1.900 lượt bệnh nhân.")["1.900"].domain == "other"
    # ... but hospitals that do something digital are e-health figures
    assert code_of("Có 24 trạm y tế đã triển khai phần mềm quản lý trạm y tế.", "24") == "e_health"
    assert code_of("Bệnh viện đã tổ chức 310 ca hội chẩn từ xa với các bệnh viện tuyến huyện.", "310") == "e_health"
    assert code_of("The province has created 1.2 million EHRs at commune health stations.", "1.2 million") == "e_health"


def test_a_ratio_whose_quote_spans_its_phrase_is_read_by_the_phrase_after_the_ratio() -> None:
    text = "Toàn xã có 1.312/1.450 hộ gia đình có kết nối Internet cáp quang (đạt 90,5%)."
    [obs] = classified(text).values()
    assert obs.quote.startswith("1.312/1.450 hộ gia đình") and obs.indicator_code == "household_internet"
    text = "Có 1.240/1.310 cán bộ, công chức cấp xã đã được bồi dưỡng kỹ năng số, đạt 94,7%."
    [obs] = classified(text).values()
    assert obs.indicator_code == "officials_trained"
    # a quote that ends in the bracketed share keeps the phrase after the bracket
    text = "Trong đó: 38/46 (tỷ lệ 82,6%) bưu cục có máy tính, 41/52 (tỷ lệ 78,8%) điểm kết nối internet công cộng."
    assert code_of(text, "41/52 (tỷ lệ 78,8%") == "public_wifi"


def test_what_is_cleaned_is_data_whatever_its_unit() -> None:
    text = "Xã đã làm sạch 21.400/22.100 trường hợp dữ liệu hộ tịch, đạt 96,8%."
    [obs] = classified(text).values()
    assert obs.indicator_code == "data_cleaning"


def test_whom_a_training_was_for_are_its_learners_whatever_they_are_called() -> None:
    text = "Hợp tác xã mở 5 lớp tập huấn bán hàng trực tuyến cho 310 lượt xã viên."
    assert code_of(text, "5") == "trainings" and code_of(text, "310") == "learners"
    assert code_of("Ban quản lý chợ tập huấn thanh toán số cho 185 tiểu thương.", "185") == "learners"
    # ... but not the places or classes it was for
    assert code_of("Sở tổ chức tập huấn kỹ năng số cho 14 xã.", "14") != "learners"
    assert code_of("Hội mở cho 3 lớp tập huấn với 210 hội viên.", "3") == "trainings"


def test_voltage_and_energy_are_measures_but_a_data_centres_capacity_is_a_figure() -> None:
    text = "Cả 12 trạm biến áp 220 kV đã vận hành không người trực; sản lượng đạt 3,5 triệu kWh."
    assert classified(text)["220"].domain == classified(text)["3,5 triệu"].domain == "other"
    assert classified(text)["220"].relevance == "measure"
    text = "Trung tâm dữ liệu của tỉnh có công suất 20 MW."
    assert classified(text)["20"].domain != "other"


def test_dossiers_sent_through_a_portal_or_with_an_e_id_account_are_online_dossiers() -> None:
    text = "Hồ sơ đăng ký khai sinh nộp qua Cổng Dịch vụ công quốc gia đạt 2.140 hồ sơ."
    assert code_of(text, "2.140") == "dossiers_processed_online"
    assert code_of("Có 615 hồ sơ được nộp bằng tài khoản định danh điện tử.", "615") == "dossiers_processed_online"
    # applications for the ID card itself stay identification or dossiers received
    assert code_of("Công an huyện thu nhận 3.900 hồ sơ cấp căn cước.", "3.900") != "dossiers_processed_online"


def test_marks_out_of_a_round_maximum_are_a_score() -> None:
    assert code_of("Đội Sở Y tế đạt 912/1.000 điểm trong cuộc thi.", "912/1.000") == "index_scores"
    assert code_of("Có 15/15 điểm phục vụ bưu chính kết nối Internet.", "15/15") == "postal_network"


def test_a_reach_and_a_labour_market_rate_are_no_indicators() -> None:
    assert code_of("Mỗi camera quan sát được trong bán kính 8 km.", "8") == "unclassified"
    assert code_of("Tuyến cáp quang dài 46 km đã hoàn thành.", "46") == "cable_lines_km"
    assert code_of("Tỷ lệ lao động qua đào tạo của huyện đạt 64,2%.", "64,2%") == "unclassified"


def test_a_figure_whose_subject_is_a_score_is_a_score() -> None:
    text = "Điểm trung bình môn Tin học của học sinh lớp 12 toàn tỉnh năm nay là 7,15."
    assert code_of(text, "7,15") == "index_scores"
    # a satisfaction index in percent is a share of satisfied people; places are counted
    assert code_of("Chỉ số hài lòng của người dân của tỉnh đạt 88,6%.", "88,6%") != "index_scores"
    assert code_of("Số điểm phát wifi công cộng của huyện là 46.", "46") == "public_wifi"


def test_a_figure_that_counts_the_same_units_as_the_one_before_and_names_nothing_takes_its_topic() -> None:
    text = (
        "Năm 2024 có 2.380 hộ kinh doanh mở gian hàng trên sàn thương mại điện tử. "
        "Huyện Yên Thế có 410 hộ tham gia, huyện Lục Nam có 365 hộ."
    )
    assert code_of(text, "410") == code_of(text, "365") == code_of(text, "2.380") == "ecommerce"
    # what the territory has is no part of it
    text = "Năm 2024 có 2.380 hộ kinh doanh mở gian hàng trên sàn thương mại điện tử. Toàn tỉnh hiện có 41.200 hộ kinh doanh."
    assert code_of(text, "41.200") != "ecommerce"


def test_people_who_enrol_to_learn_are_learners() -> None:
    assert code_of("Có 12.830 lượt người dân đăng ký học trên nền tảng học trực tuyến của tỉnh.", "12.830") == "learners"
    assert code_of("Đã có 640 cán bộ, công chức tham gia học các khóa kỹ năng số.", "640") == "officials_trained"


def test_a_label_naming_officials_over_a_count_of_people_counts_officials_and_its_share_too() -> None:
    text = "Số cán bộ, công chức cấp xã hoàn thành bồi dưỡng kỹ năng số: 1.284 người (88,5%)."
    assert code_of(text, "1.284") == code_of(text, "88,5%") == "officials_trained"
    # the people of a province after its officials are no officials
    text = "Số công chức chuyên trách công nghệ thông tin: 64 người. Dân số của tỉnh khoảng 1,2 triệu người."
    assert code_of(text, "1,2 triệu") != code_of(text, "64")


def test_a_share_after_a_count_and_đạt_is_that_counts_share() -> None:
    text = (
        "Phòng Đăng ký kinh doanh thuộc Sở Kế hoạch và Đầu tư tiếp nhận 1.860 hồ sơ, "
        "trong đó 1.702 hồ sơ nộp qua mạng, đạt 91,5%."
    )
    assert code_of(text, "91,5%") == code_of(text, "1.702") == "dossiers_processed_online"
    # a share of plan compares; a share of other units is theirs
    text = "Sở tiếp nhận 1.702 hồ sơ nộp qua mạng, đạt 104% kế hoạch năm."
    assert code_of(text, "104%") == "comparisons"


def test_the_labour_force_is_no_digital_workforce() -> None:
    text = "Lực lượng lao động của huyện khoảng 84.500 người; tỷ lệ thất nghiệp 1,8%."
    assert classified(text)["84.500"].domain == classified(text)["1,8%"].domain == "other"
    text = "Huyện có khoảng 126.000 dân, trong đó 61% trong độ tuổi lao động."
    assert classified(text)["61%"].domain == "other"
    # workers trained in digital skills stay the workforce's
    assert classified("Đã đào tạo kỹ năng số cho 1.240 người lao động.")["1.240"].domain == "workforce"


def test_the_insured_and_the_insurances_coverage_are_no_digital_figures() -> None:
    text = "Số người tham gia bảo hiểm y tế đạt 612.300 người; tỷ lệ bao phủ bảo hiểm y tế đạt 93,1% dân số."
    assert classified(text)["612.300"].domain == classified(text)["93,1%"].domain == "other"
    # cards shown on VNeID at a clinic are a digital service
    text = "Có 48.200 lượt khám chữa bệnh bảo hiểm y tế bằng căn cước gắn chip."
    assert classified(text)["48.200"].domain == "services"


def test_a_share_is_no_rank_even_of_the_leading_provinces() -> None:
    text = "Các tỉnh dẫn đầu về tỷ lệ hồ sơ nộp trực tuyến là Lào Cai và Yên Bái, lần lượt đạt 91,5% và 89,2%."
    assert (code_of(text, "91,5%"), code_of(text, "89,2%")) == ("dossiers_processed_online",) * 2
    assert code_of("Tỉnh là 1 trong 12 tỉnh dẫn đầu cả nước về chuyển đổi số.", "12") == "dx_rankings"


def test_a_keyword_in_a_place_adjunct_after_a_plural_word_does_not_name_the_figure() -> None:
    # the tickets are counted, not the sites where they are sold
    text = "Năm 2025 có 620.000 vé điện tử được bán tại các điểm tham quan."
    assert classified(text)["620.000"].domain == "services"
    text = "Có 740 hóa đơn điện tử được phát hành trên các nền tảng số của doanh nghiệp."
    assert code_of(text, "740") != "shared_platforms"


def test_a_certificate_is_a_digital_certificate() -> None:
    text = "Số chứng thư cấp cho các cơ quan và cho cá nhân lần lượt là 415 và 8.930."
    assert code_of(text, "415") == code_of(text, "8.930") == "digital_certificates"


def test_dossiers_their_own_phrase_calls_electronic_were_filed_online() -> None:
    assert code_of("Chi cục đã tiếp nhận 8.420 hồ sơ khai hải quan điện tử.", "8.420") == "dossiers_processed_online"
    assert code_of("Tỷ lệ hồ sơ quyết toán thuế điện tử đạt 97,2%.", "97,2%") == "dossiers_processed_online"
    # an electronic health record is a health figure
    assert code_of("Đã lập 64.300 hồ sơ sức khỏe điện tử.", "64.300") == "e_health"


def test_a_cap_on_each_class_or_team_is_its_size_not_a_count() -> None:
    text = "Sở mở 8 lớp tập huấn kỹ năng số, mỗi lớp không quá 40 học viên."
    assert classified(text)["40"].domain == "other"
    assert classified(text)["8"].indicator_code == "trainings"
    assert classified("Mỗi tổ công nghệ số có tối đa 9 thành viên.")["9"].relevance == "size of a group"


def test_an_approved_security_level_dossier_is_information_security() -> None:
    text = "Số hệ thống thông tin được phê duyệt hồ sơ cấp độ: 56/61 hệ thống."
    assert code_of(text, "56/61") == "information_security"


def test_digitising_is_one_activity_whatever_is_digitised() -> None:
    assert code_of("Các xã đã số hóa 318.400 sổ đăng ký khai sinh.", "318.400") == "digitisation"
    assert code_of("Huyện hoàn thành số hóa 92,6% kết quả giải quyết thủ tục hành chính.", "92,6%") == "digitisation"
    # units the phrase names at its head stay what they are; a verb far before governs nothing
    assert code_of("Chi nhánh có 41 máy tính và 9 máy quét phục vụ số hóa.", "41") == "computers"
    text = "Sở mở 7 lớp bồi dưỡng kỹ năng số hóa, lưu trữ điện tử cho 385 lượt công chức cấp xã."
    assert code_of(text, "385") != "digitisation"


def test_people_and_households_a_training_verb_governs_are_learners() -> None:
    text = "Hội Nông dân tổ chức 9 lớp tập huấn bán hàng trực tuyến cho 740 lượt hộ trồng cam."
    assert (code_of(text, "9"), code_of(text, "740")) == ("trainings", "learners")
    text = "Trường tổ chức 4 buổi bồi dưỡng kỹ năng số cho 215 giảng viên."
    assert code_of(text, "215") == "learners"


def test_a_label_over_a_count_of_bare_turns_names_what_is_counted() -> None:
    text = "Số lượt học viên hoàn thành khóa học trên nền tảng MOOCs: 3.904 lượt."
    assert code_of(text, "3.904") == "learners"


def test_a_range_for_each_team_is_its_size() -> None:
    text = "Huyện có 148 tổ công nghệ số cộng đồng, mỗi tổ thường có từ 4-6 thành viên."
    assert classified(text)["4-6"].relevance == "size of a group"
    assert classified(text)["148"].indicator_code == "community_digital_teams"


def test_a_temperature_a_sensor_alarms_at_is_no_figure() -> None:
    text = "Kho lạnh được gắn 6 cảm biến; khi nhiệt độ vượt 8 độ C, hệ thống gửi cảnh báo qua ứng dụng."
    assert classified(text)["8"].domain == "other"
    assert code_of(text, "6") == "iot_devices"


def test_the_languages_a_guide_speaks_are_no_figure() -> None:
    text = "Có 64 điểm di tích gắn mã QR thuyết minh tự động bằng 4 ngôn ngữ."
    assert classified(text)["4"].domain == "other"


def test_an_agencys_headcount_is_no_figure_of_its_digital_workforce() -> None:
    found = classified("Chi cục Thủy lợi hiện có 73 công chức, người lao động làm việc tại 4 trạm.")
    assert (found["73"].domain, found["73"].relevance) == ("other", "headcount of an agency")
    # ... nor the whole before "trong đó" whose part is IT staff
    found = classified("Ban Quản lý dự án có 58 viên chức, trong đó 3 người phụ trách công nghệ thông tin.")
    assert found["58"].domain == "other" and found["3"].indicator_code == "it_staff"
    # people an IT unit counts, or whose own words name the work, stay figures
    found = classified("Trung tâm Tin học của Sở có 11 người, trong đó 7 kỹ sư công nghệ thông tin.")
    assert found["11"].indicator_code == found["7"].indicator_code == "it_staff"
    text = "Toàn huyện có 640 cán bộ, công chức, trong đó 598 người đã được tập huấn kỹ năng số."
    assert classified(text)["598"].domain == "workforce"
    # people said to do something in the digital field are no bare headcount
    assert classified("Tỉnh có 350 cán bộ tham gia chuyển đổi số.")["350"].domain == "workforce"


def test_people_whose_phrase_names_the_it_field_are_it_staff() -> None:
    assert code_of("Sở Xây dựng hiện có 4 công chức làm công nghệ thông tin.", "4") == "it_staff"
    text = "Hạt Kiểm lâm có 35 công chức, trong đó 2 người có chuyên môn về CNTT."
    assert code_of(text, "2") == "it_staff"


def test_done_over_the_network_is_a_service_not_network_infrastructure() -> None:
    found = classified("Đến nay 97% hộ kinh doanh đã kê khai thuế qua mạng.")["97%"]
    assert found.domain == "services"
    assert classified("Toàn huyện có 100% thôn có mạng Internet cáp quang.")["100%"].domain == "infrastructure"


def test_a_whole_that_only_its_parts_words_make_a_topic_is_no_figure_of_it() -> None:
    text = "Huyện có 38 nhà văn hóa thôn, trong đó 21 nhà văn hóa đã lắp đặt wifi miễn phí."
    assert classified(text)["38"].domain == "other"
    assert code_of(text, "21") == "public_wifi"
    # ... a verb of its own still says what it counts
    text = "Trung tâm tiếp nhận 2.940 yêu cầu, trong đó 2.105 yêu cầu nộp trực tuyến."
    assert classified(text)["2.940"].domain == "services"


def test_the_share_a_population_group_makes_up_is_population() -> None:
    text = "Huyện có hơn 62.000 dân, trong đó gần 70% là đồng bào dân tộc thiểu số, nên việc phổ cập dịch vụ công trực tuyến còn khó."
    assert classified(text)["70%"].relevance == "population"
    text = "Đồng bào dân tộc thiểu số chiếm 41,5% dân số của tỉnh; mạng 4G đã phủ 98% thôn."
    assert classified(text)["41,5%"].relevance == "population" and code_of(text, "98%") == "mobile_coverage"
    # people of the group said to do something are a figure of what they do
    assert code_of("100% người dân tộc thiểu số được hướng dẫn sử dụng dịch vụ công trực tuyến.", "100%") != "population"


def test_places_that_have_a_signal_are_mobile_coverage() -> None:
    assert code_of("Toàn huyện còn 7 thôn, bản chưa có sóng ổn định.", "7") == "mobile_coverage"
    assert code_of("Đến nay 96% thôn đã có sóng.", "96%") == "mobile_coverage"


def test_a_point_is_no_infrastructure_by_the_word_alone() -> None:
    text = "Bản đồ số du lịch của tỉnh đã cập nhật 420 điểm đến và 96 điểm tham quan."
    assert classified(text)["420"].domain != "infrastructure" and classified(text)["96"].domain != "infrastructure"
    # ... what is at the point still names it
    assert code_of("Huyện đã lắp đặt 140 điểm phát wifi công cộng miễn phí.", "140") == "public_wifi"
    assert code_of("Hội nghị trực tuyến được kết nối tới 27 điểm cầu cấp xã.", "27") == "video_conferencing"


def test_connecting_to_a_system_is_no_infrastructure_by_the_verb_alone() -> None:
    text = "Phần mềm khai báo lưu trú trực tuyến đã kết nối 1.240 cơ sở lưu trú trên địa bàn."
    assert classified(text)["1.240"].domain != "infrastructure"
    # a count of connections is still one
    text = "Tỉnh đã lắp đặt 140 điểm phát wifi công cộng miễn phí. Mỗi ngày có khoảng 9 nghìn lượt kết nối."
    assert code_of(text, "9 nghìn") == "public_wifi"


def test_cases_resolved_are_no_service_by_the_verb_alone() -> None:
    text = "Năm 2024, Tòa án hai cấp thụ lý 9.412 vụ, việc, đã giải quyết 8.960 vụ, việc, đạt 95,2%."
    found = classified(text)
    assert {found[q].domain for q in ("9.412", "8.960", "95,2%")} == {"other"}
    # dossiers resolved are still named by what they are
    text = "Trung tâm Phục vụ hành chính công đã giải quyết 12.400 hồ sơ trực tuyến."
    assert classified(text)["12.400"].domain == "services"


def test_labour_alone_names_no_digital_workforce() -> None:
    text = "Toàn tỉnh có 2.315 đơn vị sử dụng lao động giao dịch điện tử với cơ quan bảo hiểm xã hội."
    assert classified(text)["2.315"].domain == "services"
    text = "Phiên giao dịch việc làm trực tuyến đã kết nối 96 doanh nghiệp với 1.420 lao động."
    assert classified(text)["1.420"].domain != "workforce"


def test_an_app_is_a_portal_or_citizen_app() -> None:
    assert code_of("Ứng dụng Du lịch Miền Tây hiện có 42.000 người dùng.", "42.000") == "portals_and_apps"
    assert code_of("Đã có 18.300 người dân cài đặt ứng dụng tra cứu quy hoạch.", "18.300") == "portals_and_apps"
    assert code_of("Ứng dụng phản ánh giao thông đạt 7.500 lượt cài đặt.", "7.500") == "portals_and_apps"


def test_applying_a_technology_names_no_app() -> None:
    text = "Có 64 hợp tác xã ứng dụng công nghệ cao trong sản xuất."
    assert code_of(text, "64") != "portals_and_apps"
    # ... nor software applied, named only by a generic word: the rest of the sentence decides
    text = (
        "Hầu hết các bệnh viện đã dùng hệ thống thông tin quản lý bệnh viện, cụ thể: tuyến tỉnh: 100% các "
        "bệnh viện đã ứng dụng phần mềm, tuyến huyện có 12/14 bệnh viện."
    )
    assert code_of(text, "100%") == "e_health"


def test_the_name_after_app_says_what_the_figure_is_about() -> None:
    # the app named is the e-identification one, or e-commerce is what is applied
    assert code_of("Tổ đã giúp 2.150 người dân kích hoạt ứng dụng VNeID.", "2.150") == "electronic_identification"
    assert code_of("Có 85 cơ sở sản xuất ứng dụng thương mại điện tử để bán hàng.", "85") == "ecommerce"
    # ... and so does the name after a website
    assert code_of("Huyện có 64 hợp tác xã có website thương mại điện tử riêng.", "64") == "ecommerce"
    assert code_of("Sở đã nâng cấp 12 website của các phòng chuyên môn.", "12") == "portals_and_apps"


def test_users_are_named_by_what_they_use() -> None:
    text = "Phấn đấu năm 2025 có 85% người dùng di động sử dụng điện thoại thông minh."
    assert code_of(text, "85%") == "smartphones"
    # users alone are an app's
    assert code_of("Ứng dụng công dân số của tỉnh có 420.000 người dùng.", "420.000") == "portals_and_apps"


def test_a_vehicle_tracker_is_an_iot_device() -> None:
    assert code_of("100% xe buýt nội tỉnh đã gắn thiết bị giám sát hành trình.", "100%") == "iot_devices"
    assert code_of("Công ty đã lắp thiết bị định vị GPS cho 64 xe chở rác.", "64") == "iot_devices"


def test_what_a_later_figure_counts_does_not_name_the_figure_before_it() -> None:
    text = "Đội quản lý có 9 kiểm soát viên, được trang bị 15 máy tính xách tay."
    assert classified(text)["9"].indicator_code != "computers"
    assert code_of(text, "15") == "computers"
    # ... but a list of figures shares the unit after its last one
    assert code_of("Ba huyện lần lượt có 112, 87 và 64 trạm BTS.", "87") == "bts_stations"


def test_a_keyword_followed_by_words_that_make_another_word_names_nothing() -> None:
    # "số hóa đơn": the number of invoices; "sàn giao dịch việc làm": a job exchange
    text = "Năm 2024, 78,5% số hóa đơn tiền điện được thanh toán qua ngân hàng."
    assert classified(text)["78,5%"].indicator_code != "digitisation"
    text = "Sàn giao dịch việc làm của tỉnh đã có 860 doanh nghiệp tham gia."
    assert classified(text)["860"].indicator_code != "ecommerce"
    # ... written without diacritics too
    text = "Nam 2024, 78,5% so hoa don tien dien duoc thanh toan qua ngan hang."
    assert classified(text)["78,5%"].indicator_code != "digitisation"


def test_a_headcount_of_soldiers_or_workers_with_a_clause_of_its_own_is_no_digital_workforce() -> None:
    assert classified("Toàn Bộ Chỉ huy có 148 cán bộ, chiến sĩ.")["148"].domain == "other"
    text = "Nhà máy hiện có 2.350 công nhân, người lao động, tuổi bình quân 34."
    assert classified(text)["2.350"].domain == "other"


def test_an_online_trial_is_a_video_conference() -> None:
    assert code_of("Tòa án hai cấp đã tổ chức 215 phiên tòa trực tuyến.", "215") == "video_conferencing"
    assert code_of("Năm nay có 64 vụ án được xét xử trực tuyến.", "64") == "video_conferencing"


def test_a_national_average_quoted_beside_the_provinces_rate_is_a_comparison() -> None:
    text = "Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 71,2%, cao hơn bình quân cả nước (58,4%)."
    assert code_of(text, "58,4%") == "comparisons"
    assert code_of(text, "71,2%") == "dossiers_processed_online"
    text = "Tỷ lệ hộ có cáp quang của tỉnh là 77,5% (trung bình toàn quốc khoảng 80,1%)."
    assert code_of(text, "80,1%") == "comparisons"


def test_a_device_named_as_where_software_runs_does_not_name_the_people_counted() -> None:
    text = "Phần mềm sổ tay khuyến nông đã được cài trên điện thoại thông minh của 1.340 nông dân."
    assert classified(text)["1.340"].indicator_code != "smartphones"
    # a device the figure's own phrase counts is still one
    assert code_of("Xã đã trang bị 45 máy tính cho bộ phận một cửa.", "45") == "computers"


def test_visitors_to_a_place_are_no_digital_figure() -> None:
    text = "Năm 2024, Hội An đón 4,2 triệu lượt khách, nên nhu cầu truy cập Internet công cộng tăng mạnh."
    assert classified(text)["4,2 triệu"].domain == "other"
    assert classified("Khu di tích đón 320.000 lượt du khách trong quý I.")["320.000"].domain == "other"
    # customers of a digital service are still counted
    text = "Có 2.400 khách hàng sử dụng hóa đơn điện tử."
    assert classified(text)["2.400"].domain == "services"


def test_people_using_a_device_are_counted_by_the_device_not_as_app_users() -> None:
    text = "Toàn xã có 1.120 hộ có ít nhất một người dùng điện thoại thông minh."
    assert code_of(text, "1.120") == "smartphones"
    assert code_of("Ứng dụng du lịch của tỉnh có 86.000 người dùng.", "86.000") == "portals_and_apps"


def test_people_sent_to_a_training_counted_later_in_the_clause_are_its_learners() -> None:
    text = "Sở cử 48 lượt công chức, viên chức tham gia 4 lớp tập huấn về kỹ năng số và an toàn thông tin."
    assert code_of(text, "48") in ("learners", "officials_trained")
    assert code_of(text, "4") == "trainings"


def test_an_appendix_table_is_named_by_its_title_not_by_the_note_of_what_it_is_attached_to() -> None:
    text = (
        "PHỤ LỤC\nTỔNG HỢP HỒ SƠ THỦ TỤC HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2024\n"
        "(Kèm theo Báo cáo số 41/BC-UBND ngày 05/7/2024 của UBND huyện)\nĐơn vị tính: hồ sơ\n\n"
        f"{'STT':5}{'Đơn vị tiếp nhận':30}{'Tiếp nhận':12}Trong đó trực tuyến\n"
        f"{'1':5}{'Bộ phận Một cửa huyện':30}{'1.530':12}1.108\n"
        f"{'2':5}{'Xã Phong Lạc':30}{'624':12}397\n"
        f"{'':5}{'Tổng cộng':30}{'2.154':12}1.505\n"
    )
    found = classified(text)
    # the note names a report and a body, not what the cells count
    assert found["624"].indicator_code == found["2.154"].indicator_code == "dossiers_received"
    assert found["397"].indicator_code == "dossiers_processed_online"
    # a row named after a one-stop shop counts the dossiers it received, not one-stop shops
    assert found["1.530"].indicator_code == "dossiers_received"
    assert found["1.108"].indicator_code == "dossiers_processed_online"


def test_a_title_ending_in_vien_counts_people() -> None:
    # Sino-Vietnamese titles of people end in "viên": trained, they are learners
    assert code_of("Chi cục đã tổ chức 3 lớp tập huấn cho 215 lượt kiểm lâm viên.", "215") == "learners"
    assert code_of("Sở mở 4 lớp bồi dưỡng kỹ năng số cho 180 hướng dẫn viên du lịch.", "180") == "learners"


def test_people_checked_against_the_population_database_are_linked_records() -> None:
    text = "Đến nay, ngành đã đối chiếu 654.210 nhân khẩu với Cơ sở dữ liệu quốc gia về dân cư."
    assert code_of(text, "654.210") == "citizen_id_linked_data"
    # the province's population named before its figure stays population
    text = "Với dân số khoảng 950.000 nhân khẩu, dữ liệu dân cư của huyện đã được làm sạch."
    assert code_of(text, "950.000") == "population"
    assert code_of("Huyện có 128.400 nhân khẩu.", "128.400") == "population"
    # the hedge before the figure is its own, no word between it and "dân số"
    text = "Huyện có 96.300 thuê bao di động, trong khi dân số của huyện chỉ khoảng 84.000 người."
    assert code_of(text, "84.000") == "population"


def test_followers_of_a_page_on_a_social_network_count_its_reach() -> None:
    text = "Kênh YouTube của Trung tâm có 52.300 người đăng ký, trang Facebook có 87.600 người theo dõi."
    assert code_of(text, "52.300") == "portals_and_apps"
    assert code_of(text, "87.600") == "portals_and_apps"
    assert code_of("Fanpage của huyện hiện có 15.400 người theo dõi.", "15.400") == "portals_and_apps"
    # Zalo calls the followers of an official account "người quan tâm"
    assert code_of("Kênh Zalo OA của bệnh viện có 6.720 người quan tâm.", "6.720") == "portals_and_apps"
    assert code_of("Trang của hợp tác xã có 2.310 lượt theo dõi.", "2.310") == "portals_and_apps"
    # the staff member who follows a field is no follower, and TikTok Shop is a marketplace
    text = "Văn phòng có 6 công chức, trong đó 1 người theo dõi công nghệ thông tin."
    assert code_of(text, "1") != "portals_and_apps"
    assert code_of("Có 214 hộ bán hàng qua TikTok Shop.", "214") != "portals_and_apps"


def test_records_kept_up_to_date_in_software_are_a_database() -> None:
    text = "Phần mềm quản lý đoàn viên đã cập nhật dữ liệu của 12.450 đoàn viên."
    assert code_of(text, "12.450") == "databases"
    # the verb names only the figure it governs, not one earlier in the sentence
    text = "Hội hiện quản lý 3.200 hội viên và đã cập nhật dữ liệu của 2.950 hội viên lên phần mềm."
    assert code_of(text, "2.950") == "databases"
    assert code_of(text, "3.200") != "databases"
    # where the records are kept, when the clause names it, is finer
    text = "Dữ liệu của 5.120 thanh niên đã được cập nhật, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư."
    assert code_of(text, "5.120") == "citizen_id_linked_data"
    # knowledge refreshed in a course is no record
    text = "Trung tâm đã cập nhật kiến thức cho 45 cán bộ, công chức."
    assert code_of(text, "45") != "databases"


def test_a_bracketed_list_inside_the_subject_does_not_cut_it() -> None:
    text = "Trong tổng số 904.000 thuê bao, thuê bao băng rộng di động (3G, 4G, 5G) là 512.000 thuê bao."
    assert code_of(text, "512.000") == "internet_subscribers"
    # either word order names mobile broadband subscribers
    assert code_of("Số thuê bao di động băng rộng đạt 403.000.", "403.000") == "internet_subscribers"
    # a figure inside the bracket still starts its phrase there
    text = "Tỉnh có 67.000 thuê bao cáp quang (đạt tỷ lệ 48% hộ gia đình có kết nối Internet)."
    assert code_of(text, "48%") == "household_internet"


def test_a_specific_word_of_another_clause_does_not_outrank_the_figures_own_clause() -> None:
    text = "Cảng phát hành 45.000 lệnh giao hàng điện tử; việc thanh toán trực tuyến các loại phí cũng được mở rộng."
    assert code_of(text, "45.000") != "online_payment"
    # with nothing in its own clause, the other clause's word still names it
    text = "Cảng phát hành 45.000 lệnh giao hàng; việc thanh toán trực tuyến các loại phí cũng được mở rộng."
    assert code_of(text, "45.000") == "online_payment"
    # a clause that lists the figure's parts still names it
    text = "Nền tảng có 320.000 tài khoản; trong đó, 210.000 người là người dân thành phố, với 4 triệu lượt truy cập mỗi năm."
    assert code_of(text, "320.000") == "portals_and_apps"


def test_a_drill_against_floods_or_for_rescue_is_no_cyber_drill() -> None:
    assert code_of("Huyện tổ chức 3 cuộc diễn tập phòng, chống thiên tai.", "3") != "incident_response_drills"
    assert code_of("Đồn đã tổ chức 2 cuộc diễn tập tìm kiếm cứu nạn trên biển.", "2") != "incident_response_drills"
    text = "Sở tổ chức 2 cuộc diễn tập ứng cứu sự cố an toàn thông tin mạng."
    assert code_of(text, "2") == "incident_response_drills"


def test_messages_sent_by_a_system_are_a_digital_service() -> None:
    assert code_of("Hệ thống đã gửi 3.420 tin nhắn cảnh báo hạn mặn tới người dân.", "3.420") == "services_other"
    assert code_of("Năm qua, đơn vị gửi hơn 52.000 tin nhắn SMS nhắc lịch khám.", "52.000") == "services_other"


def test_offences_a_device_found_are_no_figure_of_the_device() -> None:
    text = "Trong quý II, hệ thống camera AI đã phát hiện 2.914 trường hợp vi phạm trật tự an toàn giao thông."
    assert classified(text)["2.914"].domain == "other"
    text = "Công an tỉnh đã xử lý 41 vụ lừa đảo chiếm đoạt tài sản qua mạng."
    assert classified(text)["41"].domain == "other"
    # the cameras themselves are still counted
    assert code_of("Thành phố đã lắp 312 camera AI tại các nút giao.", "312") == "surveillance_cameras"


def test_a_hospitals_beds_are_its_size_and_a_share_of_them_is_counted() -> None:
    text = "Tỉnh có 9 bệnh viện công lập với 3.150 giường bệnh; 9/9 bệnh viện đã triển khai bệnh án điện tử."
    assert classified(text)["3.150"].domain == "other"
    text = "Bệnh viện đã áp dụng bệnh án điện tử cho 100% giường bệnh nội trú."
    assert code_of(text, "100%") == "e_health"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Trong năm 2024, tường lửa của tỉnh đã chặn 5.120 lượt truy cập trái phép.", "5.120"),
        ("Trung tâm giám sát phát hiện 317 lượt truy cập bất thường vào hệ thống thư điện tử.", "317"),
        ("Năm qua đã ngăn chặn 46 lượt xâm nhập vào các hệ thống thông tin của huyện.", "46"),
        ("Hệ thống giám sát đã phát hiện, ngăn chặn 8.415 lượt truy cập độc hại trong quý.", "8.415"),
        ("The firewall blocked 2,300 unauthorized access attempts last year.", "2,300"),
    ],
)
def test_unauthorised_access_blocked_is_a_security_figure_not_a_portals_visits(text: str, quote: str) -> None:
    assert code_of(text, quote) == "information_security"


def test_a_portals_own_visits_stay_visits() -> None:
    assert code_of("Cổng thông tin điện tử của huyện đạt 212.400 lượt truy cập trong năm.", "212.400") == "portals_and_apps"


def test_the_comma_inside_phong_chong_ends_no_phrase() -> None:
    # what the counted computers have installed is what is measured, comma or not
    text = "Hiện 100% máy tính của huyện được cài đặt phần mềm phòng, chống mã độc có bản quyền."
    assert code_of(text, "100%") == "information_security"
    text = "Tỷ lệ máy tính được cài phần mềm phòng, chống mã độc đạt 98%."
    assert code_of(text, "98%") == "information_security"
    # a comma between two nouns still ends the phrase of the first
    assert code_of("Hiện 100% cán bộ, công chức có máy tính.", "100%") == "computers"


def test_records_checked_against_the_population_register_are_linked_data() -> None:
    text = "Sở Giáo dục đã xác thực 71.240 thông tin học sinh với Cơ sở dữ liệu quốc gia về dân cư."
    assert code_of(text, "71.240") == "citizen_id_linked_data"
    text = "Chi nhánh đã đối chiếu, xác thực 8.315/8.402 hồ sơ người hưởng trợ cấp với dữ liệu dân cư."
    assert code_of(text, "8.315/8.402") == "citizen_id_linked_data"
    # people authenticated through the app hold an electronic identity
    text = "Toàn huyện có 12.600 người dân xác thực tài khoản định danh điện tử mức 2 qua ứng dụng VNeID."
    assert code_of(text, "12.600") == "electronic_identification"


def test_declarations_filed_electronically_are_dossiers_processed_online() -> None:
    text = "Năm 2024, 98,9% doanh nghiệp trên địa bàn đã khai thuế qua mạng và 97,5% doanh nghiệp nộp thuế điện tử."
    assert code_of(text, "98,9%") == "dossiers_processed_online"
    assert code_of(text, "97,5%") == "online_payment"  # paying the tax is a payment
    assert code_of("Chi cục Hải quan cửa khẩu đã xử lý 27.315 tờ khai hải quan điện tử.", "27.315") == "dossiers_processed_online"


def test_orders_placed_online_are_e_commerce() -> None:
    assert code_of("Hợp tác xã nhận 4.210 đơn hàng trực tuyến trong năm.", "4.210") == "ecommerce"
    assert code_of("Công ty phấn đấu 100% đại lý sử dụng ứng dụng đặt hàng.", "100%") == "ecommerce"
    # ordering through a named channel is e-commerce too, whatever the channel
    assert code_of("Có 640 tiệm tạp hóa đặt hàng qua ứng dụng của nhà phân phối.", "640") == "ecommerce"


def test_what_was_sold_through_an_app_or_a_website_is_e_commerce_not_the_channel_s_use() -> None:
    # the channel's own word (website, ứng dụng) names no app figure: the units were sold
    assert code_of("Năm nay, xưởng nhận 3.410 đơn hàng qua website và Zalo.", "3.410") == "ecommerce"
    assert code_of("Quý I, tiệm có 920 đơn đặt qua ứng dụng giao đồ ăn.", "920") == "ecommerce"
    assert code_of("Nhà hát bán 18.400 vé qua ứng dụng trong mùa diễn.", "18.400") == "ecommerce"
    assert code_of("Mùa này, 6.200 hộp bánh được bán qua các ứng dụng.", "6.200") == "ecommerce"
    # the buyers are the app's users; a service booked is no sale; the app's accounts stay the app's
    assert code_of("Hiện 214 khách hàng có tài khoản trên ứng dụng của xưởng.", "214") == "portals_and_apps"
    assert code_of("Năm nay có 5.120 lượt đặt lịch sửa xe qua ứng dụng.", "5.120") == "portals_and_apps"
    # a petition filed online is no order
    assert code_of("Tòa án nhận 512 đơn khởi kiện qua Cổng dịch vụ công trực tuyến.", "512") != "ecommerce"


def test_guidance_sessions_and_classes_are_trainings_and_their_people_learners() -> None:
    # "buổi/lớp/khóa hướng dẫn" (guidance sessions, classes, courses) are trainings, whatever they taught
    text = "Hợp tác xã đã tổ chức 5 buổi hướng dẫn dùng ứng dụng bán hàng cho 140 xã viên."
    assert code_of(text, "5") == "trainings"
    assert code_of(text, "140") == "learners"
    text = "Có 22 công nhân đã học qua 3 khóa hướng dẫn sử dụng phần mềm quản lý đơn hàng."
    assert code_of(text, "3") == "trainings"
    assert code_of(text, "22") == "learners"
    # guiding people to install an app is no training session: what they installed names them
    assert code_of("Tổ công nghệ số đã hướng dẫn 1.200 người dân cài đặt VNeID.", "1.200") == "electronic_identification"


def test_what_a_training_was_about_names_no_figure_of_its_learners() -> None:
    text = "Cục Thuế tổ chức 5 buổi tập huấn cho 640 lượt người nộp thuế về hóa đơn điện tử."
    assert code_of(text, "640") == "learners"
    text = "Sở đã tập huấn cho 120 người dân về thanh toán trực tuyến."
    assert code_of(text, "120") == "learners"
    # with no training in the clause, what follows "về" still names the figure
    assert code_of("Sở Công Thương đã hỗ trợ cho 310 hộ kinh doanh về thương mại điện tử.", "310") == "ecommerce"
    # ... nor what it taught before "cho"
    text = "Huyện mở 5 lớp tập huấn sử dụng chữ ký số và ứng dụng VNeID cho 286 lượt công chức cấp xã."
    assert code_of(text, "286") == "learners"
    text = "Hợp tác xã tổ chức 3 khóa đào tạo vận hành cảm biến tưới tiêu cho 72 xã viên."
    assert code_of(text, "72") == "learners"
    # with no training before it, what was given stays the figure's
    assert code_of("Bưu điện tỉnh đã cấp chữ ký số cho 1.460 người dân.", "1.460") == "digital_certificates"


def test_staff_given_a_duty_over_it_are_it_staff() -> None:
    text = "Chi cục hiện có 4 viên chức phụ trách hạ tầng mạng và máy chủ của đơn vị."
    assert code_of(text, "4") == "it_staff"
    assert code_of("Ban Quản lý có 2 người kiêm nhiệm quản trị hệ thống phần mềm.", "2") == "it_staff"
    # "kiêm" adds the duty to a title of another field, however long the title
    assert code_of("Nhà hàng có 1 nhân viên pha chế đồ uống kiêm quản trị hệ thống đặt bàn.", "1") == "it_staff"
    # a duty over something else is no IT
    assert code_of("Trung tâm bố trí 9 viên chức phụ trách tiếp nhận hồ sơ trực tuyến.", "9") != "it_staff"


def test_staff_in_charge_of_a_digital_platform_are_it_staff() -> None:
    assert code_of("Hợp tác xã có 2 kỹ sư phụ trách nền tảng truy xuất nguồn gốc.", "2") == "it_staff"
    assert code_of("The company has 3 engineers maintaining the booking platform.", "3") == "it_staff"


def test_staff_whose_own_phrase_names_the_it_field_are_it_staff() -> None:
    assert code_of("Công ty có 6 kỹ thuật viên công nghệ thông tin.", "6") == "it_staff"
    assert code_of("Nhà máy có 410 lao động, trong đó 12 kỹ sư tin học.", "12") == "it_staff"
    # students of the field are nobody's staff
    assert code_of("Trường hỗ trợ học bổng cho 85 sinh viên ngành công nghệ thông tin.", "85") != "it_staff"


def test_units_something_was_given_to_count_what_was_given() -> None:
    text = "Hệ thống đã tích hợp thanh toán trực tuyến cho 846 thủ tục hành chính."
    assert code_of(text, "846") == "online_payment"
    text = "Phần mềm diệt mã độc có bản quyền được cài đặt cho 1.930 máy tính của các xã."
    assert code_of(text, "1.930") == "information_security"
    # people a training was for are its learners, not a figure of what was taught
    text = "Trung tâm mở 6 lớp tập huấn bán hàng trực tuyến cho 415 học viên."
    assert code_of(text, "415") == "learners"


def test_computers_and_systems_a_security_centre_watches_over_are_a_security_figure() -> None:
    text = "Trung tâm SOC của tỉnh đang giám sát 2.640 máy trạm và 74 máy chủ."
    assert code_of(text, "2.640") == code_of(text, "74") == "information_security"
    assert code_of("92% hệ thống thông tin cấp tỉnh được giám sát bởi SOC.", "92%") == "information_security"
    # servers that nothing watches over stay the data centre's
    assert code_of("Dữ liệu được sao lưu hằng ngày trên 3 máy chủ đặt tại Sở.", "3") == "data_centre"
    # a verb past another figure is that figure's ("8 camera giám sát")
    text = "Phòng điều hành được trang bị 12 máy tính và 8 camera giám sát."
    assert code_of(text, "12") != "information_security"


def test_people_of_a_firms_technology_department_are_it_staff() -> None:
    assert code_of("Phòng Công nghệ của công ty có 5 kỹ sư.", "5") == "it_staff"
    assert code_of("Hiện bộ phận IT gồm 4 nhân viên.", "4") == "it_staff"
    # a commune's digital technology team is no IT unit
    assert code_of("Tổ công nghệ số cộng đồng của xã có 7 thành viên.", "7") != "it_staff"


def test_staff_whose_own_phrase_names_the_it_field_beat_their_clauses_topic() -> None:
    text = "Bộ phận bán hàng trực tuyến có 9 nhân viên, trong đó 2 người chuyên lập trình."
    assert code_of(text, "2") == "it_staff"
    assert code_of("Chi cục có 5 công chức làm tin học và quản lý dữ liệu.", "5") == "it_staff"
    # people a training was for stay its learners
    text = "Sở đã tập huấn an toàn thông tin cho 40 cán bộ chuyên trách công nghệ thông tin."
    assert code_of(text, "40") != "it_staff"


def test_how_far_a_place_lies_from_the_centre_is_no_figure() -> None:
    text = "Nhiều bản cách trung tâm huyện trên 60 km nên việc đưa dịch vụ công trực tuyến đến người dân còn khó khăn."
    assert classified(text)["60"].domain == "other"
    # a postal network's service radius is its own indicator
    assert code_of("Bán kính phục vụ bình quân đạt 3,85 km/điểm bưu chính.", "3,85") == "postal_network"


def test_contracts_counted_are_no_support_for_enterprises() -> None:
    # what signing with a digital signature counts: the contracts signed
    text = "Năm 2024, xưởng đã ký 64 hợp đồng cung ứng với các siêu thị bằng chữ ký số."
    assert code_of(text, "64") == "digital_certificates"
    # the share of a contract's value a policy pays is support
    assert code_of("Tỉnh hỗ trợ 40% giá trị hợp đồng thuê phần mềm kế toán.", "40%") == "enterprise_support"


def test_advice_alone_is_no_support_for_enterprises() -> None:
    assert code_of("Tổng đài 1022 đã tiếp nhận 5.210 cuộc gọi tư vấn thủ tục hành chính.", "5.210") != "enterprise_support"
    text = "Trong năm, trung tâm y tế huyện đã thực hiện 96 lượt tư vấn, khám bệnh từ xa cho người dân vùng cao."
    assert code_of(text, "96") == "e_health"


def test_a_passive_verb_before_a_comma_is_said_of_the_figure_before_it() -> None:
    text = "Huyện phấn đấu 100% bản đồ địa chính được số hóa, 85% văn bản đi của xã được ký số."
    assert code_of(text, "100%") == "digitisation"
    assert code_of(text, "85%") != "digitisation"
    text = "Năm nay có 1.500 hồ sơ lưu trữ được số hóa và 60% cơ sở dữ liệu chuyên ngành được kết nối qua LGSP."
    assert code_of(text, "60%") != "digitisation"
    # a passive verb that opens the figure's own clause still governs it
    assert code_of("Thư viện tỉnh đã được số hóa 12.000 trang tài liệu cổ.", "12.000") == "digitisation"
    # ... and so is one whose figure comes after it, before the comma
    text = "Tỷ lệ hồ sơ đất đai được số hóa đạt 76,3%; 97,8% văn bản đi của huyện được gửi dưới dạng điện tử."
    assert code_of(text, "97,8%") == "e_documents"


def test_a_table_whose_cells_name_no_measure_counts_what_the_paragraph_introducing_it_counts() -> None:
    text = (
        "Năm 2024, Tổng đài 1022 của tỉnh đã tiếp nhận 9.540 cuộc gọi phản ánh, kiến nghị của người dân, "
        "trong đó phần lớn liên quan đến đất đai, môi trường và trật tự xây dựng; các cuộc gọi được chuyển "
        "đến cơ quan có thẩm quyền trong ngày. Số liệu theo từng huyện như sau:\n"
        "Huyện | Tiếp nhận | Đã trả lời\n"
        "Huyện Mê Linh | 3.120 | 3.050\n"
        "Huyện Ba Vì | 2.870 | 2.790\n"
    )
    found = classified(text)
    assert found["3.120"].indicator_code == found["9.540"].indicator_code != "unclassified"
    assert "table title" in found["2.870"].matched_keyword
    # a paragraph that does not end with ":" introduces nothing
    text = text.replace("như sau:", "đều tăng.")
    assert classified(text)["3.120"].indicator_code == "unclassified"


def test_applying_a_tool_names_no_app() -> None:
    assert code_of("Có 73 nhà vườn ứng dụng nhà kính thông minh với cảm biến nhiệt độ.", "73") != "portals_and_apps"
    assert code_of("Toàn tỉnh có 58 doanh nghiệp đã ứng dụng hệ thống quản lý sản xuất.", "58") != "portals_and_apps"
    # the noun still names an app
    assert code_of("Ứng dụng Bình Phước Smart có 41.000 lượt tải.", "41.000") == "portals_and_apps"



def test_a_keyword_past_a_semicolon_belongs_to_the_figure_of_its_own_part() -> None:
    text = "Huyện đã cấp 845 mã số cơ sở đóng gói với 9.200 ha; 64 hợp tác xã lắp cảm biến đo độ ẩm đất."
    assert code_of(text, "845") == "unclassified"
    assert code_of(text, "64") == "iot_devices"
    # a later part without a figure of its own still names what an earlier figure measures
    text = "Toàn tỉnh có 152 trạm quan trắc; các trạm đều truyền dữ liệu về trung tâm."
    assert code_of(text, "152") == "iot_devices"
    # the later part's figure may follow the keyword ("đào tạo 1.200 lượt")
    text = "Nhà máy có 48 kỹ sư; năm 2024, trường nghề đào tạo 1.200 lượt công nhân vận hành máy."
    assert code_of(text, "48") != "learners"


def test_a_listed_count_said_to_have_a_topic_counts_what_has_it() -> None:
    text = "Xã có 12 trường học được kết nối Internet, 35 nhà văn hóa, bưu điện có wifi miễn phí."
    assert code_of(text, "35") == "public_wifi"


def test_personnel_of_an_it_unit_or_field_are_it_staff() -> None:
    assert code_of("Phòng công nghệ thông tin của công ty có 15 nhân sự.", "15") == "it_staff"
    assert code_of("Tập đoàn hiện có 186 nhân sự công nghệ thông tin.", "186") == "it_staff"


def test_a_field_named_by_a_breakdowns_row_label_is_no_measure_of_its_cells() -> None:
    text = (
        "Biểu 3. Hồ sơ thủ tục hành chính của huyện năm 2024 theo lĩnh vực\n"
        "Đơn vị tính: hồ sơ\n"
        "STT | Lĩnh vực | Tiếp nhận | Trực tuyến | Đúng hạn\n"
        "1 | Đất đai | 1.530 | 906 | 1.498\n"
        "2 | Hộ tịch | 2.217 | 1.745 | 2.190\n"
    )
    found = classified(text)
    # the civil-status field is where the dossiers were received, not a civil-status database
    assert found["2.217"].indicator_code == found["1.530"].indicator_code == "dossiers_received"
    assert found["2.190"].indicator_code == "dossiers_on_time"
    # a row label that is the measure itself still names it
    text = "STT | Chỉ tiêu | Năm 2024\n1 | Cơ sở dữ liệu hộ tịch được số hóa (bản ghi) | 2.217\n"
    assert classified(text)["2.217"].indicator_code != "dossiers_received"


def test_a_volume_of_stored_data_is_the_data_centres_capacity() -> None:
    text = "Tỉnh đã xây dựng 18 cơ sở dữ liệu chuyên ngành; kho dữ liệu dùng chung có dung lượng 64 TB."
    assert code_of(text, "64") == "data_centre"
    assert code_of(text, "18") == "databases"
    assert code_of("Kho lưu trữ số của Sở đã lưu 3,5 terabyte hồ sơ.", "3,5") == "data_centre"
    # a volume of data used, with no word of storing it, is no storage
    assert code_of("Năm 2024, thuê bao di động trong tỉnh đã dùng 1.200 TB dữ liệu.", "1.200") != "data_centre"


def test_accounts_on_a_learning_platform_are_its_learners() -> None:
    text = "Nền tảng học trực tuyến mở đại trà (MOOCs) của huyện có 8.460 tài khoản đăng ký, trong đó 5.120 tài khoản đã học xong một khóa."
    assert code_of(text, "8.460") == "learners"
    assert code_of(text, "5.120") == "learners"
    # the courses are still courses
    assert code_of("Nền tảng MOOCs hiện có 42 khóa học kỹ năng số.", "42") == "trainings"


def test_a_share_of_teams_trained_is_a_figure_of_the_teams() -> None:
    text = "Đến nay, 96% tổ công nghệ số cộng đồng của huyện đã được tập huấn kỹ năng số."
    assert code_of(text, "96%") == "community_digital_teams"
    # their members are people: a share of them trained stays a training figure
    text = "Đến nay, 96% thành viên tổ công nghệ số cộng đồng của huyện đã được tập huấn kỹ năng số."
    assert code_of(text, "96%") in {"learners", "trainings"}


def test_a_measure_opened_after_va_is_no_part_of_the_count_before_it() -> None:
    text = "Năm 2025, xã phấn đấu lắp camera an ninh cho 18 thôn và nâng tỷ lệ hồ sơ nộp trực tuyến lên 70%."
    assert code_of(text, "18") == "surveillance_cameras"
    assert code_of(text, "70%") == "dossiers_processed_online"
    assert code_of("Huyện đã kéo cáp quang đến 42 trường học và tỷ lệ hộ dùng ví điện tử đạt 35%.", "42") == "fibre_optic"


def test_hamlets_and_urban_quarters_are_places_of_a_commune() -> None:
    text = "Huyện có 100% xã có cáp quang, 96,4% thôn, buôn có sóng 4G."
    assert code_of(text, "96,4%") == "mobile_coverage"
    text = "Thị xã đã phủ cáp quang đến 100% phường, 98% khu phố, khóm có sóng 5G."
    assert code_of(text, "98%") == "mobile_coverage"
    assert code_of("Toàn tỉnh có 100% thôn, làng có Tổ công nghệ số cộng đồng.", "100%") == "community_digital_teams"


def test_places_where_a_count_before_them_is_are_no_figure() -> None:
    text = "Năm 2024, nhà mạng đã lắp 58 trạm BTS mới tại 21 xã vùng cao."
    assert classified(text)["21"].domain == "other"
    assert code_of(text, "58") == "bts_stations"
    assert classified("Trung tâm đã cấp 920 chữ ký số cho cán bộ ở 9 huyện, thị xã.")["9"].domain == "other"
    # with no count before them, or money spent there, the places are the figure
    assert code_of("Năm 2024, nhà mạng đã phủ sóng 4G tại 21 xã vùng cao.", "21") == "mobile_coverage"
    assert code_of("Tỉnh dành 12 tỷ đồng để kéo cáp quang tại 40 thôn.", "40") == "fibre_optic"


def test_a_verb_whose_object_the_figure_is_beats_what_da_says_was_done_before() -> None:
    assert code_of("Huyện đã làm sạch 96% dữ liệu đất đai đã số hóa.", "96%") == "data_cleaning"
    # with no verb before it, what "đã" says is the figure's measure; a channel in the phrase stays
    assert code_of("Đến nay, 87% dữ liệu đất đai đã được số hóa.", "87%") == "digitisation"
    assert code_of("Năm 2024, Trung tâm tiếp nhận 50.911 hồ sơ trực tuyến.", "50.911") == "dossiers_processed_online"


def test_staff_assigned_to_a_digital_task_other_than_it_are_digital_workforce() -> None:
    text = "Hợp tác xã có 2 nhân viên phụ trách bán hàng trên sàn thương mại điện tử."
    assert code_of(text, "2") == "workforce_other"
    assert code_of("Sở có 4 công chức chuyên trách công nghệ thông tin.", "4") == "it_staff"
    # those who do the task are its figure
    assert code_of("Có 1.200 hộ kinh doanh bán hàng trên sàn thương mại điện tử.", "1.200") == "ecommerce"


def test_turns_alone_said_of_a_training_are_its_learners() -> None:
    text = "Năm 2024, Sở mở 12 lớp tập huấn chuyển đổi số với 960 lượt."
    assert code_of(text, "960") == "learners"
    assert code_of(text, "12") == "trainings"


def test_meetings_held_online_are_video_conferencing() -> None:
    text = "Năm 2025, huyện phấn đấu 90% cuộc họp của UBND huyện được tổ chức trực tuyến."
    assert code_of(text, "90%") == "video_conferencing"
    text = "Năm 2025, tỉnh phấn đấu 95% cuộc họp giữa UBND tỉnh với cấp huyện được tổ chức trực tuyến."
    assert code_of(text, "95%") == "video_conferencing"
    text = "Năm 2024, Hội đồng tổ chức 18 phiên họp, trong đó 5 phiên họp trực tuyến."
    assert code_of(text, "5") == "video_conferencing"
    # the meetings of which only some were online are no figure of video conferencing
    assert classified(text)["18"].domain == "other"


def test_a_figure_whose_quote_spans_a_wrapped_line_is_read_where_it_stands() -> None:
    # the rejoined sentence has one space where the quote keeps its line break
    text = (
        "     Năm 2024, huyện tiếp tục kiện toàn bộ phận một cửa, bố trí đủ công chức tiếp\n"
        "nhận và trả kết quả tại 100% xã, thị trấn; đường truyền được nâng cấp ổn định.\n"
        "     Tỷ lệ hồ sơ thủ tục hành chính nộp qua mạng của huyện trong năm đạt 62,5%\n"
        "(8.750/14.000 hồ sơ), cao hơn năm trước; tỷ lệ hồ sơ trả đúng hạn đạt 97,2%.\n"
    )
    assert code_of(text, "62,5%\n(8.750/14.000") == "dossiers_processed_online"


def test_a_rate_contrasted_with_trong_khi_is_no_threshold() -> None:
    text = "Tỷ lệ hồ sơ trực tuyến cấp tỉnh đạt 90%, trong khi cấp xã chỉ đạt dưới 40%."
    assert code_of(text, "40%") == "dossiers_processed_online"


def test_managing_alone_names_no_document_system() -> None:
    # "điều hành" (to run, to direct) is said of factories, fleets and operations centres too
    text = "Nhà máy đã đưa vào vận hành hệ thống điều hành sản xuất kết nối 36 dây chuyền."
    assert code_of(text, "36") != "e_documents"
    assert code_of("Có 98% văn bản được gửi qua hệ thống quản lý văn bản và điều hành.", "98%") == "e_documents"


def test_bookings_made_online_are_a_portal_or_app_figure() -> None:
    text = "Khu nghỉ dưỡng nhận 3.150 lượt đặt phòng trực tuyến, chiếm 61% tổng lượt khách lưu trú."
    assert code_of(text, "3.150") == "portals_and_apps"
    assert code_of(text, "61%") == "portals_and_apps"
    assert code_of("Garage has had 820 services booked online this year.", "820") == "portals_and_apps"


def test_an_e_contract_is_a_digital_service_of_its_own() -> None:
    # not a contract, a keyword of support for enterprises, inside it
    assert code_of("Hợp tác xã đã ký 640 hợp đồng điện tử với xã viên trong năm.", "640") == "services_other"


def test_parts_of_a_headcount_named_by_no_word_of_their_own_are_headcount_too() -> None:
    text = "Xí nghiệp có 64 lao động, trong đó 38 thợ may, 11 thợ cắt và 3 nhân viên công nghệ thông tin."
    found = classified(text)
    assert [found[q].indicator_code for q in ("64", "38", "11")] == ["unclassified"] * 3
    assert found["3"].indicator_code == "it_staff"


def test_a_part_whose_clause_opens_on_a_channel_counts_what_its_whole_counts_by_that_channel() -> None:
    from dagster_project.extraction.pipeline import extract_report

    text = "KẾT QUẢ CẢI CÁCH HÀNH CHÍNH\n- Hồ sơ tiếp nhận cấp xã: 5.210 hồ sơ; trực tuyến 4.038 hồ sơ, đạt 77,5%\n"
    found = {o.quote: o.indicator_code for o in extract_report(text, None)}
    assert found["4.038"] == found["77,5%"] == "dossiers_processed_online"
    # ... and where the verb of the whole stands after the label, not in it: the part took the
    # whole's word from the clause before its own
    text = "KẾT QUẢ CẢI CÁCH HÀNH CHÍNH\n- Hồ sơ của các xã: tiếp nhận 3.210 hồ sơ; trực tuyến 2.004 hồ sơ, đạt 62,4%\n"
    found = {o.quote: o.indicator_code for o in extract_report(text, None)}
    assert found["3.210"] == "dossiers_received"
    assert found["2.004"] == found["62,4%"] == "dossiers_processed_online"


def test_the_set_a_sentence_takes_its_figures_out_of_is_no_figure_of_what_it_says_of_them() -> None:
    text = "Trong 24 lò sấy của hợp tác xã, 9 lò đã gắn cảm biến nhiệt nối với phần mềm."
    assert code_of(text, "24") == "unclassified"
    assert code_of(text, "9") != "unclassified"


def test_a_figure_is_read_where_it_stands_alone_not_inside_a_longer_number() -> None:
    # the cell "0" is no digit of "400" or of "2025" in the row and caption its evidence repeats
    text = (
        "Biểu 3. Danh mục nhiệm vụ năm 2025 (Kèm theo Kế hoạch số 12/KH-UBND ngày 20/01/2025)\n"
        "STT   Nhiệm vụ                               Kinh phí (triệu đồng)\n"
        "1     Phát triển 400 trạm BTS 5G                        0\n"
        "2     Lắp đặt 120 camera giám sát                   3.600\n"
    )
    found = classified(text)
    assert found["0"].indicator_code == found["3.600"].indicator_code == "budget_revenue"


def test_paperless_meetings_are_electronic_documents_however_the_paper_is_named() -> None:
    # "giấy tờ" (papers) reads as one word, so "không giấy" alone does not name it
    assert code_of("Năm 2024, huyện tổ chức 214 cuộc họp không giấy tờ.", "214") == "e_documents"
    text = "Hệ thống phòng họp không giấy tờ đã được triển khai tại 23 sở, ban, ngành."
    assert code_of(text, "23") == "e_documents"
    assert code_of("Sở tổ chức 38 cuộc họp không giấy.", "38") == "e_documents"


def test_the_people_a_count_of_sessions_was_held_for_are_its_learners() -> None:
    # what the phrase after them says they learnt to use names what was taught, not what they are
    text = "Năm 2024, hợp tác xã tổ chức 4 buổi hướng dẫn cho 52 xã viên ghi nhật ký sản xuất trên điện thoại."
    assert code_of(text, "52") == "learners"
    text = "Bệnh viện mở 3 lớp hướng dẫn 140 điều dưỡng sử dụng phần mềm bệnh án điện tử."
    assert code_of(text, "140") == "learners"
    text = "Sở mở 2 lớp bồi dưỡng cho 75 cán bộ quản trị cổng thông tin điện tử."
    assert code_of(text, "75") == "officials_trained"
    # people not joined to the sessions keep their own measure
    text = "Công ty tổ chức 2 buổi tập huấn về an toàn giao thông, trong khi 30 tài xế dùng ứng dụng điều xe."
    assert code_of(text, "30") == "portals_and_apps"
    # turns of people joined to the sessions by "và" are theirs, whatever they learnt to use
    text = "Năm 2024, nhà máy mở 7 lớp đào tạo và 315 lượt công nhân học dùng máy tính bảng ở xưởng."
    assert code_of(text, "315") == "learners"
    text = "Năm 2024, hợp tác xã mở 2 lớp tập huấn và 96 lượt xã viên được hướng dẫn ghi nhật ký điện tử."
    assert code_of(text, "96") == "learners"
    # things joined so stay what they are
    assert code_of("Năm 2024, trường mở 3 lớp tập huấn và 40 máy tính bảng mới.", "40") == "computers"


def test_a_second_aim_after_va_names_nothing_the_first_aims_figure_counts() -> None:
    # "và" + a verb of doing opens a second aim with its own figure: its words are not the first's
    text = "Năm 2025, hợp tác xã phấn đấu gắn cảm biến đeo cổ cho 120 con bò sữa và nâng số tài khoản ứng dụng lên 900."
    assert code_of(text, "120") == "iot_devices"
    assert code_of(text, "900") == "portals_and_apps"
    text = "Năm 2024, xưởng đã số hóa 260 bản vẽ mẫu và lắp thêm 4 máy chủ lưu trữ."
    assert code_of(text, "260") == "digitisation"
    assert code_of(text, "4") == "data_centre"
    # a name ("Sở Giáo dục và Đào tạo") or a predicate with no figure of its own is no second aim
    text = "Có 30% trường học đã có mạng LAN và kết nối Internet, riêng thành phố đạt 100%."
    assert code_of(text, "30%") == "lan_network"
    text = "Huyện đã cấp 640 chữ ký số cho Sở Giáo dục và Đào tạo 12 đơn vị trực thuộc."
    assert code_of(text, "640") == "digital_certificates"
    # the second aim's figure reads the first aim, from its verb to "và", as none of its own...
    text = "Năm 2025, hợp tác xã phấn đấu nâng số camera giám sát lên 40 chiếc và đưa 90% xã viên vào dùng phần mềm quản lý."
    assert code_of(text, "90%") == "services_other"
    # ... but the subject both aims share stays its own
    text = "Trung tâm điều hành thông minh (IOC) đã kết nối 1.250 camera và tích hợp dữ liệu từ 18 hệ thống thông tin."
    assert code_of(text, "18") == "smart_city_ioc"
    # a word of time or manner may stand between "và" and the verb; networking and automating open aims too
    text = "Xưởng in hóa đơn điện tử cho 100% lô hàng và đã ký số 820 biên bản giao nhận với khách."
    assert code_of(text, "100%") == "services_other"
    text = "Năm 2025, hợp tác xã phấn đấu có 150 xã viên bán hàng qua ứng dụng và nối mạng thêm 6 máy sấy."
    assert code_of(text, "6") == "infrastructure_other"
    text = "Năm 2025, nhà máy dự kiến đưa 90 đại lý lên sàn thương mại điện tử và sẽ nối mạng 12 máy dệt."
    assert code_of(text, "12") == "infrastructure_other"


def test_a_second_aim_may_open_with_co_or_a_word_of_intent() -> None:
    # "và có N ...": a count of its own opens the second aim, as a verb of doing does
    text = "Năm 2025, xưởng phấn đấu nâng số cảm biến đo nhiệt lên 30 chiếc và có 250 khách hàng theo dõi đơn hàng."
    assert code_of(text, "30") == "iot_devices"
    assert code_of(text, "250") != "iot_devices"
    # a word of intent may stand between "và" and the verb
    text = "Năm 2025, trại dự kiến mở thêm 2 cửa hàng và phấn đấu có 900 tài khoản trên ứng dụng."
    assert code_of(text, "2") != "portals_and_apps"
    assert code_of(text, "900") == "portals_and_apps"
    text = "Năm 2025, hợp tác xã sẽ xây thêm 3 nhà sấy và đặt mục tiêu đưa 60% xã viên lên sàn thương mại điện tử."
    assert code_of(text, "3") != "ecommerce"
    assert code_of("In 2025 the cooperative will build 3 drying houses and plan to install 40 sensors.", "3") != "iot_devices"
    # what only the other aim names, anywhere in the sentence, is no topic of the figure
    text = "Năm 2025, công ty dự kiến mở thêm 1 cơ sở và nâng tỷ lệ khách đặt phòng qua ứng dụng lên 70%."
    assert code_of(text, "1") != "portals_and_apps"
    # people whose own phrase names the IT field are IT staff, whatever the other aim names
    text = "Xưởng lắp 18 camera giám sát ở kho, và có 2 kỹ sư cơ điện, công nghệ thông tin trực hệ thống."
    assert code_of(text, "2") == "it_staff"
    # "và có" with no figure after it is the first figure's own phrase
    assert code_of("Trường có 30 máy tính và có phòng học trực tuyến.", "30") == "computers"


def test_a_figure_with_a_predicate_of_its_own_ends_its_aim_at_the_va_before_the_next_figure() -> None:
    # "100% ... được lập điện tử | và 72% ...": what the 72% counts is none of the 100%'s
    text = "Năm 2024, 100% phiếu nhập kho được lập điện tử và 72% đơn hàng được đặt qua sàn thương mại điện tử."
    assert code_of(text, "100%") != "ecommerce"
    assert code_of(text, "72%") == "ecommerce"
    text = "Tại chợ đầu mối, 100% hộ kinh doanh đã có tài khoản trên ứng dụng và 64% giao dịch là giao dịch không dùng tiền mặt."
    assert code_of(text, "100%") == "portals_and_apps"
    # with no predicate before "và", the two figures share the one after them
    text = "Đến nay 100% hồ sơ và 95% thủ tục của trung tâm được số hóa."
    assert code_of(text, "100%") == code_of(text, "95%") == "digitisation"


def test_selling_online_and_online_revenue_are_e_commerce() -> None:
    # the plain verb "bán" with its channel, and revenue made online, as well as "bán hàng trực tuyến"
    assert code_of("Năm 2024, làng gốm đã bán trực tuyến 4.300 sản phẩm.", "4.300") == "ecommerce"
    assert code_of("Mỗi tháng hợp tác xã bán online khoảng 900 hộp trà.", "900") == "ecommerce"
    assert code_of("Có 2.150 vé xe Tết được bán qua mạng.", "2.150") == "ecommerce"
    assert code_of("Cửa hàng đã bán qua sàn 640 bộ chăn ga.", "640") == "ecommerce"
    assert code_of("Doanh thu trực tuyến của hợp tác xã chiếm 18% tổng doanh thu.", "18%") == "ecommerce"
    assert code_of("Năm 2025, công ty phấn đấu doanh số trực tuyến đạt 35% doanh số bán lẻ.", "35%") == "ecommerce"
    assert code_of("Doanh thu online chiếm 22% doanh thu của chuỗi cửa hàng.", "22%") == "ecommerce"
    assert code_of("Online sales were 14% of the cooperative's turnover.", "14%") == "ecommerce"


def test_a_sibling_after_va_reads_nothing_of_the_phrase_before_it() -> None:
    # "A ... và B ...": a figure right after "và" with a phrase of its own is not counted by the first one's
    text = "Năm 2025, huyện phấn đấu 90% hồ sơ được số hóa khi tiếp nhận và 30% hồ sơ có phí được thanh toán trực tuyến."
    assert code_of(text, "30%") == "online_payment"
    assert code_of("Kho hàng có 6 camera giám sát và 1 máy chủ lưu dữ liệu.", "1") == "data_centre"
    # a bare figure after "và" still shares the phrase before it
    assert code_of("Tỷ lệ hồ sơ trực tuyến cấp huyện đạt 85% và cấp xã 72%.", "72%") == "dossiers_processed_online"


def test_a_part_named_only_by_its_level_counts_what_its_total_counts() -> None:
    text = (
        "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đã tiếp nhận 52.300 hồ sơ, "
        "trong đó cấp tỉnh 12.100 hồ sơ, cấp huyện 15.200 hồ sơ và cấp xã 25.000 hồ sơ."
    )
    assert code_of(text, "52.300") == "dossiers_received"
    assert {code_of(text, q) for q in ("12.100", "15.200", "25.000")} == {"dossiers_received"}
    # a part that its own words name keeps them
    text = "Huyện đã tiếp nhận 8.400 hồ sơ, trong đó 5.100 hồ sơ trực tuyến."
    assert code_of(text, "5.100") == "dossiers_processed_online"


def test_taxes_and_land_obligations_paid_online_are_online_payments() -> None:
    assert code_of("Có 3.215 hộ kinh doanh đã nộp thuế qua ứng dụng của ngành thuế.", "3.215") == "online_payment"
    assert code_of("Trong quý I, 1.870 doanh nghiệp nộp thuế trực tuyến.", "1.870") == "online_payment"
    text = "Người dân đã nộp trực tuyến nghĩa vụ tài chính về đất đai cho 2.140 hồ sơ."
    assert code_of(text, "2.140") == "online_payment"
    text = "Chi nhánh đã tiếp nhận 960 giao dịch thanh toán nghĩa vụ tài chính qua ngân hàng."
    assert code_of(text, "960") == "online_payment"


def test_a_phrase_of_cause_names_nothing_the_result_measures() -> None:
    # "Nhờ X, Y": X brought Y about; Y's figures count what Y names, not X's devices or data
    text = "Nhờ hệ thống cảm biến độ ẩm, tỷ lệ hạt cà phê bị mốc giảm từ 6% xuống 1,5%."
    assert code_of(text, "6%") == code_of(text, "1,5%") == "unclassified"
    text = "Tỷ lệ đơn giao chậm còn 3%, nhờ phần mềm điều phối xe."
    assert code_of(text, "3%") == "unclassified"
    # a figure inside the cause is counted by it, and a result with its own noun keeps it
    assert code_of("Nhờ 30 cảm biến nhiệt độ, lượng sữa hỏng giảm mạnh.", "30") == "iot_devices"
    assert code_of("Nhờ ứng dụng phần mềm, 98% hồ sơ được giải quyết đúng hạn.", "98%") == "dossiers_on_time"
    # "nhờ đó" points back to a cause told before: what follows is the result, its words count
    text = "Xưởng đã nối 40 máy sấy với phần mềm, nhờ đó 100% mẻ sấy được ghi nhật ký điện tử."
    assert code_of(text, "100%") != "unclassified"


def test_papers_signed_digitally_count_digital_signatures() -> None:
    # "ký số" governs what it signs: a business's contracts and papers count signatures put to use
    assert code_of("Năm 2024, hợp tác xã đã ký số 356 hợp đồng bao tiêu với nông dân.", "356") == "digital_certificates"
    assert code_of("Công ty ký số 1.045 bộ chứng từ nhập khẩu trong quý III.", "1.045") == "digital_certificates"
    # an office's documents stay electronic documents, and a contract's value stays money
    assert code_of("Văn phòng đã ký số 4.120 văn bản đi.", "4.120") == "e_documents"
    assert classified("Giá trị hợp đồng đạt 15 tỷ đồng.")["15 tỷ"].relevance == "money"


def test_a_verb_past_a_semicolon_governs_no_figure_after_it() -> None:
    # the signing belongs to the clause before the ";": the 930 contracts are only counted,
    # and at most the sentence-wide fallback names them
    text = "Mọi hợp đồng thuê xe đều được ký số; năm qua hãng có 930 hợp đồng mới."
    found = classified(text)["930"]
    assert found.matched_keyword != "ký số" or found.classified_by not in ("subject", "clause")


def test_a_label_that_compares_makes_its_value_a_comparison() -> None:
    # "- X so với cùng kỳ: bằng 118%": the label says against what; no share of anything counted
    found = classified("- Số tài khoản VNeID kích hoạt so với cùng kỳ năm trước: bằng 118%")
    assert found["118%"].relevance == "comparison"
    assert classified("- Hồ sơ trực tuyến so với năm 2023: tăng 21,5%")["21,5%"].relevance == "comparison"
    # a label naming the plan names a goal, and a label with no comparison a share
    assert classified("- Kế hoạch năm 2025: 85%")["85%"].relevance != "comparison"
    assert code_of("- Tỷ lệ hồ sơ nộp trực tuyến: 64,2%", "64,2%") == "dossiers_processed_online"


def test_the_count_a_plan_set_is_a_target_and_the_bracket_rating_a_result_against_it_a_comparison() -> None:
    # "vượt kế hoạch N (đạt P%)": N is the plan's count, P the share of it that was done
    found = classified("Năm 2024, tỉnh lắp mới 57 trạm BTS, vượt kế hoạch 50 trạm (đạt 114%).")
    assert (found["57"].is_target, found["50"].is_target) == (False, True)
    assert found["114%"].relevance == "comparison"
    assert classified("Đã cấp 1.180 chứng thư số, so với kế hoạch 1.250 chứng thư (94,4%).")["94,4%"].relevance == (
        "comparison"
    )
    # a bracketed share with no plan count before it is a share of what the sentence counts
    found = classified("Toàn huyện có 412 thôn có cáp quang (đạt 98%), theo kế hoạch của tỉnh.")
    assert found["98%"].relevance != "comparison"
    assert not found["412"].is_target


def test_people_of_another_title_listed_after_a_comma_keep_nothing_said_of_the_people_before() -> None:
    # "2 kỹ thuật viên quản trị phần mềm, 18 thợ hàn": the welders are counted, not the software
    text = "Xưởng có 30 người, trong đó 2 kỹ thuật viên quản trị phần mềm, 18 thợ hàn và 5 thợ sơn."
    found = classified(text)
    assert found["2"].indicator_code == "it_staff"
    assert (found["18"].domain, found["5"].domain) == ("other", "other")
    # people of the same title go on counting what the phrase before counted
    found = classified("Đã tập huấn kỹ năng số cho 300 cán bộ cấp tỉnh, 500 cán bộ cấp xã.")
    assert found["500"].indicator_code == found["300"].indicator_code


def test_units_put_under_remote_monitoring_are_iot_devices() -> None:
    # "giám sát từ xa" (telemetry): the units it watches carry a device that reports
    assert code_of("Công ty đã gắn bộ giám sát từ xa cho 35 trạm bơm nước thải.", "35") == "iot_devices"
    assert code_of("Năm 2025 sẽ đưa thêm 12 lò sấy vào hệ thống giám sát từ xa.", "12") == "iot_devices"
    # what the monitoring costs is money, no device
    assert code_of("Phí giám sát từ xa là 350.000 đồng một tháng.", "350.000") != "iot_devices"


def test_systems_of_a_security_level_are_information_security() -> None:
    # "hệ thống (thông tin) cấp độ 2": the security level a system is classed at
    text = "Huyện quản lý 27 hệ thống thông tin, trong đó 12 hệ thống cấp độ 2 và 15 hệ thống cấp độ 3."
    assert {code_of(text, v) for v in ("27", "12", "15")} == {"information_security"}
    assert code_of("Đã rà soát 40 hệ thống thông tin ở cấp độ 3 trở lên.", "40") == "information_security"


def test_people_of_a_trade_listed_after_the_it_staff_are_no_it_staff() -> None:
    # the IT words are said of the first people; the weavers and dyers are only counted
    found = classified("Trong 40 lao động có 2 nhân viên phụ trách công nghệ thông tin, 25 thợ dệt và 9 thợ nhuộm.")
    assert found["2"].indicator_code == "it_staff"
    assert (found["25"].domain, found["9"].domain) == ("other", "other")
    found = classified("Viện có 52 người, trong đó 3 kỹ sư công nghệ thông tin, 30 kỹ thuật viên phòng thí nghiệm.")
    assert found["30"].domain == "other"
    # members named by no title of their own may be what the IT words before count
    assert code_of("Toàn huyện có 96 tổ công nghệ số cộng đồng, 512 thành viên.", "512") == "community_digital_teams"


def test_a_coverage_verb_measures_the_network_its_clause_names() -> None:
    assert code_of("Mạng wifi công cộng của thị trấn đã phủ sóng 27 điểm sinh hoạt cộng đồng.", "27") == "public_wifi"
    # with no other network named, coverage is the mobile network's
    assert code_of("Các doanh nghiệp viễn thông đã phủ sóng 27 thôn vùng lõm.", "27") == "mobile_coverage"


def test_accounts_counted_after_their_clause_names_a_portal_are_its_users() -> None:
    assert code_of("Cổng tra cứu bảo hành hiện có 730 tài khoản của cửa hàng và thợ sửa chữa.", "730") == "portals_and_apps"
    text = "Trang web của nhà xe có 2.140 tài khoản hành khách, trong đó 380 tài khoản của khách đoàn."
    assert code_of(text, "2.140") == code_of(text, "380") == "portals_and_apps"
    # accounts no portal is named before are not made its users
    assert code_of("Ngân hàng mở thêm 730 tài khoản cho hộ kinh doanh.", "730") != "portals_and_apps"


def test_people_of_a_trade_take_no_staff_word_from_another_figures_phrase() -> None:
    # "nhân viên" is the IT staff's title; the potters and glazers are only counted
    found = classified("Trong 230 lao động có 4 nhân viên công nghệ thông tin, 70 thợ gốm và 35 công nhân tráng men.")
    assert found["4"].indicator_code == "it_staff"
    assert (found["70"].domain, found["35"].domain) == ("other", "other")
    found = classified("Xưởng có 90 công nhân, trong đó 2 nhân viên công nghệ thông tin và 12 kỹ thuật viên sửa khuôn.")
    assert found["12"].domain == "other"
    # people whose own phrase names what they do keep the staff word
    found = classified("Công ty có 2 nhân viên công nghệ thông tin và 1 chuyên viên phân tích dữ liệu khách hàng.")
    assert found["1"].domain == "workforce"


def test_machines_networked_are_digital_infrastructure() -> None:
    # "nối mạng": units put on a network, whatever machines they are
    assert code_of("Xưởng đã nối mạng 16 máy dệt kim, gửi sản lượng về phần mềm.", "16") == "infrastructure_other"
    assert code_of("Phòng thí nghiệm có 3 máy sắc ký nối mạng.", "3") == "infrastructure_other"
    # the part networked, not the whole it is counted out of
    text = "Ở khâu đóng gói, 11 trong số 15 máy hàn túi đã được nối mạng."
    assert code_of(text, "11") == "infrastructure_other"
    assert code_of(text, "15") != "infrastructure_other"
    # ... and no number the sentence goes on with
    text = "Xưởng nối mạng 20 máy xe chỉ, mỗi máy quay 900 vòng một phút."
    assert code_of(text, "900") == "unclassified"
    # a specific device keeps its own code
    assert code_of("100% máy tính của cơ quan được nối mạng LAN.", "100%") == "computers"


def test_the_people_a_class_was_for_are_its_learners() -> None:
    # "mở N lớp hướng dẫn cho M ... sử dụng X": the M learned to use X
    text = "Năm 2024, hội mở 6 lớp hướng dẫn cho 280 lượt hộ nuôi sử dụng ví điện tử."
    assert code_of(text, "280") == "learners"
    assert code_of("Xã mở 4 lớp hướng dẫn cho 150 hộ dân cài đặt ứng dụng.", "150") == "learners"
    text = "Trung tâm tổ chức 3 buổi hướng dẫn cho 95 hộ kinh doanh dùng phần mềm kế toán."
    assert code_of(text, "95") == "learners"
    # accounts given to households are no class
    assert code_of("Huyện cấp 320 tài khoản cho 410 hộ dùng ứng dụng.", "410") != "learners"


def test_the_share_money_makes_of_the_funds_is_money() -> None:
    # "ngân sách tỉnh chiếm 72%": a share of the funds, whatever the funds were for
    text = "Tổng vốn cho các dự án số hóa là 54 tỷ đồng, trong đó ngân sách trung ương chiếm 65%."
    assert classified(text)["65%"].relevance == "money"
    assert classified("Kinh phí của huyện chiếm khoảng 40% tổng mức đầu tư.")["40%"].relevance == "money"
    # a share of things counted stays a figure
    assert code_of("Số hồ sơ nộp trực tuyến chiếm 58%.", "58%") == "dossiers_processed_online"


def test_land_put_on_a_digital_map_is_digitised_not_measured() -> None:
    # an area a verb of digitising governs, before it or after it in the passive
    assert code_of("Đến nay, hợp tác xã đã số hóa bản đồ 1.240 ha vùng trồng chè.", "1.240") == "digitisation"
    text = "Toàn bộ 860 ha vườn bưởi của các hộ thành viên đã được số hóa ranh giới trên bản đồ số."
    assert code_of(text, "860") == "digitisation"
    # only the part digitised, not the whole it is part of
    text = "Vùng nguyên liệu rộng 2.100 ha, trong đó 950 ha đã được số hóa."
    assert code_of(text, "950") == "digitisation"
    assert classified(text)["2.100"].relevance == "measure"
    # an area with no verb of digitising, or one past a ";", stays a measure
    assert classified("Huyện có diện tích tự nhiên 46.500 ha, đã số hóa 12.300 hồ sơ địa chính.")["46.500"].relevance == "measure"
    text = "Vùng trồng tiêu rộng 2.150 ha; dữ liệu ranh giới các vùng này đã được số hóa."
    assert classified(text)["2.150"].relevance == "measure"
    assert classified("Lập bản đồ địa chính chính quy đạt 48.000 ha.")["48.000"].relevance == "measure"


def test_places_named_before_a_ratio_of_points_are_counted_not_scored() -> None:
    # "Điểm cầu ...: 10/10 điểm": the label named the places the "điểm" after the ratio counts
    text = "- Điểm cầu hội nghị truyền hình: 10/10 điểm (01 điểm cấp huyện, 09 điểm cấp xã)."
    assert code_of(text, "10/10") == "video_conferencing"
    text = "Số điểm Wi-Fi công cộng miễn phí: 10/10 điểm."
    assert code_of(text, "10/10") == "public_wifi"
    # marks out of a round maximum stay a score
    assert classified("Bài thi của đội đạt 945/1.000 điểm.")["945/1.000"].relevance == "score"
    assert classified("Ở tiêu chí hạ tầng số, xã được 10/10 điểm.")["10/10"].relevance == "score"


def test_people_listed_after_things_the_subject_has_count_themselves() -> None:
    # "có N <things> và M <people>": the people are what M counts, not the things before
    text = "Xưởng in có 14 máy tính bảng và 3 nhân viên công nghệ thông tin."
    assert code_of(text, "3") == "it_staff"
    text = "Kho lạnh có 36 cảm biến nhiệt độ, 2 máy chủ và 5 nhân viên tin học."
    assert code_of(text, "5") == "it_staff"
    text = "Bến xe lắp 40 camera giám sát ở bãi đỗ, và có 2 nhân viên công nghệ thông tin."
    assert code_of(text, "2") == "it_staff"
    # people counted "với"/"cho" after a class or an event are its learners or guests
    text = "Hội tổ chức 6 buổi hội thảo trực tuyến về thương mại điện tử, với 480 lượt người tham dự."
    assert code_of(text, "480") == "learners"


def test_staff_the_it_field_names_right_after_them_are_it_staff_whatever_follows() -> None:
    # "N nhân viên công nghệ thông tin ...": the field names the staff, whatever their phrase goes on to name
    text = "Hợp tác xã có 3 nhân viên tin học trực tổng đài và ứng dụng đặt hàng."
    assert code_of(text, "3") == "it_staff"
    text = "Nhà xe có 2 nhân viên công nghệ thông tin và thuê máy chủ đám mây để chạy phần mềm bán vé."
    assert code_of(text, "2") == "it_staff"
    # ... but not the other parts of a staff list, nor people trained in the field
    text = "Xưởng có 52 lao động, trong đó 30 thợ hàn, 18 thợ phụ và 4 nhân viên tin học."
    assert [code_of(text, q) for q in ("30", "18", "4")] == ["unclassified", "unclassified", "it_staff"]
    assert code_of("Năm 2024, 38 cán bộ tin học được tập huấn về an toàn thông tin.", "38") == "officials_trained"


def test_a_network_named_after_connecting_to_it_is_the_one_counted_not_the_internet() -> None:
    # "kết nối mạng" names the Internet only when no other network is named right after it
    assert code_of("- Kết nối mạng TSLCD: 14/14 đơn vị.", "14/14") == "tslcd_network"
    assert code_of("Có 92% trường học đã kết nối mạng LAN.", "92%") == "lan_network"
    assert code_of("Toàn bộ 36 phòng ban đã kết nối mạng nội bộ.", "36") == "lan_network"
    assert code_of("Có 88% hộ gia đình đã kết nối mạng Internet.", "88%") != "lan_network"


def test_parts_counted_in_their_whole_s_units_count_what_the_whole_counts() -> None:
    # "cài cho 2.640 máy tính, gồm 1.210 máy của ...": the parts took the whole's unit, not a topic
    text = (
        "Phần mềm diệt mã độc đã được cài đặt cho 2.640 máy tính, gồm 1.210 máy của các sở, ngành "
        "và 1.430 máy của cấp huyện."
    )
    assert [code_of(text, q) for q in ("2.640", "1.210", "1.430")] == ["information_security"] * 3
    # a part whose own words name a topic keeps it
    text = "Tỉnh có 5.000 máy tính, trong đó 4.200 máy kết nối Internet."
    assert code_of(text, "4.200") == "broadband_internet"


def test_a_length_of_a_thing_that_names_no_topic_is_a_measure() -> None:
    # "X dài N km": the border, the coast or the road is measured, whatever the sentence goes on to say
    text = "Huyện có đường biên giới dài 96 km, địa hình chia cắt nên việc phủ sóng di động còn khó."
    assert classified(text)["96"].relevance == "measure"
    assert classified("Tỉnh có bờ biển dài 187 km, nhiều xã ven biển chưa có sóng 4G.")["187"].relevance == "measure"
    # the cable named before "dài", before the comma too, is measured as cable
    assert code_of("Tuyến cáp quang dài 86 km nối 9 xã.", "86") == "cable_lines_km"
    assert code_of("Tuyến cáp quang thứ hai nối đất liền với đảo, dài 64 km, đã hoạt động.", "64") == "cable_lines_km"


def test_a_bare_centre_opening_a_sentence_is_the_centre_named_in_full_before() -> None:
    # "Trung tâm đang tích hợp ...": the centre named in full earlier, not a bare mention between
    text = (
        "Trung tâm giám sát, điều hành thông minh của thành phố đi vào hoạt động từ năm 2022. "
        "Trung tâm đã kết nối 1.120 camera giám sát. "
        "Trung tâm cũng tích hợp dữ liệu từ 19 hệ thống thông tin chuyên ngành."
    )
    assert code_of(text, "19") == "smart_city_ioc"
    # a centre that has staff counts them, and a centre named in full is its own
    text = (
        "Trung tâm giám sát, điều hành thông minh của tỉnh đi vào hoạt động từ năm 2021. "
        "Trung tâm có 36 viên chức. Trung tâm dữ liệu của tỉnh có 140 máy chủ ảo."
    )
    assert code_of(text, "36") != "smart_city_ioc"
    assert code_of(text, "140") == "data_centre"


def test_machines_a_verb_of_joining_governs_are_networked_equipment() -> None:
    # "N máy ... kết nối với phần mềm": the machines joined, not the software they are joined to
    text = "Tính đến cuối tháng 3, 214 máy đã kết nối với phần mềm, chiếm 67% số máy của xưởng."
    assert code_of(text, "214") == "infrastructure_other"
    text = "Xưởng đặt mục tiêu kết nối đủ 48 máy dệt với phần mềm quản lý sản xuất."
    assert code_of(text, "48") == "infrastructure_other"
    assert code_of("Phòng thí nghiệm có 9 máy phân tích nối với phần mềm của phòng.", "9") == "infrastructure_other"
    # the whole a part is counted out of is not joined
    text = "Hiện 15 trong số 18 máy đóng gói đã kết nối với phần mềm kho."
    assert code_of(text, "15") == "infrastructure_other"
    assert code_of(text, "18") != "infrastructure_other"
    # machines that name their own topic keep it: computers joined to software are computers
    assert code_of("Cửa hàng có 12 máy tính kết nối với phần mềm bán hàng.", "12") == "computers"
    # the machines a verb of joining takes as its object, whatever the aim joined to them names
    text = "Năm 2025, xưởng đặt mục tiêu kết nối thêm 6 máy cắt và có 90 khách hàng đặt hàng qua ứng dụng."
    assert code_of(text, "6") == "infrastructure_other"
    text = "Trung tâm giám sát an toàn thông tin đã kết nối giám sát 64 máy chủ của các sở."
    assert code_of(text, "64") == "information_security"


def test_a_share_that_a_physical_property_names_is_a_measure() -> None:
    # humidity, concentration, content, purity: a property of a product or a room, nothing counted
    text = "Kho lạnh được giữ dưới 4 độ C và độ ẩm không quá 70%, theo dõi bằng 16 cảm biến."
    found = classified(text)
    assert found["70%"].relevance == "measure"
    assert found["16"].indicator_code == "iot_devices"
    assert classified("Nhà máy bán axit nồng độ 96% qua cổng đặt hàng trực tuyến.")["96%"].relevance == "measure"
    text = "Bột cá sau sấy có độ ẩm còn dưới 9% và được đóng bao có mã QR."
    assert classified(text)["9%"].relevance == "measure"
    text = "Mỗi lô gạo có hàm lượng amylose dưới 20% được ghi vào phần mềm truy xuất."
    assert classified(text)["20%"].relevance == "measure"
    # what a device measures names the device; the share is of what it was put in
    text = "Cảm biến độ ẩm đã được lắp cho 85% nhà kính của hợp tác xã."
    assert classified(text)["85%"].relevance != "measure"


def test_respectively_is_no_word_of_the_subject_before_it() -> None:
    # "... ở cấp tỉnh, cấp huyện và cấp xã lần lượt đạt": a long subject keeps its head noun
    text = (
        "Tỷ lệ văn bản điện tử có ký số được gửi, nhận trên môi trường mạng tại cấp tỉnh, cấp huyện "
        "và cấp xã lần lượt đạt 99,1%, 96,4% và 92,7%."
    )
    assert [code_of(text, q) for q in ("99,1%", "96,4%", "92,7%")] == ["e_documents"] * 3


def test_staff_of_another_field_listed_beside_it_staff_are_not_it_staff() -> None:
    # "trong đó 3 kỹ sư công nghệ thông tin và 18 kỹ sư cơ khí": the field after the title is their own
    text = "Xưởng có 210 công nhân, trong đó 3 kỹ sư công nghệ thông tin và 18 kỹ sư cơ khí."
    found = classified(text)
    assert found["3"].indicator_code == "it_staff"
    assert found["18"].indicator_code != "it_staff"
    text = "Công ty có 45 lao động, trong đó 1 nhân viên phụ trách công nghệ thông tin và 6 kỹ thuật viên chăn nuôi."
    assert code_of(text, "6") != "it_staff"
    # a duty or a level after the title is no field of their own: still the IT staff of the list
    assert code_of("Phòng có 15 cán bộ chuyên trách công nghệ thông tin và 40 cán bộ kiêm nhiệm.", "40") == "it_staff"
    text = "Huyện có 12 công chức chuyên trách công nghệ thông tin ở cấp huyện và 48 công chức cấp xã."
    assert code_of(text, "48") == "it_staff"


def test_machines_only_a_generic_word_of_software_names_are_equipment() -> None:
    # "N máy ... về phần mềm": the machines counted, not the software their data go to
    text = "Hiện 9 trong số 12 máy đã gửi số vòng quay, nhiệt độ và giờ chạy về phần mềm."
    assert code_of(text, "9") == "infrastructure_other"
    assert code_of("Ở khâu cắt, 3 máy cắt laser nhận bản vẽ trực tiếp từ phần mềm thiết kế.", "3") == "infrastructure_other"
    # a keyword of their sentence that names something specific still names the figure
    assert code_of("Có 6 máy bán vé kết nối Internet cáp quang tốc độ cao.", "6") != "services_other"


def test_learners_of_no_training_or_digital_thing_are_a_schools_own_people() -> None:
    # a school's enrolment and its pupils' exams name nothing digital: no learners of the field
    assert code_of("Năm 2024, trung tâm ngoại ngữ có 2.850 học viên, thu học phí 29 tỷ đồng.", "2.850") != "learners"
    assert code_of("Năm nay, 134 học viên của trường thi đạt chứng chỉ piano quốc tế.", "134") != "learners"
    # learners of a training their sentence names, or their paragraph names before them
    assert code_of("Sở mở 5 lớp tập huấn cho 214 học viên.", "214") == "learners"
    text = "Huyện mở 12 lớp bồi dưỡng kỹ năng số cho cán bộ xã. Qua bài kiểm tra cuối khóa, 318 học viên đạt yêu cầu."
    assert code_of(text, "318") == "learners"
    assert code_of("Nền tảng học trực tuyến mở đại trà (MOOCs) có 12.000 người học.", "12.000") == "learners"
    # ... but not a paragraph before theirs
    text = "Huyện mở 12 lớp bồi dưỡng kỹ năng số cho cán bộ xã.\nTrường năng khiếu có 640 học viên."
    assert code_of(text, "640") != "learners"


def test_parts_of_a_headcount_take_no_field_from_another_part() -> None:
    # "trong đó 30 thợ hàn và 2 kỹ sư công nghệ thông tin": the field is the engineers' own
    found = classified("Xưởng có 120 công nhân, trong đó 30 thợ hàn và 2 kỹ sư công nghệ thông tin.")
    assert found["30"].indicator_code != "it_staff"
    assert found["2"].indicator_code == "it_staff"
    text = "Hợp tác xã có 64 nhân viên, trong đó 12 thợ mộc, 9 thợ sơn và 1 nhân viên phụ trách công nghệ thông tin."
    found = classified(text)
    assert found["9"].indicator_code != "it_staff"
    assert found["1"].indicator_code == "it_staff"
    # a part whose own clause names the IT unit they work in is IT staff
    assert code_of("Nhà máy có 300 công nhân, trong đó tổ công nghệ thông tin có 5 người.", "5") == "it_staff"


def test_the_whole_a_share_was_taken_of_counts_every_unit() -> None:
    # "chiếm 62% trong tổng số 4.000 đơn": every order, online or not; no code of the online part
    text = "Quý I/2025, cửa hàng nhận 2.480 đơn đặt hàng trực tuyến, chiếm 62% trong tổng số 4.000 đơn."
    found = classified(text)
    assert found["2.480"].indicator_code == "ecommerce"
    assert (found["4.000"].domain, found["4.000"].relevance) == ("other", "whole a share was taken of")
    assert classified("Hiện có 210 hộ dùng ứng dụng, chiếm 70% trong số 300 hộ nuôi.")["300"].domain == "other"
    text = "The shop received 2,480 online orders, accounting for 62% of 4,000 orders."
    assert classified(text)["4,000"].domain == "other"
    # dossiers of every channel have a code of their own
    text = "Năm 2024, huyện tiếp nhận 5.120 hồ sơ trực tuyến, chiếm 62% trong tổng số 8.260 hồ sơ."
    assert code_of(text, "8.260") == "dossiers_received"
    # a whole whose own words name what it counts keeps that
    assert code_of("Có 640 tài khoản được xác thực, chiếm 80% tổng số 800 tài khoản ứng dụng.", "800") == "portals_and_apps"
    # the whole a count was taken out of: what follows is said of the count, not of the whole
    text = "Hiện 96 trong số 130 cửa hàng đã dùng phần mềm bán hàng của công ty."
    assert classified(text)["130"].domain == "other"
    text = "Tính đến tháng 6, 40 trong số 52 máy dệt đã gắn bộ đếm nối với phần mềm."
    assert classified(text)["52"].domain == "other"



def test_things_fitted_with_a_device_count_the_devices_fitted() -> None:
    # the kilns are counted, but each one counts a sensor fitted: the device's code, not machines
    text = "Xưởng gốm có 20 lò nung, trong đó 14 lò đã được gắn cảm biến nhiệt độ."
    assert code_of(text, "14") == "iot_devices"
    text = "Đến nay, cả 36 máy dệt được gắn bộ thu thập dữ liệu gửi số mét vải về phần mềm."
    assert code_of(text, "36") == "iot_devices"
    # the device named before "cho" is fitted to what the figure after it counts
    text = "Năm 2024, nhà máy gắn bộ thu thập dữ liệu cho 52/52 máy ép nhựa."
    assert code_of(text, "52/52") == "iot_devices"
    text = "Từ tháng 5/2024, công ty gắn thiết bị định vị cho 75 xe tải giao hàng."
    assert code_of(text, "75") == "iot_devices"
    # "gắn định vị": the locator, after a verb of fitting
    text = "Hợp tác xã đặt mục tiêu năm 2025 có 100% ghe chở hàng được gắn định vị."
    assert code_of(text, "100%") == "iot_devices"
    # a count of devices before "cho" keeps its own code; the things after it are their sites
    text = "Xưởng gắn 18 cảm biến cho 6 tủ sấy."
    assert code_of(text, "18") == "iot_devices" and code_of(text, "6") != "iot_devices"
    # a card with a chip that a clinic uses is no device fitted to what the figure counts
    text = "Có 48 cơ sở khám bệnh tiếp nhận người bệnh bằng thẻ căn cước gắn chip."
    assert code_of(text, "48") != "iot_devices"
    # nor are the things of another clause, which the fitting verb is not said of
    text = "Công ty có 40 máy may; 12 máy cắt vải được gắn cảm biến."
    assert code_of(text, "40") != "iot_devices" and code_of(text, "12") == "iot_devices"
    # devices counted after the verb are no device fitted to each thing before it
    text = "Xưởng có 28 máy dệt kim, được gắn 56 cảm biến đứt sợi."
    assert code_of(text, "28") != "iot_devices" and code_of(text, "56") == "iot_devices"
    # a classifier with a noun of its own counts that noun, not the device it starts the name of
    text = "Nhà máy gắn bộ thu thập dữ liệu cho 40 máy ép. Tất cả 150 bộ khuôn đều có hồ sơ số."
    assert code_of(text, "150") != "iot_devices"
    # "định vị" names a device only after a verb of fitting
    text = "Hợp tác xã định vị thương hiệu cho 12 sản phẩm."
    assert code_of(text, "12") != "iot_devices"


def test_a_count_of_records_counts_records_not_what_wrote_or_keeps_them() -> None:
    # the sensors wrote the part; the whole and the part are records the log keeps
    text = "Tính đến ngày 30/6/2025, nhật ký điện tử của hợp tác xã có 9.400 bản ghi, trong đó 7.100 bản ghi do cảm biến độ ẩm tự gửi về."
    assert code_of(text, "9.400") == code_of(text, "7.100") == "services_other"
    # an app that keeps them names no figure of its own users
    assert code_of("Ứng dụng quản lý ao nuôi đã lưu 4.250 bản ghi.", "4.250") == "services_other"
    assert code_of("Sổ tay điện tử của trạm có 1.320 lượt ghi chép.", "1.320") == "services_other"
    # records with no other word of the fields are still digital records
    assert code_of("Tính đến ngày 30/9/2024, sổ này lưu 5.180 bản ghi.", "5.180") == "services_other"
    # what was done to them, when a verb of data work says it, still decides
    assert code_of("Đã số hóa 820.000 bản ghi hộ tịch.", "820.000") == "digitisation"
    assert code_of("Có 214.650 bản ghi được làm sạch.", "214.650") == "data_cleaning"


def test_a_count_whose_phrase_names_a_topic_past_its_base_keeps_its_own_predicate() -> None:
    # "người theo dõi" goes on past the base "người": the followers are named, and the
    # payments after "và" are the second aim's own
    text = "Trang TikTok của nhà vườn có 12.600 người theo dõi và 75% khách mua trả tiền qua chuyển khoản."
    assert code_of(text, "12.600") == "portals_and_apps"
    # the share after it says in the passive what it measures: its own predicate, not the followers
    text = "Gian hàng của xưởng có 4.300 người theo dõi và 100% đơn hàng đều được xuất hóa đơn điện tử."
    assert code_of(text, "4.300") == "portals_and_apps" and code_of(text, "100%") == "services_other"
    text = "Cửa hàng có 3 cán bộ công nghệ thông tin và 40 nhân viên bán hàng đã được tập huấn sử dụng phần mềm."
    assert code_of(text, "3") == "it_staff" and code_of(text, "40") != "it_staff"
    # a phrase that names only its base still takes the predicate after the next figure
    text = "100% cán bộ, công chức và trên 50% viên chức đã được đào tạo kỹ năng số."
    assert code_of(text, "100%") == code_of(text, "50%")


def test_a_count_said_in_the_passive_past_its_qualifiers_to_undergo_a_topic_counts_what_undergoes_it() -> None:
    # the leases are signed digitally; the e-invoices of the clause before say nothing of them
    text = (
        "Hợp tác xã xuất hóa đơn điện tử cho 100% đơn hàng, và 26 hợp đồng thuê kho, bãi với các "
        "thương lái trong quý III đã được ký số."
    )
    assert code_of(text, "26") == "digital_certificates"
    # a break stronger than a comma ends the reach: the contracts are not what is signed
    told = text.replace("thuê kho, bãi với", "thuê kho; bãi với")
    assert code_of(told, "26") != "digital_certificates"


def test_people_beside_others_a_topic_is_said_of_take_no_code_from_it() -> None:
    # the vet and the whole staff are not what the software and cameras are said of
    text = "Trại có 8 lao động, trong đó 1 kỹ thuật viên thú y và 1 người phụ trách phần mềm, camera."
    assert code_of(text, "8") == "unclassified"
    codes = [o.indicator_code for o in classify_observations(text, extract_observations(text))]
    assert codes == ["unclassified", "unclassified", "it_staff"]
    text = "Xưởng có 14 người làm việc thường xuyên, trong đó 2 người phụ trách phần mềm và trạm đo mặn."
    assert code_of(text, "14") == "unclassified" and code_of(text, "2") == "it_staff"
    # people given the topic in a share right after them are not its figure either
    text = "Đội kiểm tra của phường có 36 người, 100% được trang bị máy tính bảng."
    assert code_of(text, "36") == "unclassified" and code_of(text, "100%") == "computers"
    # a predicate both share after "và" is said of both
    text = "Dữ liệu của 41.200 học sinh và 2.310 giáo viên đã được cập nhật lên cơ sở dữ liệu ngành."
    assert code_of(text, "41.200") == code_of(text, "2.310") == "databases"
    # accounts of members are no people: they keep the topic their clause names
    text = "Câu lạc bộ đặt mục tiêu có 9.000 tài khoản thành viên và 70% lượt đặt sân qua ứng dụng."
    assert code_of(text, "9.000") != "unclassified"


def test_pages_a_clause_says_were_digitised_count_pages_digitised_whatever_they_are_pages_of() -> None:
    # the register the pages belong to is their topic, not the figure's indicator
    text = "Năm 2024, huyện đã số hóa 96.300 trang tài liệu, trong đó có 41.200 trang sổ hộ tịch."
    assert code_of(text, "96.300") == code_of(text, "41.200") == "digitisation"
    # in the passive the verb follows the pages, past another figure
    text = "Khoảng 1,7 triệu trang sổ hộ tịch của 12 xã đã được số hóa."
    assert code_of(text, "1,7 triệu") == "digitisation"
    # a count of entries no verb of digitising is said of keeps its own reading
    assert code_of("Cơ sở dữ liệu hộ tịch có 612.400 trường hợp đăng ký khai sinh.", "612.400") == "databases"
    # a farm is no page ("trang trại" is one word)
    assert code_of("Huyện có 37 trang trại nuôi bò sữa.", "37") != "digitisation"


def test_a_degree_opens_the_subject_it_measures_unless_a_number_makes_it_a_level() -> None:
    # "mức độ hài lòng" opens a long subject; the desks it is a satisfaction with come later
    text = "Mức độ hài lòng của tổ chức, công dân đối với việc giải quyết thủ tục hành chính tại bộ phận một cửa đạt 95,4%."
    assert code_of(text, "95,4%") == "citizen_satisfaction"
    # "mức độ 4" is a level of service, no subject of its own
    assert code_of("Tỷ lệ dịch vụ công trực tuyến mức độ 4 đạt 87%.", "87%") == "online_public_services_level34"


def test_a_long_subject_that_opens_its_sentence_is_read_from_its_head() -> None:
    # the documents head the subject; signing is only what was done to them
    text = "Văn bản đến được ký số và chuyển xử lý hoàn toàn trên môi trường mạng ở cấp sở, ngành đạt 97,4%, cấp huyện đạt 91,2%."
    assert code_of(text, "97,4%") == code_of(text, "91,2%") == "e_documents"


def test_a_clause_after_a_semicolon_that_names_only_a_level_measures_what_the_figure_before_did() -> None:
    # the signing of the first clause is what was done to the documents, at each level
    text = "Tỷ lệ hồ sơ công việc cấp tỉnh được ký số đạt 97,3%; cấp huyện đạt 92,1%; cấp xã đạt 84,6%."
    assert code_of(text, "97,3%") == code_of(text, "92,1%") == code_of(text, "84,6%") == "e_documents"
    text = "- Văn bản đến được số hóa và ký số: cấp huyện 98,2%; cấp xã 90,7%"
    assert code_of(text, "98,2%") == code_of(text, "90,7%")
    # a level clause that names a topic of its own keeps it
    text = "Tỷ lệ văn bản đi được ký số đạt 99%; cấp xã có 100% điểm wifi công cộng."
    assert code_of(text, "100%") == "public_wifi"
