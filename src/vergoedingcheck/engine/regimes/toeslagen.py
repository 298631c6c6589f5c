"""Toeslagen (Algemene wet inkomensafhankelijke regelingen): within the tax caps no effect; the
taxable amount of every member of the household raises the assessment income."""

from __future__ import annotations

from datetime import date

from vergoedingcheck.engine.context import ZERO, YearContext
from vergoedingcheck.engine.result import (
    BenefitResult,
    TaxResult,
)


def toeslagen_regime(y: YearContext, tax: TaxResult) -> BenefitResult:
    """Toeslagen follow the household (spec §3): the taxable amounts of the resident and of every
    other member of the same household that year are added up, each named in a finding."""
    v = y.figure("toeslagen.income_test", date(y.year, 12, 31), "toeslagen", mark_month=False)
    if v is None or tax.taxable is None:
        return BenefitResult("toeslagen", "unknown", None)
    unknown_partner = False
    countable = tax.taxable
    for pid, taxable in y.partners_taxable:
        if taxable is None:
            unknown_partner = True
            y.add(
                "toeslagen.income_test",
                "unknown",
                str(y.year),
                "toeslagen.partner_unknown",
                regime="toeslagen",
                basis=v,
                missing="partner_taxable",
                params=[("partner", pid)],
            )
        elif taxable > 0:
            countable += taxable
            y.add(
                "toeslagen.income_test",
                "fail",
                str(y.year),
                "toeslagen.partner_income_raised",
                regime="toeslagen",
                value=taxable,
                basis=v,
                params=[("partner", pid)],
            )
    if tax.taxable > 0:
        y.add(
            "toeslagen.income_test",
            "fail",
            str(y.year),
            "toeslagen.income_raised",
            regime="toeslagen",
            value=tax.taxable,
            basis=v,
        )
    if countable > 0:
        return BenefitResult("toeslagen", "unsafe", countable, ("report_to_toeslagen",))
    if unknown_partner:
        return BenefitResult("toeslagen", "unknown", None)
    y.add(
        "toeslagen.income_test",
        "ok",
        str(y.year),
        "toeslagen.no_effect",
        regime="toeslagen",
        value=ZERO,
        basis=v,
    )
    return BenefitResult("toeslagen", "safe", ZERO)
