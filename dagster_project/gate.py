"""The publish gate: every run that changes warehouse tables ends here.

Whatever started the run (the CLI, the UI with one asset or all, the schedule,
the sensor), its private copy is either published through `publish_checked`
(no error-level check failed in this run, and it would not drop more than the
allowed share of reports) or removed by `discard`, leaving the published file
and its companions as they were.

After the swap come the companions, in `write_companions`: files derived from
the published warehouse, each written from the published file (never the
copy), each failure reported without hiding the others. Then the alerts (see
alerts/notify.py), from the published state.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dagster_project import publishing, run_record
from dagster_project.dbt_docs import publish_dbt_docs
from dagster_project.exports import export_marts
from dagster_project.quality.sentences import failed_checks
from dagster_project.reporting.report_page import write_report_page
from dagster_project.settings import Settings
from dagster_project.timings import timed
from dagster_project.warehouse_db import open_warehouse, table_exists

ERRORS_SHOWN = 10


class GateRefused(RuntimeError):
    """The build was not published (and was removed); the published warehouse is unchanged."""


class CompanionsFailed(RuntimeError):
    """The warehouse was published, but some file derived from it could not be written."""


def _report_count(path: Path) -> int:
    if not path.exists():
        return 0
    with open_warehouse(path, read_only=True) as con:
        return con.table("raw.reports").count("*").fetchone()[0] if table_exists(con, "raw", "reports") else 0


def refusals(settings: Settings, run_id: str) -> list[str]:
    """Why this run's private copy must not be published: sentences naming the check,
    the report and the sentence of every error, or the reports it would drop."""
    reasons: list[str] = []
    with open_warehouse(settings.build_file, read_only=True) as con:
        errors = failed_checks(con, run_id, severity="error")
    for check in errors[:ERRORS_SHOWN]:
        reasons += check.lines()
    if len(errors) > ERRORS_SHOWN:
        reasons.append(f"... and {len(errors) - ERRORS_SHOWN} more failed error-level checks")
    shrink = publishing.Shrink(_report_count(settings.warehouse_path), _report_count(settings.build_file))
    refusal = publishing.shrink_refusal(shrink, settings.max_shrink_share, settings.allow_shrink)
    if refusal:
        reasons.append(refusal)
    return reasons


def discard(settings: Settings, run_id: str) -> bool:
    """Remove this run's private copy (if any); the published warehouse stays as it is."""
    return publishing.discard_build(settings.warehouse_path, run_id)


def publish_checked(settings: Settings, run_id: str, started_at: datetime, now: datetime) -> Path:
    """Publish this run's private copy through the gate, or remove it and raise GateRefused."""
    build = settings.build_file
    if not publishing.holds_build(run_id) or not build.exists():
        raise publishing.PublishError(f"nothing to publish: this run built no private copy ({build})")
    reasons = refusals(settings, run_id)
    if reasons:
        discard(settings, run_id)
        raise GateRefused(
            "Not published: " + "\n".join(reasons)
            + f"\nThe published warehouse {settings.warehouse_path} is unchanged; this run's copy was removed."
        )
    with open_warehouse(build) as con:
        run_record.complete_run(con, run_id, started_at, now)
    return publishing.publish(settings.warehouse_path, run_id)


Companion = Callable[[Settings, str, datetime], Path]


def _export(settings: Settings, run_id: str, now: datetime) -> Path:
    export_marts(settings.warehouse_path, settings.export_dir, run_id)
    return settings.export_dir


def _report_page(settings: Settings, run_id: str, now: datetime) -> Path:
    with open_warehouse(settings.warehouse_path, read_only=True) as con:
        return write_report_page(con, settings.report_page, now)


def _dbt_docs(settings: Settings, run_id: str, now: datetime) -> Path:
    return publish_dbt_docs(settings.warehouse_path, settings.docs_dir)


# Files written after the swap, from the published warehouse. Add one here (name, function).
COMPANIONS: list[tuple[str, Companion]] = [
    ("parquet export", _export),
    ("report page", _report_page),
    ("dbt docs", _dbt_docs),
]
# The stage each companion's time counts under in PDX_TIMINGS_FILE (`make bench`).
_STAGE = {"parquet export": "export", "report page": "report", "dbt docs": "docs"}


@dataclass(frozen=True)
class Companions:
    written: dict[str, Path]
    failed: dict[str, str]


def write_companions(settings: Settings, run_id: str, now: datetime) -> Companions:
    """Every companion of the published warehouse; one failing does not stop the others."""
    written: dict[str, Path] = {}
    failed: dict[str, str] = {}
    for name, write in COMPANIONS:
        try:
            with timed(_STAGE.get(name, name)):
                written[name] = write(settings, run_id, now)
        except Exception as error:  # noqa: BLE001 - each companion's failure is reported, none hides another
            failed[name] = f"{type(error).__name__}: {error}"
    return Companions(written, failed)
