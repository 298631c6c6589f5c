"""`vergoedingcheck`: the command line. Each subcommand lives in `vergoedingcheck.commands.<name>`
with `register(subparsers)`; this module only wires them and guarantees that no traceback reaches
a user: bad input is exit 2 with one line per problem, anything unexpected is exit 3 with a short
message (the traceback only with VERGOEDINGCHECK_DEBUG=1).

Exit codes: 0 all safe / ok, 1 something unsafe or unknown (or a failing check), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from vergoedingcheck.errors import UsageError
from vergoedingcheck.sourcefile import InputError

COMMANDS = ("check", "rules", "demo", "app", "letters", "transfer")

__all__ = ["COMMANDS", "UsageError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vergoedingcheck",
        description="Vrijwilligersvergoedingen zonder risico voor de uitkering. "
        "Zonder opdracht opent de app voor de coördinator.",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"vergoedingcheck.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("vergoedingcheck.commands"):
                continue  # a command that is not built yet
            raise
        module.register(sub)
    return parser


def _is_store_error(exc: BaseException) -> bool:
    """StoreError without importing the store (and SQLAlchemy) for every command."""
    store = sys.modules.get("vergoedingcheck.store.db")
    return store is not None and isinstance(exc, store.StoreError)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        args_list = ["app"]
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except InputError as exc:
        for p in exc.problems:
            print(str(p), file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"vergoedingcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _is_store_error(exc):  # a store problem the user can act on: one sentence, exit 2
            print(f"vergoedingcheck: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("VERGOEDINGCHECK_DEBUG"):
            raise
        print(
            f"vergoedingcheck: internal error: {type(exc).__name__}: {exc} "
            "(set VERGOEDINGCHECK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
