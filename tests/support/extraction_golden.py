"""Golden output of extraction: every figure `extract_report` finds in a fixed set of reports.

    .venv/bin/python -m tests.support.extraction_golden --write   # regenerate after an intended change
    .venv/bin/python -m tests.support.extraction_golden           # compare, print the first differences

The reports are those `make eval` scores (the shared samples and development
set, tests/fixtures/official; a clone without ../shared checks the rest) and a slice of the benchmark's generated corpus
(tools/bench/corpus.py, built in memory), so that speed work on the extractor
can be proven not to change a single field of a single figure. Each figure is
one JSON line of every field of its `Observation`, in report then ordinal order.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "extraction_golden.jsonl.gz"
REGENERATE = ".venv/bin/python -m tests.support.extraction_golden --write"
# Generated benchmark reports in the golden set: news items, official reports with tables, and html.
BENCH_REPORTS = 30
BENCH_SEED = 7


@dataclasses.dataclass(frozen=True)
class GoldenReport:
    name: str  # "<set>/<source file>", stable across runs
    text: str
    published: datetime.date | None


def missing_sets() -> list[str]:
    """Evaluation sets whose reports are not here (the shared ones live beside the checkout)."""
    from dagster_project.evaluation.keys import EVAL_SETS

    return [s.name for s in EVAL_SETS if not s.sources.is_dir()]


def golden_reports() -> list[GoldenReport]:
    """The reports of the golden set that are present, in a fixed order (see `missing_sets`)."""
    from dagster_project.evaluation.keys import EVAL_SETS
    from dagster_project.ingestion.documents import read_document
    from dagster_project.ingestion.sources import scan_sources
    from dagster_project.settings import DEFAULT_MAX_FILE_BYTES
    from tools.bench.corpus import _provinces, report

    reports: list[GoldenReport] = []
    for eval_set in EVAL_SETS:
        if not eval_set.sources.is_dir():
            continue
        found, _ = scan_sources(eval_set.sources, DEFAULT_MAX_FILE_BYTES)
        reports += [
            GoldenReport(f"{eval_set.name}/{r.source_file}", r.text, r.published_date)
            for r in sorted(found, key=lambda r: r.source_file)
        ]
    provinces = _provinces()
    for index in range(BENCH_REPORTS):
        name, content = report(index, BENCH_SEED, provinces)
        reports.append(GoldenReport(f"bench/{name}", read_document(name, content.encode("utf-8")).text, None))
    return reports


def _plain(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)  # exact: 0.1 and 0.1000000001 must differ
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items())}
    return value


def figure_lines(report_name: str, observations: list) -> Iterator[str]:
    """One canonical JSON line per figure: the report's name, then every field of the observation."""
    for obs in sorted(observations, key=lambda o: (o.ordinal, o.char_start, o.char_end)):
        record = {"report": report_name}
        record.update({f.name: _plain(getattr(obs, f.name)) for f in dataclasses.fields(obs)})
        yield json.dumps(record, ensure_ascii=False, sort_keys=True)


def current_lines() -> list[str]:
    from dagster_project.extraction.pipeline import extract_report

    lines: list[str] = []
    for rep in golden_reports():
        lines += figure_lines(rep.name, extract_report(rep.text, rep.published))
    return lines


def read_golden(path: Path = GOLDEN, without: list[str] | None = None) -> list[str]:
    """The golden lines, less those of the sets named in `without`."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    skipped = tuple(f"{name}/" for name in without or ())
    return [line for line in lines if not skipped or not json.loads(line)["report"].startswith(skipped)]


def write_golden(lines: list[str], path: Path = GOLDEN) -> None:
    # mtime=0: the same figures give the same bytes, so an unchanged golden file shows no git diff.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


def _short(line: str) -> str:
    record = json.loads(line)
    return (f"{record['report']} figure {record['ordinal']} (sentence {record['sentence_index']}: "
            f"{record['sentence'][:120]!r})")


def differences(expected: list[str], actual: list[str], limit: int = 5) -> list[str]:
    """A readable account of the first `limit` differing figures (field by field), empty if equal."""
    if expected == actual:
        return []
    out = [f"extraction output differs from {GOLDEN.relative_to(ROOT)}: "
           f"{len(expected)} figures expected, {len(actual)} found"]
    shown = 0
    for index in range(max(len(expected), len(actual))):
        old = expected[index] if index < len(expected) else None
        new = actual[index] if index < len(actual) else None
        if old == new:
            continue
        if old is None or new is None:
            out.append(f"  extra figure: {_short(new)}" if old is None else f"  missing figure: {_short(old)}")
        else:
            a, b = json.loads(old), json.loads(new)
            fields = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
            out.append(f"  {_short(old)}")
            out += [f"      {k}: expected {a.get(k)!r}, found {b.get(k)!r}" for k in fields]
        shown += 1
        if shown >= limit:
            break
    out.append(f"if the change is intended, regenerate the golden file: {REGENERATE}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the current output as the golden file")
    args = parser.parse_args(argv)
    missing = missing_sets()
    if args.write and missing:
        print(f"not written: the reports of {', '.join(missing)} are missing (../shared beside the checkout); "
              "the golden file covers every evaluation set")
        return 1
    lines = current_lines()
    if args.write:
        write_golden(lines)
        print(f"wrote {len(lines)} figures to {GOLDEN}")
        return 0
    problems = differences(read_golden(without=missing), lines)
    print("\n".join(problems) or f"extraction output matches {GOLDEN} ({len(lines)} figures)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
