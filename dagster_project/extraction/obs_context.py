"""What surrounds a figure: its sentence, clause, qualifier, level, target flag and date."""
from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dagster_project.extraction import lexicon
from dagster_project.extraction.dates import parse_date
from dagster_project.extraction.words import KeywordIndex, Text

_I = re.IGNORECASE
_UPPER_OR_DIGIT = re.compile(r"[A-ZĐÀ-ỸÁÉÍÓÚÝĂÂÊÔƠƯ0-9“\"(*•\-–]")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"')]?(?=\s)")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset("tp p q ts ths pgs gs mr ms mrs dr st no co ltd tt v.v vs nq".split())
# Longest sentence kept whole. Every figure's context (clause, qualifier, target
# cue, as-of date) is read from its sentence, so a sentence is the unit of work
# per figure; a run with no sentence end (a line of several megabytes, a list
# glued by commas) would make that work grow with the square of its length.
# Real sentences in the reports stay under ~1,200 characters, so a longer run is
# cut into pieces of at most this size, at the last ';', ',' or space.
MAX_SENTENCE_CHARS = 4000
_SOFT_BREAK = re.compile(r"[;,]\s|\s")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line_start: int = 0  # start of the line the sentence is on (tables label rows per line)


_LINE = re.compile(r"[^\n]+")


def split_sentences(text: str, start: int = 0, end: int | None = None, first_index: int = 0) -> list[Sentence]:
    """Sentences of text[start:end]: every line break ends one, and so does '. ' before a capital.

    Indexes count from `first_index`. A sentence longer than MAX_SENTENCE_CHARS
    is cut into pieces (see there).
    """
    sentences: list[Sentence] = []
    end = len(text) if end is None else end
    for line in _LINE.finditer(text, start, end):
        begin = line.start()
        for m in _SENTENCE_END.finditer(text, line.start(), line.end()):
            cut = m.end()
            if _ends_sentence(text, cut):
                _add_capped(sentences, text, begin, cut, line.start(), first_index)
                begin = cut
        _add_capped(sentences, text, begin, line.end(), line.start(), first_index)
    return sentences


