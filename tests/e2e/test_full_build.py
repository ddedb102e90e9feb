"""End to end: the real Dagster job (ingestion, extraction, dbt build, GX checks) on a temp warehouse."""
from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from tests.support.builds import FACT_TABLES, rows, run_full_build  # noqa: F401 - others import run_full_build here

pytestmark = pytest.mark.e2e

EXPECTED_REPORTS = {
    "000_1f3a95a06e282ad8.txt": ("40", None),
    "001_084593bdc146d95d.txt": ("04", date(2018, 12, 11)),
    "002_af209421734ca160.txt": ("49", date(2021, 5, 16)),
    "003_0582c3a162ac50fb.txt": ("36", date(2022, 11, 1)),
    "004_68cb756017224f23.txt": ("72", date(2024, 8, 14)),
}


def test_the_job_succeeds_twice(built: dict) -> None:
    assert built["first"].success
    assert built["second"].success


def test_every_sample_report_has_its_province_and_publication_date(built: dict) -> None:
    found = {
        source: (province, published)
        for source, province, published in rows(
            built["warehouse"], "marts.dim_report", "source_file, province_code, published_date"
        )
    }
    assert found == EXPECTED_REPORTS


def test_unreadable_file_is_quarantined_with_a_reason(built: dict) -> None:
    rejected = dict(rows(built["warehouse"], "raw.rejected_reports", "source_file, reason"))
    assert set(rejected) == {"junk.txt", "manifest.csv"}
    assert rejected["junk.txt"]


def test_the_manifest_describes_reports_is_not_one_and_reports_its_bad_line(built: dict) -> None:
    reports = {f: (url, source) for f, url, source in
               rows(built["warehouse"], "marts.dim_report", "source_file, source_url, province_source")}
    assert set(reports) == set(EXPECTED_REPORTS)  # manifest.csv is not a report
    assert reports["001_084593bdc146d95d.txt"] == ("https://khcncaobang.gov.vn/tin/1", "text")
    assert reports["002_af209421734ca160.txt"] == (None, "text")
    (reason,) = [r for f, r in rows(built["warehouse"], "raw.rejected_reports", "source_file, reason") if f == "manifest.csv"]
    assert reason.startswith("manifest.csv line 3 (missing.txt): names a file that is not in the source folder")


def test_same_content_under_two_names_is_one_report(built: dict) -> None:
    (files,) = [
        r[0] for r in rows(built["warehouse"], "raw.reports", "source_files")
        if "001_084593bdc146d95d.txt" in r[0]
    ]
    assert sorted(files) == ["001_084593bdc146d95d.txt", "copy of 001.txt"]


def test_every_report_has_facts_and_every_fact_table_has_rows(built: dict) -> None:
    reports_with_facts: set[str] = set()
    for table in FACT_TABLES:
        keys = rows(built["warehouse"], f"marts.{table}", "report_key")
        assert keys, f"{table} is empty"
        reports_with_facts |= {k for (k,) in keys}
    all_reports = {k for (k,) in rows(built["warehouse"], "marts.dim_report", "report_key")}
    assert reports_with_facts == all_reports


def test_the_cleaned_records_ratio_is_a_service_fact(built: dict) -> None:
    facts = rows(built["warehouse"], "marts.fct_services", "numerator, denominator, value, unit, province_code")
    assert (451343.0, 434900.0, pytest.approx(103.78), "percent", "40") in facts


def test_the_figure_over_100_percent_is_flagged_with_its_key(built: dict) -> None:
    results = rows(
        built["warehouse"], "quality.check_results", "suite, check_name, asset, severity, passed, offending_keys"
    )
    flagged = [
        r for r in results
        if r[1] == "percent_within_0_100" and r[2] == "marts.fct_services" and not r[4]
    ]
    assert flagged and flagged[0][3] == "warning"
    over_100 = [k for (k,) in rows(built["warehouse"], "marts.fct_services", "fact_key")
                if k in flagged[0][5]]
    assert over_100


def test_dbt_tests_and_gx_suites_land_in_check_results(built: dict) -> None:
    suites = {r[0] for r in rows(built["warehouse"], "quality.check_results", "suite")}
    assert {"dbt_tests", "dbt_source_freshness", "fact_consistency", "report_freshness", "part_whole",
            "ratio_consistency", "province_freshness", "contradictions", "fact_ranges"} <= suites


def test_the_103_78_percent_figure_is_an_anomaly_and_an_alert(built: dict) -> None:
    anomalies = rows(built["warehouse"], "quality.anomalies", "check_name, severity, province_code, quote")
    flagged = {(c, sev) for c, sev, province, quote in anomalies if province == "40" and "451.343/434.900" in (quote or "")}
    assert {("percent_within_0_100", "warning"), ("numerator_within_denominator", "warning")} <= flagged
    alerted = [json.loads(line) for line in built["first_alerts"]]
    assert any(a["kind"] == "new" and "451.343/434.900" in (a["finding"]["quote"] or "") for a in alerted)


