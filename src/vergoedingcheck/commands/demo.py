"""`vergoedingcheck demo [--db PATH]`: fill a database with invented, believable residents."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="vul een database met voorbeeldbewoners (verzonnen personen)",
        description="Vult de database met ongeveer veertig verzonnen bewoners en hun betalingen in "
        "2025 en 2026: veilig, dicht bij een grens en erover. "
        "Twee keer draaien voegt niets dubbel toe.",
    )
    p.add_argument(
        "--db",
        metavar="PAD",
        help="de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap van de gebruiker)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vergoedingcheck.store import Store
    from vergoedingcheck.store.demo import seed_demo

    with Store(args.db, create=True) as store:
        s = seed_demo(store)
        print(
            f"{store.path}: {s.residents_added} bewoners toegevoegd, {s.residents_updated} "
            f"bijgewerkt, {s.payments_added} betalingen toegevoegd"
            + (f", {s.payments_skipped} al aanwezig" if s.payments_skipped else "")
        )
    return 0
