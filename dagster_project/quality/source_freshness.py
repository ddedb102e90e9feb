"""dbt source freshness results (target/sources.json) as check outcomes."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dagster_project.quality.results import CheckOutcome, as_text

SUITE = "dbt_source_freshness"


def outcomes_from_sources_json(sources: Mapping[str, Any]) -> list[CheckOutcome]:
    """One outcome per raw table: passed on 'pass', a warning on 'warn', an error otherwise."""
    outcomes = []
    for result in sources.get("results", []):
        _, _, source_name, table = result["unique_id"].split(".", 3)
        status = result.get("status", "runtime error")
        outcomes.append(CheckOutcome(
            suite=SUITE,
            check_name=f"source_freshness_{table}",
            asset=f"{source_name}.{table}",
            severity="warning" if status == "warn" else "error",
            passed=status == "pass",
            observed_value=as_text({
                "status": status,
                "max_loaded_at": result.get("max_loaded_at"),
                "age_seconds": result.get("max_loaded_at_time_ago_in_s"),
            }),
            expected=as_text(result.get("criteria")),
            message=None if status == "pass" else f"raw table {source_name}.{table} is stale ({status})",
        ))
    return outcomes
