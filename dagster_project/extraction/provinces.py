"""Which of the 63 provinces (2004-2025) a report is about.

Reports name their own province many ways (with or without diacritics, in
English, inside a portal's domain, inside an organisation's name) and also name
other provinces in rankings and comparisons. So every mention is scored and the
province with the highest total wins:

- a mention counts 1;
- right after "tỉnh", "thành phố", "TP", an organisation ("VNPT", "Sở TT&TT",
  "Viễn thông") or right before "province"/"city", it counts more, because that
  is how a report names its subject;
- in the title (first line) or the lead it counts more;
- inside a list of names ("đứng sau Quảng Ninh, Đà Nẵng") it counts less;
- a portal domain (`nghean.gov.vn`, `khcncaobang.gov.vn`) counts a lot, since
  provinces publish on their own portals.

Names are matched on word boundaries in tone-mark-normalised NFC text, so
"Bình Định" never counts as "Nam Định" and "Thanh Hoá" equals "Thanh Hóa".
Plain-ASCII spellings ("Ha Giang") are matched only where the text itself is
written without diacritics: folding Vietnamese prose to ASCII would turn "tham
gia lại" into "Gia Lai". Names must be capitalised (word by word), which keeps
the common noun "hòa bình" (peace) from counting as Hòa Bình province.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from dagster_project.extraction.lexicon import (
    DISTRICT_UNITS,
    HOST_PREFIXES,
    NATIONAL_LEVEL_PATTERN,
    NATIONAL_SITES,
    PORTAL_FURNITURE_PATTERN,
    RANK_CUES,
    RANK_GROUP,
    UNITS_BELOW_PROVINCE,
    word_alternation,
)
from dagster_project.extraction.normalize import normalize_text

PROVINCES_CSV = Path(__file__).resolve().parents[2] / "dbt" / "seeds" / "provinces.csv"

# Extra spellings seen on portals; the CSV holds one Vietnamese and one ASCII
# name per province.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "06": ("Bắc Cạn",),
    "46": ("Huế", "Thừa Thiên - Huế"),
    "62": ("Kontum",),
    "66": ("Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Daklak"),
    "67": ("Đăk Nông", "Đắc Nông", "Daknong"),
    "77": ("Vũng Tàu", "BR-VT", "Bà Rịa Vũng Tàu"),
    # Never the bare "Hồ Chí Minh": reports cite the president's thought and
    # the Youth Union ("tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh").
    "79": (
        "TP Hồ Chí Minh",
        "TP. Hồ Chí Minh",
        "TPHCM",
        "TP.HCM",
        "TP. HCM",
        "TP HCM",
        "Tp.HCM",
        "HCM City",
        "HCMC",
        "Sài Gòn",
        "Ho Chi Minh City",
        "Thanh pho Ho Chi Minh",
    ),
}

# Proper names that contain a province's name but are something else: old
# merged provinces and the Pacific Ocean. Matching them first stops the
# province inside them from counting.
_NOT_PROVINCES: tuple[str, ...] = (
    "Thái Bình Dương",
    "Hà Nam Ninh",
    "Hà Sơn Bình",
    "Nghĩa Bình",
    "Phú Khánh",
    "Thuận Hải",
    "Bình Trị Thiên",
    "Nghệ Tĩnh",
    "Hải Hưng",
    "Hà Bắc",
    "Hoàng Liên Sơn",
)

# Extra portal-domain slugs beyond the compacted ASCII name.
_EXTRA_SLUGS: dict[str, tuple[str, ...]] = {
    "46": ("hue",),
    "77": ("vungtau", "brvt"),
    "79": ("hochiminh", "tphcm", "hcmc", "hcm"),
}

_BASE_WEIGHT = 1.0
_CUE_BONUS = 2.0
_TITLE_BONUS = 2.0
_LEAD_BONUS = 1.0
_LIST_FACTOR = 0.5
_DOMAIN_WEIGHT = 4.0
_FILE_NAME_WEIGHT = 1.5
# A report about the whole country ("cả nước" twice or more) names provinces only in
# passing (a ranking, an example): one bare mention is no evidence of its province.
_NATIONAL_CUE = re.compile(NATIONAL_LEVEL_PATTERN, re.IGNORECASE)
_NATIONAL_CUES = 2
_NATIONAL_MIN_WEIGHT = 3.0  # more than a bare mention in the lead (1 + 1): a cue or the title
# A site's own contact and licence lines ("Địa chỉ: ..., Thành phố Hà Nội") say where it sits.
_CHROME_LINE = re.compile(PORTAL_FURNITURE_PATTERN, re.IGNORECASE)
_LEAD_CHARS = 400

# Words right before a name that make it the report's subject ("tỉnh Nghệ An",
# "VNPT Nam Định", "Sở TT&TT Cao Bằng"). Matched at the end of the text before
# the name on the same line.
_ADMIN_CUE = re.compile(
    r"(?:\btỉnh|\bthành phố|\btp\.?|\bt\.p\.?|\bprovince of|\bcity of)[ \t]*$",
    re.IGNORECASE,
)
_ORG_CUE = re.compile(
    r"(?:\bvnpt|\bviettel|\bmobifone|\bvinaphone|\bviễn thông|\bbưu điện|\btruyền thông"
    r"|\btt&tt|\btt-tt|\bkh&cn|\bkhcn|\bubnd|\bhđnd|\btỉnh ủy|\bthành ủy|\bcông an"
    # ("Sở Thông tin và Truyền thông X", not "trụ sở xã; X": a department's name holds no stop)
    r"|\bbáo|\bđài|\bcổng thông tin điện tử|(?<!trụ )\bsở [^\n;:.,()]{0,40}?)[ \t]*$",
    re.IGNORECASE,
)
# Words right after a name with the same effect ("Ben Tre province",
# "Hung Yen (VNA) –", a dateline "Bac Giang—").
_SUFFIX_CUE = re.compile(r"^\s*(?:province\b|provincial\b|city\b|\(vna\)|[—–]|:\s)", re.IGNORECASE)
# A dateline that opens a line with a plain hyphen: "Lai Châu - Sau nhiều năm ...", "HÀ NỘI - ".
_LINE_DATELINE = re.compile(r"^[ \t]+-[ \t]")
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|and|/|-|–)\s*$", re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![\w@.-])((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info|edu))(?![\w-])")


@dataclass(frozen=True)
class Province:
    gso_code: str
    name_vi: str
    name_ascii: str
    region_vi: str
    unit_from_2025_07_01: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    gso_code: str
    kind: str  # name | ascii | org | domain | file
    evidence: str
    weight: float


@lru_cache(maxsize=1)
def load_provinces(path: Path = PROVINCES_CSV) -> tuple[Province, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Province(**row) for row in csv.DictReader(handle))


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form: diacritics dropped, đ → d."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    # Spacing, dots and dash style vary ("TP.HCM", "Bà Rịa – Vũng Tàu").
    return re.sub(r"[\s.\-–—]+", "", normalize_text(name).casefold())


def _name_regex(name: str) -> str:
    parts = re.split(r"(\s*[-–—]\s*|\.\s*|\s+)", name.strip())
    pattern = []
    for part in parts:
        if not part:
            continue
        if re.fullmatch(r"\s*[-–—]\s*", part):
            pattern.append(r"\s*[-–—]\s*")
        elif re.fullmatch(r"\.\s*", part):
            pattern.append(r"\.\s*")
        elif part.isspace():
            pattern.append(r"\s+")
        else:
            pattern.append(re.escape(part))
    return "".join(pattern)


@lru_cache(maxsize=1)
def _name_index() -> tuple[re.Pattern[str], dict[str, tuple[str | None, str]]]:
    """One alternation over every spelling, longest first, and
    key → (code, canonical spelling).

    Blockers map to None. A single scan gives leftmost-longest, non-overlapping
    matches, so "Bà Rịa - Vũng Tàu" is one mention, not also "Vũng Tàu".
    """
    by_key: dict[str, tuple[str | None, str]] = {}
    names: list[str] = []
    for province in load_provinces():
        spellings = [province.name_vi, province.name_ascii, *_EXTRA_NAMES.get(province.gso_code, ())]
        for spelling in spellings:
            for variant in {spelling, ascii_fold(spelling).title()}:
                by_key.setdefault(_key(variant), (province.gso_code, variant))
                names.append(variant)
    for blocker in _NOT_PROVINCES:
        by_key[_key(blocker)] = (None, blocker)
        names.append(blocker)
    names = sorted(set(names), key=len, reverse=True)
    alternation = _by_first_letter([_name_regex(normalize_text(name)) for name in names])
    regex = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)
    return regex, by_key


def _by_first_letter(patterns: list[str]) -> str:
    """The alternation of `patterns`, factored by first letter: "B(?:ắc Ninh|ình Định)|H(?:...)".

    At a word start the engine then tries the few names beginning with that letter,
    not all 250, in their original order (longest first), so it finds the same
    match as the flat alternation. Letters are grouped case-insensitively, as the
    regex matches them.
    """
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        first = pattern[0]
        assert first.isalpha(), pattern  # names start with a letter, never an escape
        groups.setdefault(first.lower(), []).append(pattern)
    return "|".join(
        re.escape(first) + "(?:" + "|".join(pattern[1:] for pattern in members) + ")"
        for first, members in groups.items()
    )


@lru_cache(maxsize=1)
def _slugs() -> tuple[tuple[str, str], ...]:
    """(slug, code) pairs for domain matching, longest slug first."""
    pairs = []
    for province in load_provinces():
        base = re.sub(r"[^a-z]", "", ascii_fold(province.name_ascii))
        base = base.removesuffix("city")
        for slug in {base, *_EXTRA_SLUGS.get(province.gso_code, ())}:
            pairs.append((slug, province.gso_code))
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def _is_capitalised(matched: str, canonical: str) -> bool:
    """Every word capitalised in the canonical spelling is capitalised here
    ("Thành phố Hồ Chí Minh" keeps its lower-case "phố")."""
    words = re.findall(r"[^\W\d_]+", matched)
    canonical_words = re.findall(r"[^\W\d_]+", canonical)
    if len(words) != len(canonical_words):
        return all(word[0].isupper() for word in words)
    return all(
        word[0].isupper() or not model[0].isupper() for word, model in zip(words, canonical_words)
    )


def _label_has_slug(label: str, slug: str) -> bool:
    # Short slugs ("hue", "hcm") occur by chance inside longer labels, so the
    # shorter the slug, the tighter the fit required.
    if label == slug:
        return True
    if len(slug) >= 6:
        return slug in label
    if len(slug) >= 4:
        return label.startswith(slug) or label.endswith(slug)
    return False


def _domain_province(domain: str) -> str | None:
    labels = domain.split(".")
    for slug, code in _slugs():
        if any(_label_has_slug(label, slug) for label in labels):
            return code
    return None


def _name_mentions(text: str) -> list[_Mention]:
    regex, by_key = _name_index()
    mentions: list[_Mention] = []
    for match in regex.finditer(text):
        code, canonical = by_key.get(_key(match.group()), (None, ""))
        if code is None or not _is_capitalised(match.group(), canonical):
            continue
        kind = "ascii" if _is_ascii_fallback(match.group(), code) else "name"
        before = text[max(0, match.start() - 60) : match.start()]
        after = text[match.end() : match.end() + 12]
        weight = _BASE_WEIGHT
        evidence = match.group()
        admin = _ADMIN_CUE.search(before)
        org = _ORG_CUE.search(before) if not admin else None
        if admin:
            weight += _CUE_BONUS
            evidence = text[match.start() - (len(before) - admin.start()) : match.end()]
        elif org:
            weight += _CUE_BONUS
            kind = "org"
            evidence = text[match.start() - (len(before) - org.start()) : match.end()]
        elif _SUFFIX_CUE.match(after) or (_LINE_DATELINE.match(after) and _opens_line(text, match.start())):
            weight += _CUE_BONUS
        mentions.append(_Mention(match.start(), match.end(), code, kind, evidence.strip(), weight))
    return mentions


def _opens_line(text: str, pos: int) -> bool:
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


@lru_cache(maxsize=1)
def _same_spelling_codes() -> frozenset[str]:
    # "Long An", "Gia Lai", "Kon Tum" are spelled the same with and without
    # diacritics; their mentions are names, not ASCII fallbacks.
    return frozenset(p.gso_code for p in load_provinces() if p.name_vi == p.name_ascii)


def _is_ascii_fallback(matched: str, code: str) -> bool:
    return matched.isascii() and code not in _same_spelling_codes()


def _domain_mentions(text: str) -> list[_Mention]:
    mentions = []
    for match in _DOMAIN.finditer(text.lower()):
        code = _domain_province(match.group(1))
        if code is not None:
            mentions.append(
                _Mention(match.start(), match.end(), code, "domain", match.group(1), _DOMAIN_WEIGHT)
            )
    return mentions


def _file_name_mention(file_name: str | None) -> list[_Mention]:
    """A province slug in the file name ("012_thanh-hoa.txt") is weak evidence:
    it only decides when the text itself names no province or ties."""
    if not file_name:
        return []
    words = re.findall(r"[a-z]+", ascii_fold(Path(file_name).stem))
    compact = "".join(words)
    for slug, code in _slugs():
        if slug in words or slug == compact or (len(slug) >= 6 and slug in compact):
            return [_Mention(-1, -1, code, "file", file_name, _FILE_NAME_WEIGHT)]
    return []


def _title_end(text: str) -> int:
    """End offset of the first non-blank line (the title, usually)."""
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    return len(text) if newline == -1 else newline


_BODY_WORDS = 10  # a line this long that ends a sentence is the body; the lines above it head the page
_HEADLINE_REACH = 800  # characters of the page the headline is looked for in


def _headline_end(text: str) -> int:
    """End offset of the lines that head a page: its site's name, menus, breadcrumb and
    headline ("Báo điện tử Tổ Quốc", "Văn hóa » Di sản", "Ninh Bình số hóa 3D di tích ..."),
    up to the first sentence of its body; the first line when no body starts near the top."""
    pos = len(text) - len(text.lstrip())
    while pos < min(len(text), _HEADLINE_REACH):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].strip()
        if len(line.split()) >= _BODY_WORDS and line.endswith((".", "!", "?")):
            return pos
        pos = end + 1
    return _title_end(text)


def _weigh_position_and_lists(mentions: list[_Mention], text: str) -> list[_Mention]:
    title_end = _title_end(text)
    ordered = sorted(mentions, key=lambda m: m.start)
    weighted = []
    for index, mention in enumerate(ordered):
        weight = mention.weight
        if mention.kind != "domain" and mention.start >= 0:
            if mention.start < title_end:
                weight += _TITLE_BONUS
            elif mention.start < _LEAD_CHARS:
                weight += _LEAD_BONUS
            if _in_list(ordered, index, text):
                weight *= _LIST_FACTOR
        weighted.append(
            _Mention(mention.start, mention.end, mention.gso_code, mention.kind, mention.evidence, weight)
        )
    return weighted


def _in_list(ordered: list[_Mention], index: int, text: str) -> bool:
    """True when another province's name sits next to this one, separated only
    by a comma or "và": a ranking or comparison, not the report's subject."""
    mention = ordered[index]
    for neighbour_index in (index - 1, index + 1):
        if not 0 <= neighbour_index < len(ordered):
            continue
        neighbour = ordered[neighbour_index]
        if neighbour.gso_code == mention.gso_code or neighbour.kind in ("domain", "file"):
            continue
        lo, hi = sorted((mention, neighbour), key=lambda m: m.start)
        if _LIST_GAP.match(text[lo.end : hi.start]):
            return True
    return False


