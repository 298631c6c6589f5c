"""Invariants of the engine, checked with hypothesis on generated caseloads.

These hold whatever the figures are: payment order and splitting do not matter, more money never
makes a year safer, the headroom is exact to the cent, and amounts stay within what was paid.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from vergoedingcheck.engine import evaluate
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

BENEFIT_SETS: list[tuple[Benefit, ...]] = [
    (),
    (Benefit("bijstand"),),
    (Benefit("aio"), Benefit("aow")),
    (Benefit("wajong"),),
    (Benefit("wia"), Benefit("toeslagen")),
    (Benefit("ww", uwv_permission=True, ww_hourly_wage=Decimal("14.20")),),
    (Benefit("toeslagen"),),
    (Benefit("ioaw", since=date(2019, 5, 1), until=date(2023, 8, 31)),),
    # benefits that start or end late in a month (the 29th-31st were once missed by the headroom)
    (Benefit("bijstand", since=date(2017, 3, 30)),),
    (Benefit("bijstand", since=date(2024, 5, 31)),),
    (Benefit("bijstand", until=date(2025, 1, 29)), Benefit("bijstand", since=date(2025, 8, 31))),
    (Benefit("ww", since=date(2023, 6, 30)),),
    (Benefit("wia", since=date(2021, 10, 31)),),
]

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("400.00"), places=2)
kinds = st.sampled_from(
    ["vrijwilligersvergoeding", "vrijwilligersvergoeding", "onkostenvergoeding", "gift", "loon"]
)


@st.composite
def payment_in(draw: Any, year: int, small: bool = False) -> Payment:
    day = date(year, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    kind = draw(st.sampled_from(["vrijwilligersvergoeding", "onkostenvergoeding"]) if small else kinds)
    receipts = kind == "onkostenvergoeding" and draw(st.booleans())
    amount = draw(
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal("150.00"), places=2) if small else amounts
    )
    return Payment("R1", day, amount, kind, receipts=receipts, in_kind=draw(st.booleans()))


@st.composite
def cases(
    draw: Any, years: tuple[int, ...] = (2017, 2019, 2021, 2023, 2024, 2025, 2026), small: bool = False
) -> tuple[Resident, list[Payment]]:
    """A resident and payments in one year. `small`: amounts and counts that usually stay within
    the caps, for properties about safe years."""
    year = draw(st.sampled_from(years))
    birth = date(
        draw(st.integers(1940, 2004 if not small else 1995)),
        draw(st.integers(1, 12)),
        draw(st.integers(1, 28)),
    )
    municipality = draw(st.sampled_from([None, "Goes", "Noordenveld", "Utrecht"]))
    resident = Resident("R1", birth, "Test", municipality, None, draw(st.sampled_from(BENEFIT_SETS)))
    payments = draw(
        st.lists(payment_in(year, small), min_size=1 if small else 0, max_size=6 if small else 14)
    )
    return resident, payments


def _core(result_json: dict[str, Any]) -> list[dict[str, Any]]:
    """The result without the findings list (compared separately where it matters)."""
    out = []
    for r in result_json["residents"]:
        for y in r["years"]:
            out.append({k: v for k, v in y.items() if k != "findings"})
    return out


def _finding_keys(result_json: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        (f["rule"], f["outcome"], f["period"], f["regime"])
        for r in result_json["residents"]
        for y in r["years"]
        for f in y["findings"]
    )


@given(cases(), st.randoms(use_true_random=False))
def test_payment_order_does_not_matter(ruleset: Ruleset, case: Any, rnd: random.Random) -> None:
    resident, payments = case
    shuffled = list(payments)
    rnd.shuffle(shuffled)
    a = evaluate([resident], payments, ruleset).to_json()
    b = evaluate([resident], shuffled, ruleset).to_json()
    assert _core(a) == _core(b)
    assert _finding_keys(a) == _finding_keys(b)


@given(cases(), st.data())
def test_splitting_a_payment_does_not_matter(ruleset: Ruleset, case: Any, data: st.DataObject) -> None:
    resident, payments = case
    assume(payments)
    i = data.draw(st.integers(0, len(payments) - 1))
    p = payments[i]
    assume(p.amount >= Decimal("0.02"))
    cut = data.draw(st.decimals(min_value=Decimal("0.01"), max_value=p.amount - Decimal("0.01"), places=2))
    split = [*payments[:i], replace(p, amount=cut), replace(p, amount=p.amount - cut), *payments[i + 1 :]]
    a = evaluate([resident], payments, ruleset).to_json()
    b = evaluate([resident], split, ruleset).to_json()
    assert _core(a) == _core(b)


@given(cases(), st.data())
def test_adding_a_payment_never_makes_a_year_safer(ruleset: Ruleset, case: Any, data: st.DataObject) -> None:
    resident, payments = case
    assume(payments)
    year = payments[0].date.year
    extra = data.draw(payment_in(year))
    before = evaluate([resident], payments, ruleset).resident("R1")
    after = evaluate([resident], [*payments, extra], ruleset).resident("R1")
    assert before is not None and after is not None
    for yb in before.years:
        ya = after.year(yb.year)
        assert ya is not None
        if yb.status == "unsafe":
            assert ya.status == "unsafe"
        if yb.status == "unknown":
            assert ya.status != "safe"  # unknown never becomes safe by paying more


def _amounts(y: Any) -> tuple[Decimal | None, ...]:
    """The amounts a payment must never raise: taxable and every benefit's countable."""
    return (y.tax.taxable, *[b.countable for b in y.benefits])


