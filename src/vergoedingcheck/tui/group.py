"""One payment for a group of residents at once (issue 11 item 4).

The coordinator marks residents in the list (space), fills in one payment form, and sees for each
resident what the payment does before anything is saved: the year's status now and after, the
reason when it is no longer safe, and the largest safe amount on that date. A resident for whom
the payment would make a safe year unsafe or unknown is left out unless the coordinator confirms
that resident; the rest is saved in one transaction (`Store.add_payments`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import ZERO, Status, YearResult
from vergoedingcheck.store import PaymentRecord, ResidentRecord
from vergoedingcheck.tui.common import day, eur, name_key, plain, rich_line, status_cell, status_nl, visible
from vergoedingcheck.tui.forms import FormError, PaymentForm
from vergoedingcheck.tui.whatif import largest_safe, planning_status, reasons
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


@dataclass(frozen=True)
class GroupLine:
    """What the group's payment does to one resident's year."""

    resident: ResidentRecord
    payment: PaymentRecord
    before: Status | None
    after: Status | None
    provisional: bool  # judged with the last confirmed figures (the year's own are pending)
    why: tuple[str, ...]
    safe: Decimal | None  # the largest safe amount of this kind on that date
    save: bool  # saved when the coordinator saves: safe ones yes, the rest only when confirmed

    @property
    def worsens(self) -> bool:
        """A safe year becomes unsafe or unknown (a pending year judged provisionally)."""
        return self.before == "safe" and self.after != "safe"


def check_group(
    app: VergoedingApp,
    template: PaymentRecord,
    residents: Sequence[ResidentRecord],
    confirmed: frozenset[str] = frozenset(),
    left_out: frozenset[str] = frozenset(),
) -> list[GroupLine]:
    """Check `template` for each resident, in Dutch name order, as the engine will see it after
    saving: what the store holds (the household, the payers, other teams' payments) plus the group's
    payments to be saved before this one. So two members of one household share the gift room: the
    second is checked with the first one's gift. A payment that worsens a year is saved only for a
    resident in `confirmed`; a resident in `left_out` is not saved (and not counted for the rest)."""
    store = app.store
    everyone = store.residents()
    year = template.date.year
    held = store.payments(year=year)
    held += [p for p in store.other_team_payments() if p.date.year == year]
    payers = store.payer_models()
    chosen: list[PaymentRecord] = []  # the group's payments that will be saved, so far
    out: list[GroupLine] = []
    for r in sorted(residents, key=lambda r: name_key(r.label)):
        members = [r] + (
            [o for o in everyone if o.household == r.household and o.id != r.id] if r.household else []
        )
        ids = {m.id for m in members}
        pays = [p for p in held + chosen if p.resident in ids]
        models = [m.to_model() for m in members]
        rec = replace(template, resident=r.id)

        def year_of(
            payments: list[PaymentRecord], rid: str = r.id, models: list[Any] = models
        ) -> YearResult | None:
            res = evaluate(
                models, [p.to_model() for p in payments], app.ruleset, years=[year], payers=payers
            ).resident(rid)
            return res.year(year) if res else None

        before, after = year_of(pays), year_of([*pays, rec])
        b = planning_status(before) if before else None
        a = planning_status(after) if after else None
        safe = largest_safe(before, rec)
        if safe is not None and safe > ZERO:  # checked with this payment's payer, hours and kind
            check = year_of([*pays, replace(rec, amount=safe)])
            safe = safe if check is not None and planning_status(check) == "safe" else ZERO
        why = tuple(reasons(after)) if after is not None and a != "safe" else ()
        if after is not None and after.provisional is not None and a != "safe":
            why = (f"voorlopig, met de bedragen van {after.provisional.assuming}", *why)
        worsens = b == "safe" and a != "safe"
        save = r.id not in left_out and (not worsens or r.id in confirmed)
        line = GroupLine(r, rec, b, a, after is not None and after.provisional is not None, why, safe, save)
        out.append(line)
        if save:
            chosen.append(rec)
    return out


class GroupPaymentForm(PaymentForm):
    """The payment form for a group: one payment, no repetition, checked per resident afterwards."""

    def __init__(self, residents: Sequence[ResidentRecord], app: VergoedingApp):
        names = ", ".join(r.label for r in sorted(residents, key=lambda r: name_key(r.label)))
        label = f"{len(residents)} bewoners: {names}"
        super().__init__(
            ResidentRecord("", label),
            None,
            app.today,
            payers=app.store.payer_models(),
            names_in_use=app.store.payer_names_in_use(),
        )

    def on_mount(self) -> None:
        for wid in ("#repeat", "#until", "#until-label"):
            for w in self.query(wid):
                w.remove()
        title = self.query_one(".title", Label)
        title.update(plain(f"Betaling voor een groep · {self.resident.label}"))
        self.query_one("#preview", Static).update(
            "Na Opslaan ziet u per bewoner wat de betaling doet; nog niets wordt opgeslagen."
        )
        super().on_mount()

    def _repeats(self) -> bool:
        return False

    def _show_repeat(self) -> None:
        """No repetition for a group (its fields are removed)."""

    def action_save(self) -> None:
        try:
            rec = self.build()
        except FormError as exc:  # every field's message
            self.show_error(exc)
            return
        self.dismiss(rec)


class GroupReviewScreen(ModalScreen[list[PaymentRecord] | None]):
    """Per resident: status now and after, why, the largest safe amount, and whether it is saved.
    Space changes whether the row's resident is saved; a resident whose year would become unsafe or
    unknown is only saved after that (the confirmation per resident)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "flip", "Wel/niet opslaan", id="group.toggle"),
        Binding("ctrl+s", "save", "Opslaan", id="group.save"),
        Binding("escape", "cancel", "Annuleer", id="group.cancel"),
    ]

    def __init__(self, template: PaymentRecord, residents: Sequence[ResidentRecord]):
        super().__init__()
        self.template = template
        self.members = list(residents)
        self.confirmed: set[str] = set()
        self.left_out: set[str] = set()
        self.lines: list[GroupLine] = []

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        p = self.template
        with Vertical(classes="dialog wide"):
            yield Label(
                visible(f"Betaling voor een groep · {eur(p.amount)} op {day(p.date)}"),
                classes="title",
                markup=False,
            )
            yield Table(id="group", cursor_type="row")
            yield Static("", id="group-why", classes="preview", markup=False)
            yield Static("", id="group-summary", markup=False)
            yield Horizontal(
                Button("Opslaan (ctrl+s)", id="save", variant="primary", compact=True),
                Button("Annuleer (esc)", id="cancel", compact=True),
                classes="buttons",
            )

    def on_mount(self) -> None:
        t = self.query_one("#group", DataTable)
        t.add_column("Opslaan", key="save", width=8)
        t.add_column("Naam", key="name", width=22)
        t.add_column("Nu", key="before", width=11)
        t.add_column("Daarna", key="after", width=13)
        t.add_column("Veilig tot", key="safe", width=11)
        self.refresh_lines()
        t.focus()

    def refresh_lines(self) -> None:
        self.lines = check_group(
            self.vc, self.template, self.members, frozenset(self.confirmed), frozenset(self.left_out)
        )
        t = self.query_one("#group", DataTable)
        keep = t.cursor_row
        t.clear()
        for line in self.lines:
            save: Any = plain("ja") if line.save else rich_line(("NEE", "bold reverse"))
            after: Any = status_cell(line.after) if line.after else plain("?")
            if line.provisional and line.after:
                after = rich_line("voorl. ", (status_nl(line.after), "bold" if line.after != "safe" else ""))
            t.add_row(
                save,
                plain(line.resident.label),
                status_cell(line.before) if line.before else plain("?"),
                after,
                plain(eur(line.safe) if line.safe is not None else "—"),
                key=line.resident.id,
            )
        if t.row_count:
            t.move_cursor(row=min(max(keep, 0), t.row_count - 1))
        n = sum(1 for x in self.lines if x.save)
        stopped = [x for x in self.lines if x.worsens and not x.save]
        text = f"{n} van {len(self.lines)} worden opgeslagen."
        if stopped:
            text += (
                f" Niet opgeslagen ({len(stopped)}): de betaling maakt hun jaar niet veilig of onbekend;"
                " spatie slaat er toch een op."
            )
        self.query_one("#group-summary", Static).update(text)
        self.show_why()

    def _current(self) -> GroupLine | None:
        t = self.query_one("#group", DataTable)
        if not t.row_count:
            return None
        rid = t.coordinate_to_cell_key(Coordinate(t.cursor_row, 0)).row_key.value
        return next((x for x in self.lines if x.resident.id == rid), None)

    def show_why(self) -> None:
        line = self._current()
        if line is None:
            self.query_one("#group-why", Static).update("")
            return
        y = line.payment.date.year
        head = f"{line.resident.label}: {y} "
        if line.before == line.after:
            head += f"blijft {status_nl(line.after)}"
        else:
            head += f"wordt {status_nl(line.after).upper()} (was {status_nl(line.before)})"
        parts = [head]
        if line.why:
            parts.append("Waarom: " + "; ".join(line.why))
        if line.safe is not None:
            parts.append(f"Grootste veilige bedrag op {day(line.payment.date)}: {eur(line.safe)}")
        from rich.text import Text

        self.query_one("#group-why", Static).update(Text("\n").join(plain(x) for x in parts))

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self.show_why()

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_flip()

    def action_flip(self) -> None:
        line = self._current()
        if line is None:
            return
        rid = line.resident.id
        if line.save:
            self.confirmed.discard(rid)
            self.left_out.add(rid)
        else:
            self.left_out.discard(rid)
            if line.worsens or line.before != "safe" or line.after != "safe":
                self.confirmed.add(rid)
        self.refresh_lines()

    def action_save(self) -> None:
        self.dismiss([x.payment for x in self.lines if x.save])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
