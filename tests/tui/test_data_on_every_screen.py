"""Issue 9 item 4 on every screen: what reaches the terminal is the data as text.

Each screen that shows a name, note, payer or message is opened with hostile values, and the
lines the screen sends to the terminal (the compositor's output, what the driver writes) are
checked: no ESC or BEL byte from data, markup shown as typed, no action run."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pilot_helpers import notes, settle
from textual.widgets import DataTable, Input

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.forms import Confirm, PaymentForm, ResidentForm
from vergoedingcheck.tui.letters import LettersScreen
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.residents import ResidentsScreen
from vergoedingcheck.tui.transfer import TransferScreen
from vergoedingcheck.tui.whatif import WhatIfScreen

WIDE = (160, 50)  # wide enough that no name is cut
TODAY = date(2026, 11, 25)
NAME = "\x1b[2J\x07Kapot [/] [@click=app.quit]x[/]"
NOTE = "[b]notitie[/b] \x1b]0;titel\x07"
PAYER = "[/]Betaler\x1b[31m"


def terminal_text(app: VergoedingApp) -> str:
    """The text of every line the current screen sends to the terminal."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_clean(app: VergoedingApp, *expected: str) -> str:
    out = terminal_text(app)
    assert "\x1b" not in out and "\x07" not in out, out
    for e in expected:
        assert e in out, f"{e!r} not shown:\n{out}"
    assert app.is_running and app.return_code is None
    return out


@pytest.fixture
def hostile(tmp_path: Path, tui_rules: Ruleset) -> VergoedingApp:
    path = tmp_path / "vc.db"
    with Store(path, create=True) as s:
        s.import_records(
            [ResidentRecord("X-1", NAME, date(1980, 1, 1), "Goes[/]", "[@click=app.quit]", note=NOTE)],
            [
                PaymentRecord(
                    "X-1",
                    date(2026, 11, 3),
                    Decimal("10.00"),
                    "vrijwilligersvergoeding",
                    note=NOTE,
                    payer=PAYER,
                )
            ],
        )
    return VergoedingApp(Store(path), tui_rules, today=TODAY)


async def test_every_screen_with_a_name_shows_it_as_text(hostile: VergoedingApp) -> None:
    app = hostile
    shown = "␛[2J␇Kapot [/] [@click=app.quit]x[/]"
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResidentsScreen)
        assert_clean(app, shown[:18])  # the name column is 21 wide
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert_clean(app, shown, "[b]notitie[/b] ␛]0;titel␇", "Goes[/]")  # details, header, payments
        for tab in ("2", "3"):
            await pilot.press(tab)
            await settle(pilot)
            assert_clean(app)
        await pilot.press("1")
        # the payment form: title, payer and note fields
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PaymentForm)
        assert_clean(app, shown, "[/]Betaler␛[31m")
        app.screen.query_one("#note", Input).focus()
        await settle(pilot)
        assert_clean(app, "[b]notitie[/b] ␛]0;titel␇")
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, Confirm):  # a changed form asks first; this one is unchanged
            await pilot.press("j")
            await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        # the resident form: name and note fields
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ResidentForm)
        assert_clean(app, shown)
        await pilot.press("escape")
        await settle(pilot)
        # what-if
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WhatIfScreen)
        assert_clean(app, shown)
        await pilot.press("escape")
        await settle(pilot)
        # the letters screen: the letter preview names the resident
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LettersScreen)
        assert_clean(app, "Kapot [/] [@click=app.quit]x[/]")
        await pilot.press("escape")
        await settle(pilot)
        # deleting the resident asks with the name, and the notification names it
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert_clean(app, shown)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, ResidentsScreen)
        assert_clean(app)
        said = notes(app)
        assert f"{shown} verwijderd" in said  # the toast: text, controls visible
        assert all("\x1b" not in n and "\x07" not in n for n in said)


async def test_an_import_preview_of_hostile_rows_shows_them_as_text(
    hostile: VergoedingApp, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "referentie;datum;bedrag;soort;notitie\n"
        "X-1;3-11-2026;[/]\x1b[2J;vrijwilligersvergoeding;x\n"
        "X-1;zomaar [@click=app.quit];10;vrijwilligersvergoeding;x\n",
        encoding="utf-8",
    )
    app = hostile
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, TransferScreen)
        app.screen.query_one("#import-path", Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        out = assert_clean(app)
        assert "fout" in out
        t = app.screen.query_one("#rejected", DataTable)
        assert t.row_count >= 1


async def test_a_failed_read_names_the_file_as_text(hostile: VergoedingApp, tmp_path: Path) -> None:
    app = hostile
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#import-path", Input).value = str(tmp_path / "nee[/]\x1b[2J.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert_clean(app, "nee[/]␛[2J.csv")


class _RichError(Exception):
    """An error that renders itself (Textual would print its `__rich__` through `panic`)."""

    def __rich__(self) -> str:
        return f"rich: {self.args[0]}"


def _exit_text(renderables: list[object]) -> str:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=200)
    for r in renderables:
        console.print(r)
    return out.getvalue()


@pytest.mark.parametrize("error", [ValueError, _RichError])
async def test_a_crash_in_the_check_prints_no_personal_data(
    hostile: VergoedingApp, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    """An error raised in the check's worker, carrying a name and an amount, ends the app with a
    message that names only the error's type and place, and exit code 1 (the command makes it 3)."""

    def boom(*_: object, **__: object) -> None:
        raise error("Łukasz Öztürk € 180,00")

    monkeypatch.setattr(
        "vergoedingcheck.services.recheck.ResultCache.check", boom
    )  # the app checks through its cache
    app = hostile
    printed: list[object] = []
    keep = app._print_error_renderables

    def capture() -> None:  # Textual prints, then clears, the exit messages
        printed.extend(app._exit_renderables)
        keep()

    app._print_error_renderables = capture  # type: ignore[method-assign]
    with pytest.raises(Exception):  # noqa: B017 - Pilot re-raises the app's error
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
    text = _exit_text(printed)
    assert f"interne fout: {error.__name__} in boom" in text
    assert "Łukasz" not in text and "180" not in text and "rich:" not in text
    assert app.return_code == 1
