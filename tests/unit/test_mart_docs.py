"""Every BI-facing relation (the marts: tables and views) and every one of its columns is described.

The marts enforce their contracts, so the YAML column lists are the columns the
warehouse has; descriptions are also written into the warehouse as comments
(persist_docs), which the e2e client tests read back.
"""
from __future__ import annotations

import pytest
import yaml

from dagster_project.settings import DBT_PROJECT_DIR

MARTS_DIR = DBT_PROJECT_DIR / "models" / "marts"


def mart_specs() -> dict[str, dict]:
    specs: dict[str, dict] = {}
    for path in sorted(MARTS_DIR.glob("*.yml")):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            specs[model["name"]] = {**model, "file": path.name}
    return specs


def mart_models() -> list[str]:
    return sorted(p.stem for p in MARTS_DIR.glob("*.sql"))


def test_the_project_enforces_contracts_and_persists_docs_for_marts() -> None:
    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    marts = project["models"]["pdx_warehouse"]["marts"]
    assert marts["+contract"] == {"enforced": True}
    assert marts["+persist_docs"] == {"relation": True, "columns": True}


@pytest.mark.parametrize("model", mart_models())
def test_every_mart_and_column_has_a_description(model: str) -> None:
    specs = mart_specs()
    assert model in specs, f"dbt/models/marts/{model}.sql has no entry in any dbt/models/marts/*.yml: add one"
    spec = specs[model]
    assert (spec.get("description") or "").strip(), f"{model} ({spec['file']}) has no description"
    columns = spec.get("columns") or []
    assert columns, f"{model} ({spec['file']}) lists no columns"
    undocumented = [c["name"] for c in columns if not (c.get("description") or "").strip()]
    assert not undocumented, f"{model} ({spec['file']}): columns without a description: {undocumented}"
    untyped = [c["name"] for c in columns if not c.get("data_type")]
    assert not untyped, f"{model} ({spec['file']}): columns without data_type (the contract needs it): {untyped}"


def test_the_grain_of_the_scorecard_and_latest_values_includes_unit_and_base() -> None:
    specs = mart_specs()
    for model in ("bi_province_scorecard", "bi_latest_values"):
        (test,) = [t["unique_combination_of_columns"] for t in specs[model]["data_tests"]
                   if "unique_combination_of_columns" in t]
        assert set(test["arguments"]["columns"]) == {"province_code", "indicator_code", "admin_level", "unit", "base"}


def test_the_fact_tables_carry_the_base() -> None:
    names = [c["name"] for c in mart_specs()["fct_services"]["columns"]]
    assert names.index("base") == names.index("unit") + 1
    macro = (DBT_PROJECT_DIR / "macros" / "fact_table.sql").read_text(encoding="utf-8")
    assert "    base,\n" in macro

