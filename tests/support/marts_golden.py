"""A deterministic text dump of every relation of the `marts` schema, compared to a fixture.

The dump guards the speed work (incremental models, skipped runs): whatever the
pipeline does to go faster, the marts BI users read must come out the same.

Columns that legitimately differ from one build of the same sources to the next
(when a row was loaded, which run wrote it) are left out; every other column of
every mart, fact, dimension and BI view is in, rows sorted by all their columns.
Floats are written with 12 significant digits, so a sum taken in another row
order (an incremental build appends) does not count as a change.

Regenerate a fixture by hand (e.g. after an intended change of the marts):

    .venv/bin/python -m tests.support.marts_golden samples   # or devset
"""
from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import sys
import tempfile
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = PROJECT_ROOT / "tests" / "fixtures" / "marts_golden"
DEVSET_REPORTS = PROJECT_ROOT.parent / "shared" / "devset" / "reports"
# Load times (first_loaded_at, loaded_at, extracted_at...) and run ids change with every
# build of the same sources; nothing else in the marts may.
VARYING_COLUMN = re.compile(r"(_at|^run_id|_run_id|built_at|build_seconds)$")


def fixture_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.txt"


def _cell(value: object) -> object:
    if isinstance(value, float):
        return format(value, ".12g")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, (list, tuple)):
        return [_cell(v) for v in value]
    if isinstance(value, dict):
        return {k: _cell(v) for k, v in value.items()}
    return value


def dump_marts(warehouse: Path) -> str:
    """Every marts relation: a header line with its kept columns, then its rows as JSON lists, sorted."""
    lines: list[str] = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        relations = [r for (r,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
        ).fetchall()]
        for relation in relations:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position", [relation],
            ).fetchall() if not VARYING_COLUMN.search(c)]
            rows = con.sql(f'select {", ".join(chr(34) + c + chr(34) for c in columns)} from marts."{relation}"').fetchall()
            encoded = sorted(json.dumps([_cell(v) for v in row], ensure_ascii=False, default=str) for row in rows)
            lines.append(f"## marts.{relation} ({len(encoded)} rows): {', '.join(columns)}")
            lines += encoded
    return "\n".join(lines) + "\n"


def compare_to_fixture(warehouse: Path, name: str) -> str | None:
    """None when the marts match `name`'s fixture; else writes `<fixture>.new` and says what differs."""
    fixture = fixture_path(name)
    actual = dump_marts(warehouse)
    expected = fixture.read_text(encoding="utf-8") if fixture.exists() else ""
    if actual == expected:
        return None
    new = fixture.with_name(fixture.name + ".new")
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_text(actual, encoding="utf-8")
    first = next((i for i, (a, b) in enumerate(zip(actual.splitlines(), expected.splitlines())) if a != b), None)
    where = f"first difference at line {first + 1}" if first is not None else "one is a prefix of the other"
    return (f"the marts differ from {fixture} ({where}); the build's dump is {new}. "
            f"Compare them (diff {fixture} {new}); if the change is intended, accept it with "
            f"`mv {new} {fixture}` and commit the fixture.")


def build_into(sources: Path, warehouse: Path) -> None:
    """A full build of `sources` into `warehouse` (PDX_* set for this call only)."""
    import pytest

    from tests.support.builds import run_full_build

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PDX_SOURCES_DIR", str(sources))
        patch.setenv("PDX_WAREHOUSE", str(warehouse))
        patch.delenv("PDX_TIMINGS_FILE", raising=False)
        result = run_full_build()
    if not result.success:
        raise RuntimeError(f"the build of {sources} into {warehouse} failed: see the run's events")


def _regenerate(name: str) -> None:
    import shutil

    from tests.e2e.conftest import write_e2e_sources

    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources"
        sources.mkdir()
        if name == "samples":
            write_e2e_sources(sources)
        elif name == "devset":
            for path in sorted(DEVSET_REPORTS.iterdir()):
                shutil.copy(path, sources / path.name)
        else:
            raise SystemExit(f"unknown set {name!r}: give samples or devset")
        warehouse = Path(tmp) / "out" / "warehouse.duckdb"
        build_into(sources, warehouse)
        fixture_path(name).parent.mkdir(parents=True, exist_ok=True)
        fixture_path(name).write_text(dump_marts(warehouse), encoding="utf-8")
    print(f"wrote {fixture_path(name)}")


if __name__ == "__main__":
    for set_name in sys.argv[1:] or ["samples", "devset"]:
        _regenerate(set_name)
