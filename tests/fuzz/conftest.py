"""Fixtures of the fuzz suite: a store holding the example neighbourhood's residents (no payments),
built once per session and copied for every example, and a fresh folder per example (tmp_path is
shared by all the examples of one Hypothesis test)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from vergoedingcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
BUURT = ROOT / "examples" / "buurt.yaml"

RESIDENTS_CSV = (
    "\ufeffreferentie;naam;geboortedatum;gemeente;huishouden;notitie;adres;uitkering;sinds;tot;"
    "toestemming_uwv;ww_uurloon;klantnummer\r\n"
    "R1;Fatima El Amrani;14-5-1980;Goes;H1;;Dorpsstraat 1|4461 AA Goes;bijstand;1-1-2024;;;;K-1\r\n"
    "R4;Jan de Vries;1-1-1950;Goes;;;;aow;;;;;\r\n"
    "R4;Jan de Vries;1-1-1950;Goes;;;;toeslagen;;;;;\r\n"
    "R3;Kees Smit;7-7-1968;Goes;;zegt: bel eerst;;ww;1-2-2025;31-12-2026;ja;14,25;\r\n"
    "R2;Łukasz Öztürk;1-8-2001;Goes;;;;bijstand;;;;;\r\n"
)
PAYMENTS_CSV = (
    "\ufeffreferentie;naam;datum;bedrag;soort;uren;bonnen;in_natura;betaler;notitie;status\r\n"
    "R2;Łukasz Öztürk;12-3-2026;40,00;vrijwilligersvergoeding;4;nee;nee;;Taalcafé;betaald\r\n"
    "R2;Łukasz Öztürk;12-3-2026;12,60;onkostenvergoeding;;ja;nee;;bus;betaald\r\n"
    "R1;Fatima El Amrani;15-3-2026;€ 220,00;vrijwilligersvergoeding;1,125;nee;nee;Bewonersplatform Noord;;betaald\r\n"
    'R1;Fatima El Amrani;15-4-2026;"1.230,00";vrijwilligersvergoeding;;nee;nee;;"taart; koffie";gepland\r\n'
    "R3;Kees Smit;20-5-2026;60;vrijwilligersvergoeding;;nee;nee;;;betaald\r\n"
    "R4;Jan de Vries;2026-06-01;100,00;gift;;nee;ja;;;betaald\r\n"
)


@pytest.fixture(scope="session")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the residents R1–R4 of examples/buurt.yaml and no payments."""
    d = tmp_path_factory.mktemp("fuzz-base")
    res = d / "bewoners.csv"
    res.write_text(RESIDENTS_CSV, encoding="utf-8")
    db = d / "base.db"
    code = main(["transfer", "import", str(res), "--db", str(db), "--create"])
    assert code == 0
    for extra in d.glob("base.db-*"):  # the WAL is checkpointed on close; nothing else to copy
        assert extra.stat().st_size == 0 or extra.suffix == ".db-shm", extra
    return db


@pytest.fixture
def fresh(tmp_path: Path) -> Callable[[], Path]:
    """A new empty folder for each call (one per Hypothesis example)."""

    def make() -> Path:
        return Path(tempfile.mkdtemp(dir=tmp_path))

    return make


@pytest.fixture
def store_copy(base_store: Path, fresh: Callable[[], Path]) -> Callable[[], Path]:
    """A private copy of the base store in a new folder (one per example)."""

    def make() -> Path:
        db = fresh() / "store.db"
        shutil.copyfile(base_store, db)
        db.chmod(0o600)
        return db

    return make
