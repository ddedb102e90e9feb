"""Leave-one-report-out figures for the taxonomy keywords (fitted from the labelled reports).

For each labelled report, the keywords that only that report's own labels justify
(among all labelled reports of every evaluation set) are removed and the report is classified and scored again
(strict rule, no warehouse). Prints strict F1 and indicator right, in-sample and left-out, for every
evaluation set that is present (the shared samples and development set, and the sets composed here). A second LOO line keeps the keywords that the
indicator's own name contains ("đúng hạn" for "Hồ sơ giải quyết đúng hạn"): they are
the concept's definition, not something learnt from a label.

    .venv/bin/python tools/loo_taxonomy.py            # every evaluation set present
    .venv/bin/python tools/loo_taxonomy.py -v         # + keywords removed per report
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.evaluation.keys import EVAL_SETS  # noqa: E402
from dagster_project.evaluation.taxonomy_fit import (  # noqa: E402
    labelled_reports,
    leave_one_report_out,
    named_by_indicator,
)
from dagster_project.extraction.taxonomy import taxonomy  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="keywords removed per report")
    args = parser.parse_args(argv)
    shared = [s for s in EVAL_SETS if s.available()]
    if not shared:
        print("loo_taxonomy: no evaluation set is present: nothing to score", file=sys.stderr)
        return 2
    per_set = {s.name: labelled_reports(s) for s in shared}
    pool = [r for reports in per_set.values() for r in reports]  # a keyword any other report justifies stays
    named = named_by_indicator(taxonomy())
    print(f"{'set':<14} {'':<24} {'F1':>6} {'found':>9} {'indicator':>10}")
    for eval_set in shared:
        strict = leave_one_report_out(per_set[eval_set.name], pool)
        lenient = leave_one_report_out(per_set[eval_set.name], pool, keep=named)
        for label, t in (("in-sample", strict.in_sample), ("LOO", strict.left_out),
                         ("LOO, names kept", lenient.left_out)):
            print(f"{eval_set.name:<14} {label:<24} {t.f1:6.3f} {t.found:>4}/{t.key_figures:<4} "
                  f"{t.share(t.indicator_right):10.3f}")
        if args.verbose:
            for doc, n in sorted(strict.removed.items()):
                print(f"    {doc}: {n} keywords justified by this report alone ({lenient.removed[doc]} "
                      "not in the indicator's name)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
