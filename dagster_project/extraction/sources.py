"""Scan a source folder and turn each file into a report or a rejection.

Keyed by content: the same bytes under two names are one report (the first
name in sorted order is its `source_file`; all names are kept). A file that
cannot be read becomes a `RejectedFile` with the reason, never an exception
that stops the other files.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dagster_project.extraction.documents import read_document
from dagster_project.extraction.metadata import extract_metadata
from dagster_project.extraction.text import UndecodableError

# Files that describe the folder rather than being reports.
IGNORED_NAMES = {"README.md", "README.txt", "LICENSE", ".gitkeep"}


@dataclass(frozen=True)
class ReportRecord:
    report_key: str
    content_sha256: str
    source_file: str
    source_files: tuple[str, ...]
    file_format: str
    encoding: str
    byte_size: int
    title: str | None
    published_date: date | None
    province_code: str | None
    province_evidence: str | None
    source_site: str | None
    text: str


@dataclass(frozen=True)
class RejectedFile:
    source_file: str
    reason: str
    content_sha256: str | None
    byte_size: int | None


def report_key_for(content_sha256: str) -> str:
    """Reports are keyed by content, so renaming a file does not make a new report."""
    return content_sha256[:16]


def list_source_files(sources_dir: Path) -> Iterator[Path]:
    """Every candidate file below `sources_dir`, in a stable order."""
    for root, dirs, files in os.walk(sources_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name in IGNORED_NAMES:
                continue
            yield Path(root) / name


def _read_bytes(path: Path, sources_dir: Path, max_bytes: int) -> bytes:
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(sources_dir.resolve()):
            raise UndecodableError(f"symbolic link points outside the source folder ({target})")
    size = path.stat().st_size
    if size > max_bytes:
        raise UndecodableError(
            f"file is {size} bytes, over the limit of {max_bytes} (raise PDX_MAX_FILE_BYTES to accept it)"
        )
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise UndecodableError(f"no permission to read the file ({exc.strerror})") from exc


def scan_sources(sources_dir: Path, max_bytes: int) -> tuple[list[ReportRecord], list[RejectedFile]]:
    """Read every file once; return the distinct reports and the rejected files."""
    reports: dict[str, ReportRecord] = {}
    rejected: list[RejectedFile] = []
    for path in list_source_files(sources_dir):
        name = path.relative_to(sources_dir).as_posix()
        try:
            data = _read_bytes(path, sources_dir, max_bytes)
        except (UndecodableError, OSError) as exc:
            rejected.append(RejectedFile(name, str(exc), None, None))
            continue
        sha = hashlib.sha256(data).hexdigest()
        known = reports.get(sha)
        if known is not None:
            reports[sha] = _with_extra_name(known, name)
            continue
        try:
            reports[sha] = build_report(name, data, sha)
        except UndecodableError as exc:
            rejected.append(RejectedFile(name, str(exc), sha, len(data)))
    return list(reports.values()), rejected


def build_report(name: str, data: bytes, sha: str) -> ReportRecord:
    decoded = read_document(name, data)
    meta = extract_metadata(decoded.text, name)
    return ReportRecord(
        report_key=report_key_for(sha),
        content_sha256=sha,
        source_file=name,
        source_files=(name,),
        file_format=Path(name).suffix.lower().lstrip(".") or "txt",
        encoding=decoded.encoding,
        byte_size=len(data),
        title=meta.title,
        published_date=meta.published_date,
        province_code=meta.province_code,
        province_evidence=meta.province_evidence,
        source_site=meta.source_site,
        text=decoded.text,
    )


def _with_extra_name(report: ReportRecord, name: str) -> ReportRecord:
    from dataclasses import replace

    return replace(report, source_files=report.source_files + (name,))


def source_fingerprint(sources_dir: Path) -> str:
    """Changes when a file is added, removed, renamed or modified (size or mtime)."""
    digest = hashlib.sha256()
    for path in list_source_files(sources_dir):
        try:
            stat = path.stat()
        except OSError:
            continue  # vanished between listing and stat: the next tick sees the new state
        digest.update(f"{path.relative_to(sources_dir).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
