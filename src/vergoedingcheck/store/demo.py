"""Believable demo data: about forty residents of two neighbourhoods, with payments in 2025 and
2026 that are safe, close to a cap, and over one. Deterministic (a fixed seed), invented people.

The 2026 caps are € 220 a month and € 2.200 a year; the demo plans December 2026 and has paid the
months before.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from vergoedingcheck.model import Benefit
from vergoedingcheck.store.db import ImportSummary, PaymentRecord, ResidentRecord, Store

SEED = 2026
YEAR = 2026
PAID_UNTIL = date(2026, 11, 25)  # payments after this day are planned, not yet paid

_FIRST = [
    "Anouk",
    "Bram",
    "Daan",
    "Eva",
    "Fenna",
    "Gerrit",
    "Hanneke",
    "Iris",
    "Joost",
    "Karin",
    "Lotte",
    "Marco",
    "Noor",
    "Olaf",
    "Petra",
    "Rik",
    "Saskia",
    "Thijs",
    "Ursula",
    "Vera",
    "Willem",
    "Yasmina",
    "Zoë",
    "Aïcha",
    "Bogdan",
    "Chantal",
    "Dewi",
    "Emre",
    "Grażyna",
    "Hüseyin",
]
_LAST = [
    "de Boer",
    "Visser",
    "Smit",
    "Meijer",
    "van den Berg",
    "Dekker",
    "Brouwer",
    "de Graaf",
    "Kok",
    "Jacobs",
    "van Dijk",
    "Koster",
    "Wouters",
    "Peeters",
    "Bos",
    "Vos",
    "Willems",
    "Hoekstra",
    "Postma",
    "Sarmo",
    "Kowalski",
    "Demir",
    "Haddou",
    "Siahaya",
]
_TOWNS = ["Goes", "Noordenveld", "Goes", "Noordenveld", "Utrecht", "Zwolle", "Rotterdam"]
_PAYERS = ["Bewonersplatform Noord", "Stichting Buurtkracht", "Wijkteam Oost"]
_NOTES = [
    "Buurtkamer",
    "Taalcafé",
    "Repair Café",
    "Moestuin",
    "Maaltijd voor ouderen",
    "Huiswerkbegeleiding",
    "Wijkkrant bezorgen",
    "Kledingbank",
]


def _b(type_: str, **kw: object) -> Benefit:
    return Benefit(type=type_, **kw)  # type: ignore[arg-type]


def _monthly(
    rid: str,
    amounts: dict[int, str],
    *,
    year: int = YEAR,
    day: int = 15,
    note: str = "Buurtkamer",
    payer: str = "Bewonersplatform Noord",
    hours: str | None = None,
) -> list[PaymentRecord]:
    out = []
    for month, amount in amounts.items():
        d = date(year, month, min(day, 28))
        out.append(
            PaymentRecord(
                resident=rid,
                date=d,
                amount=Decimal(amount),
                kind="vrijwilligersvergoeding",
                hours=Decimal(hours) if hours else None,
                payer=payer,
                note=note,
                status="paid" if d <= PAID_UNTIL else "planned",
            )
        )
    return out


def _every_month(amount: str, months: range = range(1, 13)) -> dict[int, str]:
    return {m: amount for m in months}


def build_demo() -> tuple[list[ResidentRecord], list[PaymentRecord]]:
    """The demo residents and payments (always the same)."""
    rnd = random.Random(SEED)
    residents: list[ResidentRecord] = []
    payments: list[PaymentRecord] = []

    streets = ("Lindelaan", "Kastanjestraat", "Beukenhof", "Molenweg", "Zandstraat", "Kerkplein")

    def add(rec: ResidentRecord, pays: list[PaymentRecord]) -> None:
        # a made-up postal address for the letters' address window (about every other resident)
        n = len(residents)
        if n % 2 == 0 and not rec.address:
            place = rec.municipality or "Goes"
            rec = replace(rec, address=(f"{streets[n % len(streets)]} {n + 3}",
                                        f"{4461 + n % 7} {chr(65 + n % 26)}{chr(66 + n % 24)} {place}"))
        residents.append(rec)
        payments.extend(pays)

    # -- the named cases a coordinator meets -----------------------------------------------------
    add(
        ResidentRecord(
            "B-001",
            "Łukasz Öztürk",
            date(1984, 5, 2),
            "Goes",
            None,
            "Beheert de sleutel van de buurtkamer",
            (_b("bijstand", since=date(2021, 3, 1)),),
        ),
        _monthly("B-001", _every_month("180.00", range(1, 12)) | {12: "180.00"}),
    )  # close to the year cap
    add(
        ResidentRecord(
            "B-002",
            "Nguyễn Thị Hoa",
            date(2001, 9, 30),
            "Noordenveld",
            None,
            "Jonger dan 27: elke vergoeding telt mee",
            (_b("bijstand"),),
        ),
        _monthly("B-002", {3: "40.00", 6: "40.00", 9: "40.00"}, note="Taalcafé"),
    )
    add(
        ResidentRecord(
            "B-003",
            "Çağla Yıldız",
            date(1999, 6, 15),
            "Goes",
            None,
            "Wordt 27 op 15 juni 2026",
            (_b("bijstand"),),
        ),
        _monthly("B-003", _every_month("75.00", range(1, 12)), note="Huiswerkbegeleiding"),
    )
    add(
        ResidentRecord(
            "B-004",
            "Jansen & Zn <test>",
            date(1970, 2, 28),
            "Rotterdam",
            None,
            "Naam met tekens die een brief kunnen breken",
            (_b("toeslagen"),),
        ),
        _monthly("B-004", {1: "100.00", 4: "120.00", 7: "100.00"}, note="Repair Café"),
    )
    add(
        ResidentRecord(
            "B-005",
            "Ĳsbrand de Vries",
            date(1978, 11, 3),
            "Noordenveld",
            None,
            None,
            (
                _b(
                    "ww",
                    since=date(2026, 2, 1),
                    uwv_permission=True,
                    ww_hourly_wage=Decimal("16.40"),
                ),
            ),
        ),
        _monthly("B-005", _every_month("150.00", range(2, 12)), note="Moestuin", hours="10"),
    )
    add(
        ResidentRecord(
            "B-006",
            "Mehmet Kaya",
            date(1968, 4, 12),
            "Goes",
            None,
            "UWV gaf geen toestemming",
            (_b("ww", uwv_permission=False),),
        ),
        _monthly("B-006", {5: "50.00", 6: "50.00"}, note="Wijkkrant bezorgen"),
    )
    add(
        ResidentRecord(
            "B-007",
            "Sanne Bakker",
            date(1990, 7, 21),
            "Zwolle",
            None,
            "Toestemming UWV nog niet bekend",
            (_b("ww", since=date(2026, 4, 1)),),
        ),
        _monthly("B-007", {5: "60.00", 8: "60.00"}, note="Kledingbank"),
    )
    add(
        ResidentRecord("B-008", "Tim Hendriks", date(2000, 1, 9), "Goes", None, None, (_b("wajong"),)),
        _monthly("B-008", _every_month("100.00", range(1, 12)) | {10: "250.00"}, note="Moestuin"),
    )
    add(
        ResidentRecord(
            "B-009",
            "Ingrid Mulder",
            date(1966, 3, 17),
            "Noordenveld",
            None,
            None,
            (_b("wia", client_number="UWV-55021"),),
        ),
        _monthly("B-009", _every_month("90.00"), note="Maaltijd voor ouderen"),
    )
    add(
        ResidentRecord(
            "B-010",
            "Fatima El Amrani",
            date(1956, 10, 1),
            "Goes",
            None,
            "AOW met aanvullende inkomensvoorziening (SVB)",
            (_b("aow"), _b("aio")),
        ),
        _monthly("B-010", _every_month("60.00", range(1, 12)), note="Taalcafé"),
    )
    for rid, name, born in (
        ("B-011", "Anouk Benali", date(1986, 8, 8)),
        ("B-012", "Rachid Benali", date(1983, 12, 24)),
    ):
        add(
            ResidentRecord(
                rid,
                name,
                born,
                "Noordenveld",
                "H-Benali",
                "Samen één bijstandsuitkering",
                (_b("bijstand"),),
            ),
            _monthly(rid, _every_month("50.00", range(1, 12)), note="Buurtkamer"),
        )
    payments += [
        PaymentRecord(
            "B-011",
            date(2026, 6, 1),
            Decimal("600.00"),
            "gift",
            payer="Familie",
            note="Wasmachine",
            status="paid",
        ),
        PaymentRecord(
            "B-012",
            date(2026, 9, 1),
            Decimal("700.00"),
            "gift",
            in_kind=True,
            payer="Voedselbank",
            note="Boodschappenpakketten",
            status="paid",
        ),
    ]
    add(
        ResidentRecord("B-013", "Pieter Smit", date(1975, 5, 5), "Utrecht", None, "Geen uitkering", ()),
        _monthly("B-013", _every_month("220.00", range(1, 12)) | {12: "230.00"}, note="Buurtkamer"),
    )
    add(
        ResidentRecord(
            "B-014",
            "Mariam Haddou",
            date(1992, 2, 2),
            "Rotterdam",
            None,
            "Alleen zorgtoeslag en huurtoeslag",
            (_b("toeslagen"),),
        ),
        _monthly("B-014", _every_month("200.00", range(1, 13)), note="Kledingbank"),
    )
    add(
        ResidentRecord(
            "B-015",
            "Johan Postma",
            date(1995, 10, 10),
            "Noordenveld",
            None,
            None,
            (_b("bijstand"),),
        ),
        [
            *_monthly("B-015", _every_month("190.00", range(1, 11)) | {11: "220.00"}, note="Moestuin"),
            PaymentRecord(
                "B-015",
                date(2026, 11, 28),
                Decimal("35.00"),
                "onkostenvergoeding",
                receipts=True,
                note="Kilometers, met rittenstaat",
                status="planned",
            ),
        ],
    )

    # -- the rest of the neighbourhood -----------------------------------------------------------
    profiles = [
        ("bijstand",),
        ("bijstand",),
        ("bijstand",),
        ("ww",),
        ("wia",),
        ("wajong",),
        ("aow",),
        ("toeslagen",),
        (),
        (),
        ("zw",),
        ("ioaw",),
        ("aow", "toeslagen"),
        ("bijstand",),
    ]
    used: set[str] = {r.name or "" for r in residents}
    n = 16
    while len(residents) < 40:
        name = f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}"
        if name in used:
            continue
        used.add(name)
        rid = f"B-{n:03d}"
        n += 1
        profile = rnd.choice(profiles)
        if "aow" in profile:
            born = date(rnd.randint(1945, 1957), rnd.randint(1, 12), rnd.randint(1, 28))
        else:
            born = date(rnd.randint(1966, 1998), rnd.randint(1, 12), rnd.randint(1, 28))
        benefits = tuple(_b(t, uwv_permission=True) if t == "ww" else _b(t) for t in profile)
        town = rnd.choice(_TOWNS)
        residents.append(ResidentRecord(rid, name, born, town, None, None, benefits))
        style = rnd.choices(["safe", "close", "over", "none"], weights=[5, 2, 2, 1])[0]
        note = rnd.choice(_NOTES)
        payer = rnd.choice(_PAYERS)
        day = rnd.randint(1, 28)
        if style == "safe":
            amount = rnd.choice(["25.00", "40.00", "50.00", "75.00", "100.00"])
            months = range(rnd.randint(1, 4), 13)
            payments += _monthly(rid, _every_month(amount, months), day=day, note=note, payer=payer)
        elif style == "close":
            payments += _monthly(
                rid,
                _every_month(rnd.choice(["175.00", "180.00"]), range(1, 13)),
                day=day,
                note=note,
                payer=payer,
            )
        elif style == "over":
            amounts = _every_month("150.00", range(1, 12))
            amounts[rnd.randint(2, 10)] = rnd.choice(["240.00", "275.00", "300.00"])
            payments += _monthly(rid, amounts, day=day, note=note, payer=payer)
        if rnd.random() < 0.3:  # some history in 2025
            payments += _monthly(
                rid, _every_month("50.00", range(9, 13)), year=2025, day=day, note=note, payer=payer
            )
        if rnd.random() < 0.2:
            payments.append(
                PaymentRecord(
                    rid,
                    date(YEAR, rnd.randint(1, 11), day),
                    Decimal(rnd.choice(["12.40", "18.90", "27.30"])),
                    "onkostenvergoeding",
                    receipts=True,
                    payer=payer,
                    note="Reiskosten met bonnetjes",
                    status="paid",
                )
            )
    # 2025 history for the named cases
    payments += _monthly("B-001", _every_month("175.00", range(1, 13)), year=2025)
    payments += _monthly("B-013", _every_month("210.00", range(1, 13)), year=2025)
    payments += _monthly("B-009", {11: "95.00", 12: "95.00"}, year=2025, note="Maaltijd voor ouderen")
    # the coordinator's references (issue 9 item 1): seeding twice recognises every payment
    payments = [replace(p, ref=f"demo-{n}") for n, p in enumerate(payments, start=1)]
    return residents, payments


def seed_demo(store: Store) -> ImportSummary:
    """Fill `store` with the demo data (one transaction; running it twice adds nothing new)."""
    residents, payments = build_demo()
    return store.import_records(residents, payments)
