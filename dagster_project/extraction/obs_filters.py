"""Digits that are not figures: dates, document numbers, labels, page furniture.

`blocked_mask` marks whole spans of the report (a date, a document number, a
visitor counter line) so that no number inside them becomes a figure;
`label_reason` judges one number by its neighbours ("mức độ 3", "4G", "10 năm").
"""
from __future__ import annotations

import re

from dagster_project.extraction import lexicon
from dagster_project.extraction.dates import DAY, EN_MONTH_NAMES, MONTH, find_dates
from dagster_project.extraction.layout_lines import letter_cases
from dagster_project.extraction.numbers import Lang
from dagster_project.extraction.words import segmenter

_I = re.IGNORECASE
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

_DATE_CUE = lexicon.alternation(lexicon.DATE_CUES)
_AMBIGUOUS_DATE_CUE = lexicon.alternation(lexicon.AMBIGUOUS_DATE_CUES)
# Words that follow a date, not a counted noun ("đến 30/11 toàn tỉnh có", "từ 1/7 đến 30/9").
_AFTER_DATE = lexicon.word_alternation(lexicon.AFTER_DATE_WORDS)
# A day/month: day 1-31, month 1-12.
_DAY_MONTH = r"(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])"

_DOCUMENT_NOUNS = tuple(n for n in lexicon.DOCUMENT_NAMES if n not in lexicon.DOCUMENT_NAMES_ALSO_VERBS)
_DOCUMENT_NUMBER = r"\d+(?!\d)(?![.,]\d)"

