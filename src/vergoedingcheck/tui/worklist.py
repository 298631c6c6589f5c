"""Te doen: the coordinator's worklist (issue 11 item 3), from the last check and the store, on the
app's day. Enter opens the resident. The items come from `services.worklist` (pure, tested)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from vergoedingcheck.services.worklist import SECTIONS, Item, banner, worklist
from vergoedingcheck.store import PaymentRecord, ResidentRecord
from vergoedingcheck.tui.common import esc, visible
from vergoedingcheck.tui.messages import Rechecked
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


REPORT_SECTION = "Te melden aan gemeente, SVB of UWV"


def with_reports(
    items: list[Item], app: VergoedingApp, residents: list[ResidentRecord], payments: list[PaymentRecord]
) -> list[Item]:
    """The worklist with "te melden" items (issue 11 item 4): months of this year's payments the
    engine says to report and no recorded office letter covers; they go as the letters are made.
    Placed before "kan deze maand nog krijgen" (what to do before what is possible)."""
    from vergoedingcheck.tui.reported import worklist_items

    result = app.result
    year_of = {}
    for r in residents:
        res = result.resident(r.id) if result else None
        year_of[r.id] = res.year(app.today.year) if res else None
    letters = app.store.letters()
    extra = [
        Item("report", rid, name, text)
        for rid, name, text in worklist_items(residents, payments, letters, year_of, app.today)
    ]
    at = next((i for i, x in enumerate(items) if x.section == "room"), len(items))
    return items[:at] + extra + items[at:]


class WorklistScreen(Screen[None]):
    DEFAULT_CSS = """
    WorklistScreen #worklist-banner { padding: 0 1; text-style: bold; }
    WorklistScreen #worklist-head { padding: 0 1; }
    WorklistScreen #worklist { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="worklist.back"),
        Binding("enter", "open", "Open bewoner", show=False, id="worklist.open"),
    ]

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="worklist-banner")
        yield Static("", id="worklist-head")
        yield Table(id="worklist", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = "te doen"
        self.fill()
        self.query_one("#worklist", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.app.sub_title = "te doen"

    def on_rechecked(self, _: Rechecked) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.vc
        text = banner(app.ruleset, app.today)
        self.query_one("#worklist-banner", Static).update(esc(text) if text else "")
        t = self.query_one("#worklist", DataTable)
        # columns made again on every fill, as wide as the longest item: an auto-width column kept
        # the width of an empty first fill (while the check was still running), cutting every item
        # to "15 "
        t.clear(columns=True)
        if self.is_current:
            self.app.sub_title = "te doen"
        if app.result is None:
            self.query_one("#worklist-head", Static).update("De controle loopt nog…")
            return
        residents, payments = app.store.residents(), app.store.payments()
        items = with_reports(
            worklist(residents, payments, app.result, app.ruleset, app.today), app, residents, payments
        )
        t.add_column("Onderdeel", key="section", width=26)
        t.add_column("Bewoner", key="name", width=20)
        # the item wraps in the width that is left, so nothing is cut (issue 11 item 5)
        room = max(30, (self.size.width or self.app.size.width) - 26 - 20 - 8)
        t.add_column("Wat", key="text", width=min(room, max([3, *(len(i.text) for i in items)])))
        self.query_one("#worklist-head", Static).update(
            f"{len(items)} punten op {app.today.day}-{app.today.month}-{app.today.year}"
            if items
            else "Niets te doen."
        )
        for n, item in enumerate(items):
            t.add_row(
                {**SECTIONS, "report": REPORT_SECTION}[item.section],
                visible(item.name),
                visible(item.text),
                key=f"{n}:{item.resident}",
                height=None,
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        key = event.row_key.value
        if key:
            self.app.push_screen(ResidentScreen(str(key).split(":", 1)[1]))

    def action_open(self) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        t = self.query_one("#worklist", DataTable)
        if t.row_count == 0:
            return
        key = t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value
        if key:
            self.app.push_screen(ResidentScreen(str(key).split(":", 1)[1]))

    def action_back(self) -> None:
        self.app.pop_screen()
