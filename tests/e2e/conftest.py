"""The one shared build: e2e tests that only read a published warehouse use `built`."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_samples
from tests.support.builds import FACT_TABLES, rows, run_full_build


def write_e2e_sources(sources: Path) -> None:
    """The samples, one unreadable file, one duplicate and a manifest (the marts golden fixture
    `samples` is built from the same folder: tests/support/marts_golden.py)."""
    copy_samples(sources)
    (sources / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (sources / "copy of 001.txt").write_bytes((sources / "001_084593bdc146d95d.txt").read_bytes())
    # A source manifest: a URL for one report, and a line for a file that is not there.
    (sources / "manifest.csv").write_text(
        "file,url,province,published,title\n"
        "001_084593bdc146d95d.txt,https://khcncaobang.gov.vn/tin/1,,,\n"
        "missing.txt,https://nghean.gov.vn/x,Nghệ An,2024-05-20,\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Build twice, once for the session: the samples, one unreadable file, one duplicate and a manifest."""
    root = tmp_path_factory.mktemp("e2e")
    sources = root / "sources"
    sources.mkdir()
    write_e2e_sources(sources)
    warehouse = root / "out" / "warehouse.duckdb"
    alerts_file = warehouse.parent / "alerts.jsonl"
    # Only the builds see these variables: tests that run later must not inherit them.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PDX_SOURCES_DIR", str(sources))
        patch.setenv("PDX_WAREHOUSE", str(warehouse))
        first = run_full_build()
        first_facts = {t: sorted(rows(warehouse, f"marts.{t}", "fact_key, value")) for t in FACT_TABLES}
        first_alerts = alerts_file.read_text(encoding="utf-8").splitlines()
        second = run_full_build()
    yield {"warehouse": warehouse, "sources": sources, "first": first, "second": second, "first_facts": first_facts,
           "first_alerts": first_alerts, "alerts": alerts_file.read_text(encoding="utf-8").splitlines()}
