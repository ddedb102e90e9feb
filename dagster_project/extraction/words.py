"""Vietnamese words: keyword look-up on word boundaries, not substrings.

Vietnamese writes a word as one or more space-separated syllables ("người dân",
"dân tộc"), so a keyword found as a substring can cut a word in two: "người
dân" inside "người dân tộc" (= người + dân_tộc), "điểm" inside "thời điểm".
A keyword therefore matches only where a word begins and where one ends.

- `KeywordIndex` finds keywords with one Aho–Corasick pass over a lower-cased
  text (never a loop over keywords), at syllable edges, then keeps the matches
  whose two outer edges are word boundaries.
- Whether an edge is a word boundary is decided by pyvi's CRF word segmenter
  (model shipped inside the pyvi wheel, runs offline). The model is loaded
  with python-crfsuite directly, which skips the ~3.5 s import of scikit-learn
  that `pyvi.ViTokenizer` pays; and only a window of syllables around each
  edge in question is tagged (the model's features reach two syllables either
  side), cached by the window, so the cost grows with the keyword matches, not
  with the text.
- Text written without diacritics ("100% can bo co may tinh") is matched
  against folded keywords; text written with them never is, so "cáp" and
  "cấp" stay apart. The decision is made per text (`Script`).
"""
from __future__ import annotations

import importlib.util
from bisect import bisect_left, bisect_right
import pickle
import re
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from dagster_project.extraction import lexicon

T = TypeVar("T")

# Syllables as pyvi's training data cut them: abbreviations with their dot,
# numbers with their separators, one punctuation mark, a run of word letters.
# A currency written onto its figure ("VNĐ215 billion") and a weight or area written onto
# it ("5kg", "300m2") are cut off as syllables of their own, so that the money and measure
# words are found; "4G", "5G" stay whole.
_GLUED_BEFORE = "|".join(sorted((re.escape(w) for w in lexicon.CURRENCY_BEFORE if w.isalpha()), key=len, reverse=True))
_GLUED_AFTER = "|".join(sorted((re.escape(w) for w in lexicon.NON_DIGITAL_UNITS if w.isalnum()), key=len, reverse=True))
_SYLLABLE = re.compile(
    r"[A-ZĐ]+\.|Tp\.|Mr\.|Mrs\.|Ms\.|Dr\.|ThS\.|==>|->|\.\.\.|>>|\n|\w+://[^\s]+"
    r"|[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+"
    rf"|(?i:{_GLUED_BEFORE})(?=\d)|\d+(?:[.,_]\d+)*(?=(?i:{_GLUED_AFTER})\b)"
    r"|\d+(?:[.,_]\d+)+|[^\w\s]|\w+"
)
# Tagging window around an edge: the CRF's features see two syllables either
# side, one more on each side lets the transition weights settle.
_WINDOW = 3
_SCALE_WORDS = frozenset({"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn"})

# Letters that only Vietnamese written with its diacritics has.
_VIETNAMESE_MARKED = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
# Frequent Vietnamese syllables as they look without diacritics; English rarely
# has them as whole words.
_FOLDED_VIETNAMESE = frozenset(
    "cac va cua duoc nhung trong voi cho nguoi dan tinh huyen xa nam da co den tren theo "
    "ty le dat so ho cong dich vu thong tin mang hien nay toan khai trien ung dung chuyen doi".split()
)


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x1EFA):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """`text` without diacritics, one character for one ("Đắk Lắk" -> "Dak Lak")."""
    return text.translate(_FOLD)


# Two ways to place a tone mark on "oa", "oe", "uy" at the end of a syllable
# ("hóa"/"hoá", "thủy"/"thuỷ"); pyvi's dictionary uses the second.
_TONE_ON_FIRST = re.compile(r"([òóỏõọ])([ae])(?![^\W\d_])|([ùúủũụ])(y)(?![^\W\d_])")
_MOVE_TONE = {a + b: c for a, b, c in zip("òóỏõọ", "aaaaa", ["oà", "oá", "oả", "oã", "oạ"])}
_MOVE_TONE.update({a + "e": b for a, b in zip("òóỏõọ", ["oè", "oé", "oẻ", "oẽ", "oẹ"])})
_MOVE_TONE.update({a + "y": b for a, b in zip("ùúủũụ", ["uỳ", "uý", "uỷ", "uỹ", "uỵ"])})


def tone_key(text: str) -> str:
    """`text` (lower case) with tone marks placed one way, so "hóa" and "hoá" compare equal."""
    return _TONE_ON_FIRST.sub(lambda m: _MOVE_TONE[m.group()], text)


