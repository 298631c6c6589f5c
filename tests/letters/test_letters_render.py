"""The rendered PDFs: facts in Dutch formatting, every character of a name, page numbering,
metadata, and the same bytes for the same input."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import Make, pdf_pages, pdf_text, pdf_trailer
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.letters import Organisation, render_pdf
from vergoedingcheck.letters.model import Heading, OverviewRow, Para, Table
from vergoedingcheck.money import format_date, format_eur
from vergoedingcheck.rules import Ruleset


def test_resident_letter_facts_in_dutch_formatting(make: Make) -> None:
    letter = make("resident", "nl", "unsafe_tax_only")
    text = pdf_text(render_pdf(letter))
    assert format_eur(Decimal("1250.50")).replace("\xa0", " ") == "€ 1.250,50"
    assert "€ 1.250,50" in text
    assert format_date(date(2025, 3, 3)) in text  # "3 maart 2025": the letter's date
    assert "3 maart" in text  # the payment, in the list of what they receive
    assert "Jansen & Zn <BV>" in text  # the name, escaped before the Paragraph, prints in full
    assert "Pagina 1 van" in text
    assert "Wet op de loonbelasting 1964" in text  # the footnote
    assert letter.head.footer in text.replace("\n", " ")
    assert not re.search(r"sha256:", text)  # no ruleset fingerprint for the resident


def test_english_letter(make: Make) -> None:
    text = pdf_text(render_pdf(make("resident", "en", "unsafe_tax_only")))
    assert "€1,250.50" in text
    assert "Page 1 of" in text
    assert "3 March 2025" in text


def test_pdf_metadata(make: Make) -> None:
    for lang, tag in (("nl", "nl-NL"), ("en", "en-GB")):
        reader = PdfReader(io.BytesIO(render_pdf(make("resident", lang, "safe_bijstand"))))
        assert reader.metadata is not None and reader.metadata.title
        assert "2025" in reader.metadata.title
        assert pdf_trailer(reader)["/Root"]["/Lang"] == tag


def test_office_letter_facts(make: Make) -> None:
    letter = make("office", "nl", "safe_bijstand")
    text = pdf_text(render_pdf(letter))
    flat = text.replace("\n", " ")
    for fact in ("Fatima El Amrani", "2 april 1985", "GO-12345", "Bewonersplatform Voorbeeldwijk",
                 "€ 125,25", "€ 751,50", "januari 2025", "juni 2025", "Participatiewet",
                 "Sanne de Vries", "1 januari 2025", "30 juni 2025"):
        assert fact in flat, fact
    assert re.search(r"sha256:[0-9a-f]{64}", text.replace("\n", ""))
    # bijstand for Goes is paid by GR de Bevelanden (letters/offices.yaml): the letter goes there
    assert flat.startswith("GR de Bevelanden")
    assert "College van burgemeester en wethouders van Goes" not in flat


def test_coordinator_overview_text(make: Make) -> None:
    text = pdf_text(render_pdf(make("coordinator", "nl"))).replace("\n", " ")
    assert "Ĳsbrand Şahin (R13) wordt 27 op 20 juli 2025" in text
    assert "Grażyna Nowak (R14): € 300,00 op 10 april 2025" in text
    assert "NIET VEILIG" in text and "veilig" in text


# -- names with every kind of character ---------------------------------------------------------

NAME_CHARS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    + list("ĳĲłŁşŞğĞễỄàáâãäåçèéêëìíîïñòóôõöøùúûüýÿßæœÀÉÖÜŻŹĆŃŚąęćńóśźżİıčšžőűđ")
    + list("&<>\"'")
)
NAMES = st.lists(st.text(NAME_CHARS, min_size=1, max_size=10), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(name=NAMES)
def test_names_print_unchanged(make: Make, name: str) -> None:
    letter = make("resident", "nl", "safe_bijstand")
    first = letter.blocks[0]
    assert isinstance(first, Heading | Para)  # a block with a text: narrows the Block union
    letter = replace(letter, name=name, head=replace(letter.head, recipient=(name,)),
                     blocks=(replace(first, text=first.text.__class__(
                         "Beste {name},", (("name", name),))), *letter.blocks[1:]))
    text = pdf_text(render_pdf(letter))
    assert name in text.split("\n")  # the address line, exactly
    assert f"Beste {name}," in text


def test_composed_name_with_markup_and_diacritics(make: Make, check: CheckResult, ruleset: Ruleset, org: Organisation) -> None:
    from letter_scenarios import all_payments, all_residents

    from vergoedingcheck.letters import compose_letter

    residents = [replace(r, name="Ĳsbrand <b>Łukasz</b> & Şükrü Ğ. Nguyễn") if r.id == "R01"
                 else r for r in all_residents()]
    letter = compose_letter("resident", "nl", check.resident("R01"), residents, all_payments(),
                            ruleset, year=2025, letter_date=date(2025, 3, 3), organisation=org)
    text = pdf_text(render_pdf(letter))
    assert "Beste Ĳsbrand <b>Łukasz</b> & Şükrü Ğ. Nguyễn," in text


# -- pages ---------------------------------------------------------------------------------------


def test_long_overview_numbers_every_page(make: Make) -> None:
    ov = make("coordinator", "nl")
    rows = tuple(OverviewRow(f"R{i:03d}", f"Bewoner {i}", "safe", Decimal("10.00"),
                             Decimal("100.00"), ()) for i in range(90))
    table = next(b for b in ov.blocks if hasattr(b, "rows"))
    assert isinstance(table, Table)  # narrows the Block union (KeyValues also has rows)
    long_table = replace(table, rows=tuple((f"{r.name} ({r.resident_id})", "veilig", "€ 10,00",
                                            "€ 100,00", "") for r in rows))
    ov = replace(ov, blocks=tuple(long_table if b is table else b for b in ov.blocks))
    pages = pdf_pages(render_pdf(ov))
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        assert f"Pagina {i} van {len(pages)}" in page
    assert "Bewoner 89 (R089)" in pages[-1] or "Bewoner 89 (R089)" in "".join(pages)


def test_two_page_office_letter(make: Make) -> None:
    pages = pdf_pages(render_pdf(make("office", "nl", "unsafe_wia_month")))
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        assert f"Pagina {i} van {len(pages)}" in page
    assert "Toetsing per regel" in "".join(pages)


def test_the_answer_is_on_page_one_and_no_page_holds_only_the_closing(make: Make) -> None:
    """Issue 10 items 1 and 4: the subject, the outcome, the first thing to do and the phone
    number are on page 1; a page 2 holds the payments too, never only the greeting."""
    from letter_scenarios import SCENARIOS

    for s in SCENARIOS:
        letter = make("resident", "nl", s.key)
        pages = pdf_pages(render_pdf(letter))
        assert len(pages) <= 2, s.key
        first = pages[0].replace("\n", " ")
        assert letter.head.subject.plain()[:30] in first, s.key
        assert "06 12 34 56 78" in first, s.key
        for page in pages[1:]:
            body = page.split("\n", 1)[1]  # below the running head
            assert "€" in body, s.key  # payments, not only "Met vriendelijke groet"


# -- reproducible ---------------------------------------------------------------------------------


def test_same_input_same_bytes(make: Make) -> None:
    a = render_pdf(make("resident", "nl", "unsafe_wia_month"))
    b = render_pdf(make("resident", "nl", "unsafe_wia_month"))
    assert a == b
    assert render_pdf(make("coordinator", "en")) == render_pdf(make("coordinator", "en"))


def test_same_bytes_in_a_fresh_process(make: Make, tmp_path: Path) -> None:
    """Nothing in the output depends on the process (font registration order, time, ids)."""
    here = render_pdf(make("office", "nl", "safe_bijstand"))
    code = (
        "import sys; sys.path.insert(0, 'tests/letters');"
        "from letter_scenarios import *; from vergoedingcheck.engine import evaluate;"
        "from vergoedingcheck.rules import load_ruleset;"
        "from vergoedingcheck.letters import render_letter;"
        "rs = load_ruleset(); c = evaluate(all_residents(), all_payments(), rs);"
        "sys.stdout.buffer.write(render_letter('office', 'nl', c.resident('R01'), all_residents(),"
        " all_payments(), rs, year=2025, letter_date=LETTER_DATE))"
    )
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert there.stdout == here


def test_letters_do_not_import_textual() -> None:
    out = subprocess.run([sys.executable, "-c",
                          "import sys, vergoedingcheck.letters, vergoedingcheck.letters.render;"
                          "print('textual' in sys.modules)"], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("kind", ["resident", "office", "coordinator"])
def test_preview_text_has_the_same_facts(make: Make, kind: str) -> None:
    from vergoedingcheck.letters import preview_text

    key = None if kind == "coordinator" else "safe_bijstand"
    text = preview_text(make(kind, "nl", key)).replace("\xa0", " ")
    assert ("sha256:" in text) == (kind != "resident")  # no fingerprint for the resident
    if kind != "coordinator":
        assert "Fatima El Amrani" in text and "€ 125,25" in text


def test_logo_is_drawn(make: Make, tmp_path: Path) -> None:
    from PIL import Image

    from vergoedingcheck.letters.content import parse_organisation

    Image.new("RGB", (300, 100), (20, 90, 160)).save(tmp_path / "logo.png")
    org = parse_organisation({"organisation": {"name": "Buurt & Co", "logo": "logo.png"}},
                             tmp_path)
    letter = make("resident", "nl", "safe_bijstand")
    letter = replace(letter, head=replace(letter.head, logo=org.logo))
    reader = PdfReader(io.BytesIO(render_pdf(letter)))
    assert list(reader.pages[0].images)
