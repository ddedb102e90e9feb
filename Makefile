# Quickstart: `make run` builds the warehouse from sources/, `make test` runs the tests.
# Both create .venv from uv.lock first (uv is bootstrapped with pip if missing).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: env run test test-unit summary eval bench dev docs clients clean

env: $(VENV)/.installed

$(VENV)/.installed: uv.lock pyproject.toml
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| { echo "uv not found: installing it with pip"; python3 -m pip install --quiet "uv==0.13.9"; }
	$(UV) sync --frozen
	@touch $@

run: env
	$(PY) -m dagster_project.cli build

summary: env
	$(PY) -m dagster_project.cli summary

# Score extraction with the strict rule on every evaluation set (SET=devset for one;
# GOLD=key.jsonl PDX_SOURCES_DIR=reports/ for your own)
eval: env
	$(PY) -m dagster_project.evaluation

# Time the whole pipeline on generated corpora (BENCH_SIZES=100,1000,10000), print a table,
# write warehouse/bench/bench.csv and bench.svg
bench: env
	$(PY) -m tools.bench.run

test: env
	$(PY) -m pytest

test-unit: env
	$(PY) -m pytest tests/unit

# The dbt docs of the published warehouse (warehouse/docs/index.html) on http://127.0.0.1:$(PORT)
PORT ?= 8080
docs: env
	$(PY) -m dagster_project.dbt_docs serve --port $(PORT)

# The BI client environments the tests read the published file with (tests/clients/*/uv.lock)
clients: env
	$(PY) -m tests.clients.envs

dev: env
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home}; mkdir -p $$DAGSTER_HOME; \
		DAGSTER_HOME=$$DAGSTER_HOME $(VENV)/bin/dagster dev -w workspace.yaml

clean:
	rm -rf $(VENV) tests/clients/*/.venv dbt/target dbt/logs warehouse/*.duckdb warehouse/*.wal
