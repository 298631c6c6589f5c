"""Words, amounts and dates for the screens (Dutch).

Status is always a word, never only a colour."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from vergoedingcheck.engine.result import Finding, Status, YearResult
from vergoedingcheck.model import Benefit, age_on
from vergoedingcheck.money import format_date, format_eur, format_month
from vergoedingcheck.text import catalogue

NL = catalogue("nl")
STATUS_NL: dict[str, str] = NL["status"]  # the words live in text/nl.py (one text layer)
# "niet veilig" is the most visible word on every screen, also without colour (NO_COLOR): bold
# and reversed; "onbekend" is bold; "veilig" is plain. The colour only repeats the word.
STATUS_STYLE: dict[str, str] = {"safe": "green", "unsafe": "bold reverse red", "unknown": "bold yellow"}
# Without colour Textual turns every colour into a grey of the same lightness: red reversed became
# dark grey on near-black, the least visible word on the screen (issue 11 item 5). Reversed text in
# the screen's own foreground is the most visible thing a monochrome terminal has.
STATUS_STYLE_NO_COLOR: dict[str, str] = {"safe": "", "unsafe": "bold reverse", "unknown": "bold"}
_colour = {"on": True}


def use_colour(on: bool) -> None:
    """Set by the app from its `no_color` (Textual removes NO_COLOR from the environment)."""
    _colour["on"] = on


def status_style(status: Status | str | None) -> str:
    styles = STATUS_STYLE if _colour["on"] else STATUS_STYLE_NO_COLOR
    return styles.get(status or "", "")


STATUS_ORDER = {"unsafe": 0, "unknown": 1, "safe": 2}
OUTCOME_NL = NL["outcome"]
OUTCOME_ORDER = {"fail": 0, "unknown": 1, "warning": 2, "info": 3, "ok": 4}
PAYSTATUS_NL = NL["payment_status"]
KIND_NL = NL["kind"]
REGIME_NL = NL["regime"]
ACTION_NL = NL["action_short"]


def status_nl(status: Status | str | None) -> str:
    return STATUS_NL.get(status or "unknown", "onbekend")


def status_cell(status: Status | str | None) -> Any:
    """The status as a word, styled only as an extra (the word carries the meaning)."""
    from rich.text import Text

    word = status_nl(status)
    return Text(word, style=status_style(status))


def emphasise(text: str) -> Any:
    """A message (data made visible, lines kept) as a `Text` in which every status word carries
    its status style: "niet veilig" / "NIET VEILIG" bold and reversed, "onbekend" bold."""
    from rich.text import Text

    out = Text("\n".join(visible(line) for line in text.split("\n")))
    # "niet veilig" first: "veilig" inside it must not be restyled
    for status in ("unsafe", "unknown"):
        word = STATUS_NL[status]
        out.highlight_words([word, word.upper()], style=status_style(status), case_sensitive=True)
    return out


def status_markup(status: Status | str | None) -> str:
    """The status word as markup for a Static that takes markup."""
    style = status_style(status)
    word = status_nl(status)
    return f"[{style}]{word}[/]" if style else word


def eur(d: Decimal | None) -> str:
    return format_eur(d)


def day(d: date | None) -> str:
    return format_date(d) if d else "—"


def month_name(key: str) -> str:
    y, m = key.split("-")
    return format_month(int(y), int(m))


PAST = "voorbij"


def room_now(yr: YearResult, today: date) -> tuple[str, str]:
    """The room that can still be paid, as (this month, rest of the year), from `today` on.

    A month already past has no room left: the year's room is `headroom_remaining(today)`, never
    the months already past added up (issue 11 item 1). A past year shows "voorbij" twice; a
    later year has no "this month" and its whole room ahead."""
    if yr.year < today.year:
        return PAST, PAST
    month = eur(yr.months[today.month - 1].headroom) if yr.year == today.year else "—"
    return month, eur(yr.headroom_remaining(today))


def month_is_past(month: str, today: date) -> bool:
    """`month` ("2026-03") ended before the month of `today`."""
    return (int(month[:4]), int(month[5:7])) < (today.year, today.month)


def benefit_words(b: Benefit) -> str:
    parts = [b.type]
    if b.since:
        parts.append(f"sinds {day(b.since)}")
    if b.until:
        parts.append(f"tot {day(b.until)}")
    if b.type == "ww":
        parts.append(
            {
                True: "toestemming UWV: ja",
                False: "toestemming UWV: nee",
                None: "toestemming UWV: onbekend",
            }[b.uwv_permission]
        )
        if b.ww_hourly_wage is not None:
            parts.append(f"uurloon {eur(b.ww_hourly_wage)}")
    if b.client_number:
        parts.append(f"klantnummer {b.client_number}")
    return " ".join(parts[:1]) + (" (" + ", ".join(parts[1:]) + ")" if len(parts) > 1 else "")


def benefits_short(benefits: tuple[Benefit, ...]) -> str:
    return ", ".join(b.type for b in benefits) if benefits else "geen"


def age_words(birth: date | None, today: date) -> str:
    if birth is None:
        return "geboortedatum onbekend"
    return f"geboren {day(birth)} ({age_on(birth, today)} jaar)"


def explain_finding(f: Finding) -> str:
    """The finding as a sentence (from the engine's explanation texts)."""
    from vergoedingcheck.engine.explain import explain

    return explain(f, lang="nl")


def legal_words(f: Finding) -> str:
    if f.legal_basis is None:
        return "geen wettelijke grondslag vermeld"
    lb = f.legal_basis
    return f"{lb.law}, artikel {lb.article}"


def period_words(period: str) -> str:
    if len(period) == 7:
        return month_name(period)
    if len(period) == 10:
        d = date.fromisoformat(period)
        return f"{d.day}-{d.month}-{d.year}"
    return period


# -- data is text, never markup or terminal control ------------------------------------------
_CONTROL_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}
_INVISIBLE = {i: "\ufffd" for i in range(0x80, 0xA0)} | {
    cp: "\ufffd"
    for cp in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))  # bidi overrides
}
_VISIBLE = str.maketrans(_CONTROL_PICTURES | _INVISIBLE)


