"""Writing a composed set's answer key (`key.jsonl`) from compact rows.

Every composed set under tests/fixtures has a `compose_key.py` that lists its figures as
`row(...)` calls per report and calls `write_key`. This module fills the shared key
format (one JSON object a line, as ../shared/gold/seeds_gold.jsonl), takes each code's
domain from the taxonomy seed, and checks that every quote is a verbatim excerpt of its
report as the ingestion readers give it (or as read, with page furniture left out).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dagster_project.extraction.layout import read_layout
from dagster_project.extraction.taxonomy import taxonomy
from dagster_project.ingestion.documents import read_document

ACTUAL, TARGET, PERCENT = "actual", "target", "percent"


def row(
    value: float, code: str, quote: str, unit: str = "count", kind: str = ACTUAL, level: str = "unspecified",
    as_of: str | None = None, num: float | None = None, den: float | None = None, subject: str = "",
    note: str | None = None,
) -> dict:
    """One key figure: its value, taxonomy code, the quote it stands in and what the key says of it."""
    return dict(value=value, unit=unit, numerator=num, denominator=den, kind=kind, taxonomy_code=code,
                admin_level=level, as_of=as_of, quote=quote, subject_vi=subject, note=note)


@dataclass(frozen=True)
class KeyedReport:
    file: str  # under reports/
    province: str | None
    published: str | None  # YYYY-MM-DD
    source: str | None  # the site or host the report came from
    rows: list[dict]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).lower()).strip()


def write_key(
    base: Path, reports: Iterable[KeyedReport], also_as: Callable[[str], str] | None = None
) -> int:
    """Write base/key.jsonl; print every quote that is no excerpt of its report and return
    how many. `also_as` gives another reading of a report's text to check quotes against
    (a set's own rule for its page furniture)."""
    tax = taxonomy()
    out: list[str] = []
    bad = 0
    for report in reports:
        text = read_document(report.file, (base / "reports" / report.file).read_bytes()).text
        readings = [_norm(text), _norm(read_layout(text).reading)] + ([_norm(also_as(text))] if also_as else [])
        for item in report.rows:
            if not any(_norm(item["quote"]) in reading for reading in readings):
                print("QUOTE NOT VERBATIM", report.file, item["quote"])
                bad += 1
            code = item["taxonomy_code"]
            out.append(json.dumps({
                "doc": report.file, "province": report.province, "published": report.published,
                "as_of": item["as_of"], "domain": tax[code].domain, "indicator": code,
                "admin_level": item["admin_level"], "subject_vi": item["subject_vi"] or None,
                "value": item["value"], "unit": item["unit"], "numerator": item["numerator"],
                "denominator": item["denominator"], "kind": item["kind"], "quote": item["quote"],
                "source": report.source, "note": item["note"], "taxonomy_code": code,
            }, ensure_ascii=False))
    (base / "key.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    in_domain = sum(1 for line in out if '"domain": "other"' not in line)
    print(len(out), "figures;", in_domain, "in domain; bad quotes", bad)
    return bad
