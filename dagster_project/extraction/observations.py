"""Find every quantitative statement of a report: `extract_observations`.

The input is the whole report as NFC text (ingest normalises it; spans refer to
the string given). The steps: read the document's layout (sections, lists,
tables, page furniture, wrapped lines: `layout.py`), mask spans that hold no
figure (dates, document numbers), read the numbers of every sentence and table
cell with their unit marks (`obs_reading.py`, `obs_tables.py`), decide target
and as-of date from the clause, the paragraph, the section or the column, drop
restated figures, then link parts to their stated total.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from dagster_project.extraction import lexicon
from dagster_project.extraction.layout import BULLET, Block, Layout, read_layout
from dagster_project.extraction.models import Observation, with_fields
from dagster_project.extraction.numbers import Lang, NumberToken, detect_language, find_numbers
from dagster_project.extraction.obs_context import (
    OPENS_ON_A_SET,
    Sentence,
    admin_level,
    announces_goals,
    as_of_date,
    blank_spans,
    as_of_in_publication_year,
    channel_of,
    cue_is_an_indicator_name,
    expected_after,
    figure_time,
    clause_bounds,
    is_target,
    names_a_time_of,
    named_period_end,
    names_only_now,
    names_only_the_year_of,
    period_as_of,
    points_back_to_the_last_cut_off,
    report_period_end,
    reports_as_of_a_past_date,
    split_sentences,
    starts_an_undated_change,
    states_a_result,
    subject_after,
    target_deadline,
    within_cut_off,
)
from dagster_project.extraction.obs_filters import blocked_mask
from dagster_project.extraction.obs_reading import PERCENT_ROW_LABEL, Figure, read_sentence, states_share
from dagster_project.extraction.obs_tables import CellContext, table_figures

_I = re.IGNORECASE
_PART_MARKER = re.compile(lexicon.word_alternation(lexicon.PART_MARKERS) + r"|\(\s*$", _I)
_RESPECTIVELY = re.compile(lexicon.word_alternation(lexicon.RESPECTIVELY), _I)
_WHOLE_LIST_MARKER = re.compile(lexicon.word_alternation(lexicon.WHOLE_LIST_MARKERS) + r"\s*:?\s*$", _I)
_OPEN_BRACKET = re.compile(r"\(\s*$")
_WHOLE_LIST_COLON = re.compile(lexicon.word_alternation(lexicon.WHOLE_LIST_MARKERS) + r"\s*:", _I)
_COUNT_BEFORE_BRACKET = re.compile(r"\d[\d.,]*\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s*\($")
_ITEM_END_IN_BRACKET = re.compile(r"[,;(]")
_LIST_CLOSER = re.compile(r"\s" + lexicon.word_alternation(lexicon.LIST_CLOSERS) + r"\s", _I)
_WHOLE_AGAIN = re.compile(lexicon.word_alternation(lexicon.WHOLE_AGAIN_BEFORE) + r"\s*$", _I)
_CHANGE_BEFORE = re.compile(lexicon.word_alternation(lexicon.CHANGE_VERBS) + r"\s*$", _I)
_COMPARED_WITH = re.compile(lexicon.word_alternation(lexicon.COMPARED_WITH), _I)
_CLAUSE_END = re.compile(r";|\.(?!\d)")
_PART_ROW = re.compile(r"\W*(?:" + lexicon.alternation(lexicon.PART_MARKERS) + r")\b", _I)
# From a part to the percentage of the total it is: the part's own words, then a comma or a
# bracket and the verb ("41.280 hồ sơ nộp trực tuyến, đạt 68,4%", "... (chiếm 64%)").
_PART_SHARE_LINK = re.compile(
    r"[^,;()\d]*(?:,\s*|\(\s*)(?:(?:đạt|chiếm|bằng|tương đương|tương ứng|accounting for|or)\s*)?(?:(?:tỷ|tỉ) lệ\s*)?", _I
)
# ... the phrase of the set a sentence opens on (obs_context.OPENS_ON_A_SET), up to its comma.
_OPENING_SET_ENDS = re.compile(
    r"[^\d,;.:]*,\s*(?:" + lexicon.word_alternation(lexicon.OUT_OF_A_SET_EXISTENTIALS) + r"\s+)?", _I
)
_ITEM_SEPARATOR = re.compile(r";|,\s|:\s|\s+và\s+")
_LIST_SEPARATOR = re.compile(r",\s*|\s+và\s+|\s+and\s+|;\s*")
_MAX_LABEL_CHARS = 160
_RATE_LABEL = re.compile(r"t[ỷỉ]\s+lệ\b", _I)
_BARE_END = re.compile(r"\s*(?:[.;,)]|$)", re.MULTILINE)
_SCOPES = {"paragraph": "prose", "list_item": "list", "heading": "heading", "table": "table"}


@dataclass(frozen=True)
class _BlockContext:
    """The block a prose figure was read in: its kind of scope and what its section says."""

    scope: str  # prose | list | heading
    section: str
    target: bool | None
    as_of: datetime.date | None


@dataclass
class _ProseReading:
    """What reading the prose blocks of one report shares from block to block."""

    text: str  # the report's reading text
    tokens: list[NumberToken]  # its numbers, in order, and where each starts
    starts: list[int]
    lang: Lang
    year_of: datetime.date | None  # the year a date without one is in
    percent_labels: list[int]  # where the "(%)" row labels are
    seen_sentences: set[str] = field(default_factory=set)  # a lead printed twice counts once
    stated_last: datetime.date | None = None  # the cut-off a sentence stated last ("đến thời điểm này")


def extract_observations(text: str, published: datetime.date | None = None) -> list[Observation]:
    """Every quantitative statement of `text`, ordered by position, ordinals 0..n-1.

    The caller gives NFC text. Decomposed (NFD) input still works: it is read in
    NFC and every span, quote and sentence is mapped back onto the given string.
    """
    if unicodedata.is_normalized("NFC", text):
        return [obs for obs, _ in _extract(text, published)]
    normalized, offsets = _nfc_with_offsets(text)
    return _extract_mapped(text, normalized, offsets, published)


def _extract_mapped(
    original: str, normalized: str, offsets: list[int], published: datetime.date | None
) -> list[Observation]:
    mapped = []
    for obs, span in _extract(normalized, published):
        start, end = offsets[obs.char_start], offsets[obs.char_end]
        sentence = obs.sentence
        if span is not None:  # a verbatim sentence: the same words of the given text
            sentence = original[offsets[span[0]] : offsets[span[1]]]
        mapped.append(with_fields(obs, char_start=start, char_end=end, quote=original[start:end], sentence=sentence))
    return mapped


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC of `text` and, for every NFC position (and the end), the original position."""
    parts: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1  # a base letter with its combining marks composes as one unit
        composed = unicodedata.normalize("NFC", text[i:j])
        parts.append(composed)
        offsets.extend([i] * len(composed))
        i = j
    offsets.append(len(text))
    return "".join(parts), offsets


