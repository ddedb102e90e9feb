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
from dagster_project.extraction.text import (
    UndecodableError,
    decode_bytes,
    normalize_text,
    strip_markup,
)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | {".docx", ".pdf"}

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_document(file_name: str, data: bytes) -> DecodedText:
    """Decode `data` according to the file's suffix and return NFC plain text."""
    suffix = PurePath(file_name).suffix.lower()
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
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise UndecodableError(f"corrupt .docx (not a readable Word archive: {exc})") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise UndecodableError(f"corrupt .docx (document.xml does not parse: {exc})") from exc
    paragraphs = []
    for paragraph in root.iter(f"{_WORD_NS}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{_WORD_NS}t")))
    text = "\n".join(paragraphs)
    if not text.strip():
        raise UndecodableError(".docx has no text")
    return text


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # imported here: only PDF sources pay for it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UndecodableError(f"corrupt .pdf ({exc})") from exc
    if not text.strip():
        raise UndecodableError(".pdf has no text layer (scanned image?): OCR it first")
    return text
