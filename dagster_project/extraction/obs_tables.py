"""Figures of table rows: a cell takes its meaning from its row label, column and unit line.

A cell "51,7" under "Năm 2023" in the row "Tỷ lệ hồ sơ trực tuyến toàn trình"
of a table headed "ĐVT: %" is the figure 51.7 % for 2023. Its evidence is a
readable reconstruction of that, followed by the row as printed:
"Tỷ lệ hồ sơ trực tuyến toàn trình (ĐVT: %) — Năm 2023: 51,7 [1 | Tỷ lệ … | 38,4 | 51,7 | 60]".
The figure's span still points at the cell in the report text.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from dagster_project.extraction import lexicon
from dagster_project.extraction.layout import Block
from dagster_project.extraction.layout_lines import YEAR
from dagster_project.extraction.layout_tables import Cell, Column, Row, Table
from dagster_project.extraction.numbers import Lang, NumberToken, multiplier_after
from dagster_project.extraction.obs_context import Sentence, as_of_date, data_cut_off, report_period_end, within_cut_off
from dagster_project.extraction.obs_reading import PER_CAPITA_RATE, Figure, read_sentence

_I = re.IGNORECASE
_PERCENT = re.compile(r"%|\bphần trăm\b|\bpercent\b", _I)
_PERCENT_LABEL = re.compile(r"\(\s*%\s*\)", _I)
_RATE_LABEL = re.compile(r"^\s*t[ỷỉ]\s+lệ\b", _I)
_MEASURE = re.compile(lexicon.word_alternation(lexicon.MEASURE_UNITS), _I)
_CURRENCY = re.compile(lexicon.word_alternation(lexicon.CURRENCY_WORDS) + lexicon.NOT_CURRENCY_LOOKAHEAD, _I)
_AVERAGE_HEADER = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.AVERAGE_WORDS) + r"|\baverage\b", _I)
_UNIT_LINE_VALUE = re.compile(r"^[^:]*:\s*(.*?)\s*\)?\.?$")
_UNIT_PARTS = re.compile(r"\s*;\s*")


@dataclass(frozen=True)
class CellContext:
    """What a table cell's row and column say about its figure."""

    section: str
    column: str
    column_role: str
    row_label: str
    breakdown: str | None  # the row label when rows are places or bodies (and not the total)
    target: bool | None  # from the column (plan) or, for measure columns, the section
    target_source: str  # column | row | section | none
    as_of: datetime.date | None
    as_of_source: str | None  # column | row | section | report
    evidence: str
    subject: str
    clause: str
    table_at: int = -1  # where the table starts: the cells of one table share it
    row_at: int = -1  # where the cell's row starts
    sum_row: bool = False  # the row adds up the rows printed ("Tổng cộng", "Cộng")
    row_member: bool = False  # the row is one place, body or category of the table's kind
    row_number: int | None = None  # the row's STT, when it prints one


def table_figures(
    reading: str, block: Block, tokens: Sequence[NumberToken], starts: Sequence[int], lang: Lang, first_index: int,
    year_of: datetime.date | None = None,
) -> list[Figure]:
    """Figures of every value cell of the table in `block`; sentence indexes count from `first_index`.
    `year_of` is the publication date (else the end of the period the report covers)."""
    table = block.table
    assert table is not None
    figures: list[Figure] = []
    index = first_index
    for row in table.rows:
        for cell in row.cells:
            in_cell = tokens[bisect_left(starts, cell.start) : bisect_left(starts, cell.end)]
            if not in_cell:
                continue
            sentence = Sentence(index, cell.start, cell.end, reading[cell.start : cell.end], row.start)
            index += 1
            for figure in read_sentence(reading, sentence, list(in_cell), lang, None):
                _apply_row_and_column(figure, table, row, cell)
                figure.context = _context(reading, block, table, row, cell, year_of)
                figure.extra.update(_title(block, table, row))
                figures.append(figure)
    return figures


_CATEGORY_HEADER = re.compile(r"\s*" + lexicon.alternation(lexicon.COLUMN_CATEGORY_WORDS) + r"\s*", _I)


