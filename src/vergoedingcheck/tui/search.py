"""Search across every payment (issue 11 item 4): by note, payer, month ("maart", "mrt",
"2026-03", "3-2026"), date ("15-3-2026"), amount ("50", "50,00", "€ 1.250"), kind or resident.

Every word typed must match (AND); a word matches when one reading of it does: a month name or
month matches the payment's month, an amount the exact amount, and any word a part of the note,
the payer, the kind or the resident's name or reference (case and accents ignored). Enter on a
payment opens its resident."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from vergoedingcheck.store import PaymentRecord, ResidentRecord
from vergoedingcheck.tui.common import KIND_NL, PAYSTATUS_NL, eur
from vergoedingcheck.tui.messages import Rechecked
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp

MONTHS_NL = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2,
    "maart": 3, "mrt": 3, "maa": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/](\d{4})$")
MAX_ROWS = 500
"""At most this many rows are shown (the rest is counted): a large caseload stays quick."""


def fold(text: str | None) -> str:
    """Lower case without accents: "Öztürk" is found as "ozturk"."""
    base = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in base if not unicodedata.combining(c))


Test = Callable[[PaymentRecord, str], bool]
"""Does a payment (with its resident's searchable text, folded) match one word?"""


def _word_test(word: str) -> Test:
    from vergoedingcheck.io.spreadsheet import parse_date_nl, parse_decimal_nl

    folded = fold(word)
    tests: list[Test] = [lambda p, hay: folded in hay]
    if folded in MONTHS_NL:
        month = MONTHS_NL[folded]
        tests.append(lambda p, hay: p.date.month == month)
    m = _YEAR_MONTH.match(word) or _MONTH_YEAR.match(word)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        year, mon = (a, b) if _YEAR_MONTH.match(word) else (b, a)
        tests.append(lambda p, hay: (p.date.year, p.date.month) == (year, mon))
    try:
        when: date | None = parse_date_nl(word)
    except ValueError:
        when = None
    if when is not None:
        tests.append(lambda p, hay: p.date == when)
    try:
        amount: Decimal | None = parse_decimal_nl(word)
    except ValueError:
        amount = None
    if amount is not None:
        tests.append(lambda p, hay: p.amount == amount)
    if re.fullmatch(r"(19|20)\d\d", word):
        year_only = int(word)
        tests.append(lambda p, hay: p.date.year == year_only)
    return lambda p, hay: any(t(p, hay) for t in tests)


def words(query: str) -> list[str]:
    """The words of a query; "€" alone and "€ 50" are an amount, "50"."""
    return [w for w in query.replace("€", " ").split() if w]


@dataclass(frozen=True, slots=True)
class Hit:
    payment: PaymentRecord
    resident: str  # the resident's label (data)


def search(query: str, payments: Iterable[PaymentRecord], residents: dict[str, ResidentRecord]) -> list[Hit]:
    """The payments that match every word of `query`, in date order; no words: none."""
    tests = [_word_test(w) for w in words(query)]
    if not tests:
        return []
    out = []
    for p in payments:
        r = residents.get(p.resident)
        label = r.label if r else p.resident
        parts = [p.note, p.payer, p.kind, KIND_NL.get(p.kind), p.resident, r.name if r else None]
        hay = fold(" ".join(filter(None, parts)))
        if all(t(p, hay) for t in tests):
            out.append(Hit(p, label))
    return out


class PaymentSearchScreen(Screen[None]):
    DEFAULT_CSS = """
    PaymentSearchScreen #payment-query { margin: 0 1; }
    PaymentSearchScreen #payment-hits { height: 1fr; }
    PaymentSearchScreen #payment-summary { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="paymentsearch.back"),
        Binding("slash", "focus_query", "Zoek", key_display="/", show=False, id="paymentsearch.focus_query"),
        Binding("question_mark,f1", "app.help", "Help", show=False, id="paymentsearch.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.payments: list[PaymentRecord] = []
        self.residents: dict[str, ResidentRecord] = {}

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataInput(
            placeholder="Zoek op notitie, betaler, maand (maart, 2026-03), bedrag (50,00) of naam",
            id="payment-query",
            compact=True,
        )
        yield Table(id="payment-hits", cursor_type="row", zebra_stripes=True)
        yield Static("", id="payment-summary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.sub_title = "betalingen zoeken"
        t = self.query_one("#payment-hits", DataTable)
        extra = max(0, min(12, (self.app.size.width - 80) // 3))  # a wider terminal: longer names
        t.add_column("Bewoner", key="name", width=14 + extra)
        t.add_column("Datum", key="date", width=10)
        t.add_column("Bedrag", key="amount", width=11)
        t.add_column("Soort", key="kind", width=12)
        t.add_column("Betaler", key="payer", width=10 + extra)
        t.add_column("Notitie", key="note")
        self.reload()
        self.query_one("#payment-query", Input).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_rechecked(self, _: Rechecked) -> None:
        self.reload()

    def reload(self) -> None:
        store = self.vc.store
        self.payments = store.payments()
        self.residents = {r.id: r for r in store.residents()}
        self.fill()

    def fill(self) -> None:
        query = self.query_one("#payment-query", Input).value
        t = self.query_one("#payment-hits", DataTable)
        t.clear()
        hits = search(query, self.payments, self.residents)
        for n, h in enumerate(hits[:MAX_ROWS]):
            p = h.payment
            t.add_row(
                h.resident,
                f"{p.date.day}-{p.date.month}-{p.date.year}",
                eur(p.amount) + ("*" if p.status == "planned" else ""),
                KIND_NL.get(p.kind, p.kind),
                p.payer or "—",
                p.note or "",
                key=f"{n}:{p.resident}",
            )
        summary = self.query_one("#payment-summary", Static)
        if not words(query):
            summary.update(f"{len(self.payments)} betalingen. Typ een woord, maand of bedrag om te zoeken.")
        elif not hits:
            summary.update("Geen betalingen gevonden.")
        else:
            shown = f"de eerste {MAX_ROWS} van " if len(hits) > MAX_ROWS else ""
            planned = sum(1 for h in hits if h.payment.status == "planned")
            summary.update(
                f"{shown}{len(hits)} {'betaling' if len(hits) == 1 else 'betalingen'} gevonden"
                + (f", waarvan {planned} {PAYSTATUS_NL['planned']} (*)" if planned else "")
                + ". Enter opent de bewoner."
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "payment-query":
            self.fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "payment-query":
            self.query_one("#payment-hits", DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        key = event.row_key.value
        if key:
            self.app.push_screen(ResidentScreen(str(key).split(":", 1)[1]))

    def action_focus_query(self) -> None:
        self.query_one("#payment-query", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
