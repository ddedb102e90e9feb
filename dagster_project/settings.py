"""Where the sources and the warehouse live, for every entry point.

`PDX_SOURCES_DIR` and `PDX_WAREHOUSE` override the defaults (`sources/` and
`warehouse/warehouse.duckdb` under the project root). Paths are made absolute
once here and exported, so dbt (run as a subprocess from `dbt/`) and Dagster
agree on the same file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    sources_dir: Path
    warehouse_path: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES


def _resolve(value: str | None, default: Path) -> Path:
    return Path(value).expanduser().resolve() if value else default


def load_settings() -> Settings:
    settings = Settings(
        sources_dir=_resolve(os.environ.get("PDX_SOURCES_DIR"), PROJECT_ROOT / "sources"),
        warehouse_path=_resolve(
            os.environ.get("PDX_WAREHOUSE"), PROJECT_ROOT / "warehouse" / "warehouse.duckdb"
        ),
        max_file_bytes=int(os.environ.get("PDX_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
    )
    # dbt reads the same variables through env_var() in profiles.yml.
    os.environ["PDX_SOURCES_DIR"] = str(settings.sources_dir)
    os.environ["PDX_WAREHOUSE"] = str(settings.warehouse_path)
    return settings
