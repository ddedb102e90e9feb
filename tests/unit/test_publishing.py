"""Build-then-publish: a private copy per run, an atomic swap, leftovers cleaned, one builder at a time,
an unreadable published file moved aside, a build that would drop most reports refused."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import errno
import shutil
import threading

from dagster_project.exports import export_marts
from dagster_project.publishing import (
    BuildLockTimeout,
    PublishError,
    Shrink,
    acquire_build_lock,
    build_dir,
    build_path,
    discard_build,
    prepare_build,
    publish,
    release_build_lock,
    shrink_refusal,
    unreadable_reason,
)
from dagster_project.settings import load_settings


def make_warehouse(path: Path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts")
        con.execute("create or replace table marts.t as select range as i from range(?)", [rows])


def row_count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.table("marts.t").count("*").fetchall()[0][0]


def test_a_run_builds_a_copy_and_publishing_swaps_it_in(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    copy = prepare_build(published, "run1")
    make_warehouse(copy, 5)
    assert row_count(published) == 3  # readers still see the old build
    publish(published, "run1")
    assert row_count(published) == 5
    assert not copy.exists()


def test_a_reader_holding_the_old_file_keeps_a_consistent_view(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    reader = duckdb.connect(str(published), read_only=True)
    try:
        make_warehouse(prepare_build(published, "run1"), 5)
        publish(published, "run1")
        assert reader.table("marts.t").count("*").fetchall()[0][0] == 3
    finally:
        reader.close()
    assert row_count(published) == 5


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    build_dir(published).mkdir()
    stale = build_path(published)
    stale.write_bytes(b"half a database")
    (stale.parent / (stale.name + ".wal")).write_bytes(b"log")
    (stale.parent / "w-old-run.duckdb.copying").write_bytes(b"partial copy")
    prepare_build(published, "next")
    assert sorted(p.name for p in build_dir(published).iterdir()) == ["lock", "w.duckdb"]
    assert row_count(build_path(published)) == 3  # a fresh copy of the published file, not the leftover
    discard_build(published, "next")


def test_a_second_run_says_whom_it_waits_for_then_waits(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    acquire_build_lock(published, "first")
    heard: list[str] = []
    try:
        # flock is per open file description, so a second acquisition in this process also waits.
        with pytest.raises(BuildLockTimeout, match="run first"):
            acquire_build_lock(published, "second", wait_seconds=0.6, notify=heard.append)
    finally:
        release_build_lock("first")
    assert len(heard) == 1 and heard[0].startswith("waiting for run first (pid ")
    acquire_build_lock(published, "second", wait_seconds=0.6)
    release_build_lock("second")


def test_a_waiting_run_starts_when_the_first_finishes(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    prepare_build(published, "first")
    threading.Timer(0.7, discard_build, (published, "first")).start()
    heard: list[str] = []
    copy = prepare_build(published, "second", notify=heard.append)
    assert heard and "run first" in heard[0] and row_count(copy) == 3
    discard_build(published, "second")


def test_publishing_nothing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="nothing to publish"):
        publish(tmp_path / "w.duckdb", "never-built")


def test_settings_and_publishing_agree_on_the_private_copy(tmp_path: Path) -> None:
    settings = load_settings({"PDX_WAREHOUSE": str(tmp_path / "w.duckdb")})
    assert settings.build_file == build_path(settings.warehouse_path)
    assert settings.build_dir == build_dir(settings.warehouse_path)


def test_a_failed_run_removes_its_copy_and_leaves_the_published_file(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    make_warehouse(prepare_build(published, "failed"), 9)
    assert discard_build(published, "failed")
    assert sorted(p.name for p in build_dir(published).iterdir()) == ["lock"]
    assert row_count(published) == 3
    prepare_build(published, "next")  # the lock was released
    discard_build(published, "next")


def test_a_full_disk_while_copying_leaves_no_partial_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)

    def copy_until_full(source: str, target: str) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:1000])
        raise OSError(errno.ENOSPC, "No space left on device", target)

    monkeypatch.setattr(shutil, "copyfile", copy_until_full)
    with pytest.raises(PublishError, match="no space left"):
        prepare_build(published, "full")
    discard_build(published, "full")
    assert sorted(p.name for p in build_dir(published).iterdir()) == ["lock"]


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_an_unreadable_published_file_is_moved_aside_and_the_build_starts_empty(
    tmp_path: Path, damage: str
) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 100_000)
    size = published.stat().st_size
    with open(published, "r+b") as handle:
        if damage == "truncate":
            handle.truncate(int(size * 0.9))
        else:
            handle.write(b"not a database" * 100)
    assert unreadable_reason(published) is not None
    heard: list[str] = []
    copy = prepare_build(published, "rebuild", notify=heard.append)
    assert not published.exists() and not copy.exists()  # the run builds from the sources
    [aside] = tmp_path.glob("w.duckdb.unreadable-*")
    assert heard and str(aside) in heard[0] and "rebuilding from the sources" in heard[0]
    discard_build(published, "rebuild")


def test_a_readable_published_file_passes_the_check(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 100_000)
    assert unreadable_reason(published) is None


@pytest.mark.parametrize(("published", "new", "allowed", "refused"), [
    (10, 1, False, True),     # 9 of 10 reports would vanish
    (10, 1, True, False),     # PDX_ALLOW_SHRINK=1
    (10, 5, False, False),    # half: at the limit, allowed
    (10, 12, False, False),
    (0, 0, False, False),     # nothing published yet
])
def test_a_build_that_drops_most_reports_is_refused_unless_allowed(
    published: int, new: int, allowed: bool, refused: bool
) -> None:
    refusal = shrink_refusal(Shrink(published, new), max_share=0.5, allowed=allowed)
    assert (refusal is not None) == refused
    if refused:
        assert "PDX_ALLOW_SHRINK=1" in refusal and f"has {new} reports" in refusal


def test_exports_switch_atomically_to_the_new_version(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    link = tmp_path / "export"
    export_marts(published, link, "v1")
    make_warehouse(published, 4)
    export_marts(published, link, "v2")
    assert link.is_symlink() and link.resolve().name == "v2"
    assert duckdb.read_parquet(str(link / "t.parquet")).count("*").fetchall() == [(4,)]
    assert [p.name for p in (tmp_path / ".exports").iterdir()] == ["v2"]


def test_a_reader_of_the_published_file_cannot_write(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    with duckdb.connect(str(published), read_only=True) as reader:
        with pytest.raises(duckdb.Error, match="read-only"):
            reader.execute("delete from marts.t")
    assert row_count(published) == 3


def test_views_among_the_marts_are_exported_too(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 3)
    with duckdb.connect(str(published)) as con:
        con.execute("create view marts.v as select i * 2 as j from marts.t")
    written = export_marts(published, tmp_path / "export", "v1")
    assert sorted(written) == ["t", "v"]
    assert duckdb.read_parquet(str(written["v"])).sum("j").fetchall() == [(6,)]