def _on_chrome_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return _CHROME_LINE.search(text, start, len(text) if end == -1 else end) is not None


def detect_province(text: str, file_name: str | None = None, national_source: bool = False) -> tuple[str | None, str | None]:
    """(gso_code, evidence) of the province a report is about, or (None, None).

    Evidence reads "<kind>:<what was seen>", kind one of name, ascii, org,
    domain, file: e.g. "name:tỉnh Nghệ An", "domain:khcncaobang.gov.vn".
    A report from a national site (`national_source`) is about the country unless a
    province is named with more than a bare mention, as in a report that says "cả nước".
    """
    text = normalize_text(text)
    mentions = _name_mentions(text) + _domain_mentions(text)
    if national_source:
        # a national site's footer names the city it sits in, not what the report is about
        mentions = [m for m in mentions if not _on_chrome_line(text, m.start)]
    mentions = _weigh_position_and_lists(mentions, text) + _file_name_mention(file_name)
    if not mentions:
        return None, None

    totals: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    for order, mention in enumerate(sorted(mentions, key=lambda m: m.start)):
        totals[mention.gso_code] += mention.weight
        first_seen.setdefault(mention.gso_code, order)
    best = max(totals, key=lambda code: (totals[code], -first_seen[code]))
    national = national_source or len(_NATIONAL_CUE.findall(text)) >= _NATIONAL_CUES
    if totals[best] < _NATIONAL_MIN_WEIGHT and national:
        return None, None
    if national_source and max(m.weight for m in mentions if m.gso_code == best) < _NATIONAL_MIN_WEIGHT:
        # a national site names a province in passing, in related headlines or its own address
        # ("Số 381 Đội Cấn, Ba Đình, Hà Nội") however often: only the title or "tỉnh X" makes it the subject
        return None, None
    if national_source and not _titled_or_named_again(mentions, best, text[: _headline_end(text)], text):
        # "...; thành phố Cần Thơ đạt 79,3%": one locality of a national roundup, named once
        return None, None
    strongest = max(
        (m for m in mentions if m.gso_code == best), key=lambda m: (m.weight, -m.start)
    )
    return best, f"{strongest.kind}:{strongest.evidence}"


