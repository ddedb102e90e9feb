"""A version of the extraction code, so that changed rules re-extract every report.

It is the hash of the extraction modules' source and of the taxonomy seed the
classifier reads: editing a rule or a keyword changes it, and reports extracted
by an older version are extracted (and classified) again on the next run.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from dagster_project.extraction.taxonomy import TAXONOMY_SEED

_PACKAGE_DIR = Path(__file__).resolve().parent
# Modules that decide which figures come out of a text and how they are classified.
_RULE_MODULES = (
    "dates.py", "normalize.py", "numbers.py", "observations.py",
    "classify.py", "lexicon.py", "taxonomy.py", "words.py", "pipeline.py",
)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.glob("*.py")):
        if path.name in _RULE_MODULES or path.name.startswith(("obs_", "layout")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(TAXONOMY_SEED.name.encode())
    digest.update(TAXONOMY_SEED.read_bytes())
    return digest.hexdigest()[:12]
