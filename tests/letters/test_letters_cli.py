"""`vergoedingcheck letters` on a case file and on a SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_scenarios import all_payments, all_residents

from conftest import pdf_text
from vergoedingcheck.cli import main
from vergoedingcheck.io.casefile import write_case_file


@pytest.fixture(scope="module")
def case_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("case") / "case.yaml"
    write_case_file(path, all_residents(), all_payments())
    return path


def _run(*args: str) -> int:
    return main(["letters", *args, "--date", "2025-03-03"])


def test_resident_letter_from_a_case_file(case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(case_file), "--resident", "R08", "--year", "2025", "--to", "resident",
                "--zonder-adres", "--out", str(tmp_path)) == 0
    out = tmp_path / "R08-2025-bewoner-nl.pdf"
    assert str(out) in capsys.readouterr().out
    assert "Jansen & Zn <BV>" in pdf_text(out.read_bytes())


def test_english_and_text(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(case_file), "--resident", "R01", "--year", "2025", "--to", "resident",
                "--lang", "en", "--format", "text") == 0
    assert "What do you need to do?" in capsys.readouterr().out


def test_office_letters_one_per_office(case_file: Path, tmp_path: Path) -> None:
    # the demo organisation file has no UWV address: without it the letter is refused
    assert _run(str(case_file), "--resident", "R05", "--year", "2025", "--to", "office",
                "--out", str(tmp_path)) == 2
    assert not list(tmp_path.iterdir())
    assert _run(str(case_file), "--resident", "R05", "--year", "2025", "--to", "office", "--zonder-adres",
                "--out", str(tmp_path)) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["R05-2025-uwv.pdf"]


def test_coordinator_overview(case_file: Path, tmp_path: Path) -> None:
    assert _run(str(case_file), "--year", "2025", "--to", "coordinator", "--month", "5",
                "--out", str(tmp_path)) == 0
    assert (tmp_path / "overzicht-2025-05-nl.pdf").is_file()


@pytest.mark.parametrize("args", [
    ["--year", "2025", "--to", "resident"],  # no --resident
    ["--resident", "NOPE", "--year", "2025", "--to", "resident"],
    ["--resident", "R08", "--year", "2025", "--to", "office"],  # no benefit: no office
    ["--resident", "R01", "--year", "2025", "--to", "office", "--lang", "en"],
    ["--resident", "R01", "--year", "2019", "--to", "resident"],  # no result that year
    ["--resident", "R03", "--year", "2025", "--to", "resident"],  # no postal address
])
def test_bad_requests_exit_2(case_file: Path, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(case_file), *args, "--out", str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_from_a_database_records_the_letter(tmp_path: Path) -> None:
    from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store

    db = tmp_path / "test.db"
    with Store(db) as store:
        store.import_records([ResidentRecord.from_model(r) for r in all_residents()],
                             [PaymentRecord.from_model(p) for p in all_payments()])
    out = tmp_path / "out"
    assert _run(str(db), "--resident", "R03", "--year", "2025", "--to", "resident",
                "--no-address", "--out", str(out)) == 0
    assert (out / "R03-2025-bewoner-nl.pdf").is_file()
    with Store(db) as store:
        (rec,) = store.letters("R03")
    assert rec.kind == "resident" and rec.year == 2025 and rec.fingerprint.startswith("sha256:")
    assert rec.result["status"] == "unsafe"
    assert rec.file_path and rec.file_path.endswith("R03-2025-bewoner-nl.pdf")


def test_a_resident_without_postal_address_is_refused_unless_asked(
        case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 10 item 4: a letter with only a name in the window cannot be posted."""
    assert _run(str(case_file), "--resident", "R03", "--year", "2025", "--to", "resident",
                "--out", str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert "R03 heeft geen postadres" in err and "--zonder-adres" in err
    assert not list(tmp_path.iterdir())
    # with an address in the case file the same letter is made, the address in the window
    from dataclasses import replace

    residents = [replace(r, address=("Kerkstraat 1", "4461 AB  Goes")) if r.id == "R03" else r
                 for r in all_residents()]
    with_address = tmp_path / "with-address.yaml"
    write_case_file(with_address, residents, all_payments())
    out = tmp_path / "out"
    assert _run(str(with_address), "--resident", "R03", "--year", "2025", "--to", "resident",
                "--out", str(out)) == 0
    assert "Kerkstraat 1" in pdf_text((out / "R03-2025-bewoner-nl.pdf").read_bytes())


def test_office_letter_with_the_office_address_in_the_organisation_file(
        case_file: Path, tmp_path: Path) -> None:
    org = (Path(__file__).resolve().parents[2] / "letters" / "organisation.yaml").read_text("utf-8")
    org = org.replace("  uwv: []", '  uwv: ["Postbus 58285", "1040 HG  Amsterdam"]')
    assert "Postbus 58285" in org
    org_file = tmp_path / "organisation.yaml"
    org_file.write_text(org, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(case_file), "--resident", "R05", "--year", "2025", "--to", "office",
                "--organisation", str(org_file), "--out", str(out)) == 0
    assert "Postbus 58285" in pdf_text((out / "R05-2025-uwv.pdf").read_bytes())


def test_a_letter_knows_the_payers_of_the_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A commercial payer's allowance is pay (spec §3, Payers): the letter must not call € 100,00
    from 'Garage Noord BV' safe, as it did when the letters checked without the file's payers.
    Bijstand, 45 years old: € 100,00 in March 2025 from a commercial company counts in full."""
    case = tmp_path / "c.yaml"
    case.write_text(
        "version: 1\n"
        "residents:\n"
        "  - {id: R1, name: Test Bewoner, birth_date: 1980-01-01, municipality: Goes,"
        " benefits: [{type: bijstand}]}\n"
        "payers:\n  - {name: Garage Noord BV, type: commercial}\n"
        "payments:\n"
        "  - {resident: R1, date: 2025-03-01, amount: '100.00', kind: vrijwilligersvergoeding,"
        " payer: Garage Noord BV}\n",
        encoding="utf-8",
    )
    assert _run(str(case), "--resident", "R1", "--year", "2025", "--to", "resident", "--format", "text") == 0
    text = capsys.readouterr().out
    assert "geen gevolgen" not in text.lower()
    assert "100,00" in text
    assert "Garage Noord BV is een bedrijf" in text and "is loon" in text


def test_the_recorded_inputs_make_the_same_letter_again(tmp_path: Path) -> None:
    """Issue 10 item 6: a letter is recorded with exactly what is needed to make it again, a
    household member's gifts included (before, only the resident's own payments were kept: the
    household's gift excess, 800 + 700 = 1.500 over the limit of 1.200, could not be redone)."""
    import yaml
    from test_letters_household_gifts import _household

    from vergoedingcheck.io.casefile import read_case_file
    from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store

    residents, payments = _household()
    db = tmp_path / "test.db"
    with Store(db) as store:
        store.import_records([ResidentRecord.from_model(r) for r in residents],
                             [PaymentRecord.from_model(p) for p in payments])
    out = tmp_path / "out"
    assert main(["letters", str(db), "--resident", "H2", "--year", "2026", "--to", "office",
                 "--date", "2026-12-01", "--out", str(out), "--zonder-adres"]) == 0
    with Store(db) as store:
        (rec,) = store.letters("H2")
    assert {r["id"] for r in rec.inputs["residents"]} == {"H1", "H2"}
    assert {p["resident"] for p in rec.inputs["payments"]} == {"H1", "H2"}
    spec = dict(rec.inputs["letter"])
    assert spec.pop("organisation")["coordinator"]["name"] == "Sanne de Vries"  # the details used
    assert spec == {"kind": "office", "lang": "nl", "year": 2026,
                    "office": "gemeente", "letter_date": "2026-12-01"}
    # make it again from the record alone: the same PDF, byte for byte
    again = tmp_path / "again.yaml"
    again.write_text(yaml.safe_dump({k: v for k, v in rec.inputs.items() if k != "letter"},
                                    allow_unicode=True), encoding="utf-8")
    assert read_case_file(again).residents  # a valid case file
    out2 = tmp_path / "out2"
    assert main(["letters", str(again), "--resident", "H2", "--year", "2026", "--to", "office",
                 "--date", rec.inputs["letter"]["letter_date"], "--out", str(out2),
                 "--zonder-adres"]) == 0
    first = (out / "H2-2026-gemeente.pdf").read_bytes()
    assert first == (out2 / "H2-2026-gemeente.pdf").read_bytes()
    assert "Karin Huis" in pdf_text(first)  # the excess is counted on H1, named in H2's letter