def _extract(text: str, published: datetime.date | None) -> list[tuple[Observation, tuple[int, int] | None]]:
    lang = detect_language(text)
    # A day and month without a year ("tính đến ngày 15/6") are in the publication year;
    # without a publication date, in the period the report's title covers.
    year_of = published or report_period_end(text)
    layout = read_layout(text, year_of)
    reading = layout.reading
    mask = blocked_mask(reading)
    tokens = [t for t in find_numbers(reading, lang) if not mask[t.start]]
    starts = [t.start for t in tokens]
    figures, opening = _read_blocks(reading, layout, tokens, starts, lang, year_of)
    figures = _drop_restated(reading, figures, opening)
    _link_parts(reading, figures, layout.issuer_level)
    _link_listed_parts(reading, figures)
    _share_of_part(reading, figures)
    _share_out_of_an_opening_set(reading, figures)
    _link_sum_rows(figures)
    return _to_observations(text, reading, figures, published, lang, layout.issuer_level)


# A headline: one short line of prose, no label and no closing stop ("Gần 96% thôn, bản đã có sóng 4G").
_HEADLINE = re.compile(r"[^\n:.;]{1,200}")


def _read_blocks(
    reading: str, layout: Layout, tokens: list, starts: list[int], lang: Lang, year_of: datetime.date | None
) -> tuple[list[Figure], set[int]]:
    """The figures of every block, and (by id) those of the report's opening blocks."""
    figures: list[Figure] = []
    opening: set[int] = set()
    opening_open = True
    percent_labels = [m.start() for m in re.finditer(re.escape(PERCENT_ROW_LABEL), reading)]
    prose = _ProseReading(reading, tokens, starts, lang, year_of, percent_labels)
    next_index = 0
    for block in layout.blocks:
        if block.kind == "table":
            found = table_figures(reading, block, tokens, starts, lang, next_index, year_of)
            next_index += len(found) + 1
            figures.extend(found)
            continue
        sentences = split_sentences(reading, block.start, block.end, next_index)
        next_index += len(sentences)
        found = _block_figures(prose, block, sentences)
        if found and opening_open:
            # the first block that states figures, and the one after it when that was a headline
            opening.update(id(f) for f in found)
            opening_open = block.kind != "list_item" and _HEADLINE.fullmatch(reading, block.start, block.end) is not None
        elif found:
            opening_open = False
        figures.extend(found)
    return figures, opening


def _block_figures(prose: _ProseReading, block: Block, sentences: list[Sentence]) -> list[Figure]:
    """Figures of a paragraph, list item or heading, with the goals and as-of date it carries;
    `prose.stated_last` moves on to the cut-off its sentences state last."""
    context = _BlockContext(_SCOPES[block.kind], block.scope.section, block.scope.target, block.scope.as_of)
    found_all: list[Figure] = []
    goals_open = False
    carried: datetime.date | None = None
    for sentence in sentences:
        own = as_of_date(sentence.text)
        if own is None and prose.year_of is not None:
            own = as_of_in_publication_year(sentence.text, prose.year_of)
        if own is None:
            # "Năm 2024, ..." in a report whose data stop at 15/12/2024 is stated at that day
            own = within_cut_off(period_as_of(sentence.text, prose.year_of), block.scope.cut_off)
        if own is not None:
            prose.stated_last = own
        elif prose.stated_last is not None and points_back_to_the_last_cut_off(sentence.text):
            own = prose.stated_last  # "Cũng đến thời điểm này, ...", past a paragraph break too
        if own is not None:
            carried = own
        in_sentence = prose.tokens[bisect_left(prose.starts, sentence.start) : bisect_left(prose.starts, sentence.end)]
        key = " ".join(sentence.text.split()).lower()
        if key in prose.seen_sentences and len(key) > 20:
            continue  # a lead paragraph printed twice states its figures once
        prose.seen_sentences.add(key)
        label_at = _first_at_or_after(prose.percent_labels, sentence.line_start)
        found = read_sentence(prose.text, sentence, in_sentence, prose.lang, label_at)
        for figure in found:
            _share_of_a_rate_label(prose.text, sentence.start, figure)
        if not found and announces_goals(sentence.text):
            goals_open = True
        # pairs read as figures are no days of it ("Xã có cáp quang đến trung tâm: 11/11" is no 11 November)
        timeless = _pairs_blanked(sentence, found)
        for figure in found:
            figure.context = context
            figure.in_goal_list = goals_open
            at = figure.start - sentence.start  # where the figure starts in its sentence
            named = None if own is not None else named_period_end(sentence.text, at, prose.year_of)
            alone = figure_time(sentence.text, at)
            if alone is not None:
                figure.as_of, figure.as_of_source = within_cut_off(alone, block.scope.cut_off), "sentence"
            elif starts_an_undated_change(sentence.text, at):
                pass  # when the change started, nothing says
            elif own is not None:
                figure.as_of, figure.as_of_source = own, "sentence"
            elif named is not None:
                figure.as_of, figure.as_of_source = within_cut_off(named, block.scope.cut_off), "sentence"
            elif carried is not None and not names_a_time_of(timeless, at):
                figure.as_of, figure.as_of_source = carried, "paragraph"
            elif block.scope.as_of is not None:
                figure.as_of = within_cut_off(block.scope.as_of, block.scope.cut_off)
                figure.as_of_source = "section"
            elif block.scope.report_as_of is not None and (
                not names_a_time_of(timeless, at) or names_only_now(timeless)
                or block.scope.cut_off is not None and names_only_the_year_of(sentence.text, block.scope.cut_off)
            ):
                figure.as_of, figure.as_of_source = block.scope.report_as_of, "report"
        found_all.extend(found)
    return found_all