def _add_capped(sentences: list[Sentence], text: str, start: int, end: int, line_start: int, first_index: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = _soft_cut(text, start, start + MAX_SENTENCE_CHARS)
        _add(sentences, text, start, cut, line_start, first_index)
        start = cut
    _add(sentences, text, start, end, line_start, first_index)


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Cut point in text[start:limit]: after its last clause break or space, else at `limit`.

    Only the second half of the window is searched, so every piece has at least
    half the maximum length and the number of pieces stays linear.
    """
    floor = start + MAX_SENTENCE_CHARS // 2
    cut = limit
    for m in _SOFT_BREAK.finditer(text, floor, limit):
        cut = m.end()
    return cut


# The fields of a form's line go on past their full stops: "Chỉ tiêu 1. Số trạm BTS. ĐVT: trạm.
# Số liệu: 1.876." is one record; its value needs its name.
_FORM_FIELD = re.compile(
    r"\s*(?:ĐVT|Đơn vị tính|Đơn vị|Số liệu|Giá trị|Kết quả|Ghi chú)\s*:", re.IGNORECASE
)


def _ends_sentence(text: str, cut: int) -> bool:
    rest = text[cut : cut + 3].lstrip()
    if not rest or not _UPPER_OR_DIGIT.match(rest):
        return False
    if _FORM_FIELD.match(text, cut):
        return False
    word = re.search(r"([^\W\d_]+)\.$", text[max(0, cut - 6) : cut])
    return not (word and word.group(1).lower() in _ABBREVIATIONS)


def _add(sentences: list[Sentence], text: str, start: int, end: int, line_start: int, first_index: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(first_index + len(sentences), start, end, text[start:end], line_start))


def clause_bounds(sentence: Sentence, pos: int) -> tuple[int, int]:
    """Absolute span of the ';'-delimited clause of `sentence` that holds `pos`."""
    start, end = sentence.start, sentence.end
    for m in re.finditer(r";", sentence.text):
        cut = sentence.start + m.start()
        if cut < pos:
            start = cut + 1
        else:
            end = cut
            break
    while start < end and text_is_space(sentence, start):
        start += 1
    return start, end


def text_is_space(sentence: Sentence, pos: int) -> bool:
    return sentence.text[pos - sentence.start].isspace()


# --- qualifiers ---------------------------------------------------------------------

_QUALIFIER = re.compile(
    r"(?:" + lexicon.alternation(lexicon.QUALIFIERS) + r"\s+)+$|" + lexicon.alternation(lexicon.QUALIFIER_SYMBOLS) + r"\s*$",
    _I,
)


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """Hedge words right before a number ("khoảng trên 560.000"): (words, their start)."""
    window = text[max(0, start - 30) : start]
    m = _QUALIFIER.search(window)
    if not m or (m.start() > 0 and window[m.start() - 1].isalpha()):
        return None, start
    return " ".join(m.group().split()), start - len(window) + m.start()


# --- administrative level ---------------------------------------------------------

_ALL_LEVELS = re.compile(lexicon.ALL_LEVELS_PATTERN, _I)
_TWO_LEVELS = re.compile(lexicon.TWO_LEVELS_PATTERN, _I)
_PROVINCE = re.compile(lexicon.PROVINCE_LEVEL_PATTERN, _I)
_DISTRICT = re.compile(lexicon.DISTRICT_LEVEL_PATTERN, _I)
_COMMUNE = re.compile(lexicon.COMMUNE_LEVEL_PATTERN, _I)
_NATIONAL = re.compile(lexicon.NATIONAL_LEVEL_PATTERN, _I)


def admin_level(segment: str, lead: str, issuer: str | None = None) -> tuple[str, str | None]:
    """Level of government a figure's own segment talks about, falling back to the lead-in,
    and where it came from: "text", or "issuer" when the text names none and the report's
    issuing body gives one (see `issuer_level`: its unnamed figures are its own)."""
    for part in (segment, lead):
        level = _level_of(part)
        if level:
            return level, "text"
    if issuer is not None:
        return issuer, "issuer"
    return "unspecified", None


def issuer_level(masthead: list[str]) -> str | None:
    """The level of the body that issues a document when its figures are of one place or one
    agency, else None: the lowest body its masthead names ("ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC" over
    "ỦY BAN NHÂN DÂN XÃ PHONG PHÚ" is the commune's), a city under the province ("UBND THÀNH PHỐ
    THÁI BÌNH") a district's, and a province's department ("SỞ Y TẾ") the province's, unless it
    leads the province's digital transformation and so reports on all of it. The motto's column
    beside it names no body."""
    lowest, department = None, False
    for line in masthead:
        body = MASTHEAD_COLUMNS.split(line.strip(), maxsplit=1)[0]
        level = _level_of(body) or ("district" if _CITY_BELOW_PROVINCE.search(body) else None)
        if level in ("province", "district", "commune"):
            lowest = level
            department = bool(_DEPARTMENT.match(body)) and not _DX_LEAD.search(body)
    if lowest == "province":
        return lowest if department else None
    return lowest


# The gap between a two-column header's columns: the issuing body's and the motto's.
MASTHEAD_COLUMNS = re.compile(r"\s{2,}|\||\t")
_CITY_BELOW_PROVINCE = re.compile(r"\bthành phố\s+(?!" + lexicon.alternation(lexicon.CENTRAL_CITIES) + r"\b)[^\W\d_]", _I)
_DEPARTMENT = re.compile(r"\s*sở\s", _I)
_DX_LEAD = re.compile(lexicon.alternation(lexicon.DX_LEAD_AGENCIES), _I)


# Pure in its text, and asked again for every figure of a sentence (the same lead-in).
@lru_cache(maxsize=4096)
def _level_of(text: str) -> str | None:
    if _ALL_LEVELS.search(text):
        return "all_levels"
    if _TWO_LEVELS.search(text):
        return "unspecified"  # two levels named together
    found = {
        name
        for name, pattern in (("province", _PROVINCE), ("district", _DISTRICT), ("commune", _COMMUNE))
        if pattern.search(text)
    }
    if len(found) == 3:
        return "all_levels"
    if len(found) == 2:
        return "unspecified"
    if found:
        return found.pop()
    if _NATIONAL.search(text):
        return "national"
    return None


# --- targets ------------------------------------------------------------------------

_TARGET_CUE = re.compile(lexicon.TARGET_CUE_PATTERN, _I)
_SUBSIDY_RATE_CUE = re.compile(lexicon.SUBSIDY_RATE_CUE_PATTERN, _I)
_BY_YEAR = re.compile(lexicon.BY_YEAR_PATTERN, _I)
_BY_YEAR_END = re.compile(lexicon.BY_YEAR_END_PATTERN, _I)
_DEADLINE_MARGIN = datetime.timedelta(days=31)
_ACTUAL_MARKER = re.compile(lexicon.word_alternation(lexicon.ACTUAL_MARKERS), _I)


def is_target(before: str, published: datetime.date | None, percent: bool = False) -> bool:
    """A plan, goal or policy rate: a cue before the figure in its clause."""
    if _TARGET_CUE.search(before) or percent and _SUBSIDY_RATE_CUE.search(before):
        return True
    for m in _BY_YEAR.finditer(before):
        if published is not None and int(m.group(1)) > published.year:
            return True
    for m in _BY_YEAR_END.finditer(before):
        if published is not None and datetime.date(int(m.group(1)), 12, 31) - published > _DEADLINE_MARGIN:
            return True
    return False


_FUTURE_AFTER = re.compile(
    r"[^,;:.()\d]{0,40}?(?P<cue>" + lexicon.word_alternation(lexicon.FUTURE_CUES_AFTER) + r")(?=\s+[^\W\d])", _I
)
_SHARE_OF_WHOLE_BEFORE = re.compile(lexicon.word_alternation(lexicon.SHARE_OF_WHOLE_WORDS) + r"\s*$", _I)


def expected_after(before: str, after: str) -> bool:
    """The figure's own phrase says its units are still expected to do what it says ("9 bản còn
    lại dự kiến có sóng ...", "... sẽ được lắp đặt"): a goal, not a result."""
    if _SHARE_OF_WHOLE_BEFORE.search(before):
        return False
    m = _FUTURE_AFTER.match(after)
    return m is not None and not states_a_result(after[: m.start("cue")])


def cue_is_an_indicator_name(before: str) -> bool:
    """Every target cue before the figure is "chỉ tiêu" (indicator, as in a results list's
    "- Chỉ tiêu tỷ lệ hồ sơ ...: 79,3%"), no goal verb."""
    cues = list(_TARGET_CUE.finditer(before))
    if cues and not before[cues[-1].end() :].strip():
        return False  # "vượt chỉ tiêu | 50% đề ra": the goal the result is held against
    if any(_HELD_AGAINST_BEFORE.search(before, 0, c.start()) for c in cues):
        return False  # "vượt chỉ tiêu năm là 80%": the goal the result is held against
    return bool(cues) and all(c.group().lower() == "chỉ tiêu" for c in cues) and _BY_YEAR.search(before) is None


_HELD_AGAINST_BEFORE = re.compile(lexicon.word_alternation(lexicon.GOAL_HELD_AGAINST) + r"\s*$", _I)


def reports_as_of_a_past_date(before: str, published: datetime.date | None) -> bool:
    """"Theo Kế hoạch, tính đến ngày 31/12/2024, toàn tỉnh có ...": a result stated as of a day
    that has passed at publication, after the last target cue of the clause."""
    if published is None:
        return False
    cues = [m.end() for m in _TARGET_CUE.finditer(before)]
    for m in _AS_OF.finditer(before):
        day, month, year = (int(g) for g in m.groups())
        try:
            stated = datetime.date(year, month, day)
        except ValueError:
            continue
        if stated <= published and (not cues or m.start() >= cues[-1]):
            return True
    return False


def states_a_result(before: str) -> bool:
    """"đã", "hiện nay", "đến nay" before a figure: a result, even inside a targets section; not
    inside the subject of a rate, where it says which units are counted ("Tỷ lệ dữ liệu đã số
    hóa được tái sử dụng đạt 50%" sets a goal for data already digitised)."""
    return bool(_ACTUAL_MARKER.search(_without_rate_subject(before)))


_RATE_OPENER = re.compile(lexicon.word_alternation(lexicon.RATE_WORDS), _I)
_STATING_VERB = re.compile(lexicon.word_alternation(lexicon.STATING_VERBS), _I)


def _without_rate_subject(before: str) -> str:
    """`before` without the subject of the rate it states, from "tỷ lệ" to the verb that states
    it; the two words right before that verb stay ("Tỷ lệ hồ sơ trực tuyến hiện đạt 62%", "...
    đến nay đạt 61%": results)."""
    openers = list(_RATE_OPENER.finditer(before))
    if not openers:
        return before
    opener = openers[-1]
    verbs = list(_STATING_VERB.finditer(before, opener.end()))
    if not verbs:
        return before
    verb = verbs[-1].start()
    words = before[opener.end() : verb].split()
    return before[: opener.start()] + " " + " ".join(words[-2:]) + " " + before[verb:]


_GOALS_ANNOUNCED = re.compile(
    r"(?:" + lexicon.word_alternation(lexicon.GOAL_DETERMINERS) + r"\s+(?:\S+\s+){0,2}?"
    + lexicon.alternation(lexicon.GOAL_NOUNS)
    + r"(?:\s+" + lexicon.alternation(lexicon.GOAL_NOUN_QUALIFIERS) + r")?"
    + r"|" + lexicon.alternation(lexicon.GOAL_NOUNS) + r"\s+" + lexicon.alternation(lexicon.GOAL_NOUN_QUALIFIERS)
    + r")\s*[.:]?\s*$",
    _I,
)


def announces_goals(sentence_text: str) -> bool:
    """A figure-less sentence that introduces a list of goals: it ends with ":" after a goal
    word, or ends on the goals themselves ("... với những mục tiêu cụ thể."). A sentence that
    only mentions a goal ("Tỉnh phấn đấu đưa chuyển đổi số thành động lực.") does not."""
    text = sentence_text.rstrip()
    if text.endswith(":"):
        return bool(_TARGET_CUE.search(text))
    return bool(_GOALS_ANNOUNCED.search(text))


# --- as-of dates ------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_OWN_NUMBER_CHARS = frozenset("0123456789.,% ")
_DAY_AFTER_ITS_DIGIT = 16  # characters a day ("30 / 9 / 2025") runs past its first digit
_AS_OF_CUE = lexicon.alternation(lexicon.AS_OF_CUES)
# A counted noun right after a day/month makes it a pair of counts: "đến 6/6 đơn vị", "10/10 huyện".
_COUNTED_NOUN_AFTER = (
    r"(?!\s+" + lexicon.word_alternation([w.rstrip("*") for words in lexicon.BASES.values() for w in words]) + r")"
)
_AS_OF = re.compile(
    _AS_OF_CUE + r"\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b",
    _I,
)
_AS_OF_WORDS = re.compile(
    r"(?:tính\s+(?:đến|tới)|đến|tới)\s+(?:hết\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", _I
)
_PERIOD_END = lexicon.alternation(lexicon.PERIOD_END_WORDS)
# "Tính đến cuối năm 2022", "hết năm 2022", "end of 2022": figures stated at 31 December.
_AS_OF_YEAR_END = re.compile(
    r"\b" + _PERIOD_END + r"\s+năm\s+((?:19|20)\d{2})\b|\bend\s+of\s+((?:19|20)\d{2})\b", _I
)
# "Đến cuối tháng 12/2020", "hết tháng 6 năm 2023", "từ tháng 6 đến tháng 9/2024", "Đến tháng 6/2024, ...":
# the last day of that month.
_AS_OF_MONTH_END = re.compile(
    r"(?:\b(?:" + _PERIOD_END + r"|tính\s+(?:đến|tới)|từ\s+tháng\s+\d{1,2}\s+(?:đến|tới)(?:\s+hết)?)"
    # "Đến tháng 6/2024, toàn huyện có ...": opening the sentence, not a deadline inside it
    r"|^\s*(?:đến|tới))"
    r"\s+tháng\s+(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)((?:19|20)\d{2})\b", _I
)
# "Đến hết quý II/2024", "cuối quý 3 năm 2023": the last day of that quarter.
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_AS_OF_QUARTER_END = re.compile(
    r"\b" + _PERIOD_END + r"\s+quý\s+(IV|I{1,3}|[1-4])\b(?:\s*[/.-]\s*|\s+năm\s+)((?:19|20)\d{2})\b", _I
)
_AS_OF_EN = re.compile(
    r"\b(?:as of|as at|until|by)\s+(?:(\d{1,2})\s+([A-Za-z]{3,9})|([A-Za-z]{3,9})\s+(\d{1,2})),?\s+((?:19|20)\d{2})", _I
)
_EN_MONTH_NAME = "(" + "|".join(sorted(lexicon.EN_MONTHS, key=len, reverse=True)) + r")\.?"
# "as of the end of February 2025": the last day of that month.
_AS_OF_EN_MONTH_END = re.compile(
    r"\b(?:as of|as at)\s+the\s+end\s+of\s+" + _EN_MONTH_NAME + r",?\s+((?:19|20)\d{2})\b", _I
)
# "As of September 30,", "as of the end of August": a day or a month's end without its year.
_AS_OF_EN_NO_YEAR = re.compile(
    r"\b(?:as of|as at)\s+(?:(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH_NAME + "|"
    + _EN_MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?|the\s+end\s+of\s+" + _EN_MONTH_NAME + r")\b(?!,?\s+(?:19|20)\d{2})",
    _I,
)
# Any mention of a time: a sentence with one states its own period.
_NOW_WORDS = r"hiện nay|đến nay|hiện tại|currently"  # "now", a time a sentence may name
_NAMES_A_TIME = re.compile(
    # a day and month, not the digits inside a pair of counts ("1.528/1.712 thôn", "129/129 xã",
    # "10/10 huyện": a counted noun after it; "(27/27)": no month)
    r"\b(?:19|20)\d{2}\b|(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])(?![\d.,]*\d)" + _COUNTED_NOUN_AFTER +
    # ... nor an English decimal ("96.5 percent", "2.9 million")
    r"(?!\s*(?:%|percent|per cent|million|billion|thousand|triệu|nghìn|tỷ))|"
    r"\b(?:tháng|quý|năm)\s+(?:\d|này|nay|qua|trước|tới)|"
    r"\b(?:" + _NOW_WORDS + r")\b",
    _I,
)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# Pure in its text; layout asks it of a block and the observations of each of its sentences.
@lru_cache(maxsize=4096)
def as_of_date(sentence_text: str) -> datetime.date | None:
    """Date a sentence's figures are stated at: an explicit day ("Tính đến ngày 26/03/2024",
    "từ ngày 1/1 đến 1/12/2022"), or the end of a named month or year ("cuối tháng 12/2020",
    "cuối năm 2022"); a bare "năm 2022" is a period, not a date."""
    if not _DIGIT.search(sentence_text):
        return None  # every as-of date has digits: most sentences end here
    # "tăng 4,2 lần so với cuối năm 2024": the time compared with is not the time stated at
    sentence_text = _without_compared_times(sentence_text)
    for pattern in (_AS_OF, _AS_OF_WORDS):
        m = pattern.search(sentence_text)
        if m:
            day, month, year = (int(g) for g in m.groups())
            return _safe_date(year, month, day)
    m = _AS_OF_EN.search(sentence_text)
    if m:
        day = m.group(1) or m.group(4)
        month = lexicon.EN_MONTHS.get((m.group(2) or m.group(3)).lower())
        if month:
            return _safe_date(int(m.group(5)), month, int(day))
    m = _AS_OF_MONTH_END.search(sentence_text)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return _month_end(year, month)
    m = _AS_OF_EN_MONTH_END.search(sentence_text)
    if m:
        return _month_end(int(m.group(2)), lexicon.EN_MONTHS[m.group(1).lower()])
    m = _AS_OF_QUARTER_END.search(sentence_text)
    if m:
        return _quarter_end(int(m.group(2)), m.group(1))
    m = _AS_OF_YEAR_END.search(sentence_text)
    if m:
        return datetime.date(int(m.group(1) or m.group(2)), 12, 31)
    return None


def _quarter_end(year: int, quarter: str) -> datetime.date:
    month = 3 * _QUARTERS[quarter.lower()]
    return _month_end(year, month)


# "Tính đến ngày 15/8", "từ ngày 1.7 - 10.9": a day and month whose year the report's
# publication date gives. Without "ngày", a counted noun after it makes it a pair of counts
# ("đã kết nối đến 6/6 đơn vị").
_AS_OF_DAY_MONTH = re.compile(
    r"(?:" + _AS_OF_CUE + r"|\btừ\s+(?:ngày\s+)?\d{1,2}[/.]\d{1,2}\s*(?:-|–|đến|tới))\s+(?:hết\s+)?"
    r"(?:ngày\s+|(?=\d{1,2}[/.]\d{1,2}(?![/.-]?\d)" + _COUNTED_NOUN_AFTER + r"))"
    r"(\d{1,2})([/.])(\d{1,2})(?![/.-]?\d)",
    _I,
)


# "Đến cuối tháng 5", "hết tháng 9", "tính đến tháng 6": the end of a month named without its year.
_AS_OF_MONTH_END_NO_YEAR = re.compile(
    r"\b(?:" + _PERIOD_END + r"|tính\s+(?:đến|tới))\s+tháng\s+(\d{1,2})\b(?!\s*[/.-]\s*\d|\s+năm\s+\d)", _I
)
# "Đến hết quý II": the end of a quarter named without its year.
_AS_OF_QUARTER_END_NO_YEAR = re.compile(
    r"\b" + _PERIOD_END + r"\s+quý\s+(IV|I{1,3}|[1-4])\b(?!\s*[/.-]\s*\d|\s+năm\s+\d)", _I
)
# "Tính đến ngày 31 tháng 8", "đến ngày 31-8": a day and month in words or with a hyphen.
_AS_OF_DAY_MONTH_MORE = re.compile(
    _AS_OF_CUE + r"\s+(?:hết\s+)?ngày\s+(\d{1,2})(?:\s+tháng\s+|\s*-\s*)(\d{1,2})\b(?!\s*(?:[/.-]\s*\d|năm\s+\d))",
    _I,
)


def as_of_in_publication_year(sentence_text: str, published: datetime.date) -> datetime.date | None:
    """The as-of date of a sentence that names its day and month but no year, in the
    publication year ("tính đến ngày 15/8" in a report of 20 September), or the end of a
    month named without its year ("đến cuối tháng 5"). A day after the publication date
    may be last year's result or this year's target: left without a date. A report
    without a publication date passes the end of the period it reports on instead
    (`report_period_end`)."""
    if not _DIGIT.search(sentence_text):
        return None
    m = _AS_OF_DAY_MONTH.search(sentence_text)
    more = _AS_OF_DAY_MONTH_MORE.search(sentence_text) if m is None else None
    quarter = _AS_OF_QUARTER_END_NO_YEAR.search(sentence_text)
    english = _AS_OF_EN_NO_YEAR.search(sentence_text) if m is None else None
    if m is not None:
        found = _safe_date(published.year, int(m.group(3)), int(m.group(1)))
    elif english is not None:
        day, month_name = english.group(1) or english.group(4), english.group(2) or english.group(3) or english.group(5)
        month = lexicon.EN_MONTHS[month_name.lower()]
        found = _safe_date(published.year, month, int(day)) if day else _month_end(published.year, month)
    elif more is not None:
        found = _safe_date(published.year, int(more.group(2)), int(more.group(1)))
    elif quarter is not None:
        found = _quarter_end(published.year, quarter.group(1))
    else:
        m = _AS_OF_MONTH_END_NO_YEAR.search(sentence_text)
        month = int(m.group(1)) if m else 0
        if not 1 <= month <= 12:
            return None
        found = _month_end(published.year, month)
    return found if found is not None and found <= published else None


# The period a report covers, as its title or lead names it: "6 tháng đầu năm 2024",
# "9 tháng năm 2023", "quý III/2024", "tháng 10 năm 2024", "năm 2023" (not "đến năm 2025",
# a plan's horizon, nor "giai đoạn 2021-2025").
_PERIOD_MONTHS = re.compile(r"\b(\d{1,2})\s+tháng\s+(?:đầu\s+)?(?:năm\s+)?((?:19|20)\d{2})\b", _I)
_PERIOD_QUARTER = re.compile(r"\bquý\s+(I{1,3}|IV|[1-4])\s*(?:/|năm\s+)\s*((?:19|20)\d{2})\b", _I)
_PERIOD_MONTH = re.compile(r"\btháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*((?:19|20)\d{2})\b", _I)
_PERIOD_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!đoạn )\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)", _I)
_TITLE_LINES = 6


