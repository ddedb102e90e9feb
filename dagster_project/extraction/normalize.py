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


# Whatever the steps of normalize_text change: CR, the invisible and space
# characters, the eth look-alikes, and (in NFC) an old-style tone cluster "oà",
# "oẻ", "uỳ" at a word end. A text with none of them that is NFC is already
# normal; ingestion normalises a report once and metadata and extraction call
# normalize_text again on the result, so the check is what most calls cost.
_MAYBE_NOT_NORMAL = re.compile(
    "[\r\u00a0\u00ad\u00d0\u00f0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]"
    "|[oO][àáãảạèéẽẻẹÀÁÃẢẠÈÉẼẺẸ](?!\\w)|[uU][ỳýỹỷỵỲÝỸỶỴ](?!\\w)"
)


def normalize_text(text: str) -> str:
    """NFC text with unified spaces, line ends and tone-mark placement.

    Line structure is kept: only CR/CRLF become LF and no lines are joined.
    """
    if unicodedata.is_normalized("NFC", text) and not _MAYBE_NOT_NORMAL.search(text):
        return text
    return _normalize(text)


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_CHARS.sub("", text)
    text = _SPACE_CHARS.sub(" ", text)
    text = text.translate(_LOOKALIKES)
    return unify_tone_marks(text)


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
