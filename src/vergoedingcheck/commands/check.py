"""`vergoedingcheck check FILE [--format json|table] [--rules DIR] [--year YYYY] [--as-of DATE]
[--lang nl|en]`."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from datetime import date

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.evaluate import start_evaluation
from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.engine.result import CheckResult, ResidentResult, Status, worst
from vergoedingcheck.io.casefile import read_case_file
from vergoedingcheck.rules import load_ruleset

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_of_date(text: str) -> date:
    """`--as-of`: a real calendar date written as YYYY-MM-DD (argparse turns the error into exit 2)."""
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is geen bestaande datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-12-01 "
            f"(not an existing date; write YYYY-MM-DD)"
        ) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="controleer een casusbestand (check a case file)",
        description="Controleer de betalingen in een casusbestand (YAML of JSON) tegen de regels. "
        "Exitcode 0: alles veilig; 1: iets is niet veilig of onbekend; 2: foute invoer.",
    )
    p.add_argument("file", metavar="FILE", help="casusbestand (spec/case-files.md)")
    p.add_argument(
        "--format",
        choices=("json", "table"),
        default="table",
        help="json: het contract voor andere programma's; table: leesbaar rapport",
    )
    p.add_argument(
        "--indent",
        action="store_true",
        help="json met inspringing, voor mensen (standaard compact: kleiner en sneller)",
    )
    p.add_argument(
        "--findings",
        choices=("all", "problems"),
        default="all",
        help="json: all (standaard) of problems: zonder 'ok'-bevindingen en lege maanden",
    )
    p.add_argument("--rules", metavar="DIR", help="een andere regelmap (standaard: de meegeleverde)")
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="ID",
        help="zet een regeloptie aan uit rules/opties/ (een andere lezing waar bronnen verschillen)",
    )
    p.add_argument("--year", type=int, help="toon alleen dit jaar (alleen bij --format table)")
    p.add_argument(
        "--lang",
        choices=("nl", "en"),
        default="nl",
        help="taal van het rapport en van de zinnen (`message`) in de json",
    )
    p.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        metavar="DATE",
        help="de datum waarvoor `headroom_remaining` geldt (JJJJ-MM-DD; standaard vandaag)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = read_case_file(args.file)
    ruleset = load_ruleset(args.rules, options=args.option)
    if args.format == "json":
        # streamed: one resident's result at a time, so a large caseload stays small in memory
        ev = start_evaluation(case.residents, case.payments, ruleset)
        statuses: list[Status] = []

        def tracked() -> Iterator[ResidentResult]:
            for rr in ev.results():
                statuses.extend(y.status for y in rr.years)
                yield with_provisional(ev, rr)

        as_of = args.as_of or date.today()
        CheckResult(ruleset.id, ruleset.fingerprint, (), ev.errors, as_of=as_of, lang=args.lang).write_json(
            sys.stdout, indent=2 if args.indent else None, residents=tracked(), findings=args.findings
        )
        return 0 if worst(statuses) == "safe" else 1
    from vergoedingcheck.report import table_report

    result = evaluate(case.residents, case.payments, ruleset)
    sys.stdout.write(table_report(result, case.residents, year=args.year, lang=args.lang))
    return 0 if result.status == "safe" else 1
