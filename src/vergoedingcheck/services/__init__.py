"""Use cases the command line and the app share, each written once.

`transfer`: import a case file or spreadsheet into the store (preview, then apply) and export it.
`impact`: what a change of the rules does to a caseload (`maintainer.impact`, re-exported).
`letters_preview`: every letter of the demo data for human review (`make letters-preview`).
`letters`: making a letter and recording it in the store (the CLI and the app), batches.

Layer: `cli`/`tui` → `services` → `letters`/`io`/`store` → `engine` → `rules` → domain. Nothing
below imports this package (import-linter contract in pyproject.toml).
"""
