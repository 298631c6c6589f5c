"""`vergoedingcheck letters FILE_OR_DB --year YYYY --to resident|office|coordinator
[--resident ID] [--lang nl|en] [--office gemeente|uwv|svb] [--month M] [--out DIR]`.

FILE_OR_DB is a case file (.yaml/.yml/.json) or a SQLite database (.db/.sqlite/.sqlite3). With a
database, every letter written is recorded in it (inputs, result, ruleset fingerprint).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from vergoedingcheck.files import write_private

DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "letters",
        help="maak brieven als PDF (make letters)",
        description="Maak een brief als PDF: voor de bewoner (B1-Nederlands of Engels), voor de "
        "uitkeringsinstantie (gemeente, UWV of SVB) of een overzicht voor de coördinator.",
    )
    p.add_argument("source", metavar="FILE_OR_DB",
                   help="casusbestand (.yaml/.json) of database (.db/.sqlite)")
    p.add_argument("--resident", metavar="ID", help="de bewoner (niet nodig voor --to coordinator)")
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help="het jaar")
    p.add_argument("--to", dest="kind", choices=("resident", "office", "coordinator"),
                   required=True, help="voor wie de brief is")
    p.add_argument("--lang", choices=("nl", "en"), default="nl",
                   help="taal (de brief aan de instantie is altijd Nederlands)")
    p.add_argument("--office", choices=("gemeente", "uwv", "svb"),
                   help="bij --to office: alleen deze instantie (standaard: elke instantie van de "
                   "bewoner, één PDF per instantie)")
    p.add_argument("--month", type=int, choices=range(1, 13), metavar="M",
                   help="bij --to coordinator: alleen deze maand")
    p.add_argument("--date", dest="letter_date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="datum op de brief (standaard: vandaag)")
    p.add_argument("--out", metavar="DIR", default=".", help="map voor de PDF's (standaard: hier)")
    p.add_argument("--format", choices=("pdf", "text"), default="pdf",
                   help="text: toon de brief als tekst in plaats van een PDF te schrijven")
    p.add_argument("--zonder-adres", "--no-address", dest="no_address", action="store_true",
                   help="maak de brief ook zonder postadres van de bewoner of de instantie "
                   "(standaard: geweigerd, want zo kan hij niet per post)")
    p.add_argument("--rules", metavar="DIR", help="een andere regelmap")
    p.add_argument("--organisation", metavar="FILE",
                   help="een ander organisatiebestand (standaard: letters/organisation.yaml)")
    p.set_defaults(func=run)


def _load(source: str) -> tuple[list[Any], list[Any], Any, list[Any]]:
    """(residents, payments, store or None, payers)."""
    from vergoedingcheck.errors import UsageError

    path = Path(source)
    if path.suffix.lower() in DB_SUFFIXES:
        if not path.is_file():
            raise UsageError(f"de database {source} bestaat niet")
        from vergoedingcheck.store import Store

        store = Store(path)
        residents, payments = store.engine_input()
        return residents, payments, store, store.payer_models()
    from vergoedingcheck.io.casefile import read_case_file

    case = read_case_file(path)
    return list(case.residents), list(case.payments), None, list(case.payers)


def _record(store: Any, kind: str, lang: str, rid: str | None, year: int, residents: list[Any],
            payments: list[Any], result: Any, fingerprint: str, file_path: str | None,
            payers: list[Any] | None = None, letter_date: date | None = None,
            office: str | None = None) -> None:
    """Record the letter with exactly the input it was made from (issue 10 item 6): the whole
    household (a member's gifts count on the resident's letter), the payers, this year's and next
    year's payments (a proposal may move money to next year), the letter's date and the office."""
    from vergoedingcheck.io.casefile import case_to_dict
    from vergoedingcheck.store import LetterRecord

    years = (year, year + 1)
    if rid is not None:
        rr = result.resident(rid)
        res_json = rr.year(year).to_json() if rr and rr.year(year) else {}
        me = next((r for r in residents if r.id == rid), None)
        key = me.household_key if me is not None else f"resident:{rid}"
        residents = [r for r in residents if r.id == rid or r.household_key == key]
    else:
        res_json = result.to_json()
    ids = {r.id for r in residents}
    payments = [p for p in payments if p.resident in ids and p.date.year in years]
    import json

    # the case-file form of exactly the input this letter was made from (dates as ISO text)
    inputs = json.loads(json.dumps(case_to_dict(residents, payments, payers=payers or ()),
                                   default=str))
    inputs["letter"] = {"kind": kind, "lang": lang, "year": year, "office": office,
                        "letter_date": letter_date.isoformat() if letter_date else None}
    store.record_letter(LetterRecord(
        resident=rid, year=year, kind=kind, lang=lang, inputs=inputs,
        result=res_json, fingerprint=fingerprint, file_path=file_path))


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.errors import UsageError
    from vergoedingcheck.letters import (
        LetterContentError,
        LetterError,
        compose_letter,
        load_organisation,
        offices_for,
        preview_text,
        render_pdf,
    )
    from vergoedingcheck.rules import load_ruleset

    if args.kind != "coordinator" and not args.resident:
        raise UsageError(f"--resident is nodig voor --to {args.kind}")
    if args.kind == "office" and args.lang != "nl":
        raise UsageError("de brief aan de instantie bestaat alleen in het Nederlands (--lang nl)")
    residents, payments, store, payers = _load(args.source)
    try:
        ruleset = load_ruleset(args.rules)
        result = evaluate(residents, payments, ruleset, payers=payers)
        letter_date = args.letter_date or date.today()
        try:
            org = load_organisation(args.organisation)
        except LetterContentError as exc:
            raise UsageError(str(exc)) from None
        out = Path(args.out)
        jobs: list[tuple[str, dict[str, Any]]] = []
        if args.kind == "coordinator":
            suffix = f"-{args.month:02d}" if args.month else ""
            jobs.append((f"overzicht-{args.year}{suffix}-{args.lang}",
                         {"resident_result": result, "month": args.month}))
        else:
            rr = result.resident(args.resident)
            if rr is None:
                raise UsageError(f"bewoner {args.resident!r} staat niet in {args.source}")
            if args.kind == "resident":
                jobs.append((f"{args.resident}-{args.year}-bewoner-{args.lang}",
                             {"resident_result": rr,
                              "require_address": not args.no_address and args.format == "pdf"}))
            else:
                resident = next(r for r in residents if r.id == args.resident)
                offices = [args.office] if args.office else list(offices_for(resident, args.year))
                if not offices:
                    raise UsageError(f"{args.resident} heeft in {args.year} geen uitkering van "
                                     "gemeente, SVB of UWV: er is geen instantie om te schrijven")
                for office in offices:
                    jobs.append((f"{args.resident}-{args.year}-{office}",
                                 {"resident_result": rr, "office": office,
                                  "require_address": not args.no_address
                                  and args.format == "pdf"}))
        for name, kw in jobs:
            rres = kw.pop("resident_result")
            try:
                letter = compose_letter(args.kind, args.lang, rres, residents, payments, ruleset,
                                        year=args.year, letter_date=letter_date, organisation=org,
                                        payers=payers, **kw)
            except (LetterError, LetterContentError) as exc:
                raise UsageError(str(exc)) from None
            if args.format == "text":
                sys.stdout.write(preview_text(letter))
                continue
            target = write_private(out / f"{_safe(name)}.pdf", render_pdf(letter))
            print(target)
            if store is not None:
                _record(store, args.kind, args.lang, args.resident, args.year, residents,
                        payments, result, result.fingerprint, str(target), payers=payers,
                        letter_date=letter_date, office=kw.get("office"))
    finally:
        if store is not None:
            store.close()
    return 0


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