def _month_of(m: re.Match[str]) -> datetime.date | None:
    month = int(m.group(1))
    return _month_end(int(m.group(2)), month) if 1 <= month <= 12 else None


# Each period and its last day, longest first.
_PERIODS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], datetime.date | None]], ...] = (
    (_PERIOD_MONTHS, _month_of),
    (_PERIOD_QUARTER, lambda m: _quarter_end(int(m.group(2)), m.group(1))),
    (_PERIOD_MONTH, _month_of),
    (_PERIOD_YEAR, lambda m: datetime.date(int(m.group(1)), 12, 31)),
)


def _period_end_of(text: str) -> datetime.date | None:
    """The last day of the first period of _PERIODS that `text` names, if any."""
    for pattern, period_end in _PERIODS:
        m = pattern.search(text)
        found = period_end(m) if m else None
        if found is not None:
            return found
    return None


def report_period_end(text: str) -> datetime.date | None:
    """The last day of the period a report covers, from the first lines (its title or
    headline and lead): what a day and month without a year belong to when the report
    gives no publication date."""
    lines = [line.strip() for line in text.split("\n", 60)[:60] if line.strip()][:_TITLE_LINES]
    return next((found for line in lines if (found := _period_end_of(line)) is not None), None)


# A sentence that opens with the period it reports ("Trong 9 tháng đầu năm 2024, ...", "Quý
# I/2025, ...", "Năm 2024, ...", "6 tháng đầu năm, ...") states its figures at the period's end,
# as a period column of a table does.
# ... or with it as the adverbial of its first clause after a source ("Theo báo cáo của Sở,
# trong quý I/2025, ...").
# a quotation may open on its period too, after its speaker ("..., cho biết: \"Riêng 9 tháng ...")
_OPENING_AT = (
    r"(?:^[\s\-–+•*\"“‘']*|^[^,;.]{0,80},\s+|^[^;.\n]{0,160}?"
    + lexicon.word_alternation(lexicon.SPEECH_VERBS) + r"\s*:?\s*[\"“])"
)
_OPENING = _OPENING_AT + r"(?:cũng\s+)?(?:" + lexicon.alternation(lexicon.PERIOD_OPENERS) + r"\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"


