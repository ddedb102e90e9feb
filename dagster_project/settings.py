"""One settings object for every entry point: where things are and the limits that apply.

`load_settings()` reads the `PDX_*` variables once (see `.env.example`); the
defaults are `sources/` and `warehouse/warehouse.duckdb` under the project root.
Reading settings never writes the environment: a subprocess that needs a path
(dbt) is given it explicitly by the code that starts it.

The published warehouse file has companions beside it that are published with
it (the report page, the Parquet export, the docs) or that record what happened
(alerts); their places are derived here so that no module spells them again.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
# The dbt installed beside this Python (the project's .venv), found without PATH.
DBT_EXECUTABLE = Path(sys.executable).parent / "dbt"

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# What reading one file may cost (see dagster_project/ingestion/budget.py); the
# text limit is about 5,000 pages of prose, far above any report.
DEFAULT_PARSE_SECONDS = 10.0
DEFAULT_MAX_TEXT_CHARS = 10_000_000


class SettingsError(ValueError):
    """A PDX_* variable has a value that cannot be used; the message names it."""


@dataclass(frozen=True)
class Settings:
    sources_dir: Path
    warehouse_path: Path  # the published file BI tools read
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    parse_seconds: float = DEFAULT_PARSE_SECONDS  # a file still being parsed after this is quarantined
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS  # a file yielding more text than this is quarantined
    log_level: str = "INFO"

    @property
    def warehouse_dir(self) -> Path:
        return self.warehouse_path.parent

    @property
    def build_dir(self) -> Path:
        """Private copies of runs in progress; never read by BI tools."""
        return self.warehouse_dir / ".building"

    @property
    def report_page(self) -> Path:
        return self.warehouse_dir / "report.html"

    @property
    def export_dir(self) -> Path:
        """A link switched atomically to the newest complete set of Parquet files."""
        return self.warehouse_dir / "export"

    @property
    def docs_dir(self) -> Path:
        return self.warehouse_dir / "docs"

    @property
    def alerts_file(self) -> Path:
        return self.warehouse_dir / "alerts.jsonl"

    @property
    def dead_letter_file(self) -> Path:
        return self.warehouse_dir / "alerts.dead_letter.jsonl"


def _path(environ: Mapping[str, str], name: str, default: Path) -> Path:
    value = environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    return int(_positive(environ, name, default, int, "a whole number"))


def _positive_number(environ: Mapping[str, str], name: str, default: float) -> float:
    return _positive(environ, name, default, float, "a number")


def _positive(
    environ: Mapping[str, str], name: str, default: float, kind: type[int] | type[float], what: str
) -> float:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not {what}: unset it or give one") from None
    if not 0 < number < float("inf"):
        raise SettingsError(f"{name}={value!r} must be above 0 (and finite)")
    return number


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from `environ` (the process environment by default); reads, never writes."""
    environ = os.environ if environ is None else environ
    return Settings(
        sources_dir=_path(environ, "PDX_SOURCES_DIR", PROJECT_ROOT / "sources"),
        warehouse_path=_path(environ, "PDX_WAREHOUSE", PROJECT_ROOT / "warehouse" / "warehouse.duckdb"),
        max_file_bytes=_positive_int(environ, "PDX_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        parse_seconds=_positive_number(environ, "PDX_PARSE_SECONDS", DEFAULT_PARSE_SECONDS),
        max_text_chars=_positive_int(environ, "PDX_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS),
        log_level=environ.get("PDX_LOG_LEVEL", "").strip().upper() or "INFO",
    )
