"""`vergoedingcheck privacy export|erase|due`: the resident's rights (AVG/GDPR art. 15 and 17) and
the retention period."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from vergoedingcheck.text import word

HELP = word("command_help", "privacy")


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "privacy",
        help=HELP,
        description=word("cmd_privacy", "description"),
    )
    sub = p.add_subparsers(dest="privacy_command", metavar="export|erase|due", required=True)
    db_help = word("cmd_common", "db_help")
    exp = sub.add_parser("export", help=word("cmd_privacy", "export_help"))
    exp.add_argument("resident", metavar="BEWONER")
    exp.add_argument("--out", metavar="MAP", help=word("cmd_privacy", "out_help"))
    exp.add_argument("--db", metavar="PAD", help=db_help)
    exp.set_defaults(func=run_export)
    er = sub.add_parser("erase", help=word("cmd_privacy", "erase_help"))
    er.add_argument("resident", metavar="BEWONER")
    er.add_argument("--yes", "--ja", dest="yes", action="store_true", help=word("cmd_privacy", "yes_help"))
    er.add_argument("--db", metavar="PAD", help=db_help)
    er.set_defaults(func=run_erase)
    due = sub.add_parser("due", help=word("cmd_privacy", "due_help"))
    due.add_argument(
        "--years", "--jaren", dest="years", type=int, help=word("cmd_privacy", "years_help"),
    )  # fmt: skip
    due.add_argument("--db", metavar="PAD", help=db_help)
    due.set_defaults(func=run_due)


def _plain(value: object) -> str:
    from vergoedingcheck.commands.history import plain

    return plain(value)


def run_export(args: argparse.Namespace) -> int:
    from vergoedingcheck.files import write_private
    from vergoedingcheck.io.casefile import write_case_file
    from vergoedingcheck.services.privacy import export_resident
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        data = export_resident(store, args.resident)
        rec = store.resident(args.resident)
        payments = [p.to_model() for p in store.payments(args.resident)]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in args.resident)[:64]
    out = Path(args.out or f"inzage-{safe}-{date.today().isoformat()}")
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_case_file(out / "casusbestand.yaml", [rec.to_model()], payments)
    write_private(out / "brieven.json", json.dumps(data["letters"], ensure_ascii=False, indent=2) + "\n")
    write_private(out / "geschiedenis.json", json.dumps(data["history"], ensure_ascii=False, indent=2) + "\n")
    print(
        word("cmd_privacy", "exported").format(
            out=_plain(out),
            payments=len(payments),
            letters=len(data["letters"]),
            history=len(data["history"]),
        )
    )
    return 0


def run_erase(args: argparse.Namespace) -> int:
    from vergoedingcheck.services.privacy import export_resident
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.privacy import erase_resident

    with Store(args.db, create=False) as store:
        if not args.yes:
            data = export_resident(store, args.resident)
            print(
                word("cmd_privacy", "would_erase").format(
                    resident=_plain(args.resident),
                    payments=len(data["case"].get("payments", [])),
                    letters=len(data["letters"]),
                    history=len(data["history"]),
                )
            )
            return 1
        rep = erase_resident(store, args.resident)
    print(
        word("cmd_privacy", "erased").format(
            resident=_plain(args.resident),
            payments=rep.payments,
            letters=rep.letters,
            scrubbed=rep.letters_scrubbed,
            audit=rep.audit_rows,
            files=len(rep.files_removed),
        )
    )
    for f in rep.files_failed:
        print(word("cmd_privacy", "remove_failed").format(file=_plain(f)), file=sys.stderr)
    return 2 if rep.files_failed else 0


def run_due(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.privacy import due_for_erasure, retention_years

    years = retention_years(args.years)
    with Store(args.db, create=False) as store:
        due = due_for_erasure(store, years=years)
    for r in due:
        active = word("cmd_privacy", "last_active").format(day=r.last_activity.isoformat())
        print(f"{_plain(r.id)}\t{_plain(r.name or '')}\t{active}")
    print(word("cmd_privacy", "due_count").format(n=len(due), years=years), file=sys.stderr)
    return 0
