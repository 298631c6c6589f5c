"""`vergoedingcheck history RESIDENT [--db PAD] [--json]`: every recorded change about one resident
(who, when, what before and after), from the audit the database keeps itself. Read-only."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from vergoedingcheck.text import word

HELP = word("command_help", "history")


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "history",
        help=HELP,
        description=word("cmd_history", "description"),
    )
    p.add_argument("resident", metavar="BEWONER", help=word("cmd_history", "resident_help"))
    p.add_argument("--db", metavar="PAD", help=word("cmd_common", "db_help"))
    p.add_argument("--json", action="store_true", help=word("cmd_history", "json_help"))
    p.set_defaults(func=run)


def plain(value: object) -> str:
    """A value for the terminal: control characters (ESC, CR, ...) made visible, never run."""
    text = "" if value is None else str(value)
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        entries = store.history(args.resident)
    if not entries:
        print(word("cmd_history", "nothing").format(resident=plain(args.resident)), file=sys.stderr)
        return 2
    out = sys.stdout
    for e in entries:
        if args.json:
            out.write(
                json.dumps(
                    {
                        "at": e.at,
                        "who": e.who,
                        "table": e.table,
                        "action": e.action,
                        "row": e.row_key,
                        "before": e.before,
                        "after": e.after,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                )
                + "\n"
            )
            continue
        head = f"{e.at}  {plain(e.who)}  {e.table} {e.row_key or ''}: {e.action}"
        out.write(head.rstrip() + "\n")
        for field, (before, after) in e.changed().items():
            if field in ("rev", "updated_at", "created_at"):
                continue
            out.write(f"    {field}: {plain(before) or '—'} → {plain(after) or '—'}\n")
    return 0
