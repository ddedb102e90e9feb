"""The strict matching rule of make eval, on hand-made key figures and rows."""
from __future__ import annotations

from datetime import date

from dagster_project.evaluation.strict import (
    FactRow,
    KeyFigure,
    counts_as,
    evidence_matches,
    max_weight_matching,
    quote_offset,
    score_document,
    totals,
)

SENTENCE = "Đến nay, 100% cán bộ, công chức có máy tính sử dụng"


def key(value: float, domain: str = "infrastructure", quote: str = SENTENCE, **kw) -> KeyFigure:
    return KeyFigure(doc="d", domain=domain, value=value, quote=quote, **kw)


def row(value: float, domain: str = "infrastructure", evidence: str = SENTENCE, **kw) -> FactRow:
    return FactRow(doc="d", domain=domain, value=value, evidence=evidence, **kw)


def test_value_domain_and_evidence_must_all_agree() -> None:
    assert len(score_document("d", [key(100)], [row(100)]).pairs) == 1
    assert not score_document("d", [key(100)], [row(99)]).pairs
    assert not score_document("d", [key(100)], [row(100, domain="services")]).pairs
    assert not score_document("d", [key(100)], [row(100, evidence="100% xã có cáp quang")]).pairs


def test_values_within_a_hundredth_match() -> None:
    assert len(score_document("d", [key(96.89)], [row(96.885)]).pairs) == 1


def test_a_ratio_matches_by_numerator_and_denominator() -> None:
    figure = key(103.78, numerator=451343, denominator=434900)
    assert len(score_document("d", [figure], [row(451343, numerator=451343, denominator=434900)]).pairs) == 1


def test_evidence_holds_the_quote_or_the_quote_holds_the_evidence() -> None:
    long_sentence = "Theo báo cáo, " + SENTENCE.upper() + " và kết nối mạng."
    assert evidence_matches(SENTENCE, long_sentence)  # case and surrounding words do not matter
    assert evidence_matches(SENTENCE + " và còn nhiều chữ nữa ở đây", SENTENCE)  # quote is longer
    assert evidence_matches(SENTENCE + " đuôi khác hẳn", SENTENCE[:45] + " đuôi khác")  # 40 characters suffice
    assert evidence_matches("Đến   nay,\n100%", "đến nay, 100% cán bộ")  # spaces collapse
    assert not evidence_matches(SENTENCE, "Một câu khác hẳn 100%")


def test_each_row_matches_at_most_one_figure() -> None:
    score = score_document("d", [key(100), key(100)], [row(100)])
    assert (len(score.pairs), len(score.missed)) == (1, 1)


def test_figures_of_other_domains_do_not_count_and_their_rows_are_extra() -> None:
    score = score_document("d", [key(12, domain="other")], [row(12, domain="other")])
    assert (score.key_figures, len(score.pairs), len(score.spurious)) == (0, 0, 1)


def test_totals_give_f1_and_the_shares_on_matched_rows() -> None:
    figures = [
        key(100, taxonomy_code="computers", as_of=date(2023, 11, 30)),
        key(5, quote="5 hệ thống", taxonomy_code="lan_network", is_target=True),
    ]
    rows = [
        row(100, indicator_code="computers", as_of=date(2023, 11, 30)),
        row(5, evidence="5 hệ thống", indicator_code="fibre_optic"),
        row(7, evidence="7 thứ khác"),
    ]
    t = totals([score_document("d", figures, rows)])
    assert (t.found, t.key_figures, t.rows) == (2, 2, 3)
    assert round(t.precision, 3) == 0.667 and t.recall == 1.0 and round(t.f1, 3) == 0.8
    assert (t.indicator_right, t.target_right, t.as_of_keyed, t.as_of_right) == (1, 1, 1, 1)


def test_a_finer_code_counts_as_the_code_it_refines() -> None:
    refines = {"household_internet": "internet_subscribers", "internet_subscribers_x": "household_internet"}
    assert counts_as("household_internet", "internet_subscribers", refines)
    assert counts_as("internet_subscribers_x", "internet_subscribers", refines)  # transitively
    assert not counts_as("internet_subscribers", "household_internet", refines)  # not the other way


def test_matching_handles_more_rows_than_figures_and_the_reverse() -> None:
    assert max_weight_matching([[0, 5, 1]]) == {0: 1}
    assert max_weight_matching([[0], [5], [1]]) == {1: 0}


