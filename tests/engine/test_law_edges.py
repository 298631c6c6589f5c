"""Edges of the law that the mutation run (`make mutants`) found untested: each test is derived
from the rule it names, with the arithmetic next to it, and fails on the mutated engine."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Final

from vergoedingcheck.engine.evaluate import evaluate
from vergoedingcheck.engine.result import CheckResult, YearResult
from vergoedingcheck.model import Benefit, Payer, Payment, Resident
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[2]

D = Decimal
VV: Final = "vrijwilligersvergoeding"


def _year(result: CheckResult, rid: str, year: int) -> YearResult:
    rr = result.resident(rid)
    assert rr is not None
    y = rr.year(year)
    assert y is not None
    return y


def test_over_the_year_cap_the_taxable_amount_holds_the_allowances_and_the_wages(ruleset: Ruleset) -> None:
    # 2026, Wet LB 1964 art. 2 lid 6: year cap € 2.200. Allowances of 11 x € 200 = € 2.200 plus
    # € 150 in December = € 2.350 > € 2.200 -> the whole € 2.350 is taxable. Wages of € 100
    # from a commercial payer are taxable anyway: taxable = 2.350 + 100 = € 2.450.
    r = Resident("R1", date(1980, 1, 1))
    pays = [Payment("R1", date(2026, m, 10), D("200.00"), VV, payer="Buurthuis") for m in range(1, 12)]
    pays.append(Payment("R1", date(2026, 12, 10), D("150.00"), VV, payer="Buurthuis"))
    pays.append(Payment("R1", date(2026, 6, 20), D("100.00"), VV, payer="Garage BV"))
    payers = [Payer("Buurthuis", "anbi"), Payer("Garage BV", "commercial")]
    y = _year(evaluate([r], pays, ruleset, years=[2026], payers=payers), "R1", 2026)
    assert y.status == "unsafe"
    assert y.tax.taxable == D("2450.00")


def test_gifts_exactly_at_the_household_limit_are_within_it(ruleset: Ruleset) -> None:
    # 2026, art. 31 lid 2 onder m Pw: gifts up to € 1.200 a year per household are disregarded.
    # € 700 + € 500 = € 1.200 = the limit: within it, the finding says so ("ok", not "fail").
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("bijstand"),))
    pays = [
        Payment("R1", date(2026, 2, 1), D("700.00"), "gift"),
        Payment("R1", date(2026, 9, 1), D("500.00"), "gift"),
    ]
    y = _year(evaluate([r], pays, ruleset, years=[2026]), "R1", 2026)
    gift = [f for f in y.findings if f.rule == "pw.gift.year_limit"]
    assert [(f.outcome, f.explanation) for f in gift] == [("ok", "gifts.within_limit")]
    assert y.status == "safe"


def test_payer_assumed_counts_the_payments_without_a_payer(ruleset: Ruleset) -> None:
    # spec §3 Payers: an unlisted payer is assumed to qualify, said once per year with what is
    # unknown: here one payment names no payer at all (and one names an unlisted "Buurthuis").
    r = Resident("R1", date(1980, 1, 1))
    pays = [
        Payment("R1", date(2026, 3, 1), D("50.00"), VV),
        Payment("R1", date(2026, 4, 1), D("50.00"), VV, payer="Buurthuis"),
    ]
    y = _year(evaluate([r], pays, ruleset, years=[2026]), "R1", 2026)
    (assumed,) = [f for f in y.findings if f.explanation == "payer.assumed"]
    assert dict(assumed.params) == {"payers": "Buurthuis", "without_payer": "1"}


def test_the_gift_excess_counts_on_the_first_member_with_a_bijstand_benefit_not_on_a_ww_member(
    ruleset: Ruleset,
) -> None:
    # spec §3 (gifts.counted_on): the household's excess counts once, on the first member in file
    # order whose bijstand-family benefit runs in the year. Member 1 has WW (not bijstand), member 2
    # bijstand: 2026 gifts € 1.500 - € 1.200 = € 300 excess, counted on member 2.
    m1 = Resident("M1", date(1980, 1, 1), household="H", benefits=(Benefit("ww", uwv_permission=True),))
    m2 = Resident("M2", date(1982, 1, 1), household="H", benefits=(Benefit("bijstand"),))
    pays = [Payment("M1", date(2026, 5, 1), D("1500.00"), "gift")]
    result = evaluate([m1, m2], pays, ruleset, years=[2026])
    y2 = _year(result, "M2", 2026)
    assert y2.gifts.counted_on == "M2"
    assert y2.status == "unsafe"  # € 300 counts as income on M2's bijstand


def test_only_the_ww_benefit_running_on_the_payment_day_decides_the_permission(ruleset: Ruleset) -> None:
    # WW (spec §3): UWV's permission belongs to the benefit running when the work is done. WW-A
    # (January-March 2026, permission given) runs on 10 February; WW-B (from September, permission
    # not recorded) does not. € 100 on 10 February, within € 220 / € 2.200: safe for WW.
    r = Resident(
        "R1",
        date(1980, 1, 1),
        benefits=(
            Benefit("ww", date(2026, 1, 1), date(2026, 3, 31), uwv_permission=True),
            Benefit("ww", date(2026, 9, 1), None, uwv_permission=None),
        ),
    )
    pays = [Payment("R1", date(2026, 2, 10), D("100.00"), VV, payer="Buurthuis")]
    y = _year(evaluate([r], pays, ruleset, years=[2026], payers=[Payer("Buurthuis", "anbi")]), "R1", 2026)
    ww = [b for b in y.benefits if b.type == "ww"]
    assert [b.status for b in ww] == ["safe"]
    assert "ww.permission_given" in [f.explanation for f in y.findings]


def test_uwv_2018_an_allowance_without_hours_is_not_tested_per_hour(ruleset: Ruleset) -> None:
    # ZW/WIA/WAO/Wajong 2017-2018 (UWV's hourly condition, € 4,50 an hour): it applies to
    # allowances paid per hour. € 100 in March 2018 without hours, within € 150 / € 1.500: safe.
    r = Resident("R1", date(1970, 1, 1), benefits=(Benefit("wia"),))
    pays = [Payment("R1", date(2018, 3, 10), D("100.00"), VV, payer="Buurthuis")]
    y = _year(evaluate([r], pays, ruleset, years=[2018], payers=[Payer("Buurthuis", "anbi")]), "R1", 2018)
    assert [b.status for b in y.benefits if b.type == "wia"] == ["safe"]


def test_a_figure_missing_before_the_rules_begin_cites_the_first_article_version(ruleset: Ruleset) -> None:
    # A 2016 payment: no figure covers 2016 (the rules begin on 1 January 2017), so the year is
    # unknown, and the finding cites the article that holds the first value: Wet LB 1964 art. 2
    # lid 6 as in force on 1 January 2017.
    r = Resident("R1", date(1980, 1, 1))
    pays = [Payment("R1", date(2016, 6, 1), D("50.00"), VV)]
    y = _year(evaluate([r], pays, ruleset, years=[2016]), "R1", 2016)
    assert y.status == "unknown"
    urls = {
        f.legal_basis.url
        for f in y.findings
        if f.rule == "tax.volunteer.month_cap" and f.outcome == "unknown" and f.legal_basis
    }
    assert urls == {"https://wetten.overheid.nl/BWBR0002471/2017-01-01"}


def test_no_provisional_view_when_something_else_than_a_pending_figure_is_missing(
    ruleset: Ruleset,
    tmp_path: Path,
) -> None:
    # spec §2 `provisional`: only for a year that is unknown *only* because figures are announced
    # and not confirmed. Here the toeslagen income test also ends on 1 January 2027 (an explicit
    # end, not pending): no set of figures makes the year known, so there is no provisional view.
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    f = rules / "nl" / "toeslagen.income_test.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "  2027-01-01: null\n", encoding="utf-8")
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("toeslagen"),))
    pays = [Payment("R1", date(2027, 3, 1), D("50.00"), VV)]
    y = _year(evaluate([r], pays, load_ruleset(rules), years=[2027]), "R1", 2027)
    reasons = {dict(f.params).get("reason_code") for f in y.findings if f.outcome == "unknown"}
    assert y.status == "unknown" and reasons == {"pending", "ended"}
    assert y.provisional is None
    # without that end, the same year has its provisional view (2027 assumed as 2026: safe)
    y0 = _year(evaluate([r], pays, ruleset, years=[2027]), "R1", 2027)
    assert y0.provisional is not None and y0.provisional.status == "safe"


def test_month_cap_findings_only_for_months_with_allowances(ruleset: Ruleset) -> None:
    # spec §2 (findings): a month-cap finding per month in which an allowance was paid. € 100 in
    # March 2026 only: one tax month-cap finding, for 2026-03 (100.00 <= 220.00: ok).
    r = Resident("R1", date(1980, 1, 1))
    pays = [Payment("R1", date(2026, 3, 5), D("100.00"), VV, payer="Buurthuis")]
    y = _year(evaluate([r], pays, ruleset, years=[2026], payers=[Payer("Buurthuis", "anbi")]), "R1", 2026)
    months = [(f.period, f.outcome) for f in y.findings if f.rule == "tax.volunteer.month_cap"]
    assert months == [("2026-03", "ok")]
