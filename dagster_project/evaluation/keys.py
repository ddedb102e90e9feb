"""Answer keys (`*_gold.jsonl`) and the evaluation sets `make eval` scores."""
from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dagster_project.evaluation.strict import KeyFigure
from dagster_project.settings import DBT_PROJECT_DIR, PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
TAXONOMY_SEED = DBT_PROJECT_DIR / "seeds" / "indicator_taxonomy.csv"
PROVINCE_SEED = DBT_PROJECT_DIR / "seeds" / "provinces.csv"


class KeyError_(ValueError):
    """An answer-key line that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class EvalSet:
    name: str
    sources: Path
    key: Path
    note: str

    def available(self) -> bool:
        return self.sources.is_dir() and self.key.is_file()

    @property
    def planted(self) -> Path | None:
        """`anomalies.jsonl` beside the key: the inconsistencies planted in the set's reports."""
        path = self.key.parent / "anomalies.jsonl"
        return path if path.is_file() else None


# The shared sets were read while the rules were written: their scores are training scores.
# The official set is composed in this repository and never looked at by the shared keys.
EVAL_SETS = (
    EvalSet("samples", SHARED / "seeds", SHARED / "gold" / "seeds_gold.jsonl", "shared; training score"),
    EvalSet("devset", SHARED / "devset" / "reports", SHARED / "devset" / "devset_gold.jsonl",
            "shared; training score"),
    EvalSet("official", PROJECT_ROOT / "tests" / "fixtures" / "official" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "official" / "key.jsonl", "composed here, official-style"),
    # Written by helpers who did not read the rules, and scored once before any rule changed
    # (FIRST_SCORE.md beside each key); later scores are no longer blind.
    EvalSet("news", PROJECT_ROOT / "tests" / "fixtures" / "news" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "news" / "key.jsonl", "composed blind, news-style"),
    EvalSet("official_blind", PROJECT_ROOT / "tests" / "fixtures" / "official_blind" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "official_blind" / "key.jsonl", "composed blind, official-style"),
    # A second pair, written after the rules the first pair led to, to measure those rules blind.
    EvalSet("news2", PROJECT_ROOT / "tests" / "fixtures" / "news2" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "news2" / "key.jsonl", "composed blind, news-style, second round"),
    EvalSet("official2", PROJECT_ROOT / "tests" / "fixtures" / "official2" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "official2" / "key.jsonl", "composed blind, official-style, second round"),
    # A third pair, written after the rules the second pair led to.
    EvalSet("news3", PROJECT_ROOT / "tests" / "fixtures" / "news3" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "news3" / "key.jsonl", "composed blind, news-style, third round"),
    EvalSet("official3", PROJECT_ROOT / "tests" / "fixtures" / "official3" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "official3" / "key.jsonl", "composed blind, official-style, third round"),
    # A fourth pair, written after the rules the third pair led to (scored blind at 75fb8a8).
    EvalSet("news4", PROJECT_ROOT / "tests" / "fixtures" / "news4" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "news4" / "key.jsonl", "composed blind, news-style, fourth round"),
    EvalSet("official4", PROJECT_ROOT / "tests" / "fixtures" / "official4" / "reports",
            PROJECT_ROOT / "tests" / "fixtures" / "official4" / "key.jsonl", "composed blind, official-style, fourth round"),
)


@dataclass(frozen=True)
class KeyDocument:
    doc: str
    province: str | None
    published: str | None  # 'YYYY-MM-DD', 'YYYY-MM' or None


def _float(value: object) -> float | None:
    return None if value is None else float(value)


def _date(value: object) -> date | None:
    if not value:
        return None
    text = str(value)
    return date.fromisoformat(text) if len(text) == 10 else None


def load_key(path: Path) -> tuple[list[KeyFigure], dict[str, KeyDocument]]:
    figures: list[KeyFigure] = []
    documents: dict[str, KeyDocument] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                figures.append(KeyFigure(
                    doc=item["doc"], domain=item["domain"], value=float(item["value"]),
                    quote=item.get("quote") or "", numerator=_float(item.get("numerator")),
                    denominator=_float(item.get("denominator")), taxonomy_code=item.get("taxonomy_code"),
                    is_target=item.get("kind") == "target", as_of=_date(item.get("as_of")),
                ))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise KeyError_(f"{path}:{number}: not an answer-key figure ({exc})") from exc
            documents.setdefault(item["doc"], KeyDocument(item["doc"], item.get("province"), item.get("published")))
    return figures, documents


def refines_map(seed: Path = TAXONOMY_SEED) -> dict[str, str]:
    """indicator_code -> the code it refines, from the taxonomy seed's `refines` column."""
    with seed.open(encoding="utf-8") as handle:
        return {row["indicator_code"]: row["refines"] for row in csv.DictReader(handle) if row.get("refines")}


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().strip()
    for prefix in ("thành phố ", "tp. ", "tp ", "tỉnh "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("đ", "d")


def province_code(name: str | None) -> str | None:
    """GSO code of a province named in a key (with or without diacritics or 'Tỉnh')."""
    if not name:
        return None
    with PROVINCE_SEED.open(encoding="utf-8") as handle:
        codes = {_name_key(row["name_vi"]): row["gso_code"] for row in csv.DictReader(handle)}
    return codes.get(_name_key(name))