def _no_worse(before: Any, after: Any) -> bool:
    rank = {"safe": 0, "unknown": 1, "unsafe": 2}
    if rank[after.status] < rank[before.status] or (after.status != before.status):
        return False
    for a, b in zip(_amounts(before), _amounts(after), strict=True):
        if a is None or b is None:
            if b is None and a is not None:
                return False
        elif b > a:
            return False
    return True


@given(cases(small=True), st.integers(1, 12), st.integers(1, 31))
def test_paying_exactly_the_headroom_stays_safe_and_one_cent_more_does_not(
    ruleset: Ruleset, case: Any, month: int, day_of_month: int
) -> None:
    """On ANY day of the month (a benefit that starts on the 30th counts for that month)."""
    resident, payments = case
    assume(payments)
    year = payments[0].date.year
    result = evaluate([resident], payments, ruleset).resident("R1")
    assert result is not None
    y = result.year(year)
    assert y is not None
    assume(y.status == "safe")
    room = y.months[month - 1].headroom
    day = date(year, month, min(day_of_month, calendar.monthrange(year, month)[1]))
    if room > 0:
        exact = Payment("R1", day, room, "vrijwilligersvergoeding")
        after = evaluate([resident], [*payments, exact], ruleset).resident("R1")
        assert after is not None and after.year(year).status == "safe"  # type: ignore[union-attr]
    # one cent more is not safe on the day that binds; on other days of the month it may be
    # (a benefit that starts on the 30th does not bind on the 1st), so test the month's days
    overs = []
    for d in range(1, calendar.monthrange(year, month)[1] + 1):
        over = Payment("R1", date(year, month, d), room + Decimal("0.01"), "vrijwilligersvergoeding")
        after = evaluate([resident], [*payments, over], ruleset).resident("R1")
        assert after is not None
        overs.append(after.year(year).status)  # type: ignore[union-attr]
    assert any(s != "safe" for s in overs)


@given(
    cases(small=True),
    st.integers(1, 12),
    st.integers(1, 31),
    st.none()
    | st.tuples(
        st.integers(0, 364), st.decimals(min_value=Decimal("1"), max_value=Decimal("2500"), places=2)
    ),
)
def test_paying_the_headroom_never_makes_anything_worse(
    ruleset: Ruleset, case: Any, month: int, day_of_month: int, gift: Any
) -> None:
    """Whatever the year's status (a gift may put the household over its limit): paying a
    month's headroom on any day of that month changes no status and raises no taxable or
    countable amount (spec §3, Headroom)."""
    resident, payments = case
    assume(payments)
    year = payments[0].date.year
    if gift is not None:
        payments = [
            *payments,
            Payment("R1", date(year, 1, 1) + timedelta(days=min(gift[0], 363)), gift[1], "gift"),
        ]
    result = evaluate([resident], payments, ruleset).resident("R1")
    assert result is not None
    y = result.year(year)
    assert y is not None
    room = y.months[month - 1].headroom
    assume(room > 0)
    day = date(year, month, min(day_of_month, calendar.monthrange(year, month)[1]))
    after = evaluate(
        [resident], [*payments, Payment("R1", day, room, "vrijwilligersvergoeding")], ruleset
    ).resident("R1")
    assert after is not None
    ya = after.year(year)
    assert ya is not None
    assert _no_worse(y, ya), (y.status, ya.status, _amounts(y), _amounts(ya))


