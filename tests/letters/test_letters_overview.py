"""Issue 10 item 3: the coordinator's overview puts the urgent first. A summary page (counts,
planned payments over a cap from the letter's date to the end of next month, unknowns, who turns
27, next year provisionally), then every resident by status and in Dutch alphabetical order
(Ĳ under I, Ł after L) with a reason column. Read from the PDF with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import pdf_pages
from vergoedingcheck.cli import main
from vergoedingcheck.letters.collation import dutch_key

# 2026 tax figures: at most EUR 220 a month and EUR 2.200 a year (rules/nl/tax.volunteer.*).
CASE = """\
version: 1
residents:
  - {id: A, name: Lars Lind, birth_date: 1980-01-01}
  - {id: B, name: Łucja Mazur, birth_date: 1980-01-01}
  - {id: C, name: Mark Mol, birth_date: 1980-01-01}
  - {id: D, name: Ivo Ilgen, birth_date: 1980-01-01}
  - {id: E, name: Ĳsbrand IJzer, birth_date: 1980-01-01}
  - {id: F, name: Ida Iris, birth_date: 1980-01-01}
  - {id: G, name: Zoë Zand, birth_date: 1980-01-01}
  - {id: H, name: Hans Hof, birth_date: 1980-01-01, benefits: [{type: ww}]}
  - {id: T, name: Tim Tak, birth_date: 1999-08-01}
