"""A deterministic synthetic corpus of province reports for `make bench`.

The same (size, seed) always gives the same files, byte for byte, so two runs
of the benchmark read the same input. The reports are varied on purpose: news
items and official reports (numbered sections, a targets section, "|" tables
with a unit line and year columns, "label: value" lists), as .txt and .html,
with every figure drawn afresh, so that no cache of repeated sentences makes
the benchmark look faster than real input would. One report in 500 is large
(a few hundred kilobytes), like the yearly compilations some provinces publish.

The sentences are written for the benchmark; none is copied from a real report.
"""
from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "1"
_PROVINCES = Path(__file__).resolve().parents[2] / "dbt" / "seeds" / "provinces.csv"
_DISTRICT_WORDS = ("Đông", "Tây", "Nam", "Bắc", "Trung", "Sơn", "Hòa", "Bình", "An", "Phú", "Tân", "Long",
                   "Thạnh", "Mỹ", "Hưng", "Yên", "Lạc", "Thủy", "Lâm", "Hải")


@dataclass(frozen=True)
class CorpusStats:
    reports: int
    bytes: int
    directory: Path


def _provinces() -> list[str]:
    with _PROVINCES.open(encoding="utf-8") as handle:
        return [row["name_vi"] for row in csv.DictReader(handle)]


