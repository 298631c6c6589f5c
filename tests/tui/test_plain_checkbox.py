"""Without colour a checkbox must still say whether it is on (the app works without colour)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from vergoedingcheck.tui.forms import PlainCheckbox


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield PlainCheckbox("met bonnen", id="c")


async def test_checkbox_shows_its_state_in_characters() -> None:
    app = _One()
    async with app.run_test() as pilot:
        box = app.query_one("#c", PlainCheckbox)
        assert "X" not in box.render().plain
        await pilot.click("#c")
        assert box.value is True
        assert "X" in box.render().plain
