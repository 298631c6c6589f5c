"""What if: type an amount and a date, see the effect on tax and every benefit before saving."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import YearResult
from vergoedingcheck.io.spreadsheet import format_date_nl, parse_date_nl, parse_money_nl
from vergoedingcheck.store import PaymentRecord, ResidentRecord, StoreError
from vergoedingcheck.tui.common import day, eur, month_name, status_cell, status_nl, visible
from vergoedingcheck.tui.forms import KIND_OPTIONS
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


def compare(
    app: VergoedingApp, rid: str, extra: PaymentRecord, replaces: int | None = None
) -> tuple[YearResult | None, YearResult | None]:
    """The year of `extra` before and after adding it (or replacing payment `replaces`)."""
    store = app.store
    me = store.resident(rid)
    residents = [me] + (
        [r for r in store.residents() if r.household == me.household and r.id != rid] if me.household else []
    )
    ids = {r.id for r in residents}
    pays = [p for p in store.payments(year=extra.date.year) if p.resident in ids]
    # other teams' payments to these residents count too (PostgreSQL teams; none on SQLite)
    pays += [p for p in store.other_team_payments() if p.resident in ids and p.date.year == extra.date.year]
    if replaces is not None:
        old = [p for p in pays]
        new = [p for p in pays if p.id != replaces] + [extra]
    else:
        old = pays
        new = [*pays, extra]
    models = [r.to_model() for r in residents]
    years = [extra.date.year]
    before = evaluate(models, [p.to_model() for p in old], app.ruleset, years=years)
    after = evaluate(models, [p.to_model() for p in new], app.ruleset, years=years)
    b, a = before.resident(rid), after.resident(rid)
    return (b.year(extra.date.year) if b else None, a.year(extra.date.year) if a else None)


def effect_line(app: VergoedingApp, rid: str, rec: PaymentRecord) -> str:
    """One line for the payment form: what saving this payment does to the year's status."""
    before, after = compare(app, rid, rec, replaces=rec.id)
    if before is None or after is None:
        return ""
    m = rec.date.month - 1
    if before.status == after.status:
        s = f"Na opslaan: {rec.date.year} blijft {status_nl(after.status)}"
    else:
        s = (
            f"Na opslaan: {rec.date.year} wordt {status_nl(after.status).upper()} "
            f"(was {status_nl(before.status)})"
        )
    return s + f" · ruimte {month_name(after.months[m].month)} {eur(after.months[m].headroom)}"


class WhatIfScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluit"),
        Binding("ctrl+s", "save", "Opslaan als gepland"),
    ]

    def __init__(self, resident: ResidentRecord):
        super().__init__()
        self.resident = resident
        self.candidate: PaymentRecord | None = None

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(visible(f"Wat als · {self.resident.label}"), classes="title", markup=False)
            with Grid(classes="fields"):
                yield Label("Bedrag (€)")
                yield DataInput("", id="amount", compact=True, placeholder="bijvoorbeeld 75,00")
                yield Label("Datum")
                yield DataInput(format_date_nl(self.vc.today), id="date", compact=True)
                yield Label("Soort")
                yield Select(
                    KIND_OPTIONS,
                    value="vrijwilligersvergoeding",
                    allow_blank=False,
                    compact=True,
                    id="kind",
                )
            yield Static("Typ een bedrag: hieronder ziet u meteen wat het doet.", id="verdict", markup=False)
            yield Table(id="effect", cursor_type="none")
            yield Horizontal(
                Button("Opslaan als gepland (ctrl+s)", id="save", variant="primary", compact=True),
                Button("Sluit (esc)", id="close", compact=True),
                classes="buttons",
            )

    def on_mount(self) -> None:
        t = self.query_one("#effect", DataTable)
        t.add_column("Onderdeel", width=20)
        t.add_column("Nu", width=11)
        t.add_column("Daarna", width=11)
        t.add_column("Telt mee", width=12)
        self.query_one("#amount", Input).focus()

    def on_input_changed(self, _: Input.Changed) -> None:
        self.update()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.update()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.update()

    def update(self) -> None:
        verdict = self.query_one("#verdict", Static)
        t = self.query_one("#effect", DataTable)
        t.clear()
        self.candidate = None
        amount_text = self.query_one("#amount", Input).value
        date_text = self.query_one("#date", Input).value
        if not amount_text.strip():
            verdict.update("Typ een bedrag: hieronder ziet u meteen wat het doet.")
            return
        try:
            amount: Decimal = parse_money_nl(amount_text)
            when: date = parse_date_nl(date_text)
        except ValueError as exc:
            verdict.update(visible(f"Nog niet te berekenen: {exc}"))
            return
        kind = str(self.query_one("#kind", Select).value)
        cand = PaymentRecord(self.resident.id, when, amount, kind, status="planned", note="wat-als")
        before, after = compare(self.vc, self.resident.id, cand)
        if before is None or after is None:
            verdict.update("Geen resultaat voor dit jaar.")
            return
        self.candidate = cand
        m = when.month - 1
        if before.status == after.status:
            word = f"{when.year} blijft {status_nl(after.status)}"
        else:
            now = status_nl(before.status)
            word = f"{when.year} wordt {status_nl(after.status).upper()} (nu {now})"
        verdict.update(
            f"{eur(amount)} op {day(when)}: {word}. Ruimte in "
            f"{month_name(after.months[m].month)} daarna: "
            f"{eur(after.months[m].headroom)}; nog te betalen in {when.year}: "
            f"{eur(after.headroom_remaining(self.vc.today))}."
        )
        t.add_row(
            "Heel het jaar",
            status_cell(before.status),
            status_cell(after.status),
            eur(after.tax.counted),
        )
        t.add_row(
            f"Maand {month_name(after.months[m].month)}",
            status_cell(before.months[m].status),
            status_cell(after.months[m].status),
            eur(after.months[m].counted),
        )
        t.add_row(
            "Belasting",
            status_cell(before.tax.status),
            status_cell(after.tax.status),
            eur(after.tax.taxable) if after.tax.taxable else "niets belast",
        )
        old = {b.type: b for b in before.benefits}
        for b in after.benefits:
            o = old.get(b.type)
            t.add_row(
                f"Uitkering {b.type}",
                status_cell(o.status if o else None),
                status_cell(b.status),
                eur(b.countable),
            )
        if not after.benefits:
            t.add_row("Uitkering", "geen", "geen", "—")

    def action_save(self) -> None:
        if self.candidate is None:
            self.notify("Typ eerst een bedrag en een datum", severity="warning")
            return
        try:
            self.vc.store.add_payment(self.candidate)
        except StoreError as exc:
            self.notify(str(exc), severity="error", title="Niet opgeslagen")
            return
        self.notify(f"Gepland: {eur(self.candidate.amount)} op {day(self.candidate.date)}")
        self.vc.recheck()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)