def _title(block: Block, table: Table, row: Row) -> dict[str, str]:
    """What names the table as a whole, for a cell whose row and column name no measure
    ("Tổng số hồ sơ", "Trực tuyến"): its caption and the heading it stands under; where
    its row starts, so that the cells of one row can be read together; and whether its
    rows are members of a kind ("Lĩnh vực", "Đơn vị") rather than measures."""
    title = {"table_row_at": str(row.start)}
    if _rows_are_categories(table):
        # its columns periods or plans; in a breakdown, measures ("Lĩnh vực | Tiếp nhận | ...")
        title["table_rows"] = "members" if table.breakdown else "categories"
    if block.scope.caption:
        title["table_caption"] = block.scope.caption
    if block.scope.lead_in:
        title["table_lead_in"] = block.scope.lead_in
    heading = block.scope.section.rsplit(" › ", 1)[-1]
    if heading:
        title["table_heading"] = heading
    return title


def _unit_text(table: Table, row: Row, header: str = "") -> str:
    if row.unit:
        return row.unit
    if table.unit_line:
        m = _UNIT_LINE_VALUE.match(table.unit_line)
        return _unit_of_column(m.group(1) if m else table.unit_line, header, row.label)
    return ""


def _unit_of_column(unit: str, header: str, label: str) -> str:
    """"Đơn vị tính: hồ sơ; tỷ lệ: %": a unit line that names a unit per kind of column gives a
    column the unit its header or row label names ("Tỷ lệ trực tuyến" → %), else the unlabelled
    one ("Hồ sơ trực tuyến" → hồ sơ)."""
    parts = [p.strip() for p in _UNIT_PARTS.split(unit) if p.strip()]
    if len(parts) < 2:
        return unit
    named = [p.split(":", 1) for p in parts if ":" in p]
    where = f"{header} {label}".casefold()
    for name, value in named:
        if name.strip() and name.strip().casefold() in where:
            return value.strip()
    plain = [p for p in parts if ":" not in p]
    return plain[0] if plain else unit


def _apply_row_and_column(figure: Figure, table: Table, row: Row, cell: Cell) -> None:
    """Unit, scale and kind that the cell's row, column and the unit line give its number."""
    column = cell.column
    if column.role == "comparison":
        figure.kind = "comparison"
    elif _AVERAGE_HEADER.search(column.header) and figure.unit == "count":
        figure.kind = "average"  # "Bình quân (người/tổ)": a size per unit, no count
    if figure.unit != "count":
        return
    unit = _unit_text(table, row, column.header)
    if _PER_CAPITA_UNIT.search(unit):
        figure.kind = figure.kind or "density"  # a unit cell "thuê bao/100 dân": a rate, no count
        return
    if row.unit and _PERCENT.search(row.unit):
        figure.unit = "percent"
    elif _PERCENT_LABEL.search(row.label) or column.percent:
        figure.unit = "percent"
    elif not row.unit and table.unit_line and _PERCENT.search(unit):
        figure.unit = "percent"
    elif not unit and _RATE_LABEL.match(row.label):
        figure.unit = "percent"  # "Tỷ lệ ..." rows without a unit are shares
    if figure.unit != "count":
        return
    factor, _ = multiplier_after(unit, 0)
    if factor != 1.0:
        figure.value *= factor
        figure.multiplier = factor
    if _CURRENCY.search(unit):
        figure.kind = figure.kind or "money"
    elif _MEASURE.search(unit):
        figure.kind = figure.kind or "measure"


