"""Which indicator a figure reports, decided by what it counts: `classify_observations`.

For every figure of a report, in this order:

1. Relevance. A figure that measures no digital transformation goes to domain
   "other" with the reason in `relevance`: money ("3,5 tỷ đồng"), a rank
   ("xếp thứ 3/63", "tăng 4 bậc"), an index score ("0,6123 điểm"), an award,
   goals met ("7/15 mục tiêu"), market share, population, attendance ("1.500 đại biểu"),
   a height, area or weight ("1.400 m", "2.500 ha").
2. The measured phrase. The words after the figure up to a punctuation mark,
   another figure or a stop word ("100% cán bộ, công chức có máy tính"); but
   when a linking verb ("đạt", "là", "chiếm", "reached") stands right before
   the figure, the subject before it ("tỷ lệ hộ gia đình có cáp quang đạt 68%").
   Two figures joined by "và" share the predicate after the second. A table
   cell measures its row label (in a breakdown by place, its column header).
3. The base: what a share or a count of units is counted over, at the head of
   the phrase after the figure (else of the subject): households, agencies,
   communes, people, officials, dossiers, procedures, ...
4. The indicator, from the taxonomy seed's keywords found on word boundaries,
   best first:
     subject   a specific keyword in the measured phrase; keywords past its
               base before the base's own ("100% máy tính được cài phần mềm
               diệt virus" is about antivirus) and before those in a place
               adjunct ("... công khai trên Cổng Dịch vụ công");
     clause    a specific keyword elsewhere in the figure's ';'-clause;
     sentence  a specific keyword elsewhere in the sentence;
     fallback  a generic `*_other` keyword, subject first.
   Within a step the nearest keyword wins (in the measured phrase: the first,
   as the phrase is read from its head), the longer one on a tie; a finer
   code found in the same step beats the code it refines ("cáp quang internet
   băng rộng" -> fibre_optic, which refines broadband_internet).
   "hệ thống này", "dịch vụ này" stand for the nearest earlier mention of that noun.
   After another figure, a comma or "và" that opens a predicate naming something starts
   the next figure's subject ("lắp 120 camera ..., nâng số điểm wifi lên 85 điểm"); a
   figure whose phrase names nothing measures what the figure right before it measured.
   Context, when its own words decided nothing specific (`classified_by` "context"): a
   bare noun that starts longer keywords stands for the nearest earlier one ("xây mới 9
   trạm" after "trạm BTS"; "312 tổ" after "tổ công nghệ số cộng đồng"), and a figure only a
   generic word names takes the specific topic of the fact figure before it in its
   paragraph, if of the same domain ("... 140 điểm phát wifi. Mỗi ngày có 9 nghìn lượt kết
   nối"). A length ("5,2 nghìn km") is counted by the taxonomy's indicator of lengths.
5. The base refines the indicator where the taxonomy has a code for it:
   households with internet, fibre included -> household_internet, officials trained ->
   officials_trained; and a verb that governs the counted units says what
   happened to them: people a training verb governs -> learners, dossiers
   "tiếp nhận" governs -> dossiers_received.
6. A part of a stated total named only by its channel ("trong đó trực tuyến:
   3.870 hồ sơ, trực tiếp 8.630 hồ sơ", also in the sentence or list items after
   the total) counts what its whole counts: the online part the whole's online
   indicator, the others the whole's own; a whole does not take its parts' words.
7. A table cell whose row label and column header name nothing specific (or only
   an indicator that cannot count the cell's unit) takes the measure from the
   table's caption, else its heading ("Tổng số trạm" under "Biểu 3: Trạm thu phát
   sóng di động"), else its unit; so do rows that are members of a kind ("Lĩnh
   vực | Năm 2022 | Năm 2023"). A column or row named only by a channel ("Trực
   tuyến", "- Trực tiếp, qua bưu chính") is a part of the row's total column or
   the row above, as in 6; a bare "Tỷ lệ (%)" column is the share of the column
   before it.

Every observation records how it was classified (`classified_by`), the keyword
that decided (`matched_keyword`) and, in domain "other", why (`relevance`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TypeVar

from dagster_project.extraction import layout, lexicon
from dagster_project.extraction.models import Observation, with_fields
from dagster_project.extraction.numbers import NUMBER_RE
from dagster_project.extraction.obs_context import OPENS_ON_A_SET, Sentence, channel_index, channel_of, clause_bounds
from dagster_project.extraction.taxonomy import FACT_DOMAINS, UNCLASSIFIED, Taxonomy, taxonomy
from dagster_project.extraction.words import KeywordIndex, Match, Script, Text, fold, tone_key

# classified_by values
SUBJECT, CLAUSE, SENTENCE, FALLBACK, RELEVANCE = "subject", "clause", "sentence", "fallback", "relevance"
CONTEXT = "context"  # a topic named before the figure's own words: its full name, the figure before
_REGION_RANK = {SUBJECT: 3, CLAUSE: 2, SENTENCE: 1}
_PHRASE_SYLLABLES = 16  # longest counted phrase read
_OPENED_PHRASE_SYLLABLES = 24  # ... when a measure word ("tỷ lệ", "số") opens it
_HEAD_SYLLABLES = 6  # how far into the phrase its base and relevance cues are looked for
_ANAPHOR_LOOKBACK = 800  # characters of the report a "hệ thống này" looks back over
_PUNCTUATION_BREAKS = frozenset(",;:(.!?")
_LIST_MARKS = frozenset("+-–•*")
_CLAUSE_ENDS = frozenset(";:.!?")
_SENTENCE_BREAKS = frozenset(";.!?")  # what ends a list of verbs after the counted units
_CLOSING = frozenset({")", "]", "%", "”", '"', "'", "percent", "phần", "trăm"})
_LOCATIVES = frozenset(lexicon.LOCATIVES)
_LOCATIVE_DETERMINERS = frozenset(lexicon.LOCATIVE_DETERMINERS)
_ACTIVITIES_OF_ANY_UNIT = frozenset(lexicon.ACTIVITIES_OF_ANY_UNIT)
_DESTINATION_BEFORE = re.compile(lexicon.word_alternation(lexicon.DESTINATIONS) + r"\s*$", re.IGNORECASE)
# Units of an indicator that a percentage cannot be (a share is no length or amount).
_NOT_A_SHARE = frozenset({"km", "vnd", "rank"})  # a share is no length, sum of money or rank
_LENGTH = "km"  # the taxonomy's unit of lengths
_EXTENT_LINKS = frozenset(lexicon.EXTENT_LINKING_VERBS)
_NUMBERED_NAMES = frozenset(lexicon.NUMBERED_NAMES)
_NAMED_BY_WHAT_FOLLOWS = frozenset(lexicon.NAMED_BY_WHAT_FOLLOWS)
_DEVICE_DOMAIN = "infrastructure"  # where software runs or a page is shown, not what a figure counts
# what a training verb makes of the people it governs, and the courses themselves
_TRAINING_CODES = frozenset(lexicon.GOVERNING_VERBS["training"][1].values()) | {"trainings"}


def _with_folded(words: tuple[str, ...]) -> str:
    """`words` as one bounded alternation that also matches them written without diacritics."""
    return lexicon.word_alternation(words + tuple(fold(w) for w in words))


_NOT_BEFORE = {k: re.compile(r"\s*" + _with_folded(v), re.IGNORECASE) for k, v in lexicon.KEYWORD_NOT_BEFORE.items()}
_KEYWORD_CONTEXT = {k: re.compile(lexicon.word_alternation(v), re.IGNORECASE) for k, v in lexicon.KEYWORD_CONTEXT.items()}
_KEYWORD_NOT_WITH = {k: re.compile(_with_folded(v), re.IGNORECASE) for k, v in lexicon.KEYWORD_NOT_WITH.items()}
_CHANNELS = frozenset(lexicon.CHANNELS)
_BENCHMARK_GAP = 3  # syllables from a national average to its rate: "bình quân cả nước là khoảng 82%"
_LEVEL_PASSED = frozenset({"vượt", "exceeded", "exceeds"})  # change verbs that also say "more than"
_OVER = frozenset({"trên", "/"})  # "x trên tổng số y": the total a share is taken over
# a word that names a thing by the number after it ("mức độ 4"): there it opens no subject
_LABEL_NOUN = re.compile("|".join(lexicon.LABEL_NOUNS_BEFORE), re.IGNORECASE)
_IT_STAFF = "it_staff"
_DATA_CENTRE = "data_centre"
_TEAMS = "community_digital_teams"
_HEADCOUNT_BASES = frozenset({"households", "people", "officials"})  # what a breakdown's headcount column counts
_MEMBERSHIP_WORDS = frozenset(lexicon.MEMBERSHIP_WORDS)
_LIST_JOINS = frozenset({",", *lexicon.LIST_CLOSERS})  # "96 camera, 12 máy chủ và 7 kỹ sư"
_CLAUSE_JOINS = _LIST_JOINS | {";"}

# A base narrows the indicator where the taxonomy has a finer code for that base.
_BASE_REFINES: dict[tuple[str, str], str] = {
    ("households", "broadband_internet"): "household_internet",
    ("households", "internet_subscribers"): "household_internet",
    ("households", "fibre_optic"): "household_internet",
    ("officials", "trainings"): "officials_trained",
    ("officials", "learners"): "officials_trained",
    ("people", "trainings"): "learners",
    ("subscribers", "broadband_internet"): "internet_subscribers",
    ("subscribers", "fibre_optic"): "internet_subscribers",  # fibre_optic is a share of units connected
    ("subscribers", "mobile_coverage"): "telecom_subscribers",  # coverage counts places, not subscribers
    # "58 nghìn hồ sơ thủ tục hành chính qua bưu chính": dossiers of procedures, or sent by
    # post, which a count of procedures or of post offices cannot be; every dossier counted is
    # one received
    ("dossiers", "admin_procedures"): "dossiers_received",
    ("dossiers", "postal_network"): "dossiers_received",
}
_RELEVANCE_REASONS = {
    "budget_revenue": "money", "dx_rankings": "rank", "index_scores": "score", "awards": "award",
    "goals_met": "goals met", "population": "population", "market_share": "market share",
    "comparisons": "comparison",
    # reasons with no code of their own: the figure stays unclassified
    "attendance": "attendance", "measure": "measure", "places": "places", "group_size": "size of a group",
    "headcount": "headcount of an agency", "offences": "offences", "outside_the_field": "people outside the digital field",
    "sector_units": "units of a sector", "threshold": "threshold of a condition",
    "whole_of_a_share": "whole a share was taken of", "contract_parties": "parties to contracts",
}
_COUNTED_UNITS = frozenset(lexicon.BED_UNITS)  # physical units a share may be of
_AREA_UNITS = frozenset(lexicon.AREA_UNITS)
_NO_KEYWORD = "no keyword"  # relevance of a figure that nothing named
_NO_CODE_REASONS = frozenset(
    {
        "attendance", "measure", "places", "group_size", "headcount", "offences", "outside_the_field", "sector_units",
        "threshold", "whole_of_a_share", "contract_parties",
    }
)
_SECTOR_UNIT_KEYWORDS = frozenset(lexicon.SECTOR_UNIT_KEYWORDS)
_LEARNER_KEYWORDS = frozenset(lexicon.LEARNER_KEYWORDS)
_OWN_PEOPLE_AND_UNITS = _SECTOR_UNIT_KEYWORDS | _LEARNER_KEYWORDS
_WORKFORCE_OTHER, _HEADCOUNT = "workforce_other", "headcount"
_TRAININGS, _LEARNERS = "trainings", "learners"
_TRAINED_FOR = frozenset(lexicon.TRAINED_FOR)
# the bases a training is for: people, officials, households ("tập huấn cho 380 hộ")
_TRAINED_BASES = frozenset(lexicon.GOVERNING_VERBS["training"][1])
_GIVEN_TO = frozenset(lexicon.GIVEN_TO)
_CLASSIFIERS = frozenset(lexicon.CLASSIFIERS)
_RECORDS = "services_other"  # what a count of records kept in software is
_PORTALS_AND_APPS = "portals_and_apps"
_RECORD_KEEPERS = frozenset({_PORTALS_AND_APPS})  # an app that keeps records names no figure of them
_DIGITISED = "digitisation"
_TOPICS_OF_PAGES = frozenset({"databases", "services_other", UNCLASSIFIED})  # codes a page count's topic may give it
_USERS = frozenset(lexicon.USER_WORDS)
_TURNS = frozenset(lexicon.TURN_WORDS)
_CHANNEL_ONLY_BASES = frozenset(lexicon.CHANNEL_ONLY_BASES)
_ABOUT = frozenset(lexicon.TRAINING_TOPIC_MARKERS)
_NOT_TRAINED = frozenset(lexicon.UNIT_BASE_KINDS_NOT_TRAINED)
_IT_FIELD = re.compile(lexicon.word_alternation(lexicon.IT_FIELDS), re.IGNORECASE)
_DIGITAL_FIELD = re.compile(lexicon.word_alternation(lexicon.DIGITAL_FIELDS), re.IGNORECASE)
# a subject of staff words alone, listed, then perhaps where they work or a clause of its own
# ("386 viên chức, người lao động, tuổi đời bình quân 38")
_UNTITLED_PEOPLE = frozenset(lexicon.UNTITLED_PEOPLE)  # people nouns that name no title
_STAFF_ONLY = re.compile(
    r"\s*" + lexicon.word_alternation(lexicon.STAFF_WORDS) + r"(?:\s*(?:,|\bvà\b)?\s*"
    + lexicon.word_alternation(lexicon.STAFF_WORDS) + r")*\s*(?:(?:" + lexicon.word_alternation(lexicon.STAFF_PLACE_WORDS)
    + r"|,).*)?$",
    re.IGNORECASE | re.DOTALL,
)
_ACCOUNTS = re.compile(r"\s*" + lexicon.word_alternation(lexicon.ACCOUNT_WORDS), re.IGNORECASE)
_PORTAL = re.compile(lexicon.word_alternation(lexicon.PORTAL_WORDS), re.IGNORECASE)
_DUTY_HOLDERS = lexicon.word_alternation(lexicon.IT_DUTY_HOLDERS)
_STAFF_HEAD = re.compile(r"\s*" + _DUTY_HOLDERS, re.IGNORECASE)
_IT_STAFF_NOUN = re.compile(r"\s*(?:lượt\s+)?" + _DUTY_HOLDERS + r"\s+" + lexicon.word_alternation(lexicon.IT_FIELDS), re.IGNORECASE)
# ... and staff whose phrase gives them a duty over IT ("viên chức phụ trách hạ tầng công nghệ thông tin")
_IT_DUTY = re.compile(
    r"\s*(?:lượt\s+)?" + _DUTY_HOLDERS
    + r"(?:(?:\s+[^\W\d_]+){0,2}?|(?:\s+[^\W\d_]+){0,5}?\s+" + lexicon.word_alternation(lexicon.ALSO_SERVING_AS) + r")"
    + r"\s+(?P<verb>" + lexicon.alternation(lexicon.IT_DUTY_VERBS) + r")"
    + r"(?:\s+[^\W\d_]+){0,3}?\s+" + lexicon.word_alternation(lexicon.IT_DUTY_OBJECTS) + r"\b",
    re.IGNORECASE,
)
# ... and staff assigned to any task ("3 nhân viên phụ trách bán hàng trực tuyến")
_ASSIGNED = re.compile(
    r"\s*(?:lượt\s+)?" + _DUTY_HOLDERS
    + r"(?:\s+[^\W\d_]+){0,2}?\s+(?P<verb>" + lexicon.alternation(lexicon.ASSIGNED_DUTY_VERBS) + r")\b",
    re.IGNORECASE,
)
_NOT_WORKFORCE_FACTS = frozenset({"services", "infrastructure"})
# ... or a column "Bình quân (người/tổ)"
_PER_GROUP_HEADER = re.compile(r"/\s*" + lexicon.word_alternation(lexicon.GROUP_UNITS), re.IGNORECASE)
# ... or "bình quân mỗi lớp có khoảng 150 học viên"
_GROUP_BEFORE = re.compile(
    r"\b(?:mỗi|một|per)\s+" + lexicon.word_alternation(lexicon.GROUP_UNITS) + r"[^\d.;:]{0,20}$", re.IGNORECASE
)
# ... or "mỗi lớp không quá 60 học viên", whatever the figure's kind
_GROUP_CAP_BEFORE = re.compile(
    r"\b(?:mỗi|một|per|each)\s+" + lexicon.word_alternation(lexicon.GROUP_UNITS) + r"[^\d.;:]{0,20}?"
    + lexicon.word_alternation(lexicon.GROUP_CAPS) + r"\s*$", re.IGNORECASE,
)
# "bình quân 5,5 thành viên/tổ", "89,6 học viên mỗi lớp": the average size of a team or class
_PER_GROUP = re.compile(
    r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*(?:/|\bmỗi\b|\bmột\b|\bper\b)\s*"
    + lexicon.word_alternation(lexicon.GROUP_UNITS), re.IGNORECASE,
)


# Syllables from a governing verb to the figure it governs: "tiếp nhận trong quý I 6.312 hồ
# sơ"; a verb of any unit must stand right before it ("đã số hóa 1.652.000 sổ").
_VERB_REACH, _ANY_UNIT_VERB_REACH = 6, 2
_ROUND_MAXIMA = frozenset({10.0, 100.0, 1000.0})
_RADIUS_WORDS = frozenset({"kính", "radius", "cách", "within"})  # "bán kính", "cách trung tâm"
# syllables from the word to the distance: "bán kính 12 km"; "cách" (away from) names the
# place first, "cách trung tâm huyện trên 50 km" ("bán kính phục vụ bình quân 4,12 km" of a
# postal network is its service radius, an indicator)
_RADIUS_GAP, _RADIUS_REACH = 3, 6
_AWAY_FROM = frozenset({"cách"})


@dataclass(frozen=True)
class Classification:
    indicator_code: str
    domain: str
    classified_by: str | None
    matched_keyword: str | None
    relevance: str | None
    base: str | None


def classify_observations(
    text: str, observations: Sequence[Observation], tax: Taxonomy | None = None
) -> list[Observation]:
    """The observations of one report (as `extract_observations` returned them) with their indicator."""
    report = _Report(text, tax or taxonomy())
    figures = [report.place(obs) for obs in observations]  # every figure is placed before any is read
    classified = [with_fields(obs, **report.classify(obs, figure).__dict__) for obs, figure in zip(observations, figures)]
    classified = [report.under_an_open_label(obs, done) for obs, done in zip(observations, classified)]
    classified = _table_cells_by_title(classified, report.tax)
    classified = _parts_by_channel(text, classified, report.tax)
    classified = _parts_of_nothing_else(text, _parts_in_the_whole_s_units(_parts_by_level(text, classified)))
    classified = _levels_after_a_semicolon(text, classified)
    classified = _topics_carried_on(text, classified, report.tax)
    classified = [_turns_of_a_training(_headcount(obs, report.tax), report.tax) for obs in classified]
    classified = [_whole_of_a_share(obs, report.tax) for obs in classified]
    classified = [_set_taken_out_of(obs, report.tax) for obs in _parts_of_a_headcount(classified, report.tax)]
    return _trainees_of_a_training(text, classified, report.tax)


def _no_figure(obs: Observation, tax: Taxonomy, **fields: object) -> Observation:
    """`obs` found to be no figure of any indicator, with why (`fields`: classified_by,
    relevance, matched_keyword)."""
    return with_fields(obs, indicator_code=UNCLASSIFIED, domain=tax[UNCLASSIFIED].domain, **fields)


_UP_TO_ITS_COMMA = re.compile(r"[^\d,;.:]{1,40},")


def _set_taken_out_of(obs: Observation, tax: Taxonomy) -> Observation:
    """"Trong 5 máy ép kiện, 3 máy đã gắn bộ đếm kiện nối với phần mềm": the set a sentence opens
    on, that the figures after it are taken out of, is no figure of what the sentence goes on
    to say of them; only words of its own would make it one."""
    if obs.classified_by != FALLBACK:
        return obs
    start, end = _quote_span(obs)
    if not (OPENS_ON_A_SET.match(obs.sentence[:start]) and _UP_TO_ITS_COMMA.match(obs.sentence, end)):
        return obs
    return _no_figure(obs, tax, classified_by=None, matched_keyword=None, relevance=_NO_KEYWORD)


# A share, then the words that name the whole it was taken of, right before a figure.
_SHARE_THEN_WHOLE = re.compile(
    r"(?:" + lexicon.word_alternation(lexicon.SHARE_VERBS) + r")\s+(?:\w+\s+){0,2}?[\d.,]+\s*%\s*"
    + lexicon.word_alternation(lexicon.WHOLE_OF_A_SHARE_BEFORE) + r"\s*$",
    re.IGNORECASE,
)
# ... or a count, then the words naming the whole it was counted out of.
_PART_THEN_WHOLE = re.compile(r"\d\s+" + lexicon.word_alternation(lexicon.WHOLE_OF_A_PART_BEFORE) + r"\s*$", re.IGNORECASE)


def _whole_of_a_share(obs: Observation, tax: Taxonomy) -> Observation:
    """"1.270 đơn đặt hàng trực tuyến, chiếm 74% trong tổng số 1.716 đơn", "142 trong số 175 đại
    lý đặt hàng qua cổng": the whole a share or a count was taken of counts every unit, online or
    not, so no code the part's words gave it: the code of all such units where there is one ("hồ
    sơ": dossiers received), else none. Not a whole whose own words name a topic ("... tổng số
    1.200 doanh nghiệp có hóa đơn điện tử")."""
    if obs.unit != "count" or obs.domain not in FACT_DOMAINS or obs.scope == "table":
        return obs
    before = obs.sentence[: _quote_span(obs)[0]]
    if _PART_THEN_WHOLE.search(before) is None:  # (what follows "142 trong số 175 đại lý" is said of the 142)
        if obs.matched_keyword and obs.matched_keyword.lower() in obs.subject.lower():
            return obs
        if _SHARE_THEN_WHOLE.search(before) is None:
            return obs
    every_unit = lexicon.TABLE_BASE_INDICATORS.get(obs.base or "")
    if every_unit in tax.indicators:
        return with_fields(obs, indicator_code=every_unit, domain=tax[every_unit].domain, classified_by=CLAUSE,
                           matched_keyword=f"{obs.base} (the whole of a share)")
    return _no_figure(obs, tax, classified_by=RELEVANCE, relevance=_RELEVANCE_REASONS["whole_of_a_share"])


