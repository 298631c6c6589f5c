"""The chosen theme is kept across runs (issue 11 item 6), in a small private settings file."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import Store
from vergoedingcheck.tui.app import VergoedingApp

TODAY = date(2026, 11, 25)


async def test_the_theme_chosen_is_there_next_time(db_path: Path, tui_rules: Ruleset, tmp_path: Path) -> None:
    conf = tmp_path / "config"
    store = Store(db_path)
    try:
        first = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None, settings_dir=conf)
        async with first.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not (conf / "app.json").exists()  # nothing written until the user chooses
            first.theme = "gruvbox"
            await pilot.pause()
        path = conf / "app.json"
        assert json.loads(path.read_text(encoding="utf-8")) == {"theme": "gruvbox"}
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # owner only (files.write_private)

        second = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None, settings_dir=conf)
        async with second.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert second.theme == "gruvbox"
    finally:
        store.close()


async def test_an_unreadable_or_unknown_theme_is_ignored(
    db_path: Path, tui_rules: Ruleset, tmp_path: Path
) -> None:
    conf = tmp_path / "config"
    conf.mkdir()
    (conf / "app.json").write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    store = Store(db_path)
    try:
        app = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None, settings_dir=conf)
        default = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None).theme
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == default
        (conf / "app.json").write_text("{not json", encoding="utf-8")
        app = VergoedingApp(store, tui_rules, today=TODAY, live_interval=None, settings_dir=conf)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == default
    finally:
        store.close()
