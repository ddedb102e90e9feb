"""Find every quantitative statement of a report: `extract_observations`.

The input is the whole report as NFC text (ingest normalises it; spans refer to
the string given). The steps: mask spans that hold no figure (dates, document
numbers, page furniture), read each remaining number with its unit marks
(%, x/y, "nghìn", ranges, qualifiers), join a ratio with the percentage stated
right after it, drop restated figures, then link parts to their stated total.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from dagster_project.extraction.models import Observation
from dagster_project.extraction.numbers import Lang, NumberToken, detect_language, find_numbers, multiplier_after
from dagster_project.extraction.obs_context import (
    Sentence,
    admin_level,
    as_of_date,
    clause_bounds,
    is_target,
    opens_target_list,
    qualifier_before,
    split_sentences,
    subject_after,
)
from dagster_project.extraction.obs_filters import blocked_mask, label_reason

_I = re.IGNORECASE
_PERCENT_AFTER = re.compile(r"\s?%|\s*(?:percent|per cent|phần trăm)\b", _I)
_SLASH = re.compile(r"\s*/\s*")
_RANGE_DASH = re.compile(r"\s?[-–]\s?")
# Unit words between a figure and the "/100 dân" of a density ("87 thuê bao/100 dân").
_DENSITY_UNIT = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*/\s*$")
# Words joining a ratio to the percentage that restates it ("x/y ..., đạt z%").
_RATIO_PERCENT_LINK = re.compile(
    r"(?:\(|đạt|tỷ lệ|tỉ lệ|bằng|chiếm|reaching|equal to|=)\s*(?:(?:tỷ lệ|tỉ lệ|khoảng|đạt)\s*)*$", _I
)
_PART_MARKER = re.compile(r"trong đó|bao gồm|\bgồm\b|including|of which|among which|\(\s*$", _I)
_LIST_SEPARATOR = re.compile(r",\s*|\s+và\s+|\s+and\s+|;\s*")
_PERCENT_ROW_LABEL = "(%)"


@dataclass
class _Figure:
    """A figure while it is being assembled; becomes an Observation at the end."""

    sentence: Sentence
    start: int  # quote span
    end: int
    value: float
    unit: str
    numerator: float | None = None
    denominator: float | None = None
    stated_percent: float | None = None
    qualifier: str | None = None
    lead_start: int = 0  # where the qualifier (if any) begins
    subject_from: int = -1  # where the counted noun phrase starts (after x/y when merged)
    parent: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def extract_observations(text: str, published: datetime.date | None = None) -> list[Observation]:
    """Every quantitative statement of `text`, ordered by position, ordinals 0..n-1.

    The caller gives NFC text. Decomposed (NFD) input still works: it is read in
    NFC and every span, quote and sentence is mapped back onto the given string.
    """
    if unicodedata.is_normalized("NFC", text):
        return _extract(text, published)
    normalized, offsets = _nfc_with_offsets(text)
    return _extract_mapped(text, normalized, offsets, published)


def _extract_mapped(
    original: str, normalized: str, offsets: list[int], published: datetime.date | None
) -> list[Observation]:
    mapped = []
    for obs in _extract(normalized, published):
        start, end = offsets[obs.char_start], offsets[obs.char_end]
        sent_start = normalized.find(obs.sentence, max(0, obs.char_start - len(obs.sentence)))
        s0, s1 = offsets[sent_start], offsets[sent_start + len(obs.sentence)]
        mapped.append(replace(obs, char_start=start, char_end=end, quote=original[start:end], sentence=original[s0:s1]))
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


def _extract(text: str, published: datetime.date | None) -> list[Observation]:
    lang = detect_language(text)
    mask = blocked_mask(text)
    tokens = [t for t in find_numbers(text, lang) if not mask[t.start]]
    figures: list[_Figure] = []
    seen_sentences: set[str] = set()
    target_line: int | None = None  # start of a line whose goals list is open
    targets: set[int] = set()
    starts = [t.start for t in tokens]
    percent_labels = [m.start() for m in re.finditer(re.escape(_PERCENT_ROW_LABEL), text)]
    for sentence in split_sentences(text):
        in_sentence = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        key = " ".join(sentence.text.split()).lower()
        if key in seen_sentences and len(key) > 20:
            continue  # a lead paragraph printed twice states its figures once
        seen_sentences.add(key)
        label_at = _first_at_or_after(percent_labels, sentence.line_start)
        found = _merge_ratio_percent(text, _read_sentence(text, sentence, in_sentence, lang, label_at))
        line_start = sentence.line_start
        if not found and opens_target_list(sentence.text):
            target_line = line_start
        elif target_line is not None and target_line == line_start:
            targets.update(id(f) for f in found)
        figures.extend(found)
    figures = _drop_restated(text, figures)
    _link_parts(text, figures)
    return _to_observations(text, figures, published, targets, lang)


# --- reading the numbers of one sentence -------------------------------------------


def _first_at_or_after(positions: list[int], pos: int) -> int | None:
    """First of the sorted `positions` at or after `pos`, found without scanning the text."""
    k = bisect_left(positions, pos)
    return positions[k] if k < len(positions) else None


def _read_sentence(
    text: str, sentence: Sentence, tokens: list[NumberToken], lang: Lang, label_at: int | None
) -> list[_Figure]:
    """Figures of one sentence; `label_at` is where its line's "(%)" row label is, if any."""
    figures: list[_Figure] = []
    i = 0
    while i < len(tokens):
        figure, used = _read_figure(text, sentence, tokens, i, lang, label_at)
        if figure is not None:
            figures.append(figure)
        i += used
    return figures


