"""dbt docs of the published warehouse: one self-contained page beside it (`docs/index.html`).

`publish_dbt_docs` runs `dbt docs generate --static` against the published file
opened read-only (so BI readers are never locked out), and replaces the page
atomically. The docs depend only on the dbt project and the warehouse's columns
and comments, not on row counts: when neither changed since the last page, the
page is kept and dbt is not started.

    python -m dagster_project.dbt_docs serve [--port 8080]   # what `make docs` does
    python -m dagster_project.dbt_docs generate              # regenerate by hand
"""
from __future__ import annotations

import argparse
import fcntl
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dagster_project.atomic_files import temporary_sibling
from dagster_project.settings import DBT_EXECUTABLE, DBT_PROJECT_DIR, load_settings

# Beside the warehouse: the docs profile, dbt's target (kept for partial parsing) and logs.
WORK_DIR_NAME = ".dbt-docs"
# What the docs are made of; any change here means new docs.
PROJECT_INPUTS = ("models", "seeds", "macros", "tests", "dbt_project.yml")
PUBLISHED_FILES = {"static_index.html": "index.html", "manifest.json": "manifest.json",
                   "catalog.json": "catalog.json"}
FINGERPRINT_FILE = ".fingerprint"
DBT_TIMEOUT_SECONDS = 900


class DocsError(RuntimeError):
    """dbt could not generate the docs; the message says where to look."""


# access_mode READ_ONLY: dbt-duckdb opens its file for writing otherwise, which would
# fail while a BI tool holds the published file open (and must never write it anyway).
_PROFILE = """pdx_warehouse:
  target: published_docs
  outputs:
    published_docs:
      type: duckdb
      path: "{path}"
      schema: staging
      threads: 1
      config_options: {{access_mode: READ_ONLY}}
"""


def _project_files(project_dir: Path) -> Iterator[Path]:
    for name in PROJECT_INPUTS:
        path = project_dir / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())


def docs_fingerprint(warehouse: Path, project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A hash of the dbt project's files and the warehouse's relations, columns and comments."""
    digest = hashlib.sha256()
    for path in _project_files(project_dir):
        digest.update(str(path.relative_to(project_dir)).encode())
        digest.update(path.read_bytes())
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = con.execute(
            "select schema_name, table_name, column_name, data_type, coalesce(comment, '') "
            "from duckdb_columns() where not internal order by all"
        ).fetchall()
        relations = con.execute(
            "select schema_name, table_name, coalesce(comment, '') from duckdb_tables() "
            "union all select schema_name, view_name, coalesce(comment, '') from duckdb_views() where not internal "
            "order by all"
        ).fetchall()
    digest.update(repr((columns, relations)).encode())
    return digest.hexdigest()


@contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    """One docs generation at a time per warehouse (two publishes may follow each other closely)."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _replace_file(source: Path, target: Path) -> None:
    """Copy then rename in the target's folder: a reader sees the old file or the new one."""
    with temporary_sibling(target) as temporary:
        shutil.copyfile(source, temporary)


def _generate(warehouse: Path, work: Path) -> Path:
    """Run dbt docs generate --static; returns dbt's target folder."""
    profiles = work / "profiles"
    profiles.mkdir(parents=True, exist_ok=True)
    escaped = str(warehouse.resolve()).replace("\\", "\\\\").replace('"', '\\"')
    (profiles / "profiles.yml").write_text(_PROFILE.format(path=escaped), encoding="utf-8")
    target, logs = work / "target", work / "logs"
    command = [
        str(DBT_EXECUTABLE), "docs", "generate", "--static",
        "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(profiles),
        "--target-path", str(target), "--log-path", str(logs),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=DBT_TIMEOUT_SECONDS,
                                check=False, cwd=DBT_PROJECT_DIR)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DocsError(f"could not run dbt docs generate for {warehouse}: {error}. The warehouse is "
                        "published; only its docs are stale: fix the cause and run `make docs`.") from None
    if result.returncode != 0 or not (target / "static_index.html").exists():
        output = (result.stdout + result.stderr).strip().splitlines()[-15:]
        raise DocsError(
            "dbt docs generate failed (exit %d) for %s:\n%s\nSee %s. The warehouse is published; only its "
            "docs are stale: fix the cause and run `make docs`."
            % (result.returncode, warehouse, "\n".join(output), logs / "dbt.log")
        )
    return target


def publish_dbt_docs(warehouse: Path, docs_dir: Path) -> Path:
    """dbt docs of `warehouse` as `docs_dir/index.html` (self-contained), plus manifest and catalog.

    Returns the page. Regenerates only when the project or the warehouse's columns changed.
    """
    work = warehouse.parent / WORK_DIR_NAME
    page = docs_dir / "index.html"
    with _exclusive(work / "lock"):
        fingerprint = docs_fingerprint(warehouse)
        stamp = docs_dir / FINGERPRINT_FILE
        if page.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
            return page
        target = _generate(warehouse, work)
        docs_dir.mkdir(parents=True, exist_ok=True)
        for produced, published in PUBLISHED_FILES.items():
            _replace_file(target / produced, docs_dir / published)
        # Written last: a crash before this line regenerates next time.
        stamp.write_text(fingerprint, encoding="utf-8")
    return page


def serve(docs_dir: Path, port: int) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(docs_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"dbt docs of the published warehouse: http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.dbt_docs", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["serve", "generate"])
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"No published warehouse at {settings.warehouse_path}: run `make run` first.", file=sys.stderr)
        return 1
    try:
        page = publish_dbt_docs(settings.warehouse_path, settings.docs_dir)
    except DocsError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"dbt docs: {page}", flush=True)
    if args.command == "serve":
        serve(settings.docs_dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