def _pairs_blanked(sentence: Sentence, figures: list[Figure]) -> str:
    """The sentence's text with the quotes of the `figures` written as pairs ("11/11") blanked,
    positions kept; other figures stay, for the patterns that read times around them."""
    text = sentence.text
    spans = [(f.start - sentence.start, f.end - sentence.start) for f in figures]
    return blank_spans(text, [(a, b) for a, b in spans if 0 <= a <= b <= len(text) and "/" in text[a:b]])


def _first_at_or_after(positions: list[int], pos: int) -> int | None:
    """First of the sorted `positions` at or after `pos`, found without scanning the text."""
    k = bisect_left(positions, pos)
    return positions[k] if k < len(positions) else None


# --- whole-report passes -----------------------------------------------------------


def _words(s: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", s.lower()))


def _drop_restated(text: str, figures: list[Figure], opening: set[int]) -> list[Figure]:
    """A figure restated in another sentence with nearly the same words counts once: where the
    body states it, when the headline or lead told it first (`opening`, by id), else where it
    was first stated."""
    kept: list[Figure] = []
    # Only a figure of the same value and unit can restate another: comparing
    # against those alone keeps the pass linear for reports with many figures.
    # (figure, its clause's words, its index in `kept`)
    kept_by_value: dict[tuple[float, str], list[tuple[Figure, set[str], int]]] = {}
    # Figures of one clause share its words: read them once per clause.
    clause_words: dict[tuple[int, int], set[str]] = {}
    for figure in figures:
        if _a_bracketed_part(text, figure):
            kept.append(figure)
            continue
        same_value = kept_by_value.setdefault((figure.value, figure.unit), [])
        bounds = clause_bounds(figure.sentence, figure.start)
        if bounds not in clause_words:
            clause_words[bounds] = _words(text[bounds[0] : bounds[1]])
        words = clause_words[bounds]
        restated = next((k for k, (other, other_words, _) in enumerate(same_value)
                         if _same_claim(text, figure, words, other, other_words)), None)
        if restated is not None:
            other, _, index = same_value[restated]
            body_again = id(other) in opening and id(figure) not in opening and (
                figure.numerator is not None or other.numerator is None
            )
            if body_again or figure.numerator is not None and other.numerator is None:
                # the lead's "Hiện ở An Giang ... đạt 100% xã" told again in the body, where the
                # report gives its source and date; the headline's "96,8% thôn có sóng" told
                # again with its "(939/970 thôn)": the fuller statement stands for both, at the
                # date either gives
                if figure.as_of is None and other.as_of is not None:
                    figure.as_of, figure.as_of_source = other.as_of, other.as_of_source
                kept[index] = figure
                same_value[restated] = (figure, words, index)
            continue
        same_value.append((figure, words, len(kept)))
        kept.append(figure)
    return kept


def _a_bracketed_part(text: str, figure: Figure) -> bool:
    """"186 tổ (15 tổ cấp xã, 171 tổ ở xóm, tổ dân phố)": a count listed in a bracket right after
    the count it breaks down says how that count divides; it restates no figure of another
    sentence that has its value ("Số xóm, tổ dân phố: 171")."""
    if figure.unit != "count":
        return False
    opened = text.rfind("(", figure.sentence.start, figure.lead_start)
    if opened < 0 or ")" in text[opened : figure.lead_start]:
        return False
    return _COUNT_BEFORE_BRACKET.search(text, max(figure.sentence.start, opened - 60), opened + 1) is not None


def _same_claim(text: str, figure: Figure, words: set[str], other: Figure, other_words: set[str]) -> bool:
    if other.sentence.index == figure.sentence.index or other.value != figure.value or other.unit != figure.unit:
        return False
    if figure.unit == "count":
        # two counts of different things, however alike their words: "164 thôn, tổ dân phố" and
        # "gồm 17 tổ cấp xã và 164 tổ ở thôn, tổ dân phố" (a team in each village)
        heads = {_head_noun(text, figure), _head_noun(text, other)}
        if len(heads) == 2 and None not in heads:
            return False
    if _a_goal(figure) != _a_goal(other):
        # a goal set for what is left is no restatement of what is left ("còn 05 ấp có vùng lõm
        # sóng" in the results, "phủ sóng di động 05 ấp còn vùng lõm" among next year's tasks)
        return False
    if len(words) < 5 or len(other_words) < 5:
        return False
    shared = len(words & other_words)
    # Near-identical wording, or one clause repeating the other inside a longer sentence.
    return shared / len(words | other_words) >= 0.7 or shared / min(len(words), len(other_words)) >= 0.85


def _a_goal(figure: Figure) -> bool:
    """The figure stands in a goals section or list and its clause states no result ("98% (hiện
    đạt 93,8%)" in a plan recalls the result)."""
    if not (figure.in_goal_list or isinstance(figure.context, _BlockContext) and figure.context.target is True):
        return False
    clause_start, _ = clause_bounds(figure.sentence, figure.start)
    before = figure.sentence.text[clause_start - figure.sentence.start : figure.start - figure.sentence.start]
    return not states_a_result(before)


def _link_parts(text: str, figures: list[Figure], issuer: str | None) -> None:
    """Parts listed after a total ("10.368 ..., trong đó 1.838 ..., 8.530 ...") point to it;
    `issuer` is the level of the body that issued the report (see `issuer_level`)."""
    by_sentence = _positions_by_sentence(figures)
    changes = {i for i, f in enumerate(figures) if _change_against_earlier(text, f)}
    for i, total in enumerate(figures):
        if total.parent is not None or total.unit not in {"count", "percent"} or not _can_sum(total):
            continue
        if i in changes:
            continue  # "6.842 trạm, tăng 418 trạm so với ...; trong đó 1.265 trạm 5G": of the 6.842
        following = [figures[k] for k in by_sentence[total.sentence.index] if k > i and k not in changes]
        if not following or following[0].unit != total.unit:
            continue
        if _bracket_closes(text, total.end, following[0].lead_start):
            continue  # "1.830 trạm (lắp đặt mới 96 trạm), trong đó 150 trạm 5G": of the 1.830
        marked = bool(_PART_MARKER.search(text[total.end : following[0].lead_start])) or _respective_counts(
            text, total, following
        )
        if total.unit == "percent" and not marked:
            continue
        parts = _parts_of(total, following, marked, text)
        complete = marked and total.unit == "count" and (
            _channels_complete(text, total, parts) or _levels_complete(text, total, parts, issuer)
            or _kinds_complete(text, total, parts) or _closed_whole_list(text, total, parts)
        )
        if marked and total.unit == "count" and not complete:
            # "trong đó: trực tuyến 11.205 hồ sơ (đạt 60,1%); trực tiếp 6.980 hồ sơ; ...": a list by
            # channel goes on past the share stated after a part; any other list ends there
            through = _parts_of(total, following, marked, text, past_shares=True)
            if len(through) > len(parts) and _channels_complete(text, total, through):
                parts, complete = through, True
        for part in parts:
            part.parent = i
        total.parts_complete = total.parts_complete or complete


# A total whose sentence ends on a part marker and a colon ("642 máy, gồm:"), the list of its
# parts on the lines below.
_OPENS_LISTED_PARTS = re.compile(
    r"[^;:.()]{0,60}?[\s,](?P<marker>" + lexicon.word_alternation(lexicon.PART_MARKERS) + r")\s*:\s*", _I
)
_WHOLE_LIST = re.compile(lexicon.word_alternation(lexicon.WHOLE_LIST_MARKERS), _I)


def _link_listed_parts(text: str, figures: list[Figure]) -> None:
    """"- Máy tính ...: 642 máy, gồm:" over "+ Cấp huyện: 187 máy;" and "+ Cấp xã: 437 máy.": the
    items below a total that ends on "gồm:" or "trong đó:", each with one count of what the total
    counts under a list mark other than the total's own line's, are its parts, as in one
    sentence; after "gồm:" they are all of it. The list ends at the first line that is no such item."""
    by_sentence = _positions_by_sentence(figures)
    for i, total in enumerate(figures):
        own = by_sentence[total.sentence.index]
        if own[-1] != i or total.parent is not None or total.unit != "count" or not _can_sum(total):
            continue
        opening = _OPENS_LISTED_PARTS.fullmatch(text, total.end, total.sentence.end)
        if opening is None:
            continue
        head = _head_noun(text, total)
        mark = _list_mark(total.sentence.text)
        parts: list[int] = []
        index = total.sentence.index + 1
        while len(by_sentence.get(index, ())) == 1:
            k = by_sentence[index][0]
            part = figures[k]
            item_mark = _list_mark(part.sentence.text)
            if item_mark is None or item_mark == mark or part.unit != "count" or not _can_sum(part):
                break
            if part.parent is not None or _head_noun(text, part) not in (head, None):
                break
            parts.append(k)
            index += 1
        if len(parts) < 2:
            continue
        for k in parts:
            figures[k].parent = i
        total.parts_complete = _WHOLE_LIST.fullmatch(opening.group("marker")) is not None


def _list_mark(sentence: str) -> str | None:
    """The mark a list item opens with ("-", "+", "•"), without its spaces; None for no item."""
    found = BULLET.match(sentence.lstrip())
    return found.group().strip() if found else None


def _respective_counts(text: str, total: Figure, following: list[Figure]) -> bool:
    """"142 trạm BTS của ba doanh nghiệp ..., số trạm của từng doanh nghiệp lần lượt là 61, 48
    và 35 trạm": counts given respectively after a count, the last naming what the total
    counts, are its parts, as after "trong đó"."""
    respectively = _RESPECTIVELY.search(text, total.end, following[0].lead_start)
    if total.unit != "count" or len(following) < 2 or respectively is None:
        return False
    if ";" in text[total.end : respectively.start()]:
        return False  # "1.860 trạm 5G ...; Gia Lai và Đắk Lắk lần lượt có 1.120 và 1.034 trạm": other places
    listed = [f for f in following if f.unit == "count"]
    return len(listed) >= 2 and _head_noun(text, listed[-1]) == _head_noun(text, total) is not None


def _compared(text: str, percent: Figure) -> bool:
    """"đạt 109,0% kế hoạch năm 2025 (10.520 camera)": a percentage of a plan or an earlier time,
    whose clause goes on with what it is compared with."""
    return bool(_COMPARED_WITH.search(text, percent.end, _clause_end(text, percent)))


def _channels_complete(text: str, total: Figure, parts: list[Figure]) -> bool:
    """"18.640 hồ sơ, trong đó: trực tuyến 11.205 hồ sơ; trực tiếp 6.980 hồ sơ; qua bưu chính
    355 hồ sơ": parts that each name one channel, the online one and another among them, are
    every way in, so all of the total."""
    if len(parts) < 2:
        return False
    kinds: list[str] = []
    for own in _part_items(text, total, parts):
        channel = channel_of(own)
        if channel is None:
            return False
        kinds.append(channel[0])
    return "online" in kinds and "other" in kinds


# The levels of government a report's figures span, by the level of the body that issued it.
_LEVELS_OF = {"district": ("district", "commune"), "commune": ()}
_EVERY_LEVEL = ("province", "district", "commune")


def _levels_complete(text: str, total: Figure, parts: list[Figure], issuer: str | None) -> bool:
    """"186.450 văn bản, trong đó cấp tỉnh 64.320 văn bản, cấp huyện 58.910 văn bản, cấp xã
    61.720 văn bản": one part for each level of government is all of the total, each level the
    report spans (a district's report: "cấp huyện 12.418 hồ sơ, cấp xã 35.318 hồ sơ")."""
    levels_spanned = _LEVELS_OF.get(issuer or "", _EVERY_LEVEL)
    if len(levels_spanned) < 2 or len(parts) != len(levels_spanned):
        return False
    levels = [admin_level(own, "")[0] for own in _part_items(text, total, parts)]
    return sorted(levels) == sorted(levels_spanned)


_PARTITIONS = [
    (
        # "mức 1" is no "mức 12"
        {
            kind: re.compile(lexicon.word_alternation(words) + r"(?!\d)", re.IGNORECASE)
            for kind, words in partition.items()
        },
        re.compile(lexicon.word_alternation(whole), re.IGNORECASE) if whole else None,
    )
    for partition, whole in lexicon.COMPLETE_PARTITIONS
]


def _kinds_complete(text: str, total: Figure, parts: list[Figure]) -> bool:
    """"6.842 chứng thư, trong đó cá nhân 5.915 chứng thư, tổ chức 827 chứng thư": one part
    for individuals and one for organisations is every holder, so all of the total; so is
    one part of each kind of any other partition (lexicon.COMPLETE_PARTITIONS) whose total
    is of the whole it divides ("1.486 dịch vụ công trực tuyến, gồm 962 dịch vụ toàn trình và
    498 dịch vụ một phần")."""
    items = _part_items(text, total, parts)
    own_phrase = text[total.end : parts[0].lead_start] if parts else ""
    marker = _PART_MARKER.search(own_phrase)
    own_phrase = own_phrase[: marker.start()] if marker else own_phrase
    # "Số người được thu nhận hồ sơ định danh điện tử: 8.412 người, trong đó mức 1 là ...":
    # the label names the whole
    naming = own_phrase + " " + (_label_before(text, total.sentence.start, total.lead_start) or "")
    for partition, whole in _PARTITIONS:
        if len(parts) != len(partition) or (whole is not None and not whole.search(naming)):
            continue
        kinds = [[kind for kind, words in partition.items() if words.search(own)] for own in items]
        if all(len(named) == 1 for named in kinds) and sorted(n[0] for n in kinds) == sorted(partition):
            return True
    return False


def _closed_whole_list(text: str, total: Figure, parts: list[Figure]) -> bool:
    """"318 tổ, gồm 31 tổ cấp xã và 287 tổ ở thôn, bản": a list that "gồm" (is made of), closed
    by "và" before its last part, whose parts count what the total counts, is all of it; so is
    such a list that alone fills a bracket after the total ("860 lượt truy cập (512 lượt dò mật
    khẩu, 230 lượt quét cổng và 98 lượt gửi thư giả mạo)"). After "trong đó" (among them) the
    same list is only some of it; parts that count other things ("180 nghìn người, gồm 11 xã và
    2 thị trấn") describe the whole, they do not add up to it."""
    if len(parts) < 2:
        return False
    opened = _WHOLE_LIST_MARKER.search(text, total.end, parts[0].lead_start) or (
        _OPEN_BRACKET.search(text, total.end, parts[0].lead_start) and _fills_the_bracket(text, parts[-1])
    )
    closed = opened and _LIST_CLOSER.search(text, parts[-2].end, parts[-1].lead_start)
    if not closed and not _items_after_a_colon(text, total, parts):
        return False
    head = _head_noun(text, total)
    return head is not None and all(_head_noun(text, part) == head for part in parts)


def _items_after_a_colon(text: str, total: Figure, parts: list[Figure]) -> bool:
    """"18.420 lượt, bao gồm: cán bộ 6.215 lượt; thành viên tổ 4.870 lượt; người dân 7.275 lượt.":
    "gồm" and a colon, then one part to each item set apart by ";", the last to the end of the
    sentence: the items are what the whole is made of, each labelled before its count."""
    colon = _WHOLE_LIST_COLON.search(text, total.end, parts[0].lead_start)
    if colon is None or any(";" not in text[a.end : b.lead_start] for a, b in zip(parts, parts[1:])):
        return False
    tail = text[parts[-1].end : parts[-1].sentence.end]
    return ";" not in tail and not any(c.isdigit() for c in tail)


def _fills_the_bracket(text: str, last: Figure) -> bool:
    """The bracket a list stands in closes with the phrase of its last part: no further clause
    ("..., chủ yếu ban đêm)") that could make the list a remark on some of the whole."""
    close = text.find(")", last.end, last.sentence.end + 1)
    return close >= 0 and not _ITEM_END_IN_BRACKET.search(text, last.end, close)


def _part_items(text: str, total: Figure, parts: list[Figure]) -> list[str]:
    """The item of the list each part stands in: from the separator before it to the one after."""
    items = []
    for k, part in enumerate(parts):
        before = parts[k - 1].end if k else total.end
        after = parts[k + 1].lead_start if k + 1 < len(parts) else _clause_end(text, part)
        start = max((m.end() for m in _ITEM_SEPARATOR.finditer(text, before, part.lead_start)), default=before)
        stop = _ITEM_SEPARATOR.search(text, part.end, after)
        items.append(text[start : stop.start() if stop else after])
    return items


def _clause_end(text: str, figure: Figure) -> int:
    """End of the clause (or list item) a figure is in: the next ';' or '.', else its sentence's."""
    found = _CLAUSE_END.search(text, figure.end, figure.sentence.end)
    return found.start() if found else figure.sentence.end


def _share_of_part(text: str, figures: list[Figure]) -> None:
    """"64.500 hồ sơ, trong đó 41.280 hồ sơ nộp trực tuyến, đạt 68,4%": the percentage states
    the part's share of the total, so it carries both as its x/y and the quality check can
    hold it to them (the part stays a figure of its own)."""
    for k, (part, percent) in enumerate(zip(figures, figures[1:])):
        if part.parent is None or part.parent != k - 1 or figures[part.parent].unit != "count" or part.unit != "count":
            continue  # only the first part right after its total: "..., trong đó 41.280 ..."
        if _states_share_of(text, part, percent):
            percent.numerator, percent.denominator = part.value, figures[part.parent].value
            percent.stated_percent = percent.value


def _share_out_of_an_opening_set(text: str, figures: list[Figure]) -> None:
    """"Trong tổng số 1.644 dịch vụ, có 1.128 dịch vụ đã phát sinh hồ sơ, chiếm 68,6%": the set a
    sentence opens on is the whole the count after it is taken out of, and so the whole of the
    share stated right after that count."""
    for whole, part, percent in zip(figures, figures[1:], figures[2:]):
        if whole.unit != "count" or part.unit != "count" or whole.sentence.index != part.sentence.index:
            continue
        if not OPENS_ON_A_SET.match(text[whole.sentence.start : whole.lead_start]):
            continue
        if not _OPENING_SET_ENDS.fullmatch(text, whole.end, part.lead_start):
            continue  # "Trong tổng số 1.644 dịch vụ, 1.128 ...": the set's phrase ends at its comma
        if _states_share_of(text, part, percent):
            percent.numerator, percent.denominator = part.value, whole.value
            percent.stated_percent = percent.value


def _states_share_of(text: str, part: Figure, percent: Figure) -> bool:
    """`percent`, right after the count `part` in its sentence, states the share `part` is of
    some whole: "..., đạt 68,4%", "(chiếm 64%)"; not another rate ("..., tỷ lệ đúng hạn đạt
    98%") or a comparison ("đạt 112% kế hoạch")."""
    if percent.unit != "percent" or percent.numerator is not None or percent.parent is not None:
        return False
    if percent.sentence.index != part.sentence.index or not states_share(text, part.end, percent):
        return False
    return _PART_SHARE_LINK.fullmatch(text, part.end, percent.lead_start) is not None and not _compared(text, percent)


def _link_sum_rows(figures: list[Figure]) -> None:
    """A table's sum row ("Tổng cộng", first or last) is the whole of the rows it adds up,
    column by column: each count cell of a member row points at the sum row's cell of its
    column, and the sum row's cell is marked complete (its parts are all of it), so the
    quality check holds it to their sum. Only where every member row has a count in that column."""
    by_table: dict[int, dict[int, CellContext]] = {}  # table -> figure index -> its cell
    for k, f in enumerate(figures):
        if isinstance(f.context, CellContext):
            by_table.setdefault(f.context.table_at, {})[k] = f.context
    for contexts in by_table.values():
        # "Trong đó: cấp xã" under the total is a part of it, no row it adds up
        rows = sorted({c.row_at for c in contexts.values() if not _PART_ROW.match(c.row_label or "")})
        sum_rows = {c.row_at for c in contexts.values() if c.sum_row}
        if len(sum_rows) != 1 or next(iter(sum_rows)) not in (rows[0], rows[-1]):
            continue  # no total, or subtotals between the rows
        members = [r for r in rows if r not in sum_rows]
        numbers = {c.row_at: c.row_number for c in contexts.values()}
        if all(numbers[r] is not None for r in members) and [numbers[r] for r in members] != list(
            range(1, len(members) + 1)
        ):
            continue  # rows 5 to 7 under a total: the table began before a page break
        for total in (k for k, c in contexts.items() if c.sum_row):
            column = contexts[total].column
            parts = [k for k, c in contexts.items() if k != total and c.column == column and c.row_at in rows]
            if (
                figures[total].unit != "count" or figures[total].kind is not None or len(parts) < 2
                or sorted(contexts[k].row_at for k in parts) != members
                or any(figures[k].unit != "count" or figures[k].kind is not None for k in parts)
                or not all(contexts[k].row_member for k in parts)
            ):
                continue
            figures[total].parts_complete = True
            for k in parts:
                figures[k].parent = total


def _change_against_earlier(text: str, figure: Figure) -> bool:
    """"tăng 418 trạm so với thời điểm 31/12/2024": a difference from an earlier time or a plan,
    neither a whole nor a part of the list around it."""
    if not _CHANGE_BEFORE.search(text, max(0, figure.lead_start - 16), figure.lead_start):
        return False
    clause_end = _CLAUSE_END.search(text, figure.end, figure.sentence.end)
    return bool(_COMPARED_WITH.search(text, figure.end, clause_end.start() if clause_end else figure.sentence.end))


def _can_sum(figure: Figure) -> bool:
    """Ranks, rates and table cells are never parts or totals of a "trong đó" list."""
    # an average keeps its parts: "bình quân 240 hồ sơ mỗi ngày, trong đó 150 hồ sơ trực tuyến"
    return figure.kind in (None, "measure", "money", "average") and not isinstance(figure.context, CellContext)


def _positions_by_sentence(figures: list[Figure]) -> dict[int, list[int]]:
    """Indexes into `figures` per sentence, so per-figure look-ups need not scan the report."""
    grouped: dict[int, list[int]] = {}
    for k, f in enumerate(figures):
        grouped.setdefault(f.sentence.index, []).append(k)
    return grouped


def _parts_of(
    total: Figure, following: list[Figure], marked: bool, text: str, past_shares: bool = False
) -> list[Figure]:
    """Same-unit figures that follow a total: after a marker while they fit, else if they sum to it.

    After an explicit marker ("trong đó", "bao gồm"), a count that would overflow
    the total is still a part when it counts the same thing (same head noun:
    "1.000 chứng thư số, trong đó 400 chứng thư số ..., 601 chứng thư số ..."),
    so that parts which do not add up are linked and the quality check can flag them.
    With `past_shares`, a share stated right after a part ("(đạt 60,1%)") does not end the list.
    """
    parts: list[Figure] = []
    running = 0.0
    head = _head_noun(text, total) if marked and total.unit == "count" else None
    for f in following:
        if past_shares and parts and f.unit == "percent" != total.unit and _PART_SHARE_LINK.fullmatch(
            text, parts[-1].end, f.lead_start
        ) and not _compared(text, f):
            continue  # "trực tuyến 11.205 hồ sơ (đạt 60,1%); trực tiếp 6.980 hồ sơ": the part's share
        if f.unit != total.unit or not _can_sum(f) or _a_whole_again(text, f):
            break
        if running + f.value > total.value + 1e-9 and not (
            head and _head_noun(text, f) == head and not _own_statement(text, parts[-1] if parts else total, f, head)
        ):
            break
        parts.append(f)
        running += f.value
        if abs(running - total.value) < 1e-9 and len(parts) >= 2:
            return parts
    if marked and parts:
        return parts if total.unit == "count" else parts[:1]
    return []


_WHOLE_AGAIN_REACH = 400  # characters back: the blanks of a page break may stand between the words and the figure


def _a_whole_again(text: str, f: Figure) -> bool:
    """Words right before `f` make it a new whole ("nâng tổng số trạm lên 3.138 trạm"), wherever
    a blanked page break or line break left the figure (the pattern ends in any run of spaces)."""
    return _WHOLE_AGAIN.search(text, max(0, f.lead_start - _WHOLE_AGAIN_REACH), f.lead_start) is not None


_REACHES_BEFORE = re.compile(lexicon.word_alternation(lexicon.REACH_VERBS) + r"\s*$", _I)
_STATES_BEFORE = re.compile(lexicon.word_alternation(lexicon.STATING_VERBS) + r"\s*$", _I)
_DOING = re.compile(lexicon.word_alternation(lexicon.DOING_VERBS), _I)


def _bracket_closes(text: str, start: int, end: int) -> bool:
    """A bracket opened before `start` closes between `start` and `end`: what follows is said of
    the figure the bracket interrupts, not of one inside it."""
    between = text[start:end]
    close = between.find(")")
    return close >= 0 and "(" not in between[:close]


def _own_statement(text: str, before: Figure, f: Figure, head: str) -> bool:
    """`f` opens a ';'-clause of its own that says what its subject reached ("...; thuê bao
    Internet băng rộng cố định đạt 812.450 thuê bao") or did ("...; trong 6 tháng, các doanh
    nghiệp đã lắp đặt mới 56 trạm"), or states the value of a subject that names what it counts
    ("...; số thuê bao Internet băng rộng cố định là 486.712 thuê bao"): a figure of its own, no
    part of the list (but "...; cấp huyện là 800 hồ sơ" is an item)."""
    between = text[before.end : f.lead_start]
    if ";" not in between:
        return False
    clause = between.rsplit(";", 1)[1]
    if _REACHES_BEFORE.search(clause) is not None or _DOING.search(clause) is not None:
        return True
    names_head = re.search(rf"(?<!\w){re.escape(head)}(?!\w)", clause, _I) is not None
    return names_head and _STATES_BEFORE.search(clause) is not None


# The unit a label names before its value: "- Số máy tính (chiếc): 214".
_LABEL_UNIT = re.compile(r"\((?P<unit>[^\W\d_]+(?:\s[^\W\d_]+)?)\)\s*:\s*$")


# People counted by what they are ("cán bộ", "thành viên") or simply as "người" are one kind:
# "286 cán bộ, trong đó: thạc sĩ 38 người, đại học 214 người, cao đẳng 41 người".
# ... and so are the kinds of health facility: "412 cơ sở khám bệnh, chữa bệnh, trong đó 18
# bệnh viện, 31 trung tâm y tế và 377 trạm y tế". (nouns, the kind they stand for)
_UNIT_KINDS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(w for base in bases for w in lexicon.BASES[base] if not w.isascii()), kind)
    for bases, kind in ((("people", "officials"), "người"), (("health_facilities",), "health_facilities"))
)


