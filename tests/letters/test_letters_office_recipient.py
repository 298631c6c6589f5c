"""Issue 10 item 2: the office letter goes to the body that actually pays the benefit, and the
letter to UWV states the work, the hours per week and the organisation's ANBI/SBBI status.

Each test reads the PDF's text with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import pdf_pages, pdf_text
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Organisation, compose_letter, render_pdf
from vergoedingcheck.letters.compose import OFFICE_OF, LetterError
from vergoedingcheck.letters.content import (
    LetterContentError,
    load_office_map,
    parse_office_map,
    parse_organisation,
)
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

LETTERS = Path(__file__).resolve().parents[2] / "letters"
LETTER_DATE = date(2025, 12, 1)


def _text(
    ruleset: Ruleset,
    org: Organisation,
    residents: list[Resident],
    payments: list[Payment],
    rid: str,
    office: str | None = None,
    kind: str = "office",
    **kw: Any,
) -> str:
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        kind,
        "nl",
        result.resident(rid),
        residents,
        payments,
        ruleset,
        year=2025,
        letter_date=LETTER_DATE,
        organisation=org,
        office=office,
        letters_dir=LETTERS,
        **kw,
    )
    return " ".join(pdf_text(render_pdf(letter)).split())


def _bijstand(rid: str, municipality: str | None, btype: str = "bijstand") -> Resident:
    return Resident(
        rid, date(1980, 1, 1), name="Bea Bijstand", municipality=municipality, benefits=(Benefit(btype),)
    )


PAYS = [Payment("B1", date(2025, 3, 10), Decimal("50.00"), "vrijwilligersvergoeding")]


# -- 1. the recipient ---------------------------------------------------------------------------


@pytest.mark.parametrize("municipality", ["Borsele", "Goes", "Kapelle", "Noord-Beveland", "Reimerswaal"])
def test_bijstand_in_the_bevelanden_goes_to_the_gr(
    ruleset: Ruleset, org: Organisation, municipality: str
) -> None:
    # rules/gemeenten/gr-de-bevelanden.yaml: the GR pays bijstand for these five municipalities (Borsele since 2026-12-04: grdebevelanden.nl/inkomen-en-zorg)
    text = _text(ruleset, org, [_bijstand("B1", municipality)], PAYS, "B1", "gemeente")
    assert text.startswith("GR de Bevelanden") or "GR de Bevelanden t.a.v." in text
    assert f"burgemeester en wethouders van {municipality}" not in text
    assert "GR de Bevelanden" in text[: text.index("Betreft")]  # in the address window


def test_an_unknown_municipality_keeps_its_own_college(ruleset: Ruleset, org: Organisation) -> None:
    text = _text(ruleset, org, [_bijstand("B1", "Hoogeveen")], PAYS, "B1", "gemeente")
    assert "College van burgemeester en wethouders van Hoogeveen" in text
    assert "GR de Bevelanden" not in text


def test_ioaw_in_goes_is_not_moved_to_the_gr_without_a_source(ruleset: Ruleset, org: Organisation) -> None:
    # the GR's page (the source in letters/offices.yaml) names bijstand only
    text = _text(ruleset, org, [_bijstand("B1", "Goes", "ioaw")], PAYS, "B1", "gemeente")
    assert "College van burgemeester en wethouders van Goes" in text


def test_the_gr_address_comes_from_the_organisation_file(ruleset: Ruleset, org: Organisation) -> None:
    with_gr = replace(org, gemeente_addresses=(("GR de Bevelanden", ("Postbus 9", "4460 AA Goes")),))
    text = _text(ruleset, with_gr, [_bijstand("B1", "Goes")], PAYS, "B1", "gemeente", require_address=True)
    window = text[: text.index("Betreft")]
    assert "GR de Bevelanden" in window and "Postbus 9" in window and "4460 AA Goes" in window
    # without any address the letter is refused when an address is required
    with pytest.raises(LetterError, match="GR de Bevelanden"):
        _text(
            ruleset,
            replace(org, gemeente_addresses=()),
            [_bijstand("B1", "Goes")],
            PAYS,
            "B1",
            "gemeente",
            require_address=True,
        )


def test_uwv_and_svb_pay_their_own_benefits(ruleset: Ruleset, org: Organisation) -> None:
    wia = Resident("B1", date(1970, 2, 2), name="Wil Wia", municipality="Goes", benefits=(Benefit("wia"),))
    assert _text(ruleset, org, [wia], PAYS, "B1", "uwv").startswith("UWV")
    aio = Resident("B1", date(1955, 2, 2), name="Ali Aio", municipality="Goes", benefits=(Benefit("aio"),))
    assert _text(ruleset, org, [aio], PAYS, "B1", "svb").startswith("Sociale Verzekeringsbank")


def test_the_office_map_is_data_with_sources_and_matches_the_offices(ruleset: Ruleset) -> None:
    data = yaml.safe_load((LETTERS / "offices.yaml").read_text(encoding="utf-8"))
    m = parse_office_map(data)
    # the benefit -> office kinds in the data file agree with the letters' own table
    for office, benefits in m.offices:
        assert benefits == {b for b, o in OFFICE_OF.items() if o == office}, office
    assert all(e.source_url.startswith("https://") for e in m.executors)
    goes = load_office_map(LETTERS).executor("goes", ["bijstand"])
    assert goes is not None and goes.name == "GR de Bevelanden"
    assert load_office_map(LETTERS).executor("Amsterdam", ["bijstand"]) is None
    # the municipalities are the overlay's own list
    overlay = yaml.safe_load(
        (LETTERS.parent / "rules/gemeenten/gr-de-bevelanden.yaml").read_text(encoding="utf-8")
    )
    gr = next(e for e in m.executors if e.name == "GR de Bevelanden")
    assert gr.municipalities == {x["name"].casefold() for x in overlay["municipalities"]}
    with pytest.raises(LetterContentError, match="source"):
        parse_office_map(
            {"offices": {}, "executed_by": [{"name": "X", "benefits": ["bijstand"], "municipalities": ["Y"]}]}
        )


# -- 2. the letter to UWV: the work, the hours per week, ANBI/SBBI ------------------------------


def _wia_pays(hours: tuple[str | None, ...] = ("4", "4", "6")) -> list[Payment]:
    notes = ("Koffie schenken", "Koffie schenken", "Taalmaatje")
    days = (date(2025, 2, 10), date(2025, 3, 10), date(2025, 3, 20))
    pays = [
        Payment("W1", d, Decimal("40.00"), "vrijwilligersvergoeding", hours=Decimal(h) if h else None, note=n)
        for d, h, n in zip(days, hours, notes, strict=True)
    ]
    # another payer's money: not our work, and its missing hours do not matter here
    pays.append(
        Payment(
            "W1",
            date(2025, 3, 1),
            Decimal("20.00"),
            "vrijwilligersvergoeding",
            payer="Voedselbank Goes",
            note="Pakketten sorteren",
        )
    )
    return pays


WIA = Resident("W1", date(1970, 2, 2), name="Wil Wia", municipality="Goes", benefits=(Benefit("wia"),))


def test_uwv_letter_states_the_work_and_the_hours_per_week(ruleset: Ruleset, org: Organisation) -> None:
    text = _text(ruleset, org, [WIA], _wia_pays(), "W1", "uwv")
    # the notes, summarised: the most frequent first, counted
    assert "Werkzaamheden Koffie schenken (2 keer); Taalmaatje" in text
    assert "Pakketten sorteren" not in text[: text.index("3. Periode")]  # another payer's work
    # period 1 February – 31 March 2025 = 28 + 31 = 59 days = 59/7 = 8.43 weeks;
    # hours 4 + 4 + 6 = 14; 14 / 8.43 = 1.66 -> 1,7 per week
    assert "Uren per week gemiddeld 1,7 uur per week (14 uur in 8,4 weken)" in text


def test_uwv_letter_hours_not_recorded(ruleset: Ruleset, org: Organisation) -> None:
    none = _text(ruleset, org, [WIA], _wia_pays((None, None, None)), "W1", "uwv")
    assert "Uren per week niet vastgelegd" in none
    partly = _text(ruleset, org, [WIA], _wia_pays(("4", None, "6")), "W1", "uwv")
    assert "Uren per week niet vastgelegd" in partly  # 10 of ? hours would understate the week
    no_notes = [replace(p, note=None) for p in _wia_pays()]
    assert "Werkzaamheden niet vastgelegd" in _text(ruleset, org, [WIA], no_notes, "W1", "uwv")


def test_uwv_letter_anbi_status_from_the_organisation_file_never_invented(
    ruleset: Ruleset, org: Organisation
) -> None:
    assert org.anbi_sbbi is None
    text = _text(ruleset, org, [WIA], _wia_pays(), "W1", "uwv")
    assert "ANBI/SBBI-status niet opgegeven" in text
    text = _text(ruleset, replace(org, anbi_sbbi="SBBI"), [WIA], _wia_pays(), "W1", "uwv")
    assert "ANBI/SBBI-status SBBI (sociaal belang behartigende instelling)" in text
    # only UWV asks: the municipal letter has no such line
    bij = _text(ruleset, org, [_bijstand("B1", "Goes")], PAYS, "B1", "gemeente")
    assert "ANBI/SBBI-status" not in bij and "Uren per week" not in bij


def test_organisation_file_anbi_sbbi_is_checked() -> None:
    base = {"organisation": {"name": "X", "anbi_sbbi": "anbi"}}
    assert parse_organisation(base, LETTERS).anbi_sbbi == "ANBI"
    with pytest.raises(LetterContentError, match="anbi_sbbi must be ANBI, SBBI or geen"):
        parse_organisation({"organisation": {"name": "X", "anbi_sbbi": "ja"}}, LETTERS)


def test_resident_letter_names_the_gr_where_it_pays(ruleset: Ruleset, org: Organisation) -> None:
    # a month over the cap: the resident is told to report it to the body that pays (the GR)
    pays = [Payment("B1", date(2025, 3, 10), Decimal("400.00"), "vrijwilligersvergoeding")]
    text = _text(ruleset, org, [_bijstand("B1", "Goes")], pays, "B1", kind="resident")
    assert "GR de Bevelanden" in text
    assert not re.search(r"gemeente Goes", text)


# -- 3. looked at as PNG (/work/coord/letters-png/office2-*.png) ---------------------------------


def _pages(
    ruleset: Ruleset,
    org: Organisation,
    residents: list[Resident],
    payments: list[Payment],
    rid: str,
    office: str,
) -> list[str]:
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "office",
        "nl",
        result.resident(rid),
        residents,
        payments,
        ruleset,
        year=2025,
        letter_date=LETTER_DATE,
        organisation=org,
        office=office,
        letters_dir=LETTERS,
    )
    return [" ".join(p.split()) for p in pdf_pages(render_pdf(letter))]


def test_a_date_range_in_the_verdict_table_is_not_cut_mid_word(ruleset: Ruleset, org: Organisation) -> None:
    # looked at: "10 januari 202 5 – 10 decemb er 2025" in a narrow period column, and
    # "€ 5,60 per uur" written over it (a right-aligned figure does not wrap)
    pays = [
        Payment("B1", date(2025, m, 10), Decimal("150.00"), "vrijwilligersvergoeding", hours=Decimal("10"))
        for m in range(1, 13)
    ]
    text = " ".join(_pages(ruleset, org, [_bijstand("B1", "Goes")], pays, "B1", "gemeente"))
    # a day in the table's narrow period column is written short (12-02-2025)
    assert "10-01-2025 – 10-12-2025" in text
    assert "€ 5,60 per uur" in text  # "per uur" on a line of its own under the amount
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from vergoedingcheck.letters.compose import VERDICT_WIDTHS
    from vergoedingcheck.letters.render import FONT, FONT_BOLD, LetterRenderer

    r = LetterRenderer()
    body = r.pagesize[0] - r.left_margin - r.right_margin
    cell = r.stylesheet("office")["Cell"].fontSize
    pad = 6  # 3 pt left and right
    widest = (
        "vrijwilligersregeling",
        "september\xa02025 –",
        "€\xa02.100,00",
        "€\xa012.345,00",
        "overschreden",
    )
    for col, word in enumerate(widest):
        assert stringWidth(word, FONT_BOLD, cell) + pad <= VERDICT_WIDTHS[col] * body, word
    assert stringWidth("vennootschapsbelasting", FONT, cell) + pad <= VERDICT_WIDTHS[5] * body
    assert sum(VERDICT_WIDTHS) == pytest.approx(1)


def test_the_closing_is_not_alone_on_the_last_page(ruleset: Ruleset, org: Organisation) -> None:
    # looked at: page 3 of the UWV letter held only "Hoogachtend," and the signature
    pages = _pages(ruleset, org, [WIA], _wia_pays(), "W1", "uwv")
    notes = (
        "Koffie schenken",
        "Koffie schenken",
        "Taalmaatje",
        "Koffie schenken",
        "Taalmaatje",
        "Klussen in de tuin",
    )
    pays = [
        Payment(
            "W1",
            date(2025, m, 12),
            Decimal("40.00"),
            "vrijwilligersvergoeding",
            hours=Decimal("4"),
            note=notes[m - 2],
        )
        for m in range(2, 8)
    ]
    pays.append(
        Payment(
            "W1",
            date(2025, 5, 20),
            Decimal("230.00"),
            "vrijwilligersvergoeding",
            hours=Decimal("6"),
            note="Zomerfeest",
        )
    )
    pays.append(
        Payment(
            "W1", date(2025, 4, 3), Decimal("25.00"), "onkostenvergoeding", receipts=True, note="bonnetjes"
        )
    )
    for letter_pages in (pages, _pages(ruleset, org, [WIA], pays, "W1", "uwv")):
        last = letter_pages[-1]
        assert "Hoogachtend," in last
        assert "De beoordeling van de gevolgen voor de uitkering is aan u." in last


def test_the_gr_department_is_the_one_its_own_site_names(ruleset: Ruleset, org: Organisation) -> None:
    # https://www.grdebevelanden.nl/inkomen-en-zorg (letters/offices.yaml, department_source):
    # "Inkomen en Zorg is de regionale sociale dienst" of the GR; "Werk en Inkomen" had no source
    text = _text(ruleset, org, [_bijstand("B1", "Goes")], PAYS, "B1", "gemeente")
    window = text[: text.index("Betreft")]
    assert "GR de Bevelanden t.a.v. Inkomen en Zorg" in window
    assert "Werk en Inkomen" not in window
    gr = next(e for e in load_office_map(LETTERS).executors if e.name == "GR de Bevelanden")
    data = yaml.safe_load((LETTERS / "offices.yaml").read_text(encoding="utf-8"))
    (entry,) = [e for e in data["executed_by"] if e["name"] == "GR de Bevelanden"]
    assert gr.department == "Inkomen en Zorg"
    assert entry["department_source"]["url"].startswith("https://www.grdebevelanden.nl/")
    assert entry["department_source"]["verified_on"]
    # a department without its own source is refused
    with pytest.raises(LetterContentError, match="department_source"):
        parse_office_map(
            {
                "offices": {},
                "executed_by": [
                    {
                        "name": "X",
                        "benefits": ["bijstand"],
                        "municipalities": ["Y"],
                        "source": {"url": "https://x.example"},
                        "department": "Sociale Zaken",
                    }
                ],
            }
        )
