"""Tables in a report's lines: "|", tab, multi-space and one-cell-per-line layouts.

A table is a run of rows with the same layout. Leading rows without a number
in a value position are its header; each column gets a role from its header
(stt, label, unit, note, period, target, comparison, measure) and every data
row is aligned to the columns (a short row keeps its label and aligns its
numbers to the right, as a "Tổng cộng" row without its STT does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dagster_project.extraction import lexicon
from dagster_project.extraction.layout_lines import (
    BLANK,
    EMPTY_CELL,
    FIGURE_DIGITS,
    FURNITURE,
    HEADING,
    ITEM,
    ROW,
    RULE_LINE,
    TEXT,
    YEAR,
    UNIT,
    Line,
    is_number_cell,
    past_blank_lines,
)

_I = re.IGNORECASE
_SPACES_SPLIT = re.compile(r"\S+(?: \S+)*")
_MARKDOWN_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
# The border of a box-drawn table: "+-----+------------+---------+"
_BOX_RULE = re.compile(r"\s*\+(?:[-=]{2,}\+)+\s*")
# A short line in a one-cell-per-line table.
_MAX_CELL_WORDS = 14


@dataclass(frozen=True)
class Column:
    header: str
    role: str  # stt | label | unit | note | period | target | comparison | measure
    year: int | None = None
    percent: bool = False  # the header says the column holds percentages


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    column: Column


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    label: str  # the row label, e.g. "Tỷ lệ hồ sơ trực tuyến" or "Huyện Vũ Quang"
    unit: str | None  # the row's unit cell ("%", "Trạm", "Nghìn thuê bao")
    cells: tuple[Cell, ...]  # cells of value columns that hold something
    is_total: bool
    raw: str  # the row as printed, spaces collapsed


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unit_line: str | None  # "ĐVT: %"
    breakdown: bool  # rows are places or bodies and columns are measures



def mark_rows(lines: list[Line]) -> None:
    """Lines of "|", tab or multi-space tables, with their cell spans."""
    last_row: Line | None = None  # the pipe row a one-cell pipe line may go on with
    for line in lines:
        if line.kind not in (FURNITURE, BLANK) and "|" not in line.text and not _BOX_RULE.fullmatch(line.text):
            last_row = None
        if line.kind not in (TEXT, ITEM) and not (line.kind == HEADING and line.style == "caps"):
            continue
        raw = line.text
        offset = line.start + line.lead
        if RULE_LINE.fullmatch(raw):
            line.kind, line.layout = FURNITURE, "rule"  # "-----" under a header row or after a table
            continue
        if _BOX_RULE.fullmatch(raw):
            line.kind, line.layout = FURNITURE, "rule"  # "+-----+-----+" around a box-drawn table
            continue
        if "|" in raw:
            if _MARKDOWN_RULE.fullmatch(raw):
                line.kind, line.layout = FURNITURE, "rule"  # "|---|---|" under a header row
                continue
            cells = _cells(raw, offset, r"[^|]+")
            if len(cells) >= 2:
                line.kind, line.cells, line.layout = ROW, cells, "pipe"
                last_row = line
            elif len(cells) == 1 and last_row is not None and raw.lstrip().startswith("|") and (
                not is_number_cell(raw[cells[0][0] - offset : cells[0][1] - offset])
            ):
                # "|     | cáp quang |      |      |": the label of the row above, wrapped
                line.kind, line.cells, line.layout, line.continues = ROW, cells, "pipe", True
            continue
        elif "\t" in raw:
            cells = _cells(raw, offset, r"[^\t]+")
            if len(cells) >= 2:
                line.kind, line.cells, line.layout = ROW, cells, "tab"
    _mark_space_rows(lines)


def _cells(raw: str, offset: int, pattern: str) -> list[tuple[int, int]]:
    cells = []
    for m in re.finditer(pattern, raw):
        inner = m.group()
        left = len(inner) - len(inner.lstrip())
        right = len(inner.rstrip())
        if right > left:
            cells.append((offset + m.start() + left, offset + m.start() + right))
    return cells


def _mark_space_rows(lines: list[Line]) -> None:
    """Runs of two or more lines that split into cells at runs of 2+ spaces, one with a number."""
    run: list[Line] = []
    for line in lines + [Line(-1, 0, 0, "")]:
        if line.kind == FURNITURE and line.layout == "rule":
            continue  # a rule under the header row keeps the header with its rows
        if line.kind in (TEXT, ITEM, HEADING) and "  " in line.text:
            base = line.start + line.lead
            cells = [(base + m.start(), base + m.end()) for m in _SPACES_SPLIT.finditer(line.text)]
            if len(cells) >= 2:
                # "     tuyến                  dịch" under "3    Giao dịch thanh toán trực    Giao
                # 29.056 ...": the label and the unit of the row above, wrapped together
                line.cells, line.continues = cells, len(run) >= 2 and _wraps_label(run[-1], line)
                run.append(line)
                continue
        if len(run) >= 2 and _wraps_label(run[-1], line):
            # "     băng rộng" under "2    Tỷ lệ thôn được phủ sóng di động    %    96,5": the
            # label of the row above, wrapped onto a line of its own at the label's column
            line.cells, line.continues = [(line.start + line.lead, line.end)], True
            run.append(line)
            continue
        if run and _continues_header(run[-1], line):
            # "tuyến (%)" alone under "... Tỷ lệ trực": the header wrapped onto a line of its own
            line.cells = [(line.start + line.lead, line.start + line.lead + len(line.text))]
            run.append(line)
            continue
        _accept_space_run(run)
        run = []


_WRAPPED_LABEL_WORDS = 8


def _wraps_label(row: Line, line: Line) -> bool:
    """A short line of words (in one cell, or more with no figure among them) that starts where
    the label cell of the row above starts (past its STT), in a row of figures."""
    if line.kind != TEXT or not line.text or line.lead == 0 or row.continues or len(row.cells) < 3:
        return False
    if len(line.text.split()) > _WRAPPED_LABEL_WORDS or is_number_cell(line.text):
        return False
    if "  " in line.text and any(is_number_cell(piece) for piece in _SPACES_SPLIT.findall(line.text)):
        return False  # a row of its own, with figures
    if not any(is_number_cell(_cell_text(row, c)) for c in row.cells[1:]):
        return False
    first = _cell_text(row, row.cells[0])
    label = row.cells[1] if re.fullmatch(r"\d{1,3}\.?|[IVX]{1,4}|[a-zđ]\)?", first) else row.cells[0]
    glued = _ORDINAL_GLUED.match(first) if label == row.cells[0] else None
    # "  1 Tổng số trạm BTS ..." with one space after the number: the label starts past it
    start = label[0] - row.start + (glued.end() if glued else 0)
    return abs(line.lead - start) <= 1


_ORDINAL_GLUED = re.compile(r"\d{1,3}\.?\s(?=\S)")


def _continues_header(header: Line, line: Line) -> bool:
    """A short line indented past the first two columns of a header row of words goes on with
    that header ("tiếp nhận trực tuyến (%)" under "STT  Huyện  Tỷ lệ hồ sơ thủ tục hành chính")."""
    if line.kind != TEXT or not line.text or len(line.text.split()) > _WRAPPED_LABEL_WORDS or len(header.cells) < 3:
        return False
    if any(is_number_cell(_cell_text(header, c)) for c in header.cells[1:]):
        return False  # a row of figures: no header
    return line.lead >= header.cells[2][0] - header.start - 1


def _accept_space_run(run: list[Line]) -> None:
    if len(run) < 2:
        for line in run:
            line.cells = []
        return
    numeric = sum(1 for line in run if any(is_number_cell(_cell_text(line, c)) for c in line.cells[1:]))
    if numeric == 0:
        for line in run:
            line.cells = []
        return
    for line in run:
        line.kind, line.layout = ROW, "spaces"


def _cell_text(line: Line, span: tuple[int, int]) -> str:
    base = line.start + line.lead
    return line.text[span[0] - base : span[1] - base]


# --- columns -------------------------------------------------------------------------

_STT = re.compile(lexicon.alternation(lexicon.COLUMN_STT) + r"\.?", _I)
_UNIT_COLUMN = re.compile(lexicon.alternation(lexicon.COLUMN_UNIT) + r"\.?", _I)
_NOTE_COLUMN = re.compile(lexicon.alternation(lexicon.COLUMN_NOTE), _I)
_COMPARISON_COLUMN = re.compile(lexicon.COLUMN_COMPARISON_PATTERN, _I)
_TARGET_COLUMN = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.COLUMN_TARGET_WORDS), _I)
# "Năm 2026 (kế hoạch)", "2025 (KH)": a year whose bracket says it is planned
_PLANNED_IN_BRACKETS = re.compile(r"\(\s*" + lexicon.word_alternation(lexicon.COLUMN_TARGET_WORDS) + r"\s*\)", _I)
_PERIOD_COLUMN = re.compile(
    r"^\s*" + lexicon.word_alternation(lexicon.COLUMN_PERIOD_WORDS) + r"|\b\d{1,2}\s+tháng\b|\bquý\b", _I
)
_LABEL_COLUMN = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.COLUMN_LABEL_WORDS), _I)
# The whole header of a label column, its words listed or not ("Cơ quan, đơn vị", "Xã/phường").
_LABEL_HEADER = re.compile(
    r"\s*{0}(?:\s*(?:,|/|và)\s*{0})*\s*".format(lexicon.word_alternation(lexicon.COLUMN_LABEL_WORDS)), _I
)
_PERCENT_HEADER = re.compile(r"\(\s*%\s*\)|%|^\s*t[ỷỉ]\s+lệ\b", _I)
_TOTAL_ROW = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.TOTAL_ROW_WORDS), _I)
_HEADER_WORD = re.compile(
    "|".join(p.pattern for p in (_STT, _UNIT_COLUMN, _NOTE_COLUMN, _TARGET_COLUMN, _PERIOD_COLUMN, _LABEL_COLUMN)), _I
)


_YEARS_LABEL = re.compile(r"(?:năm|year|years|thời gian|thời điểm)", _I)


def column_role(header: str, position: int) -> Column:
    """The role of a column from its header; `position` counts from 0."""
    text = " ".join(header.split())
    year_match = YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    percent = bool(_PERCENT_HEADER.search(text))
    if _STT.fullmatch(text):
        role = "stt"
    elif _UNIT_COLUMN.fullmatch(text):
        role = "unit"
    elif _NOTE_COLUMN.match(text):
        role = "note"
    elif _COMPARISON_COLUMN.search(text):
        role = "comparison"
    elif _TARGET_COLUMN.match(text) and (year or not re.match(r"\s*chỉ tiêu\s*$", text, _I)):
        role = "target"
    elif year and _PLANNED_IN_BRACKETS.search(text):
        role = "target"
    elif position <= 1 and _YEARS_LABEL.fullmatch(text):
        role = "label"  # "Năm | Số trạm BTS | ...": the rows are years
    elif year or _PERIOD_COLUMN.search(text):
        role = "period"
    elif position <= 1 and (_LABEL_COLUMN.match(text) or not text):
        role = "label"
    else:
        role = "measure"
    return Column(text, role, year, percent)


# A year or a day printed alone in a header's cell ("2025", "30/11/2024" under "TH đến")
_BARE_TIME_CELL = re.compile(r"\s*(?:(?:\d{1,2}/){1,2})?(?:19|20)\d{2}\s*")


def _times_only(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_BARE_TIME_CELL.fullmatch(c) for c in filled)


def _times_and_words(cells: list[str]) -> bool:
    """Bare years or days, and words with no figure ("tính  2023  2024  2025" under "Đơn vị
    Năm  Năm  Kế hoạch": the unit column's header goes on beside the years of the others)."""
    filled = [c for c in cells if c.strip()]
    return any(_BARE_TIME_CELL.fullmatch(c) for c in filled) and all(
        _BARE_TIME_CELL.fullmatch(c) or not FIGURE_DIGITS.search(c) for c in filled
    )


def _measures_of_one_period(columns: list[Column]) -> list[Column]:
    """Columns under one heading that names a year ("Hồ sơ TTHC năm 2024" over "Tiếp nhận",
    "Nộp trực tuyến") are measures of that year, not periods to compare: their headers share
    the heading, year included, and differ by what they count."""
    by_year: dict[int, list[int]] = {}
    for k, c in enumerate(columns):
        if c.role == "period" and c.year is not None:
            by_year.setdefault(c.year, []).append(k)
    out = list(columns)
    for year, group in by_year.items():
        if len(group) < 2:
            continue
        words = [columns[k].header.split() for k in group]
        shared = 0
        while all(len(w) > shared for w in words) and len({w[shared].lower() for w in words}) == 1:
            shared += 1
        heading = " ".join(words[0][:shared])
        tails = [" ".join(w[shared:]) for w in words]
        if str(year) in heading and all(t and not YEAR.search(t) and not _PERIOD_COLUMN.search(t) for t in tails):
            for k in group:
                out[k] = replace(columns[k], role="measure")
    return out


# A header that names nothing but a rate: "Tỷ lệ %", "Tỷ lệ (%)", "%".
_BARE_RATE_HEADER = re.compile(r"\s*(?:t[ỷỉ]\s+lệ)?\s*(?:\(\s*%\s*\)|%)?\s*", _I)


def _rate_of_the_plan(columns: list[Column]) -> list[Column]:
    """A bare rate column after a plan column and a result column ("Kế hoạch năm 2025 |
    Thực hiện | Tỷ lệ %") compares the two: its 106,2 is the share of the plan reached."""
    out = list(columns)
    for k, c in enumerate(columns):
        before = {b.role for b in columns[:k]}
        if c.role == "measure" and c.header.strip() and _BARE_RATE_HEADER.fullmatch(c.header) and {
            "target", "period"
        } <= before:
            out[k] = replace(c, role="comparison")
    return out


def build_table(rows: list[Line], text: str, unit_line: str | None) -> tuple[Table, list[Line]]:
    """Header rows (no number in a value position), then data rows aligned to the columns."""
    _split_glued_ordinals(rows, text)
    cell_texts = [[text[s:e] for s, e in line.cells] for line in rows]
    header_count = 0
    for cells in cell_texts:
        if header_count >= 2 or any(is_number_cell(c) for c in cells[1:]) and not (header_count and _times_and_words(cells)):
            break  # ... but a line of bare years or days under "Năm | TH đến" finishes the header's words
        if header_count and cells and _GROUP_MARKER.fullmatch(cells[0].strip()):
            break  # "I | HẠ TẦNG SỐ | | |": a group of the rows under it, no second header row
        header_count += 1
    width = max(len(c) for c in cell_texts)
    wrapped = _split_number_column(_wrapped_header(rows, header_count, text), width)
    if not (wrapped and len(wrapped) == width) and header_count == 1 and len(cell_texts[0]) < width:
        wrapped = _header_over_data(rows[0], rows[1:], text, width)
    if header_count > 1 and not (wrapped and len(wrapped) == width):
        wrapped = _barred_header(rows[:header_count], text, width)
    if header_count == 2 and not (wrapped and len(wrapped) == width):
        wrapped = _packed_over_years(rows, text, width)
    names = wrapped if wrapped and len(wrapped) == width else _header_names(cell_texts[:header_count], width)
    columns = _rate_of_the_plan(_measures_of_one_period([column_role(name, k) for k, name in enumerate(names)]))
    _fix_label_column(columns, cell_texts[header_count:])
    data = rows[header_count:]
    built: list[Row] = []
    spans = _column_spans(data, len(columns))
    for line in data:
        row = _build_row(line, columns, text, spans)
        if line.continues and built:
            above = built[-1]
            row = replace(above, end=row.end, label=f"{above.label} {row.label}".strip(), raw=f"{above.raw} {row.raw}")
            built[-1] = row
            continue
        built.append(row)
    value_roles = {c.role for c in columns if c.role in ("period", "target", "comparison", "measure")}
    breakdown = bool(value_roles) and value_roles <= {"measure", "comparison"} and header_count > 0
    return Table(tuple(columns), tuple(r for r in built if r.cells), unit_line, breakdown), rows[:header_count]


def _split_glued_ordinals(rows: list[Line], text: str) -> None:
    """A space-aligned table whose header prints "STT Chỉ tiêu" with one space, over rows
    that print "1 Tổng số trạm BTS" the same way: the ordinal is a column of its own, in the
    header and in every row that starts with one."""
    if not rows or rows[0].layout != "spaces" or not rows[0].cells:
        return
    s, e = rows[0].cells[0]
    stt = _STT_GLUED.match(text[s:e])
    glued = [line for line in rows[1:] if line.cells and _ORDINAL_GLUED.match(text[slice(*line.cells[0])])]
    if stt is None or not glued:
        return
    rows[0].cells = [(s + stt.start(1), s + stt.end(1)), (s + stt.start(2), e)] + rows[0].cells[1:]
    for line in glued:
        s, e = line.cells[0]
        number = _ORDINAL_GLUED.match(text[s:e])
        line.cells = [(s, s + len(number.group().rstrip())), (s + number.end(), e)] + line.cells[1:]


_UNIT_WORDS_HEADER = re.compile(r"\s*(?:đơn vị|đv)\s*$", _I)
_GROUP_MARKER = re.compile(r"(?:[IVX]{1,4}|[A-Z]|\d{1,2})\.?")


def _fix_label_column(columns: list[Column], data: list[list[str]]) -> None:
    """Without a named label column, the first column of words is the row label; after a
    label column, a column headed "Đơn vị" holds units ("Chỉ tiêu | Đơn vị | Năm 2024")."""
    labels = [k for k, c in enumerate(columns) if c.role == "label"]
    for k in labels[1:]:
        if _UNIT_WORDS_HEADER.match(columns[k].header):
            columns[k] = Column(columns[k].header, "unit", columns[k].year, columns[k].percent)
    # ... also when it stands right after the label column, past the position a label may
    # take ("STT | Chỉ tiêu | Đơn vị | Kế hoạch"), and holds words, not numbers
    if labels:
        k = labels[0] + 1
        if k < len(columns) and columns[k].role == "measure" and _UNIT_WORDS_HEADER.match(columns[k].header) and not any(
            k < len(cells) and is_number_cell(cells[k]) for cells in data
        ):
            columns[k] = Column(columns[k].header, "unit", columns[k].year, columns[k].percent)
    if labels:
        return
    for k, column in enumerate(columns):
        if column.role in ("stt", "unit", "note"):
            continue
        if any(k < len(cells) and cells[k] and not is_number_cell(cells[k]) for cells in data):
            columns[k] = Column(column.header, "label", column.year, column.percent)
        return


def _barred_header(header: list[Line], text: str, width: int) -> list[str] | None:
    """A header of "|" rows whose words wrap inside their cells ("| STT | Chỉ tiêu | Đơn vị |
    Kế hoạch |" over "|     |          |   tính |  năm 2025 |"): each column's words, top to
    bottom, in the columns the bars put them in."""
    if any(line.layout != "pipe" for line in header) or len(header[0].cells) != width:
        return None  # a first row of merged cells spans the columns below it: _header_names reads it
    placed = [_cells_by_bar(line, text, width) for line in header]
    if any(cells is None for cells in placed):
        return None
    return [" ".join(text[span[0] : span[1]].strip() for span in (cells[k] for cells in placed) if span) for k in range(width)]


def _header_names(header: list[list[str]], width: int) -> list[str]:
    """Column names from one or two header rows.

    Two rows with merged cells ("STT | Chỉ tiêu | Năm 2023 | Năm 2024" over "Kế hoạch |
    Thực hiện | Kế hoạch | Thực hiện"): each upper value header spans as many lower cells
    as divide evenly, and a column is named lower then upper ("Kế hoạch Năm 2023").
    """
    if not header:
        return [""] * width
    if len(header) == 2:
        upper = [c for c in header[0] if not EMPTY_CELL.fullmatch(c.strip())]
        lower = [c for c in header[1] if not EMPTY_CELL.fullmatch(c.strip())]
        labels = next((k for k, c in enumerate(upper) if column_role(c, k).role not in ("stt", "label", "unit")), len(upper))
        values = upper[labels:]
        if values and len(lower) == width - labels and len(lower) % len(values) == 0:
            span = len(lower) // len(values)
            return upper[:labels] + [f"{lower[j]} {values[j // span]}" for j in range(len(lower))]
        merged = _groups_and_leaves(upper[:labels], values, lower, width)
        if merged is not None:
            return merged
    names = [""] * width
    for cells in header:
        for k, cell in enumerate(_right_align(cells, width)):
            names[k] = (names[k] + " " + cell).strip()
    return names


def _groups_and_leaves(labels: list[str], values: list[str], lower: list[str], width: int) -> list[str] | None:
    """Two header rows where some upper cells span two rows (leaves: "Tỷ lệ trực tuyến (%)",
    "Ghi chú") and the others span the lower cells ("Hồ sơ tiếp nhận" over "Tổng số |
    Trực tuyến"), as the HTML and Word readers print merged cells: the columns left over
    for the lower cells say how many upper cells are groups, and shares, units and notes
    are the leaves. None when that does not add up."""
    groups = len(labels) + len(values) - (width - len(lower))
    if not 0 < groups < len(values) or len(lower) % groups:
        return None
    leaf = [
        bool(_PERCENT_HEADER.search(v)) or column_role(v, 2).role in ("unit", "note", "comparison") for v in values
    ]
    if leaf.count(False) != groups:
        return None
    span = len(lower) // groups
    names = list(labels)
    below = iter(lower)
    for value, is_leaf in zip(values, leaf):
        names += [value] if is_leaf else [f"{next(below)} {value}" for _ in range(span)]
    return names if len(names) == width else None


def _wrapped_header(rows: list[Line], header_count: int, text: str) -> list[str] | None:
    """Column names of a space-aligned header printed over two lines, the second with fewer
    cells than the first: each column's words go on under it (no sub-columns)."""
    if header_count != 2 or not rows[0].layout == rows[1].layout == "spaces" or len(rows[1].cells) >= len(rows[0].cells):
        return None
    lower = _under_columns(rows[0], rows[1], text)
    if lower is None:
        return None
    return [f"{text[s:e]} {below}".strip() for (s, e), below in zip(rows[0].cells, lower)]


_STT_GLUED = re.compile(r"\s*(STT|TT)\s+(\S.*)$")


def _split_number_column(names: list[str] | None, width: int) -> list[str] | None:
    """"STT Đơn vị" printed with one space over rows whose number stands apart: two columns."""
    if names and len(names) == width - 1:
        glued = _STT_GLUED.match(names[0])
        if glued:
            return [glued.group(1), glued.group(2)] + names[1:]
    return names


def _under_columns(upper: Line, lower: Line, text: str) -> list[str] | None:
    """The words of a space-aligned header's second line under each column of its first
    ("Tài khoản ĐDĐT      Tỷ lệ trên dân số" over "mức độ 2 đã kích hoạt từ 14 tuổi (%)": a
    single space where the second column starts), cut at the columns' first positions. None
    when the second line starts left of the second column (it is a row label of its own)."""
    starts = [s - upper.start for s, _ in upper.cells]
    line = text[lower.start : lower.end]
    first = len(line) - len(line.lstrip())
    if len(starts) < 2 or first < starts[1] - 1:
        return None
    pieces = [""] * len(starts)
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
    for pos, word in words:
        # a word belongs to the last column starting at or before it (a column may start one off)
        k = max(j for j in range(len(starts)) if starts[j] <= pos + 1)
        pieces[k] = f"{pieces[k]} {word}".strip()
    return pieces


def _header_over_data(header: Line, data: list[Line], text: str, width: int) -> list[str] | None:
    """The names of a space-aligned header whose cells are fewer than its rows' because one
    space parts two names ("Tổ CNS HS tr.tuyến" over the columns 68 and 1.842): each word goes
    to the column of figures it stands over; a word over none goes with the next word that
    stands over one (names start left of right-aligned figures)."""
    spans = _full_row_spans(data, width)
    if spans is None or header.layout != "spaces":
        return None
    names = _words_over_columns(header, spans, text)
    return names if names and all(names[1:]) else None


def _full_row_spans(data: list[Line], width: int) -> list[tuple[int, int]] | None:
    full = [r for r in data if r.layout == "spaces" and len(r.cells) == width]
    if len(full) < 2:
        return None
    return [(min(r.cells[j][0] - r.start for r in full), max(r.cells[j][1] - r.start for r in full)) for j in range(width)]


def _words_over_columns(line: Line, spans: list[tuple[int, int]], text: str) -> list[str] | None:
    """The words of a header line put in the columns they stand over (see
    `_header_over_data`); None when a cell of it stands over no column."""
    names = [""] * len(spans)
    for s, e in line.cells:
        words = [(m.start() + s - line.start, m.end() + s - line.start, m.group())
                 for m in re.finditer(r"\S+", text[s:e])]
        over = [max(range(len(spans)), key=lambda j: min(b, spans[j][1]) - max(a, spans[j][0]))
                if any(min(b, lo_hi[1]) > max(a, lo_hi[0]) for lo_hi in spans) else None for a, b, _ in words]
        placed = [c for c in over if c is not None]
        if not placed:
            return None
        for k, (_, _, word) in enumerate(words):
            column = over[k]
            if column is None:
                column = next((c for c in over[k + 1 :] if c is not None), placed[-1])
            names[column] = f"{names[column]} {word}".strip()
    return names


# "năm 2024", "2025", "31/12/2024" alone in a header's cell: the time its column is of
_TIME_CELL = re.compile(r"\s*(?:năm\s+)?(?:(?:\d{1,2}/){1,2})?(?:19|20)\d{2}\s*", _I)


_WORD_COLUMNS = frozenset({"stt", "label", "unit", "note"})


def _packed_over_years(rows: list[Line], text: str, width: int) -> list[str] | None:
    """A space-aligned header whose first line packs its column names with single spaces
    ("Thực hiện Kế hoạch Thực hiện Kế hoạch") over a line of years, one per column ("2023
    2024 2024 2025", or "năm 2024 năm 2025" packed in turn): each name goes to the column of
    figures it stands over, then the year under it."""
    upper = _header_over_data(rows[0], rows[2:], text, width)
    if upper is None:
        return None
    lower = [text[s:e].strip() for s, e in rows[1].cells]
    if len(lower) <= width and _times_only(lower):
        years = [""] * (width - len(lower)) + lower  # over the last columns, the figures'
    else:
        spans = _full_row_spans(rows[2:], width)
        placed = _words_over_columns(rows[1], spans, text) if spans else None
        # a word under a column of words goes on its name ("Đơn vị" over "tính"); the columns
        # of figures take times only
        if placed is None or not any(_TIME_CELL.fullmatch(p) for p in placed) or not all(
            _TIME_CELL.fullmatch(p) or column_role(f"{name} {p}", k).role in _WORD_COLUMNS
            for k, (name, p) in enumerate(zip(upper, placed)) if p
        ):
            return None
        years = placed
    return [f"{name} {below}".strip() for name, below in zip(upper, years)]


def _right_align(cells: list[str], width: int) -> list[str]:
    """A short row keeps its first cell (the label) and aligns the rest to the right."""
    if len(cells) >= width:
        return cells[:width]
    return [cells[0]] + [""] * (width - len(cells)) + cells[1:]


def _build_row(
    line: Line, columns: list[Column], text: str, column_spans: list[tuple[int, int]] | None = None
) -> Row:
    spans = line.cells
    width = len(columns)
    placed = None  # where the row's bars or tabs put its cells, empty ones holding a place
    if line.layout == "pipe" and len(spans) < width:
        placed = _cells_by_bar(line, text, width)
    elif line.layout == "tab" and len(spans) < width:
        placed = _cells_by_tab(line, text, width)
    elif line.layout == "spaces" and column_spans and 2 < len(spans) < width:
        placed = _cells_by_place(line, column_spans)
    if placed is not None:
        assigned = placed  # "| 1 | Số trạm BTS | Trạm | 450 | 520 | 115,6 | |": the bars place each cell
    elif len(spans) < width:
        label_k = next((k for k, c in enumerate(columns) if c.role == "label"), 0)
        first_text = spans[0] if spans else None
        if first_text and not is_number_cell(text[first_text[0] : first_text[1]]) and label_k > 0:
            # A row without its STT ("Tổng cộng"): the first cell is the label.
            assigned = [None] * label_k + [spans[0]] + [None] * (width - len(spans) - label_k) + spans[1:]
        else:
            assigned = [spans[0]] + [None] * (width - len(spans)) + spans[1:]
    else:
        assigned = spans[: width - 1] + [(spans[width - 1][0], spans[-1][1])] if len(spans) > width else list(spans)
    label, unit, cells = "", None, []
    for k, (column, span) in enumerate(zip(columns, assigned)):
        if span is None:
            continue
        value = text[span[0] : span[1]].strip()
        if column.role == "label":
            if k + 1 < len(assigned) and assigned[k + 1] is None:
                value, unit = _unit_run_into(value, span, line, column_spans, columns, k)
            label = (label + " " + value).strip()
        elif column.role == "unit":
            unit = value or None
        elif column.role in ("period", "target", "comparison", "measure"):
            if FIGURE_DIGITS.search(value) and not EMPTY_CELL.fullmatch(value):
                cells.append(Cell(span[0], span[1], column))
    raw = " ".join(text[line.start : line.end].split())
    return Row(line.start, line.end, label, unit, tuple(cells), bool(_TOTAL_ROW.match(label)), raw)


def _unit_run_into(
    value: str, span: tuple[int, int], line: Line, column_spans: list[tuple[int, int]] | None,
    columns: list[Column], k: int,
) -> tuple[str, str | None]:
    """A label that ran into the empty unit column after it with one space ("Hộ gia đình có
    Internet cáp quang %" over "trạm", "%" in the rows around it): its last word, where the
    unit column starts, is the row's unit."""
    if column_spans is None or k + 1 >= len(columns) or columns[k + 1].role != "unit":
        return value, None
    head, _, last = value.rpartition(" ")
    where = span[0] + len(value) - len(last) - line.start
    if head and last and not FIGURE_DIGITS.search(last) and where >= column_spans[k + 1][0] - 1:
        return head, last
    return value, None


def _column_spans(data: list[Line], width: int) -> list[tuple[int, int]] | None:
    """Where each column's cells lie across the line (from its start), read from the space-aligned
    rows that fill every column."""
    full = [line for line in data if line.layout == "spaces" and len(line.cells) == width and not line.continues]
    if len(full) < 2:
        return None
    spans = []
    for k in range(width):
        starts = [line.cells[k][0] - line.start for line in full]
        ends = [line.cells[k][1] - line.start for line in full]
        spans.append((min(starts), max(ends)))
    return spans


def _cells_by_place(line: Line, column_spans: list[tuple[int, int]]) -> list[tuple[int, int] | None] | None:
    """The cells of a space-aligned row with fewer cells than columns ("4  Camera giám sát kết
    nối Trung tâm điều camera  3.200  4.000": a long label ran into the unit), each in the
    column it starts in, or None when two fall in one column or one in none."""
    placed: list[tuple[int, int] | None] = [None] * len(column_spans)
    for cell in line.cells:
        start = cell[0] - line.start
        k = next((k for k, (lo, hi) in enumerate(column_spans) if lo <= start <= hi), None)
        if k is None:
            # a right-aligned number starts left of the column's widest cell: the column it ends in
            end = cell[1] - line.start
            k = next((k for k, (lo, hi) in enumerate(column_spans) if lo <= end <= hi), None)
        if k is None or placed[k] is not None:
            return None
        placed[k] = cell
    return placed


def _cells_by_bar(line: Line, text: str, width: int) -> list[tuple[int, int] | None] | None:
    """The cells of a "|" row in the columns its bars put them in (empty cells hold a place),
    or None when the row has more places than the table has columns."""
    row = text[line.start : line.end]
    lead = len(row) - len(row.lstrip())
    stripped = row.strip()
    places = row.count("|") + 1 - stripped.endswith("|")
    # a leading bar opens the row ("| 1 | ... |") unless the places then fit the columns only
    # with an empty first cell (" | Cộng | 103.345 | ...": a total row with no STT)
    offset = 1 if stripped.startswith("|") and places > width else 0
    assigned: list[tuple[int, int] | None] = [None] * width
    for span in line.cells:
        k = text.count("|", line.start + lead, span[0]) - offset
        if not 0 <= k < width:
            return None
        assigned[k] = span
    return assigned


def _cells_by_tab(line: Line, text: str, width: int) -> list[tuple[int, int] | None] | None:
    """The cells of a tab row in the columns its tabs put them in ("Viettel\t58\t\t6.120":
    the empty cell holds a place), or None when the row has more or fewer places."""
    row = text[line.start + line.lead : line.end]
    if row.rstrip("\t").count("\t") + 1 > width or row.count("\t") + 1 < width:
        return None
    assigned: list[tuple[int, int] | None] = [None] * width
    for span in line.cells:
        assigned[text.count("\t", line.start + line.lead, span[0])] = span
    return assigned


# --- one cell per line ------------------------------------------------------------------


def mark_single_cell_tables(lines: list[Line], text: str) -> list[tuple[int, int, Table]]:
    """Tables printed one cell per line (PDF and Word copies): a header run, then rows."""
    found = []
    i = 0
    while i < len(lines):
        rows, columns, end = [], [], i
        # Without a row number, the first row's label is a short line like the headers
        # ("Doanh nghiệp / Tổng số trạm / Thuê bao / Viettel / 1.126"): the header run is the
        # longest one the rows under it fit.
        for header in range(_header_run(lines, i), _MIN_HEADER_CELLS - 1, -1):
            columns = _single_cell_columns(lines, i, header)
            if columns is not None:
                rows, end = _single_cell_rows(lines, i + header, columns, text)
                if rows:
                    break
        if rows:
            for k in range(i, end):
                lines[k].kind = ROW
            breakdown = all(c.role in ("stt", "label", "unit", "note", "measure", "comparison") for c in columns)
            found.append((i, end, Table(tuple(columns), tuple(rows), None, breakdown)))
            i = end
        else:
            i += 1
    return found


_MIN_HEADER_CELLS = 3


def _single_cell_columns(lines: list[Line], i: int, header: int) -> list[Column] | None:
    """The columns the `header` lines from line i name, if one holds values."""
    columns = [column_role(lines[i + k].text, k) for k in range(header)]
    if not any(c.role in ("period", "target", "comparison", "measure") for c in columns):
        return None
    if not any(c.role == "label" for c in columns):
        # every row of such a table names itself: the first column that is no number is its label
        k = next((k for k, c in enumerate(columns) if c.role != "stt"), None)
        if k is not None:
            columns[k] = Column(columns[k].header, "label", columns[k].year, columns[k].percent)
    return columns


def _header_run(lines: list[Line], i: int) -> int:
    """Length of a run of column headers starting at line i (STT / Nội dung / ... / Năm 2023), else 0."""
    if lines[i].kind != TEXT or not (_STT.fullmatch(lines[i].text) or _LABEL_HEADER.fullmatch(lines[i].text)):
        return 0
    k = i
    while k < len(lines) and lines[k].kind in (TEXT, UNIT) and len(lines[k].text.split()) <= 6:
        # after the first, any short line names a column ("Hồ sơ tiếp nhận", "Tỷ lệ đúng hạn (%)")
        if (k == i and not _HEADER_WORD.match(lines[k].text)) or is_number_cell(lines[k].text):
            break
        k += 1
    count = k - i
    return count if count >= _MIN_HEADER_CELLS else 0


def _single_cell_rows(lines: list[Line], i: int, columns: list[Column], text: str) -> tuple[list[Row], int]:
    rows: list[Row] = []
    roles = [c.role for c in columns]
    while i < len(lines):
        row, used = _single_cell_row(lines, i, columns, roles, text)
        if row is None and rows:
            # a page break between two rows: page number and running header, then the rows go on
            j, across_break = past_blank_lines(lines, i)
            if across_break:
                row, used = _single_cell_row(lines, j, columns, roles, text)
                if row is not None:
                    used += j - i
        if row is None:
            break
        rows.append(row)
        i += used
    return rows, i


def _single_cell_row(
    lines: list[Line], i: int, columns: list[Column], roles: list[str], text: str
) -> tuple[Row | None, int]:
    k = i
    label_parts: list[str] = []
    unit = None
    cells: list[Cell] = []
    for position, role in enumerate(roles):
        if k >= len(lines) or lines[k].kind not in (TEXT, ITEM, UNIT, HEADING):
            return None, 0
        line = lines[k]
        if role == "stt":
            if not re.fullmatch(r"\d{1,3}|[IVX]+|[a-z]", line.text):
                if position == 0 and not is_number_cell(line.text):
                    continue  # a total row has no number
                return None, 0
            k += 1
        elif role == "label":
            if is_number_cell(line.text) or len(line.text.split()) > _MAX_CELL_WORDS * 2:
                return None, 0
            label_parts.append(line.text)
            k += 1
            # A long label wraps onto the next line: keep reading words until the cell after it.
            while k < len(lines) and lines[k].kind == TEXT and not is_number_cell(lines[k].text) and _continues_label(
                lines, k, roles, position
            ):
                label_parts.append(lines[k].text)
                k += 1
        elif role == "unit":
            if is_number_cell(line.text) or len(line.text.split()) > 4:
                return None, 0
            unit = line.text
            k += 1
        elif role == "note":
            if not is_number_cell(line.text) and len(line.text.split()) <= _MAX_CELL_WORDS:
                k += 1
        else:
            if not (is_number_cell(line.text) or EMPTY_CELL.fullmatch(line.text)):
                return None, 0
            if FIGURE_DIGITS.search(line.text):
                start = line.start + line.lead
                cells.append(Cell(start, start + len(line.text), columns[position]))
            k += 1
    if not label_parts:
        return None, 0
    label = " ".join(label_parts)
    start, end = lines[i].start, lines[k - 1].end
    raw = " ".join(text[start:end].split())
    return Row(start, end, label, unit, tuple(cells), bool(_TOTAL_ROW.match(label)), raw), k - i


def _continues_label(lines: list[Line], k: int, roles: list[str], position: int) -> bool:
    """The line after a label is more label when the cell expected next would not fit it."""
    following = roles[position + 1] if position + 1 < len(roles) else None
    if following == "unit":
        # The unit cell is short and a value follows it; anything else is the label going on.
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        looks_like_unit = len(lines[k].text.split()) <= 4 and nxt is not None and (
            is_number_cell(nxt.text) or bool(EMPTY_CELL.fullmatch(nxt.text))
        )
        return not looks_like_unit
    return following is not None and following != "note"
