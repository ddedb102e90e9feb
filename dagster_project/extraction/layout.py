"""The structure of a report: sections, lists, tables and what they say about their figures.

Official reports are not prose: a numbered heading ("II. PHƯƠNG HƯỚNG, NHIỆM
VỤ NĂM 2024") makes the figures below it targets, a list intro ending in ":"
("Tính đến ngày 31/5/2024, trên địa bàn huyện:") dates the items under it, and
a table row means nothing without its header, unit line and row label. PDF
copies add page numbers and running headers and break sentences at the end of
every line. `read_layout` reads all of that once, line by line:

- page furniture (page numbers, running headers) is dropped;
- hard-wrapped lines are joined back into paragraphs;
- headings (I., 1., 1.1., a), PHẦN, all-caps lines) form a section path, and
  each section, list intro or table caption opens a scope (target, as-of date);
- tables in four layouts become rows of cells under typed columns: cells
  separated by "|" (what the HTML and Word readers print), by tabs, by runs of
  two or more spaces, or one cell per line.

The result keeps every span of the input: `Layout.reading` has the length of
the text, with furniture blanked and the line breaks of wrapped paragraphs
turned into spaces, so figures read from it point into the report text.
"""
from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from dagster_project.extraction import lexicon
from dagster_project.extraction.layout_lines import (
    BLANK,
    FIGURE_DIGITS,
    FURNITURE,
    HEADING,
    ITEM,
    MASTHEAD,
    ROW,
    RULE_LINE,
    TEXT,
    UNIT,
    YEAR,
    Line,
    is_caps,
    is_number_cell,
    past_blank_lines,
    split_lines,
)
from dagster_project.extraction.layout_tables import Table, build_table, mark_rows, mark_single_cell_tables
from dagster_project.extraction.obs_context import (
    MASTHEAD_COLUMNS,
    as_of_date,
    as_of_in_publication_year,
    data_cut_off,
    issuer_level,
    period_as_of,
    report_period_end,
    reports_as_of_a_past_date,
    without_since,
)

_I = re.IGNORECASE
# Words that say a statement is about the whole report's data ("số liệu nêu trong báo cáo").
_THE_REPORT_ITSELF = re.compile(lexicon.word_alternation(lexicon.THE_REPORT_ITSELF), _I)
_POINTS_AT_TABLE = re.compile(lexicon.word_alternation(lexicon.TABLE_BELOW) + r"[^.!?]*[.:]?\s*$", _I)

# --- what the model holds -------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What the headings, list intro or caption above a block say about its figures."""

    section: str = ""  # heading path, "II. PHƯƠNG HƯỚNG… › 1. Mục tiêu"
    target: bool | None = None  # True: a targets section; False: a results section
    as_of: datetime.date | None = None
    caption: str = ""  # a table's caption: the short line right above it ("Bảng 2. Kết quả ...")
    # the paragraph that introduces a table without captioning it ("Hệ thống đã tiếp nhận 64.218
    # phản ánh ... Kết quả theo từng lĩnh vực như sau:"): what its cells count, when nothing else says
    lead_in: str = ""
    # the day the report said its data stop at ("(số liệu tính đến ngày 30/11/2025)"), above
    # this block: figures that name no time of their own, and are not goals, are at that day
    report_as_of: datetime.date | None = None
    # that day when the report says it before its first section, for all its data: a period its
    # results are stated for ("Năm 2024, ...") ends there when the day falls inside it
    cut_off: datetime.date | None = None


@dataclass(frozen=True)
class Block:
    kind: str  # paragraph | list_item | heading | table
    start: int
    end: int
    scope: Scope
    table: Table | None = None


@dataclass(frozen=True)
class Layout:
    reading: str  # the text, same length: furniture blanked, wrapped lines joined
    blocks: tuple[Block, ...]
    # the level of the body that issued it when its figures are one place's or one agency's
    # (a district, a commune, a city under the province, a department): see `issuer_level`
    issuer_level: str | None = None


# --- line kinds -------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"(?:" + lexicon.PAGE_NUMBER_PATTERN + r")\.?", _I)
_LONE_NUMBER = re.compile(r"\d{1,3}")
_RELATED_NEWS = re.compile(r"\s*" + lexicon.alternation(lexicon.RELATED_NEWS_HEADINGS) + r"\s*:?\s*", _I)
_RELATED_NEWS_INLINE = re.compile(r"\s*" + lexicon.alternation(lexicon.RELATED_NEWS_HEADINGS) + r"\s*:\s*\S", _I)
_HEADLINE_MAX_WORDS = 25
_NUMBERING = re.compile(
    r"(?P<part>(?:phần|chương|mục)\s+(?:thứ\s+[^\W\d_]+|[IVXLC]+|\d{1,2}))\s*[.:]?\s+"
    r"|(?P<roman>[IVXLC]{1,6})\s*[.)]\s+"
    r"|(?P<upper>[A-ZĐ])[.)]\s+"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s+"
    r"|(?P<deep>\d{1,2}(?:\.\d{1,2})+)\s+"
    r"|(?P<letter>[a-zđ])\s*[.)]\s+",
)
# A list mark opening an item ("- ", "+ ", "• ", "(1) ", "1) "): what the item lists is told by its mark.
BULLET = re.compile(r"[-–—•+*·▪●○◦►]\s+|\(\d{1,2}\)\s+|\d{1,2}\)\s+")
_UNIT_LINE = re.compile(
    r"\(?\s*(?P<label>" + lexicon.alternation(lexicon.UNIT_LINE_LABELS) + r")\s*:\s*(?P<unit>[^()\n]{1,40}?)\s*\)?\.?",
    _I,
)
_ISSUING_BODY = re.compile(lexicon.ISSUING_BODY_PATTERN, _I)
_MOTTO = re.compile(lexicon.NATIONAL_MOTTO_PATTERN, _I)
_DOC_NUMBER_LINE = re.compile(lexicon.DOCUMENT_NUMBER_PATTERN, _I)
_DOC_TYPE = re.compile(lexicon.alternation(lexicon.DOCUMENT_TYPES) + r"\.?", _I)
_OFFICIAL_DATE = re.compile(r"[^\W\d_][^,\n|]{0,40},\s*ngày\s+\d", _I)
_TERMINAL = re.compile(r"[.!?:;…][\"”')\]]*$")
_TIME_DIGITS = re.compile(
    r"\b(?:19|20)\d{2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b\d{1,2}\s+tháng\b|\b(?:tháng|quý)\s+\d{1,2}\b|\b[IVX]+\b", _I
)
_HEADER_ZONE_LINES = 16
_REPRINT_ZONE_LINES = lexicon.REPRINT_HEADER_REACH_LINES
_REPRINT_BODY_LINES = 3  # lines of the issuing body above a reprinted document's number
_MAX_HEADING_CHARS = 200


