"""`vergoedingcheck demo [--db PATH]`: fill a database with invented, believable residents."""

from __future__ import annotations

import argparse
from typing import Any

from vergoedingcheck.text import word


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help=word("command_help", "demo"),
        description=word("cmd_demo", "description"),
    )
    p.add_argument(
        "--db",
        metavar="PAD",
        help=word("cmd_common", "db_help_user"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.demo import seed_demo

    with Store(args.db, create=True) as store:
        s = seed_demo(store)
        skipped = word("cmd_demo", "skipped").format(skipped=s.payments_skipped)
        print(
            word("cmd_demo", "done").format(
                path=store.path,
                added=s.residents_added,
                updated=s.residents_updated,
                payments=s.payments_added,
            )
            + (skipped if s.payments_skipped else "")
        )
    return 0
