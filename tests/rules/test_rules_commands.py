"""`rules show`, `rules diff`, `rules impact` and `rules new-year` on the static tiny rule sets."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from vergoedingcheck.maintainer.newyear import drafts_for_year
from vergoedingcheck.rules import load_ruleset

# -- show ------------------------------------------------------------------------------------------


def test_show_lists_the_figures_in_force_with_dutch_formatting(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2026-03-01")
    assert code == 0
    assert out.startswith("Regels op 1 maart 2026")
    block = out.split("tax.volunteer.month_cap — ")[1].split("\n\n")[0]
    assert "€\xa0220,00 (vanaf 1 januari 2026)" in block
    assert "wettelijke basis: Wet op de loonbelasting 1964, art. 2 lid 6" in block
    assert "bron: Testbron (https://example.org/fixture)" in block
    assert "gecontroleerd: 15 januari 2026" in block
    assert "policy.year_breach — Jaargrens overschreden\n  whole" in out
    assert "pw.volunteer.min_age — Bijstand: minimumleeftijd vrijlating\n  27 jaar" in out
    assert "Laatst gecontroleerd: 15 januari 2026" in out


def test_show_marks_pending_and_not_yet_started(cli: Any, tiny: Path) -> None:
    _, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2027-02-01")
    assert (
        "tax.volunteer.month_cap — Vrijwilligersvergoeding, maximum per maand\n"
        "  nog niet bevestigd (pending)" in out
    )
    _, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2026-02-01")
    assert (
        "pw.earnings.disregard — Inkomstenvrijlating, maximum per maand\n"
        "  nog geen waarde (eerste waarde vanaf 1 januari 2027)" in out
    )


def test_show_with_a_municipality_uses_its_overlay(cli: Any, tiny: Path) -> None:
    _, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2023-05-01", "--gemeente", "Testdorp")
    assert "gemeente Testdorp (Gemeente Testdorp)" in out.splitlines()[0]
    assert "€\xa01.000,00 (vanaf 1 januari 2022)  [gemeentelijk: Gemeente Testdorp]" in out
    _, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2023-05-01", "--gemeente", "Elders")
    assert "geen gemeentelijke afwijkingen" in out.splitlines()[0]


def test_show_one_figure_gives_its_whole_history(cli: Any, tiny: Path) -> None:
    code, out, _ = cli(
        "rules",
        "show",
        "pw.gift.year_limit",
        "--dir",
        tiny,
        "--on",
        "2024-01-01",
        "--municipality",
        "Testdorp",
    )
    assert code == 0
    assert "Op 1 januari 2024: €\xa01.000,00 (gemeentelijk)" in out
    assert "Landelijk:\n    vanaf 1 januari 2026: €\xa01.200,00" in out
    assert "Gemeente Testdorp (rules/gemeenten/testdorp.yaml; geldt voor Testdorp):" in out
    assert "vanaf 1 januari 2022: €\xa01.000,00" in out
    assert "vanaf 1 januari 2026: einde (geen waarde meer)" in out
    _, out, _ = cli("rules", "show", "tax.volunteer.month_cap", "--dir", tiny)
    assert "vanaf 1 januari 2027: nog niet bevestigd (pending)" in out
    assert "toelichting: Bedrag nog niet bekend (test)." in out


def test_show_with_a_rule_option(cli: Any, tiny: Path) -> None:
    _, out, _ = cli("rules", "show", "--dir", tiny, "--on", "2026-03-01")
    assert "policy.year_breach — Jaargrens overschreden\n  whole (vanaf 1 januari 2017)\n" in out
    assert "alleen-meerdere: Alleen het meerdere telt (test)" in out
    _, out, _ = cli("rules", "show", "--dir", tiny, "--option", "alleen-meerdere")
    assert "  excess (vanaf 1 januari 2017)  [optie: alleen-meerdere]" in out
    _, out, _ = cli("rules", "show", "policy.year_breach", "--dir", tiny, "--option",
                    "alleen-meerdere")
    assert "(vandaag): excess (optie alleen-meerdere)" in out
    assert "Regeloptie alleen-meerdere (aan): Alleen het meerdere telt (test)" in out


def test_show_an_unknown_figure_is_bad_input_with_a_suggestion(cli: Any, tiny: Path) -> None:
    code, _, err = cli("rules", "show", "tax.volunteer.month_capp", "--dir", tiny)
    assert code == 2
    assert "bedoelt u tax.volunteer.month_cap" in err


# -- diff ------------------------------------------------------------------------------------------


def test_diff_between_dates(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "diff", "--from", "2025-06-01", "--to", "2026-06-01", "--dir", tiny)
    assert code == 1
    assert (
        "tax.volunteer.month_cap — Vrijwilligersvergoeding, maximum per maand\n"
        "  €\xa0210,00 → €\xa0220,00" in out
    )
    assert (
        "pw.gift.year_limit — Giftenvrijlating per huishouden per jaar\n"
        "  nog geen waarde (eerste waarde vanaf 1 januari 2026) → €\xa01.200,00" in out
    )
    assert "pw.gift.year_limit [Gemeente Testdorp]" in out
    assert "€\xa01.000,00 (gemeentelijk) → €\xa01.200,00 (landelijk)" in out
    assert "bron: Testbron (https://example.org/fixture)" in out
    assert "tax.volunteer.hourly_norm " not in out  # unchanged figures are not listed
    assert re.search(r"\n\d+ wijziging\(en\)$", out.strip())


def test_diff_same_date_is_no_change(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "diff", "--from", "2026-02-01", "--to", "2026-03-01", "--dir", tiny)
    assert code == 0
    assert out.strip().endswith("Geen wijzigingen.")


def test_diff_between_directories(cli: Any, tiny: Path, tiny_next: Path) -> None:
    code, out, _ = cli("rules", "diff", tiny, tiny_next)
    assert code == 1
    assert "vanaf 1 januari 2026: €\xa0220,00 → €\xa0230,00" in out
    assert "bron was: Testbron (https://example.org/fixture)" in out
    assert "bron nu: Testbron 2027 (https://example.org/fixture-2027)" in out
    assert "vanaf 1 januari 2027: nog niet bevestigd (pending) → €\xa02.300,00" in out
    assert out.strip().endswith("3 wijziging(en)")
    code, out, _ = cli("rules", "diff", tiny, tiny)
    assert code == 0


def test_diff_directories_shows_checks_and_removed_overrides(cli: Any, tiny: Path,
                                                            tmp_path: Path) -> None:
    from shutil import copytree

    new = copytree(tiny, tmp_path / "new")
    f = new / "nl" / "aow.means_tested.yaml"
    f.write_text(f.read_text().replace("verified_on: 2026-01-15", "verified_on: 2026-02-20"))
    (new / "gemeenten" / "testdorp.yaml").unlink()
    code, out, _ = cli("rules", "diff", tiny, new)
    assert code == 1
    assert "aow.means_tested — AOW: inkomenstoets\n  vanaf 1 januari 2017: nee (waarde gelijk)\n" \
           "    gecontroleerd: 15 januari 2026 → 20 februari 2026" in out
    assert "pw.gift.year_limit [Gemeente Testdorp]" in out
    assert "vanaf 1 januari 2022: €\xa01.000,00 → geen afwijking" in out
    assert out.count("[Gemeente Testdorp]") == 1  # the end (null) that went with it is no change


def test_diff_needs_dates_or_two_directories(cli: Any, tiny: Path) -> None:
    assert cli("rules", "diff", "--from", "2026-01-01")[0] == 2
    assert cli("rules", "diff", tiny)[0] == 2
    assert cli("rules", "diff", "--from", "2026-13-01", "--to", "2026-01-01")[0] == 2


# -- impact ----------------------------------------------------------------------------------------


def test_impact_from_a_case_file(cli: Any, tiny: Path, tiny_next: Path, fixtures_dir: Path) -> None:
    code, out, _ = cli(
        "rules", "impact", tiny_next, fixtures_dir / "impact-case.yaml", "--rules", tiny
    )
    assert code == 1
    assert "R1 (Anna), 2026: veilig (ongewijzigd)" in out
    assert "2026-03 €\xa00,00 → €\xa010,00" in out
    assert "R2 (Bram), 2027: onbekend → veilig" in out
    assert "belastbaar onbekend → €\xa00,00" in out
    assert "ruimte dit jaar €\xa00,00 → €\xa02.200,00" in out
    assert "R3" not in out
    assert out.strip().endswith("2 bewoner(s) met een andere uitkomst")


def test_impact_without_changes(cli: Any, tiny: Path, fixtures_dir: Path) -> None:
    code, out, _ = cli("rules", "impact", tiny, fixtures_dir / "impact-case.yaml", "--rules", tiny)
    assert code == 0
    assert "Voor niemand verandert de uitkomst." in out


def test_impact_from_the_database(cli: Any, tiny: Path, tiny_next: Path, tmp_path: Path) -> None:
    from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store

    db = tmp_path / "vc.db"
    with Store(db) as store:
        store.add_resident(ResidentRecord(id="R2", name="Bram", birth_date=date(1975, 5, 5)))
        store.add_payment(
            PaymentRecord(
                resident="R2",
                date=date(2027, 2, 1),
                amount=Decimal("100.00"),
                kind="vrijwilligersvergoeding",
            )
        )
    code, out, _ = cli("rules", "impact", tiny_next, "--db", db, "--rules", tiny)
    assert code == 1, out
    assert "R2 (Bram), 2027: onbekend → veilig" in out


def test_impact_bad_input(cli: Any, tiny: Path, tmp_path: Path, fixtures_dir: Path) -> None:
    assert cli("rules", "impact", tiny, "--db", tmp_path / "missing.db")[0] == 2
    assert not (tmp_path / "missing.db").exists()  # never creates a database
    assert cli("rules", "impact", tiny, fixtures_dir / "impact-case.yaml", "--db", "x.db")[0] == 2
    assert cli("rules", "impact", tmp_path / "nope", fixtures_dir / "impact-case.yaml")[0] == 2


# -- new-year --------------------------------------------------------------------------------------


def test_new_year_lists_pending_and_missing_figures(tiny: Path) -> None:
    rs = load_ruleset(tiny)
    assert [d.figure for d in drafts_for_year(rs, 2027)] == [
        "pw.earnings.disregard",
        "tax.volunteer.month_cap",
        "tax.volunteer.year_cap",
    ]
    assert [d.figure for d in drafts_for_year(rs, 2016)][:3] == [
        "aow.age",  # the AOW-age file starts in 2019
        "aow.means_tested",
        "policy.hourly_norm_hard",
    ]
    assert drafts_for_year(rs, 2026) == []


def test_new_year_draft_never_guesses_a_value(cli: Any, tiny: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "ontwerp-2027.yaml"
    code, out, _ = cli("rules", "new-year", "2027", "--dir", tiny, "--out", out_file)
    assert code == 1
    assert "3 regel(s) zonder bevestigde waarde op 1 januari 2027:" in out
    assert "tax.volunteer.month_cap: nog niet bevestigd (pending)" in out
    text = out_file.read_text(encoding="utf-8")
    assert "230" not in text and '220.00"\n' not in text
    assert "Vorige bevestigde waarde: €\xa0220,00 (vanaf 1 januari 2026)" in text
    snippets = text.split("# " + "-" * 96)[1:]
    assert len(snippets) == 3
    for snippet in snippets:
        data = yaml.safe_load(snippet)
        ((day, entry),) = data.items()
        assert day == date(2027, 1, 1)
        assert entry["value"] == "TODO"
        assert entry["verified_on"] is None
        assert entry["legal_basis"]["law"].startswith("CONTROLEER: ")
        assert entry["source"]["url"].startswith("CONTROLEER: https://")
        assert "pending" not in entry
    assert "rules/nl/tax.volunteer.month_cap.yaml, onder `values:`" in text


def test_new_year_draft_pasted_unchanged_does_not_validate(
    cli: Any, tiny: Path, tmp_path: Path
) -> None:
    from shutil import copytree

    root = copytree(tiny, tmp_path / "rules")
    _, text, _ = cli("rules", "new-year", "2027", "--dir", root)
    snippet = next(s for s in text.split("# " + "-" * 96) if "tax.volunteer.year_cap —" in s)
    f = root / "nl" / "tax.volunteer.year_cap.yaml"
    body = f.read_text().split("  2027-01-01:")[0]
    f.write_text(
        body + "\n".join(line for line in snippet.splitlines() if not line.startswith("#")) + "\n"
    )
    code, out, _ = cli("rules", "validate", root)
    assert code == 1
    assert "values.2027-01-01.value" in out and "CONTROLEER" in out


def test_new_year_never_writes_into_rules(cli: Any, tiny: Path, tmp_path: Path) -> None:
    from shutil import copytree

    root = copytree(tiny, tmp_path / "rules")
    code, _, err = cli("rules", "new-year", "2027", "--dir", root, "--out", root / "nl" / "x.yaml")
    assert code == 2
    assert not (root / "nl" / "x.yaml").exists()
    assert "niet in de regelmap" in err


def test_new_year_nothing_to_do(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "new-year", "2026", "--dir", tiny)
    assert code == 0
    assert "Alle regels hebben een bevestigde waarde op 1 januari 2026." in out


@pytest.mark.parametrize("sub", ["validate", "show", "diff", "impact", "test", "new-year"])
def test_every_subcommand_has_dutch_help(cli: Any, sub: str) -> None:
    code, out, _ = cli("rules", sub, "--help")
    assert code == 0
    assert "usage: vergoedingcheck rules " + sub in out
