"""Small files built to make a reader slow, huge or wrong (issue 9), for the tests and
`tools/bench_hostile.py`.

Each builder returns the file's bytes; `HOSTILE_FILES` names them with the file name
they are saved under (the suffix decides the reader).
"""
from __future__ import annotations

import io
import zipfile
import zlib

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML_NS = "urn:schemas-microsoft-com:vml"


def html_unclosed_anchors(size: int = 96 * 1024) -> bytes:
    """`<a ` repeated: one start tag that never ends, which the stdlib HTML parser rescans
    from every `<` (minutes for 96 KB)."""
    return b"<a " * (size // 3)


def word_archive(document_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def word_document(body: str) -> str:
    return (
        f'<w:document xmlns:w="{WORD_NS}" xmlns:mc="{_MC_NS}" xmlns:wps="{_WPS_NS}" xmlns:v="{_VML_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    )


def docx_nested_paragraphs(depth: int) -> bytes:
    """`depth` paragraphs each inside the one before: a few hundred bytes zipped, and a
    reader that gathers each paragraph's descendants does depth² work."""
    return word_archive(word_document("<w:p>" * depth + "<w:r><w:t>x</w:t></w:r>" + "</w:p>" * depth))


def docx_text_box(sentence: str) -> bytes:
    """A paragraph holding a text box, written the way Word writes it: the box's paragraph
    once in `mc:Choice` (a DrawingML shape) and once more in `mc:Fallback` (VML)."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{sentence}</w:t></w:r></w:p></w:txbxContent>"
    alternate = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    return word_archive(
        word_document(
            "<w:p><w:r><w:t>Báo cáo chuyển đổi số</w:t></w:r></w:p>"
            f"<w:p><w:r><w:t>Kết quả nổi bật: </w:t></w:r><w:r>{alternate}</w:r></w:p>"
            "<w:p><w:r><w:t>Hết.</w:t></w:r></w:p>"
        )
    )


def pdf_document(streams: list[bytes], page_streams: list[int], form: bytes | None = None) -> bytes:
    """A valid PDF whose page i draws content stream `page_streams[i]` (Helvetica, Flate).

    With `form`, every page also has that content as form XObject /Fm1 in its resources.
    """
    pages = len(page_streams)
    first_page = 5
    first_stream = first_page + pages
    resources = b"/Resources << /Font << /F1 3 0 R >>%s >>" % (b" /XObject << /Fm1 4 0 R >>" if form else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _flate_stream(form or b"", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources),
    ]
    for stream in page_streams:
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s /Contents %d 0 R >>"
            % (resources, first_stream + stream)
        )
    objects += [_flate_stream(content) for content in streams]
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of the numbered `objects` (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))  # the xref table holds each object's byte offset
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def _flate_stream(content: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(content, 9)
    return b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n" % (extra, len(packed)) + packed + b"\nendstream"


def text_stream(size: int) -> bytes:
    """About `size` bytes of page content: one short line of text shown again and again."""
    line = b"(Tinh Ha Giang: 100% xa co internet cap quang.) '\n"
    return b"BT /F1 10 Tf 72 780 Td 12 TL\n" + line * (size // len(line)) + b"ET"


def pdf_shared_stream(pages: int = 20, stream_bytes: int = 2 * 1024 * 1024) -> bytes:
    """`pages` pages that all draw one content stream of `stream_bytes` (about 10 KB zipped)."""
    return pdf_document([text_stream(stream_bytes)], [0] * pages)


def pdf_shared_form(pages: int = 20, form_bytes: int = 2 * 1024 * 1024) -> bytes:
    """`pages` pages whose own short content draws one large form XObject they all share."""
    return pdf_document([b"q /Fm1 Do Q"], [0] * pages, form=text_stream(form_bytes))


def pdf_flate_bomb(decoded_bytes: int = 70 * 1024 * 1024) -> bytes:
    """One page whose content stream is a few kilobytes that inflate to `decoded_bytes` of spaces."""
    return pdf_document([b" " * decoded_bytes], [0])


def pdf_one_heavy_page(stream_bytes: int = 2 * 1024 * 1024) -> bytes:
    """One page with a large content stream of its own: no reuse, just slow to read."""
    return pdf_document([text_stream(stream_bytes)], [0])


# name -> (file name, builder): what `tools/bench_hostile.py` measures.
HOSTILE_FILES = {
    "html_unclosed_anchors_96k": ("anchors.html", html_unclosed_anchors),
    "docx_nested_20k": ("nested-20k.docx", lambda: docx_nested_paragraphs(20_000)),
    "docx_nested_200k": ("nested-200k.docx", lambda: docx_nested_paragraphs(200_000)),
    "pdf_20_pages_one_2mb_stream": ("shared-stream.pdf", pdf_shared_stream),
    "docx_text_box": ("text-box.docx", lambda: docx_text_box("Tỉnh Hà Giang: 100% xã có internet cáp quang.")),
}
