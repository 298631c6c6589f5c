"""The app driven with the keyboard, as a coordinator would (Pilot)."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import settle
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.resident import ResidentScreen
from vergoedingcheck.tui.residents import ResidentsScreen
from vergoedingcheck.tui.transfer import TransferScreen
from vergoedingcheck.tui.whatif import WhatIfScreen

SIZE = (80, 24)


def cell(app: VergoedingApp, rid: str, column: str) -> str:
    t = app.screen.query_one("#residents", DataTable)
    return str(t.get_cell(rid, column)).replace("\u00a0", " ")


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(
        *[
            {" ": "space", "/": "slash", ",": "comma", "-": "minus", ".": "full_stop"}.get(ch, ch)
            for ch in text
        ]
    )


async def test_residents_show_status_in_words_and_headroom(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResidentsScreen)
        assert cell(app, "B-001", "status") == "veilig"
        assert cell(app, "B-001", "month") == "€ 40,00"
        assert cell(app, "B-002", "status") == "niet veilig"  # under 27 on bijstand
        assert cell(app, "B-003", "status") == "onbekend"  # WW permission not known


async def test_search_and_sort(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "noordenveld")
        t = app.screen.query_one("#residents", DataTable)
        assert t.row_count == 1
        await pilot.press("escape", "s", "s")  # name → room → status
        assert t.row_count == 5
        first = t.coordinate_to_cell_key(Coordinate(0, 0)).row_key.value
        assert first == "B-002"  # niet veilig first


async def test_add_a_resident(app: VergoedingApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "B-009")
        await pilot.press("tab")
        await type_text(pilot, "Ĳsbrand de Vries")
        await pilot.press("tab")
        await type_text(pilot, "3-11-1978")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert cell(app, "B-009", "name") == "Ĳsbrand de Vries"
        assert cell(app, "B-009", "status") == "veilig"
    with Store(db_path) as s:
        assert s.resident("B-009").birth_date.isoformat() == "1978-11-03"  # type: ignore[union-attr]


async def test_bad_form_input_names_the_field_and_saves_nothing(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "B-010")
        await pilot.press("tab", "tab")
        await type_text(pilot, "31-2-1980")
        await pilot.press("ctrl+s")
        await pilot.pause()
        err = str(app.screen.query_one("#error", Static).render())
        assert "Geboortedatum" in err and "bestaande" in err
        await pilot.press("escape", "j")  # changed: the form asks before it is closed
        await settle(pilot)
        assert [r.id for r in app.store.residents()].count("B-010") == 0


async def test_payment_over_the_cap_changes_the_status(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert "2026: veilig" in str(app.screen.query_one("#yearline", Static).render())
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "100,00")  # November already has € 180: over the € 220 cap
        await pilot.pause()
        preview = str(app.screen.query_one("#preview", Static).render())
        assert "NIET VEILIG" in preview and "was veilig" in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")  # a safe year becomes unsafe: the form asks first
        await settle(pilot)
        assert isinstance(app.screen, ResidentScreen)
        assert "2026: niet veilig" in str(app.screen.query_one("#yearline", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert cell(app, "B-001", "status") == "niet veilig"


async def test_mark_paid_edit_and_delete(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        payments = app.screen.query_one("#payments", DataTable)
        payments.move_cursor(row=11)  # 15 December: planned
        await pilot.press("p")
        await settle(pilot)
        assert {p.status for p in app.store.payments("B-001")} == {"paid"}
        await pilot.press("e")
        await pilot.pause()
        amount = app.screen.query_one("#amount", Input)
        amount.value = "20,00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.payments("B-001")[-1].amount.to_eng_string() == "20.00"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("j")
        await settle(pilot)
        assert len(app.store.payments("B-001")) == 11


async def test_what_if_shows_the_effect_before_saving(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-005"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhatIfScreen)
        await type_text(pilot, "250")
        await pilot.pause()
        verdict = str(app.screen.query_one("#verdict", Static).render())
        assert "wordt NIET VEILIG" in verdict
        effect = app.screen.query_one("#effect", DataTable)
        parts = [str(effect.get_row_at(i)[0]) for i in range(effect.row_count)]
        assert "Uitkering aow" in parts and "Uitkering aio" in parts
        before = len(app.store.payments("B-005"))
        await pilot.press("escape")  # nothing saved
        await settle(pilot)
        assert len(app.store.payments("B-005")) == before
        await pilot.press("w")
        await type_text(pilot, "20")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.store.payments("B-005")) == before + 1


async def test_import_with_a_bad_row(app: VergoedingApp, tmp_path: Path) -> None:
    f = tmp_path / "betalingen.csv"
    f.write_bytes(
        "referentie;datum;bedrag;soort;status\r\n"
        "B-004;3-11-2026;€ 25,00;vrijwilligersvergoeding;betaald\r\n"
        "B-004;31-11-2026;25,00;vrijwilligersvergoeding;betaald\r\n".encode("utf-8-sig")
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, TransferScreen)
        app.screen.query_one("#import-path", Input).value = str(f)
        await pilot.press("enter")
        await settle(pilot)
        rejected = app.screen.query_one("#rejected", DataTable)
        assert [str(c) for c in rejected.get_row_at(0)][1:3] == ["3", "datum"]
        assert app.screen.query_one("#import").disabled
        before = len(app.store.payments("B-004"))
        await pilot.press("ctrl+g")  # the user chooses: import the good rows
        await settle(pilot)
        assert len(app.store.payments("B-004")) == before + 1


async def test_the_same_file_again_is_a_message_not_a_crash(app: VergoedingApp, tmp_path: Path) -> None:
    """Issue 9 item 1: a file imported before (same SHA-256) is refused, as a message on the import
    screen: its payments without a kenmerk would otherwise come in twice."""
    f = tmp_path / "betalingen.csv"
    f.write_bytes(
        "referentie;datum;bedrag;soort;status\r\n"
        "B-004;3-11-2026;25,00;vrijwilligersvergoeding;betaald\r\n".encode("utf-8-sig")
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TransferScreen)
        before = len(app.store.payments("B-004"))
        screen.query_one("#import-path", Input).value = str(f)
        await pilot.press("enter")
        await settle(pilot)
        screen.action_do_import()
        await settle(pilot)
        assert len(app.store.payments("B-004")) == before + 1
        path = screen.query_one("#import-path", Input)
        path.value = str(f) + " "  # a new preview of the same file
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        shown = str(screen.query_one("#plan", Static).render())
        assert "al ingelezen" in shown and "--opnieuw" in shown
        assert screen.query_one("#import").disabled
        screen.action_do_import()  # the key binding does not look at the button: the store refuses
        await settle(pilot)
        assert app.screen is screen and app.is_running
        assert "Niets ingelezen" in str(screen.query_one("#plan", Static).render())
        assert len(app.store.payments("B-004")) == before + 1


async def test_quit_loses_nothing(db_path: Path, tui_rules: object) -> None:
    from datetime import date

    store = Store(db_path)
    app = VergoedingApp(store, tui_rules, today=date(2026, 11, 25))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "12,50")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("q")
    store.close()
    with Store(db_path) as s:
        assert any(str(p.amount) == "12.50" for p in s.payments())


async def test_command_palette_and_help(app: VergoedingApp) -> None:
    from vergoedingcheck.tui.help import HelpScreen
    from vergoedingcheck.tui.rules import RulesScreen

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await type_text(pilot, "regels")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RulesScreen)


async def test_year_switch(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.year == 2025
        assert cell(app, "B-001", "month") == "voorbij"  # 2025 is over: no room left to pay
        assert cell(app, "B-001", "year") == "voorbij"


async def test_letters_preview_and_pdf_is_recorded(app: VergoedingApp, tmp_path: Path) -> None:
    from vergoedingcheck.tui.letters import LettersScreen

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-001"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LettersScreen)
        text = str(app.screen.query_one("#letter", Static).render())
        assert "Łukasz Öztürk" in text
        app.screen.query_one("#folder", Input).value = str(tmp_path / "brieven")
        await pilot.press("ctrl+s")
        await settle(pilot)
    (pdf,) = (tmp_path / "brieven").glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and oct(pdf.stat().st_mode)[-3:] == "600"
    (letter,) = app.store.letters("B-001")
    assert letter.file_path == str(pdf) and letter.fingerprint == app.ruleset.fingerprint
    assert letter.result["id"] == "B-001" and letter.inputs["residents"][0]["id"] == "B-001"


async def test_delete_a_resident_asks_first(app: VergoedingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        t = app.screen.query_one("#residents", DataTable)
        t.move_cursor(row=t.get_row_index("B-004"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("X")
        await pilot.press("n")
        await settle(pilot)
        assert app.store.resident("B-004")
        await pilot.press("X")
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, ResidentsScreen)
        assert "B-004" not in {r.id for r in app.store.residents()}
        assert app.store.payments("B-004") == []


async def test_export_csv_writes_both_tables(app: VergoedingApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "uit.csv")
        await pilot.press("ctrl+s")
        await settle(pilot)
    payments = (tmp_path / "uit.csv").read_text(encoding="utf-8-sig").splitlines()
    residents = (tmp_path / "uit-bewoners.csv").read_text(encoding="utf-8-sig").splitlines()
    assert payments[0].startswith("referentie;naam;datum;bedrag") and len(payments) == 1 + 35
    assert "Łukasz Öztürk" in residents[1] or any("Łukasz" in r for r in residents)
    assert ";180,00;" in payments[1]


async def test_letters_for_the_whole_caseload_run_in_a_worker_and_are_recorded(
        app: VergoedingApp, tmp_path: Path) -> None:
    from textual.widgets import ProgressBar

    from vergoedingcheck.tui.letters import LettersScreen

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LettersScreen) and app.screen.rid is None
        app.screen.query_one("#folder", Input).value = str(tmp_path / "alle")
        await pilot.press("ctrl+b")
        await settle(pilot)
        bar = app.screen.query_one("#progress", ProgressBar)
        residents, payments = app.store.engine_input()
        expected = {r.id for r in residents if any(p.resident == r.id and p.date.year == app.year
                                                    for p in payments)}
        assert bar.total == len(expected) and bar.progress == len(expected)
    pdfs = list((tmp_path / "alle").glob("*.pdf"))
    assert len(pdfs) == len(expected) > 0
    recorded = {rec.resident for rid in expected for rec in app.store.letters(rid)}
    assert recorded == expected
