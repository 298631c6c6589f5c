"""Issue 11 item 4: per payer (`o` on the residents screen), the number of payments, of residents
and the total this year and per month, with the payer's kind. The fixture payments
(tests/tui/conftest.py) have no payer: B-001 € 180 × 12, B-002 € 40, B-003 € 60, B-004 € 100 × 10,
B-005 € 60 × 11, all in 2026."""

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

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.payer_totals import PayerTotalsScreen, payer_totals

D = Decimal
TODAY = date(2026, 11, 25)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    s.add_payer("Stichting Noord", "anbi")
    s.add_payer("Sportclub [Oost]", "sport")  # recorded, no payments; markup in the name is data
    for rid, day, amount, planned in (
        ("B-001", date(2026, 2, 3), "25.00", False),
        ("B-002", date(2026, 2, 10), "30.00", False),
        ("B-001", date(2026, 4, 1), "45.00", True),
        ("B-001", date(2025, 12, 1), "10.00", False),  # another year: not in 2026's totals
    ):
        s.add_payment(
            PaymentRecord(
                rid,
                day,
                D(amount),
                "vrijwilligersvergoeding",
                payer="Stichting Noord",
                status="planned" if planned else "paid",
            )
        )
    s.add_payment(PaymentRecord("B-003", date(2026, 6, 6), D("75.00"), "gift", payer="Kerk Oost"))
    yield s
    s.close()


def test_totals_per_payer_for_the_year(store: Store) -> None:
    totals = payer_totals(store.payments(), store.payers(), 2026)
    got = [(t.name, t.type, t.year.count, len(t.year.residents), t.year.total) for t in totals]
    assert got == [
        ("Kerk Oost", None, 1, 1, D("75.00")),  # named on a payment, not recorded
        ("Sportclub [Oost]", "sport", 0, 0, D("0.00")),
        # 25 + 30 + 45 = 100 for B-001 and B-002 (the € 10 of December 2025 is another year)
        ("Stichting Noord", "anbi", 3, 2, D("100.00")),
        # 12 × 180 + 40 + 60 + 10 × 100 + 11 × 60 = 2.160 + 40 + 60 + 1.000 + 660 = 3.920
        (None, None, 35, 5, D("3920.00")),  # 12 + 1 + 1 + 10 + 11 = 35 payments
    ]
    noord = totals[2]
    # February: 25 + 30 = 55 (two residents); April: 45, planned
    assert {m: (t.count, t.total, t.planned) for m, t in noord.months.items()} == {
        2: (2, D("55.00"), D("0.00")),
        4: (1, D("45.00"), D("45.00")),
    }
    assert [(t.name, t.year.total) for t in payer_totals(store.payments(), store.payers(), 2025)] == [
        ("Sportclub [Oost]", D("0.00")),
        ("Stichting Noord", D("10.00")),
    ]


def rows(screen: Any, table: str) -> list[list[str]]:
    t = screen.query_one(table, DataTable)
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


async def test_the_screen_shows_each_payer_and_its_months(store: Store, tui_rules: Ruleset) -> None:
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PayerTotalsScreen)
        assert rows(screen, "#payer-totals") == [
            ["Kerk Oost", "niet vastgelegd", "1", "1", "€\xa075,00"],
            ["Sportclub [Oost]", "sportorganisatie", "0", "0", "€\xa00,00"],
            ["Stichting Noord", "ANBI", "3", "2", "€\xa0100,00"],
            ["geen betaler vermeld", "—", "35", "5", "€\xa03.920,00"],
        ]
        await pilot.press("down", "down")  # Stichting Noord
        await pilot.pause()
        assert str(screen.query_one("#payer-months-head", Static).render()) == "Per maand: Stichting Noord"
        months = rows(screen, "#payer-months")
        assert len(months) == 12
        assert months[1] == ["februari 2026", "2", "2", "€\xa055,00", "—"]
        assert months[3] == ["april 2026", "1", "1", "€\xa045,00", "€\xa045,00"]
        assert months[0] == ["januari 2026", "—", "—", "—", "—"]
        await pilot.press("left_square_bracket")  # 2025: only the € 10 of December
        await settle(pilot)
        assert rows(screen, "#payer-totals")[1] == ["Stichting Noord", "ANBI", "1", "1", "€\xa010,00"]


def test_payer_totals_snapshot(snap_compare: Any, store: Store, tui_rules: Ruleset) -> None:
    app = VergoedingApp(store, tui_rules, today=TODAY)

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run)
