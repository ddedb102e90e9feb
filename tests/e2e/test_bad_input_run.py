"""End to end: one real Dagster build over a folder holding every bad-input case of issue 5 at once.

The run must succeed, read every readable case, quarantine every unreadable one
with a reason, and lose no file: every file is a report's name or a rejection.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.cli import print_summary
from dagster_project.settings import load_settings
from dagster_project.ingestion import sources as source_scan
from dagster_project.ingestion.names import printable
from tests.conftest import SAMPLE_SOURCES
from tests.support import hostile_files as hostile
from tests.e2e.test_full_build import run_full_build
from tests.unit.test_bad_input import READABLE, UNREADABLE, multi_megabyte_line, report

pytestmark = pytest.mark.e2e

GOOD_SAMPLE = "001_084593bdc146d95d.txt"
MAX_BYTES = 8_000_000  # above the several-megabyte line, below the oversized file
# Cases the file system makes, beyond the byte cases shared with the unit tests.
READ_BY_LAYOUT = {"one-line.txt", "copy of 001.txt", "link-inside.txt"}
REJECTED_BY_LAYOUT = {"link-outside.txt", "secret.txt", "growing.txt", "huge.txt"}
# Hostile files of issue 9: each rejected with the budget it breaks (or read, for the text box).
FORGED_NAME = "forged\n  reports ingested   999\x1b[2K.txt"
HOSTILE_REJECTED = {
    "anchors.html": "no text left after removing markup",
    "nested-200k.docx": "over the XML depth budget",
    "shared-stream.pdf": "over the PDF reuse budget",
    "hard-link.txt": "hard link to a file that has 1 more name(s) outside the source folder",
}
HOSTILE_READ = {"text-box.docx", printable(FORGED_NAME)}  # the name as stored: escaped


def populate(folder: Path, outside: Path) -> None:
    shutil.copy(SAMPLE_SOURCES / GOOD_SAMPLE, folder / GOOD_SAMPLE)
    for case in [*READABLE.values(), *UNREADABLE.values()]:
        (folder / case.file_name).write_bytes(case.data)
    # The shared oversized case is sized for the unit tests' limit; this run has its own.
    (folder / UNREADABLE["over_size_limit"].file_name).write_bytes(b"x" * (MAX_BYTES + 1))
    (folder / "one-line.txt").write_text(multi_megabyte_line(), encoding="utf-8")
    (folder / "copy of 001.txt").write_bytes((folder / GOOD_SAMPLE).read_bytes())
    (folder / "link-inside.txt").symlink_to(folder / GOOD_SAMPLE)
    (outside / "elsewhere.txt").write_text(report("Sơn La"), encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(outside / "elsewhere.txt")
    (folder / "secret.txt").write_text(report("Lai Châu"), encoding="utf-8")
    (folder / "growing.txt").write_text(report("Hòa Bình"), encoding="utf-8")
    for name, build in hostile.HOSTILE_FILES.values():
        if name in HOSTILE_REJECTED or name in HOSTILE_READ:
            (folder / name).write_bytes(build())
    os.link(outside / "elsewhere.txt", folder / "hard-link.txt")
    (folder / FORGED_NAME).write_text(report("Điện Biên"), encoding="utf-8")


def hostile_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deny `secret.txt` (root ignores chmod) and keep appending to `growing.txt` as it is read."""
    real = source_scan._read_content

    def read(path: Path, max_bytes: int) -> bytes:
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        data = real(path, max_bytes)
        if path.name == "growing.txt":
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("Thêm 5 xã.\n")
        return data

    monkeypatch.setattr(source_scan, "_read_content", read)


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_bad_input_case_is_read_or_quarantined_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, outside = tmp_path / "sources", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    populate(folder, outside)
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    monkeypatch.setenv("PDX_SOURCES_DIR", str(folder))
    monkeypatch.setenv("PDX_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("PDX_MAX_FILE_BYTES", str(MAX_BYTES))
    hostile_reader(monkeypatch)

    result = run_full_build()

    assert result.success
    names = {name for (files,) in rows(warehouse, "select source_files from raw.reports") for name in files}
    rejected = dict(rows(warehouse, "select source_file, reason from raw.rejected_reports"))
    readable = {case.file_name for case in READABLE.values()} | READ_BY_LAYOUT | {GOOD_SAMPLE} | HOSTILE_READ
    unreadable = {case.file_name for case in UNREADABLE.values()} | REJECTED_BY_LAYOUT | set(HOSTILE_REJECTED)
    assert readable <= names
    assert set(rejected) == unreadable
    assert all(reason.strip() for reason in rejected.values())
    assert len(os.listdir(folder)) == len(names) + len(rejected)  # no file lost, none counted twice
    assert names.isdisjoint(rejected)
    for name, budget in HOSTILE_REJECTED.items():
        assert rejected[name].startswith(budget), rejected[name]
    (box,) = rows(warehouse, "select text from raw.reports where source_file = 'text-box.docx'")
    assert box[0].count("Tỉnh Hà Giang: 100% xã có internet cáp quang.") == 1

    capsys.readouterr()
    print_summary(load_settings({"PDX_WAREHOUSE": str(warehouse), "PDX_SOURCES_DIR": str(folder)}))
    summary = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("  reports ingested") for line in summary) == 1  # the file name forged none
    assert not any("\x1b" in line for line in summary)

    figures = dict(rows(warehouse, """
        select r.source_file, count(o.report_key) from raw.reports r
        left join raw.observations o using (report_key) group by r.source_file"""))
    assert figures[READABLE["no_figures"].file_name] == 0  # a report, with no figures
    assert figures[GOOD_SAMPLE] > 0 and figures["one-line.txt"] >= 500
    (good_files,) = rows(warehouse, f"select source_files from raw.reports where source_file = '{GOOD_SAMPLE}'")
    assert sorted(good_files[0]) == sorted([GOOD_SAMPLE, "copy of 001.txt", "link-inside.txt"])
