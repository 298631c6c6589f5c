"""The trash (issue 11 item 6): what was deleted within the retention period, put back with Enter
exactly as it was (store/trash.py, built on the audit trail)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from vergoedingcheck.store import StoreError
from vergoedingcheck.store.privacy import retention_years
from vergoedingcheck.store.trash import TrashItem, restore, trash
from vergoedingcheck.text import word
from vergoedingcheck.tui.common import day, eur, visible
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


def t(key: str, **kw: Any) -> str:
    text = word("trash", key)
    return text.format(**kw) if kw else text


class TrashScreen(Screen[None]):
    DEFAULT_CSS = """
    TrashScreen #trash-intro { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="trash.back"),
        Binding("u", "restore", "Zet terug (Enter)", id="trash.restore"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[TrashItem] = []

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="trash-intro", markup=False)
        yield Table(id="trash", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = t("title")
        table = self.query_one("#trash", DataTable)
        table.add_column(t("when"), width=16)
        table.add_column(t("what"), width=9)
        table.add_column(t("who"), width=24)
        table.add_column(t("detail"), width=26)
        self.fill()
        table.focus()

    def fill(self) -> None:
        try:
            years = retention_years()
            self.items = trash(self.vc.store, today=self.vc.today)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            years, self.items = 0, []
        self.query_one("#trash-intro", Static).update(t("intro", years=years) if self.items else t("empty"))
        table = self.query_one("#trash", DataTable)
        table.clear()
        for i in self.items:
            if i.kind == "resident":
                who = visible(f"{i.name or ''} ({i.resident})".strip())
                detail = t("with_payments", n=i.payments)
            else:
                who = visible(i.resident)
                detail = f"{eur(i.amount)} op {day(i.date)}" if i.amount is not None and i.date else ""
            table.add_row(i.at[:16].replace("T", " "), t(i.kind), who, detail, key=str(i.audit_id))

    def action_restore(self) -> None:
        table = self.query_one("#trash", DataTable)
        if not self.items or table.cursor_row < 0:
            return
        item = self.items[table.cursor_row]
        try:
            restore(self.vc.store, item.audit_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", title=t("not_restored"))
            return
        self.notify(t("restored", what=t(item.kind), who=item.name or item.resident))
        self.vc.recheck()
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_restore()

    def action_back(self) -> None:
        self.app.pop_screen()
