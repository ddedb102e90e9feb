"""The published warehouse of a real build, read by the BI clients people have.

Each DuckDB client runs in its own environment (tests/clients/<client>, created
from its own uv.lock): DuckDB 1.4 LTS (Python package and CLI) and DuckDB 2.x.
SQLAlchemy + duckdb_engine reflect the columns of every mart, both in the
project's environment (DuckDB 1.4.5) and beside DuckDB 2.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.clients.envs import READER, client_executable, ensure_client

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def published(built: dict) -> Path:
    assert built["second"].success, "the shared build failed: see test_full_build"
    return built["warehouse"]


@pytest.fixture(scope="module")
def expected(published: Path) -> dict:
    """Relations, columns, row counts and comments as the project's own DuckDB reads them."""
    with duckdb.connect(str(published), read_only=True) as con:
        relations = {}
        for name, table_type in con.execute(
            "select table_name, table_type from information_schema.tables where table_schema = 'marts'"
        ).fetchall():
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' "
                "and table_name = ? order by ordinal_position", [name]).fetchall()]
            (rows,) = con.execute(f'select count(*) from marts."{name}"').fetchone()
            relations[name] = {"type": table_type, "rows": rows, "columns": columns}
    assert {"bi_latest_values", "bi_province_scorecard", "fct_services", "dim_report"} <= set(relations)
    assert relations["bi_latest_values"]["type"] == "VIEW"
    return relations


def read_as(python: Path | str, warehouse: Path, *flags: str) -> dict:
    result = subprocess.run([str(python), str(READER), str(warehouse), *flags],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"{python} could not read {warehouse}:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def assert_reflects_every_mart(reflected: dict, expected: dict) -> None:
    columns = reflected["columns"]
    assert set(columns) == set(expected), "SQLAlchemy lists other relations than the catalog"
    for name, spec in expected.items():
        assert [c["name"] for c in columns[name]] == spec["columns"], name
        undocumented = [c["name"] for c in columns[name] if not c["comment"]]
        assert not undocumented, f"marts.{name}: columns without a comment: {undocumented}"
    assert reflected["ranked_latest_values"] == expected["bi_latest_values"]["rows"] > 0


def test_duckdb_14_python_client_reads_every_mart(published: Path, expected: dict) -> None:
    result = read_as(ensure_client("duckdb14"), published)
    assert result["duckdb_version"].startswith("1.4.")
    assert result["relations"] == expected
    assert result["write_refused"]


def test_duckdb_14_cli_reads_the_scorecard_read_only(published: Path, expected: dict) -> None:
    ensure_client("duckdb14")
    cli = client_executable("duckdb14", "duckdb")
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.4."), version
    # The README's command, with JSON output to compare.
    result = subprocess.run(
        [str(cli), "-readonly", "-json", str(published),
         "select count(*) as n from marts.bi_latest_values where rank_among_provinces = 1"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert 0 < row["n"] <= expected["bi_latest_values"]["rows"]


def test_duckdb_2_client_reads_every_mart_and_reflects_them(published: Path, expected: dict) -> None:
    result = read_as(ensure_client("duckdb2"), published, "--sqlalchemy")
    assert result["duckdb_version"].startswith("2.")
    assert result["relations"] == expected
    assert result["write_refused"]
    assert_reflects_every_mart(result["sqlalchemy"], expected)


def test_sqlalchemy_reflects_every_mart_with_the_project_duckdb(published: Path, expected: dict) -> None:
    result = read_as(sys.executable, published, "--sqlalchemy")
    assert result["duckdb_version"].startswith("1.4.")
    assert result["sqlalchemy"]["sqlalchemy_version"].startswith("2.0.")
    assert_reflects_every_mart(result["sqlalchemy"], expected)


def test_every_view_of_the_published_file_resolves(published: Path) -> None:
    # Views are stored as SQL: one that names the build copy's database breaks after the swap.
    with duckdb.connect(str(published), read_only=True) as con:
        views = con.execute(
            "select schema_name, view_name from duckdb_views() where not internal order by all"
        ).fetchall()
        assert ("marts", "bi_latest_values") in views
        for schema, view in views:
            con.execute(f'select count(*) from "{schema}"."{view}"').fetchall()


def test_the_parquet_route_has_every_mart_with_its_rows(published: Path, expected: dict) -> None:
    export = published.parent / "export"
    exported = {p.stem: duckdb.read_parquet(str(p)).count("*").fetchone()[0] for p in export.glob("*.parquet")}
    assert exported == {name: spec["rows"] for name, spec in expected.items()}