def sole_province_named_in_full(text: str) -> tuple[str | None, str | None]:
    """(gso_code, evidence) when the text names one province and no other, at least once in full
    ("xã An Ngãi Trung (huyện Ba Tri, tỉnh Bến Tre)"), and speaks of no whole country; else
    (None, None). A site of unknown place (a provincial paper whose host is its own name) is
    then about that province."""
    text = normalize_text(text)
    mentions = _name_mentions(text)
    if len({m.gso_code for m in mentions}) != 1 or len(_NATIONAL_CUE.findall(text)) >= _NATIONAL_CUES:
        return None, None
    strongest = max(mentions, key=lambda m: (m.weight, -m.start))
    if strongest.weight < _NATIONAL_MIN_WEIGHT:
        return None, None
    return strongest.gso_code, f"{strongest.kind}:{strongest.evidence}"


def named_in_passing(text: str, code: str) -> bool:
    """The text names province `code` once only, outside its title ("kết nối với sàn giao dịch
    việc làm của TP. Hồ Chí Minh"): too little to outweigh a provincial site's own host."""
    text = normalize_text(text)
    own = [m for m in _name_mentions(text) + _domain_mentions(text) if m.gso_code == code]
    return len(own) == 1 and own[0].start >= _title_end(text)


def _titled_or_named_again(mentions: list[_Mention], code: str, title: str, text: str) -> bool:
    """A national site's report is about a province its title names, or that it names in full
    ("tỉnh X", "thành phố X") more than once, or that it alone names, closing an address
    ("huyện Phù Ninh, tỉnh Phú Thọ"). A title that ranks it ("Đà Nẵng giữ vị trí dẫn
    đầu") is about the ranking of all provinces: no province."""
    if _RANKING_TITLE.search(title):
        return False
    own = [m for m in mentions if m.gso_code == code and m.kind != "file"]
    if any(0 <= m.start < len(title) for m in own) or sum(m.weight >= _NATIONAL_MIN_WEIGHT for m in own) >= 2:
        return True
    # the only province it names in full, and "của tỉnh", "toàn tỉnh" after that: its subject
    others = {m.gso_code for m in mentions if m.kind != "file" and m.weight >= _NATIONAL_MIN_WEIGHT} - {code}
    first = min((m.start for m in own if m.weight >= _NATIONAL_MIN_WEIGHT), default=None)
    if others or first is None:
        return False
    if len(_THE_PROVINCE.findall(text, first + 1)) >= _THE_PROVINCE_AGAIN:
        return True
    # the only province it names at all, closing an address ("huyện Phù Ninh, tỉnh Phú Thọ"):
    # where the story happens
    return all(m.gso_code == code for m in mentions if m.kind != "file") and any(
        _CLOSES_ADDRESS.search(text, max(0, m.start - _ADDRESS_REACH), m.start) for m in own
    )


