"""Extraction on worker processes gives exactly the output of one process, and a dead
worker gives an error naming the batch, the reports and the serial rerun."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

from dagster_project.extraction.parallel import ExtractionError, ExtractionPool, extract_reports, workers_for
from dagster_project.settings import SettingsError, load_settings
from tests.conftest import PROJECT_ROOT
from tests.support.extraction_golden import figure_lines, golden_reports


@pytest.fixture(scope="module")
def items():
    return [(r.name, r.text, r.published) for r in golden_reports() if not r.name.startswith("bench/")]


def _lines(results):
    return [line for key, observations in results for line in figure_lines(str(key), observations)]


def test_two_workers_give_exactly_the_serial_output(items):
    serial = extract_reports(items, 1)
    pooled = extract_reports(items, 2)
    assert [key for key, _ in pooled] == [key for key, _, _ in items]
    assert _lines(pooled) == _lines(serial)
    assert len(_lines(serial)) > 100


def test_a_dead_worker_names_the_batch_and_the_serial_rerun(items):
    with ExtractionPool(2) as pool:
        assert len(pool.worker_pids) == 2
        # Kill one worker (as the OOM killer would) while it works through a long batch. The
        # batch is many short reports, not the whole golden set eight times: a worker killed
        # while it still reads a task of several MB from the pool's queue can leave Python's
        # ProcessPoolExecutor waiting for ever (seen once under load).
        short = sorted(items, key=lambda item: len(item[1]))[:40]
        timer = threading.Timer(0.3, os.kill, (pool.worker_pids[0], signal.SIGKILL))
        timer.start()
        try:
            with pytest.raises(ExtractionError) as caught:
                pool.extract(short * 25, label="reports 1-200 of 999")
        finally:
            timer.cancel()
    message = str(caught.value)
    assert "unfinished reports" in message
    assert "worker process died in batch reports 1-200 of 999" in message
    assert "PDX_EXTRACT_WORKERS=1" in message
    assert any(str(name) in message for name, _, _ in short)  # names reports


def test_workers_obey_sigterm_even_when_the_caller_ignores_it():
    # the pool stops its workers with SIGTERM when one dies: an ignored SIGTERM inherited
    # from the caller would leave it waiting for them for ever
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with ExtractionPool(2) as pool:
            assert pool._executor.submit(signal.getsignal, signal.SIGTERM).result() == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_worker_dead_before_the_batch_gives_the_same_message(items):
    with ExtractionPool(2) as pool:
        # Whether the pool notices before or after the batch is handed out, the message is the same.
        os.kill(pool.worker_pids[1], signal.SIGKILL)
        with pytest.raises(ExtractionError, match=r"worker process died in batch b2 .*PDX_EXTRACT_WORKERS=1"):
            pool.extract(items, label="b2")


def test_a_failing_report_is_named(items):
    with pytest.raises(ExtractionError, match=r"report broken/1 failed \(TypeError: .*\) in batch b1; rerun with PDX_EXTRACT_WORKERS=1"):
        with ExtractionPool(2) as pool:
            pool.extract([items[0], ("broken/1", None, None)], label="b1")


def test_in_process_a_failing_report_is_named_with_its_batch(items):
    with pytest.raises(ExtractionError, match=r"report broken/1 failed \(TypeError: .*\) in batch b1: see the traceback"):
        ExtractionPool(1).extract([items[0], ("broken/1", None, None)], label="b1")


def test_few_reports_are_extracted_in_process():
    assert workers_for(5, 8) == 1
    assert workers_for(25, 8) == 2
    assert workers_for(60, 2) == 2
    assert workers_for(10_000, 2) == 2
    assert workers_for(10_000, 1) == 1


def test_the_setting():
    assert load_settings({"PDX_EXTRACT_WORKERS": "3"}).extract_workers == 3
    assert load_settings({}).extract_workers == (os.cpu_count() or 1)
    with pytest.raises(SettingsError, match="PDX_EXTRACT_WORKERS"):
        load_settings({"PDX_EXTRACT_WORKERS": "0"})


def test_a_worker_that_ignores_sigterm_does_not_hang_the_run():
    # Without the pool's own SIGKILL the subprocess hangs at exit for the sleeper's 600 s.
    run = subprocess.Popen(
        [sys.executable, "-m", "tests.support.stuck_worker"], cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        out, err = run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)  # the worker that blocks SIGTERM too
        run.communicate()
        pytest.fail("the pool did not stop its workers within 120 s after one of them was killed")
    assert run.returncode == 0, err[-2000:]
    assert "worker process died in batch stuck" in out
