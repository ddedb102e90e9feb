"""Alert state in its own small SQLite file beside the warehouse: open findings and an outbox.

Why not in the warehouse: the published DuckDB file is open read-only by BI
tools and only ever replaced whole, so state written after the swap cannot go
into it. SQLite (stdlib) gives transactions and a lock of its own.

- `findings`: each problem open or resolved, so it alerts once when it appears
  and once when it goes away, however many runs see it in between.
- `reconciled`: the publications already compared with `findings`; reconciling
  one twice (a rerun of the alert step) adds nothing.
- `outbox` and `deliveries`: every alert made, and for each sink configured when
  it was made, whether that sink took it. Delivery is at-least-once: an alert is
  marked delivered only after the sink took it, so a killed run repeats at most
  the batch it was sending and loses nothing; `dedupe_key` (finding, kind and
  episode) keeps one alert per change of state.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dagster_project.alerts.model import Alert, Finding

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 120  # another process delivering holds the lock for a send or two

SCHEMA = """
create table if not exists findings (
    finding_key text primary key,
    status text not null check (status in ('open', 'resolved')),
    first_seen_at text not null,
    last_seen_at text not null,
    resolved_at text,
    last_run_id text not null,
    finding_json text not null
);
create table if not exists reconciled (
    publication text primary key,
    run_id text not null,
    reconciled_at text not null
);
create table if not exists outbox (
    alert_id integer primary key autoincrement,
    dedupe_key text not null unique,
    kind text not null,
    severity text not null,
    run_id text not null,
    created_at text not null,
    alert_json text not null
);
create table if not exists deliveries (
    alert_id integer not null references outbox (alert_id),
    sink text not null,
    delivered_at text,
    attempts integer not null default 0,
    last_error text,
    primary key (alert_id, sink)
);
create index if not exists deliveries_pending on deliveries (sink) where delivered_at is null;
"""


@dataclass(frozen=True)
class PendingAlert:
    alert_id: int
    alert: Alert


def _alert_from_json(payload: str) -> Alert:
    data = json.loads(payload)
    return Alert(
        kind=data["kind"],
        finding=Finding.from_dict(data["finding"]),
        run_id=data["run_id"],
        sent_at=datetime.fromisoformat(data["sent_at"]),
    )


class AlertStateError(RuntimeError):
    """The alert state file could not be read or written; nothing in it changed."""


class AlertStore:
    """The alert state file. Every method is one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        try:
            with self._transaction(immediate) as con:
                yield con
        except (sqlite3.Error, OSError) as error:
            raise AlertStateError(
                f"alert state {self.path}: {error}; nothing was changed in it, the next run tries again"
            ) from error

    @contextmanager
    def _transaction(self, immediate: bool) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            con.executescript(SCHEMA)
            con.execute("begin immediate" if immediate else "begin")
            try:
                yield con
            except BaseException:
                con.execute("rollback")
                raise
            con.execute("commit")
        finally:
            con.close()

    # --- findings -------------------------------------------------------------------------

    def open_findings(self) -> dict[str, Finding]:
        with self._connect() as con:
            return self._open(con)

    @staticmethod
    def _open(con: sqlite3.Connection) -> dict[str, Finding]:
        rows = con.execute("select finding_key, finding_json from findings where status = 'open'").fetchall()
        return {key: Finding.from_dict(json.loads(payload)) for key, payload in rows}

    def is_new(self) -> bool:
        """True before the first reconciliation (nothing known about open findings yet)."""
        with self._connect() as con:
            return con.execute("select not exists (select 1 from reconciled)").fetchone()[0] == 1

    def adopt_open_findings(self, findings: Sequence[Finding], run_id: str, now: datetime) -> None:
        """Take over findings already alerted elsewhere (an older layout's state) without alerting."""
        with self._connect(immediate=True) as con:
            _record_seen(con, run_id, list(_unique_by_key(findings).values()), now)

    def reconcile(
        self,
        publication: str,
        run_id: str,
        findings: Sequence[Finding],
        now: datetime,
        sinks: Sequence[str],
        scope: Collection[str] | None = None,
    ) -> list[Alert]:
        """Compare a publication's findings with the open ones; queue the alerts for `sinks`.

        "new" for a finding not open before (including one that was resolved and came
        back), "resolved" for an open finding this publication no longer has, if its
        check is in `scope` (the checks or suites the publishing run evaluated; None:
        all). A publication already reconciled yields nothing.
        """
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        current = _unique_by_key(findings)
        with self._connect(immediate=True) as con:
            if con.execute("select 1 from reconciled where publication = ?", [publication]).fetchone():
                return []
            previously_open = self._open(con)
            appeared = [f for key, f in current.items() if key not in previously_open]
            gone = [f for key, f in previously_open.items() if key not in current and _in_scope(f, scope)]
            _record_seen(con, run_id, list(current.values()), now)
            con.executemany(
                "update findings set status = 'resolved', resolved_at = ?, last_run_id = ? "
                "where finding_key = ? and status = 'open'",
                [(now.isoformat(), run_id, f.finding_key) for f in gone],
            )
            alerts = [Alert("new", f, run_id, now) for f in _ordered(appeared)] + [
                Alert("resolved", f, run_id, now) for f in _ordered(gone)
            ]
            for alert in alerts:
                _enqueue(con, alert, f"{alert.finding.finding_key}|{alert.kind}|{now.isoformat()}", sinks)
            con.execute("insert into reconciled values (?, ?, ?)", [publication, run_id, now.isoformat()])
        return alerts

    # --- outbox ---------------------------------------------------------------------------

    def enqueue(self, alert: Alert, dedupe_key: str, sinks: Sequence[str]) -> bool:
        """Queue one alert (e.g. a failed run) unless one with this key was ever queued."""
        with self._connect(immediate=True) as con:
            return _enqueue(con, alert, dedupe_key, sinks)

    def pending(self, sink: str) -> list[PendingAlert]:
        with self._connect() as con:
            rows = con.execute(
                """select o.alert_id, o.alert_json from deliveries d join outbox o using (alert_id)
                   where d.sink = ? and d.delivered_at is null order by o.alert_id""",
                [sink],
            ).fetchall()
        return [PendingAlert(alert_id, _alert_from_json(payload)) for alert_id, payload in rows]

    @contextmanager
    def delivering(self, sink: str, alert_ids: Sequence[int]) -> Iterator[None]:
        """Hold the state's lock while a batch is sent, then mark it delivered to `sink`.

        Another process that delivers waits rather than sending the same batch; if
        the send raises, nothing is marked and the batch stays pending.
        """
        with self._connect(immediate=True) as con:
            still_pending = {
                alert_id for (alert_id,) in con.execute(
                    "select alert_id from deliveries where sink = ? and delivered_at is null", [sink]
                ).fetchall()
            }
            if not set(alert_ids) <= still_pending:
                raise RuntimeError(f"alerts for {sink} were delivered meanwhile by another process")
            yield
            con.executemany(
                "update deliveries set delivered_at = datetime('now'), attempts = attempts + 1, last_error = null "
                "where alert_id = ? and sink = ?",
                [(alert_id, sink) for alert_id in alert_ids],
            )

    def record_failure(self, sink: str, alert_ids: Sequence[int], error: str) -> None:
        with self._connect(immediate=True) as con:
            con.executemany(
                "update deliveries set attempts = attempts + 1, last_error = ? where alert_id = ? and sink = ?",
                [(error, alert_id, sink) for alert_id in alert_ids],
            )

    def undelivered(self, sinks: Sequence[str]) -> list[Alert]:
        """Alerts that none of `sinks` has taken (though queued for at least one of them)."""
        marks = ",".join("?" for _ in sinks) or "null"
        with self._connect() as con:
            rows = con.execute(
                f"""select o.alert_json from outbox o
                    where exists (select 1 from deliveries d where d.alert_id = o.alert_id and d.sink in ({marks}))
                      and not exists (select 1 from deliveries d where d.alert_id = o.alert_id
                                      and d.delivered_at is not null)
                    order by o.alert_id""",
                list(sinks),
            ).fetchall()
        return [_alert_from_json(payload) for (payload,) in rows]

    def alerts_of_run(self, run_id: str) -> list[tuple[Alert, dict[str, bool]]]:
        """Each alert a run made, with which sinks took it."""
        with self._connect() as con:
            rows = con.execute(
                """select o.alert_id, o.alert_json, d.sink, d.delivered_at is not null
                   from outbox o left join deliveries d using (alert_id)
                   where o.run_id = ? order by o.alert_id, d.sink""",
                [run_id],
            ).fetchall()
        alerts: dict[int, tuple[Alert, dict[str, bool]]] = {}
        for alert_id, payload, sink, delivered in rows:
            entry = alerts.setdefault(alert_id, (_alert_from_json(payload), {}))
            if sink is not None:
                entry[1][sink] = bool(delivered)
        return list(alerts.values())


