"""Turn a report file's bytes into clean NFC text.

Provincial portals and the people who save their pages produce UTF-8 (with or
without a BOM), UTF-16 (with or without a BOM) and the legacy Windows code page
for Vietnamese, cp1258, which writes tone marks as separate combining
characters. Anything else is rejected with a reason a person can act on, so
ingestion can file it under `raw.rejected_reports` instead of dropping it.

Decisions:
- A file whose only UTF-8 fault is an incomplete multibyte character at the very
  end (a download or copy cut mid-character) is accepted: the broken tail is
  dropped and the encoding is reported as `TRUNCATED_UTF8` so the loss stays
  visible. Invalid bytes anywhere else mean the text is damaged and it is
  rejected, because figures read from damaged text cannot be trusted.
- Tone marks are unified to the "new" placement (`hòa`, `khỏe`, `thủy`), the one
  the province reference data uses.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lxml import etree

from dagster_project.extraction.models import DecodedText

TRUNCATED_UTF8 = "utf-8 (truncated final character dropped)"

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x1f\x8b", "gzip archive"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

# Share of characters that may be control characters (other than tab/newline)
# before a decoding is judged to be binary junk rather than text.
_MAX_CONTROL_SHARE = 0.01
# Share of characters that must be letters, digits, spaces or punctuation.
_MIN_TEXTLIKE_SHARE = 0.85


class UndecodableError(ValueError):
    """The bytes are not text we can read; the message says why."""


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a report file into NFC text, or raise UndecodableError."""
    if not data.strip():
        raise UndecodableError("empty or whitespace-only file")
    _reject_known_binary(data)

    text, encoding = _decode(data)
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    if not text.strip():
        raise UndecodableError("empty or whitespace-only text")
    if not _looks_like_text(text):
        raise UndecodableError(f"binary content (not plausible text as {encoding})")
    return DecodedText(text=text, encoding=encoding)


def _reject_known_binary(data: bytes) -> None:
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise UndecodableError(f"binary content ({kind})")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, label), label

    utf16 = _sniff_utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16, utf16), utf16
    if b"\x00" in data:
        raise UndecodableError("binary content (NUL bytes)")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _is_truncated_tail(data, error):
            return data[: error.start].decode("utf-8"), TRUNCATED_UTF8
        if _mostly_utf8(data):
            raise UndecodableError(
                f"damaged UTF-8 (invalid byte at offset {error.start})"
            ) from error
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as error:
        raise UndecodableError(
            "not valid text in UTF-8, UTF-16 or Windows-1258"
        ) from error


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise UndecodableError(f"not valid {label} despite its byte pattern") from error


def _sniff_utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity only.

    Text in UTF-16 puts a NUL in the high byte of every ASCII character
    (spaces, digits, punctuation), which is a large share even of Vietnamese
    prose; binary junk spreads its NULs over both parities.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    pairs = len(data) // 2
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _is_truncated_tail(data: bytes, error: UnicodeDecodeError) -> bool:
    # Python reports an incomplete sequence that runs into the end of the
    # buffer as "unexpected end of data"; a sequence is at most 4 bytes.
    return error.reason == "unexpected end of data" and len(data) - error.start < 4


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes are UTF-8 with a few faults, not another code page.

    cp1258 Vietnamese rarely forms valid UTF-8 multibyte sequences, so many
    valid sequences next to few invalid bytes mean damaged UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - bad
    return good >= 3 and good >= 2 * bad


# Control characters other than tab, line feed, carriage return and form feed
# (Unicode category Cc).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    controls = len(sample) - len(_CONTROLS.sub("", sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        return False
    return _textlike_count(sample) >= _MIN_TEXTLIKE_SHARE * len(sample)


def _textlike_count(sample: str) -> int:
    """Characters of `sample` that `_is_textlike` accepts, counted by C loops: one regex
    over the Basic Multilingual Plane, and a look at each (rare) character above it."""
    not_textlike = len(sample) - len(_not_textlike_bmp().sub("", sample))
    not_textlike += sum(1 for char in _ASTRAL.findall(sample) if not _is_textlike(char))
    return len(sample) - not_textlike