def test_planted_inconsistencies_are_flagged_by_check_report_and_quote() -> None:
    from dagster_project.evaluation.planted import Finding, Planted, score_planted

    planted = [
        Planted("1", "a.txt", "percent_within_0_100", "Tỷ lệ hồ sơ đúng hạn | 97,1 | 103,2"),
        Planted("bts", "b.docx", "single_value_per_group", "Tổng số trạm BTS: 1.254 trạm"),
        Planted("bts", "a.txt", "single_value_per_group", "toàn tỉnh có 1.245 trạm BTS"),
        Planted("3", "c.txt", "stated_percent_agrees", "đạt 91% (120/140 xã)"),
    ]
    findings = [
        Finding("percent_within_0_100", "a.txt", "Tỷ lệ hồ sơ đúng hạn (ĐVT: %) — Năm 2024: 103,2 [1 | Tỷ lệ hồ sơ đúng hạn | 97,1 | 103,2]"),
        Finding("single_value_per_group", "b.docx", "- Tổng số trạm BTS: 1.254 trạm."),
        Finding("single_value_per_group", "a.txt", "Tính đến nay, toàn tỉnh có 1.245 trạm BTS."),
        Finding("stated_percent_agrees", "a.txt", "đạt 91% (120/140 xã)"),  # right quote, wrong report
        Finding("counts_whole", "c.txt", "bán kính 4,2 km"),
    ]
    score = score_planted(planted, findings)
    assert (score.groups, score.flagged) == (3, ("1", "bts"))
    assert [p.doc for p in score.missed] == ["c.txt"]
    assert [f.check for f in score.not_planted] == ["stated_percent_agrees", "counts_whole"]
    assert score.lines()[:2] == ["planted inconsistencies flagged 2 of 3", "data-anomaly findings not planted: 2"]


def test_two_equal_figures_of_one_sentence_pair_by_where_the_row_figure_sits() -> None:
    sentence = "Có 100% xã có cáp quang và 100% hộ gia đình có điện thoại thông minh."
    first = key(100, quote="100% xã có cáp quang", taxonomy_code="fibre_optic")
    second = key(100, quote="100% hộ gia đình có điện thoại thông minh", taxonomy_code="smartphones")
    rows = [
        row(100, evidence=sentence, indicator_code="smartphones", quote="100%", offset=sentence.rindex("100%")),
        row(100, evidence=sentence, indicator_code="fibre_optic", quote="100%", offset=sentence.index("100%")),
    ]
    t = totals([score_document("d", [first, second], rows)])
    assert (t.found, t.indicator_right) == (2, 2)


def test_quote_offset_finds_the_figure_inside_its_sentence() -> None:
    text = "Mở đầu. Có 12 xã và 12 thôn."
    sentence = "Có 12 xã và 12 thôn."
    assert quote_offset(text, sentence, text.rindex("12")) == sentence.rindex("12")
    assert quote_offset(text, "không có câu này", 3) is None


def test_leave_one_report_out_drops_only_the_keywords_no_other_report_justifies(tmp_path) -> None:
    from dagster_project.evaluation.taxonomy_fit import LabelledReport, keyword_support, leave_one_report_out
    from dagster_project.extraction.observations import extract_observations
    from dagster_project.extraction.taxonomy import Indicator, Taxonomy
    from dagster_project.ingestion.sources import build_report

    tax = Taxonomy({
        "computers": Indicator("computers", "infrastructure", "percent", None, ("máy tính",)),
        "surveillance_cameras": Indicator("surveillance_cameras", "infrastructure", "count", None, ("camera",)),
        "unclassified": Indicator("unclassified", "other", "count", None, ()),
    })
    texts = {
        "a.txt": "Có 90% cán bộ có máy tính. Tỉnh lắp 300 camera.",
        "b.txt": "Có 80% công chức có máy tính.",
    }
    reports = []
    for name, text in texts.items():
        record = build_report(name, text.encode(), name * 8)
        figures = [
            KeyFigure(doc=name, domain="infrastructure", value=v, quote=q, taxonomy_code=c)
            for v, q, c in [(90, "90% cán bộ có máy tính", "computers"), (300, "300 camera", "surveillance_cameras"),
                            (80, "80% công chức có máy tính", "computers")]
            if q in text
        ]
        reports.append(LabelledReport(record, figures, extract_observations(record.text)))
    support = keyword_support(reports, tax)
    assert support[("computers", "máy tính")] == {"a.txt", "b.txt"}
    assert support[("surveillance_cameras", "camera")] == {"a.txt"}
    result = leave_one_report_out(reports, tax=tax)
    assert result.removed == {"a.txt": 1, "b.txt": 0}
    # in-sample all three right; left out, report a loses its camera keyword and its camera figure
    assert (result.in_sample.found, result.in_sample.indicator_right) == (3, 3)
    assert (result.left_out.found, result.left_out.indicator_right) == (2, 2)
