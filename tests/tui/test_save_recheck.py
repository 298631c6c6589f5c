"""Issue 14 item 3: a save in the app reads again and checks again only the residents it touched,
and the result equals a full check of the store. Fixture rules 2026: € 220 a month, € 2.200 a
year (tests/tui/conftest.py); today 2026-12-01."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import notes
from textual.widgets import DataTable

from vergoedingcheck.engine import evaluate
from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp

TODAY = date(2026, 12, 1)


async def _settle(app: VergoedingApp, pilot: Any) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _full(store: Store, rules: Ruleset) -> dict[str, Any]:
    models, pays = store.engine_input()
    res = evaluate(models, pays, rules, years={2026}, payers=store.payer_models())
    return {r.id: r for r in res.residents}


async def test_a_saved_payment_reads_only_that_resident(
    db_path: Path, tui_rules: Ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(app, pilot)
            whole: list[str] = []
            real = store.payments

            def payments(resident: str | None = None, year: int | None = None) -> list[PaymentRecord]:
                if resident is None:
                    whole.append("payments")
                return real(resident, year)

            monkeypatch.setattr(store, "payments", payments)
            # B-004 (lives alone): € 100 on the 15th of January-October; +€ 50 on 2 December:
            # December's room 220.00 - 50.00 = 170.00
            store.add_payment(
                PaymentRecord("B-004", date(2026, 12, 2), Decimal("50.00"), "vrijwilligersvergoeding")
            )
            app.recheck({"B-004"})
            await _settle(app, pilot)
            assert whole == []  # the store was not read whole
            assert app._results.evaluated == 1
            t = app.screen.query_one("#residents", DataTable)
            assert str(t.get_cell("B-004", "year")).replace("\u00a0", " ") == "€ 170,00"
            assert app.result is not None
            assert {r.id: r for r in app.result.residents} == _full(store, tui_rules)
    finally:
        store.close()


async def test_a_renamed_resident_is_not_reported_as_deleted_elsewhere(
    db_path: Path, tui_rules: Ruleset
) -> None:
    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(app, pilot)
            rec = store.resident("B-004")
            store.update_resident(replace(rec, id="B-104"), old_id="B-004")
            app.recheck({"B-004", "B-104"})  # what the resident screen passes after a new reference
            await _settle(app, pilot)
            assert app.result is not None
            ids = {r.id for r in app.result.residents}
            assert "B-104" in ids and "B-004" not in ids
            assert not [n for n in notes(app) if "verwijderd" in n]
            assert app._results.evaluated == 1
            assert {r.id: r for r in app.result.residents} == _full(store, tui_rules)
    finally:
        store.close()
