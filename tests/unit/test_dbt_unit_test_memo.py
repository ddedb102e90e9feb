"""dbt's unit tests run again only when the code changed since they all passed."""
from __future__ import annotations

from pathlib import Path

from dagster_project.assets.dbt_assets import note_unit_tests, unit_tests_passed_for
from dagster_project.run_record import code_version
from dagster_project.settings import load_settings


def _results(*statuses: str) -> dict:
    return {"results": [{"unique_id": "model.pdx_warehouse.dim_date", "status": "success"}]
            + [{"unique_id": f"unit_test.pdx_warehouse.m.t{i}", "status": s} for i, s in enumerate(statuses)]}


def test_passed_unit_tests_are_remembered_and_a_failure_forgets(tmp_path: Path) -> None:
    settings = load_settings({"PDX_WAREHOUSE": str(tmp_path / "warehouse.duckdb")})
    settings.dbt_target_dir.mkdir(parents=True)
    assert unit_tests_passed_for(settings) is None
    note_unit_tests(settings, _results("pass", "pass"), code_version())
    assert unit_tests_passed_for(settings) == code_version()
    note_unit_tests(settings, _results(), code_version())  # a build that excluded them changes nothing
    assert unit_tests_passed_for(settings) == code_version()
    note_unit_tests(settings, _results("pass", "fail"), code_version())
    assert unit_tests_passed_for(settings) is None


def test_two_checkouts_building_into_one_folder_keep_their_dbt_state_apart(tmp_path: Path, monkeypatch) -> None:
    import dagster_project.settings as settings_module

    settings = load_settings({"PDX_WAREHOUSE": str(tmp_path / "eval-custom.duckdb")})
    here = settings.dbt_target_dir
    monkeypatch.setattr(settings_module, "DBT_PROJECT_DIR", tmp_path / "another-checkout" / "dbt")
    assert settings.dbt_target_dir != here
    assert settings.dbt_target_dir.parent == here.parent == tmp_path / ".dbt"
