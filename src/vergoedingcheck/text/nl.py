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
    "worklist_section": {
        "over": "Gepland en over een grens",
        "past_planned": "Gepland in het verleden, nog niet betaald",
        "unknown": "Onbekend: wat vastleggen",
        "ww": "WW: toestemming van UWV",
        "age": "Wordt binnenkort 27 of 21, of bereikt de AOW-leeftijd",
        "room": "Kan deze maand nog krijgen",
    },
    "worklist": {
        "banner_pending": (
            "De bedragen voor {next_year} zijn nog niet vastgesteld; voorlopig gerekend met die van {year}."
        ),
        "banner_absent": "Voor {next_year} staan nog geen bedragen in de regels.",
        "past_planned": (
            "{date}: {amount} staat nog als gepland. Betaald? Zet het op betaald; niet betaald? "
            "Verplaats of verwijder het."
        ),
        "over": "{date}: {amount} gepland; {status} in die maand (ruimte {headroom}).",
        "something_missing": "een feit of bedrag ontbreekt",
        "ww_refused": "UWV gaf geen toestemming: elke vergoeding is niet veilig.",
        "ww_not_recorded": "Toestemming van UWV is niet vastgelegd. Vraag die vóór het werk begint.",
        "why_hourly_norm_age": "het hogere uurbedrag geldt dan",
        "why_min_age": "vanaf dan kan een vergoeding vrijgelaten worden",
        "turns": "wordt {age} op {date}: {why}.",
        "aow_age": (
            "bereikt op {date} de AOW-leeftijd ({age}): een uitkering van gemeente of UWV stopt dan; "
            "vanaf dan is de SVB het loket (AOW, eventueel AIO)."
        ),
        "years": "{years} jaar",
        "years_month": "{years} jaar en {months} maand",
        "years_months": "{years} jaar en {months} maanden",
        "room": "{amount} deze maand (nog {remaining} dit jaar).",
    },
    "command_help": {
        "check": "controleer een casusbestand (check a case file)",
        "rules": "de regels (bedragen per jaar) controleren en bijwerken",
        "demo": "vul een database met voorbeeldbewoners (verzonnen personen)",
        "app": "open de app voor de coördinator (standaard)",
        "letters": "maak brieven als PDF (make letters)",
        "transfer": "importeer of exporteer bewoners en betalingen (YAML, JSON, CSV, XLSX)",
        "history": "laat zien wie wat wanneer wijzigde bij een bewoner (history)",
        "privacy": "inzage, wissen en bewaartermijn van bewonersgegevens (AVG)",
        "backup": "maak een back-up van de database (SQLite)",
        "restore": "zet een back-up terug (SQLite)",
        "teams": "teams: welke coördinator welke bewoners ziet (PostgreSQL)",
    },
    "cli": {
        "description": (
            "Vrijwilligersvergoedingen zonder risico voor de uitkering. Zonder opdracht opent de app "
            "voor de coördinator."
        ),
        "global_db_help": (
            "de database voor de opdracht (mag ook na de opdracht; standaard VERGOEDINGCHECK_DB of de "
            "gegevensmap)"
        ),
        "db_not_for_command": "--db hoort niet bij '{command}': deze opdracht gebruikt geen database",
        "two_databases": "twee databases gegeven: --db {first} en --db {second}; kies er één",
        "internal_error": (
            "vergoedingcheck: interne fout: {type}{where} (VERGOEDINGCHECK_DEBUG=1 toont details; deel "
            "die niet buiten de organisatie)"
        ),
    },
    "cmd_common": {
        "db_help": "de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap)",
        "db_help_user": "de database (standaard: VERGOEDINGCHECK_DB of de gegevensmap van de gebruiker)",
    },
    "cmd_app": {
        "description": "Opent de app: bewoners, betalingen, wat-als, regels, import en export.",
        "demo_help": "open de demo: een eigen database met voorbeeldbewoners, nooit uw echte database",
        "demo_if_empty_help": "vul een nieuwe of lege database eerst met voorbeeldbewoners",
        "create_help": "maak de database als hij nog niet bestaat (anders is een onbekend --db-pad een fout)",
        "rules_help": "een andere regelmap (voor regelbeheerders)",
        "demo_with_db": "--demo heeft een eigen database; geef er geen --db bij",
        "demo_title": "vergoedingcheck · DEMO met verzonnen bewoners",
    },
    "cmd_backup": {
        "description": (
            "Maakt een back-up terwijl de app open mag blijven: een bestand met datum en tijd in de "
            "naam, alleen leesbaar voor u. Zonder DOEL: de map backups naast de database. Voor "
            "PostgreSQL: pg_dump (zie README)."
        ),
        "dest_help": "een bestand of een map",
        "done": "back-up: {target}",
    },
    "cmd_restore": {
        "description": (
            "Zet een back-up terug als de database. Een database met gegevens wordt alleen "
            "vervangen met --force, en dan eerst zelf als back-up bewaard. Voor PostgreSQL: "
            "pg_restore."
        ),
        "force_help": "vervang een database die al gegevens heeft",
        "saved": "de vorige database is bewaard als {saved}",
        "done": "teruggezet: {path}",
    },
    "cmd_demo": {
        "description": (
            "Vult de database met ongeveer veertig verzonnen bewoners en hun betalingen in 2025 en "
            "2026: veilig, dicht bij een grens en erover. Twee keer draaien voegt niets dubbel toe."
        ),
        "done": "{path}: {added} bewoners toegevoegd, {updated} bijgewerkt, {payments} betalingen toegevoegd",
        "skipped": ", {skipped} al aanwezig",
    },
    "cmd_history": {
        "description": (
            "Alle vastgelegde wijzigingen van een bewoner, zijn uitkeringen, betalingen en brieven: "
            "wie (databaserol, of gebruiker op deze computer bij SQLite), wanneer (UTC), wat ervoor "
            "en erna. Het logboek kan niet via de app worden gewijzigd."
        ),
        "resident_help": "de referentie van de bewoner",
        "json_help": "als JSON (één object per wijziging)",
        "nothing": "vergoedingcheck: over bewoner {resident} is niets vastgelegd",
    },
    "cmd_privacy": {
        "description": (
            "De rechten van de bewoner (AVG): inzage (art. 15), wissen (art. 17) en de "
            "bewaartermijn (standaard 7 jaar, de fiscale bewaarplicht)."
        ),
        "export_help": "alles over één bewoner (inzage, art. 15)",
        "out_help": "de map voor de inzage (standaard: inzage-BEWONER-DATUM)",
        "erase_help": "wis één bewoner overal, ook brieven en logboek (art. 17)",
        "yes_help": "echt wissen (anders alleen tonen)",
        "due_help": "bewoners die langer dan de bewaartermijn niet actief zijn",
        "years_help": "bewaartermijn in jaren (standaard 7 of VERGOEDINGCHECK_RETENTION_YEARS)",
        "exported": (
            "{out}: casusbestand.yaml ({payments} betalingen), brieven.json ({letters} brieven), "
            "geschiedenis.json ({history} wijzigingen)"
        ),
        "would_erase": (
            "bewoner {resident}: {payments} betalingen, {letters} brieven, {history} regels in het "
            "logboek; wis met --yes (dit kan niet ongedaan worden gemaakt)"
        ),
        "erased": (
            "bewoner {resident} gewist: {payments} betalingen, {letters} brieven, {scrubbed} "
            "overzichten ontdaan van de bewoner, {audit} logboekregels zonder persoonsgegevens, "
            "{files} PDF's verwijderd"
        ),
        "remove_failed": "vergoedingcheck: kon {file} niet verwijderen: verwijder het zelf",
        "last_active": "laatst actief {day}",
        "due_count": "{n} bewoner(s) langer dan {years} jaar niet actief",
    },
    "cmd_check": {
        "not_a_date": (
            "{text} is geen bestaande datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-12-01 (not an "
            "existing date; write YYYY-MM-DD)"
        ),
        "description": (
            "Controleer de betalingen in een casusbestand (YAML of JSON) tegen de regels. Exitcode "
            "0: alles veilig; 1: iets is niet veilig of onbekend; 2: foute invoer."
        ),
        "file_help": "casusbestand (spec/case-files.md)",
        "format_help": "json: het contract voor andere programma's; table: leesbaar rapport",
        "indent_help": "json met inspringing, voor mensen (standaard compact: kleiner en sneller)",
        "findings_help": "json: all (standaard) of problems: zonder 'ok'-bevindingen en lege maanden",
        "jobs_help": (
            "controleer met N processen tegelijk (standaard: het aantal kernen); de uitvoer is "
            "dezelfde als met --jobs 1"
        ),
        "rules_help": "een andere regelmap (standaard: de meegeleverde)",
        "option_help": (
            "zet een regeloptie aan uit rules/opties/ (een andere lezing waar bronnen verschillen)"
        ),
        "year_help": "toon alleen dit jaar (alleen bij --format table)",
        "lang_help": "taal van het rapport en van de zinnen (`message`) in de json",
        "as_of_help": "de datum waarvoor `headroom_remaining` geldt (JJJJ-MM-DD; standaard vandaag)",
        "jobs_not_a_number": "{text} is geen aantal processen (not a number of processes)",
        "jobs_at_least_one": "minstens 1 proces (at least 1 process)",
    },
    "cmd_rules": {
        "not_a_date": "{text} is geen datum (JJJJ-MM-DD)",
        "not_a_year": "{text} is geen jaartal",
        "year_out_of_range": "{text} is geen jaartal tussen 2000 en 2100",
        "option_help": "zet een regeloptie uit rules/opties/ aan (mag vaker)",
        "description": (
            "Hulpmiddelen voor wie de regels in rules/ bijhoudt: controleren, bekijken, "
            "vergelijken, gevolgen voor bewoners, scenario's testen en een nieuw jaar voorbereiden. "
            "Exitcode 0: in orde; 1: de controle vond iets (fouten, verschillen, mislukte "
            "scenario's, nog in te vullen bedragen); 2: foute invoer."
        ),
        "validate_help": "controleer alle regelbestanden",
        "validate_description": (
            "Laad de regelmap en toon elk probleem als bestand:regel: veld: melding, waarschuwingen "
            "ook (bijvoorbeeld een controle die meer dan een jaar oud is). Exitcode 0: geen fouten "
            "(waarschuwingen mogen); 1: fouten in de regels; 2: de map bestaat niet."
        ),
        "show_help": "toon de bedragen die gelden (of de geschiedenis van één regel)",
        "show_description": (
            "Zonder REGEL: elke regel die op DATUM geldt, met wettelijke basis, bron en datum van "
            "controle. Met REGEL (bijvoorbeeld tax.volunteer.month_cap): de hele geschiedenis, met "
            "gemeentelijke afwijkingen, aangekondigde (pending) waarden en einddata."
        ),
        "figure_help": "de id van één regel",
        "on_help": "peildatum JJJJ-MM-DD (standaard: vandaag)",
        "municipality_help": "toon wat in deze gemeente geldt (met gemeentelijke afwijkingen)",
        "diff_help": "welke bedragen veranderen (tussen twee data of twee regelmappen)",
        "diff_description": (
            "Met --from en --to: welke regels op de tweede datum anders zijn dan op de eerste, van "
            "wat naar wat, met bronnen. Met OUDE_MAP NIEUWE_MAP: waar twee regelmappen verschillen "
            "(bedragen, ingangsdata, bronnen). Exitcode 0: geen verschillen; 1: verschillen."
        ),
        "from_help": "eerste datum",
        "to_help": "tweede datum",
        "diff_rules_help": "regelmap bij --from/--to (standaard: de meegeleverde)",
        "impact_help": "voor welke bewoners verandert de uitkomst met nieuwe regels",
        "impact_description": (
            "Controleer elke bewoner met de huidige en met de voorgestelde regels en toon wie een "
            "andere uitkomst krijgt: status, meetellend bedrag of ruimte. Bewoners en betalingen "
            "komen uit een casusbestand of de database. Exitcode 0: niemand verandert; 1: er "
            "veranderen uitkomsten."
        ),
        "new_dir_help": "de voorgestelde regelmap",
        "casefile_help": "casusbestand (YAML of JSON)",
        "db_help": "de database van de coördinator (SQLite)",
        "old_rules_help": "de huidige regelmap (standaard: de meegeleverde)",
        "test_help": "draai alle scenario's in rules/cases",
        "test_description": (
            "Draai elk scenario (DIR/cases/*.yaml) door de rekenregels en vergelijk met de "
            "verwachte uitkomst. Elke afwijking met bestand, naam en verschil; als laatste regel 'N "
            "passed, M failed'. Exitcode 0: alles klopt; 1: een scenario faalt."
        ),
        "cases_help": "map met scenario's (standaard: DIR/cases)",
        "verbose_help": "toon ook de geslaagde scenario's",
        "new_year_help": "wat moet er voor een nieuw jaar ingevuld worden",
        "new_year_description": (
            "Toon elke regel zonder bevestigde waarde op 1 januari van JAAR (geen waarde, of nog "
            "'pending') en schrijf per regel een ontwerp-item om in te vullen: value: TODO, "
            "wettelijke basis en bron overgenomen van het vorige item met CONTROLEER erbij, "
            "verified_on leeg. Nooit een geschat bedrag. Het ontwerp gaat naar --out (standaard het "
            "scherm), nooit direct in rules/. Exitcode 0: alles is al ingevuld; 1: er is iets in te "
            "vullen."
        ),
        "out_help": "schrijf het ontwerp naar dit bestand (niet in rules/)",
        "rules_help": "regelmap (standaard: de meegeleverde)",
        "rules_twice": "geef de regelmap één keer: --rules DIR (of als laatste argument)",
        "no_rules_dir": "de regelmap {root} bestaat niet",
        "unknown_option": "onbekende regeloptie {options} (zie rules/opties/)",
        "validated": "{root}: {errors} fout(en), {warnings} waarschuwing(en)",
        "where_municipality": ", gemeente {municipality}",
        "where_overlay": " ({name})",
        "where_national": " (geen gemeentelijke afwijkingen: landelijk)",
        "rules_on": "Regels op {day}{where}  (regelmap {directory})",
        "since": " (vanaf {day})",
        "mark_municipal": "  [gemeentelijk: {name}]",
        "mark_option": "  [optie: {option}]",
        "options_head": "Regelopties (rules/opties/; aanzetten met --option ID):",
        "option_on": " [aan]",
        "never": "nooit",
        "last_verified": "Laatst gecontroleerd: {last}; oudste controle van een geldende waarde: {oldest}",
        "did_you_mean": "; bedoelt u {close}?",
        "show_all_hint": "; `rules show` toont alle regels",
        "no_such_rule": "regel {fid} bestaat niet{hint}",
        "unit": "  ({title_en}; eenheid: {unit}",
        "choices": "; keuzes: {choices}",
        "decision": "  Besluit: {text}",
        "on_day": "  Op {day}{today}: {text}",
        "today": " (vandaag)",
        "national": "  Landelijk:",
        "overlay_head": "  {name} (rules/gemeenten/{oid}.yaml; geldt voor {municipalities}):",
        "on": "aan",
        "off": "uit; aanzetten met --option",
        "option_head": "  Regeloptie {oid} ({on}): {name} (rules/opties/{oid}.yaml):",
        "diff_usage": (
            "gebruik `rules diff OUDE_MAP NIEUWE_MAP` of `rules diff --from DATUM --to DATUM [--dir MAP]`"
        ),
        "diff_dirs": "Verschillen tussen {old} (oud) en {new} (nieuw)",
        "diff_need_dates": "geef --from en --to (of twee regelmappen)",
        "diff_dates": "Wijzigingen tussen {first} en {second}  (regelmap {directory})",
        "changes": "{n} wijziging(en)",
        "no_changes": "Geen wijzigingen.",
        "casefile_or_db": "geef een casusbestand óf --db, niet allebei",
        "impact_head": (
            "Gevolgen van {new} (nieuw) ten opzichte van {old} (huidig) voor {n} bewoner(s) uit {origin}"
        ),
        "unchanged": "{status} (ongewijzigd)",
        "impact_count": "{n} bewoner(s) met een andere uitkomst",
        "impact_none": "Voor niemand verandert de uitkomst.",
        "no_database": "de database {path} bestaat niet (geef --db PAD of een casusbestand)",
        "no_cases_dir": "de map met scenario's {directory} bestaat niet",
        "case_ok": "ok    {file}: {name}",
        "case_failed": "FOUT  {file}: {name}",
        "no_cases": "geen scenario's gevonden in {directory}",
        "cases_summary": "{passed} passed, {failed} failed",
        "new_year_count": "{n} regel(s) zonder bevestigde waarde op {day}:",
        "new_year_none": "Alle regels hebben een bevestigde waarde op {day}.",
        "draft_in_rules": (
            "schrijf het ontwerp niet in de regelmap ({directory}); kies een ander --out en neem de "
            "items over na controle"
        ),
        "cannot_write": "kan {target} niet schrijven: {error}",
        "draft_written": "Ontwerp geschreven naar {target}",
    },
    "organisation": {
        "title": "Uw organisatie",
        "intro": (
            "De brieven aan bewoners en instanties dragen de gegevens van uw organisatie. "
            "Vul ze één keer in; ze worden bewaard in {path} (alleen voor u leesbaar)."
        ),
        "name": "Naam",
        "address": "Adres",
        "address_hint": "bijvoorbeeld Lindelaan 12, 4461 AB Goes",
        "phone": "Telefoon",
        "email": "E-mail",
        "anbi_sbbi": "ANBI/SBBI",
        "anbi_unknown": "niet opgegeven",
        "later": "Later (esc)",
        "save": "Opslaan (ctrl+s)",
        "required": "verplicht",
        "bad_email": "geen e-mailadres (er ontbreekt een @ of een punt na de @)",
        "saved": "De gegevens van uw organisatie zijn bewaard in {path}.",
        "skipped": (
            "Zonder de gegevens van uw organisatie maakt de app geen brieven; hij vraagt ernaar "
            "bij de volgende start."
        ),
        "not_saved": "Niet opgeslagen.",
    },
    "trash": {
        "title": "prullenbak",
        "intro": (
            "Wat is verwijderd, de laatste {years} jaar (de bewaartermijn). Enter zet het terug, "
            "precies zoals het was; een bewoner komt terug met zijn uitkeringen en betalingen."
        ),
        "empty": "De prullenbak is leeg.",
        "when": "Verwijderd",
        "what": "Wat",
        "who": "Bewoner",
        "detail": "Details",
        "resident": "bewoner",
        "payment": "betaling",
        "with_payments": "met {n} betalingen",
        "restored": "Teruggezet: {what} van {who}.",
        "undo": "terugzetten kan in de prullenbak (v)",
        "not_restored": "Niet teruggezet",
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
