"""Descriptions reach BI users: as column comments in the published file, and as dbt docs beside it."""
from __future__ import annotations

import re

import duckdb
import pytest

pytestmark = pytest.mark.e2e


def test_every_mart_column_of_the_published_file_has_a_comment(built: dict) -> None:
    with duckdb.connect(str(built["warehouse"]), read_only=True) as con:
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'"
        ).fetchall()
    assert len({t for t, _, _ in columns}) >= 10
    assert [(t, c) for t, c, comment in columns if not comment] == []


def test_dbt_docs_are_published_as_one_self_contained_page(built: dict) -> None:
    docs = built["warehouse"].parent / "docs"
    page = (docs / "index.html").read_text(encoding="utf-8")
    assert "bi_latest_values" in page and "rank_among_provinces" in page
    # Everything inline: no script or stylesheet fetched from anywhere.
    assert not re.search(r"<script[^>]+src=\"https?:", page)
    assert not re.search(r"<link[^>]+rel=\"stylesheet\"[^>]+href=\"https?:", page)
    assert (docs / "manifest.json").exists() and (docs / "catalog.json").exists()
