"""Issue 11 item 5: with NO_COLOR=1 "niet veilig" is the most visible word on every screen.

Textual turns every colour into a grey of the same lightness without colour. What the terminal is
sent (the compositor's lines through the app's own filters) is checked: every "niet veilig" is bold
and reversed, and its two greys are as far apart as the screen's plain text (red reversed was dark
grey on near-black, contrast 0.12)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pilot_helpers import settle
from textual.color import Color
from textual.widgets import DataTable, Input

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.common import status_cell, use_colour

SIZE = (80, 24)


def _lightness(c: object) -> float:
    if c is None or getattr(c, "triplet", None) is None:
        return 0.0
    triplet: tuple[int, int, int] = c.triplet  # type: ignore[attr-defined]
    r, g, b = triplet
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def status_segments(app: VergoedingApp, word: str) -> list[tuple[bool, bool, float]]:
    """(bold, reverse, contrast) of every piece of screen text that contains `word`."""
    out = []
    for strip in app.screen._compositor.render_strips():
        for f in app._filters:
            strip = strip.apply_filter(f, Color(0, 0, 0))
        for seg in strip:
            if seg.style is not None and word in seg.text.casefold():
                st = seg.style
                contrast = abs(_lightness(st.color) - _lightness(st.bgcolor))
                out.append((bool(st.bold), bool(st.reverse), contrast))
    return out


def assert_most_visible(app: VergoedingApp) -> None:
    from textual.screen import ModalScreen

    found = status_segments(app, "niet veilig")
    assert found, "no 'niet veilig' on this screen"
    assert all(bold and reverse for bold, reverse, _ in found)
    # light on dark, as plain text (0.77 in the default theme); behind a dialog the screen is
    # dimmed on purpose, so there the dialog's own words are the brightest
    contrasts = [c for _, _, c in found]
    if isinstance(app.screen, ModalScreen):
        contrasts = [max(contrasts)]
    assert min(contrasts) >= 0.5, contrasts


@pytest.fixture
def mono_app(db_path: Path, tui_rules: Ruleset, monkeypatch: pytest.MonkeyPatch) -> Iterator[VergoedingApp]:
    monkeypatch.setenv("NO_COLOR", "1")
    app = VergoedingApp(Store(db_path), tui_rules, today=date(2026, 11, 25))
    assert app.no_color
    yield app
    use_colour(True)
    app.store.close()


async def test_niet_veilig_is_the_most_visible_word_without_colour(mono_app: VergoedingApp) -> None:
    app = mono_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert_most_visible(app)  # the residents list and its summary line
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-002"))
        await pilot.press("enter")
        await settle(pilot)
        assert_most_visible(app)  # the year line and the benefit's status
        await pilot.press("2")
        await settle(pilot)
        assert_most_visible(app)  # the 12-month grid
        await pilot.press("1", "escape")
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#amount", Input).value = "100"  # 180 + 100 > 220
        await settle(pilot)
        assert_most_visible(app)  # what-if: the verdict and the table
        await pilot.press("escape", "a")
        await settle(pilot)
        app.screen.query_one("#amount", Input).value = "100"
        await settle(pilot)
        assert_most_visible(app)  # the payment form's preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert_most_visible(app)  # the question before saving


async def test_with_colour_the_word_is_red_as_well(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.no_color
        assert "red" in str(status_cell("unsafe").style)


async def test_an_open_list_and_the_theme_picker_speak_dutch(app: VergoedingApp) -> None:
    """Textual's own "Dismiss menu" (an open Select) and "Search for themes…" are Dutch here."""
    from textual.command import CommandPalette
    from textual.widgets import Select

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "a")  # a payment form: the kind is a Select
        await settle(pilot)
        app.screen.query_one("#kind", Select).focus()
        await pilot.press("enter")  # open the list
        await settle(pilot)
        shown = [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]
        assert "Sluit de lijst" in shown and "Dismiss menu" not in shown
        await pilot.press("escape", "escape")
        await settle(pilot)
        app.action_change_theme()
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Zoek een thema…"
