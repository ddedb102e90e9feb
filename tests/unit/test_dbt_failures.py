"""A failing dbt test is reported with the report and the sentence it points at."""
from __future__ import annotations

from pathlib import Path

import duckdb

from dagster_project.quality.dbt_failures import describe_failed_tests

TEST_ID = "test.pdx_warehouse.relationships_fct_services_as_of_date.abc"
MANIFEST = {"nodes": {
    TEST_ID: {"name": "relationships_fct_services_as_of_date", "attached_node": "model.pdx_warehouse.fct_services",
              "column_name": "as_of_date"},
    "model.pdx_warehouse.fct_services": {"schema": "marts", "name": "fct_services"},
}}
COMPILED = """select as_of_date as from_field from marts.fct_services
              where as_of_date not in (select date_day from marts.dim_date)"""


def test_a_failed_relationship_names_the_report_and_the_sentence(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw; create schema marts")
        con.execute("create table raw.reports as select 'r1' as report_key, 'ha-giang.txt' as source_file")
        con.execute("create table marts.dim_date as select date '2024-01-01' as date_day")
        con.execute("""create table marts.fct_services as
                       select 'r1' as report_key, date '2040-12-31' as as_of_date,
                              'Phấn đấu đến ngày 31/12/2040, 100% xã có cáp quang.' as evidence""")
        details = describe_failed_tests(
            con, {"results": [{"unique_id": TEST_ID, "status": "fail", "compiled_code": COMPILED}]}, MANIFEST)
    assert details == {"relationships_fct_services_as_of_date": [
        "ha-giang.txt: “Phấn đấu đến ngày 31/12/2040, 100% xã có cáp quang.” (as_of_date = 2040-12-31)"]}


def test_passing_tests_are_not_described(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        assert describe_failed_tests(con, {"results": [{"unique_id": TEST_ID, "status": "pass"}]}, MANIFEST) == {}
