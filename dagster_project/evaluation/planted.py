"""Planted inconsistencies (`anomalies.jsonl` beside a key) against the warehouse's findings.

Each line of `anomalies.jsonl` names a report (`doc`), the check that should flag
it (`check`, as in quality.anomalies.check_name) and a verbatim excerpt of the
flagged sentence or row (`quote`); lines that share a `group` are one planted
inconsistency with several flagged figures (the two sides of a contradiction).

A planted inconsistency is flagged when a data finding (a row of
quality.anomalies about a figure) of that check, in that report, has evidence
that matches the quote by the strict rule's evidence test. Every other data
finding is "not planted": a false alarm, unless the composed reports hold a
real inconsistency nobody planted.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dagster_project.evaluation.strict import evidence_matches


@dataclass(frozen=True)
class Planted:
    group: str
    doc: str
    check: str
    quote: str


@dataclass(frozen=True)
class Finding:
    check: str
    doc: str | None
    quote: str


@dataclass(frozen=True)
class PlantedScore:
    groups: int
    flagged: tuple[str, ...]  # groups flagged
    missed: tuple[Planted, ...]  # lines of groups not flagged
    not_planted: tuple[Finding, ...]

    def lines(self, verbose: bool = False) -> list[str]:
        out = [
            f"planted inconsistencies flagged {len(self.flagged)} of {self.groups}",
            f"data-anomaly findings not planted: {len(self.not_planted)}",
        ]
        if verbose:
            out += [f"  NOT FLAGGED {p.doc} [{p.check}] {p.quote[:90]}" for p in self.missed]
            out += [f"  NOT PLANTED {f.doc} [{f.check}] {f.quote[:110]}" for f in self.not_planted]
        return out


def load_planted(path: Path) -> list[Planted]:
    planted = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                planted.append(Planted(str(item.get("group", number)), item["doc"], item["check"], item["quote"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a planted inconsistency (needs doc, check, quote): {exc}") from exc
    return planted


def score_planted(planted: Sequence[Planted], findings: Sequence[Finding]) -> PlantedScore:
    flagged: set[str] = set()
    used: set[int] = set()
    for p in planted:
        for k, f in enumerate(findings):
            if f.check == p.check and f.doc == p.doc and evidence_matches(p.quote, f.quote):
                flagged.add(p.group)
                used.add(k)
    groups = list(dict.fromkeys(p.group for p in planted))
    missed = tuple(p for p in planted if p.group not in flagged)
    return PlantedScore(
        groups=len(groups),
        flagged=tuple(g for g in groups if g in flagged),
        missed=missed,
        not_planted=tuple(f for k, f in enumerate(findings) if k not in used),
    )


def read_findings(con, doc_of_report: Mapping[str, str]) -> list[Finding]:  # noqa: ANN001 - a DuckDB connection
    """Findings of quality.anomalies that are about one figure (a fact key), with their report file."""
    rows = con.sql(
        "select check_name, report_key, coalesce(quote, '') from quality.anomalies where fact_key is not null"
    ).fetchall()
    return [Finding(check, doc_of_report.get(report_key or ""), quote) for check, report_key, quote in rows]
