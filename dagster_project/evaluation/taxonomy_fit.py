"""How much of the taxonomy's keyword list is fitted to the labelled reports, and what that is worth.

A keyword of indicator J is *justified* by a labelled report when one of the
report's key figures whose code J counts as (J itself or a code J refines)
has the keyword in its sentence (found on word boundaries, as the classifier
finds it). A keyword justified by one report only may have been added for
that report's sentences.

Leave-one-report-out: for each labelled report, the keywords justified by
that report alone are removed, the report is classified again with what is
left, and scored with the strict rule. The in-sample score uses every keyword.
tools/score_taxonomy.py and tools/loo_taxonomy.py print both.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from dagster_project.evaluation.keys import EvalSet, load_key
from dagster_project.evaluation.strict import (
    FACT_DOMAINS,
    FactRow,
    KeyFigure,
    Totals,
    counts_as,
    evidence_matches,
    score_document,
    totals,
    value_matches,
)
from dagster_project.extraction.classify import classify_observations
from dagster_project.extraction.models import Observation
from dagster_project.extraction.observations import extract_observations
from dagster_project.extraction.taxonomy import Taxonomy, taxonomy
from dagster_project.evaluation.fast import read_reports, rows_of, staged
from dagster_project.extraction.words import KeywordIndex, Text
from dagster_project.ingestion.sources import ReportRecord

KeywordKey = tuple[str, str]  # (indicator code, keyword)


@dataclass
class LabelledReport:
    """A labelled report, extracted once (classification is what varies)."""

    report: ReportRecord
    figures: list[KeyFigure]
    extracted: list[Observation] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return self.report.source_file

    def rows(self, tax: Taxonomy) -> list[FactRow]:
        return rows_of(self.report, staged(classify_observations(self.report.text, self.extracted, tax)))


def labelled_reports(eval_set: EvalSet) -> list[LabelledReport]:
    figures, _ = load_key(eval_set.key)
    by_doc: dict[str, list[KeyFigure]] = defaultdict(list)
    for f in figures:
        by_doc[f.doc].append(f)
    out = []
    for report in read_reports(eval_set.sources):
        keyed = [f for name in report.source_files for f in by_doc.get(name, [])]
        extracted = extract_observations(report.text, report.published_date)
        out.append(LabelledReport(report, keyed, extracted))
    return out


def _figure_sentence(report: LabelledReport, figure: KeyFigure) -> str:
    """The sentence that holds a key figure (its extracted observation's, else the key's quote)."""
    for obs in report.extracted:
        row = FactRow(doc="", domain=figure.domain, value=obs.value, evidence=obs.sentence,
                      numerator=obs.numerator, denominator=obs.denominator)
        if value_matches(figure, row) and evidence_matches(figure.quote, obs.sentence):
            return obs.sentence
    return figure.quote


def keyword_support(reports: Iterable[LabelledReport], tax: Taxonomy | None = None) -> dict[KeywordKey, set[str]]:
    """(code, keyword) -> the labelled reports that justify the keyword (see the module doc)."""
    tax = tax or taxonomy()
    refines = tax.refines_map()
    support: dict[KeywordKey, set[str]] = {(i.code, k): set() for i in tax for k in i.keywords}
    for report in reports:
        for figure in report.figures:
            if figure.domain not in FACT_DOMAINS or not figure.taxonomy_code:
                continue
            for match in tax.index.find(Text(_figure_sentence(report, figure))):
                if counts_as(match.payload, figure.taxonomy_code, refines):
                    support[(match.payload, tax.seed_keyword(match.payload, match.keyword))].add(report.doc)
    return support


def without_keywords(tax: Taxonomy, removed: set[KeywordKey]) -> Taxonomy:
    if not removed:
        return tax
    indicators = {
        i.code: replace(i, keywords=tuple(k for k in i.keywords if (i.code, k) not in removed)) for i in tax
    }
    return Taxonomy(indicators)


def named_by_indicator(tax: Taxonomy) -> set[KeywordKey]:
    """Keywords that the indicator's own name contains ("đúng hạn" in "Hồ sơ giải quyết đúng
    hạn"): they say what the concept is, whatever the labels."""
    named = set()
    for indicator in tax:
        index = KeywordIndex((k, k) for k in indicator.keywords)
        for name in (indicator.name_vi, indicator.name_en):
            named |= {(indicator.code, m.keyword) for m in index.find(Text(name))}
    return named


@dataclass(frozen=True)
class LeaveOneOut:
    in_sample: Totals
    left_out: Totals
    removed: Mapping[str, int]  # report -> how many keywords were removed for it


def leave_one_report_out(
    reports: list[LabelledReport], pool: list[LabelledReport] | None = None, tax: Taxonomy | None = None,
    keep: set[KeywordKey] | None = None,
) -> LeaveOneOut:
    """Score `reports` in-sample and left out; justification is counted over `pool` (all
    labelled reports). Keywords in `keep` are never left out (see `named_by_indicator`)."""
    tax = tax or taxonomy()
    refines = tax.refines_map()
    support = keyword_support(pool if pool is not None else reports, tax)
    inside, outside, removed = [], [], {}
    for report in reports:
        own = {key for key, docs in support.items() if docs == {report.doc} and key not in (keep or set())}
        removed[report.doc] = len(own)
        inside.append(score_document(report.doc, report.figures, report.rows(tax)))
        outside.append(score_document(report.doc, report.figures, report.rows(without_keywords(tax, own))))
    return LeaveOneOut(totals(inside, refines), totals(outside, refines), removed)
