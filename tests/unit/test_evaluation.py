"""The make-eval matching rule, on hand-made figures and rows."""
from __future__ import annotations

from dagster_project.evaluation import FactRow, GoldFigure, max_weight_matching, score_document


def gold(value: float, domain: str = "services", quote: str = "", num=None, den=None) -> GoldFigure:
    return GoldFigure(doc="d", domain=domain, value=value, numerator=num, denominator=den, quote=quote)


def row(value: float, domain: str = "services", evidence: str = "", num=None, den=None) -> FactRow:
    return FactRow(source_file="d", table_domain=domain, value=value, numerator=num, denominator=den,
                   quote=str(value), evidence=evidence)


def test_values_within_a_hundredth_match() -> None:
    score = score_document("d", [gold(96.89)], [row(96.885)])
    assert (score.found, score.matched_rows) == (1, 1)


def test_a_ratio_matches_by_numerator_and_denominator() -> None:
    score = score_document("d", [gold(103.78, num=451343, den=434900)], [row(451343, num=451343, den=434900)])
    assert score.found == 1


def test_each_row_matches_at_most_one_figure() -> None:
    score = score_document("d", [gold(100), gold(100)], [row(100)])
    assert (score.found, score.matched_rows, len(score.missed)) == (1, 1, 1)


def test_rows_pair_with_the_figure_whose_quote_they_share() -> None:
    figures = [gold(100, "infrastructure", "100% cán bộ có máy tính"), gold(100, "services", "100% hồ sơ trực tuyến")]
    rows = [row(100, "services", "Đến nay 100% hồ sơ trực tuyến"), row(100, "infrastructure", "100% cán bộ có máy tính")]
    score = score_document("d", figures, rows)
    assert score.agreeing_rows == 2


def test_figures_of_other_domains_count_for_precision_not_recall() -> None:
    score = score_document("d", [gold(12, "other")], [row(12)])
    assert (score.gold, score.found, score.matched_rows) == (0, 0, 1)


def test_unmatched_rows_are_spurious() -> None:
    score = score_document("d", [gold(5)], [row(5), row(7)])
    assert [r.value for r in score.spurious] == [7]


def test_matching_handles_more_rows_than_figures_and_the_reverse() -> None:
    assert max_weight_matching([[0, 5, 1]]) == {0: 1}
    assert max_weight_matching([[0], [5], [1]]) == {1: 0}
