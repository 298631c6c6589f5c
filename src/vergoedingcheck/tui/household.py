"""The household of one resident (issue 11 item 4): its members with their benefit and status, the
gifts each received, and the household's gift limit for the year (Participatiewet art. 31 lid 2
onder m: gifts above the limit count once, as the household's income, on one member's benefit).

Every figure comes from the engine result (`YearResult.gifts`, the gift finding's `excess`): the
screen adds nothing up itself. Names, notes and payers are data: Rich Text, never markup."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from vergoedingcheck.engine.result import GiftResult, YearResult
from vergoedingcheck.store import NotFound, PaymentRecord, ResidentRecord
from vergoedingcheck.text import word
from vergoedingcheck.tui.common import (
    PAYSTATUS_NL,
    benefits_short,
    day,
    eur,
    status_cell,
    status_nl,
    visible,
)
from vergoedingcheck.tui.tables import YearTablesScreen, add_columns, refill, text_line
from vergoedingcheck.tui.widgets import Table

if TYPE_CHECKING:
    pass


def household_members(residents: list[ResidentRecord], rec: ResidentRecord) -> list[ResidentRecord]:
    """The members of `rec`'s household in the store's order; a resident without a household
    lives alone (the engine's `household_key`)."""
    if not rec.household:
        return [rec]
    return [r for r in residents if r.household == rec.household]


def gift_excess(yr: YearResult | None) -> str | None:
    """The part of the household's gifts above the limit, as the engine's gift finding says it
    (`params["excess"]`), or None when the finding has none."""
    if yr is None:
        return None
    for f in yr.findings:
        if f.regime == "gifts" and f.explanation in ("gifts.over_limit", "gifts.over_limit_counted_on_other"):
            return dict(f.params).get("excess")
    return None


class HouseholdScreen(YearTablesScreen):
    DEFAULT_CSS = """
    HouseholdScreen #household-head { padding: 0 1; }
    HouseholdScreen #household-members { height: auto; max-height: 7; }
    HouseholdScreen #household-gifts-head { padding: 1 1 0 1; text-style: bold; }
    HouseholdScreen #household-gifts { height: 1fr; }
    HouseholdScreen #household-limit { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Terug"),
        Binding("enter", "open", "Open bewoner", show=False),
        Binding("left_square_bracket", "year(-1)", "Vorig jaar", show=False),
        Binding("right_square_bracket", "year(1)", "Volgend jaar", show=False),
        Binding("question_mark,f1", "app.help", "Help", show=False),
    ]

    def __init__(self, rid: str):
        super().__init__()
        self.rid = rid
        self.members: list[ResidentRecord] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="household-head")
        yield Table(id="household-members", cursor_type="row", zebra_stripes=True)
        yield Static("Giften", id="household-gifts-head")
        yield Table(id="household-gifts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="household-limit")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        m = self.query_one("#household-members", DataTable)
        add_columns(
            m,
            [
                ("Naam", "name", 24),
                ("Uitkering", "benefits", 16),
                ("Status", "status", 11),
                ("Per uitkering", "per_benefit", 20),
            ],
        )
        add_columns(
            self.query_one("#household-gifts", DataTable),
            [
                ("Datum", "date", 17),
                ("Ontvanger", "name", 20),
                ("Bedrag", "amount", 11),
                ("Betaler", "payer", 14),
                ("Status", "status", 7),
            ],
        )
        self.reload()
        m.focus()

    def _year(self, rid: str) -> YearResult | None:
        res = self.vc.result.resident(rid) if self.vc.result else None
        return res.year(self.vc.year) if res else None

    def reload(self) -> None:
        app = self.vc
        try:
            rec = app.store.resident(self.rid)
        except NotFound:
            self.app.call_later(self.action_back)
            return
        self.members = household_members(app.store.residents(), rec)
        year = str(app.year)
        self.app.sub_title = visible(
            word("household", "title").format(household=rec.household or rec.label, year=year)
        )
        if rec.household:
            n = len(self.members)
            members = word("household", "one_member") if n == 1 else word("household", "members").format(n=n)
            household = (rec.household, "bold")
            head = text_line("household", "head", household=household, members=members, year=year)
        else:
            head = text_line("household", "alone", name=rec.label, year=year)
        self.query_one("#household-head", Static).update(head)
        self.fill_members()
        self.fill_gifts()
        self.fill_limit()

    def fill_members(self) -> None:

        def member_row(r: ResidentRecord) -> tuple[str, tuple[object, ...]]:
            yr = self._year(r.id)
            per_benefit = "…"
            if yr is not None:
                per_benefit = ", ".join(f"{b.type} {status_nl(b.status)}" for b in yr.benefits) or "—"
            return r.id, (
                r.label,
                benefits_short(r.benefits),
                status_cell(yr.status) if yr else word("household", "checking"),
                per_benefit,
            )

        refill(self.query_one("#household-members", DataTable), (member_row(r) for r in self.members))

    def fill_gifts(self) -> None:
        app = self.vc
        names = {r.id: r.label for r in self.members}
        gifts: list[PaymentRecord] = []
        for r in self.members:
            gifts += [p for p in app.store.payments(r.id, app.year) if p.kind == "gift"]
        gifts.sort(key=lambda p: (p.date, p.id or 0))
        rows: list[tuple[str, tuple[str, ...]]] = [
            (
                str(p.id),
                (day(p.date), names[p.resident], eur(p.amount), p.payer or "—", PAYSTATUS_NL[p.status]),
            )
            for p in gifts
        ]
        if not gifts:
            rows = [("none", (word("household", "no_gifts").format(year=app.year), "", "", "", ""))]
        refill(self.query_one("#household-gifts", DataTable), rows, keep_cursor=False)

    def _gift_result(self) -> tuple[GiftResult | None, YearResult | None]:
        """The household's gift figures: from the member on whom the excess counts, else from the
        first member for whom a limit applies, else from this resident."""
        years = {r.id: self._year(r.id) for r in self.members}
        for yr in years.values():
            if yr is not None and yr.gifts.counted_on in years:
                return yr.gifts, years[yr.gifts.counted_on]
        for yr in years.values():
            if yr is not None and yr.gifts.limit is not None:
                return yr.gifts, yr
        own = years.get(self.rid)
        return (own.gifts if own else None), own

    def fill_limit(self) -> None:
        box = self.query_one("#household-limit", Static)
        app = self.vc
        if app.result is None:
            box.update(word("household", "check_running"))
            return
        gifts, counted_yr = self._gift_result()
        if gifts is None:
            box.update("")
            return
        names = {r.id: r.label for r in self.members}
        out = text_line("household", "gifts_total", year=str(app.year), total=eur(gifts.total))
        out.append("\n")
        if gifts.counted_on is None:
            out.append(word("household", "no_limit"))
        elif gifts.limit is None:
            before, after = word("household", "limit_unknown").split("{status}")
            out.append(before)
            out.append(status_cell("unknown"))
            out.append(after)
        else:
            out.append_text(
                text_line("household", "limit", limit=eur(gifts.limit), headroom=eur(gifts.headroom))
            )
            out.append("\n")
            who = (names.get(gifts.counted_on, gifts.counted_on), "bold")
            excess = gift_excess(counted_yr)
            if excess is not None:
                out.append_text(
                    text_line("household", "excess_counts_on", excess=eur(Decimal(excess)), who=who)
                )
            else:
                out.append_text(text_line("household", "would_count_on", who=who))
        box.update(out)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "household-members" and event.row_key.value:
            self._open(str(event.row_key.value))

    def action_open(self) -> None:
        t = self.query_one("#household-members", DataTable)
        if t.row_count:
            self._open(str(t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value))

    def _open(self, rid: str) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        if rid == self.rid:
            self.app.pop_screen()  # the resident this view came from
        else:
            self.app.push_screen(ResidentScreen(rid))
