"""Turn a source file's bytes into report text, whatever its format.

Each reader raises `UndecodableError` with a reason a person can act on; the
caller quarantines the file with that reason instead of stopping the run.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

from dagster_project.extraction.models import DecodedText
from dagster_project.extraction.normalize import normalize_text
from dagster_project.ingestion.text import UndecodableError, decode_bytes, strip_markup

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | {".docx", ".pdf"}

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A Word report's text is a few hundred kilobytes of XML at most; an archive that
# unpacks to more is a zip bomb or not a report, and is not unpacked.
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024


def read_document(file_name: str, data: bytes) -> DecodedText:
    """Decode `data` according to the file's suffix and return NFC plain text."""
    suffix = PurePath(file_name).suffix.lower()
    if not data:
        raise UndecodableError("empty file (0 bytes)")
    if suffix == ".docx":
        return DecodedText(text=normalize_text(_docx_text(data)), encoding="docx")
    if suffix == ".pdf":
        return DecodedText(text=normalize_text(_pdf_text(data)), encoding="pdf")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UndecodableError(
            f"unsupported file type '{suffix}': use one of "
            + ", ".join(sorted(s for s in SUPPORTED_SUFFIXES if s))
        )
    decoded = decode_bytes(data)
    text = decoded.text
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        text = strip_markup(text)
    text = normalize_text(text)
    if not text.strip():
        raise UndecodableError("no text left after removing markup")
    return DecodedText(text=text, encoding=decoded.encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def _docx_text(data: bytes) -> str:
    try:
        xml = _docx_document_xml(data)
    except UndecodableError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile/zlib raise many types on damaged archives
        raise UndecodableError(f"corrupt .docx (not a readable Word archive: {exc}): re-save it from Word") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise UndecodableError(f"corrupt .docx (document.xml does not parse: {exc})") from exc
    body = root.find(f"{_WORD_NS}body")
    text = "\n".join(_docx_lines(body if body is not None else root))
    if not text.strip():
        raise UndecodableError(".docx has no text")
    return text


def _docx_lines(container: ElementTree.Element) -> list[str]:
    """One line per paragraph; a table row is one line of cells joined by " | " (as HTML tables read)."""
    lines: list[str] = []
    for child in container:
        if child.tag == f"{_WORD_NS}p":
            lines.append(_docx_paragraph_text(child))
        elif child.tag == f"{_WORD_NS}tbl":
            for row in child.iter(f"{_WORD_NS}tr"):
                cells = [
                    " ".join(_docx_paragraph_text(p) for p in cell.iter(f"{_WORD_NS}p")).strip() or "-"
                    for cell in row.iter(f"{_WORD_NS}tc")
                ]
                lines.append(" | ".join(cells))
        elif child.tag != f"{_WORD_NS}sectPr":
            lines.extend(_docx_lines(child))  # content controls and other wrappers
    return lines


def _docx_paragraph_text(paragraph: ElementTree.Element) -> str:
    return "".join(node.text or "" for node in paragraph.iter(f"{_WORD_NS}t"))


def _docx_document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > MAX_DOCX_XML_BYTES:
            raise UndecodableError(
                f".docx text unpacks to {info.file_size} bytes, over {MAX_DOCX_XML_BYTES} (zip bomb?)"
            )
        return archive.read(info)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # imported here: only PDF sources pay for it

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # noqa: BLE001 - a damaged PDF makes pypdf raise almost any type
        raise UndecodableError(f"corrupt .pdf ({type(exc).__name__}: {exc}): re-export or re-download it") from exc
    if not text.strip():
        raise UndecodableError(".pdf has no text layer (scanned image?): OCR it first")
    return text
