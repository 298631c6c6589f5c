"""One payment for a group of residents, each checked before saving (issue 11 item 4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.group import GroupPaymentForm, GroupReviewScreen

SIZE = (100, 30)
TODAY = date(2026, 11, 25)  # as tests/tui/conftest.py
_SENT: list[str] = []


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture(autouse=True)
def _record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    real = VergoedingApp.notify

    def notify(self: VergoedingApp, message: str, **kw: Any) -> None:
        _SENT.append(message.replace("\u00a0", " "))
        real(self, message, **kw)

    monkeypatch.setattr(VergoedingApp, "notify", notify)
    _SENT.clear()


async def mark(pilot: Pilot[None], *rids: str) -> None:
    t = pilot.app.screen.query_one("#residents", DataTable)
    for rid in rids:
        t.move_cursor(row=t.get_row_index(rid))
        await pilot.press("space")
        await pilot.pause()


async def group_review(pilot: Pilot[None], amount: str) -> GroupReviewScreen:
    await mark(pilot, "B-001", "B-004", "B-005")
    await pilot.press("g")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, GroupPaymentForm)
    assert not form.query("#repeat")  # one payment, no series
    form.query_one("#amount", Input).value = amount
    await pilot.press("ctrl+s")
    await settle(pilot)
    review = pilot.app.screen
    assert isinstance(review, GroupReviewScreen)
    return review


def new_payments(db_path: Path) -> dict[str, Decimal]:
    with Store(db_path) as s:
        return {p.resident: p.amount for p in s.payments(year=2026) if p.date == TODAY}


async def test_group_payment_leaves_out_who_it_would_make_unsafe(app: VergoedingApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = await group_review(pilot, "60,00")
        # € 60 on 25 November 2026, fixture rules € 220 a month / € 2.200 a year, in name order:
        #   Fatima (B-005): nov 60 + 60 = 120 ≤ 220, year 11 × 60 + 60 = 720 ≤ 2.200 → veilig;
        #     largest safe: nov room 220 − 60 = € 160
        #   Jansen (B-004): nov 0 + 60 = 60, year 1.000 + 60 = 1.060 → veilig; nov room € 220
        #   Łukasz (B-001): nov 180 + 60 = 240 > 220 → niet veilig (was veilig): left out;
        #     largest safe: nov room 220 − 180 = € 40 (year room 2.200 − 2.160 = 40 too)
        lines = {x.resident.id: x for x in review.lines}
        assert [x.resident.id for x in review.lines] == ["B-005", "B-004", "B-001"]
        assert (lines["B-005"].after, lines["B-005"].safe, lines["B-005"].save) == (
            "safe",
            Decimal("160.00"),
            True,
        )
        assert (lines["B-004"].after, lines["B-004"].safe, lines["B-004"].save) == (
            "safe",
            Decimal("220.00"),
            True,
        )
        assert (lines["B-001"].before, lines["B-001"].after) == ("safe", "unsafe")
        assert lines["B-001"].safe == Decimal("40.00")
        assert not lines["B-001"].save
        assert any("maandmaximum van € 220,00" in w.replace("\u00a0", " ") for w in lines["B-001"].why)
        t = review.query_one("#group", DataTable)
        t.move_cursor(row=2)
        await pilot.pause()
        why = str(review.query_one("#group-why", Static).render()).replace("\u00a0", " ")
        assert "wordt NIET VEILIG (was veilig)" in why
        assert "Grootste veilige bedrag op 25 november 2026: € 40,00" in why
        summary = str(review.query_one("#group-summary", Static).render())
        assert "2 van 3 worden opgeslagen" in summary
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert new_payments(db_path) == {"B-005": Decimal("60.00"), "B-004": Decimal("60.00")}
    assert any("opgeslagen voor 2 bewoners" in m and "Niet voor: Łukasz Öztürk" in m for m in _SENT)


async def test_group_payment_saves_a_confirmed_resident_too(app: VergoedingApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        review = await group_review(pilot, "60,00")
        t = review.query_one("#group", DataTable)
        t.move_cursor(row=2)  # Łukasz: the coordinator confirms this one resident
        await pilot.press("space")
        await pilot.pause()
        assert [x.save for x in review.lines] == [True, True, True]
        t.move_cursor(row=0)  # and leaves Fatima out
        await pilot.press("space")
        await pilot.pause()
        assert [x.save for x in review.lines] == [False, True, True]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert new_payments(db_path) == {"B-004": Decimal("60.00"), "B-001": Decimal("60.00")}


async def test_group_payment_cancelled_saves_nothing(app: VergoedingApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await group_review(pilot, "60,00")
        await pilot.press("escape")
        await settle(pilot)
    assert new_payments(db_path) == {}


async def test_g_without_marks_says_what_to_do(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert not isinstance(app.screen, GroupPaymentForm)
        assert any("spatiebalk" in m for m in _SENT)
