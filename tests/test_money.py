from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vergoedingcheck.money import MoneyError, format_date, format_eur, parse_money, to_json


def test_dutch_formatting() -> None:
    assert format_eur(Decimal("1250.5")) == "€\xa01.250,50"
    assert format_date(date(2026, 3, 3)) == "3 maart 2026"
    assert format_eur(None) == "onbekend"
    assert to_json(Decimal("7")) == "7.00"


@pytest.mark.parametrize("bad", [1.5, "1.234", "abc", "-1", "NaN", True, None])
def test_money_refuses_floats_and_nonsense(bad: object) -> None:
    with pytest.raises(MoneyError):
        parse_money(bad)


def test_money_is_decimal() -> None:
    assert parse_money("0.10") + parse_money("0.20") == Decimal("0.30")
    assert parse_money(12) == Decimal("12.00")
