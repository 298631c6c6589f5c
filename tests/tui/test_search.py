"""Issue 11 item 4: search across payments (`z` on the residents screen). The fixture payments
(tests/tui/conftest.py), all on the 15th with the note "Buurtkamer" and no payer:
B-001 € 180 January-December, B-002 € 40 in March, B-003 € 60 in May, B-004 € 100
January-October, B-005 € 60 January-November."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.search import PaymentSearchScreen, search

TODAY = date(2026, 11, 25)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    # one payment with a payer, and a note and payer that look like markup (data, never markup)
    s.add_payment(
        PaymentRecord(
            "B-004",
            date(2026, 12, 20),
            Decimal("50.00"),
            "onkostenvergoeding",
            receipts=True,
            payer="Stichting Öz [bold]",
            note="Kerstmarkt [red]",
            status="planned",
        )
    )
    yield s
    s.close()


def found(store: Store, query: str) -> list[tuple[str, str, str]]:
    residents = {r.id: r for r in store.residents()}
    return [
        (h.payment.resident, h.payment.date.isoformat(), str(h.payment.amount))
        for h in search(query, store.payments(), residents)
    ]


def test_a_month_by_name_or_number_finds_that_months_payments(store: Store) -> None:
    # March: B-001 € 180, B-002 € 40, B-004 € 100, B-005 € 60 (B-003 was paid in May only)
    march = [
        ("B-001", "2026-03-15", "180.00"),
        ("B-002", "2026-03-15", "40.00"),
        ("B-004", "2026-03-15", "100.00"),
        ("B-005", "2026-03-15", "60.00"),
    ]
    assert sorted(found(store, "maart")) == march
    assert sorted(found(store, "mrt")) == march
    assert sorted(found(store, "2026-03")) == march
    assert sorted(found(store, "3-2026")) == march
    assert found(store, "2025-03") == []


def test_an_amount_with_or_without_cents_finds_that_amount(store: Store) -> None:
    # € 60: B-003 in May (1) and B-005 January-November (11) = 12 payments
    assert len(found(store, "60")) == 12
    assert found(store, "60") == found(store, "60,00") == found(store, "€ 60,00")
    # every word must match: € 60 in May = B-003 and B-005
    assert sorted(found(store, "60,00 mei")) == [
        ("B-003", "2026-05-15", "60.00"),
        ("B-005", "2026-05-15", "60.00"),
    ]
    assert found(store, "50") == [("B-004", "2026-12-20", "50.00")]
    assert found(store, "15-5-2026") == found(store, "mei")  # every payment on the 15th


def test_note_payer_and_name_are_found_without_case_or_accents(store: Store) -> None:
    assert found(store, "kerstmarkt") == [("B-004", "2026-12-20", "50.00")]
    assert found(store, "stichting oz") == [("B-004", "2026-12-20", "50.00")]
    # Łukasz Öztürk (B-001): twelve payments; "ozturk" also finds the payer "Öz" only in part
    assert len(found(store, "ozturk")) == 12
    assert found(store, "") == []


async def test_the_search_screen_shows_the_payments_and_enter_opens_the_resident(
    store: Store, tui_rules: Ruleset
) -> None:
    app = VergoedingApp(store, tui_rules, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, PaymentSearchScreen)
        await pilot.press(*"kerstmarkt")
        await pilot.pause()
        t = app.screen.query_one("#payment-hits", DataTable)
        assert t.row_count == 1
        assert [str(c) for c in t.get_row_at(0)] == [
            "Jansen & Zn <test>",
            "20-12-2026",
            "€\xa050,00*",  # * planned
            "onkosten",
            "Stichting Öz [bold]",
            "Kerstmarkt [red]",
        ]
        summary = str(app.screen.query_one("#payment-summary", Static).render())
        assert summary == "1 betaling gevonden, waarvan 1 gepland (*). Enter opent de bewoner."
        await pilot.press("enter")  # from the input to the table
        await pilot.press("enter")  # opens the resident
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen) and app.screen.rid == "B-004"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PaymentSearchScreen)
        assert app.screen.query_one("#payment-query", Input).value == "kerstmarkt"


def test_search_snapshot(snap_compare: Any, store: Store, tui_rules: Ruleset) -> None:
    app = VergoedingApp(store, tui_rules, today=TODAY)

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        app.screen.query_one("#payment-query", Input).value = "maart"
        await settle(pilot)
        inp = app.screen.query_one("#payment-query", Input)
        inp.cursor_blink = False
        inp._cursor_visible = True
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run)