@lru_cache(maxsize=1)
def _not_textlike_bmp() -> re.Pattern[str]:
    """A character class of every BMP character `_is_textlike` rejects (65,536 look-ups, once)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if _is_textlike(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    members = "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges
    )
    return re.compile(f"[{members}]")


def _is_textlike(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LNPZ" or char in "\t\n\r\f":
        return True
    # Currency, math and a few symbols (%, +, =, |, °) occur in reports.
    return category in ("Sm", "Sc") or char in "°|^~`©®"


# ---------------------------------------------------------------- markup

_SKIPPED_TAGS = frozenset(
    {"script", "style", "nav", "head", "noscript", "template", "svg", "iframe", "button", "select"}
)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "details",
        "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "main", "ol", "p",
        "pre", "section", "summary", "table", "ul",
    }
)
# A table's head, body and foot are parts of one table: no blank line between its header
# row and its first row (a blank line would end the table under its header).
# Rows and list items start a line but, unlike paragraphs, leave no blank line.
_LINE_TAGS = frozenset({"br", "dd", "dt", "li", "tr"})
_CELL_TAGS = frozenset({"td", "th"})
_CELL_MARK = "\t"  # placeholder between table cells, rendered as " | "


# Elements that never have content: their end (explicit or implied) adds nothing.
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


class _TextCollector:
    """Target of lxml's HTML parser: gathers the visible text as events arrive, no tree.

    libxml2 tokenises in linear time whatever the markup (the stdlib parser rescans
    an unclosed tag from every `<`: minutes for 96 KB of `<a `). Text arrives in
    pieces (around entities, across buffer ends); it is joined before whitespace
    is collapsed, as one text node.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._pending: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0

    def start(self, tag: str, attrib: object) -> None:
        self._flush()
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "li":
            self.parts.append("\n- ")  # keep the item's bullet: a list intro scopes its items
        elif tag in _LINE_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            rows, columns = _span(attrib, "rowspan"), _span(attrib, "colspan")
            self.parts.append(_CELL_MARK + (f"{_SPAN_OPEN}{rows},{columns}{_SPAN_CLOSE}" if rows > 1 or columns > 1 else ""))
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "pre":
            self._pre_depth += 1

    def end(self, tag: str) -> None:
        self._flush()
        if tag in _VOID_TAGS:
            return
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)

    def data(self, data: str) -> None:
        self._pending.append(data)

    def close(self) -> str:
        self._flush()
        return "".join(self.parts)

    def _flush(self) -> None:
        if not self._pending:
            return
        data = "".join(self._pending).replace(_SPAN_OPEN, "").replace(_SPAN_CLOSE, "")
        self._pending.clear()
        if self._skip_depth:
            return
        if self._pre_depth:
            self.parts.append(data)
        else:
            # Source line breaks inside HTML are just spaces.
            self.parts.append(_HTML_SPACE.sub(" ", data))


_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")


def strip_markup(text: str) -> str:
    """Visible text of an HTML page, one block per line."""
    collector = _TextCollector()
    # Bytes with the encoding stated: a <meta charset> in the page cannot re-decode
    # text that is already decoded. No network: only the bytes given are read.
    parser = etree.HTMLParser(target=collector, encoding="utf-8", no_network=True, huge_tree=False)
    parser.feed(text.encode("utf-8"))
    raw = parser.close()  # entities are already replaced in the text
    lines = [_clean_line(line) for line in _spread_spans(raw.split("\n"))]
    joined = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip()


# ---------------------------------------------------------------- merged cells

_SPAN_OPEN, _SPAN_CLOSE = "\x01", "\x02"  # around "rows,columns" after a merged cell's mark
_SPAN_MARK = re.compile(_SPAN_OPEN + r"(\d+),(\d+)" + _SPAN_CLOSE)
_MAX_SPAN = 64
_SPANNED = None  # a grid place that a merged cell to its left covers


def _span(attrib: object, name: str) -> int:
    try:
        value = int(str(attrib.get(name) or 1).strip())  # type: ignore[attr-defined]
    except ValueError:
        return 1
    return max(1, min(_MAX_SPAN, value))


