"""The store's rows as plain domain values: a resident or payment with its revision.

They live here, below `io` and `store`, so that reading a spreadsheet (`io`) and writing the
database (`store`) share them without `io` importing the store (and sqlite3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from vergoedingcheck.model import Benefit, Payment, Resident

PaymentStatus = Literal["planned", "paid"]


@dataclass(frozen=True, slots=True)
class ResidentRecord:
    id: str
    name: str | None = None
    birth_date: date | None = None
    municipality: str | None = None
    household: str | None = None
    note: str | None = None
    benefits: tuple[Benefit, ...] = ()
    rev: int = 0
    address: tuple[str, ...] = ()

    def to_model(self) -> Resident:
        return Resident(
            id=self.id,
            birth_date=self.birth_date,
            name=self.name,
            municipality=self.municipality,
            household=self.household,
            benefits=self.benefits,
            note=self.note,
            address=self.address,
        )

    @classmethod
    def from_model(cls, r: Resident, note: str | None = None) -> ResidentRecord:
        return cls(
            id=r.id,
            name=r.name,
            birth_date=r.birth_date,
            municipality=r.municipality,
            household=r.household,
            note=note if note is not None else r.note,
            benefits=tuple(r.benefits),
            address=tuple(r.address),
        )

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    resident: str
    date: date
    amount: Decimal
    kind: str
    hours: Decimal | None = None
    receipts: bool = False
    in_kind: bool = False
    payer: str | None = None
    note: str | None = None
    status: PaymentStatus = "paid"
    id: int | None = None
    rev: int = 0
    ref: str | None = None
    """The stable de-duplication key (issue 9 item 1): the coordinator's own reference from the file
    (case file `id`, CSV/XLSX `kenmerk`), unique per resident; the store gives every payment one."""

    def to_model(self) -> Payment:
        return Payment(
            resident=self.resident,
            date=self.date,
            amount=self.amount,
            kind=self.kind,  # type: ignore[arg-type]
            hours=self.hours,
            receipts=self.receipts,
            in_kind=self.in_kind,
            payer=self.payer,
            note=self.note,
            planned=self.status == "planned",
            id=self.ref,
        )

    @classmethod
    def from_model(cls, p: Payment) -> PaymentRecord:
        return cls(
            resident=p.resident,
            date=p.date,
            amount=p.amount,
            kind=p.kind,
            hours=p.hours,
            receipts=p.receipts,
            in_kind=p.in_kind,
            payer=p.payer,
            note=p.note,
            status="planned" if p.planned else "paid",
            ref=p.id,
        )

    def same_content(self, other: PaymentRecord) -> bool:
        return replace(self, id=None, rev=0, ref=None) == replace(other, id=None, rev=0, ref=None)


def to_models(
    residents: Iterable[ResidentRecord], payments: Iterable[PaymentRecord]
) -> tuple[list[Resident], list[Payment]]:
    """Store rows → the engine's input."""
    return [r.to_model() for r in residents], [p.to_model() for p in payments]
