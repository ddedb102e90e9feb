"""Build-then-publish: a private copy per run, an atomic swap, leftovers cleaned, one builder at a time."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project.exports import export_marts
from dagster_project.publishing import (
    BuildLockTimeout,
    acquire_build_lock,
    build_dir,
    build_path,
    prepare_build,
    publish,
    release_build_lock,
)


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
    stale = build_path(published, "killed")
    stale.write_bytes(b"half a database")
    (stale.parent / (stale.name + ".wal")).write_bytes(b"log")
    prepare_build(published, "next")
    assert sorted(p.name for p in build_dir(published).iterdir()) == ["lock", build_path(published, "next").name]
    release_build_lock("next")


def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    acquire_build_lock(published, "first")
    try:
        # flock is per open file description, so a second acquisition in this process also waits.
        with pytest.raises(BuildLockTimeout, match="another run"):
            acquire_build_lock(published, "second", wait_seconds=0.6)
    finally:
        release_build_lock("first")
    acquire_build_lock(published, "second", wait_seconds=0.6)
    release_build_lock("second")


def test_publishing_nothing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing to publish"):
        publish(tmp_path / "w.duckdb", "never-built")


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
