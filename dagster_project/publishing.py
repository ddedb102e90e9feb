"""Build into a private copy, publish with an atomic rename.

BI tools open the published warehouse file read-only at any time. Nothing ever
writes to that file: a run copies it to `.building/<run>.duckdb`, every step
writes the copy, and once the error-level checks pass the copy replaces the
published file in one `os.replace`. A reader therefore sees the last complete,
checked warehouse: never a lock error, never half a build. A run killed at any
point leaves the published file as it was; its leftover copy is removed by the
next run, which holds an exclusive lock (released by the kernel when a process
dies, so a killed run never blocks the next one).
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

import duckdb

from dagster_project.failpoints import failpoint

BUILD_DIR_NAME = ".building"
LOCK_WAIT_SECONDS = 3600


class BuildLockTimeout(RuntimeError):
    pass


def build_dir(published: Path) -> Path:
    return published.parent / BUILD_DIR_NAME


def build_path(published: Path, run_id: str) -> Path:
    return build_dir(published) / f"{published.stem}-{run_id}.duckdb"


# Locks held by this process, by run id: the file objects must stay open to keep them.
_held_locks: dict[str, object] = {}


def acquire_build_lock(published: Path, run_id: str, wait_seconds: float = LOCK_WAIT_SECONDS) -> None:
    """One run builds at a time; a second one waits for the first to finish."""
    if run_id in _held_locks:
        return
    directory = build_dir(published)
    directory.mkdir(parents=True, exist_ok=True)
    handle = open(directory / "lock", "a+")  # noqa: SIM115 - held for the life of the run
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                raise BuildLockTimeout(
                    f"another run has been building {published} for over {wait_seconds:.0f}s "
                    f"(lock {directory / 'lock'}); wait for it or stop it"
                ) from None
            time.sleep(0.5)
    _held_locks[run_id] = handle


def release_build_lock(run_id: str) -> None:
    handle = _held_locks.pop(run_id, None)
    if handle is not None:
        handle.close()  # closing the descriptor releases the flock


def prepare_build(published: Path, run_id: str) -> Path:
    """The run's private copy of the warehouse, created on first use from the published file."""
    acquire_build_lock(published, run_id)
    target = build_path(published, run_id)
    if target.exists():
        return target
    _remove_leftovers(published, keep=target)
    if published.exists():
        partial = target.with_suffix(".copying")
        shutil.copyfile(published, partial)
        os.replace(partial, target)
    return target


def _remove_leftovers(published: Path, keep: Path) -> None:
    """Copies of killed runs: only removed while this run holds the lock, so none is in use."""
    for path in build_dir(published).iterdir():
        if path.name != "lock" and path != keep:
            path.unlink(missing_ok=True)


def publish(published: Path, run_id: str) -> Path:
    """Checkpoint the run's copy and atomically make it the published warehouse."""
    source = build_path(published, run_id)
    if not source.exists():
        raise FileNotFoundError(f"nothing to publish: {source} does not exist (did the run build anything?)")
    con = duckdb.connect(str(source))
    try:
        con.execute("checkpoint")  # fold the write-ahead log into the file before it moves
    finally:
        con.close()
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{wal} survived a checkpoint; not publishing a file that needs its log")
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
