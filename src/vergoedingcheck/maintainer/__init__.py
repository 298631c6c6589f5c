"""Tools for the people who maintain `rules/`: scenario cases, diffs, impact, next-year drafts.

Used by `vergoedingcheck rules …` (commands/rules.py) and by the test suite. Nothing here changes
a rule file: drafts are written where the maintainer asks, never into `rules/`.
"""