# Whole spans that never hold a figure. Order does not matter: all are masked.
_BLOCK_PATTERNS: tuple[re.Pattern[str], ...] = (
    # URLs, e-mail addresses and bare domains (data.nghean.gov.vn).
    re.compile(r"https?://\S*|www\.\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:gov|com|net|org|edu)(?:\.vn)?\b|\b[\w-]+\.vn\b", _I),
    # Document numbers: 36-NQ/TW, 378/BC-UBND, 05/2017/QĐ-TTg, 07-ĐA/TU.
    re.compile(rf"\b\d+(?:/\d+)*[/-][{_UPPER}][\w&]*(?:[/-][\w&]+)*"),
    # Full dates: 26/03/2024, 1-12-2022, 2.9.2023, 2024-08-14, 2022-11.
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"),
    re.compile(r"\b(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?\b"),
    # Month/year and quarter/year: 12/2020, 9.2025, IV/2025.
    re.compile(r"\b\d{1,2}[/.](?:19|20)\d{2}\b"),
    re.compile(r"\b[IVX]+/(?:19|20)\d{2}\b"),
    # Day/month after a date word: "ngày 20/5", "chiều 19.9", "từ ngày 1.7 - 10.9". After
    # "từ", "đến", "tới" a day/month is a date only when it can be one and no counted noun
    # follows: "đến 30/11, toàn tỉnh" is a date, "đến 18/18 xã" a ratio. One pattern, one pass.
    re.compile(
        rf"\b(?:{_DATE_CUE}\s+(?:ngày\s+)?\d{{1,2}}[/.]\d{{1,2}}\b(?:\s*[-–]\s*\d{{1,2}}[/.]\d{{1,2}}\b)?"
        rf"|{_AMBIGUOUS_DATE_CUE}\s+(?:{_DAY_MONTH}\b(?=\s*(?:[,;.:)\]]|$|{_AFTER_DATE}))"
        rf"|{_DAY_MONTH}\s*[-–]\s*{_DAY_MONTH}\b))",
        _I,
    ),
    re.compile(r"\b(?:ngày|hôm|sáng|chiều|tối|trưa|đêm)\s+\d{1,2}-\d{1,2}\b", _I),
    # A named day and its date: "Ngày Chuyển đổi số quốc gia 10/10", "Ngày Bưu chính thế giới 9/10".
    re.compile(rf"\bNgày\s+[{_UPPER}][^\W\d]*(?:\s+[^\W\d]+){{0,5}}\s+\(?{_DAY_MONTH}\b(?![/.]\d)"),
    re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", _I),
    # Clock times, audio players, time zones: 16:42, 15:44:05, 0:00 / 0:00, GMT +7.
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\b", _I),
    re.compile(r"\b(?:GMT|UTC)\s*[+-]\s*\d+", _I),
    # Year ranges and years: 2019 - 2020, 2021-2025, năm 2025.
    re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b"),
    # Standards and versions: ISO 9001:2008, TCVN 7562, phiên bản 2.0, 4.0.
    re.compile(r"\b(?:ISO|TCVN|QCVN|IEC|IEEE|EN|ISO/IEC)\s*\d+(?:[:-]\d+)*", _I),
    re.compile(r"\b(?:phiên bản|version|ver\.?|v)\s*\d+(?:\.\d+)+", _I),
    re.compile(r"\b\d\.0\b"),
    # Round-the-clock service: 24/7, 24/24, 24h; "24/24 xã" counts communes.
    re.compile(
        r"\b24\s*/\s*7\b|\b24h\b|\b24\s*/\s*24\b(?!\s+"
        + lexicon.word_alternation(lexicon.PLACE_UNIT_WORDS + lexicon.BASES["agencies"]) + ")",
        _I,
    ),
    # Phone numbers: 0276 3822 123, (0236) 3822 456, 0912.345.678, 1900 1234.
    # Groups of 3 or 4 digits in either order after an area or mobile prefix.
    re.compile(r"\(?\b0\d{2,3}\)?[\s.]?\d{3,4}[\s.]?\d{3,4}\b"),
    re.compile(r"(?<!\w)(?:ĐT|Điện thoại|Hotline|Tel|Fax|SĐT|Đường dây nóng|Tổng đài|Call center)\s*:?\s*[\d\s.()+-]{4,}", _I),
    # ... also when words say whose line it is: "Đường dây nóng hỗ trợ dịch vụ công: 1022"
    re.compile(r"(?<!\w)(?:Hotline|Đường dây nóng|Tổng đài)(?:\s+[^\W\d]+){1,10}\s*:\s*+"
               r"(?!\d{1,3}(?:\.\d{3})+(?!\.?\d))[\d\s.()+-]{3,}(?=[.;,]?\s*$|[;,]|\.\s)", _I | re.M),
    # The number someone is told to call: "gọi số 115", "gọi tới tổng đài 1022".
    re.compile(r"(?<!\w)gọi(?:\s+(?:đến|tới|vào))?\s+(?:số|số điện thoại|tổng đài|đường dây nóng|hotline)\s+\d[\d.]*(?:\s\d{2,4})*", _I),
    # National emergency lines named by their service, in a name or after a line's word: "Trung tâm
    # Cấp cứu 115", "gọi cứu hỏa 114"; "đã cấp cứu 115 ca" counts cases.
    re.compile(
        r"(?:(?<!\w)(?i:trung tâm|tổng đài|đường dây nóng|gọi|số)\s+(?i:" + lexicon.alternation(lexicon.EMERGENCY_SERVICES)
        + r")|(?<!\w)" + lexicon.alternation([w[0].upper() + w[1:] for w in lexicon.EMERGENCY_SERVICES])
        + r")\s+11[1-5](?![\d.,/]?\d)"
    ),
    # Service numbers, whatever names them: 1900 6769, 19006769, 1800.6688, 1900 54 54 81 (thousands are
    # grouped by three, so four digits after 1800/1900 are a phone number's).
    re.compile(r"(?<![\w.,])1[89]00(?:[\s.]?\d{4}(?:\d{2})?|(?:[\s.]\d{2,3}){2,3})(?![\w.,]?\d)"),
    # Street addresses: "số 12 Trần Phú", "Số 3 Đặng Văn Bình".
    re.compile(rf"\b[sS]ố\s+\d+[A-Z]?\s+(?=[{_UPPER}])"),
    # A map's scale: "bản đồ tỷ lệ 1:2.000", "tỷ lệ 1/500", "1:10.000", "scale 1:25,000".
    re.compile(
        r"\b(?:tỷ lệ|tỉ lệ|scale)\s+1\s*[:/]\s*(?:\d{1,3}(?:[.,]\d{3})+|\d{3,})(?![\d.,]?\d)"
        r"|\b1\s*:\s*\d{1,3}(?:[.,]\d{3})+(?![\d.,]?\d)",
        _I,
    ),
    # Frequencies: "ít nhất 1 lần/năm", "2 lần/tháng", "twice a year" has no digits.
    re.compile(r"\b\d+\s*lần\s*/\s*(?:năm|tháng|quý|tuần|ngày)\b", _I),
    # A month and day without a year ("HANOI, July 18 (HNP) –", "on 18 July"): a date.
    re.compile(
        r"\b(?:" + EN_MONTH_NAMES + r")\.?\s+\d{1,2}\b(?!\s*,?\s*\d)|\b\d{1,2}\s+(?:" + EN_MONTH_NAMES + r")\b",
        _I,
    ),
    # An age in an English apposition: "Nguyen Quang Minh, 52, said".
    re.compile(r"\b[A-Z][a-z]+,\s+\d{1,2},\s+(?=[a-z])"),
    # Names of documents and programmes: "Nghị quyết số 17", "Đề án 06", "Chương trình 100 ...".
    # A document's number has no thousands separator ("đã hướng dẫn 46.520 người" counts people).
    re.compile(r"\b" + lexicon.alternation(_DOCUMENT_NOUNS) + r"\s+(?:(?:số\s+|No\.?\s*)\d+|" + _DOCUMENT_NUMBER + ")", _I),
    re.compile(r"\b" + lexicon.alternation(lexicon.DOCUMENT_NAMES_ALSO_VERBS)
               + r"\s+(?:(?:số\s+|No\.?\s*)\d+|" + _DOCUMENT_NUMBER + r"(?=\s*/))", _I),
    re.compile(r"\b" + lexicon.alternation(lexicon.DOCUMENT_NAMES_ALSO_VERBS) + r"\s+" + _DOCUMENT_NUMBER),
    # Ordinals inside names: "lần thứ 4", and a number right before "2G/3G/4G/5G".
    re.compile(r"\b\d\s*G\b(?:\s*/\s*\d\s*G\b)*"),
    # Dimensions of images and models: "3D", "số hóa 2D/3D", "thực tế ảo 360 độ".
    re.compile(r"\b[234]D\b(?:\s*/\s*[234]D\b)*|\b360\s*(?:độ|°)", _I),
    # A number glued to one capital letter names a form, class or model: "mẫu 2C", "lớp 10A".
    re.compile(r"\b\d{1,3}[A-ZĐ]\b"),
    # Hyphen-glued codes: COVID-19, VNPT-HIS 2.
    re.compile(r"\b[^\W\d_]+-\d+\b"),
    # HTML debris left in plain text: tags with their attributes (style="width: 100%")
    # and character references (&#8211;); numbers inside them are markup, not prose.
    re.compile(r"</?[A-Za-z][^<>\n]{0,400}>|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);"),
    # Pagination runs "1 2 3 4 5": three or more small numbers counting up from 1.
    re.compile(r"(?<![\d.,])1(?:\s+2)(?:\s+3)(?:\s+4)?(?:\s+5)?(?:\s+6)?(?:\s+7)?(?:\s+8)?(?:\s+9)?(?![\d.,%])"),
)