def _months_end(m: re.Match[str], year: int) -> datetime.date | None:
    month = int(m.group("n"))
    return _month_end(year, month) if 1 <= month <= 12 else None


def _months_end_en(m: re.Match[str], year: int) -> datetime.date | None:
    n = m.group("n").lower()
    month = int(n) if n.isdigit() else lexicon.EN_MONTH_COUNTS[n]
    return _month_end(year, month) if 1 <= month <= 12 else None


# (pattern, the period's end from its match and year): "9 tháng đầu năm 2024", "quý I/2025",
# "năm 2024", "tháng 8/2025"; a period named without its year is in the publication year.
# ... and a list intro that ends on its period ("Kết quả 9 tháng năm 2025 như sau:")
_PERIOD_TAIL = r"\s*(?:(?:cụ thể\s+)?như sau|cụ thể|sau đây)?\s*[,:]"
_OPENING_PERIODS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], int], datetime.date | None]], ...] = (
    (re.compile(_OPENING + r"(?P<n>\d{1,2})\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s+" + _YEAR + r")?" + _PERIOD_TAIL, _I),
     _months_end),
    (re.compile(_OPENING + r"quý\s+(?P<q>I{1,3}|IV|[1-4])(?:\s*(?:/|năm\s+)\s*" + _YEAR + r")?" + _PERIOD_TAIL, _I),
     lambda m, year: _quarter_end(year, m.group("q"))),
    (re.compile(_OPENING + r"năm\s+" + _YEAR + _PERIOD_TAIL, _I), lambda m, year: datetime.date(year, 12, 31)),
    (re.compile(_OPENING + r"tháng\s+(?P<n>\d{1,2})\s*(?:/|năm\s+)\s*" + _YEAR + _PERIOD_TAIL, _I), _months_end),
    # "In the first nine months,", "After nine months of 2025,"
    (re.compile(
        _OPENING_AT + r"(?:in|during|over|after|for)\s+(?:the\s+)?(?:first\s+)?(?P<n>\d{1,2}|"
        + lexicon.alternation(lexicon.EN_MONTH_COUNTS) + r")\s+months(?:\s+of\s+(?:this\s+year|the\s+year|" + _YEAR
        + r"))?\s*,", _I),
     _months_end_en),
)

