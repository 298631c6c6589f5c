"""Time 500 resident letters against the floor: reportlab alone making 500 one-page documents of
the same text with the same embedded font (SimpleDocTemplate, plain Paragraphs, invariant).

The ratio is what our composing, templates, layout (frames, tables, page X of Y) cost on top of
what reportlab needs anyway. Both run in the same process, after one warm-up.

    .venv/bin/python bench/bench_letters.py [N]
"""

from __future__ import annotations

import io
import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import compose_letter, load_organisation, preview_text, render_pdf
from vergoedingcheck.letters.model import Letter
from vergoedingcheck.letters.render import FONT, register_fonts
from vergoedingcheck.model import Resident
from vergoedingcheck.rules import load_ruleset
from vergoedingcheck.store.db import to_models
from vergoedingcheck.store.demo import PAID_UNTIL, YEAR, build_demo


def floor_pdf(text: str, style: ParagraphStyle) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1)
    doc.build([Paragraph(escape(line), style) for line in text.splitlines() if line.strip()])
    return buf.getvalue()


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    residents, payments = to_models(*build_demo())
    ruleset = load_ruleset()
    result = evaluate(residents, payments, ruleset)
    org = load_organisation()
    register_fonts()
    style = ParagraphStyle("floor", fontName=FONT, fontSize=10.5, leading=14)
    people = [r for r in residents if (rr := result.resident(r.id)) and rr.year(YEAR)]
    jobs = [(people[i % len(people)], "nl" if (i // len(people)) % 2 == 0 else "en")
            for i in range(n)]

    def ours(resident: Resident, lang: str) -> tuple[Letter, bytes]:
        letter = compose_letter("resident", lang, result.resident(resident.id), residents,
                                payments, ruleset, year=YEAR, letter_date=PAID_UNTIL,
                                organisation=org)
        return letter, render_pdf(letter)

    # the same text for the floor, prepared outside the timing
    texts = [preview_text(ours(r, lang)[0]) for r, lang in jobs[: len(people) * 2]]
    floor_texts = [texts[i % len(texts)] for i in range(n)]
    ours(*jobs[0])
    floor_pdf(floor_texts[0], style)  # warm-up

    # interleave the two in rounds so that load from other processes hits both alike
    rounds = 10
    size = -(-n // rounds)
    t_ours = t_floor = 0.0
    ratios = []
    for k in range(rounds):
        chunk = slice(k * size, (k + 1) * size)
        t0 = time.perf_counter()
        for r, lang in jobs[chunk]:
            ours(r, lang)
        a = time.perf_counter() - t0
        t0 = time.perf_counter()
        for text in floor_texts[chunk]:
            floor_pdf(text, style)
        b = time.perf_counter() - t0
        t_ours += a
        t_floor += b
        if b > 0:
            ratios.append(a / b)
    ratios.sort()

    print(f"resident letters: {n} in {t_ours:.2f} s ({1000 * t_ours / n:.1f} ms each, "
          "compose + render)")
    print(f"floor (reportlab, same text, plain paragraphs): {n} in {t_floor:.2f} s "
          f"({1000 * t_floor / n:.1f} ms each)")
    print(f"ratio: {t_ours / t_floor:.2f} (median of {len(ratios)} interleaved rounds: "
          f"{ratios[len(ratios) // 2]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