@given(cases())
def test_amounts_are_never_negative_nor_more_than_was_paid(ruleset: Ruleset, case: Any) -> None:
    resident, payments = case
    result = evaluate([resident], payments, ruleset).resident("R1")
    assert result is not None
    for y in result.years:
        paid = sum((p.amount for p in payments if p.date.year == y.year), Decimal("0"))
        assert Decimal("0") <= y.tax.counted <= paid
        if y.tax.taxable is not None:
            assert Decimal("0") <= y.tax.taxable <= paid
        for b in y.benefits:
            if b.countable is None or b.type == "ww":
                continue  # WW counts a fictitious wage (hours x hourly wage), not the money paid
            assert Decimal("0") <= b.countable <= paid
        assert y.headroom >= 0 and all(m.headroom >= 0 for m in y.months)
        if y.status == "unsafe" and any(
            f.outcome == "fail" and f.rule != "pw.gift.year_limit" for f in y.findings
        ):
            assert y.headroom == 0  # the cliff: only a gift excess leaves the allowance room


@given(cases(years=(2027,)))
def test_a_year_without_rules_is_never_safe_when_money_counts(ruleset: Ruleset, case: Any) -> None:
    resident, payments = case
    assume(any(p.is_fixed_allowance for p in payments))
    result = evaluate([resident], payments, ruleset).resident("R1")
    assert result is not None
    y = result.year(2027)
    assert y is not None and y.status != "safe"
    assert any(f.outcome == "unknown" and f.missing for f in y.findings)


@given(
    st.sampled_from((2017, 2019, 2021, 2023, 2024, 2025, 2026)),
    st.integers(1, 12),
    st.integers(0, 3),
    st.sampled_from(["bijstand", "ioaw", "aio", "ww"]),
    st.integers(1950, 2004),
    st.lists(payment_in(2024, small=True), max_size=3),
)
def test_a_benefit_that_starts_at_the_end_of_a_month_counts_for_that_month(
    ruleset: Ruleset, year: int, month: int, from_end: int, btype: str, born: int, others: list[Payment]
) -> None:
    """A benefit that starts on the 28th-31st runs in that month: paying the month's headroom on
    its first day changes nothing for the worse (this found the false "safe" of the 29th-31st)."""
    last = calendar.monthrange(year, month)[1]
    since = date(year, month, last - from_end)
    resident = Resident("R1", date(born, 7, 1), "Test", None, None, (Benefit(btype, since=since),))
    payments = [
        replace(p, date=p.date.replace(year=year))
        for p in others
        if not (p.date.month == 2 and p.date.day == 29)
    ]
    before = evaluate([resident], payments, ruleset).resident("R1")
    assert before is not None
    y = before.year(year)
    if y is None:
        return
    room = y.months[month - 1].headroom
    assume(room > 0)
    after = evaluate(
        [resident], [*payments, Payment("R1", since, room, "vrijwilligersvergoeding")], ruleset
    ).resident("R1")
    assert after is not None
    ya = after.year(year)
    assert ya is not None
    assert _no_worse(y, ya), (y.status, ya.status, _amounts(y), _amounts(ya))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["R1", "R2", "R3"]),
            st.integers(0, 364),
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("900"), places=2),
        ),
        min_size=1,
        max_size=6,
    ),
    st.permutations(["R1", "R2", "R3"]),
)
def test_a_household_gift_excess_counts_once(ruleset: Ruleset, gifts: list[Any], order: list[str]) -> None:
    """2026: gifts to a household above € 1.200,00 (art. 31 lid 2 onder m Pw) count once, on the
    first member (in the given order) with bijstand: the members' countable amounts add up to the
    excess, whatever the order, and the member named in `counted_on` carries all of it."""
    residents = {
        rid: Resident(rid, date(1970, 1, 1), rid, None, "H1", (Benefit("bijstand"),))
        for rid in ("R1", "R2", "R3")
    }
    payments = [
        Payment(rid, date(2026, 1, 1) + timedelta(days=d), amount, "gift") for rid, d, amount in gifts
    ]
    total = sum((a for _, _, a in gifts), Decimal("0"))
    excess = max(Decimal("0"), total - Decimal("1200.00"))
    result = evaluate([residents[rid] for rid in order], payments, ruleset)
    countable: dict[str, Decimal] = {}
    for rid in order:
        rr = result.resident(rid)
        y = rr.year(2026) if rr is not None else None
        c = y.benefits[0].countable if y is not None else Decimal("0")
        assert c is not None  # the sum below needs a figure
        countable[rid] = c
        if y is not None:
            assert y.gifts.counted_on == order[0]
    assert sum(countable.values(), Decimal("0")) == excess
    assert countable[order[0]] == excess
