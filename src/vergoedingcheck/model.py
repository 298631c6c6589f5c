"""The engine's input: residents, their benefits, and payments.

Plain frozen dataclasses, independent of how they were read (case file, CSV, database).
No BSN anywhere: a resident is known by the coordinator's own reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

BenefitType = str
"""One of BENEFIT_TYPES; kept as `str` so the engine can report an unknown type loudly."""

BENEFIT_TYPES: tuple[str, ...] = (
    "bijstand",
    "ioaw",
    "ioaz",
    "aio",
    "ww",
    "zw",
    "wia",
    "wao",
    "wajong",
    "aow",
    "toeslagen",
)
BIJSTAND_FAMILY = frozenset({"bijstand", "ioaw", "ioaz", "aio"})
UWV_AO_FAMILY = frozenset({"zw", "wia", "wao", "wajong"})

PaymentKind = Literal["vrijwilligersvergoeding", "onkostenvergoeding", "gift", "loon"]
PAYMENT_KINDS: tuple[str, ...] = ("vrijwilligersvergoeding", "onkostenvergoeding", "gift", "loon")

PayerType = Literal["anbi", "sbbi", "sport", "not_vpb", "commercial"]
PAYER_TYPES: tuple[str, ...] = ("anbi", "sbbi", "sport", "not_vpb", "commercial")
VOLUNTEER_PAYER_TYPES = frozenset({"anbi", "sbbi", "sport", "not_vpb"})
"""Organisations the vrijwilligersregeling covers (art. 2 lid 6 Wet LB 1964); `commercial` pays wages."""


@dataclass(frozen=True, slots=True)
class Benefit:
    type: BenefitType
    since: date | None = None
    until: date | None = None
    uwv_permission: bool | None = None
    ww_hourly_wage: Decimal | None = None
    client_number: str | None = None

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    def overlaps_year(self, year: int) -> bool:
        return (self.since is None or self.since <= date(year, 12, 31)) and (
            self.until is None or self.until >= date(year, 1, 1)
        )


@dataclass(frozen=True, slots=True)
class Resident:
    id: str
    birth_date: date | None
    name: str | None = None
    municipality: str | None = None
    household: str | None = None
    benefits: tuple[Benefit, ...] = field(default_factory=tuple)
    note: str | None = None
    """The coordinator's note (not used by the engine; kept so an export loses nothing)."""
    address: tuple[str, ...] = ()
    """Postal address lines for the letter's address window (optional; not used by the engine)."""

    @property
    def household_key(self) -> str:
        return self.household if self.household else f"resident:{self.id}"


@dataclass(frozen=True, slots=True)
class Payer:
    """What is known about one paying organisation (spec §1 `payers:`, §3 Payers).

    `name` matches `Payment.payer` exactly; `below_market_rate`: the payer can show that its hourly
    rate is not a market rate (then an hourly rate above the norm is a warning, not unknown)."""

    name: str
    type: PayerType
    below_market_rate: bool = False


@dataclass(frozen=True, slots=True)
class Payment:
    resident: str
    date: date
    amount: Decimal
    kind: PaymentKind
    hours: Decimal | None = None
    receipts: bool = False
    in_kind: bool = False
    payer: str | None = None
    note: str | None = None
    planned: bool = False
    id: str | None = None

    @property
    def is_fixed_allowance(self) -> bool:
        """Counted towards the caps: every volunteer allowance, and cost allowances without receipts."""
        return self.kind == "vrijwilligersvergoeding" or (
            self.kind == "onkostenvergoeding" and not self.receipts
        )

    @property
    def is_proven_costs(self) -> bool:
        return self.kind == "onkostenvergoeding" and self.receipts


def age_on(birth: date, day: date) -> int:
    """Completed years on `day` (someone born 29 Feb turns a year older on 1 March in common years)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
