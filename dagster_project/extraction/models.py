"""Typed records passed between the extraction steps and the raw tables.

Field names here are the column names of `raw.reports`, `raw.rejected_reports`
and `raw.observations`; the dbt sources and the loaders rely on them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class DecodedText:
    """A file's bytes turned into clean NFC text."""

    text: str
    encoding: str  # e.g. "utf-8", "utf-8-sig", "utf-16", "cp1258"


@dataclass(frozen=True)
class ReportMetadata:
    title: str | None
    published_date: date | None
    province_code: str | None  # two-digit GSO code, e.g. "40"
    province_evidence: str | None  # why: "name:Nghệ An", "domain:khcncaobang.gov.vn", ...
    source_site: str | None  # portal named in the text ("Nguồn tin: nghean.gov.vn")
    province_source: str | None = None  # manifest | text | url | file_name: where the province came from
    published_source: str | None = None  # text | url: where published_date came from


@dataclass(frozen=True)
class Observation:
    """One quantitative statement found in a report.

    `value` follows the answer-key conventions: percentages as 0-100+; for an
    "x/y" figure with a stated percentage, value = the percentage and unit =
    "percent"; for a bare "x/y", value = x and unit = "ratio".
    """

    ordinal: int  # 0-based position of the figure within its report
    sentence_index: int
    sentence: str
    char_start: int  # span of `quote` inside the report text
    char_end: int
    quote: str  # verbatim text of the figure itself, e.g. "451.343/434.900"
    value: float
    unit: str  # percent | count | ratio
    numerator: float | None = None
    denominator: float | None = None
    stated_percent: float | None = None
    qualifier: str | None = None  # trên | hơn | khoảng | gần | ít nhất | over | ...
    as_of_date: date | None = None
    admin_level: str = "unspecified"  # province|district|commune|all_levels|unspecified|national
    admin_level_source: str | None = None  # text | issuer (the district, commune, city or department that issued it)
    is_target: bool = False
    subject: str = ""  # the noun phrase the figure counts (text right after it)
    clause: str = ""  # the clause around the figure, used to classify it
    parent_ordinal: int | None = None  # set on a part: the ordinal of its stated total
    parts_complete: bool = False  # a total whose parts are all of it (a table's "Tổng cộng" row, a list by channel)
    # --- what the extractor knows about the figure's form and place (issue 8) ---
    figure_kind: str = "count"  # count|percent|ratio|density|rank|multiple|per_one|average|measure|money|comparison
    range_high: float | None = None  # upper bound of a range ("15–20%": value 15, range_high 20)
    multiplier: float | None = None  # scale word applied to the number ("1,2 triệu": 1e6)
    scope: str = "prose"  # prose | list | table | heading: the kind of block the figure is in
    section: str | None = None  # heading path, "II. PHƯƠNG HƯỚNG… › 1. Mục tiêu"
    table_column: str | None = None  # column header of a table figure ("Năm 2023")
    table_row: str | None = None  # row label when a table breaks a measure down by place or body
    target_source: str = "none"  # cue | section | column | row | none: what decided is_target
    as_of_source: str | None = None  # sentence | paragraph | section | report | column | row | target: where as_of_date came from
    # Classification (extraction/classify.py): which indicator the figure reports and why.
    indicator_code: str = "unclassified"  # a code of dbt/seeds/indicator_taxonomy.csv
    domain: str = "other"  # infrastructure | services | workforce | other
    classified_by: str | None = None  # subject | clause | sentence | fallback | context | relevance
    matched_keyword: str | None = None  # the keyword or cue that decided
    relevance: str | None = None  # why a figure went to "other" (money, rank, score, topic, ...)
    base: str | None = None  # what a share or count of units is counted over (households, ...)
    extra: dict[str, str] = field(default_factory=dict)


_OBSERVATION_FIELDS = frozenset(f.name for f in fields(Observation))


def with_fields(obs: Observation, **changes: object) -> Observation:
    """`dataclasses.replace(obs, **changes)`, about five times cheaper.

    `replace` re-runs `__init__` over all ~40 fields, which was a tenth of
    extraction's time (three copies per figure). Observation has no
    `__post_init__` and shares its field values exactly as `replace` does (the
    `extra` dict included), so copying the field dict gives an equal object.
    """
    unknown = changes.keys() - _OBSERVATION_FIELDS
    if unknown:
        raise TypeError(f"with_fields: Observation has no field(s) {sorted(unknown)}")
    new = object.__new__(Observation)
    new.__dict__.update(obs.__dict__)
    new.__dict__.update(changes)
    return new
