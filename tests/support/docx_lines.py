"""A minimal .docx from lines of text, for composed reports (stdlib only).

A line starting with "|" is a table row ("|Doanh nghiệp|Số trạm BTS"); consecutive rows
make one Word table; every other line is a paragraph. The archive's timestamps are fixed,
so the same lines give the same bytes on every run.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[list[str]]) -> str:
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{body}</w:tbl>"


def document_xml(lines: list[str]) -> str:
    parts: list[str] = []
    rows: list[list[str]] = []
    for line in lines:
        if line.startswith("|"):
            rows.append(line[1:].split("|"))
            continue
        if rows:
            parts.append(_table(rows))
            rows = []
        parts.append(_paragraph(line))
    if rows:  # a table that ends the document
        parts.append(_table(rows))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{"".join(parts)}</w:body></w:document>'


def write_docx(target: Path, lines: list[str], stamp: tuple[int, int, int, int, int, int]) -> None:
    """Write `lines` as a .docx at `target`; `stamp` is every member's fixed date and time."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("word/document.xml", document_xml(lines))):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
