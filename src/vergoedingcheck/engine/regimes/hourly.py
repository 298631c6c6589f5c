"""Hourly conditions shared by the regimes: the Belastingdienst hourly norm (a warning, or unknown
without a payer that can show its rate is not a market rate), a municipal policy that makes it hard
for bijstand, and the WW regulation's and UWV's own hourly conditions of 2017-2018."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_CEILING, Decimal

from vergoedingcheck.engine.context import YearContext
from vergoedingcheck.model import (
    Payment,
)
from vergoedingcheck.rules.ruleset import FigureValue


def hard_hourly_breach(
    y: YearContext,
    p: Payment,
    regime: str,
    flag: str,
    explanation: str,
    params: Iterable[tuple[str, object]] = (),
) -> bool | None:
    """Where `flag` makes the hourly norm a hard condition: True (and a `fail` finding) when the
    payment is over the norm; False when it is not or the flag is off; None when unknown."""
    hard = y.figure(flag, p.date, regime)
    if hard is None:
        return None
    if not hard.value:
        return False
    over = over_hourly_norm(y, p, regime)
    if over is None:
        return None
    rate, norm, _ = over
    if rate <= norm:
        return False
    overlay = y.ruleset.overlays.get(hard.origin)
    if overlay is not None and overlay.name.casefold() != (y.mun or "").casefold():
        # the policy of a body that pays for several municipalities (GR de Bevelanden for Goes)
        params = [*params, ("policy_by", overlay.name)]
    y.add(
        flag,
        "fail",
        p.date.isoformat(),
        explanation,
        regime=regime,
        limit=norm,
        value=cents_up(rate),
        basis=hard,
        params=params,
    )
    return True


def regulation_hourly_breach(
    y: YearContext, p: Payment, regime: str, flag: str, explanation: str
) -> bool | None:
    """The hourly condition of the WW volunteer regulation until 2019 (Stcrt. 2014, 36337, art. 1:
    EUR 4.50 an hour, EUR 2.50 under 23: its own figures and age, not the tax norm), which UWV also
    applied to ZW/WIA/WAO/Wajong in 2017-2018 (`flag` per regime). True (and a `fail` finding)
    when the payment is above it; False when not or the flag is off; None when unknown."""
    hard = y.figure(flag, p.date, regime)
    if hard is None:
        return None
    if not hard.value:
        return False
    assert p.hours
    found = limit_for_age(y, p, regime, flag, "ww.volunteer.hourly_limit")
    if found is None:
        return None
    age, limit = found
    rate = p.amount / p.hours  # unrounded: 45.01 for 10 hours is over 4.50
    if rate <= limit.decimal:
        return False
    y.add(
        flag,
        "fail",
        p.date.isoformat(),
        explanation,
        regime=regime,
        limit=limit.decimal,
        value=cents_up(rate),
        basis=hard,
        params=[("age", age), ("amount", p.amount), ("hours", p.hours)],
    )
    return True


def limit_for_age(
    y: YearContext, p: Payment, regime: str, flag: str, fid: str
) -> tuple[int, FigureValue] | None:
    """(age, hourly figure) for payment `p`: `fid` from the age in `fid + "_age"` on, below it
    `fid + "_young"`. None when it cannot be known (a missing birth date is one `unknown` finding
    under `flag`; a missing figure is reported by `y.figure`)."""
    age = y.age(p.date)
    if age is None:
        y.add(
            flag,
            "unknown",
            p.date.isoformat(),
            "fact.missing_birth_date",
            regime=regime,
            missing="birth_date",
            ref=y.figure_ref(f"{fid}_age", p.date),
        )
        y.month_status[p.date.month].append("unknown")
        return None
    threshold = y.figure(f"{fid}_age", p.date, regime)
    if threshold is None:
        return None
    value = y.figure(fid if age >= threshold.value else f"{fid}_young", p.date, regime)
    return None if value is None else (age, value)


def cents_up(d: Decimal) -> Decimal:
    """A rate shown to people: rounded up to the cent, so 5.501 shows as 5.51, not as the norm."""
    return d.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def over_hourly_norm(y: YearContext, p: Payment, regime: str) -> tuple[Decimal, Decimal, FigureValue] | None:
    """(rate, norm, basis) for a payment with hours, or None when the norm cannot be known."""
    assert p.hours
    # above the norm is not safe (§0a item 4), so an unknown norm is unknown
    found = limit_for_age(y, p, regime, "tax.volunteer.hourly_norm", "tax.volunteer.hourly_norm")
    if found is None:
        return None
    norm = found[1]
    # compare unrounded: €55.01 for 10 hours is over a €5.50 norm (5.501 > 5.50)
    rate = p.amount / p.hours
    return rate, norm.decimal, norm
