"""Key bindings with ids and descriptions (issue 11 item 6): help lists the current screen's keys
first, and the command palette every action of the current screen and "ga naar bewoner …"."""

from __future__ import annotations

from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown

from vergoedingcheck.tui import (
    app as app_module,
)
from vergoedingcheck.tui import (
    forms,
    group,
    help,
    letters,
    payers,
    resident,
    residents,
    rules,
    search,
    transfer,
    whatif,
    worklist,
)
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.help import HelpScreen
from vergoedingcheck.tui.resident import ResidentScreen

SIZE = (100, 30)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_every_binding_has_an_id_and_a_description() -> None:
    ids: list[str] = []
    for module in (app_module, forms, group, help, letters, payers, resident, residents, rules, search):
        for obj in vars(module).values():
            for b in obj.__dict__.get("BINDINGS", []) if isinstance(obj, type) else []:
                if obj.__module__ != module.__name__:
                    continue
                assert isinstance(b, Binding), (obj, b)
                assert b.id and b.description, (obj, b)
                ids.append(b.id)
    for module in (transfer, whatif, worklist):
        for obj in vars(module).values():
            if isinstance(obj, type) and obj.__module__ == module.__name__:
                for b in obj.__dict__.get("BINDINGS", []):
                    assert isinstance(b, Binding) and b.id and b.description, (obj, b)
                    ids.append(b.id)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def titles(app: VergoedingApp) -> list[str]:
    return [str(c.title) for c in app.get_system_commands(app.screen)]


async def test_palette_and_help_list_the_current_screens_actions(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        on_list = titles(app)
        # the residents list's own actions, hidden from the footer ones too, then every resident
        for t in ("Groep betalen", "Markeer", "Sorteer", "Zoek betalingen", "Per betaler", "Te doen"):
            assert t in on_list, t
        assert "Ga naar bewoner Łukasz Öztürk" in on_list
        assert "Ga naar bewoner Jansen & Zn <test>" in on_list
        assert on_list.index("Groep betalen") < on_list.index("Ga naar bewoner Łukasz Öztürk")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Markdown).source
        assert "## Op dit scherm" in text and "| `g` | Groep betalen |" in text
        await pilot.press("escape")
        await settle(pilot)

        table = app.screen.query_one("#residents", DataTable)
        table.move_cursor(row=table.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        on_resident = titles(app)
        for t2 in ("Wat als", "Brieven", "Huishouden", "Nieuw", "Betaald"):
            assert t2 in on_resident, t2
        assert "Groep betalen" not in on_resident  # not an action of this screen
        await pilot.press("question_mark")
        await settle(pilot)
        text = app.screen.query_one(Markdown).source
        assert "| `w` | Wat als |" in text and "| `h` | Huishouden |" in text
        assert "Groep betalen" not in text.split("## Bewoners")[0]


async def test_go_to_resident_from_the_palette(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for ch in "ga naar bewoner sanne":
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert app.screen.rid == "B-003"
