"""The strict matching rule of `make eval`, as plain functions.

A key figure of domain infrastructure, services or workforce is *found* when a
fact row of the same report
  (a) has its value (|a-b| <= 0.01) or, for an "x/y" figure, its numerator and
      denominator,
  (b) sits in the key figure's domain (the fact table it is in), and
  (c) has an evidence sentence that contains the key's quote or is contained in
      it (both NFC, lower case, spaces collapsed; the first 40 characters of the
      contained text suffice).
Each row matches at most one figure (a maximum matching).
  recall    = found / key figures of the three domains
  precision = matched rows / all fact rows
  F1        = their harmonic mean
On matched rows: indicator right (the row's indicator is the key's taxonomy
code, or refines it), target flag right (is_target == kind "target"), as-of
right (as_of_date == the key's as_of, where the key has one).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

FACT_DOMAINS = ("infrastructure", "services", "workforce")
TOLERANCE = 0.01
QUOTE_PREFIX = 40


@dataclass(frozen=True)
class KeyFigure:
    """One figure of an answer key (a line of `*_gold.jsonl`)."""

    doc: str
    domain: str
    value: float
    quote: str
    numerator: float | None = None
    denominator: float | None = None
    taxonomy_code: str | None = None
    is_target: bool = False
    as_of: date | None = None


@dataclass(frozen=True)
class FactRow:
    """One row of the three fact tables, with the report file it came from."""

    doc: str
    domain: str
    value: float
    evidence: str
    numerator: float | None = None
    denominator: float | None = None
    indicator_code: str | None = None
    is_target: bool = False
    as_of: date | None = None
    quote: str = ""
    offset: int | None = None  # where `quote` starts inside `evidence`, when known


@dataclass
class DocScore:
    doc: str
    key_figures: int = 0
    rows: int = 0
    pairs: list[tuple[KeyFigure, FactRow]] = field(default_factory=list)
    missed: list[KeyFigure] = field(default_factory=list)
    spurious: list[FactRow] = field(default_factory=list)


def normalized(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).lower()).strip()


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE


def value_matches(key: KeyFigure, row: FactRow) -> bool:
    if _close(key.value, row.value):
        return True
    if key.numerator is not None and key.denominator is not None:
        return _close(key.numerator, row.numerator) and _close(key.denominator, row.denominator)
    return False


def evidence_matches(quote: str, evidence: str) -> bool:
    """The evidence holds the quote, or the quote holds the evidence (first 40 characters suffice)."""
    q, e = normalized(quote), normalized(evidence)
    if not q or not e:
        return False
    return q[:QUOTE_PREFIX] in e or e[:QUOTE_PREFIX] in q


def strict_match(key: KeyFigure, row: FactRow) -> bool:
    return (
        key.domain in FACT_DOMAINS
        and row.domain == key.domain
        and value_matches(key, row)
        and evidence_matches(key.quote, row.evidence)
    )


def _words(text: str) -> set[str]:
    return {w for w in normalized(text).split() if len(w) > 1}


def _pair_weight(key: KeyFigure, row: FactRow) -> int:
    """0 = no pair; otherwise the count of pairs comes first, then the closest quote, then
    whether the row's figure sits inside the key's quote (two equal figures of one sentence)."""
    if not strict_match(key, row):
        return 0
    key_words = _words(key.quote)
    overlap = len(key_words & _words(row.evidence)) / len(key_words) if key_words else 0.0
    return 1000 + 2 * round(100 * overlap) + _inside_quote(key, row)


def quote_offset(text: str, sentence: str, char_start: int | None) -> int | None:
    """Where a figure starting at `char_start` of a report's `text` sits inside its `sentence`."""
    if char_start is None or not sentence:
        return None
    begin = text.find(sentence, max(0, char_start - len(sentence)))
    return char_start - begin if 0 <= begin <= char_start else None


def _inside_quote(key: KeyFigure, row: FactRow) -> int:
    if row.offset is None:
        return 0
    start = row.evidence.lower().find(key.quote.lower()[:QUOTE_PREFIX])
    return int(start >= 0 and start <= row.offset < start + len(key.quote))


def max_weight_matching(weights: list[list[int]]) -> dict[int, int]:
    """Hungarian algorithm on a figures x rows weight matrix; figure -> row for positive pairs."""
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
        while True:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs: dict[int, int] = {}
    for j in range(1, m + 1):
        if owner[j]:
            i, col = owner[j] - 1, j - 1
            figure, row = (col, i) if transposed else (i, col)
            if weights[figure][row] > 0:
                pairs[figure] = row
    return pairs


def score_document(doc: str, figures: Sequence[KeyFigure], rows: Sequence[FactRow]) -> DocScore:
    # Rows in a fixed order, so that equal-weight pairings do not depend on where they came from.
    rows = sorted(rows, key=lambda r: (r.evidence, -1 if r.offset is None else r.offset, r.quote, r.value,
                                       r.domain, r.indicator_code or ""))
    in_domain = [f for f in figures if f.domain in FACT_DOMAINS]
    score = DocScore(doc=doc, key_figures=len(in_domain), rows=len(rows))
    matching = max_weight_matching([[_pair_weight(f, r) for r in rows] for f in in_domain])
    score.pairs = [(in_domain[i], rows[j]) for i, j in sorted(matching.items())]
    score.missed = [f for i, f in enumerate(in_domain) if i not in matching]
    used = set(matching.values())
    score.spurious = [r for j, r in enumerate(rows) if j not in used]
    return score


def counts_as(code: str | None, expected: str | None, refines: Mapping[str, str]) -> bool:
    """A finer indicator counts as the coarser one it refines (transitively)."""
    seen: set[str] = set()
    while code is not None and code not in seen:
        if code == expected:
            return True
        seen.add(code)
        code = refines.get(code)
    return False


@dataclass(frozen=True)
class Totals:
    key_figures: int
    rows: int
    found: int
    indicator_right: int
    target_right: int
    as_of_keyed: int
    as_of_right: int

    @property
    def recall(self) -> float:
        return self.found / self.key_figures if self.key_figures else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.rows if self.rows else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, part: int, whole: int | None = None) -> float:
        whole = self.found if whole is None else whole
        return part / whole if whole else 1.0


def totals(scores: Sequence[DocScore], refines: Mapping[str, str] | None = None) -> Totals:
    refines = refines or {}
    pairs = [p for s in scores for p in s.pairs]
    keyed = [(k, r) for k, r in pairs if k.as_of is not None]
    return Totals(
        key_figures=sum(s.key_figures for s in scores),
        rows=sum(s.rows for s in scores),
        found=len(pairs),
        indicator_right=sum(counts_as(r.indicator_code, k.taxonomy_code, refines) for k, r in pairs),
        target_right=sum(k.is_target == r.is_target for k, r in pairs),
        as_of_keyed=len(keyed),
        as_of_right=sum(k.as_of == r.as_of for k, r in keyed),
    )
