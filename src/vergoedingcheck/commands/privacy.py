"""`vergoedingcheck privacy export|erase|due`: the resident's rights (AVG/GDPR art. 15 and 17) and
the retention period."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

HELP = "inzage, wissen en bewaartermijn van bewonersgegevens (AVG)"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "privacy",
        help=HELP,
        description="De rechten van de bewoner (AVG): inzage (art. 15), wissen (art. 17) en de "
        "bewaartermijn (standaard 7 jaar, de fiscale bewaarplicht).",
    )
    sub = p.add_subparsers(dest="privacy_command", metavar="export|erase|due", required=True)
    db_help = "de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)"
    exp = sub.add_parser("export", help="alles over één bewoner (inzage, art. 15)")
    exp.add_argument("resident", metavar="BEWONER")
    exp.add_argument("--out", metavar="MAP", help="de map voor de inzage (standaard: inzage-BEWONER-DATUM)")
    exp.add_argument("--db", metavar="PAD", help=db_help)
    exp.set_defaults(func=run_export)
    er = sub.add_parser("erase", help="wis één bewoner overal, ook brieven en logboek (art. 17)")
    er.add_argument("resident", metavar="BEWONER")
    er.add_argument(
        "--yes", "--ja", dest="yes", action="store_true", help="echt wissen (anders alleen tonen)"
    )
    er.add_argument("--db", metavar="PAD", help=db_help)
    er.set_defaults(func=run_erase)
    due = sub.add_parser("due", help="bewoners die langer dan de bewaartermijn niet actief zijn")
    due.add_argument(
        "--years", "--jaren", dest="years", type=int, help="bewaartermijn in jaren (standaard 7 of "
        "VERGOEDINGCHECK_RETENTION_YEARS)",
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
        f"{_plain(out)}: casusbestand.yaml ({len(payments)} betalingen), brieven.json "
        f"({len(data['letters'])} brieven), geschiedenis.json ({len(data['history'])} wijzigingen)"
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
                f"bewoner {_plain(args.resident)}: {len(data['case'].get('payments', []))} betalingen, "
                f"{len(data['letters'])} brieven, {len(data['history'])} regels in het logboek; "
                "wis met --yes (dit kan niet ongedaan worden gemaakt)"
            )
            return 1
        rep = erase_resident(store, args.resident)
    print(
        f"bewoner {_plain(args.resident)} gewist: {rep.payments} betalingen, {rep.letters} brieven, "
        f"{rep.letters_scrubbed} overzichten ontdaan van de bewoner, {rep.audit_rows} logboekregels "
        f"zonder persoonsgegevens, {len(rep.files_removed)} PDF's verwijderd"
    )
    for f in rep.files_failed:
        print(f"vergoedingcheck: kon {_plain(f)} niet verwijderen: verwijder het zelf", file=sys.stderr)
    return 2 if rep.files_failed else 0


def run_due(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.privacy import due_for_erasure, retention_years

    years = retention_years(args.years)
    with Store(args.db, create=False) as store:
        due = due_for_erasure(store, years=years)
    for r in due:
        print(f"{_plain(r.id)}\t{_plain(r.name or '')}\tlaatst actief {r.last_activity.isoformat()}")
    print(f"{len(due)} bewoner(s) langer dan {years} jaar niet actief", file=sys.stderr)
    return 0