# The province the text is about, named again by its rank only ("của tỉnh", "toàn tỉnh")
_THE_PROVINCE = re.compile(r"\b(?:[Cc]ủa|[Tt]oàn|[Cc]ả)\s+(?:tỉnh|thành phố)\b(?!\s+[A-ZÀ-ỸĐ])")
_THE_PROVINCE_AGAIN = 2
_CLOSES_ADDRESS = re.compile(
    rf"(?i:{word_alternation(UNITS_BELOW_PROVINCE)})\s+[A-ZÀ-ỸĐ0-9][^\n,;.()]{{0,30}},\s*(?i:tỉnh|thành phố|tp\.?)\s*$"
)
_ADDRESS_REACH = 60
_RANKING_TITLE = re.compile(word_alternation(RANK_CUES + RANK_GROUP), re.IGNORECASE)


# --- a province known by one of its districts -----------------------------------------------

# The unit the GSO list (vietnam-provinces 0.6.0, January 2025: the 63 provinces and their
# districts before the 2025 reform) prints before each district's name.
_DISTRICT_UNIT = re.compile(r"^" + word_alternation(DISTRICT_UNITS) + r"\s+", re.IGNORECASE)
# A district named in the text with its unit; the unit it bears may be older or newer than the
# list's (a huyện became a thị xã), so any one will do.
_DISTRICT_CUE = r"(?i:" + word_alternation(DISTRICT_UNITS) + r")\s*"


