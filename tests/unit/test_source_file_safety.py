"""The file system as an attacker uses it (issue 9): links swapped in after the check,
hard links to files elsewhere, names that forge summary lines.

The swaps happen in a hook run right after the link check, so each test is the
race lost on purpose, every time.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dagster_project.ingestion import sources
from dagster_project.ingestion.names import printable
from dagster_project.ingestion.sources import scan_sources

LIMIT = 1_000_000
SECRET = "Tỉnh Sơn La: 999% bí mật ngoài thư mục."


def report(province: str) -> str:
    return f"Tỉnh {province}: 100% xã có internet cáp quang.\n"


@pytest.fixture()
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """(source folder, a secret file outside it)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return folder, secret


def swap_after_check(monkeypatch: pytest.MonkeyPatch, swap) -> list[Path]:
    """Run `swap(path)` once, right after the first link check of each path passes."""
    real = sources._inside_parts
    swapped: list[Path] = []

    def check_then_swap(path: Path, root: Path) -> tuple[str, ...]:
        parts = real(path, root)
        if path not in swapped:
            swapped.append(path)
            swap(path)
        return parts

    monkeypatch.setattr(sources, "_inside_parts", check_then_swap)
    return swapped


def assert_secret_not_read(reports: list[sources.ReportRecord]) -> None:
    assert all("bí mật" not in r.text for r in reports)


