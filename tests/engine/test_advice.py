"""The advice behind the letters' proposals: only unpaid money changes, and what is proposed
makes the year safe (checked by running the engine on the changed payments)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.advice import advise
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

R = Resident("R1", date(1980, 5, 14), "Test", "Utrecht", None, (Benefit("bijstand"),))


def _monthly(amount: str, months: range, planned_from: int = 13) -> list[Payment]:
    return [Payment("R1", date(2026, m, 15), Decimal(amount), "vrijwilligersvergoeding",
                    planned=m >= planned_from) for m in months]


def test_year_cap_lowers_the_last_planned_payment(ruleset: Ruleset) -> None:
    # 2026: 10 x EUR 220 = EUR 2,200 is exactly the yearly cap, so an 11th payment in November
    # must be EUR 0: it is not made.
    pays = _monthly("220.00", range(1, 12), planned_from=11)
    a = advise([R], pays, ruleset, "R1", 2026, date(2026, 10, 20))
    assert a.kind == "lower_planned" and a.status_after == "safe"
    assert [(c.payment.date, c.new_amount) for c in a.changes] == [(date(2026, 11, 15), Decimal("0.00"))]


def test_month_cap_lowers_to_the_cap(ruleset: Ruleset) -> None:
    pays = [*_monthly("100.00", range(1, 3)),
            Payment("R1", date(2026, 3, 10), Decimal("300.00"), "vrijwilligersvergoeding", planned=True)]
    a = advise([R], pays, ruleset, "R1", 2026, date(2026, 3, 1))
    assert [(c.payment.date, c.new_amount) for c in a.changes] == [(date(2026, 3, 10), Decimal("220.00"))]


def test_paid_money_over_the_cap_cannot_be_repaired(ruleset: Ruleset) -> None:
    pays = [Payment("R1", date(2026, 2, 10), Decimal("230.00"), "vrijwilligersvergoeding"),
            *_monthly("50.00", range(4, 7), planned_from=4)]
    a = advise([R], pays, ruleset, "R1", 2026, date(2026, 3, 1))
    assert a.kind == "already_over" and a.changes == ()


def test_safe_and_unknown_years_get_no_lower_amounts(ruleset: Ruleset) -> None:
    assert advise([R], _monthly("100.00", range(1, 4)), ruleset, "R1", 2026, date(2026, 1, 1)).kind == "none_needed"
    ww = replace(R, benefits=(Benefit("ww"),))  # permission not known: unknown, a fact is missing
    assert advise([ww], _monthly("100.00", range(1, 4)), ruleset, "R1", 2026, date(2026, 1, 1)).kind == "none_needed"


@st.composite
def plans(draw: Any) -> tuple[Resident, list[Payment], date]:
    benefits = draw(st.sampled_from([(), (Benefit("bijstand"),), (Benefit("wajong"),), (Benefit("toeslagen"),)]))
    birth = date(draw(st.integers(1950, 2003)), draw(st.integers(1, 12)), 1)
    r = Resident("R1", birth, None, None, None, benefits)
    today = date(2025, draw(st.integers(1, 12)), 1)
    pays = []
    for _ in range(draw(st.integers(1, 12))):
        day = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
        amount = draw(st.decimals(min_value=Decimal("1.00"), max_value=Decimal("400.00"), places=2))
        pays.append(Payment("R1", day, amount, "vrijwilligersvergoeding"))
    return r, pays, today


@given(plans())
def test_following_the_advice_makes_the_year_safe(ruleset: Ruleset, plan: Any) -> None:
    r, pays, today = plan
    a = advise([r], pays, ruleset, "R1", 2025, today)
    for c in a.changes:
        assert c.payment.date >= today  # paid money is never changed
        assert Decimal("0") <= c.new_amount < c.payment.amount
    if a.kind != "lower_planned":
        return
    changed = {id(c.payment): c.new_amount for c in a.changes}
    after = [replace(p, amount=changed[id(p)]) if id(p) in changed else p for p in pays]
    after = [p for p in after if p.amount > 0]
    y = evaluate([r], after, ruleset, years=[2025]).resident("R1")
    assert y is not None and y.year(2025) is not None and y.year(2025).status == "safe"  # type: ignore[union-attr]
