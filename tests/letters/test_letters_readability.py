"""The resident letter is easy to read in every outcome.

Dutch: Flesch-Douma via textstat (`set_lang("nl")`, offline: syllables from pyphen's nl_NL).
English: Flesch reading ease with our own small function and pyphen's en_US for syllables;
textstat's English path downloads a dictionary at run time, which CI cannot.
Both at least 70 ("easy"; B1 letters usually score 70-90).
"""

from __future__ import annotations

import re

import pyphen
import pytest
import textstat
from letter_scenarios import SCENARIOS, Scenario

from conftest import Make

MIN_SCORE = 70

_EN = pyphen.Pyphen(lang="en_US")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables_en(word: str) -> int:
    """Syllables from pyphen's en_US hyphenation points. Hyphenation never splits some syllables
    ("al-low-ance" gives 2 points), so we take the larger of that and a vowel-group count (less a
    silent final e): the score errs on the strict side."""
    w = word.lower().strip("'’-")
    by_pyphen = len(_EN.positions(w)) + 1
    groups = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, by_pyphen, groups)


def flesch_en(text: str) -> float:
    """206.835 - 1.015 × words per sentence - 84.6 × syllables per word."""
    sentences = [s for s in re.split(r"[.!?]+(?=\s|$)|\n", text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not sentences or not words:
        return 0.0
    syll = sum(syllables_en(w) for w in words)
    return 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * syll / len(words)


def flesch_douma(text: str) -> float:
    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(text))


def test_syllable_counter_is_sane() -> None:
    words = ("tax", "money", "benefit", "receipts", "allowance", "income", "questions")
    assert [syllables_en(w) for w in words] == [1, 2, 3, 2, 3, 2, 2]
    assert flesch_en("You get money. You pay no tax.") > 90


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.key)
def test_dutch_resident_letter_is_easy(make: Make, scenario: Scenario) -> None:
    text = make("resident", "nl", scenario.key).body_text()
    score = flesch_douma(text)
    assert score >= MIN_SCORE, f"{scenario.key}: Flesch-Douma {score:.1f}\n{text}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.key)
def test_english_resident_letter_is_easy(make: Make, scenario: Scenario) -> None:
    text = make("resident", "en", scenario.key).body_text()
    score = flesch_en(text)
    assert score >= MIN_SCORE, f"{scenario.key}: Flesch reading ease {score:.1f}\n{text}"


def scores(make: Make) -> dict[str, tuple[float, float]]:  # pragma: no cover - for the report
    return {s.key: (flesch_douma(make("resident", "nl", s.key).body_text()),
                    flesch_en(make("resident", "en", s.key).body_text())) for s in SCENARIOS}
