"""Branches of the law that only a rule option or a municipality's policy switches on, so that the
default rules never ran them (issue 13 item 3: the coverage gate on engine/): the municipal
'excess' policy on a year over the bijstand cap, and UWV without proven costs towards the caps.
Each rules folder is a copy of rules/ with the one figure changed; the arithmetic is in a comment."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Final

from vergoedingcheck.engine.evaluate import evaluate
from vergoedingcheck.engine.result import BenefitResult, CheckResult
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[2]
D = Decimal
VV: Final = "vrijwilligersvergoeding"


def _rules_with(tmp_path: Path, figure: str, old: str, new: str) -> Ruleset:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    f = rules / "nl" / f"{figure}.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new), encoding="utf-8")
    return load_ruleset(rules)


def _benefit(result: CheckResult, btype: str) -> BenefitResult:
    rr = result.resident("R1")
    assert rr is not None
    y = rr.year(2026)
    assert y is not None
    return next(b for b in y.benefits if b.type == btype)


def test_a_municipality_that_counts_only_the_excess(ruleset: Ruleset, tmp_path: Path) -> None:
    # Participatiewet art. 31 lid 2 onder k, 2026: € 220 a month, € 2.200 a year. 12 x € 200 =
    # € 2.400: no month over its cap, the year € 200 over. Default ('whole'): the whole € 2.400
    # counts as income. Policy 'excess' (policy.year_breach): only 2.400 - 2.200 = € 200.
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("bijstand"),))
    pays = [Payment("R1", date(2026, m, 10), D("200.00"), VV) for m in range(1, 13)]
    whole = _benefit(evaluate([r], pays, ruleset, years=[2026]), "bijstand")
    assert (whole.status, whole.countable) == ("unsafe", D("2400.00"))
    excess_rules = _rules_with(tmp_path, "policy.year_breach", "    value: whole", "    value: excess")
    result = evaluate([r], pays, excess_rules, years=[2026])
    excess = _benefit(result, "bijstand")
    assert (excess.status, excess.countable) == ("unsafe", D("200.00"))
    rr = result.resident("R1")
    assert rr is not None and (y := rr.year(2026)) is not None
    assert "pw.year_breach_excess_only" in {f.explanation for f in y.findings}


def test_uwv_without_proven_costs_towards_the_caps(ruleset: Ruleset, tmp_path: Path) -> None:
    # UWV (WIA) uses the tax caps, 2026: € 220 a month. March: allowance € 200 plus proven costs
    # € 50 (receipts). Costs count towards the cap (the default, uwv.volunteer.costs_count_for_cap
    # true): 200 + 50 = € 250 > € 220, so the allowance of € 200 is offset (never the costs).
    # Without (false): € 200 <= € 220, nothing is offset, safe.
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("wia"),))
    pays = [
        Payment("R1", date(2026, 3, 10), D("200.00"), VV),
        Payment("R1", date(2026, 3, 12), D("50.00"), "onkostenvergoeding", receipts=True),
    ]
    with_costs = _benefit(evaluate([r], pays, ruleset, years=[2026]), "wia")
    assert (with_costs.status, with_costs.countable) == ("unsafe", D("200.00"))
    rules = _rules_with(tmp_path, "uwv.volunteer.costs_count_for_cap", "    value: true", "    value: false")
    without = _benefit(evaluate([r], pays, rules, years=[2026]), "wia")
    assert (without.status, without.countable) == ("safe", D("0.00"))
