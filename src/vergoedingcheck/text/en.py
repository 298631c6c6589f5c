"""English words. Keys must match `nl.py` (tests/test_text.py)."""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "status": {"safe": "safe", "unsafe": "unsafe", "unknown": "unknown"},
    "outcome": {"fail": "fail", "unknown": "unknown", "warning": "warning", "info": "info", "ok": "ok"},
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
}
