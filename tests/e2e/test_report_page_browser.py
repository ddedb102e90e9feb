"""The report page in a real headless Chromium: all three charts are drawn, and a screenshot works.

Chromium runs offline-only flags; the page itself loads nothing (inline CSS and
SVG, CSP 'none' for everything else), so this also shows it renders without network.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.reporting import write_report_page
from tests.unit.test_report_page import create_schema, fill

pytestmark = pytest.mark.e2e

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync")


def find_chromium() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    message = "no Chromium binary (/usr/bin/chromium, chromium or chromium-browser)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: install Debian's chromium (apt-get install -y chromium); .ci/run does")
    pytest.skip(message)


@pytest.fixture()
def page(tmp_path: Path) -> Iterator[Path]:
    con = duckdb.connect()
    create_schema(con)
    fill(con)
    try:
        yield write_report_page(con, tmp_path / "report.html", datetime(2026, 1, 2, tzinfo=timezone.utc))
    finally:
        con.close()


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [find_chromium(), *BASE_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_browser_draws_all_three_charts(page: Path, tmp_path: Path) -> None:
    result = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'data-charts-drawn="3"' in result.stdout, result.stdout[:2000]


def test_browser_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    result = run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists(), result.stderr[-2000:]
    assert shot.stat().st_size > 10_000
