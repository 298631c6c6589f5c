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
