"""The report page in a real headless Chromium: Vietnamese labels, a ranking, every chart drawn.

Chromium runs offline-only flags; the page itself loads nothing (inline CSS and
SVG, CSP 'none' for everything else), so this also shows it renders without
network. The screenshots are kept in test-output/ for a person to look at.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from dagster_project.reporting import write_report_page
from tests.conftest import PROJECT_ROOT
from tests.unit.test_report_page import create_schema, fill

pytestmark = pytest.mark.e2e

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync")
SCREENSHOTS = PROJECT_ROOT / "test-output"


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
def small_page(tmp_path: Path) -> Iterator[Path]:
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


def rendered_dom(page: Path, tmp_path: Path) -> str:
    result = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def body_attribute(dom: str, name: str) -> str:
    match = re.search(rf'<body[^>]* {name}="([^"]*)"', dom)
    assert match, f"the page's script did not run: no {name} on <body>"
    return html.unescape(match.group(1))


def screenshot(page: Path, tmp_path: Path, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / name
    shot.unlink(missing_ok=True)
    result = run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]
    print(f"\nscreenshot: {shot}")
    return shot


def test_browser_draws_every_kind_of_chart(small_page: Path, tmp_path: Path) -> None:
    dom = rendered_dom(small_page, tmp_path)
    assert body_attribute(dom, "data-chart-kinds") == "anomalies:1 coverage:1 ranking:2 trend:1"
    assert body_attribute(dom, "data-charts-drawn") == "5"


def test_the_published_page_reads_in_vietnamese_with_a_ranking(built: dict, tmp_path: Path) -> None:
    page = built["warehouse"].parent / "report.html"
    dom = rendered_dom(page, tmp_path)
    assert '<html lang="vi">' in dom
    for label in ("Xếp hạng các tỉnh theo chỉ tiêu chính", "Chất lượng dữ liệu", "Bất thường đang mở",
                  "Độ mới của số liệu theo tỉnh", "giờ Việt Nam"):
        assert label in dom, label
    kinds = dict(k.split(":") for k in body_attribute(dom, "data-chart-kinds").split())
    assert int(kinds["ranking"]) >= 1 and kinds["coverage"] == "1"
    # The first ranking (the samples' broadband shares, four provinces): best first, ties share a rank.
    ranking = re.search(r'<svg class="chart" data-chart="ranking".*?</svg>', dom, re.S).group(0)
    ranks = [int(r) for r in re.findall(r'class="row-label">(\d+)\. [^<]+</text>', ranking)]
    assert len(ranks) >= 2 and ranks[0] == 1 and ranks == sorted(ranks)
    # Freshness rows give the age and the limit of each province of the samples.
    assert dom.count(">365</td>") == 5
    screenshot(page, tmp_path, "report_page_samples.png")


def test_browser_screenshot_of_the_small_page(small_page: Path, tmp_path: Path) -> None:
    screenshot(small_page, tmp_path, "report_page_small.png")
