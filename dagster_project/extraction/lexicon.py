"""Vocabulary of the extraction: the words its rules look for, in one place.

Entries are lower case; Vietnamese with its diacritics (text written without
them is matched folded, see `words.py`), English for English-language
reports. A trailing '*' lets the last word go on ("household*").
"""
from __future__ import annotations

# =====================================================================================
# Classification vocabulary (extraction/classify.py). Branch h1b-classify.
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
        "xã", "phường", "thị trấn", "xã, phường, thị trấn", "cấp xã", "ubnd cấp xã", "ubnd các xã",
        "ubnd xã", "thôn", "bản", "ấp", "tổ dân phố", "trung tâm xã", "commune*", "ward*", "village*",
    ),
    "districts": ("huyện", "quận", "thị xã", "cấp huyện", "ubnd cấp huyện", "ubnd các huyện", "district*"),
    "people": (
        "người dân", "người", "công dân", "dân", "nhân khẩu", "người dùng", "học viên", "lượt người",
        "thành viên", "resident*", "citizen*", "people", "persons", "inhabitant*", "user*", "member*",
        "trainee*", "learner*",
    ),
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
    "enterprises": ("doanh nghiệp", "enterprise*", "business*", "compan*"),
    "schools": ("trường học", "trường", "cơ sở giáo dục", "school*"),
    "health_facilities": (
        "cơ sở y tế", "bệnh viện", "trạm y tế", "cơ sở khám chữa bệnh", "cơ sở khám, chữa bệnh",
        "hospital*", "health facilit*", "clinic*",
    ),
    "computers": ("máy tính", "máy vi tính", "computer*"),
    "data_records": ("dữ liệu", "bản ghi", "trường dữ liệu", "data"),
    "subscribers": ("thuê bao", "subscriber*", "subscription*"),
}

# Words in front of the counted noun phrase that are not part of it: "tỷ lệ hộ
# gia đình ..." counts households, "số xã ..." counts communes.
MEASURE_WORDS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "số lượng", "tổng số", "số", "các", "những", "toàn bộ", "tất cả", "lượt", "the rate of",
    "the share of", "the number of", "the percentage of", "the proportion of", "rate of", "share of",
    "number of", "percentage of", "proportion of", "the", "all",
)

# Where the counted phrase after a figure ends: a punctuation mark (outside a base
# like "cán bộ, công chức"), another figure, or one of these words.
PHRASE_STOPS: tuple[str, ...] = (
    "trong đó", "bao gồm", "gồm", "với", "đạt", "chiếm", "tăng", "giảm", "so với", "góp phần", "qua đó",
    "nhằm", "để", "of which", "including", "with", "reaching", "up", "compared", "while", "which",
)
# The verb between a subject and its figure: "tỷ lệ hồ sơ trực tuyến đạt 60%", "số
# DVCTT mức độ 3 là 191", "the rate ... reached 90%". The subject before it is
# what the figure measures; a phrase after the figure then only says over what.
LINKING_VERBS: tuple[str, ...] = (
    "đạt", "đạt tỷ lệ", "đạt tỉ lệ", "là", "chiếm", "chiếm tỷ lệ", "bằng", "ở mức", "lên", "lên tới", "lên đến",
    "đến", "tới", "reached", "reaches", "reach", "reaching", "is", "was", "were", "are", "stood at", "of",
    "totalled", "totaled", "hit",
)
# Words that end a counted noun phrase and start what is said of it ("5,7 triệu dữ liệu
# đăng ký đất đai | đã được số hóa", "100% xã | có cáp quang"): a keyword of the
# predicate describes the figure before the phrase's own modifiers.
PREDICATE_MARKERS: tuple[str, ...] = (
    "đã", "được", "có", "đang", "sẽ", "bị", "đều", "chưa", "không", "vẫn", "cần", "phải",
    "are", "were", "is", "was", "have", "has", "had", "been",
)
# Words that open the subject before a figure ("tỷ lệ hộ gia đình có cáp quang ...").
SUBJECT_OPENERS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "số lượng", "tổng số", "số", "mật độ", "the rate", "the share", "the number",
    "the percentage", "the proportion", "the density", "rate", "share", "number", "percentage", "proportion",
)
# Words that join two figures' phrases: "100% cán bộ, công chức và trên 50% viên chức
# đã được đào tạo" (the predicate after the second phrase is the first one's too).
COORDINATORS: tuple[str, ...] = ("và", "cùng", "and", "as well as")

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
ANAPHOR_HEADS: tuple[str, ...] = (
    "dịch vụ", "hệ thống", "nền tảng", "ứng dụng", "phần mềm", "mạng", "cổng", "trang", "công cụ",
    "giải pháp", "mô hình", "cơ sở dữ liệu", "service", "system", "platform", "application", "app",
    "software", "portal", "network", "database",
)

