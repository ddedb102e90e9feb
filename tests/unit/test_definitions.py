"""Snapshot of the Dagster definitions: every stage is an asset, with lineage and checks."""
from __future__ import annotations

import tomllib

import dagster as dg
import yaml

from dagster_project import run_steps
from dagster_project.definitions import build_definitions
from dagster_project.settings import load_settings
from tests.conftest import PROJECT_ROOT


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


def test_the_source_folder_heads_the_lineage() -> None:
    graph = build_definitions().resolve_asset_graph()
    sources = dg.AssetKey(["sources"])
    assert graph.get(sources).is_external
    assert sources in graph.get(dg.AssetKey(["raw", "reports"])).parent_keys
    assert graph.get(sources).parent_keys == set()


def test_the_code_location_is_named_pdx_warehouse() -> None:
    workspace = yaml.safe_load((PROJECT_ROOT / "workspace.yaml").read_text(encoding="utf-8"))
    assert workspace["load_from"][0]["python_module"]["location_name"] == "pdx_warehouse"
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["dagster"]["code_location_name"] == "pdx_warehouse"


def test_the_marts_carry_a_freshness_policy() -> None:
    graph = build_definitions().resolve_asset_graph()
    marts = [k for k in graph.get_all_asset_keys() if k.path[0] == "marts"]
    assert marts and all(graph.get(k).freshness_policy is not None for k in marts)


def test_the_step_names_the_gate_relies_on_are_the_jobs_steps() -> None:
    job = build_definitions().resolve_job_def("full_build")
    steps = {node.name for node in job.nodes}
    assert steps == {*run_steps.WRITERS, run_steps.PUBLISH, run_steps.NOTIFY}  # one dbt step, one check step


def test_publish_then_alerts_come_after_every_asset_that_writes() -> None:
    graph = build_definitions().resolve_asset_graph()
    published = graph.get(dg.AssetKey(["warehouse", "published"]))
    assert {dg.AssetKey(["raw", "reports"]), dg.AssetKey(["marts", "fct_services"])} <= published.parent_keys
    assert graph.get(dg.AssetKey(["warehouse", "alerts"])).parent_keys == {published.key}


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


def test_the_batch_job_fans_out_on_the_executor_the_settings_name(tmp_path) -> None:
    settings = load_settings({"PDX_WAREHOUSE": str(tmp_path / "w.duckdb"), "PDX_EXTRACT_WORKERS": "3"})
    defs = build_definitions(settings)
    job = defs.resolve_job_def("extract_batches")
    assert job.executor_def.name == "multiprocess"
    assert job.executor_def.config_schema.resolve_config({}).value["config"]["max_concurrent"] == 3
    steps = {node.name for node in job.nodes}
    assert steps == {"raw__figure_store"}
    batches = job.graph.node_named("raw__figure_store").definition
    assert batches.node_named("plan_extraction_batches").definition.output_defs[0].is_dynamic
    # The build never runs the batches (they write no warehouse); its extract step loads them.
    assert "raw__figure_store" not in {node.name for node in defs.resolve_job_def("full_build").nodes}
    graph = defs.resolve_asset_graph()
    assert dg.AssetKey(["raw", "figure_store"]) in graph.get(dg.AssetKey(["raw", "observations"])).parent_keys


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


def test_importing_the_code_location_writes_nothing_to_the_environment() -> None:
    import subprocess
    import sys

    probe = ("import os, json; before = dict(os.environ); import dagster_project.definitions; "
             "print(json.dumps(sorted(k for k in set(before) | set(os.environ) "
             "if before.get(k) != os.environ.get(k) and k.startswith(('PDX_', 'DBT_', 'GX_', 'DAGSTER_')))))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_last_writing_step_of_a_partial_run_is_the_one_that_publishes() -> None:
    last = run_steps.is_last_writer
    assert last("raw__observations", {"raw__observations"})
    assert not last("ingest_reports", {"ingest_reports", "raw__observations"})
    assert not last("warehouse_dbt_models", {"warehouse_dbt_models", "quality_checks"})
    assert last("quality_checks", {"warehouse_dbt_models", "quality_checks"})


def test_env_example_lists_every_pdx_variable_the_code_reads() -> None:
    import re

    read = set()
    for path in (PROJECT_ROOT / "dagster_project").rglob("*.py"):
        read |= set(re.findall(r"\"(PDX_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    for path in (PROJECT_ROOT / "dbt" / "models").rglob("*.sql"):
        read |= set(re.findall(r"env_var\('(PDX_[A-Z_]+)'", path.read_text(encoding="utf-8")))
    listed = set(re.findall(r"^#? ?(PDX_[A-Z_]+)=", (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8"),
                            re.MULTILINE))
    assert read and read <= listed, sorted(read - listed)