# Words that open a counted phrase and stand alone where the segmenter glues them to the next
# word through a longer word they overlap: the quantity word ("Số | học viên", not "Số học |
# viên") and a unit of measure written as a Vietnamese word ("1.120 tấn | công ty", not "tấn
# công | ty").
_PHRASE_OPENERS = frozenset(
    tone_key(word) for word in lexicon.QUANTITY_WORDS
    + tuple(u for u in lexicon.NON_DIGITAL_UNITS if u.isalpha() and not u.isascii())
)


def has_diacritics(text: str) -> bool:
    return _VIETNAMESE_MARKED.search(text) is not None


def written_without_diacritics(text: str) -> bool:
    """Vietnamese typed without its marks: no marked letter, and frequent Vietnamese syllables.

    English text has no marked letter either; it is told apart by needing
    at least three of the frequent folded Vietnamese syllables.
    """
    if has_diacritics(text):
        return False
    words = set(re.findall(r"[a-z]+", text[:5000].lower()))
    return len(words & _FOLDED_VIETNAMESE) >= 3


def syllables(text: str) -> list[re.Match[str]]:
    """The syllables and punctuation marks of `text`, as pyvi cuts them, with their spans."""
    return list(_SYLLABLE.finditer(unicodedata.normalize("NFC", text) if not text.isascii() else text))


# --- the segmenter ----------------------------------------------------------------------


