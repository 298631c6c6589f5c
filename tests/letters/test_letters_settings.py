"""Issue 10 item 7: the organisation's details live with the user (a settings file in the user's
config directory), and letters from real residents refuse the demo organisation's placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_letters_household_gifts import _household

from conftest import LETTERS, pdf_text
from vergoedingcheck.cli import main
from vergoedingcheck.letters import LetterError, load_organisation
from vergoedingcheck.letters.content import organisation_path
from vergoedingcheck.services import letters as service
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store


def _db(path: Path) -> Path:
    residents, payments = _household()
    with Store(path) as store:
        store.import_records(
            [ResidentRecord.from_model(r) for r in residents], [PaymentRecord.from_model(p) for p in payments]
        )
    return path


def _args(db: Path, out: Path) -> list[str]:
    return ["letters", str(db), "--resident", "H1", "--year", "2026", "--to", "resident", "--date",
            "2026-12-01", "--zonder-adres", "--out", str(out)]  # fmt: skip


def test_the_shipped_organisation_is_the_demo() -> None:
    demo = load_organisation(directory=LETTERS)
    assert demo.demo and demo.name == "Bewonersplatform Voorbeeldwijk"


def test_the_users_settings_file_is_used_when_present(user_settings: Path, tmp_path: Path) -> None:
    data = yaml.safe_load(user_settings.read_text(encoding="utf-8"))
    data["organisation"]["name"] = "Stichting De Brug"
    user_settings.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert organisation_path() == user_settings
    org = load_organisation()
    assert org.name == "Stichting De Brug" and not org.demo
    db = _db(tmp_path / "echt.db")
    assert main(_args(db, tmp_path / "out")) == 0
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert "Stichting De Brug" in pdf_text(pdf.read_bytes())
    # without the settings file: the demo organisation in letters/
    user_settings.unlink()
    assert organisation_path() == LETTERS / "organisation.yaml"


def test_a_real_database_refuses_the_demo_organisation(
    user_settings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user_settings.unlink()  # nothing filled in: the demo organisation
    db = _db(tmp_path / "echt.db")
    out = tmp_path / "out"
    assert main(_args(db, out)) == 2
    err = capsys.readouterr().err
    assert "voorbeeldorganisatie" in err and "Vul de gegevens van uw eigen organisatie in" in err
    assert str(user_settings) in err and "demo: true" in err and "--organisation" in err
    assert "Traceback" not in err
    assert not out.exists() or not list(out.iterdir())
    with Store(db) as store:
        assert store.letters() == []  # nothing recorded
    # the demo database may use it
    service.refuse_demo_organisation(load_organisation(), demo_database=True)  # no error


def test_the_demo_database_may_use_the_demo_organisation(
    user_settings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vergoedingcheck.store import db as store_db

    user_settings.unlink()
    demo_db = tmp_path / "vergoedingcheck-demo.db"
    monkeypatch.setattr(store_db, "demo_db_path", lambda: demo_db)
    _db(demo_db)
    assert main(_args(demo_db, tmp_path / "out")) == 0
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert "Bewonersplatform Voorbeeldwijk" in pdf_text(pdf.read_bytes())


def test_refuse_demo_organisation_is_a_letter_error() -> None:
    demo = load_organisation(directory=LETTERS)
    with pytest.raises(LetterError, match="alleen voor de demo"):
        service.refuse_demo_organisation(demo, demo_database=False)
    service.refuse_demo_organisation(demo, demo_database=True)
