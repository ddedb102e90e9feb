"""Find calendar dates in Vietnamese and English report text.

Portals write dates many ways: `26/03/2024`, `Thứ ba 11/12/2018 06:00`,
`03-06-2020`, `31-8-2024`, ISO `2024-08-14`, `date 2022-11`, `7 March 2023`,
`ngày 16 tháng 5 năm 2021`, `tháng 10/2023`, `năm 2022`. Numeric dates are read
day-first, the Vietnamese (and British) convention; month-first US dates are not
used by the provincial portals, so `03/06/2020` is 3 June.

A mention without a year (`ngày 2.9`, `Chiều 19.9`) is skipped: guessing the year
would invent data. Impossible dates (`31/02/2024`) are rejected, not clamped.
Month- and year-precision mentions carry the first day of the period as `value`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from dagster_project.extraction.lexicon import EN_MONTHS

DAY = "day"
MONTH = "month"
YEAR = "year"

# Plausible years for reports about IT application; bounds keep counts such as
# "1.587" or "3000" from being read as years.
_MIN_YEAR = 1945
_MAX_YEAR = 2100

# English month names and abbreviations, longest first (one alternation for every reader)
EN_MONTH_NAMES = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_EN_MONTH = r"(?P<mname>" + EN_MONTH_NAMES + r")\.?"

# Digits must not continue a longer number on either side ("1.587.000",
# "2021-2025"), hence the look-arounds on every numeric pattern.
_NB = r"(?<![\d.,/-])"
_NA = r"(?![\d]|[.,/-]\d)"
_YEAR4 = r"(?P<y>(?:19|20|21)\d\d)"


@dataclass(frozen=True)
class DateMention:
    """A date found in text: `text[start:end]` is the whole expression."""

    start: int
    end: int
    value: datetime.date
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    precision: str
    build: Callable[[re.Match[str]], datetime.date | None]


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 31/02, month 13, ...
        return None


def _dmy(m: re.Match[str]) -> datetime.date | None:
    return _make_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _my(m: re.Match[str]) -> datetime.date | None:
    return _make_date(int(m["y"]), int(m["m"]), 1)


def _y(m: re.Match[str]) -> datetime.date | None:
    return _make_date(int(m["y"]), 1, 1)


def _en_dmy(m: re.Match[str]) -> datetime.date | None:
    return _make_date(int(m["y"]), EN_MONTHS[m["mname"].lower()], int(m["d"]))


def _en_my(m: re.Match[str]) -> datetime.date | None:
    return _make_date(int(m["y"]), EN_MONTHS[m["mname"].lower()], 1)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Ordered by priority: a longer, more precise reading wins an overlap, so
# "ngày 16 tháng 5 năm 2021" is one day mention, not a month plus a year.
_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        _compile(r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+năm\s+" + _YEAR4 + r"(?!\d)"),
        DAY,
        _dmy,
    ),
    # "ngày 2/9 năm 2023": a day.month that only has its year in words.
    _Pattern(
        _compile(_NB + r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2}),?\s+năm\s+" + _YEAR4 + r"(?!\d)"),
        DAY,
        _dmy,
    ),
    # 26/03/2024, 03-06-2020, 31-8-2024, 2.9.2023: one separator used twice.
    _Pattern(
        _compile(_NB + r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)" + _YEAR4 + _NA),
        DAY,
        _dmy,
    ),
    _Pattern(
        _compile(_NB + _YEAR4 + r"-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _NA),
        DAY,
        _dmy,
    ),
    _Pattern(
        _compile(r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH + r",?\s+" + _YEAR4 + r"(?!\d)"),
        DAY,
        _en_dmy,
    ),
    _Pattern(
        _compile(r"(?<![\w])" + _EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR4 + r"(?!\d)"),
        DAY,
        _en_dmy,
    ),
    _Pattern(
        _compile(r"\btháng\s+(?P<m>\d{1,2})(?:\s*[/.-]\s*|,?\s+năm\s+)" + _YEAR4 + r"(?!\d)"),
        MONTH,
        _my,
    ),
    # ISO year-month ("date 2022-11"); a two-digit month keeps "2021-2025"
    # (a range of years) out.
    _Pattern(
        _compile(_NB + _YEAR4 + r"-(?P<m>0[1-9]|1[0-2])" + _NA),
        MONTH,
        _my,
    ),
    _Pattern(
        _compile(r"(?<![\w])" + _EN_MONTH + r",?\s+" + _YEAR4 + r"(?!\d)"),
        MONTH,
        _en_my,
    ),
    _Pattern(_compile(r"\bnăm\s+" + _YEAR4 + r"(?![\d]|[.,]\d)"), YEAR, _y),
)


def _candidates(text: str) -> Iterator[DateMention]:
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(text):
            value = pattern.build(match)
            if value is not None:
                yield DateMention(match.start(), match.end(), value, pattern.precision)


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in `text`, in reading order, without overlaps."""
    accepted: list[DateMention] = []
    for mention in _candidates(text):
        if all(mention.end <= other.start or mention.start >= other.end for other in accepted):
            accepted.append(mention)
    return sorted(accepted, key=lambda mention: mention.start)


def parse_date(s: str) -> datetime.date | None:
    """The date a short string such as `Thứ ba 11/12/2018 06:00` names, else None.

    The most precise mention wins (a day beats a month beats a year), so a
    publication line "tháng 10/2023, ngày 03/10/2023" gives the day.
    """
    mentions = find_dates(s)
    if not mentions:
        return None
    rank = {DAY: 0, MONTH: 1, YEAR: 2}
    best = min(mentions, key=lambda mention: (rank[mention.precision], mention.start))
    return best.value


# Dates that portals and papers put in an article's address. Only the shapes a site's
# software writes: a path segment of the day ("/Pages/2025-04-10/...", "/2025/03/18/...") or
# an article id that opens with the day and its clock time ("...-20250303081530123.htm").
# A date in the slug of a title ("...-den-31-3-2025-...") is the title's date, often a
# cut-off, and is not read.
_URL_DAY_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<y>20\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?=/)"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"[-/_](?P<y>20\d{2})(?P<m>\d{2})(?P<d>\d{2})(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\d{0,9}\.[a-z]{2,5}$"),
)


def date_from_url(url: str) -> datetime.date | None:
    """The day an article's address says it was posted on, else None."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DAY_PATTERNS:
        match = pattern.search(path)
        if match:
            value = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if value is not None:
                return value
    return None