def visible(text: str | None) -> str:
    """`text` with every control character made visible: ESC becomes ␛, BEL ␇, a newline ␊ (a
    value is one line), C1 controls and bidi overrides become �. Nothing reaches the terminal."""
    return (text or "").translate(_VISIBLE)


def plain(text: str | None, style: str = "") -> Any:
    """A data value as a Rich `Text`: never parsed as markup, control characters visible."""
    from rich.text import Text

    return Text(visible(text), style=style)


def rich_line(*parts: str | tuple[str, str]) -> Any:
    """Build one styled `Text` from data parts: a `str` is plain data, a `(text, style)` pair is
    styled data. Markup is never parsed, so a name like `[/]` is shown as it is."""
    from rich.text import Text

    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(visible(part[0]), style=part[1])
        else:
            out.append(visible(part))
    return out


def esc(text: str | None) -> str:
    """A data value for a markup string (a Static, a Label): markup escaped, controls visible.

    Every `[` is escaped. Rich's and Textual's own `escape` only escape a bracket followed by a
    lower-case letter, `#`, `/` or `@`, and Textual's markup takes `[Noord]` as a style: the name
    "Huis [Noord]" showed as "Huis "."""
    return visible(text).replace("[", "\\[")


PAYER_TYPE_NL = {
    "anbi": "ANBI",
    "sbbi": "SBBI",
    "sport": "sportorganisatie",
    "not_vpb": "geen vennootschapsbelasting",
    "commercial": "commercieel bedrijf",
}
"""The kinds of payer in Dutch (spec §3 Payers). Only the first four can pay a volunteer allowance
(Wet op de loonbelasting 1964, art. 2 lid 6); a commercial company pays wages."""


# Dutch tussenvoegsels (the BRP's voorvoegseltabel, the common ones), longest first: a name as
# written that starts with one ("de Boer", "van der Berg, Anna") sorts under the next word (B).
TUSSENVOEGSELS = tuple(
    sorted(
        (
            "van der", "van den", "van de", "van het", "van 't", "in 't", "in de", "in het",
            "op de", "op den", "op het", "op 't", "aan de", "aan den", "aan het", "uit de",
            "uit den", "uit het", "bij de", "voor de", "onder de", "over de", "de la", "von der",
            "van", "de", "den", "der", "het", "'t", "ten", "ter", "te", "von", "la", "le", "du",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def fold(text: str | None) -> str:
    """`text` for finding: case and accents away, Ĳ as ij, Ł as l ("lukasz" finds Łukasz)."""
    from vergoedingcheck.letters.collation import dutch_key

    return dutch_key(text or "")[0].replace("\U0010fffd", "")


def without_tussenvoegsel(name: str) -> str:
    """`name` without a leading tussenvoegsel: "de Boer" → "Boer", "Van der Berg" → "Berg".

    A name that is only the tussenvoegsel ("Van") is kept as it is."""
    low = name.casefold()
    for tv in TUSSENVOEGSELS:
        if low.startswith(tv + " ") and name[len(tv) :].strip():
            return name[len(tv) :].strip()
    return name


def sort_name(name: str) -> str:
    """The name as it is looked up in a Dutch list: a leading tussenvoegsel skipped ("de Boer,
    Anna" → "Boer, Anna"), and a full name with a tussenvoegsel inside under the words after it
    ("Anna de Boer" → "Boer, Anna", "Jan van der Berg" → "Berg, Jan"). A name without one stays as
    written (the list has no surname field: "Sanne Bakker" stays under S), and so does a name that
    ends in the word ("Anna Le")."""
    stripped = without_tussenvoegsel(name)
    if stripped != name or "," in name:
        return stripped
    words = name.split()
    low = [w.casefold() for w in words]
    for i in range(1, len(words)):
        for tv in TUSSENVOEGSELS:  # longest first: "van der" before "van"
            parts = tv.split()
            end = i + len(parts)
            if low[i:end] == parts and end < len(words):
                return " ".join(words[end:]) + ", " + " ".join(words[:i])
    return name


def name_key(name: str) -> tuple[str, str, str]:
    """Dutch alphabetical order of a name (letters/collation.py's `dutch_key`: Ĳ under I, Ç with
    C, Ł right after L), under the word after its tussenvoegsel (`sort_name`: "de Boer" and "Anna
    de Boer" under B)."""
    from vergoedingcheck.letters.collation import dutch_key

    return dutch_key(sort_name(name))


def key_words(key: str) -> str:
    """A binding's key as a person reads it: "slash" → "/", "left_square_bracket" → "["."""
    from textual.keys import format_key

    words = {"space": "spatie", "escape": "Esc", "enter": "Enter", "backspace": "⌫", "delete": "Del"}
    return ", ".join(words.get(k.strip(), format_key(k.strip())) for k in key.split(","))


def screen_actions(screen: Any) -> list[tuple[str, str, str]]:
    """(description, key, action) of every binding of `screen` itself that has a description, in
    the order it declares them; one per action (the first key that has it)."""
    from textual.binding import Binding

    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for b in type(screen).BINDINGS:
        if not isinstance(b, Binding) or not b.description or b.action in seen:
            continue
        if b.system:
            continue
        seen.add(b.action)
        out.append((b.description, b.key_display or key_words(b.key), b.action))
    return out
