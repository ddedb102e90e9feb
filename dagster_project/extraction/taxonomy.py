"""The indicator taxonomy as the classifier reads it: the dbt seed, one source for both.

`dbt/seeds/indicator_taxonomy.csv` lists every indicator code with its domain,
usual unit, the coarser code it refines (if any) and its keywords. dbt loads
it as a seed (dim_indicator publishes it); `classify.py` matches its keywords.
Codes are a stable list: never renamed or removed (tests/unit/test_taxonomy.py
compares them with a committed list).
"""
from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from dagster_project.extraction.lexicon import spelled_variants
from dagster_project.extraction.words import KeywordIndex, normalize_keyword, segmenter, tone_key
from dagster_project.settings import DBT_PROJECT_DIR

TAXONOMY_SEED = DBT_PROJECT_DIR / "seeds" / "indicator_taxonomy.csv"
FACT_DOMAINS = frozenset({"infrastructure", "services", "workforce"})
UNCLASSIFIED = "unclassified"


class TaxonomyError(ValueError):
    """The seed cannot be used; the message names the file, the row and what to fix."""


@dataclass(frozen=True)
class Indicator:
    code: str
    domain: str
    unit: str
    refines: str | None
    keywords: tuple[str, ...]
    name_vi: str = ""
    name_en: str = ""

    @property
    def generic(self) -> bool:
        """A fallback of its domain ("services_other"): it wins only when nothing specific does."""
        return self.code.endswith("_other")


class Taxonomy:
    def __init__(self, indicators: Mapping[str, Indicator]) -> None:
        self.indicators = dict(indicators)

    def __getitem__(self, code: str) -> Indicator:
        return self.indicators[code]

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators.values())

    @cached_property
    def index(self) -> KeywordIndex[str]:
        """Every keyword of every indicator, in each of its spellings (lexicon.ABBREVIATIONS),
        found on word boundaries; the payload is the code."""
        return KeywordIndex((spelling, code) for code, spelling in self._spelled_as)

    @cached_property
    def _spelled_as(self) -> dict[tuple[str, str], str]:
        """(code, a spelling of one of its keywords) -> the seed's keyword."""
        return {(i.code, v): k for i in self for k in i.keywords for v in spelled_variants(k)}

    def seed_keyword(self, code: str, matched: str) -> str:
        """The seed's keyword that `matched` (a keyword the index found, maybe another spelling of it) stands for."""
        return self._spelled_as.get((code, matched), matched)

    @cached_property
    def by_head_word(self) -> dict[str, frozenset[str]]:
        """A keyword's first word (tone-unified, lower case) -> the specific (not `*_other`)
        keywords that go on past it: "trạm" -> {"trạm bts", "trạm thu phát sóng", ...}. A
        figure counted by the bare word ("xây mới 9 trạm") may stand for one of them."""
        heads: dict[str, set[str]] = {}
        for (code, spelling) in self._spelled_as:
            if self.indicators[code].generic:
                continue
            words = segmenter().segment(spelling)
            if len(words) > 1 and words[0].replace("_", "").isalpha():
                heads.setdefault(tone_key(words[0].replace("_", " ")), set()).add(normalize_keyword(spelling))
        return {head: frozenset(found) for head, found in heads.items()}

    def refines_map(self) -> dict[str, str]:
        return {i.code: i.refines for i in self if i.refines}

    def ancestors(self, code: str) -> list[str]:
        """The codes `code` refines, nearest first."""
        chain: list[str] = []
        current = self.indicators[code].refines if code in self.indicators else None
        while current and current not in chain and current != code:
            chain.append(current)
            current = self.indicators[current].refines if current in self.indicators else None
        return chain


def read_taxonomy(path: Path = TAXONOMY_SEED) -> Taxonomy:
    indicators: dict[str, Indicator] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            code = (row.get("indicator_code") or "").strip()
            if not code or code in indicators:
                raise TaxonomyError(f"{path}:{line}: indicator_code {code!r} is empty or repeated; fix the seed row")
            if None in row:  # DictReader's key for fields past the header: an unquoted comma
                raise TaxonomyError(
                    f"{path}:{line}: {code} has more fields than the header (a comma in a keyword?); "
                    'quote the field: "a, b|c"'
                )
            keywords = tuple(k.strip().lower() for k in (row.get("keywords") or "").split("|") if k.strip())
            indicators[code] = Indicator(
                code=code,
                domain=row["domain"].strip(),
                unit=row["unit"].strip(),
                refines=(row.get("refines") or "").strip() or None,
                keywords=keywords,
                name_vi=(row.get("name_vi") or "").strip(),
                name_en=(row.get("name_en") or "").strip(),
            )
    for indicator in indicators.values():
        if indicator.refines and indicator.refines not in indicators:
            raise TaxonomyError(
                f"{path}: {indicator.code} refines {indicator.refines!r}, which is no indicator_code; fix `refines`"
            )
    return Taxonomy(indicators)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The seed's taxonomy, read once per process."""
    return read_taxonomy()
