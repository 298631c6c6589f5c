"""Issue 11 item 4: a recurring payment ("€ 110 on the 16th of every month until …") is checked
before saving, and the app stops before the payment that breaks a cap.

Fixture rules 2026 (tests/tui/conftest.py): € 220 a month and € 2.200 a year, for tax and bijstand.
B-004 (no benefit) has € 100 on the 15th of January-October 2026 (€ 1.000); B-001 (bijstand) has
€ 180 on the 15th of every month (€ 2.160). Today is 25 November 2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pilot_helpers import settle, shown
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.rules import load_ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import Confirm, PaymentForm
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.whatif import check_series, series_text

SIZE = (100, 36)


async def series_form(pilot: Pilot[None], rid: str, first: str, until: str, amount: str) -> PaymentForm:
    app = pilot.app
    await settle(pilot)
    t = app.screen.query_one("#residents", DataTable)
    t.move_cursor(row=t.get_row_index(rid))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ResidentScreen)
    await pilot.press("a")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, PaymentForm)
    assert not form.query_one("#until", Input).display  # only once "elke maand" is chosen
    form.query_one("#date", Input).value = first
    form.query_one("#amount", Input).value = amount
    form.query_one("#repeat", Select).value = "monthly"
    await settle(pilot)
    assert form.query_one("#until", Input).display
    form.query_one("#until", Input).value = until
    await settle(pilot)
    return form


def b004_2026(app: VergoedingApp) -> list[tuple[date, Decimal]]:
    return sorted((p.date, p.amount) for p in app.store.payments("B-004", 2026))


async def test_a_series_stops_before_the_payment_that_breaks_the_year_cap(app: VergoedingApp) -> None:
    # € 110 on the 16th, January-December 2026: each month € 100 + € 110 = € 210 <= € 220. The year:
    # € 1.000 + 10 × € 110 = € 2.100 <= € 2.200 after 16 October; the 11th payment (16 November)
    # makes € 2.210 > € 2.200 and the year unsafe. So 10 payments are safe to save.
    async with app.run_test(size=SIZE) as pilot:
        form = await series_form(pilot, "B-004", "16-1-2026", "16-12-2026", "110,00")
        assert len(form.build_series()) == 12
        text = shown(app, "#preview")
        assert "12 betalingen van € 110,00, 16 januari 2026 tot en met 16 december 2026" in text
        assert "De betaling van 16 november 2026 maakt 2026 NIET VEILIG" in text
        assert "boven het jaarmaximum van € 2.200,00" in text
        assert "Veilig op te slaan: de eerste 10" in text
        before = b004_2026(app)

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # no: back in the form, nothing saved
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert b004_2026(app) == before

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        added = sorted(set(b004_2026(app)) - set(before))
        assert added == [(date(2026, m, 16), Decimal("110.00")) for m in range(1, 11)]
        rr = app.result.resident("B-004") if app.result else None
        year = rr.year(2026) if rr else None
        assert year is not None and year.status == "safe"  # € 2.100: still safe


async def test_a_series_whose_first_payment_breaks_a_cap_saves_nothing(app: VergoedingApp) -> None:
    # B-001: € 180 on 15 November; € 50 more on 16 November makes € 230 > € 220 in that month.
    async with app.run_test(size=SIZE) as pilot:
        await series_form(pilot, "B-001", "16-11-2026", "16-12-2026", "50,00")
        before = app.store.payments("B-001", 2026)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert "al de eerste betaling maakt 2026 niet veilig" in shown(app, "#error")
        assert len(app.store.payments("B-001", 2026)) == len(before)


async def test_a_safe_series_is_saved_whole_and_a_short_month_takes_its_last_day(app: VergoedingApp) -> None:
    # B-004, € 50 on the 30th from 30 November 2026 to 28 February 2027 would cross into 2027, for
    # which the fixture rules hold no figures; keep to 2026: 30 November and 30 December, each month
    # € 50 <= € 220, the year € 1.000 + € 100 = € 1.100 <= € 2.200: safe, saved without a question.
    async with app.run_test(size=SIZE) as pilot:
        form = await series_form(pilot, "B-004", "30-11-2026", "31-12-2026", "50,00")
        assert "Elke betaling houdt de jaren veilig" in shown(app, "#preview")
        # the day of a shorter month: 31 January → 28 February, 31 March, 30 April
        form.query_one("#date", Input).value = "31-1-2026"
        form.query_one("#until", Input).value = "30-4-2026"
        await settle(pilot)
        assert [p.date for p in form.build_series()] == [
            date(2026, 1, 31),
            date(2026, 2, 28),
            date(2026, 3, 31),
            date(2026, 4, 30),
        ]
        form.query_one("#date", Input).value = "30-11-2026"
        form.query_one("#until", Input).value = "31-12-2026"
        await settle(pilot)
        before = b004_2026(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        added = sorted(set(b004_2026(app)) - set(before))
        assert added == [(date(2026, 11, 30), Decimal("50.00")), (date(2026, 12, 30), Decimal("50.00"))]


async def test_until_before_the_first_date_is_a_form_error(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await series_form(pilot, "B-004", "16-11-2026", "1-11-2026", "10,00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert "Tot en met" in shown(app, "#error")


# -- planning next year in December: the series is judged provisionally ---------------------------


def _planning_app(tmp_path: Path) -> tuple[VergoedingApp, Store]:
    """The real rules on 4 December 2026: the 2027 figures are announced but not confirmed
    (`pending: true` in rules/nl), the last confirmed ones are 2026's: € 220 a month and € 2.200 a
    year for the tax-free volunteer allowance (Belastingdienst, see rules/nl/tax.volunteer.*)."""
    store = Store(tmp_path / "plan.db")
    store.add_resident(ResidentRecord("P-1", "Planning Test", date(1980, 1, 1), "Zwolle", None, None, ()))
    ruleset = load_ruleset(None, today=date(2026, 12, 4))
    return VergoedingApp(store, ruleset, today=date(2026, 12, 4)), store


def _monthly(amount: str, months: range) -> list[PaymentRecord]:
    return [
        PaymentRecord("P-1", date(2027, m, 15), Decimal(amount), "vrijwilligersvergoeding", status="planned")
        for m in months
    ]


def test_a_series_into_a_year_without_payments_and_pending_figures_stops_provisionally(
    tmp_path: Path,
) -> None:
    # € 200 on the 15th of every month of 2027; with 2026's figures: each month € 200 <= € 220, the
    # year 11 × € 200 = € 2.200 <= € 2.200 after 15 November, and the 12th payment makes € 2.400 >
    # € 2.200. The year had no payments before (no result of its own): that counts as safe, so the
    # break is found, and the words say it is provisional.
    app, store = _planning_app(tmp_path)
    try:
        series = _monthly("200.00", range(1, 13))
        check = check_series(app, "P-1", series)
        assert (check.first_break, check.safe_count, check.year) == (11, 11, 2027)
        assert check.assuming == "2026" and check.verdict == "voorlopig niet veilig"
        text = series_text(check, series)
        assert "De betaling van 15 december 2027 maakt 2027 VOORLOPIG NIET VEILIG" in text
        assert "nog niet vastgesteld; voorlopig gerekend met die van 2026" in text
        # € 250 in January alone is over € 220: the first payment already breaks
        assert check_series(app, "P-1", _monthly("250.00", range(1, 4))).first_break == 0
    finally:
        store.close()


def test_a_series_under_the_caps_in_a_pending_year_is_never_called_safe(tmp_path: Path) -> None:
    # € 100 in January-March 2027 keeps every cap of 2026, but 2027's own figures are not confirmed:
    # the year's status is `onbekend`, and the text says so instead of "veilig".
    app, store = _planning_app(tmp_path)
    try:
        series = _monthly("100.00", range(1, 4))
        check = check_series(app, "P-1", series)
        assert check.first_break is None
        assert [(y, s) for y, s, _ in check.not_safe] == [(2027, "unknown")]
        text = series_text(check, series)
        assert "veilig" not in text.replace("voorlopig gerekend met die van 2026: veilig", "")
        assert "2027 blijft ONBEKEND" in text
    finally:
        store.close()


async def test_one_payment_in_a_pending_year_is_planned_provisionally_and_labelled(tmp_path: Path) -> None:
    # 15 January 2027, 2027's figures pending: the status stays `onbekend`, the plan is made with
    # 2026's (€ 220 a month): € 200 is provisionally safe and the room is € 220 - € 0 = € 220; saving
    # asks nothing. € 250 > € 220 is provisionally not safe, and saving asks first.
    app, store = _planning_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            t = app.screen.query_one("#residents", DataTable)
            t.move_cursor(row=t.get_row_index("P-1"))
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("a")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, PaymentForm)
            form.query_one("#date", Input).value = "15-1-2027"
            form.query_one("#amount", Input).value = "250,00"
            await settle(pilot)
            text = shown(app, "#preview")
            assert (
                "de bedragen voor 2027 zijn nog niet vastgesteld. Voorlopig, met die van 2026: niet veilig"
                in text
            )
            assert (
                "Voorlopig grootste veilige bedrag op 15 januari 2027: € 220,00 (met de bedragen van 2026)"
                in text
            )
            assert "Grootste veilige bedrag op 15 januari 2027: € 0,00" not in text
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, Confirm)
            assert "VOORLOPIG NIET VEILIG" in app.screen.question
            await pilot.press("n")
            await settle(pilot)
            form.query_one("#amount", Input).value = "200,00"
            await settle(pilot)
            assert "Voorlopig, met die van 2026: veilig" in shown(app, "#preview")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)  # saved without a question
            assert [(p.date, p.amount) for p in store.payments("P-1", 2027)] == [
                (date(2027, 1, 15), Decimal("200.00"))
            ]
    finally:
        store.close()
