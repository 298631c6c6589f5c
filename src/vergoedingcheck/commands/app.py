"""`vergoedingcheck app`: the coordinator's app (Textual).

Plain `vergoedingcheck`, without a command, runs this too."""

from __future__ import annotations

import argparse
from typing import Any

from vergoedingcheck.text import word


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "app",
        help=word("command_help", "app"),
        description=word("cmd_app", "description"),
    )
    p.add_argument(
        "--db",
        metavar="PAD",
        help=word("cmd_common", "db_help_user"),
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help=word("cmd_app", "demo_help"),
    )
    p.add_argument(
        "--demo-if-empty",
        action="store_true",
        help=word("cmd_app", "demo_if_empty_help"),
    )
    p.add_argument(
        "--create",
        action="store_true",
        help=word("cmd_app", "create_help"),
    )
    p.add_argument("--rules", metavar="MAP", help=word("cmd_app", "rules_help"))
    p.set_defaults(func=run)


def _is_demo_db(path: object) -> bool:
    """Is `path` (a store's path; a PostgreSQL URL is never the demo) the demo's database?"""
    from pathlib import Path

    from vergoedingcheck.store.db import demo_db_path

    if not isinstance(path, Path):
        return False
    try:
        return path.resolve() == demo_db_path().resolve()
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.errors import UsageError
    from vergoedingcheck.letters.content import user_organisation_path
    from vergoedingcheck.rules import load_ruleset
    from vergoedingcheck.store import Store
    from vergoedingcheck.tui.app import VergoedingApp
    from vergoedingcheck.tui.settings import settings_dir

    ruleset = load_ruleset(args.rules)  # bad rules: one line per problem, exit 2 (cli.py)
    if args.demo and args.db:
        raise UsageError(word("cmd_app", "demo_with_db"))
    if args.demo:
        from vergoedingcheck.store.db import demo_db_path

        path = demo_db_path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        store = Store(path, create=True)
    else:
        store = Store(args.db, create=bool(args.demo_if_empty or args.create))
    try:
        if (args.demo or args.demo_if_empty) and store.is_empty():
            from vergoedingcheck.store.demo import seed_demo

            seed_demo(store)
        demo = args.demo or _is_demo_db(store.path)
        app = VergoedingApp(
            store,
            ruleset,
            worklist_first=True,
            settings_dir=settings_dir(),
            organisation_file=None if demo else user_organisation_path(),  # the demo never asks
        )
        if args.demo:
            app.title = word("cmd_app", "demo_title")
        app.run()
    finally:
        store.close()
    return 3 if app.return_code else 0  # a crash (its message is already shown) is exit 3, not 0
