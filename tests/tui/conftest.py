"""A small fixture database, small fixture rules, and a fixed 'today' for the app's tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SENT
from textual.app import App

from vergoedingcheck.model import Benefit
from vergoedingcheck.rules import Ruleset, load_ruleset
from vergoedingcheck.rules.catalog import REQUIRED
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store
from vergoedingcheck.tui.app import VergoedingApp

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 25)
D = Decimal


@pytest.fixture(scope="session")
def tui_rules(tmp_path_factory: pytest.TempPathFactory) -> Ruleset:
    """Round fixture figures (2026: € 220 / € 2.200), so rule updates never churn snapshots.

    A figure the engine has started to need since the fixtures were written is copied from the
    real rules, so a new figure does not break these tests (add it to make_rules.py)."""
    root = tmp_path_factory.mktemp("rules")
    shutil.copytree(FIXTURES / "rules", root, dirs_exist_ok=True)
    real = Path(__file__).resolve().parents[2] / "rules" / "nl"
    for req in REQUIRED:
        if not (root / "nl" / f"{req.id}.yaml").exists() and (real / f"{req.id}.yaml").exists():
            shutil.copy(real / f"{req.id}.yaml", root / "nl")
    return load_ruleset(root, today=TODAY)


def fill(store: Store) -> None:
    def monthly(rid: str, amount: str, months: range, status_after: int = 11) -> list[PaymentRecord]:
        return [
            PaymentRecord(
                rid,
                date(2026, m, 15),
                D(amount),
                "vrijwilligersvergoeding",
                note="Buurtkamer",
                status="planned" if m > status_after else "paid",
            )
            for m in months
        ]

    store.import_records(
        [
            ResidentRecord(
                "B-001",
                "Łukasz Öztürk",
                date(1984, 5, 2),
                "Goes",
                None,
                "Sleutelbeheer",
                (Benefit("bijstand", since=date(2021, 3, 1)),),
            ),
            ResidentRecord(
                "B-002",
                "Nguyễn Thị Hoa",
                date(2001, 9, 30),
                "Noordenveld",
                None,
                None,
                (Benefit("bijstand"),),
            ),
            ResidentRecord(
                "B-003", "Sanne Bakker", date(1990, 7, 21), "Zwolle", None, None, (Benefit("ww"),)
            ),
            ResidentRecord("B-004", "Jansen & Zn <test>", date(1970, 2, 28), "Rotterdam", None, None, ()),
            ResidentRecord(
                "B-005",
                "Fatima El Amrani",
                date(1956, 10, 1),
                "Goes",
                None,
                None,
                (Benefit("aow"), Benefit("aio")),
            ),
        ],
        monthly("B-001", "180.00", range(1, 13))
        + monthly("B-002", "40.00", range(3, 4))
        + monthly("B-003", "60.00", range(5, 6))
        + monthly("B-004", "100.00", range(1, 11))
        + monthly("B-005", "60.00", range(1, 12)),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "vc.db"
    with Store(path) as s:
        fill(s)
    return path


@pytest.fixture
def app(db_path: Path, tui_rules: Ruleset) -> Iterator[VergoedingApp]:
    store = Store(db_path)
    yield VergoedingApp(store, tui_rules, today=TODAY)
    store.close()


@pytest.fixture(autouse=True)
def _record_notifications(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every message the app shows is kept for `pilot_helpers.notes`: a test reads what was said,
    not the live toasts, which expire. Textual's own `App.notify` is wrapped, so what is kept is
    what the toast shows (after `VergoedingApp.notify` made it visible text)."""
    real = App.notify

    def notify(self: App[Any], message: str, **kw: Any) -> None:
        SENT.setdefault(id(self), []).append(message)
        real(self, message, **kw)

    monkeypatch.setattr(App, "notify", notify)
    SENT.clear()
    yield
    SENT.clear()
