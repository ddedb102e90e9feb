"""The figure store and the batch planner: what is filed is found again, keyed by what extraction reads."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import polars as pl
import pytest

from dagster_project.batches.batch import extract_batch
from dagster_project.batches.plan import plan_batches
from dagster_project.batches.store import FIGURES_SUFFIX, FigureStore, input_key
from dagster_project.extraction.pipeline import extract_report
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.raw_store import observations_frame

TEXT = "Tỉnh đã có 120 điểm phát sóng 5G. Tỷ lệ hồ sơ trực tuyến đạt 85%."
NO_FIGURES = "Báo cáo này không có số liệu nào."
MAX_BYTES = 1_000_000


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _run_all(sources: Path, store: FigureStore, batch_files: int = 2) -> int:
    plan = plan_batches(sources, store, batch_files)
    for batch in plan.batches:
        extract_batch(batch, sources, store, MAX_BYTES, ParseBudget())
    return len(plan.batches)


def test_the_input_key_changes_with_the_version_the_date_and_the_text() -> None:
    key = input_key("v1", TEXT, date(2024, 5, 1))
    assert key == input_key("v1", TEXT, date(2024, 5, 1))
    assert len({key, input_key("v2", TEXT, date(2024, 5, 1)), input_key("v1", TEXT, None),
                input_key("v1", TEXT, date(2024, 5, 2)), input_key("v1", TEXT + " ", date(2024, 5, 1))}) == 5


def test_stored_figures_are_the_figures_extraction_gives(tmp_path: Path) -> None:
    store = FigureStore(tmp_path / "store", "v1")
    observations = extract_report(TEXT, None)
    assert observations, "the sentence must give figures for this test to mean anything"
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    key = input_key("v1", TEXT, None)
    figures = observations_frame("r1", observations, "v1", now).with_columns(input_key=pl.lit(key))
    files = pl.DataFrame({"source_file": ["a.txt", "empty.txt"], "byte_size": [10, 5], "mtime_ns": [1, 2],
                          "manifest_sha": ["", ""], "report_key": ["r1", "r2"],
                          "input_key": [key, input_key("v1", NO_FIGURES, None)], "figures": [len(observations), 0]})
    store.write_batch("b1", files, figures)

    # r1 and r1bis are two encodings of one text: both get the figures, each under its own key.
    found = list(store.lookup([("r1", key), ("r1bis", key), ("r2", input_key("v1", NO_FIGURES, None)),
                               ("unknown", input_key("v1", "khác", None))]))
    assert len(found) == 1
    assert found[0].counts == {"r1": len(observations), "r1bis": len(observations), "r2": 0}
    rows = found[0].figures
    assert rows.height == 2 * len(observations)
    expected = observations_frame("r1bis", observations, "v1", now)
    got = rows.filter(pl.col("report_key") == "r1bis").select(expected.columns)
    assert got.sort("observation_key").to_dicts() == expected.sort("observation_key").to_dicts()


def test_an_unfinished_batch_is_ignored_and_another_version_sees_nothing(tmp_path: Path) -> None:
    store = FigureStore(tmp_path / "store", "v1")
    store.folder.mkdir(parents=True)
    pl.DataFrame({"input_key": ["x"]}).write_parquet(store.folder / f"b1{FIGURES_SUFFIX}")  # no file list yet
    assert not store.holds_batches()
    assert list(store.lookup([("r", "x")])) == []
    assert store.stored_stamps() == set()


def test_older_versions_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "store" / "old").mkdir(parents=True)
    (tmp_path / "store" / "v1").mkdir()
    (tmp_path / "store" / ".step_values").mkdir()  # the job's values between steps: kept
    assert FigureStore(tmp_path / "store", "v1").drop_other_versions() == ["old"]
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == [".step_values", "v1"]


def test_the_plan_leaves_out_what_is_filed_and_takes_back_what_changed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for number in range(5):
        _write(sources, f"r{number}.txt", f"{TEXT} Báo cáo số {number}.")
    _write(sources, "README.md", "not a report")
    (sources / "junk.txt").write_bytes(bytes(range(256)) * 4)
    store = FigureStore(tmp_path / "store", "v1")

    plan = plan_batches(sources, store, 2)
    assert [len(b.files) for b in plan.batches] == [2, 2, 2]
    assert plan_batches(sources, store, 2).batches == plan.batches, "the same files make the same batches"
    assert _run_all(sources, store) == 3
    assert plan_batches(sources, store, 2).batches == [], "every file, the rejected one too, is filed"

    changed = _write(sources, "r3.txt", "Có 7 trạm BTS mới.")
    os.utime(changed, ns=(1, 1_000_000_000_000))
    (sources / "manifest.csv").write_text("file,published\nr1.txt,2024-03-01\n", encoding="utf-8")
    again = plan_batches(sources, store, 2)
    assert [b.files for b in again.batches] == [("r1.txt", "r3.txt")]


def test_a_batch_files_each_report_under_the_key_the_build_will_ask_for(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    _write(sources, "a.txt", TEXT)
    (sources / "b.txt").write_bytes(TEXT.encode("utf-16"))  # the same text in another encoding
    _write(sources, "c.txt", NO_FIGURES)
    (sources / "manifest.csv").write_text("file,published\nc.txt,2024-03-01\n", encoding="utf-8")
    store = FigureStore(tmp_path / "store", "v1")
    _run_all(sources, store, batch_files=10)

    observations = extract_report(TEXT, None)
    asked = [("ka", input_key("v1", TEXT, None)), ("kc", input_key("v1", NO_FIGURES, date(2024, 3, 1)))]
    (found,) = store.lookup(asked)
    assert found.counts == {"ka": len(observations), "kc": 0}
    assert sorted(found.figures["quote"]) == sorted(o.quote for o in observations)


@pytest.mark.parametrize("kind", ["celery", "k8s"])
def test_a_distributed_executor_without_its_package_says_what_to_install(kind: str) -> None:
    import importlib.util

    import dagster as dg

    from dagster_project.assets.batch_assets import batch_executor

    package = {"celery": "dagster_celery", "k8s": "dagster_k8s"}[kind]
    if importlib.util.find_spec(package) is not None:
        assert batch_executor(kind, 2) is not None
        return
    with pytest.raises(dg.DagsterInvariantViolationError, match=f"PDX_BATCH_EXECUTOR={kind} needs the package"):
        batch_executor(kind, 2)
