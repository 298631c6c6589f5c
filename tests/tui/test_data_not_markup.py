"""Issue 9 item 4: the app shows data, never runs it.

A name with Rich/Textual markup, an action link or a terminal escape sequence is shown as text:
the app does not crash, does not run the action, and no ESC byte from data reaches a widget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pilot_helpers import settle
from textual.widgets import DataTable, Static

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.residents import ResidentsScreen

SIZE = (80, 24)
TODAY = date(2026, 11, 25)
NAMES = {
    "X-1": "Kapot [/] markup",
    "X-2": "[@click=app.quit]Klik hier[/]",
    "X-3": "Wis\x1b[2Jscherm\x07",
    "X-4": "[b]vet[/b] [red]rood",
}


@pytest.fixture
def hostile_app(tmp_path: Path, tui_rules: Ruleset) -> VergoedingApp:
    path = tmp_path / "vc.db"
    with Store(path) as s:
        s.import_records(
            [
                ResidentRecord(rid, name, date(1980, 1, 1), "Goes[/]", "[@click=app.quit]", note="[/]x")
                for rid, name in NAMES.items()
            ],
            [
                PaymentRecord(
                    rid,
                    date(2026, 11, 3),
                    Decimal("10.00"),
                    "vrijwilligersvergoeding",
                    note="[/] [@click=app.quit]\x1b[31m",
                    payer="[/]Kapot",
                )
                for rid in NAMES
            ],
        )
    return VergoedingApp(Store(path), tui_rules, today=TODAY)


def _plain(app: VergoedingApp) -> str:
    """Everything the residents table and the visible statics show, as plain text."""
    out: list[str] = []
    for t in app.screen.query(DataTable):
        for i in range(t.row_count):
            out.extend(str(c) for c in t.get_row_at(i))
    for s in app.screen.query(Static):
        out.append(str(s.render()))
    return "\n".join(out)


async def test_markup_in_names_is_shown_as_text_and_never_crashes(hostile_app: VergoedingApp) -> None:
    app = hostile_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResidentsScreen)
        shown = _plain(app)
        assert "Kapot [/] markup" in shown
        assert "[@click=app.quit]Klik hier[/]" in shown
        assert "[b]vet[/b] [red]rood" in shown
        # the escape sequence is made visible, never passed on
        assert "\x1b" not in shown and "\x07" not in shown
        assert "Wis␛[2Jscherm␇" in shown
        # open every resident: the detail screen shows names, notes and payers as text
        for rid in NAMES:
            t = app.screen.query_one("#residents", DataTable)
            t.move_cursor(row=t.get_row_index(rid))
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ResidentScreen)
            detail = _plain(app)
            assert "\x1b" not in detail
            assert "[/] [@click=app.quit]␛[31m" in detail
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running  # the click action never ran


async def test_clicking_an_action_link_in_a_name_runs_nothing(hostile_app: VergoedingApp) -> None:
    app = hostile_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        row = t.get_row_index("X-2")
        t.move_cursor(row=row)  # the cursor is on the row: a click on the name opens it
        await pilot.click("#residents", offset=(3, 1 + row))
        await settle(pilot)
        assert app.is_running and app.return_code is None


def test_a_crash_shows_no_personal_data() -> None:
    """Textual's crash dump prints local variables (names, amounts): the app turns that off."""
    assert VergoedingApp.show_locals_on_crash is False


def test_a_crash_prints_neither_names_nor_amounts(hostile_app: VergoedingApp) -> None:
    """The app's crash message (what Textual prints on exit) names the error type and place only."""
    from io import StringIO

    from rich.console import Console

    app = hostile_app
    app.bell = lambda: None  # type: ignore[method-assign]
    app._close_messages_no_wait = lambda: None  # type: ignore[method-assign]

    def boom(name: str, amount: str) -> None:
        raise ValueError(f"{name} {amount}")

    try:
        boom("Łukasz Öztürk", "€ 180,00")
    except ValueError:
        app._fatal_error()
    out = StringIO()
    console = Console(file=out, width=120)
    for r in app._exit_renderables:
        console.print(r)
    text = out.getvalue()
    assert "interne fout: ValueError in boom" in text
    assert "Łukasz" not in text and "180" not in text and "amount" not in text


@given(st.text(alphabet=st.sampled_from(list("ab[]/@#=\\ NoordBX1.")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_esc_shows_any_text_as_it_is(text: str) -> None:
    """Whatever a name holds, `esc` makes Textual's markup show exactly that text: "Huis [Noord]"
    showed as "Huis " (Rich's escape leaves a bracket before a capital letter alone)."""
    from textual.content import Content

    from vergoedingcheck.tui.common import esc

    assert Content.from_markup(esc(text)).plain == text


def test_esc_keeps_a_bracketed_capitalised_word() -> None:
    from textual.content import Content

    from vergoedingcheck.tui.common import esc

    assert Content.from_markup(esc("Huis [Noord]")).plain == "Huis [Noord]"