# Short lines holding one of these are page furniture (counters, pagination, ratings).
_FURNITURE = re.compile(lexicon.PORTAL_FURNITURE_PATTERN, _I)
_FOOTER_WORDS = 60  # longest footer line read as furniture by its labels alone
_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _I)
_HAS_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_LINE = re.compile(r"[^\n]+")
_QUOTED = re.compile(r"[“\"]([^”\"\n]{1,120})[”\"]")
# Numbering at the start of a line: "1.", "2)", "a)", "IV.", and "1.1" / "2.3.1" before a
# heading's capital letter ("1.1 Dịch vụ công trực tuyến").
_LIST_MARKER = re.compile(
    rf"(?m)^\s*(?:\(?\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVX]+[.)])(?=\s)|^\s*\d{{1,2}}(?:\.\d{{1,2}})+(?=\s+[{_UPPER}])"
)


# Service levels and other labels with their lists: "mức độ 3, 4", "mức 3, mức 4", "level 4".
_LABEL = re.compile(
    r"\b(?:" + "|".join(lexicon.LABEL_NOUNS_BEFORE) + r")"
    # a label's number has no thousands separator ("tổ 1.296" in a row whose unit is "tổ")
    # one space: a run of them or a tab is a table's column gap ("tổ        91        91")
    r"[ \u00a0\n]\d+(?!\d)(?![.,]\d{3}(?!\d))(?![\d.,]*\s?%)"
    # a listed digit, not the first digit of a figure ("Năm 2024, 2.860 cán bộ")
    r"(?:\s*(?:,|và|–|-|and|to|or|hoặc|đến)\s*(?:mức độ\s+|mức\s+|level\s+)?\d\b(?![.,]\d))*",
    _I,
)
_ROAD_LABEL = re.compile(
    r"\b(?:" + "|".join(lexicon.ROAD_NOUNS) + r")\s+\d{1,3}[A-Z]?\b(?:\s*(?:,|và|and|-)\s*\d{1,3}[A-Z]?\b(?![.,]\d))*", _I
)
_SYLLABLE_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _ends_a_longer_word(text: str, start: int) -> bool:
    """The label noun at `start` is the last syllable of a word ("cấu hình 1.028 dịch vụ",
    "màn hình"): no label."""
    before = _SYLLABLE_BEFORE.search(text, max(0, start - 12), start)
    first = re.match(r"[^\W\d_]+", text[start:])
    return before is not None and first is not None and segmenter().is_word(f"{before.group(1)} {first.group()}")


