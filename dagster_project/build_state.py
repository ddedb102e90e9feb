"""What the last published build was made from, so that a CLI build with nothing new skips.

After every successful publish (all companions written) the file
`.<warehouse name>.last-build.json` beside the published warehouse records the
source folder's fingerprint as the run scanned it (path, size and mtime of every
file), the code version (pipeline, dbt project, suites, lock file), the settings
that change what a build produces, the day (freshness checks are judged against
today) and the published file's size and mtime. `make run` compares it with the
present before starting Dagster: when everything is equal, no alert waits
for delivery and no private copy is left in .building/, the build would
reproduce the published warehouse, so it is not run. Only the CLI skips; the schedule, the sensor and the UI always build.

The file is advisory: a missing, unreadable or foreign one just means "build".
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from dagster_project.atomic_files import write_text_atomically
from dagster_project.settings import Settings

FORMAT = 1


@dataclass(frozen=True)
class LastBuild:
    run_id: str
    published_at: datetime


def _settings_key(settings: Settings) -> dict[str, Any]:
    """The settings a build's output depends on (limits, freshness, where the alerts go)."""
    from dagster_project.alerts import alert_sinks

    return {
        "sources_dir": str(settings.sources_dir),
        "max_file_bytes": settings.max_file_bytes,
        "parse_seconds": settings.parse_seconds,
        "max_text_chars": settings.max_text_chars,
        "freshness_days": settings.freshness_days,
        "alert_sinks": sorted(sink.name for sink in alert_sinks(settings)),
    }


def _published_stat(settings: Settings) -> list[int] | None:
    try:
        stat = settings.warehouse_path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _state(settings: Settings, source_fingerprint: str | None, code_version: str, today: date) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "sources": source_fingerprint,
        "code_version": code_version,
        "settings": _settings_key(settings),
        "day": today.isoformat(),
        "published_file": _published_stat(settings),
    }


def record_publish(settings: Settings, today: date | None = None) -> None:
    """Write the state of the build just published (call after the swap and its companions)."""
    from dagster_project.run_record import latest_published_run

    published = latest_published_run(settings.warehouse_path)
    if published is None or published.published_at is None or not published.source_fingerprint:
        forget(settings)  # nothing reliable to compare with: the next CLI build builds
        return
    write_state(settings, published.source_fingerprint, published.code_version or "", published.run_id,
                published.published_at, today or date.today())


def write_state(settings: Settings, source_fingerprint: str, code_version: str, run_id: str,
                published_at: datetime, today: date) -> None:
    state = _state(settings, source_fingerprint, code_version, today)
    state["run_id"] = run_id
    state["published_at"] = published_at.astimezone(timezone.utc).isoformat()
    write_text_atomically(settings.build_state_file, json.dumps(state, indent=1))


def forget(settings: Settings) -> None:
    settings.build_state_file.unlink(missing_ok=True)


def unchanged_since_publish(settings: Settings, today: date | None = None) -> LastBuild | None:
    """The last publish when a build now would make the same warehouse; else None (build)."""
    if settings.full_refresh:
        return None
    try:
        recorded = json.loads(settings.build_state_file.read_text(encoding="utf-8"))
        run_id, published_at = recorded.pop("run_id"), datetime.fromisoformat(recorded.pop("published_at"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    from dagster_project.ingestion.sources import source_fingerprint
    from dagster_project.run_record import code_version

    if not settings.sources_dir.is_dir():
        return None
    if settings.build_file.exists():
        return None  # a run is building, or a killed run left its copy: the build waits or removes it
    now = _state(settings, source_fingerprint(settings.sources_dir), code_version(), today or date.today())
    if recorded != now or _alerts_waiting(settings):
        return None
    return LastBuild(run_id, published_at)


def _alerts_waiting(settings: Settings) -> bool:
    """Alerts that reached no sink are sent by the next build: it must run."""
    if not settings.alert_state_file.exists():
        return False
    from dagster_project.alerts import alert_sinks
    from dagster_project.alerts.state import AlertStore

    return bool(AlertStore(settings.alert_state_file).undelivered([s.name for s in alert_sinks(settings)]))
