"""Unit tests for dagster_project.ingestion.text (sentences written for the tests)."""
from __future__ import annotations

import random
import unicodedata

import pytest

from dagster_project.extraction.normalize import normalize_text
from dagster_project.ingestion.text import (
    TRUNCATED_UTF8,
    UndecodableError,
    decode_bytes,
    strip_markup,
)

SAMPLE = "Sở Thông tin và Truyền thông: 98,5% xã có cáp quang, khoẻ mạnh."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258_bytes(text: str) -> bytes:
    """Encode the way Windows-1258 stores Vietnamese: base letters with their
    hat/horn/breve precomposed, tone marks as separate combining characters."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


# ---------------------------------------------------------------- decode_bytes


def test_decodes_utf8() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (SAMPLE, "utf-8")


def test_decodes_utf8_with_bom_and_drops_the_bom() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-8-sig"))
    assert (decoded.text, decoded.encoding) == (SAMPLE, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decodes_utf16_with_bom(codec: str) -> None:
    decoded = decode_bytes("\ufeff".encode(codec) + SAMPLE.encode(codec))
    assert (decoded.text, decoded.encoding) == (SAMPLE, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decodes_utf16_without_bom_from_nul_pattern(codec: str) -> None:
    decoded = decode_bytes(SAMPLE.encode(codec))
    assert (decoded.text, decoded.encoding) == (SAMPLE, codec)


def test_decodes_cp1258_and_composes_tone_marks() -> None:
    decoded = decode_bytes(_cp1258_bytes(SAMPLE))
    assert decoded.encoding == "cp1258"
    assert decoded.text == unicodedata.normalize("NFC", SAMPLE)


def test_nfd_utf8_input_comes_out_nfc() -> None:
    decoded = decode_bytes(unicodedata.normalize("NFD", SAMPLE).encode("utf-8"))
    assert decoded.text == SAMPLE


def test_truncated_final_character_is_dropped_and_noted() -> None:
    data = "Hồ sơ đã được số hoá".encode("utf-8")[:-1]  # cut inside the final "á"
    decoded = decode_bytes(data)
    assert decoded.text == "Hồ sơ đã được số ho"
    assert decoded.encoding == TRUNCATED_UTF8


def test_invalid_bytes_inside_utf8_text_are_rejected() -> None:
    data = "Tỉnh đạt".encode("utf-8") + b"\xff" + " 100% mục tiêu".encode("utf-8")
    with pytest.raises(UndecodableError, match="damaged UTF-8"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t "])
def test_empty_or_blank_input_is_rejected(data: bytes) -> None:
    with pytest.raises(UndecodableError, match="empty"):
        decode_bytes(data)


def test_blank_utf16_text_is_rejected() -> None:
    with pytest.raises(UndecodableError, match="empty"):
        decode_bytes("\ufeff   \n".encode("utf-16"))


def test_png_header_is_rejected_as_image() -> None:
    with pytest.raises(UndecodableError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"), (b"GIF89a\x01\x00", "GIF"), (b"%PDF-1.7\n", "PDF")],
)
def test_other_magic_numbers_are_rejected(data: bytes, kind: str) -> None:
    with pytest.raises(UndecodableError, match=kind):
        decode_bytes(data)


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UndecodableError, match="NUL"):
        decode_bytes(b"ab\x00\x00\x01cd\x00\x07\x00\x00\x00xyz")


def test_control_character_junk_is_rejected() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 4)


# ---------------------------------------------------------------- strip_markup


def test_strip_markup_drops_script_style_nav_and_head() -> None:
    html = (
        "<html><head><title>Cổng</title><style>p{}</style></head><body>"
        "<nav>Trang chủ</nav><script>var x = 1;</script><p>Nội dung</p></body></html>"
    )
    assert strip_markup(html) == "Nội dung"


def test_strip_markup_puts_blocks_and_breaks_on_their_own_lines() -> None:
    html = "<h1>Tiêu đề</h1><p>Dòng một<br>dòng hai</p><div>Khối</div>"
    assert strip_markup(html).split("\n") == ["Tiêu đề", "", "Dòng một", "dòng hai", "", "Khối"]


def test_strip_markup_unescapes_entities_once() -> None:
    assert strip_markup("<p>Sở TT&amp;TT &amp;lt;x&gt;</p>") == "Sở TT&TT &lt;x>"


def test_strip_markup_collapses_whitespace_inside_a_block() -> None:
    assert strip_markup("<p>  hai\n   từ&nbsp;&nbsp;ba </p>") == "hai từ ba"


def test_strip_markup_separates_table_cells() -> None:
    html = "<table><tr><td>Tỷ lệ</td><td>95%</td></tr><tr><td>Số xã</td><td>120</td></tr></table>"
    assert strip_markup(html) == "Tỷ lệ | 95%\nSố xã | 120"


def test_strip_markup_keeps_a_tables_header_row_beside_its_body() -> None:
    html = (
        "<table><caption>Bảng 2. Hồ sơ theo xã</caption><thead><tr><th>Xã</th><th>Hồ sơ trực tuyến</th></tr></thead>"
        "<tbody><tr><td>Xã A</td><td>1.240</td></tr></tbody><tfoot><tr><td>Tổng</td><td>1.240</td></tr></tfoot></table>"
    )
    assert strip_markup(html) == "Bảng 2. Hồ sơ theo xã\n\nXã | Hồ sơ trực tuyến\nXã A | 1.240\nTổng | 1.240"


# ---------------------------------------------------------------- normalize_text


def test_normalize_text_composes_to_nfc() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "Nghệ An")) == "Nghệ An"


@pytest.mark.parametrize(
    ("old", "new"),
    [("Khánh Hoà", "Khánh Hòa"), ("Thanh Hoá", "Thanh Hóa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("HOÀ", "HÒA")],
)
def test_normalize_text_uses_new_style_tone_placement(old: str, new: str) -> None:
    assert normalize_text(old) == new


@pytest.mark.parametrize("word", ["hoàn", "ngoài", "quý", "quà", "khuyến", "thuế"])
def test_normalize_text_leaves_syllables_both_styles_agree_on(word: str) -> None:
    assert normalize_text(word) == word


def test_normalize_text_turns_nbsp_into_space_and_drops_zero_width() -> None:
    assert normalize_text("98,5\u00a0%\u200b đạt") == "98,5 % đạt"


def test_normalize_text_unifies_line_ends_and_keeps_lines() -> None:
    assert normalize_text("một\r\nhai\rba\n\nbốn") == "một\nhai\nba\n\nbốn"


def test_normalize_text_replaces_eth_lookalike_with_d_stroke() -> None:
    assert normalize_text("\u00d0ảng") == "Đảng"


def test_normalize_text_skips_only_texts_the_full_steps_leave_unchanged() -> None:
    # Random strings of the characters each step touches, next to the letters around them.
    from dagster_project.extraction.normalize import _normalize

    alphabet = list("oOaAeEuUyYqQhk nđ.\r\n1_") + [
        "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u031b", "\u00a0", "\u200b", "\ufeff", "\u00d0",
        "\u00f0", "à", "ạ", "ẻ", "ỳ", "Ý", "ặ", "ờ", "ò", "ư",
    ]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        assert normalize_text(text) == _normalize(text), repr(text)
    for text in ("Hoà Bình, khoẻ, thuỷ lợi, Thanh Hoá.", "hoàn thành, quý, ngoài", "đã\u00a0xong\r\n"):
        assert normalize_text(text) == _normalize(text)
        assert normalize_text(normalize_text(text)) == normalize_text(text)


def test_a_report_is_stored_as_spelled_and_matched_in_one_tone_placement() -> None:
    from dagster_project.ingestion.documents import read_document

    written = "Tỷ lệ số hoá hồ sơ của Uỷ ban đạt 85%.\r\n"
    stored = read_document("r.txt", written.encode("utf-8")).text
    assert "số hoá" in stored and "Uỷ ban" in stored and "\r" not in stored
    unified = normalize_text(stored)
    assert "số hóa" in unified and "Ủy ban" in unified and len(unified) == len(stored)


def test_evidence_quotes_the_report_in_its_own_spelling() -> None:
    from dagster_project.extraction.pipeline import extract_report

    # the report spells "hoá" both ways: the verbatim sentence is copied, not respelled
    from dagster_project.ingestion.documents import read_document

    written = "Văn hóa số phát triển. Tỷ lệ số hoá hồ sơ đạt 85%, văn hoá đọc đạt 12 điểm thư viện."
    text = read_document("r.txt", written.encode("utf-8")).text
    [share] = [o for o in extract_report(text, None) if o.quote == "85%"]
    assert share.indicator_code == "digitisation"
    assert share.sentence == "Tỷ lệ số hoá hồ sơ đạt 85%, văn hoá đọc đạt 12 điểm thư viện."


def test_merged_header_cells_give_one_header_row_with_a_heading_per_column() -> None:
    html = (
        "<table><tr><td colspan='5'>Đơn vị tính: trạm</td></tr>"
        "<tr><td rowspan='2'>TT</td><td rowspan='2'>Huyện</td><td rowspan='2'>Hiện có</td>"
        "<td colspan='2'>Kế hoạch</td></tr>"
        "<tr><td>Năm 2026</td><td>Năm 2027</td></tr>"
        "<tr><td>1</td><td>Mường Nhé</td><td>58</td><td>64</td><td>70</td></tr></table>"
    )
    assert strip_markup(html).split("\n") == [
        "Đơn vị tính: trạm",
        "TT | Huyện | Hiện có | Kế hoạch Năm 2026 | Kế hoạch Năm 2027",
        "1 | Mường Nhé | 58 | 64 | 70",
    ]


def test_merged_body_cells_keep_every_value_under_its_own_column() -> None:
    html = (
        "<table><tr><th>Huyện</th><th>Xã</th><th>Số camera</th></tr>"
        "<tr><td rowspan='2'>Tuần Giáo</td><td>Quài Nưa</td><td>12</td></tr>"
        "<tr><td>Mùn Chung</td><td>9</td></tr>"
        "<tr><td colspan='2'>Tổng cộng</td><td>21</td></tr></table>"
    )
    assert strip_markup(html).split("\n") == [
        "Huyện | Xã | Số camera",
        "Tuần Giáo | Quài Nưa | 12",
        "Tuần Giáo | Mùn Chung | 9",  # the cell merged down names each row it covers
        "Tổng cộng | Tổng cộng | 21",  # the label names the columns it covers
    ]
    # a number merged across is printed once
    html = "<table><tr><th>Xã</th><th>2024</th><th>2025</th></tr><tr><td>Xã A</td><td colspan='2'>12</td></tr></table>"
    assert strip_markup(html).split("\n")[1] == "Xã A | 12"


def test_a_table_without_merged_cells_reads_as_before() -> None:
    html = "<table><tr><th>Chỉ tiêu</th><th>Năm 2025</th></tr><tr><td>Trạm BTS</td><td>412</td></tr></table>"
    assert strip_markup(html).split("\n") == ["Chỉ tiêu | Năm 2025", "Trạm BTS | 412"]
