"""Dutch words (the project's first language). Keys must match `en.py` (tests/test_text.py)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "status": {"safe": "veilig", "unsafe": "niet veilig", "unknown": "onbekend"},
    "outcome": {"fail": "fout", "unknown": "onbekend", "warning": "let op", "info": "info", "ok": "ok"},
    "sort": {"name": "naam", "room": "ruimte", "status": "status"},
    "payment_status": {"paid": "betaald", "planned": "gepland"},
    "kind": {
        "vrijwilligersvergoeding": "vrijwilliger",
        "onkostenvergoeding": "onkosten",
        "gift": "gift",
        "loon": "loon",
    },
    "regime": {"tax": "belasting", "gifts": "giften"},
    "benefit": {
        "bijstand": "bijstand",
        "ioaw": "IOAW",
        "ioaz": "IOAZ",
        "aio": "AIO",
        "ww": "WW",
        "zw": "Ziektewet",
        "wia": "WIA",
        "wao": "WAO",
        "wajong": "Wajong",
        "aow": "AOW",
        "toeslagen": "toeslagen",
    },
    "action": {
        "report_to_municipality": "Geef de vergoeding door aan de gemeente.",
        "report_to_svb": "Geef de vergoeding door aan de SVB.",
        "report_to_uwv": "Geef de vergoeding door aan UWV.",
        "ask_uwv_permission": "Vraag UWV vooraf om toestemming voor het vrijwilligerswerk.",
        "report_to_toeslagen": "Geef het hogere inkomen door aan Dienst Toeslagen.",
        "declare_income_tax": (
            "Het bedrag is belast: de betaler houdt loonheffing in of de bewoner doet aangifte."
        ),
        "keep_receipts": "Bewaar de bonnetjes van de onkosten.",
    },
    "action_short": {
        "report_to_municipality": "melden bij de gemeente",
        "report_to_svb": "melden bij de SVB",
        "report_to_uwv": "melden bij UWV",
        "ask_uwv_permission": "toestemming vragen aan UWV",
        "report_to_toeslagen": "melden bij Dienst Toeslagen",
        "declare_income_tax": "opgeven bij de belasting",
        "keep_receipts": "bonnen bewaren",
    },
    "report": {
        "resident": "Bewoner",
        "year": "Jaar",
        "status": "Status",
        "tax": "Belasting",
        "counted": "telt mee",
        "taxable": "belast",
        "benefit": "Uitkering",
        "countable": "telt als inkomen",
        "headroom": "ruimte",
        "month": "Maand",
        "paid": "betaald",
        "gifts": "Giften",
        "findings": "Bevindingen",
        "actions": "Te doen",
        "rules": "Regels",
        "none": "geen uitkering",
        "limit": "grens",
        "overall": "Totaal",
    },
    "finding": {
        "tax.month_within_cap": "{period}: {value} telt mee, binnen het maandmaximum van {limit}.",
        "tax.month_over_cap": (
            "{period}: {value} is meer dan het maandmaximum van {limit}. De vrijwilligersregeling geldt "
            "dan dit hele jaar niet."
        ),
        "tax.year_within_cap": "{period}: {value} in het jaar, binnen het jaarmaximum van {limit}.",
        "tax.year_over_cap": (
            "{period}: {value} in het jaar is meer dan het jaarmaximum van {limit}. De "
            "vrijwilligersregeling geldt dan dit hele jaar niet."
        ),
        "tax.whole_amount_taxable": (
            "Het hele bedrag van {taxable} is belast, niet alleen het deel boven het maximum."
        ),
        "tax.whole_amount_taxable_costs": (
            "Het hele bedrag van {taxable} is belast, niet alleen het deel boven het maximum. Bewezen "
            "onkosten ({proven_costs}) blijven onbelast."
        ),
        "tax.hourly_over_norm": (
            "{period}: {value} per uur is meer dan de norm van {limit} per uur. {payer} kan laten zien "
            "dat dit geen marktconform uurloon is, dus het blijft een vrijwilligersvergoeding. Bewaar die"
            " uitleg."
        ),
        "tax.hourly_over_norm_unknown": (
            "{period}: {value} per uur is meer dan de norm van {limit} per uur. Dan is het alleen een "
            "vrijwilligersvergoeding als {payer} kan laten zien dat dit geen marktconform uurloon is. Leg"
            " vast of de betaler dat kan (bij Betalers: 'niet marktconform'); tot dan is de uitkomst voor"
            " de belasting onbekend."
        ),
        "tax.wages_taxable": (
            "Loon ({value}) is belast als loon; het valt niet onder de vrijwilligersregeling."
        ),
        "figure.missing": "Er is nog geen regel voor ‘{title}’ op {date}: {why}.",
        "fact.missing_birth_date": (
            "De geboortedatum ontbreekt, dus de leeftijdsregels kunnen niet worden toegepast."
        ),
        "pw.month_within_cap": "{period}: {value} valt binnen de vrijlating van {limit} per maand.",
        "pw.month_over_cap": (
            "{period}: {value} is meer dan de vrijlating van {limit} per maand. De vergoeding van die "
            "maand telt als inkomen."
        ),
        "pw.year_within_cap": "{period}: {value} in het jaar valt binnen de vrijlating van {limit}.",
        "pw.year_over_cap": (
            "{period}: {value} in het jaar is meer dan de vrijlating van {limit}. De vergoeding van het "
            "hele jaar telt als inkomen."
        ),
        "pw.under_min_age": (
            "{period}: jonger dan {limit} jaar ({age}). In de bijstand telt een vaste vergoeding dan "
            "helemaal als inkomen ({amount}). Alleen bewezen onkosten tellen niet."
        ),
        "pw.temporary_young_disregard": (
            "{period}: de tijdelijke vrijlating voor jongeren onder 27 (1 november 2020 tot 1 juli 2021) "
            "geldt voor deze betaling."
        ),
        "pw.year_breach_excess_only": (
            "Deze gemeente telt boven het jaarmaximum alleen het deel boven de vrijlating."
        ),
        "pw.hourly_norm_hard": (
            "{period}: {value} per uur is meer dan {limit}. {policy_by} stelt dit als eis: deze "
            "vergoeding ({amount}) telt als inkomen."
        ),
        "pw.wages_countable": (
            "Loon ({value}) telt als inkomen. De gemeente beslist over een eventuele inkomstenvrijlating."
        ),
        "gifts.within_limit": "Giften aan het huishouden: {value}, binnen de grens van {limit} per jaar.",
        "gifts.over_limit": (
            "Giften aan het huishouden: {value}, meer dan de grens van {limit}. Het deel erboven "
            "({excess}) telt als inkomen."
        ),
        "gifts.over_limit_counted_on_other": (
            "Giften aan het huishouden: {value}, meer dan de grens van {limit}. Het deel erboven "
            "({excess}) telt één keer als inkomen van het huishouden: bij de uitkering van "
            "{counted_on!s}."
        ),
        "gifts.policy_unknown": (
            "Voor giften vóór 2026 beslist de gemeente, en voor deze gemeente is geen giftenbeleid "
            "vastgelegd."
        ),
        "uwv.month_within_cap": "{period}: {value} valt binnen {limit} per maand; UWV trekt niets af.",
        "uwv.month_over_cap": (
            "{period}: {value} is meer dan {limit} per maand. UWV verrekent de hele vergoeding van die maand."
        ),
        "uwv.year_within_cap": "{period}: {value} in het jaar valt binnen {limit}.",
        "uwv.year_over_cap": (
            "{period}: {value} in het jaar is meer dan {limit}. UWV verrekent de vergoeding van het hele "
            "jaar."
        ),
        "uwv.wages_countable": "Loon ({value}) is inkomen; UWV verrekent het volgens de eigen regels.",
        "ww.month_within_cap": "{period}: {value} valt binnen {limit} per maand; de WW verandert niet.",
        "ww.month_over_cap": (
            "{period}: {value} is meer dan {limit} per maand. UWV ziet dit als betaald werk."
        ),
        "ww.year_within_cap": "{period}: {value} in het jaar valt binnen {limit}.",
        "ww.year_over_cap": (
            "{period}: {value} in het jaar is meer dan {limit}. UWV ziet dit als betaald werk."
        ),
        "ww.hourly_norm_hard": (
            "{period}: {value} per uur is meer dan {limit}. Tot 2019 was dat voor de WW geen onbetaald "
            "werk meer: UWV ziet het als betaald werk."
        ),
        "uwv.hourly_norm_hard": (
            "{period}: {value} per uur is meer dan {limit}. In 2017 en 2018 zag UWV dat als betaald werk:"
            " de hele vergoeding ({amount}) gaat van de uitkering af."
        ),
        "ww.permission_given": "UWV heeft toestemming gegeven voor het vrijwilligerswerk.",
        "ww.permission_refused": (
            "UWV heeft geen toestemming gegeven voor dit vrijwilligerswerk. De WW-uitkering loopt risico."
        ),
        "ww.permission_unknown": (
            "Het is niet bekend of UWV toestemming gaf. Vraag die toestemming vóór het werk begint."
        ),
        "ww.fictitious_wage": "UWV trekt een fictief loon af: {hours} uur × {hourly_wage} = {value}.",
        "ww.fictitious_wage_unknown": (
            "Boven de maxima trekt UWV een fictief loon af (uren × uurloon WW). Dat bedrag is onbekend: "
            "{missing} ontbreekt."
        ),
        "aow.not_means_tested": (
            "De AOW hangt niet af van inkomen; de vergoeding heeft geen gevolg voor de AOW."
        ),
        "toeslagen.no_effect": (
            "Binnen de maxima is de vergoeding onbelast en heeft zij geen gevolg voor toeslagen."
        ),
        "toeslagen.income_raised": (
            "Het belaste bedrag ({value}) verhoogt het toetsingsinkomen; toeslagen kunnen lager worden. "
            "Geef het door aan Dienst Toeslagen."
        ),
        "payer.commercial_is_wages": (
            "{payer} is een commerciële organisatie en kan geen vrijwilligersvergoeding geven. De "
            "vergoeding ({value}) telt daarom als loon, voor de belasting en voor de uitkering."
        ),
        "payer.assumed": (
            "Aangenomen is dat de betaler met vrijwilligers mag werken (een ANBI, SBBI, sportorganisatie "
            "of organisatie zonder vennootschapsbelasting): {who}. Klopt dat niet, zet de betaler dan in "
            "de lijst van betalers."
        ),
        "payer.wages_and_allowance": (
            "{payer} betaalt dit jaar ook loon. Een vrijwilliger is niet in dienst van de organisatie die"
            " de vergoeding geeft, dus het is onbekend of de vergoeding ({value}) geen verkapt loon is. "
            "Leg vast dat de vergoeding voor ander, onbetaald werk is; de organisatie en de instantie "
            "beoordelen dat."
        ),
        "toeslagen.partner_income_raised": (
            "Toeslagen gaan uit van het inkomen van het huishouden: het belaste bedrag van {partner!s} "
            "({value}) verhoogt het toetsingsinkomen ook. Geef het door aan Dienst Toeslagen."
        ),
        "toeslagen.partner_unknown": (
            "Onbekend: het belaste bedrag van {partner!s} (zelfde huishouden) is niet bekend, en "
            "toeslagen gaan uit van het inkomen van het huishouden."
        ),
        "benefit.unknown_type": (
            "Onbekend: uitkeringssoort {type!s} kent vergoedingcheck niet (bekend: {known})."
        ),
    },
    "figure_why": {
        "pending": "het bedrag is aangekondigd maar nog niet bevestigd",
        "before": "de eerste waarde geldt pas vanaf {boundary}",
        "ended": "de regel geldt niet meer sinds {boundary}",
        "absent": "die staat niet in de regels",
    },
    "explain": {
        "the_payer": "de betaler",
        "policy_by_body": "{by}, die de bijstand van {municipality} uitvoert,",
        "policy_by_municipality": "De gemeente {municipality}",
        "without_payer": "{n} vergoeding(en) zonder betaler",
        "and": "en",
    },
    "household": {
        "title": "huishouden {household} · {year}",
        "head": "Huishouden {household} · {members} · {year}",
        "one_member": "1 lid",
        "members": "{n} leden",
        "alone": (
            "{name} heeft geen huishouden vastgelegd: de giftengrens geldt voor {name} alleen · {year}"
        ),
        "checking": "bezig…",
        "no_gifts": "geen giften in {year}",
        "check_running": "De controle loopt nog…",
        "gifts_total": "Giften aan het huishouden in {year}: {total}",
        "no_limit": (
            "Geen giftengrens: niemand in het huishouden heeft bijstand (of een uitkering die daarop "
            "lijkt), dus giften tellen niet als inkomen."
        ),
        "limit_unknown": (
            "Giftengrens {status}: voor deze gemeente en dit jaar is geen giftengrens vastgelegd."
        ),
        "limit": "Grens {limit} per huishouden per jaar · nog over {headroom}",
        "excess_counts_on": (
            "Het deel boven de grens ({excess}) telt één keer als inkomen: bij de uitkering van {who}."
        ),
        "would_count_on": "Gaan de giften over de grens, dan telt het deel erboven bij {who}.",
    },
    "payer_totals": {
        "title": "per betaler · {year}",
        "no_payer": "geen betaler vermeld",
        "not_recorded": "niet vastgelegd",
        "head": ("{year}: {named} betalers, waarvan {recorded} vastgelegd (b). Betaald en gepland samen."),
        "none_yet": "Nog geen betalers of betalingen.",
        "per_month": "Per maand: {payer}",
    },
    "sheet_import": {
        "columns_ignored": "{sheet}: kolommen genegeerd (niet bekend): {columns}",
        "typo_column": "onbekende kolom (een tikfout voor {known}?)",
        "kind_missing": (
            "de kolom soort ontbreekt: kies één soort voor het hele bestand "
            "(--soort, bijvoorbeeld --soort vrijwilligersvergoeding)"
        ),
        "kind_empty": "verplicht (of kies één soort voor het hele bestand met --soort)",
        "status_missing": (
            "de kolom status ontbreekt: kies betaald of gepland voor het hele bestand (--status)"
        ),
        "status_empty": "leeg: schrijf betaald of gepland (of kies er één voor het hele bestand: --status)",
        "status_unknown": "schrijf betaald of gepland",
        "who_missing": "deze kolom ontbreekt (of een kolom naam om bewoners op naam te vinden)",
        "no_match": "geen bewoner {name} gevonden",
        "no_match_born": "geen bewoner {name} geboren op {born} gevonden",
        "ambiguous": "{count} bewoners heten {name}: voeg een kolom referentie of geboortedatum toe",
        "kind_for_file": "soort voor het hele bestand: {kind}",
        "status_for_file": "status voor het hele bestand: {status}",
        "preview_head": "na inlezen:",
        "preview_unsafe": "na inlezen worden {count} bewoners niet veilig",
        "preview_unknown": "na inlezen worden {count} bewoners onbekend",
        "preview_same": "na inlezen verandert de status van geen enkele bewoner",
        "preview_line": "  {name}, {year}: {before} → {after}",
    },
}
