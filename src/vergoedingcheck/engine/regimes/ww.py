"""WW (Regeling vrijwilligerswerk in de WW): UWV's permission first; over the caps UWV deducts a
fictitious wage (the volunteer hours x the hourly WW wage); until 2019 the regulation's own hourly
condition (EUR 4.50, EUR 2.50 under 23)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import ZERO, YearContext, cap_test, report_caps, runs_on
from vergoedingcheck.engine.regimes.hourly import regulation_hourly_breach
from vergoedingcheck.engine.result import (
    BenefitResult,
    Status,
)
from vergoedingcheck.model import (
    Benefit,
)
from vergoedingcheck.money import q


def ww_regime(y: YearContext, entries: Sequence[Benefit]) -> BenefitResult:
    """WW: permission first; over the caps UWV deducts a fictitious wage (hours x hourly wage)."""
    regime = "ww"
    in_period = [p for p in y.payments if runs_on(entries, p.date)]
    volunteer = [p for p in in_period if p.is_fixed_allowance or p.is_proven_costs]
    day = in_period[0].date if in_period else date(y.year, 12, 31)
    basis = y.figure("ww.volunteer.regime", day, regime)
    unknown = basis is None
    unsafe = False
    countable: Decimal | None = ZERO
    actions: list[str] = ["report_to_uwv"] if in_period else []
    active = [b for b in entries if any(b.active_on(p.date) for p in volunteer)] or list(entries)
    permissions = {b.uwv_permission for b in active}
    if volunteer:
        if False in permissions:
            unsafe = True
            y.add("ww.permission", "fail", str(y.year), "ww.permission_refused", regime=regime, basis=basis)
            actions.append("ask_uwv_permission")
            for p in volunteer:
                y.month_status[p.date.month].append("unsafe")
        elif None in permissions:
            unknown = True
            y.add(
                "ww.permission",
                "unknown",
                str(y.year),
                "ww.permission_unknown",
                regime=regime,
                basis=basis,
                missing="uwv_permission",
            )
            actions.append("ask_uwv_permission")
            for p in volunteer:
                y.month_status[p.date.month].append("unknown")
        else:
            y.add("ww.permission", "ok", str(y.year), "ww.permission_given", regime=regime, basis=basis)
    fixed_pays = [p for p in y.payments if p.is_fixed_allowance]
    test = cap_test(y, regime, "tax.volunteer.month_cap", "tax.volunteer.year_cap", fixed_pays, y.fixed)
    report_caps(y, regime, test, y.fixed, y.fixed_year, "ww.volunteer")
    unknown = unknown or not test.complete
    over = [
        p for p in in_period if p.is_fixed_allowance and (test.year_over or test.month_over[p.date.month])
    ]
    for p in in_period:  # until 2019 the WW regulation also set an hourly limit (Stcrt. 2014, 36337)
        if p in over or not (p.is_fixed_allowance and p.hours):
            continue
        breach = regulation_hourly_breach(
            y, p, regime, "ww.volunteer.hourly_norm_hard", "ww.hourly_norm_hard"
        )
        if breach is None:
            unknown = True
        elif breach:
            over.append(p)
    if over:
        unsafe = True
        wages = {b.ww_hourly_wage for b in active if b.ww_hourly_wage is not None}
        hours_missing = any(not p.hours for p in over)
        for p in over:
            y.month_status[p.date.month].append("unsafe")
        if hours_missing or len(wages) != 1:
            countable = None
            y.add(
                "ww.fictitious_wage",
                "unknown",
                str(y.year),
                "ww.fictitious_wage_unknown",
                regime=regime,
                basis=basis,
                missing="hours" if hours_missing else "ww_hourly_wage",
            )
        else:
            wage = wages.pop()
            hours = sum((p.hours or ZERO for p in over), ZERO)
            fictitious = q(hours * wage)  # half up to the cent: the one rounding rule (money.q)
            countable = fictitious
            y.add(
                "ww.fictitious_wage",
                "fail",
                str(y.year),
                "ww.fictitious_wage",
                regime=regime,
                value=fictitious,
                basis=basis,
                params=[("hours", hours), ("hourly_wage", wage)],
            )
    loon = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if loon > 0:
        unsafe = True
        if countable is not None:
            countable += loon
        y.add("ww.wages", "fail", str(y.year), "uwv.wages_countable", regime=regime, value=loon, basis=basis)
    if unsafe and countable is not None and countable == 0 and False in permissions:
        countable = None  # permission refused: UWV decides what happens to the benefit
    status: Status = "unsafe" if unsafe else ("unknown" if unknown else "safe")
    if status == "unknown":
        countable = None
    return BenefitResult("ww", status, countable, tuple(dict.fromkeys(actions)))
