"""Extraction output is byte-identical to the golden file (tests/support/extraction_golden.py).

Speed and structure work on the extractor must not change one field of one figure;
a rule change that should change them regenerates the file, and the diff of the
golden file shows the reviewer what changed.
"""
from __future__ import annotations

import json
import os

import pytest

from tests.support.extraction_golden import (
    GOLDEN, REGENERATE, current_lines, differences, missing_sets, read_golden,
)


def test_extraction_matches_the_golden_file():
    assert GOLDEN.exists(), f"{GOLDEN} is missing; create it with: {REGENERATE}"
    problems = differences(read_golden(without=missing_sets()), current_lines())
    assert not problems, "\n".join(problems)


def test_every_evaluation_set_of_the_golden_file_is_here():
    """The check above leaves out the sets that are not here; CI must have them all."""
    missing = missing_sets()
    if missing:
        message = f"golden figures of {', '.join(missing)} not checked: their reports are not beside the checkout"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI needs ../shared beside the checkout")
        pytest.skip(message)


def test_a_changed_figure_is_reported_with_its_report_sentence_and_the_regenerate_command():
    expected = read_golden()[:3]
    changed = json.loads(expected[1])
    changed["value"] = repr(float(changed["value"]) + 1)
    problems = differences(expected, [expected[0], json.dumps(changed, ensure_ascii=False, sort_keys=True)])
    text = "\n".join(problems)
    record = json.loads(expected[1])
    assert record["report"] in text and f"sentence {record['sentence_index']}" in text
    assert "value: expected" in text and "missing figure" in text
    assert problems[-1].endswith(REGENERATE)
