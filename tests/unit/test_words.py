"""Word segmentation and keyword look-up on word boundaries (extraction/words.py).

Every sentence here is invented for the test.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from dagster_project.extraction.words import (
    KeywordIndex,
    Script,
    Text,
    fold,
    segmenter,
    tone_key,
    written_without_diacritics,
)


def found(keywords: list[str], text: str) -> list[str]:
    index = KeywordIndex((k, k) for k in keywords)
    return [m.keyword for m in index.find(Text(text))]


def test_a_keyword_does_not_match_inside_a_longer_word() -> None:
    # "dân tộc" is one word: "người dân" is not in "người dân tộc thiểu số".
    assert found(["người dân"], "Có 1.200 người dân tộc thiểu số được hỗ trợ điện thoại") == []
    assert found(["người dân"], "Có 1.200 người dân được hỗ trợ điện thoại") == ["người dân"]
    # "thời điểm" is one word: "điểm" alone is not in it.
    assert found(["điểm"], "Tại thời điểm báo cáo, toàn tỉnh có 45 điểm") == ["điểm"]


def test_a_keyword_matches_whole_syllables_only() -> None:
    assert found(["lan"], "Hệ thống mạng lan rộng khắp") == ["lan"]
    assert found(["lan"], "Tỉnh Lào Cai có lanh tô") == []
    assert found(["bts"], "45 trạm BTS mới") == ["bts"]


def test_a_currency_or_weight_written_onto_its_figure_is_a_word_of_its_own() -> None:
    assert found(["vnđ"], "Doanh thu đạt VNĐ48 billion in 2024") == ["vnđ"]
    assert found(["kg"], "Each family sells 12kg of tea a week") == ["kg"]
    assert found(["ha"], "trên diện tích 2,5ha chè") == ["ha"]
    assert found(["g"], "Có 230 trạm 5G mới") == []  # "5G" stays one word
    assert found(["kg"], "mã kgb") == []


def test_case_and_runs_of_spaces_do_not_matter() -> None:
    assert found(["chữ ký số"], "Đã cấp 300 CHỮ  KÝ\nSỐ cho cán bộ") == ["chữ ký số"]


def test_english_keywords_match_their_plural_and_stems_their_endings() -> None:
    assert found(["base station"], "The province has 1,200 base stations") == ["base station"]
    assert found(["digitiz*"], "2,000 records were digitized") == ["digitiz*"]
    assert found(["digitiz"], "2,000 records were digitized") == []


def test_text_without_diacritics_is_matched_folded_and_marked_text_never_is() -> None:
    unmarked = "Toan tinh co 95% can bo cong chuc duoc trang bi may tinh"
    assert Text(unmarked).script == Script.FOLDED
    assert found(["máy tính"], unmarked) == ["máy tính"]
    # Marked text keeps "cáp" and "cấp" apart.
    assert found(["cáp quang"], "Kết nối đến 100% UBND cấp quận") == []
    # A one-syllable keyword is too ambiguous once folded: "cap" could be cáp or cấp.
    assert found(["cáp"], "ket noi den cap xa va cac huyen trong tinh") == []


def test_english_is_not_taken_for_vietnamese_without_diacritics() -> None:
    assert not written_without_diacritics("The province has 1,200 base stations and 95% coverage")
    assert written_without_diacritics("Toan tinh co 1.200 tram BTS va cac xa deu co song di dong")


def test_fold_keeps_the_length_and_tone_key_unifies_tone_placement() -> None:
    assert fold("Đắk Lắk hoá") == "Dak Lak hoa"
    assert len(fold("ướp ựa")) == len("ướp ựa")
    assert tone_key("hóa thủy khỏe") == tone_key("hoá thuỷ khoẻ")


def test_the_segmenter_agrees_with_pyvi_on_an_invented_paragraph() -> None:
    paragraph = (
        "Đến nay, toàn tỉnh có 1.250 người dân tộc thiểu số sử dụng điện thoại thông minh; "
        "tại thời điểm báo cáo, hạ tầng viễn thông phủ sóng 98% thôn bản."
    )
    from pyvi import ViTokenizer  # the reference (imports scikit-learn; only here)

    assert segmenter().segment(paragraph) == ViTokenizer.tokenize(paragraph).split()


def test_a_run_the_tagger_glues_into_no_word_is_read_as_dictionary_words() -> None:
    # The CRF reads "mục tiêu đề ra" as "mục_tiêu_đề ra": read again, "mục tiêu" + "đề".
    assert found(["mục tiêu"], "Hoàn thành 7/15 mục tiêu đề ra") == ["mục tiêu"]
    # ... and "thời điểm báo cáo" as one run: read again, "thời điểm" + "báo cáo".
    assert found(["điểm", "báo cáo"], "Tại thời điểm báo cáo có 45 điểm") == ["báo cáo", "điểm"]


def test_the_quantity_word_stands_alone_before_a_word_it_overlaps() -> None:
    # The CRF glues "Số học viên" as "số học" (arithmetic) + "viên": "số" counts "học viên".
    assert found(["học viên"], "Số học viên tham gia khóa học là 240 người") == ["học viên"]
    assert found(["học sinh"], "Tổng số học sinh có tài khoản là 1.200 em") == ["học sinh"]
    # ... and "số học" on its own is still the word it is
    assert found(["học"], "Môn số học lớp 5") == []
    # a unit of measure opens the counted phrase as "số" does: "tấn | công ty", not "tấn công | ty"
    assert found(["tấn công"], "Vụ này xưởng sấy 2.450 tấn công ty thu mua của nông dân") == []
    assert found(["tấn công"], "Hệ thống đã chặn 2.450 cuộc tấn công mạng") == ["tấn công"]


def test_the_segmenter_loads_without_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from dagster_project.extraction.words import segmenter\n"
        "segmenter().segment('Cán bộ có máy tính')\n"
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("text", ["", "   ", "%%%", "12/15"])
def test_empty_or_symbol_texts_find_no_word(text: str) -> None:
    assert found(["máy tính"], text) == []