def test_a_file_swapped_for_a_link_out_after_the_check_is_not_read(
    layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, secret = layout
    (folder / "report.txt").write_text(report("Nghệ An"), encoding="utf-8")

    def to_link(path: Path) -> None:
        path.unlink()
        path.symlink_to(secret)

    swapped = swap_after_check(monkeypatch, to_link)
    reports, rejected = scan_sources(folder, LIMIT)
    assert swapped == [folder / "report.txt"]
    assert_secret_not_read(reports)
    assert [(r.source_file, r.reason) for r in rejected] == [
        ("report.txt", f"symbolic link points outside the source folder ({secret}): copy the file into the folder instead")
    ]


def test_a_folder_swapped_for_a_link_out_after_the_check_is_not_entered(
    layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, secret = layout
    (folder / "sub").mkdir()
    (folder / "sub" / "secret.txt").write_text(report("Nghệ An"), encoding="utf-8")

    def folder_to_link(path: Path) -> None:
        (folder / "sub").rename(folder / ".old-sub")
        (folder / "sub").symlink_to(secret.parent, target_is_directory=True)

    swap_after_check(monkeypatch, folder_to_link)
    reports, rejected = scan_sources(folder, LIMIT)
    assert_secret_not_read(reports)
    assert [r.source_file for r in rejected] == ["sub/secret.txt"]
    assert "symbolic link points outside the source folder" in rejected[0].reason


def test_a_pipe_swapped_in_after_the_check_does_not_block_the_scan(
    layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = layout
    (folder / "report.txt").write_text(report("Nghệ An"), encoding="utf-8")

    def to_pipe(path: Path) -> None:
        path.unlink()
        os.mkfifo(path)  # opening it for reading would wait for a writer forever

    swap_after_check(monkeypatch, to_pipe)
    _, rejected = scan_sources(folder, LIMIT)
    assert [(r.source_file, r.reason) for r in rejected] == [("report.txt", "not a regular file (pipe, socket or device)")]


def test_a_link_inside_the_folder_is_still_one_more_name_of_its_report(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "sub").mkdir()
    (folder / "sub" / "a.txt").write_text(report("Nghệ An"), encoding="utf-8")
    (folder / "link.txt").symlink_to(folder / "sub" / "a.txt")
    reports, rejected = scan_sources(folder, LIMIT)
    assert [(r.source_file, r.source_files) for r in reports] == [("link.txt", ("link.txt", "sub/a.txt"))]
    assert rejected == []


# ---------------------------------------------------------------- hard links


def test_a_hard_link_to_a_file_outside_the_folder_is_refused(layout: tuple[Path, Path]) -> None:
    folder, secret = layout
    os.link(secret, folder / "looks-local.txt")
    (folder / "zz-good.txt").write_text(report("Hà Tĩnh"), encoding="utf-8")
    reports, rejected = scan_sources(folder, LIMIT)
    assert_secret_not_read(reports)
    assert [r.source_file for r in reports] == ["zz-good.txt"]
    assert [(r.source_file, r.reason) for r in rejected] == [
        ("looks-local.txt", "hard link to a file that has 1 more name(s) outside the source folder:"
         " copy the file into the folder instead")
    ]


def test_hard_links_between_files_of_the_folder_are_names_of_one_report(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "a.txt").write_text(report("Nghệ An"), encoding="utf-8")
    (folder / "sub").mkdir()
    os.link(folder / "a.txt", folder / "sub" / "b.txt")
    reports, rejected = scan_sources(folder, LIMIT)
    assert [r.source_files for r in reports] == [("a.txt", "sub/b.txt")]
    assert rejected == []


def test_a_hard_link_that_also_has_a_name_outside_is_refused_under_every_name(layout: tuple[Path, Path]) -> None:
    folder, secret = layout
    os.link(secret, folder / "a.txt")
    os.link(secret, folder / "b.txt")
    reports, rejected = scan_sources(folder, LIMIT)
    assert reports == []
    assert [r.source_file for r in rejected] == ["a.txt", "b.txt"]
    assert all("1 more name(s) outside the source folder" in r.reason for r in rejected)


# ---------------------------------------------------------------- names


FORGED = "x\n  reports ingested   999\x1b[2K\x1b[1A\u202e.txt"


def test_a_name_with_a_newline_and_terminal_codes_is_stored_escaped(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / FORGED).write_text(report("Nghệ An"), encoding="utf-8")
    (folder / f"junk{FORGED}").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    reports, rejected = scan_sources(folder, LIMIT)
    escaped = "x\\n  reports ingested   999\\x1b[2K\\x1b[1A\\u202e.txt"
    assert [r.source_files for r in reports] == [(escaped,)]
    assert [r.source_file for r in rejected] == [f"junk{escaped}"]
    assert reports[0].province_code == "40"  # the report itself is read as usual


def test_a_name_that_escapes_to_another_files_name_is_refused(layout: tuple[Path, Path]) -> None:
    folder, _ = layout
    (folder / "a\nb.txt").write_text(report("Nghệ An"), encoding="utf-8")
    (folder / "a\\nb.txt").write_text(report("Hà Tĩnh"), encoding="utf-8")
    reports, rejected = scan_sources(folder, LIMIT)
    assert [r.source_file for r in reports] == ["a\\nb.txt"]
    assert [(r.source_file, r.reason) for r in rejected] == [
        ("a\\nb.txt", "file name, with its control characters escaped, is another file's name: rename it")
    ]


def test_a_reason_that_quotes_a_link_target_is_escaped(layout: tuple[Path, Path]) -> None:
    folder, secret = layout
    target = secret.parent / "evil\nname.txt"
    target.write_text("x", encoding="utf-8")
    (folder / "link.txt").symlink_to(target)
    _, rejected = scan_sources(folder, LIMIT)
    assert "\n" not in rejected[0].reason and "evil\\nname.txt" in rejected[0].reason


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ('báo cáo "Nghệ An"; 2024.txt', 'báo cáo "Nghệ An"; 2024.txt'),
        ("a\r\nb\tc.txt", "a\\r\\nb\\tc.txt"),
        ("\x1b]0;title\x07.txt", "\\x1b]0;title\\x07.txt"),
        ("line\u2028sep\u2029.txt", "line\\u2028sep\\u2029.txt"),
        ("rtl\u202eowt.txt", "rtl\\u202eowt.txt"),
        ("csi\x9b31m.txt", "csi\\x9b31m.txt"),
    ],
)
def test_printable_escapes_what_moves_the_cursor_or_reorders_text(name: str, shown: str) -> None:
    assert printable(name) == shown
    assert printable(shown) == shown  # printing twice changes nothing
