"""`vergoedingcheck history RESIDENT [--db PAD] [--json]`: every recorded change about one resident
(who, when, what before and after), from the audit the database keeps itself. Read-only."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

HELP = "laat zien wie wat wanneer wijzigde bij een bewoner (history)"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "history",
        help=HELP,
        description="Alle vastgelegde wijzigingen van een bewoner, zijn uitkeringen, betalingen en "
        "brieven: wie (databaserol, of gebruiker op deze computer bij SQLite), wanneer (UTC), "
        "wat ervoor en erna. Het logboek kan niet via de app worden gewijzigd.",
    )
    p.add_argument("resident", metavar="BEWONER", help="de referentie van de bewoner")
    p.add_argument(
        "--db", metavar="PAD", help="de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)"
    )
    p.add_argument("--json", action="store_true", help="als JSON (één object per wijziging)")
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
        print(f"vergoedingcheck: over bewoner {plain(args.resident)} is niets vastgelegd", file=sys.stderr)
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
