"""`python -m vergoedingcheck.services.letters_preview OUTDIR`: render every letter of the demo data.

For human review of what text extraction cannot see (address window, layout, page breaks): the
resident letter in Dutch and English for every demo resident, the benefits-office letter for every
office a resident has, and the coordinator overview for the year in both languages. Also writes a
plain-text preview next to each PDF. Uses the demo store's data (`vergoedingcheck.store.demo`)
without touching any database.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import (
    LetterError,
    compose_letter,
    load_organisation,
    offices_for,
    preview_text,
    render_pdf,
)
from vergoedingcheck.rules import load_ruleset


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vergoedingcheck.services.letters_preview",
                                 description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N residents")
    args = ap.parse_args(argv)

    from vergoedingcheck.store.db import to_models
    from vergoedingcheck.store.demo import PAID_UNTIL, YEAR, build_demo

    residents, payments = to_models(*build_demo())
    ruleset = load_ruleset()
    result = evaluate(residents, payments, ruleset)
    org = load_organisation()
    out: Path = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    written = 0

    def write(name: str, letter: object) -> None:
        nonlocal written
        (out / f"{name}.pdf").write_bytes(render_pdf(letter))  # type: ignore[arg-type]
        (out / f"{name}.txt").write_text(preview_text(letter), encoding="utf-8")  # type: ignore[arg-type]
        written += 1

    chosen = residents[: args.limit] if args.limit else residents
    for resident in chosen:
        rr = result.resident(resident.id)
        if rr is None or rr.year(YEAR) is None:
            continue
        base = _safe_name(resident.id)
        for lang in ("nl", "en"):
            write(f"{base}-resident-{lang}", compose_letter(
                "resident", lang, rr, residents, payments, ruleset, year=YEAR,
                letter_date=PAID_UNTIL, organisation=org))
        for office in offices_for(resident, YEAR):
            try:
                write(f"{base}-office-{office}", compose_letter(
                    "office", "nl", rr, residents, payments, ruleset, year=YEAR,
                    letter_date=PAID_UNTIL, organisation=org, office=office))
            except LetterError as exc:  # pragma: no cover - shown, not fatal
                print(f"{resident.id}: {exc}", file=sys.stderr)
    for lang in ("nl", "en"):
        write(f"coordinator-{YEAR}-{lang}", compose_letter(
            "coordinator", lang, result, residents, payments, ruleset, year=YEAR,
            letter_date=PAID_UNTIL, organisation=org))
    write(f"coordinator-{YEAR}-{PAID_UNTIL.month:02d}-nl", compose_letter(
        "coordinator", "nl", result, residents, payments, ruleset, year=YEAR,
        letter_date=PAID_UNTIL, organisation=org, month=PAID_UNTIL.month))
    took = time.perf_counter() - started
    print(f"{written} letters in {out} ({took:.1f} s). "
          f"Look at them: pdftoppm -png -r 60 {out}/<name>.pdf {out}/<name>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
