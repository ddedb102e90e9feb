"""The figure store: figures extracted outside the warehouse build, kept as Parquet.

Extraction is the one stage whose cost grows with the corpus (about 25 CPU-ms per
10 KB report), and it needs nothing but a report's text and publication date. So
batches of source files can be extracted anywhere, by any number of processes or
machines (the job `extract_batches`), each writing its own files here; the build's
extract step then loads the figures of every report it finds here instead of
extracting it, and remains the only writer of the warehouse.

A report's figures are filed under its *input key*: a hash of the extractor version,
the publication date and the text, which is everything extraction reads. A figure
found here is therefore exactly what extracting the report now would give, whoever
wrote it and whenever; nothing here can go stale, and the folder is a cache that can
be deleted at any time (the next build extracts what it does not find).

    <store>/<extractor version>/<batch id>.figures.parquet
        one row per figure (the columns of raw.observations, plus input_key)
    <store>/<extractor version>/<batch id>.files.parquet
        one row per source file of the batch: its stamp (name, size, mtime, manifest
        line) and its report's input key (null when the file was rejected);
        written last, so a batch without it is unfinished and ignored.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from dagster_project.atomic_files import temporary_sibling
from dagster_project.raw_store import OBSERVATION_KEY

FIGURES_SUFFIX = ".figures.parquet"
# Where the job's steps leave the values they pass on (see assets/batch_assets.py).
STEP_VALUES_DIR = ".step_values"
FILES_SUFFIX = ".files.parquet"
FILES_SCHEMA = {
    "source_file": pl.String, "byte_size": pl.Int64, "mtime_ns": pl.Int64, "manifest_sha": pl.String,
    "report_key": pl.String, "input_key": pl.String, "figures": pl.Int64,
}
# (name, size, mtime_ns, manifest line): how a file is known without reading it.
Stamp = tuple[str, int, int, str]


def input_key(version: str, text: str, published: date | None) -> str:
    """Everything extraction reads, hashed: equal keys give equal figures."""
    digest = hashlib.sha256()
    digest.update(f"{version}\0{published.isoformat() if published else ''}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class StoredFigures:
    """What the store holds for some reports: their figures (rows of raw.observations,
    keyed to the asking reports) and how many each has (0 included)."""

    figures: pl.DataFrame | None
    counts: dict[str, int]


class FigureStore:
    def __init__(self, root: Path, version: str) -> None:
        self.root = root
        self.version = version
        self.folder = root / version

    def _batches(self, suffix: str) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"*{suffix}"))

    def holds_batches(self) -> bool:
        return bool(self._batches(FILES_SUFFIX))

    def _files(self) -> pl.DataFrame:
        """Every finished batch's file rows, with the batch they belong to."""
        frames = [pl.read_parquet(path).with_columns(batch=pl.lit(path.name.removesuffix(FILES_SUFFIX)))
                  for path in self._batches(FILES_SUFFIX)]
        if not frames:
            return pl.DataFrame(schema=FILES_SCHEMA | {"batch": pl.String})
        return pl.concat(frames, how="vertical")

    def stored_stamps(self) -> set[Stamp]:
        """The stamps of every file a finished batch of this extractor version judged."""
        files = self._files()
        return set(files.select("source_file", "byte_size", "mtime_ns", "manifest_sha").iter_rows())

    def write_batch(self, batch_id: str, files: pl.DataFrame, figures: pl.DataFrame) -> None:
        """File one batch: its figures first, then the file list that makes it count."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for frame, suffix in ((figures, FIGURES_SUFFIX), (files.cast(FILES_SCHEMA), FILES_SUFFIX)):  # type: ignore[arg-type]
            target = self.folder / f"{batch_id}{suffix}"
            with temporary_sibling(target) as temporary:
                frame.write_parquet(temporary)

    def lookup(self, reports: Sequence[tuple[str, str]]) -> Iterator[StoredFigures]:
        """The stored figures of `reports`, given as (report key, input key), one batch file
        at a time (so a large backlog is never held whole); reports the store does not
        know are in no `counts`."""
        if not reports or not self.holds_batches():
            return
        asked = pl.DataFrame(reports, schema={"report_key": pl.String, "input_key": pl.String}, orient="row")
        known = (
            self._files().filter(pl.col("input_key").is_not_null())
            .unique("input_key", keep="first", maintain_order=True)
            .select("batch", "input_key", "figures")
            .join(asked, on="input_key", maintain_order="left")
        )
        for (batch_id,), group in known.group_by("batch", maintain_order=True):
            counts = dict(group.select("report_key", "figures").iter_rows())
            wanted = group.filter(pl.col("figures") > 0).select("input_key", "report_key")
            if not wanted.height:
                yield StoredFigures(None, counts)
                continue
            figures = (
                pl.scan_parquet(self.folder / f"{batch_id}{FIGURES_SUFFIX}")
                .filter(pl.col("input_key").is_in(wanted["input_key"].unique().implode()))
                .collect()
                # One text can be several reports (two encodings of it), filed once or more and
                # asked for once or more: one copy of its figures for each report that asks.
                .unique(["input_key", "char_start", "char_end"], keep="first", maintain_order=True)
                .drop("report_key")
                .join(wanted, on="input_key", maintain_order="left")
                .with_columns(observation_key=OBSERVATION_KEY)
                .drop("input_key")
            )
            yield StoredFigures(figures, counts)

    def drop_other_versions(self) -> list[str]:
        """Remove what older extractor versions filed: nothing will ever ask for it."""
        removed = []
        if self.root.is_dir():
            for entry in os.scandir(self.root):
                if entry.is_dir(follow_symlinks=False) and entry.name not in (self.version, STEP_VALUES_DIR):
                    shutil.rmtree(entry.path, ignore_errors=True)
                    removed.append(entry.name)
        return removed

