"""Score extract_metadata against the shared answer keys.

Prints expected vs found province and publication date for the five seed
reports (gold table in seeds_anomalies.md) and the devset reports
(devset_docs.tsv), then totals. Province is scored twice: from the text alone
and with the file name as extra evidence (devset file names carry a province
slug, which real archives may not).

    .venv/bin/python tools/score_metadata.py [--shared /work/shared]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dagster_project.extraction.metadata import extract_metadata  # noqa: E402
from dagster_project.extraction.provinces import detect_province, load_provinces  # noqa: E402
from dagster_project.extraction.normalize import normalize_text  # noqa: E402
from dagster_project.ingestion.text import decode_bytes  # noqa: E402


@dataclass(frozen=True)
class Case:
    path: Path
    gso_code: str
    published: str | None  # "YYYY-MM-DD" or "YYYY-MM"; None = no date expected


def _code_for_name(name: str) -> str:
    wanted = normalize_text(name).casefold().removeprefix("tp ").strip()
    for province in load_provinces():
        names = {normalize_text(province.name_vi).casefold(), province.name_ascii.casefold()}
        names.add(normalize_text(province.name_vi).casefold().removeprefix("thành phố "))
        if wanted in names:
            return province.gso_code
    raise ValueError(f"unknown province name in answer key: {name!r}")


def seed_cases(shared: Path) -> list[Case]:
    table = (shared / "gold" / "seeds_anomalies.md").read_text(encoding="utf-8")
    section = table.split("## Document metadata", 1)[1].split("\n## ", 1)[0]
    cases = []
    for row in section.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].endswith(".txt"):
            continue
        published = re.match(r"\d{4}-\d{2}(?:-\d{2})?", cells[3])
        cases.append(
            Case(shared / "seeds" / cells[0], _code_for_name(cells[1]), published.group() if published else None)
        )
    return cases


def devset_cases(shared: Path) -> list[Case]:
    folder = shared / "devset"
    with (folder / "devset_docs.tsv").open(encoding="utf-8") as handle:
        return [
            Case(folder / "reports" / row["file"], row["gso_code"], row["published"].strip() or None)
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def _date_ok(found: str | None, expected: str | None) -> bool:
    if expected is None:
        return found is None
    return found is not None and found[: len(expected)] == expected


def score(name: str, cases: list[Case]) -> dict[str, int]:
    print(f"\n== {name} ({len(cases)} reports)")
    print(f"{'file':<28} {'prov':>4} {'text':>4} {'+file':>5}  {'published':<10} {'found':<10}  evidence | title | source")
    totals = dict.fromkeys(["province_text", "province_file", "dated", "date_ok", "undated", "undated_ok"], 0)
    for case in cases:
        text = decode_bytes(case.path.read_bytes()).text
        meta = extract_metadata(text)
        with_file, _ = detect_province(text, case.path.name)
        found = meta.published_date.isoformat() if meta.published_date else None
        ok_text = meta.province_code == case.gso_code
        ok_file = with_file == case.gso_code
        ok_date = _date_ok(found, case.published)
        totals["province_text"] += ok_text
        totals["province_file"] += ok_file
        if case.published:
            totals["dated"] += 1
            totals["date_ok"] += ok_date
        else:
            totals["undated"] += 1
            totals["undated_ok"] += ok_date
        mark = lambda ok: "ok" if ok else "XX"  # noqa: E731
        print(
            f"{case.path.name[:28]:<28} {case.gso_code:>4} {str(meta.province_code):>3}{mark(ok_text)[0]}"
            f" {str(with_file):>4}{mark(ok_file)[0]}  {str(case.published):<10} {str(found):<10}"
            f" {mark(ok_date)}  {meta.province_evidence} | {(meta.title or '-')[:50]} | {meta.source_site}"
        )
    print(
        f"-- province (text only) {totals['province_text']}/{len(cases)}, "
        f"province (text + file name) {totals['province_file']}/{len(cases)}, "
        f"published right {totals['date_ok']}/{totals['dated']} dated, "
        f"none found {totals['undated_ok']}/{totals['undated']} undated"
    )
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    args = parser.parse_args()
    score("seeds", seed_cases(args.shared))
    score("devset", devset_cases(args.shared))


if __name__ == "__main__":
    main()
