"""Title, publication date, province and source portal of a report.

Reports are portal pages saved as text: a few header lines (navigation crumbs,
a title, a date line such as "Thứ ba 11/12/2018 06:00"), then prose. Prose is
full of dates that are not the publication date ("Tính đến ngày 26/03/2024",
"Nghị quyết 36-NQ/TW ngày 01/7/2014"), so a date only counts as the
publication date when it stands on a header line that is essentially a date
line, or is introduced by a publication marker ("date", "Cập nhật", "Ngày
đăng", "Posted").
"""
from __future__ import annotations

import datetime
import re

from dagster_project.extraction.dates import date_from_url, find_dates, parse_date
from dagster_project.extraction.lexicon import (
    ARTICLE_TOOL_WORDS,
    DOCUMENT_NUMBER_PATTERN,
    DOCUMENT_TYPES,
    REPRINT_HEADER_REACH_LINES,
    SHARE_WORDS,
    SIGNATURE_BLOCK_PATTERN,
    SITE_BAR_WORDS,
    VIEW_COUNTER_WORDS,
    WEEKDAY_PATTERN,
    alternation,
)
from dagster_project.extraction.models import ReportMetadata
from dagster_project.extraction.provinces import (
    detect_province,
    is_national_site,
    named_in_passing,
    province_by_district,
    province_from_file_name,
    province_from_url,
    sole_province_named_in_full,
)
from dagster_project.extraction.normalize import normalize_text

# Header area: where portals print the title and the publication line.
_HEADER_LINES = 10
_HEADER_CHARS = 600
# A line longer than this is body text, not a title.
_MAX_TITLE_CHARS = 250
_MIN_TITLE_WORDS = 3
# A date line may keep a few leftover tokens (author initials, view counts).
_MAX_LEFTOVER_WORDS = 3

