# Quickstart: `make run` builds the warehouse from sources/, `make test` runs the tests.
# Every target creates .venv from uv.lock first (uv is bootstrapped with pip if missing).
# Settings: PDX_* variables (see .env.example); a .env file here is read, the environment wins.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

# .env: its non-empty PDX_* values, unless the environment or the command line sets them.
ifneq (,$(wildcard .env))
DOTENV_VARS := $(shell sed -n 's/^\(PDX_[A-Z_]*\)=..*/\1/p' .env)
$(foreach v,$(DOTENV_VARS),$(if $(filter environment command line,$(origin $(v))),,$(eval export $(v) := $(shell sed -n 's/^$(v)=//p' .env))))
endif

.DEFAULT_GOAL := help
.PHONY: help env run summary test test-unit eval bench dev dev-warehouse extract-batches docs clients clean

help: ## this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

env: $(VENV)/.installed ## create .venv from uv.lock

$(VENV)/.installed: uv.lock pyproject.toml
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| { echo "uv not found: installing it with pip"; python3 -m pip install --quiet "uv==0.13.9"; }
	$(UV) sync --frozen
	@touch $@

run: env ## build the warehouse from the sources, publish it through the gate, print a summary
	@$(PY) -m dagster_project.cli build

# PDX_BATCH_EXECUTOR=multiprocess|celery|k8s, PDX_BATCH_FILES=200; `make run` then loads the figures
extract-batches: env ## extract the sources in batches, in parallel, into the figure store (Dagster job extract_batches)
	@$(PY) -m dagster_project.cli extract-batches

summary: env ## summary of the latest run (make summary RUN=<id> for another)
	@$(PY) -m dagster_project.cli summary $(if $(RUN),--run $(RUN))

test: env ## every test: unit and end to end
	$(PY) -m pytest

test-unit: env ## the fast tests only
	$(PY) -m pytest tests/unit

# Score extraction with the strict rule on every evaluation set (SET=devset for one;
# GOLD=key.jsonl PDX_SOURCES_DIR=reports/ for your own)
eval: env ## score extraction on the evaluation sets
	$(PY) -m dagster_project.evaluation

# BENCH_SIZES=100,1000,10000; writes warehouse/bench/bench.csv and bench.svg
bench: env ## time the whole pipeline on generated corpora and print a table
	$(PY) -m tools.bench.run

# The instance settings are .dagster_home/dagster.yaml (copied to another DAGSTER_HOME that has none).
dev: env ## the Dagster UI on http://127.0.0.1:3000 (builds only if the sources changed since the last publish)
	@DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home}; mkdir -p $$DAGSTER_HOME; \
		[ -e $$DAGSTER_HOME/dagster.yaml ] || cp .dagster_home/dagster.yaml $$DAGSTER_HOME/; \
		DAGSTER_HOME=$$DAGSTER_HOME $(VENV)/bin/dagster dev -w workspace.yaml

dev-warehouse: env ## copy the published warehouse to warehouse/dev.duckdb, the file dbt run by hand writes
	@$(PY) -m dagster_project.cli dev-warehouse

PORT ?= 8080
docs: env ## serve the dbt docs of the published warehouse (warehouse/docs/); PORT=8080
	$(PY) -m dagster_project.dbt_docs serve --port $(PORT)

clients: env ## the BI client environments the tests read the published file with (tests/clients/*/uv.lock)
	$(PY) -m tests.clients.envs

clean: ## remove .venv, dbt's artifacts and the warehouse files
	rm -rf $(VENV) tests/clients/*/.venv dbt/target dbt/logs warehouse/*.duckdb warehouse/*.wal \
		warehouse/.building warehouse/.dbt
