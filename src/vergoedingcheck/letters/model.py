"""The composed letters: plain, frozen data that says what a letter contains.

`compose.py` builds these from a check result; `render.py` turns them into PDF. Each letter has a
`head` (address block, sender, date, reference, footer) and `blocks` (the body, in order) that the
renderer lays out without knowing which letter it is; the other fields hold the facts as typed
values (Decimal, date, status words) so tests can check them without reading a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from vergoedingcheck.engine.result import LegalRef, Status
from vergoedingcheck.letters.content import Text

LetterKind = Literal["resident", "office", "coordinator"]
Office = Literal["gemeente", "uwv", "svb"]

# -- layout blocks ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    text: Text


@dataclass(frozen=True, slots=True)
class Para:
    text: Text
    style: Literal["body", "lead", "small", "signature"] = "body"


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header texts from templates, cells are data (escaped when rendered)."""

    header: tuple[Text, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Literal["l", "r"], ...]
    widths: tuple[float, ...]  # fractions of the frame width, summing to 1
    total: tuple[str, ...] | None = None
    bold_rows: tuple[int, ...] = ()
    side_by_side: int = 1  # print the rows in this many columns next to each other (a long list)


@dataclass(frozen=True, slots=True)
class KeyValues:
    rows: tuple[tuple[Text, str], ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """What follows starts on a new page (the coordinator's summary is a page of its own)."""


Block = Heading | Para | Bullets | Table | KeyValues | PageBreak


@dataclass(frozen=True, slots=True)
class LetterHead:
    kind: LetterKind
    lang: str
    language_tag: str  # "nl-NL": the PDF's /Lang
    title: str  # the PDF's /Title
    recipient: tuple[str, ...]  # the address window, first line is the name
    sender: tuple[str, ...]  # the organisation, right of the address window
    meta: tuple[tuple[str, str], ...]  # (label, value): date, reference, contact
    subject: Text
    page_label: str  # "Pagina {page} van {pages}"
    footer: str  # plain text: rules verification date and fingerprint
    organisation: str
    logo: Path | None = None
    letter_date: date | None = None  # the PDF's CreationDate


# -- facts ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaymentLine:
    date: date
    amount: Decimal
    kind: str
    label: str
    planned: bool


@dataclass(frozen=True, slots=True)
class ActionLine:
    id: str  # one of engine.result.ACTIONS, or "give_letter"
    text: Text
    deadline: date | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    kind: Literal["lower_month", "lower_year", "other_month", "receipts", "wait_permission",
                  "skip_payment", "already_over", "next_year"]
    month: str | None = None  # "2025-03"
    amount: Decimal | None = None
    limit: Decimal | None = None
    value: Decimal | None = None
    other_month: str | None = None
    text: Text | None = None


@dataclass(frozen=True, slots=True)
class ResidentLetter:
    head: LetterHead
    resident_id: str
    name: str | None
    year: int
    status: Status
    effect: str  # the template key of the one-sentence verdict, e.g. "effect.unsafe_benefit"
    details: tuple[str, ...]  # template keys of the sentences after it
    benefit_types: tuple[str, ...]
    payments: tuple[PaymentLine, ...]
    total: Decimal
    actions: tuple[ActionLine, ...]
    proposals: tuple[Proposal, ...]
    legal_basis: tuple[LegalRef, ...]
    blocks: tuple[Block, ...]
    footnote: tuple[Block, ...]
    planned_only: bool = False  # unsafe only if the planned (unpaid) money is paid
    conditional_actions: tuple[str, ...] = ()  # actions only the planned money would cause
    remaining: Decimal | None = None  # headroom_remaining on the letter date (safe letters)

    def body_text(self) -> str:
        """The running text a resident reads (no tables, address block or footnote)."""
        return body_text(self.blocks)


@dataclass(frozen=True, slots=True)
class MonthAmounts:
    month: str  # "2025-03"
    by_kind: tuple[tuple[str, Decimal], ...]  # column key -> amount
    total: Decimal
    planned: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    rule: str
    title: str
    regime: str
    period: str
    outcome: str
    limit: Decimal | None
    value: Decimal | None
    legal_basis: LegalRef | None


@dataclass(frozen=True, slots=True)
class OfficeLetter:
    head: LetterHead
    office: Office
    resident_id: str
    name: str | None
    birth_date: date | None
    client_number: str | None
    year: int
    period: tuple[date, date]
    status: Status
    benefit_types: tuple[str, ...]
    months: tuple[MonthAmounts, ...]
    verdicts: tuple[Verdict, ...]
    countable: Decimal | None
    blocks: tuple[Block, ...]
    footnote: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class OverviewRow:
    resident_id: str
    name: str | None
    status: Status
    counted: Decimal
    headroom: Decimal
    actions: tuple[str, ...]
    reason: str = ""  # why this status, in a few words (the caps crossed, what is missing)


@dataclass(frozen=True, slots=True)
class Turning27:
    resident_id: str
    name: str | None
    birthday: date


@dataclass(frozen=True, slots=True)
class PlannedAlert:
    resident_id: str
    name: str | None
    date: date
    amount: Decimal
    cap: Literal["month", "year", "other"]


@dataclass(frozen=True, slots=True)
class CoordinatorOverview:
    head: LetterHead
    year: int
    month: int | None
    rows: tuple[OverviewRow, ...]
    turning_27: tuple[Turning27, ...]
    planned_over_cap: tuple[PlannedAlert, ...]
    next_month: str  # "2025-04": the month whose planned payments are checked
    blocks: tuple[Block, ...]
    footnote: tuple[Block, ...] = ()


Letter = ResidentLetter | OfficeLetter | CoordinatorOverview


def body_text(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading | Para):
            out.append(b.text.plain())
        elif isinstance(b, Bullets):
            out.extend(t.plain() for t in b.items)
    return "\n".join(out)
