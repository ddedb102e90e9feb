"""Turn a source file's bytes into report text, whatever its format.

Each reader raises `UndecodableError` with a reason a person can act on, and
`OverBudgetError` when the file asks more than its `ParseBudget`; the caller
quarantines the file with that reason instead of stopping the run. The readers
are safe by construction where they can be (linear-time parsers, no entity
expansion, bounded depth and size); what can still take long (pypdf) is run in
the parser process, under the time budget (see `parser_process.py`).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from lxml import etree

from dagster_project.extraction.models import DecodedText
from dagster_project.extraction.normalize import clean_text
from dagster_project.ingestion.budget import OverBudgetError, ParseBudget
from dagster_project.ingestion.pdf_budget import check_pdf_content
from dagster_project.ingestion.text import UndecodableError, decode_bytes, strip_markup

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | {".docx", ".pdf"}
# Formats read by a third-party parser; `scan_folder` reads them in the parser process.
ISOLATED_SUFFIXES = HTML_SUFFIXES | {".docx", ".pdf"}

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARAGRAPH, _TEXT = f"{_WORD}p", f"{_WORD}t"
_ROW, _CELL = f"{_WORD}tr", f"{_WORD}tc"
_ALTERNATE, _CHOICE, _FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"


def read_document(file_name: str, data: bytes, budget: ParseBudget | None = None) -> DecodedText:
    """Decode `data` according to the file's suffix and return NFC plain text."""
    budget = budget or ParseBudget()
    suffix = PurePath(file_name).suffix.lower()
    if not data:
        raise UndecodableError("empty file (0 bytes)")
    if suffix == ".docx":
        return DecodedText(text=_normalized(_docx_text(data, budget), budget), encoding="docx")
    if suffix == ".pdf":
        return DecodedText(text=_normalized(_pdf_text(data, budget), budget), encoding="pdf")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UndecodableError(
            f"unsupported file type '{suffix}': use one of "
            + ", ".join(sorted(s for s in SUPPORTED_SUFFIXES if s))
        )
    decoded = decode_bytes(data)
    text = decoded.text
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        text = strip_markup(text)
    text = _normalized(text, budget)
    if not text.strip():
        raise UndecodableError("no text left after removing markup")
    return DecodedText(text=text, encoding=decoded.encoding)


def _normalized(text: str, budget: ParseBudget) -> str:
    return clean_text(budget.text_checked(text))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


# ---------------------------------------------------------------- .docx


def _docx_text(data: bytes, budget: ParseBudget) -> str:
    try:
        xml = _docx_document_xml(data, budget)
    except (UndecodableError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile/zlib raise many types on damaged archives
        raise UndecodableError(f"corrupt .docx (not a readable Word archive: {exc}): re-save it from Word") from exc
    try:
        text = "\n".join(_docx_paragraphs(xml, budget))
    except etree.XMLSyntaxError as exc:
        raise UndecodableError(f"corrupt .docx (document.xml does not parse: {exc})") from exc
    if not text.strip():
        raise UndecodableError(".docx has no text")
    return text


def _docx_document_xml(data: bytes, budget: ParseBudget) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > budget.max_xml_bytes:
            raise OverBudgetError(
                f"over the XML size budget: word/document.xml unpacks to {info.file_size:,} bytes,"
                f" over {budget.max_xml_bytes:,} (zip bomb?)"
            )
        # zipfile stops at the declared size, so a member cannot unpack to more.
        return archive.read(info)


def _docx_paragraphs(xml: bytes, budget: ParseBudget) -> list[str]:
    """The text of each paragraph, in document order, each text run taken once.

    A paragraph's text is its own runs: a text box inside it is a paragraph of its
    own, listed after it. A table row is one line of its cells joined by " | "
    (as HTML tables read), an empty cell shown as "-" so that columns stay in place.
    Of `mc:AlternateContent` only the first branch is read (Word writes a text box
    twice, as a DrawingML `mc:Choice` and a VML `mc:Fallback`). One streaming pass;
    nesting deeper than the budget stops it.
    """
    lines: list[list[str]] = []  # in the order they open; a row's line is filled when it ends
    open_paragraphs: list[list[str]] = []
    open_rows: list[tuple[list[str], list[list[list[str]]]]] = []  # (its line, its cells' paragraphs)
    branch_taken: list[bool] = []  # per open mc:AlternateContent
    depth = 0
    skipped_at: int | None = None  # depth of the alternative branch being skipped
    text_chars = 0
    events = etree.iterparse(
        io.BytesIO(xml),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )

    def register(line: list[str]) -> None:
        """A new line goes into the open table cell, if any, else into the document."""
        if open_rows and open_rows[-1][1]:
            open_rows[-1][1][-1].append(line)
        else:
            lines.append(line)

    for event, element in events:
        if event == "start":
            depth += 1
            if depth > budget.max_xml_depth:
                raise OverBudgetError(
                    f"over the XML depth budget: document.xml nests elements deeper than {budget.max_xml_depth}"
                    " levels (a report nests under 40): not a report Word wrote"
                )
            if skipped_at is not None:
                continue
            tag = element.tag
            if tag == _PARAGRAPH:
                paragraph: list[str] = []
                register(paragraph)
                open_paragraphs.append(paragraph)
            elif tag == _ROW:
                row_line: list[str] = []
                register(row_line)
                open_rows.append((row_line, []))
            elif tag == _CELL and open_rows:
                open_rows[-1][1].append([])
            elif tag == _ALTERNATE:
                branch_taken.append(False)
            elif (tag == _CHOICE or tag == _FALLBACK) and branch_taken:
                if branch_taken[-1]:
                    skipped_at = depth
                branch_taken[-1] = True
            continue
        depth -= 1
        if skipped_at is not None:
            if depth < skipped_at:
                skipped_at = None
            continue
        tag = element.tag
        if tag == _TEXT and open_paragraphs:
            run = element.text or ""
            text_chars += len(run)
            budget.check_text_chars(text_chars, " in document.xml")
            open_paragraphs[-1].append(run)
        elif tag == _PARAGRAPH and open_paragraphs:
            open_paragraphs.pop()
            if not open_paragraphs and not open_rows:
                _drop_read_elements(element)
        elif tag == _ROW and open_rows:
            row_line, cells = open_rows.pop()
            row_line.append(" | ".join(
                " ".join("".join(parts) for parts in cell).strip() or "-" for cell in cells
            ))
            if not open_rows and not open_paragraphs:
                _drop_read_elements(element)
        elif tag == _ALTERNATE and branch_taken:
            branch_taken.pop()
    return ["".join(parts) for parts in lines]


def _drop_read_elements(element: etree._Element) -> None:
    """Free a finished paragraph and the siblings read before it (memory stays flat)."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


# ---------------------------------------------------------------- .pdf


def _pdf_text(data: bytes, budget: ParseBudget) -> str:
    from pypdf import PdfReader  # imported here: only PDF sources pay for it

    pages_text: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        check_pdf_content(reader.pages, budget)
        text_chars = 0
        for number, page in enumerate(reader.pages, start=1):
            page_text = page.extract_text() or ""
            text_chars += len(page_text) + 1
            budget.check_text_chars(text_chars, f" by page {number} of {len(reader.pages)}")
            pages_text.append(page_text)
    except (UndecodableError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF makes pypdf raise almost any type
        raise UndecodableError(f"corrupt .pdf ({type(exc).__name__}: {exc}): re-export or re-download it") from exc
    text = "\n".join(pages_text)
    if not text.strip():
        raise UndecodableError(".pdf has no text layer (scanned image?): OCR it first")
    return text
