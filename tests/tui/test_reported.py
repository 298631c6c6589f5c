"""Gemeld aan … op [datum] (issue 11 item 4): the months an office letter has reported, from the
letter records in the store; Te doen empties as the letters are made, and comes back for a month
whose amount changed since."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.services.letters import LetterInputs, LetterRequest, record_for
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.reported import months_words
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.worklist import REPORT_SECTION, WorklistScreen

TODAY = date(2026, 11, 25)  # as tests/tui/conftest.py
SIZE = (110, 34)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def report_rows(app: VergoedingApp) -> dict[str, str]:
    t = app.screen.query_one("#worklist", DataTable)
    rows = [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]
    return {r[1]: r[2] for r in rows if r[0] == REPORT_SECTION}


def office_letter(app: VergoedingApp, rid: str, office: str, on: date) -> None:
    """What making the office letter records (services.letters, as the letters screen does)."""
    assert app.result is not None
    req = LetterRequest("office", "nl", 2026, on, resident=rid, office=office)
    app.store.record_letter(record_for(LetterInputs.from_store(app.store), req, app.result))


def test_months_in_words() -> None:
    assert months_words(["2026-01", "2026-02", "2026-03", "2026-05"]) == "januari t/m maart en mei 2026"
    assert months_words(["2026-03"]) == "maart 2026"
    assert months_words(["2026-03", "2026-04"]) == "maart en april 2026"


async def test_te_melden_empties_as_the_office_letter_is_made(db_path: Path, tui_rules: Ruleset) -> None:
    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=TODAY)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            assert isinstance(app.screen, WorklistScreen)
            # Fixture payments up to 25 November 2026 (the 15th of each month): B-001 bijstand
            # (art. 17 Pw: tell the gemeente) January-November; B-002 bijstand March; B-003 WW
            # (UWV) May; B-005 AIO (SVB) January-November; B-004 has no benefit: nothing to report.
            # December's planned payment of B-001 is not reported yet (not made by today).
            rows = report_rows(app)
            assert rows == {
                "Łukasz Öztürk": "aan de gemeente: januari t/m november 2026. Maak de brief (l).",
                "Nguyễn Thị Hoa": "aan de gemeente: maart 2026. Maak de brief (l).",
                "Sanne Bakker": "aan UWV: mei 2026. Maak de brief (l).",
                "Fatima El Amrani": "aan de SVB: januari t/m november 2026. Maak de brief (l).",
            }
            office_letter(app, "B-001", "gemeente", date(2026, 11, 20))
            await pilot.press("escape", "t")
            await settle(pilot)
            assert "Łukasz Öztürk" not in report_rows(app)
            assert len(report_rows(app)) == 3

            # the resident's month grid says it, per month and in words
            await pilot.press("escape")
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            t.move_cursor(row=t.get_row_index("B-001"))
            await pilot.press("enter", "2")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            m = app.screen.query_one("#months", DataTable)
            assert str(m.get_cell("2026-03", "reported")) == "20-11 gem."
            # the letter showed December's planned € 180 too
            assert str(m.get_cell("2026-12", "reported")) == "20-11 gem."
            words = str(app.screen.query_one("#reported", Static).render())
            assert "Gemeld aan de gemeente op 20 november 2026: januari t/m december 2026" in words
            assert "Nog te melden" not in words

        # a payment on 22 November after the letter: November 180 + 10 = 190 ≠ the 180 reported
        store.add_payment(
            PaymentRecord("B-001", date(2026, 11, 22), Decimal("10.00"), "vrijwilligersvergoeding")
        )
        app2 = VergoedingApp(store, tui_rules, today=TODAY)
        async with app2.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            assert report_rows(app2)["Łukasz Öztürk"] == (
                "aan de gemeente: november 2026 (november 2026 gewijzigd sinds de melding). Maak de brief (l)."
            )
            await pilot.press("escape")
            await settle(pilot)
            t = app2.screen.query_one("#residents", DataTable)
            t.move_cursor(row=t.get_row_index("B-001"))
            await pilot.press("enter", "2")
            await settle(pilot)
            m = app2.screen.query_one("#months", DataTable)
            assert str(m.get_cell("2026-11", "reported")) == "gewijzigd"
            assert str(m.get_cell("2026-10", "reported")) == "20-11 gem."
            words = str(app2.screen.query_one("#reported", Static).render())
            assert "Nog te melden aan de gemeente: november 2026" in words
    finally:
        store.close()
