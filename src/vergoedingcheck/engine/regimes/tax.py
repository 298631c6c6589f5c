"""Tax: the vrijwilligersregeling (art. 2 lid 6 Wet op de loonbelasting 1964, art. 3.96 onder c Wet IB
2001). A month or the year over its cap: the regime does not apply for that year and the whole
counted amount, less proven costs, is taxable; the hourly norm applies to payments with hours."""

from __future__ import annotations

from decimal import Decimal

from vergoedingcheck.engine.context import (
    MONTHS,
    WAGES_TAXED,
    ZERO,
    CapTest,
    YearContext,
    cap_test,
    report_caps,
)
from vergoedingcheck.engine.regimes.hourly import cents_up, over_hourly_norm
from vergoedingcheck.engine.result import (
    Status,
    TaxResult,
)
from vergoedingcheck.model import (
    Payment,
)

# -- tax ------------------------------------------------------------------------------------------


def tax_counted_payments(y: YearContext) -> tuple[list[Payment], dict[int, Decimal]]:
    """Counted for the tax test: fixed allowances, plus proven costs in a year that also has one."""
    with_costs = y.fixed_year > 0
    pays = [p for p in y.payments if p.is_fixed_allowance or (with_costs and p.is_proven_costs)]
    counted = {m: y.fixed[m] + (y.proven[m] if with_costs else ZERO) for m in MONTHS}
    return pays, counted


def tax_regime(y: YearContext) -> tuple[TaxResult, CapTest]:
    pays, counted = tax_counted_payments(y)
    test = cap_test(y, "tax", "tax.volunteer.month_cap", "tax.volunteer.year_cap", pays, counted)
    total = sum(counted.values(), ZERO)
    report_caps(y, "tax", test, counted, total, "tax.volunteer")
    hourly_unknown = hourly_norm_findings(y)
    breach = test.year_over or any(test.month_over.values())
    if breach:
        taxable: Decimal | None = y.fixed_year + y.loon_year
        y.add(
            "tax.volunteer.regime",
            "fail",
            str(y.year),
            "tax.whole_amount_taxable_costs" if y.proven_year > 0 else "tax.whole_amount_taxable",
            regime="tax",
            basis=test.year_cap_end
            if test.year_over
            else next((test.month_caps[m] for m in MONTHS if test.month_over[m]), None),
            value=y.fixed_year,
            params=[("taxable", y.fixed_year), ("proven_costs", y.proven_year)],
        )
        for m in MONTHS:
            if y.fixed[m] > 0:
                y.month_status[m].append("unsafe")
    elif not test.complete or hourly_unknown:
        taxable = None
    else:
        taxable = y.loon_year
    if y.loon_year > 0:
        y.add(
            "tax.wages",
            "fail",
            str(y.year),
            "tax.wages_taxable",
            regime="tax",
            value=y.loon_year,
            ref=WAGES_TAXED,
        )
        for m in MONTHS:
            if y.loon[m] > 0:
                y.month_status[m].append("unsafe")
    status: Status
    if breach or y.loon_year > 0:
        status = "unsafe"
    elif not test.complete or hourly_unknown:
        status = "unknown"
    else:
        status = "safe"
    return TaxResult(status, total, taxable), test


def hourly_norm_findings(y: YearContext) -> bool:
    """The Belastingdienst hourly norm (spec §3 Tax; rules-nl.md §0a item 4). Above it the
    allowance is a volunteer allowance only if the payer can show the rate is not a market rate
    ("mogelijk nog steeds", BD-VV): a payer listed with `below_market_rate: true` makes it a
    warning; otherwise the tax regime is unknown for the year. True when it is unknown.
    (Municipal policy may make the norm hard for bijstand: `policy.hourly_norm_hard`.)"""
    unknown = False
    for p in y.payments:
        if not (p.is_fixed_allowance and p.hours):
            continue
        over = over_hourly_norm(y, p, "tax")
        if over is None:  # the age or the norm is not known: the allowance cannot be vouched for
            unknown = True
            continue
        rate, norm, basis = over
        if rate <= norm:
            continue
        payer = y.payers.get(p.payer) if p.payer else None
        explained = payer is not None and payer.below_market_rate
        y.add(
            "tax.volunteer.hourly_norm",
            "warning" if explained else "unknown",
            p.date.isoformat(),
            "tax.hourly_over_norm" if explained else "tax.hourly_over_norm_unknown",
            regime="tax",
            limit=norm,
            value=cents_up(rate),
            basis=basis,
            params=[("hours", p.hours), ("amount", p.amount), ("payer", p.payer or "")],
            missing=None if explained else "below_market_rate",
        )
        if not explained:
            unknown = True
            y.month_status[p.date.month].append("unknown")
    return unknown