_TURNS_BEFORE = re.compile(lexicon.word_alternation(lexicon.TURN_WORDS), _I)


def _head_noun(text: str, figure: Figure) -> str | None:
    """First word of the noun phrase a figure counts, lower-cased ("chứng", "camera"; "người"
    for any noun of people); for a label's value with nothing after it, the unit the label
    names ("Số máy tính (chiếc): 214")."""
    start = figure.subject_from if figure.subject_from >= 0 else figure.end
    phrase = subject_after(text, start, min(len(text), start + 120)).lower()
    turns = _TURNS_BEFORE.match(phrase)
    if turns:
        # "lượt học viên", "lượt người dân", a bare "lượt": turns, whoever or whatever made them
        return turns.group()
    for nouns, kind in _UNIT_KINDS:
        if any(phrase == w or phrase.startswith(w + " ") or phrase.startswith(w + ",") for w in nouns):
            return kind
    words = phrase.split()
    if words:
        return words[0]
    label = _LABEL_UNIT.search(text, max(0, figure.lead_start - 40), figure.lead_start)
    return label.group("unit").split()[0].lower() if label else None


# --- building the observations -----------------------------------------------------


def _to_observations(
    text: str, reading: str, figures: list[Figure], published: datetime.date | None, lang: Lang,
    issuer: str | None,
) -> list[tuple[Observation, tuple[int, int] | None]]:
    figures_sorted = sorted(range(len(figures)), key=lambda k: figures[k].start)
    ordinal_of = {k: n for n, k in enumerate(figures_sorted)}
    by_sentence = _positions_by_sentence(figures)
    built = []
    for n, k in enumerate(figures_sorted):
        f = figures[k]
        if isinstance(f.context, CellContext):
            obs, span = _table_observation(text, f, f.context, published, issuer), None
        else:
            obs, span = _prose_observation(text, reading, f, figures, by_sentence, published, issuer)
        built.append((with_fields(
            obs,
            ordinal=n,
            parent_ordinal=ordinal_of[f.parent] if f.parent is not None else None,
            parts_complete=f.parts_complete,
            extra=dict(f.extra, raw=f.raw, lang=lang),
        ), span))
    return built


