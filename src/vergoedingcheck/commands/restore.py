"""`vergoedingcheck restore BACKUP [--db PAD] [--force]`: put a backup back (SQLite)."""

from __future__ import annotations

import argparse
from typing import Any

from vergoedingcheck.text import word

HELP = word("command_help", "restore")


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "restore",
        help=HELP,
        description=word("cmd_restore", "description"),
    )
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("--db", metavar="PAD", help=word("cmd_common", "db_help"))
    p.add_argument("--force", action="store_true", help=word("cmd_restore", "force_help"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store.backup import restore

    path, saved = restore(args.backup, args.db, force=args.force)
    if saved:
        print(word("cmd_restore", "saved").format(saved=saved))
    print(word("cmd_restore", "done").format(path=path))
    return 0
