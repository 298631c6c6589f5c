"""Issue 11 item 4: the household view (`h` on a resident). Fixture rules: the gift limit is
€ 1.200 per household per year from 1 January 2026 (tests/tui/fixtures/rules/nl/
pw.gift.year_limit.yaml; Participatiewet art. 31 lid 2 onder m). Gifts above it count once, as the
household's income, on the benefit of the member with bijstand (spec §3, Gifts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from vergoedingcheck.model import Benefit
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.household import HouseholdScreen
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.whatif import check_series, compare, household_input

D = Decimal
TODAY = date(2026, 11, 25)


def add_household(store: Store, second_gift: str = "800.00") -> None:
    """Anna Visser (no benefit) and Bram Visser (bijstand) share "Huis [Noord]" (markup in the
    name: data, never markup). Anna sorts first, yet the excess counts on Bram: only his benefit
    has a gift limit. Gifts: € 500,00 to Bram on 1 March (Familie), `second_gift` to Anna on
    1 June (Kerk)."""
    for rid, name, benefits in (
        ("H-02", "Bram Visser", (Benefit("bijstand"),)),
        ("H-01", "Anna Visser", ()),
    ):
        store.add_resident(
            ResidentRecord(rid, name, date(1980, 1, 1), "Goes", "Huis [Noord]", None, benefits)
        )
    store.add_payment(PaymentRecord("H-02", date(2026, 3, 1), D("500.00"), "gift", payer="Familie"))
    store.add_payment(PaymentRecord("H-01", date(2026, 6, 1), D(second_gift), "gift", payer="Kerk"))


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    yield s
    s.close()


async def open_household(pilot: Pilot[None], rid: str) -> HouseholdScreen:
    await settle(pilot)
    t = pilot.app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index(rid))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResidentScreen)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HouseholdScreen)
    return pilot.app.screen


def rows(screen: HouseholdScreen, table: str) -> list[list[str]]:
    t = screen.query_one(table, DataTable)
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


def text(screen: HouseholdScreen, widget: str) -> str:
    return str(screen.query_one(widget, Static).render())


async def test_a_household_over_the_gift_limit_shows_who_received_what_and_on_whom_it_counts(
    store: Store, tui_rules: Ruleset
) -> None:
    add_household(store)
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_household(pilot, "H-01")
        members = rows(screen, "#household-members")
        assert [m[0] for m in members] == ["Anna Visser", "Bram Visser"]
        # Anna has no benefit: nothing to count on; Bram's bijstand carries the excess -> niet veilig
        assert members[0][1:3] == ["geen", "veilig"]
        assert members[1][1:4] == ["bijstand", "niet veilig", "bijstand niet veilig"]
        gifts = rows(screen, "#household-gifts")
        assert gifts == [
            ["1 maart 2026", "Bram Visser", "€\xa0500,00", "Familie", "betaald"],
            ["1 juni 2026", "Anna Visser", "€\xa0800,00", "Kerk", "betaald"],
        ]
        limit = text(screen, "#household-limit")
        # total 500 + 800 = 1.300; limit 1.200; left max(0, 1.200 - 1.300) = 0; excess 100
        assert "Giften aan het huishouden in 2026: €\xa01.300,00" in limit
        assert "Grens €\xa01.200,00 per huishouden per jaar · nog over €\xa00,00" in limit
        assert "(€\xa0100,00) telt één keer als inkomen: bij de uitkering van Bram Visser" in limit
        assert "Huis [Noord]" in text(screen, "#household-head")
        # Enter on a member opens that member; Escape goes back to the household
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen) and app.screen.rid == "H-02"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HouseholdScreen)


async def test_within_the_limit_the_view_shows_what_is_left(store: Store, tui_rules: Ruleset) -> None:
    add_household(store, second_gift="250.00")
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_household(pilot, "H-02")
        limit = text(screen, "#household-limit")
        # 500 + 250 = 750 within 1.200: 1.200 - 750 = 450 left, nothing counts as income yet
        assert "in 2026: €\xa0750,00" in limit
        assert "nog over €\xa0450,00" in limit
        assert "Gaan de giften over de grens, dan telt het deel erboven bij Bram Visser" in limit
        assert [m[2] for m in rows(screen, "#household-members")] == ["veilig", "veilig"]


async def test_a_resident_without_a_household_and_without_bijstand_has_no_gift_limit(
    store: Store, tui_rules: Ruleset
) -> None:
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_household(pilot, "B-003")  # Sanne Bakker, WW, no household
        assert [m[0] for m in rows(screen, "#household-members")] == ["Sanne Bakker"]
        assert "geen huishouden vastgelegd" in text(screen, "#household-head")
        assert rows(screen, "#household-gifts") == [["geen giften in 2026", "", "", "", ""]]
        limit = text(screen, "#household-limit")
        assert "€\xa00,00" in limit and "Geen giftengrens" in limit


def test_household_snapshot(snap_compare: Any, store: Store, tui_rules: Ruleset) -> None:
    add_household(store)
    app = VergoedingApp(store, tui_rules, today=TODAY)

    async def run(pilot: Pilot[None]) -> None:
        await open_household(pilot, "H-01")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


async def test_a_year_without_a_known_gift_limit_says_so(store: Store, tui_rules: Ruleset) -> None:
    """The fixture limit starts on 1 January 2026; before 2026 the municipality decides and the
    fixture rules hold no policy for Goes, so for 2025 the limit is unknown (never € 0 or none)."""
    add_household(store)
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_household(pilot, "H-02")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        limit = text(screen, "#household-limit")
        assert "in 2025: €\xa00,00" in limit
        assert "Giftengrens onbekend" in limit
        assert rows(screen, "#household-gifts") == [["geen giften in 2025", "", "", "", ""]]


def test_what_if_and_a_series_load_the_whole_household(store: Store, tui_rules: Ruleset) -> None:
    # `compare` (what-if, the payment form) and `check_series` (a repeated payment) read the
    # household through one loader: Anna's gift counts when Bram's series is checked
    add_household(store, second_gift="600.00")
    models, pays, _ = household_input(store, "H-02", [2026])
    assert [m.id for m in models] == ["H-02", "H-01"]  # the resident first, then the household
    assert sorted((p.resident, p.amount) for p in pays) == [("H-01", D("600.00")), ("H-02", D("500.00"))]
    assert household_input(store, "H-02", [2025])[1] == []  # only the years asked for
    app = VergoedingApp(store, tui_rules, today=TODAY)
    gift = PaymentRecord("H-02", date(2026, 7, 1), D("200.00"), "gift", payer="Familie")
    # 500 + 600 = 1.100 within the limit of 1.200 (safe); + 200 = 1.300: € 100 above it counts
    # as income on Bram's bijstand, so the first (and only) payment of the series breaks 2026
    check = check_series(app, "H-02", [gift])
    assert (check.first_break, check.year, check.after) == (0, 2026, "unsafe")
    before, after, _ = compare(app, "H-02", gift)
    assert before is not None and after is not None
    assert (before.status, after.status) == ("safe", "unsafe")
