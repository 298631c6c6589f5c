"""`vergoedingcheck transfer import|export`: case files (YAML/JSON), CSV (Dutch) and XLSX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "transfer",
        help="importeer of exporteer bewoners en betalingen (YAML, JSON, CSV, XLSX)",
        description="Importeer of exporteer bewoners en betalingen. CSV zoals Nederlandse "
        "spreadsheets het schrijven (; en decimale komma), Excel (.xlsx) of een casusbestand.",
    )
    sub = p.add_subparsers(dest="transfer_command", metavar="import|export", required=True)
    imp = sub.add_parser(
        "import",
        help="lees een bestand in de database",
        description="Leest een bestand in. Met een foute rij wordt niets ingelezen, tenzij --goede-rijen.",
    )
    imp.add_argument("file", metavar="BESTAND")
    imp.add_argument("--db", metavar="PAD")
    imp.add_argument(
        "--create",
        "--nieuw",
        dest="create",
        action="store_true",
        help="maak de database als hij nog niet bestaat (anders is een onbekend --db-pad een fout)",
    )
    imp.add_argument(
        "--goede-rijen",
        "--good-rows",
        dest="good_rows",
        action="store_true",
        help="lees de goede rijen in en sla de foute over (alleen CSV/XLSX)",
    )
    imp.add_argument(
        "--opnieuw",
        "--again",
        dest="again",
        action="store_true",
        help="lees een bestand dat al eens is ingelezen nog eens in (betalingen zonder kenmerk "
        "komen er dan een tweede keer bij)",
    )
    imp.add_argument(
        "--soort",
        "--kind",
        dest="kind",
        metavar="SOORT",
        help="de soort voor elke betaling zonder soort (eenmaal voor het hele bestand), "
        "bijvoorbeeld vrijwilligersvergoeding",
    )
    imp.add_argument(
        "--status",
        dest="status",
        choices=("betaald", "gepland"),
        help="de status voor elke betaling zonder status (eenmaal voor het hele bestand); zonder "
        "deze keuze is een lege status een fout, nooit stilzwijgend betaald",
    )
    imp.add_argument(
        "--voorbeeld",
        "--dry-run",
        dest="dry_run",
        action="store_true",
        help="laat alleen zien wat er ingelezen zou worden",
    )
    imp.set_defaults(func=run_import)
    exp = sub.add_parser(
        "export",
        help="schrijf de database naar een bestand",
        description="Het bestandstype volgt uit de extensie: .yaml/.json/.csv/.xlsx.",
    )
    exp.add_argument("file", metavar="BESTAND")
    exp.add_argument("--db", metavar="PAD")
    exp.add_argument("--jaar", "--year", dest="year", type=int, help="alleen betalingen van dit jaar")
    exp.add_argument(
        "--tabel",
        "--table",
        dest="table",
        choices=("betalingen", "bewoners", "betalers"),
        default="betalingen",
        help="welke tabel in een CSV (standaard: betalingen)",
    )
    exp.add_argument(
        "--codering",
        "--encoding",
        dest="encoding",
        choices=("utf-8", "windows-1252"),
        default="utf-8",
        help="CSV: UTF-8 met BOM (standaard) of Windows-1252",
    )
    exp.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    from vergoedingcheck.services.transfer import (
        TransferError,
        apply_import,
        partial_allowed,
        plan_import,
    )
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.db import already_imported_message

    with Store(args.db, create=args.create) as store:
        try:
            plan = plan_import(args.file, store, kind=args.kind, status=args.status)
        except TransferError as exc:
            print(f"vergoedingcheck: {exc}", file=sys.stderr)
            return 2
        name = Path(plan.source).name
        for note in plan.notes:
            print(f"{name}: {note}")
        for e in plan.errors:
            print(f"{name}: {e}", file=sys.stderr)
        print(
            f"{plan.rows_read} rijen gelezen: {len(plan.residents)} bewoners, "
            f"{len(plan.payments)} betalingen goed, {len(plan.errors)} fout(en)"
        )
        if plan.imported_before and not args.again:
            print(f"vergoedingcheck: {already_imported_message(*plan.imported_before)}", file=sys.stderr)
            return 2
        if plan.residents or plan.payments:
            # what the import will do to each resident's status, before anything is written
            from vergoedingcheck.rules import load_ruleset
            from vergoedingcheck.services.transfer import status_changes, status_preview

            for line in status_preview(status_changes(plan, store, load_ruleset())):
                print(line)
        if args.dry_run:
            return 2 if plan.errors else 0
        if plan.errors and not (args.good_rows and partial_allowed(plan)):
            print(
                "niets ingelezen"
                + ("" if partial_allowed(plan) else " (een casusbestand gaat helemaal of niet)")
                + (
                    " (gebruik --goede-rijen om alleen de goede rijen in te lezen)"
                    if partial_allowed(plan)
                    else ""
                ),
                file=sys.stderr,
            )
            return 2
        from vergoedingcheck.store.progress import terminal_progress

        with terminal_progress("inlezen") as bar:
            s = apply_import(plan, store, good_rows_only=args.good_rows, progress=bar, again=args.again)
        print(
            f"ingelezen: {s.residents_added} bewoners nieuw, {s.residents_updated} bijgewerkt, "
            f"{s.payments_added} betalingen nieuw, {s.payments_updated} bijgewerkt (zelfde kenmerk, "
            f"andere gegevens), {s.payments_skipped} al aanwezig"
            + (f", {s.payers_added} betalers nieuw" if s.payers_added else "")
        )
        if s.payments_lookalike:
            print(
                f"let op: {s.payments_lookalike} nieuwe betaling(en) zonder kenmerk lijken precies op een "
                "betaling die er al was (zelfde bewoner, datum en bedrag); ze zijn toegevoegd. Geef "
                "betalingen een kenmerk om dubbel inlezen te voorkomen"
            )
        return 2 if plan.errors else 0


def run_export(args: argparse.Namespace) -> int:
    from vergoedingcheck.services.transfer import TransferError, export
    from vergoedingcheck.store import Store

    enc = "cp1252" if args.encoding == "windows-1252" else "utf-8-sig"
    with Store(args.db, create=False) as store:
        try:
            s = export(args.file, store, year=args.year, table=args.table, encoding=enc)
        except TransferError as exc:
            print(f"vergoedingcheck: {exc}", file=sys.stderr)
            return 2
        print(f"{s.path}: {s.residents} bewoners, {s.payments} betalingen")
    return 0
