"""Known files cost nothing (issue 11): a file with the stamp of the last load is not
read or decoded again, and the raw tables end up as a full read would leave them."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.ingestion import sources
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.raw_store import (
    ensure_raw_schema,
    ingest_folder,
    open_warehouse,
    replace_observations,
    reports_to_extract,
    sync_reports,
)
from tests.unit.test_raw_store import figure

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
LIMIT = 1_000_000
BUDGET = ParseBudget()


def report(province: str, figure_text: str = "100% xã có internet cáp quang") -> str:
    return f"Tỉnh {province}: {figure_text}.\n"


@pytest.fixture()
def con(tmp_path: Path):
    with open_warehouse(tmp_path / "w.duckdb") as connection:
        ensure_raw_schema(connection)
        yield connection


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sources"
    path.mkdir()
    (path / "a.txt").write_text(report("Nghệ An"), encoding="utf-8")
    (path / "b.txt").write_text(report("Cao Bằng"), encoding="utf-8")
    (path / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path


def ingest(con: duckdb.DuckDBPyConnection, folder: Path, day: int = 0, budget: ParseBudget = BUDGET):
    return ingest_folder(con, folder, LIMIT, budget, T0 + timedelta(days=day))


def reports_table(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        """select report_key, source_file, source_files, text, province_code, first_loaded_at, loaded_at
           from raw.reports order by report_key"""
    ).fetchall()


def rejected_table(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "select source_file, reason, content_sha256, byte_size from raw.rejected_reports order by all"
    ).fetchall()


def count_reads(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """(files read, files decoded) from here on."""
    read, decoded = [], []
    real_read, real_decode = sources._read_content, sources.read_document

    def reading(opened, max_bytes):
        read.append(opened.name)
        return real_read(opened, max_bytes)

    def decoding(name, data, budget=None):
        decoded.append(name)
        return real_decode(name, data, budget)

    monkeypatch.setattr(sources, "_read_content", reading)
    monkeypatch.setattr(sources, "read_document", decoding)
    return read, decoded


def touch(path: Path, seconds_later: int = 60) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds_later * 10**9))


def test_a_second_load_with_nothing_changed_reads_no_file(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(con, folder)
    before_reports, before_rejected = reports_table(con), rejected_table(con)
    read, decoded = count_reads(monkeypatch)
    scan, counts = ingest(con, folder, day=1)
    assert (read, decoded, scan.known_files, scan.reports) == ([], [], 3, [])
    assert counts == {"reports": 2, "new_reports": 0, "removed_reports": 0, "rejected_files": 1}
    after = reports_table(con)
    assert [row[:6] for row in after] == [row[:6] for row in before_reports]  # same reports, same first load
    assert {row[6] for row in after} == {T0 + timedelta(days=1)}  # seen in this load
    assert rejected_table(con) == before_rejected  # the same rejection, with the same reason


def test_known_files_give_the_tables_a_full_read_gives(
    con: duckdb.DuckDBPyConnection, folder: Path, tmp_path: Path
) -> None:
    ingest(con, folder)
    (folder / "c.txt").write_text(report("Tây Ninh"), encoding="utf-8")
    (folder / "b.txt").unlink()
    ingest(con, folder, day=1)
    with open_warehouse(tmp_path / "fresh.duckdb") as fresh:
        ensure_raw_schema(fresh)
        ingest(fresh, folder, day=1)
        assert [row[:5] for row in reports_table(con)] == [row[:5] for row in reports_table(fresh)]
        assert rejected_table(con) == rejected_table(fresh)


def test_a_changed_file_is_read_and_its_old_report_removed(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(con, folder)
    (folder / "a.txt").write_text(report("Nghệ An", "98% xã có internet cáp quang"), encoding="utf-8")
    read, decoded = count_reads(monkeypatch)
    scan, counts = ingest(con, folder, day=1)
    assert (read, decoded) == (["a.txt"], ["a.txt"])
    assert (counts["new_reports"], counts["removed_reports"]) == (1, 1)
    assert "98%" in con.execute("select text from raw.reports where source_file = 'a.txt'").fetchone()[0]


def test_a_touched_or_copied_file_is_hashed_but_not_decoded_again(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(con, folder)
    touch(folder / "a.txt")
    (folder / "copy of b.txt").write_bytes((folder / "b.txt").read_bytes())
    (folder / "junk.txt").rename(folder / "junk-renamed.txt")
    read, decoded = count_reads(monkeypatch)
    scan, counts = ingest(con, folder, day=1)
    assert sorted(read) == ["a.txt", "copy of b.txt", "junk-renamed.txt"]
    assert decoded == []  # their contents are known
    assert counts["new_reports"] == 0
    assert con.execute("select source_files from raw.reports where source_file = 'b.txt'").fetchone()[0] == [
        "b.txt", "copy of b.txt"
    ]
    assert [row[:2] for row in rejected_table(con)] == [("junk-renamed.txt", "binary content (PNG image)")]


def test_a_file_rejected_by_the_file_system_is_tried_again(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sources._read_content

    def denied(opened, max_bytes):
        if opened.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(opened))
        return real(opened, max_bytes)

    monkeypatch.setattr(sources, "_read_content", denied)
    ingest(con, folder)
    assert [row[0] for row in rejected_table(con)] == ["a.txt", "junk.txt"]
    monkeypatch.setattr(sources, "_read_content", real)
    scan, counts = ingest(con, folder, day=1)
    assert counts["new_reports"] == 1 and [r.source_file for r in scan.reports] == ["a.txt"]


def test_another_budget_or_reader_reads_every_file_again(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(con, folder)
    read, decoded = count_reads(monkeypatch)
    scan, _ = ingest(con, folder, day=1, budget=ParseBudget(parse_seconds=20))
    assert (sorted(read), scan.known_files) == (["a.txt", "b.txt", "junk.txt"], 0)


def test_a_known_file_whose_report_was_deleted_is_read_again(
    con: duckdb.DuckDBPyConnection, folder: Path
) -> None:
    ingest(con, folder)
    con.execute("delete from raw.reports where source_file = 'a.txt'")
    scan, counts = ingest(con, folder, day=1)
    assert ([r.source_file for r in scan.reports], counts["new_reports"]) == (["a.txt"], 1)


def test_a_report_whose_text_changes_under_the_same_key_is_extracted_again(
    con: duckdb.DuckDBPyConnection, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new reader (say, one that stops repeating text boxes) decodes the same bytes to other text.
    ingest(con, folder)
    replace_observations(con, [(key, [figure(0)]) for key, _, _ in reports_to_extract(con, "v1")], "v1", T0)
    real = sources.read_document

    def new_reader(name, data, budget=None):
        decoded = real(name, data, budget)
        return decoded if name != "a.txt" else decoded.__class__(decoded.text + "Hết.", decoded.encoding)

    monkeypatch.setattr(sources, "read_document", new_reader)
    ingest(con, folder, day=1, budget=ParseBudget(parse_seconds=20))
    changed = con.execute("select report_key from raw.reports where source_file = 'a.txt'").fetchone()[0]
    assert [key for key, _, _ in reports_to_extract(con, "v1")] == [changed]


def test_sync_without_stamps_leaves_no_index(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    ingest(con, folder)
    assert con.execute("select count(*) from raw.source_files").fetchone()[0] == 3
    sync_reports(con, sources.scan_folder(folder, LIMIT).reports, [], T0)
    assert con.execute("select count(*) from raw.source_files").fetchone()[0] == 0


def test_a_changed_manifest_line_reaches_a_known_report_and_only_that_file_is_read(
    con: duckdb.DuckDBPyConnection, folder: Path
) -> None:
    (folder / "manifest.csv").write_text("file,url,province,published\na.txt,,,\n", encoding="utf-8")
    ingest(con, folder)
    (folder / "manifest.csv").write_text(
        "file,url,province,published\na.txt,https://baolaocai.vn/tin-1,,2023-12-15\n", encoding="utf-8"
    )
    scan, _ = ingest(con, folder, day=1)
    assert scan.known_files == 2  # b.txt and junk.txt: their lines did not change
    (row,) = con.execute(
        """select province_code, province_source, published_date, published_source, source_url
           from raw.reports where source_file = 'a.txt'"""
    ).fetchall()
    # The text names Nghệ An, and the text beats the URL's host; the date comes from the manifest.
    assert row == ("40", "text", datetime(2023, 12, 15).date(), "manifest", "https://baolaocai.vn/tin-1")
    scan, _ = ingest(con, folder, day=2)
    assert scan.known_files == 3  # nothing changed since: no file is read


def test_the_reader_version_covers_every_extraction_module_the_metadata_reads() -> None:
    # a rule of the metadata reader edited in a module outside the version would leave files
    # read by the old rule in the index
    import ast
    from pathlib import Path

    from dagster_project.ingestion import reader_version

    extraction = Path(reader_version._EXTRACTION_DIR)
    needed, todo = set(), list(reader_version._METADATA_MODULES)
    while todo:
        name = todo.pop()
        needed.add(name)
        for node in ast.walk(ast.parse((extraction / name).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("dagster_project.extraction"):
                continue
            if node.module == "dagster_project.extraction":  # "from dagster_project.extraction import lexicon"
                modules = [alias.name + ".py" for alias in node.names]
            else:
                modules = [node.module.rsplit(".", 1)[1] + ".py"]
            todo.extend(m for m in modules if m not in needed and m not in todo)
    assert needed <= set(reader_version._METADATA_MODULES)
