"""The rules browser: every figure on a date, and its history with legal basis, source and
the date it was last verified."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from vergoedingcheck.io.spreadsheet import format_date_nl, parse_date_nl
from vergoedingcheck.rules import FigureNotCovered
from vergoedingcheck.rules.ages import format_months_nl
from vergoedingcheck.tui.common import day, esc, eur
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


def value_words(unit: str, value: Any) -> str:
    if value is None:
        return "—"
    if unit == "eur":
        return eur(value)
    if unit == "eur_per_hour":
        return f"{eur(value)} per uur"
    if unit == "years":
        return f"{value} jaar"
    if unit == "months":
        return format_months_nl(int(value))
    if unit == "flag":
        return "ja" if value else "nee"
    return CHOICE_NL.get(str(value), str(value))


CHOICE_NL = {"whole": "hele bedrag", "excess": "alleen het meerdere"}


class RulesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="rules.back"),
        Binding("slash", "date", "Datum", key_display="/", id="rules.date"),
    ]

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="rules-head")
        with Horizontal(id="rules-date"):
            yield Label("Bedragen op ")
            yield DataInput(format_date_nl(self.vc.today), id="on", compact=True)
        yield Table(id="figures", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="figure-box"):
            yield Static("", id="figure")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rs = self.vc.ruleset
        self.app.sub_title = "regels"
        self.query_one("#rules-head", Static).update(
            f"Regels {esc(rs.id)} · laatst gecontroleerd {day(rs.last_verified)} · {rs.fingerprint[:15]}"
        )
        t = self.query_one("#figures", DataTable)
        t.add_column("Bedrag of regel", width=47)
        t.add_column("Waarde", width=14)
        t.add_column("Sinds", width=10)
        self.fill(self.vc.today)
        t.focus()

    def fill(self, on: date) -> None:
        rs = self.vc.ruleset
        t = self.query_one("#figures", DataTable)
        t.clear()
        for fid, fig in sorted(rs.figures.items()):
            try:
                v = rs.value(fid, on)
                val, since = value_words(fig.unit, v.value), format_date_nl(v.valid_from)
            except FigureNotCovered:
                val, since = "geen waarde", "—"
            t.add_row(fig.title, val, since, key=fid)
        self.show(next(iter(sorted(rs.figures)), None))

    def show(self, fid: str | None) -> None:
        box = self.query_one("#figure", Static)
        if fid is None:
            box.update("Geen regels geladen.")
            return
        rs = self.vc.ruleset
        fig = rs.figures[fid]
        lines = [f"[b]{esc(fig.title)}[/b] ({esc(fid)})"]
        if fig.description:
            lines.append(esc(" ".join(fig.description.split())))
        for start, typed, entry in reversed(rs.typed_history(fid)):
            if entry is None:
                lines.append(f"vanaf {day(start)}: vervalt")
                continue
            val = "nog niet bekend" if entry.pending else value_words(fig.unit, typed)
            lb = entry.legal_basis
            lines.append(f"vanaf {day(start)}: [b]{esc(val)}[/b] — {esc(lb.law)}, artikel {esc(lb.article)}")
            lines.append(f"   bron: {esc(entry.source.title)} ({esc(entry.source.url)})")
            lines.append(
                f"   gecontroleerd: {day(entry.verified_on)}" + (" · één bron" if entry.single_source else "")
            )
        for ov in rs.overlays.values():
            hist = rs.history(fid, ov.id)
            if hist:
                lines.append(f"[b]Gemeentelijk: {esc(ov.name)}[/b]")
                for start, entry in reversed(hist):
                    val = "vervalt" if entry is None else value_words(fig.unit, entry.value)
                    lines.append(f"vanaf {day(start)}: {esc(val)}")
        box.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self.show(str(event.row_key.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            on = parse_date_nl(event.value)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.fill(on)
        self.query_one("#figures", DataTable).focus()

    def action_date(self) -> None:
        self.query_one("#on", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
