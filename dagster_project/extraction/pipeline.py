"""One report's text in, its figures out: the single entry point for extraction.

The Dagster extract step, `make eval`'s fast path and the benchmark all call
`extract_report`, so they cannot drift apart.
"""
from __future__ import annotations

import datetime

from dagster_project.extraction.classify import classify_observations
from dagster_project.extraction.models import Observation, with_fields
from dagster_project.extraction.normalize import normalize_text, respell, spelling_map
from dagster_project.extraction.observations import extract_observations
from dagster_project.extraction.taxonomy import Taxonomy


def extract_report(text: str, published: datetime.date | None, tax: Taxonomy | None = None) -> list[Observation]:
    """Every figure of the report, each classified into an indicator (of `tax`, the seed's by default).

    Words are matched in one tone-mark placement; what a reader sees (sentence, quote,
    subject, clause) is given back in the report's own spelling ("số hoá"), so that evidence
    quotes it verbatim."""
    matching = normalize_text(text)
    observations = [_captioned(obs) for obs in classify_observations(matching, extract_observations(matching, published), tax)]
    if matching == text or len(matching) != len(text):
        return observations  # nothing respelled, or a text that is not clean (offsets differ)
    spelling = spelling_map(text, matching)
    return [_respelled(obs, text, matching, spelling) for obs in observations]


def _respelled(obs: Observation, text: str, matching: str, spelling: dict[str, str]) -> Observation:
    """The observation in the report's spelling: a sentence or quote printed as one span of the
    report is copied from it (exact even where the report spells a word both ways); others
    (joined lines, a table cell's evidence) are respelled word by word."""
    def written(piece: str, start: int) -> str:
        if 0 <= start and matching.startswith(piece, start):
            return text[start : start + len(piece)]
        return respell(piece, spelling)

    lo = max(0, obs.char_end - len(obs.sentence))
    at = matching.find(obs.sentence, lo, obs.char_start + len(obs.sentence)) if obs.sentence else -1
    return with_fields(
        obs, sentence=written(obs.sentence, at if 0 <= at <= obs.char_start else -1),
        quote=written(obs.quote, obs.char_start),
        subject=respell(obs.subject, spelling), clause=respell(obs.clause, spelling),
    )


def _captioned(obs: Observation) -> Observation:
    """A table cell's evidence opens with the table's caption: "Cộng — Tỷ lệ (%): 60,4" tells
    a reader nothing without "Bảng 2. Kết quả giải quyết thủ tục hành chính". Added after
    classification, which reads the caption on its own terms (classify.py, step 7)."""
    caption = obs.extra.get("table_caption")
    if obs.scope != "table" or not caption or obs.sentence.startswith(caption):
        return obs
    return with_fields(obs, sentence=f"{caption} › {obs.sentence}")
