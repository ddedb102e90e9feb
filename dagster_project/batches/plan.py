"""Which source files still need extracting, in batches of a fixed number of files."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from dagster_project.batches.store import FigureStore
from dagster_project.ingestion.sources import FileStamp, source_stamps


@dataclass(frozen=True)
class Batch:
    """Files to extract together. The id is a hash of their stamps: the same files in the
    same state make the same batch, so a batch filed before is never filed twice."""

    batch_id: str
    files: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"batch {self.batch_id} ({len(self.files)} files: {self.files[0]} ... {self.files[-1]})"


@dataclass(frozen=True)
class Plan:
    batches: list[Batch]
    files_in_folder: int
    files_stored: int  # judged by an earlier batch of this extractor version: left out


def plan_batches(sources_dir: Path, store: FigureStore, batch_files: int) -> Plan:
    stamps = source_stamps(sources_dir)
    stored = store.stored_stamps()
    todo = [s for s in stamps if (s.name, s.size, s.mtime_ns, s.manifest_sha) not in stored]
    batches = [_batch(todo[i : i + batch_files]) for i in range(0, len(todo), batch_files)]
    return Plan(batches, len(stamps), len(stamps) - len(todo))


def _batch(stamps: list[FileStamp]) -> Batch:
    digest = hashlib.sha256()
    for s in stamps:
        digest.update(f"{s.name}\0{s.size}\0{s.mtime_ns}\0{s.manifest_sha}\n".encode())
    return Batch(digest.hexdigest()[:16], tuple(s.name for s in stamps))
