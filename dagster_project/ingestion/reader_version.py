"""A version of the code and budget that turn a file into a report, for the file index.

A file known from the last load is not read again only while the reader that
read it would read it the same way: same decoding and metadata code, same
province list, same budgets. Editing any of them changes this version, and every
file is read again once (like `extraction.version` for the figures).
"""
from __future__ import annotations

import hashlib
from dataclasses import astuple
from functools import lru_cache
from pathlib import Path

from dagster_project.extraction.provinces import PROVINCES_CSV
from dagster_project.ingestion.budget import ParseBudget

_INGESTION_DIR = Path(__file__).resolve().parent
_EXTRACTION_DIR = _INGESTION_DIR.parent / "extraction"
# Extraction modules that decide a report's text and metadata (title, date, province, portal),
# with the vocabulary they read (site bars, national sites, document types, month names).
_METADATA_MODULES = ("dates.py", "lexicon.py", "metadata.py", "models.py", "normalize.py", "provinces.py")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    digest = hashlib.sha256()
    paths = sorted(_INGESTION_DIR.glob("*.py")) + [_EXTRACTION_DIR / name for name in _METADATA_MODULES]
    for path in [*paths, PROVINCES_CSV]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reader_version(budget: ParseBudget) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(astuple(budget)).encode())
    return digest.hexdigest()[:12]
