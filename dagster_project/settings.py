"""One settings object for every entry point: where things are and the limits that apply.

`load_settings()` reads the `PDX_*` variables once (every one is listed in
`.env.example`); the defaults are `sources/` and `warehouse/warehouse.duckdb`
under the project root. Reading settings never writes the environment: a
subprocess that needs a path (dbt) is given it explicitly by the code that
starts it. A variable with an unusable value raises `SettingsError` naming it,
so a configuration mistake fails in the first second, not after a build.

The published warehouse file has companions beside it that are published with
it (the report page, the Parquet export, the docs) or that record what happened
(alerts); their places are derived here so that no module spells them again.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
# The dbt installed beside this Python (the project's .venv), found without PATH.
DBT_EXECUTABLE = Path(sys.executable).parent / "dbt"
# dbt run by hand (`cd dbt && dbt build`) writes this file, never the published one.
DBT_DEV_WAREHOUSE = PROJECT_ROOT / "warehouse" / "dev.duckdb"

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# What reading one file may cost (see dagster_project/ingestion/budget.py); the
# text limit is about 5,000 pages of prose, far above any report.
DEFAULT_PARSE_SECONDS = 10.0
DEFAULT_MAX_TEXT_CHARS = 10_000_000
DEFAULT_FRESHNESS_DAYS = 365
DEFAULT_MAX_SHRINK_SHARE = 0.5
DEFAULT_ALERT_MAX_LISTED = 20
# Source files per batch of the `extract_batches` job: a batch is one step of the executor.
DEFAULT_BATCH_FILES = 200
# The executors `extract_batches` can run on (assets/batch_assets.py knows their packages).
BATCH_EXECUTORS = ("multiprocess", "celery", "k8s")
# What DuckDB may hold in the dbt step (its buffers; dbt's own Python comes on top, ~250 MB).
# Without a limit DuckDB keeps up to 80 % of the machine's memory: 2.3 GB at 10,000 reports.
# Measured at 10,000 reports: the dbt process peaks at 0.97 GB for about 5 % more CPU time
# (what does not fit spills to .building/); a limit too low fails with "Out of Memory
# Error" where an operator cannot spill (600MB did, before the marts' sentences were
# kept out of their window functions).
DEFAULT_DUCKDB_MEMORY_LIMIT = "700MB"
_MEMORY_SIZE = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


class SettingsError(ValueError):
    """A PDX_* variable has a value that cannot be used; the message names it."""


@dataclass(frozen=True)
class AlertSettings:
    """Where alerts go besides the JSON-lines file. Secrets stay in here: never print it whole."""

    webhook_url: str | None = field(default=None, repr=False)
    smtp_host: str | None = None
    smtp_port: int = 25
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_starttls: bool = False
    # The count and the first N findings go in each grouped e-mail or webhook call.
    max_listed: int = DEFAULT_ALERT_MAX_LISTED

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values that must never reach an error text, a log or a file."""
        found: list[str] = []
        if self.smtp_password:
            found.append(self.smtp_password)
        if self.webhook_url:
            found += webhook_secrets(self.webhook_url)
        return tuple(found)


