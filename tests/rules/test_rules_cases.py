"""Every scenario case in rules/cases, one test per file, run in-process through the engine.

This is what makes `make test` guard the rules: a change to rules/ (or to the engine) that makes
any scenario case fail cannot pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from vergoedingcheck.maintainer.scenarios import case_files, read_scenario, run_scenario
from vergoedingcheck.rules import Ruleset

CASES = case_files(Path(__file__).resolve().parents[2] / "rules" / "cases")


def test_there_are_scenario_cases() -> None:
    assert CASES, "rules/cases holds no scenario cases"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_scenario_case(path: Path, ruleset: Ruleset) -> None:
    scenario = read_scenario(path)
    outcome = run_scenario(scenario, ruleset)
    assert outcome.passed, f"{path.name}: {scenario.name}\n" + "\n".join(outcome.failures)
