"""Tiny SVG builders. Every text and attribute value goes through `esc`.

Report text is untrusted (it comes from scraped portals), so no caller ever
concatenates data into markup itself.
"""
from __future__ import annotations

import html
import math


def esc(value: object) -> str:
    """HTML/SVG-escape any value, quotes included (it may land in an attribute)."""
    return html.escape("" if value is None else str(value), quote=True)


def _attrs(attributes: dict[str, object]) -> str:
    # Python keywords take a trailing underscore (class_); SVG attribute names use hyphens.
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_open(width: float, height: float, chart: str, label: str) -> str:
    """The root of one chart: the browser test counts `svg.chart` elements that drew marks."""
    return (
        f'<svg class="chart" data-chart="{esc(chart)}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{_num(width)}" height="{_num(height)}" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'role="img" aria-label="{esc(label)}">'
    )


def title(text: str) -> str:
    """A hover tooltip for the enclosing element."""
    return f"<title>{esc(text)}</title>"


def rect(x: float, y: float, w: float, h: float, tooltip: str | None = None, **attributes: object) -> str:
    body = title(tooltip) if tooltip else ""
    geometry = f'x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0))}" height="{_num(max(h, 0))}"'
    return f"<rect {geometry}{_attrs(attributes)}>{body}</rect>"


def circle(cx: float, cy: float, r: float, tooltip: str | None = None, **attributes: object) -> str:
    body = title(tooltip) if tooltip else ""
    return f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}"{_attrs(attributes)}>{body}</circle>'


def line(x1: float, y1: float, x2: float, y2: float, **attributes: object) -> str:
    return f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}"{_attrs(attributes)}/>'


def polyline_path(points: list[tuple[float, float]], **attributes: object) -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{_num(x)},{_num(y)}" for i, (x, y) in enumerate(points))
    return f'<path d="{d}" fill="none"{_attrs(attributes)}/>'


def text(x: float, y: float, content: object, **attributes: object) -> str:
    return f'<text x="{_num(x)}" y="{_num(y)}"{_attrs(attributes)}>{esc(content)}</text>'


def shorten(value: str, limit: int) -> str:
    """Cut a label to fit a fixed-width column (SVG text does not wrap)."""
    return value if len(value) <= limit else value[: max(limit - 1, 1)] + "…"


def nice_ticks(upper: float, count: int = 4) -> list[float]:
    """Round tick values from 0 to at least `upper` (1-2-5 steps)."""
    if upper <= 0:
        return [0.0, 1.0]
    raw = upper / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(math.ceil(upper / step)) + 1)]
