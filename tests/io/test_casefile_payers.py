"""`payers:` in case files (spec/case-files.md §1): what is known about each paying organisation.
Strict like the rest of the file: file:line: field: message for an unknown type, a name listed
twice and an unknown key, every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from vergoedingcheck.io.casefile import read_case_file, write_case_file
from vergoedingcheck.model import Payer
from vergoedingcheck.sourcefile import InputError

HEAD = """\
version: 1
residents:
  - {id: R1, birth_date: 1980-01-01, benefits: []}
payers:
"""
TAIL = """\
payments:
  - {resident: R1, date: 2025-03-10, amount: "50.00", kind: vrijwilligersvergoeding, payer: Buurthuis}
"""


def _write(tmp_path: Path, payers: str) -> Path:
    f = tmp_path / "case.yaml"
    f.write_text(HEAD + payers + TAIL, encoding="utf-8")
    return f


def _problems(tmp_path: Path, payers: str) -> list[str]:
    with pytest.raises(InputError) as exc:
        read_case_file(_write(tmp_path, payers))
    return [str(p) for p in exc.value.problems]


def test_payers_are_read_in_file_order(tmp_path: Path) -> None:
    case = read_case_file(
        _write(
            tmp_path,
            "  - {name: Buurthuis, type: anbi, below_market_rate: true}\n"
            "  - {name: Bakkerij Jansen BV, type: commercial}\n",
        )
    )
    assert case.payers == (
        Payer("Buurthuis", "anbi", True),
        Payer("Bakkerij Jansen BV", "commercial", False),
    )


def test_no_payers_section_means_nothing_listed(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(HEAD.replace("payers:\n", "") + TAIL, encoding="utf-8")
    assert read_case_file(f).payers == ()


@pytest.mark.parametrize(
    ("entry", "line", "field", "words"),
    [
        ("  - {name: Buurthuis, type: bv}\n", 5, "payers[0].type", "commercial"),
        ("  - {name: Buurthuis, type: anbi, rate: low}\n", 5, "payers[0].rate", "unknown field"),
        ("  - {name: Buurthuis, type: anbi, below_market_rate: ja}\n", 5, "payers[0].below_market_rate", ""),
        ("  - {type: anbi}\n", 5, "payers[0].name", "required"),
        (
            "  - {name: Buurthuis, type: anbi}\n  - {name: Buurthuis, type: sport}\n",
            6,
            "payers[1].name",
            "duplicate payer 'Buurthuis' (first at payers[0])",
        ),
    ],
)
def test_each_bad_payer_is_named_with_file_line_and_field(
    tmp_path: Path, entry: str, line: int, field: str, words: str
) -> None:
    problems = _problems(tmp_path, entry)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'case.yaml'}:{line}: {field}:"), problems
    assert words in problems[0]


def test_duplicate_payer_is_reported_with_other_problems(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    text = HEAD + "  - {name: X, type: anbi}\n  - {name: X, type: anbi}\n" + TAIL
    f.write_text(text.replace('amount: "50.00"', "amount: 50.5"), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_case_file(f)
    joined = "\n".join(str(p) for p in exc.value.problems)
    assert "payers[1].name: duplicate payer" in joined and "payments[0].amount" in joined


def test_payers_round_trip_through_write_case_file(tmp_path: Path) -> None:
    case = read_case_file(
        _write(
            tmp_path,
            "  - {name: Buurthuis, type: not_vpb, below_market_rate: true}\n  - {name: Club, type: sport}\n",
        )
    )
    out = tmp_path / "out.yaml"
    write_case_file(out, case.residents, case.payments, case.municipality, case.payers)
    assert read_case_file(out).payers == case.payers