# --- furniture and masthead ---------------------------------------------------------


def _mark_furniture(lines: list[Line]) -> None:
    """Page numbers and running headers: lines that belong to the page, not the text."""
    for i, line in enumerate(lines):
        if not line.text:
            line.kind = BLANK
        elif _PAGE_NUMBER.fullmatch(line.text):
            # A bare "3" is a page number only between blank lines or on a line a form feed
            # starts; in a one-cell-per-line table it is a cell.
            if not _LONE_NUMBER.fullmatch(line.text) or _blank_around(lines, i) or line.form_feed:
                line.kind = FURNITURE
    _mark_related_news(lines)
    counts = Counter(_furniture_key(line.text) for line in lines if line.kind == TEXT and _header_like(line.text))
    for i, line in enumerate(lines):
        if line.kind != TEXT or not _header_like(line.text):
            continue
        seen = counts[_furniture_key(line.text)]
        if seen >= 3 or (seen >= 2 and _near_page_break(lines, i)):
            line.kind = FURNITURE
    # A running header printed once, under the first page break of a two-page report: a
    # short line that opens a page and stands alone, no sentence ("Báo cáo ... quý I/2025 -
    # UBND huyện ..." between "Trang 1/2" and a rule)
    for i, line in enumerate(lines):
        if line.kind == TEXT and _header_like(line.text) and _opens_page(lines, i) and not _TERMINAL.search(
            line.text
        ) and (i + 1 >= len(lines) or not lines[i + 1].text or RULE_LINE.fullmatch(lines[i + 1].text)):
            line.kind = FURNITURE
    # ... and a bare number right beside a running header is the page's number ("2" above
    # "BÁO CÁO ... - SỞ TT&TT" with no blank line between them)
    for i, line in enumerate(lines):
        if line.kind == TEXT and _LONE_NUMBER.fullmatch(line.text) and _beside_furniture(lines, i):
            line.kind = FURNITURE


def _opens_page(lines: list[Line], i: int) -> bool:
    """The first line after a page number (blank lines between)."""
    j = i - 1
    while j >= 0 and lines[j].kind == BLANK:
        j -= 1
    return j >= 0 and lines[j].kind == FURNITURE and _PAGE_NUMBER.fullmatch(lines[j].text) is not None


def _beside_furniture(lines: list[Line], i: int) -> bool:
    """A furniture line on one side, a blank or furniture line (or the text's edge) on the other."""
    def kind(j: int) -> str | None:
        return lines[j].kind if 0 <= j < len(lines) else None
    before, after = kind(i - 1), kind(i + 1)
    return (before == FURNITURE and after in (BLANK, FURNITURE, None)) or (
        after == FURNITURE and before in (BLANK, FURNITURE, None)
    )


def _mark_related_news(lines: list[Line]) -> None:
    """A "Tin liên quan" box: its heading and the headlines under it (short lines without a
    full stop, or list items) up to the first line that is not one."""
    for i, line in enumerate(lines):
        if line.kind == TEXT and _RELATED_NEWS_INLINE.match(line.text):
            line.kind = FURNITURE  # "Xem thêm: headline · headline" on one line
            continue
        if line.kind != TEXT or not _RELATED_NEWS.fullmatch(line.text):
            continue
        line.kind = FURNITURE
        for item in lines[i + 1 :]:
            if not item.text:
                continue
            words = len(item.text.split())
            if item.kind != TEXT or words > _HEADLINE_MAX_WORDS or _NUMBERING.match(item.text) or (
                _TERMINAL.search(item.text) and not item.text.lstrip().startswith(("-", "•", "+"))
            ):
                break
            item.kind = FURNITURE


def _blank_around(lines: list[Line], i: int) -> bool:
    before = i == 0 or not lines[i - 1].text
    after = i + 1 >= len(lines) or not lines[i + 1].text
    return before and after


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


_TABLE_CELLS = re.compile(r"\||\t|\S {2,}\S.* {2,}\S")


def _header_like(text: str) -> bool:
    """Running headers are short lines of several words; a table's header row printed again
    on the next page ("STT  Huyện  Tổng số  Trực tuyến") is none."""
    words = len(text.split())
    return 3 <= words <= 20 and len(text) <= 160 and not _TABLE_CELLS.search(text.strip())


