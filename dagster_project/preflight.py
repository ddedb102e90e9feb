"""Checks that take a second and save a wasted build: run before anything is built.

A configuration mistake (the alert settings are checked when they are loaded,
see settings.py), a missing or empty source folder, or a folder the warehouse
cannot be written in fails here, with the variable or the folder to fix.
"""
from __future__ import annotations

import os
import tempfile
from itertools import islice
from pathlib import Path

from dagster_project.ingestion.sources import list_source_files
from dagster_project.settings import Settings


class PreflightError(RuntimeError):
    """The run cannot start; the message names the folder or variable to fix."""


def _writable(folder: Path, what: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".pdx-write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise PreflightError(
            f"cannot write {what} in {folder} ({error.strerror or error}): give this user write access "
            "there or point PDX_WAREHOUSE elsewhere"
        ) from None


def check_sources(sources_dir: Path) -> None:
    if not sources_dir.is_dir():
        raise PreflightError(f"source folder {sources_dir} does not exist: create it or set PDX_SOURCES_DIR")
    if not any(True for _ in islice(list_source_files(sources_dir), 1)):
        raise PreflightError(
            f"0 reports found in {sources_dir}: the folder holds no report files (txt, md, html, docx, pdf). "
            "Put the reports there or set PDX_SOURCES_DIR to their folder"
        )


def preflight(settings: Settings) -> None:
    """Raise PreflightError when a run could not succeed; takes well under a second."""
    check_sources(settings.sources_dir)
    _writable(settings.warehouse_dir, "the warehouse")
    _writable(settings.build_dir, "the build copy")