@lru_cache(maxsize=1)
def _district_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over the district names that only one province has, and key → GSO code.
    A name two provinces share ("Châu Thành", "Phú Tân") locates nothing, so it is left out;
    so are the numbered urban districts ("Quận 1"), which a count could mimic."""
    with NESTED_DIVISIONS_JSON_PATH.open(encoding="utf-8") as handle:
        divisions = json.load(handle)
    owners: dict[str, set[str]] = defaultdict(set)
    spelling: dict[str, str] = {}
    for province in divisions:
        for district in province["districts"]:
            name = normalize_text(_DISTRICT_UNIT.sub("", district["name"]))
            if name[:1].isalpha():
                owners[_key(name)].add(f"{province['code']:02d}")
                spelling.setdefault(_key(name), name)
    unique = {key: next(iter(codes)) for key, codes in owners.items() if len(codes) == 1}
    names = sorted((spelling[key] for key in unique), key=len, reverse=True)
    alternation = _by_first_letter([_name_regex(name) for name in names])
    regex = re.compile(_DISTRICT_CUE + r"(?P<name>(?i:" + alternation + r"))(?!\w)")
    return regex, unique


def province_by_district(text: str) -> tuple[str | None, str | None]:
    """(gso_code, evidence) of the one province whose districts the text names, when it names no
    province itself ("UBND XÃ CẨM VĂN, HUYỆN CẨM GIÀNG" → Hải Dương): a commune's or district's
    report often names only its district. Districts of two provinces, or a name two provinces
    share, give (None, None): never a guess."""
    text = normalize_text(text)
    if _name_mentions(text):
        return None, None
    regex, owners = _district_index()
    found: dict[str, str] = {}
    for match in regex.finditer(text):
        name = match.group("name")
        capitalised = all(word[0].isupper() for word in re.findall(r"[^\W\d_]+", name))
        if not capitalised or _on_chrome_line(text, match.start()):
            continue
        found.setdefault(owners[_key(name)], match.group().strip())
    if len(found) != 1:
        return None, None
    code, evidence = next(iter(found.items()))
    return code, f"district:{evidence}"


def province_by_code(gso_code: str) -> Province | None:
    return next((p for p in load_provinces() if p.gso_code == gso_code), None)


# --- a province named outside the text: a manifest cell, a URL host, a file name ----------


def province_from_name(value: str) -> str | None:
    """GSO code of a province given by name (with or without diacritics, "Tỉnh"/"TP" or not) or code."""
    value = value.strip()
    if re.fullmatch(r"\d{1,2}", value):
        code = value.zfill(2)
        return code if province_by_code(code) is not None else None
    key = _key(re.sub(r"^(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+", "", normalize_text(value), flags=re.IGNORECASE))
    _, by_key = _name_index()
    code, _ = by_key.get(key, (None, ""))
    if code is None:
        code, _ = by_key.get(_key(ascii_fold(value).title()), (None, ""))
    return code


def province_from_url(url: str) -> tuple[str | None, str | None]:
    """(GSO code, host) of the province a URL's host names, e.g. baolaocai.vn, laocai.gov.vn,
    stttt.quang-ninh.gov.vn; (None, host) for a national site or a host that names none."""
    host = _host(url)
    if not host:
        return None, None
    if is_national_site(url):
        return None, host  # a national site: no province, never a guess
    for label in host.split("."):
        label = ascii_fold(_idna(label)).replace("-", "")
        if not label or label in HOST_PREFIXES or label in _TOP_LEVEL_LABELS:
            continue
        for slug, code in _slugs():
            if _label_has_slug(label, slug) or (label.startswith(HOST_PREFIXES) and _unprefixed(label) == slug):
                return code, host
    return None, host


def is_national_site(url: str) -> bool:
    """The URL's host is a national newspaper, ministry or government site (lexicon.NATIONAL_SITES)."""
    host = _host(url)
    return bool(host) and any(host == site or host.endswith("." + site) for site in NATIONAL_SITES)


def province_from_file_name(file_name: str) -> tuple[str | None, str | None]:
    """(GSO code, evidence) from a province slug in the file name ("012_thanh-hoa.txt"), else (None, None)."""
    mentions = _file_name_mention(file_name)
    if not mentions:
        return None, None
    return mentions[0].gso_code, f"file:{file_name}"


_TOP_LEVEL_LABELS = frozenset({"vn", "com", "net", "org", "gov", "edu", "info", "int", "biz"})


def _host(url: str) -> str | None:
    text = url.strip()
    if not text:
        return None
    parsed = urlsplit(text if "://" in text else "http://" + text)
    try:
        host = parsed.hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def _idna(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def _unprefixed(label: str) -> str:
    """"baolaocai" → "laocai", "sotttthue" → "hue": a portal prefix before the place."""
    for prefix in sorted(HOST_PREFIXES, key=len, reverse=True):
        if label.startswith(prefix) and len(label) > len(prefix):
            return label[len(prefix) :]
    return label