_WEEKDAY = WEEKDAY_PATTERN
_WEEKDAY_ONLY = re.compile(_WEEKDAY, re.IGNORECASE)
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?"
_PUBLICATION_MARKER = (
    r"(?:date|cập\s*nhật(?:\s*lúc)?|ngày\s*đăng|đăng\s*ngày|đăng\s*lúc|ngày\s*xuất\s*bản"
    r"|thời\s*gian\s*đăng|ngày\s*cập\s*nhật|posted(?:\s*on)?|published(?:\s*on)?|updated(?:\s*on)?)"
)
_LEADING_TIME = re.compile(r"^\s*" + _TIME + r"[\s,\-–|]*", re.IGNORECASE)
_MARKED_DATE_LINE = re.compile(
    r"^\W*" + _PUBLICATION_MARKER + r"\b\s*[:\-–]?\s*(?:ngày\s*[:\-–]?\s*)?", re.IGNORECASE  # "Cập nhật ngày: ..."
)
# A dateline in brackets that opens a line, as news items credit their source: "(Cổng TTĐT -
# 03/07/2024) Sáng 02/7, ...", "(Tin: Phòng Bưu chính - Viễn thông, 21/03/2024)".
_BRACKETED_DATELINE = re.compile(
    r"^\(\s*(?P<credit>[^()]{0,80}?)[\s,:\-–]*(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})\s*\)"
)
# A byline: the author, office or programme, a bar, the date ("Sở Thông tin và Truyền thông |
# 06/08/2024", "BẢN TIN THỜI SỰ TỐI - NGÀY 22/9/2025").
_BYLINE = re.compile(
    r"^(?P<credit>[^|()\d]{3,80}?)\s+[|–—-]\s+(?:" + _WEEKDAY + r"\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})(?:\s*[,-]?\s*\d{1,2}:\d{2})?\s*$",
    re.IGNORECASE,
)
# The same with the date first: "20/03/2025 10:15 | Sở Tài nguyên và Môi trường", "Thứ ba,
# 15/04/2025 - 09:42 | Phòng Nghiệp vụ Y".
_DATE_FIRST_BYLINE = re.compile(
    r"^(?:" + _WEEKDAY + r"\s*,?\s*)?(?:ngày\s+)?(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})"
    r"(?:\s*[,-]?\s*\d{1,2}:\d{2})?\s+[|–—-]\s+(?P<credit>[^|()\d]{3,80}?)\s*$",
    re.IGNORECASE,
)
# A news item's closing byline, the author's name and the day: "Hồ Phương - 10/01/2025".
_CLOSING_BYLINE = re.compile(
    r"^\s*(?P<credit>(?:[A-ZÀ-Ỹ][^\W\d_]*\.?\s+){0,5}[A-ZÀ-Ỹ][^\W\d_]*)\s+[-–—|]\s+"
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})\s*$"
)
# A byline of parts between bars or dashes, one of them the date: "Báo Đồng Tháp | Xã hội |
# 12/5/2025 - 16:05", "Báo Kiên Giang - 22/01/2025 15:30 - Y tế".
_BYLINE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_BYLINE_DATE = re.compile(
    r"(?:" + _WEEKDAY + r"\s*,?\s*)?(?:ngày\s+)?(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})(?:\s*,?\s*" + _TIME + r")?",
    re.IGNORECASE,
)
_BYLINE_TIME = re.compile(_TIME, re.IGNORECASE)
_BYLINE_PART_WORDS = 8  # longest credit or section name beside the date
_DIGIT = re.compile(r"\d")
_CLOSING_LINES = 12  # how far from the end (past "Tin khác" links) a closing byline stands
# Tokens a date line may carry besides the date itself.
_DATE_LINE_FILLER = re.compile(
    r"\b" + _WEEKDAY + r"\b|" + _TIME + r"|\(?\s*gmt\s*[+-]?\s*\d*\s*\)?|\bngày\b|\blúc\b|\bvào\b"
    r"|" + _PUBLICATION_MARKER + r"|\b\d+\b|[|/,:;()\-–—.]",
    re.IGNORECASE,
)
# Site chrome printed above the article (masthead menus, login links): a title
# never comes before them, so one seen below a candidate title voids it
# (a banner such as a holiday greeting sits above the menu).
_SITE_CHROME = re.compile(
    r"^(?:trang\s*chủ|home|logo|menu|đăng\s*nhập|đăng\s*ký.*|vietnamese|english|tiếng\s*việt"
    r"|liên\s*hệ|sitemap|tìm\s*kiếm|search)$",
    re.IGNORECASE,
)
# Crumbs and article toolbars, skipped wherever they stand.
_NAVIGATION_WORDS = re.compile(
    r"^(?:trong\s*tỉnh|trong\s*nước|ngoài\s*tỉnh|tin\s*tức(?:\s*-\s*sự\s*kiện)?"
    r"|tin\s*tổng\s*hợp|thời\s*sự|tin\s*mới|tin\s*hoạt\s*động|chuyển\s*đổi\s*số|news"
    r"|bản\s*in|quay\s*lại|đọc\s*bài\s*viết|chia\s*sẻ|in\s*bài|xem\s*với\s*cỡ\s*chữ.*"
    r"|a\+|a-|a)$",
    re.IGNORECASE,
)
_MASTHEAD = re.compile(
    r"^(?:báo|bao|cổng|cong|trang)\s+(?:thông\s*tin\s*)?(?:điện\s*tử|dien\s*tu)\b", re.IGNORECASE
)
# Words saying a date is an as-of date or a document's date, not publication.
_NOT_A_STAMP = re.compile(
    r"\b(?:tính\s*đến|đến|tới|từ|trước|sau|kể\s*từ|as\s*of|by|until|since|from"
    r"|nghị\s*quyết|quyết\s*định|chỉ\s*thị|nghị\s*định|thông\s*tư|công\s*văn|kế\s*hoạch"
    r"|văn\s*bản|báo\s*cáo|đề\s*án|chương\s*trình|thông\s*báo|luật"
    r"|resolution|decision|decree|plan|report)\b",
    re.IGNORECASE,
)
_BREADCRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\||·|•)\s|\||·")
_LEADING_MARKED_DATE = re.compile(
    r"^\s*" + _PUBLICATION_MARKER + r"\s*[:\-–]?\s*"
    r"(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*[:\-–|]?\s*",
    re.IGNORECASE,
)

_DOMAIN = r"(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info|edu)(?![\w-])"
_SOURCE_LINE = re.compile(
    r"^\W*(?:nguồn\s*tin|nguồn|source)\s*[:：\-–]\s*(?P<source>.+?)\W*$",
    re.IGNORECASE | re.MULTILINE,
)
_THEO_DOMAIN = re.compile(r"\btheo\s+(?P<source>" + _DOMAIN + r")", re.IGNORECASE)
# A lead that opens with the portal's name in brackets: "(Thanhhoa.dcs.vn): ..."
_LEAD_CREDIT = re.compile(r"^\s*\((?P<source>" + _DOMAIN + r")\)", re.IGNORECASE | re.MULTILINE)
_ANY_DOMAIN = re.compile(_DOMAIN, re.IGNORECASE)
_MAX_SOURCE_CHARS = 80


