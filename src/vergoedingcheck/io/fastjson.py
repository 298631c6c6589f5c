"""JSON case files through a C parser (issue 14, item 1): orjson instead of the YAML event reader.

The fast path only decides that a file reads cleanly. It gives up (returns None) on anything the
careful reader must judge, and the careful reader then reports it with file, line and field as
before: a syntax error, a duplicate key (orjson keeps the last one silently), a number that YAML
reads differently (`1e5` is a string in YAML 1.1, a float in JSON), a root that is not a mapping.
A file that reads cleanly keeps its text, so a problem found later (validation) still gets its
line number: `SourceDoc.lines` reads the text again, with marks, only then.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from vergoedingcheck.sourcefile import SourceDoc, parse_text, read_file, regular_file
from vergoedingcheck.validation import too_deep

# a `"` preceded by an even number of backslashes ends a string; followed by `:` it ends a key
_KEY = re.compile(rb'(?:^|[^\\])(?:\\\\)*"\s*:')
_SPACE_BEFORE_COLON = re.compile(rb'"\s+:')
_EXPONENT = re.compile(rb"[0-9][eE][-+0-9]")


def looks_like_json(text: str) -> bool:
    """A JSON case file is one object: its first character that is not white space is `{`."""
    return text.lstrip(" \t\r\n")[:1] == "{"


def _count_keys(data: Any) -> int:
    keys = 0
    stack = [data]
    pop, extend = stack.pop, stack.extend
    while stack:
        item = pop()
        if type(item) is dict:
            keys += len(item)
            extend([v for v in item.values() if type(v) is dict or type(v) is list])
        else:
            extend([v for v in item if type(v) is dict or type(v) is list])
    return keys


def _keys_in_text(raw: bytes) -> int:
    """How many keys the text has. In valid JSON an unescaped `"` followed by `:` ends a key and
    nothing else (a `"` inside a string is escaped). Quick when no string holds an escaped quote
    and no key has white space before its colon (the usual file); exact either way."""
    if b'\\"' not in raw and not _SPACE_BEFORE_COLON.search(raw):
        return raw.count(b'":')
    return len(_KEY.findall(raw))


def load_json_fast(text: str) -> dict[str, Any] | None:
    """The parsed mapping, or None when the careful reader must look (see the module doc)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    if type(data) is not dict or too_deep(data):
        return None  # the careful reader names the line of a nest deeper than MAX_DEPTH
    raw = text.encode("utf-8")
    if _EXPONENT.search(raw):
        return None  # `1e5`, `1.5e3`: YAML 1.1 reads them as text, JSON as numbers
    if _keys_in_text(raw) != _count_keys(data):
        return None  # a key was dropped: a duplicate, which the careful reader reports
    return data


def read_source(path: Path | str) -> SourceDoc:
    """`sourcefile.read_file`, with JSON through the fast path when it reads cleanly. Anything
    else (a file that cannot be read or decoded, YAML, JSON the fast path gives up on) goes to
    `read_file`, which reports it exactly as before."""
    p = Path(path)
    try:
        regular_file(p)  # a FIFO or /dev/zero is refused, not read
        text = p.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return read_file(p)
    if looks_like_json(text):
        data = load_json_fast(text)
        if data is not None:
            return SourceDoc(str(p), data, None, [], text)
    return parse_text(text, str(p))