def _vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _vn_dec(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


class _Writer:
    """Draws the numbers and names of one report."""

    def __init__(self, rng: random.Random, province: str) -> None:
        self.rng = rng
        self.province = province
        self.year = rng.randint(2019, 2025)

    def district(self) -> str:
        return "huyện " + " ".join(self.rng.sample(_DISTRICT_WORDS, 2))

    def pct(self) -> str:
        return _vn_dec(self.rng.uniform(35, 100), self.rng.choice((0, 1, 2))).replace(",0", "") + "%"

    def count(self, low: int = 10, high: int = 50_000) -> str:
        return _vn_int(self.rng.randint(low, high))

    def ratio(self) -> str:
        total = self.rng.randint(8, 700)
        return f"{self.rng.randint(total // 2, total)}/{total}"

    def date(self) -> str:
        return f"{self.rng.randint(1, 28):02d}/{self.rng.randint(1, 12):02d}/{self.year}"


# Sentence makers: each returns one sentence with fresh figures.
_SENTENCES: tuple[Callable[[_Writer], str], ...] = (
    lambda w: f"Tính đến ngày {w.date()}, {w.pct()} cán bộ, công chức cấp tỉnh được trang bị máy tính kết nối mạng nội bộ.",
    lambda w: f"Toàn tỉnh có {w.count(200, 3000)} trạm thu phát sóng di động BTS, phủ sóng {w.pct()} thôn, bản.",
    lambda w: f"Hạ tầng cáp quang đã kéo đến {w.ratio()} xã, phường, thị trấn; tỷ lệ hộ gia đình có internet cáp quang đạt {w.pct()}.",
    lambda w: f"Trong năm, các cơ quan đã cấp {w.count(1000, 40000)} chứng thư số, trong đó {w.count(100, 900)} chứng thư số tổ chức.",
    lambda w: f"Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt {w.pct()}, cao hơn cùng kỳ năm trước.",
    lambda w: f"Cổng dịch vụ công của tỉnh cung cấp {w.count(500, 2500)} dịch vụ công trực tuyến, trong đó có {w.count(100, 900)} dịch vụ toàn trình.",
    lambda w: f"{w.district().replace('huyện', 'Huyện', 1)} đã lắp đặt {w.count(20, 900)} camera giám sát an ninh trật tự tại các nút giao thông.",
    lambda w: f"Sở Thông tin và Truyền thông tổ chức {w.count(3, 60)} lớp tập huấn kỹ năng số cho {w.count(200, 9000)} lượt học viên.",
    lambda w: f"Mạng truyền số liệu chuyên dùng kết nối {w.count(50, 900)} điểm tại các cơ quan Đảng, Nhà nước từ tỉnh đến xã.",
    lambda w: f"Hệ thống quản lý văn bản và điều hành liên thông {w.ratio()} cơ quan, đơn vị; {w.pct()} văn bản đi được ký số.",
    lambda w: f"Tỷ lệ người dân trưởng thành có điện thoại thông minh ước đạt {w.pct()}, số thuê bao internet băng rộng cố định là {w.count(20000, 400000)} thuê bao.",
    lambda w: f"Đã thành lập {w.count(100, 1500)} tổ công nghệ số cộng đồng với {w.count(1000, 12000)} thành viên tham gia.",
    lambda w: f"Kho dữ liệu dùng chung của tỉnh đã tích hợp {w.count(5, 60)} cơ sở dữ liệu chuyên ngành, đồng bộ {w.count(100000, 2000000)} bản ghi.",
    lambda w: f"Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích là {w.count(100, 20000)} hồ sơ, chiếm {w.pct()} tổng số hồ sơ.",
    lambda w: f"Có {w.count(10, 400)} điểm phát wifi công cộng miễn phí tại trung tâm các huyện và khu du lịch.",
    lambda w: f"Phấn đấu đến năm {w.year + 2}, {w.pct()} hồ sơ công việc cấp huyện được xử lý trên môi trường mạng.",
    lambda w: f"Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt {w.pct()} trên tổng số giao dịch, với {w.count(1000, 90000)} giao dịch.",
    lambda w: f"Đã làm sạch {w.ratio()} nghìn hồ sơ hộ tịch phục vụ kết nối với cơ sở dữ liệu quốc gia về dân cư.",
    lambda w: f"Trung tâm giám sát an toàn thông tin (SOC) theo dõi {w.count(50, 600)} hệ thống thông tin của các sở, ngành.",
    lambda w: f"Khoảng {w.count(100, 5000)} doanh nghiệp trên địa bàn đã sử dụng hóa đơn điện tử và chữ ký số.",
)

_HEADLINES = (
    "{p} đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
    "Kết quả ứng dụng công nghệ thông tin năm {y} của tỉnh {p}",
    "{p}: hạ tầng số tiếp tục được mở rộng đến cấp xã",
    "Dịch vụ công trực tuyến ở {p} ngày càng thuận tiện",
)

_TABLE_ROWS = (
    ("Tỷ lệ hồ sơ xử lý trực tuyến", "%"),
    ("Số dịch vụ công trực tuyến toàn trình", "dịch vụ"),
    ("Tỷ lệ văn bản điện tử ký số", "%"),
    ("Số trạm BTS", "trạm"),
    ("Số chứng thư số đã cấp", "chứng thư"),
    ("Tỷ lệ xã có cáp quang", "%"),
    ("Số cán bộ được tập huấn", "người"),
)


def _news(w: _Writer, sentences: int) -> str:
    rng = w.rng
    lines = [rng.choice(_HEADLINES).format(p=w.province, y=w.year),
             f"Thứ {rng.randint(2, 7)}, {w.date()} {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}",
             ""]
    paragraph: list[str] = []
    for _ in range(sentences):
        paragraph.append(rng.choice(_SENTENCES)(w))
        if len(paragraph) >= rng.randint(2, 4):
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    lines.append(f"Nguồn tin: Sở Thông tin và Truyền thông tỉnh {w.province}")
    return "\n".join(lines) + "\n"


def _table(w: _Writer) -> list[str]:
    years = [w.year - 1, w.year]
    rows = ["Bảng 1. Một số chỉ tiêu chủ yếu", "",
            f"Chỉ tiêu | ĐVT | Năm {years[0]} | Năm {years[1]} | Kế hoạch {w.year + 1}"]
    for label, unit in w.rng.sample(_TABLE_ROWS, 5):
        if unit == "%":
            cells = [_vn_dec(w.rng.uniform(30, 100)) for _ in range(3)]
        else:
            cells = [w.count(50, 9000) for _ in range(3)]
        rows.append(" | ".join([label, unit, *cells]))
    return rows


def _official(w: _Writer, sections: int) -> str:
    rng = w.rng
    lines = [f"ỦY BAN NHÂN DÂN TỈNH {w.province.upper()}", f"Số: {rng.randint(10, 999)}/BC-UBND",
             f"{w.province}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {w.year}", "",
             "BÁO CÁO", f"Kết quả thực hiện chuyển đổi số năm {w.year}", ""]
    romans = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    for s in range(sections):
        lines.append(f"{romans[s % len(romans)]}. KẾT QUẢ THỰC HIỆN NHIỆM VỤ {s + 1}")
        for k in range(1, rng.randint(3, 5)):
            lines.append(f"{k}. {rng.choice(_SENTENCES)(w)} {rng.choice(_SENTENCES)(w)}")
        lines.append(f"- Số lượng {rng.choice(('máy chủ', 'phần mềm dùng chung', 'điểm cầu truyền hình'))}: {w.count(5, 400)}")
        if s == 0:
            lines += [""] + _table(w) + [""]
    lines += [f"{romans[sections % len(romans)]}. MỤC TIÊU, NHIỆM VỤ NĂM {w.year + 1}",
              f"1. {w.pct()} dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình.",
              f"2. {w.pct()} hồ sơ công việc cấp xã được xử lý trên môi trường mạng.", ""]
    return "\n".join(lines) + "\n"


def _html(text: str, title: str) -> str:
    body = "\n".join(f"<p>{line}</p>" if " | " not in line else
                     "<table><tr>" + "".join(f"<td>{c}</td>" for c in line.split(" | ")) + "</tr></table>"
                     for line in text.splitlines() if line)
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><nav>Trang chủ | Tin tức</nav><article>{body}</article></body></html>\n")


def report(index: int, seed: int, provinces: list[str]) -> tuple[str, str]:
    """(file name, content) of report `index`: the same for the same (index, seed)."""
    rng = random.Random(f"{seed}:{index}")
    w = _Writer(rng, rng.choice(provinces))
    large = index % 500 == 499
    if index % 3 == 2 or large:
        text = _official(w, sections=400 if large else rng.randint(6, 10))
    else:
        text = _news(w, sentences=rng.randint(50, 90))
    name = f"r{index:06d}"
    if index % 5 == 4:
        return name + ".html", _html(text, text.splitlines()[0])
    return name + ".txt", text


def generate(directory: Path, size: int, seed: int = 7) -> CorpusStats:
    """Write `size` reports into `directory` (kept if already complete for this size and seed)."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = directory / ".corpus"
    expected = f"{GENERATOR_VERSION}:{size}:{seed}"
    if stamp.exists() and stamp.read_text() == expected:
        files = [p for p in directory.iterdir() if not p.name.startswith(".")]
        return CorpusStats(len(files), sum(p.stat().st_size for p in files), directory)
    for old in directory.iterdir():
        old.unlink()
    provinces = _provinces()
    total = 0
    for index in range(size):
        name, content = report(index, seed, provinces)
        data = content.encode("utf-8")
        (directory / name).write_bytes(data)
        total += len(data)
    stamp.write_text(expected)
    return CorpusStats(size, total, directory)


def add_report(directory: Path, index: int, seed: int = 7) -> Path:
    """One more report (the incremental case): index past the corpus size."""
    name, content = report(index, seed, _provinces())
    path = directory / name
    path.write_text(content, encoding="utf-8")
    return path
