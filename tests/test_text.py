"""The text layer: every key exists in every language, and no word is empty."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

import vergoedingcheck
from vergoedingcheck.engine.explain import action_text, explain, status_text
from vergoedingcheck.engine.result import Finding
from vergoedingcheck.model import BENEFIT_TYPES
from vergoedingcheck.text import CATALOGUES, LANGUAGES, word


def test_every_key_in_every_language() -> None:
    nl = CATALOGUES["nl"]
    for lang in LANGUAGES:
        cat = CATALOGUES[lang]
        assert cat.keys() == nl.keys(), lang
        for group in nl:
            assert cat[group].keys() == nl[group].keys(), (lang, group)
            assert all(v.strip() for v in cat[group].values()), (lang, group)


def test_every_benefit_type_has_a_name() -> None:
    assert set(BENEFIT_TYPES) <= set(CATALOGUES["nl"]["benefit"])


@pytest.mark.parametrize(("lang", "expected"), [("nl", "niet veilig"), ("en", "unsafe")])
def test_explain_reads_the_catalogue(lang: str, expected: str) -> None:
    assert status_text("unsafe", lang) == expected == word("status", "unsafe", lang)
    assert action_text("keep_receipts", lang) == word("action", "keep_receipts", lang)


def test_unknown_key_shows_itself() -> None:
    assert word("status", "no-such-status", "en") == "no-such-status"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("group", sorted(CATALOGUES["nl"]))
def test_sentences_have_the_same_placeholders_in_every_language(group: str) -> None:
    # engine/explain.py's sentences live in the catalogue (issue 13 item 2): a translation that
    # drops or renames a placeholder would show "?" or the raw template in one language only
    nl = CATALOGUES["nl"][group]
    for lang in LANGUAGES:
        for key, template in CATALOGUES[lang][group].items():
            assert _placeholders(template) == _placeholders(nl[key]), (lang, group, key)


def _finding(explanation: str, **params: str) -> Finding:
    return Finding("x.rule", "warning", "2026-03", explanation, params=tuple(params.items()))


@pytest.mark.parametrize(
    ("params", "lang", "who"),
    [
        # the sentence names the recorded payers and counts the payments without one
        ({"payers": "Buurthuis", "without_payer": "2"}, "nl", "Buurthuis en 2 vergoeding(en) zonder betaler"),
        ({"payers": "Buurthuis", "without_payer": "2"}, "en", "Buurthuis and 2 payment(s) without a payer"),
        ({"without_payer": "1"}, "en", "1 payment(s) without a payer"),
    ],
)
def test_assumed_payer_sentence_from_the_catalogue(params: dict[str, str], lang: str, who: str) -> None:
    text = explain(_finding("payer.assumed", **params), lang)
    assert f"): {who}." in text, text


@pytest.mark.parametrize(
    ("params", "lang", "start"),
    [
        # a body that pays the bijstand for a municipality names itself and the municipality
        (
            {"policy_by": "GR de Bevelanden", "municipality": "Goes"},
            "nl",
            "GR de Bevelanden, die de bijstand van Goes uitvoert, stelt dit als eis",
        ),
        (
            {"policy_by": "GR de Bevelanden", "municipality": "Goes"},
            "en",
            "GR de Bevelanden, which pays Goes's bijstand, makes this a",
        ),
        ({"municipality": "Goes"}, "nl", "De gemeente Goes stelt dit als eis"),
        ({"municipality": "Goes"}, "en", "The municipality of Goes makes this a"),
    ],
)
def test_hard_hourly_norm_names_whose_policy(params: dict[str, str], lang: str, start: str) -> None:
    assert start in explain(_finding("pw.hourly_norm_hard", amount="50.00", **params), lang)


@pytest.mark.parametrize(
    ("lang", "payer"), [("nl", "de betaler kan laten zien"), ("en", "the payer can show")]
)
def test_hourly_norm_without_a_payer_name(lang: str, payer: str) -> None:
    text = explain(_finding("tax.hourly_over_norm"), lang)
    assert payer in text, text


def test_any_other_language_reads_english_as_before() -> None:
    f = _finding("ww.permission_given")
    assert explain(f, "de") == explain(f, "en") == "UWV has given permission for the volunteer work."


# -- no sentence outside the catalogue (issue 13 item 2) ----------------------------------------
# The files whose sentences moved into the catalogue; a new Dutch sentence there, written as a plain
# string literal, would reach a person untranslated. The heuristic: a literal with a space in it and
# at least one common Dutch function word (docstrings, option names and catalogue keys do not count).

SRC = Path(vergoedingcheck.__file__).parent
CONVERTED = [
    "services/worklist.py",
    "cli.py",
    "commands/app.py",
    "commands/backup.py",
    "commands/check.py",
    "commands/demo.py",
    "commands/history.py",
    "commands/privacy.py",
    "commands/restore.py",
    "commands/rules.py",
]
DUTCH_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "is",
        "niet",
        "geen",
        "met",
        "voor",
        "op",
        "bij",
        "naar",
        "wordt",
        "dit",
        "die",
        "zijn",
        "of",
        "te",
        "als",
        "ook",
        "nog",
        "al",
        "om",
        "uit",
        "aan",
        "er",
        "kan",
        "mag",
        "wat",
        "wie",
        "dan",
        "deze",
        "alle",
        "elke",
    ]
)


def dutch_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal in `source` that looks like a Dutch sentence."""
    tree = ast.parse(source)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value
        if id(node) in docstrings or " " not in text.strip():
            continue
        if DUTCH_WORDS & set(re.findall(r"[a-zà-ÿ]+", text.lower())):
            found.append((node.lineno, text))
    return found


@pytest.mark.parametrize("name", CONVERTED)
def test_no_dutch_sentence_outside_the_catalogue(name: str) -> None:
    assert dutch_literals((SRC / name).read_text(encoding="utf-8")) == [], name


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        # the worklist's sentence before it moved into the catalogue: caught
        ('t = "UWV gaf geen toestemming: elke vergoeding is niet veilig."', True),
        ('t = f"{n} bewoner(s) met een andere uitkomst"', True),
        # a docstring, an option name, a catalogue key and an English word are not sentences
        ('"""Een docstring van de module."""\nx = "--as-of"', False),
        ('x = word("cmd_check", "as_of_help")', False),
        ('x = "passed, failed"', False),
    ],
)
def test_the_dutch_sentence_heuristic(source: str, caught: bool) -> None:
    assert bool(dutch_literals(source)) is caught
