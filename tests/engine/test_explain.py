"""Every finding the engine produces on the scenario cases has a sentence in Dutch and English,
with every placeholder filled in."""

from __future__ import annotations

from pathlib import Path

import yaml

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.explain import SENTENCES, action_text, explain
from vergoedingcheck.io.casefile import case_from_doc
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.sourcefile import parse_text

CASES = Path(__file__).resolve().parents[2] / "rules" / "cases"


def test_every_finding_on_every_case_reads_as_a_sentence(ruleset: Ruleset) -> None:
    seen: set[str] = set()
    for f in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        case = case_from_doc(parse_text(yaml.safe_dump(doc["case"]), str(f)))
        result = evaluate(case.residents, case.payments, ruleset, payers=case.payers)
        for r in result.residents:
            for y in r.years:
                for finding in y.findings:
                    seen.add(finding.explanation)
                    for lang in ("nl", "en"):
                        text = explain(finding, lang)
                        assert text != finding.explanation, finding
                        assert "{" not in text and "}" not in text, text
                for a in y.actions:
                    assert action_text(a, "nl") != a and action_text(a, "en") != a
    assert seen <= set(SENTENCES)
    assert len(seen) >= 25  # the cases reach most of the engine's explanations


def test_missing_figure_sentence_names_title_date_and_why(ruleset: Ruleset) -> None:
    text = "version: 1\nresidents: [{id: R1, birth_date: 1980-01-01}]\npayments:\n" \
           "  - {resident: R1, date: 2027-01-15, amount: \"100.00\", kind: vrijwilligersvergoeding}\n"
    case = case_from_doc(parse_text(text, "t.yaml"))
    y = evaluate(case.residents, case.payments, ruleset).residents[0].years[0]
    missing = [f for f in y.findings if f.explanation == "figure.missing"]
    assert {f.missing for f in missing} == {"tax.volunteer.month_cap", "tax.volunteer.year_cap"}
    nl = explain(next(f for f in missing if f.missing == "tax.volunteer.month_cap"), "nl")
    assert nl == ("Er is nog geen regel voor ‘Vrijwilligersvergoeding, maximum per maand’ op 1 januari 2027: "
                  "het bedrag is aangekondigd maar nog niet bevestigd.")
