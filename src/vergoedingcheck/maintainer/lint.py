"""Checks on rule files beyond the loader: draft markers left in by `rules new-year`."""

from __future__ import annotations

import re
from pathlib import Path

from vergoedingcheck.rules.ruleset import read_rule_file
from vergoedingcheck.sourcefile import InputError, Problem, dotted

MARKERS = re.compile(r"\b(TODO|CONTROLEER)\b")


def draft_markers(root: Path) -> list[Problem]:
    """Every line under rules/nl, gemeenten and opties that still holds TODO or CONTROLEER."""
    out: list[Problem] = []
    for sub in ("nl", "gemeenten", "opties"):
        d = root / sub
        for path in sorted(d.glob("*.yaml")) if d.is_dir() else []:
            try:  # a FIFO, device, oversized file or alias: the loader reports it
                doc = read_rule_file(path)
            except InputError:
                continue
            text = doc.text or ""
            hits = [
                (n, m.group(1))
                for n, line in enumerate(text.splitlines(), start=1)
                for m in [MARKERS.search(line)]
                if m
            ]
            if not hits:
                continue
            by_line = {ln: loc for loc, ln in sorted(doc.lines.items(), key=lambda kv: len(kv[0]))}
            for n, word in hits:
                out.append(
                    Problem(
                        str(path),
                        n,
                        dotted(by_line.get(n, ())),
                        f"draft marker {word} left in: fill in or check the value, then remove the marker",
                    )
                )
    return out
