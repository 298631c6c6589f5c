"""Explanation keys -> sentences (Dutch and English) for the table report and the TUI.

Placeholders: {limit} {value} {period} and every finding param; amounts are formatted per
language (`€ 1.250,50`). A key without a sentence falls back to the key itself, loudly visible.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from vergoedingcheck.engine.result import Finding
from vergoedingcheck.money import format_date, format_eur, format_month
from vergoedingcheck.text import pairs

SENTENCES: dict[str, tuple[str, str]] = {
    "tax.month_within_cap": (
        "{period}: {value} telt mee, binnen het maandmaximum van {limit}.",
        "{period}: {value} counts, within the monthly cap of {limit}.",
    ),
    "tax.month_over_cap": (
        "{period}: {value} is meer dan het maandmaximum van {limit}. De vrijwilligersregeling geldt "
        "dan dit hele jaar niet.",
        "{period}: {value} is over the monthly cap of {limit}. The volunteer scheme then does not "
        "apply for this whole year.",
    ),
    "tax.year_within_cap": (
        "{period}: {value} in het jaar, binnen het jaarmaximum van {limit}.",
        "{period}: {value} in the year, within the yearly cap of {limit}.",
    ),
    "tax.year_over_cap": (
        "{period}: {value} in het jaar is meer dan het jaarmaximum van {limit}. De vrijwilligersregeling "
        "geldt dan dit hele jaar niet.",
        "{period}: {value} in the year is over the yearly cap of {limit}. The volunteer scheme then "
        "does not apply for this whole year.",
    ),
    "tax.whole_amount_taxable": (
        "Het hele bedrag van {taxable} is belast, niet alleen het deel boven het maximum.",
        "The whole amount of {taxable} is taxable, not only the part above the cap.",
    ),
    "tax.whole_amount_taxable_costs": (
        "Het hele bedrag van {taxable} is belast, niet alleen het deel boven het maximum. Bewezen "
        "onkosten ({proven_costs}) blijven onbelast.",
        "The whole amount of {taxable} is taxable, not only the part above the cap. Proven costs "
        "({proven_costs}) stay untaxed.",
    ),
    "tax.hourly_over_norm": (
        "{period}: {value} per uur is meer dan de norm van {limit} per uur. {payer} kan laten zien dat "
        "dit geen marktconform uurloon is, dus het blijft een vrijwilligersvergoeding. Bewaar die uitleg.",
        "{period}: {value} per hour is above the norm of {limit} per hour. {payer} can show that this is "
        "not a market rate, so it stays a volunteer allowance. Keep that explanation.",
    ),
    "tax.hourly_over_norm_unknown": (
        "{period}: {value} per uur is meer dan de norm van {limit} per uur. Dan is het alleen een "
        "vrijwilligersvergoeding als {payer} kan laten zien dat dit geen marktconform uurloon is. Leg "
        "vast of de betaler dat kan (bij Betalers: 'niet marktconform'); tot dan is de uitkomst voor "
        "de belasting onbekend.",
        "{period}: {value} per hour is above the norm of {limit} per hour. It is then only a volunteer "
        "allowance if {payer} can show that this is not a market rate. Record whether the payer can "
        "(under Payers: 'not a market rate'); until then the tax outcome is unknown.",
    ),
    "tax.wages_taxable": (
        "Loon ({value}) is belast als loon; het valt niet onder de vrijwilligersregeling.",
        "Wages ({value}) are taxed as wages; they are not a volunteer allowance.",
    ),
    "figure.missing": (
        "Er is nog geen regel voor ‘{title}’ op {date}: {why}.",
        "There is no rule yet for ‘{title}’ on {date}: {why}.",
    ),
    "fact.missing_birth_date": (
        "De geboortedatum ontbreekt, dus de leeftijdsregels kunnen niet worden toegepast.",
        "The birth date is missing, so the age rules cannot be applied.",
    ),
    "pw.month_within_cap": (
        "{period}: {value} valt binnen de vrijlating van {limit} per maand.",
        "{period}: {value} is within the disregard of {limit} a month.",
    ),
    "pw.month_over_cap": (
        "{period}: {value} is meer dan de vrijlating van {limit} per maand. De vergoeding van die "
        "maand telt als inkomen.",
        "{period}: {value} is over the disregard of {limit} a month. That month's allowance counts "
        "as income.",
    ),
    "pw.year_within_cap": (
        "{period}: {value} in het jaar valt binnen de vrijlating van {limit}.",
        "{period}: {value} in the year is within the yearly disregard of {limit}.",
    ),
    "pw.year_over_cap": (
        "{period}: {value} in het jaar is meer dan de vrijlating van {limit}. De vergoeding van het "
        "hele jaar telt als inkomen.",
        "{period}: {value} in the year is over the yearly disregard of {limit}. The whole year's "
        "allowance counts as income.",
    ),
    "pw.under_min_age": (
        "{period}: jonger dan {limit} jaar ({age}). In de bijstand telt een vaste vergoeding dan "
        "helemaal als inkomen ({amount}). Alleen bewezen onkosten tellen niet.",
        "{period}: under {limit} ({age}). On bijstand a fixed allowance then counts as income in full "
        "({amount}). Only proven costs do not count.",
    ),
    "pw.temporary_young_disregard": (
        "{period}: de tijdelijke vrijlating voor jongeren onder 27 (1 november 2020 tot 1 juli 2021) "
        "geldt voor deze betaling.",
        "{period}: the temporary disregard for people under 27 (1 November 2020 to 1 July 2021) "
        "applies to this payment.",
    ),
    "pw.year_breach_excess_only": (
        "Deze gemeente telt boven het jaarmaximum alleen het deel boven de vrijlating.",
        "This municipality counts only the part above the yearly disregard.",
    ),
    "pw.hourly_norm_hard": (
        "{period}: {value} per uur is meer dan {limit}. {policy_by} stelt dit als eis: "
        "deze vergoeding ({amount}) telt als inkomen.",
        "{period}: {value} per hour is over {limit}. {policy_by} makes this a "
        "condition: this allowance ({amount}) counts as income.",
    ),
    "pw.wages_countable": (
        "Loon ({value}) telt als inkomen. De gemeente beslist over een eventuele inkomstenvrijlating.",
        "Wages ({value}) count as income. The municipality decides on any earnings disregard.",
    ),
    "gifts.within_limit": (
        "Giften aan het huishouden: {value}, binnen de grens van {limit} per jaar.",
        "Gifts to the household: {value}, within the limit of {limit} a year.",
    ),
    "gifts.over_limit": (
        "Giften aan het huishouden: {value}, meer dan de grens van {limit}. Het deel erboven "
        "({excess}) telt als inkomen.",
        "Gifts to the household: {value}, over the limit of {limit}. The part above it ({excess}) "
        "counts as income.",
    ),
    "gifts.over_limit_counted_on_other": (
        "Giften aan het huishouden: {value}, meer dan de grens van {limit}. Het deel erboven "
        "({excess}) telt één keer als inkomen van het huishouden: bij de uitkering van {counted_on!s}.",
        "Gifts to the household: {value}, over the limit of {limit}. The part above it ({excess}) "
        "counts once as the household's income: on the benefit of {counted_on!s}.",
    ),
    "gifts.policy_unknown": (
        "Voor giften vóór 2026 beslist de gemeente, en voor deze gemeente is geen giftenbeleid vastgelegd.",
        "Before 2026 the municipality decides on gifts, and no gift policy is recorded "
        "for this municipality.",
    ),
    "uwv.month_within_cap": (
        "{period}: {value} valt binnen {limit} per maand; UWV trekt niets af.",
        "{period}: {value} is within {limit} a month; UWV deducts nothing.",
    ),
    "uwv.month_over_cap": (
        "{period}: {value} is meer dan {limit} per maand. UWV verrekent de hele vergoeding van die maand.",
        "{period}: {value} is over {limit} a month. UWV offsets that month's whole allowance.",
    ),
    "uwv.year_within_cap": (
        "{period}: {value} in het jaar valt binnen {limit}.",
        "{period}: {value} in the year is within {limit}.",
    ),
    "uwv.year_over_cap": (
        "{period}: {value} in het jaar is meer dan {limit}. UWV verrekent de vergoeding van het hele jaar.",
        "{period}: {value} in the year is over {limit}. UWV offsets the whole year's allowance.",
    ),
    "uwv.wages_countable": (
        "Loon ({value}) is inkomen; UWV verrekent het volgens de eigen regels.",
        "Wages ({value}) are income; UWV offsets them under its own rules.",
    ),
    "ww.month_within_cap": (
        "{period}: {value} valt binnen {limit} per maand; de WW verandert niet.",
        "{period}: {value} is within {limit} a month; the WW does not change.",
    ),
    "ww.month_over_cap": (
        "{period}: {value} is meer dan {limit} per maand. UWV ziet dit als betaald werk.",
        "{period}: {value} is over {limit} a month. UWV treats this as paid work.",
    ),
    "ww.year_within_cap": (
        "{period}: {value} in het jaar valt binnen {limit}.",
        "{period}: {value} in the year is within {limit}.",
    ),
    "ww.year_over_cap": (
        "{period}: {value} in het jaar is meer dan {limit}. UWV ziet dit als betaald werk.",
        "{period}: {value} in the year is over {limit}. UWV treats this as paid work.",
    ),
    "ww.hourly_norm_hard": (
        "{period}: {value} per uur is meer dan {limit}. Tot 2019 was dat voor de WW geen onbetaald "
        "werk meer: UWV ziet het als betaald werk.",
        "{period}: {value} per hour is over {limit}. Until 2019 that was no longer unpaid work for the "
        "WW: UWV treats it as paid work.",
    ),
    "uwv.hourly_norm_hard": (
        "{period}: {value} per uur is meer dan {limit}. In 2017 en 2018 zag UWV dat als betaald werk: de "
        "hele vergoeding ({amount}) gaat van de uitkering af.",
        "{period}: {value} per hour is over {limit}. In 2017 and 2018 UWV treated that as paid work: the "
        "whole allowance ({amount}) is offset against the benefit.",
    ),
    "ww.permission_given": (
        "UWV heeft toestemming gegeven voor het vrijwilligerswerk.",
        "UWV has given permission for the volunteer work.",
    ),
    "ww.permission_refused": (
        "UWV heeft geen toestemming gegeven voor dit vrijwilligerswerk. De WW-uitkering loopt risico.",
        "UWV has not given permission for this volunteer work. The WW benefit is at risk.",
    ),
    "ww.permission_unknown": (
        "Het is niet bekend of UWV toestemming gaf. Vraag die toestemming vóór het werk begint.",
        "It is not known whether UWV gave permission. Ask for it before the work starts.",
    ),
    "ww.fictitious_wage": (
        "UWV trekt een fictief loon af: {hours} uur × {hourly_wage} = {value}.",
        "UWV deducts a fictitious wage: {hours} hours × {hourly_wage} = {value}.",
    ),
    "ww.fictitious_wage_unknown": (
        "Boven de maxima trekt UWV een fictief loon af (uren × uurloon WW). Dat bedrag is onbekend: "
        "{missing} ontbreekt.",
        "Over the caps UWV deducts a fictitious wage (hours × WW hourly wage). The amount is unknown: "
        "{missing} is missing.",
    ),
    "aow.not_means_tested": (
        "De AOW hangt niet af van inkomen; de vergoeding heeft geen gevolg voor de AOW.",
        "The AOW does not depend on income; the allowance does not affect it.",
    ),
    "toeslagen.no_effect": (
        "Binnen de maxima is de vergoeding onbelast en heeft zij geen gevolg voor toeslagen.",
        "Within the caps the allowance is untaxed and does not affect toeslagen.",
    ),
    "toeslagen.income_raised": (
        "Het belaste bedrag ({value}) verhoogt het toetsingsinkomen; toeslagen kunnen lager worden. "
        "Geef het door aan Dienst Toeslagen.",
        "The taxable amount ({value}) raises the assessment income; toeslagen may go down. Report "
        "it to Dienst Toeslagen.",
    ),
    "payer.commercial_is_wages": (
        "{payer} is een commerciële organisatie en kan geen vrijwilligersvergoeding geven. De vergoeding "
        "({value}) telt daarom als loon, voor de belasting en voor de uitkering.",
        "{payer} is a commercial organisation and cannot pay a volunteer allowance. The allowance "
        "({value}) therefore counts as wages, for tax and for the benefit.",
    ),
    "payer.assumed": (
        "Aangenomen is dat de betaler met vrijwilligers mag werken (een ANBI, SBBI, sportorganisatie of "
        "organisatie zonder vennootschapsbelasting): {who}. Klopt dat niet, zet de betaler dan in de "
        "lijst van betalers.",
        "Assumed that the payer may pay volunteer allowances (an ANBI, SBBI, sports organisation or an "
        "organisation not subject to corporate tax): {who}. If that is not right, add the payer to "
        "the list of payers.",
    ),
    "payer.wages_and_allowance": (
        "{payer} betaalt dit jaar ook loon. Een vrijwilliger is niet in dienst van de organisatie die de "
        "vergoeding geeft, dus het is onbekend of de vergoeding ({value}) geen verkapt loon is. Leg vast "
        "dat de vergoeding voor ander, onbetaald werk is; de organisatie en de instantie beoordelen dat.",
        "{payer} also pays wages this year. A volunteer is not an employee of the organisation that pays "
        "the allowance, so it is unknown whether the allowance ({value}) is not disguised pay. Record "
        "that the allowance is for other, unpaid work; the organisation and the office judge that.",
    ),
    "toeslagen.partner_income_raised": (
        "Toeslagen gaan uit van het inkomen van het huishouden: het belaste bedrag van {partner!s} "
        "({value}) verhoogt het toetsingsinkomen ook. Geef het door aan Dienst Toeslagen.",
        "Toeslagen are based on the household's income: the taxable amount of {partner!s} ({value}) "
        "raises the assessment income too. Report it to Dienst Toeslagen.",
    ),
    "toeslagen.partner_unknown": (
        "Onbekend: het belaste bedrag van {partner!s} (zelfde huishouden) is niet bekend, en toeslagen "
        "gaan uit van het inkomen van het huishouden.",
        "Unknown: the taxable amount of {partner!s} (same household) is not known, and toeslagen are "
        "based on the household's income.",
    ),
    "benefit.unknown_type": (
        "Onbekend: uitkeringssoort {type!s} kent vergoedingcheck niet (bekend: {known}).",
        "Unknown: vergoedingcheck does not know benefit type {type!s} (known: {known}).",
    ),
}

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


_WHY = {
    "pending": (
        "het bedrag is aangekondigd maar nog niet bevestigd",
        "the amount is announced but not yet confirmed",
    ),
    "before": ("de eerste waarde geldt pas vanaf {boundary}", "its first value applies from {boundary}"),
    "ended": ("de regel geldt niet meer sinds {boundary}", "the rule no longer applies since {boundary}"),
    "absent": ("die staat niet in de regels", "it is not in the rules"),
}


def _why(params: dict[str, str], lang: str, locale: str) -> str:
    pair = _WHY.get(params.get("reason_code", "absent"), _WHY["absent"])
    boundary = params.get("boundary")
    text = pair[0 if lang == "nl" else 1]
    return text.format(boundary=format_period(boundary, locale) if boundary else "?")


def explain(finding: Finding, lang: str = "nl") -> str:
    idx = 0 if lang == "nl" else 1
    locale = "nl_NL" if lang == "nl" else "en_GB"
    template = SENTENCES.get(finding.explanation)
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
        values["payer"] = "de betaler" if lang == "nl" else "the payer"
    if finding.explanation == "pw.hourly_norm_hard":
        # whose policy: a body that pays the bijstand for several municipalities (GR de
        # Bevelanden for Goes) by its own name, otherwise the municipality
        params = dict(finding.params)
        mun = params.get("municipality", "")
        if params.get("policy_by"):
            by = params["policy_by"]
            if not mun:
                values["policy_by"] = by
            elif lang == "nl":
                values["policy_by"] = f"{by}, die de bijstand van {mun} uitvoert,"
            else:
                values["policy_by"] = f"{by}, which pays {mun}'s bijstand,"
        else:
            values["policy_by"] = f"De gemeente {mun}" if lang == "nl" else f"The municipality of {mun}"
    if finding.explanation == "payer.assumed":
        params = dict(finding.params)
        parts = [params["payers"]] if params.get("payers") else []
        n = int(params.get("without_payer") or 0)
        if n:
            parts.append(
                f"{n} vergoeding(en) zonder betaler" if lang == "nl" else f"{n} payment(s) without a payer"
            )
        values["who"] = (" en " if lang == "nl" else " and ").join(parts)
    try:
        return template[idx].format(**values)
    except (KeyError, IndexError, ValueError):
        return template[idx]


def action_text(action: str, lang: str = "nl") -> str:
    pair = ACTION_TEXT.get(action)
    return action if pair is None else pair[0 if lang == "nl" else 1]


def status_text(status: str, lang: str = "nl") -> str:
    pair = STATUS_TEXT.get(status)
    return status if pair is None else pair[0 if lang == "nl" else 1]
