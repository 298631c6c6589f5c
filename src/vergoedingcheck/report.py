"""The readable terminal report of `vergoedingcheck check --format table` (Dutch by default)."""

from __future__ import annotations

from decimal import Decimal

from vergoedingcheck.engine.explain import action_text, explain, status_text
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.model import Resident
from vergoedingcheck.money import format_eur, format_month
from vergoedingcheck.text import catalogue
from vergoedingcheck.validation import visible

_LABELS = {lang: catalogue(lang)["report"] for lang in ("nl", "en")}  # text/nl.py, text/en.py


BENEFIT_NAMES = catalogue("nl")["benefit"]  # text/nl.py


def table_report(
    result: CheckResult, residents: list[Resident], *, year: int | None = None, lang: str = "nl"
) -> str:
    L = _LABELS[lang]
    locale = "nl_NL" if lang == "nl" else "en_GB"

    def eur(d: Decimal | None) -> str:
        return format_eur(d, locale)

    names = {r.id: r.name for r in residents}
    out: list[str] = []
    for rr in result.residents:
        for y in rr.years:
            if year is not None and y.year != year:
                continue
            who = f"{rr.id}" + (f" — {names[rr.id]}" if names.get(rr.id) else "")
            out.append(f"{L['resident']} {who}, {y.year}: {status_text(y.status, lang).upper()}")
            out.append(
                f"  {L['tax']}: {status_text(y.tax.status, lang)}; {L['counted']} {eur(y.tax.counted)}, "
                f"{L['taxable']} {eur(y.tax.taxable)}"
            )
            if not y.benefits:
                out.append(f"  {L['benefit']}: {L['none']}")
            for b in y.benefits:
                out.append(
                    f"  {L['benefit']} {b.type}: {status_text(b.status, lang)}; "
                    f"{L['countable']} {eur(b.countable)}"
                )
            if y.gifts.total > 0:
                limit = f", {L['limit']} {eur(y.gifts.limit)}" if y.gifts.limit is not None else ""
                out.append(f"  {L['gifts']}: {eur(y.gifts.total)}{limit}")
            out.append(f"  {L['headroom']} {y.year}: {eur(y.headroom)}")
            out.append(
                f"  {L['month']:<16}{L['paid']:>13}{L['counted']:>13}{L['headroom']:>13}  {L['status']}"
            )
            for m in y.months:
                if m.paid == 0 and m.status == "safe" and year is None:
                    continue
                yy, mm = (int(x) for x in m.month.split("-"))
                out.append(
                    f"  {format_month(yy, mm, locale):<16}{eur(m.paid):>13}{eur(m.counted):>13}"
                    f"{eur(m.headroom):>13}  {status_text(m.status, lang)}"
                )
            notable = [f for f in y.findings if f.outcome in ("fail", "unknown", "warning")]
            if notable:
                out.append(f"  {L['findings']}:")
                for f in notable:
                    basis = f" [{f.legal_basis.law}, art. {f.legal_basis.article}]" if f.legal_basis else ""
                    out.append(
                        f"   - {status_text('unsafe' if f.outcome == 'fail' else f.outcome, lang)}: "
                        f"{explain(f, lang)}{basis}"
                    )
            if y.actions:
                out.append(f"  {L['actions']}:")
                for a in y.actions:
                    out.append(f"   - {action_text(a, lang)}")
            out.append("")
    out.append(
        f"{L['overall']}: {status_text(result.status, lang)}. {L['rules']}: {result.rules_id} "
        f"{result.fingerprint[:19]}…"
    )
    for e in result.errors:
        out.append(f"! {e}")
    return visible("\n".join(out) + "\n")  # a name with ESC must not drive the terminal
