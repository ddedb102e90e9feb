"""Unit tests for dagster_project.extraction.numbers (inputs written for the tests)."""
from __future__ import annotations

import pytest

from dagster_project.extraction.numbers import detect_language, find_numbers, multiplier_after, parse_number


@pytest.mark.parametrize(
    ("raw", "lang", "next_word", "expected"),
    [
        ("10.368", "vi", "", 10368.0),  # Vietnamese thousands
        ("96,89", "vi", "", 96.89),  # Vietnamese decimal comma
        ("103,78", "vi", "", 103.78),
        ("1.234.567", "vi", "", 1234567.0),
        ("1.234,5", "vi", "", 1234.5),  # both marks: the last one is decimal
        ("02", "vi", "đợt", 2.0),
        ("12,560", "en", "", 12560.0),  # English thousands
        ("81.3", "en", "", 81.3),  # English decimal
        ("7,197,870", "en", "", 7197870.0),
        ("7,197,870", "vi", "", 7197870.0),  # several groups can only be thousands
        ("340,656", "vi", "thuê", 340656.0),  # English copy inside Vietnamese text
        ("1,672", "vi", "km", 1.672),  # a measure keeps the comma decimal
        ("2,2", "vi", "cán", 2.2),
        ("2318", "vi", "", 2318.0),
        ("0,7215", "vi", "điểm", 0.7215),
    ],
)
def test_parse_number_reads_both_conventions(raw: str, lang: str, next_word: str, expected: float) -> None:
    assert parse_number(raw, lang, next_word) == pytest.approx(expected)  # type: ignore[arg-type]


def test_parse_number_rejects_malformed_groups() -> None:
    assert parse_number("1.23.4", "vi") is None


def test_detect_language() -> None:
    assert detect_language("Toàn huyện đã có 45 trạm phát sóng và 12 điểm bưu điện.") == "vi"
    assert detect_language("The district has 45 base stations and 12 post offices in the area.") == "en"


def test_find_numbers_does_not_swallow_list_commas_or_full_stops() -> None:
    tokens = find_numbers("Có 12 xã, 3 phường và 2.500 hộ.", "vi")
    assert [(t.raw, t.value) for t in tokens] == [("12", 12.0), ("3", 3.0), ("2.500", 2500.0)]


def test_find_numbers_reads_numbers_glued_to_words() -> None:
    [token] = find_numbers("đạt 41250lượt truy cập", "vi")
    assert token.value == 41250.0


@pytest.mark.parametrize(
    ("text", "factor"),
    [(" nghìn máy", 1e3), (" ngàn hộ", 1e3), (" triệu người", 1e6), (" tỷ đồng", 1e9), (" billion", 1e9), (" máy", 1.0)],
)
def test_multiplier_after(text: str, factor: float) -> None:
    assert multiplier_after("5" + text, 1)[0] == factor


def test_a_number_grouped_by_spaces_is_one_number_alone_in_a_cell_or_after_a_colon() -> None:
    def raws(text: str) -> list[str]:
        return [t.raw for t in find_numbers(text, "vi")]

    assert raws("1 | Thành phố Đồng Hới | 48 620") == ["1", "48 620"]
    assert raws("Số thuê bao: 162 382") == ["162 382"]
    assert [t.value for t in find_numbers("Cộng   1 234   5 678", "vi")] == [1234.0, 5678.0]
    # in running prose two numbers may stand a space apart
    assert raws("Có 12 345 hộ") == ["12", "345"]
