"""Issue 10 item 4: the closing keeps with the text before it, and the resident letter's "Wetten:"
line names each law once."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from conftest import Make, pdf_pages
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Letter, Organisation, compose_letter, render_pdf
from vergoedingcheck.letters.model import Block, Bullets, Heading, Para
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

LETTER_DATE = date(2026, 12, 1)


def _case(n: int, benefit: str) -> tuple[list[Resident], list[Payment]]:
    residents = [
        Resident(
            "G1",
            date(1980, 1, 1),
            "Gea Goes",
            "Goes",
            benefits=(Benefit(benefit),),
            address=("Dorpsstraat 1", "4461 AA Goes"),
        )
    ]
    if n == 1:
        # the one-month letter of report-letters.md: 5 hours for EUR 100.00 (EUR 20.00 an hour)
        payments = [
            Payment("G1", date(2026, 3, 2), Decimal("100.00"), "vrijwilligersvergoeding", hours=Decimal(5))
        ]
    else:
        # n payments spread over the twelve months of 2026 (day 1-28), EUR 2.00 each
        payments = [
            Payment(
                "G1", date(2026, 1 + i % 12, 1 + (i // 12) % 28), Decimal("2.00"), "vrijwilligersvergoeding"
            )
            for i in range(n)
        ]
    return residents, payments


def _letter(ruleset: Ruleset, org: Organisation, kind: str, n: int, benefit: str) -> Letter:
    residents, payments = _case(n, benefit)
    rr = evaluate(residents, payments, ruleset).resident("G1")
    return compose_letter(
        kind, "nl", rr, residents, payments, ruleset, year=2026, letter_date=LETTER_DATE, organisation=org
    )


def _closing_words(letter: Letter) -> set[str]:
    """The words of the closing itself: the closing line, the signature and (office letter) the
    two fixed paragraphs before "Hoogachtend," (the decision is the office's; the ruleset)."""
    blocks = list(letter.blocks)
    sig = max(i for i, b in enumerate(blocks) if isinstance(b, Para) and b.style == "signature")
    tail = blocks[sig - (4 if letter.head.kind == "office" else 1) : sig + 1]
    words: set[str] = set()
    for b in tail:
        assert isinstance(b, Para)
        words |= set(b.text.plain().split())
    return words


def _furniture(line: str, letter: Letter) -> bool:
    """The running header, the page label and the footer: on every page, not the letter's text."""
    return (
        line.startswith(letter.head.organisation + " ·")
        or bool(re.search(r"Pagina \d+ van \d+", line))
        or line.startswith(("Vingerafdruk", "Regels gecontroleerd"))
    )


@pytest.mark.parametrize("benefit", ["bijstand", "wia"])
@pytest.mark.parametrize("n", [1, 12, 500])
@pytest.mark.parametrize("kind", ["office", "resident"])
def test_no_page_holds_only_the_closing(
    ruleset: Ruleset, org: Organisation, kind: str, n: int, benefit: str
) -> None:
    letter = _letter(ruleset, org, kind, n, benefit)
    closing = "Hoogachtend," if kind == "office" else "Met vriendelijke groet,"
    pages = pdf_pages(render_pdf(letter))
    (page,) = [p for p in pages if closing in p]
    if kind == "office":
        assert page is pages[-1]  # the office letter ends with its closing
    own = _closing_words(letter)
    lines = [ln for ln in page.splitlines() if not _furniture(ln, letter)]
    other = [w for ln in lines for w in ln.split() if w not in own]
    # the page with the closing also holds the text the closing ends (a heading and its section)
    assert len(other) >= 10, (kind, n, benefit, len(pages), page)


def test_the_closing_group_runs_back_to_its_section_heading() -> None:
    from vergoedingcheck.letters.content import literal
    from vergoedingcheck.letters.render import closing_group

    blocks: list[Block] = [
        Heading(literal("Waarom?")),
        Para(literal("a")),
        Heading(literal("Wat moet u doen?")),
        Bullets((literal("b"),)),
        Para(literal("Deze brief is geen besluit.")),
        Para(literal("Met vriendelijke groet,")),
        Para(literal("Sanne"), "signature"),
        Heading(literal("Wat krijgt u?")),
    ]
    assert closing_group(blocks) == (2, 7)  # "Wat moet u doen?" .. the signature
    # without a heading within reach: the signature and the three paragraphs before it
    plain = [Para(literal(str(i))) for i in range(12)] + [Para(literal("Sanne"), "signature")]
    assert closing_group(plain) == (9, 13)
    assert closing_group([Para(literal("x"))]) is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_laws_line_names_each_law_once(make: Make, lang: str) -> None:
    # a safe letter cites every rule checked: the year cap ("Wet op de loonbelasting 1964, art. 2
    # lid 6") and the volunteer rule ("art. 2 lid 6 (vrijwilliger: werk voor een ANBI, …)") are
    # one law and one article, named once
    for key in ("safe_bijstand", "safe_no_benefit"):
        (foot,) = make("resident", lang, key).footnote
        assert isinstance(foot, Para)
        text = foot.text.plain()
        label = {"nl": "Wetten: ", "en": "Laws: "}[lang]
        assert text.startswith(label), text
        laws = [x.strip() for x in text.removeprefix(label).rstrip(".").split(";")]
        heads = [re.sub(r" \(.*\)$", "", x) for x in laws]
        assert len(heads) == len(set(heads)), text
        assert heads.count("Wet op de loonbelasting 1964, art. 2 lid 6") == 1, text