def test_the_stated_sums_pass_and_raise_nothing(built: dict) -> None:
    sums = {(total, parts, ok) for total, parts, ok in
            rows(built["warehouse"], "quality.qa_part_whole", "total_value, parts_sum, is_consistent")}
    assert {(10368.0, 10368.0, True), (608.0, 608.0, True), (1762.0, 1762.0, True)} <= sums
    checks = {r[0] for r in rows(built["warehouse"], "quality.anomalies", "check_name")}
    assert "parts_sum_to_total" not in checks
    passed = [r for r in rows(built["warehouse"], "quality.check_results", "check_name, passed")
              if r[0] == "parts_sum_to_total"]
    assert passed and all(ok for _, ok in passed)


def test_freshness_warnings_name_the_provinces_with_old_reports(built: dict) -> None:
    stale = {p for c, p in rows(built["warehouse"], "quality.anomalies", "check_name, province_code")
             if c == "newest_report_within_limit"}
    assert stale == {"04", "49", "36", "72"}  # Nghệ An (40) has no dated report: its own finding
    undated = {p for c, p in rows(built["warehouse"], "quality.anomalies", "check_name, province_code")
               if c == "dated_report_known"}
    assert undated == {"40"}


def test_a_second_run_sends_no_new_alert(built: dict) -> None:
    assert built["alerts"] == built["first_alerts"]


def test_no_gx_data_docs_are_written(built: dict) -> None:
    # Findings are in quality.anomalies, the summary and the report page; GX's site needed CDNs.
    assert not (built["warehouse"].parent / "gx").exists()


def test_check_history_is_appended_not_overwritten(built: dict) -> None:
    run_ids = {r[0] for r in rows(built["warehouse"], "quality.check_results", "run_id")}
    assert run_ids == {built["first"].run_id, built["second"].run_id}


def test_a_rerun_with_the_same_sources_gives_identical_facts(built: dict) -> None:
    again = {t: sorted(rows(built["warehouse"], f"marts.{t}", "fact_key, value")) for t in FACT_TABLES}
    assert again == built["first_facts"]


def test_the_second_run_reads_no_file_it_knows(built: dict) -> None:
    def known_files(result) -> int:
        (materialization,) = [
            m for m in result.asset_materializations_for_node("ingest_reports") if m.asset_key.path == ["raw", "reports"]
        ]
        return materialization.metadata["known_files"].value

    assert (known_files(built["first"]), known_files(built["second"])) == (0, 7)  # 5 samples, a copy, junk


def test_what_the_extractor_knows_reaches_the_raw_observations(built: dict) -> None:
    # stg_observations passes these columns on; its dbt tests (accepted values) run in the build.
    found = set(rows(built["warehouse"], "raw.observations", "figure_kind, scope, target_source"))
    assert {("percent", "prose", "cue"), ("count", "list", "none"), ("ratio", "prose", "none")} <= found


def test_contract_columns_of_the_fact_tables(built: dict) -> None:
    with duckdb.connect(str(built["warehouse"]), read_only=True) as con:
        columns = [c for c in con.table("marts.fct_infrastructure").columns]
    for required in ("report_key", "province_code", "indicator_code", "admin_level", "value", "unit",
                     "numerator", "denominator", "as_of_date", "published_date", "is_target", "evidence"):
        assert required in columns


def test_publishing_exports_every_mart_and_the_report_page(built: dict) -> None:
    folder = built["warehouse"].parent
    exported = {p.stem for p in (folder / "export").glob("*.parquet")}
    assert {"dim_report", "fct_services", "bi_province_scorecard", "bi_coverage"} <= exported
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert page.count('class="chart"') >= 3
    assert list((folder / ".building").iterdir()) == [folder / ".building" / "lock"]


def test_the_facts_carry_the_indicator_the_extract_step_classified(built: dict) -> None:
    with duckdb.connect(str(built["warehouse"]), read_only=True) as con:
        disagreeing = sum(
            con.sql(
                f"select count(*) from marts.fct_{domain} f join raw.observations o on o.observation_key = f.fact_key "
                "where f.indicator_code <> o.indicator_code or o.domain <> $domain",
                params={"domain": domain},
            ).fetchone()[0]
            for domain in ("infrastructure", "services", "workforce")
        )
        unexplained = con.sql(
            "select count(*) from raw.observations where indicator_code <> 'unclassified' and classified_by is null"
        ).fetchone()[0]
        bases = {b for (b,) in con.sql("select distinct base from raw.observations where base is not null").fetchall()}
    assert (disagreeing, unexplained) == (0, 0)
    assert {"officials", "communes"} <= bases


def test_the_in_process_scorer_agrees_with_the_warehouse(built: dict) -> None:
    from dagster_project.evaluation.__main__ import score_set, score_set_fast
    from dagster_project.evaluation.keys import EVAL_SETS, EvalSet

    samples = next(s for s in EVAL_SETS if s.name == "samples")
    if not samples.key.is_file():
        pytest.skip(f"the shared answer key {samples.key} is missing")
    here = EvalSet("samples", built["sources"], samples.key, "the e2e build's sources")
    quiet = lambda _line: None  # noqa: E731
    in_warehouse = score_set(here, built["warehouse"], out=quiet)
    in_process = score_set_fast(here, out=quiet)
    assert in_process == in_warehouse
    assert in_warehouse[0].found > 70  # the comparison is over real matches, not two empty scores
