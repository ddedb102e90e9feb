"""Scanning the source folder: one report per content, every bad file quarantined with a reason."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from dagster_project.ingestion.sources import scan_sources

REPORT = "Tỉnh Nghệ An: 100% xã có internet cáp quang.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_same_content_under_two_names_is_one_report(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", REPORT)
    write(tmp_path, "b copy.txt", REPORT)
    reports, rejected = scan_sources(tmp_path, 1_000_000)
    assert [r.source_files for r in reports] == [("a.txt", "b copy.txt")]
    assert rejected == []


def test_the_folder_readme_is_not_a_report(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# About these files")
    write(tmp_path, "a.txt", REPORT)
    reports, _ = scan_sources(tmp_path, 1_000_000)
    assert [r.source_file for r in reports] == ["a.txt"]


def test_binary_junk_is_rejected_and_the_rest_still_loads(tmp_path: Path) -> None:
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(tmp_path, "a.txt", REPORT)
    reports, rejected = scan_sources(tmp_path, 1_000_000)
    assert [r.source_file for r in reports] == ["a.txt"]
    assert [r.source_file for r in rejected] == ["image.txt"]
    assert rejected[0].reason


def test_a_file_over_the_size_limit_is_rejected_with_the_limit(tmp_path: Path) -> None:
    write(tmp_path, "big.txt", REPORT * 100)
    _, rejected = scan_sources(tmp_path, 1_000)
    assert "over the limit of 1000" in rejected[0].reason


def test_a_link_out_of_the_folder_is_rejected(tmp_path: Path) -> None:
    outside = write(tmp_path, "outside.txt", REPORT)
    sources = tmp_path / "sources"
    sources.mkdir()
    os.symlink(outside, sources / "link.txt")
    reports, rejected = scan_sources(sources, 1_000_000)
    assert reports == []
    assert "outside the source folder" in rejected[0].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_an_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", REPORT)
    path.chmod(0)
    _, rejected = scan_sources(tmp_path, 1_000_000)
    assert "permission" in rejected[0].reason


def test_a_docx_report_is_read(tmp_path: Path) -> None:
    write(tmp_path, "report.docx", docx_bytes(["Tỉnh Nghệ An", "100% xã có internet cáp quang."]))
    reports, rejected = scan_sources(tmp_path, 1_000_000)
    assert rejected == []
    assert "100% xã có internet" in reports[0].text


def test_a_corrupt_docx_is_rejected_as_corrupt(tmp_path: Path) -> None:
    write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip")
    _, rejected = scan_sources(tmp_path, 1_000_000)
    assert "corrupt .docx" in rejected[0].reason


def test_an_unsupported_type_is_rejected_with_the_supported_ones(tmp_path: Path) -> None:
    write(tmp_path, "sheet.xlsx", b"PK\x03\x04")
    _, rejected = scan_sources(tmp_path, 1_000_000)
    assert "unsupported file type '.xlsx'" in rejected[0].reason
