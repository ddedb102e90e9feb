"""The BI client environments: each folder here is a tiny uv project with its own lock.

`ensure_client(name)` creates or refreshes `<name>/.venv` from `<name>/uv.lock`
with `uv sync --frozen` (a no-op in well under a second when it is up to date);
the registry is needed only the first time. `python -m tests.clients.envs`
(`make clients`) creates them all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CLIENTS_DIR = Path(__file__).resolve().parent
CLIENTS = ("duckdb14", "duckdb2")
READER = CLIENTS_DIR / "read_published.py"


class ClientEnvError(RuntimeError):
    pass


def uv_command() -> list[str]:
    found = shutil.which("uv")
    # The Makefile installs uv with pip when it is not on PATH.
    return [found] if found else ["python3", "-m", "uv"]


def client_dir(name: str) -> Path:
    if name not in CLIENTS:
        raise ValueError(f"unknown client {name!r}; known: {', '.join(CLIENTS)}")
    return CLIENTS_DIR / name


def ensure_client(name: str) -> Path:
    """The client's Python, its environment synced with its lock."""
    project = client_dir(name)
    venv = project / ".venv"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv)}
    command = [*uv_command(), "sync", "--frozen", "--quiet", "--project", str(project)]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    except FileNotFoundError as error:
        raise ClientEnvError(f"cannot create the {name} client environment: {error}; install uv "
                             "(`python3 -m pip install uv`) and run `make clients`") from None
    if result.returncode != 0:
        raise ClientEnvError(
            f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()[-1500:]}\n"
            f"Could not create the {name} client environment in {venv} from {project / 'uv.lock'}; "
            "the package registry must be reachable once, then run `make clients` again."
        )
    return venv / "bin" / "python"


def client_executable(name: str, executable: str) -> Path:
    """A program installed in the client's environment (e.g. the DuckDB CLI)."""
    return client_dir(name) / ".venv" / "bin" / executable


def main() -> int:
    for name in CLIENTS:
        python = ensure_client(name)
        print(f"{name}: {python}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
