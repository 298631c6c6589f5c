"""Issue 10 item 1: the resident letter answers first, then explains; planned money is a
condition; everything that depends on a date is worked out from the letter's date. Each test
reads the rendered PDF's text with pypdf.

Figures of 2025 used below (rules/nl, Regeling Participatiewet and Wet LB 1964 art. 2 lid 6):
the volunteer allowance is free up to EUR 210 a month and EUR 2,100 a year.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from conftest import Make, pdf_text
from vergoedingcheck.letters import render_pdf


def _text(make: Make, key: str, **kw: Any) -> str:
    return re.sub(r"\s+", " ", pdf_text(render_pdf(make("resident", "nl", key, **kw))))


def test_outcome_first_thing_to_do_and_phone_come_before_the_reason_and_the_payments(
    make: Make,
) -> None:
    text = _text(make, "unsafe_aio")
    lead = text.index("Let op: dit geld heeft gevolgen voor uw AIO-aanvulling")
    first = text.index("Wat moet u eerst doen? Vertel de SVB")
    phone = text.index("Bel Sanne de Vries op 06 12 34 56 78")
    reason = text.index("Waarom?")
    payments = text.index("Wat krijgt u?")
    assert lead < first < phone < reason < payments
    assert text.index("Wat kunnen we doen?") < text.index("Wat betekent dit voor u?")


def test_the_limit_itself_and_the_cliff(make: Make) -> None:
    # 11 x 200 = 2,200 paid by 20 December 2025; over the year cap of 2,100, so the whole 2,200
    # counts, not only 2,200 - 2,100 = 100
    text = _text(make, "unsafe_bijstand_year", letter_date=date(2025, 12, 20))
    assert "U kreeg in 2025 € 2.200,00. De grens is € 2.100,00 per jaar." in text
    assert "Daarom telt alles mee, niet alleen € 100,00." in text
    assert "Heeft u dit nog niet gemeld? Doe het dan nu." in text  # paid months ago
    # GR de Bevelanden pays and decides on bijstand for Goes (letters/offices.yaml)
    assert "Deze brief is geen besluit. GR de Bevelanden beslist." in text
    # tax is not a bill
    assert "U betaalt belasting" not in text
    assert "Over € 2.200,00 moet misschien belasting betaald worden." in text


def test_planned_money_is_a_condition_never_a_fact(make: Make) -> None:
    # 100 paid on 10 February (safe); 300 planned on 10 April is 300 - 210 = 90 over the month cap
    letter = make("resident", "nl", "unsafe_planned_next_month")
    text = re.sub(r"\s+", " ", pdf_text(render_pdf(letter)))
    assert letter.planned_only
    for sentence in re.split(r"(?<=[.?]) |Beste [^,]+, ", text):
        if "belasting" in sentence and not ("Belastingdienst" in sentence or "Wetten:" in sentence):
            assert sentence.startswith("Als wij betalen zoals gepland"), sentence
    # the tax return would only be needed if the planned money is paid: not a to-do
    assert "declare_income_tax" in letter.conditional_actions
    assert "belastingaangifte" not in text
    assert "U hoeft nu niets te doen." in text


def test_proposals_move_money_to_a_later_month_and_skipping_comes_last(make: Make) -> None:
    letter = make("resident", "nl", "unsafe_planned_next_month")
    text = _text(make, "unsafe_planned_next_month")
    # pay 210 on 10 April and the other 300 - 210 = 90 in May (May has 210 of room)
    assert "We betalen op 10 april 2025 € 210,00. De andere € 90,00 betalen we in mei 2025." in text
    kinds = [p.kind for p in letter.proposals]
    assert kinds.index("other_month") < kinds.index("lower_month")
    turning = make("resident", "nl", "unsafe_turning_27")
    kinds = [p.kind for p in turning.proposals]
    assert "skip_payment" in kinds and kinds[-1] == "skip_payment"


def test_a_safe_letter_says_the_room_left_and_that_all_organisations_count(
    make: Make,
) -> None:
    # 6 x 125.25 = 751.50; year room 2,100 - 751.50 = 1,348.50; the months from March on have
    # 4 x (210 - 125.25) + 6 x 210 = 339.00 + 1,260.00 = 1,599.00, so 1,348.50 is left
    letter = make("resident", "nl", "safe_bijstand")
    text = _text(make, "safe_bijstand")
    assert str(letter.remaining) == "1348.50"
    assert "U kunt in 2025 nog € 1.348,50 krijgen zonder gevolgen." in text
    assert "geld van alle organisaties telt samen" in text
    # GR de Bevelanden pays and decides on bijstand for Goes (letters/offices.yaml)
    assert "Deze brief is geen besluit. GR de Bevelanden beslist." in text


def test_the_age_is_told_from_the_letter_date(make: Make) -> None:
    # born 20 July 1998: 27 on 20 July 2025
    before = _text(make, "unsafe_turning_27")  # letter of 3 March 2025
    assert "U bent jonger dan 27 tot 20 juli 2025." in before
    after = _text(make, "unsafe_turning_27", letter_date=date(2025, 9, 1))
    assert "Tot 20 juli 2025 was u jonger dan 27." in after
    assert "U bent jonger dan 27" not in after


def test_dit_jaar_only_for_the_current_year(make: Make) -> None:
    text = _text(make, "unsafe_bijstand_year", letter_date=date(2026, 2, 1))
    assert "In 2025 krijgt u in totaal € 2.200,00." in text
    assert "dit jaar" not in text.lower()