def _near_page_break(lines: list[Line], i: int) -> bool:
    """A page number (or other furniture) within three lines; a bare number right beside the
    line counts too, before it is known to be one."""
    for j in range(max(0, i - 3), min(len(lines), i + 4)):
        if j != i and lines[j].kind == FURNITURE:
            return True
    return any(0 <= j < len(lines) and _LONE_NUMBER.fullmatch(lines[j].text) for j in (i - 1, i + 1))


def _mark_masthead(lines: list[Line]) -> None:
    """The official header: issuing body, national motto, number and date lines, document type."""
    _mark_header_zone(lines)
    if not any(line.kind == MASTHEAD for line in lines[:_HEADER_ZONE_LINES]):
        _mark_reprinted_masthead(lines)


def _mark_reprinted_masthead(lines: list[Line]) -> None:
    """A web page that reprints an official document below its own headline and lead
    ("Cổng thông tin trích đăng ...", then "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SÓC TRĂNG" over
    "Số: 2186/BC-SGDĐT"): the body's lines right above the document's number, the number line
    and the date line after it are its header."""
    number = next(
        (k for k, line in enumerate(lines[:_REPRINT_ZONE_LINES]) if line.kind == TEXT and _DOC_NUMBER_LINE.match(line.text)),
        None,
    )
    if number is None:
        return
    lines[number].kind = MASTHEAD
    k, named = number - 1, 0
    while k >= 0 and named < _REPRINT_BODY_LINES:
        line = lines[k]
        # the body's column, beside the motto's ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG | CỘNG HÒA XÃ HỘI ...")
        body = MASTHEAD_COLUMNS.split(line.text.strip(), maxsplit=1)[0]
        if line.kind == TEXT and _MOTTO.match(body):
            line.kind = MASTHEAD  # the motto's own line ("Độc lập - Tự do - Hạnh phúc") names no body
        elif line.kind == TEXT and len(body.split()) <= 10 and not FIGURE_DIGITS.search(body) and (
            is_caps(body) or _ISSUING_BODY.search(body)
        ):
            line.kind, named = MASTHEAD, named + 1
        elif line.kind != BLANK:
            break
        k -= 1
    for line in lines[number + 1 : number + 1 + _REPRINT_BODY_LINES]:
        if line.kind == TEXT and (_OFFICIAL_DATE.match(line.text) or _DOC_TYPE.fullmatch(line.text)):
            line.kind = MASTHEAD
        elif line.kind != BLANK:
            break


def _mark_header_zone(lines: list[Line]) -> None:
    for line in lines[:_HEADER_ZONE_LINES]:
        if line.kind != TEXT:
            continue
        text = line.text
        words = len(text.split())
        if words > 24 or _NUMBERING.match(text):
            return  # the body has begun
        if _MOTTO.search(text) or _DOC_NUMBER_LINE.match(text) or _OFFICIAL_DATE.match(text) or _DOC_TYPE.fullmatch(text):
            line.kind = MASTHEAD
        elif words <= 10 and not FIGURE_DIGITS.search(text) and (is_caps(text) or _ISSUING_BODY.search(text)):
            line.kind = MASTHEAD  # the issuing body ("ỦY BAN NHÂN DÂN", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        elif words > 12:
            return


# --- headings, items, unit lines ------------------------------------------------------


def _mark_structure(lines: list[Line]) -> None:
    first_content = next((k for k, line in enumerate(lines) if line.kind == TEXT), -1)
    for k, line in enumerate(lines):
        if line.kind != TEXT:
            continue
        text = line.text
        if _UNIT_LINE.fullmatch(text):
            line.kind = UNIT
            continue
        numbering = _NUMBERING.match(text)
        if numbering:
            style = _numbering_style(numbering)
            rest = text[numbering.end() :]
            if _is_heading_text(rest, style) and not _goes_on_to_a_figure(lines, k):
                line.kind, line.style, line.title = HEADING, style, text
            else:
                line.kind = ITEM
            continue
        if BULLET.match(text):
            line.kind = ITEM
        elif len(text) <= _MAX_HEADING_CHARS and is_caps(text) and 2 <= len(text.split()) <= 25 and not (
            FIGURE_DIGITS.search(_TIME_DIGITS.sub("", text)) or _SIGNATURE.search(text)
        ):
            line.kind, line.style, line.title = HEADING, "caps", text
        elif k != first_content and _is_subheading(lines, k):
            line.kind, line.style, line.title = HEADING, "plain", text


_BRACKETED = re.compile(r"\(([^()]{4,60})\)\s*$")
_BRACKETED_NOTE = re.compile(r"\([^()]{4,120}\)")
_INDICATOR_WORD = re.compile(r"\bchỉ tiêu\b", _I)
_SIGNATURE = re.compile(lexicon.SIGNATURE_BLOCK_PATTERN, _I)  # "TM. ỦY BAN NHÂN DÂN": who signs, no heading
_SUBHEADING_WORDS = 10


def _is_subheading(lines: list[Line], k: int) -> bool:
    """A news item's unnumbered subheading, alone between blank lines, that opens a targets or
    results part ("Mục tiêu đến năm 2030", "Kết quả năm 2024"): its scope holds for the
    paragraphs under it. Other short lines stay text."""
    text = lines[k].text
    alone = (k == 0 or not lines[k - 1].text) and (k + 1 >= len(lines) or not lines[k + 1].text)
    return (
        alone and len(text.split()) <= _SUBHEADING_WORDS and not _TERMINAL.search(text)
        and not FIGURE_DIGITS.search(_TIME_DIGITS.sub("", text)) and heading_target(text) is not None
    )


