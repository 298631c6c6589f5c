"""Every finding the engine writes on every scenario case (rules/cases/) carries a `message` in
both languages, and every finding whose outcome is not `ok` carries a `legal_basis`, derived
findings included (spec/case-files.md §2, "Added fields")."""

from __future__ import annotations

from pathlib import Path

import pytest

from vergoedingcheck.engine.evaluate import start_evaluation
from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.maintainer.scenarios import case_files, read_scenario
from vergoedingcheck.rules import Ruleset

CASES = case_files(Path(__file__).resolve().parents[2] / "rules" / "cases")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_problem_finding_names_its_legal_basis(path: Path, ruleset: Ruleset) -> None:
    case = read_scenario(path).case
    ev = start_evaluation(case.residents, case.payments, ruleset, payers=case.payers)
    for rr in ev.results():
        for y in with_provisional(ev, rr).years:
            for lang in ("nl", "en"):
                for f in y.to_json(lang=lang)["findings"]:
                    assert f["message"] and f["message"] != f["explanation"], f
                    if f["outcome"] != "ok":
                        basis = f["legal_basis"]
                        assert basis, (
                            f"{path.name}: {rr.id}/{y.year} {f['rule']} ({f['outcome']}) has no legal basis"
                        )
                        assert basis["law"] and basis["article"] and basis["url"].startswith("https://"), f
