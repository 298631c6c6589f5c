"""ZW, WIA, WAO and Wajong (UWV): the caps are tested against the total of the allowances and the
proven costs; over a cap, only the allowances (the pay for the work) are offset. In 2017 and 2018
UWV also treated an allowance above its hourly condition as pay for work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import ZERO, CapTest, YearContext, cap_test, report_caps, runs_on
from vergoedingcheck.engine.regimes.hourly import regulation_hourly_breach
from vergoedingcheck.engine.regimes.tax import tax_counted_payments
from vergoedingcheck.engine.result import (
    BenefitResult,
    Status,
)
from vergoedingcheck.model import (
    Benefit,
    Payment,
)


def uwv_regime(y: YearContext, btype: str, entries: Sequence[Benefit]) -> BenefitResult:
    """ZW, WIA, WAO, Wajong: UWV uses the tax caps; over them the work allowance is offset."""
    regime = btype
    in_period = [p for p in y.payments if runs_on(entries, p.date)]
    day = in_period[0].date if in_period else date(y.year, 12, 31)
    basis = y.figure("uwv.volunteer.regime", day, regime)
    costs_count = y.figure(
        "uwv.volunteer.costs_count_for_cap", date(y.year, 12, 31), regime, mark_month=False
    )
    if costs_count is not None and costs_count.value:
        cap_pays, counted = tax_counted_payments(y)  # allowance plus proven costs (option), as for tax
    else:
        cap_pays, counted = [p for p in y.payments if p.is_fixed_allowance], y.fixed
    test = cap_test(y, regime, "tax.volunteer.month_cap", "tax.volunteer.year_cap", cap_pays, counted)
    report_caps(y, regime, test, counted, sum(counted.values(), ZERO), "uwv.volunteer")
    unknown = basis is None or costs_count is None or not test.complete
    countable = offset_fixed(y, test, in_period)
    for p in in_period:  # 2017-2018: above EUR 4.50 an hour (2.50 under 23) UWV saw paid work
        if not (p.is_fixed_allowance and p.hours) or test.year_over or test.month_over[p.date.month]:
            continue
        breach = regulation_hourly_breach(
            y, p, regime, "uwv.volunteer.hourly_norm_hard", "uwv.hourly_norm_hard"
        )
        if breach is None:
            unknown = True
        elif breach:
            countable += p.amount
            y.month_status[p.date.month].append("unsafe")
    wages = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if wages > 0:
        countable += wages
        y.add(
            "uwv.wages", "fail", str(y.year), "uwv.wages_countable", regime=regime, value=wages, basis=basis
        )
    actions = ("report_to_uwv",) if in_period else ()
    status: Status = "unsafe" if countable > 0 else ("unknown" if unknown else "safe")
    return BenefitResult(btype, status, None if unknown and countable == 0 else countable, actions)


def offset_fixed(y: YearContext, test: CapTest, in_period: Sequence[Payment]) -> Decimal:
    """The fixed allowances in the benefit period that are offset: the year's on a year breach,
    else those of each month over its cap. Proven costs never."""
    total = ZERO
    for p in in_period:
        if p.is_fixed_allowance and (test.year_over or test.month_over[p.date.month]):
            total += p.amount
            y.month_status[p.date.month].append("unsafe")
    return total