payments:
  - {resident: A, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  - {resident: A, date: 2027-02-01, amount: '100.00', kind: vrijwilligersvergoeding, planned: true}
  - {resident: B, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  - {resident: C, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  # EUR 300 in one month is over the EUR 220 month cap: unsafe
  - {resident: D, date: 2026-03-15, amount: '300.00', kind: vrijwilligersvergoeding}
  - {resident: E, date: 2026-03-15, amount: '300.00', kind: vrijwilligersvergoeding}
  - {resident: F, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  # planned: 10 December (in the window 20 November - 31 December) EUR 250 > EUR 220;
  # 10 November is before the letter's date, 5 January 2027 after the end of next month
  - {resident: G, date: 2026-11-10, amount: '100.00', kind: vrijwilligersvergoeding, planned: true}
  - {resident: G, date: 2026-12-10, amount: '250.00', kind: vrijwilligersvergoeding, planned: true}
  - {resident: G, date: 2027-01-05, amount: '250.00', kind: vrijwilligersvergoeding, planned: true}
  - {resident: H, date: 2026-03-15, amount: '50.00', kind: vrijwilligersvergoeding}
  - {resident: T, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("overview")
    case = tmp / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    out = tmp / "out"
    assert (
        main(
            [
                "letters",
                str(case),
                "--year",
                "2026",
                "--to",
                "coordinator",
                "--date",
                "2026-11-20",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return [" ".join(p.split()) for p in pdf_pages((out / "overzicht-2026-nl.pdf").read_bytes())]


def test_the_summary_is_page_one(pages: list[str]) -> None:
    first = pages[0]
    # 9 residents: D, E, G unsafe; H unknown (no UWV permission recorded); 5 safe
    assert "9 bewoners. Veilig: 5. Niet veilig: 3. Onbekend: 1." in first
    assert "geplande betalingen boven een grens (20 november 2026 tot en met 31 december 2026)" in first
    assert "Zoë Zand (G): € 250,00 op 10 december 2026 (boven de maandgrens)" in first
    assert "10 november" not in first and "5 januari 2027" not in first
    assert "Hans Hof (H): of UWV toestemming gaf." in first
    assert "Tim Tak (T) wordt 27 op 1 augustus 2026." in first
    assert "Volgend jaar (2027)" in first
    assert "Alle bewoners" not in first  # the table starts on a page of its own
    assert "Alle bewoners" in pages[1]


def test_next_year_is_provisional_while_its_figures_are_pending(pages: list[str]) -> None:
    # 2027 holds A's EUR 100 and G's EUR 250 in January: with 2026's figures A is safe and G over
    # the month cap (250 > 220)
    assert "De bedragen voor 2027 zijn nog niet bevestigd" in pages[0]
    assert "Als de bedragen van 2026 blijven gelden: veilig 1, niet veilig 1, onbekend 0." in pages[0]


def test_residents_by_status_then_dutch_order(pages: list[str]) -> None:
    table = " ".join(pages[1:])
    order = [
        "Ĳsbrand IJzer",
        "Ivo Ilgen",
        "Zoë Zand",  # not safe: Ĳ as I + J, before Iv
        "Hans Hof",  # unknown
        "Ida Iris",
        "Lars Lind",
        "Łucja Mazur",
        "Mark Mol",
        "Tim Tak",
    ]  # safe: Ł after L, before M
    at = [table.index(name) for name in order]
    assert at == sorted(at)


def test_the_reason_column(pages: list[str]) -> None:
    table = " ".join(pages[1:])
    assert "Waarom · te doen" in table
    assert "belasting: boven de maandgrens (maart" in table  # Ivo and Ĳsbrand, EUR 300 in March
    assert "ontbreekt: of UWV toestemming gaf" in table


def test_dutch_key() -> None:
    names = ["Zeynep", "Łukasz", "Lisa", "Ĳsbrand", "Ivo", "Ida", "Mark", "Émile", "Eva", "ezra"]
    assert sorted(names, key=dutch_key) == [
        "Émile",
        "Eva",
        "ezra",
        "Ida",
        "Ĳsbrand",
        "Ivo",
        "Lisa",
        "Łukasz",
        "Mark",
        "Zeynep",
    ]


def test_english_overview(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    assert (
        main(
            [
                "letters",
                str(case),
                "--year",
                "2026",
                "--to",
                "coordinator",
                "--lang",
                "en",
                "--date",
                "2026-11-20",
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    first = " ".join(pdf_pages((tmp_path / "overzicht-2026-en.pdf").read_bytes())[0].split())
    assert "First: planned payments that cross a cap" in first and "Zoë Zand (G): €250.00" in first


# December plans January: 2027's figures are announced but not confirmed (rules/nl: pending), so a
# payment planned in January 2027 has no final outcome. With 2026's figures (EUR 220 a month):
# Pia's EUR 100 is safe (100 <= 220), Quinten's EUR 250 is not (250 > 220).
PENDING_CASE = """\
version: 1
residents:
  - {id: P, name: Pia Pool, birth_date: 1980-01-01}
  - {id: Q, name: Quinten Quist, birth_date: 1980-01-01}
payments:
  - {resident: P, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  - {resident: P, date: 2027-01-10, amount: '100.00', kind: vrijwilligersvergoeding, planned: true}
  - {resident: Q, date: 2026-03-15, amount: '100.00', kind: vrijwilligersvergoeding}
  - {resident: Q, date: 2027-01-10, amount: '250.00', kind: vrijwilligersvergoeding, planned: true}
"""


def _overview(tmp: Path, case_text: str, lang: str, when: str) -> list[str]:
    case = tmp / "case.yaml"
    case.write_text(case_text, encoding="utf-8")
    args = ["letters", str(case), "--year", "2026", "--to", "coordinator", "--lang", lang]
    assert main([*args, "--date", when, "--out", str(tmp)]) == 0
    return [" ".join(p.split()) for p in pdf_pages((tmp / f"overzicht-2026-{lang}.pdf").read_bytes())]


def test_january_payments_of_a_pending_year_are_flagged_provisional(tmp_path: Path) -> None:
    # the letter's date 1 December 2026: the window runs to the end of next month, 31 January 2027
    first = _overview(tmp_path, PENDING_CASE, "nl", "2026-12-01")[0]
    assert "(1 december 2026 tot en met 31 januari 2027)" in first
    assert (
        "Quinten Quist (Q): € 250,00 op 10 januari 2027 (voorlopig: niet veilig als de bedragen van "
        "2026 blijven gelden; de bedragen voor 2027 zijn nog niet bevestigd)." in first
    ), first
    # the provisionally safe payment is not an alert, but it is not called safe without the reason
    assert "Pia Pool (P): € 100,00 op 10 januari 2027 (" not in first
    assert (
        "Voorlopig veilig als de bedragen van 2026 blijven gelden (de bedragen voor 2027 zijn nog "
        "niet bevestigd): 1 geplande betaling. • Pia Pool (P): € 100,00 op 10 januari 2027." in first
    ), first


def test_january_payments_of_a_pending_year_in_english(tmp_path: Path) -> None:
    first = _overview(tmp_path, PENDING_CASE, "en", "2026-12-01")[0]
    assert (
        "Quinten Quist (Q): €250.00 on 10 January 2027 (provisional: unsafe if the figures of 2026 "
        "still hold; the figures for 2027 are not confirmed yet)." in first
    ), first
    assert (
        "Provisionally safe if the figures of 2026 still hold (the figures for 2027 are not "
        "confirmed yet): 1 planned payment. • Pia Pool (P): €100.00 on 10 January 2027." in first
    ), first
