"""Payers (spec §3, Payers; Wet op de loonbelasting 1964 art. 2 lid 6): only work for an ANBI, an
SBBI, a sports organisation or an organisation not subject to corporate tax can carry a volunteer
allowance, and a volunteer is not the payer's employee."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from vergoedingcheck.engine.context import (
    VOLUNTEER_NOT_EMPLOYEE,
    VOLUNTEER_PAYERS,
    ZERO,
    YearContext,
    runs_on,
)
from vergoedingcheck.engine.result import (
    BenefitResult,
)
from vergoedingcheck.model import (
    BIJSTAND_FAMILY,
    UWV_AO_FAMILY,
    Benefit,
    Payment,
)

# -- payers ---------------------------------------------------------------------------------------


def payer_findings(y: YearContext) -> dict[str, list[Payment]]:
    """Spec §3 Payers (Wet LB 1964 art. 2 lid 6): only work for an ANBI, an SBBI, a sports
    organisation or an organisation not subject to corporate tax can carry a volunteer allowance,
    and a volunteer is not the payer's employee.

    - a fixed allowance from a payer listed as `commercial` is pay (already turned into `loon` by
      `YearContext`): one `fail` finding per payer saying why;
    - a payer that is not listed, or a payment without payer, is assumed to qualify: one `ok`
      finding for the year (`payer.assumed`);
    - a payer that pays `loon` and an allowance in the same year: its allowances are `unknown`
      (one finding per payer naming what to record). Returns those allowances by payer.
    """
    year = str(y.year)
    for name, pays in y.commercial.items():
        total = sum((p.amount for p in pays), ZERO)
        y.add(
            "payer.commercial",
            "fail",
            year,
            "payer.commercial_is_wages",
            regime="tax",
            value=total,
            ref=VOLUNTEER_PAYERS,
            params=[("payer", name), ("count", len(pays))],
        )
    unlisted = [p for p in y.payments if p.is_fixed_allowance and (not p.payer or p.payer not in y.payers)]
    if unlisted:
        names = sorted({p.payer for p in unlisted if p.payer})
        without = sum(1 for p in unlisted if not p.payer)
        y.add(
            "payer.type",
            "ok",
            year,
            "payer.assumed",
            regime="tax",
            ref=VOLUNTEER_PAYERS,
            params=[("payers", ", ".join(names)), ("without_payer", without)],
        )
    wage_payers = {p.payer for p in y.payments if p.kind == "loon" and p.payer}
    mixed: dict[str, list[Payment]] = {}
    for p in y.payments:
        if p.is_fixed_allowance and p.payer in wage_payers:
            assert p.payer is not None
            mixed.setdefault(p.payer, []).append(p)
    for name, pays in mixed.items():
        y.add(
            "payer.wages_and_allowance",
            "unknown",
            year,
            "payer.wages_and_allowance",
            regime="tax",
            value=sum((p.amount for p in pays), ZERO),
            ref=VOLUNTEER_NOT_EMPLOYEE,
            missing="allowance_not_pay",
            params=[("payer", name)],
        )
        for p in pays:
            y.month_status[p.date.month].append("unknown")
    return mixed


def with_mixed(b: BenefitResult, mixed: Sequence[Payment], entries: Sequence[Benefit]) -> BenefitResult:
    """A benefit whose period holds an allowance from a payer that also pays wages: a safe one
    cannot be vouched for (`unknown`), and its countable amount cannot be known (the allowance
    counts in full if it is pay), so it is null; an unsafe one stays unsafe."""
    if b.type not in BIJSTAND_FAMILY | UWV_AO_FAMILY | {"ww"}:
        return b
    if not any(runs_on(entries, p.date) for p in mixed):
        return b
    return replace(b, status="unsafe" if b.status == "unsafe" else "unknown", countable=None)
