"""A plain-text preview of a composed letter (for the TUI's preview pane and for `--format text`).

Same content and order as the PDF, without reportlab.
"""

from __future__ import annotations

import textwrap

from vergoedingcheck.letters.model import Bullets, Heading, KeyValues, Letter, PageBreak, Para, Table
from vergoedingcheck.validation import visible


def _table(b: Table, width: int) -> list[str]:
    header = [t.plain().replace("\n", " ") for t in b.header]
    rows = [header, *[list(r) for r in b.rows]]
    if b.total is not None:
        rows.append(list(b.total))
    cols = len(header)
    widths = [max(len(r[i]) for r in rows) for i in range(cols)]
    out = []
    for n, r in enumerate(rows):
        cells = [r[i].rjust(widths[i]) if b.align[i] == "r" else r[i].ljust(widths[i])
                 for i in range(cols)]
        out.append("  ".join(cells).rstrip())
        if n == 0 or (b.total is not None and n == len(rows) - 2):
            out.append("-" * min(width, sum(widths) + 2 * (cols - 1)))
    return out


def preview_text(letter: Letter, width: int = 78) -> str:
    head = letter.head
    out: list[str] = []
    out += list(head.recipient)
    out.append("")
    out += [f"{k}: {v}" for k, v in head.meta]
    out.append(f"{head.organisation}")
    out.append("")
    out.append(head.subject.plain().upper())
    out.append("")
    for b in (*letter.blocks, *letter.footnote):
        if isinstance(b, Heading):
            out += ["", b.text.plain(), "-" * len(b.text.plain())]
        elif isinstance(b, Para):
            text = b.text.plain()
            if b.style == "signature":
                out += text.split("\n")
            else:
                out += textwrap.wrap(text, width) or [""]
        elif isinstance(b, Bullets):
            for item in b.items:
                out += textwrap.wrap(item.plain(), width, initial_indent="  • ",
                                     subsequent_indent="    ")
        elif isinstance(b, Table):
            out += _table(b, width)
        elif isinstance(b, PageBreak):
            out += ["", "\u2500" * min(width, 20)]
        elif isinstance(b, KeyValues):
            lw = max(len(k.plain()) for k, _ in b.rows)
            out += [f"{k.plain().ljust(lw)}  {v}" for k, v in b.rows]
    out += ["", head.footer]
    return visible("\n".join(out) + "\n")  # data never drives the terminal (issue 9)
