"""Making a letter and recording it: the one way the command line and the app do it (issue 10
item 6).

    inputs = LetterInputs.from_store(store)            # or LetterInputs(residents, payments, payers)
    (req,) = requests(inputs, "office", "nl", 2026, date(2026, 12, 1), resident="H2")
    made = make_letter(inputs, req, ruleset)          # made.pdf (bytes), made.record (LetterRecord)
    paths = save([made], folder)                      # refuses to overwrite (LetterExists)
    store.record_letter(made.recorded(paths[0]))

The record holds exactly what makes the same letter again: the resident's whole household (a
member's gifts count on the resident's letter), every payer, this year's and next year's payments
(a proposal may move money to next year), the letter's kind, language, year, office, month and
date, and the organisation's details the letter shows (`letter.organisation`); the ruleset is
named by its fingerprint. `vergoedingcheck letters` on the record's case file
with the recorded date makes the same PDF, byte for byte.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.letters import (
    Letter,
    LetterError,
    Organisation,
    compose_letter,
    load_organisation,
    offices_for,
    render_pdf,
)
from vergoedingcheck.letters.content import organisation_to_dict, parse_organisation
from vergoedingcheck.model import Payer, Payment, Resident
from vergoedingcheck.store import LetterRecord

KINDS = ("resident", "office", "coordinator")


class LetterExists(FileExistsError):
    """A letter would overwrite an earlier PDF (`paths`: every such file)."""

    def __init__(self, paths: Sequence[Path]):
        self.paths = tuple(paths)
        names = ", ".join(str(p) for p in self.paths)
        super().__init__(f"bestaat al: {names} (niets overschreven; kies een andere map, of --overschrijven)")


@dataclass(frozen=True, slots=True)
class LetterInputs:
    """Everything a letter is made from, as the engine takes it."""

    residents: Sequence[Resident]
    payments: Sequence[Payment]
    payers: Sequence[Payer] = ()

    @classmethod
    def from_store(cls, store: Any) -> LetterInputs:
        residents, payments = store.engine_input()
        return cls(residents, payments, store.payer_models())

    def resident(self, rid: str) -> Resident | None:
        return next((r for r in self.residents if r.id == rid), None)


@dataclass(frozen=True, slots=True)
class LetterRequest:
    """One letter: for `resident` (not for the coordinator's overview), of `kind` in `lang`."""

    kind: str
    lang: str
    year: int
    letter_date: date
    resident: str | None = None
    office: str | None = None
    month: int | None = None
    require_address: bool = False

    @property
    def name(self) -> str:
        """The PDF's file name without `.pdf`."""
        if self.kind == "coordinator":
            suffix = f"-{self.month:02d}" if self.month else ""
            stem = f"overzicht-{self.year}{suffix}-{self.lang}"
        elif self.kind == "resident":
            stem = f"{self.resident}-{self.year}-bewoner-{self.lang}"
        else:
            stem = f"{self.resident}-{self.year}-{self.office}"
        return safe_name(stem)


@dataclass(frozen=True, slots=True)
class MadeLetter:
    request: LetterRequest
    letter: Letter
    pdf: bytes
    record: LetterRecord
    """Without `file_path`: `recorded(path)` adds where the PDF was written."""

    def recorded(self, path: str | Path | None) -> LetterRecord:
        return replace(self.record, file_path=str(path) if path is not None else None)


def safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def requests(
    inputs: LetterInputs,
    kind: str,
    lang: str,
    year: int,
    letter_date: date,
    *,
    resident: str | None = None,
    office: str | None = None,
    month: int | None = None,
    require_address: bool = False,
    every: bool = False,
) -> list[LetterRequest]:
    """The letters asked for: one resident's (an office letter to each of the resident's offices
    unless `office` is given), or with `every=True` the letters of every resident who has payments
    in `year` (for `office`: every such resident with an office). Raises `LetterError` for a
    request that names no resident, an unknown resident or a resident without an office."""
    if kind not in KINDS:
        raise LetterError(f"unknown letter kind {kind!r}")
    if kind == "office" and lang != "nl":
        raise LetterError("de brief aan de instantie bestaat alleen in het Nederlands (--lang nl)")
    base = LetterRequest(kind, lang, year, letter_date, month=month, require_address=require_address)
    if kind == "coordinator":
        if every or resident:
            raise LetterError("het overzicht voor de coördinator is al voor iedereen")
        return [base]
    if every:
        if resident:
            raise LetterError("kies één bewoner of iedereen (--all), niet allebei")
        paying = {p.resident for p in inputs.payments if p.date.year == year}
        chosen = [r for r in inputs.residents if r.id in paying]
    else:
        if not resident:
            raise LetterError(f"--resident is nodig voor --to {kind}")
        me = inputs.resident(resident)
        if me is None:
            raise LetterError(f"bewoner {resident!r} staat niet in de gegevens")
        chosen = [me]
    out: list[LetterRequest] = []
    for r in chosen:
        if kind == "resident":
            out.append(replace(base, resident=r.id))
            continue
        offices = [office] if office else list(offices_for(r, year))
        if not offices and not every:
            raise LetterError(
                f"{r.id} heeft in {year} geen uitkering van gemeente, SVB of UWV: "
                "er is geen instantie om te schrijven"
            )
        if every and office and office not in offices_for(r, year):
            continue
        out += [replace(base, resident=r.id, office=o) for o in offices]
    return out


def check(inputs: LetterInputs, ruleset: Any) -> CheckResult:
    """The check every letter of these inputs is made from (do it once for a batch)."""
    return evaluate(list(inputs.residents), list(inputs.payments), ruleset, payers=list(inputs.payers))


def compose(
    inputs: LetterInputs,
    request: LetterRequest,
    ruleset: Any,
    *,
    organisation: Organisation | None = None,
    result: CheckResult | None = None,
) -> Letter:
    """The letter as plain data (for a text preview); `make_letter` renders and records it."""
    result = result if result is not None else check(inputs, ruleset)
    if request.kind == "coordinator":
        subject: Any = result
    else:
        assert request.resident is not None
        subject = result.resident(request.resident)
        if subject is None:
            raise LetterError(f"bewoner {request.resident!r} staat niet in de gegevens")
    return compose_letter(
        request.kind,
        request.lang,
        subject,
        list(inputs.residents),
        list(inputs.payments),
        ruleset,
        year=request.year,
        letter_date=request.letter_date,
        organisation=organisation or load_organisation(),
        payers=list(inputs.payers),
        office=request.office,
        month=request.month,
        require_address=request.require_address,
    )


def make_letter(
    inputs: LetterInputs,
    request: LetterRequest,
    ruleset: Any,
    *,
    organisation: Organisation | None = None,
    result: CheckResult | None = None,
) -> MadeLetter:
    """Compose, render and prepare the record of one letter. `result`: the check of `inputs`
    (made here when not given). Raises `LetterError` / `LetterContentError` when the letter cannot
    be made (no result that year, no postal address while one is required, …)."""
    result = result if result is not None else check(inputs, ruleset)
    org = organisation or load_organisation()
    letter = compose(inputs, request, ruleset, organisation=org, result=result)
    pdf = render_pdf(letter)
    return MadeLetter(request, letter, pdf, record_for(inputs, request, result, org))


def record_inputs(
    inputs: LetterInputs, request: LetterRequest, organisation: Organisation | None = None
) -> dict[str, Any]:
    """The case-file form of exactly the input the letter is made from, plus the request and
    the organisation's details the letter shows (`letter.organisation`, in the organisation
    file's form): an old record makes its letter again after the organisation file changed."""
    from vergoedingcheck.io.casefile import case_to_dict

    years = (request.year, request.year + 1)
    residents = list(inputs.residents)
    if request.resident is not None:
        me = inputs.resident(request.resident)
        key = me.household_key if me is not None else f"resident:{request.resident}"
        residents = [r for r in residents if r.id == request.resident or r.household_key == key]
    ids = {r.id for r in residents}
    payments = [p for p in inputs.payments if p.resident in ids and p.date.year in years]
    # dates as ISO text, amounts as the case file writes them
    data: dict[str, Any] = json.loads(
        json.dumps(case_to_dict(residents, payments, payers=list(inputs.payers)), default=str)
    )
    letter: dict[str, Any] = {
        "kind": request.kind,
        "lang": request.lang,
        "year": request.year,
        "office": request.office,
        "letter_date": request.letter_date.isoformat(),
    }
    if request.month is not None:
        letter["month"] = request.month
    if organisation is not None:
        letter["organisation"] = organisation_to_dict(organisation)
    data["letter"] = letter
    return data


def record_for(
    inputs: LetterInputs,
    request: LetterRequest,
    result: CheckResult,
    organisation: Organisation | None = None,
) -> LetterRecord:
    if request.resident is not None:
        rr = result.resident(request.resident)
        yr = rr.year(request.year) if rr is not None else None
        # the resident's result for the letter's year, with the resident's id
        res_json: dict[str, Any] = {"id": request.resident, **(yr.to_json() if yr is not None else {})}
    else:
        res_json = result.to_json()
    return LetterRecord(
        resident=request.resident,
        year=request.year,
        kind=request.kind,
        lang=request.lang,
        inputs=record_inputs(inputs, request, organisation),
        result=res_json,
        fingerprint=result.fingerprint,
        file_path=None,
    )


def refuse_demo_organisation(organisation: Organisation, *, demo_database: bool) -> None:
    """Letters from real residents never go out with the demo organisation's placeholders
    (issue 10 item 7): outside the demo database an organisation file marked `demo: true` is
    refused with what to fill in and where. The app's first-run form is to call this too."""
    if not organisation.demo or demo_database:
        return
    from vergoedingcheck.letters.content import user_organisation_path

    raise LetterError(
        f"de brieven gebruiken nog de voorbeeldorganisatie {organisation.name!r} "
        f"({organisation.source or 'letters/organisation.yaml'}), die is alleen voor de demo. "
        "Vul de gegevens van uw eigen organisatie in: naam, postadres, telefoon, e-mail en de "
        f"coördinator (naam, functie, telefoon, e-mail), in {user_organisation_path()} "
        "(kopieer letters/organisation.yaml daarheen en haal de regel 'demo: true' weg), of geef "
        "een eigen bestand met --organisation BESTAND"
    )


def recorded_organisation(record: LetterRecord) -> Organisation | None:
    """The organisation's details a letter was made with, from its record (None for a record
    made before they were recorded: then only the current organisation file is left)."""
    spec = record.inputs.get("letter") if isinstance(record.inputs, dict) else None
    data = spec.get("organisation") if isinstance(spec, dict) else None
    if data is None:
        return None
    return parse_organisation(data, Path("."), "the letter record")


def targets(made: Iterable[MadeLetter], folder: Path) -> list[Path]:
    return [folder / f"{m.request.name}.pdf" for m in made]


def existing(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.exists()]


def save(made: Sequence[MadeLetter], folder: str | Path, *, overwrite: bool = False) -> list[Path]:
    """Write each letter to `folder/<name>.pdf` (owner-only, atomic). An existing file is never
    overwritten unless `overwrite`: then nothing is written and `LetterExists` names the files."""
    from vergoedingcheck.files import write_private

    paths = targets(made, Path(folder))
    if not overwrite and (there := existing(paths)):
        raise LetterExists(there)
    return [write_private(p, m.pdf) for p, m in zip(paths, made, strict=True)]


def one_pdf(pdfs: Sequence[bytes], *, duplex: bool = True) -> bytes:
    """The letters as one printable PDF, in order. With `duplex` every letter starts on the front
    of a new sheet (a blank page after a letter with an odd number of pages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for i, pdf in enumerate(pdfs):
        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages:
            writer.add_page(page)
        if duplex and len(reader.pages) % 2 and i < len(pdfs) - 1:
            box = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(box.width), height=float(box.height))
    writer.add_metadata({"/Title": "Brieven", "/Producer": "vergoedingcheck"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
