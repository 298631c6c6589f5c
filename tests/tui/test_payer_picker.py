"""Issue 8 (payers in the app's forms) and spec §3 Payers: the payment form picks the payer from
the recorded payers, shows what the engine will assume of it before saving, and saves the name
exactly. Fixture rules 2026 (tests/tui/conftest.py): € 220 a month, € 2.200 a year.

B-004 has no benefit and € 100 on the 15th of January-October (€ 1.000 in 2026)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pilot_helpers import settle, shown
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from vergoedingcheck.records import PaymentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import NEW_PAYER, NO_PAYER, Confirm, PaymentForm
from vergoedingcheck.tui.resident import ResidentScreen

SIZE = (100, 32)


async def open_resident(pilot: Pilot[None], rid: str) -> ResidentScreen:
    app = pilot.app
    await settle(pilot)
    t = app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index(rid))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ResidentScreen)
    return app.screen


def _store(db_path: Path) -> Store:
    store = Store(db_path)
    store.add_payer("Garage Noord BV", "commercial")
    store.add_payer("Buurthuis De Pijp", "anbi")
    # a payer on another resident's payment that nobody recorded yet
    store.add_payment(
        PaymentRecord(
            "B-001", date(2026, 12, 20), Decimal("10.00"), "vrijwilligersvergoeding", payer="Speeltuin Oost"
        )
    )
    return store


async def test_the_form_offers_recorded_and_unrecorded_payers_and_says_what_is_assumed(
    db_path: Path, tui_rules: Ruleset
) -> None:
    store = _store(db_path)
    app = VergoedingApp(store, tui_rules, today=date(2026, 11, 25))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_resident(pilot, "B-004")
            await pilot.press("a")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, PaymentForm)
            pick = form.query_one("#payer-pick", Select)
            labels = [str(prompt) for prompt, _ in form._payer_options()]
            assert labels == [
                "Buurthuis De Pijp · ANBI",
                "Garage Noord BV · commercieel bedrijf",
                "Speeltuin Oost · niet vastgelegd",
                "niet opgegeven",
                "andere betaler…",
            ]
            assert pick.value == NO_PAYER
            assert "Zonder betaler wordt aangenomen" in shown(app, "#payer-hint")
            assert not form.query_one("#payer", Input).display  # the name field only for a new payer

            pick.value = "Garage Noord BV"
            await settle(pilot)
            assert "commercieel bedrijf: wat het betaalt is loon" in shown(app, "#payer-hint")
            pick.value = "Speeltuin Oost"
            await settle(pilot)
            assert "staat niet in de lijst van betalers" in shown(app, "#payer-hint")
            pick.value = NEW_PAYER
            await settle(pilot)
            assert form.query_one("#payer", Input).display
            # a new payer without a name is an error naming the field, nothing is saved
            form.query_one("#amount", Input).value = "50,00"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, PaymentForm)
            assert "Betaler" in shown(app, "#error")
    finally:
        store.close()


async def test_picking_a_commercial_payer_saves_its_name_and_the_year_is_not_safe(
    db_path: Path, tui_rules: Ruleset
) -> None:
    # € 50 on 30 November from an unlisted payer: € 1.000 + € 50 = € 1.050 <= € 2.200 and € 50 <= € 220,
    # so safe. From a payer recorded as commercial it is wages (Wet LB 1964 art. 2 lid 6): € 50 taxable,
    # the year is not safe, and the form asks before saving.
    store = _store(db_path)
    app = VergoedingApp(store, tui_rules, today=date(2026, 11, 25))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_resident(pilot, "B-004")
            await pilot.press("a")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, PaymentForm)
            form.query_one("#date", Input).value = "30-11-2026"
            form.query_one("#amount", Input).value = "50,00"
            form.query_one("#payer-pick", Select).value = "Garage Noord BV"
            await settle(pilot)
            assert "NIET VEILIG" in shown(app, "#preview")
            # November's room is € 220, but no amount from a commercial payer is a volunteer
            # allowance: the largest safe amount from this payer is € 0 (it said € 220 before)
            assert "Grootste veilige bedrag op 30 november 2026: € 0,00" in shown(app, "#preview")
            form.query_one("#payer-pick", Select).value = "Buurthuis De Pijp"
            await settle(pilot)
            assert "Grootste veilige bedrag op 30 november 2026: € 220,00" in shown(app, "#preview")
            form.query_one("#payer-pick", Select).value = "Garage Noord BV"
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, Confirm)  # a safe year turns unsafe: asked first
            await pilot.press("j")
            await settle(pilot)
            saved = [p for p in store.payments("B-004", 2026) if p.date == date(2026, 11, 30)]
            assert [(p.amount, p.payer) for p in saved] == [(Decimal("50.00"), "Garage Noord BV")]
            rr = app.result.resident("B-004") if app.result else None
            year = rr.year(2026) if rr else None
            assert year is not None and year.status == "unsafe"
            assert year.tax.taxable == Decimal("50.00")
    finally:
        store.close()


async def test_a_new_payer_typed_in_is_saved_and_editing_keeps_an_unrecorded_payer(
    db_path: Path, tui_rules: Ruleset
) -> None:
    store = _store(db_path)
    app = VergoedingApp(store, tui_rules, today=date(2026, 11, 25))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_resident(pilot, "B-004")
            await pilot.press("a")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, PaymentForm)
            form.query_one("#date", Input).value = "26-11-2026"
            form.query_one("#amount", Input).value = "20,00"
            form.query_one("#payer-pick", Select).value = NEW_PAYER
            await settle(pilot)
            form.query_one("#payer", Input).value = "  Wijkteam Zuid  "
            await settle(pilot)
            assert "Wijkteam Zuid staat niet in de lijst van betalers" in shown(app, "#payer-hint")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            saved = [p for p in store.payments("B-004", 2026) if p.date == date(2026, 11, 26)]
            assert [p.payer for p in saved] == ["Wijkteam Zuid"]
            # editing that payment: the picker shows its (unrecorded) payer, unchanged on save
            form2 = screen._payment_form(saved[0])
            await app.push_screen(form2)
            await settle(pilot)
            assert form2.query_one("#payer-pick", Select).value == "Wijkteam Zuid"
            assert form2.build().payer == "Wijkteam Zuid"
            assert not form2.changed()
    finally:
        store.close()
