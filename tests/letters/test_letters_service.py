"""Issue 10 item 6: one service makes and records a letter for the CLI and the app; batches
never overwrite an earlier PDF; a batch can be one printable PDF."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from test_letters_household_gifts import _household

from conftest import pdf_pages, pdf_text
from vergoedingcheck.cli import main
from vergoedingcheck.io.casefile import read_case_file
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.services import letters as service
from vergoedingcheck.store import LetterRecord, PaymentRecord, ResidentRecord, Store

LETTER_DATE = date(2026, 12, 1)


def _db(tmp_path: Path) -> Path:
    residents, payments = _household()
    db = tmp_path / "test.db"
    with Store(db) as store:
        store.import_records(
            [ResidentRecord.from_model(r) for r in residents], [PaymentRecord.from_model(p) for p in payments]
        )
    return db


def _remake(rec: LetterRecord, tmp_path: Path) -> bytes:
    """Make the letter again with the CLI from the record alone (its case file and date)."""
    again = tmp_path / "again.yaml"
    again.write_text(
        yaml.safe_dump({k: v for k, v in rec.inputs.items() if k != "letter"}, allow_unicode=True),
        encoding="utf-8",
    )
    assert read_case_file(again).residents  # a valid case file
    out = tmp_path / "again"
    spec = rec.inputs["letter"]
    args = ["letters", str(again), "--resident", str(rec.resident), "--year", str(spec["year"])]
    args += ["--to", spec["kind"], "--lang", spec["lang"], "--date", spec["letter_date"]]
    args += ["--office", spec["office"]] if spec["office"] else []
    # the organisation's details the letter was made with, from the record
    org = tmp_path / "organisation-recorded.yaml"
    org.write_text(yaml.safe_dump(spec["organisation"], allow_unicode=True), encoding="utf-8")
    args += ["--organisation", str(org)]
    assert main([*args, "--out", str(out), "--zonder-adres"]) == 0
    (pdf,) = out.glob("*.pdf")
    return pdf.read_bytes()


async def test_a_letter_made_in_the_app_is_made_again_from_its_record(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    """The app recorded only the resident's household of this year, without the payers or next
    year's payments; now it records through the same service as the CLI. H2's office letter names
    the household's gift excess counted on H1 (800 + 700 = 1.500 over the limit of 1.200): the
    record must hold H1's gift to make it again, byte for byte."""
    from textual.widgets import Input, Select

    from vergoedingcheck.tui.app import VergoedingApp
    from vergoedingcheck.tui.letters import LettersScreen

    store = Store(_db(tmp_path))
    app = VergoedingApp(store, ruleset, today=LETTER_DATE)
    folder = tmp_path / "app"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await app.push_screen(LettersScreen("H2"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LettersScreen)
        screen.query_one("#choice", Select).value = "office:nl:gemeente"
        screen.query_one("#folder", Input).value = str(folder)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    (rec,) = store.letters("H2")
    store.close()
    spec = dict(rec.inputs["letter"])
    assert spec.pop("organisation")["organisation"]["name"] == "Bewonersplatform Voorbeeldwijk"
    assert rec.kind == "office" and spec == {
        "kind": "office",
        "lang": "nl",
        "year": 2026,
        "office": "gemeente",
        "letter_date": "2026-12-01",
    }
    assert {r["id"] for r in rec.inputs["residents"]} == {"H1", "H2"}
    assert {p["resident"] for p in rec.inputs["payments"]} == {"H1", "H2"}
    (made,) = folder.glob("*.pdf")
    assert rec.file_path == str(made) and made.name == "H2-2026-gemeente.pdf"
    first = made.read_bytes()
    assert "Karin Huis" in pdf_text(first)
    assert _remake(rec, tmp_path) == first


def test_the_cli_and_the_service_make_the_same_letter(tmp_path: Path, ruleset: Ruleset) -> None:
    residents, payments = _household()
    inputs = service.LetterInputs(residents, payments)
    (req,) = service.requests(inputs, "resident", "nl", 2026, LETTER_DATE, resident="H1")
    made = service.make_letter(inputs, req, ruleset)
    assert made.request.name == "H1-2026-bewoner-nl"
    assert made.record.file_path is None and made.recorded("x.pdf").file_path == "x.pdf"
    assert _remake(made.record, tmp_path) == made.pdf


def test_batch_all_never_overwrites_and_records_every_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(tmp_path)
    out = tmp_path / "out"
    args = ["letters", str(db), "--all", "--year", "2026", "--to", "resident", "--date", "2026-12-01"]
    assert main([*args, "--zonder-adres", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["H1-2026-bewoner-nl.pdf", "H2-2026-bewoner-nl.pdf"]
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    capsys.readouterr()
    # again: refused, exit 2, the file named, nothing written and nothing recorded
    assert main([*args, "--zonder-adres", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "H1-2026-bewoner-nl.pdf" in err and "--overschrijven" in err and "Traceback" not in err
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    with Store(db) as store:
        assert [r.resident for r in store.letters()] == ["H1", "H2"]
    # asked for: replaced
    assert main([*args, "--zonder-adres", "--out", str(out), "--overschrijven"]) == 0
    with Store(db) as store:
        assert len(store.letters()) == 4


def test_a_batch_with_a_letter_that_cannot_be_made_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --zonder-adres a resident without a postal address is refused: the whole batch
    stops before a file is written, every refused letter named."""
    case = tmp_path / "c.yaml"
    case.write_text(
        "version: 1\nresidents:\n"
        "  - {id: A1, name: Anna Adres, birth_date: 1980-01-01, municipality: Goes, benefits: [{type: bijstand}],"
        " address: [Kerkstraat 1, 4461 AB  Goes]}\n"
        "  - {id: A2, name: Bert Zonder, birth_date: 1980-01-01, municipality: Goes, benefits: [{type: bijstand}]}\n"
        "payments:\n"
        "  - {resident: A1, date: 2026-03-01, amount: '50.00', kind: vrijwilligersvergoeding}\n"
        "  - {resident: A2, date: 2026-03-01, amount: '50.00', kind: vrijwilligersvergoeding}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["letters", str(case), "--all", "--year", "2026", "--to", "resident", "--out", str(out)]) == 2
    assert "A2 heeft geen postadres" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir())


def test_one_printable_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _db(tmp_path)
    one = tmp_path / "alle.pdf"
    args = ["letters", str(db), "--all", "--year", "2026", "--to", "resident", "--date", "2026-12-01"]
    assert main([*args, "--zonder-adres", "--een-pdf", str(one)]) == 0
    assert capsys.readouterr().out.strip() == str(one)
    # each letter alone, to count its pages
    separate = tmp_path / "los"
    assert main([*args, "--zonder-adres", "--out", str(separate)]) == 0
    counts = [len(PdfReader(io.BytesIO(p.read_bytes())).pages) for p in sorted(separate.glob("*.pdf"))]
    pages = pdf_pages(one.read_bytes())
    # every letter starts on the front of a sheet: a blank page after an odd-length letter but the last
    assert len(pages) == sum(counts) + sum(c % 2 for c in counts[:-1])
    assert "Karin Huis" in pages[0] and "Ruud Huis" in pages[counts[0] + counts[0] % 2]
    with Store(db) as store:
        recorded = [r.file_path for r in store.letters()]
    assert recorded[:2] == [str(one), str(one)]
    # the combined file is not overwritten either
    assert main([*args, "--zonder-adres", "--een-pdf", str(one)]) == 2
    assert str(one) in capsys.readouterr().err


def test_office_letters_for_everyone(tmp_path: Path) -> None:
    db = _db(tmp_path)
    out = tmp_path / "out"
    args = ["letters", str(db), "--all", "--year", "2026", "--to", "office", "--date", "2026-12-01"]
    assert main([*args, "--zonder-adres", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["H1-2026-gemeente.pdf", "H2-2026-gemeente.pdf"]


@pytest.mark.parametrize(
    "args",
    [
        ["--all", "--resident", "H1", "--to", "resident"],
        ["--all", "--to", "coordinator"],
        ["--all", "--to", "resident", "--format", "text"],
    ],
)
def test_bad_batch_requests_exit_2(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(tmp_path)
    code: object
    try:
        code = main(["letters", str(db), "--year", "2026", *args, "--out", str(tmp_path / "out")])
    except SystemExit as exc:  # argparse refuses --all with --resident itself
        code = exc.code
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_old_record_makes_its_letter_again_after_the_organisation_changed(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    """The record keeps the organisation's details the letter showed: after the organisation
    file changes (a new coordinator, a new phone number), the old record still makes the same
    PDF, byte for byte, and the current file makes a different one."""
    from vergoedingcheck.letters import load_organisation
    from vergoedingcheck.letters.content import organisation_to_dict

    before = tmp_path / "organisation.yaml"
    data = organisation_to_dict(load_organisation())
    data["organisation"]["name"] = "Stichting De Brug"
    data["coordinator"].update(name="Ahmed Bakker", phone="0113 555 000")
    before.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    residents, payments = _household()
    inputs = service.LetterInputs(residents, payments)
    (req,) = service.requests(inputs, "office", "nl", 2026, LETTER_DATE, resident="H2", office="gemeente")
    made = service.make_letter(inputs, req, ruleset, organisation=load_organisation(before))
    assert "Ahmed Bakker" in pdf_text(made.pdf)
    assert service.recorded_organisation(made.record) == load_organisation(before)
    # the organisation file changes after the letter was made
    data["coordinator"].update(name="Fleur Jansen", phone="0113 555 111")
    before.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    now = service.make_letter(inputs, req, ruleset, organisation=load_organisation(before))
    assert "Fleur Jansen" in pdf_text(now.pdf) and now.pdf != made.pdf
    assert _remake(made.record, tmp_path) == made.pdf


def test_the_organisation_file_form_reads_back_equal() -> None:
    from vergoedingcheck.letters import load_organisation
    from vergoedingcheck.letters.content import organisation_to_dict, parse_organisation

    org = load_organisation()
    assert parse_organisation(organisation_to_dict(org), Path(".")) == org
    data = organisation_to_dict(org)
    data["organisation"].update(kvk="12345678", anbi_sbbi="ANBI")
    data["offices"] = {"gemeente": {"Goes": ["Postbus 1", "4460 AA Goes"]}, "uwv": ["Postbus 2"], "svb": []}
    again = parse_organisation(data, Path("."))
    assert organisation_to_dict(again) == data
    assert again.gemeente_address("goes") == ("Postbus 1", "4460 AA Goes")
