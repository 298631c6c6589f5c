"""Issue 11 item 1: the room shown is what can still be paid from today on, never months past.

Fixture rules for 2026: € 220 a month, € 2.200 a year (tests/tui/conftest.py). Resident B-004
(no benefit) is paid € 100 on the 15th of January to October: € 1.000 in the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pilot_helpers import settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.whatif import WhatIfScreen

SIZE = (80, 24)
DEC_1 = date(2026, 12, 1)


def text(value: object) -> str:
    return str(value).replace("\u00a0", " ")


def app_on(db_path: Path, rules: Ruleset, today: date) -> tuple[VergoedingApp, Store]:
    store = Store(db_path)
    return VergoedingApp(store, rules, today=today), store


async def open_resident(pilot: Pilot[None], rid: str) -> None:
    t = pilot.app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index(rid))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResidentScreen)


async def test_residents_list_shows_the_room_left_on_1_december(db_path: Path, tui_rules: Ruleset) -> None:
    app, store = app_on(db_path, tui_rules, DEC_1)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            # year's room 2.200 - 1.000 = 1.200; months' rooms Jan-Oct 10 x 120 + Nov, Dec 2 x 220
            # = 1.640, so `headroom` is 1.200. On 1 December only December is left: 220 - 0 = 220.
            assert text(t.get_cell("B-004", "year")) == "€ 220,00"
            assert text(t.get_cell("B-004", "month")) == "€ 220,00"
            # B-001: € 180 every month, December planned: year 2.200 - 12 x 180 = 40, Dec 220 - 180 = 40
            assert text(t.get_cell("B-001", "year")) == "€ 40,00"
            # B-005 (the example): € 60 Jan-Nov, year 2.200 - 660 = 1.540 (what the list
            # showed); on 1 December only December's 220 - 0 = 220 can still be paid
            assert text(t.get_cell("B-005", "year")) == "€ 220,00"
    finally:
        store.close()


async def test_residents_list_on_25_november_counts_november_and_december(
    db_path: Path, tui_rules: Ruleset
) -> None:
    app, store = app_on(db_path, tui_rules, date(2026, 11, 25))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            # B-004: min(year's room 1.200, Nov 220 + Dec 220 = 440) = 440
            assert text(t.get_cell("B-004", "year")) == "€ 440,00"
    finally:
        store.close()


async def test_resident_screen_and_month_grid_mark_past_months(db_path: Path, tui_rules: Ruleset) -> None:
    app, store = app_on(db_path, tui_rules, DEC_1)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await open_resident(pilot, "B-004")
            line = text(app.screen.query_one("#yearline", Static).render())
            assert "nog dit jaar € 220,00" in line  # not € 1.200,00
            assert "deze maand € 220,00" in line
            await pilot.press("2")
            m = app.screen.query_one("#months", DataTable)
            for month in range(1, 12):
                assert text(m.get_row(f"2026-{month:02d}")[4]) == "voorbij"
            assert text(m.get_row("2026-12")[4]) == "€ 220,00"
            assert text(m.get_row("year")[4]) == "€ 220,00"
    finally:
        store.close()


async def test_a_past_year_has_no_room_left_and_a_later_year_all_of_it(
    db_path: Path, tui_rules: Ruleset
) -> None:
    app, store = app_on(db_path, tui_rules, DEC_1)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("left_square_bracket")
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            assert text(t.get_cell("B-004", "year")) == "voorbij"  # 2025 is over
            await pilot.press("right_square_bracket", "right_square_bracket")
            await settle(pilot)
            # 2027 has no payments: its whole room is ahead. The fixture's 2026 caps still apply
            # (no 2027 value): min(year 2.200, 12 x 220 = 2.640) = 2.200
            assert text(t.get_cell("B-004", "year")) == "€ 2.200,00"
            assert text(t.get_cell("B-004", "month")) == "—"
    finally:
        store.close()


async def test_what_if_names_the_room_left_from_today(db_path: Path, tui_rules: Ruleset) -> None:
    app, store = app_on(db_path, tui_rules, DEC_1)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await open_resident(pilot, "B-004")
            await pilot.press("w")
            await settle(pilot)
            assert isinstance(app.screen, WhatIfScreen)
            app.screen.query_one("#amount", Input).value = "100"
            await settle(pilot)
            verdict = text(app.screen.query_one("#verdict", Static).render())
            # € 100 on 1 December: December 220 - 100 = 120; the year 1.200 - 100 = 1.100; the
            # rest of the year (December only) min(1.100, 120) = 120
            assert "Ruimte in december 2026 daarna: € 120,00" in verdict
            assert "nog te betalen in 2026: € 120,00" in verdict
    finally:
        store.close()
