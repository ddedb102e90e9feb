"""Scan a source folder and turn each file into a report or a rejection.

Keyed by content: the same bytes under two names are one report (the first
name in sorted order is its `source_file`; all names are kept). A file that
cannot be read becomes a `RejectedFile` with the reason, never an exception
that stops the other files.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dagster_project.ingestion.documents import read_document
from dagster_project.extraction.metadata import extract_metadata
from dagster_project.ingestion.manifest import EMPTY, MANIFEST_NAME, Manifest, ManifestEntry, read_manifest
from dagster_project.ingestion.text import UndecodableError

# Files that describe the folder rather than being reports.
IGNORED_NAMES = {"README.md", "README.txt", "LICENSE", ".gitkeep"}
# A file still being written (a download, a copy) changes between reads; it is
# read again this many times in all before it is left for the next run.
READ_ATTEMPTS = 3
CHANGED_WHILE_READING = "file changed while being read; it will be picked up on the next run"


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
    province_source: str | None = None  # manifest | text | url | file_name
    published_source: str | None = None  # manifest | text
    source_url: str | None = None  # where the report was fetched (from the manifest)


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
    """Every candidate file below `sources_dir`, in a stable order.

    Links to folders are not walked (they could loop or leave the folder) but
    are listed, so that they are rejected with a reason instead of vanishing.
    """
    for root, dirs, files in os.walk(sources_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        linked_dirs = [d for d in dirs if (Path(root) / d).is_symlink()]
        for name in sorted(files + linked_dirs):
            if name.startswith(".") or name in IGNORED_NAMES:
                continue
            if name == MANIFEST_NAME and Path(root) == sources_dir:
                continue  # describes the reports, is not one
            yield Path(root) / name


def _read_bytes(path: Path, sources_dir: Path, max_bytes: int) -> bytes:
    """The file's bytes, read when it is not changing; UndecodableError says why not."""
    try:
        _check_link(path, sources_dir)
        for _ in range(READ_ATTEMPTS):
            before = _checked_stat(path, max_bytes)
            data = _read_content(path, max_bytes)
            if _unchanged(before, os.stat(path), data):
                return data
    except OSError as exc:
        raise UndecodableError(_os_error_reason(exc)) from exc
    raise UndecodableError(CHANGED_WHILE_READING)


def _check_link(path: Path, sources_dir: Path) -> None:
    if not path.is_symlink():
        return
    try:
        target = path.resolve()
    except RuntimeError as exc:  # Python < 3.13 reports a link loop this way
        raise UndecodableError("symbolic link loop: point the link at a file") from exc
    if not target.is_relative_to(sources_dir.resolve()):
        raise UndecodableError(
            f"symbolic link points outside the source folder ({target}): copy the file into the folder instead"
        )


def _checked_stat(path: Path, max_bytes: int) -> os.stat_result:
    """stat of a regular file within the size limit (follows a link that stays inside)."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise UndecodableError("link to a folder: folders are not followed through links, copy the files in")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or a device could block the run forever.
        raise UndecodableError("not a regular file (pipe, socket or device)")
    if info.st_size > max_bytes:
        raise UndecodableError(
            f"file is {info.st_size} bytes, over the limit of {max_bytes} (raise PDX_MAX_FILE_BYTES to accept it)"
        )
    return info


def _read_content(path: Path, max_bytes: int) -> bytes:
    # One byte over the limit is enough to see that the file grew past it.
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)


def _unchanged(before: os.stat_result, after: os.stat_result, data: bytes) -> bool:
    """The bytes are one version of the file: same size, mtime and inode before and after."""
    return (
        len(data) == before.st_size
        and (before.st_size, before.st_mtime_ns, before.st_ino) == (after.st_size, after.st_mtime_ns, after.st_ino)
    )


def _os_error_reason(exc: OSError) -> str:
    """A reason a person can act on, for an error of the file system."""
    if isinstance(exc, PermissionError):
        return f"no permission to read the file ({exc.strerror}): give the pipeline's user read access"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "file disappeared while being read (or is a broken link); it will be picked up on the next run"
    return f"could not read the file ({exc.strerror or exc})"


def _storable_name(name: str) -> str:
    """`name` as valid UTF-8: a name with undecodable bytes shows them as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_sources(sources_dir: Path, max_bytes: int) -> tuple[list[ReportRecord], list[RejectedFile]]:
    """Read every file once; return the distinct reports and the rejected files.

    Lines of the manifest that could not be used come back as rejections of
    `manifest.csv`, each saying which line and why; the reports still load.
    """
    manifest = read_manifest(sources_dir)
    reports: dict[str, ReportRecord] = {}
    rejected: list[RejectedFile] = [RejectedFile(MANIFEST_NAME, issue.reason(), None, None) for issue in manifest.issues]
    for path in list_source_files(sources_dir):
        name = path.relative_to(sources_dir).as_posix()
        if _storable_name(name) != name:
            # The warehouse stores names as UTF-8; such a name cannot be a key.
            reason = "file name is not valid UTF-8: rename the file"
            rejected.append(RejectedFile(_storable_name(name), reason, None, None))
            continue
        try:
            data = _read_bytes(path, sources_dir, max_bytes)
        except UndecodableError as exc:
            rejected.append(RejectedFile(name, str(exc), None, None))
            continue
        sha = hashlib.sha256(data).hexdigest()
        known = reports.get(sha)
        if known is not None:
            reports[sha] = _with_extra_name(known, name)
            continue
        try:
            reports[sha] = build_report(name, data, sha, manifest)
        except UndecodableError as exc:
            rejected.append(RejectedFile(name, str(exc), sha, len(data)))
    return list(reports.values()), rejected


def build_report(name: str, data: bytes, sha: str, manifest: Manifest = EMPTY) -> ReportRecord:
    decoded = read_document(name, data)
    entry = manifest.entry(name) or ManifestEntry(name)
    meta = extract_metadata(decoded.text, name, entry.url)
    province_code, province_evidence, province_source = meta.province_code, meta.province_evidence, meta.province_source
    if entry.province_code is not None:
        province_code, province_evidence, province_source = entry.province_code, f"manifest:{name}", "manifest"
    published, published_source = meta.published_date, ("text" if meta.published_date else None)
    if entry.published is not None:
        published, published_source = entry.published, "manifest"
    return ReportRecord(
        report_key=report_key_for(sha),
        content_sha256=sha,
        source_file=name,
        source_files=(name,),
        file_format=Path(name).suffix.lower().lstrip(".") or "txt",
        encoding=decoded.encoding,
        byte_size=len(data),
        title=entry.title or meta.title,
        published_date=published,
        province_code=province_code,
        province_evidence=province_evidence,
        source_site=meta.source_site,
        text=decoded.text,
        province_source=province_source,
        published_source=published_source,
        source_url=entry.url,
    )


def _with_extra_name(report: ReportRecord, name: str) -> ReportRecord:
    return replace(report, source_files=report.source_files + (name,))


def source_fingerprint(sources_dir: Path) -> str:
    """Changes when a file is added, removed, renamed or modified (size or mtime)."""
    digest = hashlib.sha256()
    manifest = sources_dir / MANIFEST_NAME
    for path in [manifest, *list_source_files(sources_dir)] if manifest.is_file() else list_source_files(sources_dir):
        try:
            stat = path.stat()
        except OSError:
            continue  # vanished between listing and stat: the next tick sees the new state
        digest.update(f"{path.relative_to(sources_dir).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