def blocked_mask(text: str) -> bytearray:
    """1 for every character that belongs to a non-figure span, else 0."""
    mask = bytearray(len(text))
    for pattern in _BLOCK_PATTERNS:
        for m in pattern.finditer(text):
            _mark(mask, m.start(), m.end())
    for m in _LABEL.finditer(text):
        if not _ends_a_longer_word(text, m.start()):
            _mark(mask, m.start(), m.end())
    for m in _ROAD_LABEL.finditer(text):
        _mark(mask, m.start(), m.end())
    for m in _LIST_MARKER.finditer(text):
        _mark(mask, m.start(), m.end())
    for start, end in _furniture_lines(text):
        _mark(mask, start, end)
    for start, end in _quoted_names(text):
        _mark(mask, start, end)
    # Every date the date reader knows ("7 March 2023", "ngày 5 tháng 9 năm 2020"),
    # so the regexes above need not repeat each written form. Year-only mentions
    # stay: "năm 2023" is judged by `label_reason`, which keeps "hơn 2023 hộ".
    for mention in find_dates(text):
        if mention.precision in (DAY, MONTH):
            _mark(mask, mention.start, mention.end)
    return mask


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """Lines of page furniture: counters, date lines with view counts, all-caps headings."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        words = len(line.split())
        labels = {f.group().lower() for f in _FURNITURE.finditer(line)} if words <= _FOOTER_WORDS else set()
        if labels and (words <= 14 or len(labels) >= 2):
            # a counter or a date line's chrome; or a site's footer on one line ("Cơ quan chủ
            # quản: ... Địa chỉ: ... Điện thoại: ... Lượt truy cập: 4.812.337")
            spans.append((m.start(), m.end()))
        elif words <= 12 and (_HAS_DATE.search(line) or _WEEKDAY.search(line)) and _few_words(line):
            # "Thứ tư - 14/08/2024 16:42 164 0": the numbers after a date line are counters.
            spans.append((m.start(), m.end()))
        elif _is_shouting(line):
            # An all-caps heading restates a figure of the body ("HƠN 98% HỒ SƠ").
            spans.append((m.start(), m.end()))
    return spans


def _few_words(line: str) -> bool:
    """A date line has at most a weekday and a time zone besides its digits."""
    return len(re.findall(r"[^\W\d_]{2,}", line)) <= 5


def _is_shouting(line: str) -> bool:
    if len(line) < 8:
        return False
    upper, lower = letter_cases(line)
    return upper + lower >= 8 and upper > 0.8 * (upper + lower)


_SPOKEN_BEFORE = re.compile(lexicon.word_alternation(lexicon.SPEECH_VERBS) + r"\s*:?\s*$", _I)


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """Short quoted titles ("Đào tạo 100 chuyên gia ...") are names, not figures; what a
    speaker said is not ('Giám đốc Sở cho biết: "Tỉnh đã lắp 137 trạm BTS"')."""
    spans = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        if _SPOKEN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if "%" not in inner and len(inner.split()) <= 12 and inner[:1].isupper():
            spans.append(m.span())
    return spans


# --- judging one number by its neighbours -------------------------------------------

# Words after a number that make it a duration, an age or a label, not a figure.
_AFTER_LABEL = re.compile(
    r"\s*(?:" + lexicon.alternation(lexicon.DURATION_WORDS) + r"|"
    + "|".join(w + r"s?\b" for w in lexicon.EN_DURATION_WORDS) + r"|" + "|".join(lexicon.LABEL_NOUNS_AFTER) + r")",
    _I,
)
_RANK_CUE = re.compile(lexicon.alternation(lexicon.RANK_CUES), _I)
_YEARISH_BEFORE = re.compile(r"(?:năm|từ|đến|tới|cuối|đầu|giữa|in|by|since|of|year|mùa|xuân|hè|thu|đông)\s*$", _I)
_QUALIFIER_BEFORE = re.compile(lexicon.alternation(lexicon.COUNT_QUALIFIERS) + r"\s*$", _I)


_RANGE_UPPER = re.compile(r"\s*(?:-|–|đến|tới|to)\s*\d+(?:[.,]\d+)?", _I)
# An age named before its number: "có độ tuổi chủ yếu từ 18 đến 45", "tuổi bình quân 38",
# "aged 18 to 45" (not "người cao tuổi", whose number counts people).
_AGE_BEFORE = re.compile(
    # (not an age already stated: "trẻ dưới 6 tuổi: 139/138 đơn vị" counts units)
    r"(?<!cao )(?<!lớn )(?<!\d )(?<!\d)\b(?:độ\s+)?(?:tuổi|aged?|ages)"
    r"(?:\s+(?:chủ\s+yếu|phổ\s+biến|trung\s+bình|bình\s+quân|từ|khoảng|là|đạt|between|from|of))*\s*:?\s*"
    r"(?:\d{1,3}\s*(?:-|–|đến|tới|to|and)\s*)?$",
    _I,
)

# ... or as the subject of "là": "Độ tuổi trung bình của người được cấp chữ ký số là 38".
_AGE_SUBJECT_BEFORE = re.compile(
    r"(?<!cao )(?<!lớn )\b(?:độ\s+tuổi|tuổi\s+(?:trung\s+bình|bình\s+quân))(?:\s+(?:trung\s+bình|bình\s+quân))?"
    r"\s+của\s+[^\d.;:!?]{1,60}?\s(?:là|đạt|khoảng|chỉ)(?:\s+(?:khoảng|là))?\s*$",
    _I,
)
_AGE_SUBJECT_REACH = 90  # characters back: the subject names whose age it is
# The number of an item in a list run into a sentence: "chia theo ba nhóm: (1) cấp tỉnh
# 1.436 thủ tục; (2) cấp huyện ..." or "gồm: 1) ...; 2) ...".
_ITEM_NUMBER_BEFORE = re.compile(r"(?:^|[:;,.]|\n)\s*\(?\s*$")
_ITEM_NUMBER_AFTER = re.compile(r"\s*\)\s+[^\s)]")
_ITEM_NUMBER_MAX = 30  # an item number that high is no list's, it counts something

_FIRST_PERSON = re.compile(
    "".join(rf"(?<!{w} )" for w in lexicon.FIRST_PERSON_PLURAL_BEFORE) + lexicon.word_alternation(lexicon.FIRST_PERSON_SINGULAR), _I
)


def in_personal_account(text: str, sentence_start: int, sentence_end: int, start: int) -> bool:
    """The number at `start` is inside a quotation whose sentence speaks in the first person
    singular: 'chị Linh kể: "Mỗi tối tôi hỗ trợ được chừng 10 người"'. Only the figure's own
    sentence counts: a villager's "Cả thôn có 187 hộ thì nay đã có 152 hộ dùng điện thoại
    thông minh" reports the village, though "tôi" follows in the next one."""
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start]
    if before.rfind("“") > before.rfind("”"):
        opened = para + before.rfind("“")
    elif before.count('"') % 2:
        opened = para + before.rfind('"')
    else:
        return False
    closes = [i for i in (text.find("”", start, sentence_end), text.find('"', start, sentence_end)) if i >= 0]
    return bool(_FIRST_PERSON.search(text, max(opened, sentence_start), min(closes, default=sentence_end)))


