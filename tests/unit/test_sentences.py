"""Check results read as sentences, not GX JSON."""
from __future__ import annotations

from dagster_project.quality.sentences import FindingText, describe_expected, describe_found


def test_expected_values_read_as_words() -> None:
    assert describe_expected('{"expectation": "x", "max_value": 100, "min_value": 0}') == "between 0 and 100"
    assert describe_expected('{"expectation": "x", "value_set": [false]}') == "one of false"
    assert describe_expected('{"expectation": "expect_column_values_to_not_be_null"}') == "a value (not empty)"
    assert describe_expected('{"failures": 0}') == "0 failing rows"


def test_found_is_the_checked_column_of_the_offending_row() -> None:
    assert describe_found("percent_within_0_100", '{"unit": "percent", "value": "103.78"}') == "value = 103.78"
    assert describe_found("newest_report_within_limit", '{"is_stale": "True"}') == "is_stale = True"
    assert describe_found("dated_report_known", '{"province_code": "40"}') == "newest_published_date empty"
    assert describe_found("some_dbt_test", '{"failures": 2}') == "2 failing rows"


def test_a_finding_reads_as_check_report_quote_expected_and_found() -> None:
    text = FindingText("warning", "percent_within_0_100", "marts.fct_services", "A share above 100 % cannot be right",
                       "000_nghe_an.txt", "Nghệ An", "đã làm sạch 451.343/434.900 đối tượng, đạt 103,78%",
                       "between 0 and 100", "value = 103.78")
    assert text.sentence() == (
        "[warning] percent_within_0_100 in 000_nghe_an.txt (Nghệ An): “đã làm sạch 451.343/434.900 đối tượng, "
        "đạt 103,78%”\n    A share above 100 % cannot be right. Expected between 0 and 100, found value = 103.78."
    )
    assert '"unexpected_values"' not in text.sentence()


def test_a_file_name_cannot_forge_lines_or_colour_the_terminal() -> None:
    text = FindingText("warning", "publication_date_known", "marts.dim_report", "no date",
                       "evil\n    [error] fake\x1b[31m.txt")
    first, second = text.sentence().split("\n")
    assert first == "[warning] publication_date_known in evil\\n    [error] fake\\x1b[31m.txt"
    assert second == "    no date."


def test_failed_checks_show_the_first_rows_of_each_check_and_count_the_rest(tmp_path) -> None:
    from datetime import datetime, timezone

    from dagster_project.alerts.model import Finding
    from dagster_project.quality.findings import Anomaly, replace_anomalies
    from dagster_project.quality.results import CheckOutcome, append_check_results
    from dagster_project.quality.sentences import failed_checks
    from dagster_project.warehouse_db import open_warehouse

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    outcomes = [
        CheckOutcome("s", "many", "marts.fct_services", "warning", False, message="m"),
        CheckOutcome("s", "many", "marts.fct_workforce", "warning", False, message="m"),
        CheckOutcome("s", "rowless", "marts.dim_report", "error", False, message="no rows", expected='{"failures": 2}'),
        CheckOutcome("s", "fine", "marts.dim_report", "error", True),
    ]
    anomalies = [Anomaly(Finding(finding_key=f"many|{i:02d}", check_name="many", suite="s", asset="marts.fct_services",
                                 severity="warning", message=f"row {i}")) for i in (5, 1, 4, 2, 3)]
    anomalies.append(Anomaly(Finding(finding_key="many|w", check_name="many", suite="s", asset="marts.fct_workforce",
                                     severity="warning", message="only")))
    with open_warehouse(tmp_path / "w.duckdb") as con:
        append_check_results(con, "run1", now, outcomes)
        replace_anomalies(con, "run1", now, anomalies)
        failed = failed_checks(con, "run1", rows_per_check=3)
    assert [(c.severity, c.check_name, c.asset, c.total) for c in failed] == [
        ("error", "rowless", "marts.dim_report", 1),
        ("warning", "many", "marts.fct_services", 5),
        ("warning", "many", "marts.fct_workforce", 1),
    ]
    assert [t.message for t in failed[1].shown] == ["row 1", "row 2", "row 3"]  # by anomaly key
    assert failed[1].lines()[-1] == "    ... and 2 more rows of many (quality.anomalies)"
    assert failed[0].shown[0].expected == "2 failing rows"