class _Stub:
    """Stands in for the scikit-learn wrapper classes while unpickling pyvi's model."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __setstate__(self, state: object) -> None:
        if isinstance(state, dict):
            self.__dict__.update(state)


class _ModelUnpickler(pickle.Unpickler):
    # Only the model bytes are wanted: every class of the wrapper (sklearn_crfsuite,
    # numpy scalars of its hyper-parameters, the training log) becomes a stub.
    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle protocol
        if module.split(".")[0] in {"sklearn_crfsuite", "numpy", "pycrfsuite"}:
            return _Stub
        return super().find_class(module, name)


def _pyvi_dir() -> Path:
    # The package's folder without importing it (pyvi/__init__ is empty, but its
    # ViTokenizer would import scikit-learn).
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("word segmentation: the pyvi package is not installed; run `make env`")
    return Path(next(iter(spec.submodule_search_locations)))


class Segmenter:
    """pyvi's CRF word segmenter, queried one edge at a time."""

    def __init__(self, model: bytes, dictionary: Iterable[str]) -> None:
        import pycrfsuite

        self._model = model  # the tagger reads these bytes in place: keep them alive
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        entries = [line for line in dictionary if line.strip()]
        # The model's features ask for the dictionary's two- and three-syllable words as written.
        self._bigrams = frozenset(e for e in entries if e.count(" ") == 1)
        self._trigrams = frozenset(e for e in entries if e.count(" ") == 2)
        # Known words of any length, for telling a real word from a tagging slip.
        self._known = frozenset(tone_key(e.lower()) for e in entries)
        # Two syllables that stand side by side inside some known word: only between
        # such a pair can the tagger hide a boundary that `boundary` trusts.
        self._pairs = frozenset(
            pair for word in self._known for pair in zip(word.split(" "), word.split(" ")[1:])
        )

    def is_word(self, phrase: str) -> bool:
        """`phrase` (syllables separated by spaces) is a word of the dictionary."""
        return tone_key(phrase.lower()) in self._known

    def may_join(self, previous: str, current: str) -> bool:
        """False when no known word has these two syllables side by side (then the edge
        between them is a boundary whatever the tagger says; no tagging needed)."""
        return (_pair_key(previous), _pair_key(current)) in self._pairs

    @classmethod
    def from_pyvi(cls) -> Segmenter:
        models = _pyvi_dir() / "models"
        with (models / "pyvi3.pkl").open("rb") as handle:
            wrapper = _ModelUnpickler(handle).load()
        model = wrapper.modelfile.__dict__.get("__FILE_RESOURCE_DATA__")
        if not isinstance(model, bytes):
            raise RuntimeError(f"word segmentation: no CRF model inside {models / 'pyvi3.pkl'}; reinstall pyvi 0.1.1")
        return cls(model, (models / "words.txt").read_text(encoding="utf-8").split("\n"))

    def _features(self, sent: Sequence[str]) -> list[dict[str, object]]:
        """pyvi's `word2features`, with false flags left out (they weigh nothing)."""
        lower = [w.lower() for w in sent]
        title = [w.istitle() for w in sent]
        upper = [w.isupper() for w in sent]
        n = len(sent)
        out: list[dict[str, object]] = []
        for i in range(n):
            f: dict[str, object] = {"bias": 1.0, "word.lower()": lower[i]}
            if upper[i]:
                f["word.isupper()"] = 1.0
            if title[i]:
                f["word.istitle()"] = 1.0
            if sent[i].isdigit():
                f["word.isdigit()"] = 1.0
            if i > 0:
                f["-1:word.lower()"] = lower[i - 1]
                if title[i - 1]:
                    f["-1:word.istitle()"] = 1.0
                if upper[i - 1]:
                    f["-1:word.isupper()"] = 1.0
                if f"{lower[i - 1]} {lower[i]}" in self._bigrams:
                    f["-1:word.bi_gram()"] = 1.0
                if i > 1 and f"{lower[i - 2]} {lower[i - 1]} {lower[i]}" in self._trigrams:
                    f["-2:word.tri_gram()"] = 1.0
            if i < n - 1:
                f["+1:word.lower()"] = lower[i + 1]
                if title[i + 1]:
                    f["+1:word.istitle()"] = 1.0
                if upper[i + 1]:
                    f["+1:word.isupper()"] = 1.0
                if f"{lower[i]} {lower[i + 1]}" in self._bigrams:
                    f["+1:word.bi_gram()"] = 1.0
                if i < n - 2 and f"{lower[i]} {lower[i + 1]} {lower[i + 2]}" in self._trigrams:
                    f["+2:word.tri_gram()"] = 1.0
            out.append(f)
        return out

    def labels(self, sent: Sequence[str]) -> list[str]:
        """B_W (a word begins) or I_W (the word goes on) for every syllable."""
        return self._tagger.tag(self._features(sent)) if sent else []

    def segment(self, text: str) -> list[str]:
        """Words of `text`, syllables joined by '_' (what `pyvi.ViTokenizer.tokenize` returns, split)."""
        sent = [m.group() for m in syllables(text)]
        labels = self.labels(sent)
        words: list[str] = []
        for i, syllable in enumerate(sent):
            if i and labels[i] == "I_W" and _may_join(sent[i - 1], syllable):
                words[-1] += "_" + syllable
            else:
                words.append(syllable)
        return words

    def boundary(self, sent: Sequence[str], i: int) -> bool:
        """True unless the segmenter puts a word across the edge before syllable `i`.

        The CRF sometimes glues syllables into no word ("mục_tiêu_đề ra" for
        "mục_tiêu đề_ra", "thời_điểm_báo_cáo"): such a run is read again as
        dictionary words, longest first from the left, and that reading decides.
        """
        if i <= 0 or i >= len(sent) or not _may_join(sent[i - 1], sent[i]):
            return True
        lo, hi = max(0, i - _WINDOW), min(len(sent), i + _WINDOW + 1)
        return self._window_boundary(tuple(sent[lo:hi]), i - lo)

    @lru_cache(maxsize=65536)  # noqa: B019 - one segmenter lives for the process
    def _window_boundary(self, window: tuple[str, ...], i: int) -> bool:
        labels = self.labels(window)
        if labels[i] != "I_W":
            return True
        first, last = i - 1, i
        while first > 0 and labels[first] == "I_W" and _may_join(window[first - 1], window[first]):
            first -= 1
        while last + 1 < len(window) and labels[last + 1] == "I_W" and _may_join(window[last], window[last + 1]):
            last += 1
        parts = [tone_key(w.lower()) for w in window[first : last + 1]]
        if " ".join(parts) in self._known:
            return False  # a real word across the edge
        # A glued run that is no word ("thời_điểm_báo_cáo", "mục_tiêu_đề"): read it as
        # dictionary words, longest first from the left, and ask that reading.
        pos, edge = 0, i - first
        while pos < len(parts):
            size = next((n for n in range(min(4, len(parts) - pos), 1, -1)
                         if " ".join(parts[pos : pos + n]) in self._known), 1)
            if size == 2 and parts[pos] in _PHRASE_OPENERS and self._longer_word_starts(parts, pos + 1):
                size = 1  # "số | học viên", not "số học | viên"
            if pos < edge < pos + size:
                return False
            pos += size
        return True

    def _longer_word_starts(self, parts: Sequence[str], start: int) -> bool:
        """A known word of two or more syllables starts at syllable `start`."""
        return any(" ".join(parts[start : start + n]) in self._known for n in range(2, min(4, len(parts) - start) + 1))


@lru_cache(maxsize=65536)
def _pair_key(syllable: str) -> str:
    # `may_join` asks about every syllable edge of every keyword hit; a report uses a
    # few thousand distinct syllables, so the lower-casing and tone regex run once each.
    return tone_key(syllable.lower())


