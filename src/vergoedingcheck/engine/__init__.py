"""The pure rules engine: `evaluate(residents, payments, ruleset) -> CheckResult`.

Imports neither Textual, reportlab nor any store (a test proves it).
"""

from vergoedingcheck.engine.evaluate import evaluate
from vergoedingcheck.engine.result import CheckResult, Finding, ResidentResult, YearResult

__all__ = ["CheckResult", "Finding", "ResidentResult", "YearResult", "evaluate"]
