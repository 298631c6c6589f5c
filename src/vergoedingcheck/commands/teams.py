"""`vergoedingcheck teams list|add TEAM|assign BEWONER TEAM|unassign BEWONER TEAM|grant ROL TEAM|
revoke ROL TEAM` (issue 12 item 2).

On PostgreSQL the administrator (the role that migrates and owns the tables) adds teams and says
which residents belong to which team; row-level security then shows each coordinator the residents
of their own teams. A coordinator may list (and sees only their own teams' residents counted) but
not change teams: the database refuses, and the command says so (exit 2). SQLite has one implicit
team, `standaard`, holding every resident: `list` shows it, the others exit 2 and say why.
"""

from __future__ import annotations

import argparse
from typing import Any

HELP = "teams: welke coördinator welke bewoners ziet (PostgreSQL)"


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "teams",
        help=HELP,
        description="Bewoners horen bij een of meer teams; een coördinator (een PostgreSQL-rol) ziet "
        "de bewoners van zijn teams. Teams toevoegen en toewijzen doet de beheerder. SQLite heeft "
        "één team (standaard) met alle bewoners.",
    )
    sub = p.add_subparsers(
        dest="teams_command", metavar="list|add|assign|unassign|grant|revoke", required=True
    )
    db_help = "de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)"
    ls = sub.add_parser("list", help="de teams, hun leden en hun aantal bewoners")
    ls.add_argument("--db", metavar="PAD", help=db_help)
    ls.set_defaults(func=run_list)
    add = sub.add_parser("add", help="een nieuw team (beheerder, PostgreSQL)")
    add.add_argument("team", metavar="TEAM", help="de korte naam van het team, bijvoorbeeld noord")
    add.add_argument("--name", "--naam", dest="name", metavar="NAAM", help="de volledige naam")
    add.add_argument("--db", metavar="PAD", help=db_help)
    add.set_defaults(func=run_add)
    for name, what in (
        ("assign", "zet een bewoner in een team"),
        ("unassign", "haal een bewoner uit een team"),
    ):
        sp = sub.add_parser(name, help=f"{what} (beheerder, PostgreSQL)")
        sp.add_argument("resident", metavar="BEWONER", help="de referentie van de bewoner")
        sp.add_argument("team", metavar="TEAM")
        sp.add_argument("--db", metavar="PAD", help=db_help)
        sp.set_defaults(func=run_assign if name == "assign" else run_unassign)
    grant = sub.add_parser("grant", help="een PostgreSQL-rol wordt coördinator van een team (beheerder)")
    grant.add_argument("role", metavar="ROL", help="een bestaande PostgreSQL-rol met LOGIN")
    grant.add_argument("team", metavar="TEAM")
    grant.add_argument(
        "--alleen-lezen", dest="read_only", action="store_true", help="de rol mag lezen, niets wijzigen"
    )
    grant.add_argument("--db", metavar="PAD", help=db_help)
    grant.set_defaults(func=run_grant)
    revoke = sub.add_parser("revoke", help="een rol is geen coördinator van een team meer (beheerder)")
    revoke.add_argument("role", metavar="ROL")
    revoke.add_argument("team", metavar="TEAM")
    revoke.add_argument("--db", metavar="PAD", help=db_help)
    revoke.set_defaults(func=run_revoke)


def _plain(value: object) -> str:
    from vergoedingcheck.commands.history import plain

    return plain(value)


def run_list(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        teams = store.team_list()
        sqlite = store.dialect == "sqlite"
    for tid, name, count, members in teams:
        label = _plain(tid) if not name or name == tid else f"{_plain(tid)} ({_plain(name)})"
        line = f"{label}: {count} {'bewoner' if count == 1 else 'bewoners'}"
        if members:
            line += " · " + ", ".join(
                f"{_plain(role)}{'' if edit else ' (alleen lezen)'}" for role, edit in members
            )
        print(line)
    if sqlite:
        print("SQLite heeft één team (standaard) met alle bewoners; meer teams kan alleen op PostgreSQL.")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        store.add_team(args.team, args.name)
    print(f"team {_plain(args.team)} toegevoegd")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        added = store.assign_team(args.resident, args.team)
    rid, team = _plain(args.resident), _plain(args.team)
    print(f"bewoner {rid} {'zit nu' if added else 'zat al'} in team {team}")
    return 0


def run_unassign(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        store.unassign_team(args.resident, args.team)
    print(f"bewoner {_plain(args.resident)} zit niet meer in team {_plain(args.team)}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        store.add_member(args.role, args.team, edit=not args.read_only)
    how = "mag lezen in" if args.read_only else "is coördinator van"
    print(f"rol {_plain(args.role)} {how} team {_plain(args.team)}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store

    with Store(args.db, create=False) as store:
        store.remove_member(args.role, args.team)
    print(f"rol {_plain(args.role)} is geen lid meer van team {_plain(args.team)}")
    return 0