def _goes_on_to_a_figure(lines: list[Line], k: int) -> bool:
    """A numbered line whose sentence the next line ends with a figure ("đ) Nâng số camera kết
    nối Trung tâm IOC lên" / "1.800 camera."; "... ký số" / "và lưu trữ điện tử đạt 90%."), on
    this page or the next: a list item cut at the wrap width, no heading."""
    text = lines[k].text
    if k + 1 >= len(lines) or text.rstrip().endswith(":") or _TERMINAL.search(text):
        return False
    j, across_break = past_blank_lines(lines, k + 1)  # past a page break too
    if j >= len(lines) or j > k + 1 and not across_break:
        return False
    nxt = lines[j]
    if nxt.kind != TEXT or _NUMBERING.match(nxt.text) is not None:
        return False
    # the figure opens the next line, or the line goes on in lower case to a figure ("e) Tỷ lệ hồ
    # sơ được số hóa, ký số" / page break / "và lưu trữ điện tử đạt 90%.")
    return nxt.text[:1].isdigit() or nxt.text[:1].islower() and FIGURE_DIGITS.search(nxt.text) is not None


def _numbering_style(m: re.Match[str]) -> str:
    if m.group("part"):
        return "part"
    if m.group("roman"):
        return "roman"
    if m.group("upper"):
        return "upper"
    if m.group("letter"):
        return "letter"
    number = m.group("num") or m.group("deep")
    close = m.group().strip()[-1:]
    return f"num{number.count('.') + 1}" + (")" if close == ")" else "")


def _is_heading_text(rest: str, style: str) -> bool:
    """A numbered line is a heading when it names a topic: short, no figure, no full stop."""
    if not rest or len(rest) > _MAX_HEADING_CHARS:
        return False
    if style in ("part", "roman"):
        return True
    if rest.rstrip().endswith((".", ";", ",")) or len(rest.split()) > 25:
        return False
    return not FIGURE_DIGITS.search(_TIME_DIGITS.sub("", rest))


