"""The residents list in Dutch alphabetical order, and sorted by room left and by status (issue 11
item 5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from vergoedingcheck.model import Benefit
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import ResidentRecord, Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.common import name_key, sort_name, without_tussenvoegsel

SIZE = (100, 30)
TODAY = date(2026, 11, 25)  # as tests/tui/conftest.py


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def order(app: VergoedingApp) -> list[str]:
    t = app.screen.query_one("#residents", DataTable)
    return [str(t.coordinate_to_cell_key(Coordinate(i, 0)).row_key.value) for i in range(t.row_count)]


def summary(app: VergoedingApp) -> str:
    return str(app.screen.query_one("#summary").render())


def test_tussenvoegsel_is_skipped_only_at_the_start() -> None:
    assert without_tussenvoegsel("de Boer, Anna") == "Boer, Anna"
    assert without_tussenvoegsel("Van der Berg") == "Berg"  # "van der" before "van"
    assert without_tussenvoegsel("Ten Brink") == "Brink"
    assert without_tussenvoegsel("Dekker") == "Dekker"  # "de" only as a word of its own
    assert without_tussenvoegsel("Van") == "Van"  # a name that is only the word stays
    assert without_tussenvoegsel("Jan de Boer") == "Jan de Boer"  # not at the start: sort_name


def test_a_full_name_with_a_tussenvoegsel_sorts_under_the_surname() -> None:
    # issue 11 item 5: "Anna de Boer" in the one name field is found under B, as "de Boer, Anna"
    # is; before, only a leading tussenvoegsel was skipped and "Anna de Boer" sorted under A.
    assert sort_name("Anna de Boer") == "Boer, Anna"
    assert sort_name("Jan van der Berg") == "Berg, Jan"  # "van der" before "van"
    assert sort_name("Maria de la Cruz") == "Cruz, Maria"
    assert sort_name("Sanne Bakker") == "Sanne Bakker"  # no tussenvoegsel: as written
    assert sort_name("Anna Le") == "Anna Le"  # the word at the end is the surname itself
    assert sort_name("Dekker de") == "Dekker de"
    assert name_key("Anna de Boer") == name_key("de Boer, Anna")
    names = ["Anna de Boer", "Anna Visser", "Bram", "Cor", "Ben van den Bosch"]
    # Boer, Anna < Bosch, Ben < Bram < Cor; "Anna Visser" as written, under A
    assert sorted(names, key=name_key) == ["Anna Visser", "Anna de Boer", "Ben van den Bosch", "Bram", "Cor"]


def test_name_key_is_dutch() -> None:
    names = ["Zeynep", "Łukasz", "Lars", "Ĳsbrand", "Ingrid", "Çağla", "Cor", "de Boer", "Dekker"]
    # Ĳ is I + J ("ij" < "in": j before n); Ç sorts as C ("ca" < "co"); Ł comes right after every
    # L ("Lars" before "Łukasz", both before M); "de Boer" under B, "Dekker" under D.
    assert sorted(names, key=name_key) == [
        "de Boer",
        "Çağla",
        "Cor",
        "Dekker",
        "Ĳsbrand",
        "Ingrid",
        "Lars",
        "Łukasz",
        "Zeynep",
    ]


async def test_residents_list_sorts_dutch_and_finds_without_accents(
    db_path: Path, tui_rules: Ruleset
) -> None:
    with Store(db_path) as s:
        for rid, name in [
            ("B-010", "Ĳsbrand Jansen"),
            ("B-011", "Çağla Yılmaz"),
            ("B-012", "de Boer, Anna"),
            ("B-013", "Ingrid Visser"),
            ("B-014", "Cor Dijkstra"),
            ("B-015", "Lars Mulder"),
        ]:
            s.add_resident(ResidentRecord(rid, name, date(1980, 1, 1), "Goes", None, None, (Benefit("aow"),)))
    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=TODAY)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # By code point (or the store's lower(name)) "de Boer" came under D, Çağla, Ĳsbrand and
            # Łukasz after every plain ASCII name. Dutch: B(oer), Ç = C before Co, F, Ĳ = IJ before
            # In, J, L before Ł, N, S.
            assert order(app) == [
                "B-012",  # de Boer, Anna
                "B-011",  # Çağla Yılmaz
                "B-014",  # Cor Dijkstra
                "B-005",  # Fatima El Amrani
                "B-010",  # Ĳsbrand Jansen
                "B-013",  # Ingrid Visser
                "B-004",  # Jansen & Zn <test>
                "B-015",  # Lars Mulder
                "B-001",  # Łukasz Öztürk
                "B-002",  # Nguyễn Thị Hoa
                "B-003",  # Sanne Bakker
            ]
            assert "sortering naam" in summary(app)
            await pilot.press("slash")
            app.screen.query_one("#search", Input).value = "lukasz ozturk"  # no Ł, no Ö typed
            await pilot.pause()
            assert order(app) == ["B-001"]
            app.screen.query_one("#search", Input).value = "ijsbrand"  # IJ typed as two letters
            await pilot.pause()
            assert order(app) == ["B-010"]
            app.screen.query_one("#search", Input).value = "boer"
            await pilot.pause()
            assert order(app) == ["B-012"]
    finally:
        store.close()


async def test_sort_cycles_name_room_status(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        # Room left from 25 November 2026 (fixture rules: € 220 a month, € 2.200 a year):
        #   B-002 Nguyễn, under 27 on bijstand: niet veilig, no room  → € 0
        #   B-003 Sanne, WW without permission: onbekend, no room     → € 0
        #   B-001 Łukasz, 12 × € 180 = € 2.160: year 2.200 − 2.160 = € 40 (nov and dec 40 each)
        #   B-005 Fatima, 11 × € 60 = € 660: nov 220 − 60 = 160 + dec 220 = € 380 (year 1.540)
        #   B-004 Jansen, 10 × € 100 = € 1.000: nov 220 + dec 220 = € 440 (year 1.200)
        # A tie (€ 0) in name order: Nguyễn before Sanne.
        assert order(app) == ["B-002", "B-003", "B-001", "B-005", "B-004"]
        assert "sortering ruimte" in summary(app)
        await pilot.press("s")
        # Status: niet veilig, onbekend, then veilig in Dutch name order (F, J, Ł).
        assert order(app) == ["B-002", "B-003", "B-005", "B-004", "B-001"]
        assert "sortering status" in summary(app)
        await pilot.press("s")
        assert order(app) == ["B-005", "B-004", "B-001", "B-002", "B-003"]