def _spread_spans(lines: list[str]) -> list[str]:
    """The rows of each table with merged cells (rowspan, colspan) laid out on a grid, so that
    every value stands under its own column: a header of two rows becomes one ("Chỉ tiêu kế
    hoạch Năm 2026"), a cell merged down is repeated in each row it covers, a label merged
    across in each column it covers, a number merged across in its first column."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        if _CELL_MARK not in lines[k]:
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and _CELL_MARK in lines[end]:
            end += 1
        rows = lines[k:end]
        out += _grid_rows(rows) if any(_SPAN_OPEN in row for row in rows) else rows
        k = end
    return out


def _grid_rows(lines: list[str]) -> list[str]:
    rows = [_cells(line) for line in lines]
    width = max(sum(columns for _, _, columns in row) for row in rows)
    out: list[str] = []
    # a row of one cell across the table is a caption or a unit line ("Đơn vị tính: %")
    while rows and len(rows[0]) == 1 and rows[0][0][2] in (width, 1) and width > 1:
        out.append(rows.pop(0)[0][0])
    if not rows:
        return out
    grid = _grid(rows)
    first = rows[0]
    depth = max(r for _, r, _ in first)
    if depth == 1 and any(c > 1 for _, _, c in first):
        depth = 2  # a heading over several columns has its sub-headings on the next row
    depth = min(depth, len(grid))
    if depth > 1:
        heads = [_across(row) for row in grid[:depth]]
        header: list[str | None] = [_merged_heading([row[c] for row in heads]) for c in range(len(grid[0]))]
        grid = [header] + grid[depth:]
    for row in grid:
        # a label merged across ("Cộng" over STT and name) names each column it covers; a
        # number merged across is printed once
        labels = ["" if cell is not _SPANNED and cell and any(ch.isdigit() for ch in cell) else cell for cell in row]
        spread = _across(labels)
        out.append(_CELL_MARK + _CELL_MARK.join(
            (spread[k] or "") if cell is _SPANNED else cell for k, cell in enumerate(row)
        ))
    return out


def _cells(line: str) -> list[tuple[str, int, int]]:
    pieces = line.split(_CELL_MARK)
    cells = [(pieces[0], 1, 1)] if pieces[0].strip() else []
    for piece in pieces[1:]:
        mark = _SPAN_MARK.match(piece)
        if mark:
            cells.append((piece[mark.end():], int(mark.group(1)), int(mark.group(2))))
        else:
            cells.append((piece, 1, 1))
    return cells


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str | None]]:
    """Rows of cells placed on columns; a cell merged down fills the places below it."""
    below: dict[int, tuple[int, str | None]] = {}  # column -> (rows still covered, what covers it)
    grid: list[list[str | None]] = []
    for cells in rows:
        row: list[str | None] = []

        def covered() -> None:
            while len(row) in below:
                left, text = below.pop(len(row))
                row.append(text)
                if left > 1:
                    below[len(row) - 1] = (left - 1, text)

        for text, down, across in cells:
            covered()
            for k in range(across):
                place = text if k == 0 else _SPANNED
                if down > 1:
                    below[len(row)] = (down - 1, place if k == 0 else _SPANNED)
                row.append(place)
        covered()
        while below and max(below) >= len(row):
            row.append("")
            covered()
        grid.append(row)
    width = max(len(row) for row in grid)
    return [row + [""] * (width - len(row)) for row in grid]


def _across(row: list[str | None]) -> list[str | None]:
    """A header row with each heading over every column it spans."""
    out: list[str | None] = []
    for cell in row:
        out.append(out[-1] if cell is _SPANNED and out else cell)
    return out


def _merged_heading(column: list[str | None]) -> str:
    """The header rows of one column read top down, each heading once ("Chỉ tiêu kế hoạch",
    "Năm 2026"); a place a heading to its left covers takes that heading."""
    words: list[str] = []
    for text in column:
        text = (text or "").strip()
        if text and (not words or words[-1] != text):
            words.append(text)
    return " ".join(words)


def _clean_line(line: str) -> str:
    cells = [re.sub(r"[ \u00a0]+", " ", cell).strip() for cell in line.split(_CELL_MARK)]
    if len(cells) > 1 and not cells[0]:
        cells = cells[1:]  # the mark before the first cell
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    filled = [cell for cell in cells if cell]
    if len(filled) <= 1:
        return filled[0] if filled else ""
    # An empty cell inside a row stays (as "-") so that the cells after it keep their columns.
    return " | ".join(cell or "-" for cell in cells)
