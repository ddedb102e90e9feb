"""Scan a source folder and turn each file into a report or a rejection.

Keyed by content: the same bytes under two names are one report (the first
name in folder order is its `source_file`; all names are kept). A file that
cannot be read becomes a `RejectedFile` with the reason, never an exception
that stops the other files.

Files are opened beneath the folder one path component at a time, without
following links (`O_NOFOLLOW`), after the link check: a link swapped in between
the check and the open fails the open and is checked again, so nothing outside
the folder is ever read. A file with more hard links than the folder holds names
for is a link to a file elsewhere and is refused like a link pointing out.

A file whose stamp (path, size, mtime, ctime) and manifest line are in the index
of the last load (`index`, from `raw.source_files`) is known: it is not opened,
read or decoded, and its report (or its rejection) stands as it was. The
optional `manifest.csv` (see manifest.py) describes reports and is not one; a
file whose manifest line changed is read again, so what the manifest says
reaches its report.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath

from dagster_project.extraction.metadata import extract_metadata
from dagster_project.extraction.models import DecodedText
from dagster_project.ingestion.budget import ParseBudget
from dagster_project.ingestion.documents import ISOLATED_SUFFIXES, read_document
from dagster_project.ingestion.manifest import EMPTY, MANIFEST_NAME, Manifest, ManifestEntry, read_manifest
from dagster_project.ingestion.names import printable
from dagster_project.ingestion.parser_process import ParserProcess, ReaderCrashed
from dagster_project.ingestion.text import UndecodableError

# Files that describe the folder rather than being reports.
IGNORED_NAMES = {"README.md", "README.txt", "LICENSE", ".gitkeep"}
# A file still being written (a download, a copy) changes between reads; it is
# read again this many times in all before it is left for the next run.
READ_ATTEMPTS = 3
CHANGED_WHILE_READING = "file changed while being read; it will be picked up on the next run"
# Opening a component that is a link fails with one of these under O_NOFOLLOW
# (ENOTDIR: a folder on the path that became a link, opened with O_DIRECTORY).
_LINK_ERRNOS = {errno.ELOOP, errno.EMLINK, errno.ENOTDIR}


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
    published_source: str | None = None  # manifest | text | url
    source_url: str | None = None  # where the report was fetched (from the manifest)


@dataclass(frozen=True)
class RejectedFile:
    source_file: str
    reason: str
    content_sha256: str | None
    byte_size: int | None


@dataclass(frozen=True)
class SourceFile:
    """A file whose content was judged: one name of a report, or a rejected content.

    `name` is the stored, printable name. (size, mtime_ns, ctime_ns) is the stamp
    the content was read under; ctime moves with any write, rename or new hard
    link, even when a copy keeps the mtime.
    """

    name: str
    size: int
    mtime_ns: int
    ctime_ns: int
    content_sha256: str
    report_key: str | None  # None when the content was rejected
    reason: str | None = None  # why the content was rejected
    manifest_sha: str = ""  # the manifest line the report was built with ("" when none)

    def has_stamp(self, info: os.stat_result) -> bool:
        return (self.size, self.mtime_ns, self.ctime_ns) == (info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass
class FolderScan:
    files: list[SourceFile] = field(default_factory=list)  # in folder order
    reports: list[ReportRecord] = field(default_factory=list)  # contents decoded by this scan
    rejected: list[RejectedFile] = field(default_factory=list)
    known_files: int = 0  # recognised from the index, not read
    parser_processes: int = 0  # document-reader processes started (one more after each one stopped)


@dataclass(frozen=True)
class OpenedFile:
    """A file opened beneath the source folder. Acts as its path for `open()` and `.name`,
    so a test can stand in for `_read_content`."""

    path: Path
    fd: int

    @property
    def name(self) -> str:
        return self.path.name

    def __fspath__(self) -> str:
        return os.fspath(self.path)


def report_key_for(content_sha256: str) -> str:
    """Reports are keyed by content, so renaming a file does not make a new report."""
    return content_sha256[:16]


@dataclass(frozen=True)
class _Entry:
    """A directory entry met by the walk, with its own (not followed) stat."""

    path: str
    name: str  # relative to the source folder, with "/"
    lstat: os.stat_result | None  # None when it vanished before it could be looked at
    candidate: bool  # a report candidate (not hidden, not a README)


def list_source_files(sources_dir: Path) -> Iterator[Path]:
    """Every candidate file below `sources_dir`, in a stable order.

    Links to folders are not walked (they could loop or leave the folder) but
    are listed, so that they are rejected with a reason instead of vanishing.
    """
    for entry in _walk(os.fspath(sources_dir), ""):
        if entry.candidate:
            yield Path(entry.path)


def _walk(directory: str, prefix: str) -> Iterator[_Entry]:
    """Every entry but the folders walked into, folder by folder in name order, as `os.walk` does.

    Hidden folders are not entered; links to folders are listed, not entered.
    """
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError:
        return  # vanished or unreadable: os.walk skips it too
    folders, others = [], []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        (folders if is_folder else others).append(entry)
    folders = sorted((e for e in folders if not e.name.startswith(".")), key=lambda e: e.name)
    listed = sorted(others + [e for e in folders if e.is_symlink()], key=lambda e: e.name)
    for entry in listed:
        try:
            info: os.stat_result | None = entry.stat(follow_symlinks=False)
        except OSError:
            info = None
        candidate = not (entry.name.startswith(".") or entry.name in IGNORED_NAMES
                         or (not prefix and entry.name == MANIFEST_NAME))  # describes reports, is not one
        yield _Entry(entry.path, prefix + entry.name, info, candidate)
    for entry in folders:
        if not entry.is_symlink():
            yield from _walk(entry.path, prefix + entry.name + "/")


def scan_sources(
    sources_dir: Path, max_bytes: int, budget: ParseBudget | None = None
) -> tuple[list[ReportRecord], list[RejectedFile]]:
    """Read every file once; return the distinct reports and the rejected files."""
    scan = scan_folder(sources_dir, max_bytes, budget)
    return scan.reports, scan.rejected


def scan_folder(
    sources_dir: Path,
    max_bytes: int,
    budget: ParseBudget | None = None,
    index: Mapping[str, SourceFile] | None = None,
    only: Collection[str] | None = None,
) -> FolderScan:
    """Judge every file of the folder (or the files named in `only`): known from `index`
    (the last load), or read now.

    Lines of the manifest that could not be used come back as rejections of
    `manifest.csv`, each saying which line and why; the reports still load.
    """
    budget = budget or ParseBudget()
    manifest = read_manifest(sources_dir)
    entries = list(_walk(os.fspath(sources_dir), ""))
    with ParserProcess(budget) as parser:
        scanner = _Scanner(sources_dir, max_bytes, budget, index or {}, parser, _names_by_inode(entries), manifest)
        for entry in entries:
            if entry.candidate and (only is None or entry.name in only):
                scanner.add(entry)
        return scanner.result()


@dataclass(frozen=True)
class FileStamp:
    """What a file is known by without reading it: its name, size, mtime and manifest line."""

    name: str
    size: int
    mtime_ns: int
    manifest_sha: str


def source_stamps(sources_dir: Path) -> list[FileStamp]:
    """The stamp of every plain report file of the folder, in folder order, without reading one.

    Links, unreadable entries and names that are not UTF-8 are left out: a scan
    judges them (and rejects most), so nothing about them can be known in advance.
    """
    manifest = read_manifest(sources_dir)
    return [
        FileStamp(entry.name, entry.lstat.st_size, entry.lstat.st_mtime_ns, manifest.entry_sha(entry.name))
        for entry in _walk(os.fspath(sources_dir), "")
        if entry.candidate and entry.lstat is not None and stat.S_ISREG(entry.lstat.st_mode)
        and _storable_name(entry.name) == entry.name
    ]


def _names_by_inode(entries: list[_Entry]) -> dict[tuple[int, int], int]:
    """How many names each regular file has in the folders walked (hidden and ignored files too)."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for entry in entries:
        if entry.lstat is not None and stat.S_ISREG(entry.lstat.st_mode):
            counts[(entry.lstat.st_dev, entry.lstat.st_ino)] += 1
    return counts