def label_reason(text: str, start: int, end: int, clause_start: int, lang: Lang) -> str | None:
    """Why the number at text[start:end] is not a figure, or None when it is one."""
    # A word on the next line is no unit of this number: "86,0" ending a table row before
    # "Cấp huyện ..." is no "86 cấp". (Wrapped lines are already joined in the reading text.)
    after = text[end : end + 30].split("\n", 1)[0]
    before = text[max(clause_start, start - 40) : start]
    raw = text[start:end]
    if after.startswith("%") or re.match(r"\s?%|\s*(?:percent|per cent|phần trăm)\b", after, _I):
        return None
    if re.search(r"\bthứ\s*$", before, _I):
        if re.search(r"lần\s+thứ\s*$", before, _I) or not _RANK_CUE.search(text[clause_start:start]):
            return "ordinal in a name"
        return None
    if _glued_before(text, start):
        return "glued to a word before"
    if raw.isdigit() and int(raw) <= _ITEM_NUMBER_MAX and _ITEM_NUMBER_AFTER.match(after) and _ITEM_NUMBER_BEFORE.search(before):
        return "number of a list item"
    if re.match(rf"[{_UPPER}][a-zà-ỹ]", after):
        return "glued to a capitalised word"
    if re.match(r"(?:st|nd|rd|th)\b", after) and not _RANK_CUE.search(text[max(clause_start, start - 20) : start]):
        return "English ordinal in a name"
    if _AFTER_LABEL.match(after) and not re.match(r"\s*lần\b", after) and not _counted_at_level(text, start, end):
        return "duration or label noun"
    upper = _RANGE_UPPER.match(after)
    if upper and _AFTER_LABEL.match(after, upper.end()) and not re.match(r"\s*lần\b", after[upper.end() :]):
        return "lower bound of a range of durations or ages"  # "từ 18 đến 30 tuổi", "3-5 ngày"
    if _AGE_BEFORE.search(before) or _AGE_SUBJECT_BEFORE.search(text, max(clause_start, start - _AGE_SUBJECT_REACH), start):
        return "age"
    if raw.isdigit() and 1 <= int(raw) <= 31 and _DAY_BEFORE.search(before) and not _COUNTED_AFTER_DAY.match(after):
        return "day of the month"  # "vào ngày 15 hằng tháng"
    if _DURATION_BEFORE.search(before):
        return "duration"  # "thời lượng 2 buổi", "kéo dài 3 buổi"
    if _vague_pair(raw, before, after):
        return "vague count ('4, 5 hồ sơ': four or five)"
    if raw.isdigit() and len(raw) == 4 and 1945 <= int(raw) <= 2100:
        if not _QUALIFIER_BEFORE.search(before) or _YEARISH_BEFORE.search(before):
            return "year"
    if re.match(r"\s*trong\s+(?:số\s+)?\d", after) and raw in {"1", "01"}:
        return "'1 trong N' (one of N)"
    if _threshold(text, start, end, before):
        return "threshold of a definition"
    if raw.isdigit() and _between_names(text, start, end, before) and not _named_part(text, start, end, clause_start):
        return "part of a proper name"
    return None


