"""The first screen: every resident with this year's status and headroom."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from vergoedingcheck.money import ZERO
from vergoedingcheck.store import PaymentRecord, ResidentRecord, StoreError
from vergoedingcheck.tui.common import (
    NL,
    STATUS_ORDER,
    benefits_short,
    day,
    eur,
    fold,
    name_key,
    room_now,
    status_cell,
    status_markup,
    status_nl,
    without_tussenvoegsel,
)
from vergoedingcheck.tui.messages import Rechecked
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


Row = tuple[str, str, str | None, str, str]
COLUMN_KEYS = ("name", "benefits", "status", "month", "year")
_MONTH_ABBR = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


class ResidentsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False, id="residents.open"),
        Binding("n", "new", "Nieuw", id="residents.new"),
        Binding("slash", "search", "Zoek", key_display="/", id="residents.search"),
        Binding("s", "sort", "Sorteer", id="residents.sort"),
        Binding("space", "mark", "Markeer", show=False, id="residents.mark"),
        Binding("g", "group_payment", "Groep betalen", show=False, id="residents.group_payment"),
        Binding("left_square_bracket", "year(-1)", "Vorig jaar", show=False, id="residents.previous_year"),
        Binding("right_square_bracket", "year(1)", "Volgend jaar", show=False, id="residents.next_year"),
        Binding("r", "app.rules", "Regels", id="residents.rules"),
        Binding(
            "b", "app.payers", "Betalers", show=False, id="residents.payers"
        ),  # in help and the command palette
        Binding("t", "app.worklist", "Te doen", show=False, id="residents.worklist"),
        Binding("z", "search_payments", "Zoek betalingen", show=False, id="residents.search_payments"),
        Binding("o", "payer_totals", "Per betaler", show=False, id="residents.payer_totals"),
        Binding("i", "app.transfer", "Import", id="residents.transfer"),
        Binding("l", "app.letters", "Overzicht", id="residents.letters"),
        Binding("q", "app.quit", "Stop", id="residents.quit"),
        Binding("escape", "clear_search", "Wis zoeken", show=False, id="residents.clear_search"),
    ]
    SORTS = ("name", "room", "status")
    """Name (Dutch collation), room left this year (least first), status (niet veilig first)."""

    def __init__(self) -> None:
        super().__init__()
        self.sort_by = "name"
        self.residents: list[ResidentRecord] = []
        self.select_after: str | None = None
        self.marked: set[str] = set()
        """Residents marked with space, for one payment to the group (g)."""
        self._rows_shown: dict[str, Row] = {}
        self._name_keys: dict[str, Any] = {}
        """The rows in the table now, in order (what `fill` compares with)."""

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataInput(
            placeholder="Zoek op naam, referentie, gemeente of uitkering", id="search", compact=True
        )
        table = Table(id="residents", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="summary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        t = self.query_one("#residents", DataTable)
        t.add_column("Naam", key="name", width=21)
        t.add_column("Uitkering", key="benefits", width=14)
        t.add_column("Status", key="status", width=11)
        t.add_column(f"Ruimte {_MONTH_ABBR[self.vc.today.month - 1]}", key="month", width=10)
        t.add_column("Rest jaar", key="year", width=11)
        self.reload()
        t.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_rechecked(self, _: Rechecked) -> None:
        self.reload()

    def reload(self) -> None:
        self.residents = self.vc.store.residents()
        self.marked &= {r.id for r in self.residents}
        self.fill()

    def _row(self, r: ResidentRecord) -> Row:
        app = self.vc
        result = app.result.resident(r.id) if app.result else None
        yr = result.year(app.year) if result else None
        if yr is None:
            return (r.label, benefits_short(r.benefits), None, "…", "…")
        prov = app.provisional_result.resident(r.id) if app.provisional_result else None
        py = prov.year(app.year) if prov else None
        if py is not None:  # figures not confirmed: the room is provisional (said in the summary)
            month, rest = room_now(py, app.today)
            return (r.label, benefits_short(r.benefits), yr.status, month, f"{rest}*")
        return (r.label, benefits_short(r.benefits), yr.status, *room_now(yr, app.today))

    def _room_left(self, r: ResidentRecord) -> Decimal | None:
        """`headroom_remaining` from today (the provisional figure while a year is pending)."""
        app = self.vc
        for res in (app.provisional_result, app.result):
            resident = res.resident(r.id) if res else None
            yr = resident.year(app.year) if resident else None
            if yr is not None:
                return yr.headroom_remaining(app.today) if yr.year >= app.today.year else ZERO
        return None

    @staticmethod
    def _cell(col: str, value: str | None) -> object:
        if col == "status":
            return status_cell(value) if value else "bezig…"
        return value

    def _sort(self, rows: list[tuple[ResidentRecord, Row]]) -> None:
        keys = self._name_keys  # Dutch collation keys, kept between redraws (a label seldom changes)
        for r, _ in rows:
            if r.label not in keys:
                keys[r.label] = name_key(r.label)
        rows.sort(key=lambda x: keys[x[0].label])  # every order ends in name order
        if self.sort_by == "status":
            rows.sort(key=lambda x: STATUS_ORDER.get(x[1][2] or "unknown", 1))
        elif self.sort_by == "room":
            rooms = {r.id: self._room_left(r) for r, _ in rows}
            rows.sort(key=lambda x: (rooms[x[0].id] is None, rooms[x[0].id] or ZERO))

    def fill(self) -> None:
        t = self.query_one("#residents", DataTable)
        needle = fold(self.query_one("#search", Input).value.strip())
        keep = t.cursor_row
        selected = None
        if t.row_count and 0 <= keep < t.row_count:
            selected = t.coordinate_to_cell_key(Coordinate(keep, 0)).row_key.value
        rows = []
        for r in self.residents:
            if not needle:  # no search: no haystack to build (fold per resident per redraw)
                rows.append((r, self._row(r)))
                continue
            hay = fold(
                " ".join(
                    filter(
                        None,
                        [
                            r.id,
                            r.name,
                            without_tussenvoegsel(r.name or ""),
                            r.municipality,
                            r.household,
                            benefits_short(r.benefits),
                        ],
                    )
                )
            )
            if needle and needle not in hay:
                continue
            rows.append((r, self._row(r)))
        self._sort(rows)
        counts = {"safe": 0, "unsafe": 0, "unknown": 0}
        want: dict[str, Row] = {}
        for r, (name, ben, status, month, year) in rows:
            if status:
                counts[status] += 1
            want[r.id] = (f"✓ {name}" if r.id in self.marked else name, ben, status, month, year)
        if list(want) == list(self._rows_shown) and t.row_count == len(want):
            # the same rows in the same order (a recheck, a mark): change only the cells that
            # differ, so a result for one resident does not rebuild 10,000 rows on the event loop
            for rid, cells in want.items():
                old = self._rows_shown[rid]
                if old != cells:
                    for col, a, b in zip(COLUMN_KEYS, old, cells, strict=True):
                        if a != b:
                            t.update_cell(rid, col, self._cell(col, b))
        else:
            t.clear()
            for rid, cells in want.items():
                t.add_row(*(self._cell(col, c) for col, c in zip(COLUMN_KEYS, cells, strict=True)), key=rid)
        self._rows_shown = want
        if self.select_after:
            selected, self.select_after = self.select_after, None
        for i, (r, _) in enumerate(rows):
            if r.id == selected:
                t.move_cursor(row=i)
        app = self.vc
        if self.is_current:  # the title matches the screen on top (the worklist opens over this one)
            self.app.sub_title = f"bewoners {app.year}"
        shown = f"{len(rows)} van {len(self.residents)}" if needle else f"{len(rows)}"
        text = (
            f"{shown} bewoners · {counts['unsafe']} {status_markup('unsafe')} · "
            f"{counts['unknown']} {status_markup('unknown')} · {counts['safe']} {status_nl('safe')}"
            f" · sortering {NL['sort'][self.sort_by]}"
        )
        if self.marked:
            text += f" · {len(self.marked)} gemarkeerd (g: één betaling voor allen)"
        if app.provisional_result is not None:
            text = (
                f"* Bedragen {app.year} nog niet vastgesteld: ruimte voorlopig, met die van {app.year - 1}.\n"
                + text
            )
        if not self.residents:
            text = "Nog geen bewoners. Druk op n om er een toe te voegen, of i om te importeren."
        self.query_one("#summary", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one("#residents", DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open(event.row_key.value)

    def action_open(self) -> None:
        t = self.query_one("#residents", DataTable)
        if t.row_count:
            self.open(str(t.coordinate_to_cell_key(Coordinate(t.cursor_row, 0)).row_key.value))

    def open(self, rid: str) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        self.app.push_screen(ResidentScreen(rid))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_search_payments(self) -> None:
        from vergoedingcheck.tui.search import PaymentSearchScreen

        self.app.push_screen(PaymentSearchScreen())

    def action_payer_totals(self) -> None:
        from vergoedingcheck.tui.payer_totals import PayerTotalsScreen

        self.app.push_screen(PayerTotalsScreen())

    def action_clear_search(self) -> None:
        inp = self.query_one("#search", Input)
        inp.value = ""
        self.query_one("#residents", DataTable).focus()

    def action_sort(self) -> None:
        self.sort_by = self.SORTS[(self.SORTS.index(self.sort_by) + 1) % len(self.SORTS)]
        self.fill()

    def _cursor_id(self) -> str | None:
        t = self.query_one("#residents", DataTable)
        if not t.row_count:
            return None
        return str(t.coordinate_to_cell_key(Coordinate(t.cursor_row, 0)).row_key.value)

    def action_mark(self) -> None:
        """Space: mark or unmark the resident under the cursor, then move down."""
        rid = self._cursor_id()
        if rid is None:
            return
        self.marked ^= {rid}
        t = self.query_one("#residents", DataTable)
        row = t.cursor_row
        self.fill()
        t.move_cursor(row=min(row + 1, t.row_count - 1))

    def action_group_payment(self) -> None:
        """g: one payment for every marked resident, each checked before saving."""
        from vergoedingcheck.tui.group import GroupPaymentForm, GroupReviewScreen

        group = [r for r in self.residents if r.id in self.marked]
        if not group:
            self.notify("Markeer eerst bewoners met de spatiebalk; g maakt dan één betaling voor allen.")
            return

        def reviewed(pays: list[PaymentRecord] | None) -> None:
            if pays is None:
                return
            left = [r.label for r in group if r.id not in {p.resident for p in pays}]
            if not pays:
                self.notify("Niets opgeslagen.")
                return
            try:
                self.vc.store.add_payments(pays)  # all in one transaction, or none
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                return
            first = pays[0]
            msg = (
                f"Betaling van {eur(first.amount)} op {day(first.date)} opgeslagen voor {len(pays)} bewoners."
            )
            if left:
                msg += " Niet voor: " + ", ".join(left) + "."
            self.notify(msg)
            self.marked.clear()
            self.reload()
            self.vc.recheck({p.resident for p in pays})

        def filled(rec: PaymentRecord | None) -> None:
            if rec is not None:
                self.app.push_screen(GroupReviewScreen(rec, group), reviewed)

        self.app.push_screen(GroupPaymentForm(group, self.vc), filled)

    def action_year(self, delta: int) -> None:
        self.vc.set_year(self.vc.year + delta)
        self.fill()

    def action_new(self) -> None:
        from vergoedingcheck.tui.forms import ResidentForm

        def saved(rec: ResidentRecord | None) -> None:
            if rec is None:
                return
            try:
                self.vc.store.add_resident(rec)
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                return
            self.notify(f"{rec.label} toegevoegd")
            self.select_after = rec.id
            self.query_one("#search", Input).value = ""
            self.reload()
            self.vc.recheck({rec.id})

        self.app.push_screen(ResidentForm(None, self.vc.today), saved)
