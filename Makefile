# vergoedingcheck — `make` lists the targets.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# Coverage gate on the headless core (engine, rules, money, model): branch coverage, 90 % (make test).
COV     := --cov=vergoedingcheck.engine --cov=vergoedingcheck.rules --cov=vergoedingcheck.money \
           --cov=vergoedingcheck.model --cov-branch --cov-report=term:skip-covered --cov-fail-under=90

.DEFAULT_GOAL := help
.PHONY: fuzz mutants help run test lint lock check bench letters-preview snapshot-update examples golden clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

LOCK    := requirements-dev.lock

# Installs exactly the locked versions (with hashes), so a new Textual release cannot change the
# snapshots overnight; `make lock` re-resolves after a change to the dependencies in pyproject.toml
# (until then a new dependency is installed unpinned by the second step, never silently missing).
$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet -e '.[dev]'  # the project; anything not yet in the lock comes too
	@touch $(STAMP)

lock: ## re-resolve requirements-dev.lock (uv, hashes) from pyproject.toml
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --index-url https://pypi.org/simple -o $(LOCK) -q

run: $(STAMP) ## open the coordinator app on the demo's own database (seeded on first use; never your real one)
	$(BIN)/vergoedingcheck app --demo

test: lint ## what CI runs (.ci/run): lint, then the whole suite with the coverage gate
	$(BIN)/python -m pytest $(COV)

# Test folders for mypy, one run each (see [tool.mypy] in pyproject.toml): tests/*.py, then every
# tests/<dir>/ holding Python files (a new folder is picked up by itself).
MYPY_TESTS := $(sort $(dir $(wildcard tests/*/*.py)))

lint: $(STAMP) ## ruff (lint + format check), mypy strict (src, bench and tests), import-linter contracts
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/mypy bench
	$(BIN)/mypy $(wildcard tests/*.py)
	@set -e; for d in $(MYPY_TESTS); do echo "$(BIN)/mypy $$d"; $(BIN)/mypy $$d; done
	$(BIN)/lint-imports --no-cache

examples: $(STAMP) ## run ../shared/examples and rules/cases through the shared check-examples tool
	$(BIN)/python -m pytest -q tests/engine/test_shared_examples.py
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python ../shared/tools/check-examples rules/cases

check: test ## the same checks as CI: lint + tests + coverage gate

fuzz: $(STAMP) ## the long fuzz run: tests/fuzz with thousands of examples each (FUZZ_ARGS="-k xlsx" for one)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz $(FUZZ_ARGS)

mutants: $(STAMP) ## mutation run over the engine and money (slow; MUTANTS_ARGS="--limit 0" for all)
	$(BIN)/python tools/mutants.py $(MUTANTS_ARGS)

bench: $(STAMP) ## benchmarks: ratios against a floor measured in the same run
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_app.py  # BENCH_SIZES=40,2000 make bench: smaller caseloads (check and app)
	$(BIN)/python bench/bench_letters.py
	$(BIN)/python bench/bench_store.py --residents 4000 --payments 25 --no-pg  # 100,000 payments; --pg URL for PostgreSQL

letters-preview: $(STAMP) ## render every letter of the demo data into build/letters-preview/
	$(BIN)/python -m vergoedingcheck.services.letters_preview build/letters-preview

golden: $(STAMP) ## re-record tests/golden/buurt.json (the contract's golden check result; read the diff first)
	$(BIN)/vergoedingcheck check examples/buurt.yaml --format json --indent --as-of 2026-12-01 > tests/golden/buurt.json; test $$? -le 1

snapshot-update: $(STAMP) ## re-record the TUI snapshots (look at the report first)
	$(BIN)/python -m pytest tests/tui --snapshot-update

clean: ## remove the virtual environment and build output
	rm -rf $(VENV) build dist
