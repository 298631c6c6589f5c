"""Everything a person reads, one catalogue per language (`text/nl.py`, `text/en.py`).

A catalogue is a plain dict of groups (status, outcome, action, action_short, benefit, kind,
payment_status, regime, report; finding, figure_why and explain: the findings' sentences with
their `{placeholders}`, filled in by `engine/explain.py`) of keys → words. `word(group, key, lang)`
looks one up; a key without a word returns the key itself (loudly visible, never empty).
`tests/test_text.py` proves that every key exists in every language and that a sentence has the
same placeholders in each. The TUI (`tui/common.py`) and the letters switch to `word()` one table
at a time.
"""

from __future__ import annotations

from vergoedingcheck.text import en, nl

LANGUAGES = ("nl", "en")
CATALOGUES: dict[str, dict[str, dict[str, str]]] = {"nl": nl.CATALOGUE, "en": en.CATALOGUE}


def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """The catalogue of `lang` (`nl` or `en`; anything else is Dutch, the project's language)."""
    return CATALOGUES.get(lang, nl.CATALOGUE)


def word(group: str, key: str, lang: str = "nl") -> str:
    """The word for `key` in `group`, in `lang`; the key itself when there is none."""
    return catalogue(lang).get(group, {}).get(key, key)


def pairs(group: str) -> dict[str, tuple[str, str]]:
    """`{key: (nl, en)}` for a group, the shape `engine/explain.py`'s tables had."""
    return {k: (v, word(group, k, "en")) for k, v in nl.CATALOGUE[group].items()}


__all__ = ["CATALOGUES", "LANGUAGES", "catalogue", "pairs", "word"]
