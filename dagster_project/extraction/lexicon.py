"""The words the extractor reads reports by, in one place.

Every rule module builds its patterns from these tables instead of spelling
the words again: months and weekdays, qualifiers, scale words and units,
words for levels of government, target and as-of cues, the vocabulary of
official documents (headings, table columns, unit lines, page furniture) and
the sites that publish national news. Tables are plain data (tuples of words,
lower case, with diacritics); the small functions below turn them into regex
alternations. Nothing here compiles a pattern at import time that a module
does not use.

Sections (append new ones at the end, keep each with its own heading):
  calendar · numbers and units · qualifiers · labels that are not figures ·
  levels of government · targets · as-of dates · document structure ·
  tables · page furniture · sites · classification (bases, measure words, relevance,
  subject openers; entries lower case, a trailing '*' lets the last word go on).
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words` (escaped, longest first, spaces as \\s+)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def word_alternation(words: Iterable[str]) -> str:
    """Like `alternation`, bounded so that no word matches inside a longer word."""
    return r"(?<![^\W\d_])" + alternation(words) + r"(?![^\W\d_])"


# --- calendar ---------------------------------------------------------------------

# English month names and abbreviations → month number.
EN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# How many months a period spans, written out in English ("in the first nine months").
EN_MONTH_COUNTS: dict[str, int] = {
    w: n for n, w in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), start=1
    )
}
# Words that open a sentence with the period it reports ("Riêng 9 tháng năm 2025, ...").
PERIOD_OPENERS: tuple[str, ...] = (
    "trong", "riêng", "tính riêng", "chỉ trong", "chỉ riêng", "lũy kế", "luỹ kế", "kết quả", "sau",
)

# Verbs that introduce what someone said: a quotation after them may open on its period
# ("Ông ..., Giám đốc Viettel, cho biết: \"Riêng 9 tháng năm 2025, ...").
SPEECH_VERBS: tuple[str, ...] = (
    "cho biết", "nói", "chia sẻ", "khẳng định", "nhấn mạnh", "thông tin", "kể", "said", "says", "told",
)

# Weekday names as the portals print them in date lines ("Thứ ba", "T3", "CN").
WEEKDAY_PATTERN = (
    r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7]"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
)
# Words before a day/month that make "20/5" a date (and not a ratio).
DATE_CUES = ("ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "cuối", "đầu", "giữa", "tháng", "quý", "dịp", "date", "on")
# Words that also precede dates but as often precede ratios ("đến 18/18 xã").
AMBIGUOUS_DATE_CUES = ("từ", "đến", "tới")
# Words that follow a date rather than a counted noun ("đến 30/11 toàn tỉnh", not "đến 18/18 xã").
AFTER_DATE_WORDS = (
    "năm", "đến", "tới", "vừa", "này", "nay", "hằng", "hàng", "trở", "toàn", "tỉnh", "cả", "các", "trên", "theo",
    "của", "đã", "có", "ghi nhận", "và",
)
# Services whose national emergency line (111 to 115) follows their name: "Cấp cứu 115".
EMERGENCY_SERVICES = ("cấp cứu", "cứu thương", "cứu nạn", "cứu hộ", "cứu hỏa", "cứu hoả", "chữa cháy")
# Time words after a number: it is a duration or a date part, not a count.
DURATION_WORDS = (
    "năm", "tháng", "ngày", "tuần", "giờ", "tiếng", "phút", "giây", "quý", "thập kỷ", "thập niên", "tuổi",
)
EN_DURATION_WORDS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")
# Words after a number that make it a person's age ("công dân từ 14 tuổi trở lên"): it says
# which people, and stands between a ratio and the share that states it without parting them.
AGE_WORDS: tuple[str, ...] = ("tuổi", "years old", "year old")


# --- numbers and units ------------------------------------------------------------

# Scale words after a number and their factor; "tỷ lệ" (rate) is no billion.
SCALE_WORDS: tuple[tuple[str, float], ...] = (
    (r"(?:nghìn|ngàn)[ \t]+tỷ\b", 1e12),
    (r"(?:nghìn|ngàn|ngìn)\b", 1e3),
    (r"triệu\b", 1e6),
    (r"(?:tỷ|tỉ)\b(?![ \t]*lệ)", 1e9),
    (r"thousands?\b", 1e3),
    (r"millions?\b", 1e6),
    (r"billions?\b", 1e9),
    (r"trillions?\b", 1e12),
)
# Physical units: after them a Vietnamese "1,672" is a decimal, and the figure
# is a measure (a length, an area, a speed), not a count of things.
MEASURE_UNITS = (
    "km", "m", "cm", "mm", "ha", "kg", "g", "tấn", "mbps", "gbps", "kbps", "gb", "tb", "mb", "kw", "mw", "kwh", "mwh",
    "m3", "m³", "m2", "m²", "km2", "km²", "lít", "kv", "kva", "mva", "gw", "gwh", "hải lý",
)
# Units of length: a figure followed by one is a length, counted by the taxonomy's indicator
# whose unit is km ("5,2 nghìn km cáp quang" is cable, not a share of places with fibre).
LENGTH_UNITS = ("km", "ki-lô-mét", "kilômét", "kilomet", "cây số", "kilometre*", "kilometer*")
# ... and the word that joins a length to the thing it measures, named before it ("đường biên
# giới dài 231 km", "tuyến cáp quang dài 120 km"); not "chiều dài", whose thing stands further back.
LENGTH_OF = "dài"
# Accounts, of users of a platform: a count of them on a learning platform counts its learners
# ("152.300 tài khoản đăng ký" on a MOOC platform), never its courses.
ACCOUNT_WORDS = ("tài khoản", "lượt tài khoản", "account", "accounts")
# What accounts are opened on when a sentence names it before their count ("Cổng đặt hàng có
# 412 tài khoản", "Trang web có 486 tài khoản khách hàng"): a portal, whose users they are.
PORTAL_WORDS = ("cổng", "trang web", "website", "portal", "web portal")
# Words that say a network covers something, whichever network it is: "Hệ thống wifi miễn phí
# đã phủ sóng 64 điểm" measures the wifi, not mobile coverage.
COVERAGE_VERBS = ("phủ sóng", "coverage")
# Units of stored data, and the words that say data are stored: "Kho dữ liệu dùng chung có dung
# lượng 36 TB" measures storage, the data centre's capacity (not a database, not its records).
STORAGE_UNITS = ("tb", "gb", "pb", "terabyte*", "gigabyte*", "petabyte*")
STORAGE_CUES = ("dung lượng", "lưu trữ", "lưu", "kho dữ liệu", "máy chủ", "trung tâm dữ liệu", "storage", "stored")
# Words after which "1,672" is still read as a decimal (scales and scores count too).
DECIMAL_CONTEXT_WORDS = MEASURE_UNITS + ("tỷ", "triệu", "nghìn", "ngàn", "điểm", "lần")
# Currency words after a figure (or its scale word): the figure is money.
CURRENCY_WORDS = ("đồng", "vnđ", "vnd", "usd", "đô la", "dollars")
# ... but "đồng" opens other words: "42.360 đồng hồ" are meters, "3.000 đồng bào" people.
NOT_CURRENCY_AFTER_DONG = ("hồ", "bào", "chí", "nghiệp", "bộ", "thời", "ý", "hành", "bằng", "phục", "đội")
NOT_CURRENCY_LOOKAHEAD = r"(?!\s+" + r"(?:" + "|".join(NOT_CURRENCY_AFTER_DONG) + r")(?![^\W\d_]))"
# Bases of a per-capita rate: "thuê bao/100 dân", "per 100 inhabitants".
PER_CAPITA_BASES = ("dân", "người dân", "người", "hộ", "hộ dân", "hộ gia đình", "inhabitants", "people", "residents")
# Function words that only an English text uses often (language detection).
EN_STOPWORDS = frozenset(
    "the of and to in with is are for on by has have that this from at as was were be its "
    "their it which an or has been will".split()
)


# --- qualifiers -------------------------------------------------------------------

# Hedge words before a number; the figure keeps its bare value and the word.
QUALIFIERS = (
    "khoảng", "gần", "hơn", "trên", "ít nhất", "tối thiểu", "tối đa", "xấp xỉ", "chưa đến", "chưa tới", "dưới",
    "gần như", "over", "more than", "nearly", "about", "approximately", "almost", "around", "at least",
    "less than", "under", "up to", "roughly", "some",
)
# Symbols used as qualifiers in tables ("≥ 90", "> 80%").
QUALIFIER_SYMBOLS = ("≥", "≤", ">=", "<=", ">", "<")
# Qualifiers that make a four-digit number a count rather than a year ("hơn 2023 hộ").
COUNT_QUALIFIERS = ("hơn", "trên", "khoảng", "gần", "over", "about", "nearly", "approximately", "more than")


# --- labels that are not figures ----------------------------------------------------

# A number after these words names a thing ("mức độ 3", "Phụ lục 2", "Biểu 3", "tầng 4").
LABEL_NOUNS_BEFORE = (
    r"mức độ", r"mức", r"cấp độ", r"levels?", r"khóa", r"khoá", r"lần thứ", r"tháng", r"năm", r"quý", r"tuần",
    r"phiên bản", r"version", r"giai đoạn", r"phase", r"khu vực", r"vùng", r"tổ", r"ấp", r"khóm", r"phường",
    r"thôn", r"xóm", r"khu phố", r"khu", r"lớp",
    r"quận", r"(?<!hạ )tầng", r"Đại hội", r"Congress", r"(?<!hình )ảnh",
    r"(?<!mô )hình", r"mô hình", r"bảng(?:\s+số)?", r"biểu đồ", r"(?<!đại )biểu(?:\s+mẫu)?(?:\s+số)?", r"mẫu\s+số", r"phụ lục(?:\s+số)?", r"(?<!danh )mục", r"điều", r"(?<!tài )khoản", r"chương",
    r"figure", r"table", r"article", r"chapter", r"floor",
    # a numbered item of a list of indicators or tasks ("- Chỉ tiêu 3: Tỷ lệ ... đạt 99%")
    r"(?:chỉ tiêu|nhiệm vụ|mục tiêu|giải pháp)(?=\s+\d{1,2}\s*[:.)])",
)
# Roads are numbered, and listed by their numbers ("quốc lộ 1, 53 và 57"): obs_filters blocks them.
ROAD_NOUNS = (r"quốc lộ", r"tỉnh lộ", r"đường tỉnh", r"đường huyện", r"cao tốc", r"national roads?", r"highways?")
# Words after a number that make it a label or a level, not a figure ("3 trụ cột", "4 cấp").
# ("cửa hàng" is a shop, no gate of a one-stop chain)
LABEL_NOUNS_AFTER = (
    r"trụ cột", r"pillars?\b", r"cửa\b(?!\s+hàng)", r"chiều\b", r"cấp(?!\s*(?:ủy|uỷ))\b", r"levels?\b", r"sao\b",
    r"stars?\b",
)
# The levels of government a count is broken down by ("15 người (01 cấp huyện, 14 cấp xã)"):
# after "cấp" in a list of such counts they name where the units are, not a level number.
LEVELS_OF_GOVERNMENT: tuple[str, ...] = ("trung ương", "tỉnh", "huyện", "xã", "cơ sở", "thôn")
# Names of documents and programmes: the number after them is their number.
DOCUMENT_NAMES = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Nghị định", "Đề án", "Chương trình", "Công văn", "Luật",
    "Hướng dẫn", "Báo cáo", "Thông báo", "Tờ trình", "Kết luận", "Kế hoạch", "Quy định", "Decision", "Resolution",
    "Decree", "Directive", "Circular", "Project", "Program", "Programme",
)
# The line under an appendix's title that names the document it is attached to ("(Kèm theo
# Báo cáo số 96/BC-UBND ngày 08/4/2025 của UBND huyện)"): it names no measure of the table.
ATTACHMENT_NOTE_OPENERS = ("kèm theo", "ban hành kèm theo", "attached to", "annex to")
# ... of which these are verbs too, written in lower case: "đã hướng dẫn 46.520 người dân",
# "báo cáo 12 vụ việc". Their number is a document's only after "số", before a "/" code, or
# with the name capitalised ("Hướng dẫn 05", "Kế hoạch 120/KH-UBND").
DOCUMENT_NAMES_ALSO_VERBS = ("Hướng dẫn", "Báo cáo", "Thông báo", "Kết luận", "Kế hoạch", "Quy định")
# Words before a figure that make it an average per unit ("bình quân mỗi cơ quan có 2,4 cán
# bộ"): a rate per one unit, not a count of things (it need not be whole).
AVERAGE_WORDS = ("bình quân", "trung bình", "an average of", "on average")
# Groups whose average size is no indicator: "bình quân 5,2 thành viên mỗi tổ", "90 học viên/lớp".
GROUP_UNITS = ("tổ", "lớp", "đội", "nhóm", "khóa", "khoá", "buổi", "team", "class")
# Words joining a count of sessions to the people they were held for ("3 buổi hướng dẫn cho 24
# thợ", "5 lớp hướng dẫn 310 nông dân"): those people are the sessions' learners.
TRAINEE_CONNECTORS = ("cho", "hướng dẫn", "với", "for")
# A cap on each group is its size, a rule, not a count: "mỗi lớp không quá 60 học viên".
GROUP_CAPS = ("không quá", "không vượt quá", "tối đa", "at most", "no more than")
# Words before a number that make it a rank ("xếp thứ 3", "top 10").
RANK_CUES = ("xếp", "đứng", "hạng", "vị trí", "rank", "top", "tốp")


# --- levels of government -----------------------------------------------------------

# Phrases naming all three levels at once.
ALL_LEVELS_PATTERN = (
    r"\b(?:[3-4]|ba|bốn|03|04)\s+cấp\b|các cấp\b|từ (?:cấp )?tỉnh\b.{0,40}?(?:đến|tới) (?:cấp |các |tất cả các )?(?:xã|cơ sở)|"
    r"cấp tỉnh, (?:cấp )?huyện,? (?:và )?(?:cấp )?xã|tỉnh\s*[–-]\s*huyện\s*[–-]\s*xã|"
    r"tỉnh, huyện, xã|three levels|all levels|provincial, district and commun"
)
# Two levels named together: the level is unspecified.
TWO_LEVELS_PATTERN = r"từ cấp huyện trở lên|cấp tỉnh và cấp huyện|cấp huyện và cấp xã"
# Cities governed by the centre: "thành phố <name>" of any other is a city under its province.
CENTRAL_CITIES = ("hà nội", "hải phòng", "đà nẵng", "hồ chí minh", "cần thơ", "huế")
# Departments that lead a province's digital transformation: their reports are about all of it.
DX_LEAD_AGENCIES = ("thông tin và truyền thông", "khoa học và công nghệ")
PROVINCE_LEVEL_PATTERN = (
    r"cấp tỉnh|sở, ban, ngành|sở, ngành|\bcác sở\b|\bsở\b|cơ quan chuyên môn (?:thuộc UBND )?tỉnh|"
    r"UBND tỉnh|toàn tỉnh|provincial|departments"
)
DISTRICT_LEVEL_PATTERN = r"cấp huyện|\bhuyện\b|thị xã|\bquận\b|districts?\b"
COMMUNE_LEVEL_PATTERN = r"cấp xã|(?<!thị )\bxã\b(?!\s+hội)|\bphường\b|thị trấn|commun(?:e|es|al)\b|\bwards?\b"
NATIONAL_LEVEL_PATTERN = r"toàn quốc|cả nước|ủy ban quốc gia|uỷ ban quốc gia|nationwide|national target"
# A part of a total named only by its level: "đã tiếp nhận 168.432 hồ sơ, trong đó cấp tỉnh
# 38.217 hồ sơ, cấp huyện 41.906 hồ sơ ..." (each counts what the total counts).
LEVEL_LABELS: tuple[str, ...] = (
    "cấp tỉnh", "cấp huyện", "cấp xã", "cấp thành phố", "cấp quận", "cấp phường", "cấp thị xã",
    "ở cấp tỉnh", "ở cấp huyện", "ở cấp xã", "provincial level", "district level", "commune level",
    "at provincial level", "at district level", "at commune level",
)


# --- targets --------------------------------------------------------------------------

# Cues before a figure in its clause that make it a plan, goal or policy rate.
TARGET_CUE_PATTERN = (
    r"phấn đấu|mục tiêu|chỉ tiêu|theo kế hoạch|kế hoạch đề ra|đề ra|đặt ra|dự kiến|\bsẽ\b|"
    r"\bkế hoạch(?:\s+năm\s+(?:19|20)\d{2})?\s*:|"  # "Kế hoạch năm 2025: phát triển thêm 150 trạm"
    r"\bkế hoạch\s+năm\s+(?:19|20)\d{2}\s*,|"  # "Kế hoạch năm 2025, 100% bệnh viện ..."
    r"\bkế hoạch(?:\s+giao|\s+đề ra)?\s*$|"  # "vượt kế hoạch 26 lớp": the plan's own count, right after it
    r"\btarget|\baims? to\b|\bplans? to\b|\bwill\b|\bexpected to\b|"
    r"\b(?:is|are) (?:planned|scheduled)\b|\bscheduled to\b|"
    # a directive asks for what is still to be done ("đề nghị các doanh nghiệp phát triển thêm
    # 300 trạm"); "theo đề nghị", "đáp ứng yêu cầu" name a request, not a goal, and "đạt yêu
    # cầu" a test passed ("5.912 học viên đạt yêu cầu, chiếm 90,3%")
    # (nor "hồ sơ đề nghị cấp tài khoản", "đã đề nghị cấp 369 chứng thư": an application; nor
    # "hồ sơ có yêu cầu nghĩa vụ tài chính": what a dossier has, a requirement of its kind)
    r"(?<!theo )(?<!đáp ứng )(?<!đạt )(?<!các )(?<!những )(?<!hồ sơ )(?<!văn bản )(?<!giấy )(?<!đơn )(?<!phiếu )(?<!có )"
    # (nor a count of requests: "3.980 yêu cầu nộp qua ứng dụng")
    r"(?<!\d )(?<!\w)(?:đề nghị|yêu cầu)(?!\w)(?!\s+cấp\b)"
)
# ... or right after the counted units, in their own phrase: "9 bản còn lại dự kiến có sóng
# trước ngày 31/12/2024" (what is expected of them is still to come).
FUTURE_CUES_AFTER: tuple[str, ...] = ("dự kiến", "sẽ", "expected to", "will", "are scheduled to", "is scheduled to")
# A subsidy rate is policy: "Tỉnh hỗ trợ 30% chi phí"; a count supported is a result ("hỗ trợ
# 2.150 bộ máy tính"). Read right before a percentage only.
SUBSIDY_RATE_CUE_PATTERN = r"(?<!đã )hỗ trợ\s*(?:tối đa\s*)?$"
# "đến năm 2025": a target when the year is after publication ("tính đến"/"hết" are as-of cues).
BY_YEAR_PATTERN = r"(?<!tính )(?<!hết )\b(?:đến năm|tới năm|by)\s+((?:19|20)\d{2})\b"
# "đến cuối năm 2025": a deadline when that year's end is more than a month after publication
# (nearer, or passed, it is the date the figures are stated at).
BY_YEAR_END_PATTERN = r"(?<!tính )\b(?:đến|tới)\s+(?:cuối|hết)\s+năm\s+((?:19|20)\d{2})\b"
# Nouns for goals: a sentence ending with them announces a list of targets
# ("... với những mục tiêu cụ thể."), whatever its punctuation.
GOAL_NOUNS = ("mục tiêu", "chỉ tiêu", "targets", "goals", "target", "goal")
GOAL_NOUN_QUALIFIERS = (
    "cụ thể", "chủ yếu", "chính", "sau", "sau đây", "như sau", "cơ bản", "trọng tâm", "chủ yếu sau", "cụ thể sau",
    "cụ thể như sau", "following", "specific",
)
GOAL_DETERMINERS = ("các", "những", "một số", "với", "gồm", "the following", "these", "specific")
# Verbs that hold a result against a goal: "vượt chỉ tiêu năm là 80%", "hoàn thành chỉ tiêu
# 21 lớp" name the goal itself, even under a results heading where "chỉ tiêu" names indicators.
GOAL_HELD_AGAINST: tuple[str, ...] = ("vượt", "vượt mức", "đạt", "hoàn thành", "so với", "bằng")
# Inside a targets section, these words before a figure say it is a result.
ACTUAL_MARKERS = (
    "đã", "hiện nay", "hiện có", "hiện đạt", "mới đạt", "đến nay", "hiện tại", "tính đến nay", "so far", "currently",
)


# --- as-of dates --------------------------------------------------------------------

# Words before a date that make it the date the figures are stated at.
AS_OF_CUES = ("tính đến", "tính tới", "đến", "tới", "as of", "as at", "until")
# "cuối năm 2022", "hết năm 2022", "end of 2022": 31 December.
PERIOD_END_WORDS = ("cuối", "hết")
# What a report calls its data, or the period they cover, when it states the day they stop at
# ("số liệu tính đến ...", "Kỳ báo cáo: từ ngày ... đến ngày ...").
DATA_WORDS = ("số liệu", "kỳ báo cáo")
# The verb with which a body reports its results up to a day, in the sentence that opens
# the list of them: "UBND huyện báo cáo kết quả thực hiện tính đến ngày 30/11/2024 như sau:".
REPORTING_VERBS = ("báo cáo", "xin báo cáo")
# ... and how that sentence ends: the results follow.
AS_FOLLOWS = ("như sau", "cụ thể như sau", "sau đây")
# ... said of the report itself wherever it stands: "Các số liệu nêu trong báo cáo được tổng hợp
# đến hết ngày 30/9/2024" in section I holds for the whole report.
THE_REPORT_ITSELF = ("trong báo cáo", "của báo cáo", "báo cáo này", "tại báo cáo", "in this report", "in the report")
# A paragraph whose last sentence points at the table right below it ("Kết quả ... được tổng hợp
# ở bảng dưới đây.") introduces that table, as one ending with ":" does: the day its figures
# stand at ("tính đến ngày 30/9/2024, ...") dates the table's results too.
TABLE_BELOW = ("bảng dưới đây", "bảng sau", "bảng bên dưới", "biểu dưới đây", "biểu sau", "table below", "following table")


# --- document structure -------------------------------------------------------------

# Document types printed alone on the line above an official document's subject.
DOCUMENT_TYPES = (
    "báo cáo", "kế hoạch", "quyết định", "tờ trình", "thông báo", "chương trình", "đề án", "công văn", "nghị quyết",
    "chỉ thị", "hướng dẫn", "kết luận",
)
# The national motto printed at the top right of every official document.
NATIONAL_MOTTO_PATTERN = r"cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc"
# Short lines naming the issuing body at the top left ("ỦY BAN NHÂN DÂN", "SỞ THÔNG TIN ...").
# The line of an official document's number ("Số: 418/BC-STP"), with or without diacritics.
DOCUMENT_NUMBER_PATTERN = r"(?:số|so)\s*:\s*\d+"
# How far down a web page (in lines) an official document it reprints below its own headline
# and lead may print its number ("Số: 418/BC-STP"): its header is read from there.
REPRINT_HEADER_REACH_LINES = 80
ISSUING_BODY_PATTERN = r"(?:ủy|uỷ) ban nhân dân|^ubnd\b|hội đồng nhân dân|^sở\s|^tổ công tác|^ban chỉ đạo"
# Heading words that open a targets section ("Mục tiêu", "Phương hướng, nhiệm vụ năm 2025").
# Agencies named for planning ("Bộ Kế hoạch và Đầu tư", "Phòng Kế hoạch - Tài chính"): a
# masthead or heading naming one opens no plan.
PLANNING_AGENCY_NAMES = (
    "kế hoạch và đầu tư", "kế hoạch - đầu tư", "kế hoạch – đầu tư", "kế hoạch - tài chính", "kế hoạch – tài chính",
    "kế hoạch tài chính", "planning and investment",
)
TARGET_HEADING_WORDS = (
    "mục tiêu", "phương hướng", "định hướng", "nhiệm vụ", "giải pháp", "kế hoạch", "lộ trình", "dự kiến",
    # "chỉ tiêu" alone also names indicators ("Bảng 1. Một số chỉ tiêu chủ yếu"): only these are targets
    "chỉ tiêu cụ thể", "phân bổ chỉ tiêu", "giao chỉ tiêu", "chỉ tiêu giao",
    "targets", "objectives", "plan", "tasks",
)
# Heading words that say a section reports results, which beats the words above
# ("Kết quả thực hiện kế hoạch", "Đánh giá thực trạng").
RESULT_HEADING_WORDS = (
    "kết quả", "tình hình", "thực trạng", "đánh giá", "hiện trạng", "đã đạt", "căn cứ", "khó khăn", "tồn tại",
    "results", "achievements", "situation",
)
# A unit line above a table or list: "ĐVT: %", "Đơn vị tính: hồ sơ", "(Đơn vị: triệu đồng)".
UNIT_LINE_LABELS = ("đvt", "đơn vị tính", "đơn vị")


# --- tables -------------------------------------------------------------------------

# Column headers by the role of the column.
COLUMN_STT = ("stt", "tt", "số tt", "số thứ tự", "#", "no", "no.")
COLUMN_UNIT = ("đvt", "đơn vị tính", "unit")
COLUMN_NOTE = ("ghi chú", "note", "notes", "nguồn")
# Row-label columns (the thing each row is about).
COLUMN_LABEL_WORDS = (
    "chỉ tiêu", "nội dung", "tên chỉ tiêu", "hạng mục", "tiêu chí", "đơn vị", "địa phương", "địa bàn", "cơ quan",
    "lĩnh vực", "doanh nghiệp", "huyện", "quận", "xã", "phường", "thị trấn", "tên", "indicator", "item",
)
# Row-label columns whose rows are members of a kind (fields, bodies, places, operators),
# not measures: "Lĩnh vực | Năm 2022 | Năm 2023" under "Tỷ lệ hồ sơ nộp trực tuyến ...".
COLUMN_CATEGORY_WORDS = (
    "lĩnh vực", "ngành", "sở, ngành", "đơn vị", "tên đơn vị", "cơ quan", "tên cơ quan", "địa phương", "địa bàn",
    "huyện", "quận, huyện", "xã", "xã, phường", "doanh nghiệp", "tên doanh nghiệp", "nhà mạng", "field", "agency",
    "district", "operator",
)
# Plan and target columns: their figures are targets.
COLUMN_TARGET_WORDS = ("kế hoạch", "kh", "mục tiêu", "chỉ tiêu", "chỉ tiêu giao", "target", "plan")
# Comparison columns: ratios of two other columns, not figures of their own.
COLUMN_COMPARISON_PATTERN = (
    # "so với" a plan or an earlier time; "Tỷ lệ kích hoạt so với công dân đủ điều kiện (%)" is a share
    r"so sánh|so\s+(?:với\s+)?(?:kế hoạch|kh\b|cùng kỳ|năm|tháng|quý|chỉ tiêu|mục tiêu|đầu|cuối|trước|ck\b)|tăng\s*(?:\(\s*\+\s*\))?\s*[/,]\s*giảm|\(?\s*\+\s*/\s*-\s*\)?|điểm\s*(?:%|phần trăm)|chênh lệch|\bđạt\s*\(?%|th\s*/\s*kh|tỷ lệ (?:thực hiện|đạt|hoàn thành)|"
    r"tỉ lệ (?:thực hiện|đạt|hoàn thành)|% kế hoạch|tăng trưởng|tốc độ tăng|compared|change|growth"
)
# A column of the same period a year before ("Cùng kỳ năm 2023" beside "6 tháng đầu năm 2024"):
# its figures stand at the day the other period column ends, in its own year.
COLUMN_SAME_PERIOD_WORDS = ("cùng kỳ", "cùng thời điểm", "same period")
# Estimate and result columns ("Ước thực hiện 2024", "Thực hiện năm 2023", "Năm 2023").
COLUMN_PERIOD_WORDS = ("năm", "ước thực hiện", "ước th", "ước", "thực hiện", "th", "lũy kế", "luỹ kế", "kết quả", "year")
# The signature block that closes an official document: "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
# "KT. CHỦ TỊCH", "GIÁM ĐỐC", "./." (no heading, no date of the text).
SIGNATURE_BLOCK_PATTERN = (
    r"\bnơi nhận\b|^\s*(?:tm|kt|tl|tuq)\.|\b(?:chủ tịch|giám đốc|trưởng phòng|chánh văn phòng)\s*$|\./\.\s*$"
)

# Row labels that are a table's total.
TOTAL_ROW_WORDS = ("tổng", "tổng cộng", "cộng", "toàn tỉnh", "toàn huyện", "tổng số", "total", "chung")
# ... of those, the labels of a sum of the rows printed: "Toàn tỉnh" may count places the
# table does not list, "Tổng cộng" adds up the rows above it.
SUM_ROW_WORDS = ("tổng", "tổng cộng", "cộng", "tổng số", "total")


# --- page furniture -----------------------------------------------------------------

# A line that is only a page number: "- 3 -", "Trang 3/12", "Page 3 of 12", "3/12".
PAGE_NUMBER_PATTERN = (
    r"[-–—]\s*\d{1,3}\s*[-–—]|(?:trang|page)\s*\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}"
)


# Words of the page chrome that provincial portals print around an article (visitor
# counters, pagination, rating and comment boxes, the footer's contact and licence lines).
PORTAL_FURNITURE_PATTERN = (
    r"lượt xem|đang truy cập|tổng lượt truy cập|lượt truy cập\s*:|hôm nay\s*:?\s*\d|hôm qua\s*:?\s*\d|"
    r"tháng hiện tại|khách viếng thăm|máy chủ tìm kiếm|thống kê truy cập|trang\s+\d+\s*/\s*\d+|"
    r"page\s+\d+\s+of|lượt thích|số ký tự|cỡ chữ|bản in|tin đã đưa|xem theo ngày|"
    r"\d+\s+trong\s+\d+\s+đánh giá|điểm của bài viết|views?\s*:|visitors?\s*:|online\s*:|bình luận\s*\(|"
    r"địa chỉ\s*:|điện thoại\s*:|e-?mail\s*:|fax\s*:|copyright|©|bản quyền|giấy phép\s+số|"
    r"chịu trách nhiệm|ghi rõ nguồn"
)


# Links of a site's top bar, printed beside the day's date ("Thứ Bảy, 17/05/2025 | RSS | Liên
# hệ"): that date is the day the page was read, not the article's.
SITE_BAR_WORDS = (
    "rss", "liên hệ", "đăng nhập", "đăng ký", "sơ đồ trang", "sơ đồ site", "sitemap", "english", "tiếng việt",
    "tìm kiếm", "trang chủ", "login", "contact", "video", "podcast", "e-paper", "báo in", "emagazine",
    "multimedia", "longform", "giới thiệu", "quảng cáo", "facebook", "youtube", "zalo", "tiktok",
)
# A share widget printed after an article's byline ("27/06/2025 - 16:42 Chia sẻ: Facebook Zalo"):
# what follows these words is no part of the date line.
SHARE_WORDS = ("chia sẻ", "share", "sao chép liên kết", "copy link")
# The view counter printed beside an article's date line ("22/10/2024 09:15 | Lượt xem: 684").
VIEW_COUNTER_WORDS = ("lượt xem", "lượt đọc", "lượt truy cập", "views", "reads")
# An article's reading tools printed after its date line ("18/10/2024 07:10 A- A A+ In bài",
# "Thứ Năm, 24/04/2025 - 07:20 [In] [A-] [A+]", "20/12/2024 In Chữ nhỏ Chữ lớn").
ARTICLE_TOOL_WORDS = (
    "a- a a+", "a+ a a-", "a- a+", "a+ a-", "in bài", "in trang", "bản in", "gửi bài viết", "gửi email", "cỡ chữ",
    "[in]", "[a-]", "[a+]", "in chữ nhỏ", "chữ nhỏ", "chữ lớn",
)


# Headings of the boxes of links to other articles that news pages print beside or after
# the article: the headlines under them are other reports' figures.
RELATED_NEWS_HEADINGS = (
    "tin liên quan", "bài viết liên quan", "bài liên quan", "tin bài liên quan", "tin cùng chuyên mục",
    "bài viết cùng chuyên mục", "bài cùng chuyên mục", "cùng chuyên mục", "tin cùng loại", "các tin khác",
    "tin khác", "các bài viết khác", "bài viết khác", "xem thêm", "đọc thêm",
    "tin mới", "tin mới nhất", "tin đọc nhiều", "tin nổi bật", "tin tức liên quan", "related news",
    "related articles", "related stories", "read more", "more news", "see also",
)


# --- sites ----------------------------------------------------------------------------

# National news sites and ministries: their host names no province, even when a
# province slug happens to sit inside it; a report from them has no province
# from its URL.
NATIONAL_SITES = (
    "chinhphu.vn", "baochinhphu.vn", "mic.gov.vn", "mst.gov.vn", "moh.gov.vn", "mps.gov.vn", "dangcongsan.vn",
    "quochoi.vn", "vietnamnet.vn", "vnexpress.net", "dantri.com.vn", "tuoitre.vn", "thanhnien.vn", "nhandan.vn",
    "vietnamplus.vn", "vov.vn", "vtv.vn", "qdnd.vn", "cand.com.vn", "laodong.vn", "tienphong.vn", "baotintuc.vn",
    "znews.vn", "zingnews.vn", "vtc.vn", "ictvietnam.vn", "vnpt.vn", "viettel.vn", "baophapluat.vn",
    "kinhtedothi.vn", "vneconomy.vn", "cafef.vn", "vccinews.vn", "vccinews.com", "baodautu.vn", "congthuong.vn",
    "sggp.org.vn", "plo.vn", "nld.com.vn", "kinhtenongthon.vn", "baotainguyenmoitruong.vn", "vnptmedia.vn",
    "thoibaotaichinhvietnam.vn", "baoxaydung.com.vn", "nongnghiep.vn", "daibieunhandan.vn",
    # English editions and the ministries' and national agencies' sites
    "vietnamnews.vn", "vnanet.vn", "vir.com.vn", "theinvestor.vn", "baoquocte.vn", "moit.gov.vn", "mof.gov.vn",
    "moet.gov.vn", "monre.gov.vn", "mae.gov.vn", "mard.gov.vn", "mt.gov.vn", "molisa.gov.vn", "moha.gov.vn",
    "sbv.gov.vn", "gdt.gov.vn", "customs.gov.vn", "baohiemxahoi.gov.vn", "toaan.gov.vn", "dichvucong.gov.vn",
)
# Host labels that carry no place: prefixes of provincial portals and papers.
HOST_PREFIXES = ("www", "bao", "sotttt", "stttt", "stt", "skhcn", "khcn", "dichvucong", "dvc", "portal", "congbao", "m", "en")

# =====================================================================================
# Classification: what a figure counts and which indicator it reports (extraction/classify.py).
# =====================================================================================

# What a share or a count of units is counted over: the figure's base. The BI
# scorecard keeps one base per row, so "80% of households" and "80% of
# agencies" never meet. Looked for at the head of the counted noun phrase;
# the longest entry at the earliest position wins.
BASES: dict[str, tuple[str, ...]] = {
    "households": ("hộ gia đình", "hộ dân", "hộ", "gia đình", "household*", "families"),
    "agencies": (
        "cơ quan", "cơ quan nhà nước", "cơ quan hành chính", "đơn vị", "sở", "sở, ban, ngành",
        "sở, ngành", "ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "agency", "agencies",
        "department*", "state agenc*",
    ),
    "communes": (
        "xã", "phường", "thị trấn", "đặc khu", "xã, phường, thị trấn", "xã, phường, đặc khu", "cấp xã",
        "ubnd cấp xã", "ubnd các xã",
        "ubnd xã", "thôn", "bản", "ấp", "tổ dân phố", "khu phố", "khóm", "buôn", "làng", "trung tâm xã", "commune*",
        "ward*", "village*",
    ),
    "districts": ("huyện", "quận", "thị xã", "cấp huyện", "ubnd cấp huyện", "ubnd các huyện", "district*"),
    "people": (
        "người dân", "người", "công dân", "dân", "nhân khẩu", "người dùng", "học viên", "lượt người",
        "thành viên", "hội viên", "giáo viên", "giảng viên", "học sinh", "sinh viên", "nông dân", "đoàn viên",
        "phụ nữ", "chị em", "thanh niên", "kỹ sư", "nhân sự", "công nhân", "tài xế", "lái xe", "thợ", "resident*",
        "bác sĩ", "y sĩ", "y tá", "điều dưỡng", "dược sĩ",  # health workers
        "citizen*", "people", "persons", "inhabitant*", "user*", "member*", "farmer*", "trainee*", "learner*",
        "teacher*", "pupil*", "student*", "engineer*", "worker*", "driver*", "doctor*", "nurse*",
    ),
    # (and any title ending in PERSON_NOUN_ENDINGS: "điều tra viên", "kiểm lâm viên")
    "officials": (
        "cán bộ", "công chức", "viên chức", "cán bộ, công chức", "cán bộ, công chức, viên chức",
        "cbccvc", "cbcc", "official*", "civil servant*", "employee*", "state employee*",
    ),
    "dossiers": ("hồ sơ", "dossier*", "record*"),
    "procedures": ("thủ tục hành chính", "thủ tục", "tthc", "administrative procedure*", "procedure*"),
    "services": (
        "dịch vụ công", "dịch vụ công trực tuyến", "dvctt", "dvc", "dịch vụ", "public service*",
        "online public service*", "service*",
    ),
    # English "documents" often translates hồ sơ (dossiers): no base of its own.
    "documents": ("văn bản", "văn bản điện tử", "hồ sơ công việc"),
    # papers a business signs with its partners: what signing digitally counts ("ký số 612 hợp
    # đồng bao tiêu", "ký số 1.380 bộ chứng từ xuất khẩu")
    "contracts": ("hợp đồng", "bộ chứng từ", "chứng từ", "bảng kê", "biên bản", "contract*"),
    # pages of records or archives: what digitising counts ("số hóa 415.200 trang sổ hộ tịch"),
    # whatever register or topic the pages are of
    "pages": ("trang", "trang tài liệu", "trang hồ sơ", "page*"),
    "enterprises": ("doanh nghiệp", "enterprise*", "business*", "compan*"),
    "schools": ("trường học", "trường", "cơ sở giáo dục", "school*"),
    "health_facilities": (
        "cơ sở y tế", "bệnh viện", "trạm y tế", "trung tâm y tế", "cơ sở khám chữa bệnh", "cơ sở khám, chữa bệnh",
        "cơ sở khám bệnh, chữa bệnh",
        "hospital*", "health facilit*", "medical facilit*", "clinic*",
    ),
    "computers": ("máy tính", "bộ máy tính", "máy vi tính", "computer*"),
    # what a security operations centre watches over, besides computers
    "servers": ("máy chủ", "máy trạm", "server*", "workstation*"),
    "systems": ("hệ thống thông tin", "information system*"),
    "data_records": ("dữ liệu", "bản ghi", "trường dữ liệu", "data"),
    "subscribers": ("thuê bao", "subscriber*", "subscription*"),
    "feedback": ("phản ánh", "phản ánh, kiến nghị", "kiến nghị", "phản ánh hiện trường"),
    "meetings": ("cuộc họp", "phiên họp", "buổi họp", "meeting*"),
}
# Bases that name a topic too (feedback is the operations centre's or an app's, servers a data
# centre's, a contract may be electronic): the keyword at the head of the phrase is not ranked below
# the others as a mere unit is.
TOPIC_BASES = frozenset({"feedback", "servers", "contracts"})
# Units whose staff are IT staff: "Phòng Công nghệ thông tin có 9 người", "Đội CNTT của Công
# ty gồm 14 kỹ sư".
# What an agency's staff are called: "Cục Thuế có 1.148 công chức, người lao động" is its headcount.
STAFF_WORDS = (
    "cán bộ", "công chức", "viên chức", "người lao động", "lao động", "công nhân viên", "nhân viên", "công nhân",
    "nhân sự", "chiến sĩ", "sĩ quan",
)
# People nouns that name no trade or title: "người", "thành viên" (a team's members may be
# what its IT words count), unlike "thợ", "công nhân", "kỹ sư".
UNTITLED_PEOPLE: tuple[str, ...] = (
    "người", "lượt người", "người dân", "dân", "công dân", "người dùng", "thành viên", "hội viên", "nhân sự",
)
# ... where they work, after them: "làm việc tại các chi cục", "ở cấp xã", "thuộc Sở"
STAFF_PLACE_WORDS = ("làm việc tại", "làm việc ở", "tại", "ở", "thuộc", "của", "cấp")
# ... or what they do or are there, after them: "người làm công tác công nghệ thông tin",
# "công chức là người dân tộc thiểu số", "kỹ sư với trình độ đại học"
STAFF_DOING = ("là", "làm", "làm việc", "công tác", "trình độ", "với")
# The names of the IT field: people whose phrase names it work in it ("5 công chức làm công
# nghệ thông tin", "người có chuyên môn CNTT").
IT_FIELDS = ("công nghệ thông tin", "cntt", "tin học", "lập trình", "programming")
# ... and of the digital field at large: people a sentence counts with none of these named
# ("hợp tác xã có 1.920 thành viên", "gửi cảnh báo tới 2.740 cán bộ") are nobody's digital workforce.
DIGITAL_FIELDS = IT_FIELDS + ("chuyển đổi số", "kỹ năng số", "công nghệ số", "digital transformation", "digital skills")
# Keywords of an indicator that name the sector's own units or scheme, not anything digital
# ("bệnh viện", "bảo hiểm y tế" of e-health): a figure only they name, in a sentence naming
# nothing digital ("Tỉnh có 12 bệnh viện công lập với 9.600 giường bệnh", "mỗi ngày bệnh viện
# tiếp nhận 2.800 lượt khám"), counts the sector, not its digital transformation.
SECTOR_UNIT_KEYWORDS: tuple[str, ...] = BASES["health_facilities"] + ("bảo hiểm y tế", "health insurance")
# A school's learners are its own people too ("Trung tâm có 950 học viên", "134 học viên thi
# đạt chứng chỉ âm nhạc"): learners of the digital field are those of a training or a digital
# thing their sentence, or their paragraph before it, names ("Qua bài kiểm tra cuối khóa, 5.912
# học viên đạt yêu cầu" after the course).
LEARNER_KEYWORDS: tuple[str, ...] = ("học viên", "người học", "learner", "learners")
# Keywords of a generic indicator that name one thing of their own, not a kind of things: a
# figure whose own phrase names an e-invoice or a traceability stamp counts that thing and
# takes no topic from the figure before it ("... với 96 người dùng; 100% hóa đơn là hóa đơn
# điện tử" is no app figure).
OWN_THINGS_OF_GENERIC_CODES: tuple[str, ...] = (
    "hóa đơn điện tử", "hoá đơn điện tử", "hợp đồng điện tử", "truy xuất nguồn gốc", "tem truy xuất", "mã truy xuất",
    "tin nhắn", "sms", "traceability", "e-invoice", "e-contract*",
)
# Staff whose phrase says they run IT (a duty verb, then within a few words a thing of IT:
# "3 viên chức phụ trách hạ tầng công nghệ thông tin", "6 nhân viên kỹ thuật phụ trách hệ thống
# mạng, phần mềm", "1 công chức kiêm nhiệm quản trị hệ thống") are IT staff.
IT_DUTY_HOLDERS: tuple[str, ...] = STAFF_WORDS + (
    "người", "kỹ sư", "kỹ thuật viên", "staff", "engineer", "engineers", "technician", "technicians",
)
IT_DUTY_VERBS: tuple[str, ...] = (
    "phụ trách", "quản trị", "vận hành", "kiêm nhiệm", "chuyên trách", "in charge of", "administer", "administering",
    "maintain", "maintaining", "running",
)
# The word that adds a duty to a title of another field, however long the title ("1 kỹ sư thủy
# sản kiêm quản trị phần mềm", "1 nhân viên kỹ thuật âm thanh kiêm quản trị mạng").
ALSO_SERVING_AS: tuple[str, ...] = ("kiêm",)
# Verbs that assign staff to a task, whatever it is: staff assigned to a digital task that is
# not IT ("3 nhân viên phụ trách bán hàng trực tuyến") are digital workforce, no figure of the task.
ASSIGNED_DUTY_VERBS: tuple[str, ...] = ("phụ trách", "chuyên trách", "kiêm nhiệm", "in charge of")
IT_DUTY_OBJECTS: tuple[str, ...] = IT_FIELDS + (
    "hệ thống", "mạng", "phần mềm", "nền tảng", "máy chủ", "hạ tầng", "trang thông tin điện tử", "cổng thông tin",
    "website", "an toàn thông tin", "cơ sở dữ liệu", "trung tâm dữ liệu", "systems", "system", "network", "servers",
    "software", "platform", "platforms",
)
# A firm's "phòng/bộ phận công nghệ" (technology department) and "bộ phận IT" are its IT unit
# too; not "tổ công nghệ", whose longer name "tổ công nghệ số cộng đồng" is a community team.
IT_UNITS: tuple[str, ...] = tuple(
    f"{unit} {field}" for unit in ("phòng", "đội", "tổ", "trung tâm", "bộ phận", "ban") for field in IT_FIELDS + ("it",)
) + ("phòng công nghệ", "bộ phận công nghệ", "it department", "it team", "it unit", "it division")
# The last syllable of a title of a person ("điều tra viên", "kiểm lâm viên", "hướng dẫn
# viên": Sino-Vietnamese 員, member): a count of them counts people.
PERSON_NOUN_ENDINGS: tuple[str, ...] = ("viên",)
# Bases of one kind may share a predicate ("100% cán bộ, công chức và trên 50% viên chức đã
# được đào tạo", "100% xã và 95% trường học có Internet"); people and places may not ("9,860
# members, and 108 communes had 4G coverage": the members have no coverage).
BASE_KINDS: dict[str, str] = {
    "people": "people", "officials": "people",
    "households": "units", "agencies": "units", "communes": "units", "districts": "units",
    "enterprises": "units", "schools": "units", "health_facilities": "units",
}

# Words in front of the counted noun phrase that are not part of it: "tỷ lệ hộ
# gia đình ..." counts households, "số xã ..." counts communes.
MEASURE_WORDS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "số lượng", "tổng số", "số", "các", "những", "toàn bộ", "tất cả", "lượt", "the rate of",
    "the share of", "the number of", "the percentage of", "the proportion of", "rate of", "share of",
    "number of", "percentage of", "proportion of", "the", "all",
)

# The quantity word that opens a counted phrase. The segmenter may glue it to the noun after
# it through a rarer word they overlap ("số học" + "viên" for "số | học viên", "số | học
# sinh"): the quantity word then stands alone.
QUANTITY_WORDS: tuple[str, ...] = ("số",)

# Where the counted phrase after a figure ends: a punctuation mark (outside a base
# like "cán bộ, công chức"), another figure, or one of these words.
PHRASE_STOPS: tuple[str, ...] = (
    "trong đó", "bao gồm", "gồm", "với", "đạt", "chiếm", "tăng", "giảm", "so với", "góp phần", "qua đó",
    "nhằm", "để", "of which", "including", "with", "reaching", "up", "compared", "while", "which",
    # the total a part is counted out of: "612 DVCTT một phần trên tổng số 1.802 TTHC"
    "trên tổng số", "trong tổng số",
)
# The verb between a subject and its figure: "tỷ lệ hồ sơ trực tuyến đạt 60%", "số
# DVCTT mức độ 3 là 191", "the rate ... reached 90%". The subject before it is
# what the figure measures; a phrase after the figure then only says over what.
LINKING_VERBS: tuple[str, ...] = (
    "đạt", "đạt tỷ lệ", "đạt tỉ lệ", "là", "chiếm", "chiếm tỷ lệ", "bằng", "ở mức", "lên", "lên tới", "lên đến",
    "đến", "tới", "reached", "reaches", "reach", "reaching", "is", "was", "were", "are", "stood at", "of",
    "totalled", "totaled", "hit",
)
# Words before a share whose phrase names the whole it is taken of, not its units: "chiếm 8,1%
# tổng sản lượng dự kiến" (what that whole is expected to be says nothing of the share).
SHARE_OF_WHOLE_WORDS: tuple[str, ...] = ("chiếm", "bằng", "trên tổng số", "trong tổng số")
# ... of which those that state a measure's value ("Tỷ lệ ... năm 2024 đạt 62,4%"), not its reach.
# Verbs that state what a subject reached: after a ';' they open a figure of its own, no item
# of the list before ("...; thuê bao Internet băng rộng cố định đạt 812.450 thuê bao").
REACH_VERBS: tuple[str, ...] = ("đạt", "ước đạt", "reached", "reaches")
STATING_VERBS: tuple[str, ...] = ("đạt", "đạt tỷ lệ", "đạt tỉ lệ", "ước đạt", "là", "chiếm", "chiếm tỷ lệ", "ở mức")
# ... and, with "bằng", the verbs that state a share before the whole it was taken of
# ("chiếm 74% trong tổng số 1.716 đơn").
SHARE_VERBS: tuple[str, ...] = STATING_VERBS + ("bằng", "accounting for")
# The words between a share and the whole it was taken of, named after it: "chiếm 74% [trong
# tổng số] 1.716 đơn", "bằng 64% [tổng số] 9.560 lượt khám", "chiếm 79% [trong số] 213 khách hàng".
WHOLE_OF_A_SHARE_BEFORE: tuple[str, ...] = (
    "trong tổng số", "trên tổng số", "của tổng số", "tổng số", "trong số", "out of", "of a total of", "of",
)
# ... and between a count and the whole it was counted out of: "142 [trong số] 175 đại lý".
WHOLE_OF_A_PART_BEFORE: tuple[str, ...] = ("trong số", "out of")
# Linking verbs of extent ("đưa sóng 5G đến 100% quận"): the noun nearest them is measured.
EXTENT_LINKING_VERBS: tuple[str, ...] = ("đến", "tới", "lên tới", "lên đến")
# Verbs that join a subject to a count of what it connects to ("LGSP đã kết nối với 18 hệ
# thống"): the subject is measured; what it connects to names the measure only when the
# subject names none.
CONNECTING_VERBS: tuple[str, ...] = (
    "kết nối với", "tích hợp với", "liên thông với", "connected to", "connected with", "integrated with",
)
# Words that end a counted noun phrase and start what is said of it ("5,7 triệu dữ liệu
# đăng ký đất đai | đã được số hóa", "100% xã | có cáp quang"): a keyword of the
# predicate describes the figure before the phrase's own modifiers.
PREDICATE_MARKERS: tuple[str, ...] = (
    "đã", "được", "có", "đang", "sẽ", "bị", "đều", "chưa", "không", "vẫn", "cần", "phải",
    "are", "were", "is", "was", "have", "has", "had", "been",
)
# Words that open the subject before a figure ("tỷ lệ hộ gia đình có cáp quang ...", "mức độ
# hài lòng của người dân ..."; but "mức độ 4" before a number is a level, no subject).
SUBJECT_OPENERS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "số lượng", "tổng số", "số", "mật độ", "mức độ", "the rate", "the share", "the number",
    "the percentage", "the proportion", "the density", "rate", "share", "number", "percentage", "proportion",
)
# Words that join two figures' phrases: "100% cán bộ, công chức và trên 50% viên chức
# đã được đào tạo" (the predicate after the second phrase is the first one's too).
COORDINATORS: tuple[str, ...] = ("và", "cùng", "and", "as well as")
# Verbs of doing: a clause they open says what its subject did, with a figure of its own.
# (Not "tăng"/"giảm" or "đạt": a change or a linking verb says something of the figure before.)
DOING_VERBS: tuple[str, ...] = (
    "nâng", "đưa", "mở", "mở thêm", "mở rộng", "lắp", "lắp đặt", "gắn", "trang bị", "triển khai", "xây dựng",
    "phát triển", "số hóa", "số hoá", "bán", "thiết kế", "cài đặt", "kết nối", "tích hợp", "đào tạo",
    "tập huấn", "tổ chức", "hoàn thành", "cung cấp", "đầu tư", "ký", "ban hành", "hỗ trợ", "phủ sóng",
    "nối mạng", "tự động hóa", "tự động hoá",
    "raise", "install", "open", "deploy", "build", "train", "connect", "digitise", "digitize", "automate",
)
# Verbs that, right after "và", open a second aim with a figure of its own: "nâng số thiết bị
# bay lên 30 chiếc và mở thêm 2 điểm giao dịch", "đã quét 3D cho 436 mỏm cụt và thiết kế 512 bao
# mỏm". What the second half names is not what the first half's figure counts. Verbs of doing,
# and "có" with a count of its own: "nâng số camera lên 16 chiếc và có 30 khách hàng theo dõi đơn".
SECOND_AIM_VERBS: tuple[str, ...] = DOING_VERBS + ("có",)
# Words that give a figure's phrase a predicate of its own ("100% hóa đơn được xuất điện tử",
# "100% hóa đơn là hóa đơn điện tử"): a "và" right after it that opens on another figure
# ("và 95% giá trị đơn hàng được thanh toán qua ngân hàng") opens a second aim, not a second
# subject of one predicate ("100% hồ sơ và 95% thủ tục được số hóa").
OWN_PREDICATE_WORDS: tuple[str, ...] = ("được", "là", "đã", "có", "đều", "is", "are", "was", "were", "has", "have")
# ... after words of time, manner or intent that may stand between "và" and that verb ("và đã ký
# số 1.540 hợp đồng", "và sẽ lắp thêm 40 cảm biến", "và phấn đấu có 100 đại lý").
SECOND_AIM_ADVERBS: tuple[str, ...] = (
    "đã", "sẽ", "cũng", "đang", "phấn đấu", "dự kiến", "đặt mục tiêu", "already", "also", "will", "aim to",
    "plan to",
)
# Words that open a phrase of cause ("Nhờ dữ liệu từ các máy ép, tỷ lệ sản phẩm lỗi giảm từ
# 4,6% xuống 1,8%"): what brought a result about, named before or after the result; what the
# result's figures measure is named outside it.
CAUSE_OPENERS: tuple[str, ...] = ("nhờ", "nhờ có", "nhờ vào", "thanks to")
# ... but these point back to a cause told before and open the result ("..., nhờ đó phần mềm
# tính lương tự động cho 100% công nhân")
RESULT_OPENERS: tuple[str, ...] = ("nhờ đó", "nhờ vậy", "nhờ thế", "thanks to this", "thanks to that")
# Words of administrative prose written with a comma inside ("phần mềm phòng, chống mã độc",
# "phòng, chống thiên tai"): the comma joins the two verbs of one word, it ends no phrase.
COMMA_COMPOUNDS: tuple[str, ...] = ("phòng, chống", "phòng, ngừa")

# Phrases that open a sentence before its subject ("Đến nay, ...", "Về hạ tầng số, ..."):
# a subject before a figure starts after them.
ADVERBIAL_OPENERS: tuple[str, ...] = (
    "về", "đến nay", "hiện nay", "hiện", "hiện tại", "tính đến", "tính tới", "đến", "tới", "trong", "qua",
    "theo", "ngoài ra", "đồng thời", "bên cạnh đó", "nhờ", "sau", "từ", "riêng", "cụ thể", "năm", "as of",
    "so far", "currently", "in", "by", "regarding", "besides", "in addition",
)

# Words that point back to something named before ("hệ thống này", "this
# platform"): the figure counts what the nearest earlier mention of that noun names.
ANAPHORS: tuple[str, ...] = ("này", "đó", "nói trên", "kể trên", "this", "these")
# A figure's own words that only point back to the figure before ("Tỷ lệ này đạt 87,6%",
# "Con số này chiếm 68%", "this rate"): it measures what that figure measured.
MEASURE_ANAPHORS: tuple[str, ...] = tuple(
    f"{noun} {pointer}"
    for noun in ("tỷ lệ", "tỉ lệ", "con số", "số liệu", "số lượng", "kết quả")
    for pointer in ("này", "đó", "trên", "nói trên", "kể trên")
) + ("this rate", "this share", "this figure", "that figure")
# Places ranked by a rate stated before ("Ba huyện có tỷ lệ kích hoạt cao nhất là A, B và C,
# lần lượt là ..."): the rate words, then these.
RANKING_WORDS: tuple[str, ...] = ("cao nhất", "thấp nhất", "cao", "thấp", "highest", "lowest")
RATE_WORDS: tuple[str, ...] = ("tỷ lệ", "tỉ lệ", "rate", "rates", "share")
ANAPHOR_HEADS: tuple[str, ...] = (
    "dịch vụ", "hệ thống", "nền tảng", "ứng dụng", "phần mềm", "mạng", "cổng", "trang", "công cụ",
    "giải pháp", "mô hình", "cơ sở dữ liệu", "trung tâm", "service", "system", "platform", "application", "app",
    "software", "portal", "network", "database", "centre", "center",
)
# ... which, alone as the subject that opens a sentence, point back the same way: "Trung tâm
# đang tích hợp dữ liệu từ 34 hệ thống" after "Trung tâm điều hành thông minh (IOC)" was named.
# (Not "có": "Trung tâm có 42 viên chức" counts its staff, no figure of what it runs.)
BARE_SUBJECT_NEXT: tuple[str, ...] = tuple(w for w in PREDICATE_MARKERS if w not in ("có", "have", "has", "had")) + ("cũng", "also")

ANY_UNIT = "*"  # a governing verb's key for every counted unit, named or not
# Verbs that say what happened to the units a figure counts: "bồi dưỡng cho 4.700
# thành viên", "đào tạo 500 cán bộ" count people trained; "tiếp nhận 932.000 hồ
# sơ" counts dossiers received. Each maps the counted base to the indicator.
GOVERNING_VERBS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "training": (
        ("đào tạo", "tập huấn", "bồi dưỡng", "huấn luyện", "phổ cập", "đăng ký học", "tham gia học", "theo học",
         "train", "trained", "training", "enrolled"),
        {"people": "learners", "officials": "officials_trained", "households": "learners"},
    ),
    "receiving": (
        ("tiếp nhận", "nhận được", "received", "receive", "receives"),
        {"dossiers": "dossiers_received"},
    ),
    # "làm sạch 95% dữ liệu hộ tịch", "số hóa 15.000 hồ sơ": the verb, not the data's
    # own name, says what the figure measures; what is cleaned is data, whatever its unit
    # ("làm sạch 412.736/428.590 trường hợp dữ liệu hộ tịch").
    "cleaning": (
        ("làm sạch", "cleaned", "cleansed"),
        {"data_records": "data_cleaning", "dossiers": "data_cleaning", ANY_UNIT: "data_cleaning"},
    ),
    # Digitising is one activity whatever is digitised: "số hóa 1.652.000 sổ hộ tịch",
    # "số hóa 87,4% kết quả giải quyết thủ tục hành chính", "số hóa 3D 25 di tích".
    "digitising": (
        ("số hóa", "số hoá", "digitised", "digitized", "digitising", "digitizing"),
        {"data_records": "digitisation", "dossiers": "digitisation", "documents": "digitisation", "pages": "digitisation",
         ANY_UNIT: "digitisation"},
    ),
    # "SOC đang giám sát 1.950 máy trạm và 86 máy chủ", "100% hệ thống thông tin được giám sát
    # bởi SOC": computers and information systems watched over are a security figure.
    "monitoring": (
        ("giám sát", "monitored", "monitors", "monitoring"),
        {"computers": "information_security", "servers": "information_security", "systems": "information_security"},
    ),
    # "ký số 612 hợp đồng", "ký số 3.250 văn bản đi": papers signed digitally are a count of
    # digital signatures put to use; documents of the office stay electronic documents.
    "signing": (
        ("ký số", "ký điện tử", "digitally signed", "signed digitally"),
        {"contracts": "digital_certificates", "documents": "e_documents"},
    ),
    # "ban hành 64 văn bản chỉ đạo": documents issued are policy documents.
    "issuing": (
        ("ban hành", "đã ban hành", "issued", "issue"),
        {"documents": "policy_documents"},
    ),
}
# The word before a count that makes it whom a training was for ("mở 6 lớp tập huấn cho 420
# lượt công nhân"): the people trained, whatever they are called.
TRAINED_FOR: tuple[str, ...] = ("cho",)
# The word before a count of units something was given to, installed on or provided for
# ("tích hợp thanh toán trực tuyến cho 1.125 thủ tục hành chính", "phần mềm ... được cài cho
# 4.250 máy tính"): when only the units' own name names them, what was given is the figure's.
GIVEN_TO: tuple[str, ...] = ("cho",)
# A count of turns alone ("14 lớp, 1.680 lượt"): said of a training, its learners' turns.
TURN_WORDS: tuple[str, ...] = ("lượt", "turns")
# ... and the word after them that opens what the training was about ("cho 380 lượt cán bộ về
# thông quan điện tử"): the topic, no figure of theirs.
TRAINING_TOPIC_MARKERS: tuple[str, ...] = ("về", "about", "on")
# ... unless the count is of places or bodies ("tập huấn cho 12 xã"): no learners.
UNIT_BASE_KINDS_NOT_TRAINED: tuple[str, ...] = ("communes", "districts", "agencies", "schools", "health_facilities")
# Indicators a governing verb leaves as they are: they already say what happened
# to the units ("50.911 hồ sơ tiếp nhận trực tuyến" stays online dossiers).
# ... unless a verb right before the figure governs it and its phrase says with "đã" what was
# done to the units before ("làm sạch 98% dữ liệu hộ tịch đã số hóa" measures the cleaning).
PARTICIPLE_MARKERS: tuple[str, ...] = ("đã",)
GOVERNED_ALREADY: frozenset[str] = frozenset(
    {"learners", "officials_trained", "dossiers_processed_online", "dossiers_on_time", "digitisation", "data_cleaning"}
)
# What a counted unit names by itself when its phrase names nothing more specific:
# "1.827 văn bản được ký và phát hành" counts (electronic) documents.
BASE_INDICATORS: dict[str, str] = {"documents": "e_documents"}
# A count of a unit that nothing names more specifically, where the structure says the
# figure is that unit's total: a table column ("Tổng số hồ sơ" under "Kết quả giải quyết
# thủ tục hành chính") or a whole split by channel ("giải quyết 12.900 hồ sơ, trong đó
# trực tuyến: ..."): dossiers of every channel are dossiers received. Not for prose in
# general, where a verb or the sentence says more.
TABLE_BASE_INDICATORS: dict[str, str] = {"documents": "e_documents", "dossiers": "dossiers_received"}
# A keyword after "trên"/"tại" names where something is published or run ("được
# công khai trên Cổng Dịch vụ công", "phát hành trên Trục liên thông văn bản"), not what is
# counted; unless it names the channel ("trên môi trường mạng" = online).
LOCATIVES: tuple[str, ...] = ("trên", "tại")
# ... also past a plural word: "vé điện tử được bán tại các điểm tham quan" counts tickets.
LOCATIVE_DETERMINERS: tuple[str, ...] = ("các", "những", "mọi")
# The locative that opens only a place, after a counted noun ("03 máy tại Bộ phận một cửa"):
# "trên" opens a channel as often as a place ("bán hàng trên sàn thương mại điện tử").
PLACE_LOCATIVE = "tại"
# ... and those before a count of places that says where the figure before it is ("xây mới 46
# trạm BTS tại 34 xã biên giới", "cho 6.850 người ở 13 huyện"); not "trên", which is also "more than".
WHERE_LOCATIVES: tuple[str, ...] = ("tại", "ở")
# ... and the words that say whose those places are ("100% công chức của 5 xã mới", "trường học
# thuộc 12 xã vùng cao"): the places own the units counted before, they are no figure themselves.
OWNER_WORDS: tuple[str, ...] = ("của", "thuộc")
# ... and those before a count of the things devices counted just before were fitted to or
# put in ("lắp 30 cảm biến nhiệt độ trong 3 kho lạnh", "gắn 14 cảm biến cho 4 tủ sấy", "22
# camera trên 10 tàu"): the count says where the devices are, it counts no devices itself.
DEVICE_SITE_LOCATIVES: tuple[str, ...] = ("tại", "ở", "trong", "trên", "cho", "at", "in", "on", "for")
# ... and the word before the parties a count of contracts was made with ("ký số 46 hợp đồng
# mua bán với 12 nhà máy"): the count says with whom, it counts no contracts itself.
CONTRACT_PARTY_MARKERS: tuple[str, ...] = ("với", "with")
# The word that names an administrative level ("cấp tỉnh, cấp huyện"): a comma before another
# one lists levels of the same units.
LEVEL_WORD = "cấp"
# The verb of having: "820 điểm du lịch, nhà hàng có wifi miễn phí" counts places that have wifi.
HAVE_VERB = "có"
# A quotation in the first person singular is one person's account ("Mỗi tháng tôi bán được
# khoảng 300 kg chè qua mạng"), not the province's figure; "chúng tôi" speaks for an agency.
FIRST_PERSON_SINGULAR: tuple[str, ...] = ("tôi",)
FIRST_PERSON_PLURAL_BEFORE: tuple[str, ...] = ("chúng",)
# What a phrase says its head does, which counts as that activity whatever the head is (a
# hospital's or a school's fees paid without cash are cashless payments, not e-health):
# the head's own domain does not hold such a predicate back.
ACTIVITIES_OF_ANY_UNIT: tuple[str, ...] = ("cashless_payment",)
# ... as does a keyword after a verb of connecting to it: "2.146 camera giám sát được kết nối
# về Trung tâm giám sát, điều hành thông minh" counts cameras, not the centre.
DESTINATIONS: tuple[str, ...] = (
    "kết nối về", "kết nối với", "kết nối đến", "kết nối tới", "kết nối vào", "truyền về", "gửi về", "đưa về",
    "connected to", "linked to",
)
CHANNELS: tuple[str, ...] = (
    "môi trường điện tử", "môi trường mạng", "mạng", "internet", "không gian mạng", "mạng internet",
)
# A part of a stated total named only by the channel it came through ("tiếp nhận 12.500
# hồ sơ, trong đó trực tuyến: 3.870 hồ sơ, trực tiếp 8.630 hồ sơ") counts what its whole
# counts: through the online channel, the whole's online indicator where the taxonomy
# has one (PART_ONLINE_VARIANTS); through any other channel, the whole's own indicator.
PART_CHANNELS_ONLINE: tuple[str, ...] = (
    "trực tuyến", "qua mạng", "môi trường mạng", "môi trường điện tử", "qua internet", "online",
    # submitted through a portal or with an e-ID account: "nộp qua Cổng Dịch vụ công quốc gia"
    "qua cổng dịch vụ", "trên cổng dịch vụ", "qua cổng dvc", "nộp qua cổng", "bằng tài khoản định danh",
    "qua ứng dụng vneid",
)
PART_CHANNELS_OTHER: tuple[str, ...] = (
    "trực tiếp", "bưu chính công ích", "qua bưu chính", "qua bưu điện", "in person", "by post",
)
PART_ONLINE_VARIANTS: dict[str, str] = {"dossiers_received": "dossiers_processed_online"}
# Who holds or files something, in the two kinds that together are everyone: a total split
# into one part of each ("trong đó cá nhân 5.915 chứng thư, tổ chức 827 chứng thư") is all of it.
HOLDER_KINDS: dict[str, tuple[str, ...]] = {
    "individuals": ("cá nhân", "individual", "individuals"),
    "organisations": ("tổ chức", "organisation", "organisations", "organization", "organizations"),
}
# The two kinds of online public service: together all of "1.486 dịch vụ công trực tuyến",
# but only some of "1.836 thủ tục hành chính", which counts procedures not offered online too.
ONLINE_SERVICE_KINDS: dict[str, tuple[str, ...]] = {
    "full": ("toàn trình", "full-process", "full process", "end-to-end"),
    "partial": ("một phần", "partial", "partially online"),
}
ONLINE_SERVICES: tuple[str, ...] = (
    "dịch vụ công trực tuyến", "dvctt", "dvc trực tuyến", "dịch vụ trực tuyến", "online public service",
    "online public services",
)
# The two levels of an electronic identity account (Decree 59/2022): together all of the
# accounts or holders a total counts, when it names the identity ("định danh điện tử").
IDENTITY_LEVELS: dict[str, tuple[str, ...]] = {
    "level_1": ("mức 1", "mức độ 1", "level 1"),
    "level_2": ("mức 2", "mức độ 2", "level 2"),
}
ELECTRONIC_IDENTITY: tuple[str, ...] = ("định danh", "vneid", "electronic identification", "electronic identity")
# Kinds that together are every part of a total, with the words the total's own phrase (or
# the label before it) must name for them to be (none: any total).
COMPLETE_PARTITIONS: tuple[tuple[dict[str, tuple[str, ...]], tuple[str, ...]], ...] = (
    (HOLDER_KINDS, ()),
    (ONLINE_SERVICE_KINDS, ONLINE_SERVICES),
    (IDENTITY_LEVELS, ELECTRONIC_IDENTITY),
)
# Words that open the list of a total's parts ("1.645 dịch vụ, trong đó 985 dịch vụ toàn trình").
PART_MARKERS: tuple[str, ...] = ("trong đó", "bao gồm", "gồm", "of which", "including", "among which")
# Of those, the ones that say "made up of" rather than "among them": a list they open that is
# closed by "và" names every part ("318 tổ, gồm 31 tổ cấp xã và 287 tổ ở thôn").
WHOLE_LIST_MARKERS: tuple[str, ...] = ("bao gồm", "gồm", "gồm có")
# Words that open a clause with a whole its parts come after ("Trong 58 lao động của công ty
# có 2 người phụ trách ứng dụng", "Trong tổng số 1.684 trạm BTS có 1.327 trạm 4G"): "among".
AMONG_OPENERS: tuple[str, ...] = ("trong", "trong số", "trong tổng số", "among", "of the")
LIST_CLOSERS: tuple[str, ...] = ("và", "and")
# Words right before a figure that make it a new whole, not one more part of the list before
# it: "250 trạm, trong đó 180 trạm 5G, nâng tổng số trạm lên 7.090 trạm".
WHOLE_AGAIN_BEFORE: tuple[str, ...] = ("lên", "lên tới", "lên đến", "tổng số", "tổng cộng", "total of", "total to")
# What a base counted with the online channel in its phrase is ("hồ sơ ... trực tuyến").
# Units their own phrase calls electronic were filed that way: "hồ sơ khai thuế điện tử",
# "hồ sơ giao dịch điện tử" (not a part's channel: "trong đó điện tử" is not written).
ELECTRONIC_UNIT_WORDS: tuple[str, ...] = ("điện tử", "electronic", "electronically")
ONLINE_BASE_INDICATORS: dict[str, str] = {"dossiers": "dossiers_processed_online", "meetings": "video_conferencing"}
# ... of which meetings are a topic only through their channel: "22 phiên họp thường kỳ, trong
# đó 6 phiên họp trực tuyến" counts meetings, of which the online ones are the figure.
CHANNEL_ONLY_BASES: tuple[str, ...] = ("meetings",)
# "Respectively": the figures after it measure, in order, the subjects listed before it.
RESPECTIVELY: tuple[str, ...] = ("lần lượt", "lần lượt là")

# Names and compound nouns whose words name no topic: the education sector and its
# departments ("Sở Giáo dục và Đào tạo") train no officials; a cash register ("máy tính
# tiền") is no computer.
TOPICLESS_NAMES: tuple[str, ...] = (
    "giáo dục và đào tạo", "giáo dục - đào tạo", "giáo dục & đào tạo", "gd&đt", "gd-đt", "máy tính tiền",
    "di tích được xếp hạng", "di tích xếp hạng",
    # "Theo kế hoạch của UBND tỉnh, ...": where a figure is announced, not what it counts
    "theo kế hoạch",
    # labour-market figures of socio-economic reports ("tỷ lệ lao động qua đào tạo đạt 71,5%",
    # "lực lượng lao động khoảng 712.000 người"), not the digital workforce
    "lao động qua đào tạo", "lực lượng lao động", "thị trường lao động", "độ tuổi lao động", "tuổi lao động",
    "labour force", "labor force", "working age",
    # the insured and the insurance's coverage of the population: no digital service (the
    # abbreviations "tham gia BHXH" stay: data synced "cho 11 triệu người tham gia BHXH" in the
    # development set is keyed by what was done to it, and the keys of such sentences disagree)
    "tham gia bảo hiểm y tế", "tham gia bảo hiểm xã hội", "tham gia bảo hiểm", "bao phủ bảo hiểm y tế",
)

# Keywords an indicator shares with another, which takes them in a sentence that names it by
# a keyword of its own: citizens' feedback ("phản ánh, kiến nghị") is an app's or a portal's,
# and the operations centre's where the sentence names the centre; visits ("lượt truy cập")
# are a portal's, and a wifi network's where the sentence names the wifi.
SHARED_KEYWORDS: dict[str, str] = {
    "phản ánh": "smart_city_ioc", "kiến nghị": "smart_city_ioc", "lượt truy cập": "public_wifi",
}
# Names that name such an indicator without being a keyword of it (too short to count alone).
SHARED_KEYWORD_OWNERS: dict[str, tuple[str, ...]] = {"smart_city_ioc": ("ioc",)}

# Indicators that cannot count a base: a figure counted over dossiers is no count
# of procedures or services ("mức 3 là 36.753 hồ sơ"), and the reverse. Their
# keywords then come after the others, like the base's own.
BASE_EXCLUDES: dict[str, frozenset[str]] = {
    # ... nor of one-stop shops, which count offices and systems ("Kết quả giải quyết thủ tục
    # hành chính" over a column of dossiers names the process, not the units)
    "dossiers": frozenset({"admin_procedures", "online_public_services", "online_public_services_level34", "one_stop_shop", "postal_network"}),
    "procedures": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
    "services": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
    "documents": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
    # people are no security system ("đội ứng cứu sự cố an toàn thông tin ... có 23 thành viên")
    # nor, like subscribers and households, a plan ("đạt 104% kế hoạch năm với 402.300 thuê bao")
    # citizens' feedback handled on time is no dossier ("98% phản ánh được xử lý đúng hạn")
    "feedback": frozenset({"dossiers_on_time", "dossiers_processed_online", "dossiers_received"}),
    "people": frozenset({"information_security", "policy_documents"}),
    "officials": frozenset({"information_security"}),
    "subscribers": frozenset({"policy_documents"}),
    # clinics that accept the chip ID card are counted as health facilities, not ID accounts
    # ("118/118 cơ sở khám, chữa bệnh đã dùng căn cước gắn chip thay thẻ bảo hiểm y tế")
    "health_facilities": frozenset({"electronic_identification", "citizen_id_linked_data"}),
    # places reached by a cable are no length nor route of cable ("tuyến cáp quang ... đến 8 thôn")
    "communes": frozenset({"cable_lines_km"}),
    "districts": frozenset({"cable_lines_km"}),
    "households": frozenset({"cable_lines_km", "policy_documents"}),
    "agencies": frozenset({"cable_lines_km"}),
}

# Keywords too ambiguous to count alone: they name their indicator only in a sentence that
# holds one of these words ("4 lớp" is classes in "mở 4 lớp tập huấn", layers in "mô hình 4 lớp").
KEYWORD_CONTEXT: dict[str, tuple[str, ...]] = {
    "lớp": (
        "tập huấn", "đào tạo", "bồi dưỡng", "học", "học viên", "kỹ năng", "giảng dạy", "huấn luyện", "khóa",
        "khoá", "lượt", "tham gia", "hướng dẫn",
    ),
}
# ... and keywords that name nothing in a sentence that holds one of these words: a QR code
# that takes money ("1.860 tiểu thương đã dùng mã QR để nhận tiền hàng") is payment, which the
# cashless words name when they are there; one that tells, traces or checks is a service.
PAYING_WORDS: tuple[str, ...] = ("thanh toán", "tiền", "phí", "chuyển khoản", "pos", "payment", "payments", "pay", "paid")
KEYWORD_NOT_WITH: dict[str, tuple[str, ...]] = {"mã qr": PAYING_WORDS, "qr code*": PAYING_WORDS}
# Words of a person's identity that, in a clause also naming the population register
# ("xác thực 98.650 thông tin người hưởng chính sách với Cơ sở dữ liệu quốc gia về dân cư"),
# say how records were checked against it (sector data linked to citizen ID), not that
# people hold an electronic identity; the app's own name ("VNeID") is no such word.
IDENTITY_CHECK_WORDS: tuple[str, ...] = ("xác thực", "căn cước", "cccd", "mã định danh", "định danh", "authenticated")
# Verbs of keeping records ("đã cập nhật dữ liệu của 34.870 hội viên"): they say what was done
# to the things their own clause counts, so they name no figure of another clause.
CLAUSE_KEYWORDS: tuple[str, ...] = ("cập nhật", "nối mạng")
# ... of them, those that say a state the units are in, written after them with or without
# "được" ("7 máy đã nối mạng", "3 máy đo tọa độ nối mạng"): said of the figure before them
STATE_KEYWORDS: tuple[str, ...] = ("nối mạng",)
# A machine counted by its bare noun ("520 máy", "24 máy chạy thận"), which names nothing digital
# of its own, is networked equipment once a verb of joining governs it, whatever it is joined to
# ("đã kết nối với phần mềm", "kết nối đủ 24 máy ... với phần mềm"), or when only a generic word
# of software in its sentence names it ("8 máy đã gửi số que ... về phần mềm"): the software is
# not counted.
MACHINE_NOUNS: tuple[str, ...] = ("máy", "machine", "machines")
# What is sold or ordered through an online channel is e-commerce, whatever the channel is
# called: "2.190 đơn đặt qua website", "bán 1,63 triệu vé qua website", "81.300 ly bán qua các
# ứng dụng" count sales, not the website's or the app's use. The units are orders or tickets by
# their own noun, or anything a verb of sale says was sold, right before the channel or the
# figure; not the buyers ("356 đại lý đặt hàng qua ứng dụng" counts the app's users), and not a
# service booked ("lượt đặt lịch qua ứng dụng", "chuyến được đặt qua ứng dụng": "đặt" alone books).
# ("đơn" alone is as often a petition or an application: "1.318 đơn khởi kiện qua Cổng dịch vụ công")
ORDER_NOUNS: tuple[str, ...] = (
    "đơn hàng", "đơn đặt hàng", "đơn mua hàng", "đơn đặt", "vé", "order", "orders", "ticket", "tickets",
)
SALE_VERBS: tuple[str, ...] = (
    "bán", "bán ra", "mua", "đặt hàng", "đặt mua", "tiêu thụ", "sold", "bought", "purchased", "ordered",
)
SALE_VIA: tuple[str, ...] = ("qua", "trên", "through", "via", "on")
SALE_CHANNEL_NAMES: tuple[str, ...] = (
    "website", "trang web", "web", "ứng dụng", "app", "sàn", "sàn thương mại điện tử", "mạng", "mạng xã hội",
    "fanpage", "zalo", "facebook", "cổng", "nền tảng", "kênh trực tuyến", "kênh online", "internet", "the website",
    "the app", "the internet",
)
SALE_CHANNELS: tuple[str, ...] = tuple(
    f"{via} {article}{name}" for via in SALE_VIA for article in ("", "các ", "những ") for name in SALE_CHANNEL_NAMES
) + ("trực tuyến", "online")
# ... the buyers, who use the channel: no sale counted.
BUYER_NOUNS: tuple[str, ...] = (
    "đại lý", "khách hàng", "khách", "cửa hàng", "nhà phân phối", "điểm bán", "nhà hàng", "siêu thị", "nhà thuốc",
    "tiệm", "nhà nhập khẩu", "tài khoản", "dealer*", "agent*", "customer*", "shop*", "store*", "retailer*",
    "account*", "buyer*",
)
JOINING_VERBS: tuple[str, ...] = ("kết nối", "nối với", "nối mạng", "connected", "linked", "networked")
# Verbs of fitting a device to a thing ("46 máy cuốn được gắn bộ thu thập dữ liệu", "gắn thiết
# bị định vị cho 110 chiếc xích lô"): each thing fitted, counted by a noun that names nothing the
# fields count (a machine, a vehicle, a kiln), carries one device, so the figure counts devices
# fitted, of the device's own code.
FITTING_VERBS: tuple[str, ...] = ("gắn", "lắp", "lắp đặt", "trang bị", "fitted", "equipped")
# ... and what such a verb fits that names a device only after it: "gắn định vị" fits a locator,
# where "định vị thương hiệu" places a brand.
FITTED_ONLY_DEVICES: tuple[str, ...] = ("định vị",)
# Nouns of records kept in software ("9.400 bản ghi", "1.320 lượt ghi chép"): a count of them
# counts the records, whatever device or person wrote them ("do cảm biến tự gửi về") and
# whatever app keeps them; a verb of data work in their clause ("số hóa", "làm sạch") still
# names what was done to them.
RECORD_NOUNS: tuple[str, ...] = (
    "bản ghi", "bản ghi chép", "lượt ghi chép", "dòng ghi chép", "dòng nhật ký", "lượt ghi nhật ký",
    "records", "log entries",
)
# Classifiers: a count by one followed by a noun of its own ("212 bộ khuôn", "40 chiếc ghe")
# counts that noun, not the longer keyword the classifier starts ("bộ thu thập dữ liệu").
CLASSIFIERS: tuple[str, ...] = ("bộ", "chiếc", "cái", "con")
# Words that make the verb after them passive: what it is said of stands before it
# ("196.420 hội viên được cập nhật").
PASSIVE_MARKERS: tuple[str, ...] = ("được", "bị")
# Keywords that are another word when these words follow them: "ứng dụng" is an app, but
# "ứng dụng công nghệ thông tin" applies IT and names no app; "số hóa đơn" is a number of
# invoices, no digitising; "sàn giao dịch việc làm" is a job exchange, no e-commerce. The
# lexicon's own words are held to it too.
KEYWORD_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "ứng dụng": (
        "công nghệ", "cntt", "khoa học", "chuyển đổi số", "trí tuệ nhân tạo", "ai", "tin học", "kỹ thuật",
        "giải pháp", "thành tựu", "vào", "trong", "hiệu quả", "rộng rãi", "số",
        # a verb whose object is a tool: "doanh nghiệp ứng dụng phần mềm ERP" applies software
        "phần mềm", "hệ thống", "nền tảng", "thiết bị", "mô hình", "quy trình", "nhà kính",
    ),
    "kế hoạch": ("và đầu tư", "- đầu tư"),  # the Department of Planning and Investment, no plan
    "soc": ("trăng", "trang"),  # Sóc Trăng written without its marks, no security centre
    "số hóa": ("đơn",),
    "số hoá": ("đơn",),
    "sàn giao dịch": ("việc làm", "lao động"),
    "khách": ("hàng", "sạn"),  # customers and hotels are no visitors
    "cập nhật": ("kiến thức", "kỹ năng", "kĩ năng"),  # what training refreshes, no records
    # drills against floods, fires or for rescue are no cyber-incident drills
    "diễn tập": (
        "phòng cháy", "chữa cháy", "phòng, chống", "phòng chống", "ứng phó", "tìm kiếm", "cứu nạn", "cứu hộ",
        "thiên tai", "quân sự", "khu vực phòng thủ", "sơ tán",
    ),
    "tiktok": ("shop",),  # TikTok Shop is a marketplace, not a channel's page
    # a network named after it is the one connected to, not the Internet ("kết nối mạng LAN", "mạng TSLCD")
    "kết nối mạng": (
        "lan", "wan", "tslcd", "nội bộ", "cục bộ", "diện rộng", "truyền số liệu", "chuyên dùng", "chuyên ngành",
    ),
    # "1 người theo dõi công nghệ thông tin": the staff member who follows a field, no follower
    "người theo dõi": ("công nghệ", "cntt", "công tác", "lĩnh vực", "mảng"),
}
# Nouns of a kind of thing whose name may follow them: the name says what the figure is
# about ("ứng dụng VNeID" is about e-identification, "ứng dụng thương mại điện tử" about
# e-commerce, "website thương mại điện tử" an e-commerce site); the noun alone names an app
# or a portal. So do people using something ("71 người dùng điện thoại thông minh" own
# smartphones; "1,1 triệu người dùng" alone are an app's users).
NAMED_BY_WHAT_FOLLOWS: tuple[str, ...] = ("ứng dụng", "website", "trang web", "người dùng")
# ... users, above all: when the phrase goes on to what they use, they are no app's users.
USER_WORDS: tuple[str, ...] = ("người dùng",)
# Keywords that a number after them turns into the name of a numbered thing: "lớp 1 và
# lớp 6" are school grades, no classes taught.
NUMBERED_NAMES: tuple[str, ...] = ("lớp",)
# --- relevance: figures that are no measurement of digital transformation -------------
# Each maps a reason (the `relevance` column) to the cues that give it.

# A score: "0,6123 điểm", "đạt 85,5 điểm" (a score unit right after the figure,
# with a decimal value or an index named nearby). "236 điểm" alone counts places.
SCORE_UNITS: tuple[str, ...] = ("điểm", "point", "points", "score")
SCORE_CUES: tuple[str, ...] = (
    "chỉ số", "điểm số", "tổng điểm", "số điểm", "tổng số điểm", "đạt điểm", "điểm trung bình", "điểm bình quân",
    "điểm thi", "dti", "ict index", "par index",
    "papi", "sipas", "pci", "xếp hạng", "index", "score*", "scoring",
)
# A rank: "xếp thứ 3/63", "đứng thứ 5", "top 10", "tăng 4 bậc", "ranked 5th".
RANK_BEFORE: tuple[str, ...] = (
    "xếp thứ", "đứng thứ", "xếp hạng", "xếp hạng thứ", "vị trí thứ", "thứ hạng", "hạng", "thứ", "top",
    "tốp", "ranked", "ranking", "rank", "position",
)
RANK_AFTER: tuple[str, ...] = ("bậc", "hạng", "bậc so với", "place*", "position*", "rank*")
# A rank said by the group a province is in: "1 trong 17 tỉnh đứng đầu", "top 10 tỉnh dẫn đầu".
RANK_GROUP: tuple[str, ...] = ("đứng đầu", "dẫn đầu", "cao nhất", "leading", "top")
# An award: "đạt 3 giải thưởng", "5 bằng khen".
AWARD_CUES: tuple[str, ...] = (
    "giải thưởng", "giải nhất", "giải nhì", "giải ba", "giải khuyến khích", "giải", "đạt giải",
    "huy chương", "bằng khen", "giấy khen", "danh hiệu", "cúp", "award*", "prize*", "medal*",
)
# Goals met: "hoàn thành 7/15 mục tiêu", "12/15 chỉ tiêu đạt".
MET_GOAL_NOUNS: tuple[str, ...] = (
    "mục tiêu", "chỉ tiêu", "nhiệm vụ", "tiêu chí", "nội dung", "target*", "goal*", "criteri*",
    "task*",
)
# Population: "dân số 1,2 triệu người", "với 900.000 dân".
POPULATION_CUES: tuple[str, ...] = ("dân số", "nhân khẩu", "quy mô dân số", "population", "inhabitant*", "home to")
POPULATION_HEADS: tuple[str, ...] = ("dân", "nhân khẩu", "inhabitant*")
# Groups of the population a share may describe ("87% là đồng bào dân tộc thiểu số").
POPULATION_GROUPS: tuple[str, ...] = (
    "đồng bào dân tộc thiểu số", "người dân tộc thiểu số", "dân tộc thiểu số", "đồng bào dân tộc", "đồng bào",
    "ethnic minorities", "ethnic minority people",
)
# Units of height, area, weight, voltage and energy: no figure of digital transformation
# measures in them ("trạm BTS ở độ cao hơn 1.400 m", "trạm biến áp 110 kV", "sản lượng 1,2
# triệu kWh"); lengths in km are cable, speeds and volumes are kept.
# A hospital's beds are its size, whatever software it runs ("17 bệnh viện với 4.350 giường
# bệnh"); a share of them is a share of what is counted ("bệnh án điện tử cho 100% giường bệnh").
BED_UNITS: tuple[str, ...] = ("giường bệnh", "giường", "hospital beds", "beds")
# An area may be what was digitised ("đã số hóa bản đồ 1.240 ha vùng trồng"), never what was built.
AREA_UNITS: tuple[str, ...] = ("m2", "m²", "km2", "km²", "ha", "héc-ta", "hecta")
NON_DIGITAL_UNITS: tuple[str, ...] = (
    "m", "mét", *AREA_UNITS, "kg", "tấn", "metres", "meters", "kilo*", "tonne*", "tons",
    "hải lý", "nautical miles",  # how far out at sea: a reach, never cable laid (km may be)
    "kv", "kva", "mva", "kwh", "mwh", "gwh",  # (MW stays: a data centre's capacity is one of its figures)
    "m3", "m³", "lít", "litres", "liters",  # volumes: of water treated, fuel sold
    "độ c", "°c", "degrees",  # temperatures a sensor raises an alarm at
    "ml", "mililít", "gram", "gam", "grams",  # a bottle's or a bag's size ("chai 330 ml", "túi 500 gram")
    "vôn", "volts",  # a voltage a product is tested at
    "inch", "inches",  # a screen's size ("màn hình 55 inch")
    "‰",  # salinity ("độ mặn 4‰"); (a bare "độ" also opens nouns: "45% độ phủ")
    # the languages a guide or an app speaks: a property of it, not a count of anything deployed
    "ngôn ngữ", "thứ tiếng", "languages",
    *BED_UNITS,
)
# ... and the one-letter units, read only when written apart from their figure ("túi 500 g",
# "thử rò điện ở 1.500 V"): glued to it, "5G" and "4G" name network generations.
SPACED_UNITS: tuple[str, ...] = ("g", "v")
# Properties of a product, a room or a liquid that a percentage states ("độ ẩm dưới 60%", "axit
# nồng độ 98%", "độ tinh khiết 99,99%"): a measure of the thing, nothing counted, even in a
# sentence about the sensors or the software that watch it.
PHYSICAL_PROPERTIES: tuple[str, ...] = (
    "độ ẩm", "nồng độ", "hàm lượng", "độ tinh khiết", "độ mặn", "độ brix", "humidity", "moisture", "purity",
    "concentration",
)
# The administrative units a place has ("Toàn tỉnh có 135 xã, phường, trong đó ...") are no
# digital-transformation figure: counted after "có"/"gồm", named by nothing but place words.
PLACE_UNIT_WORDS: tuple[str, ...] = (
    "xã", "phường", "thị trấn", "đặc khu", "thôn", "xóm", "bản", "làng", "buôn", "bon", "ấp", "khóm", "tổ dân phố",
    "khu phố", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "đơn vị hành chính", "communes", "wards",
    "districts", "villages",
)
# The units under a province, which an address names before it ("thị trấn Phong Châu, huyện
# Phù Ninh, tỉnh Phú Thọ"): a province that closes such an address locates what the text is about.
UNITS_BELOW_PROVINCE: tuple[str, ...] = ("huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
# The district-level units, which name a district before its name ("huyện Cẩm Giàng", "UBND THỊ
# XÃ PHÚ THỌ", "TP. Vĩnh Yên"); a report that names no province is about its district's.
DISTRICT_UNITS: tuple[str, ...] = ("huyện", "quận", "thị xã", "thành phố", "tp.", "tp")
PLACE_UNIT_VERBS: tuple[str, ...] = ("có", "gồm", "có tổng số", "has", "had", "comprises")
PLACE_UNIT_ENDS: tuple[str, ...] = ("trong đó", "với", "gồm", "bao gồm", "of which", "with")
# People counted as members of a team, a union or a course: they exist through what they
# joined, so a column counting them ("Số thành viên" beside "Số tổ") is a figure of it, never
# the headcount a breakdown is taken over.
MEMBERSHIP_WORDS: tuple[str, ...] = ("thành viên", "hội viên", "đoàn viên", "học viên", "member*", "trainee*", "learner*")
# Attendance: people at a meeting ("với hơn 1.500 đại biểu tham dự") or visitors to a place
# ("đón 8,6 triệu lượt khách du lịch") are no digital-transformation figure.
ATTENDANCE_HEADS: tuple[str, ...] = (
    "đại biểu", "khách mời", "du khách", "lượt du khách", "khách du lịch", "lượt khách du lịch", "lượt khách",
    "khách tham quan", "lượt khách tham quan", "khách", "delegate*", "attendee*", "visitor*", "tourist*",
)
# Offences found or handled ("phát hiện 8.326 trường hợp vi phạm trật tự an toàn giao thông"):
# counts of enforcement, whatever device found them.
OFFENCE_HEADS: tuple[str, ...] = (
    "trường hợp vi phạm", "vụ vi phạm", "lượt vi phạm", "hành vi vi phạm", "vụ việc vi phạm", "lỗi vi phạm",
    "trường hợp lừa đảo", "vụ lừa đảo", "vụ việc lừa đảo", "offence*", "violation*",
)
# Money: a currency after the figure (its scale word may come between) or before it.
CURRENCY_AFTER: tuple[str, ...] = ("đồng", "vnđ", "vnd", "usd", "đô la", "đô-la", "euro", "dollar*", "$")
CURRENCY_BEFORE: tuple[str, ...] = ("$", "usd", "vnd", "vnđ", "us$")
MONEY_SCALE_WORDS: tuple[str, ...] = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "nghìn tỷ", "thousand", "million", "billion", "trillion")
# Sums of money a share can be taken of: "bằng khoảng 10% tổng kinh phí chuyển đổi số" is a share
# of spending, no share of anything counted (read after "chiếm"/"bằng", with or without "tổng").
MONEY_WHOLES: tuple[str, ...] = (
    "kinh phí", "ngân sách", "vốn", "nguồn vốn", "vốn đầu tư", "mức đầu tư", "dự toán", "chi ngân sách",
    "chi thường xuyên", "chi đầu tư", "chi cho", "chi tiêu", "budget", "spending",
)
# A level that something crossing sets off an action at ("khi nhiệt độ vượt 30 độ C, hệ thống cảnh
# báo", "khi xe chạy quá 50 km/h"): a threshold of a condition, no count of anything. The verb
# stands right before the figure, the condition word opens its clause.
THRESHOLD_VERBS: tuple[str, ...] = (
    "vượt", "vượt quá", "vượt cấp", "vượt mức", "vượt ngưỡng", "quá", "quá mức", "dưới", "xuống dưới", "xuống quá",
    "lên trên", "lên quá",
    "exceeds", "exceed", "goes above", "goes over", "drops below", "falls below", "below",
)
# Words for the level itself, between the verb and the figure: "khi gió vượt cấp 6".
THRESHOLD_LEVELS: tuple[str, ...] = ("cấp", "mức", "ngưỡng", "level")
CONDITION_OPENERS: tuple[str, ...] = ("khi", "nếu", "hễ", "when", "whenever", "if", "once")
# ... but not the words "khi" makes a contrast or a time of another event with ("trong khi cấp xã
# chỉ đạt dưới 40%" is still a figure).
NOT_A_CONDITION_BEFORE_KHI: tuple[str, ...] = ("trong", "sau", "trước", "từ")
# Words opening a sentence that point back to the cut-off stated last ("Tính đến ngày 10/5/2025,
# ... ¶ Cũng đến thời điểm này, 3.865 cán bộ ..."): the sentence is stated at that day, in a
# new paragraph too.
SAME_TIME_AGAIN: tuple[str, ...] = (
    "đến thời điểm này", "đến thời điểm trên", "đến thời điểm đó", "tính đến thời điểm này", "tính đến thời điểm trên",
    "tính đến thời điểm đó", "cùng thời điểm này", "cùng thời điểm trên", "cùng thời điểm đó", "tại thời điểm này",
    "tại thời điểm trên", "by the same date", "as of the same date", "at the same date",
    # "the same day": "Tính đến cùng ngày, ...", "Cùng thời điểm, ..."
    "cùng ngày", "đến cùng ngày", "tính đến cùng ngày", "cùng thời điểm", "đến cùng thời điểm",
    "tính đến cùng thời điểm", "by the same day", "on the same day",
)
# ... perhaps after "also": "Cũng đến thời điểm trên, ...", "Also by the same date, ..."
SAME_TIME_ALSO: tuple[str, ...] = ("cũng", "also")
# ... or after the topic the sentence turns to: "Về Đề án 06, tính đến cùng ngày, ..."
SAME_TIME_TOPIC_OPENERS: tuple[str, ...] = ("về", "đối với", "riêng", "as for", "regarding")
# Words opening a sentence on the set its figures are taken out of: "Trong 38 chuồng, 16 chuồng đã
# lắp cảm biến" counts the pens that have sensors out of all 38.
OUT_OF_A_SET_OPENERS: tuple[str, ...] = ("trong", "trong số", "trong tổng số", "trên tổng số", "of the", "out of")
# ... and the word that may open what is counted out of it: "Trong tổng số 1.644 dịch vụ, có 1.128
# dịch vụ đã phát sinh hồ sơ".
OUT_OF_A_SET_EXISTENTIALS: tuple[str, ...] = ("có", "there are", "there were")
# Market share: "chiếm 45% thị phần".
MARKET_SHARE_CUES: tuple[str, ...] = ("thị phần", "market share*")
# A network operator taking a share of something is its market share ("Viettel chiếm 58% số
# thuê bao 5G"); a count it takes is still a count ("Viettel chiếm hơn 8.000 trạm").
OPERATOR_SHARE_CUES: tuple[str, ...] = tuple(
    f"{operator} {verb}" for operator in ("viettel", "vnpt", "vinaphone", "mobifone", "fpt", "vietnamobile")
    for verb in ("chiếm", "accounts for", "accounted for", "holds", "held")
)

# --- abbreviations ------------------------------------------------------------------

# Administrative writing abbreviates its stock phrases ("cán bộ chuyên trách CNTT",
# "kết nối CSDL"); a taxonomy keyword written one way also matches the other.
ABBREVIATIONS: dict[str, str] = {
    "cntt": "công nghệ thông tin",
    "tthc": "thủ tục hành chính",
    "dvctt": "dịch vụ công trực tuyến",
    "csdl": "cơ sở dữ liệu",
    "attt": "an toàn thông tin",
    "httt": "hệ thống thông tin",
    "cđs": "chuyển đổi số",
    "tmđt": "thương mại điện tử",
    "cccd": "căn cước công dân",
    "qlvb": "quản lý văn bản",
    "tslcd": "truyền số liệu chuyên dùng",
    "tcnscđ": "tổ công nghệ số cộng đồng",
}


def spelled_variants(phrase: str) -> tuple[str, ...]:
    """`phrase` and its other spellings: each abbreviation in it written out, each written-out
    phrase abbreviated ("chuyên trách về cntt" → "chuyên trách về công nghệ thông tin")."""
    variants = [phrase]
    for short, long in ABBREVIATIONS.items():
        for text in list(variants):
            words = f" {text} "
            if f" {short} " in words:
                variants.append(words.replace(f" {short} ", f" {long} ").strip())
            elif f" {long} " in words:
                variants.append(words.replace(f" {long} ", f" {short} ").strip())
    return tuple(dict.fromkeys(variants))

# A comparison: a percentage that relates a figure to an earlier period or a plan, not a
# share of anything counted: "tăng 135% so với năm 2022", "giảm 4,2%", "đạt 112% kế
# hoạch", "bằng 96% so với cùng kỳ", a "Tỷ lệ so với KH (%)" column. "tăng lên 85%"
# (rose to 85 %) is a level: "lên" stands between the verb and the figure.
CHANGE_VERBS: tuple[str, ...] = (
    "tăng", "giảm", "tăng thêm", "giảm thêm", "tăng trưởng", "vượt", "vượt mức", "cao hơn", "thấp hơn", "up",
    "down", "increase*", "decrease*", "rose", "grew", "fell", "dropped", "declined", "exceed*",
)
PERCENTAGE_POINTS: tuple[str, ...] = ("điểm phần trăm", "điểm %", "percentage point*", "points")
# A national average quoted beside the province's rate is a benchmark, no figure of the
# province: "cao hơn bình quân cả nước (52,4%)", "bình quân cả nước khoảng 82,3%".
NATIONAL_AVERAGES: tuple[str, ...] = tuple(
    f"{average}{joint}{country}"
    for average in ("bình quân", "trung bình", "mức bình quân", "mức trung bình", "tỷ lệ bình quân", "tỷ lệ trung bình")
    for joint in (" ", " chung ", " của ", " chung của ", " chung của cả ")
    for country in ("cả nước", "toàn quốc")
    if not (joint == " chung của cả " and country == "cả nước")
) + ("national average", "the national average", "nationwide average")
COMPARED_WITH: tuple[str, ...] = (
    "kế hoạch", "kế hoạch năm", "so với kế hoạch", "kh", "so với kh", "so với cùng kỳ", "cùng kỳ",
    "so với năm trước", "so với năm", "so với tháng", "so với quý", "so với đầu năm", "so với cuối năm",
    "so với cuối tháng", "so với cuối quý", "so với đầu tháng", "so với đầu quý", "so với cùng thời điểm",
    "so với thời điểm", "so với ngày", "so với giai đoạn", "so với trước",
    "of the plan", "of plan", "year on year", "year-on-year", "compared to", "compared with",
    # a share of the volume a plan set, or of what was needed ("bằng 76% nhu cầu"), not of anything counted
    "khối lượng theo kế hoạch", "khối lượng kế hoạch", "nhu cầu",
)