_PERIOD_REACH = datetime.timedelta(days=62)  # an annual report signed in December reports its year
# A news dateline before the lead's first words: "BKG - Trong 9 tháng ...", "(Chinhphu.vn) - ...".
_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,40}\)|[^\s,;.()]+(?:\s[^\s,;.()]+){0,3})\s*[-–]\s+")


# "Chính quyền số: trong năm 2024, ...": a topic named before a colon, words only, a few of them
_TOPIC_LABEL = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,5}\s*:\s+")


def _past_topic_label(text: str) -> str:
    """`text` past the topic it opens with, when a colon closes it: the sentence opens after it."""
    m = _TOPIC_LABEL.match(text)
    return text[m.end():] if m else text


def _past_dateline(text: str) -> str:
    m = _DATELINE.match(text)
    if m is None:
        return text
    name = m.group().strip(" -–")
    return text[m.end():] if name.startswith("(") or name.isupper() else text


# "(số liệu tính đến ngày 30/11/2025)", "Số liệu trong báo cáo được tổng hợp đến hết ngày
# 15/6/2025" (or "đến hết tháng 11/2025": its last day), "(số liệu từ ngày 01/01 đến ngày 20/9/2025)", "Kỳ báo cáo: từ ngày 15/12/2024 đến
# ngày 14/12/2025": the day a report's data stop at. The date follows the words at once; "mạng
# truyền số liệu" is a network, not the report's data.
_CUT_OFF_STARTS = r"(?=(?:tính\s+|tổng hợp\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+|tháng\s+)?\d|từ\s+(?:ngày\s+)?\d)"
_DATA_CUT_OFF = re.compile(
    # up to eight words between: "Số liệu trong báo cáo được tổng hợp tính đến ngày 15/12/2024"
    r"(?<!truyền )\b(?:" + lexicon.alternation(lexicon.DATA_WORDS) + r")(?:\s+[^\W\d]+){0,8}?\s*:?\s+" + _CUT_OFF_STARTS,
    _I,
)
_CUT_OFF_REACH = 48  # characters after the words that hold the date ("từ ngày 01/01/2025 đến ngày 20/9/2025")
# "UBND xã báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số từ ngày 01/01/2025 đến ngày
# 10/6/2025 như sau:": the sentence that opens the results says the day they stop at.
_REPORTED_UNTIL = re.compile(
    r"\b(?:" + lexicon.alternation(lexicon.REPORTING_VERBS) + r")\b[^.;:()]{0,120}?\s" + _CUT_OFF_STARTS, _I
)
_AS_FOLLOWS_END = re.compile(r"\b" + lexicon.alternation(lexicon.AS_FOLLOWS) + r"\s*:\s*$", _I)


def data_cut_off(text: str, year_of: datetime.date | None) -> datetime.date | None:
    """The day a statement about the report's data ("số liệu tính đến ...", or the sentence
    that reports the results "tính đến ngày ... như sau:") dates them to, when it is not after
    the publication date."""
    m = _DATA_CUT_OFF.search(text)
    if m is None and _AS_FOLLOWS_END.search(text):
        m = _REPORTED_UNTIL.search(text)
    if m is None:
        return None
    stated = re.split(r"[();:]", text[m.end() : m.end() + _CUT_OFF_REACH], maxsplit=1)[0]
    found = as_of_date(stated)
    if found is None and year_of is not None:
        found = as_of_in_publication_year(stated, year_of)
    if found is None or year_of is not None and found > year_of:
        return None
    return found


# A period a sentence names after its opening: "... chiếm 99% trong quý I/2025", "ngăn chặn 1,2
# triệu lượt tấn công trong 11 tháng năm 2024" (a period of _PERIODS after "trong"); or the year of the measure it states, right
# before the verb that links it to the figure: "Tỷ lệ hồ sơ trực tuyến năm 2024 đạt 62,4%".
_WITHIN = re.compile(r"\btrong\s+", _I)  # "trong quý I/2025": the period of the clause
_YEAR_OF_MEASURE = re.compile(
    r"(?:\b(?P<n>\d{1,2})\s+tháng(?:\s+đầu)?\s+|\b)năm\s+" + _YEAR
    + r"(?:\s+(?:của|toàn)\s+[^\d,;.()]{1,40}?)?\s+(?:" + lexicon.alternation(lexicon.STATING_VERBS)
    + r")\s*(?:" + lexicon.alternation(lexicon.QUALIFIERS) + r"\s+)?$",
    _I,
)
_RANKED_BEFORE = re.compile(lexicon.word_alternation(lexicon.RANKING_WORDS) + r"\s*$", _I)
_MEASURE_REACH = 160  # characters before a figure that "năm 2024 ... đạt" may span


