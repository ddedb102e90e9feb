"""When a CLI build skips because nothing changed since the last publish, and when it builds."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from dagster_project import build_state, cli, run_record
from dagster_project.ingestion.sources import source_fingerprint
from dagster_project.settings import Settings, load_settings

TODAY = date(2026, 1, 2)
PUBLISHED_AT = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


@pytest.fixture()
def published(tmp_path: Path) -> Settings:
    """A source folder of two reports and a published warehouse whose state was recorded."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Tỉnh A năm 2024: 10 xã.", encoding="utf-8")
    (sources / "b.txt").write_text("Tỉnh B năm 2024: 20 xã.", encoding="utf-8")
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    warehouse.write_bytes(b"published warehouse")
    settings = load_settings({"PDX_SOURCES_DIR": str(sources), "PDX_WAREHOUSE": str(warehouse)})
    build_state.write_state(settings, source_fingerprint(sources), run_record.code_version(), "run-1",
                            PUBLISHED_AT, TODAY)
    return settings


def test_nothing_changed_skips(published: Settings) -> None:
    last = build_state.unchanged_since_publish(published, TODAY)
    assert last == build_state.LastBuild("run-1", PUBLISHED_AT)


def test_a_touched_source_file_builds(published: Settings) -> None:
    path = published.sources_dir / "a.txt"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_an_added_source_file_builds(published: Settings) -> None:
    (published.sources_dir / "c.txt").write_text("Tỉnh C: 5 xã.", encoding="utf-8")
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_a_removed_source_file_builds(published: Settings) -> None:
    (published.sources_dir / "b.txt").unlink()
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_changed_code_builds(published: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_record, "code_version", lambda: "another-version")
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_full_refresh_builds(published: Settings) -> None:
    settings = load_settings({"PDX_SOURCES_DIR": str(published.sources_dir),
                              "PDX_WAREHOUSE": str(published.warehouse_path), "PDX_FULL_REFRESH": "1"})
    assert build_state.unchanged_since_publish(settings, TODAY) is None


def test_a_replaced_published_file_builds(published: Settings) -> None:
    published.warehouse_path.write_bytes(b"another warehouse, copied in by hand")
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_another_day_builds(published: Settings) -> None:
    # The freshness checks are judged against today: tomorrow's build may find other warnings.
    assert build_state.unchanged_since_publish(published, date(2026, 1, 3)) is None


def test_changed_limits_build(published: Settings) -> None:
    settings = load_settings({"PDX_SOURCES_DIR": str(published.sources_dir),
                              "PDX_WAREHOUSE": str(published.warehouse_path), "PDX_MAX_FILE_BYTES": "1000"})
    assert build_state.unchanged_since_publish(settings, TODAY) is None


def test_a_private_copy_left_by_a_killed_run_builds(published: Settings) -> None:
    # The next build removes a killed run's copy (publishing.py); skipping would leave it.
    published.build_dir.mkdir()
    published.build_file.write_bytes(b"half a build")
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_no_or_garbled_state_builds(published: Settings) -> None:
    published.build_state_file.write_text("{not json", encoding="utf-8")
    assert build_state.unchanged_since_publish(published, TODAY) is None
    build_state.forget(published)
    assert build_state.unchanged_since_publish(published, TODAY) is None


def test_cli_skips_without_touching_the_published_file(
    published: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The state was recorded today (the CLI compares with the real date).
    build_state.write_state(published, source_fingerprint(published.sources_dir), run_record.code_version(),
                            "run-1", PUBLISHED_AT, date.today())
    before = published.warehouse_path.stat()
    content = published.warehouse_path.read_bytes()
    timings_file = tmp_path / "timings.json"

    assert cli.build(Settings(published.sources_dir, published.warehouse_path, timings_file=timings_file)) == 0

    out = capsys.readouterr().out
    assert "Nothing changed since the last publish at " in out and "run-1" in out
    after = published.warehouse_path.stat()
    assert published.warehouse_path.read_bytes() == content
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert not published.build_file.exists()  # no run started: no private copy was made
    assert '"skipped": true' in timings_file.read_text(encoding="utf-8")
