"""Score the warehouse against a hand-made answer key (`make eval`).

Matching rule (the same for everyone, so numbers agree): an answer-key figure of
domain infrastructure, services or workforce is found when a row of the three
fact tables for the same report (matched by dim_report.source_file) has the same
value (|a-b| <= 0.01) or, for an "x/y" figure, the same numerator and
denominator. Each row matches at most one figure.
  recall           = found / answer-key figures of the three domains
  precision        = fact rows matching any answer-key figure (any domain) / all fact rows
  domain agreement = matched rows whose table is the figure's domain / matched rows
  province right   = reports whose dim_report.province_code is the key's province
Which row pairs with which figure is a maximum-weight matching (see
pair_weight): as many matches as possible, the three domains' figures first,
then the most similar quote.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from dagster_project.settings import DBT_PROJECT_DIR, PROJECT_ROOT

FACT_DOMAINS = ("infrastructure", "services", "workforce")
SHARED = PROJECT_ROOT.parent / "shared"
DEFAULT_SOURCES = SHARED / "seeds"
DEFAULT_GOLD = SHARED / "gold" / "seeds_gold.jsonl"
TOLERANCE = 0.01


@dataclass(frozen=True)
class GoldFigure:
    doc: str
    domain: str
    value: float
    numerator: float | None
    denominator: float | None
    quote: str


@dataclass(frozen=True)
class FactRow:
    source_file: str
    table_domain: str
    value: float
    numerator: float | None
    denominator: float | None
    quote: str
    evidence: str


@dataclass
class DocScore:
    doc: str
    gold: int = 0  # figures of the three domains
    found: int = 0
    rows: int = 0
    matched_rows: int = 0
    agreeing_rows: int = 0
    missed: list[GoldFigure] = field(default_factory=list)
    spurious: list[FactRow] = field(default_factory=list)


def figure_matches(gold: GoldFigure, row: FactRow) -> bool:
    if abs(gold.value - row.value) <= TOLERANCE:
        return True
    if gold.numerator is not None and gold.denominator is not None:
        return row.numerator == gold.numerator and row.denominator == gold.denominator
    return False


def _tokens(text: str) -> set[str]:
    return {t for t in unicodedata.normalize("NFC", text).casefold().split() if len(t) > 1}


def pair_weight(gold: GoldFigure, row: FactRow) -> int:
    """Weight of a candidate pair; 0 means no match.

    A maximum-weight matching first maximises the number of matches (1000 each)
    and the figures of the three domains among them (recall), then pairs each
    row with the figure whose quote its sentence shares most words with (the
    true pair when a value such as 100 % occurs many times), then domain agreement.
    """
    if not figure_matches(gold, row):
        return 0
    gold_words = _tokens(gold.quote)
    overlap = len(gold_words & _tokens(row.evidence)) / len(gold_words) if gold_words else 0.0
    return (
        1000
        + (200 if gold.domain in FACT_DOMAINS else 0)
        + round(100 * overlap)
        + (1 if row.table_domain == gold.domain else 0)
    )


def max_weight_matching(weights: list[list[int]]) -> dict[int, int]:
    """Hungarian algorithm on a figures x rows weight matrix; returns figure -> row for positive pairs."""
    if not weights or not weights[0]:
        return {}
    transposed = len(weights) > len(weights[0])
    matrix = [list(col) for col in zip(*weights)] if transposed else weights
    n, m = len(matrix), len(matrix[0])
    top = max(max(r) for r in matrix)
    cost = [[top - w for w in r] for r in matrix]
    u, v = [0] * (n + 1), [0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [float("inf")] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = {owner[j] - 1: j - 1 for j in range(1, m + 1) if owner[j]}
    if transposed:
        pairs = {j: i for i, j in pairs.items()}
    return {i: j for i, j in pairs.items() if weights[i][j] > 0}


def score_document(doc: str, figures: Sequence[GoldFigure], rows: Sequence[FactRow]) -> DocScore:
    matching = max_weight_matching([[pair_weight(f, r) for r in rows] for f in figures])
    core = {i for i, f in enumerate(figures) if f.domain in FACT_DOMAINS}
    score = DocScore(doc=doc, gold=len(core), rows=len(rows))
    score.found = sum(1 for i in matching if i in core)
    score.matched_rows = len(matching)
    score.agreeing_rows = sum(1 for i, j in matching.items() if rows[j].table_domain == figures[i].domain)
    score.missed = [figures[i] for i in sorted(core) if i not in matching]
    matched_rows = set(matching.values())
    score.spurious = [r for j, r in enumerate(rows) if j not in matched_rows]
    return score


def load_gold(path: Path) -> list[GoldFigure]:
    figures = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                figures.append(GoldFigure(
                    doc=item["doc"], domain=item["domain"], value=float(item["value"]),
                    numerator=_float(item.get("numerator")), denominator=_float(item.get("denominator")),
                    quote=item.get("quote") or "",
                ))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"{path}:{number}: not an answer-key figure ({exc})") from exc
    return figures


def load_gold_documents(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """doc -> (province name, published 'YYYY-MM-DD' or 'YYYY-MM' or None) from the key."""
    docs: dict[str, tuple[str | None, str | None]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                docs.setdefault(item["doc"], (item.get("province"), item.get("published")))
    return docs


def _float(value: object) -> float | None:
    return None if value is None else float(value)


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().strip()
    for prefix in ("thành phố ", "tp. ", "tp ", "tỉnh "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("đ", "d")


def province_codes_by_name() -> dict[str, str]:
    with (DBT_PROJECT_DIR / "seeds" / "provinces.csv").open(encoding="utf-8") as handle:
        return {_name_key(row["name_vi"]): row["gso_code"] for row in csv.DictReader(handle)}


def read_warehouse(warehouse: Path) -> tuple[pl.DataFrame, list[FactRow]]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.table("marts.dim_report").pl()
        rows: list[FactRow] = []
        for domain in FACT_DOMAINS:
            facts = con.table(f"marts.fct_{domain}").pl().join(
                reports.select("report_key", "source_file"), on="report_key", how="left"
            )
            for fact in facts.iter_rows(named=True):
                rows.append(FactRow(
                    source_file=fact["source_file"], table_domain=domain, value=fact["value"],
                    numerator=fact["numerator"], denominator=fact["denominator"],
                    quote=fact["quote"], evidence=fact["evidence"],
                ))
    return reports, rows


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def print_report(
    scores: list[DocScore], reports: pl.DataFrame, documents: dict[str, tuple[str | None, str | None]],
    out: Callable[[str], None] = print,
) -> dict[str, float]:
    codes = province_codes_by_name()
    found = {row["source_file"]: row for row in reports.iter_rows(named=True)}
    out(f"{'report':<32} {'gold':>4} {'found':>5} {'rows':>4} {'recall':>6} {'prec':>5} {'domain':>6}  province  published")
    province_right = published_right = 0
    for s in scores:
        name, published = documents.get(s.doc, (None, None))
        expected_code = codes.get(_name_key(name)) if name else None
        report = found.get(s.doc)
        got_code = report["province_code"] if report else None
        got_date = str(report["published_date"]) if report and report["published_date"] else None
        date_ok = (got_date or None) == published if published is None or len(published) == 10 else (
            got_date is not None and got_date.startswith(published))
        province_right += got_code == expected_code
        published_right += bool(date_ok)
        out(f"{s.doc[:32]:<32} {s.gold:>4} {s.found:>5} {s.rows:>4} {_ratio(s.found, s.gold):>6.2f} "
            f"{_ratio(s.matched_rows, s.rows):>5.2f} {_ratio(s.agreeing_rows, s.matched_rows):>6.2f}  "
            f"{'ok' if got_code == expected_code else f'{got_code}≠{expected_code}':<8}  "
            f"{'ok' if date_ok else f'{got_date}≠{published}'}")
    totals = {
        "recall": _ratio(sum(s.found for s in scores), sum(s.gold for s in scores)),
        "precision": _ratio(sum(s.matched_rows for s in scores), sum(s.rows for s in scores)),
        "domain_agreement": _ratio(sum(s.agreeing_rows for s in scores), sum(s.matched_rows for s in scores)),
        "province_right": province_right,
        "published_right": published_right,
        "reports": len(scores),
    }
    out("")
    for s in scores:
        for f in s.missed:
            out(f"  MISSED   {s.doc[:24]} [{f.domain}] {f.value:g}: {f.quote[:110]}")
    for s in scores:
        for r in s.spurious:
            out(f"  SPURIOUS {s.doc[:24]} [{r.table_domain}] {r.value:g} '{r.quote}': {r.evidence[:100]}")
    out("")
    out(f"TOTAL recall {totals['recall']:.3f}  precision {totals['precision']:.3f}  "
        f"domain agreement {totals['domain_agreement']:.3f}  province right {province_right}/{len(scores)}  "
        f"published right {published_right}/{len(scores)}")
    return totals


def domain_recall(scores: list[DocScore], figures: list[GoldFigure]) -> dict[str, tuple[int, int]]:
    missed = defaultdict(int)
    for s in scores:
        for f in s.missed:
            missed[f.domain] += 1
    totals = defaultdict(int)
    for f in figures:
        if f.domain in FACT_DOMAINS:
            totals[f.domain] += 1
    return {d: (totals[d] - missed[d], totals[d]) for d in FACT_DOMAINS}


def evaluate(warehouse: Path, gold_path: Path, out: Callable[[str], None] = print) -> dict[str, float]:
    figures = load_gold(gold_path)
    documents = load_gold_documents(gold_path)
    reports, rows = read_warehouse(warehouse)
    by_doc_rows: dict[str, list[FactRow]] = defaultdict(list)
    for row in rows:
        by_doc_rows[row.source_file].append(row)
    by_doc_gold: dict[str, list[GoldFigure]] = defaultdict(list)
    for figure in figures:
        by_doc_gold[figure.doc].append(figure)
    docs = sorted(set(by_doc_gold) | set(reports["source_file"].to_list()))
    scores = [score_document(d, by_doc_gold.get(d, []), by_doc_rows.get(d, [])) for d in docs]
    totals = print_report(scores, reports, documents, out)
    for domain, (hit, total) in domain_recall(scores, figures).items():
        out(f"  {domain:<15} recall {hit}/{total} = {_ratio(hit, total):.3f}")
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path(os.environ.get("GOLD") or DEFAULT_GOLD))
    parser.add_argument("--no-build", action="store_true", help="score the warehouse as it is")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"answer key {args.gold} not found: pass GOLD=path/to/key.jsonl", file=sys.stderr)
        return 2
    os.environ.setdefault("PDX_SOURCES_DIR", str(DEFAULT_SOURCES))
    os.environ.setdefault("PDX_WAREHOUSE", str(PROJECT_ROOT / "warehouse" / "eval.duckdb"))
    from dagster_project.settings import load_settings

    settings = load_settings()
    if not args.no_build:
        from dagster_project.cli import build

        build()  # warning-level findings are expected here; the score is what matters
    print(f"\nScoring {settings.warehouse_path} against {args.gold}\n")
    evaluate(settings.warehouse_path, args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
