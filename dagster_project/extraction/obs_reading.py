"""Reading the numbers of one sentence (or one table cell) as figures.

Each number is read with the marks around it: a percent sign, a scale word
("nghìn", "billion"), "x/y", a pair with units ("1.387 máy/1.442 người"), a
part of a total ("52.100 hồ sơ trực tuyến/tổng số 140.300"), a rate per 100
inhabitants ("106,8 thuê bao/100 dân", "thuê bao/100 dân: 88,4"), a range, a
qualifier, "gấp N lần". A percentage and the "x/y" that states it are one
figure, in either order ("451.343/434.900 ..., đạt 103,78%", "trên 75%
(1.276/1.698 TTHC)").
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from dagster_project.extraction import lexicon
from dagster_project.extraction.numbers import Lang, NumberToken, multiplier_after
from dagster_project.extraction.obs_context import Sentence, clause_bounds, qualifier_before
from dagster_project.extraction.obs_filters import in_personal_account, label_reason

_I = re.IGNORECASE
_PERCENT_AFTER = re.compile(r"\s?%|\s*(?:percent|per cent|phần trăm)\b", _I)
_SLASH = re.compile(r"\s*/\s*")
_RANGE_DASH = re.compile(r"\s?[-–]\s?")
_FRACTION = re.compile(r"\s+phần\s+", _I)  # "7 phần 10": seven tenths
# Unit words between a figure and the "/N" after them: "87 thuê bao/100 dân", "1.387 máy/1.442 người".
_UNIT_SLASH = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*/\s*")
# A part and its total: "52.100 hồ sơ trực tuyến/tổng số 140.300", "... trên tổng số 140.300".
_OUT_OF_TOTAL = re.compile(
    r"\s*(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,7})?\s*(?:/\s*|\s(?:trên|trong|so với)\s+)tổng(?:\s+số)?"
    r"(?:\s+[^\W\d_]+){0,3}?\s*(?:là\s*|:\s*)?",
    _I,
)
# "bình quân mỗi cơ quan có 2,4", "trung bình 1 xã có", "an average of": an average per unit.
_AVERAGE_BEFORE = re.compile(
    lexicon.word_alternation(lexicon.AVERAGE_WORDS)
    + r"(?:\s+(?:mỗi|một|1)\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3})?\s*(?:có|đạt|là|khoảng|:)?\s*$",
    _I,
)
_EN_OUT_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|all)\s+)?(?:[^\W\d_]+['’]s\s+)?(?:total\s+)?", _I)
_POWERS_OF_TEN = {"1", "10", "100", "1000", "1.000", "10.000", "100.000", "1,000"}
# The base of a per-capita rate right before a figure: "thuê bao/100 dân: 88,4", "(thuê bao/100 dân) đạt 90".
# "/100 dân", "/1.000 người": a rate per so many inhabitants (also in a table's unit cell)
PER_CAPITA_RATE = r"/\s*(1|10|100|1\.000)\s*" + lexicon.alternation(lexicon.PER_CAPITA_BASES)  # group 1: the base
# A form's value field after its unit field: "ĐVT: thuê bao/100 dân. Số liệu: 120,3".
_VALUE_FIELD = r"(?:[.;,]\s*(?:số liệu|giá trị|kết quả)\s*)?"
_PER_CAPITA_BEFORE = re.compile(
    PER_CAPITA_RATE + r"\s*\)?\s*" + _VALUE_FIELD + r"(?::|=|là|đạt|bình quân|khoảng|trên|hơn)?\s*$",
    _I,
)
# "ĐVT: %. Số liệu: 96,8": the unit field of a form's line says the value is a percentage
_PERCENT_FIELD_BEFORE = re.compile(r"\b(?:ĐVT|Đơn vị tính)\s*:\s*%\s*" + _VALUE_FIELD + r":?\s*$", _I)
_WORD_SLASH_BEFORE = re.compile(r"[^\W\d_]\s*/\s*$")
# "Số thuê bao di động trên 100 dân: 104,2": the rate written out ("trên" = per). Only with a
# figure right after it, so "đã hướng dẫn trên 100 người dân" (over 100 people) stays a count.
_PER_CAPITA_WORD_BEFORE = re.compile(
    r"[^\W\d_]\s+(?:trên|per)\s*(1|10|100|1\.000)\s*" + lexicon.alternation(lexicon.PER_CAPITA_BASES)
    + r"\s*\)?\s*(?::|=|là|đạt)\s*$",
    _I,
)
_PER_CAPITA_WORD_BASE = re.compile(r"[^\W\d_]\s+(?:trên|per)\s*$", _I)
_RATE_FOLLOWS = re.compile(r"\s*" + lexicon.alternation(lexicon.PER_CAPITA_BASES) + r"\s*\)?\s*(?::|=|là|đạt)\s*\d", _I)
_PER_CAPITA_AFTER = re.compile(r"\s*" + lexicon.word_alternation(lexicon.PER_CAPITA_BASES), _I)
# Words joining a ratio to the percentage that restates it ("x/y ..., đạt z%").
_RATIO_PERCENT_LINK = re.compile(
    r"(?:\(|đạt|tỷ lệ|tỉ lệ|bằng|chiếm|tương ứng|tương đương|reaching|equal to|=|,\s*or|accounting for|representing)"
    r"\s*(?:(?:tỷ lệ|tỉ lệ|khoảng|đạt|about|some|nearly|almost|around)\s*)*$", _I
)
# Words joining a percentage to the "(x/y)" that backs it: "75% (1.276/1.698 TTHC)".
_PERCENT_RATIO_LINK = re.compile(r"\s*\(\s*(?:(?:tương ứng|tương đương|gồm|với|đạt|là|của)\s*)?", _I)
_CLOSING_PAREN = re.compile(r"[^()\n]{0,40}?\)")
# ... or the noun the percentage counts stands between them: "100% trạm y tế xã (106/106 trạm)",
# perhaps with the year of a plan: "đạt 98,3% chỉ tiêu năm 2025 (63,9/65)"
_PERCENT_NOUN_RATIO_LINK = re.compile(r"(?:[^\d()%;:.!?\n]|(?<=năm )(?:19|20)\d\d\b){1,60}\(\s*", _I)
_MEASURE_AFTER = re.compile(r"\s?" + lexicon.word_alternation(lexicon.MEASURE_UNITS), _I)
_CURRENCY_AFTER = re.compile(r"\s*" + lexicon.word_alternation(lexicon.CURRENCY_WORDS) + lexicon.NOT_CURRENCY_LOOKAHEAD, _I)
_RANK_BEFORE = re.compile(r"(?:thứ|hạng|top|tốp)\s*$", _I)
PERCENT_ROW_LABEL = "(%)"


@dataclass
class Figure:
    """A figure while it is being assembled; becomes an Observation at the end."""

    sentence: Sentence
    start: int  # quote span
    end: int
    value: float
    unit: str  # percent | count | ratio
    raw: str = ""  # the number as written
    numerator: float | None = None
    denominator: float | None = None
    stated_percent: float | None = None
    qualifier: str | None = None
    lead_start: int = 0  # where the qualifier (if any) begins
    subject_from: int = -1  # where the counted noun phrase starts (after x/y when merged)
    parent: int | None = None
    parts_complete: bool = False  # a total whose parts, pointing at it, are all of it (a sum row, a list by channel)
    kind: str | None = None  # rank | density | multiple | per_one | average | measure | money | comparison
    range_high: float | None = None
    multiplier: float | None = None
    context: object = None  # the block or table cell it was read in (observations.py)
    as_of: datetime.date | None = None
    as_of_source: str | None = None  # sentence | paragraph | section | report | column
    in_goal_list: bool = False  # after a sentence that announced a list of goals
    extra: dict[str, str] = field(default_factory=dict)


def read_sentence(
    text: str, sentence: Sentence, tokens: list[NumberToken], lang: Lang, label_at: int | None
) -> list[Figure]:
    """Figures of one sentence; `label_at` is where its line's "(%)" row label is, if any."""
    figures: list[Figure] = []
    i = 0
    while i < len(tokens):
        figure, used = _read_figure(text, sentence, tokens, i, lang, label_at)
        if figure is not None:
            figures.append(figure)
        i += used
    return merge_pairs(text, figures)


