"""`make eval`: build a warehouse per evaluation set and score it with the strict rule.

    python -m dagster_project.evaluation                  # every set that is present
    python -m dagster_project.evaluation --set devset -v  # one set, with misses and extras
    python -m dagster_project.evaluation --fast           # no warehouse: seconds, same rule
    GOLD=key.jsonl PDX_SOURCES_DIR=reports/ make eval      # your own set

F1 is the headline; see strict.py for the rule. Scores on the shared sets are
training scores: the rules were written while reading them.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from dagster_project.evaluation.keys import EVAL_SETS, EvalSet, KeyDocument, load_key, province_code, refines_map
from dagster_project.evaluation.planted import PlantedScore, load_planted, read_findings, score_planted
from dagster_project.evaluation.strict import (
    FACT_DOMAINS, DocScore, FactRow, Totals, quote_offset, score_document, totals,
)
from dagster_project.settings import load_settings


def read_fact_rows(warehouse: Path) -> tuple[list[FactRow], dict[str, dict]]:
    """Fact rows of the three marts, and dim_report per source file (every name of a report)."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.sql(
            "select report_key, source_file, province_code, published_date from marts.dim_report"
        ).fetchall()
        names = dict(con.sql("select report_key, source_files from raw.reports").fetchall())
        texts = dict(con.sql("select report_key, text from raw.reports").fetchall())
        by_key = {key: {"source_file": f, "province_code": p, "published_date": d} for key, f, p, d in reports}
        rows: list[FactRow] = []
        for domain in FACT_DOMAINS:
            for key, value, num, den, code, target, as_of, evidence, quote, start in con.sql(
                "select report_key, value, numerator, denominator, indicator_code, is_target, as_of_date, "
                f"evidence, quote, char_start from marts.fct_{domain}"
            ).fetchall():
                rows.append(FactRow(
                    doc=by_key[key]["source_file"], domain=domain, value=value, evidence=evidence,
                    numerator=num, denominator=den, indicator_code=code, is_target=bool(target),
                    as_of=as_of, quote=quote, offset=quote_offset(texts.get(key, ""), evidence, start),
                ))
    per_file = {name: by_key[key] for key, files in names.items() if key in by_key for name in files}
    return rows, per_file


