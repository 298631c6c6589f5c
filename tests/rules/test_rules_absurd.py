"""Rule files that cannot say something absurd (issue 8 item 3).

Each test breaks a fresh copy of the real rules/ in one way a maintainer (or an accident on disk)
could, and expects `load_ruleset` to refuse it with the file, the line and the key, `rules validate`
to print it, and `check --rules` to exit 2 without a traceback. The file-system cases (a FIFO, a
symlink to /dev/zero) run under an alarm so that a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vergoedingcheck.rules import RulesError, load_ruleset
from vergoedingcheck.sourcefile import Problem

TODAY = date(2026, 11, 30)
ROOT = Path(__file__).resolve().parents[2]
BUURT = ROOT / "examples" / "buurt.yaml"


@contextmanager
def deadline(seconds: int = 20) -> Iterator[None]:
    """Fail (instead of hanging forever) when the block takes longer than `seconds`."""

    def _boom(signum: int, frame: Any) -> None:
        raise TimeoutError(f"took longer than {seconds}s: the loader hangs")

    old = signal.signal(signal.SIGALRM, _boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def problems(root: Path) -> list[Problem]:
    with deadline(), pytest.raises(RulesError) as info:
        load_ruleset(root, today=TODAY)
    return info.value.problems


def line_of(path: Path, pattern: str, after: str | None = None) -> int:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    m = re.compile(pattern, re.M).search(text, start)
    assert m, f"{pattern!r} not in {path}"
    return text.count("\n", 0, m.start()) + 1


def assert_refused(
    root: Path, path: Path, message: str, *, line: int | None = None, field: str | None = None
) -> None:
    got = problems(root)
    hits = [p for p in got if p.file == str(path) and message in p.message]
    assert hits, f"no problem {message!r} for {path}:\n" + "\n".join(map(str, got))
    if line is not None:
        assert any(p.line == line for p in hits), "\n".join(map(str, hits))
    if field is not None:
        assert any(p.field == field for p in hits), "\n".join(map(str, hits))


def replace_once(path: Path, old: str, new: str, *, after: str | None = None) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    i = text.index(old, start)
    path.write_text(text[:i] + new + text[i + len(old) :], encoding="utf-8")


# -- values that cannot be right ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "message"),
    [("0.00", "must be more than 0"), ("-10.00", "negative")],  # a negative was refused already
)
def test_a_cap_of_zero_or_below_is_refused(rules_copy: Path, amount: str, message: str) -> None:
    f = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    replace_once(f, 'value: "190.00"', f'value: "{amount}"')
    assert_refused(
        rules_copy,
        f,
        message,
        line=line_of(f, rf'value: "{re.escape(amount)}"'),
        field="values.2023-01-01.value",
    )


def test_an_hourly_norm_of_zero_is_refused(rules_copy: Path) -> None:
    f = rules_copy / "nl" / "tax.volunteer.hourly_norm.yaml"
    text = f.read_text(encoding="utf-8")
    first = re.search(r'value: "([0-9.]+)"', text)
    assert first
    replace_once(f, first.group(0), 'value: "0.00"')
    assert_refused(rules_copy, f, "must be more than 0", line=line_of(f, r'value: "0\.00"'))


def test_a_monthly_cap_above_the_yearly_cap_is_refused(rules_copy: Path) -> None:
    # 2023: year cap € 1.900; a month cap of € 1.950 would make the year cap unreachable by one
    # month and say the maintainer swapped the two (or typed a zero too many).
    f = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    replace_once(f, 'value: "190.00"', 'value: "1950.00"')
    assert_refused(
        rules_copy,
        f,
        "above the yearly cap",
        line=line_of(f, r'value: "1950\.00"'),
        field="values.2023-01-01.value",
    )


def test_a_pw_monthly_cap_above_its_yearly_cap_is_refused(rules_copy: Path) -> None:
    f = rules_copy / "nl" / "pw.volunteer.year_cap.yaml"
    text = f.read_text(encoding="utf-8")
    last = list(re.finditer(r'value: "([0-9.]+)"', text))[-1]
    f.write_text(text[: last.start()] + 'value: "100.00"' + text[last.end() :], encoding="utf-8")
    m = rules_copy / "nl" / "pw.volunteer.month_cap.yaml"
    got = problems(rules_copy)
    assert any(p.file == str(m) and "above the yearly cap" in p.message and p.line for p in got), "\n".join(
        map(str, got)
    )


@pytest.mark.parametrize("age", ["-1", "121", "270"])
def test_an_age_outside_0_to_120_is_refused(rules_copy: Path, age: str) -> None:
    f = rules_copy / "nl" / "pw.volunteer.min_age.yaml"
    replace_once(f, "value: 27", f"value: {age}")
    assert_refused(
        rules_copy,
        f,
        "between 0 and 120",
        line=line_of(f, rf"value: {age}$"),
        field="values.2017-01-01.value",
    )


# -- choices -------------------------------------------------------------------------------------


def test_an_unknown_choice_value_is_refused_even_if_the_file_lists_it(rules_copy: Path) -> None:
    # The engine knows `whole` and `excess` only; a file that adds `half` to its own choices
    # must not get `half` read as `whole`.
    f = rules_copy / "nl" / "policy.year_breach.yaml"
    replace_once(f, "- excess\n", "- excess\n- half\n")
    replace_once(f, "value: whole", "value: half")
    got = problems(rules_copy)
    assert any(
        p.file == str(f) and p.line == line_of(f, r"value: half") and "half" in p.message for p in got
    ), "\n".join(map(str, got))
    assert any(p.file == str(f) and p.field == "choices" for p in got), "\n".join(map(str, got))


def test_an_unknown_choice_in_a_municipal_overlay_is_refused(rules_copy: Path) -> None:
    f = rules_copy / "gemeenten" / "noordenveld.yaml"
    text = f.read_text(encoding="utf-8")
    text += (
        "  policy.year_breach:\n"
        "    2022-01-01:\n"
        "      value: half\n"
        "      legal_basis: {law: Participatiewet, article: 31 lid 2 onderdeel k,"
        ' url: "https://wetten.overheid.nl/BWBR0015703"}\n'
        '      source: {title: Testbron, url: "https://example.org/half"}\n'
        "      verified_on: 2026-11-25\n"
    )
    f.write_text(text, encoding="utf-8")
    assert_refused(
        rules_copy,
        f,
        "half",
        line=line_of(f, r"value: half"),
        field="overrides.policy.year_breach.2022-01-01.value",
    )


# -- what a municipality may change ------------------------------------------------------------


def _add_override(f: Path, figure: str, start: str, value: str) -> None:
    text = f.read_text(encoding="utf-8")
    text += (
        f"  {figure}:\n"
        f"    {start}:\n"
        f"      value: {value}\n"
        "      legal_basis: {law: Wet op de loonbelasting 1964, article: 2 lid 6,"
        ' url: "https://wetten.overheid.nl/BWBR0002471"}\n'
        '      source: {title: Testbron, url: "https://example.org/overlay"}\n'
        "      verified_on: 2026-11-25\n"
    )
    f.write_text(text, encoding="utf-8")


def test_a_municipality_cannot_change_the_national_tax_cap(rules_copy: Path) -> None:
    f = rules_copy / "gemeenten" / "noordenveld.yaml"
    _add_override(f, "tax.volunteer.year_cap", "2022-01-01", '"5000.00"')
    assert_refused(
        rules_copy,
        f,
        "not a point a municipality decides",
        line=line_of(f, r"^  tax\.volunteer\.year_cap:"),
        field="overrides.tax.volunteer.year_cap",
    )


def test_a_municipal_gift_limit_from_2026_is_refused(rules_copy: Path) -> None:
    # From 2026 the € 1.200 is statutory (Participatiewet in balans): no municipal value after it.
    f = rules_copy / "gemeenten" / "noordenveld.yaml"
    replace_once(f, "    2026-01-01: null\n", "")
    _add_override(f, "policy.hourly_norm_hard", "2024-01-01", "true")  # allowed: still fine
    text = f.read_text(encoding="utf-8")
    text = text.replace(
        "  policy.hourly_norm_hard:",
        "    2026-01-01:\n"
        '      value: "2000.00"\n'
        "      legal_basis: {law: Participatiewet, article: 31 lid 2 onderdeel m,"
        ' url: "https://wetten.overheid.nl/BWBR0015703"}\n'
        '      source: {title: Testbron, url: "https://example.org/gift"}\n'
        "      verified_on: 2026-11-25\n"
        "  policy.hourly_norm_hard:",
    )
    f.write_text(text, encoding="utf-8")
    got = problems(rules_copy)
    hits = [p for p in got if p.file == str(f) and "2026-01-01" in p.message]
    assert hits, "\n".join(map(str, got))
    assert any(p.field == "overrides.pw.gift.year_limit.2026-01-01" for p in hits)
    assert not any("hourly_norm_hard" in p.field for p in got), "\n".join(map(str, got))


def test_the_allowed_municipal_points_still_load(rules_copy: Path) -> None:
    f = rules_copy / "gemeenten" / "noordenveld.yaml"
    _add_override(f, "policy.year_breach", "2022-01-01", "excess")
    _add_override(f, "policy.hourly_norm_hard", "2022-01-01", "true")
    with deadline():
        rs = load_ruleset(rules_copy, today=date.today())  # real figures: verified up to today
    assert rs.value("policy.year_breach", date(2023, 6, 1), "Noordenveld").value == "excess"


# -- files that are not regular YAML files -------------------------------------------------------


def test_a_yml_file_is_refused_not_ignored(rules_copy: Path) -> None:
    src = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    dst = rules_copy / "nl" / "tax.volunteer.month_cap.yml"
    src.rename(dst)
    assert_refused(rules_copy, dst, ".yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_does_not_hang_the_loader(rules_copy: Path) -> None:
    fifo = rules_copy / "nl" / "extra.figure.yaml"
    os.mkfifo(fifo)
    assert_refused(rules_copy, fifo, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused(rules_copy: Path) -> None:
    link = rules_copy / "gemeenten" / "zero.yaml"
    link.symlink_to("/dev/zero")
    assert_refused(rules_copy, link, "not a regular file")


def test_a_directory_named_yaml_is_refused(rules_copy: Path) -> None:
    d = rules_copy / "opties" / "map.yaml"
    d.mkdir()
    assert_refused(rules_copy, d, "not a regular file")


def test_an_oversized_rule_file_is_refused_without_reading_it(rules_copy: Path) -> None:
    f = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    with f.open("a", encoding="utf-8") as fh:
        fh.write("# " + "x" * (2 * 1024 * 1024) + "\n")
    assert_refused(rules_copy, f, "too large")


def test_yaml_anchors_and_aliases_are_refused(rules_copy: Path) -> None:
    f = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    replace_once(f, "    legal_basis:\n", "    legal_basis: &lb\n", after="2019-01-01:")
    text = f.read_text(encoding="utf-8")
    # the 2021 entry re-uses the 2019 legal basis by alias
    i = text.index("    legal_basis:\n", text.index("2021-01-01:"))
    j = text.index("    source:", i)
    f.write_text(text[:i] + "    legal_basis: *lb\n" + text[j:], encoding="utf-8")
    assert_refused(rules_copy, f, "anchor", line=line_of(f, r"&lb"))
    assert_refused(rules_copy, f, "alias", line=line_of(f, r"\*lb"))


def test_billion_laughs_is_refused_quickly(rules_copy: Path) -> None:
    f = rules_copy / "nl" / "tax.volunteer.month_cap.yaml"
    lol = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for k in range(1, 12):
        prev = f"*a{k - 1}"
        lol.append(f"a{k}: &a{k} [{', '.join([prev] * 9)}]")
    f.write_text(f.read_text(encoding="utf-8") + "\n".join(lol) + "\n", encoding="utf-8")
    with deadline(10):
        got = problems(rules_copy)
    assert any(p.file == str(f) and "anchor" in p.message for p in got), "\n".join(map(str, got))


# -- through the command line: exit 2 for check, the problem printed by validate -----------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_check_with_absurd_rules_exits_2_without_a_traceback(rules_copy: Path, cli: Any) -> None:
    os.mkfifo(rules_copy / "nl" / "pipe.yaml")
    f = rules_copy / "nl" / "pw.volunteer.min_age.yaml"
    replace_once(f, "value: 27", "value: 270")
    with deadline():
        code, out, err = cli("check", BUURT, "--rules", rules_copy)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert f"{f}:{line_of(f, r'value: 270$')}:" in err
    with deadline():
        code, out, _ = cli("rules", "validate", rules_copy)
    assert code == 1
    assert "between 0 and 120" in out and "not a regular file" in out


def test_the_real_rules_pass_the_new_checks(real_rules: Path) -> None:
    with deadline():
        load_ruleset(real_rules, today=date.today())  # real figures: verified up to today
    assert sys.platform  # loaded without RulesError
