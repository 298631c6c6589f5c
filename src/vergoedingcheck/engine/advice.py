"""What the coordinator can still change so that a year becomes safe, verified by the engine.

Only money that has not been paid can change: payments marked `planned`, or, where no payment
in the data carries that mark, payments dated on or after `today`. Each proposal is checked by
running the engine again on the changed payments; a proposal that would not make the year safe is
never made. When the money already paid is over a cap, nothing can repair the year and the advice
says so (the resident must report it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from vergoedingcheck.engine.evaluate import evaluate
from vergoedingcheck.engine.result import Status, YearResult
from vergoedingcheck.model import Payer, Payment, Resident
from vergoedingcheck.rules.ruleset import Ruleset

ZERO = Decimal("0.00")

AdviceKind = Literal["none_needed", "lower_planned", "already_over", "nothing_to_change", "not_enough"]


@dataclass(frozen=True, slots=True)
class Change:
    payment: Payment
    new_amount: Decimal  # 0.00: do not pay it


@dataclass(frozen=True, slots=True)
class Advice:
    kind: AdviceKind
    changes: tuple[Change, ...] = ()
    status_after: Status | None = None
    """The year's status once the changes are made (checked by the engine)."""


def _year(residents: Sequence[Resident], payments: Sequence[Payment], ruleset: Ruleset, rid: str,
          year: int, payers: Sequence[Payer] = ()) -> YearResult | None:
    rr = evaluate(residents, payments, ruleset, years=[year], payers=payers).resident(rid)
    return rr.year(year) if rr else None


def advise(residents: Sequence[Resident], payments: Sequence[Payment], ruleset: Ruleset, rid: str,
           year: int, today: date, payers: Sequence[Payer] = ()) -> Advice:
    """Advice for one resident's year; `residents` should hold the resident's household;
    `payers` what is known about the payers (every proposal is checked with them)."""
    household = next((r.household_key for r in residents if r.id == rid), None)
    members = [r for r in residents if r.household_key == household]
    ids = {r.id for r in members}
    pays = [p for p in payments if p.resident in ids]
    current = _year(members, pays, ruleset, rid, year, payers)
    if current is None or current.status != "unsafe":
        # safe needs nothing; unknown needs a fact or a figure first, not a lower amount
        return Advice("none_needed", status_after=current.status if current else None)
    any_planned = any(p.planned for p in pays)
    changeable = sorted(
        (
            p
            for p in pays
            if p.resident == rid
            and p.date.year == year
            and p.is_fixed_allowance
            and (p.planned if any_planned else p.date >= today)
        ),
        key=lambda p: (p.date, p.amount),
    )
    if not changeable:
        return Advice("nothing_to_change", status_after=current.status)
    fixed = [p for p in pays if not any(p is c for c in changeable)]
    base = _year(members, fixed, ruleset, rid, year, payers)
    if base is None or base.status == "unsafe":
        return Advice("already_over", status_after=current.status)
    kept: list[Payment] = []
    changes: list[Change] = []
    for p in changeable:
        y = _year(members, fixed + kept, ruleset, rid, year, payers)
        room = y.months[p.date.month - 1].headroom if y is not None and y.status == "safe" else ZERO
        new = min(p.amount, room)
        if new > 0:
            kept.append(replace(p, amount=new))
        if new != p.amount:
            changes.append(Change(p, new))
    after = _year(members, fixed + kept, ruleset, rid, year, payers)
    status = after.status if after else None
    if status != "safe":
        return Advice("not_enough", tuple(changes), status)
    return Advice("lower_planned", tuple(changes), status)