# Verbs that say what happened to the units a figure counts: "bồi dưỡng cho 4.700
# thành viên", "đào tạo 500 cán bộ" count people trained; "tiếp nhận 932.000 hồ
# sơ" counts dossiers received. Each maps the counted base to the indicator.
GOVERNING_VERBS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "training": (
        ("đào tạo", "tập huấn", "bồi dưỡng", "huấn luyện", "phổ cập", "train", "trained", "training"),
        {"people": "learners", "officials": "officials_trained"},
    ),
    "receiving": (
        ("tiếp nhận", "nhận được", "received", "receive", "receives"),
        {"dossiers": "dossiers_received"},
    ),
    # "ban hành 64 văn bản chỉ đạo": documents issued are policy documents.
    "issuing": (
        ("ban hành", "đã ban hành", "issued", "issue"),
        {"documents": "policy_documents"},
    ),
}
# Indicators a governing verb leaves as they are: they already say what happened
# to the units ("50.911 hồ sơ tiếp nhận trực tuyến" stays online dossiers).
GOVERNED_ALREADY: frozenset[str] = frozenset(
    {"learners", "officials_trained", "dossiers_processed_online", "dossiers_on_time", "digitisation"}
)
# What a counted unit names by itself when its phrase names nothing more specific:
# "1.827 văn bản được ký và phát hành" counts (electronic) documents.
BASE_INDICATORS: dict[str, str] = {"documents": "e_documents"}
# A keyword after "trên"/"tại" names where something is published or run ("được
# công khai trên Cổng Dịch vụ công", "phát hành trên Trục liên thông văn bản"), not what is
# counted; unless it names the channel ("trên môi trường mạng" = online).
LOCATIVES: tuple[str, ...] = ("trên", "tại")
CHANNELS: tuple[str, ...] = (
    "môi trường điện tử", "môi trường mạng", "mạng", "internet", "không gian mạng", "mạng internet",
)
# Indicators that cannot count a base: a figure counted over dossiers is no count
# of procedures or services ("mức 3 là 36.753 hồ sơ"), and the reverse. Their
# keywords then come after the others, like the base's own.
BASE_EXCLUDES: dict[str, frozenset[str]] = {
    "dossiers": frozenset({"admin_procedures", "online_public_services", "online_public_services_level34"}),
    "procedures": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
    "services": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
    "documents": frozenset({"dossiers_processed_online", "dossiers_on_time", "dossiers_received"}),
}

# --- relevance: figures that are no measurement of digital transformation -------------
# Each maps a reason (the `relevance` column) to the cues that give it.

# A score: "0,6123 điểm", "đạt 85,5 điểm" (a score unit right after the figure,
# with a decimal value or an index named nearby). "236 điểm" alone counts places.
SCORE_UNITS: tuple[str, ...] = ("điểm", "point", "points", "score")
SCORE_CUES: tuple[str, ...] = (
    "chỉ số", "điểm số", "tổng điểm", "số điểm", "đạt điểm", "dti", "ict index", "par index",
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
GOAL_NOUNS: tuple[str, ...] = (
    "mục tiêu", "chỉ tiêu", "nhiệm vụ", "tiêu chí", "nội dung", "target*", "goal*", "criteri*",
    "task*",
)
# Population: "dân số 1,2 triệu người", "với 900.000 dân".
POPULATION_CUES: tuple[str, ...] = ("dân số", "nhân khẩu", "quy mô dân số", "population", "inhabitant*")
POPULATION_HEADS: tuple[str, ...] = ("dân", "nhân khẩu", "inhabitant*")
# Money: a currency after the figure (its scale word may come between) or before it.
CURRENCY_AFTER: tuple[str, ...] = ("đồng", "vnđ", "vnd", "usd", "đô la", "đô-la", "euro", "dollar*", "$")
CURRENCY_BEFORE: tuple[str, ...] = ("$", "usd", "vnd", "vnđ", "us$")
SCALE_WORDS: tuple[str, ...] = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "nghìn tỷ", "thousand", "million", "billion", "trillion")
# Market share: "chiếm 45% thị phần".
MARKET_SHARE_CUES: tuple[str, ...] = ("thị phần", "market share*")