@dataclass(frozen=True)
class Settings:
    sources_dir: Path
    warehouse_path: Path  # the published file BI tools read
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    parse_seconds: float = DEFAULT_PARSE_SECONDS  # a file still being parsed after this is quarantined
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS  # a file yielding more text than this is quarantined
    log_level: str = "WARNING"
    freshness_days: int = DEFAULT_FRESHNESS_DAYS
    # A run that would drop more than this share of the published reports does not publish...
    max_shrink_share: float = DEFAULT_MAX_SHRINK_SHARE
    # ...unless told that the removal is intended.
    allow_shrink: bool = False
    alerts: AlertSettings = field(default_factory=AlertSettings)
    # Processes extracting figures (extraction/parallel.py); 1 extracts in the run's own process.
    extract_workers: int = field(default_factory=lambda: default_extract_workers())
    # Build everything from the sources even when nothing changed since the last publish
    # (the CLI skips such a build otherwise; dbt's incremental models are rebuilt whole).
    full_refresh: bool = False
    # A JSON file of seconds per stage written at the end of a CLI build (`make bench`).
    timings_file: Path | None = None
    # The figure store (batches/store.py): figures extracted by the `extract_batches` job,
    # which the build loads instead of extracting. None: beside the warehouse.
    figure_store: Path | None = None
    batch_files: int = DEFAULT_BATCH_FILES
    batch_executor: str = "multiprocess"
    # DuckDB's memory limit in the dbt step ("700MB", "2GB"); beyond it, it spills to disk.
    duckdb_memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT

    @property
    def warehouse_dir(self) -> Path:
        return self.warehouse_path.parent

    @property
    def build_dir(self) -> Path:
        """Private copies of runs in progress; never read by BI tools."""
        return self.warehouse_dir / ".building"

    @property
    def build_file(self) -> Path:
        """The private copy a run writes. One run builds at a time, so the path is stable,
        which keeps dbt's profile (and its partial parsing) the same from run to run."""
        return self.build_dir / self.warehouse_path.name

    @property
    def dbt_target_dir(self) -> Path:
        """dbt's artifacts and log for builds of this warehouse from this checkout, kept between
        runs. Two checkouts that build into one folder (/tmp) keep apart: dbt's saved parse
        names the project's files, and one of a checkout since removed fails the next build."""
        checkout = hashlib.sha256(str(DBT_PROJECT_DIR).encode()).hexdigest()[:8]
        return self.warehouse_dir / ".dbt" / f"{self.warehouse_path.stem}-{checkout}"

    @property
    def figure_store_dir(self) -> Path:
        return self.figure_store or self.warehouse_dir / "figure_store"

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
    def alert_state_file(self) -> Path:
        """Open findings and the alert outbox (SQLite), beside the published file and
        written without it, so BI readers never stand in the way of an alert."""
        return self.warehouse_dir / f"{self.warehouse_path.stem}.alerts.sqlite"

    @property
    def build_state_file(self) -> Path:
        """What the last published build was made from (sources, code, settings): a CLI
        build finding the same skips the whole job (see build_state.py)."""
        return self.warehouse_dir / f".{self.warehouse_path.name}.last-build.json"

    @property
    def run_log(self) -> Path:
        """The last CLI run's full log (dbt's lines, tracebacks)."""
        return self.warehouse_dir / "logs" / f"{self.warehouse_path.stem}.last-run.log"


def webhook_secrets(url: str) -> list[str]:
    """The parts of a webhook URL that can carry a token: everything after the host."""
    parsed = urllib.parse.urlsplit(url)
    parts = [url, parsed.path, parsed.query, parsed.password or "", parsed.username or ""]
    parts += [segment for segment in parsed.path.split("/") if len(segment) >= 8]
    return [p for p in parts if p and p != "/"]


