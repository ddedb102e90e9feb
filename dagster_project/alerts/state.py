"""Open findings kept in `quality.alert_state`, so each problem alerts once when it
appears and once when it goes away, however many runs see it in between."""
from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from datetime import datetime

import duckdb

from dagster_project.alerts.model import Alert, Finding
from dagster_project.warehouse_db import transaction

log = logging.getLogger(__name__)

ALERT_STATE_DDL = [
    "create schema if not exists quality",
    """create table if not exists quality.alert_state (
        finding_key varchar primary key,
        status varchar not null,
        first_seen_at timestamptz not null,
        last_seen_at timestamptz not null,
        resolved_at timestamptz,
        last_run_id varchar not null,
        finding_json varchar not null
    )""",
]

# Lists are bound as parameters and unnested, because one set-based statement costs
# milliseconds where executemany costs seconds per few thousand rows in DuckDB.
# first_seen_at restarts when a resolved finding comes back: it dates the current episode.
_UPSERT_SEEN = """
insert into quality.alert_state as s
    (finding_key, status, first_seen_at, last_seen_at, resolved_at, last_run_id, finding_json)
select k, 'open', ?, ?, null, ?, j
from (select unnest(?::varchar[]) as k, unnest(?::varchar[]) as j) as seen
on conflict (finding_key) do update set
    status = 'open',
    first_seen_at = case when s.status = 'open' then s.first_seen_at else excluded.first_seen_at end,
    last_seen_at = excluded.last_seen_at,
    resolved_at = null,
    last_run_id = excluded.last_run_id,
    finding_json = excluded.finding_json
"""

_RESOLVE = """
update quality.alert_state
set status = 'resolved', resolved_at = ?, last_run_id = ?
where status = 'open' and finding_key in (select unnest(?::varchar[]))
"""


def ensure_alert_state(con: duckdb.DuckDBPyConnection) -> None:
    for statement in ALERT_STATE_DDL:
        con.execute(statement)


def open_findings(con: duckdb.DuckDBPyConnection) -> dict[str, Finding]:
    rows = con.execute(
        "select finding_key, finding_json from quality.alert_state where status = 'open'"
    ).fetchall()
    return {key: Finding.from_dict(json.loads(payload)) for key, payload in rows}


def reconcile(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    findings: Sequence[Finding],
    now: datetime,
    scope: Collection[str] | None = None,
) -> list[Alert]:
    """Record this run's findings and return the alerts they cause: "new" for a finding
    not open before (including one that was resolved and came back), "resolved" for an
    open finding this run no longer sees. `scope` names the checks or suites this run
    evaluated; open findings of any other check stay open (None: every check ran)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (timestamptz would read it as local time)")
    current = _unique_by_key(findings)
    ensure_alert_state(con)
    with transaction(con):
        previously_open = open_findings(con)
        appeared = [f for key, f in current.items() if key not in previously_open]
        gone = [
            f for key, f in previously_open.items()
            if key not in current and _in_scope(f, scope)
        ]
        _record_seen(con, run_id, list(current.values()), now)
        _record_resolved(con, run_id, [f.finding_key for f in gone], now)
    return [Alert("new", f, run_id, now) for f in _ordered(appeared)] + [
        Alert("resolved", f, run_id, now) for f in _ordered(gone)
    ]


def _unique_by_key(findings: Sequence[Finding]) -> dict[str, Finding]:
    # Two different findings under one key would silently merge into one alert: say so.
    unique: dict[str, Finding] = {}
    for finding in findings:
        kept = unique.setdefault(finding.finding_key, finding)
        if kept != finding:
            log.warning("two different findings share the key %r; keeping the first", finding.finding_key)
    return unique


def _in_scope(finding: Finding, scope: Collection[str] | None) -> bool:
    return scope is None or finding.check_name in scope or finding.suite in scope


def _ordered(findings: list[Finding]) -> list[Finding]:
    # Stable order, so alert files and mailboxes read the same way on every run.
    return sorted(findings, key=lambda f: f.finding_key)


def _record_seen(con: duckdb.DuckDBPyConnection, run_id: str, findings: list[Finding], now: datetime) -> None:
    if not findings:
        return
    keys = [f.finding_key for f in findings]
    payloads = [json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) for f in findings]
    con.execute(_UPSERT_SEEN, [now, now, run_id, keys, payloads])


def _record_resolved(con: duckdb.DuckDBPyConnection, run_id: str, keys: list[str], now: datetime) -> None:
    if keys:
        con.execute(_RESOLVE, [now, run_id, keys])
