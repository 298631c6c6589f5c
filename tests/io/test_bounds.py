"""Issue 9, items 2 and 3: bad input is exit 2 with `file:line: field: message`, never exit 3, and
the bounds (validation.py) are the same for case files, CSV and XLSX."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from vergoedingcheck.cli import main
from vergoedingcheck.validation import MAX_AMOUNT, MAX_HOURS

HEAD = (
    "version: 1\nresidents:\n  - {id: R1, birth_date: 1980-01-01, benefits: [{type: bijstand}]}\npayments:\n"
)
PAY = "  - {resident: R1, date: 2026-03-01, amount: %s, kind: vrijwilligersvergoeding%s}\n"


def run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    rc = main(["check", str(path), "--format", "json"])
    return rc, capsys.readouterr().err.strip().splitlines()


def assert_refused(path: Path, capsys: pytest.CaptureFixture[str], line: int, field: str, words: str) -> None:
    rc, err = run_check(path, capsys)
    assert rc == 2, err
    assert err, "a refusal says why"
    for e in err:
        assert re.match(rf"{re.escape(str(path))}:\d+: ", e), e
    assert any(e.startswith(f"{path}:{line}: {field}") and words in e for e in err), err


# -- step 0: JSON that orjson reads but YAML cannot (the fast path), and a problem in it -------


@pytest.mark.parametrize(
    "text, line",
    [
        # a tab before the first `{` is JSON white space, not YAML
        (
            '\t{"version": 1, "residents": [{"id": "R1", "birth_date": "1980-01-01"}],\n'
            ' "payments": [{"resident": "R1", "date": "2026-01-01", "amount": "5.00", "kind": "gifts"}]}',
            2,
        ),
        # a line break between a key and its `:`
        (
            '{"version": 1, "residents": [{"id": "R1", "birth_date": "1980-01-01"}], "payments": [\n'
            '{"resident": "R1", "date"\n: "2026-01-01", "amount": "5.00", "kind": "gifts"}]}',
            3,  # the `kind` key is on the line after the `:`
        ),
    ],
)
def test_a_problem_in_json_that_yaml_cannot_read_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int
) -> None:
    """Defect: the line map was built by YAML, which raised its own syntax error (exit 3)."""
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    assert_refused(path, capsys, line, "payments[0].kind:", "Input should be")


# -- step 2: numbers, ids and structure ---------------------------------------------------------


@pytest.mark.parametrize(
    "amount, words",
    [
        ('"1e400"', "more than € 1,000,000.00"),
        ('"1e50"', "more than € 1,000,000.00"),
        ('"123456789012345678901234567890"', "more than € 1,000,000.00"),
        ("123456789012345678901234567890", "more than € 1,000,000.00"),
        ('"1000000.01"', "more than € 1,000,000.00"),  # MAX_AMOUNT + 0.01
        ('"1' + "0" * 60 + '"', "too many digits"),
        ('"NaN"', "finite"),
    ],
)
def test_amounts_out_of_bounds_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], amount: str, words: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(HEAD + PAY % (amount, ""), encoding="utf-8")
    assert_refused(path, capsys, 5, "payments[0].amount:", words)


def test_the_largest_amount_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(HEAD + PAY % (f'"{MAX_AMOUNT}"', ""), encoding="utf-8")
    rc, _ = run_check(path, capsys)
    assert rc == 1  # € 1.000.000 in one month is far over any monthly limit: not safe


@pytest.mark.parametrize(
    "hours, words",
    [
        ('"1e-400"', "more than 4 decimals"),
        ("1e-400", "more than 4 decimals"),
        ("745", "more hours than a month has"),  # 24 × 31 = 744 is the most
        ('"1e400"', "more hours than a month has"),
        (".nan", "finite"),
        ("0", "more than 0"),
    ],
)
def test_hours_out_of_bounds_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hours: str, words: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(HEAD + PAY % ('"50.00"', f", hours: {hours}"), encoding="utf-8")
    assert_refused(path, capsys, 5, "payments[0].hours:", words)
    assert MAX_HOURS == 24 * 31


@pytest.mark.parametrize(
    "text, line, field, words",
    [
        (
            HEAD.replace("id: R1", "id: ' '") + PAY.replace("R1", "' '") % ('"5.00"', ""),
            3,
            "residents[0].id:",
            "blank",
        ),
        (
            HEAD.replace("R1", "R" * 101) + PAY.replace("R1", "R" * 101) % ('"5.00"', ""),
            3,
            "residents[0].id:",
            "longer than 100",
        ),
        (HEAD + PAY % ('"5.00"', ", payer: " + "p" * 201), 5, "payments[0].payer:", "longer than 200"),
        (HEAD + PAY % ('"5.00"', ", note: " + "n" * 2001), 5, "payments[0].note:", "longer than 2000"),
    ],
)
def test_ids_and_texts_out_of_bounds_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, field: str, words: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    assert_refused(path, capsys, line, field, words)


LAUGHS = (
    "version: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "residents: []\n"
)


@pytest.mark.parametrize(
    "text, line, words",
    [
        (LAUGHS, 2, "anchors (&a0) are not allowed"),
        (HEAD.replace("{type: bijstand}", "&b {type: bijstand}") + PAY % ('"5.00"', ""), 3, "anchors (&b)"),
        ("version: 1\nx: &a 1\nresidents: [\n", 2, "anchors (&a)"),  # a syntax error after an anchor
        (HEAD + PAY % ('"5.00"', "") + "---\nversion: 1\nresidents: []\n", 6, "another document"),
        ("version: 1\nresidents: []\nn: " + "[" * 990 + "]" * 990 + "\n", 3, "deeper than 32"),
        ('{"version": 1, "residents": [], "n": ' + "[" * 990 + "]" * 990 + "}", 1, "deeper than 32"),
        (HEAD + PAY % ('"5.00"', "") + "\0", 6, "not valid YAML/JSON"),
    ],
)
def test_structure_attacks_are_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, words: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    assert_refused(path, capsys, line, "", words)
    assert time.monotonic() - start < 5  # the billion laughs grew past 1.7 GB before


def test_a_json_problem_past_the_fast_path_keeps_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = {
        "version": 1,
        "residents": [{"id": "R1", "birth_date": "1980-01-01"}],
        "payments": [{"resident": "R1", "date": "2026-01-01", "amount": "1e50", "kind": "gift"}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, indent=1), encoding="utf-8")
    # the amount is on line 11 of the indented text (the 11th line holds `"amount": "1e50"`)
    line = next(i for i, s in enumerate(path.read_text().splitlines(), 1) if "1e50" in s)
    assert_refused(path, capsys, line, "payments[0].amount:", "more than € 1,000,000.00")


def test_an_unknown_tag_is_one_line_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz suite: the YAML message carried a second line `in "<unicode string>", ...`
    without file and line. Since explicit tags are refused as such (test_tags_and_dates.py) the
    message names the tag."""
    path = tmp_path / "case.yaml"
    path.write_text(HEAD + PAY % ('"5.00"', ", !!python/none: x"), encoding="utf-8")
    assert_refused(path, capsys, 5, "payments[0]:", "YAML tags (!!python/none:) are not allowed")


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A FIFO blocked `check` for ever; /dev/zero grew until a MemoryError."""
    import os

    path = tmp_path / "case.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    rc, err = run_check(path, capsys)
    assert rc == 2 and err == [f"{path}: not a regular file"], err
