"""`vergoedingcheck check FILE [--format json|table] [--rules DIR] [--year YYYY] [--as-of DATE]
[--lang nl|en]`."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from datetime import date

from vergoedingcheck.engine.evaluate import start_evaluation
from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.engine.result import CheckResult, ResidentResult, Status, encode_resident, worst
from vergoedingcheck.io.casefile import read_case_file
from vergoedingcheck.rules import load_ruleset
from vergoedingcheck.text import word

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_of_date(text: str) -> date:
    """`--as-of`: a real calendar date written as YYYY-MM-DD (argparse turns the error into exit 2)."""
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(word("cmd_check", "not_a_date").format(text=repr(text))) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help=word("command_help", "check"),
        description=word("cmd_check", "description"),
    )
    p.add_argument("file", metavar="FILE", help=word("cmd_check", "file_help"))
    p.add_argument(
        "--format",
        choices=("json", "table"),
        default="table",
        help=word("cmd_check", "format_help"),
    )
    p.add_argument(
        "--indent",
        action="store_true",
        help=word("cmd_check", "indent_help"),
    )
    p.add_argument(
        "--findings",
        choices=("all", "problems"),
        default="all",
        help=word("cmd_check", "findings_help"),
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help=word("cmd_check", "jobs_help"),
    )
    p.add_argument("--rules", metavar="DIR", help=word("cmd_check", "rules_help"))
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="ID",
        help=word("cmd_check", "option_help"),
    )
    p.add_argument("--year", type=int, help=word("cmd_check", "year_help"))
    p.add_argument(
        "--lang",
        choices=("nl", "en"),
        default="nl",
        help=word("cmd_check", "lang_help"),
    )
    p.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        metavar="DATE",
        help=word("cmd_check", "as_of_help"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = read_case_file(args.file)
    ruleset = load_ruleset(args.rules, options=args.option)
    from vergoedingcheck.services import batch

    jobs = args.jobs if args.jobs is not None else batch.default_jobs()
    ev = start_evaluation(case.residents, case.payments, ruleset, payers=case.payers)
    if args.format == "json":
        # streamed: one resident's result at a time, so a large caseload stays small in memory;
        # with --jobs each resident is checked and encoded in a worker, written here in file order
        indent = 2 if args.indent else None
        as_of = args.as_of or date.today()

        def encode(rr: ResidentResult) -> bytes:
            return encode_resident(with_provisional(ev, rr), indent, args.findings, as_of, args.lang)

        statuses: list[Status] = []

        def bodies() -> Iterator[bytes]:
            for body, years in batch.results(ev, encode, jobs):
                statuses.extend(years)
                yield body

        CheckResult(
            ruleset.id, ruleset.fingerprint, (), ev.errors, as_of=as_of, lang=args.lang
        ).write_encoded(sys.stdout, bodies(), indent)
        return 0 if worst(statuses) == "safe" else 1
    from vergoedingcheck.report import table_report

    residents = tuple(rr for rr, _ in batch.results(ev, _same, jobs))
    result = CheckResult(ruleset.id, ruleset.fingerprint, residents, ev.errors)
    sys.stdout.write(table_report(result, case.residents, year=args.year, lang=args.lang))
    return 0 if result.status == "safe" else 1


def _same(rr: ResidentResult) -> ResidentResult:
    return rr


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            word("cmd_check", "jobs_not_a_number").format(text=repr(text))
        ) from None
    if n < 1:
        raise argparse.ArgumentTypeError(word("cmd_check", "jobs_at_least_one"))
    return n