def _may_join(previous: str, current: str) -> bool:
    """pyvi's rules after tagging: never join punctuation or digits, nor a capital after a small letter."""
    if previous in string.punctuation or current in string.punctuation:
        return False
    if previous[0].isdigit() or current[0].isdigit():
        return False
    return not (current[0].istitle() and not previous[0].istitle())


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    """The process-wide segmenter, loaded on first use (~0.3 s, no scikit-learn)."""
    return Segmenter.from_pyvi()


# --- keyword look-up --------------------------------------------------------------------


@dataclass(frozen=True)
class Match(Generic[T]):
    keyword: str  # as listed (lower case, the '*' of a stem kept)
    payload: T
    start: int  # span in the searched text
    end: int
    first: int  # syllables [first, last) of the searched text
    last: int


def normalize_keyword(keyword: str) -> str:
    return " ".join(unicodedata.normalize("NFC", keyword).lower().split())


# A letter or digit of any script. The unbound method itself: `KeywordIndex.find` asks
# it of every keyword hit's edges, where a Python wrapper's call cost showed up.
_is_word_char = str.isalnum


class Script:
    """How a text is written: with diacritics, without them (Vietnamese), or in another language."""

    MARKED = "marked"
    FOLDED = "folded"
    OTHER = "other"

    @staticmethod
    def of(text: str) -> str:
        if has_diacritics(text):
            return Script.MARKED
        return Script.FOLDED if written_without_diacritics(text) else Script.OTHER


class Text:
    """A text prepared for keyword look-up: lower case, spaces collapsed, syllables known."""

    __slots__ = ("original", "script", "searchable", "_offsets", "_syllables", "_starts", "_ends", "_words")

    def __init__(self, original: str, script: str | None = None) -> None:
        self.original = original
        self.script = script or Script.of(original)
        lowered = original.lower()
        if len(lowered) != len(original):  # a letter whose lower case is longer: keep it
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in original)
        if self.script == Script.FOLDED:
            lowered = fold(lowered)
        # Collapse runs of spaces so that "chữ  ký\nsố" matches "chữ ký số"; keep the
        # map back to the original positions.
        pieces, offsets, pos = [], [], 0
        for m in re.finditer(r"\s{2,}|[^\S ]", lowered):
            pieces.append(lowered[pos : m.start()])
            offsets.extend(range(pos, m.start()))
            pieces.append(" ")
            offsets.append(m.start())
            pos = m.end()
        if pos == 0:
            self.searchable = lowered
            self._offsets = None
        else:
            pieces.append(lowered[pos:])
            offsets.extend(range(pos, len(lowered)))
            self.searchable = "".join(pieces)
            self._offsets = offsets
        self._syllables: list[str] | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._words: dict[int, bool] = {}

    def to_original(self, pos: int) -> int:
        """Position in `original` of position `pos` of `searchable`."""
        if self._offsets is None:
            return pos
        return self._offsets[pos] if pos < len(self._offsets) else len(self.original)

    def from_original(self, pos: int) -> int:
        """Position in `searchable` of position `pos` of `original` (a collapsed space maps to its run)."""
        if self._offsets is None:
            return pos
        return bisect_left(self._offsets, pos)

    def normalized(self, phrase: str) -> str:
        """`phrase` written the way `searchable` is (lower case, single spaces, folded if the text is)."""
        lowered = " ".join(phrase.lower().split())
        return fold(lowered) if self.script == Script.FOLDED else lowered

    def _split(self) -> None:
        found = syllables(self.searchable)
        self._syllables = [m.group() for m in found]
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]

    def syllable_index(self, pos: int) -> int:
        """Index of the first syllable that ends after `pos` (a position in `searchable`)."""
        if self._syllables is None:
            self._split()
        return bisect_right(self._ends, pos)

    def syllable_start(self, index: int) -> int:
        """Position in `searchable` where syllable `index` starts (the end of the text past the last)."""
        if self._syllables is None:
            self._split()
        return self._starts[index] if index < len(self._starts) else len(self.searchable)

    def glued_at(self, pos: int) -> bool:
        """True when a syllable starts at `pos` although letters or digits stand on both sides
        of it: a currency or unit written onto its figure ("vnđ215", "5kg")."""
        if self._syllables is None:
            self._split()
        i = bisect_left(self._starts, pos)
        return i < len(self._starts) and self._starts[i] == pos

    def syllable(self, index: int) -> str:
        if self._syllables is None:
            self._split()
        return self._syllables[index] if 0 <= index < len(self._syllables) else ""

    def syllable_count(self) -> int:
        if self._syllables is None:
            self._split()
        return len(self._starts)

    def _after_scale(self, i: int) -> bool:
        """Syllable i follows a number's scale word ("12,65 triệu | chứng thư số"): the scale
        belongs to the number, so no word runs on from it ("triệu chứng" is a symptom)."""
        assert self._syllables is not None
        return i >= 2 and self._syllables[i - 1] in _SCALE_WORDS and self._syllables[i - 2][:1].isdigit()

    def word_edge(self, pos: int) -> bool:
        """True when a word boundary lies at `pos` (a syllable edge of `searchable`)."""
        if self.script != Script.MARKED:
            return True  # the segmenter knows Vietnamese with its diacritics only
        if self._syllables is None:
            self._split()
        i = bisect_left(self._starts, pos)
        if i >= len(self._starts) or self._starts[i] != pos:
            return True  # not the start of a syllable: an edge at punctuation or the end
        if i not in self._words:
            if i == 0 or not segmenter().may_join(self._syllables[i - 1], self._syllables[i]) or self._after_scale(i):
                self._words[i] = True
                return True
            # The segmenter reads the original casing (capitals are features).
            sent = [self.original[self.to_original(s) : self.to_original(s) + len(w)]
                    for s, w in zip(self._starts[max(0, i - _WINDOW) : i + _WINDOW + 1],
                                    self._syllables[max(0, i - _WINDOW) : i + _WINDOW + 1])]
            self._words[i] = segmenter().boundary(sent, min(i, _WINDOW))
        return self._words[i]


