"""The text layer: every key exists in every language, and no word is empty."""

from __future__ import annotations

import pytest

from vergoedingcheck.engine.explain import action_text, status_text
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
