"""File names (and reasons that quote them) made safe to store, print and log.

A file name may hold any character but "/" and NUL: a newline or an ANSI escape
sequence in a name would start a new line in the run summary or recolour the
terminal, so a file could forge "reports ingested 10" or hide a rejection.
Such characters are written as Python-style escapes (`\n`, `\x1b`, `\u202e`);
every other character, Vietnamese letters, quotes and spaces included, stays as
it is.
"""
from __future__ import annotations

import re
import unicodedata

# Control (Cc) and format (Cf: bidirectional overrides, zero-width marks)
# characters, and the line and paragraph separators (Zl, Zp).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_MAYBE_UNSAFE = re.compile(r"[^\x20-\x7e\u00a0-\u00ac\u00ae-\u05ff\u1e00-\u1fff]")


def printable(text: str) -> str:
    """`text` with control, format and line-separator characters escaped; one line, no terminal codes."""
    if not _MAYBE_UNSAFE.search(text):
        return text  # ASCII and Vietnamese letters: nothing to escape
    return "".join(
        char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in _UNSAFE_CATEGORIES else char
        for char in text
    )
