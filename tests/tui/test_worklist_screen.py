"""Issue 11 item 3: `t` opens Te doen on the app's day, with the banner for next year's figures, and
Enter on an item opens that resident. Fixture rules: 2026 € 220 / € 2.200 (tests/tui/conftest.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.worklist import WorklistScreen


async def test_the_worklist_lists_a_planned_payment_over_the_cap_and_opens_the_resident(
    db_path: Path, tui_rules: Ruleset
) -> None:
    store = Store(db_path)
    # B-004: € 100 a month January-October; € 250 planned on 15 December > € 220 -> not safe
    store.add_payment(
        PaymentRecord(
            "B-004", date(2026, 12, 15), Decimal("250.00"), "vrijwilligersvergoeding", status="planned"
        )
    )
    app = VergoedingApp(store, tui_rules, today=date(2026, 12, 1))
    try:
        async with app.run_test(size=(110, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, WorklistScreen)
            t = app.screen.query_one("#worklist", DataTable)
            rows = [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]
            first = rows[0]
            assert (
                first[0] == "Gepland en over een grens" and "250,00" in first[2] and "niet veilig" in first[2]
            )
            t.move_cursor(row=0)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResidentScreen)
    finally:
        store.close()


async def test_planning_next_year_shows_provisional_room_with_a_banner(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    """Issue 11 item 3 / spec §3 Coverage: the real rules hold the 2027 caps as announced, not
    confirmed. In December, planning 2027 shows the room with the last confirmed figures (2026:
    € 2.200 for a resident with no 2027 payments), marked with * and explained; never € 0,00 as
    if nothing could be paid, and never as if the figures were certain."""
    from textual.widgets import Static

    from vergoedingcheck.model import Benefit
    from vergoedingcheck.records import ResidentRecord

    store = Store(tmp_path / "s.db")
    store.add_resident(ResidentRecord("R1", "Anna", date(1970, 1, 1), benefits=(Benefit("bijstand"),)))
    app = VergoedingApp(store, ruleset, today=date(2026, 12, 1))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.press("right_square_bracket")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            t = app.screen.query_one("#residents", DataTable)
            assert str(t.get_cell("R1", "year")).replace("\u00a0", " ") == "€ 2.200,00*"
            summary = str(app.screen.query_one("#summary", Static).render())
            assert "Bedragen 2027 nog niet vastgesteld" in summary
    finally:
        store.close()


async def test_the_app_opens_on_the_worklist_with_the_residents_behind_it(
    db_path: Path, tui_rules: Ruleset
) -> None:
    """Issue 11 item 3, "a worklist that opens first": `vergoedingcheck app` starts on Te doen;
    Escape shows the residents list. B-004's € 250 planned on 15 December > € 220 is on it."""
    from vergoedingcheck.tui.residents import ResidentsScreen

    store = Store(db_path)
    store.add_payment(
        PaymentRecord(
            "B-004", date(2026, 12, 15), Decimal("250.00"), "vrijwilligersvergoeding", status="planned"
        )
    )
    app = VergoedingApp(store, tui_rules, today=date(2026, 12, 1), worklist_first=True)
    try:
        async with app.run_test(size=(110, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, WorklistScreen)
            t = app.screen.query_one("#worklist", DataTable)
            rows = [" ".join(str(c) for c in t.get_row_at(i)) for i in range(t.row_count)]
            assert any("15 december 2026" in r and "250,00" in r for r in rows)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ResidentsScreen)
    finally:
        store.close()


def test_the_app_command_opens_on_the_worklist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`vergoedingcheck app` (and so `make run`) asks for the worklist first; tests that build the
    app themselves keep the residents list first."""
    from vergoedingcheck.cli import main

    mp = monkeypatch
    seen: list[bool] = []
    mp.setattr(VergoedingApp, "run", lambda self, *a, **k: seen.append(self.worklist_first))
    mp.setenv("HOME", str(tmp_path))
    mp.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["app", "--demo"]) == 0
    assert seen == [True]
