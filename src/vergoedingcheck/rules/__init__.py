"""The law as data: load, validate and query the versioned figures in `rules/`."""

from vergoedingcheck.rules.ruleset import (
    FigureNotCovered,
    FigureValue,
    RulesError,
    Ruleset,
    load_ruleset,
)

__all__ = ["FigureNotCovered", "FigureValue", "RulesError", "Ruleset", "load_ruleset"]
