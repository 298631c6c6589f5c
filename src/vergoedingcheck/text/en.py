"""English words. Keys must match `nl.py` (tests/test_text.py)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "status": {"safe": "safe", "unsafe": "unsafe", "unknown": "unknown"},
    "outcome": {"fail": "fail", "unknown": "unknown", "warning": "warning", "info": "info", "ok": "ok"},
    "sort": {"name": "name", "room": "room left", "status": "status"},
    "payment_status": {"paid": "paid", "planned": "planned"},
    "kind": {
        "vrijwilligersvergoeding": "volunteer",
        "onkostenvergoeding": "costs",
        "gift": "gift",
        "loon": "wages",
    },
    "regime": {"tax": "tax", "gifts": "gifts"},
    "benefit": {
        "bijstand": "social assistance (bijstand)",
        "ioaw": "IOAW",
        "ioaz": "IOAZ",
        "aio": "AIO",
        "ww": "WW",
        "zw": "Sickness Benefits Act (Ziektewet)",
        "wia": "WIA",
        "wao": "WAO",
        "wajong": "Wajong",
        "aow": "AOW",
        "toeslagen": "allowances (toeslagen)",
    },
    "action": {
        "report_to_municipality": "Report the allowance to the municipality.",
        "report_to_svb": "Report the allowance to the SVB.",
        "report_to_uwv": "Report the allowance to UWV.",
        "ask_uwv_permission": "Ask UWV for permission before the volunteer work.",
        "report_to_toeslagen": "Report the higher income to Dienst Toeslagen.",
        "declare_income_tax": "The amount is taxable: the payer withholds tax or the resident declares it.",
        "keep_receipts": "Keep the receipts for the costs.",
    },
    "action_short": {
        "report_to_municipality": "report to the municipality",
        "report_to_svb": "report to the SVB",
        "report_to_uwv": "report to UWV",
        "ask_uwv_permission": "ask UWV for permission",
        "report_to_toeslagen": "report to Dienst Toeslagen",
        "declare_income_tax": "declare for income tax",
        "keep_receipts": "keep the receipts",
    },
    "report": {
        "resident": "Resident",
        "year": "Year",
        "status": "Status",
        "tax": "Tax",
        "counted": "counted",
        "taxable": "taxable",
        "benefit": "Benefit",
        "countable": "countable",
        "headroom": "headroom",
        "month": "Month",
        "paid": "paid",
        "gifts": "Gifts",
        "findings": "Findings",
        "actions": "To do",
        "rules": "Rules",
        "none": "no benefit",
        "limit": "limit",
        "overall": "Overall",
    },
    "finding": {
        "tax.month_within_cap": "{period}: {value} counts, within the monthly cap of {limit}.",
        "tax.month_over_cap": (
            "{period}: {value} is over the monthly cap of {limit}. The volunteer scheme then does not "
            "apply for this whole year."
        ),
        "tax.year_within_cap": "{period}: {value} in the year, within the yearly cap of {limit}.",
        "tax.year_over_cap": (
            "{period}: {value} in the year is over the yearly cap of {limit}. The volunteer scheme then "
            "does not apply for this whole year."
        ),
        "tax.whole_amount_taxable": (
            "The whole amount of {taxable} is taxable, not only the part above the cap."
        ),
        "tax.whole_amount_taxable_costs": (
            "The whole amount of {taxable} is taxable, not only the part above the cap. Proven costs "
            "({proven_costs}) stay untaxed."
        ),
        "tax.hourly_over_norm": (
            "{period}: {value} per hour is above the norm of {limit} per hour. {payer} can show that this"
            " is not a market rate, so it stays a volunteer allowance. Keep that explanation."
        ),
        "tax.hourly_over_norm_unknown": (
            "{period}: {value} per hour is above the norm of {limit} per hour. It is then only a "
            "volunteer allowance if {payer} can show that this is not a market rate. Record whether the "
            "payer can (under Payers: 'not a market rate'); until then the tax outcome is unknown."
        ),
        "tax.wages_taxable": "Wages ({value}) are taxed as wages; they are not a volunteer allowance.",
        "figure.missing": "There is no rule yet for ‘{title}’ on {date}: {why}.",
        "fact.missing_birth_date": "The birth date is missing, so the age rules cannot be applied.",
        "pw.month_within_cap": "{period}: {value} is within the disregard of {limit} a month.",
        "pw.month_over_cap": (
            "{period}: {value} is over the disregard of {limit} a month. That month's allowance counts as"
            " income."
        ),
        "pw.year_within_cap": "{period}: {value} in the year is within the yearly disregard of {limit}.",
        "pw.year_over_cap": (
            "{period}: {value} in the year is over the yearly disregard of {limit}. The whole year's "
            "allowance counts as income."
        ),
        "pw.under_min_age": (
            "{period}: under {limit} ({age}). On bijstand a fixed allowance then counts as income in full"
            " ({amount}). Only proven costs do not count."
        ),
        "pw.temporary_young_disregard": (
            "{period}: the temporary disregard for people under 27 (1 November 2020 to 1 July 2021) "
            "applies to this payment."
        ),
        "pw.year_breach_excess_only": "This municipality counts only the part above the yearly disregard.",
        "pw.hourly_norm_hard": (
            "{period}: {value} per hour is over {limit}. {policy_by} makes this a condition: this "
            "allowance ({amount}) counts as income."
        ),
        "pw.wages_countable": (
            "Wages ({value}) count as income. The municipality decides on any earnings disregard."
        ),
        "gifts.within_limit": "Gifts to the household: {value}, within the limit of {limit} a year.",
        "gifts.over_limit": (
            "Gifts to the household: {value}, over the limit of {limit}. The part above it ({excess}) "
            "counts as income."
        ),
        "gifts.over_limit_counted_on_other": (
            "Gifts to the household: {value}, over the limit of {limit}. The part above it ({excess}) "
            "counts once as the household's income: on the benefit of {counted_on!s}."
        ),
        "gifts.policy_unknown": (
            "Before 2026 the municipality decides on gifts, and no gift policy is recorded for this "
            "municipality."
        ),
        "uwv.month_within_cap": "{period}: {value} is within {limit} a month; UWV deducts nothing.",
        "uwv.month_over_cap": (
            "{period}: {value} is over {limit} a month. UWV offsets that month's whole allowance."
        ),
        "uwv.year_within_cap": "{period}: {value} in the year is within {limit}.",
        "uwv.year_over_cap": (
            "{period}: {value} in the year is over {limit}. UWV offsets the whole year's allowance."
        ),
        "uwv.wages_countable": "Wages ({value}) are income; UWV offsets them under its own rules.",
        "ww.month_within_cap": "{period}: {value} is within {limit} a month; the WW does not change.",
        "ww.month_over_cap": "{period}: {value} is over {limit} a month. UWV treats this as paid work.",
        "ww.year_within_cap": "{period}: {value} in the year is within {limit}.",
        "ww.year_over_cap": "{period}: {value} in the year is over {limit}. UWV treats this as paid work.",
        "ww.hourly_norm_hard": (
            "{period}: {value} per hour is over {limit}. Until 2019 that was no longer unpaid work for "
            "the WW: UWV treats it as paid work."
        ),
        "uwv.hourly_norm_hard": (
            "{period}: {value} per hour is over {limit}. In 2017 and 2018 UWV treated that as paid work: "
            "the whole allowance ({amount}) is offset against the benefit."
        ),
        "ww.permission_given": "UWV has given permission for the volunteer work.",
        "ww.permission_refused": (
            "UWV has not given permission for this volunteer work. The WW benefit is at risk."
        ),
        "ww.permission_unknown": (
            "It is not known whether UWV gave permission. Ask for it before the work starts."
        ),
        "ww.fictitious_wage": "UWV deducts a fictitious wage: {hours} hours × {hourly_wage} = {value}.",
        "ww.fictitious_wage_unknown": (
            "Over the caps UWV deducts a fictitious wage (hours × WW hourly wage). The amount is unknown:"
            " {missing} is missing."
        ),
        "aow.not_means_tested": "The AOW does not depend on income; the allowance does not affect it.",
        "toeslagen.no_effect": "Within the caps the allowance is untaxed and does not affect toeslagen.",
        "toeslagen.income_raised": (
            "The taxable amount ({value}) raises the assessment income; toeslagen may go down. Report it "
            "to Dienst Toeslagen."
        ),
        "payer.commercial_is_wages": (
            "{payer} is a commercial organisation and cannot pay a volunteer allowance. The allowance "
            "({value}) therefore counts as wages, for tax and for the benefit."
        ),
        "payer.assumed": (
            "Assumed that the payer may pay volunteer allowances (an ANBI, SBBI, sports organisation or "
            "an organisation not subject to corporate tax): {who}. If that is not right, add the payer to"
            " the list of payers."
        ),
        "payer.wages_and_allowance": (
            "{payer} also pays wages this year. A volunteer is not an employee of the organisation that "
            "pays the allowance, so it is unknown whether the allowance ({value}) is not disguised pay. "
            "Record that the allowance is for other, unpaid work; the organisation and the office judge "
            "that."
        ),
        "toeslagen.partner_income_raised": (
            "Toeslagen are based on the household's income: the taxable amount of {partner!s} ({value}) "
            "raises the assessment income too. Report it to Dienst Toeslagen."
        ),
        "toeslagen.partner_unknown": (
            "Unknown: the taxable amount of {partner!s} (same household) is not known, and toeslagen are "
            "based on the household's income."
        ),
        "benefit.unknown_type": (
            "Unknown: vergoedingcheck does not know benefit type {type!s} (known: {known})."
        ),
    },
    "figure_why": {
        "pending": "the amount is announced but not yet confirmed",
        "before": "its first value applies from {boundary}",
        "ended": "the rule no longer applies since {boundary}",
        "absent": "it is not in the rules",
    },
    "explain": {
        "the_payer": "the payer",
        "policy_by_body": "{by}, which pays {municipality}'s bijstand,",
        "policy_by_municipality": "The municipality of {municipality}",
        "without_payer": "{n} payment(s) without a payer",
        "and": "and",
    },
    "household": {
        "title": "household {household} · {year}",
        "head": "Household {household} · {members} · {year}",
        "one_member": "1 member",
        "members": "{n} members",
        "alone": "{name} has no household recorded: the gift limit applies to {name} alone · {year}",
        "checking": "checking…",
        "no_gifts": "no gifts in {year}",
        "check_running": "The check is still running…",
        "gifts_total": "Gifts to the household in {year}: {total}",
        "no_limit": (
            "No gift limit: nobody in the household is on bijstand (or a benefit like it), so gifts do "
            "not count as income."
        ),
        "limit_unknown": "Gift limit {status}: no gift limit is recorded for this municipality and year.",
        "limit": "Limit {limit} per household per year · {headroom} left",
        "excess_counts_on": (
            "The part above the limit ({excess}) counts once as income: on the benefit of {who}."
        ),
        "would_count_on": "If the gifts go over the limit, the part above it counts on {who}.",
    },
    "payer_totals": {
        "title": "per payer · {year}",
        "no_payer": "no payer given",
        "not_recorded": "not recorded",
        "head": "{year}: {named} payers, {recorded} of them recorded (b). Paid and planned together.",
        "none_yet": "No payers or payments yet.",
        "per_month": "Per month: {payer}",
    },
    "worklist_section": {
        "over": "Planned and over a limit",
        "past_planned": "Planned in the past, not yet paid",
        "unknown": "Unknown: what to record",
        "ww": "WW: UWV's permission",
        "age": "Soon turns 27 or 21, or reaches AOW age",
        "room": "Can still receive this month",
    },
    "worklist": {
        "banner_pending": (
            "The amounts for {next_year} are not confirmed yet; provisionally calculated with those of "
            "{year}."
        ),
        "banner_absent": "The rules have no amounts for {next_year} yet.",
        "past_planned": (
            "{date}: {amount} is still planned. Paid? Mark it paid; not paid? Move or delete it."
        ),
        "over": "{date}: {amount} planned; {status} in that month (room {headroom}).",
        "something_missing": "a fact or amount is missing",
        "ww_refused": "UWV gave no permission: every allowance is unsafe.",
        "ww_not_recorded": "UWV's permission is not recorded. Ask for it before the work starts.",
        "why_hourly_norm_age": "the higher hourly amount applies from then",
        "why_min_age": "from then an allowance can be disregarded",
        "turns": "turns {age} on {date}: {why}.",
        "aow_age": (
            "reaches AOW age ({age}) on {date}: a benefit from the municipality or UWV then stops; "
            "from then the SVB is the place to go (AOW, possibly AIO)."
        ),
        "years": "{years} years",
        "years_month": "{years} years and {months} month",
        "years_months": "{years} years and {months} months",
        "room": "{amount} this month ({remaining} left this year).",
    },
    "command_help": {
        "check": "check a case file",
        "rules": "check and update the rules (amounts per year)",
        "demo": "fill a database with example residents (invented people)",
        "app": "open the coordinator's app (default)",
        "letters": "make letters as PDF",
        "transfer": "import or export residents and payments (YAML, JSON, CSV, XLSX)",
        "history": "show who changed what when for a resident",
        "privacy": "access, erasure and retention of residents' data (GDPR)",
        "backup": "make a backup of the database (SQLite)",
        "restore": "restore a backup (SQLite)",
        "teams": "teams: which coordinator sees which residents (PostgreSQL)",
    },
    "cli": {
        "description": (
            "Volunteer allowances without risk for the benefit. Without a command the coordinator's "
            "app opens."
        ),
        "global_db_help": (
            "the database for the command (may also follow the command; default VERGOEDINGCHECK_DB or "
            "the data folder)"
        ),
        "db_not_for_command": "--db does not belong to '{command}': this command uses no database",
        "two_databases": "two databases given: --db {first} and --db {second}; choose one",
        "internal_error": (
            "vergoedingcheck: internal error: {type}{where} (VERGOEDINGCHECK_DEBUG=1 shows details; do "
            "not share them outside the organisation)"
        ),
    },
    "cmd_common": {
        "db_help": "the database (default: VERGOEDINGCHECK_DB or the data folder)",
        "db_help_user": "the database (default: VERGOEDINGCHECK_DB or the user's data folder)",
    },
    "cmd_app": {
        "description": "Opens the app: residents, payments, what-if, rules, import and export.",
        "demo_help": "open the demo: its own database with example residents, never your real database",
        "demo_if_empty_help": "fill a new or empty database with example residents first",
        "create_help": (
            "create the database if it does not exist yet (otherwise an unknown --db path is an error)"
        ),
        "rules_help": "another rules folder (for rule maintainers)",
        "demo_with_db": "--demo has its own database; do not give --db with it",
        "demo_title": "vergoedingcheck · DEMO with invented residents",
    },
    "cmd_backup": {
        "description": (
            "Makes a backup while the app may stay open: a file with date and time in its name, "
            "readable only by you. Without DOEL: the folder backups next to the database. For "
            "PostgreSQL: pg_dump (see README)."
        ),
        "dest_help": "a file or a folder",
        "done": "backup: {target}",
    },
    "cmd_restore": {
        "description": (
            "Puts a backup back as the database. A database with data is only replaced with "
            "--force, and then first kept as a backup itself. For PostgreSQL: pg_restore."
        ),
        "force_help": "replace a database that already has data",
        "saved": "the previous database is kept as {saved}",
        "done": "restored: {path}",
    },
    "cmd_demo": {
        "description": (
            "Fills the database with about forty invented residents and their payments in 2025 and "
            "2026: safe, close to a limit and over it. Running it twice adds nothing twice."
        ),
        "done": "{path}: {added} residents added, {updated} updated, {payments} payments added",
        "skipped": ", {skipped} already present",
    },
    "cmd_history": {
        "description": (
            "Every recorded change of a resident, their benefits, payments and letters: who "
            "(database role, or user on this computer with SQLite), when (UTC), what before and "
            "after. The log cannot be changed through the app."
        ),
        "resident_help": "the resident's reference",
        "json_help": "as JSON (one object per change)",
        "nothing": "vergoedingcheck: nothing is recorded about resident {resident}",
    },
    "cmd_privacy": {
        "description": (
            "The resident's rights (GDPR): access (art. 15), erasure (art. 17) and the retention "
            "period (default 7 years, the fiscal retention duty)."
        ),
        "export_help": "everything about one resident (access, art. 15)",
        "out_help": "the folder for the export (default: inzage-BEWONER-DATUM)",
        "erase_help": "erase one resident everywhere, letters and log too (art. 17)",
        "yes_help": "really erase (otherwise only show)",
        "due_help": "residents inactive for longer than the retention period",
        "years_help": "retention period in years (default 7 or VERGOEDINGCHECK_RETENTION_YEARS)",
        "exported": (
            "{out}: casusbestand.yaml ({payments} payments), brieven.json ({letters} letters), "
            "geschiedenis.json ({history} changes)"
        ),
        "would_erase": (
            "resident {resident}: {payments} payments, {letters} letters, {history} lines in the "
            "log; erase with --yes (this cannot be undone)"
        ),
        "erased": (
            "resident {resident} erased: {payments} payments, {letters} letters, {scrubbed} "
            "overviews cleared of the resident, {audit} log lines without personal data, {files} "
            "PDFs removed"
        ),
        "remove_failed": "vergoedingcheck: could not remove {file}: remove it yourself",
        "last_active": "last active {day}",
        "due_count": "{n} resident(s) inactive for longer than {years} years",
    },
    "cmd_check": {
        "not_a_date": "{text} is not an existing date; write YYYY-MM-DD, for example 2026-12-01",
        "description": (
            "Check the payments in a case file (YAML or JSON) against the rules. Exit code 0: all "
            "safe; 1: something is unsafe or unknown; 2: bad input."
        ),
        "file_help": "case file (spec/case-files.md)",
        "format_help": "json: the contract for other programs; table: a readable report",
        "indent_help": "json with indentation, for people (default compact: smaller and faster)",
        "findings_help": "json: all (default) or problems: without 'ok' findings and empty months",
        "jobs_help": (
            "check with N processes at once (default: the number of cores); the output is the same "
            "as with --jobs 1"
        ),
        "rules_help": "another rules folder (default: the bundled one)",
        "option_help": "switch on a rule option from rules/opties/ (another reading where sources differ)",
        "year_help": "show only this year (only with --format table)",
        "lang_help": "language of the report and of the sentences (`message`) in the json",
        "as_of_help": "the date `headroom_remaining` is for (YYYY-MM-DD; default today)",
        "jobs_not_a_number": "{text} is not a number of processes",
        "jobs_at_least_one": "at least 1 process",
    },
    "cmd_rules": {
        "not_a_date": "{text} is not a date (YYYY-MM-DD)",
        "not_a_year": "{text} is not a year",
        "year_out_of_range": "{text} is not a year between 2000 and 2100",
        "option_help": "switch on a rule option from rules/opties/ (may be repeated)",
        "description": (
            "Tools for whoever keeps the rules in rules/ up to date: check, show, compare, "
            "consequences for residents, test scenarios and prepare a new year. Exit code 0: in "
            "order; 1: the check found something (errors, differences, failed scenarios, amounts "
            "still to fill in); 2: bad input."
        ),
        "validate_help": "check every rules file",
        "validate_description": (
            "Load the rules folder and show every problem as file:line: field: message, warnings "
            "too (for example a check more than a year old). Exit code 0: no errors (warnings "
            "allowed); 1: errors in the rules; 2: the folder does not exist."
        ),
        "show_help": "show the amounts in force (or the history of one rule)",
        "show_description": (
            "Without REGEL: every rule in force on DATUM, with legal basis, source and date of "
            "checking. With REGEL (for example tax.volunteer.month_cap): the whole history, with "
            "municipal deviations, announced (pending) values and end dates."
        ),
        "figure_help": "the id of one rule",
        "on_help": "reference date YYYY-MM-DD (default: today)",
        "municipality_help": "show what applies in this municipality (with municipal deviations)",
        "diff_help": "which amounts change (between two dates or two rules folders)",
        "diff_description": (
            "With --from and --to: which rules differ on the second date from the first, from what "
            "to what, with sources. With OUDE_MAP NIEUWE_MAP: where two rules folders differ "
            "(amounts, start dates, sources). Exit code 0: no differences; 1: differences."
        ),
        "from_help": "first date",
        "to_help": "second date",
        "diff_rules_help": "rules folder with --from/--to (default: the bundled one)",
        "impact_help": "for which residents the outcome changes with new rules",
        "impact_description": (
            "Check every resident with the current and with the proposed rules and show who gets "
            "another outcome: status, counted amount or room. Residents and payments come from a "
            "case file or the database. Exit code 0: nobody changes; 1: outcomes change."
        ),
        "new_dir_help": "the proposed rules folder",
        "casefile_help": "case file (YAML or JSON)",
        "db_help": "the coordinator's database (SQLite)",
        "old_rules_help": "the current rules folder (default: the bundled one)",
        "test_help": "run every scenario in rules/cases",
        "test_description": (
            "Run every scenario (DIR/cases/*.yaml) through the calculation and compare with the "
            "expected outcome. Every difference with file, name and what differs; as the last line "
            "'N passed, M failed'. Exit code 0: all correct; 1: a scenario fails."
        ),
        "cases_help": "folder with scenarios (default: DIR/cases)",
        "verbose_help": "also show the scenarios that passed",
        "new_year_help": "what must be filled in for a new year",
        "new_year_description": (
            "Show every rule without a confirmed value on 1 January of JAAR (no value, or still "
            "'pending') and write per rule a draft item to fill in: value: TODO, legal basis and "
            "source copied from the previous item with CONTROLEER added, verified_on empty. Never "
            "an estimated amount. The draft goes to --out (default the screen), never straight into "
            "rules/. Exit code 0: everything is filled in already; 1: something is to be filled in."
        ),
        "out_help": "write the draft to this file (not in rules/)",
        "rules_help": "rules folder (default: the bundled one)",
        "rules_twice": "give the rules folder once: --rules DIR (or as the last argument)",
        "no_rules_dir": "the rules folder {root} does not exist",
        "unknown_option": "unknown rule option {options} (see rules/opties/)",
        "validated": "{root}: {errors} error(s), {warnings} warning(s)",
        "where_municipality": ", municipality {municipality}",
        "where_overlay": " ({name})",
        "where_national": " (no municipal deviations: national)",
        "rules_on": "Rules on {day}{where}  (rules folder {directory})",
        "since": " (from {day})",
        "mark_municipal": "  [municipal: {name}]",
        "mark_option": "  [option: {option}]",
        "options_head": "Rule options (rules/opties/; switch on with --option ID):",
        "option_on": " [on]",
        "never": "never",
        "last_verified": "Last checked: {last}; oldest check of a value in force: {oldest}",
        "did_you_mean": "; do you mean {close}?",
        "show_all_hint": "; `rules show` shows every rule",
        "no_such_rule": "rule {fid} does not exist{hint}",
        "unit": "  ({title_en}; unit: {unit}",
        "choices": "; choices: {choices}",
        "decision": "  Decision: {text}",
        "on_day": "  On {day}{today}: {text}",
        "today": " (today)",
        "national": "  National:",
        "overlay_head": "  {name} (rules/gemeenten/{oid}.yaml; applies to {municipalities}):",
        "on": "on",
        "off": "off; switch on with --option",
        "option_head": "  Rule option {oid} ({on}): {name} (rules/opties/{oid}.yaml):",
        "diff_usage": (
            "use `rules diff OUDE_MAP NIEUWE_MAP` or `rules diff --from DATUM --to DATUM [--dir MAP]`"
        ),
        "diff_dirs": "Differences between {old} (old) and {new} (new)",
        "diff_need_dates": "give --from and --to (or two rules folders)",
        "diff_dates": "Changes between {first} and {second}  (rules folder {directory})",
        "changes": "{n} change(s)",
        "no_changes": "No changes.",
        "casefile_or_db": "give a case file or --db, not both",
        "impact_head": (
            "Consequences of {new} (new) compared with {old} (current) for {n} resident(s) from {origin}"
        ),
        "unchanged": "{status} (unchanged)",
        "impact_count": "{n} resident(s) with another outcome",
        "impact_none": "The outcome changes for nobody.",
        "no_database": "the database {path} does not exist (give --db PAD or a case file)",
        "no_cases_dir": "the scenario folder {directory} does not exist",
        "case_ok": "ok    {file}: {name}",
        "case_failed": "FAIL  {file}: {name}",
        "no_cases": "no scenarios found in {directory}",
        "cases_summary": "{passed} passed, {failed} failed",
        "new_year_count": "{n} rule(s) without a confirmed value on {day}:",
        "new_year_none": "Every rule has a confirmed value on {day}.",
        "draft_in_rules": (
            "do not write the draft into the rules folder ({directory}); choose another --out and "
            "copy the items after checking"
        ),
        "cannot_write": "cannot write {target}: {error}",
        "draft_written": "Draft written to {target}",
    },
    "organisation": {
        "title": "Your organisation",
        "intro": (
            "Letters to residents and offices carry your organisation's details. "
            "Fill them in once; they are kept in {path} (readable only by you)."
        ),
        "name": "Name",
        "address": "Address",
        "address_hint": "for example Lindelaan 12, 4461 AB Goes",
        "phone": "Phone",
        "email": "E-mail",
        "anbi_sbbi": "ANBI/SBBI",
        "anbi_unknown": "not given",
        "later": "Later (esc)",
        "save": "Save (ctrl+s)",
        "required": "required",
        "bad_email": "not an e-mail address (an @ or a dot after the @ is missing)",
        "saved": "Your organisation's details are kept in {path}.",
        "skipped": (
            "Without your organisation's details the app makes no letters; it asks again at the next start."
        ),
        "not_saved": "Not saved.",
    },
    "trash": {
        "title": "trash",
        "intro": (
            "What was deleted in the last {years} years (the retention period). Enter puts it back "
            "exactly as it was; a resident comes back with their benefits and payments."
        ),
        "empty": "The trash is empty.",
        "when": "Deleted",
        "what": "What",
        "who": "Resident",
        "detail": "Details",
        "resident": "resident",
        "payment": "payment",
        "with_payments": "with {n} payments",
        "restored": "Put back: {what} of {who}.",
        "undo": "you can put it back from the trash (v)",
        "not_restored": "Not put back",
    },
    "sheet_import": {
        "columns_ignored": "{sheet}: columns ignored (not known): {columns}",
        "typo_column": "unknown column (a typo for {known}?)",
        "kind_missing": (
            "the column soort is missing: choose one kind for the whole file "
            "(--soort, for example --soort vrijwilligersvergoeding)"
        ),
        "kind_empty": "required (or choose one kind for the whole file with --soort)",
        "status_missing": (
            "the column status is missing: choose paid or planned for the whole file (--status)"
        ),
        "status_empty": "empty: write betaald or gepland (or choose one for the whole file with --status)",
        "status_unknown": "write betaald or gepland",
        "who_missing": "this column is missing (or a column naam to find residents by name)",
        "no_match": "no resident {name} found",
        "no_match_born": "no resident {name} born on {born} found",
        "ambiguous": "{count} residents are called {name}: add a column referentie or geboortedatum",
        "kind_for_file": "kind for the whole file: {kind}",
        "status_for_file": "status for the whole file: {status}",
        "preview_head": "after the import:",
        "preview_unsafe": "after the import {count} residents become not safe",
        "preview_unknown": "after the import {count} residents become unknown",
        "preview_same": "after the import no resident's status changes",
        "preview_line": "  {name}, {year}: {before} → {after}",
    },
}
