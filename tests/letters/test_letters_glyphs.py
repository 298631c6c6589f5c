"""Issue 10 item 5: a character the embedded font (DejaVu Sans) cannot print is a clear error that
names the field, before a letter is made, never an empty box in the PDF. The error shows the
code point, not the value (a resident's name is personal data)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.cli import main
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import LetterError, Organisation, compose_letter
from vergoedingcheck.letters.render import missing_glyphs
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

# DejaVu Sans has Latin, Greek, Cyrillic and many symbols, but no CJK ideographs and no emoji
CJK = "\u674e\u5c0f\u9f99"  # 李小龙
EMOJI = "\U0001f389"  # 🎉 PARTY POPPER (DejaVu has the emoticons U+1F600.., not this one)


def _compose(
    ruleset: Ruleset, org: Organisation, kind: str, resident: Resident, note: str | None = None
) -> None:
    payments = [Payment("R1", date(2026, 3, 2), Decimal("50.00"), "vrijwilligersvergoeding", note=note)]
    result = evaluate([resident], payments, ruleset)
    subject = result if kind == "coordinator" else result.resident("R1")
    compose_letter(
        kind,
        "nl",
        subject,
        [resident],
        payments,
        ruleset,
        year=2026,
        letter_date=date(2026, 12, 1),
        organisation=org,
    )


RESIDENT = Resident("R1", date(1980, 1, 1), "Anna de Wit", "Goes", benefits=(Benefit("bijstand"),))


def test_the_font_covers_dutch_and_european_names_but_not_cjk_or_emoji() -> None:
    assert missing_glyphs("Łucja Ĳsbrand Zoë Ærø Çelik Ñúñez Şahin Ğül Дмитрий Σοφία € –") == []
    assert missing_glyphs(CJK) == list(CJK)
    assert missing_glyphs(f"Anna {EMOJI}") == [EMOJI]


@pytest.mark.parametrize("kind", ["resident", "office", "coordinator"])
def test_a_name_the_font_cannot_print_is_refused_naming_the_field(
    ruleset: Ruleset, org: Organisation, kind: str
) -> None:
    with pytest.raises(LetterError) as err:
        _compose(ruleset, org, kind, replace(RESIDENT, name=f"{CJK} Wit"))
    msg = str(err.value)
    assert "bewoner R1, naam" in msg and "U+674E" in msg and "CJK UNIFIED IDEOGRAPH-674E" in msg
    assert CJK not in msg and "Wit" not in msg  # the value itself is not in the error


def test_an_emoji_in_an_address_or_a_note_is_refused_naming_the_field(
    ruleset: Ruleset, org: Organisation
) -> None:
    with pytest.raises(LetterError, match=r"bewoner R1, adresregel 2: U\+1F389 \(PARTY POPPER\)"):
        _compose(
            ruleset, org, "resident", replace(RESIDENT, address=("Kerkstraat 1", f"4461 AB Goes {EMOJI}"))
        )
    with pytest.raises(LetterError, match=r"betaling van R1 op 2026-03-02, notitie: U\+1F389"):
        _compose(ruleset, org, "office", RESIDENT, note=f"feest {EMOJI}")


def test_the_organisations_details_are_checked_too(ruleset: Ruleset, org: Organisation) -> None:
    with pytest.raises(LetterError, match="coördinator, naam: U\\+5C0F"):
        _compose(
            ruleset, replace(org, coordinator=replace(org.coordinator, name="\u5c0f")), "resident", RESIDENT
        )


def test_the_cli_exits_2_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(
        "version: 1\nresidents:\n"
        f"  - {{id: R1, name: '{CJK}', birth_date: 1980-01-01, municipality: Goes, benefits: [{{type: bijstand}}]}}\n"
        "payments:\n"
        "  - {resident: R1, date: 2026-03-01, amount: '50.00', kind: vrijwilligersvergoeding}\n",
        encoding="utf-8",
    )
    args = ["letters", str(case), "--resident", "R1", "--year", "2026", "--to", "resident"]
    code = main([*args, "--zonder-adres", "--out", str(tmp_path / "out"), "--date", "2026-12-01"])
    err = capsys.readouterr().err
    assert code == 2 and "bewoner R1, naam: U+674E" in err, err
    assert "Traceback" not in err and CJK not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
