"""Deterministic synthetic reports of about 10 KB, for timing ingestion at scale.

Each report is a portal-style header (title, date line, source line) followed by
paragraphs drawn from the sample and development-set reports, with its figures
changed so that every file has its own content. Used by `tools/bench_ingest.py`.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
_PROVINCES = ("Nghệ An", "Cao Bằng", "Quảng Nam", "Nam Định", "Tây Ninh", "Hà Giang", "Lào Cai", "Bình Định",
              "Thanh Hóa", "Đắk Lắk", "Cà Mau", "Sơn La", "Bắc Ninh", "Kiên Giang", "Hải Dương")


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "devset" / "reports").glob("*.txt"))]
    paragraphs = [block.strip() for text in texts for block in text.split("\n\n")]
    return [p for p in paragraphs if len(p) > 80]


def report_text(index: int, paragraphs: list[str], size: int = 10_000) -> str:
    rng = random.Random(index)
    province = _PROVINCES[index % len(_PROVINCES)]
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2018, 2025)
    lines = [
        f"Tỉnh {province} đẩy mạnh chuyển đổi số, báo cáo số {index}",
        f"Thứ ba {day:02d}/{month:02d}/{year} 08:00",
    ]
    body = 0
    while body < size:
        paragraph = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), rng.choice(paragraphs))
        lines.append(paragraph)
        body += len(paragraph.encode("utf-8"))
    lines.append(f"Nguồn tin: {rng.choice(['nghean', 'caobang', 'tayninh', 'quangnam'])}.gov.vn")
    return "\n\n".join(lines) + "\n"


def write_reports(folder: Path, count: int, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = _paragraphs()
    paths = []
    for index in range(first, first + count):
        path = folder / f"report-{index:06d}.txt"
        path.write_text(report_text(index, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths
