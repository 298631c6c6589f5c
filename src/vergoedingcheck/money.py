"""Money is `Decimal`, never float. Parsing, rounding and formatting live here.

Formatting for people uses Babel (Dutch: `€ 1.250,50`, `3 maart 2026`); JSON uses plain
decimal strings with two decimals (`"1250.50"`).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


class MoneyError(ValueError):
    """A value that is not a valid amount of money."""


def parse_money(value: object, *, allow_negative: bool = False) -> Decimal:
    """Parse a quoted decimal string (or an int) into a Decimal with at most two decimals.

    Floats are refused: `50.1` in YAML is a float and may already have lost precision.
    """
    if isinstance(value, (bool, float)):
        raise MoneyError('amount must be a quoted decimal string such as "50.00", not a number')
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, Decimal):
        d = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise MoneyError(f"{value!r} is not a decimal amount") from None
    else:
        raise MoneyError(f"{value!r} is not an amount")
    if not d.is_finite():
        raise MoneyError(f"{value!r} is not a finite amount")
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise MoneyError(f"{value!r} has more than two decimals")
    if d < 0 and not allow_negative:
        raise MoneyError(f"{value!r} is negative")
    return d.quantize(CENT)


def q(d: Decimal) -> Decimal:
    """Round to cents (half up)."""
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def to_json(d: Decimal | None) -> str | None:
    """Two-decimal string for the JSON contract; None stays None."""
    return None if d is None else f"{q(d):.2f}"


def format_eur(d: Decimal | None, locale: str = "nl_NL") -> str:
    """`€ 1.250,50` for Dutch, `€1,250.50` for English; `onbekend`/`unknown` for None."""
    if d is None:
        return "onbekend" if locale.startswith("nl") else "unknown"
    from babel.numbers import format_currency

    return str(format_currency(q(d), "EUR", locale=locale))


def format_date(d: date, locale: str = "nl_NL") -> str:
    """`3 maart 2026` for Dutch, `3 March 2026` for English."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(d, "d MMMM y", locale=locale))


def format_month(year: int, month: int, locale: str = "nl_NL") -> str:
    """`maart 2026`."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(date(year, month, 1), "MMMM y", locale=locale))
