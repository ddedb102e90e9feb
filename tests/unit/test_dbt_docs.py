"""dbt docs beside the warehouse: regenerated only when the project or the warehouse's columns change."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project import dbt_docs
from dagster_project.dbt_docs import DocsError, docs_fingerprint, publish_dbt_docs


def make_warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.t (a integer, b varchar)")
        con.execute("comment on column marts.t.a is 'first'")
    return path


def make_project(folder: Path) -> Path:
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "t.sql").write_text("select 1 as a", encoding="utf-8")
    (folder / "dbt_project.yml").write_text("name: p\n", encoding="utf-8")
    return folder


def test_fingerprint_follows_columns_comments_and_project_not_rows(tmp_path: Path) -> None:
    warehouse = make_warehouse(tmp_path / "w.duckdb")
    project = make_project(tmp_path / "dbt")
    first = docs_fingerprint(warehouse, project)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("insert into marts.t values (1, 'x')")
    assert docs_fingerprint(warehouse, project) == first
    with duckdb.connect(str(warehouse)) as con:
        con.execute("comment on column marts.t.b is 'second'")
    second = docs_fingerprint(warehouse, project)
    assert second != first
    (project / "models" / "t.sql").write_text("select 2 as a", encoding="utf-8")
    assert docs_fingerprint(warehouse, project) != second


def fake_generate(calls: list[Path]):
    def generate(warehouse: Path, work: Path) -> Path:
        calls.append(warehouse)
        target = work / "target"
        target.mkdir(parents=True, exist_ok=True)
        for name in ("static_index.html", "manifest.json", "catalog.json"):
            (target / name).write_text(f"{name} {len(calls)}", encoding="utf-8")
        return target
    return generate


def test_docs_are_published_once_then_kept_until_something_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = make_warehouse(tmp_path / "w.duckdb")
    calls: list[Path] = []
    monkeypatch.setattr(dbt_docs, "_generate", fake_generate(calls))
    page = publish_dbt_docs(warehouse, tmp_path / "docs")
    assert page == tmp_path / "docs" / "index.html"
    assert page.read_text(encoding="utf-8") == "static_index.html 1"
    assert sorted(p.name for p in page.parent.iterdir()) == [".fingerprint", "catalog.json", "index.html",
                                                              "manifest.json"]
    publish_dbt_docs(warehouse, tmp_path / "docs")
    assert len(calls) == 1
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table marts.t add column c double")
    publish_dbt_docs(warehouse, tmp_path / "docs")
    assert len(calls) == 2 and page.read_text(encoding="utf-8") == "static_index.html 2"


def test_a_failed_generation_keeps_the_old_page_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = make_warehouse(tmp_path / "w.duckdb")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.html").write_text("old page", encoding="utf-8")
    # A dbt that exits non-zero, as when the project does not parse.
    monkeypatch.setattr(dbt_docs, "DBT_EXECUTABLE", Path("/bin/false"))
    with pytest.raises(DocsError, match="make docs"):
        publish_dbt_docs(warehouse, docs)
    assert (docs / "index.html").read_text(encoding="utf-8") == "old page"
    assert not (docs / ".fingerprint").exists()
