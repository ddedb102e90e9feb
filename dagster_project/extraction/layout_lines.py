"""Lines of a report, each with its kind: the raw material of `layout.py` and `layout_tables.py`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_I = re.IGNORECASE

BLANK, FURNITURE, MASTHEAD, HEADING, ITEM, UNIT, ROW, TEXT = (
    "blank", "furniture", "masthead", "heading", "item", "unit", "row", "text",
)

FIGURE_DIGITS = re.compile(r"\d")
# A cell that holds a figure: "51,7", "≥ 90", "trên 75%", "145/160".
NUMBER_CELL = re.compile(
    # (thousands may be grouped by spaces in a cell: "48 620")
    r"[≥≤<>~]?\s*(?:trên|dưới|khoảng|hơn)?\s*(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d[\d.,]*)\s*(?:%|/\s*\d[\d.,]*)?\s*\*?",
    _I,
)
# "-----", or one run of dashes under each column ("---  --------  ------")
RULE_LINE = re.compile(r"\s*(?:[-=_─━—–]{5,}|[-=_─━—–]{2,}(?:\s+[-=_─━—–]{2,})+)\s*")
# A year written out: "2024" in "Năm 2024", "(quý I năm 2025)".
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# A cell that holds nothing: "-", "x", "…".
EMPTY_CELL = re.compile(r"[-–—x×/.…]*")


@dataclass
class Line:
    index: int
    start: int
    end: int  # without the line break
    text: str  # stripped
    lead: int = 0  # characters stripped on the left: text starts at start + lead
    kind: str = TEXT
    style: str = ""  # heading numbering style
    title: str = ""  # heading text
    cells: list[tuple[int, int]] = field(default_factory=list)  # table cell spans
    layout: str = ""  # pipe | tab | spaces
    continues: bool = False  # a table row's label wrapped onto this line of its own
    form_feed: bool = False  # the line holds a form feed: a page of a printed document starts on it


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lines.append(Line(index, start, start + len(raw), stripped, len(raw) - len(raw.lstrip()), form_feed="\f" in raw))
        start += len(raw) + 1
    return lines


def past_blank_lines(lines: list[Line], i: int) -> tuple[int, bool]:
    """The first line from `i` that is neither blank nor page furniture, and whether furniture
    stood among the lines passed: a page break, not only the blank line that ends a paragraph."""
    j = i
    while j < len(lines) and lines[j].kind in (BLANK, FURNITURE):
        j += 1
    return j, any(line.kind == FURNITURE for line in lines[i:j])


# Upper- and lower-case letters of Latin scripts with Vietnamese: counted by a regex
# substitution, which runs in C, not by a Python loop over characters.
_LETTER_RANGES = (range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
_UPPER = re.compile("[" + re.escape("".join(chr(c) for r in _LETTER_RANGES for c in r if chr(c).isupper())) + "]")
_LOWER = re.compile("[" + re.escape("".join(chr(c) for r in _LETTER_RANGES for c in r if chr(c).islower())) + "]")


def letter_cases(text: str) -> tuple[int, int]:
    """(upper-case letters, lower-case letters) of `text`."""
    return _UPPER.subn("", text)[1], _LOWER.subn("", text)[1]


def is_caps(text: str) -> bool:
    """Written in capitals: at least 4 letters, 80 % of them upper case ("PHƯƠNG HƯỚNG NĂM 2025")."""
    upper, lower = letter_cases(text)
    return upper + lower >= 4 and upper >= 0.8 * (upper + lower)


def is_number_cell(text: str) -> bool:
    return bool(NUMBER_CELL.fullmatch(text.strip()))
