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
NUMBER_CELL = re.compile(r"[≥≤<>~]?\s*(?:trên|dưới|khoảng|hơn)?\s*\d[\d.,]*\s*(?:%|/\s*\d[\d.,]*)?\s*\*?", _I)
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


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lines.append(Line(index, start, start + len(raw), stripped, len(raw) - len(raw.lstrip())))
        start += len(raw) + 1
    return lines


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def is_number_cell(text: str) -> bool:
    return bool(NUMBER_CELL.fullmatch(text.strip()))