def named_period_end(sentence_text: str, at: int, year_of: datetime.date | None) -> datetime.date | None:
    """The end of a period the sentence names after its opening (`at`: where the figure
    starts in it), when that period is over by the publication date: the year of the measure
    right before the figure, else a "trong <period>" anywhere in its ';'-clause."""
    if year_of is None:
        return None
    text = _without_compared_times(sentence_text)
    found: datetime.date | None = None
    m = _YEAR_OF_MEASURE.search(text, max(0, at - _MEASURE_REACH), at)
    if m:
        found = _months_end(m, int(m.group("year"))) if m.group("n") else datetime.date(int(m.group("year")), 12, 31)
    else:
        start = text.rfind(";", 0, at) + 1
        end = text.find(";", at)
        end = len(text) if end == -1 else end
        for within in _WITHIN.finditer(text, start, end):
            named = next(((m, f) for p, f in _PERIODS if (m := p.match(text, within.end(), end))), None)
            if named is None:
                continue
            if not _RANKED_BEFORE.search(text, 0, within.start()):
                # not "cao nhất trong năm 2024": the period of a ranking, not of the figure
                found = named[1](named[0])
            break
    if found is None or found - year_of > _PERIOD_REACH:
        return None
    return found


def within_cut_off(period_end: datetime.date | None, cut_off: datetime.date | None) -> datetime.date | None:
    """The end of a period a figure is stated for, or the day the report's data stop at when that
    day falls inside the period: "Năm 2024, Sở tiếp nhận 6.842 hồ sơ" in a report whose data
    stop at 15/12/2024 counts them up to that day, not to 31 December. Only a period's end (a
    month's last day) gives way; a day a sentence names is its own."""
    if period_end is None or cut_off is None or not cut_off < period_end:
        return period_end
    month_end = (period_end + datetime.timedelta(days=1)).day == 1
    return cut_off if month_end and cut_off.year == period_end.year else period_end


def period_as_of(text: str, year_of: datetime.date | None, opening: bool = True) -> datetime.date | None:
    """The end of the period `text` reports on: one it opens with (a sentence), or, with
    `opening` False, one it names anywhere (a table's caption, a heading: "Biểu 1. Trạm BTS
    theo xã (quý I/2025)"). A period that ends well after the publication date is a plan's,
    not a result's: none."""
    found: datetime.date | None = None
    if not opening:
        # "tăng 46 trạm so với cuối năm 2023" names the time compared with, not the period
        found = report_period_end(_COMPARED_TIME.sub(_blank, text))
    lead = _past_topic_label(_past_dateline(text)) if opening else text
    for pattern, period_end in _OPENING_PERIODS if opening else ():
        m = pattern.match(lead)
        if m and (m.group("year") or year_of):
            found = period_end(m, int(m.group("year")) if m.group("year") else year_of.year)  # type: ignore[union-attr]
            if found is not None:
                break
    if found is None or year_of is not None and found - year_of > _PERIOD_REACH:
        return None
    return found


# The time a figure is compared with is not the time the sentence states its figures at:
# "đạt 14,3 triệu, gấp 1,6 lần năm 2023", "tăng 10% so với cùng kỳ năm 2023", "tăng 22,7% so
# với quý IV năm 2024", "so với 6 tháng đầu năm 2023", "bằng 127% so với cùng kỳ năm trước".
# The words that compare with a time: "so với", "gấp 1,6 lần", "cao hơn".
_COMPARING = r"so với|gấp\s+[\d.,]+\s+lần|(?:cao|thấp|nhiều|ít)\s+hơn"
_COMPARED_TIME = re.compile(
    # ("cùng kỳ" right after a figure names the period compared with by itself: "bằng 128% cùng
    # kỳ năm 2024"; opening the sentence, it is the time of its figures: "Cùng kỳ năm 2023, ...")
    r"(?:(?:" + _COMPARING + r"|compared (?:to|with))\s+(?:thời điểm\s+)?(?:cùng kỳ\s+|cuối\s+|đầu\s+|hết\s+|ngày\s+)?"
    r"|(?<=[\w%]\s)cùng kỳ\s+)"
    r"(?:(?:(?:quý\s+(?:[IV]+|\d)|\d{1,2}\s+tháng(?:\s+đầu)?)\s*(?:/\s*|năm\s+)?|năm|tháng|quý)?\s*[\d/]*(?:19|20)\d{2}"
    r"|(?:năm|tháng|quý)\s+(?:trước|ngoái))",
    _I,
)


# A time that dates one figure of a sentence, not all of them: the start of a change ("tăng
# từ 1.790 trạm cuối năm 2022 lên 1.912 trạm", "từ 66% năm 2022 lên 78,6%") or an earlier value
# in brackets ("Có 1.452 cơ sở (cuối năm 2024 là 1.380)", "(năm 2023: 1.120 điểm)"), also
# right after the time it is compared with ("tăng 2,3 lần so với năm 2022 (540 camera)").
_ONE_TIME = (
    r"(?:(?:cuối|hết)\s+)?(?:\d{1,2}\s+tháng(?:\s+đầu)?\s+năm\s+(?:19|20)\d{2}"
    r"|quý\s+(?:I{1,3}|IV|[1-4])\s*(?:/|năm\s+)\s*(?:19|20)\d{2}"
    r"|tháng\s+\d{1,2}\s*(?:/|năm\s+)\s*(?:19|20)\d{2}|năm\s+(?:19|20)\d{2})\b"
)
# "từ 1.790 trạm", "từ mức 66%": the figure a change starts from, and the words of its unit
_CHANGE_START = r"\btừ\s+(?:mức\s+)?(?P<figure>\d[\d.,]*)(?:\s*%|\s+[^\W\d][^\d;()]{0,40}?)?"
_CHANGE_END = r"\s+(?:mức\s+)?\d"  # "lên 1.912", "lên mức 78,6%"
_CHANGE_FROM = re.compile(
    _CHANGE_START + r"\s+(?P<time>" + _ONE_TIME + r")\s*,?\s+(?:lên|xuống|đến|tới)" + _CHANGE_END, _I
)
_FIGURE_TIMES = (
    _CHANGE_FROM,
    re.compile(
        r"\(\s*(?:cùng kỳ\s+)?(?P<time>" + _ONE_TIME + r")\s*(?:là|:|đạt|có)\s*(?P<figure>\d[\d.,]*)", _I
    ),
    re.compile(
        r"(?:" + _COMPARING + r")\s+(?:cùng kỳ\s+)?(?P<time>" + _ONE_TIME
        + r")\s*\(\s*(?:là\s+|đạt\s+|:\s*)?(?P<figure>\d[\d.,]*)",
        _I,
    ),
)


