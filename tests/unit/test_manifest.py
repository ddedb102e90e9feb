"""The source manifest (issue 8): manifest.csv describes the reports, is not one, and a bad
line is reported without stopping the others."""
from __future__ import annotations

import datetime
from pathlib import Path

from dagster_project.ingestion.manifest import parse_manifest, read_manifest
from dagster_project.ingestion.sources import scan_sources

REPORT = "Toàn tỉnh có 120 trạm BTS phục vụ người dân.\n".encode()
MAX_BYTES = 1_000_000


def _folder(tmp_path: Path, manifest: str, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_the_manifest_gives_province_date_title_and_url(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "file,url,province,published,title\n"
        "a1b2.txt,https://vietnamnet.vn/x-1,Lào Cai,2024-05-02,Hạ tầng số vùng cao\n",
        {"a1b2.txt": REPORT},
    )
    reports, rejected = scan_sources(folder, MAX_BYTES)
    [report] = reports
    assert rejected == []
    assert (report.province_code, report.province_source, report.province_evidence) == ("10", "manifest", "manifest:a1b2.txt")
    assert (report.published_date, report.published_source) == (datetime.date(2024, 5, 2), "manifest")
    assert (report.title, report.source_url) == ("Hạ tầng số vùng cao", "https://vietnamnet.vn/x-1")


def test_the_manifest_is_neither_a_report_nor_a_rejected_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "file\na1b2.txt\n", {"a1b2.txt": REPORT})
    reports, rejected = scan_sources(folder, MAX_BYTES)
    assert [r.source_file for r in reports] == ["a1b2.txt"] and rejected == []


def test_a_url_from_the_manifest_gives_the_province_when_the_text_names_none(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "file,url\na1b2.txt,https://baoyenbai.com.vn/tin-1\nc3d4.txt,https://dantri.com.vn/t\n",
                     {"a1b2.txt": REPORT, "c3d4.txt": REPORT + b"\n"})
    reports = {r.source_file: r for r in scan_sources(folder, MAX_BYTES)[0]}
    assert (reports["a1b2.txt"].province_code, reports["a1b2.txt"].province_source) == ("15", "url")
    assert (reports["c3d4.txt"].province_code, reports["c3d4.txt"].province_source) == (None, None)


def test_a_url_from_the_manifest_dates_a_report_whose_text_prints_no_date(tmp_path: Path) -> None:
    dated = "Thứ Hai, 04/11/2024 09:15\n".encode() + REPORT
    folder = _folder(
        tmp_path,
        "file,url\n"
        "a1b2.txt,https://laocai.gov.vn/portal/Pages/2024-11-05/tin.aspx\n"
        "c3d4.txt,https://laocai.gov.vn/portal/Pages/2024-11-05/tin-2.aspx\n",
        {"a1b2.txt": REPORT, "c3d4.txt": dated},
    )
    reports = {r.source_file: r for r in scan_sources(folder, MAX_BYTES)[0]}
    assert (reports["a1b2.txt"].published_date, reports["a1b2.txt"].published_source) == (
        datetime.date(2024, 11, 5), "url")
    # the page's own date line beats the address
    assert (reports["c3d4.txt"].published_date, reports["c3d4.txt"].published_source) == (
        datetime.date(2024, 11, 4), "text")


def test_bad_lines_are_reported_with_their_line_and_the_other_reports_still_load(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "file,province,published\n"
        "a1b2.txt,Atlantis,2024-05-02\n"
        "c3d4.txt,10,2024-13-40\n"
        "gone.txt,10,2024-01-01\n",
        {"a1b2.txt": REPORT, "c3d4.txt": REPORT + b"\n"},
    )
    reports, rejected = scan_sources(folder, MAX_BYTES)
    by_file = {r.source_file: r for r in reports}
    assert by_file["a1b2.txt"].published_date == datetime.date(2024, 5, 2)
    assert by_file["a1b2.txt"].province_source != "manifest"
    assert (by_file["c3d4.txt"].province_code, by_file["c3d4.txt"].published_source) == ("10", None)
    reasons = [r.reason for r in rejected]
    assert all(r.source_file == "manifest.csv" for r in rejected)
    assert reasons[0].startswith("manifest.csv line 2 (a1b2.txt): unknown province 'Atlantis'")
    assert reasons[1].startswith("manifest.csv line 3 (c3d4.txt): published '2024-13-40' is not a date YYYY-MM-DD")
    assert reasons[2].startswith("manifest.csv line 4 (gone.txt): names a file that is not in the source folder")


def test_a_manifest_without_a_file_column_is_one_issue() -> None:
    manifest = parse_manifest("url,province\nhttps://a.vn,10\n")
    assert manifest.entries == {}
    assert "no 'file' column" in manifest.issues[0].reason()


def test_a_province_can_be_a_code_a_name_without_diacritics_or_with_its_prefix() -> None:
    manifest = parse_manifest("file,province\na.txt,02\nb.txt,ha giang\nc.txt,Tỉnh Hà Giang\nd.txt,TP. Hồ Chí Minh\n")
    assert {f: e.province_code for f, e in manifest.entries.items()} == {"a.txt": "02", "b.txt": "02", "c.txt": "02", "d.txt": "79"}
    assert manifest.issues == ()


def test_no_manifest_is_an_empty_one(tmp_path: Path) -> None:
    assert read_manifest(tmp_path).entries == {} and read_manifest(tmp_path).issues == ()