class _Scanner:
    def __init__(
        self,
        sources_dir: Path,
        max_bytes: int,
        budget: ParseBudget,
        index: Mapping[str, SourceFile],
        parser: ParserProcess,
        inside_names: Mapping[tuple[int, int], int],
        manifest: Manifest = EMPTY,
    ) -> None:
        self.root = os.path.realpath(sources_dir)
        self.max_bytes = max_bytes
        self.budget = budget
        self.index = index
        self.parser = parser
        self.inside_names = inside_names
        self.manifest = manifest
        self.scan = FolderScan()
        self.scan.rejected += [RejectedFile(MANIFEST_NAME, printable(i.reason()), None, None) for i in manifest.issues]
        self.names: set[str] = set()
        # Verdict on each content seen: None = a report, else the rejection reason.
        self.verdicts: dict[str, str | None] = {f.content_sha256: f.reason for f in index.values()}
        self.decoded: dict[str, ReportRecord] = {}

    def add(self, entry: _Entry) -> None:
        name = printable(_storable_name(entry.name))
        if _storable_name(entry.name) != entry.name:
            # The warehouse stores names as UTF-8; such a name cannot be a key.
            return self._reject(name, "file name is not valid UTF-8: rename the file")
        if name in self.names:
            return self._reject(name, "file name, with its control characters escaped, is another file's name: rename it")
        self.names.add(name)
        known = self.index.get(name)
        described = self.manifest.entry_sha(name)
        try:
            if known is not None and known.has_stamp(self._stat(entry)) and known.manifest_sha == described:
                return self._take_known(known)
            data, info = _read_bytes(Path(entry.path), self.root, self.max_bytes, self.inside_names)
        except UndecodableError as exc:
            return self._reject(name, str(exc))
        # A known content whose manifest line changed is built again, so the manifest reaches it.
        self._judge(name, data, info, rebuild=known is not None and known.manifest_sha != described)

    def result(self) -> FolderScan:
        names: dict[str, list[str]] = defaultdict(list)
        for file in self.scan.files:
            if file.report_key is not None:
                names[file.report_key].append(file.name)
        self.scan.reports = [
            replace(r, source_file=names[r.report_key][0], source_files=tuple(names[r.report_key]))
            for r in self.decoded.values()
        ]
        self.scan.parser_processes = self.parser.started
        return self.scan

    def _stat(self, entry: _Entry) -> os.stat_result:
        """The stamp of the file the entry names now, after the checks a read makes (no read).

        A plain file found by the walk is inside the folder: its own stat is the stamp.
        A link is checked and followed.
        """
        try:
            if entry.lstat is not None and not stat.S_ISLNK(entry.lstat.st_mode):
                return _checked_stat(entry.lstat, self.max_bytes)
            _inside_parts(Path(entry.path), self.root)
            return _checked_stat(os.stat(entry.path), self.max_bytes)
        except OSError as exc:
            raise UndecodableError(_os_error_reason(exc)) from exc

    def _take_known(self, known: SourceFile) -> None:
        self.scan.known_files += 1
        self.scan.files.append(known)
        if known.reason is not None:
            self.scan.rejected.append(RejectedFile(known.name, known.reason, known.content_sha256, known.size))

    def _judge(self, name: str, data: bytes, info: os.stat_result, rebuild: bool = False) -> None:
        sha = hashlib.sha256(data).hexdigest()
        if sha not in self.verdicts or (rebuild and self.verdicts[sha] is None and sha not in self.decoded):
            try:
                entry = self.manifest.entry(name) or ManifestEntry(name)
                self.decoded[sha] = build_report(name, data, sha, self._decode(name, data), entry)
                self.verdicts[sha] = None
            except ReaderCrashed as exc:
                # Not a verdict on the content: no index entry, so the next run reads it again.
                self.scan.rejected.append(RejectedFile(name, printable(str(exc)), sha, len(data)))
                return
            except UndecodableError as exc:
                self.verdicts[sha] = printable(str(exc))
        reason = self.verdicts[sha]
        key = None if reason is not None else report_key_for(sha)
        self.scan.files.append(SourceFile(name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, sha, key, reason,
                                          self.manifest.entry_sha(name)))
        if reason is not None:
            self.scan.rejected.append(RejectedFile(name, reason, sha, len(data)))

    def _decode(self, name: str, data: bytes) -> DecodedText:
        if PurePath(name).suffix.lower() in ISOLATED_SUFFIXES:
            return self.parser.read(name, data)
        return read_document(name, data, self.budget)

    def _reject(self, name: str, reason: str) -> None:
        self.scan.rejected.append(RejectedFile(name, printable(reason), None, None))


