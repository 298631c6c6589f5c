"""The text layer: every key exists in every language, and no word is empty."""

from __future__ import annotations

from string import Formatter

import pytest

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
