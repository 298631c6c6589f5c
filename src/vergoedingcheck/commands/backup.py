"""`vergoedingcheck backup [DEST] [--db PAD]`: a consistent, owner-only, timestamped copy of the
SQLite store (SQLite's online backup API). PostgreSQL: use pg_dump (the command says how)."""

from __future__ import annotations

import argparse
from typing import Any

HELP = "maak een back-up van de database (SQLite)"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "backup",
        help=HELP,
        description="Maakt een back-up terwijl de app open mag blijven: een bestand met datum en tijd "
        "in de naam, alleen leesbaar voor u. Zonder DOEL: de map backups naast de database. "
        "Voor PostgreSQL: pg_dump (zie README).",
    )
    p.add_argument("dest", metavar="DOEL", nargs="?", help="een bestand of een map")
    p.add_argument(
        "--db", metavar="PAD", help="de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store.backup import backup

    target = backup(args.db, args.dest)
    print(f"back-up: {target}")
    return 0
