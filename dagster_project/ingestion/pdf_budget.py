"""How much page content a PDF asks its reader to interpret, checked before reading it.

pypdf interprets every page's content streams, and the form XObjects they draw,
in Python, at about 1 MB a second. Pages can draw a stream that other pages
draw too, and a stream can draw a form again and again: a 10 KB file whose 20
pages share one 2 MB stream makes the reader interpret 40 MB and repeat the
same text 20 times. So each stream's decoded size is counted once per time it
is drawn (the `Do` operators naming a form are counted in the drawing stream's
bytes), before any text is extracted. Decoding is bounded by pypdf's own output
limit, and what is decoded here is what the text extraction decodes anyway.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from dagster_project.ingestion.budget import OverBudgetError, ParseBudget

# `/Name Do`: draw the XObject named Name (name characters: not white space or a delimiter).
_DRAW = re.compile(rb"/([^\s()<>\[\]{}/%]+)\s*Do(?![^\s()<>\[\]{}/%])")
# Forms drawing forms deeper than this are not followed (the time budget still applies).
_MAX_FORM_NESTING = 8


def check_pdf_content(pages: Sequence[Any], budget: ParseBudget) -> None:
    """OverBudgetError when the pages' content is over the content or the reuse budget."""
    sizes: dict[object, int] = {}  # decoded size of each distinct stream
    interpreted = 0
    for number, page in enumerate(pages, start=1):
        for key, data, times in _drawn_streams(page):
            sizes.setdefault(key, len(data))
            interpreted += sizes[key] * times
            if interpreted > budget.max_pdf_content_bytes:
                raise OverBudgetError(
                    f"over the PDF content budget: pages 1-{number} of {len(pages)} draw {interpreted:,} bytes of"
                    f" content to interpret, over {budget.max_pdf_content_bytes:,}"
                )
        reused = interpreted - sum(sizes.values())
        if reused > budget.max_pdf_reused_bytes:
            raise OverBudgetError(
                f"over the PDF reuse budget: by page {number} of {len(pages)}, the same content streams are drawn"
                f" again and again ({reused:,} bytes interpreted again, over {budget.max_pdf_reused_bytes:,};"
                f" distinct streams {sum(sizes.values()):,} bytes): their text would repeat each time"
            )


def _drawn_streams(page: Any) -> Iterator[tuple[object, bytes, int]]:
    """(key, decoded bytes, times drawn) of the page's content streams and of the forms they draw."""
    resources = _resolved(page.get("/Resources"))
    pending: list[tuple[bytes, Any, int, int]] = []  # (drawing bytes, their resources, times, nesting)
    for ref in _items(page.get("/Contents")):
        stream = ref.get_object()
        if hasattr(stream, "get_data"):
            data = stream.get_data()
            yield _key(ref, stream), data, 1
            pending.append((data, resources, 1, 0))
    while pending:
        data, resources, times, nesting = pending.pop()
        forms = _forms(resources)
        for name, count in Counter(_DRAW.findall(data)).items():
            ref = forms.get("/" + name.decode("latin-1"))
            if ref is None:
                continue
            form = ref.get_object()
            form_data = form.get_data()
            yield _key(ref, form), form_data, times * count
            if nesting < _MAX_FORM_NESTING:
                inner = _resolved(form.get("/Resources")) or resources
                pending.append((form_data, inner, times * count, nesting + 1))


def _forms(resources: Any) -> dict[str, Any]:
    """Name → reference of the form XObjects in `resources` (images are not drawn as text)."""
    xobjects = _resolved(resources.get("/XObject")) if hasattr(resources, "get") else None
    if not hasattr(xobjects, "items"):
        return {}
    return {str(name): ref for name, ref in xobjects.items() if _resolved(ref).get("/Subtype") == "/Form"}


def _resolved(value: Any) -> Any:
    return value.get_object() if value is not None else None


def _items(value: Any) -> Iterator[Any]:
    resolved = _resolved(value)
    if isinstance(resolved, list):
        yield from resolved
    elif resolved is not None:
        yield value


def _key(ref: Any, stream: Any) -> object:
    """Indirect objects by their number: that is how pages share them."""
    number = getattr(ref, "idnum", None)
    return ("obj", number, getattr(ref, "generation", 0)) if number is not None else ("direct", id(stream))