def _read_figure(
    text: str, sentence: Sentence, tokens: list[NumberToken], i: int, lang: Lang, label_at: int | None
) -> tuple[Figure | None, int]:
    """The figure starting at tokens[i], and how many tokens it used."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    clause_start, _ = clause_bounds(sentence, tok.start)
    if label_reason(text, tok.start, tok.end, clause_start, lang):
        return None, 1
    if in_personal_account(text, sentence.start, sentence.end, tok.start):
        return None, 1
    if _PER_CAPITA_AFTER.match(text, tok.end) and _WORD_SLASH_BEFORE.search(text, max(0, tok.start - 8), tok.start):
        return None, 1  # "thuê bao/100 dân": the base of a rate, not a figure
    if _RATE_FOLLOWS.match(text, tok.end) and _PER_CAPITA_WORD_BASE.search(text, max(0, tok.start - 12), tok.start):
        return None, 1  # "thuê bao trên 100 dân: 104,2": the same, written out
    qualifier, lead = qualifier_before(text, tok.start)
    figure = Figure(sentence, tok.start, tok.end, tok.value, "count", raw=tok.raw, qualifier=qualifier, lead_start=lead)
    if _RANK_BEFORE.search(text, max(0, tok.start - 12), tok.start):
        figure.kind = "rank"
    used = 1
    between = text[tok.end : nxt.start] if nxt is not None else ""
    if nxt is not None and _SLASH.fullmatch(between):
        if re.match(r"\s*cấp\b", text[nxt.end : nxt.end + 8], _I):
            return None, 2  # "liên thông 3/4 cấp" is a label
        _make_ratio(figure, nxt)
        if nxt.raw.lstrip("0") in _POWERS_OF_TEN and _PER_CAPITA_AFTER.match(text, nxt.end):
            figure.kind = "density"  # "116,3/100 dân"
        used = 2
    elif nxt is not None and len(between) <= 40 and _UNIT_SLASH.fullmatch(between):
        # "87 thuê bao/100 dân" is a rate; "1.387 máy/1.442 người" a pair of counts.
        _make_ratio(figure, nxt)
        if nxt.raw.lstrip("0") in _POWERS_OF_TEN:
            figure.kind = "density"
        used = 2
    elif nxt is not None and len(between) <= 80 and _OUT_OF_TOTAL.fullmatch(between) and not re.search(r"[;.!?]", between):
        _make_ratio(figure, nxt)
        if between[:1].isspace() and between.lstrip()[:1].isalpha():
            figure.subject_from = tok.end  # "1 nhân viên tin học trên tổng số 104 lao động": the part's units
        used = 2
    elif nxt is not None and _FRACTION.fullmatch(between) and 0 < tok.value < nxt.value:
        # "hơn 7 phần 10 người dân": a share, seven in ten
        figure.unit, figure.value, figure.end = "percent", round(100 * tok.value / nxt.value, 2), nxt.end
        figure.extra["fraction"] = f"{tok.raw}/{nxt.raw}"
        return figure, 2
    elif nxt is not None and _EN_OUT_OF.fullmatch(between):
        _make_ratio(figure, nxt)  # English "12 of 15 districts", "1,012 of the country's 1,650 hospitals"
        used = 2
    elif nxt is not None and _is_range(text, tok, nxt):
        figure.end = nxt.end
        figure.range_high = nxt.value
        figure.extra["range"] = f"{tok.raw}-{nxt.raw}"
        used = 2
    else:
        base = _PER_CAPITA_BEFORE.search(text, max(clause_start, tok.start - 60), tok.start) or (
            _PER_CAPITA_WORD_BEFORE.search(text, max(clause_start, tok.start - 60), tok.start)
        )
        if base:
            # "thuê bao/100 dân: 88,4": 88,4 per 100 inhabitants.
            figure.unit, figure.numerator, figure.denominator = "ratio", tok.value, float(base.group(1).replace(".", ""))
            figure.kind = "density"
    read_unit(text, figure, label_at)
    used += _read_per_one(text, tokens, i, figure)
    if figure.kind is None and figure.unit == "count" and _AVERAGE_BEFORE.search(text, max(0, lead - 60), lead):
        figure.kind = "average"  # per unit: "bình quân mỗi cơ quan có 2,4 cán bộ" (need not be whole)
    return figure, used


def _make_ratio(figure: Figure, nxt: NumberToken) -> None:
    figure.end, figure.unit = nxt.end, "ratio"
    figure.numerator, figure.denominator = figure.value, nxt.value


def read_unit(text: str, figure: Figure, label_at: int | None = None) -> None:
    """Percent sign, scale word ("nghìn", "billion"), measure unit or "gấp N lần" after the number."""
    if figure.unit == "ratio":
        return
    suffix = re.match(r"(?:st|nd|rd|th)\b", text[figure.end : figure.end + 3])
    if suffix:
        figure.end += suffix.end()
        figure.kind = "rank"
        return
    m = _PERCENT_AFTER.match(text, figure.end)
    if m:
        figure.unit, figure.end = "percent", m.end()
        return
    factor, end = multiplier_after(text, figure.end)
    if factor != 1.0:
        figure.value *= factor
        figure.end = end
        figure.multiplier = factor
        if _CURRENCY_AFTER.match(text, end):
            figure.kind = "money"
        elif _MEASURE_AFTER.match(text, end):
            figure.kind = figure.kind or "measure"  # "83 triệu m3"
        return
    if _CURRENCY_AFTER.match(text, figure.end):
        figure.kind = "money"
        return
    if _MEASURE_AFTER.match(text, figure.end):
        figure.kind = figure.kind or "measure"  # "9.860 km", "4,37 km/điểm": not a count of things
        return
    # Positions of the label are precomputed: looking back along the line for
    # every figure would be quadratic on a line of several megabytes.
    if label_at is not None and label_at + len(PERCENT_ROW_LABEL) <= figure.start:
        figure.unit = "percent"  # a table row labelled "(%)" holds percentages
        return
    if _PERCENT_FIELD_BEFORE.search(text, max(0, figure.start - 40), figure.start):
        figure.unit = "percent"
        return
    # "gấp 4 lần", "gấp khoảng 10 lần" (a qualifier between)
    lead = figure.lead_start or figure.start
    if re.search(r"gấp\s+$", text[max(0, lead - 8) : lead], _I) and re.match(r"\s*lần\b", text[figure.end :]):
        figure.unit, figure.numerator = "ratio", figure.value
        figure.kind = "multiple"


def _read_per_one(text: str, tokens: list[NumberToken], i: int, figure: Figure) -> int:
    """"cứ 2,2 cán bộ có 1 máy tính": one ratio 2.2/1, the "1" is no figure of its own.

    Returns how many more tokens the figure used (0 or 1).
    """
    if figure.unit != "count" or i + 1 >= len(tokens):
        return 0
    if not re.search(r"\bcứ\s+$", text[max(0, figure.start - 6) : figure.start], _I):
        return 0
    other = tokens[i + 1]
    between = text[figure.end : other.start]
    if other.value != 1 or ";" in between or not re.search(r"\b(?:có|thì|được)\s*$", between):
        return 0
    figure.unit, figure.numerator, figure.denominator = "ratio", figure.value, 1.0
    figure.end = other.end
    figure.kind = "per_one"
    return 1


def _is_range(text: str, tok: NumberToken, nxt: NumberToken) -> bool:
    """"1-2 cán bộ", "15–20%": a range whose lower bound is the value."""
    if not _RANGE_DASH.fullmatch(text[tok.end : nxt.start]):
        return False
    return tok.value < nxt.value and nxt.value < 1000 and not nxt.raw.startswith("0")


def merge_pairs(text: str, figures: list[Figure]) -> list[Figure]:
    """A percentage and the "x/y" that states it are one figure, whichever comes first."""
    merged: list[Figure] = []
    for figure in figures:
        ratio = _ratio_before(text, merged) if figure.unit == "percent" else None
        if ratio is not None and states_share(text, ratio.end, figure):
            # "451.343/434.900 đối tượng, đạt 103,78%"
            ratio.stated_percent = figure.value
            ratio.subject_from = ratio.end
            ratio.value, ratio.unit, ratio.end = figure.value, "percent", figure.end
            ratio.qualifier = ratio.qualifier or figure.qualifier
            continue
        prev = merged[-1] if merged else None
        if prev is not None and prev.unit == "percent" and prev.numerator is None and _is_plain_ratio(figure) and (
            _PERCENT_RATIO_LINK.fullmatch(text, prev.end, figure.lead_start)
        ):
            # "trên 75% (1.276/1.698 TTHC) đủ điều kiện ...": the subject follows the bracket.
            prev.numerator, prev.denominator = figure.numerator, figure.denominator
            prev.stated_percent = prev.value
            closing = _CLOSING_PAREN.match(text, figure.end)
            prev.subject_from = closing.end() if closing else figure.end
            prev.end = figure.end
            continue
        if prev is not None and prev.unit == "percent" and prev.numerator is None and _is_plain_ratio(figure) and (
            _PERCENT_NOUN_RATIO_LINK.fullmatch(text, prev.end, figure.lead_start) and _agrees(prev, figure)
        ):
            # "100% trạm y tế xã, phường (106/106 trạm) đã ...": the bracket backs the share; the
            # noun before it stays the subject
            prev.numerator, prev.denominator = figure.numerator, figure.denominator
            prev.stated_percent = prev.value
            continue
        merged.append(figure)
    return merged


_GENERATIONS = re.compile(r"\b\d\s*G\b")
# a level is no number between them either: "1.243.870/1.521.400 tài khoản định danh điện tử mức độ 2 ..., đạt 81,8%"
# ... nor an age (lexicon.AGE_WORDS): "16.344/23.480 công dân từ 14 tuổi trở lên, đạt 69,6%"
_AGE_AFTER = re.compile(r"\s*" + lexicon.word_alternation(lexicon.AGE_WORDS), re.IGNORECASE)
_AGES = re.compile(r"\b\d{1,3}" + _AGE_AFTER.pattern, re.IGNORECASE)


def _ratio_before(text: str, merged: list[Figure]) -> Figure | None:
    """The plain "x/y" a share right after it may state: the last figure read, past an age that
    says which people ("16.344/23.480 công dân từ 14 tuổi trở lên, đạt 69,6%")."""
    last = next((f for f in reversed(merged) if not _is_age(text, f)), None)
    return last if last is not None and _is_plain_ratio(last) else None


def _is_age(text: str, figure: Figure) -> bool:
    return figure.unit == "count" and figure.numerator is None and bool(_AGE_AFTER.match(text, figure.end))


_LEVELS = re.compile(r"\b(?:mức độ|mức|cấp độ|levels?)\s+\d\b", re.IGNORECASE)
# ... nor a year: "986.215/1.023.480 dữ liệu hộ tịch lưu trữ từ năm 1975 đến nay, đạt 96,4%"
_YEARS = re.compile(r"\b(?:năm|year|since|in)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_RESTATED_REACH = 160  # characters from "x/y" to the "đạt z%" that states it: one clause


def _is_plain_ratio(figure: Figure) -> bool:
    return figure.unit == "ratio" and bool(figure.denominator) and figure.kind is None


def _agrees(percent: Figure, ratio: Figure) -> bool:
    """The share is the pair's, rounded: a bracket that states something else is no backing."""
    return bool(ratio.denominator) and abs(100 * ratio.value / ratio.denominator - percent.value) <= 1


def states_share(text: str, end: int, percent: Figure) -> bool:
    """`percent` states the share of what the clause counted up to `end`: "..., đạt 89,3%",
    "(chiếm 64%)", with no other number or sentence between."""
    between = text[end : percent.lead_start]
    # a network generation is no number between them: "1.528/1.712 thôn có sóng 3G, 4G, đạt 89,3%"
    if len(between) > _RESTATED_REACH or re.search(
        r"[\d;]|[.!?]\s", _AGES.sub("", _YEARS.sub("", _LEVELS.sub("", _GENERATIONS.sub("", between))))
    ):
        return False
    return bool(_RATIO_PERCENT_LINK.search(between))


def year_end(year: int | None) -> datetime.date | None:
    return datetime.date(year, 12, 31) if year else None
