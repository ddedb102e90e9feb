"""Snapshot of the Dagster definitions: every stage is an asset, with lineage and checks."""
from __future__ import annotations

import dagster as dg

from dagster_project.definitions import build_definitions


def _keys(defs: dg.Definitions) -> set[str]:
    graph = defs.resolve_asset_graph()
    return {key.to_user_string() for key in graph.get_all_asset_keys()}


def test_every_stage_is_an_asset() -> None:
    keys = _keys(build_definitions())
    assert {
        "raw/reports", "raw/rejected_reports", "raw/observations",
        "staging/stg_reports", "staging/stg_observations", "staging/int_observations_classified",
        "staging/provinces", "staging/indicator_taxonomy",
        "marts/dim_province", "marts/dim_date", "marts/dim_indicator", "marts/dim_report",
        "marts/fct_infrastructure", "marts/fct_services", "marts/fct_workforce",
    } <= keys


def test_dbt_sources_hang_off_the_python_assets() -> None:
    graph = build_definitions().resolve_asset_graph()
    parents = graph.get(dg.AssetKey(["staging", "stg_observations"])).parent_keys
    assert dg.AssetKey(["raw", "observations"]) in parents
    parents = graph.get(dg.AssetKey(["staging", "stg_reports"])).parent_keys
    assert dg.AssetKey(["raw", "reports"]) in parents


def test_gx_suites_guard_the_marts() -> None:
    graph = build_definitions().resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    for table in ("fct_infrastructure", "fct_services", "fct_workforce"):
        assert (f"marts/{table}", "fact_consistency") in checks
    assert ("marts/dim_report", "report_freshness") in checks


def test_the_full_build_job_runs_in_one_process() -> None:
    job = build_definitions().resolve_job_def("full_build")
    assert job.executor_def.name == "in_process"


def test_quality_checks_guard_their_assets_and_show_severities() -> None:
    graph = build_definitions().resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    assert {
        ("quality/qa_part_whole", "part_whole"), ("quality/qa_ratio_consistency", "ratio_consistency"),
        ("quality/qa_contradictions", "contradictions"), ("quality/qa_province_freshness", "province_freshness"),
        ("raw/reports", "dbt_source_freshness"),
    } <= checks
    spec = graph.get_check_spec(dg.AssetCheckKey(dg.AssetKey(["quality", "qa_part_whole"]), "part_whole"))
    assert "[warning]" in spec.description


def test_a_daily_schedule_and_a_source_sensor_run_the_full_build() -> None:
    defs = build_definitions()
    schedule = defs.resolve_schedule_def("daily_full_build")
    assert schedule.job_name == "full_build"
    assert defs.resolve_sensor_def("new_or_changed_sources").job_name == "full_build"
    assert defs.resolve_sensor_def("alert_on_failed_run")
