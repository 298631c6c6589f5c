"""Helpers every app test uses: wait until the app is idle, read a Static as a person sees it, and
the messages the app showed (recorded by `tests/tui/conftest.py`'s autouse fixture).

A module of its own (not conftest.py) so that test files can import it by name, as pytest imports
them: `from pilot_helpers import settle, shown, notes`."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

# The messages each app instance showed (`App.notify`), by id(app); filled by the conftest fixture.
SENT: dict[int, list[str]] = {}


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app has handled what is pending and every worker (the recheck) is done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(app: App[Any], wid: str) -> str:
    """The text of the Static `wid` on the screen on top, non-breaking spaces as spaces."""
    return str(app.screen.query_one(wid, Static).render()).replace("\u00a0", " ")


def notes(app: App[Any]) -> list[str]:
    """Every message `app` showed, in order, kept although a toast expires after a few seconds (on
    a loaded CI machine `settle` can take longer than that; reading live toasts saw an empty list)."""
    return [m.replace("\u00a0", " ") for m in SENT.get(id(app), [])]