# A series of figures each printed with its own year ("gồm 26 lớp năm 2021, 28 lớp năm 2022,
# 30 lớp năm 2023", "lên 71,9% năm 2023 và 83,1% năm 2024"): each year dates the figure before
# it, its units between them; not a plan's or a comparison's words ("95% kế hoạch năm 2024").
_UNIT_WORD = r"(?!(?:so|với|cùng|kỳ|kế|chỉ|mục|đến|tới|từ|trong|của|vào|cả|trước|sau)\b)[^\W\d_]+"
_BESIDE_ITS_YEAR = re.compile(
    r"(?P<figure>(?<![\d.,])\d[\d.,]*)(?:\s*%|(?:\s+" + _UNIT_WORD + r"){1,3}?)?\s+"
    r"(?P<time>(?:(?:cuối|hết)\s+)?năm\s+(?P<year>(?:19|20)\d{2}))\b(?!\s*[-–/]\s*\d)",
    _I,
)


def _series_of_years(sentence_text: str) -> list[re.Match[str]]:
    """The figures of `sentence_text` printed with their own year, when two years or more are so
    printed (one year beside one figure may be the whole sentence's)."""
    found = list(_BESIDE_ITS_YEAR.finditer(sentence_text))
    return found if len({m.group("year") for m in found}) >= 2 else []


# ... and a change listed after one whose start is dated, its own start left undated: "tăng từ
# 65,8% năm 2023 lên 72,4%; tỷ lệ ... tăng từ 81,5% lên 86,3%" starts in 2023 too.
_CHANGE_FROM_UNDATED = re.compile(_CHANGE_START + r"\s*,?\s+(?:lên|xuống)" + _CHANGE_END, _I)


@lru_cache(maxsize=1024)
def _undated_change_starts(sentence_text: str) -> tuple[int, ...]:
    """Where the changes of `sentence_text` that name no time of their own start."""
    return tuple(m.start("figure") for m in _CHANGE_FROM_UNDATED.finditer(sentence_text))


@lru_cache(maxsize=1024)
def _figure_times(sentence_text: str) -> tuple[tuple[int, int, int, datetime.date | None], ...]:
    """(where the figure starts, where its time starts and ends, the time's last day) for each
    time of `sentence_text` that dates one figure only."""
    found = []
    for pattern in _FIGURE_TIMES:
        for m in pattern.finditer(sentence_text):
            time = m.group("time")
            found.append((m.start("figure"), m.start("time"), m.end("time"), _period_end_of(time)))
    for m in _series_of_years(sentence_text):
        found.append((m.start("figure"), m.start("time"), m.end("time"), _period_end_of(m.group("time"))))
    change_starts = [(m.start("figure"), _period_end_of(m.group("time"))) for m in _CHANGE_FROM.finditer(sentence_text)]
    dated = {figure for figure, _, _, _ in found}
    for start in _undated_change_starts(sentence_text):
        earlier = [end for figure, end in change_starts if figure < start]
        if earlier and start not in dated:
            found.append((start, 0, 0, earlier[-1]))  # no time of its own to blank
    return tuple(found)


# The set a sentence opens on, up to the figure that counts it: "Trong tổng số | 1.644 dịch vụ, ...",
# "Trong | 5 máy ép kiện, 3 máy ...": the figures after it are taken out of it.
OPENS_ON_A_SET = re.compile(r"\W*" + lexicon.word_alternation(lexicon.OUT_OF_A_SET_OPENERS) + r"\s*$", _I)


_SAME_TIME_AGAIN = re.compile(
    r"\W*(?:" + lexicon.word_alternation(lexicon.SAME_TIME_TOPIC_OPENERS) + r"\s[^,.;:]{1,60},\s*)?"
    r"(?:" + lexicon.word_alternation(lexicon.SAME_TIME_ALSO) + r"\s+)?" + lexicon.word_alternation(lexicon.SAME_TIME_AGAIN), _I
)


def points_back_to_the_last_cut_off(sentence_text: str) -> bool:
    """The sentence opens on words that say it is stated at the cut-off stated last ("Cũng đến
    thời điểm này, ...", "Về Đề án 06, tính đến cùng ngày, ...")."""
    return _SAME_TIME_AGAIN.match(sentence_text) is not None


def starts_an_undated_change(sentence_text: str, at: int) -> bool:
    """The figure at `at` is where a change starts ("tăng từ 71,2% lên 82,6%") and no time says
    when: the time the sentence states its figures at is the end of the change, not its start."""
    return at in _undated_change_starts(sentence_text) and figure_time(sentence_text, at) is None


def figure_time(sentence_text: str, at: int) -> datetime.date | None:
    """The time that dates the figure starting at `at` alone (`_FIGURE_TIMES`), if any."""
    return next((end for figure, _, _, end in _figure_times(sentence_text) if figure == at), None)


@lru_cache(maxsize=1024)
def _without_compared_times(sentence_text: str) -> str:
    """`sentence_text` with the times it compares with, and those that date one figure only,
    blanked out, positions kept (asked once per figure of the sentence)."""
    text = _COMPARED_TIME.sub(_blank, sentence_text)
    return blank_spans(text, [(start, end) for _, start, end, _ in _figure_times(sentence_text)])


def _blank(m: re.Match[str]) -> str:
    """A match turned to spaces, for `re.sub`: positions are kept."""
    return " " * len(m.group())


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span turned to spaces, so that positions are kept."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# "Đến năm 2025, ... phấn đấu 80%", "Mục tiêu năm 2026: ...", "... đạt 90% vào năm 2030": a year
# a target is set for; not a span ("năm 2021-2025").
# "Từ nay đến cuối năm, ... phấn đấu 80%": the year it is published in.
_TARGET_YEAR = re.compile(
    # a day the goal is due by: "trước ngày 30/6/2025", "chậm nhất đến ngày 31/3/2025"
    r"\b(?:trước|đến|tới|hết)\s+(?:hết\s+)?ngày\s+(?P<day>[0-3]?\d\s*/\s*(?:1[0-2]|0?[1-9])\s*/\s*(?:19|20)\d{2})\b"
    r"|\btháng\s+(?P<month>1[0-2]|0?[1-9])\s*(?:/\s*|năm\s+)(?P<of_year>(?:19|20)\d{2})\b"
    r"|\bnăm\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)"
    r"|(?P<this_year>\b(?:cuối|hết)\s+năm(?:\s+nay)?\b(?!\s*(?:ngoái|trước|qua|\d))|\bnăm\s+nay\b"
    r"|\b(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b|\byear[-\s]end\b|\bthis\s+year\b)",
    _I,
)


_DIGIT = re.compile(r"\d")
_AND_NEXT = re.compile(r"\s*" + lexicon.word_alternation(lexicon.LIST_CLOSERS), _I)


def _closes_an_aim(text: str, m: re.Match[str]) -> bool:
    return bool(m.group("day")) and _AND_NEXT.match(text, m.end()) is not None


