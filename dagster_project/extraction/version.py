"""A version of the extraction code, so that changed rules re-extract every report.

It is the hash of the extraction modules' source: editing a rule changes it,
and reports extracted by an older version are extracted again on the next run.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
# Modules that decide which figures come out of a text.
_RULE_MODULES = ("dates.py", "lexicon.py", "normalize.py", "numbers.py", "observations.py")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.glob("*.py")):
        if path.name in _RULE_MODULES or path.name.startswith(("obs_", "layout")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
