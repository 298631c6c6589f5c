"""`vergoedingcheck backup [DEST] [--db PAD]`: a consistent, owner-only, timestamped copy of the
SQLite store (SQLite's online backup API). PostgreSQL: use pg_dump (the command says how)."""

from __future__ import annotations

import argparse
from typing import Any

from vergoedingcheck.text import word

HELP = word("command_help", "backup")


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "backup",
        help=HELP,
        description=word("cmd_backup", "description"),
    )
    p.add_argument("dest", metavar="DOEL", nargs="?", help=word("cmd_backup", "dest_help"))
    p.add_argument("--db", metavar="PAD", help=word("cmd_common", "db_help"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store.backup import backup

    target = backup(args.db, args.dest)
    print(word("cmd_backup", "done").format(target=target))
    return 0
