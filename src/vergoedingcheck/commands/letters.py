"""`vergoedingcheck letters FILE_OR_DB --year YYYY --to resident|office|coordinator
[--resident ID | --all] [--lang nl|en] [--office gemeente|uwv|svb] [--month M] [--out DIR]
[--een-pdf FILE] [--overschrijven]`.

FILE_OR_DB is a case file (.yaml/.yml/.json) or a SQLite database (.db/.sqlite/.sqlite3). With a
database, every letter written is recorded in it with exactly what makes it again
(`services.letters`, the same service the app uses). An existing PDF is never overwritten unless
`--overschrijven`: the command exits 2 naming the file and writes nothing.
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
    who = p.add_mutually_exclusive_group()
    who.add_argument("--resident", metavar="ID", help="de bewoner (niet nodig voor --to coordinator)")
    who.add_argument("--all", dest="every", action="store_true",
                     help="een brief voor elke bewoner met betalingen in het jaar (bij --to office: "
                     "elke instantie van elke bewoner)")
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
    p.add_argument("--een-pdf", "--one-pdf", dest="one_pdf", metavar="FILE",
                   help="alle brieven samen in één PDF om te printen (elke brief begint op een "
                   "nieuw vel), in plaats van een PDF per brief in --out")
    p.add_argument("--overschrijven", "--overwrite", dest="overwrite", action="store_true",
                   help="een bestaande PDF vervangen (standaard: geweigerd, er wordt niets geschreven)")
    p.add_argument("--format", choices=("pdf", "text"), default="pdf",
                   help="text: toon de brief als tekst in plaats van een PDF te schrijven")
    p.add_argument("--zonder-adres", "--no-address", dest="no_address", action="store_true",
                   help="maak de brief ook zonder postadres van de bewoner of de instantie "
                   "(standaard: geweigerd, want zo kan hij niet per post)")
    p.add_argument("--rules", metavar="DIR", help="een andere regelmap")
    p.add_argument("--organisation", metavar="FILE",
                   help="een ander organisatiebestand (standaard: organisation.yaml in uw "
                   "configuratiemap, anders de demo-organisatie in letters/organisation.yaml, die "
                   "alleen bij de demodatabase mag)")
    p.set_defaults(func=run)


def _is_demo_db(path: Path) -> bool:
    from vergoedingcheck.store.db import demo_db_path

    try:
        return path.resolve() == demo_db_path().resolve()
    except OSError:
        return False


def _load(source: str) -> tuple[Any, Any]:
    """(the letter inputs, the store or None)."""
    from vergoedingcheck.errors import UsageError
    from vergoedingcheck.services.letters import LetterInputs

    path = Path(source)
    if path.suffix.lower() in DB_SUFFIXES:
        if not path.is_file():
            raise UsageError(f"de database {source} bestaat niet")
        from vergoedingcheck.store import Store

        store = Store(path)
        return LetterInputs.from_store(store), store
    from vergoedingcheck.io.casefile import read_case_file

    case = read_case_file(path)
    return LetterInputs(list(case.residents), list(case.payments), list(case.payers)), None


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.errors import UsageError
    from vergoedingcheck.letters import LetterContentError, LetterError, load_organisation, preview_text
    from vergoedingcheck.rules import load_ruleset
    from vergoedingcheck.services import letters as service

    if args.every and args.format == "text":
        raise UsageError("--all schrijft PDF's; --format text is voor één brief")
    if args.one_pdf and args.format == "text":
        raise UsageError("--een-pdf schrijft een PDF; niet samen met --format text")
    letter_date = args.letter_date or date.today()
    inputs, store = _load(args.source)
    try:
        try:
            reqs = service.requests(
                inputs, args.kind, args.lang, args.year, letter_date, resident=args.resident,
                office=args.office, month=args.month, every=args.every,
                require_address=not args.no_address and args.format == "pdf")
        except LetterError as exc:
            raise UsageError(str(exc).replace("de gegevens", args.source)) from None
        if not reqs:
            raise UsageError(f"geen brieven te maken: niemand heeft betalingen in {args.year}"
                             + (" en een uitkering van die instantie" if args.kind == "office" else ""))
        ruleset = load_ruleset(args.rules)
        try:
            org = load_organisation(args.organisation)
            if store is not None:  # real residents: never the demo organisation's placeholders
                service.refuse_demo_organisation(org, demo_database=_is_demo_db(Path(args.source)))
        except (LetterContentError, LetterError) as exc:
            raise UsageError(str(exc)) from None
        result = service.check(inputs, ruleset)
        if args.format == "text":
            for req in reqs:
                try:
                    letter = service.compose(inputs, req, ruleset, organisation=org, result=result)
                except (LetterError, LetterContentError) as exc:
                    raise UsageError(str(exc)) from None
                sys.stdout.write(preview_text(letter))
            return 0
        made, problems = [], []
        for req in reqs:  # every letter is made before any is written: a batch is whole or nothing
            try:
                made.append(service.make_letter(inputs, req, ruleset, organisation=org,
                                                result=result))
            except (LetterError, LetterContentError) as exc:
                problems.append(str(exc))
        if problems:
            raise UsageError("\n".join(problems))
        out = Path(args.out)
        try:
            if args.one_pdf:
                target = Path(args.one_pdf)
                if target.exists() and not args.overwrite:
                    raise service.LetterExists([target])
                paths = [write_private(target, service.one_pdf([m.pdf for m in made]))] * len(made)
            else:
                paths = service.save(made, out, overwrite=args.overwrite)
        except service.LetterExists as exc:
            raise UsageError(str(exc)) from None
        for path in dict.fromkeys(paths):
            print(path)
        if store is not None:
            for m, path in zip(made, paths, strict=True):
                store.record_letter(m.recorded(path))
    finally:
        if store is not None:
            store.close()
    return 0


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
