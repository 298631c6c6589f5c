"""Issue 11 item 2: before saving, the app says why a payment is not safe and what would be.

Fixture rules for 2026 (tests/tui/conftest.py): € 220 a month and € 2.200 a year for tax and for
bijstand, bijstand's minimum age 27. Today is 25 November 2026."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import Confirm, PaymentForm, ResidentForm
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.whatif import WhatIfScreen

SIZE = (80, 24)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text(app: VergoedingApp, wid: str) -> str:
    return str(app.screen.query_one(wid, Static).render()).replace("\u00a0", " ")


async def payment_form(pilot: Pilot[None], rid: str, amount: str) -> PaymentForm:
    app = pilot.app
    t = app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index(rid))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ResidentScreen)
    await pilot.press("a")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, PaymentForm)
    form.query_one("#amount", Input).value = amount
    await settle(pilot)
    return form


_SENT: dict[int, list[str]] = {}


@pytest.fixture(autouse=True)
def _record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message the app shows, kept for the test: a toast expires after a few seconds, and on a
    loaded CI machine `settle` can take longer than that (the test read an empty list)."""
    real = VergoedingApp.notify

    def notify(self: VergoedingApp, message: str, **kw: Any) -> None:
        _SENT.setdefault(id(self), []).append(message)
        real(self, message, **kw)

    monkeypatch.setattr(VergoedingApp, "notify", notify)
    _SENT.clear()


def notes(app: VergoedingApp) -> list[str]:
    return [m.replace("\u00a0", " ") for m in _SENT.get(id(app), [])]


async def test_over_the_month_cap_names_the_reason_and_the_largest_safe_amount(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(app.store.payments("B-001"))
        await payment_form(pilot, "B-001", "100,00")
        preview = text(app, "#preview")
        # November already has € 180: 180 + 100 = 280 > 220; the year 12 x 180 + 100 = 2.260 > 2.200
        assert "boven het maandmaximum van € 220,00" in preview
        assert "boven het jaarmaximum van € 2.200,00" in preview
        # largest safe on 25 November: min(220 - 180, 2.200 - 2.160) = 40
        assert "Grootste veilige bedrag op 25 november 2026: € 40,00" in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)  # safe -> unsafe: asked first
        assert "NIET VEILIG" in app.screen.question
        await pilot.press("n")  # no: back in the form, nothing saved
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert len(app.store.payments("B-001")) == before
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert len(app.store.payments("B-001")) == before + 1
        assert any("opgeslagen. 2026 is nu niet veilig." in n for n in notes(app))


async def test_a_safe_payment_saves_without_a_question_and_names_the_status(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await payment_form(pilot, "B-001", "40,00")  # exactly the room: 180 + 40 = 220
        assert "blijft veilig" in text(app, "#preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert any("opgeslagen. 2026 is nu veilig." in n for n in notes(app))


async def test_under_27_on_bijstand_names_the_age_rule(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await payment_form(pilot, "B-002", "10,00")  # born 30-9-2001: 25 on 25-11-2026
        preview = text(app, "#preview")
        assert "jonger dan 27: elke vaste vergoeding telt" in preview
        # the year is already not safe without this payment: nothing is safe (unknown never is)
        assert "Grootste veilige bedrag op 25 november 2026: € 0,00" in preview
        await pilot.press("ctrl+s")  # already unsafe: no question, saved
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert any("2026 is nu niet veilig." in n for n in notes(app))


async def test_ww_without_permission_names_the_missing_permission(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await payment_form(pilot, "B-003", "10,00")
        preview = text(app, "#preview")
        assert "onbekend" in preview
        assert "UWV-toestemming ontbreekt" in preview
        assert "€ 0,00" in preview


async def test_enter_moves_to_the_next_field_and_never_saves(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(app.store.payments("B-004"))
        form = await payment_form(pilot, "B-004", "")
        assert form.focused is form.query_one("#amount", Input)
        await pilot.press("1", "0", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)  # still open
        # focus moved since the assert on #amount; mypy still narrows `focused` to Input
        assert form.focused is form.query_one("#kind", Select)  # type: ignore[comparison-overlap]
        assert len(app.store.payments("B-004")) == before


async def test_escape_on_a_changed_form_asks_before_discarding(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await payment_form(pilot, "B-004", "")
        await pilot.press("escape")  # nothing changed: closes at once
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#amount", Input).value = "10"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert app.screen.query_one("#amount", Input).value == "10"
        await pilot.press("escape", "j")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)


async def test_every_payment_form_error_is_shown(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await payment_form(pilot, "B-004", "tien")
        form.query_one("#date", Input).value = "31-2-2026"
        form.query_one("#hours", Input).value = "-1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        err = text(app, "#error")
        assert "Datum:" in err and "bestaande" in err
        assert "Bedrag:" in err and "geen bedrag" in err
        assert "Uren:" in err


async def test_every_resident_form_error_is_shown(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ResidentForm)
        app.screen.query_one("#birth", Input).value = "1-1-2099"
        await pilot.press("ctrl+s")
        await settle(pilot)
        err = text(app, "#error")
        assert "Referentie: verplicht" in err
        assert "Geboortedatum: ligt in de toekomst" in err


async def test_what_if_names_the_reason_and_asks_before_saving_an_unsafe_plan(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WhatIfScreen)
        app.screen.query_one("#amount", Input).value = "100"
        await settle(pilot)
        verdict = text(app, "#verdict")
        assert "boven het maandmaximum van € 220,00" in verdict
        assert "Grootste veilige bedrag op 25 november 2026: € 40,00." in verdict  # 220 - 180
        before = len(app.store.payments("B-001"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("j")
        await settle(pilot)
        assert len(app.store.payments("B-001")) == before + 1
        assert any("2026 is nu niet veilig." in n for n in notes(app))
