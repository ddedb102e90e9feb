"""How the taxonomy's keywords are supported by the labelled reports.

For every keyword of dbt/seeds/indicator_taxonomy.csv: in how many labelled
reports (samples + development set) a key figure of its indicator (or of a code
it counts as) has it in its sentence, found on word boundaries as the classifier
finds it. Keywords justified by one report only are listed with that report:
each must be common vocabulary of the field, or go.

    .venv/bin/python tools/score_taxonomy.py          # summary and the one-report keywords
    .venv/bin/python tools/score_taxonomy.py --all    # every keyword with its support

The leave-one-report-out score of the list is tools/loo_taxonomy.py.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.evaluation.keys import EVAL_SETS  # noqa: E402
from dagster_project.evaluation.taxonomy_fit import keyword_support, labelled_reports  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every keyword with its support")
    args = parser.parse_args(argv)
    shared = [s for s in EVAL_SETS if s.name in ("samples", "devset") and s.available()]
    if not shared:
        print("score_taxonomy: the shared sets are missing (../shared): nothing to score", file=sys.stderr)
        return 2
    pool = [r for s in shared for r in labelled_reports(s)]
    support = keyword_support(pool)
    sizes = Counter(min(len(docs), 2) for docs in support.values())
    print(f"{len(support)} keywords over {len(pool)} labelled reports: {sizes[0]} justified by none, "
          f"{sizes[1]} by exactly one report, {sizes[2]} by two or more")
    for (code, keyword), docs in sorted(support.items()):
        if args.all or len(docs) == 1:
            where = ", ".join(sorted(docs)) if docs else "-"
            print(f"  {len(docs):>2}  {code:<32} {keyword!r:<36} {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
