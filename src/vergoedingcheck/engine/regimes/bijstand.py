"""Bijstand, IOAW, IOAZ and AIO (art. 31 lid 2 onder j/k and lid 5 Participatiewet): 27 or over,
allowances are disregarded while the month and the year stay within the caps; a month over counts
that month, the year over counts the whole year (a municipality may count only the excess); under
27 everything counts (except under the temporary art. 31a, 1 Nov 2020 - 30 Sep 2021). Wages count
in full; the household's gift excess counts once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import (
    MONTHS,
    PW_INCOME,
    ZERO,
    YearContext,
    cap_test,
    report_caps,
    runs_on,
)
from vergoedingcheck.engine.regimes.gifts import gifts_countable
from vergoedingcheck.engine.regimes.hourly import hard_hourly_breach
from vergoedingcheck.engine.result import (
    BenefitResult,
    Status,
)
from vergoedingcheck.model import (
    Benefit,
)


def bijstand_regime(y: YearContext, btype: str, entries: Sequence[Benefit]) -> BenefitResult:
    """Participatiewet art. 31 lid 2 k (volunteer allowance), lid 5 (under 27), lid 2 m (gifts)."""
    regime = btype
    in_period = [p for p in y.payments if runs_on(entries, p.date)]
    fixed_pays = [p for p in y.payments if p.is_fixed_allowance]
    test = cap_test(y, regime, "pw.volunteer.month_cap", "pw.volunteer.year_cap", fixed_pays, y.fixed)
    report_caps(y, regime, test, y.fixed, y.fixed_year, "pw.volunteer")
    countable = ZERO
    unknown = not test.complete
    breach_mode = (
        y.figure("policy.year_breach", date(y.year, 12, 31), regime, mark_month=False)
        if test.year_over
        else None
    )
    if test.year_over and breach_mode is None:
        unknown = True
    excess_only = breach_mode is not None and breach_mode.value == "excess"
    if excess_only:
        y.add(
            "policy.year_breach",
            "info",
            str(y.year),
            "pw.year_breach_excess_only",
            regime=regime,
            basis=breach_mode,
        )
    eligible_by_month: dict[int, Decimal] = dict.fromkeys(MONTHS, ZERO)
    for p in in_period:
        if not p.is_fixed_allowance:
            continue
        age = y.age(p.date)
        if age is None:
            y.add(
                "pw.volunteer.min_age",
                "unknown",
                p.date.isoformat(),
                "fact.missing_birth_date",
                regime=regime,
                missing="birth_date",
                ref=y.figure_ref("pw.volunteer.min_age", p.date),
            )
            y.month_status[p.date.month].append("unknown")
            unknown = True
            continue
        min_age = y.figure("pw.volunteer.min_age", p.date, regime)
        if min_age is None:
            unknown = True
            continue
        if age < min_age.value:
            temp = y.figure("pw.volunteer.young_temporary_disregard", p.date, regime)
            if temp is None:
                unknown = True
                continue
            if not temp.value:
                countable += p.amount
                y.month_status[p.date.month].append("unsafe")
                y.add(
                    "pw.volunteer.min_age",
                    "fail",
                    p.date.isoformat(),
                    "pw.under_min_age",
                    regime=regime,
                    limit=Decimal(min_age.value),
                    value=p.amount,
                    basis=min_age,
                    params=[("age", age), ("amount", p.amount)],
                )
                continue
            y.add(
                "pw.volunteer.young_temporary_disregard",
                "info",
                p.date.isoformat(),
                "pw.temporary_young_disregard",
                regime=regime,
                value=p.amount,
                basis=temp,
                params=[("age", age)],
            )
        if p.hours:
            breach = hard_hourly_breach(
                y,
                p,
                regime,
                "policy.hourly_norm_hard",
                "pw.hourly_norm_hard",
                params=[("amount", p.amount), ("municipality", y.mun or "")],
            )
            if breach is None:
                unknown = True
            elif breach:
                countable += p.amount
                y.month_status[p.date.month].append("unsafe")
                continue
        eligible_by_month[p.date.month] += p.amount
    eligible_year = sum(eligible_by_month.values(), ZERO)
    if test.year_over and breach_mode is not None:
        if excess_only:
            over_by = y.fixed_year - (test.year_cap_end.decimal if test.year_cap_end else ZERO)
            month_part = sum((eligible_by_month[m] for m in MONTHS if test.month_over[m]), ZERO)
            countable += min(eligible_year, max(month_part, over_by))
        else:
            countable += eligible_year
        for m in MONTHS:
            if eligible_by_month[m] > 0:
                y.month_status[m].append("unsafe")
    else:
        for m in MONTHS:
            if test.month_over[m] and eligible_by_month[m] > 0:
                cap = test.month_caps[m]
                part = eligible_by_month[m]
                if excess_only and cap is not None:
                    part = min(part, y.fixed[m] - cap.decimal)
                countable += part
                y.month_status[m].append("unsafe")
    wages = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if wages > 0:
        countable += wages
        y.add(
            "pw.wages", "fail", str(y.year), "pw.wages_countable", regime=regime, value=wages, ref=PW_INCOME
        )
    gift_countable, gift_unknown = gifts_countable(y)
    countable += gift_countable
    unknown = unknown or gift_unknown
    action = "report_to_svb" if btype == "aio" else "report_to_municipality"
    actions = (action,) if in_period or gift_countable > 0 else ()
    status: Status = "unsafe" if countable > 0 else ("unknown" if unknown else "safe")
    return BenefitResult(btype, status, None if unknown else countable, actions)
