"""Unicode normalisation shared by ingestion and extraction.

Reports arrive in NFC or NFD, with tone marks in the old (hoà) or new (hòa)
placement, with odd spaces and look-alike letters. Every text is brought to one
form before anything matches words in it.
"""
from __future__ import annotations

import re
import unicodedata


_SPACE_CHARS = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE_CHARS = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Icelandic eth (Ð/ð) is a common look-alike typed for Vietnamese Đ/đ; keys and
# name matching would miss "Ðảng" otherwise.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Open syllables ending in oa, oe, uy: the old style marks the second vowel
# (hoà, khoẻ, thuỷ), the new style the first (hòa, khỏe, thủy). Only
# word-final clusters differ between styles ("hoàn", "ngoài" do not), and after
# "q" the u belongs to the consonant ("quý" is the same in both styles).
_OLD_STYLE_TONE = re.compile(
    r"(?<![qQ])([oO])([aAeE])([" + _TONE_MARKS + r"])(?![\w\u0300-\u036f])"
    r"|(?<![qQ])([uU])([yY])([" + _TONE_MARKS + r"])(?![\w\u0300-\u036f])"
)


# Characters the character steps of normalize_text change: CR, the invisible
# and space characters, the eth look-alikes.
_CHANGED_CHARS = re.compile("[\r\u00a0\u00ad\u00d0\u00f0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")
# In NFC text, where an old-style tone cluster may stand ("oà", "oẻ", "uỳ" before
# a non-letter): a superset of what unify_tone_marks moves. An NFC text without
# one is its own result, so the NFD/NFC round trip is skipped. Ingestion
# normalises each report once; metadata and extraction call normalize_text
# again on the result, where this check is all they pay.
_MAYBE_OLD_STYLE = re.compile("[oO][àáãảạèéẽẻẹÀÁÃẢẠÈÉẼẺẸ](?!\\w)|[uU][ỳýỹỷỵỲÝỸỶỴ](?!\\w)")


def clean_text(text: str) -> str:
    """NFC text with unified spaces and line ends, spelled as written (tone marks where the
    report put them): what ingestion stores, so that evidence quotes the report verbatim.

    Line structure is kept: only CR/CRLF become LF and no lines are joined.
    """
    if _CHANGED_CHARS.search(text):
        text = _replace_chars(text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """`clean_text` with one tone-mark placement (hoà → hòa), for matching words. On a clean
    text it changes no length and no offset: a figure found in it is at the same place in
    the text as written."""
    text = clean_text(text)
    if not _MAYBE_OLD_STYLE.search(text):
        return text
    return unify_tone_marks(text)


_WORD = re.compile(r"\w+")


def spelling_map(written: str, unified: str) -> dict[str, str]:
    """Word of `unified` (= normalize_text(written)) → how `written` spells it, for the words
    tone unification changed and that the report spells one way only ("hóa" → "hoá"); a word
    the report spells both ways keeps the unified spelling."""
    if len(written) != len(unified) or written == unified:
        return {}
    spellings: dict[str, set[str]] = {}
    for m in _WORD.finditer(unified):
        spellings.setdefault(m.group(), set()).add(written[m.start() : m.end()])
    return {word: next(iter(found)) for word, found in spellings.items() if len(found) == 1 and word not in found}


def respell(text: str, spelling: dict[str, str]) -> str:
    """`text` (from the unified report) with each word in the report's own spelling."""
    if not spelling or not text:
        return text
    return _WORD.sub(lambda m: spelling.get(m.group(), m.group()), text)


def _normalize(text: str) -> str:
    """Every step, whatever the text (normalize_text skips the steps that would change nothing)."""
    return unify_tone_marks(_replace_chars(text))


def _replace_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_CHARS.sub("", text)
    text = _SPACE_CHARS.sub(" ", text)
    return text.translate(_LOOKALIKES)


def unify_tone_marks(text: str) -> str:
    """Move old-style tone marks (hoà) to the new placement (hòa); result NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_STYLE_TONE.sub(_move_tone_to_first_vowel, decomposed)
    return unicodedata.normalize("NFC", moved)


def _move_tone_to_first_vowel(match: re.Match[str]) -> str:
    first, second, tone = (
        match.group(1, 2, 3) if match.group(1) is not None else match.group(4, 5, 6)
    )
    return first + tone + second