def _parts_of_a_headcount(observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """"Công ty có 58 nhân viên, trong đó 42 công nhân bốc xếp, 9 tài xế và 2 nhân viên công nghệ
    thông tin": the parts of a whole of people that is no figure (an agency's headcount) are
    none either when no word of their own gave them a topic (only the sentence's staff word
    did), nor their clause names the IT field ("tổ kỹ thuật - công nghệ thông tin có 5 người")."""
    wholes = {o.ordinal: o for o in observations if o.indicator_code == UNCLASSIFIED}
    out = []
    for obs in observations:
        whole = wholes.get(obs.parent_ordinal) if obs.parent_ordinal is not None else None
        if whole is not None and (
            obs.classified_by == FALLBACK and obs.indicator_code == _WORKFORCE_OTHER or _named_by_another_part(obs)
        ) and not _IT_FIELD.search(_CLAUSE_SPLIT.split(obs.sentence[: _quote_span(obs)[0]])[-1]):
            obs = _no_figure(
                obs, tax, classified_by=whole.classified_by, relevance=whole.relevance,
                matched_keyword=whole.matched_keyword,
            )
        out.append(obs)
    return out


_CLAUSE_SPLIT = re.compile(r"[,;:]")
_STAFF_CODES = frozenset({_IT_STAFF, _WORKFORCE_OTHER})


def _named_by_another_part(obs: Observation) -> bool:
    """"trong đó 48 thợ khuôn và 4 kỹ sư công nghệ thông tin": people coded staff of the field
    by a keyword outside their own phrase, which names no field of ours: the other part's."""
    if obs.indicator_code not in _STAFF_CODES or obs.classified_by not in (CLAUSE, SENTENCE, CONTEXT, FALLBACK):
        return False
    if obs.base is None or _base_kind(obs.base) != "people":
        return False
    return not _DIGITAL_FIELD.search(obs.subject) and not _IT_DUTY.match(obs.subject)


# What joins a count of sessions to the people they were held for: "3 buổi hướng dẫn cho 24
# thợ khoan", "5 lớp hướng dẫn 310 nông dân" (the sessions' own words before it, no clause break)
# ... or turns of people joined to it by "và" ("mở 9 khóa đào tạo và 560 lượt công nhân học dùng
# máy tính bảng"): the people's turns at the training, whatever they learnt to use.
_AND_THEN = re.compile(r"[^\d;.:()]{0,60}?" + lexicon.word_alternation(lexicon.LIST_CLOSERS) + r"\s*$", re.IGNORECASE)
_FOR_THE_TRAINEES = re.compile(
    r"[^\d;.:()]{0,60}?" + lexicon.word_alternation(lexicon.TRAINEE_CONNECTORS)
    + r"\s*(?:" + lexicon.alternation(lexicon.QUALIFIERS) + r"\s+)?$",
    re.IGNORECASE,
)


def _trainees_of_a_training(text: str, observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """"tổ chức 3 buổi hướng dẫn cho 24 thợ khoan cách ghi nhật ký trên máy tính bảng": the
    people a count of sessions was held for are its learners, whatever the phrase after them
    says they learnt to use (the tablet, the app): that names what was taught. So are turns
    of people joined to the sessions by "và" ("6 lớp tập huấn và 165 lượt nông dân học ...")."""
    out = list(observations)
    for k in range(1, len(out)):
        obs, sessions = out[k], out[k - 1]
        if (
            sessions.indicator_code != _TRAININGS or sessions.classified_by != SUBJECT
            or sessions.sentence_index != obs.sentence_index or obs.unit != "count"
            or obs.indicator_code == _LEARNERS or tax[obs.indicator_code].refines == _LEARNERS
            or obs.base is None or _base_kind(obs.base) != "people" or _LEARNERS not in tax.indicators
        ):
            continue
        # (a count of people's turns is never one of trainings, whatever code it took)
        turns_after = _AND_THEN.fullmatch(text, sessions.char_end, obs.char_start) and _noun_after(text, obs) in _TURNS
        if obs.indicator_code == _TRAININGS and not turns_after:
            continue
        if turns_after or _FOR_THE_TRAINEES.fullmatch(text, sessions.char_end, obs.char_start):
            code = _BASE_REFINES.get((obs.base, _LEARNERS), _LEARNERS)
            code = code if code in tax.indicators else _LEARNERS
            out[k] = with_fields(
                obs, indicator_code=code, domain=tax[code].domain, classified_by=CLAUSE, relevance=None,
                matched_keyword=f"{sessions.matched_keyword} (held for)",
            )
    return out


def _turns_of_a_training(obs: Observation, tax: Taxonomy) -> Observation:
    """"riêng năm 2024 là 14 lớp, 1.680 lượt": turns alone, said of a training, are its
    learners' turns (a course is counted in classes, never in turns)."""
    if obs.indicator_code != _TRAININGS or obs.unit != "count" or _LEARNERS not in tax.indicators:
        return obs
    if obs.subject.strip(" .,;:").lower() not in _TURNS:
        return obs
    keyword = f"{obs.matched_keyword or _TRAININGS} ({obs.subject.strip()})"
    return with_fields(obs, indicator_code=_LEARNERS, matched_keyword=keyword)


def _headcount(obs: Observation, tax: Taxonomy) -> Observation:
    """"Cục Thuế có 1.148 công chức, người lao động tại các chi cục": people in prose whose
    phrase is staff words alone (then perhaps where they work), to whom no figure near gave
    a topic, are an agency's headcount, no figure of its digital workforce; "5 công chức làm
    công nghệ thông tin": people whose own phrase names the IT field are IT staff, and so are
    staff no keyword, or only their clause's, named whose phrase names it ("3 kỹ thuật viên công
    nghệ thông tin", "bộ phận thương mại điện tử có ..., trong đó 2 người chuyên lập trình")."""
    if obs.unit != "count" and not _a_part_of_a_total(obs) or obs.scope == "table":
        return obs  # (a column of people under a caption that names the team)
    if obs.indicator_code == _IT_STAFF and _of_another_field(obs):
        # "trong đó 4 kỹ sư công nghệ thông tin và 36 kỹ sư nông nghiệp": the 36 took the IT
        # engineers' phrase, but the field after their own title is theirs
        return _no_figure(obs, tax, classified_by=RELEVANCE, relevance=_RELEVANCE_REASONS["outside_the_field"])
    if obs.indicator_code == UNCLASSIFIED and obs.relevance == _NO_KEYWORD and obs.base is not None and (
        _base_kind(obs.base) == "people"
    ):
        # "Chuỗi có 3 kỹ thuật viên công nghệ thông tin": staff no keyword named, but their phrase names the
        # field (not "120 sinh viên ngành công nghệ thông tin": students)
        field = _IT_FIELD.search(obs.subject)
        if field is not None and _STAFF_HEAD.match(obs.subject) and _IT_STAFF in tax.indicators:
            return with_fields(
                obs, indicator_code=_IT_STAFF, domain=tax[_IT_STAFF].domain, classified_by=SUBJECT,
                matched_keyword=field.group(), relevance=None,
            )
        return obs
    # "2 nhân viên công nghệ thông tin trực ứng dụng": staff the field names right after them
    # are IT staff, whatever their phrase goes on to name, and whatever named them
    named = obs.indicator_code != _IT_STAFF and _IT_STAFF_NOUN.match(obs.subject) is not None
    if obs.indicator_code not in _TRAINING_CODES and obs.base is not None and _base_kind(obs.base) == "people" and (
        _IT_STAFF in tax.indicators and (named or obs.classified_by in (CLAUSE, SENTENCE, FALLBACK) and _STAFF_HEAD.match(obs.subject))
    ):
        # "bộ phận thương mại điện tử có 6 nhân viên, trong đó 2 người chuyên lập trình": what
        # their own phrase names beats the clause's topic
        field = _IT_FIELD.search(obs.subject)
        if field is not None:
            return with_fields(
                obs, indicator_code=_IT_STAFF, domain=tax[_IT_STAFF].domain, classified_by=SUBJECT,
                matched_keyword=field.group(), relevance=None if named else obs.relevance,
            )
    if obs.classified_by != FALLBACK or obs.indicator_code != _WORKFORCE_OTHER:
        return obs
    if obs.base is not None and _base_kind(obs.base) == "units":
        # "Sở có 9 phòng và 5 đơn vị sự nghiệp, với 312 công chức": bodies, not people
        return _no_figure(obs, tax, classified_by=None, matched_keyword=None, relevance=_NO_KEYWORD)
    field = _IT_FIELD.search(obs.subject)
    if field is not None and _IT_STAFF in tax.indicators:
        return with_fields(obs, indicator_code=_IT_STAFF, classified_by=SUBJECT, matched_keyword=field.group())
    if not _STAFF_ONLY.match(obs.subject):
        if _DIGITAL_FIELD.search(obs.sentence):
            return obs  # "350 cán bộ tham gia tập huấn chuyển đổi số": people said to do something
        # "Câu lạc bộ nữ doanh nhân có 214 thành viên; ...", "tin nhắn được gửi tới 1.850 cán bộ
        # chỉ huy": people that only a staff word named, in a sentence naming no digital field
        return _no_figure(obs, tax, classified_by=RELEVANCE, relevance=_RELEVANCE_REASONS["outside_the_field"])
    return _no_figure(obs, tax, classified_by=RELEVANCE, relevance=_RELEVANCE_REASONS[_HEADCOUNT])


# What may follow a title and name no field of its own: a place or a level, what they have or
# do ("người có trình độ thạc sĩ", "người làm công tác ..."), or a duty or the digital field anywhere.
_OWN_FIELD_NOT = re.compile(
    r"\s*(?:" + lexicon.word_alternation(
        lexicon.STAFF_PLACE_WORDS + lexicon.LOCATIVES + lexicon.PLACE_UNIT_WORDS + lexicon.PREDICATE_MARKERS
        + lexicon.STAFF_DOING
    ) + r")|.*" + lexicon.word_alternation(lexicon.IT_DUTY_VERBS + lexicon.ALSO_SERVING_AS + lexicon.DIGITAL_FIELDS),
    re.IGNORECASE,
)


def _of_another_field(obs: Observation) -> bool:
    """People whose own phrase is a title and a field of its own ("36 kỹ sư nông nghiệp"), coded
    by a keyword their phrase does not hold: the keyword was another figure's ("4 kỹ sư công nghệ
    thông tin và ..."). Not a duty, a place or a level after the title ("40 cán bộ kiêm nhiệm",
    "48 công chức cấp xã"): those are the same staff, elsewhere or part time."""
    if obs.base is None or _base_kind(obs.base) != "people" or obs.classified_by != SUBJECT:
        return False
    keyword = (obs.matched_keyword or "").lower()
    title = _STAFF_HEAD.match(obs.subject)
    if not keyword or keyword in obs.subject.lower() or title is None or title.group().strip().lower() == "người":
        return False  # (a bare "người" is anyone: "trong đó 38 người ...")
    rest = obs.subject[title.end():]
    return bool(rest.strip()) and rest[:1].isspace() and _OWN_FIELD_NOT.match(rest) is None


# --- the topic of the figure before ------------------------------------------------------

_TOPIC_REACH = 400  # characters back from a figure to the figure whose topic it may take
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _topics_carried_on(text: str, observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """A figure that only a generic word names ("Mỗi ngày có khoảng 9 nghìn lượt kết nối":
    infrastructure_other) goes on with the topic of the fact figure before it in its
    paragraph ("... 140 điểm phát wifi công cộng"), when that one has a specific indicator of
    the same domain; a figure of another domain between them ends the topic. A figure that
    its own phrase does not name and whose words point back ("Tỷ lệ này đạt 87,6%"; "ở cấp
    xã, tỷ lệ này là 92%") measures what the classified figure before it in its paragraph
    measured, whatever its domain."""
    out = list(observations)
    before: Observation | None = None  # the latest fact figure so far
    named: Observation | None = None  # the latest figure with an indicator of its own
    rates: list[Observation] = []  # the classified percentages so far, latest last
    for k, obs in enumerate(out):
        pointer = _points_back(text, obs)
        ranked = _ranked_rate(text, obs) if pointer is None else None
        if ranked is not None and (rate := _rate_ranked(text, rates, obs, ranked[1])) is not None:
            # "Ba huyện có tỷ lệ kích hoạt cao nhất là A, B và C, lần lượt là 93,4%, ...": the
            # places ranked by the rate the paragraph stated, the one its words repeat
            out[k] = obs = with_fields(
                obs, indicator_code=rate.indicator_code, domain=rate.domain, classified_by=CONTEXT,
                relevance=rate.relevance, matched_keyword=f"{ranked[0]} (the rate before: {rate.indicator_code})",
            )
        elif pointer and named is not None and _near(text, named, obs):
            if _earlier_than(text, obs, named):
                # "(chiếm 81%). Tỷ lệ này năm 2023 chỉ là 12%": the same measure at an earlier time
                out[k] = obs = with_fields(
                    obs, indicator_code=_COMPARISONS, domain=tax[_COMPARISONS].domain, classified_by=RELEVANCE,
                    relevance=_RELEVANCE_REASONS[_COMPARISONS], matched_keyword=f"{pointer} (earlier)",
                )
            else:
                out[k] = obs = with_fields(
                    obs, indicator_code=named.indicator_code, domain=named.domain, classified_by=CONTEXT,
                    relevance=named.relevance,
                    matched_keyword=f"{pointer} (the figure before: {named.indicator_code})",
                )
        elif _share_of_count_before(text, obs, out[k - 1] if k else None):
            count = out[k - 1]
            out[k] = obs = with_fields(
                obs, indicator_code=count.indicator_code, domain=count.domain, classified_by=count.classified_by,
                relevance=None, matched_keyword=f"share of: {count.matched_keyword}",
            )
        elif _same_units_unnamed(obs, before) and before is not None and _near(text, before, obs):
            out[k] = obs = with_fields(
                obs, indicator_code=before.indicator_code, domain=before.domain, classified_by=CONTEXT,
                relevance=None, matched_keyword=f"{obs.base} (the units before: {before.indicator_code})",
            )
        elif obs.classified_by == FALLBACK and before is not None and _near(text, before, obs) and not (
            before.domain != obs.domain or tax[before.indicator_code].generic or _names_its_own_thing(obs)
        ):
            out[k] = obs = with_fields(
                obs, indicator_code=before.indicator_code, classified_by=CONTEXT,
                matched_keyword=f"{obs.matched_keyword} (the topic before: {before.indicator_code})",
            )
        if obs.domain in FACT_DOMAINS:
            before = obs
        if obs.indicator_code != UNCLASSIFIED and obs.classified_by != RELEVANCE:
            named = obs
            if obs.unit == "percent":
                rates.append(obs)
    return out


def _names_its_own_thing(obs: Observation) -> bool:
    """The figure's own phrase names the one thing its generic keyword stands for (an
    e-invoice, a traceability stamp), so it counts that thing, not the topic before it."""
    keyword = obs.matched_keyword or ""
    return keyword in lexicon.OWN_THINGS_OF_GENERIC_CODES and keyword in (obs.subject or "").lower()


def _ranked_rate(text: str, obs: Observation) -> tuple[str, list[str]] | None:
    """The words "tỷ lệ kích hoạt cao nhất" before a figure its own phrase does not name, and
    the words between the rate and its ranking ("kích hoạt")."""
    if obs.unit != "percent" or _points_back_blocked(obs):
        return None
    found = _RANKED_RATE.search(_sentence_lead(text, obs))
    return (found.group(0), found.group(1).lower().split()) if found else None


def _rate_ranked(text: str, rates: list[Observation], obs: Observation, words: list[str]) -> Observation | None:
    """The latest percentage within reach whose clause holds every word the ranking repeats,
    else (when it repeats none) the latest percentage within reach."""
    for rate in reversed(rates):
        if not _near(text, rate, obs):
            return None
        if all(w in rate.clause.lower() for w in words):
            return rate
    return None


def _same_units(base: str, other: str | None) -> bool:
    """People counted after officials are those officials ("Số công chức chuyên trách: 142
    người / + Cấp tỉnh: 58 người")."""
    return base == other or (base, other) == ("people", "officials")


def _share_of_count_before(text: str, obs: Observation, count: Observation | None) -> bool:
    """A percentage in brackets right after a count of its sentence ("9.740 người (93,2%)")
    is that count's share, when its own phrase named nothing more specific."""
    return (
        count is not None and obs.unit == "percent" and count.unit == "count" and obs.scope != "table"
        and count.sentence_index == obs.sentence_index and count.domain in FACT_DOMAINS
        and obs.indicator_code != count.indicator_code and obs.classified_by != RELEVANCE
        and (obs.base is None or _same_units(obs.base, count.base))  # "chiếm 86,5% tổng số cán bộ": other units
        and obs.relevance in (None, _NO_KEYWORD, "topic")
        and (obs.classified_by != SUBJECT or obs.matched_keyword == count.matched_keyword
             or _OF_THE_TOTAL.match(obs.subject) is not None)
        and obs.parent_ordinal is None and obs.char_start >= count.char_end
        and _SHARE_LINK.fullmatch(text, count.char_end, obs.char_start) is not None
    )


# "9.740 người (93,2%)", "1.247 hồ sơ nộp qua mạng, đạt 97,1%"
_SHARE_LINK = re.compile(r"\s*[^\W\d_]*\s*\(\s*|[^\d;.!?()]{0,40},\s*(?:đạt|chiếm|bằng|tương đương)\s+", re.IGNORECASE)
# "đạt 99,8% tổng số hồ sơ": a share of the whole the count before belongs to
_OF_THE_TOTAL = re.compile(r"\s*(?:tổng số|tổng)\b", re.IGNORECASE)


def _same_units_unnamed(obs: Observation, before: Observation | None) -> bool:
    """`obs` counts the same units as the fact figure before it and nothing names what they
    did ("126 hộ mở gian hàng trên sàn ... Các huyện có số hộ tham gia đông nhất, lần lượt
    912, 744 và 603 hộ")."""
    return (
        before is not None and obs.base is not None and _same_units(obs.base, before.base) and obs.unit == "count"
        and before.unit == "count" and obs.indicator_code == UNCLASSIFIED and obs.relevance == _NO_KEYWORD
        # "Toàn tỉnh hiện có khoảng 68.000 hộ kinh doanh", "Dân số của tỉnh khoảng 4,49 triệu
        # người": what the territory has, its people, no part of what was counted before
        and not _TERRITORY_HAS.search(lead := obs.sentence[: _quote_span(obs)[0]])
        and not _POPULATION_BEFORE.search(lead)
        and not _people_of_another_title_beside(obs, before)
    )


def _people_of_another_title_beside(obs: Observation, before: Observation) -> bool:
    """"có 2 kỹ sư phụ trách phần mềm, 11 thợ lắp đặt": people of another title (its first two
    words), listed in the same sentence, are other people than those counted before them."""
    subjects = [" ".join(o.subject.lower().split()) for o in (obs, before)]
    if any(f"{subjects[0]} ".startswith(f"{w} ") for w in _UNTITLED_PEOPLE):
        return False  # "12 người có trình độ thạc sĩ, 79 người trình độ đại học": people, no title
    titles = [" ".join(s.split()[:2]) for s in subjects]
    return (
        obs.sentence_index == before.sentence_index and _base_kind(obs.base or "") == "people"
        and all(titles) and titles[0] != titles[1]
    )


_POPULATION_BEFORE = re.compile(lexicon.word_alternation(lexicon.POPULATION_CUES), re.IGNORECASE)


_TERRITORY_HAS = re.compile(
    r"^\W*(?:toàn|cả|trên địa bàn)\s+" + lexicon.word_alternation(lexicon.PLACE_UNIT_WORDS + ("nước", "quốc"))
    + r"[^,;:]{0,20}\bcó\b", re.IGNORECASE,
)


_COMPARISONS = "comparisons"
_CITIZEN_ID_LINKED = "citizen_id_linked_data"
_ELECTRONIC_ID = "electronic_identification"
_IDENTITY_CHECK_WORDS = frozenset(lexicon.IDENTITY_CHECK_WORDS)
_EARLIER = re.compile(
    r"\b(?:năm trước|năm ngoái|cùng kỳ|trước đó|the year before|a year earlier|last year)\b|\b((?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def _earlier_than(text: str, obs: Observation, named: Observation) -> bool:
    """The words between "Tỷ lệ này" and its figure name a time before the figure pointed at
    ("năm 2023" after a figure of 2024, "cùng kỳ")."""
    for m in _EARLIER.finditer(_sentence_lead(text, obs)):
        if m.group(1) is None:
            return True
        if named.as_of_date is not None and int(m.group(1)) < named.as_of_date.year:
            return True
    return False


def _near(text: str, before: Observation, obs: Observation) -> bool:
    """`before` is a prose figure of `obs`'s paragraph, within reach."""
    return not (
        before.scope == "table" or obs.scope == "table" or obs.char_start - before.char_end > _TOPIC_REACH
        or _BLANK_LINE.search(text, before.char_end, obs.char_start) is not None
    )


_MEASURE_ANAPHOR = re.compile(lexicon.word_alternation(lexicon.MEASURE_ANAPHORS), re.IGNORECASE)
_OPENING_REACH = 100  # characters before a figure where "Tỷ lệ này" may stand (past "A và B, lần lượt là")


def _points_back(text: str, obs: Observation) -> str | None:
    """The "Tỷ lệ này" / "Con số đó" before a figure that its own phrase does not name."""
    if _points_back_blocked(obs):
        return None
    found = _MEASURE_ANAPHOR.search(_sentence_lead(text, obs))
    return found.group(0) if found else None


def _points_back_blocked(obs: Observation) -> bool:
    """A figure its own phrase named, or that is no digital-transformation figure, points nowhere."""
    return obs.classified_by in (SUBJECT, RELEVANCE, CONTEXT) or obs.relevance not in (None, _NO_KEYWORD)


_RANKED_RATE = re.compile(
    lexicon.word_alternation(lexicon.RATE_WORDS) + r"((?:\s+[^\W\d]+){0,6}?)\s+"
    + lexicon.word_alternation(lexicon.RANKING_WORDS) + r"(?!\s+hơn)",
    re.IGNORECASE,
)


def _sentence_lead(text: str, obs: Observation) -> str:
    """The words of `obs`'s sentence right before it, up to _OPENING_REACH characters."""
    return _SENTENCE_END.split(text[max(0, obs.char_start - _OPENING_REACH) : obs.char_start])[-1]


_SENTENCE_END = re.compile(r"[.;!?\n]")


# --- table cells named by the table's title ----------------------------------------------

_TOTAL_COLUMN = re.compile(r"^\s*" + lexicon.word_alternation(lexicon.TOTAL_ROW_WORDS), re.IGNORECASE)


def _undecided(obs: Observation, tax: Taxonomy) -> bool:
    """A table cell whose row and column named nothing specific (a generic `*_other` or no
    keyword), or only an indicator that cannot count the cell's unit ("Tỷ lệ hồ sơ thủ tục
    hành chính ...": dossiers, not procedures)."""
    if obs.scope != "table" or obs.classified_by == RELEVANCE:
        return False
    if obs.indicator_code in lexicon.BASE_EXCLUDES.get(obs.base or "", ()):
        return True
    return obs.classified_by in (FALLBACK, None) and (
        obs.indicator_code == UNCLASSIFIED or tax[obs.indicator_code].generic
    )


def _category_row(obs: Observation) -> bool:
    """A cell of a table whose rows are members of a kind and whose columns are periods or
    plans (no measure column names what it counts)."""
    return obs.scope == "table" and obs.extra.get("table_rows") == "categories"


def _title_code(obs: Observation, tax: Taxonomy, by_base: bool = True) -> tuple[str, str] | None:
    """(code, keyword): the first specific keyword of the table's caption, else of its heading,
    else of the paragraph that introduces it (layout.Scope.lead_in), that can count the cell's
    unit ("Bảng 2. Kết quả tiếp nhận hồ sơ ..." -> dossiers_received; a count of dossiers is no
    count of procedures); else, with `by_base`, what that unit counts by itself
    (lexicon.TABLE_BASE_INDICATORS)."""
    bases: list[str] = []
    titles = (obs.extra.get("table_caption"), obs.extra.get("table_heading"), obs.extra.get("table_lead_in"))
    for k, title in enumerate(titles):
        if not title or _ATTACHMENT_NOTE.match(title):
            continue
        # A cell that names no unit counts what the title's head noun names ("Biểu 2. Hồ sơ
        # thủ tục hành chính cấp huyện": dossiers, not procedures); the caption's unit holds
        # under the heading too ("2. Giải quyết thủ tục hành chính" names no dossiers).
        base = obs.base or (bases[0] if bases else None) or _first_base(title)
        if base:
            bases.append(base)
        excluded = lexicon.BASE_EXCLUDES.get(base or "", frozenset())
        # dossiers and documents are counted in the domain of services: a heading over a table
        # of them that names the workforce ("3. Xã hội số và nhân lực số") names its section's
        # topic, where the table's own caption named none of its measures
        own_indicator = lexicon.TABLE_BASE_INDICATORS.get(base or "")
        domains = FACT_DOMAINS
        if k > 0 and own_indicator in tax.indicators:  # the heading or lead-in, not the caption
            domains = {tax[own_indicator].domain}
        text = Text(title)
        found = _outside_names(_keywords(tax, text), _lexicon_index().find(text))
        inner = _inner(found)
        fitting = [
            m for m in found
            if m not in inner and not tax[m.payload].generic and m.payload not in excluded
            and tax[m.payload].domain in domains
        ]
        if fitting:
            # "Bảng 2. Camera giám sát và thành viên tổ công nghệ số cộng đồng": the column
            # "Thành viên" is read where the title names it, when the title names something else
            # before it and the column's words are no part of a keyword ("Tổng số hồ sơ" under
            # "tiếp nhận hồ sơ trực tuyến" counts the title's dossiers, not its online ones)
            named = _column_in_title(obs.table_column, title)
            if named is not None and not any(m.start < named[1] and named[0] < m.end for m in fitting) and any(
                m.end <= named[0] for m in fitting
            ):
                fitting = [m for m in fitting if m.start >= named[1]] or fitting
            first = min(fitting, key=lambda m: (m.first, -(m.last - m.first)))
            return first.payload, first.keyword
    if obs.base and obs.base not in bases:
        bases.append(obs.base)
    for base in bases if by_base else ():
        named = lexicon.TABLE_BASE_INDICATORS.get(base)
        if named in tax.indicators:
            return named, base
    return None


_ATTACHMENT_NOTE = re.compile(r"^\W*" + lexicon.word_alternation(lexicon.ATTACHMENT_NOTE_OPENERS), re.IGNORECASE)


def _column_in_title(column: str | None, title: str) -> tuple[int, int] | None:
    """Where the title names the cell's column header (past a leading "Số"/"Tỷ lệ"), if it does."""
    if not column:
        return None
    words = _LEADING_MEASURE.sub("", " ".join(column.split())).lower()
    if len(words) < 3:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", title, re.IGNORECASE)
    return found.span() if found else None


_LEADING_MEASURE = re.compile(r"^" + lexicon.alternation(lexicon.SUBJECT_OPENERS) + r"\s+", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked for every cell of a table, of the same caption and heading
def _first_base(title: str) -> str | None:
    """The first counted unit a title names, past its "Bảng 2." / "Biểu 3:" label."""
    bases = [w for w in _lexicon_index().find(Text(title)) if w.payload[0] == "base"]
    return min(bases, key=lambda w: (w.first, -(w.last - w.first))).payload[1] if bases else None


def _table_cells_by_title(observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """Cells whose row label and column header name no measure take it from the table's
    title: "Tổng số trạm" under "Biểu 3: Trạm thu phát sóng di động (BTS) ..." counts BTS
    stations. A column or row named only by a channel ("Trực tuyến", "- Trực tiếp, qua
    bưu chính", "Tỷ lệ trực tuyến (%)") is a part of the row's total column ("Tổng số hồ
    sơ"), else of the row above, else of what the title names: the online part takes its
    online indicator (lexicon.PART_ONLINE_VARIANTS). A bare "Tỷ lệ (%)" column is the share
    of the column before it."""
    out = list(observations)
    channel_cells = []
    deferred = []
    for k, obs in enumerate(out):
        if _category_row(obs):
            # "Tư pháp - Hộ tịch | 62,7 | 80,5" under "Tỷ lệ hồ sơ nộp trực tuyến của một số
            # lĩnh vực": the row names a field, the caption the measure; a cell judged no
            # measurement (a "Tỷ lệ so với kế hoạch (%)" column) stays so.
            if obs.classified_by == RELEVANCE:
                continue
            found = _title_code(obs, tax, by_base=False)
            if found is not None:
                out[k] = _by_title(obs, found, tax)
            continue
        if obs.scope != "table":
            continue
        channel = _channel_only(obs.subject)
        if channel is not None and obs.classified_by != RELEVANCE:
            channel_cells.append((k, channel))  # whatever keyword the channel's words hit
            continue
        decided = not _undecided(obs, tax) and not _by_column_header(obs)
        if decided and not _counts_other_units(obs) and not _named_by_member_row(obs):
            continue
        channel = channel_of(obs.subject)
        if channel is not None:
            channel_cells.append((k, channel))
        elif obs.unit == "percent" and _RATE_HEADER.match(obs.subject or ""):
            deferred.append(k)  # the share of the column before it, if that one is decided
        else:
            found = _title_code(obs, tax)
            if found is not None:
                out[k] = _by_title(obs, found, tax)
    # The whole of a row's channel columns: its total column ("Tổng số hồ sơ"), else its
    # first column that names a measure ("Số hồ sơ tiếp nhận | Trong đó trực tuyến").
    totals: dict[str, Observation] = {}
    channel_at = {k for k, _ in channel_cells}
    for k, obs in enumerate(out):
        row = obs.extra.get("table_row_at")
        if row is None or k in channel_at or k in deferred or not obs.classified_by or _undecided(obs, tax):
            continue
        if obs.table_column and _TOTAL_COLUMN.match(obs.table_column):
            totals[row] = obs
        else:
            totals.setdefault(row, obs)
    for k, (kind, word) in channel_cells:
        obs = out[k]
        wholes: list[tuple[str, str] | None] = []
        whole = totals.get(obs.extra.get("table_row_at", ""))
        if whole is None and obs.base is None:
            whole = _row_above(out, k, channel_at, tax)  # "- Trực tuyến": names nothing but the channel
        if whole is not None:
            wholes.append((whole.indicator_code, whole.matched_keyword or whole.indicator_code))
        wholes.append(_title_code(obs, tax))
        for found in wholes:
            code = _part_code(found[0], kind, tax) if found is not None else None
            if code is not None:
                out[k] = with_fields(obs, indicator_code=code, domain=tax[code].domain, classified_by=CLAUSE,
                                     relevance=None, matched_keyword=f"{word} (part of: {found[1]})")
                break
    for k, obs in enumerate(out):
        variant = lexicon.PART_ONLINE_VARIANTS.get(obs.indicator_code)
        channel = channel_of(obs.subject) if variant is not None and obs.scope == "table" else None
        if channel is not None and channel[0] == "online" and variant in tax.indicators:
            # "Trực tuyến Hồ sơ tiếp nhận" (a sub-column under a merged header): the online ones
            out[k] = with_fields(obs, indicator_code=variant, domain=tax[variant].domain,
                                 matched_keyword=f"{channel[1]} ({obs.matched_keyword})")
    out = _bare_rate_columns(_of_which_columns(_participle_columns(out, tax), tax), tax)
    for k in deferred:
        if _undecided(out[k], tax) or _by_column_header(out[k]):
            found = _title_code(out[k], tax)
            if found is not None:
                out[k] = _by_title(out[k], found, tax)
    return out


def _named_by_member_row(obs: Observation) -> bool:
    """A cell only its row label named, in a breakdown whose rows are members of a kind
    ("Lĩnh vực | Tiếp nhận | Trực tuyến" with a row "Hộ tịch"): the row says which field,
    the column and the title what is counted (dossiers received, not a civil-status database)."""
    return obs.extra.get("table_rows") == "members" and _named_by_row_only(obs)


def _named_by_row_only(obs: Observation) -> bool:
    keyword = Text(obs.matched_keyword or "").searchable
    if not obs.table_row or not keyword:
        return False
    return keyword in Text(obs.table_row).searchable and keyword not in Text(obs.subject).searchable


def _counts_other_units(obs: Observation) -> bool:
    """A cell only its row label named ("Bộ phận Một cửa huyện") under a title that counts units
    that indicator cannot count ("Tổng hợp hồ sơ thủ tục hành chính": dossiers, not one-stop
    shops): the row names where the units are, the title what they are."""
    if obs.base is not None or not _named_by_row_only(obs):
        return False  # the column's own words named it
    titles = [t for t in (obs.extra.get("table_caption"), obs.extra.get("table_heading")) if t]
    base = next((b for b in (_first_base(t) for t in titles if not _ATTACHMENT_NOTE.match(t)) if b), None)
    return base is not None and obs.indicator_code in lexicon.BASE_EXCLUDES.get(base, frozenset())


def _by_title(obs: Observation, found: tuple[str, str], tax: Taxonomy) -> Observation:
    code, keyword = found
    return with_fields(obs, indicator_code=code, domain=tax[code].domain, classified_by=CLAUSE,
                       matched_keyword=f"{keyword} (table title)", relevance=None)


def _by_column_header(obs: Observation) -> bool:
    """The cell's indicator came from a period or plan column's header ("Kế hoạch năm 2024"
    names a plan, not a planning document), not from its row."""
    keyword = (obs.matched_keyword or "").lower()
    return bool(
        keyword and obs.table_column and obs.table_row is None and obs.classified_by != RELEVANCE
        and keyword in obs.table_column.lower() and keyword not in (obs.subject or "").lower()
    )


# Words a row or column label may hold besides its channel ("- Trong đó: nộp trực tuyến").
_CHANNEL_FILLERS = re.compile(
    r"[\s\-–—•+*·,;:()%/]+|\b(?:trong đó|trong|đó|nộp|qua|và|hoặc|tỷ lệ|tỉ lệ|số lượng|số|of which|and|or)\b",
    re.IGNORECASE,
)


def _channel_only(label: str) -> tuple[str, str] | None:
    """The channel of a label that names nothing else ("- Trực tiếp, qua bưu chính")."""
    channel = channel_of(label)
    if channel is None:
        return None
    rest = label.lower()
    for m in sorted(channel_index().find(Text(label)), key=lambda m: -(m.end - m.start)):
        rest = rest.replace(m.keyword, " ")
    return channel if not _CHANNEL_FILLERS.sub("", rest) else None


_PART_MARKER = re.compile(lexicon.word_alternation(lexicon.PART_MARKERS), re.IGNORECASE)
_WHOLE_REACH = 400  # characters back from a part in a later sentence or list item to its whole
# ... or the part's own clause, right after the whole's, opens on a channel: "tiếp nhận 2.340
# hồ sơ; trực tuyến 1.870 hồ sơ", "2.340 hồ sơ, trực tiếp: 470 hồ sơ"
_CHANNEL_OPENS_THE_PART = re.compile(
    r"[^;,.:\d]{0,20}[;,]\s*"
    + lexicon.word_alternation(lexicon.PART_CHANNELS_ONLINE + lexicon.PART_CHANNELS_OTHER) + r"\s*:?\s*",
    re.IGNORECASE,
)


def _whole_before(text: str, observations: list[Observation], k: int) -> Observation | None:
    """The total a part in a later sentence or list item belongs to ("Đã tiếp nhận 12.500
    hồ sơ. Trong đó, trực tuyến: 3.870 hồ sơ; trực tiếp: 8.630 hồ sơ"): the nearest earlier
    count of the same unit that something specific named, with "trong đó" or "bao gồm"
    between them."""
    part = observations[k]
    for j in range(k - 1, -1, -1):
        whole = observations[j]
        if part.char_start - whole.char_end > _WHOLE_REACH:
            return None
        if whole.base != part.base or whole.unit != part.unit or whole.scope == "table" or part.base is None:
            continue
        if whole.classified_by in (FALLBACK, None, RELEVANCE) or whole.parent_ordinal is not None:
            continue
        between = (whole.char_end, part.char_start)
        if _PART_MARKER.search(text, *between) or _CHANNEL_OPENS_THE_PART.fullmatch(text, *between):
            return whole
        return None
    return None


def _whole_code(text: str, whole: Observation, parts: list[Observation], tax: Taxonomy) -> str:
    """What a whole split by channel counts: its own indicator, unless nothing specific
    named it, or the keyword that did is one of its parts' words ("giải quyết 96.480 hồ sơ,
    trong đó hồ sơ nộp trực tuyến ..."): then what its unit counts (dossiers received)."""
    code = whole.indicator_code
    keyword = (whole.matched_keyword or "").lower()
    in_parts = bool(keyword) and whole.classified_by in (CLAUSE, SENTENCE) and keyword in text[
        whole.char_end : max(p.char_end for p in parts) + _OWN_REACH
    ].lower()
    if code == UNCLASSIFIED or tax[code].generic or in_parts:
        named = lexicon.TABLE_BASE_INDICATORS.get(whole.base or "")
        if named in tax.indicators:
            return named
    return code


def _part_code(whole_code: str, kind: str, tax: Taxonomy) -> str | None:
    """The indicator of a part through channel `kind` of a whole counted as `whole_code`."""
    if whole_code == UNCLASSIFIED or tax[whole_code].generic:
        return None
    online_codes = frozenset(lexicon.PART_ONLINE_VARIANTS.values())
    if kind == "online":
        code = whole_code if whole_code in online_codes else lexicon.PART_ONLINE_VARIANTS.get(whole_code)
    else:
        code = whole_code if whole_code not in online_codes else None
    return code if code in tax.indicators else None


def _row_above(observations: list[Observation], k: int, channel_at: set[int], tax: Taxonomy) -> Observation | None:
    """A channel row ("- Trực tuyến | 4.150 | 6.020") is a part of the nearest row above it
    that names a measure: that row's cell in the same column."""
    column = observations[k].table_column
    for j in range(k - 1, max(-1, k - 24), -1):
        above = observations[j]
        if above.scope != "table":
            return None
        if j not in channel_at and above.table_column == column:
            return None if _undecided(above, tax) else above
    return None


_BARE_RATE = re.compile(r"\s*(?:t[ỷỉ]\s+lệ)?\s*(?:\(\s*%\s*\)|%)?\s*", re.IGNORECASE)
# A rate column whose words name no indicator: "Tỷ lệ kích hoạt so với công dân đủ điều kiện (%)"
_RATE_HEADER = re.compile(r"\s*(?:t[ỷỉ]\s+lệ\b|\(\s*%\s*\)|%)", re.IGNORECASE)


# A column headed by what was done only ("Đã bồi dưỡng", "Được cấp", "Đã kích hoạt").
_PARTICIPLE_HEADER = re.compile(r"\s*(?:đã|được|đã được)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*$", re.IGNORECASE)


def _participle_columns(observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """A count column headed only by what was done to its units ("Tổng số CBCCVC | Đã bồi
    dưỡng") counts the units of the column before it in its row: officials trained."""
    out = list(observations)
    for k in range(1, len(out)):
        obs, before = out[k], out[k - 1]
        row = obs.extra.get("table_row_at")
        if row is None or before.extra.get("table_row_at") != row or obs.base is not None:
            continue
        if obs.unit != "count" or not _PARTICIPLE_HEADER.match(obs.table_column or ""):
            continue
        # the column before may be a headcount, judged no figure of its own: its header names the units
        base = before.base or _first_base(before.table_column or "")
        finer = _BASE_REFINES.get((base, obs.indicator_code)) if base else None
        if finer in tax.indicators:
            out[k] = with_fields(obs, indicator_code=finer, domain=tax[finer].domain, base=base,
                                 matched_keyword=f"{obs.matched_keyword} ({before.table_column})")
    return out


# A column of parts of the column before it: "Trạm BTS | Trong đó 5G", "Of which online".
_OF_WHICH_HEADER = re.compile(r"\s*(?:trong đó|trong số đó|of which|including)\b", re.IGNORECASE)


def _of_which_columns(observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """A column headed "Trong đó 5G" counts what the column before it in its row counts (its
    5G stations), unless its own words name a specific code of that domain which can count
    it ("Trong đó trực tuyến": online dossiers)."""
    out = list(observations)
    for k in range(1, len(out)):
        obs, before = out[k], out[k - 1]
        row = obs.extra.get("table_row_at")
        if row is None or before.extra.get("table_row_at") != row or obs.unit != before.unit:
            continue
        if not _OF_WHICH_HEADER.match(obs.table_column or "") or before.domain not in FACT_DOMAINS:
            continue
        own = tax[obs.indicator_code] if obs.indicator_code in tax.indicators else None
        # its own words decide unless they name nothing specific, another domain, or a share
        # where the column before counts ("Trong đó 5G": stations, not coverage)
        cannot_count = own is not None and own.unit == "percent" and tax[before.indicator_code].unit == "count"
        if own is not None and not own.generic and own.domain == before.domain and not (
            obs.unit == "count" and cannot_count
        ):
            continue
        out[k] = with_fields(
            obs, indicator_code=before.indicator_code, domain=before.domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=f"part of: {before.table_column}",
        )
    return out


def _bare_rate_columns(observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """A percentage column headed "Tỷ lệ (%)", or a rate whose words name no indicator
    ("Tỷ lệ kích hoạt so với ... (%)"), is the share of the column before it in its row
    ("Trong đó trực tuyến | Tỷ lệ (%)"), as "(đạt 61,3%)" after a count is in prose; a rate
    with words that follows no decided column takes what the table's title names."""
    out = list(observations)
    previous: Observation | None = None
    for k, obs in enumerate(out):
        row = obs.extra.get("table_row_at")
        before = previous if previous is not None and previous.extra.get("table_row_at") == row else None
        rate = row is not None and obs.unit == "percent" and _undecided(obs, tax) and _RATE_HEADER.match(obs.subject or "")
        if rate and before is not None and not _undecided(before, tax) and before.domain in FACT_DOMAINS:
            out[k] = obs = with_fields(
                obs, indicator_code=before.indicator_code, domain=before.domain, classified_by=CLAUSE,
                relevance=None, matched_keyword=f"share of: {before.table_column or before.subject}",
            )
        elif rate and not _BARE_RATE.fullmatch(obs.subject or ""):
            found = _title_code(obs, tax)
            if found is not None:
                out[k] = obs = _by_title(obs, found, tax)
        previous = obs
    return out


# --- parts named by their channel --------------------------------------------------------

# What stands between a count and its share: "3.870 hồ sơ (đạt 61,3%)", "31.200 hồ sơ, chiếm 59,5%".
_BRACKETED_SHARE = re.compile(
    r"\s*(?:[^\W\d_]+\s*){0,3}(?:\(\s*(?:(?:đạt|chiếm|bằng|tương đương|reaching)\s+)?"
    r"|,\s*(?:đạt|chiếm|bằng|tương đương|reaching)\s+)",
    re.IGNORECASE,
)


_PART_SEPARATOR = re.compile(r"[,;:.()]|\s(?:và|hoặc|and|or)\s", re.IGNORECASE)
_OWN_REACH = 80  # characters before and after a part that may hold its own words


def _channel(text: str, obs: Observation, before: Observation | None, after: Observation | None) -> tuple[str, str] | None:
    """("online" | "other", the word) when the part's own words name one channel only: from
    the list separator after the figure before it ("..., trong đó trực tuyến: 3.870") to
    the first separator after it ("3.870 hồ sơ nộp qua mạng, ...")."""
    lead_start = max(before.char_end if before is not None else 0, obs.char_start - _OWN_REACH)
    lead = text[lead_start : obs.char_start]
    first = _PART_SEPARATOR.search(lead)
    if first is not None and before is not None:
        lead = lead[first.end() :]
    elif before is None:  # the first figure of its sentence or list item: from where that starts
        lead = re.split(r"\n|[.!?;]\s", lead)[-1]
    tail_end = min(after.char_start if after is not None else len(text), obs.char_end + _OWN_REACH)
    tail = text[obs.char_end : tail_end]
    stop = _PART_SEPARATOR.search(tail)
    return channel_of(lead + " " + (tail[: stop.start()] if stop else tail))


def _parts_by_level(text: str, observations: list[Observation]) -> list[Observation]:
    """A part of a stated total that its own words name only by a level ("đã tiếp nhận 168.432
    hồ sơ, trong đó cấp tỉnh 38.217 hồ sơ, cấp huyện 41.906 hồ sơ") counts what the whole
    counts; what else the sentence names ("Hệ thống thông tin giải quyết thủ tục hành chính")
    is where they were counted, not what."""
    by_ordinal = {obs.ordinal: obs for obs in observations}
    out = list(observations)
    for k, obs in enumerate(out):
        whole = by_ordinal.get(obs.parent_ordinal) if obs.parent_ordinal is not None else None
        if whole is None or whole.domain not in FACT_DOMAINS or obs.classified_by == SUBJECT:
            continue
        if obs.unit != whole.unit or obs.base != whole.base or obs.indicator_code == whole.indicator_code:
            continue
        if not _LEVEL_LABEL.search(text, max(whole.char_end, obs.char_start - _LEVEL_LABEL_REACH), obs.char_start):
            continue
        out[k] = with_fields(
            obs, indicator_code=whole.indicator_code, domain=whole.domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=f"{whole.matched_keyword} (part of it by level)",
        )
    return out


def _levels_after_a_semicolon(text: str, observations: list[Observation]) -> list[Observation]:
    """"Tỷ lệ văn bản đi được ký số đạt 99,6%; cấp huyện đạt 98,9%; cấp xã đạt 95,7%": a ';'-clause
    that names only a level before its figure measures what the figure before it in the
    sentence measured; what else the sentence names ("ký số") is no word of its own."""
    out = list(observations)
    for k in range(1, len(out)):
        obs, before = out[k], out[k - 1]
        if obs.sentence_index != before.sentence_index or obs.unit != before.unit or before.domain not in FACT_DOMAINS:
            continue
        if obs.classified_by in (SUBJECT, CLAUSE) or obs.indicator_code == before.indicator_code:
            continue
        if not _LEVEL_CLAUSE.search(text, max(before.char_end, obs.char_start - _LEVEL_LABEL_REACH), obs.char_start):
            continue
        said = before.matched_keyword or ""
        out[k] = with_fields(
            obs, indicator_code=before.indicator_code, domain=before.domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=said if said.endswith(_LEVEL_AFTER) else f"{said} {_LEVEL_AFTER}",
        )
    return out


def _parts_in_the_whole_s_units(observations: list[Observation]) -> list[Observation]:
    """A part of a stated total counted in its whole's units, whose own words name nothing
    else ("cài đặt cho 3.412 máy tính, gồm 1.286 máy của các sở, ngành, ..."), counts what the
    whole counts: the keyword it took is the whole's unit, not a topic of its own."""
    by_ordinal = {obs.ordinal: obs for obs in observations}
    out = list(observations)
    for k, obs in enumerate(out):
        whole = by_ordinal.get(obs.parent_ordinal) if obs.parent_ordinal is not None else None
        if whole is None or whole.domain not in FACT_DOMAINS or obs.indicator_code == whole.indicator_code:
            continue
        if obs.unit != whole.unit or obs.base is None or obs.base != whole.base or not obs.matched_keyword:
            continue
        borrowed = obs.matched_keyword.lower()
        if borrowed in obs.subject.lower() or borrowed not in whole.subject.lower():
            continue
        out[k] = with_fields(
            obs, indicator_code=whole.indicator_code, domain=whole.domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=f"{whole.matched_keyword} (part of it in its units)",
        )
    return out


def _parts_of_nothing_else(text: str, observations: list[Observation]) -> list[Observation]:
    """A part of a stated total that nothing in its sentence classified, counted by the noun the
    whole counts ("+ Ủy ban nhân dân các xã: 437 máy" under "Máy tính ...: 642 máy, gồm:"),
    counts what the whole counts."""
    by_ordinal = {obs.ordinal: obs for obs in observations}
    out = list(observations)
    for k, obs in enumerate(out):
        whole = by_ordinal.get(obs.parent_ordinal) if obs.parent_ordinal is not None else None
        if whole is None or whole.domain not in FACT_DOMAINS or obs.classified_by is not None:
            continue
        noun = _noun_after(text, obs)
        if obs.unit != whole.unit or noun is None or noun != _noun_after(text, whole):
            continue
        out[k] = with_fields(
            obs, indicator_code=whole.indicator_code, domain=whole.domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=f"{whole.matched_keyword} (part of it, counted as it is)",
        )
    return out


_NOUN_AFTER = re.compile(r"\s*([^\W\d_]+)")


def _noun_after(text: str, obs: Observation) -> str | None:
    """The word right after the figure, lower-cased: the unit it is counted in ("437 máy")."""
    found = _NOUN_AFTER.match(text, obs.char_end)
    return found.group(1).lower() if found else None


_LEVEL_ITEM = re.compile(
    r"[ \t]*(?:" + layout.BULLET.pattern + r")(?:" + lexicon.word_alternation(lexicon.LEVEL_LABELS) + r")\s*:", re.IGNORECASE
)
_OPEN_LABEL = re.compile(r"[ \t]*(?:" + layout.BULLET.pattern + r")?(?P<label>[^\d\n:]{8,200}):[ \t]*")


def _open_label_above(text: str, pos: int) -> str | None:
    """The label of the figure-less line ending with ":" above the list of level items that the
    item at `pos` stands in ("- Cán bộ được bồi dưỡng:" over "+ Cấp huyện: ..."; "+ Cấp xã: ...")."""
    start = text.rfind("\n", 0, pos) + 1
    if not _LEVEL_ITEM.match(text, start):
        return None
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if _LEVEL_ITEM.match(line):
            start = above
            continue
        label = _OPEN_LABEL.fullmatch(line)
        return label.group("label").strip() if label else None
    return None


_LEVEL_LABEL = re.compile(
    r"(?:[,;:]|" + lexicon.word_alternation(lexicon.PART_MARKERS + lexicon.LIST_CLOSERS) + r")\s*(?:"
    + lexicon.word_alternation(lexicon.LEVEL_LABELS) + r")\s*:?\s*$",
    re.IGNORECASE,
)
_LEVEL_LABEL_REACH = 40
_LEVEL_AFTER = "(the level after it)"
# a ';'-clause that opens on a level and says nothing else before its figure ("; cấp xã đạt ")
_LEVEL_CLAUSE = re.compile(
    r";\s*(?:" + lexicon.word_alternation(lexicon.LEVEL_LABELS) + r")\s*(?:"
    + lexicon.word_alternation(lexicon.LINKING_VERBS) + r"|:)?\s*$",
    re.IGNORECASE,
)


def _parts_by_channel(text: str, observations: list[Observation], tax: Taxonomy) -> list[Observation]:
    """A part of a stated total that its own words name only by a channel ("trong đó trực
    tuyến: 3.870 hồ sơ", "168.920 hồ sơ trực tiếp", "hồ sơ nộp qua mạng") counts what the
    whole counts: its online indicator for the online part (lexicon.PART_ONLINE_VARIANTS),
    the whole's own for the others. What the sentence around the part says ("bưu chính",
    "Trung tâm Phục vụ hành chính công") names the channel or the place, not the units.
    A share right after such a part ("(đạt 61,3%)", ", chiếm 59,5%") goes with it."""
    by_ordinal = {obs.ordinal: obs for obs in observations}
    out = list(observations)
    moved: dict[int, Observation] = {}
    channels: dict[int, tuple[str, str]] = {}
    parts_of: dict[int, list[int]] = {}
    for k, obs in enumerate(out):
        whole = by_ordinal.get(obs.parent_ordinal) if obs.parent_ordinal is not None else None
        if whole is None and obs.scope != "table" and obs.classified_by in (FALLBACK, None, CLAUSE):
            whole = _whole_before(text, out, k)  # "... 12.500 hồ sơ. Trong đó, trực tuyến: 3.870 hồ sơ"
            if whole is not None and obs.classified_by == CLAUSE and whole.matched_keyword != obs.matched_keyword:
                # "tiếp nhận 4.862 hồ sơ; trực tuyến 3.418 hồ sơ": a part whose clause gave it
                # no word of its own took its whole's; one that a word of its own named keeps it
                whole = None
        if whole is None or whole.domain not in FACT_DOMAINS or obs.unit != whole.unit:
            continue
        before = out[k - 1] if k > 0 and out[k - 1].sentence_index == obs.sentence_index else None
        after = out[k + 1] if k + 1 < len(out) and out[k + 1].sentence_index == obs.sentence_index else None
        channel = _channel(text, obs, before, after)
        if channel is not None:
            channels[k] = channel
            parts_of.setdefault(whole.ordinal, []).append(k)
    whole_codes = {ordinal: _whole_code(text, by_ordinal[ordinal], [out[k] for k in parts], tax)
                   for ordinal, parts in parts_of.items()}
    whole_of = {k: ordinal for ordinal, parts in parts_of.items() for k in parts}
    for k, (kind, word) in channels.items():
        obs = out[k]
        whole = by_ordinal[whole_of[k]]
        whole_code = whole_codes[whole.ordinal]
        code = _part_code(whole_code, kind, tax)
        if code is None or code == obs.indicator_code:
            continue
        out[k] = moved[obs.ordinal] = with_fields(
            obs, indicator_code=code, domain=tax[code].domain, classified_by=CLAUSE, relevance=None,
            matched_keyword=f"{word} (part of: {whole.matched_keyword or whole_code})",
        )
    for k, obs in enumerate(out):
        fixed = whole_codes.get(obs.ordinal)
        if fixed is not None and fixed != obs.indicator_code and obs.classified_by in (CLAUSE, SENTENCE):
            # "giải quyết 96.480 hồ sơ, trong đó hồ sơ nộp trực tuyến ...": the whole took a
            # word of its parts
            out[k] = with_fields(obs, indicator_code=fixed, domain=tax[fixed].domain,
                                 matched_keyword=f"{obs.base} (whole of its channels)")
        count = moved.get(obs.ordinal - 1)
        if (
            count is not None and obs.unit == "percent" and obs.parent_ordinal is None
            and count.sentence_index == obs.sentence_index and obs.char_start >= count.char_end
            and _BRACKETED_SHARE.fullmatch(text, count.char_end, obs.char_start)
        ):
            out[k] = with_fields(
                obs, indicator_code=count.indicator_code, domain=count.domain, classified_by=count.classified_by,
                matched_keyword=count.matched_keyword, relevance=None,
            )
    return out


# --- vocabulary -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lexicon_index() -> KeywordIndex[tuple[str, str]]:
    """The classification vocabulary of lexicon.py as one index; the payload is (group, entry)."""
    entries: list[tuple[str, tuple[str, str]]] = []
    for base, words in lexicon.BASES.items():
        entries += [(w, ("base", base)) for w in words]
    groups = {
        "measure": lexicon.MEASURE_WORDS, "opener": lexicon.SUBJECT_OPENERS, "stop": lexicon.PHRASE_STOPS,
        "linking": lexicon.LINKING_VERBS, "connecting": lexicon.CONNECTING_VERBS, "coordinator": lexicon.COORDINATORS, "anaphor": lexicon.ANAPHORS,
        "second_aim": lexicon.SECOND_AIM_VERBS, "aim_adverb": lexicon.SECOND_AIM_ADVERBS,
        "predicate": lexicon.PREDICATE_MARKERS,
        "anaphor_head": lexicon.ANAPHOR_HEADS, "adverbial": lexicon.ADVERBIAL_OPENERS,
        "score_unit": lexicon.SCORE_UNITS, "score_cue": lexicon.SCORE_CUES, "rank_before": lexicon.RANK_BEFORE,
        "rank_after": lexicon.RANK_AFTER, "rank_group": lexicon.RANK_GROUP, "award": lexicon.AWARD_CUES,
        "goal": lexicon.MET_GOAL_NOUNS,
        "population": lexicon.POPULATION_CUES, "population_head": lexicon.POPULATION_HEADS,
        "attendance": lexicon.ATTENDANCE_HEADS, "offence": lexicon.OFFENCE_HEADS,
        "physical_unit": lexicon.NON_DIGITAL_UNITS + lexicon.SPACED_UNITS,
        "market_share": lexicon.MARKET_SHARE_CUES, "operator_share": lexicon.OPERATOR_SHARE_CUES,
        "place_unit": lexicon.PLACE_UNIT_WORDS, "place_verb": lexicon.PLACE_UNIT_VERBS,
        "place_end": lexicon.PLACE_UNIT_ENDS,
        "currency_before": lexicon.CURRENCY_BEFORE,
        "online": lexicon.PART_CHANNELS_ONLINE + lexicon.ELECTRONIC_UNIT_WORDS, "parts": lexicon.PART_MARKERS,
        "change": lexicon.CHANGE_VERBS, "compared_with": lexicon.COMPARED_WITH, "benchmark": lexicon.NATIONAL_AVERAGES,
        "points": lexicon.PERCENTAGE_POINTS, "length": lexicon.LENGTH_UNITS, "name": lexicon.TOPICLESS_NAMES,
        "storage": lexicon.STORAGE_UNITS, "storage_cue": lexicon.STORAGE_CUES,
        "respectively": lexicon.RESPECTIVELY, "it_unit": lexicon.IT_UNITS, "comma_word": lexicon.COMMA_COMPOUNDS,
        "threshold": lexicon.THRESHOLD_VERBS, "condition": lexicon.CONDITION_OPENERS,
        "cause": lexicon.CAUSE_OPENERS, "result": lexicon.RESULT_OPENERS, "joining": lexicon.JOINING_VERBS,
        "fitting": lexicon.FITTING_VERBS, "fitted_only": lexicon.FITTED_ONLY_DEVICES, "record": lexicon.RECORD_NOUNS,
        "property": lexicon.PHYSICAL_PROPERTIES,
        "order_noun": lexicon.ORDER_NOUNS, "sale_verb": lexicon.SALE_VERBS, "sale_channel": lexicon.SALE_CHANNELS,
        "buyer": lexicon.BUYER_NOUNS, "among": lexicon.AMONG_OPENERS, "level_label": lexicon.LEVEL_LABELS,
    }
    for group, words in groups.items():
        entries += [(w, (group, w)) for w in words]
    for code, names in lexicon.SHARED_KEYWORD_OWNERS.items():
        entries += [(w, ("owner", code)) for w in names]
    for name, (verbs, _) in lexicon.GOVERNING_VERBS.items():
        entries += [(w, ("verb", name)) for w in verbs]
    return KeywordIndex(entries)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONEY_AFTER = re.compile(
    rf"\s*(?:(?:{_alternation(lexicon.MONEY_SCALE_WORDS)})\s*)*(?:{_alternation(lexicon.CURRENCY_AFTER)})(?!\w){lexicon.NOT_CURRENCY_LOOKAHEAD}",
    re.IGNORECASE,
)

_LENGTHS_RECORDED = frozenset({"digitisation", "databases"})  # codes a length of what was recorded may be a figure of
_SHARE_OF_WHOLE_VERBS = frozenset(w for w in lexicon.SHARE_OF_WHOLE_WORDS if " " not in w)  # "chiếm", "bằng"
# Money that makes up a share, named right before its verb: "ngân sách tỉnh chiếm 72%".
_MONEY_PART_BEFORE = re.compile(
    rf"(?:^|[\s,;:(])(?P<part>{lexicon.word_alternation(lexicon.MONEY_WHOLES)})(?:\s+[^\s,;:.()]+){{0,3}}\s+"
    rf"(?:{_alternation(sorted(_SHARE_OF_WHOLE_VERBS))})(?:\s+(?:{_alternation(lexicon.COUNT_QUALIFIERS)}))?\s*$",
    re.IGNORECASE,
)
_MONEY_WHOLE_AFTER = re.compile(rf"\s+(?:tổng\s+)?(?P<whole>{lexicon.word_alternation(lexicon.MONEY_WHOLES)})", re.IGNORECASE)

# The share of the people a population group makes up: "đồng bào dân tộc thiểu số chiếm khoảng
# 36%", "87% là đồng bào dân tộc thiểu số".
_GROUP_SHARE_BEFORE = re.compile(
    r"(?P<group>" + lexicon.alternation(lexicon.POPULATION_GROUPS) + r")\s+(?:chiếm|là)(?:\s+"
    + lexicon.alternation(lexicon.COUNT_QUALIFIERS) + r")?\s*$",
    re.IGNORECASE,
)
_GROUP_SHARE_AFTER = re.compile(
    r"\s*(?:là|thuộc)\s+(?P<group>" + lexicon.alternation(lexicon.POPULATION_GROUPS) + r")\b", re.IGNORECASE
)


# --- a sentence, read once for all its figures ------------------------------------------


class _SentenceView:
    def __init__(self, sentence: str, start: int, script: str, tax: Taxonomy) -> None:
        self.sentence = sentence
        self.start = start  # in the report
        self.text = Text(sentence, script)
        self.words = _whole_words(_lexicon_index().find(self.text), self.text)
        self.topics = _shared_keywords_decided(_outside_names(_keywords(tax, self.text), self.words), self.words)
        self.inner = _inner(self.topics)
        # keywords of a specific (not `*_other`) indicator, not inside a longer keyword
        self.specific = [t for t in self.topics if t not in self.inner and not tax[t.payload].generic]
        self.figures: list[tuple[int, int]] = []  # syllable spans of the sentence's figures
        # clause -> the last figure's measured phrase and base, for the figures after it
        # that only name a level or a place ("87% ... đối với cấp tỉnh, 85% đối với cấp huyện")
        self.last_phrase: dict[tuple[int, int], tuple[tuple[int, int], _Base | None]] = {}
        self._by_group: dict[str, list[Match[tuple[str, str]]]] = {}
        # `at` and `ending_at` are asked ~20 times per figure: index them once per sentence.
        # The first longest (shortest-starting) word in `words` order wins, as a max/min scan would.
        self._starting: dict[tuple[str, int], Match[tuple[str, str]]] = {}
        self._ending: dict[tuple[str, int], Match[tuple[str, str]]] = {}
        for w in self.words:
            group = w.payload[0]
            self._by_group.setdefault(group, []).append(w)
            best = self._starting.get((group, w.first))
            if best is None or w.last > best.last:
                self._starting[(group, w.first)] = w
            best = self._ending.get((group, w.last))
            if best is None or w.first < best.first:
                self._ending[(group, w.last)] = w

    def group(self, name: str) -> list[Match[tuple[str, str]]]:
        return self._by_group.get(name, [])

    def at(self, name: str, first: int) -> Match[tuple[str, str]] | None:
        """The longest word of a lexicon group that starts at syllable `first`."""
        return self._starting.get((name, first))

    def ending_at(self, name: str, last: int) -> Match[tuple[str, str]] | None:
        return self._ending.get((name, last))

    def inside_base(self, pos: int) -> bool:
        """Syllable `pos` lies inside a multi-word base ("cán bộ, công chức", "xã, phường, thị trấn"),
        or inside a word written with a comma ("phòng, chống")."""
        return any(w.first < pos < w.last for w in self.group("base") + self.group("comma_word"))

    def syllable(self, i: int) -> str:
        return self.text.syllable(i)

    def stops_between(self, start: int, end: int) -> bool:
        """A punctuation break (comma, semicolon, colon, bracket, full stop) among syllables start..end-1."""
        return any(self.syllable(i) in _PUNCTUATION_BREAKS for i in range(start, end))

    @cached_property
    def causes(self) -> list[tuple[int, int]]:
        """The sentence's phrases of cause (see `_in_a_cause_of_it`), read once for all its figures."""
        return _cause_spans(self)


@dataclass(frozen=True)
class _Base:
    name: str
    match: Match[tuple[str, str]]


@dataclass(frozen=True)
class _Figure:
    """One figure in its sentence: its syllables, clause, and the phrases around it."""

    first: int
    last: int
    clause: tuple[int, int]
    qualifier_syllables: int = 0
    after: tuple[int, int] | None = None  # the phrase after the figure
    before: tuple[int, int] | None = None  # the subject before it
    linked: bool = False  # a linking verb joins the subject before to the figure
    connects: bool = False  # ... and it is a connecting verb: the phrase after is no subject
    nearest_first: bool = False  # ... and a verb of extent ("đến"): the subject is read from its end
    measured: tuple[int, int] | None = None  # the phrase that says what is measured
    foreign: tuple[int, int] | None = None  # an earlier aim of the clause, with a figure of its own
    other_aim: tuple[int, int] | None = None  # the other aim of two "và" joins, each with its own figure

    def reading(self, m: Match) -> int:
        """How far into the measured phrase `m` starts: a phrase is read from its head, so the
        first keyword of "tỷ lệ phủ đường truyền internet và phủ sóng 3G ... đạt 94%" decides."""
        if self.measured is None:
            return self.distance(m)
        if self.nearest_first:
            return max(0, self.measured[1] - m.last)
        return max(0, m.first - self.measured[0])

    def before_gap(self, m: Match) -> int:
        """Syllables between the end of `m` and the figure (-1 when `m` is not before it)."""
        return self.first - m.last if m.last <= self.first else -1

    def after_gap(self, m: Match) -> int:
        """Syllables between the figure and the start of `m` (-1 when `m` is not after it)."""
        return m.first - self.last if m.first >= self.last else -1

    def distance(self, m: Match) -> int:
        return max(self.before_gap(m), self.after_gap(m), 0)

    def owns(self, m: Match) -> bool:
        """`m` is not in an earlier aim's or sibling's own phrase."""
        return self.foreign is None or not (self.foreign[0] <= m.first and m.last <= self.foreign[1])

    def in_clause(self, m: Match) -> bool:
        return self.owns(m) and self.clause[0] <= m.first and m.last <= self.clause[1]

    def region(self, m: Match) -> str:
        spans = [(self.first, self.last), self.measured]
        if self.linked and not self.connects:
            spans.append(self.after)
        if any(s and m.first < s[1] and m.last > s[0] for s in spans):
            return SUBJECT
        return CLAUSE if self.in_clause(m) else SENTENCE

    def head(self) -> tuple[int, int] | None:
        """The phrase whose head says over what the figure is counted."""
        return self.after or self.before


def _keywords(tax: Taxonomy, text: Text) -> list[Match[str]]:
    return _whole_words(tax.index.find(text), text)


_T = TypeVar("_T")


def _whole_words(matches: list[Match[_T]], text: Text) -> list[Match[_T]]:
    """`matches` but those that the words after them make part of another word: "ứng dụng
    công nghệ thông tin" applies IT and names no app; "số hóa đơn" counts invoices; and those
    that a word of their sentence makes another thing: "dùng mã QR để nhận tiền" is payment."""
    return [
        m for m in matches
        if (m.keyword not in _NOT_BEFORE or _NOT_BEFORE[m.keyword].match(text.searchable, m.end) is None)
        and (m.keyword not in _KEYWORD_NOT_WITH or _KEYWORD_NOT_WITH[m.keyword].search(text.searchable) is None)
    ]


def _outside_names(topics: list[Match[str]], words: list[Match[tuple[str, str]]]) -> list[Match[str]]:
    """Keywords that are no part of a name whose words name no topic ("Sở Giáo dục và Đào
    tạo" names no training)."""
    names = [w for w in words if w.payload[0] == "name"]
    if not names:
        return topics
    return [t for t in topics if not any(n.first <= t.first and t.last <= n.last for n in names)]


def _shared_keywords_decided(topics: list[Match[str]], words: list[Match[tuple[str, str]]]) -> list[Match[str]]:
    """A keyword another indicator shares (lexicon.SHARED_KEYWORDS) is that indicator's in a
    sentence naming it by a keyword or a name of its own (lexicon.SHARED_KEYWORD_OWNERS): "IOC
    xử lý 97% phản ánh" counts the operations centre's feedback, "ứng dụng tiếp nhận 78.000
    phản ánh" the app's."""
    named = {t.payload for t in topics if t.keyword not in lexicon.SHARED_KEYWORDS}
    named |= {w.payload[1] for w in words if w.payload[0] == "owner"}
    return [
        replace(t, payload=lexicon.SHARED_KEYWORDS[t.keyword])
        if t.keyword in lexicon.SHARED_KEYWORDS and lexicon.SHARED_KEYWORDS[t.keyword] in named else t
        for t in topics
    ]


def _inner(matches: list[Match[str]]) -> frozenset[Match[str]]:
    """Keywords found inside a longer one ("thủ tục hành chính" inside "hệ thống thông tin
    giải quyết thủ tục hành chính" names the system, not procedures), or sharing a word with
    a longer one that reads on ("kết nối [mạng] truyền số liệu chuyên dùng": the network
    named, not a connection): they only count when the longer one cannot."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    inner = set()
    outer: list[Match[str]] = []
    reach = -1
    for m in ordered:
        if m.end <= reach and not any(k.start == m.start and k.end == m.end for k in outer):
            inner.add(m)
            continue
        for k in outer:
            # one word shared: where a verb phrase meets the name of its object
            if k.last - m.first == 1 and k.start < m.start < k.end < m.end and k.last - k.first < m.last - m.first:
                inner.add(k)
        outer.append(m)
        reach = max(reach, m.end)
    return frozenset(inner)


_RATIO_AT_START = re.compile(r"\s*" + NUMBER_RE.pattern + r"\s*/\s*" + NUMBER_RE.pattern)


_PART_AT_START = re.compile(r"\s*\d[\d.,]*(?=\s+[^\W\d_])")
_OUT_OF_A_TOTAL = re.compile(r"\s(?:trên|trong|so với)\s+tổng\b|/\s*tổng\b", re.IGNORECASE)


def _quote_span(obs: Observation) -> tuple[int, int]:
    """Where the quote stands in its sentence, (0, 0) if nowhere. A sentence rejoined from
    wrapped lines has its spaces collapsed while the quote keeps the line break it spans
    ("đạt 73,4%\n(640.115/871.640"), so the quote's words are matched across any spaces."""
    found = obs.sentence.find(obs.quote)
    at = found
    while at >= 0:
        # where the number stands alone: "24" is not the end of "2024" before it
        if _stands_alone(obs.sentence, at, at + len(obs.quote)):
            return at, at + len(obs.quote)
        at = obs.sentence.find(obs.quote, at + 1)
    if found >= 0:
        return found, found + len(obs.quote)
    words = obs.quote.split()
    m = re.search(r"\s+".join(map(re.escape, words)), obs.sentence) if words else None
    return (m.start(), m.end()) if m else (0, 0)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No digit goes on before `start` or after `end`, directly or past a separator ("2024", "1.240"),
    and no letter is glued to its last digit: "5" is not the number of "Trạm 5G"."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return not (
        before[-1:].isdigit() or len(before) == 2 and before[1] in ".," and before[0].isdigit()
        or after[:1].isdigit() or len(after) == 2 and after[0] in ".," and after[1].isdigit()
        or text[end - 1 : end].isdigit() and after[:1].isalpha()
    )


_CONDITION_REACH = 10  # syllables from the condition word to the figure: "khi nhiệt độ trong kho lạnh vượt"
_NOT_A_CONDITION_BEFORE_KHI = frozenset(lexicon.NOT_A_CONDITION_BEFORE_KHI)
_THRESHOLD_LEVELS = frozenset(lexicon.THRESHOLD_LEVELS)


def _threshold_of_a_condition(view: _SentenceView, figure: _Figure) -> str | None:
    """"khi EC xuống dưới 0,5 mS/cm, hệ thống báo", "khi gió vượt cấp 6": the level a condition
    is crossed at, with its verb right before the figure and its condition word opening the
    clause before that; the verb, else None."""
    lead = _lead_start(view, figure)
    if view.syllable(lead - 1) in _THRESHOLD_LEVELS:
        lead -= 1
    # the qualifier may be the verb's last word: "xuống dưới 0,5"
    verb = next((w for w in view.group("threshold") if lead <= w.last <= figure.first), None)
    if verb is None:
        return None
    for w in view.group("condition"):
        if (
            figure.clause[0] <= w.first and w.last <= verb.first and verb.first - w.last <= _CONDITION_REACH
            and not (w.keyword == "khi" and view.syllable(w.first - 1) in _NOT_A_CONDITION_BEFORE_KHI)
        ):
            return verb.keyword
    return None


def _a_part_of_a_total(obs: Observation) -> bool:
    """"1 nhân viên tin học trên tổng số 104 lao động": a count of units out of a total, kept
    with it as one pair; its units are counted as a count's are."""
    return obs.unit == "ratio" and obs.figure_kind == "ratio" and _OUT_OF_A_TOTAL.search(obs.quote) is not None


def _place(view: _SentenceView, obs: Observation) -> _Figure:
    t = view.text
    rel_start, rel_end = obs.char_start - view.start, obs.char_end - view.start
    if not (0 <= rel_start <= rel_end <= len(view.sentence)) or view.sentence[rel_start:rel_end] != obs.quote:
        rel_start, rel_end = _quote_span(obs)
    ratio = _RATIO_AT_START.match(obs.quote) if obs.numerator is not None and " " in obs.quote.strip() else None
    if ratio is not None and obs.quote[ratio.end() :].lstrip()[:1].isalpha():
        # "4.315/4.690 cán bộ, công chức được bồi dưỡng ..., đạt 92%": the quote spans the
        # phrase the ratio counts; the figure is the ratio, so that its phrase is read after it
        rel_end = rel_start + ratio.end()
    part = _PART_AT_START.match(obs.quote) if obs.numerator is not None and _OUT_OF_A_TOTAL.search(obs.quote) else None
    if part is not None:
        # "1 nhân viên tin học trên tổng số 104 (lao động)": the quote spans the part's own units;
        # the figure is the part's number, so that what it counts is read after it
        rel_end = rel_start + part.end()
    s_start, s_end = t.from_original(rel_start), t.from_original(rel_end)
    first = t.syllable_index(s_start)
    last = max(first + 1, t.syllable_index(max(s_start, s_end - 1)) + 1)
    c_start, c_end = clause_bounds(Sentence(0, 0, len(view.sentence), view.sentence), rel_start)
    clause = (t.syllable_index(t.from_original(c_start)), t.syllable_index(max(0, t.from_original(c_end) - 1)) + 1)
    qualifier = len(obs.qualifier.split()) if obs.qualifier else 0
    return _Figure(first, last, clause, qualifier)


def _in_figures_own_part(view: _SentenceView, figure: _Figure, m: Match) -> bool:
    """`m` stands in a later part of the sentence, past a semicolon, and that part counts a
    figure of its own, before or after `m`: what it names is that figure's. (An earlier part
    may still name what a later figure measures: "Cấp tỉnh đã số hóa 100% hồ sơ; cấp huyện đạt
    86,5%"; and a part that lists the figure's parts, "320.000 tài khoản; trong đó, ...", is
    the figure's own.)"""
    semicolons = [i for i in range(figure.last, m.first) if view.syllable(i) == ";"]
    if not semicolons or any(semicolons[0] < w.first <= semicolons[0] + 1 for w in view.group("parts")):
        return False
    end = next((i for i in range(m.last, view.text.syllable_count()) if view.syllable(i) == ";"), 1 << 30)
    return any(semicolons[-1] < first < end for first, _ in view.figures)


def _phrases_of_other_figures(view: _SentenceView, fig: _Figure) -> list[tuple[int, int]]:
    """What the figures after this one count, once a comma or semicolon has ended this
    figure's own phrase ("7 kiểm soát viên, được trang bị 12 máy tính": the computers are
    the 12's); not the parts of a whole ("..., trong đó 6.185 hồ sơ trực tuyến")."""
    if fig.after is None or view.syllable(fig.after[1]) not in _BETWEEN_PHRASES:
        return []
    end = fig.after[1]
    whole = (0, view.text.syllable_index(len(view.text.searchable)))
    spans = []
    for first, last in view.figures:
        if first <= end or any(end <= w.first < first for w in view.group("parts")):
            continue
        span = _after_phrase(view, _Figure(first, last, whole))
        if span is not None:
            spans.append(span)
    return spans


_BETWEEN_PHRASES = frozenset({",", ";"})


def _named_by_another_figure(view: _SentenceView, fig: _Figure, m: Match) -> bool:
    """The keyword is said of what a figure after this one in the clause counts ("8 lao động,
    trong đó 1 kỹ thuật viên thú y và 1 người phụ trách phần mềm, camera"), not of this one;
    unless it stands in a predicate both share ("312.600 học sinh và 19.850 giáo viên đã được
    cập nhật lên cơ sở dữ liệu"), which a part after "trong đó" has to itself."""
    for first, _ in view.figures:
        if first == fig.first or not (fig.last <= first < m.first and fig.clause[0] <= first < fig.clause[1]):
            continue
        # "A và (hơn) B đã được ...": one predicate of both
        joined = any(view.ending_at("coordinator", end) is not None for end in (first, first - 1))
        shared = joined and any(first < w.first < m.first for w in view.group("predicate"))
        if not shared:
            return True
    return False


def _titled_beside_it_staff(view: _SentenceView, fig: _Figure, base: _Base | None, chosen: _Candidate) -> bool:
    """"1 nhân viên phụ trách công nghệ thông tin, 4 thợ cắt": people of a trade listed after
    the IT staff are no IT staff by the words said of those (people named only "người" or
    "thành viên" may be: "2.156 tổ công nghệ số cộng đồng, 12.480 thành viên")."""
    return (
        chosen.code == _IT_STAFF and base is not None and base.match.keyword.lower() not in _UNTITLED_PEOPLE
        and _in_an_earlier_figures_phrase(view, fig, chosen.match)
    )


def _accounts_of_a_portal(view: _SentenceView, fig: _Figure, obs: Observation) -> str | None:
    """"Cổng đặt hàng dành cho đại lý hiện có 412 tài khoản": accounts counted after their clause
    names a portal (lexicon.PORTAL_WORDS) are that portal's users; the portal word, or None."""
    if not _ACCOUNTS.match(obs.subject):
        return None
    before = " ".join(view.syllable(i) for i in range(fig.clause[0], _lead_start(view, fig)))
    portal = _PORTAL.search(before)
    return portal.group().lower() if portal is not None else None


def _titled_by_another_figures_title(
    view: _SentenceView, fig: _Figure, base: _Base | None, chosen: _Candidate | None
) -> bool:
    """"có 5 nhân viên công nghệ thông tin, 96 thợ thủy tinh và 58 công nhân tráng bạc": people
    with a title of their own are no staff by the staff word of another figure's phrase, the
    generic word the fallback would take for them."""
    if chosen is None or base is None or _base_kind(base.name) != "people":
        return False
    if base.match.keyword.lower() in _UNTITLED_PEOPLE or base.match.keyword.lower() == chosen.match.keyword.lower():
        return False
    own = _after_phrase(view, fig)
    if own is not None and any(own[0] <= m.first and m.last <= own[1] and m.first > base.match.first for m in view.topics):
        return False  # "1 chuyên viên phân tích dữ liệu bán hàng": their own phrase names what they do
    for first, last in view.figures:
        if first == fig.first:
            continue
        own = _after_phrase(view, _Figure(first, last, fig.clause))
        if own is not None and own[0] <= chosen.match.first and chosen.match.last <= own[1]:
            return True
    return False


def _in_an_earlier_figures_phrase(view: _SentenceView, fig: _Figure, m: Match) -> bool:
    """The keyword is said, before a comma, of what a figure before this one in its clause
    counts ("2 kỹ sư phụ trách phần mềm, 11 thợ lắp đặt"), not of this one."""
    for first, last in view.figures:
        if fig.clause[0] <= first < fig.first and m.first >= last:
            own = _after_phrase(view, _Figure(first, last, fig.clause))
            if own is not None and own[0] <= m.first and m.last <= own[1] < fig.first and (
                view.syllable(own[1]) in _BETWEEN_PHRASES
            ):
                return True
    return False


def _after_phrase(view: _SentenceView, fig: _Figure) -> tuple[int, int] | None:
    """The words the figure counts, after it: "100% [cán bộ, công chức có máy tính sử dụng], ..."."""
    limit = min([fig.clause[1]] + [f for f, _ in view.figures if f >= fig.last])
    pos = fig.last
    while pos < limit and view.syllable(pos) in _CLOSING:
        pos += 1
    if pos < limit and view.syllable(pos) == "of":
        pos += 1  # "100% of agencies"
    if pos >= limit or view.syllable(pos) in _PUNCTUATION_BREAKS or view.at("stop", pos):
        return None
    end = pos
    while end < limit and end - pos < _PHRASE_SYLLABLES:
        s = view.syllable(end)
        if s in _PUNCTUATION_BREAKS and not (s == "," and (
            view.inside_base(end) or _listed_noun(view, pos, end, limit) or _listed_level(view, pos, end)
        )):
            break
        if end > pos and view.at("stop", end) and not _party_of_the_contracts(view, pos, end):
            break
        if end > pos and view.at("coordinator", end) and (
            any(pos <= t.first and t.last <= end for t in view.specific) or _opens_a_measure(view, end + 1)
        ):
            # "120 trạm BTS và nâng tỷ lệ ...": the figure's own noun is named, or what follows "và"
            # names a measure of its own ("26 nhà trồng và nâng tỷ lệ bán hàng trực tuyến lên 50%")
            break
        end += 1
    return (pos, end) if end > pos else None


def _within_own_aim(view: _SentenceView, fig: _Figure) -> _Figure:
    """The figure's clause ends at a "và" that opens a second aim with a figure of its own
    (lexicon.SECOND_AIM_VERBS): "phấn đấu để chatbot xử lý 55% yêu cầu | và nâng số máy chủ lên
    32 máy": the servers are the 32's, the 55% is no figure of them. A figure of the second aim
    reads the first aim, from its own verb to the "và", as no part of its clause; what stands
    before that verb (the subject both aims share, "Trung tâm IOC đã | kết nối 2.436 camera và
    tích hợp dữ liệu từ 27 hệ thống") stays its clause."""
    start, end = fig.clause
    foreign = None
    for k in range(start + 1, end - 1):
        if view.syllable(k).lower() not in _AIM_JOINERS:
            continue
        verb_at = k + 1
        while verb_at < end and (adverb := view.at("aim_adverb", verb_at)) is not None:
            verb_at = adverb.last
        if view.at("second_aim", verb_at) is None:
            if fig.last <= k and _predicate_then_another_figure(view, fig, k):
                return replace(fig, clause=(start, k), foreign=None, other_aim=(k, end))
            continue
        if not view.syllable(verb_at)[:1].islower():
            continue  # "Sở Giáo dục và Đào tạo": a name
        nxt = min((f for f, _ in view.figures if k < f < end), default=None)
        if nxt is None or not any(start <= f and last <= k for f, last in view.figures):
            continue  # one side has no figure: the verb is the one aim's own
        if view.stops_between(k + 1, nxt):
            continue  # "đã có mạng LAN và kết nối Internet, riêng thành phố đạt 100%": no aim of its own
        if fig.last <= k:
            return replace(fig, clause=(start, k), foreign=None, other_aim=(k, end))
        if nxt == fig.first:
            earlier = max(f for f, last in view.figures if start <= f and last <= k)
            verbs = [w.first for w in view.group("second_aim") if start <= w.first <= earlier]
            foreign = (max(verbs, default=earlier), k + 1)
    if foreign is not None:
        return replace(fig, foreign=foreign, other_aim=foreign)
    foreign = _sibling_phrase(view, fig)
    return fig if foreign is None else replace(fig, foreign=foreign)


_OWN_PREDICATE_WORDS = frozenset(lexicon.OWN_PREDICATE_WORDS)
_COUNT_QUALIFIERS = frozenset(lexicon.COUNT_QUALIFIERS)


def _predicate_then_another_figure(view: _SentenceView, fig: _Figure, joiner: int) -> bool:
    """"100% hóa đơn được xuất điện tử | và 95% giá trị đơn hàng được thanh toán qua ngân hàng":
    the figure's phrase up to the "và" at `joiner` says something of it (lexicon.OWN_PREDICATE_WORDS)
    and another figure follows the "và" at once, so what comes after is that figure's aim."""
    nxt = joiner + 1
    while view.syllable(nxt).lower() in _COUNT_QUALIFIERS:
        nxt += 1
    if not any(first == nxt for first, _ in view.figures):
        return False
    phrase = range(fig.last, joiner)
    if view.stops_between(fig.last, joiner):
        return False
    return any(view.syllable(i).lower() in _OWN_PREDICATE_WORDS for i in phrase)


def _in_a_cause_of_it(view: _SentenceView, fig: _Figure, m: Match) -> bool:
    """`m` stands in a phrase of cause and the figure outside it: "Nhờ cảm biến, hiệu suất ép
    tăng từ 42% lên 45%": the sensors brought the yield about, the 45% counts none."""
    return any(a <= m.first and m.last <= b and not a <= fig.first < b for a, b in view.causes)


def _cause_spans(view: _SentenceView) -> list[tuple[int, int]]:
    """Phrases of cause (lexicon.CAUSE_OPENERS) that open the sentence or a piece of it after a
    comma, up to the next break."""
    spans = []
    for w in view.group("cause"):
        if w.first > 0 and view.syllable(w.first - 1) not in _PUNCTUATION_BREAKS:
            continue  # "người dân nhờ cán bộ hướng dẫn": to ask someone's help
        if view.at("result", w.first) is not None:
            continue  # "nhờ đó phần mềm tính lương ...": the result of a cause told before
        end = next(
            (i for i in range(w.last, view.text.syllable_count())
             if view.syllable(i) in _PUNCTUATION_BREAKS and not view.inside_base(i)),
            view.text.syllable_count(),
        )
        spans.append((w.first, end))
    return spans


def _sibling_phrase(view: _SentenceView, fig: _Figure) -> tuple[int, int] | None:
    """"có 95% hồ sơ được số hóa ngay khi tiếp nhận | và 40% hồ sơ có nghĩa vụ tài chính được
    thanh toán trực tuyến": a figure right after "và", with a phrase of its own, is the sibling
    of the figure before it, whose phrase (from that figure to the "và") says nothing of it."""
    joiner = fig.first - fig.qualifier_syllables - 1
    if joiner <= fig.clause[0] or view.syllable(joiner).lower() not in _AIM_JOINERS:
        return None
    before = [(f, last) for f, last in view.figures if fig.clause[0] <= f and last < joiner]
    if not before or _after_phrase(view, fig) is None:
        return None
    first, last = max(before)
    if view.stops_between(last, joiner):
        return None
    return (first, joiner + 1)


_AIM_JOINERS = frozenset(lexicon.LIST_CLOSERS)  # "và", "and"
_BARE_SUBJECT_NEXT = frozenset(lexicon.BARE_SUBJECT_NEXT)


def _opens_a_measure(view: _SentenceView, pos: int) -> bool:
    """A measure's opener ("tỷ lệ", "số lượng") starts at `pos` or after one verb ("nâng tỷ
    lệ"); a bare "số" may be the first syllable of a word ("số hóa") and does not count."""
    return any(
        (m := view.at("opener", k)) is not None and m.keyword != _BARE_NUMBER_OPENER for k in (pos, pos + 1)
    )


_BARE_NUMBER_OPENER = "số"
_PERCENT_SIGNS = frozenset({"%", "percent", "cent"})


def _after_listed(view: _SentenceView, fig: _Figure) -> tuple[int, int] | None:
    """The unit a list of bare figures shares after its last one: "lần lượt có 1.236, 814 và
    1.102 lượt hồ sơ" counts dossiers in each. Members written alike only (all percents or
    none), joined by nothing but commas, coordinators and qualifiers."""
    starts = dict(view.figures)
    percent = _is_percent(view, fig.first, fig.last)
    pos, last, joined = fig.last, None, False
    while pos < fig.clause[1]:
        if pos in starts:
            if _is_percent(view, pos, starts[pos]) != percent:
                return None
            last, pos = (pos, starts[pos]), starts[pos]
        elif view.syllable(pos) in _BETWEEN_SHARED:
            joined = view.at("coordinator", pos) is not None  # "A, B và C": "và" before the last
            pos += 1
        else:
            break
    if last is None or pos != last[1] or not joined:
        return None
    return _after_phrase(view, _Figure(last[0], last[1], fig.clause))


def _next_figure_start(view: _SentenceView, fig: _Figure) -> int | None:
    """Where the clause's next figure after `fig` starts, if it has one."""
    return min((first for first, _ in view.figures if fig.last < first < fig.clause[1]), default=None)


def _parts_after_an_opened_whole(view: _SentenceView, fig: _Figure) -> int:
    """"Trong 58 lao động của công ty có 2 người phụ trách ứng dụng": a figure that "trong"
    opens its clause with is a whole, and what the next figure of the clause says names one of
    its parts; where that next figure starts (past a "có" before it), or no position at all."""
    opener = view.ending_at("among", _lead_start(view, fig))
    if opener is None or opener.first < fig.clause[0]:
        return 1 << 30
    if opener.first > fig.clause[0] and view.syllable(opener.first - 1) not in _PUNCTUATION_BREAKS:
        return 1 << 30  # "... được lưu trong 30 ngày": a time, not a whole opened
    nxt = _next_figure_start(view, fig)
    if nxt is None:
        return 1 << 30
    return nxt - 1 if view.syllable(nxt - 1) == lexicon.HAVE_VERB else nxt


def _is_percent(view: _SentenceView, first: int, last: int) -> bool:
    return any(view.syllable(i) in _PERCENT_SIGNS for i in range(first, last))


# What may stand between two figures that share a predicate: coordinators and qualifiers.
_BETWEEN_SHARED = frozenset(
    {","} | {w for phrase in lexicon.COORDINATORS + lexicon.QUALIFIERS + lexicon.COUNT_QUALIFIERS for w in phrase.split()}
)
_OWN_PREDICATE_REACH = 8  # syllables of a predicate after a count's own units
_BREAKS_BUT_COMMA = _PUNCTUATION_BREAKS - {","}
_PASSIVE_PREDICATE_REACH = 16  # ... of one in the passive, which follows whatever qualifies them
_OWN_TOPIC_GAP = 3  # syllables between a predicate's topic and its figure ("sóng 4G phủ 99,8%")
_LISTED_NOUN_SYLLABLES = 2  # "khu, điểm du lịch": a noun this short before a comma may be one of a list


def _listed_level(view: _SentenceView, pos: int, comma: int) -> bool:
    """The comma at `comma` lists another level of the same units ("cán bộ, công chức cấp tỉnh,
    cấp huyện và ...")."""
    level = lexicon.LEVEL_WORD
    return view.syllable(comma + 1) == level and any(view.syllable(i) == level for i in range(pos, comma))


def _listed_noun(view: _SentenceView, pos: int, comma: int, limit: int) -> bool:
    """The comma at `comma` joins nouns listed after the figure ("100% chợ, bến xe có sóng
    4G"): the phrase before it is a short noun that names nothing and is no counted unit
    (a base), and the words after it, up to the next break, name what is counted."""
    if comma - pos > _LISTED_NOUN_SYLLABLES or any(pos <= t.first < comma for t in view.topics):
        return False
    measure = view.at("measure", pos)
    if measure is not None and measure.last == comma:
        # "hướng dẫn kích hoạt tài khoản 6.215 lượt, nộp hồ sơ trực tuyến 4.903 lượt": a bare
        # measure word is the figure's unit; what follows the comma is the next item's label
        return False
    listed = view.at("base", comma + 1)
    if view.at("opener", comma + 1) or any(
        pos <= w.first < comma and (listed is None or _base_kind(w.payload[1]) != _base_kind(listed.payload[1]))
        for w in view.group("base")
    ):
        # "67/256 trường, các trường còn lại ...": a counted unit, then a clause of its own
        # ("100% xã, phường có điểm wifi": units of one kind listed, one phrase)
        return False
    end = comma + 1
    while end < limit and view.syllable(end) not in _PUNCTUATION_BREAKS and not view.at("stop", end):
        end += 1
    return any(comma < t.first and t.last <= end for t in view.specific)


def _lead_start(view: _SentenceView, fig: _Figure) -> int:
    """First syllable of the figure with its qualifier and the "từ" that opens a range or a
    floor ("đạt từ 70% trở lên", "giảm từ 15-20%")."""
    start = fig.first - fig.qualifier_syllables
    return start - 1 if start > fig.clause[0] and view.syllable(start - 1) == "từ" else start


_TIME_UNITS = frozenset(w for w in lexicon.DURATION_WORDS + lexicon.EN_DURATION_WORDS if " " not in w)
_YEAR_SYLLABLE = re.compile(r"(?:19|20)\d{2}")
_TIME_LEADS = frozenset({"đến", "tới", "trong", "vào", "hết", "cuối"})


def _before_time_tail(view: _SentenceView, start: int, end: int) -> int:
    """The subject's end before a year it closes with: "tỷ lệ cán bộ được bồi dưỡng kỹ năng
    số đến năm 2026 đạt 80%" measures the officials, "đến năm 2026" only dates the goal."""
    if end - start < 4 or not _YEAR_SYLLABLE.fullmatch(view.syllable(end - 1)) or view.syllable(end - 2) != "năm":
        return end
    cut = end - 2
    while cut > start + 1 and view.syllable(cut - 1) in _TIME_LEADS:
        cut -= 1
    return cut


_AND = frozenset({"và", "and"})


def _respective_subjects(view: _SentenceView, fig: _Figure) -> tuple[list[tuple[int, int]], int] | None:
    """The list of as many subjects before "lần lượt" (respectively) as figures after it, and
    which one is `fig`'s: "Tỷ lệ hồ sơ đúng hạn và tỷ lệ hồ sơ số hóa lần lượt đạt 91% và 87%"."""
    cue = next((w for w in view.group("respectively") if fig.clause[0] <= w.first and w.last <= fig.first), None)
    if cue is None:
        return None
    listed = [f for f, _ in view.figures if cue.last <= f < fig.clause[1]]
    if len(listed) < 2 or fig.first not in listed:
        return None
    start = _past_adverbials(view, fig.clause[0], cue.first)
    for breaks in (_AND, _AND | {","}):
        pieces, piece_start = [], start
        for i in range(start, cue.first):
            if view.syllable(i) in breaks and not (view.syllable(i) == "," and view.inside_base(i)):
                pieces.append((piece_start, i))
                piece_start = i + 1
        pieces.append((piece_start, cue.first))
        pieces = [(a, b) for a, b in pieces if a < b]
        if len(pieces) == len(listed):
            return pieces, listed.index(fig.first)
    return None


def _before_phrase(view: _SentenceView, fig: _Figure) -> tuple[tuple[int, int] | None, Match | None]:
    """The subject before the figure, and the verb that joins it ("... đạt 68%": linking;
    "... kết nối với 18 hệ thống": connecting), None when none does."""
    end = _lead_start(view, fig)
    while end > fig.clause[0] and view.syllable(end - 1) == "(":
        end -= 1
    linking = view.ending_at("linking", end) or view.ending_at("connecting", end)
    if linking is not None:
        end = linking.first
    respectively = view.ending_at("respectively", end)
    if respectively is not None:
        end = respectively.first  # "... cấp huyện và cấp xã | lần lượt đạt": an adverb, no word of the subject
    start = max([fig.clause[0]] + [f_last for _, f_last in view.figures if f_last <= fig.first - fig.qualifier_syllables])
    end = _before_time_tail(view, start, end)
    if start > fig.clause[0]:
        # After another figure, a coordinator opens a new predicate: "lắp 500 camera AI và
        # đưa sóng 5G đến 100% quận" measures 5G, not the cameras.
        # So does a comma: "lắp 120 camera tại các ngã tư, nâng số điểm wifi lên 85 điểm".
        # Only a predicate that names something does: "..., cấp huyện đạt 85% và cấp xã đạt
        # 70%" names a level only, and keeps the measure of the figures before it.
        bracketed = _bracketed(view, start, end)
        openings = [w.last for w in view.group("coordinator") if start <= w.first and w.last < end] + [
            i + 1 for i in range(start, end - 1)
            if view.syllable(i) == "," and not view.inside_base(i) and i not in bracketed
        ]
        # the first one: a comma further on may sit inside the subject ("tỷ lệ số hóa hồ sơ,
        # kết quả giải quyết ... đạt 91,6%")
        naming = [p for p in openings if any(p <= t.first and t.last <= end for t in view.topics if t not in view.inner)]
        if openings and max(openings) not in naming:
            # the last piece names only places or a level ("..., riêng thành phố Yên Bái đạt
            # 100%"): the subject is that piece, and the figure measures what the one before did
            start = max(openings)
        elif naming:
            start = min(naming)
    # A one-syllable opener ("số") opens the subject only where a phrase may begin: "chữ ký số"
    # ends in one.
    # "Tỷ lệ dịch vụ công toàn trình trên tổng số thủ tục ... đạt 93,6%": the total a rate is
    # taken over opens no subject; the rate's own words are what it measures.
    openers = [
        w.first for w in view.group("opener")
        if start <= w.first < end and (w.last - w.first > 1 or w.first == start
                                       or view.syllable(w.first - 1) in _PUNCTUATION_BREAKS)
        and view.syllable(w.first - 1) not in _OVER
        and not (_LABEL_NOUN.fullmatch(w.keyword) and view.syllable(w.last)[:1].isdigit())
    ]
    if openers:
        start = max(openers)  # the subject nearest the figure: "..., mật độ Internet đạt 118 thuê bao/100 dân"
        # a long subject keeps the word that opens it ("tỷ lệ văn bản đi được ký số và gửi nhận
        # hoàn toàn trên môi trường mạng đạt 98,6%"): its head is what is measured
        start = max(start, end - _OPENED_PHRASE_SYLLABLES)
    else:
        # a subject that opens its sentence and a linking verb joins to the figure is read from
        # its first word, as an opened one is:
        # "Văn bản đi được ký số và gửi, nhận hoàn toàn trên môi trường mạng ở cấp tỉnh đạt 98,9%"
        reach = _PHRASE_SYLLABLES
        if start == 0 and linking is not None and linking.keyword not in _EXTENT_LINKS:
            reach = _OPENED_PHRASE_SYLLABLES
        start = max(_past_adverbials(view, start, end), end - reach)
    return ((start, end) if start < end else None), linking


# "từ 52% lên 70%"; after a change verb also "từ 40% đến 65%" (without one, "từ 2 đến 3"
# is a range, read as one figure).
_RAISED_TO = frozenset({"lên", "xuống", "đến", "tới"})


def _rate_changed_from(view: _SentenceView, fig: _Figure) -> bool:
    """"nâng tỷ lệ hộ có cáp quang từ 52% hiện nay lên 70%": the rate a change starts from is
    the subject before "từ", as the rate it reaches is ("lên" links that one)."""
    lead = _lead_start(view, fig)
    if lead >= fig.first - fig.qualifier_syllables or view.syllable(lead) != "từ":
        return False
    limit = min([fig.clause[1]] + [f for f, _ in view.figures if f >= fig.last])
    return any(view.syllable(i) in _RAISED_TO for i in range(fig.last, limit))


_RANGE_WORDS = frozenset({"to", "đến", "tới", "-", "–"})


def _upper_bound_end(view: _SentenceView, fig: _Figure) -> int:
    """Where the upper bound ends when the figure opens a range written with words ("300 to
    400 kilos", "từ 150 đến 200 kg"): its unit after that bound is the figure's too (-1 if none)."""
    if view.syllable(fig.last) not in _RANGE_WORDS:
        return -1
    return next((last for first, last in view.figures if first == fig.last + 1), -1)


def _past_bullet(view: _SentenceView, span: tuple[int, int]) -> int:
    """First syllable of a phrase past the list mark that opens it ("+ Số trạm BTS:")."""
    pos = span[0]
    while pos < span[1] - 1 and view.syllable(pos) in _LIST_MARKS:
        pos += 1
    return pos


def _bracketed(view: _SentenceView, start: int, end: int) -> set[int]:
    """Syllables of brackets opened and closed before `end`, with the brackets: an aside
    inside the phrase, whose commas list what the noun before it includes ("thuê bao băng
    rộng di động (3G, 4G, 5G) là 1,37 triệu") and open no new piece. A bracket still open
    at `end` holds the figure, and its opening breaks the phrase as before."""
    opened: list[int] = []
    inside: set[int] = set()
    for i in range(start, end):
        syllable = view.syllable(i)
        if syllable == "(":
            opened.append(i)
        elif syllable == ")" and opened:
            inside.update(range(opened.pop(), i + 1))
    return inside


def _past_adverbials(view: _SentenceView, start: int, end: int) -> int:
    """Skip the comma-ended pieces that open with an adverbial ("Đến nay,", "Về hạ tầng số,")
    or are too short to hold a subject; a comma inside a predicate ("thực hiện ký số, gửi
    nhận điện tử") is kept."""
    bracketed = _bracketed(view, start, end)
    while True:
        comma = next((i for i in range(start, end) if view.syllable(i) in _PUNCTUATION_BREAKS
                      and not view.inside_base(i) and i not in bracketed), None)
        if comma is None:
            return start
        if not (view.at("adverbial", start) or comma - start <= 3):
            return start
        start = comma + 1


def _heads_phrase(view: _SentenceView, figure: _Figure, code: str) -> bool:
    """A keyword of `code` starts the head noun of the figure's measured phrase."""
    if figure.measured is None:
        return False
    lead = _head_start(view, figure.measured)
    return any(m.first == lead and m.payload == code for m in view.topics)


def _before_place(view: _SentenceView, figure: _Figure, unit: str) -> tuple[int, int] | None:
    """The measured phrase of a count up to a place adjunct after its noun: "03 máy | tại Bộ
    phận tiếp nhận và trả kết quả" names where the machines are, not what they are."""
    span = figure.measured
    if span is None or unit != "count" or figure.linked or span[0] < figure.last:
        return span
    place = next((i for i in range(span[0] + 1, span[1]) if view.syllable(i) == lexicon.PLACE_LOCATIVE), None)
    return span if place is None else (span[0], place)


def _after_locative(view: _SentenceView, first: int) -> bool:
    """The syllable at `first` opens a place adjunct: "trên Cổng", "tại các điểm tham quan"."""
    before = first - 1
    if view.syllable(before) in _LOCATIVE_DETERMINERS:
        before -= 1
    return view.syllable(before) in _LOCATIVES


_OWN_THINGS = frozenset(lexicon.OWN_THINGS_OF_GENERIC_CODES)


def _head_start(view: _SentenceView, span: tuple[int, int]) -> int:
    """First syllable of a phrase's head noun, past a list mark, "tỷ lệ", "số", "các", "the rate of"."""
    pos = _past_bullet(view, span)
    while pos < span[1]:
        word = view.at("measure", pos) or view.at("opener", pos)
        if word is None:
            break
        pos = word.last
        if view.syllable(pos) == "of":
            pos += 1
    return pos


_PERSON_SUFFIXES = frozenset(lexicon.PERSON_NOUN_ENDINGS)
_PERSON_NOUN_SYLLABLES = 4  # the longest title of a person read at a phrase's head ("hướng dẫn viên du lịch")


def _person_noun(view: _SentenceView, span: tuple[int, int]) -> Match[tuple[str, str]] | None:
    """A title of a person at the phrase's head that no base lists: Sino-Vietnamese titles end
    in "viên" (member): "điều tra viên", "kiểm lâm viên", "hướng dẫn viên"."""
    head = _head_start(view, span)
    for i in range(head + 1, min(span[1], head + _PERSON_NOUN_SYLLABLES)):
        syllable = view.syllable(i)
        if not syllable[:1].isalpha():
            return None
        if syllable in _PERSON_SUFFIXES:
            start, end = view.text.syllable_start(head), view.text.syllable_start(i) + len(syllable)
            return Match(view.text.searchable[start:end], ("base", "people"), start, end, head, i + 1)
    return None


def _base_kind(name: str) -> str:
    return lexicon.BASE_KINDS.get(name, name)


def _base(view: _SentenceView, fig: _Figure) -> _Base | None:
    """The base at the head of the phrase after the figure; the subject before it only
    counts when it is what the figure measures ("tỷ lệ hộ gia đình ... đạt 68%")."""
    spans = (fig.after, fig.before) if fig.linked or fig.after is None else (fig.after,)
    words = [w for w in (view.at("base", _head_start(view, s)) for s in spans if s is not None) if w is not None]
    if not words:
        person = next((p for p in (_person_noun(view, s) for s in spans if s is not None) if p is not None), None)
        return _Base("people", person) if person is not None else None
    if len(words) == 2 and words[0].payload == words[1].payload and fig.measured == fig.before:
        # "Hồ sơ tiếp nhận: 6.312 hồ sơ": the unit after repeats the head of the label it measures
        return _Base(words[1].payload[1], words[1])
    if len(words) == 2 and words[0].payload[1] == "people" and words[1].payload[1] == "officials" and (
        fig.measured == fig.before
    ):
        # "Số cán bộ, công chức hoàn thành bồi dưỡng: 9.740 người": the label says which people
        return _Base(words[1].payload[1], words[1])
    return _Base(words[0].payload[1], words[0])


# --- candidates ---------------------------------------------------------------------------


def _asides_yield(bracketed: set[int], candidates: list[_Candidate]) -> list[_Candidate]:
    """A bracket inside the subject says what its noun includes ("thuê bao băng rộng di động
    (3G, 4G, 5G) là 512.000 thuê bao"): the noun outside it names the figure, the aside only
    when nothing outside it does."""
    def aside(c: _Candidate) -> bool:
        return c.region == SUBJECT and c.match.first in bracketed

    if not any(c.region == SUBJECT and not c.generic and c.fits and not aside(c) for c in candidates):
        return candidates
    return [c for c in candidates if not aside(c)]


def _inner_when_outer_cannot(candidates: list[_Candidate]) -> list[_Candidate]:
    """A keyword inside a longer one counts as itself when the longer one cannot count the
    figure: "100%" of "tuyến cáp quang" is no length of cable (km), so "cáp quang" counts."""
    outer = [c for c in candidates if not c.inner]
    out = []
    for c in candidates:
        if c.inner:
            around = [
                o for o in outer
                if o.match.start <= c.match.start and c.match.end <= o.match.end
                and o.match.end - o.match.start > c.match.end - c.match.start
            ]
            if around and not any(o.fits for o in around):
                c = replace(c, inner=False)
        out.append(c)
    return out


@dataclass(frozen=True)
class _Candidate:
    match: Match[str]
    region: str
    distance: int
    role: int  # in the measured phrase: 2 predicate, 1 modifier, 0 head noun or place adjunct
    generic: bool
    fits: bool = True  # False when the indicator cannot count this figure's base or unit
    inner: bool = False  # inside a longer keyword: only when no fitting longer one is left
    head: bool = False  # names the head noun of the measured phrase
    in_parts: bool = False  # after a "trong đó" that follows the figure: names one of its parts
    leads: bool = False  # starts the measured phrase's head ("15 [cơ sở dữ liệu] chuyên ngành ...")

    @property
    def code(self) -> str:
        return self.match.payload

    @property
    def in_base(self) -> bool:
        return self.role == 0

    def step(self) -> tuple[int, int, int, int, int]:
        # A generic word of the figure's own clause outranks a specific one of another clause,
        # unless that clause lists the figure's parts ("1,3 triệu tài khoản; trong đó ...").
        own = self.region != SENTENCE or self.in_parts
        rank = 2 * own + (0 if self.generic else 1)
        return (rank, int(self.fits), int(not self.inner), _REGION_RANK[self.region], self.role)


_PASSIVE = frozenset(lexicon.PASSIVE_MARKERS)
_GOVERNING_REACH = 6  # syllables from a verb to the figure it governs ("đã cập nhật dữ liệu của | 34.870")


_COVERAGE_VERBS = frozenset(lexicon.COVERAGE_VERBS)
_MOBILE_COVERAGE, _PUBLIC_WIFI = "mobile_coverage", "public_wifi"


def _the_network_covering(candidates: list[_Candidate], chosen: _Candidate | None) -> _Candidate | None:
    """"Hệ thống wifi miễn phí đã phủ sóng 64 điểm": a coverage verb alone names no network; the
    wifi its clause names is the one that covers."""
    if chosen is None or chosen.code != _MOBILE_COVERAGE or chosen.match.keyword.lower() not in _COVERAGE_VERBS:
        return chosen
    wifi = [c for c in candidates if c.code == _PUBLIC_WIFI and c.region != SENTENCE]
    return wifi[0] if wifi else chosen


def _own_units_end(view: _SentenceView, figure: _Figure, unit: str) -> int | None:
    """Where what may be said of a count's own units ends (the next figure, else the clause's
    end), when those units follow it ("820 điểm du lịch, ..."); None for a share, a linked
    figure or a count with no noun of its own after it."""
    if unit != "count" or figure.linked or figure.after is None or figure.after[0] != figure.last:
        return None
    return min([f[0] for f in view.figures if f[0] >= figure.last] + [figure.clause[1]])


def _share_of_teams(candidates: list[_Candidate], chosen: _Candidate | None) -> _Candidate | None:
    """"100% tổ công nghệ số cộng đồng được tập huấn": a share of teams, which are bodies and no
    learners, is a figure of the teams whatever was done to them ("100% thành viên tổ ...", the
    members, are people, and stay what their predicate says)."""
    if chosen is None or chosen.code not in _TRAINING_CODES:
        return chosen
    teams = [c for c in candidates if c.code == _TEAMS and c.region == SUBJECT and c.leads and not c.inner]
    return teams[0] if teams else chosen


def _what_was_given(
    view: _SentenceView, figure: _Figure, base: _Base | None, candidates: list[_Candidate], chosen: _Candidate | None
) -> _Candidate | None:
    """Units counted after "cho" (lexicon.GIVEN_TO) that only their own name names count what
    their clause gave them before it: "đã tích hợp thanh toán trực tuyến cho 1.125 thủ tục hành
    chính" counts procedures with online payment, "phần mềm phòng, chống mã độc đã được cài cho
    4.250 máy tính" computers protected. Not people: "tập huấn bán hàng trực tuyến cho 1.060
    học viên" counts learners."""
    if chosen is None or not chosen.head or chosen.region != SUBJECT:
        return chosen
    if base is None or _base_kind(base.name) == "people":
        return chosen
    given_to = _lead_start(view, figure) - 1
    if view.syllable(given_to) not in _GIVEN_TO:
        return chosen
    given = [
        c for c in candidates
        if c.region == CLAUSE and c.match.last <= given_to and c.fits and not c.generic and not c.inner
    ]
    return max(given, key=lambda c: c.match.last) if given else chosen


def _governs(view: _SentenceView, verb: Match[str], figure: _Figure, state: bool = False) -> bool:
    """The verb is said of what the figure counts: shortly before it, with no other figure
    between ("đã cập nhật dữ liệu của 34.870 hội viên"), or after it in the passive, with no
    other figure between ("196.420 hội viên được cập nhật vào phần mềm"), or, a verb of a
    `state` the units are in, after it in the same clause ("7 máy đã nối mạng")."""
    if verb.last <= figure.first:
        between = (verb.last, figure.first)
        near = figure.first <= verb.last + _GOVERNING_REACH
    else:
        between = (figure.last, verb.first)
        state = state or verb.keyword in _STATE_KEYWORDS
        near = view.syllable(verb.first - 1) in _PASSIVE or state and not view.stops_between(*between)
        if _is_whole_of_a_part(view, figure):
            return False  # "5 trong số 7 máy ... được nối mạng": the 5 are, not all 7
    # ... and the whole a part is counted out of stands between them without blocking
    return near and not any(
        between[0] <= f < between[1] and view.syllable(f - 1) not in _BEFORE_A_WHOLE for f, _ in view.figures
    )


_STATE_KEYWORDS = frozenset(lexicon.STATE_KEYWORDS)
_BEFORE_A_WHOLE = frozenset({"số", "of"})  # "trong số 7", "tổng số 12", "9 of 12"


def _is_whole_of_a_part(view: _SentenceView, figure: _Figure) -> bool:
    """The figure follows "trong số" or "of" right after another figure: "5 trong số 7"."""
    k = figure.first - figure.qualifier_syllables
    if view.syllable(k - 1) == "of":
        return any(last == k - 1 for _, last in view.figures)
    return view.syllable(k - 1) == "số" and view.syllable(k - 2).lower() == "trong" and any(
        last == k - 2 for _, last in view.figures
    )


_NETWORKED = "infrastructure_other"  # equipment on a network, which no finer code names
_SOFTWARE_DOMAIN = "services"  # where a generic word of software ("phần mềm", "dữ liệu") files a figure
_MACHINE_NOUNS = frozenset(lexicon.MACHINE_NOUNS)


def _counts_machines(view: _SentenceView, figure: _Figure) -> bool:
    """The figure counts machines by their bare noun (lexicon.MACHINE_NOUNS), not a machine a
    keyword names as something else ("máy chủ", "máy tính"); a part out of a whole counts the
    whole's noun ("15 trong số 18 máy")."""
    noun = figure.last
    word = view.syllable(noun).lower()
    whole = noun + 2 if word == "trong" and view.syllable(noun + 1).lower() == "số" else noun + 1 if word == "of" else None
    if whole is not None:
        noun = next((last for first, last in view.figures if first == whole), noun)
    return view.syllable(noun).lower() in _MACHINE_NOUNS and not any(
        t.first == noun and t.payload != _NETWORKED for t in view.topics
    )


def _joining_verb(view: _SentenceView, figure: _Figure) -> str | None:
    """The verb of joining that governs what the figure counts: "214 máy đã kết nối với phần
    mềm", "kết nối đủ 48 máy dệt với phần mềm"."""
    joined = (
        v for v in view.group("joining")
        if figure.in_clause(v) and not (v.first <= figure.first < v.last) and _governs(view, v, figure, state=True)
    )
    return next((v.keyword for v in joined), None)


_FITTED_ONLY_CODE = "iot_devices"  # what a device named only by being fitted ("gắn định vị") is
_FITTED_NAME_REACH = 4  # syllables a fitted device's name runs on before "cho" ("thiết bị định vị GPS | cho")


def _fitted_device(view: _SentenceView, figure: _Figure, tax: Taxonomy) -> tuple[str, str] | None:
    """The code and name of the device a verb of fitting (lexicon.FITTING_VERBS) fitted to each
    thing the figure counts: "14 lò đã được gắn cảm biến", "gắn bộ thu thập dữ liệu cho 52/52
    máy ép", "100% ghe được gắn định vị". Only things by a noun that names nothing the fields
    count; not the sites of devices counted before ("gắn 18 cảm biến cho 6 tủ sấy")."""
    if not _names_a_plain_thing(view, figure):
        return None
    lead = _lead_start(view, figure)
    for verb in view.group("fitting"):
        if not figure.in_clause(verb):
            continue
        device = _device_fitted_by(view, verb, tax)
        if device is None:
            continue
        match, code = device
        if verb.last <= figure.first:
            # "gắn D cho N X": only the device's name between the verb and "cho"
            given_to = lead - 1
            fits = (
                view.syllable(given_to) in _GIVEN_TO and match.last <= given_to <= match.last + _FITTED_NAME_REACH
                and not any(verb.last <= f < lead for f, _ in view.figures)
                and not view.stops_between(verb.last, given_to)
            )
        else:
            # "N X đều / đã được gắn D", unless D goes on to "cho" other things counted; not a
            # thing that has one ("lượt khám bằng căn cước gắn chip")
            fits = (
                view.ending_at("predicate", verb.first) is not None
                and _governs(view, verb, figure, state=True)
                and not view.stops_between(figure.last, verb.first)
                and not any(match.last <= f <= match.last + _FITTED_NAME_REACH + 1 for f, _ in view.figures)
            )
        if fits:
            return code, f"{match.keyword} (fitted)"
    return None


def _device_fitted_by(view: _SentenceView, verb: Match, tax: Taxonomy) -> tuple[Match, str] | None:
    """The device named right after a verb of fitting (one word such as "thêm" may come between):
    a keyword of a specific infrastructure indicator, or a word that names a device only there."""
    for pos in (verb.last, verb.last + 1):
        if any(first <= pos < last for first, last in view.figures):
            return None  # "được gắn 72 cảm biến": devices counted, not one fitted to each thing
        named = next((t for t in view.specific if t.first == pos), None)
        if named is not None:
            return (named, named.payload) if tax[named.payload].domain == _DEVICE_DOMAIN else None
        only = view.at("fitted_only", pos)
        if only is not None and _FITTED_ONLY_CODE in tax.indicators:
            return only, _FITTED_ONLY_CODE
    return None


def _digitised(view: _SentenceView, figure: _Figure) -> bool:
    """A verb of digitising in the figure's clause governs it: "số hóa thêm 600 ha", "860 ha ...
    đã được số hóa" (not "2.150 ha; dữ liệu ranh giới ... đã được số hóa", the data)."""
    return any(
        v.payload[1] == "digitising" and figure.clause[0] <= v.first and v.last <= figure.clause[1]
        and _governs(view, v, figure)
        for v in view.group("verb")
    )


_ECOMMERCE = "ecommerce"
_BUYER_BASE_KINDS = frozenset({"people", "units"})  # people, households, agencies, enterprises, ...
_SOLD_REACH = 2  # syllables from a verb of sale to the figure it governs ("bán được | 214.000 ly")


def _sold_online(view: _SentenceView, figure: _Figure) -> str | None:
    """The channel through which what the figure counts was sold or ordered online (see
    lexicon.ORDER_NOUNS): "2.190 đơn đặt qua website", "9.490 vé điện tử qua website", "bán 1,63
    triệu vé qua ứng dụng"; None when the units are the buyers or nothing says they were sold."""
    end = next((f for f, _ in view.figures if f >= figure.last), figure.clause[1])
    span = figure.measured if figure.measured is not None and figure.measured[1] <= figure.first else (
        figure.last, min(end, figure.clause[1])
    )
    channel = next(
        (c for c in view.group("sale_channel") if span[0] <= c.first and c.last <= span[1] and figure.owns(c)), None
    )
    if channel is None:
        return None
    head = _head_start(view, span)
    base = view.at("base", head)
    if view.at("buyer", head) is not None or _person_noun(view, span) is not None or (
        base is not None and _base_kind(base.payload[1]) in _BUYER_BASE_KINDS
    ):
        return None
    sold_before = any(0 <= figure.before_gap(v) <= _SOLD_REACH for v in view.group("sale_verb"))
    if view.at("order_noun", head) is not None or view.ending_at("sale_verb", channel.first) or sold_before:
        return channel.keyword
    return None


def _best(candidates: list[_Candidate], tax: Taxonomy) -> _Candidate | None:
    if not candidates:
        return None
    top = max(c.step() for c in candidates)
    group = sorted(
        (c for c in candidates if c.step() == top),
        key=lambda c: (c.distance, -(c.match.last - c.match.first), -(c.match.end - c.match.start), c.code),
    )
    chosen = group[0]
    # A finer code beats the code it refines: in the same step, and anywhere in the
    # clause when only the head noun named the coarser one ("15 cơ sở dữ liệu chuyên ngành
    # với CSDL quốc gia về dân cư": databases linked to the population database).
    # So does a verb of keeping records ("được cập nhật, đối chiếu với CSDL quốc gia về dân cư").
    broad = chosen.in_base or chosen.leads or chosen.match.keyword in lexicon.CLAUSE_KEYWORDS
    finer = group if not broad else [
        c for c in candidates if c.region != SENTENCE and not c.generic and not c.in_parts
    ]
    # ... and one that goes on right where the chosen keyword ends, past the phrase's reach
    # ("dịch vụ công trực tuyến | toàn trình")
    finer = finer + [c for c in candidates if c.match.first == chosen.match.last and not c.generic]
    if chosen.match.keyword in _NAMED_BY_WHAT_FOLLOWS:
        named = [c for c in candidates if c.match.first == chosen.match.last and c.fits]
        if named and not named[0].generic:
            chosen = named[0]
        elif named:
            # "100% trường đã ứng dụng phần mềm": the verb, whose object names nothing specific
            return _best([c for c in candidates if c.match is not chosen.match], tax)
    if chosen.role == 2:
        # "5 cơ sở dữ liệu đã kết nối, chia sẻ với CSDL quốc gia về dân cư": what the predicate
        # joins the head noun's things to names a finer code of the head's own
        head = next((c for c in candidates if c.leads and not c.generic), None)
        joined = [c for c in candidates if head is not None and head.code in tax.ancestors(c.code)
                  and c.match.first >= chosen.match.last and not c.generic]
        if joined:
            chosen = joined[0]
    changed = True
    while changed:
        changed = False
        for c in finer:
            if chosen.code in tax.ancestors(c.code):
                chosen, changed = c, True
                break
    # Records checked against the population register are linked to it, whatever word of
    # identity names the check (lexicon.IDENTITY_CHECK_WORDS).
    if chosen.code == _ELECTRONIC_ID and chosen.match.keyword in _IDENTITY_CHECK_WORDS:
        linked = [c for c in candidates if c.code == _CITIZEN_ID_LINKED and c.region != SENTENCE and c.fits]
        if linked:
            chosen = min(linked, key=lambda c: c.distance)
    # A sector's units that pay without cash are counted for the payment, wherever the clause
    # names it: "Về thanh toán không dùng tiền mặt, 100% trường học, bệnh viện công lập ... đã
    # có mã QR thanh toán".
    if chosen.match.keyword in _SECTOR_UNIT_KEYWORDS:
        activities = [
            c for c in candidates
            if c.code in _ACTIVITIES_OF_ANY_UNIT and c.region != SENTENCE and c.fits and not c.generic
        ]
        if activities:
            chosen = min(activities, key=lambda c: c.distance)
    # What the phrase says of its head stays in the head's domain: "100% văn bản điện tử
    # được ký số" is a documents figure, "100% máy tính được cài phần mềm diệt virus" a
    # security one (computers and security are both infrastructure).
    # A payment made without cash stays what the phrase says, whoever makes it: "100% bệnh
    # viện thu viện phí không dùng tiền mặt" is a cashless-payment figure (lexicon.ACTIVITIES_OF_ANY_UNIT).
    if chosen.region == SUBJECT and not chosen.head and chosen.code not in _ACTIVITIES_OF_ANY_UNIT:
        # A keyword that starts the phrase names its head too ("64 camera giám sát được kết nối về
        # phòng điều hành"), unless it names a topic outside the facts, of which the phrase says
        # what is measured ("70% tài khoản thanh toán đã xác thực sinh trắc học").
        # Not users, whom what they use names ("90% người dùng di động sử dụng điện thoại thông minh").
        heads = [
            c for c in candidates
            if (c.head or c.leads and tax[c.code].domain in FACT_DOMAINS) and c.fits and not c.generic and not c.inner
            and c.match.keyword not in _USERS
        ]
        if heads and all(tax[h.code].domain != tax[chosen.code].domain for h in heads):
            chosen = min(heads, key=lambda c: c.distance)
    return chosen


# --- one report -------------------------------------------------------------------------


class _Report:
    def __init__(self, text: str, tax: Taxonomy) -> None:
        self.text = text
        self.tax = tax
        self.script = Script.of(text[:20000])
        self._views: dict[tuple[int, str], _SentenceView] = {}

    def _sentence_start(self, obs: Observation) -> int:
        lo = max(0, obs.char_end - len(obs.sentence))
        found = self.text.find(obs.sentence, lo, obs.char_start + len(obs.sentence))
        return found if 0 <= found <= obs.char_start else max(0, obs.char_start - _quote_span(obs)[0])

    def _view(self, obs: Observation) -> _SentenceView:
        key = (obs.sentence_index, obs.sentence)
        if key not in self._views:
            script = Script.of(obs.sentence)
            if script == Script.OTHER and self.script == Script.FOLDED and len(obs.sentence.split()) < 8:
                script = Script.FOLDED  # too short to tell: the report decides
            self._views[key] = _SentenceView(obs.sentence, self._sentence_start(obs), script, self.tax)
        return self._views[key]

    def place(self, obs: Observation) -> _Figure:
        view = self._view(obs)
        figure = _place(view, obs)
        view.figures.append((figure.first, figure.last))
        return figure

    def under_an_open_label(self, obs: Observation, done: Observation) -> Observation:
        """"- Cán bộ, công chức được bồi dưỡng kỹ năng số:" over "+ Cấp huyện: 96/96 người;": an
        item that its own words left unclassified (`done` is `obs` classified), whose label names
        only a level, measures what the label line above its list names; that line holds no figure
        and ends with ":"."""
        if done.classified_by is not None or obs.scope != "list":
            return done
        label = _open_label_above(self.text, obs.char_start)
        if label is None:
            return done
        line_start = self.text.rfind("\n", 0, obs.char_start) + 1
        line_end = self.text.find("\n", obs.char_end)
        item = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        read = with_fields(obs, sentence=f"{label}: {item}", sentence_index=-1 - obs.ordinal)
        found = self.classify(read, self.place(read))
        if found.indicator_code == UNCLASSIFIED:
            return done
        return with_fields(done, **found.__dict__)

    # -- the steps -----------------------------------------------------------------

    def classify(self, obs: Observation, figure: _Figure) -> Classification:
        view = self._view(obs)
        figure = self._read(view, figure, obs)
        relevance = self._relevance(view, obs, figure)
        if relevance is not None:
            code, cue = relevance
            if code == "measure" and self._share_taken_of(view, figure):
                # "trong đó 27 tấn qua sàn thương mại điện tử và website, chiếm 28%": the share
                # right after a measure is taken of what the measure's phrase names
                view.last_phrase[figure.clause] = (figure.measured, _base(view, figure))
            reason = _RELEVANCE_REASONS[code]
            code = UNCLASSIFIED if code in _NO_CODE_REASONS else code
            return Classification(code, self.tax[code].domain, RELEVANCE, cue, reason, None)
        base = _base(view, figure)
        figure = self._share_coordinated_predicate(view, figure, base)
        figure, base = self._elided(view, figure, base, obs.unit)
        candidates = self._candidates(view, figure, base, obs.unit)
        chosen = _best(candidates, self.tax)
        if obs.unit == "percent":
            chosen = _share_of_teams(candidates, chosen)
        else:
            chosen = _what_was_given(view, figure, base, candidates, chosen)
        chosen = _the_network_covering(candidates, chosen)
        code, keyword, by = UNCLASSIFIED, None, None
        if chosen is not None:
            code, keyword = chosen.code, chosen.match.keyword
            by = FALLBACK if chosen.generic else chosen.region
        staff_of = self._it_unit_staff(view, figure, base, "count" if _a_part_of_a_total(obs) else obs.unit)
        if staff_of is not None and (chosen is None or chosen.generic or chosen.region != SUBJECT):
            code, keyword, by = _IT_STAFF, staff_of, CLAUSE
        duty = self._it_duty(obs, base)
        if duty is not None:
            code, keyword, by = _IT_STAFF, duty, SUBJECT
        elif code in self.tax.indicators and self.tax[code].domain in _NOT_WORKFORCE_FACTS and (
            _WORKFORCE_OTHER in self.tax.indicators
        ):
            # "3 nhân viên phụ trách bán hàng trực tuyến": staff assigned to a digital task other
            # than IT are digital workforce, not a figure of the task they do
            assigned = _duty_verb(obs, base, _ASSIGNED)
            if assigned is not None:
                code, keyword, by = _WORKFORCE_OTHER, assigned, SUBJECT
        if chosen is not None and chosen.in_parts and chosen.region != SUBJECT and base is not None:
            # "Đã giải quyết 48.200 hồ sơ, trong đó 97,9% đúng hạn": a whole that only its
            # parts' words name counts what its units count
            named = lexicon.TABLE_BASE_INDICATORS.get(base.name)
            if named in self.tax.indicators:
                code, keyword, by = named, base.match.keyword, CLAUSE
            elif staff_of is None and _base_kind(base.name) == "people" and obs.unit == "count" and (
                _WORKFORCE_OTHER in self.tax.indicators and _STAFF_ONLY.match(obs.subject)
            ):
                # "Cảng có 2.310 lao động, trong đó Phòng CNTT có 28 người": the people of
                # the whole, which only the part's words name, are as many as its staff words say
                code, keyword, by = _WORKFORCE_OTHER, base.match.keyword, FALLBACK
        if by != SUBJECT:
            referent = self._anaphor(view, figure)
            if referent is not None:
                code, keyword, by = referent[0], referent[1], SUBJECT
        if obs.scope != "table" and by != SUBJECT:
            earlier = self.text[max(0, view.start - _ANAPHOR_LOOKBACK) : view.start]
            named = self._named_before(view, figure, earlier)
            if named is None and (chosen is None or chosen.generic or chosen.in_parts):
                # what the subject did is named by nothing specific but the parts after "trong đó"
                named = self._plural_subject_named_before(view, figure, earlier)
            if named is not None:
                code, keyword, by = named[0], named[1], CONTEXT
        elif obs.scope != "table" and obs.unit == "count" and chosen is not None and not chosen.head:
            # a count of units whose bare noun the sentence named in full before ("1.652 trạm
            # BTS, trong đó 268 trạm đã phát sóng 5G"): the units, not what is said of them
            named = self._named_before(view, figure, "")
            if named is not None:
                code, keyword, by = named[0], named[1], SUBJECT
        code, keyword, by = self._refine_by_base(view, figure, base, code, keyword, by)
        if obs.unit == "count" and (by == FALLBACK or code == UNCLASSIFIED) and _PORTALS_AND_APPS in self.tax.indicators:
            portal = _accounts_of_a_portal(view, figure, obs)
            if portal is not None:
                code, keyword, by = _PORTALS_AND_APPS, f"{portal} (accounts)", CLAUSE
        if obs.unit in ("count", "percent") and code != _ECOMMERCE and _ECOMMERCE in self.tax.indicators:
            channel = _sold_online(view, figure)
            if channel is not None:
                code, keyword, by = _ECOMMERCE, f"{channel} (sold online)", SUBJECT
        if obs.unit == "count" and by != SUBJECT and _NETWORKED in self.tax.indicators and _counts_machines(view, figure):
            joined = _joining_verb(view, figure)
            if joined is not None:
                # "520 máy đã kết nối với phần mềm": the machines joined, not what they are joined to;
                # "kết nối cả 11 máy chấm và có 130 đại lý đặt hàng qua ứng dụng": nor the other aim
                code, keyword, by = _NETWORKED, joined, CLAUSE
            elif by == FALLBACK and self.tax[code].domain == _SOFTWARE_DOMAIN and not _is_whole_of_a_part(view, figure):
                # "8 trong số 11 máy đã gửi số que, số lần dừng ... về phần mềm": machines, whatever
                # generic word of software their sentence holds
                code, keyword, by = _NETWORKED, f"{view.syllable(figure.last)} (machines)", SUBJECT
        if obs.unit in ("count", "percent", "ratio"):
            fitted = _fitted_device(view, figure, self.tax)
            if fitted is not None and fitted[0] != code:
                # "36 máy dệt được gắn bộ thu thập dữ liệu": one device fitted to each machine counted
                code, keyword, by = fitted[0], fitted[1], CLAUSE
        if obs.unit == "count" and _LEARNERS in self.tax.indicators and (
            code == _TRAININGS
            or code not in _TRAINING_CODES and self._about_a_training(view, candidates, chosen, figure, base)
        ):
            trained_for = self._trained_for(view, figure, base)
            if trained_for is not None:
                code, keyword, by = _LEARNERS, trained_for, CLAUSE
            elif code == _TRAININGS and _ACCOUNTS.match(obs.subject):
                # "MOOCs có 152.300 tài khoản đăng ký": the platform's learners, not its courses
                code, keyword = _LEARNERS, f"{keyword} (accounts)"
        if chosen is not None and chosen.in_parts and code == chosen.code and obs.unit == "count" and (
            base is None or base.name in _CHANNEL_ONLY_BASES or _base_kind(base.name) == "units"
        ) and (
            not any(not c.in_parts and c.region != SENTENCE for c in candidates)
            and not any(0 <= figure.before_gap(v) <= _VERB_REACH for v in view.group("verb"))
        ):
            # "Tỉnh có 92 chùa, trong đó 64 chùa đã được lắp đặt wifi": a whole of units no word
            # or verb of its own names, which only its parts' words make a topic, is no figure of it
            code, keyword, by = UNCLASSIFIED, None, None
        if (
            obs.unit == "count" and chosen is not None and code == chosen.code and by != SUBJECT
            and (self.tax[code].domain in _NOT_WORKFORCE_FACTS or _titled_beside_it_staff(view, figure, base, chosen))
            and self._people_beside_others(view, figure, base, chosen)
        ):
            code, keyword, by = UNCLASSIFIED, None, None
        if by == FALLBACK and code == _WORKFORCE_OTHER and _titled_by_another_figures_title(view, figure, base, chosen):
            code, keyword, by = UNCLASSIFIED, None, None
        record = view.at("record", figure.last) if obs.unit == "count" else None
        if record is not None and _RECORDS in self.tax.indicators and (
            code == UNCLASSIFIED or code in _RECORD_KEEPERS or self.tax[code].domain == _DEVICE_DOMAIN
        ):
            # "nhật ký có 9.400 bản ghi, trong đó 7.100 bản ghi do cảm biến gửi về": records, not
            # the sensors that wrote them or the app that keeps them
            code, keyword, by = _RECORDS, f"{record.payload[1]} (records)", SUBJECT
        if (
            obs.unit == "count" and code in _TOPICS_OF_PAGES and base is not None and _base_kind(base.name) == "pages"
            and any(c.code == _DIGITISED and c.region != SENTENCE and not c.in_parts for c in candidates)
        ):
            # "đã số hóa 1.032.000 trang sổ hộ tịch": pages digitised, not the civil-status
            # register they are pages of
            code, keyword, by = _DIGITISED, f"{base.match.keyword} (pages digitised)", CLAUSE
        storage = _storage_unit(view, figure)
        if storage is not None and _DATA_CENTRE in self.tax.indicators:
            code, keyword, by = _DATA_CENTRE, f"{storage} (stored data)", SUBJECT
        length = _is_length(view, figure) and code != UNCLASSIFIED
        if length and _length_of_nothing_named(view, figure):
            # "đường biên giới dài 231 km, ... việc phủ sóng": the border is measured, nothing digital
            reason = _RELEVANCE_REASONS["measure"]
            return Classification(UNCLASSIFIED, self.tax[UNCLASSIFIED].domain, RELEVANCE, "km", reason, None)
        if length and self.tax[code].unit != _LENGTH:
            lengths = [i.code for i in self.tax if i.unit == _LENGTH and i.domain == self.tax[code].domain]
            if len(lengths) == 1:  # "mạng cáp quang dài 5,2 nghìn km": the cable, not the share of places
                code, keyword = lengths[0], f"{keyword} (a length)"
            elif not lengths and code not in _LENGTHS_RECORDED:
                # "đường bờ biển dài 385 km, ... dữ liệu": a length of nothing digital (but "đã số hóa
                # hồ sơ 351,6 km đê" measures what was digitised)
                reason = _RELEVANCE_REASONS["measure"]
                return Classification(UNCLASSIFIED, self.tax[UNCLASSIFIED].domain, RELEVANCE, "km", reason, None)
        if keyword in _OWN_PEOPLE_AND_UNITS and not self._names_anything_digital(view) and (
            keyword not in _LEARNER_KEYWORDS or not self._names_anything_digital(self._paragraph_before(view))
        ):
            # "Tỉnh có 12 bệnh viện công lập với 9.600 giường bệnh": the sector, nothing digital;
            # learners also need a paragraph before them that names nothing digital
            reason = _RELEVANCE_REASONS["sector_units"]
            return Classification(UNCLASSIFIED, self.tax[UNCLASSIFIED].domain, RELEVANCE, keyword, reason, None)
        domain = self.tax[code].domain
        reason = None if domain in FACT_DOMAINS else (_NO_KEYWORD if code == UNCLASSIFIED else "topic")
        return Classification(code, domain, by, keyword, reason, base.name if base else None)

    @staticmethod
    def _trained_for(view: _SentenceView, figure: _Figure, base: _Base | None) -> str | None:
        """"tổ chức 6 lớp tập huấn cho 420 lượt công nhân": the word that makes a count whom a
        training was for, unless it counts places or bodies, or the classes themselves ("cho 3
        lớp với 420 kế toán")."""
        word = view.syllable(_lead_start(view, figure) - 1)
        if word not in _TRAINED_FOR or (base is not None and base.name in _NOT_TRAINED):
            return None
        if any(t.payload == _TRAININGS and t.first == figure.last for t in view.topics):
            return None
        return word

    @staticmethod
    def _about_a_training(
        view: _SentenceView, candidates: list[_Candidate], chosen: _Candidate | None, figure: _Figure,
        base: _Base | None,
    ) -> bool:
        """People counted after a training of their own clause, whose phrase goes on to what
        the training was about ("tập huấn cho 380 lượt cán bộ doanh nghiệp về thông quan điện
        tử"): the topic after "về" names no figure of theirs."""
        if chosen is None or base is None or base.name not in _TRAINED_BASES:
            return False
        trainings = [c for c in candidates if c.code == _TRAININGS and c.region != SENTENCE and c.match.last <= figure.first]
        if chosen.match.last <= figure.first:
            # ... or before them, after the training's own word ("tập huấn an toàn và sử dụng ứng
            # dụng cho 118 nhân viên giao hàng"): what the training taught
            return chosen.region == CLAUSE and any(c.match.last <= chosen.match.first for c in trainings)
        if chosen.match.first <= figure.last:
            return False
        about = any(view.syllable(i) in _ABOUT for i in range(figure.last, chosen.match.first))
        # ... or the people a class of the clause was for ("mở 5 lớp hướng dẫn cho 410 lượt hộ nuôi
        # sử dụng ứng dụng"): what they were shown to use is what the class taught
        for_them = view.syllable(_lead_start(view, figure) - 1) in _TRAINED_FOR
        return (about or for_them) and bool(trainings)

    def _paragraph_before(self, view: _SentenceView) -> _SentenceView:
        """The text of the sentence's paragraph before it, as far back as a topic carries."""
        lo = max(0, view.start - _TOPIC_REACH)
        start = max(lo, self.text.rfind("\n", lo, view.start) + 1)
        before = self.text[start:view.start]
        return _SentenceView(before, start, Script.of(before) if before.strip() else self.script, self.tax)

    def _names_anything_digital(self, view: _SentenceView) -> bool:
        """The sentence names something of the three fact domains besides a sector's units or
        learners (and the words inside their names: "trạm" of "trạm y tế")."""
        units = [t for t in view.topics if t.keyword in _OWN_PEOPLE_AND_UNITS]
        return any(
            self.tax[t.payload].domain in FACT_DOMAINS and t.keyword not in _OWN_PEOPLE_AND_UNITS
            and not any(u.first <= t.first and t.last <= u.last for u in units)
            for t in view.topics
        )

    def _read(self, view: _SentenceView, figure: _Figure, obs: Observation) -> _Figure:
        figure = _within_own_aim(view, figure)
        if obs.scope == "table":
            label = _span_of(view, obs.subject, before=figure.first)
            if label is not None:
                # A cell measures what its row label (or, in a breakdown by place, its column
                # header) names; the evidence's bracketed copy of the row is no phrase of it.
                return replace(figure, after=None, before=label, linked=True, measured=label)
        after = _after_phrase(view, figure) or _after_listed(view, figure)
        listed = _respective_subjects(view, figure)
        if listed is not None:
            pieces, index = listed
            own = pieces[index]
            if after is not None and view.at("base", _head_start(view, after)) and not self._names_topic(view, own):
                # "Các huyện A, B và C lần lượt có 1.236, 814 và 1.102 lượt hồ sơ": the places
                # listed before say where; the unit after is what each figure counts
                return replace(figure, after=after, before=own, measured=after)
            if not all(self._names_topic(view, piece) for piece in pieces):
                # "Số học viên cấp tỉnh, cấp huyện và cấp xã lần lượt là 1.240, 1.675 và 2.465
                # lượt": a piece that names only a level or a place says where; the whole list
                # says what each figure counts
                own = (pieces[0][0], pieces[-1][1])
            # "Tỷ lệ A và tỷ lệ B lần lượt đạt 91% và 87%": each figure measures its own subject
            return replace(figure, after=None, before=own, linked=True, measured=own)
        before, verb = _before_phrase(view, figure)
        linked, connects = verb is not None, verb is not None and verb.payload[0] == "connecting"
        # "đưa sóng 5G đến 100% quận", "phủ sóng tới 98% thôn": what reaches that far is the
        # noun nearest the verb, not the head of the clause before it.
        nearest_first = verb is not None and verb.keyword in _EXTENT_LINKS
        if not linked and after is not None and before is not None and (
            view.at("opener", _past_bullet(view, before)) or view.syllable(before[1] - 1) == ":"
        ):
            unit = view.at("base", after[0])
            # "số hồ sơ tiếp nhận trực tuyến 50.911 hồ sơ", "+ Số xã có đài truyền thanh: 11
            # xã": the noun after only repeats the unit, the label names what is counted
            # ("Số lượt cán bộ được tập huấn: 2.148 lượt": nor does a bare measure word; "- Văn bản
            # đi được ký số: 97,3% ở cấp huyện": nor a level)
            level = view.at("level_label", after[0])
            linked = unit is not None and unit.last >= after[1] or _head_start(view, after) >= after[1] or (
                level is not None and level.last == after[1]
            )
        linked = (linked or obs.unit == "percent" and _rate_changed_from(view, figure)) and before is not None
        measured = before if linked or after is None else after
        return replace(
            figure, after=after, before=before, linked=linked, measured=measured, connects=connects,
            nearest_first=nearest_first and linked,
        )

    def _share_taken_of(self, view: _SentenceView, figure: _Figure) -> bool:
        """The figure's phrase names a topic and the clause's next figure is a share of it
        ("..., chiếm 28%")."""
        nxt = _next_figure_start(view, figure)
        if nxt is None or figure.measured is None or not self._names_topic(view, figure.measured):
            return False
        share = _Figure(nxt, nxt + 1, figure.clause)
        return view.syllable(_lead_start(view, share) - 1).lower() in _SHARE_OF_WHOLE_VERBS

    def _it_unit_staff(self, view: _SentenceView, figure: _Figure, base: _Base | None, unit: str) -> str | None:
        """"Phòng Công nghệ thông tin có 9 người", "Đội CNTT của Công ty gồm 14 kỹ sư": people
        counted in an IT unit named before them in the clause, naming nothing else, are IT staff."""
        if unit != "count" or base is None or _base_kind(base.name) != "people" or _IT_STAFF not in self.tax.indicators:
            return None
        if figure.after is None or self._names_topic(view, figure.after):
            return None
        start = max([figure.clause[0]] + [last for _, last in view.figures if last <= figure.first])
        found = [w for w in view.group("it_unit") if start <= w.first and w.last <= figure.first]
        return found[-1].keyword if found else None

    def _it_duty(self, obs: Observation, base: _Base | None) -> str | None:
        """"3 viên chức phụ trách hạ tầng công nghệ thông tin": people whose own phrase gives
        them a duty over a thing of IT are IT staff, whatever else the phrase names."""
        return _duty_verb(obs, base, _IT_DUTY) if _IT_STAFF in self.tax.indicators else None

    def _names_topic(self, view: _SentenceView, span: tuple[int, int] | None) -> bool:
        return span is not None and any(
            not self.tax[m.payload].generic and span[0] <= m.first < span[1] for m in view.topics
        )

    def _elided(
        self, view: _SentenceView, figure: _Figure, base: _Base | None, unit: str
    ) -> tuple[_Figure, _Base | None]:
        """A figure whose phrase names nothing ("..., 85,79% đối với cấp huyện") measures what
        the figure before it in the clause measured; one that names something is remembered."""
        names_unit = base is not None and base.name in lexicon.BASE_INDICATORS and figure.region(base.match) == SUBJECT
        # "... và đạt 30.000 trạm 5G": the noun right after a count names it, whatever the subject
        # (after a share it names the whole: "chiếm 39%/tổng số hồ sơ tiếp nhận")
        names_own = self._names_topic(view, _before_place(view, figure, unit)) or self._names_topic(
            view, (figure.first, figure.last)
        )
        counted = unit == "count" and figure.linked and self._names_topic(view, figure.after)
        if names_unit or names_own or counted:
            if figure.measured is not None:
                view.last_phrase[figure.clause] = (figure.measured, base)
            return figure, base
        previous = view.last_phrase.get(figure.clause)
        # a predicate of its own, opened by a comma or "và" after the figure before, ends the
        # carry: "1.378 trạm BTS, sóng 4G phủ 99,8% diện tích" measures coverage, not stations
        opened = figure.before is not None and (
            view.syllable(figure.before[0] - 1) == "," or view.ending_at("coordinator", figure.before[0]) is not None
        ) and any(  # ... naming its topic right before the figure
            figure.before[0] <= t.first and 0 <= _lead_start(view, figure) - t.last <= _OWN_TOPIC_GAP
            for t in view.specific
        )
        predicate = None if previous is None else self._own_predicate(view, figure, unit)
        predicate = predicate or self._passive_predicate(view, figure, unit)
        if predicate is not None:
            figure = replace(figure, measured=(figure.after[0], predicate))
        own = figure.linked and self._names_topic(view, figure.before) or opened or predicate is not None
        own = own or self._passive_of_its_own(view, figure)
        own = own or self._people_listed_after_things(view, figure, base, unit, previous)
        own = own or _people_of_another_title(view, figure, base, unit, previous)
        if previous is None or own:
            if base is not None and figure.measured is not None:
                # "1.460 lượt cán bộ, công chức, trong đó 820 lượt là công chức cấp xã": units
                # of its own make it the figure the next one that names nothing refers to
                view.last_phrase[figure.clause] = (figure.measured, base)
            return figure, base
        # "..., cấp huyện đạt 85%": a subject that names only a level keeps the units counted
        # before it; "100% huyện ..., 85% xã": units after the figure are its own
        units = (previous[1] or base) if figure.linked else (base or previous[1])
        view.last_phrase[figure.clause] = (previous[0], units)
        return replace(figure, measured=previous[0]), units

    def _people_beside_others(
        self, view: _SentenceView, figure: _Figure, base: _Base | None, chosen: _Candidate
    ) -> bool:
        """"Trại có 8 lao động, trong đó 1 kỹ thuật viên thú y và 1 người phụ trách phần mềm,
        camera": people, by a person noun right after the figure (past "lượt"), whose topic is
        said of what a later figure counts, or before a comma of what an earlier one counts
        ("2 kỹ sư phụ trách phần mềm, 11 thợ lắp đặt"), not of them."""
        if base is None or _base_kind(base.name) != "people":
            return False
        if base.match.first != figure.last + (view.syllable(figure.last) in _TURNS):
            return False
        if any(t.first == base.match.first and self.tax[t.payload].domain in _NOT_WORKFORCE_FACTS for t in view.topics):
            return False  # "9.000 tài khoản thành viên": accounts, a thing, head the title
        return _named_by_another_figure(view, figure, chosen.match) or _in_an_earlier_figures_phrase(
            view, figure, chosen.match
        )

    def _passive_of_its_own(self, view: _SentenceView, figure: _Figure) -> bool:
        """"... có 6.400 người theo dõi và 100% đơn hàng đều được xuất hóa đơn điện tử": the
        phrase right after the figure goes on, in the passive, to a topic of its own (generic or
        not), which it measures rather than what the figure before it measured."""
        if figure.after is None or figure.after[0] != figure.last:
            return False
        marker = next((i for i in range(*figure.after) if view.syllable(i) in _PASSIVE), None)
        return marker is not None and any(marker < m.first and m.last <= figure.after[1] for m in view.topics)

    @staticmethod
    def _people_listed_after_things(
        view: _SentenceView, figure: _Figure, base: _Base | None, unit: str,
        previous: tuple[tuple[int, int], _Base | None] | None,
    ) -> bool:
        """"Nhà máy có 96 camera giám sát và 7 nhân viên công nghệ thông tin": people named right
        after a count listed beside things the subject has are what it counts, not the things.
        (People counted "với"/"cho" after a class or a meeting are its learners or guests.)"""
        if unit != "count" or base is None or previous is None or _base_kind(base.name) != "people":
            return False
        if figure.region(base.match) != SUBJECT or previous[1] is not None and _base_kind(previous[1].name) == "people":
            return False
        k = _lead_start(view, figure) - 1
        if view.syllable(k) == lexicon.HAVE_VERB:
            k -= 1  # "..., và có 4 kỹ sư"
        return view.syllable(k).lower() in _LIST_JOINS

    def _own_predicate(self, view: _SentenceView, figure: _Figure, unit: str) -> int | None:
        """"..., 820 điểm du lịch, nhà hàng có wifi miễn phí": a count whose own units are said,
        before the next figure, to have ("có") a topic counts what has it, not what the figure
        before it measured; the end of that predicate, or None. What units do is no such
        predicate ("với 8.764 thành viên tham gia hướng dẫn ...": the teams' members)."""
        bound = _own_units_end(view, figure, unit)
        if bound is None:
            return None
        stop = min(bound, figure.after[1] + _OWN_PREDICATE_REACH)
        has = next((i for i in range(figure.after[1], stop) if view.syllable(i) == lexicon.HAVE_VERB), None)
        return stop if has is not None and self._names_topic(view, (has + 1, stop)) else None

    def _passive_predicate(self, view: _SentenceView, figure: _Figure, unit: str) -> int | None:
        """"100% hóa đơn là hóa đơn điện tử, và 17 hợp đồng với các đối tác trong năm 2024 đã được
        ký số": a count that opens a second clause ("và" after another figure), whose own units
        are said, past what qualifies them and before the next figure, to undergo a topic in the
        passive, counts what undergoes it; the end of that predicate, or None. (Without the "và"
        a comma may open a clause of another subject: "có 48 thiết bị, vị trí của đoàn được cập
        nhật ...".)"""
        bound = _own_units_end(view, figure, unit)
        if bound is None:
            return None
        lead = _lead_start(view, figure)
        if view.syllable(lead - 1).lower() not in _AIM_JOINERS or not any(last <= lead for _, last in view.figures):
            return None
        stop = min(bound, figure.after[1] + _PASSIVE_PREDICATE_REACH)
        undergoes = next((i for i in range(figure.after[1], stop) if view.syllable(i) in _PASSIVE), None)
        if undergoes is None or any(view.syllable(i) in _BREAKS_BUT_COMMA for i in range(figure.after[1], undergoes)):
            return None  # commas may part what qualifies the units; nothing stronger may
        return stop if self._names_topic(view, (undergoes + 1, stop)) else None

    def _share_coordinated_predicate(self, view: _SentenceView, figure: _Figure, base: _Base | None) -> _Figure:
        """"100% cán bộ, công chức và trên 50% viên chức đã được đào tạo": the phrase of the
        first figure, which names nothing but its base, takes the second one's predicate."""
        if figure.linked or figure.after is None or base is None:
            return figure
        end = figure.after[1]
        following = [f for f in sorted(view.figures) if f[0] >= end]
        if not following or any(
            # a keyword that goes on past the base names something ("người theo dõi" past "người")
            not t.generic and figure.after[0] <= m.first < end and not (base.match.first <= m.first and m.last <= base.match.last)
            for m in view.topics for t in [self.tax[m.payload]]
        ):
            return figure
        gap = end
        while gap < following[0][0] and view.syllable(gap) in {",", "và", "and"} | set(lexicon.COORDINATORS):
            gap += 1
        nxt_first = following[0][0]
        # only a coordinator (and a qualifier of the next figure) may stand between: "..., và
        # trên 50% viên chức", not "... và xử lý 7,4 triệu giao dịch"
        tail = " ".join(view.syllable(i) for i in range(end, nxt_first))
        if not any(view.at("coordinator", i) for i in range(end, nxt_first)) or re.search(r"[;:.(]", tail):
            return figure
        if any(view.syllable(i) not in _BETWEEN_SHARED for i in range(end, nxt_first)):
            return figure
        nxt = _after_phrase(view, _Figure(nxt_first, following[0][1], figure.clause))
        if nxt is None or any(
            m.first == nxt[0] and not self.tax[m.payload].generic and view.at("base", m.first) is None
            for m in view.topics
        ):
            # "12 máy tính và 8 camera": the next figure's phrase opens on units of its own, no predicate
            return figure
        other = view.at("base", _head_start(view, nxt))
        if other is not None and _base_kind(other.payload[1]) != _base_kind(base.name):
            return figure  # "9,860 members, and 108 communes had 4G coverage"
        return replace(figure, measured=(figure.after[0], nxt[1]))

    def _relevance(self, view: _SentenceView, obs: Observation, figure: _Figure) -> tuple[str, str] | None:
        """(indicator code, cue) when the figure is no digital-transformation measurement."""
        money = _MONEY_AFTER.match(self.text, obs.char_end)
        if money and money.end() - obs.char_end <= 40:
            return "budget_revenue", money.group().strip()
        for w in view.group("currency_before"):
            if figure.before_gap(w) == 0:
                return "budget_revenue", w.keyword
        if obs.extra.get("kind") == "rank":
            return "dx_rankings", obs.quote
        if obs.unit == "percent" and view.syllable(_lead_start(view, figure) - 1) in _SHARE_OF_WHOLE_VERBS:
            whole = _MONEY_WHOLE_AFTER.match(self.text, obs.char_end)
            if whole is not None:  # "chiếm 9,5% tổng chi cho chuyển đổi số": a share of spending
                return "budget_revenue", whole.group("whole")
            part = _MONEY_PART_BEFORE.search(self.text, max(0, obs.char_start - 60), obs.char_start)
            if part is not None:  # "trong đó ngân sách tỉnh chiếm 72%": the money's share of the funds
                return "budget_revenue", part.group("part")
        if obs.unit == "percent":
            group = _GROUP_SHARE_BEFORE.search(self.text, max(0, obs.char_start - 80), obs.char_start)
            group = group or _GROUP_SHARE_AFTER.match(self.text, obs.char_end)
            if group is not None:
                # "trong đó khoảng 87% là đồng bào dân tộc thiểu số": what the people are, not what they do
                return "population", group.group("group")
        if _is_reach(view, figure):
            return "measure", "bán kính"
        if obs.figure_kind == "average":
            group = _PER_GROUP.match(self.text, obs.char_end) or _GROUP_BEFORE.search(
                self.text, max(0, obs.char_start - 40), obs.char_start
            ) or _PER_GROUP_HEADER.search(obs.table_column or "")
            if group:
                return "group_size", group.group().strip()
        cap = _GROUP_CAP_BEFORE.search(self.text, max(0, obs.char_start - 50), obs.char_start)
        if cap:
            return "group_size", cap.group().strip()
        if obs.range_high is not None:
            group = _GROUP_BEFORE.search(self.text, max(0, obs.char_start - 40), obs.char_start)
            if group:  # "mỗi tổ thường có từ 5-7 thành viên": how large each group is
                return "group_size", group.group().strip()
        threshold = _threshold_of_a_condition(view, figure)
        if threshold is not None:
            return "threshold", threshold
        comparison = self._comparison(view, obs, figure)
        if comparison:
            return "comparisons", comparison
        for w in view.group("rank_before"):
            if figure.before_gap(w) == 0:
                return "dx_rankings", w.keyword
        for w in view.group("rank_after"):
            if figure.after_gap(w) == 0:
                return "dx_rankings", w.keyword
        score = self._score_cue(view, obs, figure)
        if score:
            return "index_scores", score
        head_start = _head_start(view, figure.after) if figure.after else None
        head_end = head_start + _HEAD_SYLLABLES if head_start is not None else 0
        if head_start is not None:  # within its clause: "86 trạm 5G; tỷ lệ dân số ..." counts no population
            head_end = next((i for i in range(head_start, head_end) if view.syllable(i) in _CLAUSE_ENDS), head_end)
            # and before the next figure: "cho 788.450 người, đạt 77,9% dân số" is that share's population
            head_end = min([head_end] + [f for f, _ in view.figures if f >= figure.last])
        head = [w for w in view.words if head_start is not None and head_start <= w.first < head_end]
        for w in head:
            if w.payload[0] == "rank_group":
                return "dx_rankings", w.keyword  # "1 trong 17 tỉnh, thành phố đứng đầu"
            if w.payload[0] == "award":
                return "awards", w.keyword
            if w.payload[0] == "goal" and w.first == head_start:
                return "goals_met", w.keyword
        for w in view.group("award"):
            if 0 <= figure.before_gap(w) <= 2:
                return "awards", w.keyword
        for w in view.group("market_share"):
            if 0 <= figure.before_gap(w) <= 4 or 0 <= figure.after_gap(w) <= 2:
                return "market_share", w.keyword
        for w in view.group("operator_share"):
            if obs.unit == "percent" and 0 <= figure.before_gap(w) <= 3:
                return "market_share", w.keyword
        if obs.unit == "count" and _counts_place_units(view, figure):
            return "places", "số đơn vị hành chính"
        if obs.unit == "count" and _places_of_the_count_before(view, figure):
            return "places", view.syllable(_lead_start(view, figure) - 1)
        site = _sites_of_the_devices_before(view, figure, self.tax) if obs.unit == "count" else None
        if site is not None:
            return "places", site
        if obs.unit == "count" and _parties_to_the_contracts_before(view, figure):
            return "contract_parties", view.syllable(figure.last)
        if obs.scope == "table" and obs.unit == "count" and figure.measured is not None:
            cue = self._headcount_column(view, figure.measured)
            if cue is not None:
                return "population", cue
        if obs.unit == "count":
            # "đã xác thực 1.902.750 nhân khẩu với Cơ sở dữ liệu quốc gia về dân cư": people checked
            # against the population database are the records linked to it, not how many live there
            linked = any(
                t.payload == _CITIZEN_ID_LINKED and figure.in_clause(t) and t.first >= figure.last
                for t in view.topics
            )
            # the counted phrase ends at a comma: "812.400 tài khoản, trên tổng dân số ..." counts accounts
            counted = [w for w in head if "," not in (view.syllable(i) for i in range(head_start, w.first))]
            for w in view.group("population"):
                # ("dân số của tỉnh chỉ khoảng 650.000 người": the hedge is the figure's own)
                if 0 <= figure.before_gap(w) - figure.qualifier_syllables <= 3 or (w in counted and not linked):
                    return "population", w.keyword
            for w in view.group("population_head"):
                if w.first == head_start and _ends_phrase(view, w) and not linked:
                    return "population", w.keyword
            for w in view.group("attendance"):
                if w.first == head_start:
                    return "attendance", w.keyword
            for w in view.group("offence"):
                if w.first == head_start:
                    return "offences", w.keyword  # "camera đã phát hiện 126 trường hợp vi phạm"
        if obs.unit == "percent":
            prop = _property_stated(view, figure)
            if prop is not None:
                return "measure", prop  # "độ ẩm dưới 60%": the room's humidity
        measured_to = _upper_bound_end(view, figure)
        for w in view.group("physical_unit"):
            per = view.syllable(w.last) == "/"
            if obs.unit == "percent" and w.keyword in _COUNTED_UNITS:
                continue  # "bệnh án điện tử cho 100% giường bệnh": a share of the beds
            if w.keyword in _AREA_UNITS and _digitised(view, figure):
                continue  # "đã số hóa bản đồ 1.240 ha vùng trồng": the land put on a digital map
            if (figure.after_gap(w) == 0 or w.first == measured_to) and (
                not per or view.syllable(w.last + 1) in _TIME_UNITS
            ):
                # "ở độ cao hơn 1.400 m", "diện tích 2.500 ha"; a volume over time too ("46.500 m3/ngày")
                return "measure", w.keyword
        return None

    def _headcount_column(self, view: _SentenceView, label: tuple[int, int]) -> str | None:
        """A table column or row that counts the people or households there are ("Dân số
        (người)", "Số hộ" beside "Hộ có cáp quang"): the base of a breakdown, no figure of it."""
        for w in view.group("population"):
            if label[0] <= w.first < label[1]:
                return w.keyword
        head = view.at("base", _head_start(view, label))
        if head is None or head.payload[1] not in _HEADCOUNT_BASES or head.keyword in _MEMBERSHIP_WORDS:
            return None
        named = any(label[0] <= t.first < label[1] and not self.tax[t.payload].generic for t in view.topics)
        return None if named else head.keyword

    @staticmethod
    def _comparison(view: _SentenceView, obs: Observation, figure: _Figure) -> str | None:
        """A percentage relating a figure to an earlier period or a plan (lexicon.CHANGE_VERBS,
        COMPARED_WITH), or a table's comparison column: no share of anything counted."""
        if obs.figure_kind == "comparison":
            return obs.table_column or "comparison column"
        if obs.figure_kind == "multiple":
            return "gấp ... lần"  # "tăng gấp 4 lần": a multiple of something else
        lead = _lead_start(view, figure)
        change = next((w for w in view.group("change") if w.first < lead <= w.last <= figure.first), None)
        if change is not None and obs.unit == "percent" and _rate_changed_from(view, figure):
            change = None  # "tăng từ 40% lên 65%": the level it started from
        in_points = any(figure.after_gap(w) == 0 for w in view.group("points"))
        gap = next((w for w in view.group("points") if figure.after_gap(w) == 0 and w.keyword != "points"), None)
        if gap is not None:
            # "cao hơn bình quân cả nước 4,1 điểm phần trăm": percentage points are always the
            # gap between two rates, whatever verb stands before them
            return gap.keyword
        if obs.unit != "percent" and not in_points:
            # a count is a change only when the clause says against what: "tăng 142 trạm so
            # với cuối năm 2023"; "tăng thêm 142 trạm" alone adds stations
            # (before the count too: "So với cuối năm 2023, số trạm BTS tăng 73 trạm")
            against = any(
                figure.in_clause(w) and not w.keyword.startswith(_PLAN_NAMES)
                for w in view.group("compared_with")
            )
            return change.keyword if change is not None and against else None
        if change is not None and not (
            # "Tỷ lệ hồ sơ trực tuyến đã vượt 70%": a rate past a level, said of no plan or period
            change.keyword in _LEVEL_PASSED and figure.after is None and figure.before is not None
            and any(view.at("measure", i) for i in range(*figure.before))
            and not any(figure.in_clause(w) for w in view.group("compared_with"))
        ):
            return change.keyword
        for w in view.group("compared_with"):
            if figure.after_gap(w) == 0 or _labels_a_comparison(view, figure, w):
                return w.keyword
        plan = _rates_a_plan_count(view, figure)
        if plan is not None and obs.unit == "percent":
            return plan.keyword
        for w in view.group("benchmark"):
            if 0 <= figure.before_gap(w) <= _BENCHMARK_GAP:
                return w.keyword  # "cao hơn bình quân cả nước (52,4%)": the country's rate, for comparison
        return None

    def _score_cue(self, view: _SentenceView, obs: Observation, figure: _Figure) -> str | None:
        """"đạt 0,6123 điểm", "tổng điểm 850": a score, not a count of places."""
        cues = [w for w in view.group("score_cue") if not _counts_places(view, w)]
        for w in cues:
            if 0 <= figure.before_gap(w) <= 1 and view.syllable(w.last) not in _SENTENCE_BREAKS:
                # "đạt 85,6 điểm", "chỉ số DTI: 0,61" (a label's colon joins them); not "dẫn đầu về DTI; 100% hồ sơ"
                return w.keyword
            if obs.unit != "percent" and figure.before is not None and figure.after is None and (
                w.first == _head_start(view, figure.before)
            ):
                # "Điểm trung bình môn Tin học của tỉnh là 6,82": what the subject names (a
                # satisfaction index "đạt 84,12%" is a share of satisfied people)
                return w.keyword
        for w in view.group("score_unit"):
            if figure.after_gap(w) != 0 or not _ends_phrase(view, w):
                continue  # "236 điểm cầu", "12 điểm phục vụ": places, counted
            fractional = obs.unit != "ratio" and obs.value != int(obs.value)
            # "945/1.000 điểm": marks out of a round maximum (places are counted out of their number)
            out_of_round = obs.unit == "ratio" and obs.denominator in _ROUND_MAXIMA
            if fractional or any(figure.in_clause(c) for c in cues):
                return w.keyword
            # ... unless its clause named the places before it ("Điểm cầu truyền hình: 10/10 điểm")
            if out_of_round and not any(
                _counts_places(view, u) and u.last <= figure.first and figure.in_clause(u)
                for u in view.group("score_unit")
            ):
                return w.keyword
        return None

    def _candidates(
        self, view: _SentenceView, figure: _Figure, base: _Base | None, obs_unit: str
    ) -> list[_Candidate]:
        # The head nouns: the base, and the head of the measured phrase when that is a
        # base word too ("tổng số hồ sơ tiếp nhận trực tuyến là 21.000 hồ sơ").
        heads = [base.match] if base is not None else []
        if figure.measured is not None:
            head = view.at("base", _head_start(view, figure.measured))
            if head is not None:
                heads.append(head)
        # a base that is a topic as well keeps its keywords' rank ("4.230 phản ánh hiện trường")
        heads = [h for h in heads if h.payload[1] not in lexicon.TOPIC_BASES]
        predicate = self._predicate_start(view, figure, heads)
        parts_from = min((w.first for w in view.group("parts") if w.first >= figure.last), default=1 << 30)
        parts_from = min(parts_from, _parts_after_an_opened_whole(view, figure))
        lead = _head_start(view, figure.measured) if figure.measured is not None else -1
        # A count of communes, villages or districts is named by its own clause or one before
        # it ("kết nối đến các sở, ngành; UBND 10 huyện và 226 xã"), not by a later clause.
        counts_places = base is not None and base.name == "communes" and obs_unit == "count"
        owned = _phrases_of_other_figures(view, figure)
        counts_people = base is not None and _base_kind(base.name) == "people"
        out = []
        for m in view.topics:
            region = figure.region(m)
            if region != SUBJECT and any(a <= m.first and m.last <= b for a, b in owned) and not (
                counts_people and m.payload in _TRAINING_CODES
            ):
                # "7 kiểm soát viên, được trang bị 12 máy tính": the computers are counted by 12; but
                # people sent to "5 lớp tập huấn" are its learners
                continue
            if region == SENTENCE and counts_places and m.first > figure.last:
                continue  # "có 38 xã và 01 thị trấn; nhiều thôn còn lõm sóng": places, listed
            if region == SENTENCE and _in_figures_own_part(view, figure, m):
                continue  # "cấp 1.362 mã số vùng trồng; 312 trang trại ... cảm biến": the 312's
            if region == SENTENCE and figure.other_aim and figure.other_aim[0] <= m.first < figure.other_aim[1]:
                continue  # "nâng số máy cắt lên 4 chiếc và có 100 đại lý dùng ứng dụng": each aim's own
            if _in_a_cause_of_it(view, figure, m):
                continue  # "Nhờ dữ liệu từ các máy ép, tỷ lệ vỏ lỗi giảm từ 4,6% xuống 1,8%": the cause
            if region != SUBJECT and m.payload in _RELEVANCE_REASONS:
                continue  # "đạt 146,6 Mbit/s, xếp thứ 18": a rank beside a figure is no topic of it
            if m.keyword in lexicon.CLAUSE_KEYWORDS and not _governs(view, m, figure):
                continue  # "42/42 điểm tiêm chủng, đã cập nhật 324.870 mũi tiêm": another figure's records
            if m.keyword in _KEYWORD_CONTEXT and not _KEYWORD_CONTEXT[m.keyword].search(view.text.searchable):
                continue  # "mô hình 4 lớp": no class without a word of teaching in the sentence
            if m.keyword in _NUMBERED_NAMES and view.syllable(m.last)[:1].isdigit():
                continue  # "lớp 6": a grade
            place = _after_locative(view, m.first) and m.keyword not in _CHANNELS
            if region != SUBJECT and m.first > 0 and place and self.tax[m.payload].domain == _DEVICE_DOMAIN:
                continue  # "phần mềm được cài trên điện thoại thông minh của 986 hộ": where it runs
            role = 2 if region == SUBJECT and m.first >= predicate else 1
            head = region == SUBJECT and any(h.first <= m.first < h.last for h in heads)
            if head or place:
                role = 0
            elif region == SUBJECT and m.first > lead and _DESTINATION_BEFORE.search(
                view.text.searchable, max(0, m.start - 24), m.start
            ) and any(t.last <= m.first and figure.region(t) == SUBJECT for t in view.specific):
                # "camera ... được kết nối về Trung tâm giám sát": where the units counted are
                # connected, once the phrase has named them
                role = 0
            indicator = self.tax[m.payload]
            fits = not (base is not None and m.payload in lexicon.BASE_EXCLUDES.get(base.name, ()))
            fits = fits and not (obs_unit == "percent" and indicator.unit in _NOT_A_SHARE)
            distance = figure.reading(m) if region == SUBJECT else figure.distance(m)
            # the noun right after a count linked to a subject before it names what is counted
            # too ("Kinh tế số, xã hội số: đạt 700.000 tài khoản định danh điện tử")
            counted_after = obs_unit == "count" and figure.linked and figure.after_gap(m) == 0
            # a generic keyword that names one thing of its own (an e-invoice, an e-contract) is
            # as specific as any: "640 hợp đồng điện tử" counts e-contracts, not contracts
            generic = indicator.generic and m.keyword not in _OWN_THINGS
            out.append(_Candidate(
                m, region, distance, role, generic, fits, m in view.inner, head, m.first >= parts_from,
                region == SUBJECT and (m.first == lead or counted_after),
            ))
        out = _asides_yield(_bracketed(view, figure.clause[0], figure.first), _inner_when_outer_cannot(out))
        named = lexicon.BASE_INDICATORS.get(base.name) if base is not None else None
        if named in self.tax.indicators and not any(
            c.head and not c.generic and c.match.first == base.match.first for c in out
        ):
            unit = Match(base.match.keyword, named, base.match.start, base.match.end, base.match.first, base.match.last)
            if figure.region(unit) == SUBJECT:
                out.append(_Candidate(unit, SUBJECT, figure.reading(unit), 0, False, True, False, True))
        return out

    @staticmethod
    def _predicate_start(view: _SentenceView, figure: _Figure, heads: list[Match]) -> int:
        """First syllable of what the measured phrase says of its head ("đã được số hóa")."""
        if figure.measured is None:
            return 1 << 30
        start = max([_head_start(view, figure.measured)] + [h.last for h in heads if h.first >= figure.measured[0]])
        markers = [w.first for w in view.group("predicate") if start <= w.first < figure.measured[1]]
        return min(markers) if markers else 1 << 30

    def _anaphor(self, view: _SentenceView, figure: _Figure) -> tuple[str, str] | None:
        """"hệ thống này" in or right before the counted phrase: what its noun last named."""
        heads = {w.last: w for w in view.group("anaphor_head")}
        for w in view.group("anaphor"):
            head = heads.get(w.first)
            if head is None or not (figure.region(head) == SUBJECT or 0 <= figure.before_gap(head) <= 8):
                continue
            start = view.start + view.text.to_original(view.text.syllable_start(head.first))
            return self._referent(head.keyword, start)
        opener = view.at("anaphor_head", 0)
        if opener is not None and view.sentence.lstrip()[:1].isupper() and view.syllable(opener.last) in _BARE_SUBJECT_NEXT:
            # "Trung tâm đang tích hợp ...": the centre named in full before, not one named bare
            return self._referent(opener.keyword, view.start, named_in_full=True)
        return None

    def _named_before(self, view: _SentenceView, figure: _Figure, earlier: str) -> tuple[str, str] | None:
        """A figure counted by a bare noun that starts longer keywords ("xây mới 9 trạm", "312
        tổ") stands for the nearest earlier mention of one of them ("trạm BTS", "tổ công nghệ
        số cộng đồng"), in its sentence or in `earlier` (the report before the sentence). A
        base ("xã", "hộ") is no such noun: a share over communes counts what its own words say."""
        if figure.measured is None:
            return None
        head = _head_start(view, figure.measured)
        if head >= figure.measured[1] or view.at("base", head) or any(t.first == head for t in view.specific):
            return None
        end = head + 1
        while end < figure.measured[1] and not view.text.word_edge(view.text.syllable_start(end)):
            end += 1
        noun = " ".join(view.syllable(i) for i in range(head, end))
        longer = self.tax.by_head_word.get(tone_key(noun))
        if not longer or noun.lower() in _CLASSIFIERS and end < figure.measured[1] and view.syllable(end)[:1].isalpha():
            return None  # "212 bộ khuôn": the moulds, not the "bộ thu thập dữ liệu" named before
        return self._nearest_mention(view, noun, longer, head, earlier)

    def _plural_subject_named_before(self, view: _SentenceView, figure: _Figure, earlier: str) -> tuple[str, str] | None:
        """"Các tổ đã hỗ trợ 14.860 lượt người dân": a plural subject of a bare noun that starts
        longer keywords, opening its clause right before what it did with no figure between,
        stands for the nearest earlier mention of one of them ("Tổ công nghệ số cộng đồng"), as
        the bare noun of a counted phrase does."""
        earliest = max([f[1] for f in view.figures if f[1] <= figure.first] + [figure.clause[0]])
        for det in range(figure.first - 2, earliest - 1, -1):
            if view.syllable(det) not in lexicon.LOCATIVE_DETERMINERS:
                continue
            opened = view.text.searchable[: view.text.syllable_start(det)].rstrip()
            if det > figure.clause[0] and not opened.endswith((",", ":")):
                return None  # "Số liệu từ các trạm ...": a place or source inside the subject, not it
            for width in (2, 1):
                noun = " ".join(view.syllable(i) for i in range(det + 1, min(det + 1 + width, figure.first)))
                longer = self.tax.by_head_word.get(tone_key(noun))
                after = det + 1 + width
                if after < figure.first and view.syllable(after) in lexicon.ANAPHORS:
                    after += 1
                if longer and after < figure.first and view.at("predicate", after) is not None:
                    return self._nearest_mention(view, noun, longer, det + 1, earlier)
            return None
        return None

    def _nearest_mention(
        self, view: _SentenceView, noun: str, longer: frozenset[str], head: int, earlier: str
    ) -> tuple[str, str] | None:
        until = view.text.to_original(view.text.syllable_start(head))
        window = Text((earlier + view.sentence[:until])[-_ANAPHOR_LOOKBACK:])
        mentions = [t for t in _keywords(self.tax, window) if t.keyword in longer]
        if not mentions:
            return None
        nearest = max(mentions, key=lambda t: (t.end, t.end - t.start))
        return nearest.payload, f"{noun} → {nearest.keyword}"

    def _referent(self, noun: str, until: int, named_in_full: bool = False) -> tuple[str, str] | None:
        window = Text(self.text[max(0, until - _ANAPHOR_LOOKBACK) : until])
        mentions = [w for w in _lexicon_index().find(window) if w.payload == ("anaphor_head", noun)]
        topics = [t for t in _keywords(self.tax, window) if not self.tax[t.payload].generic]
        for mention in reversed(mentions):
            if named_in_full:
                named = [t for t in topics if t.first == mention.first]  # "Trung tâm điều hành ..."
            else:
                named = [t for t in topics if mention.first <= t.first <= mention.first + 8]
            if named:
                first = min(named, key=lambda t: (t.first, -(t.last - t.first)))
                return first.payload, f"{noun} → {first.keyword}"
        return None

    def _refine_by_base(
        self, view: _SentenceView, figure: _Figure, base: _Base | None, code: str, keyword: str | None,
        by: str | None,
    ) -> tuple[str, str | None, str | None]:
        online = self._online_units(view, figure, base, code, by, keyword) if base is not None else None
        if online is not None:
            return online  # "hồ sơ được tiếp nhận, xử lý trực tuyến": the channel says more than the verb
        # a verb that names the base first ("bồi dưỡng ... cho 640 lượt công chức" after
        # "kỹ năng số hóa"), then one that governs any unit
        for any_unit in (False, True):
            for verb in view.group("verb"):
                if _said_of_an_earlier_figure(view, verb, figure) or not figure.owns(verb):
                    continue
                if any(view.syllable(i) == ";" for i in range(verb.last, figure.first)):
                    continue  # "hợp đồng điện tử có ký số; đến nay đã ký 1.268 hợp đồng": another clause's verb
                result = self._governed(view, figure, base, code, by, verb, any_unit)
                if result is None:
                    continue
                phrase_from = base.match.last if base is not None else figure.measured[0] if figure.measured else 0
                # ... not past another figure ("12 máy tính và 8 camera giám sát": the cameras')
                in_phrase = figure.measured is not None and phrase_from <= verb.first < figure.measured[1] and not any(
                    figure.last <= first <= verb.first for first, _ in view.figures
                )
                reach = _ANY_UNIT_VERB_REACH if any_unit else _VERB_REACH
                if in_phrase or (not figure.linked and 0 <= figure.before_gap(verb) <= reach):
                    return result, verb.keyword, SUBJECT if in_phrase else CLAUSE
        if base is None:
            return code, keyword, by
        finer = _BASE_REFINES.get((base.name, code))
        if finer is not None and finer in self.tax.indicators:
            return finer, keyword, by
        return code, keyword, by

    def _governed(
        self, view: _SentenceView, figure: _Figure, base: _Base | None, code: str, by: str | None, verb: Match,
        any_unit: bool,
    ) -> str | None:
        """What `verb` makes of the counted units (lexicon.GOVERNING_VERBS): by their base, or,
        with `any_unit`, whatever they are."""
        units = lexicon.GOVERNING_VERBS[verb.payload[1]][1]
        if any_unit:
            # "57 máy tính ... phục vụ số hóa", "12 lớp bồi dưỡng kỹ năng số hóa": units the
            # phrase names at its head stay what they are
            result = None if by == SUBJECT and _heads_phrase(view, figure, code) else units.get(lexicon.ANY_UNIT)
        else:
            result = units.get(base.name) if base is not None else None
        if result is None or result not in self.tax.indicators:
            return None
        if by == SUBJECT and code in lexicon.GOVERNED_ALREADY and not _governs_past_a_participle(view, figure, verb):
            return None  # the figure's own phrase already says what happened to the units
        return result

    def _online_units(
        self, view: _SentenceView, figure: _Figure, base: _Base, code: str, by: str | None, keyword: str | None = None
    ) -> tuple[str, str, str] | None:
        """Units counted with an online channel in their own phrase, when no keyword of that
        phrase named an indicator that counts them: "80% hồ sơ thủ tục hành chính được xử lý trực tuyến" counts
        online dossiers (procedures cannot count dossiers), as "trực tuyến: 3.870 hồ sơ" does."""
        variant = lexicon.ONLINE_BASE_INDICATORS.get(base.name)
        if variant is None or variant not in self.tax.indicators or figure.measured is None:
            return None
        undecided = (
            code == UNCLASSIFIED or self.tax[code].generic or code in lexicon.BASE_EXCLUDES.get(base.name, ())
            or code in lexicon.PART_ONLINE_VARIANTS  # "hồ sơ được tiếp nhận, xử lý trực tuyến"
        )
        lo, hi = figure.measured
        # "hồ sơ được nộp bằng tài khoản định danh": the keyword that named an indicator is the
        # channel's own word, so the channel says what the units are
        in_channel = any(
            lo <= w.first < hi and keyword is not None and keyword in w.keyword for w in view.group("online")
        )
        if not undecided and by == SUBJECT and not in_channel:
            return None  # the measured phrase named an indicator that counts these units
        if undecided or code == variant:
            # "hồ sơ được tiếp nhận, giải quyết trên môi trường điện tử": the verbs listed after the
            # units go on past the comma, up to the next figure or the list of parts
            stop = next(
                (i for i in range(figure.last, view.text.syllable_count()) if view.syllable(i) in _SENTENCE_BREAKS), 1 << 30
            )
            ends = [stop] + [f for f, _ in view.figures if f >= figure.last]
            ends += [w.first for w in view.group("parts") if w.first >= figure.last]
            ends += [w.first for w in view.group("measure") if w.first >= hi]  # "..., tỷ lệ nộp trực tuyến"
            hi = max(hi, min(ends))
        # "tiếp nhận 108.210 hồ sơ, trực tuyến 66.855 hồ sơ": a channel word right before a later
        # figure is that figure's label, not a verb said of these units
        starts = {f for f, _ in view.figures if f > figure.first}
        channel = next(
            (w for w in view.group("online") if lo <= w.first < hi and not _labels_a_figure(view, w.last, starts)), None
        )
        return (variant, channel.keyword, SUBJECT) if channel is not None else None


_PLAN_NAMES = ("kế hoạch", "kh")  # "so với kế hoạch", "KH": the plan a figure is held against
_PLAN_WORDS = _PLAN_NAMES + ("khối lượng", "nhu cầu")  # ... or the volume a plan set, what was needed


def _people_of_another_title(
    view: _SentenceView, figure: _Figure, base: _Base | None, unit: str,
    previous: tuple[tuple[int, int], _Base | None] | None,
) -> bool:
    """"có 2 kỹ sư phụ trách phần mềm, 11 thợ lắp đặt và 6 thợ bảo trì": a count of people
    whose own title follows it, listed after people of another title, counts those people; it
    does not carry what the earlier people were said to do."""
    if unit != "count" or base is None or previous is None or previous[1] is None:
        return False
    if _base_kind(base.name) != "people" or _base_kind(previous[1].name) != "people":
        return False
    if base.match.first != figure.last + (view.syllable(figure.last) in _TURNS):
        return False
    # past a comma: "A và B" may still share what is said after B
    return view.syllable(_lead_start(view, figure) - 1) == "," and base.match.keyword != previous[1].match.keyword


def _rates_a_plan_count(view: _SentenceView, figure: _Figure) -> Match | None:
    """The plan a bracket opened by the figure rates a result against: "vượt kế hoạch 26 lớp
    của năm (đạt 108%)", "so với kế hoạch 400 trạm (103%)" state what share of the plan's count
    was done, no share of anything counted. The plan word stands right before a count of the
    clause, and nothing breaks the phrase from that count to the bracket."""
    opening = figure.first - 1
    while opening > figure.clause[0] and (link := view.ending_at("linking", opening + 1)) is not None:
        opening = link.first - 1  # past "đạt", "bằng" inside the bracket
    if view.syllable(opening) != "(":
        return None
    counts = {first: last for first, last in view.figures if first < opening}
    for w in view.group("compared_with"):
        if not w.keyword.removeprefix("so với ").startswith(_PLAN_NAMES) or w.first < figure.clause[0]:
            continue
        if w.last in counts and not view.stops_between(counts[w.last], opening):
            return w
    return None


def _labels_a_comparison(view: _SentenceView, figure: _Figure, w: Match) -> bool:
    """`w` ends the label of a label: value pair whose value is the figure, at most one verb
    after the colon: "- Số hồ sơ nộp trực tuyến so với cùng kỳ năm 2024: bằng 124%"."""
    if not figure.clause[0] <= w.first or w.last > figure.first or w.keyword.startswith(_PLAN_WORDS):
        return False  # "Kế hoạch năm 2025: 85%" names a goal, not a comparison with it
    colon = next((i for i in range(figure.first - 1, w.last - 1, -1) if view.syllable(i) == ":"), None)
    if colon is None or figure.first - figure.qualifier_syllables - colon > 2:
        return False
    return not view.stops_between(w.last, colon)


def _said_of_an_earlier_figure(view: _SentenceView, verb: Match, figure: _Figure) -> bool:
    """A passive verb before the figure, past a comma, ";" or "và", is the predicate of a figure
    before this one, not a verb governing it: "100% hồ sơ được số hóa, 95% hồ sơ công việc được
    xử lý trên môi trường mạng", "Tỷ lệ hồ sơ được số hóa đạt 82,4%; 99,1% văn bản đi ..." (95%
    and 99,1% are no digitising figures)."""
    if verb.last > figure.first or view.syllable(verb.first - 1) not in _PASSIVE:
        return False
    if not any(view.syllable(i) in _CLAUSE_JOINS for i in range(verb.last, figure.first)):
        return False
    return any(f < figure.first for f, _ in view.figures)


def _labels_a_figure(view: _SentenceView, pos: int, starts: set[int]) -> bool:
    """A figure starts at syllable `pos`, or right after a colon there."""
    return pos in starts or view.syllable(pos) == ":" and pos + 1 in starts


def _span_of(view: _SentenceView, phrase: str, before: int) -> tuple[int, int] | None:
    """Syllable span of the first occurrence of `phrase` in the sentence, ending before syllable `before`."""
    wanted = view.text.normalized(phrase)
    found = view.text.searchable.find(wanted) if wanted else -1
    if found < 0:
        return None
    first = view.text.syllable_index(found)
    last = view.text.syllable_index(found + len(wanted) - 1) + 1
    return (first, last) if first < last <= before else None


def _is_length(view: _SentenceView, figure: _Figure) -> bool:
    """A unit of length follows the figure ("5,2 nghìn km"); "2,3 km/điểm" is a rate, no length."""
    return not _is_reach(view, figure) and any(
        figure.after_gap(w) == 0 and view.syllable(w.last) != "/" for w in view.group("length")
    )


def _length_of_nothing_named(view: _SentenceView, figure: _Figure) -> bool:
    """"X dài N km" where X, back to the clause's start or a comma, names no topic: the length
    of a border, a coast or a road ("tuyến cáp quang dài 120 km" names the cable)."""
    joiner = _lead_start(view, figure) - 1
    if joiner <= figure.clause[0] or view.syllable(joiner).lower() != lexicon.LENGTH_OF:
        return False
    if view.syllable(joiner - 1).lower() == "chiều":
        return False  # "với tổng chiều dài 18,5 km": the thing measured is named further back
    breaks = [i for i in range(figure.clause[0], joiner) if view.syllable(i) in _PUNCTUATION_BREAKS]
    if breaks and breaks[-1] == joiner - 1:
        breaks.pop()  # "Tuyến cáp quang biển ..., dài 126 km": the thing stands before the comma
    start = max([figure.clause[0]] + [i + 1 for i in breaks])
    return not any(start <= t.first and t.last <= joiner for t in view.topics)


_PROPERTY_REACH = 6  # syllables from a property to its value ("độ ẩm quế thành phẩm được giữ dưới | 13,5%")
_MEASURING = frozenset({"đo", "measuring", "measures"})  # "thiết bị đo độ mặn": the device's reading


def _property_stated(view: _SentenceView, figure: _Figure) -> str | None:
    """A physical property (lexicon.PHYSICAL_PROPERTIES) whose value the figure is: shortly before
    it in its clause, with no other figure or break between ("độ ẩm không quá 70%", "nồng độ
    98%"). Not what a device measures ("cảm biến độ ẩm", "trạm đo độ mặn"): that names the device."""
    for w in view.group("property"):
        gap = figure.before_gap(w) - figure.qualifier_syllables
        if not (0 <= gap <= _PROPERTY_REACH and figure.in_clause(w)):
            continue
        if view.syllable(w.first - 1).lower() in _MEASURING or any(t.last == w.first for t in view.topics):
            continue
        between = range(w.last, figure.first)
        if any(view.syllable(i) in _PUNCTUATION_BREAKS for i in between) or any(
            w.last <= first < figure.first for first, _ in view.figures
        ):
            continue
        return w.keyword
    return None



def _storage_unit(view: _SentenceView, figure: _Figure) -> str | None:
    """"dung lượng 36 TB", "lưu trữ khoảng 42 TB dữ liệu": a unit of stored data right after the
    figure, in a sentence that says data are stored (a volume of mobile data used is none)."""
    unit = next((w for w in view.group("storage") if figure.after_gap(w) == 0), None)
    if unit is None or not view.group("storage_cue"):
        return None
    return unit.keyword


def _is_reach(view: _SentenceView, figure: _Figure) -> bool:
    """"trong bán kính 12 km", "cách trung tâm 30 km": a distance things reach, no length of cable."""
    lead = range(max(figure.clause[0], figure.first - _RADIUS_REACH), figure.first)
    radius = any(
        view.syllable(i) in _RADIUS_WORDS and (figure.first - i <= _RADIUS_GAP or view.syllable(i) in _AWAY_FROM)
        for i in lead
    )
    return radius and any(figure.after_gap(w) == 0 for w in view.group("length"))


def _duty_verb(obs: Observation, base: _Base | None, duty: re.Pattern[str]) -> str | None:
    """The verb of the duty a count of people is given in its own phrase (`duty` reads it)."""
    if obs.unit != "count" or base is None or _base_kind(base.name) != "people":
        return None
    m = duty.match(obs.subject)
    return m.group("verb") if m else None


_WHERE_LOCATIVES = frozenset(lexicon.WHERE_LOCATIVES)
_PLACES_OF_WORDS = _WHERE_LOCATIVES | frozenset(lexicon.OWNER_WORDS)
_WHERE_REACH = 10  # syllables from the count before to the locative


_PLACE_LIST_DETERMINERS = frozenset({",", "các", "những"})
_PLACE_LIST_REACH = 8  # syllables of places listed between a locative and the last of them


def _listed_after_a_locative(view: _SentenceView, lead: int) -> int:
    """Where a list of places that ends at `lead` starts, past the locative before it: "làm
    việc tại | các sở, ngành và 9 huyện" (agencies or places, commas, coordinators and plural
    words between); `lead` itself when no such list stands before it."""
    pos = lead
    while pos > 0 and lead - pos <= _PLACE_LIST_REACH:
        before = pos - 1
        word = view.syllable(before)
        if word in _WHERE_LOCATIVES:
            return pos if pos < lead else lead
        listed = view.ending_at("base", pos) or view.ending_at("place_unit", pos)
        if listed is not None:
            pos = listed.first
        elif word in _PLACE_LIST_DETERMINERS or view.ending_at("coordinator", pos) is not None:
            pos = before
        else:
            return lead
    return lead


def _places_of_the_count_before(view: _SentenceView, fig: _Figure) -> bool:
    """"xây mới 46 trạm BTS tại 34 xã biên giới": places after "tại"/"ở" that a count of
    something else just before them in the clause is at say where that count is, not how
    many places the sentence is about ("phủ sóng 4G tại 34 xã" has no count before); so do
    places after "của"/"thuộc" that own it ("100% công chức của 5 xã mới đã được tập huấn")."""
    lead = _lead_start(view, fig)
    if view.at("place_unit", fig.last) is None:
        return False
    lead = _listed_after_a_locative(view, lead)
    if view.syllable(lead - 1) not in _PLACES_OF_WORDS:
        return False
    return any(
        fig.clause[0] <= first and last < lead and lead - 1 - last <= _WHERE_REACH
        and view.at("place_unit", last) is None
        # not money spent there: "hỗ trợ 35 tỷ đồng để phát triển hạ tầng tại 46 thôn lõm sóng"
        and not _MONEY_AFTER.match(view.text.searchable, view.text.syllable_start(last))
        for first, last in view.figures
    )


_DEVICE_SITE_LOCATIVES = frozenset(lexicon.DEVICE_SITE_LOCATIVES)
_DEVICE_NAME_REACH = 2  # syllables a classifier ("bộ", "chiếc") may put between a count and the device it names
_DEVICE_SITE_REACH = 14  # syllables from the count of devices to the locative: what they measure comes between
_SITE_NAME_SYLLABLES = 4  # syllables naming one site of a list before the next count ("3 kho lạnh, 2 tủ")


def _listed_after(view: _SentenceView, fig: _Figure, lead: int) -> _Figure | None:
    """The figure of the clause that the one starting at `lead` is listed after ("3 kho lạnh, |
    2 tủ", "4 chuỗi siêu thị và | 11 bếp ăn"): only a short name of the earlier one's things and
    the join between them, no stop; None when there is none."""
    earlier = [(first, last) for first, last in view.figures if fig.clause[0] <= first and last < lead - 1]
    if not earlier:
        return None
    first, last = earlier[-1]
    named = range(last, lead - 1)
    if len(named) > _SITE_NAME_SYLLABLES or view.stops_between(last, lead - 1):
        return None
    return _Figure(first, last, fig.clause)


def _sites_of_the_devices_before(view: _SentenceView, fig: _Figure, tax: Taxonomy) -> str | None:
    """The locative of "lắp 30 cảm biến nhiệt độ trong 3 kho lạnh, 2 tủ cấp đông": after a count
    of devices (an infrastructure keyword at its head) in the clause, a count of things that no
    keyword, person, agency or place unit names says what the devices were fitted to, not how
    many devices there are; so does each further site listed after it."""
    if not _names_a_plain_thing(view, fig):
        return None
    lead = _lead_start(view, fig)
    if fig.qualifier_syllables and view.syllable(lead) in _DEVICE_SITE_LOCATIVES:
        lead += 1  # "trên 10 máy cắt": "trên" is "on" here, not "more than"
    word = view.syllable(lead - 1)
    if word in _LIST_JOINS:
        earlier = _listed_after(view, fig, lead)
        return None if earlier is None else _sites_of_the_devices_before(view, earlier, tax)
    if word not in _DEVICE_SITE_LOCATIVES:
        return None
    devices = any(
        fig.clause[0] <= first and last < lead - 1 and lead - 1 - last <= _DEVICE_SITE_REACH
        and _names_a_device(view, last, lead - 1, tax)
        for first, last in view.figures
    )
    return word if devices else None


_CONTRACT_PARTY_MARKERS = frozenset(lexicon.CONTRACT_PARTY_MARKERS)
_CONTRACTS = "contracts"  # the base of papers signed with a partner
_PARTY_REACH = 8  # syllables from a count of contracts to the "với" of its parties: their kind comes between


def _party_of_the_contracts(view: _SentenceView, pos: int, end: int) -> bool:
    """"26 hợp đồng với đại lý đã được ký số": the "với" right after a phrase that contracts head
    names their party, inside the phrase; what the contracts are said to be goes on after it."""
    base = view.at("base", pos)
    return (
        base is not None and base.payload[1] == _CONTRACTS and base.last == end
        and view.syllable(end).lower() in _CONTRACT_PARTY_MARKERS
    )


def _parties_to_the_contracts_before(view: _SentenceView, fig: _Figure) -> bool:
    """"đã ký số 46 hợp đồng mua bán với 12 nhà máy": after a count of contracts in the clause,
    a count after "với" says whom they were made with, not how many were signed; so does each
    further party listed after it ("với 4 chuỗi siêu thị và 11 bếp ăn")."""
    lead = _lead_start(view, fig)
    word = view.syllable(lead - 1).lower()
    if word in _LIST_JOINS:
        earlier = _listed_after(view, fig, lead)
        return earlier is not None and _parties_to_the_contracts_before(view, earlier)
    if word not in _CONTRACT_PARTY_MARKERS:
        return False
    return any(
        fig.clause[0] <= first and last < lead - 1 and lead - 1 - last <= _PARTY_REACH
        and (base := view.at("base", last)) is not None and base.payload[1] == _CONTRACTS
        and not view.stops_between(last, lead - 1)
        for first, last in view.figures
    )


def _names_a_device(view: _SentenceView, start: int, end: int, tax: Taxonomy) -> bool:
    """A keyword of an infrastructure indicator heads the phrase from syllable `start` to `end`,
    and no keyword of another indicator follows in it: "lắp 320 cảm biến và phủ sóng wifi tại 205
    điểm" puts the places with the second aim."""
    named = [t for t in view.specific if start <= t.first and t.last <= end]
    head = next((t for t in named if t.first <= start + _DEVICE_NAME_REACH), None)
    return (
        head is not None and tax[head.payload].domain == _DEVICE_DOMAIN
        and all(t.payload == head.payload for t in named)
    )


def _names_a_plain_thing(view: _SentenceView, fig: _Figure) -> bool:
    """The figure counts a thing by a noun that names nothing the fields count: no keyword, no
    person, agency or place unit, no stretch of time."""
    noun = fig.last
    word = view.syllable(noun)
    if not word[:1].isalpha() or word.lower() in _TIME_UNITS:
        return False
    if view.at("place_unit", noun) or view.at("base", noun) or _person_noun(view, (noun, fig.clause[1])):
        return False
    return not any(noun <= t.first < noun + _SITE_NAME_SYLLABLES for t in view.topics)


_PARTICIPLE_MARKERS = frozenset(lexicon.PARTICIPLE_MARKERS)
_DIRECT_OBJECT_GAP = 2  # syllables a qualifier or "được" may put between a verb and its object's figure


def _governs_past_a_participle(view: _SentenceView, fig: _Figure, verb: Match) -> bool:
    """"làm sạch hơn 98% dữ liệu hộ tịch đã số hóa": a verb whose object the figure is says
    what it measures; what "đã" then says of the units happened to them before."""
    if not 0 <= fig.before_gap(verb) <= _DIRECT_OBJECT_GAP or fig.after is None:
        return False
    return any(view.syllable(i) in _PARTICIPLE_MARKERS for i in range(fig.after[0], fig.after[1]))


def _counts_place_units(view: _SentenceView, fig: _Figure) -> bool:
    """"Toàn tỉnh có 71 xã, phường, thị trấn, trong đó 62 xã ...": the units a place has, said
    after "có" and named by place words alone up to the clause's end or its "trong đó"."""
    lead = _lead_start(view, fig)
    if view.ending_at("place_verb", lead) is None:
        listed = _units_listed_before(view, lead, fig.clause)
        return listed is not None and _counts_place_units(view, listed)
    figures = dict(view.figures)
    pos, named = fig.last, False
    while pos < fig.clause[1]:
        place = view.at("place_unit", pos)
        if place is not None:
            pos, named = place.last, True
        elif named and view.syllable(pos) == "cấp" and view.at("place_unit", pos + 1) is not None:
            pos += 1  # "10 đơn vị hành chính cấp huyện": the level the units are at
        elif named and pos in figures and view.syllable(pos - 1) in _LIST_JOINS:
            pos, named = figures[pos], False  # "9 huyện và 120 xã": the next count of units listed
        elif view.syllable(pos) in _LIST_JOINS:
            pos += 1
        else:
            break
    if not named:
        return False
    return pos >= fig.clause[1] or view.syllable(pos) in _CLAUSE_ENDS or view.at("place_end", pos) is not None


def _units_listed_before(view: _SentenceView, lead: int, clause: tuple[int, int]) -> _Figure | None:
    """The count of place units listed right before syllable `lead` ("gồm 9 huyện và [120 xã]")."""
    pos = lead
    while pos > clause[0] and view.syllable(pos - 1) in _LIST_JOINS:
        pos -= 1
    if pos == lead:
        return None
    named = False
    while pos > clause[0]:
        place = view.ending_at("place_unit", pos)
        if place is not None:
            pos, named = place.first, True
        elif named and view.syllable(pos - 1) == "cấp":
            pos -= 1
        else:
            break
    first_of = {last: first for first, last in view.figures}
    return _Figure(first_of[pos], pos, clause) if named and pos in first_of else None


def _counts_places(view: _SentenceView, cue: Match) -> bool:
    """"Số điểm Wifi", "tổng số điểm phục vụ": a noun after "điểm" makes it places, not a score."""
    if not cue.keyword.endswith("điểm") or _ends_phrase(view, cue):
        return False
    following = view.syllable(cue.last)
    return following.isalpha() and view.at("linking", cue.last) is None


def _ends_phrase(view: _SentenceView, w: Match) -> bool:
    """Nothing but punctuation, the sentence end or a linking word follows `w`."""
    rest = view.text.searchable[w.end : w.end + 12].lstrip()
    return not rest or not rest[0].isalnum() or re.match(r"(?:và|so|tăng|giảm|trên|trong|and|up|down)\b", rest) is not None
