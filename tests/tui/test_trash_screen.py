"""The trash in the app (issue 11 item 6): delete a resident or a payment, open the trash (v) and
put it back with Enter, every field as it was."""

from __future__ import annotations

from pilot_helpers import notes, settle
from textual.widgets import DataTable

from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import Confirm
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.trash import TrashScreen

SIZE = (100, 30)


async def test_a_deleted_resident_and_payment_come_back_from_the_trash(app: VergoedingApp) -> None:
    store = app.store
    resident, payments = store.resident("B-001"), store.payments("B-001")
    other = store.payments("B-003")
    assert payments and other and other[0].id is not None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "prullenbak" in app.screen.question  # no longer "cannot be undone"
        await pilot.press("j")
        await settle(pilot)
        assert "B-001" not in {r.id for r in store.residents()}
        store.delete_payment(other[0].id)  # a payment of another resident, deleted too

        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrashScreen)
        assert [(i.kind, i.resident) for i in screen.items] == [("payment", "B-003"), ("resident", "B-001")]
        table = screen.query_one("#trash", DataTable)
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert store.resident("B-001") == resident
        assert store.payments("B-001") == payments
        assert any(n.startswith("Teruggezet: bewoner van") for n in notes(app))
        assert [i.kind for i in screen.items] == ["payment"]
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        assert store.payments("B-003") == other
        assert screen.items == []
