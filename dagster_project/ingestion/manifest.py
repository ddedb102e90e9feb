"""The optional source manifest: `manifest.csv` beside the reports, describing them.

Collections of reports are often saved under content-hash file names with a list
of where each came from. The manifest is UTF-8 CSV with a header; `file` (a name
relative to the source folder) is required, and `url`, `province` (a name, with
or without diacritics, or a GSO code), `published` (YYYY-MM-DD) and `title` are
optional. What it says beats what the text says; it is not a report itself.

A bad line never stops the others: an unknown province, a date that is no date
or a file that is not in the folder becomes a `ManifestIssue` that says which
line, what is wrong and what was done instead, and the report is loaded with
what could be read.
"""
from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from dagster_project.extraction.provinces import province_from_name

MANIFEST_NAME = "manifest.csv"
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    url: str | None = None
    province_code: str | None = None
    published: datetime.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class ManifestIssue:
    line: int  # line number in manifest.csv (1 = the header)
    file: str | None
    problem: str  # what is wrong, what was done, what to do

    def reason(self) -> str:
        where = f"line {self.line}" + (f" ({self.file})" if self.file else "")
        return f"{MANIFEST_NAME} {where}: {self.problem}"


@dataclass(frozen=True)
class Manifest:
    entries: dict[str, ManifestEntry]
    issues: tuple[ManifestIssue, ...] = ()

    def entry(self, file: str) -> ManifestEntry | None:
        return self.entries.get(file)

    def entry_sha(self, file: str) -> str:
        """A short hash of what the manifest says about `file` ("" when nothing): it changes with the line."""
        entry = self.entries.get(file)
        if entry is None:
            return ""
        said = "\0".join(str(v) for v in (entry.url, entry.province_code, entry.published, entry.title))
        return hashlib.sha256(said.encode()).hexdigest()[:16]


EMPTY = Manifest({})


def read_manifest(sources_dir: Path) -> Manifest:
    """The manifest of `sources_dir`, or an empty one when there is none."""
    path = sources_dir / MANIFEST_NAME
    if not path.is_file():
        return EMPTY
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_MANIFEST_BYTES + 1)
    except OSError as exc:
        return Manifest({}, (ManifestIssue(0, None, f"cannot be read ({exc.strerror or exc}); reports load without it"),))
    if len(data) > _MAX_MANIFEST_BYTES:
        return Manifest({}, (ManifestIssue(0, None, f"is over {_MAX_MANIFEST_BYTES} bytes; reports load without it"),))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"is not UTF-8 (byte {exc.start}): save it as UTF-8; reports load without it"
        return Manifest({}, (ManifestIssue(0, None, problem),))
    return parse_manifest(text, present={p.relative_to(sources_dir).as_posix() for p in sources_dir.rglob("*")})


def parse_manifest(text: str, present: set[str] | None = None) -> Manifest:
    """Entries by file name and the issues found; `present` lists the files in the folder."""
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "file" not in fields:
        problem = "has no 'file' column in its header (file,url,province,published,title); reports load without it"
        return Manifest({}, (ManifestIssue(1, None, problem),))
    reader.fieldnames = fields
    entries: dict[str, ManifestEntry] = {}
    issues: list[ManifestIssue] = []
    for row in reader:
        line = reader.line_num
        entry, row_issues = _entry(row, line)
        issues.extend(row_issues)
        if entry is None:
            continue
        if entry.file in entries:
            issues.append(ManifestIssue(line, entry.file, "names a file already described above; this line is ignored"))
            continue
        if present is not None and entry.file not in present:
            issues.append(ManifestIssue(line, entry.file, "names a file that is not in the source folder; check the name"))
            continue
        entries[entry.file] = entry
    return Manifest(entries, tuple(issues))


def _cell(row: dict[str, str | None], name: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _entry(row: dict[str, str | None], line: int) -> tuple[ManifestEntry | None, list[ManifestIssue]]:
    file = _cell(row, "file")
    if file is None:
        return None, [ManifestIssue(line, None, "has no file name; the line is ignored")]
    file = file.replace("\\", "/")
    if file.startswith("./"):
        file = file[2:]
    issues: list[ManifestIssue] = []
    province_code = None
    province = _cell(row, "province")
    if province is not None:
        province_code = province_from_name(province)
        if province_code is None:
            issues.append(ManifestIssue(
                line, file,
                f"unknown province '{province}' (use a name such as 'Lào Cai' or a two-digit GSO code such as '10'); "
                "the province comes from the text instead",
            ))
    published = None
    published_text = _cell(row, "published")
    if published_text is not None:
        published = _iso_date(published_text)
        if published is None:
            issues.append(ManifestIssue(
                line, file, f"published '{published_text}' is not a date YYYY-MM-DD; the date comes from the text instead"
            ))
    entry = ManifestEntry(file, _cell(row, "url"), province_code, published, _cell(row, "title"))
    return entry, issues


def _iso_date(text: str) -> datetime.date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
