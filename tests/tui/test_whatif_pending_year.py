"""What-if in a year whose figures are pending (issue 11 item 2 with item 3): planning January 2027
on 4 December 2026, what-if saves the tried payment as planned, and asks first when it is
provisionally not safe, as the payment form does.

The real rules: the 2027 figures are announced but not confirmed (`pending: true`); the last
confirmed ones are 2026's, € 220 a month and € 2.200 a year tax-free (rules/nl/tax.volunteer.*)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pilot_helpers import notes, settle, shown
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from vergoedingcheck.records import ResidentRecord
from vergoedingcheck.rules import load_ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import Confirm
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.whatif import WhatIfScreen

TODAY = date(2026, 12, 4)


def _planning_app(tmp_path: Path) -> tuple[VergoedingApp, Store]:
    store = Store(tmp_path / "plan.db")
    store.add_resident(ResidentRecord("P-1", "Planning Test", date(1980, 1, 1), "Zwolle", None, None, ()))
    return VergoedingApp(store, load_ruleset(None, today=TODAY), today=TODAY, live_interval=None), store


async def _what_if(pilot: Pilot[None], amount: str) -> WhatIfScreen:
    app = pilot.app
    await settle(pilot)
    t = app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index("P-1"))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ResidentScreen)
    await pilot.press("w")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, WhatIfScreen)
    screen.query_one("#date", Input).value = "15-1-2027"
    screen.query_one("#amount", Input).value = amount
    await settle(pilot)
    return screen


async def test_what_if_asks_before_saving_a_provisionally_unsafe_payment(tmp_path: Path) -> None:
    # € 250 on 15 January 2027 > € 220 (2026's monthly cap): provisionally not safe. Saving asks
    # first with the payment form's question; No saves nothing, Yes saves it as planned.
    app, store = _planning_app(tmp_path)
    try:
        async with app.run_test(size=(100, 36)) as pilot:
            await _what_if(pilot, "250,00")
            text = shown(app, "#verdict")
            assert "Voorlopig, met die van 2026: niet veilig" in text
            assert "Voorlopig grootste veilige bedrag op 15 januari 2027: € 220,00" in text
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, Confirm)
            assert app.screen.question == "Met deze betaling wordt 2027 VOORLOPIG NIET VEILIG. Toch opslaan?"
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, WhatIfScreen)
            assert store.payments("P-1", 2027) == []
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            saved = store.payments("P-1", 2027)
            assert [(p.date, p.amount, p.status) for p in saved] == [
                (date(2027, 1, 15), Decimal("250.00"), "planned")
            ]
            assert "2027 is nu onbekend (voorlopig niet veilig)" in notes(app)[-1]
    finally:
        store.close()


async def test_what_if_saves_a_provisionally_safe_payment_without_asking(tmp_path: Path) -> None:
    # € 200 <= € 220 a month and <= € 2.200 a year: provisionally safe; the year stays `onbekend`
    # (its own figures are not confirmed) and saving asks nothing.
    app, store = _planning_app(tmp_path)
    try:
        async with app.run_test(size=(100, 36)) as pilot:
            await _what_if(pilot, "200,00")
            assert "Voorlopig, met die van 2026: veilig" in shown(app, "#verdict")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            assert [(p.date, p.amount) for p in store.payments("P-1", 2027)] == [
                (date(2027, 1, 15), Decimal("200.00"))
            ]
            assert "2027 is nu onbekend (voorlopig veilig)" in notes(app)[-1]
    finally:
        store.close()
