"""Import and export: read a file in a worker, show a preview and every rejected row, then
import."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, ProgressBar, Select, Static

from vergoedingcheck.io.spreadsheet import ImportPlan
from vergoedingcheck.model import PAYMENT_KINDS
from vergoedingcheck.services.transfer import (
    apply_import,
    export,
    partial_allowed,
    plan_import,
    status_changes,
    status_preview,
)
from vergoedingcheck.store import ImportSummary, StoreError
from vergoedingcheck.store.db import already_imported_message
from vergoedingcheck.tui.common import visible
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


class TransferScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="transfer.back"),
        Binding("ctrl+r", "preview", "Voorbeeld", id="transfer.preview"),
        Binding("ctrl+i", "do_import", "Inlezen", show=False, id="transfer.do_import"),
        Binding("ctrl+g", "import_good", "Goede rijen", id="transfer.import_good"),
        Binding("ctrl+s", "do_export", "Exporteer", id="transfer.do_export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: ImportPlan | None = None
        self.preview_lines: list[str] = []
        """What the import will do to each resident's status (services.transfer.status_preview)."""

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("[b]Importeren[/b] (.csv, .xlsx, .yaml, .json) — Enter toont eerst een voorbeeld")
        with Horizontal(classes="row"):
            yield Label("Bestand ")
            yield DataInput(id="import-path", compact=True, placeholder="/pad/naar/betalingen.csv")
        with Horizontal(classes="row"):
            # asked once for the whole file, for payments without a soort or status (issue 11 item 7)
            yield Select(
                [(k, k) for k in PAYMENT_KINDS],
                id="import-kind",
                prompt="soort: uit het bestand",
                compact=True,
            )
            yield Select(
                [("betaald", "betaald"), ("gepland", "gepland")],
                id="import-status",
                prompt="status: uit het bestand",
                compact=True,
            )
        yield ProgressBar(total=None, id="progress", show_eta=False)
        yield Static("", id="plan", markup=False)
        yield Table(id="rejected", cursor_type="row")
        with Horizontal(classes="buttons"):
            yield Button("Inlezen", id="import", variant="primary", compact=True, disabled=True)
            yield Button("Alleen goede rijen (ctrl+g)", id="import-good", compact=True, disabled=True)
        yield Label("[b]Exporteren[/b] (ctrl+s) — .xlsx, .csv (; en decimale komma), .yaml, .json")
        with Horizontal(classes="row"):
            yield Label("Bestand ")
            yield DataInput(id="export-path", compact=True, placeholder="/pad/naar/export.xlsx")
        yield Static("", id="export-result", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = "importeren en exporteren"
        t = self.query_one("#rejected", DataTable)
        t.add_column("Blad", width=12)
        t.add_column("Rij", width=5)
        t.add_column("Kolom", width=14)
        t.add_column("Melding", width=40)
        self.query_one("#progress").display = False
        t.display = False
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "import-path":
            self.action_preview()
        elif event.input.id == "export-path":
            self.action_do_export()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "import-path" and self.plan is not None:
            self.plan = None
            self.show_plan()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import":
            self.action_do_import()
        elif event.button.id == "import-good":
            self.action_import_good()

    # -- import ------------------------------------------------------------------------------
    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in ("import-kind", "import-status") and self.plan is not None:
            self.plan = None
            self.show_plan()

    def _chosen(self, sid: str) -> str | None:
        v = self.query_one(sid, Select).value
        return v if isinstance(v, str) else None

    def action_preview(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.notify("Typ eerst de naam van een bestand", severity="warning")
            return
        self.query_one("#progress").display = True
        self.query_one("#plan", Static).update("Bestand lezen…")
        self.read_plan(path, self._chosen("#import-kind"), self._chosen("#import-status"))

    @work(thread=True, exclusive=True, group="transfer")
    def read_plan(self, path: str, kind: str | None = None, status: str | None = None) -> None:
        try:
            plan = plan_import(path, self.vc.store, kind=kind, status=status)
            self.preview_lines = (
                status_preview(status_changes(plan, self.vc.store, self.vc.ruleset))
                if (plan.residents or plan.payments)
                else []
            )
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.failed, str(exc))
            return
        self.app.call_from_thread(self.got_plan, plan)

    def failed(self, message: str) -> None:
        self.preview_lines = []
        self.query_one("#progress").display = False
        self.plan = None
        self.show_plan()
        self.query_one("#plan", Static).update(visible(f"Niet te lezen: {message}"))

    def got_plan(self, plan: ImportPlan) -> None:
        self.query_one("#progress").display = False
        self.plan = plan
        self.show_plan()

    def show_plan(self) -> None:
        plan = self.plan
        t = self.query_one("#rejected", DataTable)
        t.clear()
        imp = self.query_one("#import", Button)
        good = self.query_one("#import-good", Button)
        if plan is None:
            self.query_one("#plan", Static).update("")
            t.display = False
            imp.disabled = good.disabled = True
            return
        text = (
            f"{plan.rows_read} rijen gelezen: {len(plan.residents)} bewoners en "
            f"{len(plan.payments)} betalingen zijn goed"
        )
        if plan.errors:
            rows = len(plan.bad_rows) or len(plan.errors)
            text += (
                f"; {len(plan.errors)} fout(en) in {rows} rij(en). Er wordt niets "
                "ingelezen, tenzij u kiest voor alleen de goede rijen."
            )
            if not partial_allowed(plan):
                text += " (Een casusbestand gaat helemaal of niet.)"
        elif plan.imported_before:
            text += ". " + already_imported_message(*plan.imported_before).replace(
                "lees het dan in met --opnieuw", "gebruik dan `vergoedingcheck transfer import --opnieuw`"
            )
        else:
            text += ". Druk op Inlezen."
        extra = [*plan.notes, *self.preview_lines]
        self.query_one("#plan", Static).update("\n".join([text, *extra]))
        for e in plan.errors:
            t.add_row(e.sheet, str(e.row), e.column, e.message)
        t.display = bool(plan.errors)
        imp.disabled = bool(plan.errors) or plan.imported_before is not None
        good.disabled = plan.imported_before is not None or not (
            plan.errors and partial_allowed(plan) and (plan.residents or plan.payments)
        )
        (good if not good.disabled else imp).focus() if not imp.disabled or not good.disabled else None

    def action_do_import(self) -> None:
        self._import(good_only=False)

    def action_import_good(self) -> None:
        self._import(good_only=True)

    def _import(self, good_only: bool) -> None:
        plan = self.plan
        if plan is None:
            self.notify("Maak eerst een voorbeeld (Enter in het bestandsveld)", severity="warning")
            return
        if plan.errors and not good_only:
            self.notify("Er zijn fouten: niets ingelezen", severity="error")
            return
        self.plan = None  # one import per preview: pressing twice cannot import twice
        self.query_one("#import", Button).disabled = True
        self.query_one("#import-good", Button).disabled = True
        self.query_one("#progress").display = True
        self.query_one("#plan", Static).update("Inlezen…")
        self.run_import(plan, good_only)

    @work(thread=True, exclusive=True, group="transfer")
    def run_import(self, plan: ImportPlan, good_only: bool) -> None:
        try:
            s = apply_import(plan, self.vc.store, good_rows_only=good_only)
        except StoreError as exc:
            self.app.call_from_thread(self.import_failed, str(exc))
            return
        self.app.call_from_thread(self.imported, s)

    def import_failed(self, message: str) -> None:
        self.query_one("#progress").display = False
        self.query_one("#plan", Static).update(visible(f"Niets ingelezen: {message}"))
        self.notify(message, severity="error", title="Niets ingelezen")

    def imported(self, s: ImportSummary) -> None:
        self.query_one("#progress").display = False
        msg = (
            f"Ingelezen: {s.residents_added} bewoners nieuw, {s.residents_updated} bijgewerkt, "
            f"{s.payments_added} betalingen nieuw"
            + (f", {s.payments_updated} bijgewerkt" if s.payments_updated else "")
            + (f", {s.payments_skipped} al aanwezig" if s.payments_skipped else "")
            + (
                f"; let op: {s.payments_lookalike} zonder kenmerk lijken op een betaling die er al was"
                if s.payments_lookalike
                else ""
            )
        )
        self.plan = None
        self.show_plan()
        self.query_one("#plan", Static).update(msg)
        self.notify(msg)
        self.vc.recheck()

    # -- export ------------------------------------------------------------------------------
    def action_do_export(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.query_one("#export-path", Input).focus()
            self.notify("Typ de naam van het bestand om naar te exporteren", severity="warning")
            return
        self.query_one("#export-result", Static).update("Exporteren…")
        self.run_export(path)

    @work(thread=True, exclusive=True, group="transfer")
    def run_export(self, path: str) -> None:
        try:
            s = export(path, self.vc.store)
            msg = f"Geëxporteerd naar {s.path}: {s.residents} bewoners, {s.payments} betalingen"
            if s.path.suffix.casefold() == ".csv":  # one CSV holds one table: residents beside it
                other = s.path.with_name(f"{s.path.stem}-bewoners.csv")
                export(other, self.vc.store, table="bewoners")
                msg = (
                    f"Geëxporteerd: betalingen naar {s.path}, bewoners naar {other.name} "
                    f"({s.residents} bewoners, {s.payments} betalingen)"
                )
        except (StoreError, OSError) as exc:
            msg = f"Niet geëxporteerd: {exc}"
        self.app.call_from_thread(self.query_one("#export-result", Static).update, visible(msg))

    def action_back(self) -> None:
        self.app.pop_screen()
