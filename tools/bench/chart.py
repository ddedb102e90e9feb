"""A small SVG chart of the benchmark: wall time and CPU seconds of each case, as bars."""
from __future__ import annotations

from html import escape
from pathlib import Path

_WIDTH, _BAR, _GAP, _LABEL = 760, 16, 10, 250


def write_chart(rows: list[dict[str, object]], path: Path) -> Path:
    """One pair of bars (wall, CPU) per case, on a shared linear scale in seconds."""
    top = max(max(float(r["wall_s"]), float(r["cpu_s"])) for r in rows) or 1.0
    scale = (_WIDTH - _LABEL - 80) / top
    height = 40 + len(rows) * (2 * _BAR + _GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" font-family="sans-serif" font-size="12">',
        '<text x="10" y="18" font-weight="bold">make bench: wall time (dark) and CPU seconds (light) per case</text>',
    ]
    y = 32
    for r in rows:
        wall, cpu = float(r["wall_s"]), float(r["cpu_s"])
        parts.append(f'<text x="10" y="{y + _BAR + 4}">{escape(str(r["case"]))}</text>')
        parts.append(f'<rect x="{_LABEL}" y="{y}" width="{wall * scale:.1f}" height="{_BAR}" fill="#1f4e79"/>')
        parts.append(f'<text x="{_LABEL + wall * scale + 4:.1f}" y="{y + 12}">{wall:.1f} s</text>')
        parts.append(f'<rect x="{_LABEL}" y="{y + _BAR}" width="{cpu * scale:.1f}" height="{_BAR}" fill="#9dc3e6"/>')
        parts.append(f'<text x="{_LABEL + cpu * scale + 4:.1f}" y="{y + _BAR + 12}">{cpu:.1f} CPU s</text>')
        y += 2 * _BAR + _GAP
    parts.append("</svg>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