def _enqueue(con: sqlite3.Connection, alert: Alert, dedupe_key: str, sinks: Sequence[str]) -> bool:
    cursor = con.execute(
        """insert into outbox (dedupe_key, kind, severity, run_id, created_at, alert_json)
           values (?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing""",
        [dedupe_key, alert.kind, alert.finding.severity, alert.run_id, alert.sent_at.isoformat(),
         json.dumps(alert.to_dict(), ensure_ascii=False, sort_keys=True)],
    )
    if cursor.rowcount == 0:
        return False
    con.executemany(
        "insert into deliveries (alert_id, sink) values (?, ?)", [(cursor.lastrowid, sink) for sink in sinks]
    )
    return True


def _record_seen(con: sqlite3.Connection, run_id: str, findings: list[Finding], now: datetime) -> None:
    # first_seen_at restarts when a resolved finding comes back: it dates the current episode.
    con.executemany(
        """insert into findings (finding_key, status, first_seen_at, last_seen_at, resolved_at, last_run_id,
                                 finding_json)
           values (?, 'open', ?, ?, null, ?, ?)
           on conflict (finding_key) do update set
               status = 'open',
               first_seen_at = case when findings.status = 'open' then findings.first_seen_at
                                    else excluded.first_seen_at end,
               last_seen_at = excluded.last_seen_at,
               resolved_at = null,
               last_run_id = excluded.last_run_id,
               finding_json = excluded.finding_json""",
        [
            (f.finding_key, now.isoformat(), now.isoformat(), run_id,
             json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True))
            for f in findings
        ],
    )


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