def score_planted_set(planted_file: Path, warehouse: Path) -> PlantedScore:
    """Planted inconsistencies of a set against the data findings of its warehouse."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        doc_of_report = {key: files[0] for key, files in con.sql("select report_key, source_files from raw.reports").fetchall()}
        findings = read_findings(con, doc_of_report)
    return score_planted(load_planted(planted_file), findings)


def score_set(
    eval_set: EvalSet, warehouse: Path, out: Callable[[str], None] = print, verbose: bool = False
) -> tuple[Totals, int, int, int]:
    """Score the fact tables of a built warehouse."""
    rows, reports = read_fact_rows(warehouse)
    return score_rows(eval_set, rows, reports, out, verbose)


def score_set_fast(
    eval_set: EvalSet, out: Callable[[str], None] = print, verbose: bool = False
) -> tuple[Totals, int, int, int]:
    """Score the fact rows computed in process (evaluation/fast.py): no warehouse, no dbt."""
    from dagster_project.evaluation.fast import fact_rows, read_reports

    rows, reports = fact_rows(read_reports(eval_set.sources, load_settings().max_file_bytes))
    return score_rows(eval_set, rows, reports, out, verbose)


def score_rows(
    eval_set: EvalSet, rows: list[FactRow], reports: dict[str, dict], out: Callable[[str], None] = print,
    verbose: bool = False,
) -> tuple[Totals, int, int, int]:
    figures, documents = load_key(eval_set.key)
    by_doc_rows: dict[str, list[FactRow]] = defaultdict(list)
    for row in rows:
        by_doc_rows[row.doc].append(row)
    by_doc_figures: dict[str, list] = defaultdict(list)
    for figure in figures:
        by_doc_figures[figure.doc].append(figure)
    docs = sorted(set(documents) | set(by_doc_rows))
    scores = [score_document(d, by_doc_figures.get(d, []), by_doc_rows.get(d, [])) for d in docs]
    refines = refines_map()
    province_right, published_right = _metadata(scores, documents, reports, out, verbose)
    result = totals(scores, refines)
    if verbose:
        _details(scores, refines, out)
    return result, province_right, published_right, len(docs)


def _metadata(
    scores: list[DocScore], documents: dict[str, KeyDocument], reports: dict[str, dict],
    out: Callable[[str], None], verbose: bool,
) -> tuple[int, int]:
    province_right = published_right = 0
    if verbose:
        out(f"  {'report':<34} {'key':>4} {'rows':>4} {'found':>5}  province  published")
    for s in scores:
        doc = documents.get(s.doc, KeyDocument(s.doc, None, None))
        report = reports.get(s.doc, {})
        expected = province_code(doc.province)
        got = report.get("province_code")
        got_date = str(report["published_date"]) if report.get("published_date") else None
        if doc.published is None or len(doc.published) == 10:
            date_ok = got_date == doc.published
        else:
            date_ok = got_date is not None and got_date.startswith(doc.published)
        province_right += got == expected
        published_right += date_ok
        if verbose:
            out(f"  {s.doc[:34]:<34} {s.key_figures:>4} {s.rows:>4} {len(s.pairs):>5}  "
                f"{'ok' if got == expected else f'{got}≠{expected}':<8}  {'ok' if date_ok else f'{got_date}≠{doc.published}'}")
    return province_right, published_right


def _details(scores: list[DocScore], refines: dict[str, str], out: Callable[[str], None]) -> None:
    from dagster_project.evaluation.strict import counts_as

    for s in scores:
        for f in s.missed:
            out(f"  MISSED    {s.doc[:26]} [{f.domain}/{f.taxonomy_code}] {f.value:g}: {f.quote[:110]}")
        for r in s.spurious:
            out(f"  EXTRA     {s.doc[:26]} [{r.domain}/{r.indicator_code}] {r.value:g} '{r.quote}': {r.evidence[:100]}")
        for k, r in s.pairs:
            if not counts_as(r.indicator_code, k.taxonomy_code, refines):
                out(f"  INDICATOR {s.doc[:26]} {k.value:g} key {k.taxonomy_code} got {r.indicator_code}: {k.quote[:90]}")
            if k.is_target != r.is_target:
                out(f"  TARGET    {s.doc[:26]} {k.value:g} key {'target' if k.is_target else 'actual'}: {k.quote[:90]}")
            if k.as_of is not None and k.as_of != r.as_of:
                out(f"  AS-OF     {s.doc[:26]} {k.value:g} key {k.as_of} got {r.as_of}: {k.quote[:90]}")


def _headline(name: str, t: Totals, province: int, published: int, docs: int) -> str:
    return (
        f"{name:<14} F1 {t.f1:.3f}  P {t.precision:.3f}  R {t.recall:.3f} ({t.found}/{t.key_figures}, "
        f"{t.rows} rows)  indicator {t.share(t.indicator_right):.3f}  target {t.share(t.target_right):.3f}  "
        f"as-of {t.as_of_right}/{t.as_of_keyed}  province {province}/{docs}  published {published}/{docs}"
    )


def _chosen_sets(args: argparse.Namespace) -> list[EvalSet]:
    if args.gold or os.environ.get("GOLD"):
        gold = Path(args.gold or os.environ["GOLD"]).resolve()
        sources = Path(os.environ.get("PDX_SOURCES_DIR") or gold.parent / "reports").resolve()
        return [EvalSet("custom", sources, gold, "given on the command line")]
    wanted = [s for s in EVAL_SETS if args.set in ("all", s.name)]
    return [s for s in wanted if s.available()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=os.environ.get("SET", "all"),
                        choices=["all"] + [s.name for s in EVAL_SETS])
    parser.add_argument("--gold", help="an answer key; its reports come from PDX_SOURCES_DIR")
    parser.add_argument("--no-build", action="store_true", help="score the eval warehouses as they are")
    parser.add_argument("--fast", action="store_true",
                        help="no warehouse: ingest, extract and classify in process (seconds; same rule)")
    parser.add_argument("-v", "--verbose", action="store_true", help="per report, and every miss and extra")
    args = parser.parse_args(argv)
    sets = _chosen_sets(args)
    if not sets:
        print("eval: no evaluation set found (../shared missing?): pass GOLD=key.jsonl PDX_SOURCES_DIR=dir",
              file=sys.stderr)
        return 2
    base = load_settings()
    lines = []
    for eval_set in sets:
        settings = replace(base, sources_dir=eval_set.sources,
                           warehouse_path=base.warehouse_dir / f"eval-{eval_set.name}.duckdb")
        if args.fast:
            print(f"\n== {eval_set.name} (in process, no warehouse): {eval_set.key} ==")
            result = score_set_fast(eval_set, verbose=args.verbose)
            lines.append(_headline(eval_set.name, *result))
            print(lines[-1])
            continue
        if not args.no_build:
            from dagster_project.cli import build

            print(f"\n== building the {eval_set.name} set ({eval_set.note}) ==", flush=True)
            build(settings)  # warning-level findings are expected; the score is what matters
        print(f"\n== {eval_set.name}: {eval_set.key} ==")
        result = score_set(eval_set, settings.warehouse_path, verbose=args.verbose)
        lines.append(_headline(eval_set.name, *result))
        print(lines[-1])
        if eval_set.planted is not None:
            planted = score_planted_set(eval_set.planted, settings.warehouse_path)
            for line in planted.lines(args.verbose):
                print(line)
            lines += [f"{'':<14} {line}" for line in planted.lines()]
    print("\nStrict rule (dagster_project/evaluation/strict.py); shared sets are training scores.")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
