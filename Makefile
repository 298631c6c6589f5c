# vergoedingcheck — `make` lists the targets.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test check bench letters-preview snapshot-update examples clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP) ## open the coordinator app on the demo database (seeded on first use)
	$(BIN)/vergoedingcheck app --demo-if-empty

test: $(STAMP) ## run the whole test suite (rules, engine, properties, io, store, letters, tui)
	$(BIN)/python -m pytest

examples: $(STAMP) ## run ../shared/examples and rules/cases through the shared check-examples tool
	$(BIN)/python -m pytest -q tests/engine/test_shared_examples.py
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python ../shared/tools/check-examples rules/cases

check: $(STAMP) ## ruff + mypy + tests
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP) ## benchmarks: ratios against a floor measured in the same run
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_letters.py

letters-preview: $(STAMP) ## render every letter of the demo data into build/letters-preview/
	$(BIN)/python -m vergoedingcheck.letters.preview build/letters-preview

snapshot-update: $(STAMP) ## re-record the TUI snapshots (look at the report first)
	$(BIN)/python -m pytest tests/tui --snapshot-update

clean: ## remove the virtual environment and build output
	rm -rf $(VENV) build dist
