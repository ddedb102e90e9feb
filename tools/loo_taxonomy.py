"""Leave-one-report-out figures for the taxonomy keywords (fitted from the labelled reports).

For each labelled report, the keywords that only that report's own labels justify
(among all labelled reports of both sets) are removed and the report is classified and scored again (strict rule, no
warehouse). Prints strict F1 and indicator right, in-sample and left-out, for the
samples and the development set.

    .venv/bin/python tools/loo_taxonomy.py            # both shared sets
    .venv/bin/python tools/loo_taxonomy.py -v         # + keywords removed per report
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.evaluation.keys import EVAL_SETS  # noqa: E402
from dagster_project.evaluation.taxonomy_fit import labelled_reports, leave_one_report_out  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="keywords removed per report")
    args = parser.parse_args(argv)
    shared = [s for s in EVAL_SETS if s.name in ("samples", "devset") and s.available()]
    if not shared:
        print("loo_taxonomy: the shared sets are missing (../shared): nothing to score", file=sys.stderr)
        return 2
    per_set = {s.name: labelled_reports(s) for s in shared}
    pool = [r for reports in per_set.values() for r in reports]  # a keyword any other report justifies stays
    print(f"{'set':<8} {'':<10} {'F1':>6} {'found':>9} {'indicator':>10}")
    for eval_set in shared:
        result = leave_one_report_out(per_set[eval_set.name], pool)
        for label, t in (("in-sample", result.in_sample), ("LOO", result.left_out)):
            print(f"{eval_set.name:<8} {label:<10} {t.f1:6.3f} {t.found:>4}/{t.key_figures:<4} "
                  f"{t.share(t.indicator_right):10.3f}")
        if args.verbose:
            for doc, n in sorted(result.removed.items()):
                print(f"    {doc}: {n} keywords justified by this report alone")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
