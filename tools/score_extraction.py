"""Score `extract_observations` against an answer key.

Usage: python tools/score_extraction.py REPORTS_DIR GOLD_JSONL [--docs-tsv TSV] [-v]

Matching rule: a gold figure is found when an extracted row of the same report
has the same value (|a-b| <= 0.01) or, for an x/y figure, the same numerator and
denominator; each row matches at most one gold figure (one-to-one). Recall is over
the gold figures of the domains infrastructure, services and workforce; precision
is rows matching any gold figure / all rows.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.extraction.models import Observation  # noqa: E402
from dagster_project.extraction.observations import extract_observations  # noqa: E402

RECALL_DOMAINS = {"infrastructure", "services", "workforce"}


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 0.01


def _matches(gold: dict, row: Observation) -> bool:
    if _close(gold["value"], row.value):
        return True
    if gold.get("numerator") is not None and gold.get("denominator") is not None:
        return _close(gold["numerator"], row.numerator) and _close(gold["denominator"], row.denominator)
    return False


def _assign(golds: list[dict], rows: list[Observation]) -> tuple[dict[int, int], set[int]]:
    """One-to-one matching by augmenting paths (gold index -> row index)."""
    candidates = [[j for j, r in enumerate(rows) if _matches(g, r)] for g in golds]
    row_owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for j in candidates[g]:
            if j in seen:
                continue
            seen.add(j)
            if j not in row_owner or augment(row_owner[j], seen):
                row_owner[j] = g
                return True
        return False

    # Recall-domain gold first so that "other" figures never steal their rows.
    order = sorted(range(len(golds)), key=lambda g: golds[g]["domain"] not in RECALL_DOMAINS)
    for g in order:
        augment(g, set())
    gold_to_row = {g: j for j, g in row_owner.items()}
    return gold_to_row, set(row_owner)


def _published(docs_tsv: Path | None) -> dict[str, datetime.date]:
    dates: dict[str, datetime.date] = {}
    if docs_tsv is None or not docs_tsv.exists():
        return dates
    lines = docs_tsv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        rec = dict(zip(header, line.split("\t")))
        if rec.get("published"):
            dates[rec["file"]] = datetime.date.fromisoformat(rec["published"])
    return dates


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--docs-tsv", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list matched rows too")
    args = parser.parse_args()

    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold_by_doc[rec["doc"]].append(rec)
    published = _published(args.docs_tsv)

    found = recall_total = matched_rows = total_rows = 0
    for path in sorted(args.reports.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        rows = extract_observations(text, published.get(path.name))
        golds = gold_by_doc.get(path.name, [])
        gold_to_row, used_rows = _assign(golds, rows)
        total_rows += len(rows)
        matched_rows += len(used_rows)
        misses, spurious = [], []
        for g, gold in enumerate(golds):
            if gold["domain"] in RECALL_DOMAINS:
                recall_total += 1
                if g in gold_to_row:
                    found += 1
                else:
                    misses.append(gold)
        spurious = [r for j, r in enumerate(rows) if j not in used_rows]
        if misses or spurious or args.verbose:
            print(f"== {path.name}: {len(rows)} rows, {len(golds)} gold")
        for gold in misses:
            print(f"  MISS  {gold['value']} {gold['unit']} ({gold['numerator']}/{gold['denominator']}) | {gold['quote'][:100]}")
        for r in spurious:
            print(f"  SPUR  {r.value} {r.unit} q={r.quote!r} | {_around(text, r)}")
        if args.verbose:
            for j in sorted(used_rows):
                r = rows[j]
                print(f"  ok    {r.value} {r.unit} {r.admin_level} target={r.is_target} as_of={r.as_of_date} "
                      f"parent={r.parent_ordinal} q={r.quote!r} subj={r.subject!r}")
    recall = found / recall_total if recall_total else 1.0
    precision = matched_rows / total_rows if total_rows else 1.0
    print(f"recall {found}/{recall_total} = {recall:.3f}   precision {matched_rows}/{total_rows} = {precision:.3f}")
    return 0


def _around(text: str, r: Observation) -> str:
    return text[max(0, r.char_start - 50) : r.char_end + 30].replace("\n", " / ")


if __name__ == "__main__":
    raise SystemExit(main())