def _level(found: tuple[str, str | None]) -> dict:
    return dict(admin_level=found[0], admin_level_source=found[1])


def _common(text: str, f: Figure) -> dict:
    return dict(
        ordinal=0,
        sentence_index=f.sentence.index,
        char_start=f.start,
        char_end=f.end,
        quote=text[f.start : f.end],
        value=round(f.value, 6),
        unit=f.unit,
        numerator=f.numerator,
        denominator=f.denominator,
        stated_percent=f.stated_percent,
        qualifier=f.qualifier,
        figure_kind=f.kind or {"percent": "percent", "ratio": "ratio"}.get(f.unit, "count"),
        range_high=f.range_high,
        multiplier=f.multiplier,
    )


def _prose_observation(
    text: str, reading: str, f: Figure, figures: list[Figure], by_sentence: dict[int, list[int]],
    published: datetime.date | None, issuer: str | None,
) -> tuple[Observation, tuple[int, int] | None]:
    context: _BlockContext = f.context
    clause_start, clause_end = clause_bounds(f.sentence, f.start)
    same_clause = [
        g for g in (figures[j] for j in by_sentence[f.sentence.index])
        if g.sentence is f.sentence and clause_start <= g.start < clause_end
    ]
    seg_start, seg_end = _segment(reading, f, same_clause, clause_start, clause_end)
    lead = reading[clause_start:seg_start].strip()
    segment = reading[seg_start:seg_end].strip(" ,;")
    before = reading[clause_start : f.lead_start]
    subject_from = f.subject_from if f.subject_from >= 0 else f.end
    subject = subject_after(reading, subject_from, seg_end) or _subject_before(reading[seg_start : f.lead_start])
    label = _label_before(reading, seg_start, f.lead_start)
    if label:
        # "Số trạm BTS: 96 trạm": the label names what the value counts.
        subject = " ".join((label + " " + subject).split())
    earlier_clauses = reading[f.sentence.start : clause_start]
    target, target_source = _prose_target(before, reading[subject_from:seg_end], earlier_clauses, f, context, published)
    # the day the report's data stop at dates its results, not its goals
    as_of, as_of_source = (None, None) if target and f.as_of_source == "report" else (f.as_of, f.as_of_source)
    if target and (as_of is None or as_of_source == "sentence"):
        # a goal is stated at the end of the year it is set for; its own clause's deadline
        # outranks another goal's date in the sentence ("đến cuối năm 2024, ...; đến năm 2025, 90% ...")
        sentence_start = f.sentence.start
        deadline = target_deadline(
            reading[sentence_start : f.sentence.end], f.start - sentence_start,
            (clause_start - sentence_start, clause_end - sentence_start), published,
            own_clause_only=as_of is not None,
        )
        if deadline is not None:
            as_of, as_of_source = deadline, "target"
    sentence_text = f.sentence.text
    original = text[f.sentence.start : f.sentence.end]
    verbatim = sentence_text == original
    return Observation(
        **_common(text, f),
        sentence=sentence_text if verbatim else " ".join(sentence_text.split()),
        as_of_date=as_of,
        as_of_source=as_of_source,
        **_level(admin_level(segment, lead, issuer)),
        is_target=target,
        target_source=target_source,
        subject=subject,
        clause=(lead + " … " + segment) if lead else segment,
        scope=context.scope,
        section=context.section or None,
    ), ((f.sentence.start, f.sentence.end) if verbatim else None)


