"""Dutch alphabetical order for names (the coordinator's overview).

Python's `sorted` orders by code point: `Łukasz` after `Zeynep`, `Ĳsbrand` after every name in
ASCII. Dutch lists (Van Dale, the municipal registers) sort the digraph Ĳ as I + J, letters with
diacritics with their base letter, and letters of their own such as the Polish Ł right after their
base letter (L, then Ł, then M), as the Unicode Collation Algorithm's root order does. This key
does that for the Latin letters names carry, without a collation library: primary level first
(base letters), then accents, then case.
"""

from __future__ import annotations

import unicodedata

_AFTER = "\U0010fffd"  # sorts after every letter: `l` + this comes after every `l…` and before `m`
_OWN_LETTERS = str.maketrans(
    {
        "ł": "l" + _AFTER,
        "ø": "o" + _AFTER,
        "đ": "d" + _AFTER,
        "ħ": "h" + _AFTER,
        "ŧ": "t" + _AFTER,
        "þ": "z" + _AFTER,
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
    }
)


def _primary(text: str) -> str:
    base = unicodedata.normalize("NFKD", text.casefold())  # ĳ → ij, ß → ss (casefold), é → e + ´
    return "".join(c for c in base if not unicodedata.combining(c)).translate(_OWN_LETTERS)


def dutch_key(text: str) -> tuple[str, str, str]:
    """Sort key: base letters, then accents (`e` before `é`), then case (`a` before `A`)."""
    return (_primary(text), unicodedata.normalize("NFD", text.casefold()), text)
