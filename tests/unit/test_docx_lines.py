"""The stdlib .docx writer the composed official sets are built with (tests/support/docx_lines.py)."""
from __future__ import annotations

from tests.support.docx_lines import document_xml


def test_a_table_that_ends_the_document_is_written() -> None:
    xml = document_xml(["Phụ lục", "|STT|Chỉ tiêu|2026", "|1|Số trạm BTS|1.420"])
    assert xml.count("<w:tbl>") == 1 and "1.420" in xml