def _share_of_a_rate_label(reading: str, start: int, figure: Figure) -> None:
    """"Tỷ lệ hồ sơ trực tuyến: 48,6": a bare number after a rate's label is a percentage."""
    if figure.unit != "count" or figure.kind is not None or figure.value > 100:
        return
    label = _label_before(reading, start, figure.lead_start)
    if label and _RATE_LABEL.match(label) and _BARE_END.match(reading, figure.end):
        figure.unit = "percent"


def _label_before(text: str, start: int, pos: int) -> str | None:
    """The label of a "label: value" pair whose value starts at `pos` (within text[start:pos])."""
    k = pos
    while k > start and text[k - 1] in " \t":
        k -= 1
    if k <= start or text[k - 1] != ":":
        return None
    colon = k - 1
    begin = max(start, colon - _MAX_LABEL_CHARS, *(text.rfind(mark, start, colon) + 1 for mark in ";:\n"))
    label = text[begin:colon].strip(" -–•+*\t")
    return label if len(label) >= 3 else None


def _prose_target(
    before: str, after: str, earlier_clauses: str, f: Figure, context: _BlockContext,
    published: datetime.date | None,
) -> tuple[bool, str]:
    """A cue in the clause, else in an earlier ';'-clause of the sentence ("Phấn đấu đến năm
    2025, ... 100% ...; tỷ lệ ... đạt 95%") unless either states a result, else a list of
    goals announced in the paragraph, else the section; else what the figure's own phrase
    (`after`) says its units are still expected to do ("9 bản còn lại dự kiến có sóng")."""
    if is_target(before, published, f.unit == "percent") and not (
        context.target is False and cue_is_an_indicator_name(before)
    ):
        # (under a results heading or intro, "chỉ tiêu" names an indicator, not a goal)
        return (False, "none") if reports_as_of_a_past_date(before, published) else (True, "cue")
    if (
        earlier_clauses and is_target(earlier_clauses, published)
        and not states_a_result(earlier_clauses) and not states_a_result(before)
    ):
        return True, "cue"
    if f.in_goal_list:
        return True, "section"
    if context.target and not states_a_result(before):
        return True, "section"
    if expected_after(before, after):
        return True, "cue"
    return False, "none"


