"""One resident: details, payments, the twelve months, and the findings with their legal basis."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from vergoedingcheck.engine.explain import action_text
from vergoedingcheck.engine.result import Finding, YearResult
from vergoedingcheck.store import NotFound, PaymentRecord, ResidentRecord, StoreError
from vergoedingcheck.text import word
from vergoedingcheck.tui.common import (
    KIND_NL,
    OUTCOME_NL,
    OUTCOME_ORDER,
    PAST,
    PAYSTATUS_NL,
    REGIME_NL,
    age_words,
    benefit_words,
    day,
    esc,
    eur,
    explain_finding,
    legal_words,
    month_is_past,
    month_name,
    period_words,
    room_now,
    status_cell,
    status_markup,
    status_nl,
    visible,
)
from vergoedingcheck.tui.messages import Rechecked
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp
    from vergoedingcheck.tui.forms import PaymentForm
    from vergoedingcheck.tui.whatif import Effect, SeriesCheck


class ResidentScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Terug", id="resident.back"),
        Binding("a", "add", "Nieuw", id="resident.add"),
        Binding("e", "edit", "Wijzig", show=False, id="resident.edit"),
        Binding("d,delete", "delete", "Weg", id="resident.delete"),
        Binding("p", "paid", "Betaald", id="resident.paid"),
        Binding("w", "whatif", "Wat als", id="resident.whatif"),
        Binding("b", "edit_resident", "Bewoner", id="resident.edit_resident"),
        Binding("1", "tab('tab-payments')", "Betalingen", show=False, id="resident.tab_tab_payments"),
        Binding("2", "tab('tab-months')", "Maanden", show=False, id="resident.tab_tab_months"),
        Binding("3", "tab('tab-findings')", "Bevindingen", show=False, id="resident.tab_tab_findings"),
        Binding("left_square_bracket", "year(-1)", "Vorig jaar", show=False, id="resident.previous_year"),
        Binding("right_square_bracket", "year(1)", "Volgend jaar", show=False, id="resident.next_year"),
        Binding("l", "letters", "Brieven", id="resident.letters"),
        Binding("h", "household", "Huishouden", show=False, id="resident.household"),
        Binding("question_mark,f1", "app.help", "Help", show=False, id="resident.help"),
        Binding("X", "delete_resident", "Bewoner verwijderen", show=False, id="resident.delete_resident"),
    ]

    def __init__(self, rid: str):
        super().__init__()
        self.rid = rid
        self.rec: ResidentRecord | None = None
        self.payments: list[PaymentRecord] = []
        self.findings: list[Finding] = []

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="details")
        yield Static("", id="yearline")
        with TabbedContent(id="tabs"):
            with TabPane("1 Betalingen", id="tab-payments"):
                yield Table(id="payments", cursor_type="row", zebra_stripes=True)
            with TabPane("2 Maanden", id="tab-months"):
                yield Table(id="months", cursor_type="row", zebra_stripes=True)
                yield Static("", id="reported", markup=False)
            with TabPane("3 Bevindingen", id="tab-findings"):
                yield Table(id="findings", cursor_type="row")
                with VerticalScroll(id="finding-box"):
                    yield Static("", id="finding")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        p = self.query_one("#payments", DataTable)
        p.add_column("Datum", width=17)
        p.add_column("Bedrag", width=11)
        p.add_column("Soort", width=15)
        p.add_column("Status", width=8)
        p.add_column("Notitie", width=16)
        m = self.query_one("#months", DataTable)
        m.add_column("Maand", width=15)
        m.add_column("Betaald", width=11)
        m.add_column("Telt mee", width=11)
        m.add_column("Status", width=11)
        m.add_column("Ruimte", width=11)
        m.add_column("Gemeld", key="reported", width=10)
        f = self.query_one("#findings", DataTable)
        f.add_column("Uitkomst", width=8)
        f.add_column("Regeling", width=10)
        f.add_column("Periode", width=15)
        f.add_column("Uitleg", width=33)
        self.reload()
        p.focus()

    def on_rechecked(self, _: Rechecked) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    # -- data --------------------------------------------------------------------------------
    def year_result(self) -> YearResult | None:
        res = self.vc.result.resident(self.rid) if self.vc.result else None
        return res.year(self.vc.year) if res else None

    def reload(self) -> None:
        try:
            self.rec = self.vc.store.resident(self.rid)
        except NotFound:  # deleted (here or by another process)
            self.app.call_later(self._leave)
            return
        app = self.vc
        r = self.rec
        self.app.sub_title = visible(f"{r.label} · {app.year}")
        lines = [
            " · ".join(
                filter(
                    None,
                    [
                        f"[b]{_esc(r.label)}[/b] ({_esc(r.id)})",
                        age_words(r.birth_date, app.today),
                        _esc(r.municipality) if r.municipality else "gemeente onbekend",
                    ],
                )
            ),
            " · ".join(
                filter(
                    None,
                    [
                        f"huishouden {_esc(r.household)}" if r.household else None,
                        "uitkering: "
                        + ("; ".join(_esc(benefit_words(b)) for b in r.benefits) if r.benefits else "geen"),
                    ],
                )
            ),
        ]
        if r.note:
            lines.append(f"Notitie: {_esc(r.note)}")
        self.query_one("#details", Static).update("\n".join(lines))
        self.payments = app.store.payments(self.rid, app.year)
        yr = self.year_result()
        self.fill_payments()
        self.fill_months(yr)
        self.fill_findings(yr)
        if yr is None:
            self.query_one("#yearline", Static).update(f"{app.year}: bezig met controleren…")
            return
        month_room, rest_room = room_now(yr, app.today)
        parts = [f"[b]{app.year}:[/b] {status_markup(yr.status)}"]
        if app.year < app.today.year:
            parts.append("jaar voorbij")
        elif app.year == app.today.year:
            parts.append(f"nog dit jaar {rest_room}")
            parts.append(f"deze maand {month_room}")
        else:
            parts.append(f"ruimte in {app.year} {rest_room}")
        if yr.tax.taxable:
            parts.append(f"belast {eur(yr.tax.taxable)}")
        for b in yr.benefits:
            parts.append(f"{b.type}: {status_markup(b.status)}")
        text = " · ".join(parts)
        if yr.actions:
            text += "\nTe doen: " + " ".join(_esc(action_text(a, "nl")) for a in yr.actions)
        self.query_one("#yearline", Static).update(text)

    def fill_payments(self) -> None:
        t = self.query_one("#payments", DataTable)
        row = t.cursor_row
        t.clear()
        for p in self.payments:
            t.add_row(
                day(p.date),
                eur(p.amount),
                KIND_NL.get(p.kind, p.kind) + (" (bon)" if p.receipts else ""),
                PAYSTATUS_NL[p.status],
                p.note or "",
                key=str(p.id),
            )
        if not self.payments:
            t.add_row("geen betalingen", "", "", "", "", key="none")
        t.move_cursor(row=min(row, max(t.row_count - 1, 0)))

    def fill_months(self, yr: YearResult | None) -> None:
        t = self.query_one("#months", DataTable)
        t.clear()
        if yr is None:
            return
        today = self.vc.today
        cells, words = self._reported(yr)
        for m in yr.months:
            past = month_is_past(m.month, today)
            t.add_row(
                month_name(m.month),
                eur(m.paid),
                eur(m.counted),
                status_cell(m.status),
                PAST if past else eur(m.headroom),  # a past month's room can no longer be paid
                cells.get(m.month, ""),
                key=m.month,
            )
        t.add_row(
            "heel het jaar",
            eur(sum((m.paid for m in yr.months), start=yr.months[0].paid * 0)),
            eur(yr.tax.counted),
            status_cell(yr.status),
            room_now(yr, today)[1],  # what can still be paid, from today on
            "",
            key="year",
        )
        self.query_one("#reported", Static).update(words)

    def _reported(self, yr: YearResult) -> tuple[dict[str, str], str]:
        """Per month "3-12 gem." (the last letter to the office that showed this month as it is
        now), "nog niet" for a month still to report; and the same in words under the grid:
        "Gemeld aan de gemeente op 3 december 2026: januari t/m november 2026"."""
        from vergoedingcheck.tui.reported import (
            OFFICE_SHORT,
            OFFICE_WORDS,
            months_words,
            offices_to_report,
            reported_months,
            to_report,
        )

        offices = offices_to_report(yr)
        if not offices:
            return {}, ""
        store, today = self.vc.store, self.vc.today
        letters = store.letters(self.rid)
        done = reported_months(letters, self.rid)
        todo = to_report(self.rid, yr, self.payments, letters, today)
        open_months = {(t.month, t.office) for t in todo}
        cells: dict[str, str] = {}
        by_letter: dict[tuple[str, date], list[str]] = {}
        for (month, office), rep in sorted(done.items()):
            if not month.startswith(f"{yr.year}-") or office not in offices:
                continue
            if (month, office) not in open_months:
                on = f"{rep.on.day}-{rep.on.month}" + (
                    "" if rep.on.year == yr.year else f"-{rep.on.year % 100:02d}"
                )
                cells[month] = f"{on} {OFFICE_SHORT[office]}"
                by_letter.setdefault((office, rep.on), []).append(month)
        for t in todo:
            cells[t.month] = "gewijzigd" if t.earlier is not None else "nog niet"
        lines = [
            f"Gemeld aan {OFFICE_WORDS[office]} op {day(on)}: {months_words(months)}"
            for (office, on), months in sorted(by_letter.items(), key=lambda x: x[0][1])
        ]
        for office in offices:
            mine = [t.month for t in todo if t.office == office]
            if mine:
                lines.append(f"Nog te melden aan {OFFICE_WORDS[office]}: {months_words(mine)} (l: brief)")
        return cells, "\n".join(lines)

    def fill_findings(self, yr: YearResult | None) -> None:
        t = self.query_one("#findings", DataTable)
        t.clear()
        self.findings = sorted(
            yr.findings if yr else (), key=lambda f: (OUTCOME_ORDER.get(f.outcome, 9), f.period)
        )
        for i, f in enumerate(self.findings):
            t.add_row(
                OUTCOME_NL.get(f.outcome, f.outcome),
                REGIME_NL.get(f.regime, f.regime),
                period_words(f.period),
                explain_finding(f),
                key=str(i),
            )
        self.show_finding(0)

    def show_finding(self, i: int) -> None:
        box = self.query_one("#finding", Static)
        if not self.findings or i >= len(self.findings):
            box.update("Geen bevindingen." if self.year_result() else "")
            return
        f = self.findings[i]
        lines = [_esc(explain_finding(f))]
        if f.limit is not None or f.value is not None:
            fig = self.vc.ruleset.figures.get(f.rule)
            unit = fig.unit if fig else "eur"
            if unit == "years":
                limit = f"{f.limit:.0f} jaar" if f.limit is not None else "—"
            elif unit == "eur_per_hour":
                limit = f"{eur(f.limit)} per uur" if f.limit is not None else "—"
            else:
                limit = eur(f.limit) if f.limit is not None else "—"
            value = eur(f.value) if f.value is not None else "—"
            if unit == "eur_per_hour":
                value += " per uur"
            lines.append(f"Grens {limit} · {'bedrag' if unit == 'years' else 'waarde'} {value}")
        lines.append(
            f"Grondslag: {_esc(legal_words(f))}" + (f" ({_esc(f.legal_basis.url)})" if f.legal_basis else "")
        )
        if f.source_url:
            lines.append(f"Bron: {_esc(f.source_url)}")
        if f.missing:
            lines.append(f"Ontbreekt: {_esc(f.missing)}")
        box.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "findings" and event.row_key.value is not None:
            self.show_finding(int(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "payments":
            self.action_edit()

    # -- actions -----------------------------------------------------------------------------
    def selected_payment(self) -> PaymentRecord | None:
        t = self.query_one("#payments", DataTable)
        if not self.payments or not t.row_count:
            return None
        key = t.coordinate_to_cell_key(Coordinate(t.cursor_row, 0)).row_key.value
        return next((p for p in self.payments if str(p.id) == key), None)

    def _need_payments_tab(self) -> bool:
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active != "tab-payments":
            tabs.active = "tab-payments"
            self.query_one("#payments", DataTable).focus()
            return False
        return True

    def preview(self, rec: PaymentRecord) -> Effect | None:
        from vergoedingcheck.tui.whatif import effect

        return effect(self.vc, self.rid, rec)

    def status_after(self, rec: PaymentRecord) -> str:
        """ " 2026 is nu niet veilig.": the year's status once `rec` is saved (checked before saving,
        on the same data), for the message after saving."""
        e = self.preview(rec)
        return f" {e.year} is nu {status_nl(e.after)}." if e else ""

    def _saved(self, message: str, changed: Collection[str] = ()) -> None:
        self.notify(message)
        self.reload()
        self.vc.recheck({self.rid, *changed})  # only this resident read and checked again (issue 14)

    def _payment_form(self, rec: PaymentRecord | None) -> PaymentForm:
        """The payment form with the payers to pick from: the recorded ones with their kind, and
        the names already on payments that are not recorded yet (spec §3 Payers)."""
        from vergoedingcheck.tui.forms import PaymentForm

        assert self.rec is not None
        store = self.vc.store
        return PaymentForm(
            self.rec,
            rec,
            self.vc.today,
            self.preview,
            payers=store.payer_models(),
            names_in_use=store.payer_names_in_use(),
            series_check=self.check_series if rec is None else None,
        )

    def check_series(self, series: list[PaymentRecord]) -> SeriesCheck:
        from vergoedingcheck.tui.whatif import check_series

        return check_series(self.vc, self.rid, series)

    def action_add(self) -> None:

        assert self.rec is not None

        def done(rec: PaymentRecord | list[PaymentRecord] | None) -> None:
            if rec is None:
                return
            if isinstance(rec, list):  # a recurring series, checked by the form before saving
                try:
                    self.vc.store.add_payments(rec)
                except StoreError as exc:
                    self.notify(str(exc), severity="error", title="Niet opgeslagen")
                    return
                self._saved(
                    f"{len(rec)} betalingen van {eur(rec[0].amount)} opgeslagen, {day(rec[0].date)} tot en "
                    f"met {day(rec[-1].date)}."
                )
                return
            after = self.status_after(rec)
            try:
                self.vc.store.add_payment(rec)
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                return
            self._saved(f"Betaling van {eur(rec.amount)} op {day(rec.date)} opgeslagen.{after}")

        self.app.push_screen(self._payment_form(None), done)

    def action_edit(self) -> None:

        if not self._need_payments_tab():
            return
        p = self.selected_payment()
        if p is None or self.rec is None:
            self.notify("Kies eerst een betaling", severity="warning")
            return

        def done(rec: PaymentRecord | None) -> None:
            if rec is None:
                return
            after = self.status_after(rec)
            try:
                self.vc.store.update_payment(rec)
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                self.reload()
                return
            self._saved(f"Betaling gewijzigd.{after}")

        self.app.push_screen(self._payment_form(p), done)

    def action_delete(self) -> None:
        from vergoedingcheck.tui.forms import Confirm

        if not self._need_payments_tab():
            return
        p = self.selected_payment()
        if p is None or p.id is None:
            self.notify("Kies eerst een betaling", severity="warning")
            return
        pid = p.id

        def done(yes: bool | None) -> None:
            if yes:
                self.vc.store.delete_payment(pid)
                self._saved("Betaling verwijderd; " + word("trash", "undo"))

        self.app.push_screen(Confirm(f"Betaling van {eur(p.amount)} op {day(p.date)} verwijderen?"), done)

    def action_paid(self) -> None:
        if not self._need_payments_tab():
            return
        p = self.selected_payment()
        if p is None or p.id is None:
            self.notify("Kies eerst een betaling", severity="warning")
            return
        if p.status == "paid":
            self.notify("Deze betaling staat al op betaald")
            return
        self.vc.store.mark_paid(p.id)
        self._saved(f"Betaling van {eur(p.amount)} staat nu op betaald")

    def action_whatif(self) -> None:
        from vergoedingcheck.tui.whatif import WhatIfScreen

        if self.rec is not None:
            self.app.push_screen(WhatIfScreen(self.rec))

    def action_edit_resident(self) -> None:
        from vergoedingcheck.tui.forms import ResidentForm

        if self.rec is None:
            return
        old_id = self.rec.id

        def done(rec: ResidentRecord | None) -> None:
            if rec is None:
                return
            try:
                self.vc.store.update_resident(rec, old_id=old_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                return
            self.rid = rec.id
            self._saved("Bewoner opgeslagen", {old_id})

        self.app.push_screen(ResidentForm(self.rec, self.vc.today), done)

    def action_household(self) -> None:
        from vergoedingcheck.tui.household import HouseholdScreen

        self.app.push_screen(HouseholdScreen(self.rid))

    def action_letters(self) -> None:
        from vergoedingcheck.tui.letters import LettersScreen

        self.app.push_screen(LettersScreen(self.rid))

    def action_delete_resident(self) -> None:
        from vergoedingcheck.tui.forms import Confirm

        if self.rec is None:
            return
        n = len(self.vc.store.payments(self.rid))
        label = self.rec.label

        def done(yes: bool | None) -> None:
            if yes:
                self.vc.store.delete_resident(self.rid)
                self.notify(f"{label} verwijderd")
                self.vc.recheck()
                self.app.call_later(self._leave)

        self.app.push_screen(
            Confirm(
                f"{label} en alle {n} betalingen verwijderen? " + word("trash", "undo").capitalize() + "."
            ),
            done,
        )

    def action_year(self, delta: int) -> None:
        self.vc.set_year(self.vc.year + delta)
        self.reload()

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        table = {"tab-payments": "#payments", "tab-months": "#months", "tab-findings": "#findings"}[tab]
        self.query_one(table, DataTable).focus()

    def _leave(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def action_back(self) -> None:
        self.app.pop_screen()


def _esc(text: str | None) -> str:
    return esc(text)