def _text(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


def _path(environ: Mapping[str, str], name: str, default: Path) -> Path:
    return _optional_path(environ, name) or default


def _optional_path(environ: Mapping[str, str], name: str) -> Path | None:
    value = _text(environ, name)
    return Path(value).expanduser().resolve() if value else None


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    return int(_positive(environ, name, default, int, "a whole number"))


def _positive_number(environ: Mapping[str, str], name: str, default: float) -> float:
    return _positive(environ, name, default, float, "a number")


def _positive(
    environ: Mapping[str, str], name: str, default: float, kind: type[int] | type[float], what: str
) -> float:
    value = _text(environ, name)
    if value is None:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not {what}: unset it or give one") from None
    if not 0 < number < float("inf"):
        raise SettingsError(f"{name}={value!r} must be above 0 (and finite)")
    return number


def _share(environ: Mapping[str, str], name: str, default: float) -> float:
    value = _text(environ, name)
    if value is None:
        return default
    try:
        share = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a share: give e.g. 0.5 or 50%") from None
    if not 0 < share <= 1:
        raise SettingsError(f"{name}={value!r} must be above 0 and at most 1 (100%)")
    return share


def _flag(environ: Mapping[str, str], name: str) -> bool:
    value = (_text(environ, name) or "0").lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={value!r}: set it to 1 or 0")


def _port(environ: Mapping[str, str], name: str, default: int) -> int:
    value = _text(environ, name)
    if value is None:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SettingsError(f"{name}={value!r} is not a TCP port number")
    return int(value)


def _webhook_url(environ: Mapping[str, str]) -> str | None:
    url = _text(environ, "PDX_ALERT_WEBHOOK_URL")
    if url is None:
        return None
    # The URL carries a token: errors name the problem, never the value.
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise SettingsError("PDX_ALERT_WEBHOOK_URL contains a space or a control character: "
                            "percent-encode it (a space is %20)")
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise SettingsError(f"PDX_ALERT_WEBHOOK_URL must be http(s)://host/..., got scheme {parsed.scheme!r}")
    return url


def _alert_settings(environ: Mapping[str, str]) -> AlertSettings:
    host = _text(environ, "PDX_SMTP_HOST")
    recipients = tuple(r.strip() for r in (_text(environ, "PDX_ALERT_TO") or "").split(",") if r.strip())
    sender = _text(environ, "PDX_ALERT_FROM")
    user, password = _text(environ, "PDX_SMTP_USER"), _text(environ, "PDX_SMTP_PASSWORD")
    starttls, insecure = _flag(environ, "PDX_SMTP_STARTTLS"), _flag(environ, "PDX_SMTP_INSECURE")
    if host is None:
        stray = [n for n in ("PDX_ALERT_TO", "PDX_ALERT_FROM", "PDX_SMTP_USER", "PDX_SMTP_PASSWORD")
                 if _text(environ, n)]
        if stray:
            raise SettingsError(f"{', '.join(stray)} set but PDX_SMTP_HOST is not: set it to send e-mail, "
                                "or unset the others")
    else:
        if not recipients:
            raise SettingsError("PDX_SMTP_HOST is set: set PDX_ALERT_TO to the comma-separated recipients")
        if sender is None:
            raise SettingsError("PDX_SMTP_HOST is set: set PDX_ALERT_FROM to the sender address")
        if (user is None) != (password is None):
            missing = "PDX_SMTP_PASSWORD" if password is None else "PDX_SMTP_USER"
            raise SettingsError(f"SMTP login needs both PDX_SMTP_USER and PDX_SMTP_PASSWORD: set {missing}")
        if password is not None and not starttls and not insecure:
            raise SettingsError("PDX_SMTP_PASSWORD is set but PDX_SMTP_STARTTLS is not: set PDX_SMTP_STARTTLS=1 "
                                "(or PDX_SMTP_INSECURE=1 to send the password unencrypted)")
    return AlertSettings(
        webhook_url=_webhook_url(environ),
        smtp_host=host,
        smtp_port=_port(environ, "PDX_SMTP_PORT", 25),
        sender=sender,
        recipients=recipients,
        smtp_user=user,
        smtp_password=password,
        smtp_starttls=starttls,
        max_listed=_positive_int(environ, "PDX_ALERT_MAX_LISTED", DEFAULT_ALERT_MAX_LISTED),
    )


def _memory_size(environ: Mapping[str, str], name: str, default: str) -> str:
    value = _text(environ, name)
    if value is None:
        return default
    if not _MEMORY_SIZE.match(value) or float(re.split(r"\s*[A-Za-z]", value)[0]) <= 0:
        raise SettingsError(f"{name}={value!r} is not a memory size: give e.g. 700MB or 2GB")
    return value.replace(" ", "")


def default_extract_workers() -> int:
    """One extraction worker per core: extraction is CPU bound and reports are independent."""
    return os.cpu_count() or 1


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from `environ` (the process environment by default); reads, never writes."""
    environ = os.environ if environ is None else environ
    return Settings(
        sources_dir=_path(environ, "PDX_SOURCES_DIR", PROJECT_ROOT / "sources"),
        warehouse_path=_path(environ, "PDX_WAREHOUSE", PROJECT_ROOT / "warehouse" / "warehouse.duckdb"),
        max_file_bytes=_positive_int(environ, "PDX_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        parse_seconds=_positive_number(environ, "PDX_PARSE_SECONDS", DEFAULT_PARSE_SECONDS),
        max_text_chars=_positive_int(environ, "PDX_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS),
        log_level=(_text(environ, "PDX_LOG_LEVEL") or "WARNING").upper(),
        freshness_days=_positive_int(environ, "PDX_FRESHNESS_DAYS", DEFAULT_FRESHNESS_DAYS),
        max_shrink_share=_share(environ, "PDX_MAX_SHRINK_SHARE", DEFAULT_MAX_SHRINK_SHARE),
        allow_shrink=_flag(environ, "PDX_ALLOW_SHRINK"),
        alerts=_alert_settings(environ),
        extract_workers=_positive_int(environ, "PDX_EXTRACT_WORKERS", default_extract_workers()),
        full_refresh=_flag(environ, "PDX_FULL_REFRESH"),
        timings_file=_optional_path(environ, "PDX_TIMINGS_FILE"),
        figure_store=_optional_path(environ, "PDX_FIGURE_STORE"),
        batch_files=_positive_int(environ, "PDX_BATCH_FILES", DEFAULT_BATCH_FILES),
        batch_executor=_batch_executor(environ),
        duckdb_memory_limit=_memory_size(environ, "PDX_DUCKDB_MEMORY_LIMIT", DEFAULT_DUCKDB_MEMORY_LIMIT),
    )


def _batch_executor(environ: Mapping[str, str]) -> str:
    value = (_text(environ, "PDX_BATCH_EXECUTOR") or "multiprocess").lower()
    if value not in BATCH_EXECUTORS:
        raise SettingsError(f"PDX_BATCH_EXECUTOR={value!r} is not one of {', '.join(BATCH_EXECUTORS)}")
    return value
