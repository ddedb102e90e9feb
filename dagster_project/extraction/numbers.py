"""Read numbers as Vietnamese and English reports write them.

Vietnamese groups thousands with '.' and marks decimals with ',' (`10.368`,
`103,78`); English does the opposite (`12,560`, `81.3`). Reports mix both, so
every reading takes the report language as context and looks at the shape of
the digit groups. No Dagster or database imports: plain functions only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dagster_project.extraction.lexicon import DECIMAL_CONTEXT_WORDS, EN_STOPWORDS, SCALE_WORDS

Lang = Literal["vi", "en"]

# Letters that only Vietnamese uses (tone marks and the extra vowels / đ).
_VI_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")

# A digit run with optional '.'/',' groups. The left guard keeps us from starting
# inside a longer digit run; separators must be followed by a digit, so the comma
# of "21 Sở, ban" or the full stop ending a sentence is not swallowed.
NUMBER_RE = re.compile(r"(?<![\d])\d+(?:[.,]\d+)*")

# Words after which a Vietnamese "1,672" is a decimal, not 1672.
_DECIMAL_CONTEXT = frozenset(DECIMAL_CONTEXT_WORDS)

# Scale words; never across a line break (hence [ \t]).
_MULTIPLIERS: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(r"[ \t]*" + pattern, re.IGNORECASE), factor) for pattern, factor in SCALE_WORDS
)


@dataclass(frozen=True)
class NumberToken:
    """A digit run found in the text, read in the report's language."""

    start: int
    end: int
    raw: str
    value: float


def detect_language(text: str) -> Lang:
    """Guess the report language: English when its stop-words outnumber Vietnamese letters."""
    words = _WORD.findall(text.lower())
    if not words:
        return "vi"
    english = sum(1 for w in words if w in EN_STOPWORDS)
    vietnamese = sum(1 for w in words if _VI_LETTERS.search(w))
    return "en" if english > vietnamese else "vi"


def parse_number(raw: str, lang: Lang = "vi", next_word: str = "") -> float | None:
    """Value of one digit run such as "10.368", "96,89", "12,560" or "1.234,5".

    `next_word` is the word after the number: a measure unit ("1,672 km") keeps a
    Vietnamese comma-and-three-digits as a decimal. Returns None for shapes that
    are no single number (e.g. "1.2.3").
    """
    if raw.isdigit():
        return float(raw)
    groups = re.split(r"[.,]", raw)
    seps = re.findall(r"[.,]", raw)
    if len(set(seps)) == 2:
        return _parse_mixed(raw, seps)
    sep = seps[0]
    head, tails = groups[0], groups[1:]
    if len(tails) > 1:
        # Several groups of one separator can only be thousands: "7,197,870".
        if all(len(t) == 3 for t in tails):
            return float("".join(groups))
        return None
    tail = tails[0]
    if _is_thousands(sep, head, tail, lang, next_word):
        return float(head + tail)
    return float(f"{head}.{tail}")


def _is_thousands(sep: str, head: str, tail: str, lang: Lang, next_word: str) -> bool:
    """Decide whether one separator before `tail` groups thousands."""
    if len(tail) != 3 or head.startswith("0"):
        return False
    if lang == "en":
        return sep == ","
    if sep == ".":
        return True
    # Vietnamese text with "340,656": an English-formatted copy when the head is
    # large (no one writes 340.656 units with three decimals) or the next word
    # counts discrete things; a measure unit keeps it decimal ("1,672 km").
    if next_word.lower() in _DECIMAL_CONTEXT:
        return False
    return int(head) >= 100


def _parse_mixed(raw: str, seps: list[str]) -> float | None:
    """Both separators present: the last one is the decimal mark."""
    decimal = seps[-1]
    thousands = "." if decimal == "," else ","
    if raw.count(decimal) != 1:
        return None
    whole, frac = raw.split(decimal)
    parts = whole.split(thousands)
    if any(len(p) != 3 for p in parts[1:]):
        return None
    return float("".join(parts) + "." + frac)


# A number grouped by spaces ("48 620", "162 382") standing alone in a table cell or after a
# label's colon: between "|", a tab, a run of spaces, ": " or a line's edge. In running prose two
# numbers may stand a space apart, so nowhere else.
_SPACE_GROUPED = re.compile(
    r"(?:(?<=^)|(?<=\|)|(?<=\t)|(?<=  )|(?<=: )|(?<=\| ))\s?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?=[ \t]*(?:$|\||\t|  ))",
    re.MULTILINE,
)


def find_numbers(text: str, lang: Lang) -> list[NumberToken]:
    """Every digit run of `text`, read with `lang` rules (no filtering of dates etc.)."""
    tokens: list[NumberToken] = []
    spaced = [(m.start(1), m.end(1)) for m in _SPACE_GROUPED.finditer(text)]
    for start, end in spaced:
        raw = text[start:end]
        tokens.append(NumberToken(start, end, raw, float(re.sub(r"\D", "", raw))))
    covered = {i for start, end in spaced for i in range(start, end)}
    for m in NUMBER_RE.finditer(text):
        if m.start() in covered:
            continue
        next_word = _next_word(text, m.end())
        value = parse_number(m.group(), lang, next_word)
        if value is not None:
            tokens.append(NumberToken(m.start(), m.end(), m.group(), value))
    return sorted(tokens, key=lambda t: t.start) if spaced else tokens


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s?([^\W\d_]+)", text[pos : pos + 24])
    return m.group(1) if m else ""


def multiplier_after(text: str, pos: int) -> tuple[float, int]:
    """Scale word right after a number ("495 nghìn", "1,2 triệu", "20 billion").

    Returns (factor, end of the scale word); (1.0, pos) when there is none.
    """
    window = text[pos : pos + 20]
    for pattern, factor in _MULTIPLIERS:
        m = pattern.match(window)
        if m:
            return factor, pos + m.end()
    return 1.0, pos