# "mất cả buổi mới xong 4, 5 hồ sơ", "đi lại 3, 4 lần": two consecutive digits joined by a
# comma before a noun say "about", not two figures (a list goes on: "4, 5 và 6 xã").
_DAY_BEFORE = re.compile(r"\b(?:vào|từ|đến|trước|sau|mỗi)?\s*ngày\s*$", _I)
_COUNTED_AFTER_DAY = re.compile(r"\s*(?:lần|lượt|ngày|giờ|tháng)\b", _I)
_DURATION_BEFORE = re.compile(r"\b(?:thời lượng|kéo dài)\s*(?:khoảng|là|:|từ)?\s*$", _I)
_PAIR_NEXT = re.compile(r",\s*(\d)(?![\d.,])(?!\s*(?:,|và\b|and\b|hoặc\b|or\b))\s+[^\W\d_]", _I)
_PAIR_PREV = re.compile(r"(?<![\d,]\s)(?<![\d,])\b(\d),\s*$")
_PAIR_GOES_ON = re.compile(r"\s*(?:,|và\b|and\b|hoặc\b|or\b)\s*\d", _I)


def _vague_pair(raw: str, before: str, after: str) -> bool:
    if len(raw) != 1 or not raw.isdigit():
        return False
    following = _PAIR_NEXT.match(after)
    if following and int(following.group(1)) == int(raw) + 1 and not _PAIR_PREV.search(before):
        return True
    preceding = _PAIR_PREV.search(before)
    return bool(
        preceding and int(preceding.group(1)) == int(raw) - 1
        and re.match(r"\s+[^\W\d_]", after) and not _PAIR_GOES_ON.match(after)
    )


