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
from vergoedingcheck.text import catalogue, word

# The one-line help of each command, for `--help` without importing every command (issue 14 item 5:
# importing them all up front made `--help` and a one-resident check 20-30x `python -c pass`).
# tests/test_cli_imports.py checks that each line equals what the command registers itself.
# The lines themselves live in the text catalogue (group command_help, nl and en).
COMMANDS: dict[str, str] = dict(catalogue("nl")["command_help"])


def _t(key: str, **params: object) -> str:
    """A sentence of cli.py from the text catalogue (group cli), in Dutch (the CLI's language)."""
    text = word("cli", key)
    return text.format(**params) if params else text


__all__ = ["COMMANDS", "UsageError", "build_parser", "main"]


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="vergoedingcheck",
        description=_t("description"),
    )
    parser.add_argument(
        "--db",
        dest="global_db",
        metavar="PAD",
        help=_t("global_db_help"),
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    return parser, sub


def _apply_global_db(args: argparse.Namespace) -> None:
    """`vergoedingcheck --db PAD app` means `vergoedingcheck app --db PAD` (issue 11 item 6). A
    command without a database refuses it; two different paths are refused, never one silently."""
    path = getattr(args, "global_db", None)
    if path is None:
        return
    if not hasattr(args, "db"):
        raise UsageError(_t("db_not_for_command", command=args.command))
    if args.db is not None and args.db != path:
        raise UsageError(_t("two_databases", first=path, second=args.db))
    args.db = path


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command registered, or with only `only` registered for real and the
    others as a name and help line (what `--help` shows is the same, without the imports)."""
    parser, sub = _top_parser()
    for name, help_line in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=help_line)
            continue
        try:
            module = importlib.import_module(f"vergoedingcheck.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("vergoedingcheck.commands"):
                continue  # a command that is not built yet
            raise
        module.register(sub)
    return parser


def _command_of(args: list[str]) -> str:
    """Which command `args` run, by argparse itself (global options included), importing nothing:
    every command is a placeholder that accepts anything. `--help` and usage errors exit here."""
    parser, sub = _top_parser()
    for name, help_line in COMMANDS.items():
        sub.add_parser(name, help=help_line, add_help=False)
    ns, _ = parser.parse_known_args(args)
    return str(ns.command or "")


def _is_input_error(exc: BaseException) -> bool:
    """InputError (bad input: exit 2) without importing the YAML reader for `--help`."""
    source = sys.modules.get("vergoedingcheck.sourcefile")
    return source is not None and isinstance(exc, source.InputError)


def _is_store_error(exc: BaseException) -> bool:
    """StoreError without importing the store (and SQLAlchemy) for every command."""
    store = sys.modules.get("vergoedingcheck.store.db")
    return store is not None and isinstance(exc, store.StoreError)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["app"]
    try:
        command = _command_of(args_list)
        if not command and not {"-h", "--help"} & set(args_list):
            args_list.append("app")  # `vergoedingcheck --db PAD` opens the app on that database
            command = "app"
        parser = build_parser(only=command)
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        _apply_global_db(args)
        return int(args.func(args))
    except UsageError as exc:
        print(f"vergoedingcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _is_input_error(exc):
            for p in exc.problems:  # type: ignore[attr-defined]
                print(str(p), file=sys.stderr)
            return 2
        if _is_store_error(exc):  # a store problem the user can act on: one sentence, exit 2
            print(f"vergoedingcheck: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("VERGOEDINGCHECK_DEBUG"):
            raise
        # never the exception's text: it can hold a resident's name or amounts (privacy); the
        # type and the place in our code are enough to report it
        where = _where(exc)
        print(_t("internal_error", type=type(exc).__name__, where=where), file=sys.stderr)
        return 3


def _where(exc: BaseException) -> str:
    """` in module.py:line` of the innermost frame in our own code, or ``."""
    tb = exc.__traceback__
    last = ""
    while tb is not None:
        f = tb.tb_frame.f_code.co_filename
        if "vergoedingcheck" in f:
            last = f" in {os.path.basename(f)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return last


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
