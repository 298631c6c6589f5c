"""Ages in whole months (unit `months`): the AOW age, and the day someone reaches it.

The AOW age that applies is the one of the calendar year in which a person reaches it (art. 7a
Algemene Ouderdomswet): born 10 March 1960, 67 years (2027's age) on 10 March 2027 → AOW from
that day; born 1 February 1961, 2028's age is 67 years and 3 months → 1 May 2028, not 1 February.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from vergoedingcheck.rules.ruleset import FigureNotCovered, Ruleset

AOW_AGE = "aow.age"


def format_months_nl(months: int) -> str:
    """804 → '67 jaar', 807 → '67 jaar en 3 maanden', 1 → '0 jaar en 1 maand'."""
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"{years} jaar"
    return f"{years} jaar en {rest} {'maand' if rest == 1 else 'maanden'}"


def add_months(birth: date, months: int) -> date:
    """`birth` plus `months` calendar months; a day the month lacks moves to the 1st of the next
    month, as `model.age_on` counts a 29 February birthday (a year older on 1 March)."""
    total = birth.month - 1 + months
    y, m = birth.year + total // 12, total % 12 + 1
    if birth.day <= monthrange(y, m)[1]:
        return date(y, m, birth.day)
    return date(y + (m == 12), m % 12 + 1, 1)


def aow_day(birth: date, ruleset: Ruleset) -> tuple[date, int] | None:
    """The day `birth` reaches AOW age and that age in months, or None when the rules do not
    say (a year not covered, or an AOW age not yet set): unknown is never a date."""
    for year in range(birth.year + 60, birth.year + 80):
        try:
            months = int(ruleset.value(AOW_AGE, date(year, 1, 1)).value)
        except (FigureNotCovered, TypeError, ValueError):
            if year < birth.year + 65:
                continue  # the figure starts later than this early candidate year
            return None
        day = add_months(birth, months)
        if day.year == year:
            return day, months
        if day.year < year:
            return None  # the age fell in an earlier year the rules did not cover
    return None
