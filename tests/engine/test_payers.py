"""`evaluate(..., payers=)` (spec §3 Payers, Tax) at the API level; the scenario cases in
rules/cases/payers-* and tax-2025-hourly-norm-* hold the worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.evaluate import evaluate
from vergoedingcheck.engine.result import CheckResult, YearResult
from vergoedingcheck.model import Benefit, Payer, Payment, Resident
from vergoedingcheck.rules import Ruleset

D = Decimal


def _year(result: CheckResult, year: int = 2025) -> YearResult:
    y = result.residents[0].year(year)
    assert y is not None
    return y


def test_no_payers_argument_means_nothing_listed(ruleset: Ruleset) -> None:
    r = Resident("R1", date(1980, 1, 1))
    pays = [
        Payment("R1", date(2025, 3, 1), D("50.00"), "vrijwilligersvergoeding", payer="Buurthuis"),
        Payment("R1", date(2025, 4, 1), D("50.00"), "vrijwilligersvergoeding", payer="Buurthuis"),
    ]
    y = _year(evaluate([r], pays, ruleset))
    # 100.00 within 210.00 / 2100.00: safe; one "assumed" finding for the year, not one per payment
    assert y.status == "safe"
    assert [f.explanation for f in y.findings].count("payer.assumed") == 1


def test_commercial_payer_through_evaluate_keyword(ruleset: Ruleset) -> None:
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("bijstand"),))
    pays = [Payment("R1", date(2025, 3, 1), D("50.00"), "vrijwilligersvergoeding", payer="Shop BV")]
    y = _year(evaluate([r], pays, ruleset, payers=[Payer("Shop BV", "commercial")]))
    # pay, not an allowance: taxed as wages (50.00) and countable in full for bijstand (50.00)
    assert y.status == "unsafe"
    assert y.tax.taxable == D("50.00")
    assert y.benefits[0].countable == D("50.00")
    f = next(f for f in y.findings if f.explanation == "payer.commercial_is_wages")
    assert f.legal_basis is not None and "2 lid 6" in f.legal_basis.article


def test_hourly_allowance_without_birth_date_is_unknown_for_tax(ruleset: Ruleset) -> None:
    # the norm depends on the age (5.60 at 21+, 3.30 under 21 in 2025): 4.00/h cannot be judged
    r = Resident("R1", None)
    pays = [Payment("R1", date(2025, 3, 1), D("40.00"), "vrijwilligersvergoeding", hours=D(10))]
    y = _year(evaluate([r], pays, ruleset))
    assert y.tax.status == "unknown" and y.tax.taxable is None
    assert any(f.missing == "birth_date" and f.outcome == "unknown" for f in y.findings)