def _context(
    reading: str, block: Block, table: Table, row: Row, cell: Cell, year_of: datetime.date | None
) -> CellContext:
    column = cell.column
    scope = block.scope
    # a table whose rows are years ("Năm | Số trạm BTS | ...") dates each row as a year column would
    bare_year = _BARE_YEAR.fullmatch(row.label)
    row_year = int(bare_year.group(1)) if bare_year else None
    if column.role == "target" or _planned_year(column, scope.target, year_of):
        target, target_source = True, "column"
    elif column.role in ("period", "comparison"):
        target, target_source = False, "column"
    elif row_year is not None and year_of is not None and column.role not in ("target", "comparison"):
        target, target_source = row_year > year_of.year, "row"
    elif scope.target and not (scope.as_of is not None and year_of is not None and scope.as_of <= year_of):
        # a table under a targets heading whose caption dates its data before the report
        # ("(Số liệu từ 01/01 đến 15/6/2025)") reports results, not goals
        target, target_source = True, "section"
    else:
        target, target_source = False, "none"
    if target and target_source == "column" and column.year:
        # a goal is stated at the end of the period it is set for, as a goal in prose is
        # ("Kế hoạch năm 2025": 31/12/2025)
        as_of, as_of_source = report_period_end(column.header) or datetime.date(column.year, 12, 31), "column"
    elif column.role == "target" and not column.year and scope.as_of is not None:
        # a plan column that names no year ("Kế hoạch") under a caption or heading that dates the
        # table ("Một số chỉ tiêu năm 2024"): the plan of that year, due at its end
        as_of, as_of_source = datetime.date(scope.as_of.year, 12, 31), "section"
    elif column.role == "period" and column.year and not target:
        # the day or period end its header names ("Kết quả đến 31/5/2025", "9 tháng năm 2024"),
        # else the year's end
        # (the day its footnote gives, "Năm 2024(*)" ... "(*) Số liệu tính đến ngày 30/11/2024")
        named = as_of_date(column.header) or _footnoted_day(reading, block, column)
        if named is None and _SAME_PERIOD.search(column.header):
            # "Cùng kỳ năm 2023" beside "6 tháng đầu năm 2024": the first half of 2023, or no day known
            same = _same_period_end(table, column)
            as_of, as_of_source = (same, "column") if same is not None else (None, None)
        else:
            named = named or report_period_end(column.header) or datetime.date(column.year, 12, 31)
            # ... that day, when the report's data stop inside the period ("Năm 2024" of data to 10/12/2024)
            as_of, as_of_source = within_cut_off(named, scope.cut_off), "column"
    elif row_year is not None and not target and column.role not in ("target", "comparison"):
        as_of, as_of_source = datetime.date(row_year, 12, 31), "row"
    elif not target and column.role not in ("target", "comparison") and (
        ended := _yearless_period_end(column.header, scope.as_of or year_of)
    ) is not None:
        as_of, as_of_source = ended, "column"
    elif column.role != "target" and scope.as_of:
        as_of, as_of_source = within_cut_off(scope.as_of, scope.cut_off), "section"
    elif column.role == "measure" and column.year and not target:
        # a measure of one year ("Hồ sơ TTHC năm 2024 Tiếp nhận") with no date above it
        as_of, as_of_source = datetime.date(column.year, 12, 31), "column"
    elif not target and column.role not in ("target", "comparison") and scope.report_as_of:
        as_of, as_of_source = scope.report_as_of, "report"
    else:
        as_of, as_of_source = None, None
    breakdown = row.label if table.breakdown and not row.is_total else None
    unit = _unit_note(table, row, column.header)
    value = reading[cell.start : cell.end].strip()
    if table.breakdown:
        head = f"{row.label} — {column.header}{unit}".strip(" —")
        subject, clause = column.header or row.label, f"{column.header} — {row.label}"
    else:
        head = f"{row.label}{unit} — {column.header}".strip(" —")
        subject, clause = row.label or column.header, f"{row.label} — {column.header}"
    evidence = f"{head}: {value} [{row.raw}]"
    return CellContext(
        section=scope.section, column=column.header, column_role=column.role, row_label=row.label,
        breakdown=breakdown, target=target, target_source=target_source, as_of=as_of, as_of_source=as_of_source,
        evidence=evidence, subject=subject, clause=clause.strip(" —"), table_at=block.start, row_at=row.start,
        sum_row=row.is_total and bool(_SUM_ROW.match(row.label)),
        row_member=not row.is_total and (table.breakdown or _rows_are_categories(table)),
        row_number=int(numbered.group(1)) if (numbered := _ROW_NUMBER.match(row.raw)) else None,
    )


