"""One set of bounds for every way in (issue 9, items 2 and 3): case files, CSV and XLSX refuse
the same values with the same message.

Each check raises `BoundError` (a ValueError) whose `str()` is the English message that case
files print, and whose `.nl` is the Dutch message that spreadsheet imports print. The numbers are
checked before any arithmetic, so `1e400` or a 30-digit amount is a refusal, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_AMOUNT = Decimal("1000000.00")
"""The largest single payment (€ 1.000.000): a larger one is a typo, never a volunteer payment."""
MAX_HOURS = Decimal(24 * 31)
"""Hours of one payment: at most a month of days and nights (24 × 31 = 744)."""
HOURS_PLACES = 4
"""Decimals of hours: 1.125 hours (an XLSX number) is fine, `1e-400` is not."""
MAX_ID_LENGTH = 100
MAX_TEXT_LENGTH = 200
MAX_NOTE_LENGTH = 2000
MAX_DEPTH = 32
"""Nesting of a case file: a case file needs 4 levels; 990 levels is an attack."""
MAX_NUMBER_CHARS = 40
"""A number written with more characters than this is refused before it is read."""


class BoundError(ValueError):
    """A value outside the bounds. `str()` is English, `.nl` is Dutch."""

    def __init__(self, en: str, nl: str):
        super().__init__(en)
        self.nl = nl


def _decimal(value: Any, what_en: str, what_nl: str) -> Decimal:
    if isinstance(value, bool):
        raise BoundError(f"{what_en} must be a number", f"{what_nl} moet een getal zijn")
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, Decimal):
        d = value
    else:
        text = str(value).strip()
        if len(text) > MAX_NUMBER_CHARS:
            raise BoundError(
                f"{what_en} has too many digits ({len(text)} characters)",
                f"{what_nl} heeft te veel cijfers ({len(text)} tekens)",
            )
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise BoundError(f"{text!r} is not a number", f"{text!r} is geen getal") from None
    if not d.is_finite():
        raise BoundError(f"{what_en} must be a finite number", f"{what_nl} moet een eindig getal zijn")
    return d


def check_amount(value: Any) -> Decimal:
    """An amount of money within 0.01 … MAX_AMOUNT. Returns it as a Decimal (not rounded)."""
    d = _decimal(value, "the amount", "het bedrag")
    if d.adjusted() > 15 or d > MAX_AMOUNT:
        raise BoundError(
            "the amount is more than € 1,000,000.00 (a typo?)",
            "het bedrag is meer dan € 1.000.000,00 (een tikfout?)",
        )
    exp = d.as_tuple().exponent
    if isinstance(exp, int) and exp < -2:
        raise BoundError("the amount has more than two decimals", "het bedrag heeft meer dan 2 decimalen")
    return d


def check_hours(value: Any) -> Decimal:
    """Hours of one payment: more than 0, at most MAX_HOURS, at most HOURS_PLACES decimals."""
    d = _decimal(value, "hours", "uren")
    if d <= 0:
        raise BoundError("hours must be more than 0", "uren moeten meer dan 0 zijn")
    if d > MAX_HOURS:
        raise BoundError(
            f"more hours than a month has (at most {MAX_HOURS})",
            f"meer uren dan een maand heeft (hoogstens {MAX_HOURS})",
        )
    exp = d.as_tuple().exponent
    if isinstance(exp, int) and exp < -HOURS_PLACES:
        raise BoundError(
            f"hours have more than {HOURS_PLACES} decimals",
            f"uren hebben meer dan {HOURS_PLACES} decimalen",
        )
    return d


def check_id(value: Any) -> str:
    """An id (resident, payment): not blank, at most MAX_ID_LENGTH characters."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise BoundError("an id is text", "een referentie is tekst")
    s = str(value)
    if not s.strip():
        raise BoundError("the id is blank", "de referentie is leeg")
    if len(s) > MAX_ID_LENGTH:
        raise BoundError(
            f"the id is longer than {MAX_ID_LENGTH} characters ({len(s)})",
            f"de referentie is langer dan {MAX_ID_LENGTH} tekens ({len(s)})",
        )
    return s


def check_text(value: str, limit: int = MAX_TEXT_LENGTH) -> str:
    if len(value) > limit:
        raise BoundError(
            f"the text is longer than {limit} characters ({len(value)})",
            f"de tekst is langer dan {limit} tekens ({len(value)})",
        )
    return value


def depth_error(depth: int) -> BoundError:
    return BoundError(
        f"the file is nested deeper than {MAX_DEPTH} levels ({depth})",
        f"het bestand is dieper genest dan {MAX_DEPTH} niveaus ({depth})",
    )


def too_deep(data: Any) -> bool:
    """Whether parsed data nests deeper than MAX_DEPTH (iterative: no recursion limit)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        for child in _children(item):
            stack.append((child, depth + 1))
    return False


def _children(item: Any) -> Iterator[Any]:
    if type(item) is dict:
        yield from (v for v in item.values() if type(v) is dict or type(v) is list)
    elif type(item) is list:
        yield from (v for v in item if type(v) is dict or type(v) is list)


# -- showing data: text outputs never carry control characters (issue 9, item 4) ---------------

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    o = ord(m.group())
    return f"\\x{o:02x}" if o <= 0xFF else f"\\u{o:04x}"


def visible(text: str) -> str:
    """`text` with every control character from data made visible: ESC becomes `\\x1b`, a
    right-to-left override `\\u202e`; a line break stays a line break."""
    return _CONTROL.sub(_escape, text)


# -- dates and benefit fields: the same checks for a case file and a spreadsheet (item 2) ----------


MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
"""Every date of every way in (birth, payment, benefit period): 9999-12-31 is a typo, and a year
the rules will never cover."""


def check_date(d: date) -> date:
    if not MIN_DATE <= d <= MAX_DATE:
        raise BoundError(
            f"{d.isoformat()} lies outside {MIN_DATE.isoformat()} … {MAX_DATE.isoformat()}",
            f"{d.day}-{d.month}-{d.year} ligt buiten 1-1-1900 … 31-12-2100",
        )
    return d


def check_birth_date(birth: date, today: date | None = None) -> None:
    if birth > (today or date.today()):
        raise BoundError("the birth date lies in the future", "de geboortedatum ligt in de toekomst")


def check_period(since: date | None, until: date | None) -> None:
    if since and until and until < since:
        raise BoundError("until lies before since", "tot ligt vóór sinds")


def ww_only_error() -> BoundError:
    return BoundError("only a WW benefit has this field", "alleen een WW-uitkering heeft dit veld")
