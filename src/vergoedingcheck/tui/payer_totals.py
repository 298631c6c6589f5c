"""Per payer (issue 11 item 4): for every payer, recorded or only named on payments, the number of
payments, the number of residents and the total of the year shown, with the same per month, and
the payer's kind (spec §3 Payers). The totals add up the payments as stored (paid and planned);
no engine figure is involved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from vergoedingcheck.letters.collation import dutch_key
from vergoedingcheck.store import PaymentRecord
from vergoedingcheck.text import word
from vergoedingcheck.tui.common import PAYER_TYPE_NL, eur, month_name
from vergoedingcheck.tui.tables import YearTablesScreen, add_columns, refill, text_line
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    pass

ZERO = Decimal("0.00")
NO_PAYER = word("payer_totals", "no_payer")
NOT_RECORDED = word("payer_totals", "not_recorded")


@dataclass
class Tally:
    """Payments added up: how many, how much, how much of it planned, and for whom."""

    count: int = 0
    total: Decimal = ZERO
    planned: Decimal = ZERO
    residents: set[str] = field(default_factory=set)

    def add(self, p: PaymentRecord) -> None:
        self.count += 1
        self.total += p.amount
        if p.status == "planned":
            self.planned += p.amount
        self.residents.add(p.resident)


@dataclass
class PayerTotal:
    name: str | None  # None: payments without a payer
    type: str | None  # the recorded kind; None: not recorded
    year: Tally = field(default_factory=Tally)
    months: dict[int, Tally] = field(default_factory=dict)


def payer_totals(
    payments: Iterable[PaymentRecord], payers: Iterable[tuple[str, str, bool]], year: int
) -> list[PayerTotal]:
    """One `PayerTotal` per payer for `year`: every recorded payer (also without payments), every
    name on a payment that year, and last the payments without a payer (if any); in Dutch order."""
    by_name: dict[str | None, PayerTotal] = {n: PayerTotal(n, typ) for n, typ, _ in payers}
    for p in payments:
        if p.date.year != year:
            continue
        name = p.payer or None
        if name not in by_name:
            by_name[name] = PayerTotal(name, None)
        pt = by_name[name]
        pt.year.add(p)
        pt.months.setdefault(p.date.month, Tally()).add(p)
    named = [pt for n, pt in by_name.items() if n is not None]
    named.sort(key=lambda pt: dutch_key(pt.name or ""))
    return named + ([by_name[None]] if None in by_name else [])


def kind_words(pt: PayerTotal) -> str:
    if pt.name is None:
        return "—"
    return PAYER_TYPE_NL.get(pt.type, pt.type) if pt.type else NOT_RECORDED


class PayerTotalsScreen(YearTablesScreen):
    DEFAULT_CSS = """
    PayerTotalsScreen #payer-totals-head { padding: 0 1; }
    PayerTotalsScreen #payer-totals { height: 1fr; min-height: 4; }
    PayerTotalsScreen #payer-months-head { padding: 0 1; text-style: bold; }
    PayerTotalsScreen #payer-months { height: 14; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug"),
        Binding("left_square_bracket", "year(-1)", "Vorig jaar", key_display="["),
        Binding("right_square_bracket", "year(1)", "Volgend jaar", key_display="]"),
        Binding("question_mark,f1", "app.help", "Help", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.totals: list[PayerTotal] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="payer-totals-head")
        yield Table(id="payer-totals", cursor_type="row", zebra_stripes=True)
        yield Static("", id="payer-months-head")
        yield Table(id="payer-months", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        t = self.query_one("#payer-totals", DataTable)
        add_columns(
            t,
            [
                ("Betaler", "name", 22),
                ("Soort", "type", 16),
                ("Betalingen", "count", 10),
                ("Bewoners", "residents", 8),
                ("Totaal", "total", 11),
            ],
        )
        add_columns(
            self.query_one("#payer-months", DataTable),
            [
                ("Maand", "month", 15),
                ("Betalingen", "count", 10),
                ("Bewoners", "residents", 8),
                ("Totaal", "total", 11),
                ("Waarvan gepland", "planned", 15),
            ],
        )
        self.reload()
        t.focus()

    def reload(self) -> None:
        app = self.vc
        self.app.sub_title = word("payer_totals", "title").format(year=app.year)
        self.totals = payer_totals(app.store.payments(year=app.year), app.store.payers(), app.year)
        t = self.query_one("#payer-totals", DataTable)
        refill(
            t,
            (
                (
                    str(i),
                    (
                        pt.name if pt.name is not None else NO_PAYER,
                        kind_words(pt),
                        str(pt.year.count),
                        str(len(pt.year.residents)),
                        eur(pt.year.total),
                    ),
                )
                for i, pt in enumerate(self.totals)
            ),
        )
        recorded = sum(1 for pt in self.totals if pt.type is not None)
        named = sum(1 for pt in self.totals if pt.name is not None)
        self.query_one("#payer-totals-head", Static).update(
            word("payer_totals", "head").format(year=app.year, named=named, recorded=recorded)
        )
        self.show_months(t.cursor_row if self.totals else -1)

    def show_months(self, i: int) -> None:
        m = self.query_one("#payer-months", DataTable)
        head = self.query_one("#payer-months-head", Static)
        if not 0 <= i < len(self.totals):
            m.clear()
            head.update(word("payer_totals", "none_yet"))
            return
        pt = self.totals[i]
        name = pt.name if pt.name is not None else NO_PAYER
        head.update(text_line("payer_totals", "per_month", payer=name))
        year = self.vc.year

        def month_row(month: int) -> tuple[str, tuple[str, ...]]:
            tally = pt.months.get(month, Tally())
            return str(month), (
                month_name(f"{year}-{month:02d}"),
                str(tally.count) if tally.count else "—",
                str(len(tally.residents)) if tally.count else "—",
                eur(tally.total) if tally.count else "—",
                eur(tally.planned) if tally.planned else "—",
            )

        refill(m, (month_row(month) for month in range(1, 13)), keep_cursor=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "payer-totals" and event.row_key.value is not None:
            self.show_months(int(event.row_key.value))
