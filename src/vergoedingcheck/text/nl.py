"""Dutch words (the project's first language). Keys must match `en.py` (tests/test_text.py)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "status": {"safe": "veilig", "unsafe": "niet veilig", "unknown": "onbekend"},
    "outcome": {"fail": "fout", "unknown": "onbekend", "warning": "let op", "info": "info", "ok": "ok"},
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
}
