"""The import screen with a coordinator's own sheet (issue 11 item 7): soort and status asked once
for the whole file, the ignored column named, the status change shown before anything is written."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import settle
from textual.widgets import DataTable, Input, Select, Static

from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.transfer import TransferScreen

SIZE = (120, 40)


async def test_own_sheet_asks_soort_and_status_once_then_previews(app: VergoedingApp, tmp_path: Path) -> None:
    name = app.store.resident("B-004").name
    assert name
    f = tmp_path / "eigen.csv"
    f.write_bytes(
        f"Naam;Datum;Bedrag;Omschrijving;Project\r\n{name};3-11-2026;25,00;koffie;Moestuin\r\n".encode(
            "utf-8-sig"
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, TransferScreen)
        app.screen.query_one("#import-path", Input).value = str(f)
        app.screen.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        rejected = app.screen.query_one("#rejected", DataTable)
        cols = {str(rejected.get_row_at(i)[2]) for i in range(rejected.row_count)}
        assert cols == {"soort", "status"}  # neither guessed: the screen asks
        assert app.screen.query_one("#import").disabled
        before = len(app.store.payments("B-004"))
        app.screen.query_one("#import-kind", Select).value = "gift"
        app.screen.query_one("#import-status", Select).value = "betaald"
        app.screen.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        text = str(app.screen.query_one("#plan", Static).render())
        assert "kolommen genegeerd (niet bekend): Project" in text
        assert "na inlezen" in text
        assert len(app.store.payments("B-004")) == before  # nothing written by the preview
        assert not app.screen.query_one("#import").disabled
        await pilot.press("ctrl+i")
        await settle(pilot)
        assert len(app.store.payments("B-004")) == before + 1