_AT_LEVEL = r"cấp\s+(?:" + lexicon.alternation(lexicon.LEVELS_OF_GOVERNMENT) + r")"
_LIST_JOIN = r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)"
_LEVEL_NEXT = re.compile(r"\s*" + _AT_LEVEL + _LIST_JOIN + r"\d+\s*" + _AT_LEVEL, _I)
_LEVEL_PREVIOUS = re.compile(r"\d+\s*" + _AT_LEVEL + _LIST_JOIN + r"$", _I)


def _counted_at_level(text: str, start: int, end: int) -> bool:
    """"(01 cấp huyện, 14 cấp xã)": counts listed by the level they are at, not "4 cấp" (four levels)."""
    return bool(_LEVEL_NEXT.match(text, end, end + 60) or _LEVEL_PREVIOUS.search(text[max(0, start - 40) : start]))


_NAME = rf"[{_UPPER}][^\W\d_]*(?:[- ][{_UPPER}][^\W\d_]*)?"
_NAMED_NEXT = re.compile(_LIST_JOIN + _NAME + r"\s+\d")
_NAMED_PREVIOUS = re.compile(r"\d" + _LIST_JOIN + _NAME + r"\s+$")
_BREAKDOWN_OPENS = re.compile(r"\d[^;]*?(?:\(|:|" + lexicon.alternation(lexicon.PART_MARKERS) + r")\s*" + _NAME + r"\s+\d", _I)


def _named_part(text: str, start: int, end: int, clause_start: int) -> bool:
    """"164 trạm (Viettel 68, VNPT 54, MobiFone 42)": parts of a total named by who holds them, in a
    list that opens after the total with "(", ":" or "trong đó"; a lone "Zalo 1022" stays a name."""
    listed = _NAMED_NEXT.match(text, end, end + 40) or _NAMED_PREVIOUS.search(text[max(clause_start, start - 40) : start])
    return bool(listed and _BREAKDOWN_OPENS.search(text, clause_start, end))


def _glued_before(text: str, start: int) -> bool:
    """"truy cập86" is furniture; "VND20" is a currency and stays."""
    if start == 0 or not text[start - 1].isalpha():
        return False
    word = re.search(r"[^\W\d_]+$", text[max(0, start - 12) : start])
    return not (word and word.group().upper() in {"VND", "USD", "VNĐ", "Đ", "US"})


def _threshold(text: str, start: int, end: int, before: str) -> bool:
    """"từ đủ 14 tuổi trở lên", "từ 200 Mbps trở lên": a definition's threshold."""
    if not re.search(r"\btừ\s+(?:đủ\s+)?$", before, _I):
        return False
    return bool(re.match(r"\s*[^\d,;.]{0,20}?trở lên", text[end : end + 40], _I))


def _between_names(text: str, start: int, end: int, before: str) -> bool:
    """"Fanpage 1022 Tây Ninh", "Zalo 1022": a bare number between capitalised words."""
    prev = re.search(r"([^\W\d_]+)\s+$", before)
    if not prev or not prev.group(1)[0].isupper() or prev.group(1).lower() in {"top", "có", "tốp"}:
        return False
    word_start = start - len(before) + prev.start(1)
    preceding = text[max(0, word_start - 3) : word_start].rstrip(" \t")
    if not preceding or preceding[-1] in ".!?:\n\"“(-•*":
        return False  # capital because it starts the sentence ("Có 187 điểm")
    nxt = text[end : end + 20]
    return bool(re.match(rf"\s+[{_UPPER}]", nxt) or re.match(r"\s*(?:[;,.)]|$)", nxt))