def build_report(
    name: str, data: bytes, sha: str, decoded: DecodedText | None = None, entry: ManifestEntry | None = None
) -> ReportRecord:
    """The report of file `name` holding `data` (decoded here unless `decoded` is given).

    What the manifest line `entry` says beats what the text says: province, date, title.
    """
    decoded = decoded or read_document(name, data)
    entry = entry or ManifestEntry(name)
    meta = extract_metadata(decoded.text, name, entry.url)
    province_code, province_evidence, province_source = meta.province_code, meta.province_evidence, meta.province_source
    if entry.province_code is not None:
        province_code, province_evidence, province_source = entry.province_code, f"manifest:{name}", "manifest"
    published, published_source = meta.published_date, meta.published_source
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


# ---------------------------------------------------------------- reading one file


def _read_bytes(
    path: Path, root: str, max_bytes: int, inside_names: Mapping[tuple[int, int], int]
) -> tuple[bytes, os.stat_result]:
    """The file's bytes and stamp, read beneath `root` when it is not changing; UndecodableError says why not."""
    try:
        for _ in range(READ_ATTEMPTS):
            parts = _inside_parts(path, root)
            try:
                fd = _open_beneath(root, parts)
            except OSError as exc:
                if exc.errno in _LINK_ERRNOS:
                    continue  # a link appeared on the path after the check: check again
                raise
            try:
                before = _checked_stat(os.fstat(fd), max_bytes)
                _check_hard_links(before, inside_names)
                data = _read_content(OpenedFile(path, fd), max_bytes)
                if _unchanged(before, os.fstat(fd), data):
                    return data, before
            finally:
                os.close(fd)
    except OSError as exc:
        raise UndecodableError(_os_error_reason(exc)) from exc
    raise UndecodableError(CHANGED_WHILE_READING)