_ROW_NUMBER = re.compile(r"\s*(\d{1,3})(?:\s*[|.)]|\s)")


_SUM_ROW = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.SUM_ROW_WORDS) + r"(?!\w)", _I)


_FOOTNOTE_MARK = re.compile(r"\(?(\*{1,3})\)?\s*$")
_FOOTNOTE_REACH = 800  # characters after the table in which its footnotes are printed


_SAME_PERIOD = re.compile(lexicon.word_alternation(lexicon.COLUMN_SAME_PERIOD_WORDS), _I)


def _same_period_end(table: Table, column: Column) -> datetime.date | None:
    """The day another period column of the table ends ("6 tháng đầu năm 2024": 30/6), in the
    year of the same-period column; None when no other column names its period."""
    for other in table.columns:
        if other is column or other.role != "period" or _SAME_PERIOD.search(other.header):
            continue
        end = as_of_date(other.header) or report_period_end(other.header)
        if end is not None and column.year is not None:
            try:
                return end.replace(year=column.year)
            except ValueError:  # 29 February
                return end.replace(year=column.year, day=28)
    return None


def _footnoted_day(reading: str, block: Block, column: Column) -> datetime.date | None:
    """"TH 2024(*)" over a table followed by "(*) Số liệu tính đến ngày 30/11/2024.": the day the
    footnote that the column's mark points to dates the column's year to."""
    mark = _FOOTNOTE_MARK.search(column.header)
    if mark is None:
        return None
    stars = re.escape(mark.group(1))
    after = reading[block.end : block.end + _FOOTNOTE_REACH]
    note = re.search(rf"^[ \t]*\(?{stars}\)?(?!\*)[ \t]*[:.\-]?[ \t]*(\S.*)$", after, re.MULTILINE)
    if note is None:
        return None
    day = data_cut_off(note.group(1), None) or as_of_date(note.group(1))
    return day if day is not None and day.year == column.year else None


def _rows_are_categories(table: Table) -> bool:
    return any(c.role == "label" and _CATEGORY_HEADER.fullmatch(c.header) for c in table.columns)


_PER_CAPITA_UNIT = re.compile(PER_CAPITA_RATE, _I)
_BARE_YEAR = re.compile(r"\s*(?:năm\s+)?((?:19|20)\d{2})\s*", _I)


_YEARLESS_PERIOD = re.compile(r"\b(?:quý\s+[IV1-4]+|\d{1,2}\s+tháng|tháng\s+\d{1,2})\b", _I)


def _yearless_period_end(header: str, reference: datetime.date | None) -> datetime.date | None:
    """"Thực hiện quý I" under a caption dated 15/4/2025: the quarter's end in that year, when
    it is over by then."""
    if reference is None or not _YEARLESS_PERIOD.search(header) or YEAR.search(header):
        return None
    end = report_period_end(f"{header} năm {reference.year}")
    return end if end is not None and end <= reference else None


def _planned_year(column: Column, targets_section: bool | None, year_of: datetime.date | None) -> bool:
    """A year column holds targets when the year is still to come at the report's date
    ("Năm 2025" in a report of December 2024), or when a targets section ("II. MỤC TIÊU
    NĂM 2025") heads it with the bare year, not an earlier one."""
    if column.role != "period" or not column.year:
        return False
    if year_of is not None and column.year > year_of.year:
        return True
    return bool(targets_section) and bool(_BARE_YEAR.fullmatch(column.header)) and (
        year_of is None or column.year >= year_of.year
    )


def _unit_note(table: Table, row: Row, header: str) -> str:
    """" (ĐVT: %)" unless the label or header already says the unit."""
    if row.unit and row.unit not in row.label:
        return f" (ĐVT: {row.unit})"
    if table.unit_line and "%" not in header:
        return f" ({table.unit_line.strip('() ')})"
    return ""