def _read_figure(
    text: str, sentence: Sentence, tokens: list[NumberToken], i: int, lang: Lang, label_at: int | None
) -> tuple[_Figure | None, int]:
    """The figure starting at tokens[i], and how many tokens it used."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    clause_start, _ = clause_bounds(sentence, tok.start)
    if label_reason(text, tok.start, tok.end, clause_start, lang):
        return None, 1
    qualifier, lead = qualifier_before(text, tok.start)
    figure = _Figure(sentence, tok.start, tok.end, tok.value, "count", qualifier=qualifier, lead_start=lead)
    figure.extra["raw"] = tok.raw
    if re.search(r"(?:thứ|hạng|top|tốp)\s*$", text[max(0, tok.start - 12) : tok.start], _I):
        figure.extra["kind"] = "rank"
    used = 1
    if nxt is not None and _SLASH.fullmatch(text[tok.end : nxt.start]):
        if re.match(r"\s*cấp\b", text[nxt.end : nxt.end + 8], _I):
            return None, 2  # "liên thông 3/4 cấp" is a label
        figure.end, figure.unit = nxt.end, "ratio"
        figure.numerator, figure.denominator = tok.value, nxt.value
        used = 2
    elif nxt is not None and _is_density(text, tok, nxt):
        figure.end, figure.unit = nxt.end, "ratio"
        figure.numerator, figure.denominator = tok.value, nxt.value
        figure.extra["kind"] = "density"
        used = 2
    elif nxt is not None and re.fullmatch(r"\s+(?:out\s+)?of\s+", text[tok.end : nxt.start], _I):
        # English "12 of 15 districts" is a ratio.
        figure.end, figure.unit = nxt.end, "ratio"
        figure.numerator, figure.denominator = tok.value, nxt.value
        used = 2
    elif nxt is not None and _is_range(text, tok, nxt):
        figure.end = nxt.end
        figure.extra["range"] = f"{tok.raw}-{nxt.raw}"
        used = 2
    _read_unit(text, figure, label_at)
    used += _read_per_one(text, tokens, i, figure)
    return figure, used


def _read_unit(text: str, figure: _Figure, label_at: int | None) -> None:
    """Percent sign, scale word ("nghìn", "billion") or "gấp N lần" after the number."""
    if figure.unit == "ratio":
        return
    suffix = re.match(r"(?:st|nd|rd|th)\b", text[figure.end : figure.end + 3])
    if suffix:
        figure.end += suffix.end()
        figure.extra["kind"] = "rank"
        return
    m = _PERCENT_AFTER.match(text, figure.end)
    if m:
        figure.unit, figure.end = "percent", m.end()
        return
    factor, end = multiplier_after(text, figure.end)
    if factor != 1.0:
        figure.value *= factor
        figure.end = end
        figure.extra["multiplier"] = f"{factor:g}"
        return
    # Positions of the label are precomputed: looking back along the line for
    # every figure would be quadratic on a line of several megabytes.
    if label_at is not None and label_at + len(_PERCENT_ROW_LABEL) <= figure.start:
        figure.unit = "percent"  # a table row labelled "(%)" holds percentages
        return
    if re.search(r"gấp\s+$", text[max(0, figure.start - 8) : figure.start], _I) and re.match(r"\s*lần\b", text[figure.end :]):
        figure.unit, figure.numerator = "ratio", figure.value
        figure.extra["kind"] = "multiple"


def _read_per_one(text: str, tokens: list[NumberToken], i: int, figure: _Figure) -> int:
    """"cứ 2,2 cán bộ có 1 máy tính": one ratio 2.2/1, the "1" is no figure of its own.

    Returns how many more tokens the figure used (0 or 1).
    """
    if figure.unit != "count" or i + 1 >= len(tokens):
        return 0
    if not re.search(r"\bcứ\s+$", text[max(0, figure.start - 6) : figure.start], _I):
        return 0
    other = tokens[i + 1]
    between = text[figure.end : other.start]
    if other.value != 1 or ";" in between or not re.search(r"\b(?:có|thì|được)\s*$", between):
        return 0
    figure.unit, figure.numerator, figure.denominator = "ratio", figure.value, 1.0
    figure.end = other.end
    figure.extra["kind"] = "per_one"
    return 1


def _is_density(text: str, tok: NumberToken, nxt: NumberToken) -> bool:
    """"87 thuê bao/100 dân", "6.343 người/1 điểm": a count per N units."""
    between = text[tok.end : nxt.start]
    if not _DENSITY_UNIT.fullmatch(between) or len(between) > 40:
        return False
    return nxt.raw.lstrip("0") in {"1", "10", "100", "1000", "1.000", "10.000", "100.000", "1,000"}


def _is_range(text: str, tok: NumberToken, nxt: NumberToken) -> bool:
    """"1-2 cán bộ", "15–20%": a range whose lower bound is the value."""
    if not _RANGE_DASH.fullmatch(text[tok.end : nxt.start]):
        return False
    return tok.value < nxt.value and nxt.value < 1000 and not nxt.raw.startswith("0")


def _merge_ratio_percent(text: str, figures: list[_Figure]) -> list[_Figure]:
    """"451.343/434.900 đối tượng, đạt 103,78%" is one figure: the percent with its parts."""
    merged: list[_Figure] = []
    for figure in figures:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.unit == "ratio"
            and prev.denominator
            and "kind" not in prev.extra
            and figure.unit == "percent"
            and _restates(text, prev, figure)
        ):
            prev.stated_percent = figure.value
            prev.subject_from = prev.end
            prev.value, prev.unit, prev.end = figure.value, "percent", figure.end
            prev.qualifier = prev.qualifier or figure.qualifier
            continue
        merged.append(figure)
    return merged


def _restates(text: str, ratio: _Figure, percent: _Figure) -> bool:
    between = text[ratio.end : percent.lead_start]
    if len(between) > 90 or re.search(r"[\d;]|[.!?]\s", between):
        return False
    return bool(_RATIO_PERCENT_LINK.search(between))


# --- whole-report passes -----------------------------------------------------------


def _words(s: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", s.lower()))


def _drop_restated(text: str, figures: list[_Figure]) -> list[_Figure]:
    """A figure restated in another sentence with nearly the same words counts once."""
    kept: list[_Figure] = []
    # Only a figure of the same value and unit can restate another: comparing
    # against those alone keeps the pass linear for reports with many figures.
    kept_by_value: dict[tuple[float, str], list[tuple[_Figure, set[str]]]] = {}
    # Figures of one clause share its words: read them once per clause.
    clause_words: dict[tuple[int, int], set[str]] = {}
    for figure in figures:
        same_value = kept_by_value.setdefault((figure.value, figure.unit), [])
        bounds = clause_bounds(figure.sentence, figure.start)
        if bounds not in clause_words:
            clause_words[bounds] = _words(text[bounds[0] : bounds[1]])
        words = clause_words[bounds]
        if any(_same_claim(figure, words, other, other_words) for other, other_words in same_value):
            continue
        kept.append(figure)
        same_value.append((figure, words))
    return kept


def _same_claim(figure: _Figure, words: set[str], other: _Figure, other_words: set[str]) -> bool:
    if other.sentence.index == figure.sentence.index or other.value != figure.value or other.unit != figure.unit:
        return False
    if len(words) < 5 or len(other_words) < 5:
        return False
    shared = len(words & other_words)
    # Near-identical wording, or one clause repeating the other inside a longer sentence.
    return shared / len(words | other_words) >= 0.7 or shared / min(len(words), len(other_words)) >= 0.85


def _link_parts(text: str, figures: list[_Figure]) -> None:
    """Parts listed after a total ("10.368 ..., trong đó 1.838 ..., 8.530 ...") point to it."""
    by_sentence = _positions_by_sentence(figures)
    for i, total in enumerate(figures):
        if total.parent is not None or total.unit not in {"count", "percent"} or "kind" in total.extra:
            continue
        following = [figures[k] for k in by_sentence[total.sentence.index] if k > i]
        if not following or following[0].unit != total.unit:
            continue
        marked = bool(_PART_MARKER.search(text[total.end : following[0].lead_start]))
        if total.unit == "percent" and not marked:
            continue
        parts = _parts_of(total, following, marked, text)
        for part in parts:
            part.parent = i


def _positions_by_sentence(figures: list[_Figure]) -> dict[int, list[int]]:
    """Indexes into `figures` per sentence, so per-figure look-ups need not scan the report."""
    grouped: dict[int, list[int]] = {}
    for k, f in enumerate(figures):
        grouped.setdefault(f.sentence.index, []).append(k)
    return grouped


def _parts_of(total: _Figure, following: list[_Figure], marked: bool, text: str) -> list[_Figure]:
    """Same-unit figures that follow a total: after a marker while they fit, else if they sum to it.

    After an explicit marker ("trong đó", "bao gồm"), a count that would overflow
    the total is still a part when it counts the same thing (same head noun:
    "1.000 chứng thư số, trong đó 400 chứng thư số ..., 601 chứng thư số ..."),
    so that parts which do not add up are linked and the quality check can flag them.
    """
    parts: list[_Figure] = []
    running = 0.0
    head = _head_noun(text, total) if marked and total.unit == "count" else None
    for f in following:
        if f.unit != total.unit or "kind" in f.extra:
            break
        if running + f.value > total.value + 1e-9 and not (head and _head_noun(text, f) == head):
            break
        parts.append(f)
        running += f.value
        if abs(running - total.value) < 1e-9 and len(parts) >= 2:
            return parts
    if marked and parts:
        return parts if total.unit == "count" else parts[:1]
    return []


def _head_noun(text: str, figure: _Figure) -> str | None:
    """First word of the noun phrase a figure counts, lower-cased ("chứng", "camera")."""
    start = figure.subject_from if figure.subject_from >= 0 else figure.end
    words = subject_after(text, start, min(len(text), start + 120)).lower().split()
    return words[0] if words else None


# --- building the observations -----------------------------------------------------


def _to_observations(
    text: str, figures: list[_Figure], published: datetime.date | None, targets: set[int], lang: Lang
) -> list[Observation]:
    figures_sorted = sorted(range(len(figures)), key=lambda k: figures[k].start)
    ordinal_of = {k: n for n, k in enumerate(figures_sorted)}
    by_sentence = _positions_by_sentence(figures)
    # A sentence's figures share its as-of date: read it once per sentence.
    sentences = {f.sentence.index: f.sentence for f in figures}
    as_of = {index: as_of_date(sentence.text) for index, sentence in sentences.items()}
    observations: list[Observation] = []
    for n, k in enumerate(figures_sorted):
        f = figures[k]
        clause_start, clause_end = clause_bounds(f.sentence, f.start)
        same_clause = [
            g for g in (figures[j] for j in by_sentence[f.sentence.index])
            if g.sentence is f.sentence and clause_start <= g.start < clause_end
        ]
        seg_start, seg_end = _segment(text, f, same_clause, clause_start, clause_end)
        lead = text[clause_start:seg_start].strip()
        segment = text[seg_start:seg_end].strip(" ,;")
        before = text[clause_start : f.lead_start]
        subject_from = f.subject_from if f.subject_from >= 0 else f.end
        subject = subject_after(text, subject_from, seg_end) or _subject_before(text[seg_start : f.lead_start])
        extra = dict(f.extra, lang=lang)
        observations.append(
            Observation(
                ordinal=n,
                sentence_index=f.sentence.index,
                sentence=f.sentence.text,
                char_start=f.start,
                char_end=f.end,
                quote=text[f.start : f.end],
                value=round(f.value, 6),
                unit=f.unit,
                numerator=f.numerator,
                denominator=f.denominator,
                stated_percent=f.stated_percent,
                qualifier=f.qualifier,
                as_of_date=as_of[f.sentence.index],
                admin_level=admin_level(segment, lead),
                is_target=id(f) in targets or is_target(before, published),
                subject=subject,
                clause=(lead + " … " + segment) if lead else segment,
                parent_ordinal=ordinal_of[f.parent] if f.parent is not None else None,
                extra=extra,
            )
        )
    return observations


def _segment(
    text: str, f: _Figure, same_clause: list[_Figure], clause_start: int, clause_end: int
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