def _day_closing_own_aim(text: str, at: int, end: int) -> re.Match[str] | None:
    """The day that closes the aim of the figure at `at` before "và": it holds the first digit
    after the figure's own number (another figure before it would own the day). Only that
    short stretch is searched, so a long clause costs nothing more per figure."""
    start = at
    while start < end and text[start] in _OWN_NUMBER_CHARS:
        start += 1
    digit = _DIGIT.search(text, start, end)
    if digit is None:
        return None
    window = min(end, digit.start() + _DAY_AFTER_ITS_DIGIT)
    m = _TARGET_YEAR.search(text, start, window)
    while m is not None and m.end() <= digit.start():
        m = _TARGET_YEAR.search(text, m.end(), window)
    if m is None or m.start() > digit.start() or not _closes_an_aim(text, m):
        return None
    return m


def target_deadline(
    sentence_text: str, at: int, clause: tuple[int, int], published: datetime.date | None,
    own_clause_only: bool = False,
) -> datetime.date | None:
    """The end of the year (or month: "đến tháng 12/2024"), or the day ("trước ngày 30/6/2025"),
    a target is set for: the one its clause names, the last before the figure first ("đến năm
    2026 kết nối 8.000 camera; 100% khu công nghiệp có 5G trong năm 2025"), else the last an
    earlier clause names; not a year compared with ("so với năm 2024") nor one before the
    publication year. A day that closes an aim before "và" ("100% bệnh viện triển khai bệnh án
    điện tử trước ngày 30/9/2025 và 80% ...") is that aim's, not the next one's.
    `own_clause_only`: only a deadline the clause names before the figure (or closes its aim)."""
    text = _without_compared_times(sentence_text)
    before = [m for m in _TARGET_YEAR.finditer(text, clause[0], at) if not _closes_an_aim(text, m)]
    own_closing = _day_closing_own_aim(text, at, clause[1])
    if own_closing is not None and not before:
        found = own_closing
    elif own_clause_only:
        found = before[-1] if before else None
    else:
        earlier = list(_TARGET_YEAR.finditer(text, 0, clause[0]))
        found = before[-1] if before else _TARGET_YEAR.search(text, at, clause[1]) or (earlier[-1] if earlier else None)
    if found is None:
        return None
    if found.group("day"):
        due = parse_date(found.group())
        return None if due is None or published is not None and due.year < published.year else due
    if found.group("this_year"):
        if published is None:
            return None
        year, month = published.year, 12
    elif found.group("year"):
        year, month = int(found.group("year")), 12
    else:
        year, month = int(found.group("of_year")), int(found.group("month"))
    if published is not None and year < published.year:
        return None
    return _month_end(year, month)


def names_only_now(sentence_text: str) -> bool:
    """The only time the sentence names is now ("Đến nay, 100% trường có cáp quang"): in a
    report whose data stop at a stated day, that day."""
    return names_a_time(sentence_text) and not names_a_time(_NOW.sub(" ", sentence_text))


_NOW = re.compile(r"\b(?:tính\s+)?(?:tới nay|" + _NOW_WORDS + r")\b", _I)


def names_only_the_year_of(sentence_text: str, cut_off: datetime.date) -> bool:
    """The only time the sentence names is the whole year the report's data stop in ("Năm 2024 tổ
    chức 46 lớp ..." in a report of data to 30/11/2024): its figures are at that day, as a
    "Năm 2024, ..." opening is (`within_cut_off`)."""
    year = _whole_year(cut_off.year)
    return bool(year.search(sentence_text)) and not names_a_time(year.sub(" ", sentence_text))


@lru_cache(maxsize=16)
def _whole_year(year: int) -> re.Pattern[str]:
    return re.compile(rf"\b(?:trong\s+|cả\s+)?năm\s+{year}\b", _I)


def names_a_time(sentence_text: str) -> bool:
    """The sentence states its own time (a year, a date, "tháng này", "hiện nay"); the time of
    a comparison ("so với năm 2023") is none."""
    return bool(_NAMES_A_TIME.search(without_since(_without_compared_times(sentence_text))))


def without_since(text: str) -> str:
    """`text` with the times something began ("vận hành từ tháng 5/2023") blanked, positions kept:
    they name no time its figures stand at."""
    return _SINCE_A_TIME.sub(_blank, text)


# "đưa vào khai thác từ tháng 10/2024": when something began, no time its figures stand at
# (not a span: "từ tháng 1 đến tháng 6/2024")
_SINCE_A_TIME = re.compile(
    r"\b(?:(?:kể\s+)?từ|since)\s+(?:ngày\s+\d{1,2}\s*/\s*|tháng\s+|quý\s+(?:[IV]+|\d)\s*/\s*|năm\s+)?"
    r"(?:\d{1,2}\s*/\s*)?(?:19|20)\d{2}\b(?!\s*(?:đến|tới|[-–]))",
    _I,
)


def names_a_time_of(sentence_text: str, offset: int) -> bool:
    """`names_a_time` for the figure at `offset`: when something the sentence goes on to say is
    still to be done is expected ("Có 7/9 bệnh viện ...; còn 2 bệnh viện đang hoàn thiện, dự
    kiến hoàn thành trong quý II/2025") is no time of a figure before it."""
    return names_a_time(sentence_text[:offset] + _PLANNED_TIME.sub(" ", sentence_text[offset:]))


# "dự kiến" (expected) to the end of its clause: when what is not yet done will be
_PLANNED_TIME = re.compile(r"\b(?:dự kiến|expected to|scheduled to)\b[^;.]*", _I)


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- subject ------------------------------------------------------------------------

_SUBJECT_STOP = re.compile(
    r"[;:()\[\]]|[.!?](?:\s|$)|,\s*(?:trong đó|bao gồm|gồm|với|đạt|chiếm|tăng|giảm|góp phần|qua đó|"
    r"of which|including|with|reaching|up)\b|\s(?:với tổng|với|đạt|chiếm|so với)\s",
    _I,
)


def subject_after(text: str, pos: int, limit: int) -> str:
    """Noun phrase after a figure, cut at the next figure, clause break or 12 words."""
    window = text[pos:limit]
    m = _SUBJECT_STOP.search(window)
    if m:
        window = window[: m.start()]
    words = window.split()[:12]
    return " ".join(words).strip(" ,.-–")


# --- channels ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def channel_index() -> KeywordIndex[str]:
    """The ways a dossier comes in: online, or another (in person, by post)."""
    entries = [(w, "online") for w in lexicon.PART_CHANNELS_ONLINE] + [(w, "other") for w in lexicon.PART_CHANNELS_OTHER]
    return KeywordIndex(entries)


def channel_of(own: str) -> tuple[str, str] | None:
    """The one kind of channel ("online" or "other") a part's own words name, with the word."""
    found = channel_index().find(Text(own))
    kinds = {m.payload for m in found}
    return (found[0].payload, found[0].keyword) if len(kinds) == 1 else None