def _inside_parts(path: Path, root: str) -> list[str]:
    """The components, below `root` (a resolved folder), of the file `path` leads to; links must stay inside."""
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        target = os.path.realpath(path)  # a broken link: where it points decides the reason
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UndecodableError("symbolic link loop: point the link at a file") from exc
        raise
    if target == root:
        raise UndecodableError("link to a folder: folders are not followed through links, copy the files in")
    if not target.startswith(root.rstrip("/") + "/"):
        raise UndecodableError(
            f"symbolic link points outside the source folder ({target}): copy the file into the folder instead"
        )
    return target[len(root.rstrip("/")) + 1 :].split("/")


def _open_beneath(root: str, parts: list[str]) -> int:
    """A descriptor of root/parts, opened one component at a time without following any link.

    Non-blocking, so that a pipe swapped in cannot hang the open; `_checked_stat`
    then refuses anything but a regular file.
    """
    directory = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=directory)
            os.close(directory)
            directory = inner
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        return os.open(parts[-1], flags, dir_fd=directory)
    finally:
        os.close(directory)


def _checked_stat(info: os.stat_result, max_bytes: int) -> os.stat_result:
    """`info` of a regular file within the size limit, or UndecodableError."""
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


def _check_hard_links(info: os.stat_result, inside_names: Mapping[tuple[int, int], int]) -> None:
    """Refuse a file that has names outside the folder: a hard link is a way in, like a symbolic one."""
    # A file reached through a link inside may have its only name in a hidden folder: one name is inside.
    names_inside = max(inside_names.get((info.st_dev, info.st_ino), 0), 1)
    if info.st_nlink > names_inside:
        raise UndecodableError(
            f"hard link to a file that has {info.st_nlink - names_inside} more name(s) outside the source folder:"
            " copy the file into the folder instead"
        )


def _read_content(opened: OpenedFile, max_bytes: int) -> bytes:
    # One byte over the limit is enough to see that the file grew past it.
    chunks = []
    remaining, offset = max_bytes + 1, 0
    while remaining > 0:
        chunk = os.pread(opened.fd, min(remaining, 1 << 20), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


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