def _table_observation(
    text: str, f: Figure, context: CellContext, published: datetime.date | None, issuer: str | None
) -> Observation:
    return Observation(
        **_common(text, f),
        sentence=context.evidence,
        as_of_date=context.as_of,
        as_of_source=context.as_of_source,
        **_level(admin_level(context.row_label, context.column + " " + context.section, issuer)),
        is_target=bool(context.target),
        target_source=context.target_source if context.target or context.target_source == "column" else "none",
        subject=context.subject,
        clause=context.clause,
        scope="table",
        section=context.section or None,
        table_column=context.column or None,
        table_row=context.breakdown,
    )


def _segment(
    text: str, f: Figure, same_clause: list[Figure], clause_start: int, clause_end: int
) -> tuple[int, int]:
    """The part of the clause that belongs to `f`: from the list separator before it to the next figure."""
    ordered = sorted(same_clause, key=lambda g: g.start)
    pos = ordered.index(f)
    start = clause_start
    if pos > 0:
        prev_end = ordered[pos - 1].end
        seps = list(_LIST_SEPARATOR.finditer(text, prev_end, f.lead_start))
        start = seps[-1].end() if seps else prev_end
    end = clause_end
    if pos + 1 < len(ordered):
        nxt = ordered[pos + 1]
        seps = list(_LIST_SEPARATOR.finditer(text, f.end, nxt.lead_start))
        end = seps[-1].start() if seps else nxt.lead_start
    return start, end


def _subject_before(text_before: str) -> str:
    """"tỷ lệ văn bản đến ... đạt 91%": the subject precedes the verb before the figure."""
    cleaned = re.sub(r"\s*(?:đạt|là|chiếm|reached|reaches|is|was|of)\s*$", "", text_before.strip(), flags=_I)
    return " ".join(cleaned.split()[-16:]).strip(" ,(")
