"""Explanation keys -> sentences (Dutch and English) for the table report and the TUI.

The sentences are in the text layer (`text/nl.py`, `text/en.py`: groups "finding", "figure_why",
"explain"); this module fills them in. Placeholders: {limit} {value} {period} and every finding
param; amounts are formatted per language (`€ 1.250,50`). A key without a sentence falls back to
the key itself, loudly visible.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from vergoedingcheck.engine.result import Finding
from vergoedingcheck.money import format_date, format_eur, format_month
from vergoedingcheck.text import catalogue, pairs, word

# The sentences live in the text layer (group "finding", one catalogue per language); the old
# name stays for callers and tests.
SENTENCES: dict[str, tuple[str, str]] = pairs("finding")

# The words live in the text layer (one catalogue per language); the old names stay for callers.
ACTION_TEXT: dict[str, tuple[str, str]] = pairs("action")
STATUS_TEXT: dict[str, tuple[str, str]] = pairs("status")


def _fmt(value: str | None, locale: str) -> str:
    if value is None:
        return "?"
    try:
        return format_eur(Decimal(value), locale)
    except (InvalidOperation, ValueError):
        return value


_MONEY_PARAMS = {"amount", "taxable", "proven_costs", "excess", "hourly_wage"}


def format_period(period: str, locale: str = "nl_NL") -> str:
    """`2026-03` → `maart 2026`, `2026-03-10` → `10 maart 2026`, `2026` stays."""
    try:
        if len(period) == 7:
            return format_month(int(period[:4]), int(period[5:7]), locale)
        if len(period) == 10:
            return format_date(date.fromisoformat(period), locale)
    except ValueError:
        pass
    return period


def _why(params: dict[str, str], lang: str, locale: str) -> str:
    reasons = catalogue(lang)["figure_why"]
    text = reasons.get(params.get("reason_code", "absent"), reasons["absent"])
    boundary = params.get("boundary")
    return text.format(boundary=format_period(boundary, locale) if boundary else "?")


def explain(finding: Finding, lang: str = "nl") -> str:
    lang = "nl" if lang == "nl" else "en"  # as before the catalogue: anything but Dutch is English
    locale = "nl_NL" if lang == "nl" else "en_GB"
    template = catalogue(lang)["finding"].get(finding.explanation)
    if template is None:
        return finding.explanation
    values: dict[str, str] = {
        "period": format_period(finding.period, locale),
        "limit": _fmt(str(finding.limit), locale) if finding.limit is not None else "?",
        "value": _fmt(str(finding.value), locale) if finding.value is not None else "?",
        "missing": finding.missing or "?",
    }
    if finding.rule == "pw.volunteer.min_age" and finding.limit is not None:
        values["limit"] = str(int(finding.limit))
    for k, v in finding.params:
        values[k] = _fmt(v, locale) if k in _MONEY_PARAMS else v
    if finding.explanation == "figure.missing":
        params = dict(finding.params)
        values["title"] = params.get("title_nl" if lang == "nl" else "title_en", params.get("figure", "?"))
        if "date" in params:
            values["date"] = format_period(params["date"], locale)
        values["why"] = _why(params, lang, locale)
    if finding.explanation.startswith("tax.hourly_over_norm") and not values.get("payer"):
        values["payer"] = word("explain", "the_payer", lang)
    if finding.explanation == "pw.hourly_norm_hard":
        # whose policy: a body that pays the bijstand for several municipalities (GR de
        # Bevelanden for Goes) by its own name, otherwise the municipality
        params = dict(finding.params)
        mun = params.get("municipality", "")
        if params.get("policy_by"):
            by = params["policy_by"]
            if not mun:
                values["policy_by"] = by
            else:
                values["policy_by"] = word("explain", "policy_by_body", lang).format(by=by, municipality=mun)
        else:
            values["policy_by"] = word("explain", "policy_by_municipality", lang).format(municipality=mun)
    if finding.explanation == "payer.assumed":
        params = dict(finding.params)
        parts = [params["payers"]] if params.get("payers") else []
        n = int(params.get("without_payer") or 0)
        if n:
            parts.append(word("explain", "without_payer", lang).format(n=n))
        values["who"] = f" {word('explain', 'and', lang)} ".join(parts)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def action_text(action: str, lang: str = "nl") -> str:
    pair = ACTION_TEXT.get(action)
    return action if pair is None else pair[0 if lang == "nl" else 1]


def status_text(status: str, lang: str = "nl") -> str:
    pair = STATUS_TEXT.get(status)
    return status if pair is None else pair[0 if lang == "nl" else 1]
