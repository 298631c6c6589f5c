"""Payers (spec §3, Payers) count in the app as in `check`: the app passes the store's payers to
the engine. Fixture rules 2026: € 220 a month, € 2.200 a year (tests/tui/conftest.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import DataTable

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp


async def test_an_allowance_from_a_commercial_payer_is_not_safe_in_the_app(
    db_path: Path, tui_rules: Ruleset
) -> None:
    # B-004, no benefit: € 100 on the 15th of January-October (€ 1.000). A further € 50 on
    # 10 November is within € 220 / € 2.200, so it would be safe from an unlisted payer; from a
    # payer listed as commercial it is pay (Wet LB 1964 art. 2 lid 6): taxed as wages -> niet veilig.
    store = Store(db_path)
    store.add_payer("Garage Noord BV", "commercial")
    store.add_payment(
        PaymentRecord(
            "B-004", date(2026, 11, 10), Decimal("50.00"), "vrijwilligersvergoeding", payer="Garage Noord BV"
        )
    )
    app = VergoedingApp(store, tui_rules, today=date(2026, 12, 1))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            t = app.screen.query_one("#residents", DataTable)
            assert "niet veilig" in str(t.get_cell("B-004", "status"))
            assert app.result is not None
            rr = app.result.resident("B-004")
            assert rr is not None and rr.year(2026) is not None
            assert rr.year(2026).tax.taxable == Decimal("50.00")  # type: ignore[union-attr]
    finally:
        store.close()


async def test_saving_one_payment_rechecks_only_that_resident(db_path: Path, tui_rules: Ruleset) -> None:
    """Issue 14 item 3: the app keeps the last result per resident; after one saved payment only
    that resident (who lives alone) is evaluated again, and the list shows the new room. The live
    timer is off: this test writes through the app's own store and calls `recheck()` itself, so a
    live look seeing the same write as well would count twice (tests/tui/test_live_app.py covers
    changes made elsewhere)."""
    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=date(2026, 12, 1), live_interval=None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            first = app._results.evaluated
            assert first == len(store.residents())
            # B-004: € 100 on the 15th of January-October; December's room 220.00 - 50.00 = 170.00
            store.add_payment(
                PaymentRecord("B-004", date(2026, 12, 2), Decimal("50.00"), "vrijwilligersvergoeding")
            )
            app.recheck()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app._results.evaluated == 1
            t = app.screen.query_one("#residents", DataTable)
            assert str(t.get_cell("B-004", "year")).replace("\u00a0", " ") == "€ 170,00"
    finally:
        store.close()


async def test_a_coordinator_records_a_payer_and_the_check_follows(db_path: Path, tui_rules: Ruleset) -> None:
    """Issue 11 item 4, payers as records: `b` opens the payers screen; recording 'Garage Noord BV'
    as a commercial company makes its € 50 allowance to B-004 pay (taxed as wages: niet veilig);
    changing it to an ANBI makes it safe again (€ 1.050 in the year, € 50 in November: within
    € 220 / € 2.200)."""
    from textual.widgets import Checkbox, Select

    from vergoedingcheck.tui.payers import PayersScreen
    from vergoedingcheck.tui.widgets import DataInput

    store = Store(db_path)
    store.add_payment(
        PaymentRecord(
            "B-004", date(2026, 11, 10), Decimal("50.00"), "vrijwilligersvergoeding", payer="Garage Noord BV"
        )
    )
    app = VergoedingApp(store, tui_rules, today=date(2026, 12, 1))

    async def settle() -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    def status() -> str:
        assert app.result is not None
        rr = app.result.resident("B-004")
        assert rr is not None and rr.year(2026) is not None
        return rr.year(2026).status  # type: ignore[union-attr]

    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle()
            assert status() == "safe"  # an unlisted payer is assumed to qualify
            await pilot.press("b")
            await settle()
            assert isinstance(app.screen, PayersScreen)
            app.screen.query_one("#payer-name", DataInput).value = "Garage Noord BV"
            app.screen.query_one("#payer-type", Select).value = "commercial"
            await pilot.press("ctrl+s")
            await settle()
            assert store.payers() == [("Garage Noord BV", "commercial", False)]
            assert status() == "unsafe"
            assert "Opgeslagen" in str(app.screen.query_one("#payer-message").render())
            app.screen.query_one("#payer-type", Select).value = "anbi"
            app.screen.query_one("#payer-below", Checkbox).value = True
            await pilot.press("ctrl+s")
            await settle()
            assert store.payers() == [("Garage Noord BV", "anbi", True)]
            assert status() == "safe"
    finally:
        store.close()
