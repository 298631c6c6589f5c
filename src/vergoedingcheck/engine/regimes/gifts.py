"""Gifts (art. 31 lid 2 onder m Participatiewet from 2026; municipal policy before): a household's
gifts above the yearly limit are income, counted once, on the benefit of `gifts_counted_on`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import ZERO, YearContext
from vergoedingcheck.rules.ruleset import FigureValue


def gift_limit(y: YearContext, day: date) -> FigureValue | None:
    return y.figure("pw.gift.year_limit", day, "gifts", quiet=True)


def gifts_countable(y: YearContext) -> tuple[Decimal, bool]:
    """Gifts to the household above the yearly limit (statutory from 2026, municipal before)."""
    gifts = y.household_gifts
    if not gifts:
        return ZERO, False
    cum = ZERO
    for g in gifts:  # every gift's date must have a limit (a municipal policy may end mid-year)
        cum += g.amount
        limit = gift_limit(y, g.date)
        if limit is None:
            y.add(
                "pw.gift.year_limit",
                "unknown",
                str(y.year),
                "gifts.policy_unknown",
                regime="gifts",
                ref=y.figure_ref("pw.gift.year_limit", g.date),
                value=sum((x.amount for x in gifts), ZERO),
                missing="pw.gift.year_limit",
                params=[("municipality", y.mun or ""), ("date", g.date.isoformat())],
            )
            for x in gifts:
                if x.resident == y.resident.id:
                    y.month_status[x.date.month].append("unknown")
            return ZERO, True
    last = gift_limit(y, gifts[-1].date)
    assert last is not None
    excess = max(ZERO, cum - last.decimal)
    counted_on = y.gifts_counted_on
    if excess > 0 and counted_on is not None and counted_on != y.resident.id:
        # one household's income, counted once: on the benefit of `counted_on`, not on this one
        y.add(
            "pw.gift.year_limit",
            "warning",
            str(y.year),
            "gifts.over_limit_counted_on_other",
            regime="gifts",
            limit=last.decimal,
            value=cum,
            basis=last,
            params=[
                ("household", y.resident.household or ""),
                ("excess", excess),
                ("counted_on", counted_on),
            ],
        )
        return ZERO, False
    y.add(
        "pw.gift.year_limit",
        "fail" if excess > 0 else "ok",
        str(y.year),
        "gifts.over_limit" if excess > 0 else "gifts.within_limit",
        regime="gifts",
        limit=last.decimal,
        value=cum,
        basis=last,
        params=[("household", y.resident.household or ""), ("excess", excess)],
    )
    if excess > 0:
        for g in gifts:
            if g.resident == y.resident.id:
                y.month_status[g.date.month].append("unsafe")
    return excess, False
