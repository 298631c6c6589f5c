"""`provisional` (spec §3, Coverage): a year whose figures are announced but not confirmed stays
`unknown`; the planning answer uses the last confirmed value of each pending figure.

rules/nl: tax.volunteer.month_cap is €220 from 2026-01-01 and `pending` from 2027-01-01."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ruleset import FigureNotCovered


def test_the_real_ruleset_never_answers_a_pending_period(ruleset: Ruleset) -> None:
    with pytest.raises(FigureNotCovered) as exc:
        ruleset.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert exc.value.code == "pending"


def test_the_planning_copy_assumes_the_last_confirmed_value(ruleset: Ruleset) -> None:
    prov = ruleset.assuming_confirmed()
    v = prov.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert v.decimal == Decimal("220.00")  # the 2026 value, still in force on 2026-12-31
    assert v.assumed_from == 2026
    assert prov.value("tax.volunteer.year_cap", date(2027, 6, 1)).decimal == Decimal("2200.00")
    # a confirmed value is unchanged and not marked as assumed
    assert prov.value("tax.volunteer.month_cap", date(2026, 5, 1)).assumed_from is None
    # before the first value there is still nothing to assume
    with pytest.raises(FigureNotCovered):
        prov.value("tax.volunteer.month_cap", date(2010, 1, 1))
    # the real ruleset is untouched (its cache too)
    with pytest.raises(FigureNotCovered):
        ruleset.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert prov.assuming_confirmed() is prov
