"""`vergoedingcheck restore BACKUP [--db PAD] [--force]`: put a backup back (SQLite)."""

from __future__ import annotations

import argparse
from typing import Any

HELP = "zet een back-up terug (SQLite)"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "restore",
        help=HELP,
        description="Zet een back-up terug als de database. Een database met gegevens wordt alleen "
        "vervangen met --force, en dan eerst zelf als back-up bewaard. Voor PostgreSQL: pg_restore.",
    )
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument(
        "--db", metavar="PAD", help="de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)"
    )
    p.add_argument("--force", action="store_true", help="vervang een database die al gegevens heeft")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store.backup import restore

    path, saved = restore(args.backup, args.db, force=args.force)
    if saved:
        print(f"de vorige database is bewaard als {saved}")
    print(f"teruggezet: {path}")
    return 0