def extract_metadata(text: str, file_name: str | None = None, url: str | None = None) -> ReportMetadata:
    """Title, date, province and portal of a report; `url` is where it was fetched (a manifest gives it).

    The province comes from the text, else from the URL's host (provincial portals
    and papers name it: laocai.gov.vn, baolaocai.vn), else from the file name; the
    publication date from the text, else from the URL's path ("/Pages/2025-04-10/...").
    """
    text = normalize_text(text)
    lines = _header_lines(text)
    official = _official_header(text)
    province_code, evidence, source = _province(text, file_name, url)
    published, published_source = _published(text, lines, official, url)
    return ReportMetadata(
        title=find_official_title(official) or find_title(lines),
        published_date=published,
        province_code=province_code,
        province_evidence=evidence,
        source_site=find_source_site(text),
        province_source=source,
        published_source=published_source,
    )


def _published(
    text: str, lines: list[str], official: list[str], url: str | None
) -> tuple[datetime.date | None, str | None]:
    """The publication date and where it came from: the text's own date lines, else the day
    the article's address was posted on (a page whose header prints no date)."""
    printed = (
        find_official_date(official) or find_published_date(lines) or find_signature_date(text)
        or find_closing_byline(text)
    )
    if printed is not None:
        return printed, "text"
    posted = date_from_url(url) if url else None
    return posted, ("url" if posted else None)


def _province(text: str, file_name: str | None, url: str | None) -> tuple[str | None, str | None, str | None]:
    hosted, host = province_from_url(url) if url else (None, None)
    # A site whose host names no province (a national paper, a ministry, a trade magazine)
    # is read as a national one: a province it names in passing is no guess to make.
    code, evidence = detect_province(text, national_source=bool(url) and hosted is None)
    if code is not None and not (hosted is not None and hosted != code and named_in_passing(text, code)):
        return code, evidence, "text"
    if code is None and url and hosted is None and not is_national_site(url):
        # no national site we know, and the host names no province: a provincial paper
        # under its own name ("baodongkhoi.vn") is about the one province its text names in full
        code, evidence = sole_province_named_in_full(text)
        if code is not None:
            return code, evidence, "text"
    if hosted is not None:
        return hosted, f"url:{host}", "url"
    code, evidence = province_by_district(text)
    if code is not None:
        return code, evidence, "text"
    if file_name:
        code, evidence = province_from_file_name(file_name)
        if code is not None:
            return code, evidence, "file_name"
    return None, None, None


_MENU_ITEM = re.compile(r"\s*[-•*]\s+\S+(?:\s+\S+){0,4}\s*$")


def _header_lines(text: str) -> list[str]:
    """The first non-blank lines, as far as the header area reaches."""
    lines: list[str] = []
    counted = consumed = 0
    for raw in text.split("\n"):
        if counted >= _HEADER_LINES or consumed >= _HEADER_CHARS:
            break
        if not any(ch.isalnum() for ch in raw):  # a bare "-" of an emptied menu is no header line
            consumed += len(raw) + 1
            continue
        lines.append(raw.strip())
        if not _MENU_ITEM.match(raw):  # a site's menu ("- Trang chủ", "- Giới thiệu") pushes no line out
            counted += 1
            consumed += len(raw) + 1
    return lines


# ---------------------------------------------------------------- official documents

