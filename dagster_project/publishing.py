"""Build into a private copy, publish with an atomic rename.

BI tools open the published warehouse file read-only at any time. Nothing ever
writes to that file: a run copies it to `.building/<name>`, every step writes
the copy, and once the publish gate passes (see gate.py) the copy replaces the
published file in one `os.replace`. A reader therefore sees the last complete,
checked warehouse: never a lock error, never half a build.

One run builds at a time: it holds an exclusive lock (released by the kernel
when a process dies, so a killed run never blocks the next one), and a second
run says whom it waits for. A run that fails removes its copy before it ends; a
killed run's copy is removed by the next run. A published file that cannot be
read whole (truncated, corrupt) is moved aside at the start of the next run,
which then rebuilds from the sources.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from dagster_project.failpoints import failpoint

BUILD_DIR_NAME = ".building"
LOCK_NAME = "lock"
LOCK_WAIT_SECONDS = 3600
WAIT_NOTICE_SECONDS = 60  # how often a waiting run repeats whom it waits for

Notify = Callable[[str], None]


class BuildLockTimeout(RuntimeError):
    pass


class PublishError(RuntimeError):
    """Publishing could not happen; the published file is as it was."""


def build_dir(published: Path) -> Path:
    return published.parent / BUILD_DIR_NAME


def build_path(published: Path) -> Path:
    """The private copy (settings.build_file): one run builds at a time, so the name is stable."""
    return build_dir(published) / published.name


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".copying")]


# Locks held by this process, by run id: the file objects must stay open to keep them.
_held_locks: dict[str, object] = {}
# Runs of this process whose private copy is prepared (so a later step reuses it).
_prepared: set[str] = set()


def _lock_holder(lock: Path) -> str:
    try:
        return lock.read_text(encoding="utf-8").strip() or "another run"
    except OSError:
        return "another run"


def acquire_build_lock(
    published: Path, run_id: str, wait_seconds: float = LOCK_WAIT_SECONDS, notify: Notify | None = None
) -> None:
    """One run builds at a time; a second one says whom it waits for, then waits."""
    if run_id in _held_locks:
        return
    directory = build_dir(published)
    directory.mkdir(parents=True, exist_ok=True)
    lock = directory / LOCK_NAME
    handle = open(lock, "a+", encoding="utf-8")  # noqa: SIM115 - held for the life of the run
    started = time.monotonic()
    next_notice = started
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            now = time.monotonic()
            if now - started > wait_seconds:
                handle.close()
                raise BuildLockTimeout(
                    f"{_lock_holder(lock)} has been building in {directory} for over {wait_seconds:.0f}s "
                    f"(lock {lock}); wait for it or stop it"
                ) from None
            if notify is not None and now >= next_notice:
                notify(f"waiting for {_lock_holder(lock)} to finish (lock {lock})")
                next_notice = now + WAIT_NOTICE_SECONDS
            time.sleep(0.5)
    handle.seek(0)
    handle.truncate()
    handle.write(f"run {run_id} (pid {os.getpid()}, since {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC)\n")
    handle.flush()
    _held_locks[run_id] = handle


def release_build_lock(run_id: str) -> None:
    _prepared.discard(run_id)
    handle = _held_locks.pop(run_id, None)
    if handle is not None:
        handle.close()  # closing the descriptor releases the flock


def holds_build(run_id: str) -> bool:
    """True while this run has a private copy that it has neither published nor discarded."""
    return run_id in _prepared


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def unreadable_reason(path: Path) -> str | None:
    """Why the DuckDB file cannot be read whole (truncated, corrupt, not DuckDB), or None.

    Every table is scanned: DuckDB checks each block's checksum as it reads it, and
    a truncated file fails on its missing blocks; the catalog alone reads neither.
    """
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = con.execute("select schema_name, table_name from duckdb_tables()").fetchall()
            for schema, table in tables:
                con.sql(f"select count(*), sum(hash(t)) from {_quoted(schema)}.{_quoted(table)} t").fetchall()
    except duckdb.Error as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return None


def move_aside(path: Path) -> Path:
    """Keep an unreadable published file for inspection, out of the readers' way."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    os.replace(path, aside)
    return aside


def prepare_build(published: Path, run_id: str, notify: Notify | None = None) -> Path:
    """The run's private copy of the warehouse, created on first use from the published file.

    `notify` hears what a person should know: a wait for another run, a published
    file moved aside because it could not be read.
    """
    target = build_path(published)
    if run_id in _prepared and target.exists():
        return target
    acquire_build_lock(published, run_id, notify=notify)
    _remove_leftovers(published)
    if published.exists():
        reason = unreadable_reason(published)
        if reason is not None:
            aside = move_aside(published)
            if notify is not None:
                notify(f"the published warehouse could not be read ({reason}); moved it aside to {aside} "
                       f"and rebuilding from the sources")
        else:
            _copy(published, target)
    _prepared.add(run_id)
    return target


def _copy(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".copying")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except BaseException as error:
        partial.unlink(missing_ok=True)  # also on a full disk: unlinking frees, never needs space
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            raise PublishError(
                f"no space left to copy {source} ({source.stat().st_size} bytes) to {target.parent}: "
                "free some space and run again"
            ) from error
        raise


def _remove_leftovers(published: Path) -> None:
    """Copies of killed or failed runs: only removed while this run holds the lock, so none is in use."""
    for path in build_dir(published).iterdir():
        if path.name != LOCK_NAME:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def discard_build(published: Path, run_id: str) -> bool:
    """Remove this run's private copy and release the lock; True when there was one."""
    had_copy = run_id in _held_locks
    if had_copy:
        for path in _companions(build_path(published)):
            path.unlink(missing_ok=True)
    release_build_lock(run_id)
    return had_copy


def publish(published: Path, run_id: str) -> Path:
    """Checkpoint the run's copy and atomically make it the published warehouse."""
    source = build_path(published)
    if run_id not in _prepared or not source.exists():
        raise PublishError(f"nothing to publish: this run has no private copy {source}")
    with duckdb.connect(str(source)) as con:
        con.execute("checkpoint")  # fold the write-ahead log into the file before it moves
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        raise PublishError(f"{wal} survived a checkpoint; not publishing a file that needs its log")
    with open(source, "rb") as handle:
        os.fsync(handle.fileno())
    failpoint("publish")
    os.replace(source, published)
    directory = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    release_build_lock(run_id)
    return published


@dataclass(frozen=True)
class Shrink:
    published_reports: int
    new_reports: int

    @property
    def dropped_share(self) -> float:
        if self.published_reports == 0:
            return 0.0
        return max(0, self.published_reports - self.new_reports) / self.published_reports


def shrink_refusal(shrink: Shrink, max_share: float, allowed: bool) -> str | None:
    """Why this build must not replace the published one (too many reports would vanish), or None."""
    if allowed or shrink.dropped_share <= max_share:
        return None
    dropped = shrink.published_reports - shrink.new_reports
    return (
        f"this build has {shrink.new_reports} reports where the published warehouse has "
        f"{shrink.published_reports}: publishing would drop {dropped} ({shrink.dropped_share:.0%}, more than "
        f"the {max_share:.0%} allowed). If the source files were removed on purpose, run again with "
        "PDX_ALLOW_SHRINK=1; otherwise restore them (is the source folder mounted?)"
    )
