"""Issue 12 item 4: a change made by another coordinator (here: a second Store on the same SQLite
file) shows up in the open app after the live timer, rechecking only the resident that changed.

Fixture rules for 2026: € 220 a month, € 2.200 a year (tests/tui/conftest.py); today is
25 November 2026. B-004 (no benefit) is paid € 100 on the 15th of January to October."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from pilot_helpers import notes, settle
from textual.pilot import Pilot
from textual.widgets import DataTable

from vergoedingcheck.engine import evaluate
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import PaymentRecord, Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.residents import ResidentsScreen

TODAY = date(2026, 11, 25)  # as tests/tui/conftest.py

SIZE = (80, 24)


async def until(pilot: Pilot[None], cond: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run (its timer, its workers) until `cond` holds."""
    for _ in range(int(seconds / 0.05)):
        if cond():
            break
        await pilot.pause(0.05)
    await settle(pilot)
    assert cond()


def cell(app: VergoedingApp, rid: str, column: str) -> str:
    t = app.screen.query_one("#residents", DataTable)
    return str(t.get_cell(rid, column)).replace("\u00a0", " ")


def two_stores(db_path: Path, rules: Ruleset) -> tuple[VergoedingApp, Store, Store]:
    a, b = Store(db_path), Store(db_path)
    return VergoedingApp(a, rules, today=TODAY, live_interval=0.1), a, b


async def test_a_payment_saved_through_another_store_shows_up(db_path: Path, tui_rules: Ruleset) -> None:
    app, a, b = two_stores(db_path, tui_rules)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # nothing paid in November: month 220 - 0 = 220; November and December left: 2 x 220
            # = 440 (the year's 2.200 - 10 x 100 = 1.200 does not bind)
            assert (cell(app, "B-004", "month"), cell(app, "B-004", "year")) == ("€ 220,00", "€ 440,00")
            checks = app.check_count
            b.add_payment(
                PaymentRecord("B-004", date(2026, 11, 20), Decimal("150.00"), "vrijwilligersvergoeding")
            )
            await until(pilot, lambda: app.check_count > checks)
            # November 220 - 150 = 70; the rest of the year 70 + December's 220 = 290
            assert (cell(app, "B-004", "month"), cell(app, "B-004", "year")) == ("€ 70,00", "€ 290,00")
            assert app.live_checks == 1
            assert app._results.evaluated == 1  # only B-004 (no household) was checked again
            assert isinstance(app.screen, ResidentsScreen)
            # the same as a full check of everything
            residents, payments = a.engine_input()
            full = evaluate(residents, payments, tui_rules, years=[2026])
            assert app.result is not None
            assert app.result.resident("B-004") == full.resident("B-004")
    finally:
        a.close()
        b.close()


async def test_the_resident_shown_refreshes_and_a_deleted_one_goes_with_a_notice(
    db_path: Path, tui_rules: Ruleset
) -> None:
    app, a, b = two_stores(db_path, tui_rules)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            t.move_cursor(row=t.get_row_index("B-003"))
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            payments = app.screen.query_one("#payments", DataTable)
            assert payments.row_count == 1
            b.add_payment(PaymentRecord("B-003", date(2026, 6, 15), Decimal("25.00"), "gift"))
            await until(pilot, lambda: payments.row_count == 2)
            b.delete_resident("B-003")
            await until(pilot, lambda: isinstance(app.screen, ResidentsScreen))
            said = notes(app)
            assert any(m.startswith("Sanne Bakker: intussen verwijderd") for m in said)
            t = app.screen.query_one("#residents", DataTable)
            assert "B-003" not in {k.value for k in t.rows}
    finally:
        a.close()
        b.close()


async def test_a_payer_changed_elsewhere_rechecks_everyone(db_path: Path, tui_rules: Ruleset) -> None:
    app, a, b = two_stores(db_path, tui_rules)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            checks = app.check_count
            b.add_payer("Buurthuis De Linde", "anbi")
            await until(pilot, lambda: app.check_count > checks)
            assert app._results.evaluated == 5  # another payer: every resident again
    finally:
        a.close()
        b.close()


async def test_the_apps_own_save_is_not_checked_twice(db_path: Path, tui_rules: Ruleset) -> None:
    """The watcher also sees the app's own save; its full recheck already read it, so the live
    look evaluates nobody again and the screen keeps the right figures."""
    app, a, b = two_stores(db_path, tui_rules)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            a.add_payment(
                PaymentRecord("B-004", date(2026, 11, 20), Decimal("150.00"), "vrijwilligersvergoeding")
            )
            app.recheck()  # what a screen does after saving
            await until(pilot, lambda: app.live_checks == 1)
            assert app._results.evaluated == 0
            # November 220 - 150 = 70; the rest of the year 70 + 220 = 290
            assert (cell(app, "B-004", "month"), cell(app, "B-004", "year")) == ("€ 70,00", "€ 290,00")
    finally:
        a.close()
        b.close()
