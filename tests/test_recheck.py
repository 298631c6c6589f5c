"""The app's result cache (issue 14, item 3): after any sequence of edits, what the cache returns
equals a full check, and only the changed resident and their household are evaluated again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vergoedingcheck.engine import evaluate
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.services.recheck import ResultCache

KINDS = ["vrijwilligersvergoeding", "onkostenvergoeding", "gift", "loon"]
BENEFITS = [
    (),
    (Benefit("bijstand"),),
    (Benefit("aio"), Benefit("aow")),
    (Benefit("ww"),),
    (Benefit("toeslagen"),),
]
TODAY = date(2026, 6, 1)


def start() -> tuple[list[Resident], list[Payment]]:
    residents = [
        Resident(f"R{i}", date(1960 + 7 * i, 3, 1), municipality="Goes", household="H1" if i < 2 else None,
                 benefits=BENEFITS[i % len(BENEFITS)])
        for i in range(5)
    ]  # fmt: skip
    payments = [
        Payment(
            f"R{i}", date(2026, 1 + i, 10), Decimal("40.00"), "gift" if i == 1 else "vrijwilligersvergoeding"
        )
        for i in range(5)
    ]
    return residents, payments


edit = st.one_of(
    st.tuples(
        st.just("add"),
        st.integers(0, 4),
        st.integers(1, 12),
        st.integers(1, 400).map(lambda c: Decimal(c).scaleb(0).quantize(Decimal("0.01"))),
        st.sampled_from(KINDS),
    ),
    st.tuples(st.just("drop"), st.integers(0, 50)),
    st.tuples(
        st.just("amount"), st.integers(0, 50), st.integers(1, 30_000).map(lambda c: Decimal(c).scaleb(-2))
    ),
    st.tuples(st.just("benefits"), st.integers(0, 4), st.integers(0, len(BENEFITS) - 1)),
    st.tuples(st.just("household"), st.integers(0, 4), st.sampled_from([None, "H1", "H2"])),
    st.tuples(st.just("birth"), st.integers(0, 4), st.integers(1940, 2008)),
)


def apply(e: tuple[Any, ...], residents: list[Resident], payments: list[Payment]) -> None:
    if e[0] == "add":
        payments.append(Payment(f"R{e[1]}", date(2026, e[2], 15), e[3], e[4]))
    elif e[0] == "drop" and payments:
        payments.pop(e[1] % len(payments))
    elif e[0] == "amount" and payments:
        i = e[1] % len(payments)
        payments[i] = replace(payments[i], amount=e[2])
    elif e[0] == "benefits":
        residents[e[1]] = replace(residents[e[1]], benefits=BENEFITS[e[2]])
    elif e[0] == "household":
        residents[e[1]] = replace(residents[e[1]], household=e[2])
    elif e[0] == "birth":
        residents[e[1]] = replace(residents[e[1]], birth_date=date(e[2], 3, 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(edit, min_size=1, max_size=8))
def test_cached_result_equals_a_full_recheck_after_random_edits(
    ruleset: Ruleset, edits: list[tuple[Any, ...]]
) -> None:
    residents, payments = start()
    cache = ResultCache()
    years = {2026}
    assert cache.check(residents, payments, ruleset, years=years, today=TODAY) == evaluate(
        residents, payments, ruleset, years=years
    )
    for e in edits:
        apply(e, residents, payments)
        got = cache.check(residents, payments, ruleset, years=years, today=TODAY)
        assert got == evaluate(residents, payments, ruleset, years=years), e


def test_one_saved_payment_rechecks_only_that_resident_and_household(ruleset: Ruleset) -> None:
    residents, payments = start()
    cache = ResultCache()
    cache.check(residents, payments, ruleset, years={2026}, today=TODAY)
    assert cache.evaluated == 5
    cache.check(residents, payments, ruleset, years={2026}, today=TODAY)
    assert cache.evaluated == 0  # nothing changed
    payments.append(Payment("R4", date(2026, 8, 1), Decimal("25.00"), "vrijwilligersvergoeding"))
    cache.check(residents, payments, ruleset, years={2026}, today=TODAY)
    assert cache.evaluated == 1  # R4 lives alone
    payments.append(Payment("R0", date(2026, 8, 1), Decimal("25.00"), "gift"))
    cache.check(residents, payments, ruleset, years={2026}, today=TODAY)
    assert cache.evaluated == 2  # R0 and R1 share household H1 (and its gift limit)
    cache.check(residents, payments, ruleset, years={2025, 2026}, today=TODAY)
    assert cache.evaluated == 5  # other years: everything again
    cache.check(residents, payments, ruleset, years={2025, 2026}, today=date(2026, 6, 2))
    assert cache.evaluated == 5  # another day: everything again


def test_duplicate_ids_are_not_cached(ruleset: Ruleset) -> None:
    residents, payments = start()
    residents.append(residents[0])
    cache = ResultCache()
    assert cache.check(residents, payments, ruleset, years={2026}) == evaluate(
        residents, payments, ruleset, years={2026}
    )
    assert cache.evaluated == len(residents)


def test_other_payers_start_afresh_and_still_equal_a_full_check(ruleset: Ruleset) -> None:
    """Payers change the outcome of every resident they paid (spec §3, Payers): a new payers list
    evaluates everything again, and the result equals `evaluate` with the same payers."""
    from vergoedingcheck.model import Payer

    residents, payments = start()
    payments = [replace(p, payer="Garage BV") for p in payments]
    cache = ResultCache()
    cache.check(residents, payments, ruleset, years={2026}, today=TODAY)
    payers = [Payer("Garage BV", "commercial")]
    got = cache.check(residents, payments, ruleset, years={2026}, today=TODAY, payers=payers)
    assert cache.evaluated == 5
    assert got == evaluate(residents, payments, ruleset, years={2026}, payers=payers)
    assert got != evaluate(residents, payments, ruleset, years={2026})  # the commercial payer counts
