"""Payers as records (issue 11 item 4; spec §3, Payers): what is known about each organisation that
pays. The engine reads them on every check: an allowance from a commercial company is pay, and an
hourly rate above the norm is only a volunteer allowance when the payer can show it is not a market
rate (otherwise the year is `onbekend`). This is where a coordinator records that."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Header, Label, Select, Static

from vergoedingcheck.tui.common import PAYER_TYPE_NL, esc, visible
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp

TYPE_NL = PAYER_TYPE_NL


class PayersScreen(Screen[None]):
    DEFAULT_CSS = """
    PayersScreen #payers-intro { padding: 0 1; }
    PayersScreen #payers { height: auto; max-height: 12; }
    PayersScreen #payers-unrecorded { padding: 0 1; color: $text-muted; }
    PayersScreen #payer-form { height: auto; padding: 1 1 0 1; }
    PayersScreen #payer-form Horizontal { height: auto; }
    PayersScreen #payer-form Label { width: 8; padding: 1 0 0 0; }
    PayersScreen #payer-name { width: 50; margin: 1 0 0 0; }
    PayersScreen #payer-type { width: 50; }
    PayersScreen #payer-message { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="payers.back"),
        Binding("ctrl+s", "save", "Opslaan", id="payers.save"),
    ]

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Wat bekend is over de organisaties die betalen. Een commercieel bedrijf kan geen "
            "vrijwilligersvergoeding geven: wat het betaalt is loon. Ligt een uurbedrag boven de "
            "norm, dan is het alleen een vrijwilligersvergoeding als de organisatie kan laten zien "
            "dat het geen marktconform uurloon is.",
            id="payers-intro",
        )
        yield Table(id="payers", cursor_type="row", zebra_stripes=True)
        yield Static("", id="payers-unrecorded")
        with Vertical(id="payer-form"):
            with Horizontal():
                yield Label("Naam   ")
                yield DataInput(id="payer-name", placeholder="zoals op de betalingen", compact=True)
            with Horizontal():
                yield Label("Soort  ")
                yield Select(
                    [(label, key) for key, label in TYPE_NL.items()], id="payer-type", allow_blank=False
                )
            yield Checkbox("Kan laten zien dat het uurbedrag niet marktconform is", id="payer-below")
            yield Button("Opslaan", id="payer-save", variant="primary")
            yield Static("", id="payer-message")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = "betalers"
        t = self.query_one("#payers", DataTable)
        t.add_column("Naam", key="name", width=30)
        t.add_column("Soort", key="type", width=28)
        t.add_column("Niet marktconform", key="below", width=18)
        self.fill()
        self.query_one("#payer-name", DataInput).focus()

    def fill(self) -> None:
        t = self.query_one("#payers", DataTable)
        t.clear()
        known = self.vc.store.payers()
        for name, typ, below in known:
            t.add_row(visible(name), TYPE_NL.get(typ, typ), "ja" if below else "nee", key=name)
        # the payers on payments that are not recorded yet: the check assumes they qualify
        names = {n for n, _, _ in known}
        unrecorded = sorted(
            {
                p.payer
                for p in self.vc.store.payments()
                if p.payer
                and p.payer not in names
                and p.kind in ("vrijwilligersvergoeding", "onkostenvergoeding")
            }
        )
        self.query_one("#payers-unrecorded", Static).update(
            "Nog niet vastgelegd (de controle neemt aan dat ze vrijwilligersvergoedingen mogen geven): "
            + ", ".join(esc(n) for n in unrecorded)
            if unrecorded
            else ""
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        name = str(event.row_key.value)
        for n, typ, below in self.vc.store.payers():
            if n == name:
                self.query_one("#payer-name", DataInput).value = n
                self.query_one("#payer-type", Select).value = typ
                self.query_one("#payer-below", Checkbox).value = below
                self.query_one("#payer-name", DataInput).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "payer-save":
            self.action_save()

    def action_save(self) -> None:
        from vergoedingcheck.store import StoreError

        name = self.query_one("#payer-name", DataInput).value.strip()
        typ = str(self.query_one("#payer-type", Select).value)
        below = bool(self.query_one("#payer-below", Checkbox).value)
        message = self.query_one("#payer-message", Static)
        store = self.vc.store
        try:
            if not name:
                raise StoreError("een betaler heeft een naam nodig")
            if any(n == name for n, _, _ in store.payers()):
                store.update_payer(name, typ, below_market_rate=below)
            else:
                store.add_payer(name, typ, below_market_rate=below)
        except StoreError as exc:
            message.update(f"Niet opgeslagen: {esc(str(exc))}")
            return
        message.update(
            f"Opgeslagen: {esc(name)}, {TYPE_NL.get(typ, typ)}. Alle bewoners worden opnieuw gecontroleerd."
        )
        self.fill()
        self.vc.recheck()

    def action_back(self) -> None:
        self.app.pop_screen()