# --- joining wrapped lines ---------------------------------------------------------------


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped document was cut at, or None when lines are paragraphs."""
    long_lines = [line for line in lines if line.kind in (TEXT, ITEM) and len(line.text) >= 50]
    if len(long_lines) < 4:
        return None
    width = max(len(line.text) for line in long_lines)
    unfinished = sum(1 for line in long_lines if not _TERMINAL.search(line.text))
    if width > 120 or unfinished < 0.5 * len(long_lines):
        return None
    return width


def _continues(prev: Line, nxt: Line, width: int | None, across_break: bool) -> bool:
    """`nxt` goes on the sentence `prev` left open."""
    if nxt.kind != TEXT:
        return False
    first = nxt.text.lstrip("([“\"'")[:1]  # "(BTS), tăng 6 trạm ...": the word inside the bracket
    if _TERMINAL.search(prev.text):
        if width is None or _NUMBERING.match(nxt.text) is not None:
            return False
        # A wrapped label and its value: "... thuê bao di động/100 dân:" / "128,5. Tỷ lệ ...";
        # a numbered item after a colon ("1. Hạ tầng số") starts a list instead.
        if prev.text.endswith(":"):
            return first.isdigit() and len(prev.text) >= 0.6 * width
        # A clause cut at the wrap width right after its semicolon ("... 12 trạm 5G;" /
        # "100% thôn được phủ sóng 4G; ..."): an item of a list would start with its marker or
        # a capital, or stand indented.
        return (
            prev.text.endswith(";") and len(prev.text) >= 0.9 * width and nxt.lead <= prev.lead
            and (first.islower() or first.isdigit())
        )
    if first.islower() or (across_break and first.isdigit()):
        return True  # a page break inside a sentence ("... đạt" / page number / "91,6%. ...")
    if width is None:
        return False
    long_enough = len(prev.text) >= 0.6 * width
    return long_enough and (first.isupper() or first.isdigit() or across_break)


# --- scopes -------------------------------------------------------------------------------

_TARGET_HEADING = re.compile(lexicon.word_alternation(lexicon.TARGET_HEADING_WORDS), _I)
_RESULT_HEADING = re.compile(lexicon.word_alternation(lexicon.RESULT_HEADING_WORDS), _I)
_TARGET_INTRO = re.compile(lexicon.TARGET_CUE_PATTERN + r"|phương hướng|định hướng", _I)
_PAST = re.compile(r"\bđã\b", _I)


# "Kế hoạch số 46/KH-UBND", "Quyết định số 1117/QĐ-BTTTT": a document's name, no plan section
_DOCUMENT_REFERENCE = re.compile(
    r"\b" + lexicon.alternation(lexicon.DOCUMENT_NAMES) + r"\s+(?:số\s*)?\d+[\w/.\-]*", _I
)


_PLANNING_AGENCY = re.compile(lexicon.word_alternation(lexicon.PLANNING_AGENCY_NAMES), _I)


def heading_target(title: str) -> bool | None:
    """True for a targets heading ("Mục tiêu", "Phương hướng, nhiệm vụ năm 2025"), False for
    a results heading ("Kết quả thực hiện kế hoạch"), None when it says neither. A document it
    names by number ("Kèm theo Kế hoạch số 46/KH-UBND"), or an agency named for planning (a
    paper's masthead "Cơ quan của Bộ Kế hoạch và Đầu tư"), says neither."""
    title = _PLANNING_AGENCY.sub(" ", _DOCUMENT_REFERENCE.sub(" ", title))
    if _RESULT_HEADING.search(title):
        return False
    if _TARGET_HEADING.search(title):
        return True
    return None


def intro_target(text: str) -> bool | None:
    """A list intro opens a targets list when it names goals and is not about results."""
    text = _PLANNING_AGENCY.sub(" ", _DOCUMENT_REFERENCE.sub(" ", text))
    if _RESULT_HEADING.search(text):
        return False
    if _TARGET_INTRO.search(text) and not _PAST.search(text):
        return True
    return None


# A paragraph that opens on its data's day: "Tính đến ngày 30/11/2024, ...", "Đến hết tháng
# 11/2024, ...", "Tính đến thời điểm 31/10/2024, ..." (its first clause, up to the comma, which
# as_of_date reads).
_OPENING_CLAUSE = re.compile(
    r"\s*" + lexicon.word_alternation(lexicon.AS_OF_CUES) + r"\s+[^,;:.]{0,30}?\d[^,;:]{0,12}(?=,)", re.IGNORECASE
)


@dataclass
class _Section:
    style: str
    title: str
    target: bool | None
    as_of: datetime.date | None


def _scope(
    stack: list[_Section], extra: list[_Section] | None = None, report_as_of: datetime.date | None = None,
    cut_off: datetime.date | None = None,
) -> Scope:
    target: bool | None = None
    as_of = None
    for section in stack + (extra or []):
        if section.target is not None:
            target = section.target
        if section.as_of is not None:
            as_of = section.as_of
    path = " › ".join(s.title for s in stack if s.title)
    return Scope(path, target, as_of, report_as_of=report_as_of, cut_off=cut_off)


def _push(stack: list[_Section], section: _Section) -> None:
    for k, open_section in enumerate(stack):
        if open_section.style == section.style:
            del stack[k:]
            break
    stack.append(section)


# --- the whole report ---------------------------------------------------------------------


def read_layout(text: str, year_of: datetime.date | None = None) -> Layout:
    """The blocks of `text` with their scopes, and the reading text (see the module doc).
    `year_of` dates a day and month without a year in a heading, list intro or caption
    (the publication date, else the end of the period the report covers)."""
    lines = split_lines(text)
    _mark_furniture(lines)
    _mark_masthead(lines)
    _mark_structure(lines)
    mark_rows(lines)
    single_tables = {start: (end, table) for start, end, table in mark_single_cell_tables(lines, text)}
    layout = _Reader(text, lines, single_tables, _wrap_width(lines), year_of).read()
    return replace(layout, issuer_level=issuer_level(_issuing_body(lines)))


def _issuing_body(lines: list[Line]) -> list[str]:
    """The masthead lines above the document's number, date and type: its issuing body."""
    body = []
    for line in lines[:_REPRINT_ZONE_LINES]:
        if line.kind != MASTHEAD:
            continue
        if _DOC_NUMBER_LINE.match(line.text) or _OFFICIAL_DATE.match(line.text) or _DOC_TYPE.fullmatch(line.text):
            break
        body.append(line.text)
    return body


class _Reader:
    """Walks the classified lines once, keeping the open sections, list intro and caption."""

    def __init__(
        self, text: str, lines: list[Line], single_tables: dict, width: int | None, year_of: datetime.date | None
    ) -> None:
        self.text = text
        self.year_of = year_of
        self.lines = lines
        self.single_tables = single_tables
        self.width = width
        self.edits: list[tuple[int, int]] = []  # spans to blank in the reading text
        self.blocks: list[Block] = []
        self.stack: list[_Section] = []
        self.intro: _Section | None = None  # an open list intro ("... như sau:")
        self.caption: _Section | None = None  # the line right above a table
        self.lead_in = ""  # a longer paragraph right above a table that ends with ":" or points at it
        self.lead_in_as_of: datetime.date | None = None  # ... and the day its figures stand at
        self.unit_line: str | None = None
        self.blank_before = False
        self.above: str | None = None  # the paragraph read last, while nothing else follows it
        self.last_header: list[Line] = []  # the header rows of the table read last
        self.last_rows: list[Line] = []  # its data rows
        self.report_as_of: datetime.date | None = None  # see Scope.report_as_of
        self.cut_off: datetime.date | None = None  # see Scope.cut_off
        self.numbered_headings = 0  # numbered headings read so far

    def read(self) -> Layout:
        i = 0
        while i < len(self.lines):
            i = self._step(i)
        return Layout(_blanked(self.text, self.edits), tuple(self.blocks))

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if i in self.single_tables:
            end, table = self.single_tables[i]
            self._table(line.start, self.lines[end - 1].end, table)
            return end
        kind = line.kind
        if kind in (BLANK, MASTHEAD, FURNITURE):
            if kind == FURNITURE:
                self.edits.append((line.start, line.end))
            else:
                self.blank_before = True
            return i + 1
        if kind == UNIT:
            self.unit_line = line.text
            return i + 1
        if kind == HEADING:
            self._heading(line)
            return i + 1
        if kind == ROW:
            j = i
            while j < len(self.lines) and (
                self.lines[j].kind == ROW and self.lines[j].layout == line.layout
                # a Markdown table's rule, or the dashes under a space-aligned table's header
                or self.lines[j].layout == "rule" and line.layout in ("pipe", "spaces")
            ):
                j += 1
            rows = [row for row in self.lines[i:j] if row.kind == ROW]
            carried = self._goes_on(rows)
            if carried:
                # the table's last rows, printed on the next page: one table with those above
                # them, so a sum row below sees every row it sums
                rows = self.last_rows + rows
            if len(rows) >= 2 or carried:
                header = list(self.last_header) if carried else []
                table, header_rows = build_table(header + rows, self.text, self.unit_line)
                if carried or not table.rows:
                    self.last_header = header_rows
                if table.rows:
                    self.edits.extend((r.start, r.end) for r in self.lines[i:j] if r.layout == "rule")
                    data = rows[len(header_rows) - len(header):]
                    if not carried and self._printed_again(table, i):
                        # its header printed again on the next page, under "Bảng 2 (tiếp theo)"
                        carried, data = True, self.last_rows + data
                        table, _ = build_table(list(self.last_header) + data, self.text, self.unit_line)
                        self.caption = None
                        while self.blocks[-1].kind != "table":
                            self.blocks.pop()  # the continuation's caption: no block of its own
                    if carried:
                        above = self.blocks.pop()
                        self.blocks.append(Block("table", above.start, self.lines[j - 1].end, above.scope, table))
                    else:
                        self._table(line.start, self.lines[j - 1].end, table)
                        self.last_header = header_rows
                    self.last_rows = data
                    return j
            # A single line with cells, or lines with cells but no figure in a value
            # column, are no table: read them as prose, line by line.
            for k in range(i, max(j, i + 1)):
                if self.lines[k].layout != "rule":
                    self.lines[k].kind = ITEM if BULLET.match(self.lines[k].text) else TEXT
            return self._paragraph(i)
        return self._paragraph(i)

    def _printed_again(self, table: Table, i: int) -> bool:
        """`table` (its first line is line i) repeats the header of the table read last, with
        nothing between them but a page break and a caption that says it goes on ("Bảng 2
        (tiếp theo)")."""
        last = next((k for k in range(len(self.blocks) - 1, -1, -1) if self.blocks[k].kind == "table"), None)
        if last is None or not self.last_header or not _same_header(self.blocks[last].table, table):
            return False
        between = self.blocks[last + 1 :]
        if any(not _CONTINUED.search(self.text[b.start : b.end]) for b in between):
            return False
        end = self.blocks[last].end
        gap = itertools.takewhile(lambda ln: ln.start > end, reversed(self.lines[:i]))
        return bool(between) or any(ln.kind == FURNITURE and ln.layout != "rule" for ln in gap)

    def _goes_on(self, rows: list[Line]) -> bool:
        """Rows right after a table (nothing but a page break between) with its layout and
        width and no header of their own: the table's last rows, printed on the next page."""
        previous = self.blocks[-1] if self.blocks else None
        if previous is None or previous.kind != "table" or not self.last_header or not rows:
            return False
        if self.caption is not None or rows[0].layout != self.last_header[0].layout:
            return False
        width = len(previous.table.columns) if previous.table is not None else len(self.last_header[-1].cells)
        cells = [self.text[s:e] for s, e in rows[0].cells]
        return len(cells) == width and any(is_number_cell(c) for c in cells[1:])

    def _heading(self, line: Line) -> None:
        previous = self.blocks[-1] if self.blocks else None
        if line.style == "caps" and previous is not None and previous.kind == "heading" and self.stack and (
            self.stack[-1].style == "caps" and previous.end + 1 >= line.start - line.lead - 1
        ):
            # An all-caps title printed over two lines is one heading.
            top = self.stack[-1]
            title = top.title + " " + line.title
            self.stack[-1] = _Section("caps", title, self._heading_target(title), self._as_of(title))
        else:
            target = self._heading_target(line.title)
            dated = self._as_of(line.title) or self._period_in_brackets(line.title) or self._past_year(line.title, target)
            section = _Section(line.style, line.title, target, dated)
            if line.style == "caps":
                self.stack.clear()  # an unnumbered all-caps heading (PHỤ LỤC) starts a new part
            else:
                self.numbered_headings += 1
            _push(self.stack, section)
        self.intro, self.caption, self.above = None, None, None
        if self.report_as_of is None or all(s.style == "caps" for s in self.stack):
            # a heading's "(số liệu đến ngày 30/9/2025)" dates the report from here on, unless the
            # report said its own day before: then a numbered section's ("1. Hạ tầng viễn thông
            # (số liệu doanh nghiệp cung cấp đến ngày 15/3/2025)") dates only that section (its
            # as-of, above), and the sections after it keep the report's
            self.report_as_of = data_cut_off(line.title, self.year_of) or self.report_as_of
        self.blocks.append(Block(
            "heading", line.start, line.end, _scope(self.stack, report_as_of=self.report_as_of, cut_off=self.cut_off)
        ))
        self.blank_before = False

    def _table(self, start: int, end: int, table: Table) -> None:
        extra = [s for s in (self.intro, self.caption) if s]
        if self.caption is None and self.lead_in_as_of is not None:
            extra.append(_Section("intro", "", None, self.lead_in_as_of))
        scope = _scope(self.stack, extra, self.report_as_of, self.cut_off)
        previous = self.blocks[-1] if self.blocks else None
        if self.caption is not None:
            scope = replace(scope, caption=self.caption.title)
        elif previous is not None and previous.kind == "table" and _same_header(previous.table, table):
            scope = previous.scope  # the table goes on after a page break, its header printed again
        elif self.lead_in:
            scope = replace(scope, lead_in=self.lead_in)
        self.blocks.append(Block("table", start, end, scope, table))
        self.caption, self.unit_line, self.above, self.lead_in, self.lead_in_as_of = None, None, None, "", None
        self.blank_before = False

    def _notes_the_reports_data(self, block_text: str) -> bool:
        """A note in brackets right under the report's first numbered heading ("I. KẾT QUẢ THỰC
        HIỆN" / "(Số liệu tính đến ngày 20/9/2024)"), or under a part of results at its top level
        ("I. ĐẶC ĐIỂM TÌNH HÌNH", then "II. KẾT QUẢ THỰC HIỆN NĂM 2024" over the note), before
        anything else in it: said of the report's data, as one above that heading is. Under a
        section inside a part ("1. Hạ tầng số") it is not."""
        numbered = [s for s in self.stack if s.style != "caps"]
        first = self.numbered_headings == 1 or len(numbered) == 1 and numbered[0].target is False
        return (
            first and bool(self.blocks) and self.blocks[-1].kind == "heading"
            and _BRACKETED_NOTE.fullmatch(block_text.strip()) is not None
        )

    def _period_in_brackets(self, title: str) -> datetime.date | None:
        """"2. Chính quyền số (năm 2024)", "(quý I năm 2025)": a heading that names in brackets a
        period over at the report's date dates its section to the period's end."""
        bracket = _BRACKETED.search(title)
        end = report_period_end(bracket.group(1)) if bracket else None
        return end if end is not None and self.year_of is not None and end <= self.year_of else None

    def _past_year(self, title: str, target: bool | None) -> datetime.date | None:
        """"Kết quả nổi bật năm 2024" in a report of 2025: a heading of results that names one
        year, over before the report's, dates its section to that year's end."""
        years = {int(y) for y in YEAR.findall(title)}
        if target or len(years) != 1 or not self._names_past_years_only(title):
            return None
        return datetime.date(years.pop(), 12, 31)

    def _heading_target(self, title: str) -> bool | None:
        """heading_target, and indicators of years to come, on one line or two ("PHỤ LỤC" over
        "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025 THEO HUYỆN" in a plan of February 2025: targets)."""
        target = heading_target(title)
        return True if target is None and self._indicators_to_come(title) else target

    def _indicators_to_come(self, title: str) -> bool:
        """"Chỉ tiêu giai đoạn 2025 - 2027" in a report of February 2025: indicators of years
        not yet over are targets ("Một số chỉ tiêu chủ yếu" names no year: indicators)."""
        years = [int(y) for y in YEAR.findall(title)]
        return bool(years) and self.year_of is not None and _INDICATOR_WORD.search(title) is not None and (
            min(years) >= self.year_of.year
        )

    def _names_past_years_only(self, text: str) -> bool:
        """The text names years, each over before the year of the report."""
        years = [int(y) for y in YEAR.findall(text)]
        return bool(years) and self.year_of is not None and max(years) < self.year_of.year

    def _as_of(self, text: str) -> datetime.date | None:
        found = as_of_date(text)
        if found is None and self.year_of is not None:
            found = as_of_in_publication_year(text, self.year_of)
        return found

    def _caption_as_of(self, text: str) -> datetime.date | None:
        """A table's caption dates its cells by a day, or by the period it names ("(quý I/2025)")."""
        return self._as_of(text) or period_as_of(text, self.year_of, opening=False)

    def _states_results(self, text: str) -> bool:
        """A caption or list intro that dates its figures to a day passed at publication ("(Kèm
        theo Kế hoạch số 12/KH-UBND; số liệu tính đến ngày 20/12/2024)", "Các chỉ tiêu khác
        tính đến ngày 31/12/2024:") introduces results, whatever plan or indicator it names."""
        return self.year_of is not None and reports_as_of_a_past_date(text, self.year_of)

    def _dated_by_its_opening(self, block_text: str) -> None:
        """"I. KẾT QUẢ NĂM 2024 / 1. Kết quả đạt được / Tính đến ngày 30/11/2024, toàn tỉnh có
        ...": a section whose first paragraph opens on the day its figures stand at, passed at
        publication, states the rest of its paragraphs at that day too, up to the next heading
        of its rank (a paragraph or heading that names its own time still keeps it)."""
        previous = self.blocks[-1] if self.blocks else None
        if previous is None or previous.kind != "heading" or not self.stack:
            return
        section = self.stack[-1]
        if section.as_of is not None or section.target or self.year_of is None:
            return
        opening = _OPENING_CLAUSE.match(block_text)
        dated = as_of_date(opening.group()) if opening else None
        if dated is not None and dated <= self.year_of:
            section.as_of = dated

    def _paragraph(self, i: int) -> int:
        """A paragraph or a list item, with the lines that continue it."""
        line = self.lines[i]
        j = _paragraph_end(self.lines, i, self.width, self.edits)
        block_kind = "list_item" if line.kind == ITEM else "paragraph"
        block_text = " ".join(self.lines[k].text for k in range(i, j) if self.lines[k].kind in (TEXT, ITEM))
        caption = _caption(block_text, self.lines, j, self._caption_as_of)
        if caption is not None and caption.as_of is None and self.above is not None and not self.blank_before:
            # "Kết quả ... năm 2025" over "(Kèm theo Báo cáo số 468/BC-UBND ngày 16/12/2025)":
            # a caption of two lines, the first dates the table
            caption.as_of = self._caption_as_of(self.above) if len(self.above.split()) <= _CAPTION_WORDS else None
        if self.intro is not None and block_kind == "paragraph" and not _is_short_item(block_text) and caption is None:
            self.intro = None  # prose after the list closes it; a table's caption does not
        extra = [s for s in (self.intro,) if s]
        if caption is None and block_kind == "paragraph":
            self._dated_by_its_opening(block_text)
        if caption is None:
            # a caption's data date is its table's; a paragraph's is the report's from here on,
            # and, said before the first numbered section (under the title "BÁO CÁO" at most),
            # the day all of the report's data stop at; so, anywhere, does one said of the data
            # of the report itself ("Các số liệu nêu trong báo cáo được tổng hợp đến hết ngày 30/9")
            stated = data_cut_off(block_text, self.year_of)
            self.report_as_of = stated or self.report_as_of
            if stated is not None and self.cut_off is None and (
                all(s.style == "caps" for s in self.stack) or _THE_REPORT_ITSELF.search(block_text)
                or self._notes_the_reports_data(block_text)
            ):
                self.cut_off = stated
        self.blocks.append(Block(
            block_kind, line.start, self.lines[j - 1].end, _scope(self.stack, extra, self.report_as_of, self.cut_off)
        ))
        self.caption = caption
        introduces_table = caption is None and _table_follows(self.lines, j) and (
            block_text.rstrip().endswith(":") or _POINTS_AT_TABLE.search(block_text) is not None
        )
        self.lead_in = block_text if introduces_table else ""
        self.lead_in_as_of = as_of_date(block_text) if introduces_table else None
        if self.caption is not None and self.caption.target and self._states_results(block_text):
            self.caption.target = False
        if block_text.rstrip().endswith(":"):
            outer = self.intro  # a list intro inside an open list keeps what the outer one said
            target, as_of = intro_target(block_text), self._as_of(block_text) or period_as_of(block_text, self.year_of)
            cues = {m.group().lower() for m in _TARGET_INTRO.finditer(block_text)}
            if target and cues == {"chỉ tiêu"} and (_scope(self.stack).target is False or not YEAR.search(block_text)):
                # "Các chỉ tiêu hạ tầng khác:" in a results section, "Một số chỉ tiêu chính như
                # sau:" naming no year: indicators, which the section makes goals or results
                target = None
            if target and cues == {"chỉ tiêu"} and self._names_past_years_only(block_text):
                target = False  # "Một số chỉ tiêu chủ yếu năm 2024:" in a report of 2025 lists results
            if as_of is None and not target:
                # "Theo báo cáo của Sở, 6 tháng đầu năm 2025 đạt các kết quả nổi bật:": the period
                # it names anywhere dates its list, when it is over by the report's date or nearly
                as_of = period_as_of(without_since(block_text), self.year_of, opening=False)
            if target and self._states_results(block_text):
                target = False
            if outer is not None:
                target = outer.target if target is None else target
                as_of = as_of or outer.as_of
            self.intro = _Section("intro", "", target, as_of)
        self.blank_before = False
        self.above = block_text
        return j


def _same_header(before: Table | None, table: Table) -> bool:
    headers = [c.header for c in table.columns]
    return before is not None and any(headers) and headers == [c.header for c in before.columns]


def _paragraph_end(lines: list[Line], i: int, width: int | None, edits: list[tuple[int, int]]) -> int:
    """Index after the last line of the paragraph starting at i; the line breaks and furniture
    inside it go to `edits`, to be blanked in the reading text."""
    prev = lines[i]
    j = i + 1
    while j < len(lines):
        k, across_break = past_blank_lines(lines, j)
        if k >= len(lines) or (k > j and not across_break):
            break
        if across_break:
            k = _skip_running_header(lines, k, prev, width)
        nxt = lines[k]
        if not _continues(prev, nxt, width, across_break):
            break
        # The furniture and blank lines inside the paragraph, with every line break up to nxt.
        edits.append((prev.end, nxt.start))
        prev = nxt
        j = k + 1
    return j


def _skip_running_header(lines: list[Line], k: int, prev: Line, width: int | None) -> int:
    """After a page number, a short line followed by the rest of the open sentence is the
    page's running header (printed once, so not caught as a repeated line): skip it."""
    header = lines[k]
    if header.kind != TEXT or not _header_like(header.text) or _TERMINAL.search(header.text):
        return k
    after, _ = past_blank_lines(lines, k + 1)
    if after == k + 1 or after >= len(lines) or not _continues(prev, lines[after], width, True):
        return k
    header.kind = FURNITURE
    return after


def _blanked(text: str, edits: list[tuple[int, int]]) -> str:
    """`text` with the spans of `edits` turned into spaces (same length, spans kept)."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(edits):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _is_short_item(text: str) -> bool:
    """A label: value line under a list intro ("Số trạm BTS: 96 trạm") belongs to the list."""
    head, colon, _ = text.partition(":")
    return bool(colon) and len(head.split()) <= 14


# A caption is short; one that says it is one ("Bảng 1. ...", "Biểu 2:") may run longer with
# what the table covers and its date ("... theo đơn vị hành chính cấp huyện (số liệu tính đến ngày 15/10/2024)").
_CAPTION_WORDS, _CAPTION_WORDS_LABELLED = 30, 50
_CAPTION_LABEL = re.compile(r"\s*(?:bảng|biểu|phụ lục|table)\b", _I)
# "Bảng 2 (tiếp theo)", "Biểu 1 (tiếp)", "Table 3 (continued)": a table goes on
_CONTINUED = re.compile(r"^\s*(?:bảng|biểu|phụ lục|table)?[^()\n]{0,20}\(\s*(?:tiếp theo|tiếp|continued|cont\.?)\s*\)\s*$", _I)


def _table_follows(lines: list[Line], j: int) -> bool:
    """A table starts at line j, past blank lines, a unit line and rules."""
    k = j
    while k < len(lines) and (lines[k].kind in (BLANK, UNIT) or lines[k].layout == "rule"):
        k += 1
    return k < len(lines) and lines[k].kind == ROW


def _caption(text: str, lines: list[Line], j: int, dated: Callable[[str], datetime.date | None]) -> _Section | None:
    """A short line right above a table ("Bảng 1. ... đến ngày 31/10/2024") is its caption."""
    words = len(text.split())
    if not _table_follows(lines, j) or words > _CAPTION_WORDS_LABELLED or (
        words > _CAPTION_WORDS and not _CAPTION_LABEL.match(text)
    ):
        return None
    return _Section("caption", " ".join(text.split()), heading_target(text), dated(text))
