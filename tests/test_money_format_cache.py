"""The amounts and dates in people's sentences are memoised (issue 14: Babel per finding was 60% of
`check`); what they say is exactly Babel's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_currency
from hypothesis import given, settings
from hypothesis import strategies as st

from vergoedingcheck.money import format_date, format_eur, format_month, q

AMOUNTS = [
    "0",
    "0.00",
    "-0.00",
    "-0.004",
    "0.005",
    "1250.5",
    "1250.50",
    "220",
    "-35.10",
    "1234567.89",
    "0.01",
]


@pytest.mark.parametrize("locale", ["nl_NL", "en_GB"])
@pytest.mark.parametrize("amount", AMOUNTS)
def test_format_eur_is_babels(amount: str, locale: str) -> None:
    d = Decimal(amount)
    for _ in range(2):  # the second call comes from the cache
        assert format_eur(d, locale) == str(format_currency(q(d), "EUR", locale=locale))


def test_dates_are_babels() -> None:
    for _ in range(2):
        assert format_date(date(2026, 3, 3)) == str(babel_date(date(2026, 3, 3), "d MMMM y", locale="nl_NL"))
        assert format_date(date(2026, 3, 3), "en_GB") == "3 March 2026"
        assert format_month(2026, 3) == "maart 2026"
        assert format_month(2026, 3, locale="en_GB") == "March 2026"
    assert format_eur(None) == "onbekend" and format_eur(None, "en_GB") == "unknown"


@settings(max_examples=400, deadline=None)
@given(
    cents=st.integers(-(10**10), 10**10),
    exponent=st.sampled_from([-3, -2, -1, 0]),
    locale=st.sampled_from(["nl_NL", "en_GB", "nl_BE", "en_US"]),
)
def test_any_amount_reads_as_babel_writes_it(cents: int, exponent: int, locale: str) -> None:
    d = Decimal(cents).scaleb(exponent)
    assert format_eur(d, locale) == str(format_currency(q(d), "EUR", locale=locale))