# Lines of the official header: the masthead, number and date block, document type and subject.
_OFFICIAL_HEADER_LINES = 30
# "<Place>, ngày 15 tháng 12 năm 2023" (or "ngày 15/12/2023") at the start of a line or of a
# cell of the two-column header ("Số: 612/BC-UBND      Lào Cai, ngày 15 tháng 12 năm 2023"), or
# right after the number when a web page collapsed the columns' gap ("Số: 612/BC-UBND Lào Cai, ...").
_OFFICIAL_DATE_LINE = re.compile(
    r"(?:^|\||\t|\s{2,}|^\s*Số\s*:\s*\d+/\S+\s)\s*(?P<place>[^\W\d_][^\W\d_.]*\.?(?:[ \t]+[^\W\d_][^\W\d_.]*\.?){0,4}),\s*"
    r"ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)(?P<m>\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(?P<y>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_DOCUMENT_TYPE_LINE = re.compile(r"^\s*" + alternation(DOCUMENT_TYPES) + r"\s*$", re.IGNORECASE)
# Lines after the subject that start the body.
_BODY_START = re.compile(r"^\s*(?:kính gửi|căn cứ|thực hiện|theo|để|[IVX]+\.|\d+\.|phần\s)", re.IGNORECASE)
_MAX_SUBJECT_LINES = 3


# Header lines are short; a longer line is body text (and a page saved as one line of
# megabytes must not be searched for a signing date).
_MAX_HEADER_LINE_CHARS = 300


def _official_header(text: str) -> list[str]:
    """The first lines of the text, where an official document prints its header; on a web
    page that reprints one below its own headline and lead, the lines from its number on."""
    reach = _REPRINT_REACH_LINES + _OFFICIAL_HEADER_LINES
    lines = text[: reach * (_MAX_HEADER_LINE_CHARS + 1)].split("\n", reach)[:reach]
    lines = [line if len(line) <= _MAX_HEADER_LINE_CHARS else "" for line in lines]
    number = next((k for k, line in enumerate(lines[:_REPRINT_REACH_LINES]) if _DOC_NUMBER.match(line)), None)
    if number is not None and number >= _OFFICIAL_HEADER_LINES - _NUMBER_LINE_DEPTH:
        return lines[number - _NUMBER_LINE_DEPTH : number + _OFFICIAL_HEADER_LINES - _NUMBER_LINE_DEPTH]
    return lines[:_OFFICIAL_HEADER_LINES]


_REPRINT_REACH_LINES = REPRINT_HEADER_REACH_LINES
# A reprinted document's header starts at most this many lines above its number.
_NUMBER_LINE_DEPTH = 6
_DOC_NUMBER = re.compile(r"^\s*" + DOCUMENT_NUMBER_PATTERN + r"/\S", re.IGNORECASE)


def find_official_date(lines: list[str]) -> datetime.date | None:
    """The signing date under an official document's number: "<Place>, ngày 15 tháng 12 năm 2023"."""
    for line in lines:
        m = _OFFICIAL_DATE_LINE.search(line)
        if m and m.group("place")[0].isupper() and not _WEEKDAY_ONLY.fullmatch(m.group("place")):
            return _signed_on(m)  # a place signs, not a weekday ("Thứ Tư, ngày 03 tháng 12 năm 2025")
    return None


def _signed_on(m: re.Match[str]) -> datetime.date | None:
    """The date of an `_OFFICIAL_DATE_LINE` match, None when it names no real day."""
    try:
        return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


# Documents that sign at the end ("... báo cáo UBND thành phố./." then "Hòa Vang, ngày 14
# tháng 6 năm 2024" over the signature): the place-and-date line on its own in the last lines.
_SIGNATURE_LINES = 20


# An item of the recipients list printed beside the date in a two-column signature block
# ("- Lưu: VT, NC. | Quảng Ngãi, ngày 14 tháng 10 năm 2025").
_RECIPIENT = re.compile(r"^[-+•]\s+[^|]{1,80}$")
_SIGNATURE_BLOCK = re.compile(SIGNATURE_BLOCK_PATTERN, re.IGNORECASE | re.MULTILINE)


def find_signature_date(text: str) -> datetime.date | None:
    """The signing date printed alone on a line among the last lines of a document that ends
    with a signature block ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "./."), else None."""
    tail = [line for line in text[-4000:].split("\n") if line.strip()][-_SIGNATURE_LINES:]
    if not _SIGNATURE_BLOCK.search("\n".join(tail)):
        return None
    for line in reversed(tail):
        m = _OFFICIAL_DATE_LINE.search(line)
        if not m or not m.group("place")[0].isupper():
            continue
        beside = (line[: m.start()] + line[m.end() :]).strip(" \t|")
        if beside and not _SIGNATURE_BLOCK.search(beside) and not _RECIPIENT.match(beside):
            continue  # "... tại Hà Nội, ngày 9 tháng 7 năm 2024 với 120 đại biểu": a sentence
        return _signed_on(m)
    return None


def find_closing_byline(text: str) -> datetime.date | None:
    """The day of a news item's closing byline ("Hồ Phương - 10/01/2025") among its last
    lines, for a page whose header prints no date."""
    tail = [line for line in text[-3000:].split("\n") if line.strip()][-_CLOSING_LINES:]
    for line in reversed(tail):
        m = _CLOSING_BYLINE.match(line)
        if m:
            return parse_date(m.group("date"))
    return None


_SUBJECT_LINE = re.compile(r"^\s*V/v\s+(.+?)\s*$", re.IGNORECASE)


def find_official_title(lines: list[str]) -> str | None:
    """ "BÁO CÁO" (or KẾ HOẠCH, QUYẾT ĐỊNH ...) alone on a line, and the subject lines under it;
    for an official letter, its subject line "V/v ..." ."""
    for line in lines:
        subject_line = _SUBJECT_LINE.match(line)
        if subject_line:
            return subject_line.group(1)
    for k, line in enumerate(lines):
        if not _DOCUMENT_TYPE_LINE.match(line):
            continue
        subject: list[str] = []
        for following in lines[k + 1 : k + 1 + _MAX_SUBJECT_LINES]:
            if not following.strip() or _BODY_START.match(following) or len(following.split()) > 30:
                break
            subject.append(following.strip())
        if subject:
            return " ".join([line.strip()] + subject)
    return None


# ---------------------------------------------------------------- title


def find_title(lines: list[str]) -> str | None:
    """The first header line that reads like a headline, else None.

    Crumbs, menus, mastheads and date lines are skipped. A leading publication
    marker ("date 2022-11 Title") is cut off. When the first real line is body
    text (a long line, or one ending in a full stop like a sentence or a
    caption), the report has no title of its own and None is returned rather
    than a sentence of prose.
    """
    title: str | None = None
    for line in lines:
        candidate = _LEADING_MARKED_DATE.sub("", line).strip()
        if _is_site_chrome(candidate):
            title = None  # anything above the site's menu was a banner
            continue
        if title is not None or not candidate:
            continue
        if _is_navigation(candidate) or _is_date_line(candidate):
            continue
        if _is_body_text(candidate):
            return None
        if len(candidate.split()) >= _MIN_TITLE_WORDS:
            title = candidate
    return title


def _is_body_text(line: str) -> bool:
    return len(line) > _MAX_TITLE_CHARS or line.rstrip().endswith((".", "|"))


def _is_site_chrome(line: str) -> bool:
    items = [item.strip() for item in _BREADCRUMB_SEPARATORS.split(line) if item.strip()]
    # a menu printed on one line in capitals: "TRANG CHỦ THỜI SỰ KINH TẾ ..."
    return bool(items) and any(_SITE_CHROME.match(item) for item in items) or bool(
        _MENU_LINE.match(line) and line.isupper()
    )


_MENU_LINE = re.compile(r"\s*(?:trang\s*chủ|home)\s", re.IGNORECASE)


def _is_navigation(line: str) -> bool:
    if _NAVIGATION_WORDS.match(line) or _MASTHEAD.match(line):
        return True
    # A menu or breadcrumb: several short items between separators.
    items = [item for item in _BREADCRUMB_SEPARATORS.split(line) if item.strip()]
    return len(items) >= 2 and all(len(item.split()) <= 4 for item in items)


# ---------------------------------------------------------------- date


def find_published_date(lines: list[str]) -> datetime.date | None:
    """The publication date printed in the header lines, else None. The date in a site's top
    bar ("Thứ Bảy, 17/05/2025 | RSS | Liên hệ") is the day the page was read: only when the
    header prints no other."""
    site_clock = None
    for k, line in enumerate(lines):
        line = _VIEW_COUNT.sub("", _SHARE_TAIL.sub("", line))
        if _SITE_BAR.search(line) or _only_bar_words(line):
            if site_clock is None and _is_date_line(_SITE_BAR.sub(" ", line)):
                site_clock = parse_date(line)
            continue
        if _above_the_menu(lines, k) and _is_date_line(line):
            # "Thứ Tư, ngày 03 tháng 12 năm 2025" over "Giới thiệu · Quảng cáo": the top bar's clock
            site_clock = site_clock or parse_date(line)
            continue
        marked = _MARKED_DATE_LINE.match(line)
        if marked:
            # the time may come first: "Cập nhật: 15:32 06/12/2024 | Tác giả: ..."
            dates = find_dates(_LEADING_TIME.sub("", line[marked.end() :], count=1))
            if dates and dates[0].start <= 3:
                return dates[0].value
        if _is_date_line(line):
            return parse_date(line)
        bracketed = _BRACKETED_DATELINE.match(line) or _BYLINE.match(line) or _DATE_FIRST_BYLINE.match(line)
        if bracketed and not _NOT_A_STAMP.search(bracketed.group("credit")):
            return parse_date(bracketed.group("date"))
        day = _parted_byline(line)
        if day is not None:
            return day
    return site_clock


def _parted_byline(line: str) -> datetime.date | None:
    """The date of a byline whose parts (paper, section, date and time) stand between bars or
    dashes; every part but the date's is a short name without digits."""
    parts = [p.strip() for p in _BYLINE_SEPARATOR.split(line.strip()) if p.strip()]
    dated = [m for m in map(_BYLINE_DATE.fullmatch, parts) if m]
    names = [p for p in parts if not _BYLINE_DATE.fullmatch(p) and not _BYLINE_TIME.fullmatch(p)]
    if len(dated) != 1 or not names or any(
        _DIGIT.search(n) or len(n.split()) > _BYLINE_PART_WORDS or _NOT_A_STAMP.search(n) for n in names
    ):
        return None
    return parse_date(dated[0].group("date"))


def _above_the_menu(lines: list[str], k: int) -> bool:
    """Line k stands right above the site's menu or links: it belongs to the page's top bar."""
    following = [line for line in lines[k + 1 : k + 4] if line.strip()][:2]
    return any(_is_site_chrome(line) or _is_navigation(line) or _only_bar_words(line) for line in following)


def _only_bar_words(line: str) -> bool:
    """A line of nothing but a top bar's links, without separators ("RSS Video Podcast Đăng nhập")."""
    rest = _BAR_WORD.sub(" ", line)
    return bool(line.strip()) and not rest.strip(" |·•/-")


_BAR_WORD = re.compile(r"(?<!\w)" + alternation(SITE_BAR_WORDS) + r"(?!\w)", re.IGNORECASE)
_SHARE_TAIL = re.compile(
    r"\s+(?:" + alternation(SHARE_WORDS) + r"\b|" + alternation(ARTICLE_TOOL_WORDS) + r"(?!\w)).*$", re.IGNORECASE
)


# "Thứ Ba, 22/10/2024 09:15 | Lượt xem: 684": the page's view counter is no part of its date line
_VIEW_COUNT = re.compile(r"\s*[|·-]?\s*" + alternation(VIEW_COUNTER_WORDS) + r"\s*:?\s*[\d.,]+\s*$", re.IGNORECASE)
_SITE_BAR = re.compile(r"(?:^|\|)\s*" + alternation(SITE_BAR_WORDS) + r"\s*(?=\||$)", re.IGNORECASE)


def _is_date_line(line: str) -> bool:
    """True when a line is a publication stamp: a full date and little else.

    Month- or year-only dates need a marker ("date 2022-11"); an unmarked
    "Tháng 10/2023: 120" in a header table is data, not a stamp. A line that
    says what the date is of (a cut-off, a decree) is not a stamp either.
    """
    mentions = find_dates(line)
    if not mentions or mentions[0].precision != "day" or _NOT_A_STAMP.search(line):
        return False
    rest = line
    for mention in reversed(mentions):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = _DATE_LINE_FILLER.sub(" ", rest)
    return len(rest.split()) <= _MAX_LEFTOVER_WORDS and len(rest.strip()) <= 40


# ---------------------------------------------------------------- source


def find_source_site(text: str) -> str | None:
    """The portal the text credits: "Nguồn tin: x.gov.vn", "Theo x.vn", "(x.vn):".

    A credit line at the end of the article wins over one in the lead; a bare
    domain elsewhere in the prose (a service portal) is not a source credit.
    """
    credits = list(_SOURCE_LINE.finditer(text))
    if credits:
        return _clean_source(credits[-1].group("source"))
    for pattern in (_THEO_DOMAIN, _LEAD_CREDIT):
        match = pattern.search(text)
        if match:
            return match.group("source").lower()
    return None


def _clean_source(source: str) -> str | None:
    domain = _ANY_DOMAIN.search(source)
    if domain:
        return domain.group().lower()
    source = source.strip(" .;,")
    if not source or len(source) > _MAX_SOURCE_CHARS:
        return None
    return source
