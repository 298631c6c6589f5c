"""The first-run form for the organisation's details (issue 11 item 6): asked when the settings
file the letters read is missing and the database is not the demo; written owner-only in the
organisation file's form, so the letters read back exactly what was typed."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from pilot_helpers import notes, settle, shown
from textual.widgets import Input, Select

from vergoedingcheck.commands.app import _is_demo_db
from vergoedingcheck.letters.content import load_organisation
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp
from vergoedingcheck.tui.organisation import OrganisationForm

TODAY = date(2026, 11, 25)


def _app(store: Store, rules: Ruleset, org: Path | None) -> VergoedingApp:
    return VergoedingApp(store, rules, today=TODAY, live_interval=None, organisation_file=org)


async def test_first_run_asks_and_writes_what_the_letters_read(
    db_path: Path, tui_rules: Ruleset, tmp_path: Path
) -> None:
    org = tmp_path / "config" / "organisation.yaml"
    store = Store(db_path)
    try:
        app = _app(store, tui_rules, org)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, OrganisationForm)
            await pilot.click("#org_name")
            await pilot.press(*"Stichting 't Hof & Co")
            await pilot.press("enter")  # Enter goes to the next field, it does not save
            assert isinstance(app.screen, OrganisationForm)
            await pilot.press(*"Hofweg 3, 4461 AB Goes")
            await pilot.press("enter", *"0113 555 000", "enter", *"info@hof.nl")
            app.screen.query_one("#org_anbi", Select).value = "ANBI"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not isinstance(app.screen, OrganisationForm)
            assert any(str(org) in n for n in notes(app))
        assert stat.S_IMODE(org.stat().st_mode) == 0o600  # owner only
        o = load_organisation(org)
        assert (o.name, o.address, o.phone, o.email, o.anbi_sbbi, o.demo) == (
            "Stichting 't Hof & Co",
            ("Hofweg 3", "4461 AB Goes"),
            "0113 555 000",
            "info@hof.nl",
            "ANBI",
            False,
        )

        again = _app(store, tui_rules, org)  # the file is there: never asked again
        async with again.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert not isinstance(again.screen, OrganisationForm)
    finally:
        store.close()


async def test_every_problem_is_shown_and_nothing_written(
    db_path: Path, tui_rules: Ruleset, tmp_path: Path
) -> None:
    org = tmp_path / "organisation.yaml"
    store = Store(db_path)
    try:
        app = _app(store, tui_rules, org)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.screen.query_one("#org_email", Input).value = "info.hof.nl"
            await pilot.press("ctrl+s")
            await pilot.pause()
            error = shown(app, "#error")
            assert "Naam: verplicht" in error
            assert "Adres: verplicht" in error
            assert "E-mail: geen e-mailadres" in error
            assert isinstance(app.screen, OrganisationForm)
            await pilot.press("escape")  # later: nothing written, and it says so
            await settle(pilot)
            assert not isinstance(app.screen, OrganisationForm)
            assert any("volgende start" in n for n in notes(app))
        assert not org.exists()
    finally:
        store.close()


async def test_the_demo_never_asks(db_path: Path, tui_rules: Ruleset) -> None:
    store = Store(db_path)
    try:
        app = _app(store, tui_rules, None)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert not isinstance(app.screen, OrganisationForm)
    finally:
        store.close()


def test_the_demo_database_is_recognised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vergoedingcheck.store.db.demo_db_path", lambda: tmp_path / "demo.db")
    assert _is_demo_db(tmp_path / "demo.db")
    assert not _is_demo_db(tmp_path / "echt.db")
    assert not _is_demo_db("postgresql://vc@localhost/vc")