class KeywordIndex(Generic[T]):
    """Keywords (with a payload each) found on word boundaries in one Aho–Corasick pass.

    A keyword is lower-case text; a trailing '*' lets its last word go on
    ("digitiz*" matches "digitized", "digitization").
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        import ahocorasick

        grouped: dict[str, list[tuple[str, T]]] = {}
        for keyword, payload in entries:
            key = normalize_keyword(keyword)
            if key:
                grouped.setdefault(key, []).append((key, payload))
        marked: dict[str, list[tuple[str, T]]] = {}
        folded: dict[str, list[tuple[str, T]]] = {}
        for key, items in grouped.items():
            for surface in _surfaces(key):
                marked.setdefault(surface, []).extend(items)
                f = fold(surface)
                # A one-syllable keyword without its marks is too ambiguous ("cap" is cáp or cấp).
                if f == surface or " " in surface.strip():
                    folded.setdefault(f, []).extend(items)
        self._marked = _automaton(ahocorasick, marked)
        self._folded = _automaton(ahocorasick, folded)

    def find(self, text: Text) -> list[Match[T]]:
        """Every keyword occurrence in `text` that starts and ends on a word boundary."""
        automaton = self._folded if text.script == Script.FOLDED else self._marked
        if not len(automaton):
            return []
        haystack = text.searchable
        size = len(haystack)
        # Locals: this loop runs for every keyword hit of every sentence.
        word_char, word_edge, syllable_index, glued = _is_word_char, text.word_edge, text.syllable_index, text.glued_at
        digit = str.isdigit
        found: list[Match[T]] = []
        for end_index, (stem, length, items) in automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
            # Inside a word; only where a digit meets a letter can a syllable start there
            # (a glued currency or unit), so the costlier look-up is asked only then.
            if word_char(haystack[start]) and start > 0 and word_char(haystack[start - 1]):
                if not ((digit(haystack[start]) or digit(haystack[start - 1])) and glued(start)):
                    continue
            if stem:
                while end < size and word_char(haystack[end]):
                    end += 1
            elif word_char(haystack[end - 1]) and end < size and word_char(haystack[end]):
                if not ((digit(haystack[end]) or digit(haystack[end - 1])) and glued(end)):
                    continue
            if not (word_edge(start) and word_edge(_next_syllable(haystack, end))):
                continue
            first, last = syllable_index(start), syllable_index(end - 1) + 1
            found.extend(Match(k, payload, start, end, first, last) for k, payload in items)
        return found


def _surfaces(key: str) -> list[str]:
    """How a keyword may be written: an English one also with its plural ("base stations")."""
    if key.endswith("*") or not key.isascii() or not key[-1].isalpha():
        return [key]
    return [key, key + "s", key + "es"]


def _automaton(ahocorasick, surfaces: dict[str, list[tuple[str, T]]]):  # noqa: ANN001, ANN202
    automaton = ahocorasick.Automaton()
    for surface, items in surfaces.items():
        automaton.add_word(surface.rstrip("*"), (surface.endswith("*"), len(surface.rstrip("*")), items))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _next_syllable(haystack: str, end: int) -> int:
    """Start of the syllable after position `end` (skipping one space)."""
    return end + 1 if end < len(haystack) and haystack[end] == " " else end
