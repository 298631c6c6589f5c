"""Read YAML (and JSON, which YAML reads too) while remembering the line of every key.

Errors anywhere downstream can then name file, line and field. Duplicate keys are an error
(plain YAML would silently keep the last one), and so is a date that does not exist.
"""

from __future__ import annotations

import dataclasses
import json
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from sys import intern
from typing import Any

import yaml

from vergoedingcheck.validation import MAX_DEPTH, depth_error, visible

try:  # libyaml's composer is many times faster; fall back to pure Python where it is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, printed as `file:line: field: message`."""

    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"
    loc: tuple[str | int, ...] | None = dataclasses.field(default=None, compare=False, repr=False)
    """Where in the data, while the line is not looked up yet (a large file: `SourceDoc.locate`)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        fld = f" {self.field}:" if self.field else ""
        sev = "" if self.severity == "error" else f" {self.severity}:"
        return visible(f"{where}:{sev}{fld} {self.message}")  # a key may hold ESC


class InputError(Exception):
    """Bad input: one or more problems, each with file, line and field."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class SourceDoc:
    """Parsed data plus the line (1-based) of every mapping key and sequence item.

    On the fast path (a file that reads cleanly) the line map is only built when a problem is
    reported, by reading the text again: a clean 20 MB caseload never pays for it.
    """

    file: str
    data: Any
    _lines: dict[Loc, int] | None = None
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading scalars (a date that does not exist, a duplicate key).
    The value is kept as an invalid placeholder so validation can go on and report the rest."""
    text: str | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        if self._lines is None:
            self._lines = {}
            if self.text is not None:
                try:
                    node = yaml.compose(self.text, Loader=_Loader)
                except yaml.YAMLError:
                    # valid JSON that YAML cannot read (a tab before the first `{`, a line break
                    # before a `:`): the fast JSON path read it, so its lines come from the JSON
                    self._lines = json_lines(self.text)
                    return self._lines
                if node is not None:
                    builder = _Builder(self.file)
                    builder.build(node, ())
                    self._lines = builder.lines
        return self._lines

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        lines = self.lines
        loc = tuple(loc)
        while True:
            if loc in lines:
                return lines[loc]
            if not loc:
                return None
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str, severity: str = "error") -> Problem:
        """A problem at `loc`. In a large file read on the fast path the line is looked up later,
        for every problem at once (`locate`): the full line map of a 200 MB caseload took more than
        a gigabyte per 20 MB of text (issue 9 item 3)."""
        if self._lines is None and self.text is not None and len(self.text) > LARGE_TEXT:
            return Problem(self.file, None, dotted(loc), message, severity, tuple(loc))
        return Problem(self.file, self.line_of(loc), dotted(loc), message, severity)

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """`problems` with the line of each one made by `problem` on a large file, found in one
        streaming pass over the text (bounded memory: only the wanted locations are kept)."""
        todo = [p for p in problems if p.loc is not None and p.line is None]
        if not todo or self.text is None:
            return problems
        wanted: set[Loc] = set()
        for p in todo:
            loc = p.loc or ()
            wanted.update(loc[:i] for i in range(len(loc) + 1))
        found = stream_lines(self.text, wanted)

        def line(loc: Loc) -> int | None:
            for i in range(len(loc), -1, -1):
                if loc[:i] in found:
                    return found[loc[:i]]
            return None

        return [
            replace(p, line=line(p.loc), loc=None) if p.loc is not None and p.line is None else p
            for p in problems
        ]


class _Unclean(Exception):
    """The fast reader met something the careful reader must report (duplicate key, bad date)."""


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.lines: dict[Loc, int] = {}
        self.problems: list[Problem] = []
        self._ctor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(
                        Problem(
                            self.file,
                            key_node.start_mark.line + 1,
                            dotted(loc),
                            "YAML merge keys (<<) are not supported",
                        )
                    )
                    continue
                key = self.build_scalar(key_node, loc)
                if hasattr(key, "isoformat"):
                    key = key.isoformat()  # date keys (valid_from) stay ISO strings
                sub = (*loc, key)
                if key in out:
                    self.problems.append(
                        Problem(self.file, key_node.start_mark.line + 1, dotted(sub), "duplicate key")
                    )
                self.lines[sub] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, sub)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.lines[(*loc, i)] = item.start_mark.line + 1
                items.append(self.build(item, (*loc, i)))
            return items
        return self.build_scalar(node, loc)

    def build_scalar(self, node: yaml.Node, loc: Loc) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append(
                Problem(self.file, node.start_mark.line + 1, dotted(loc), "a key must be a plain value")
            )
            return f"<invalid key at line {node.start_mark.line + 1}>"
        try:
            return self._ctor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                msg = f"{node.value!r} is not a valid date"
            else:
                why = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
                msg = f"cannot read {node.value!r}: {why}"  # one line: no YAML mark after it
            self.problems.append(Problem(self.file, node.start_mark.line + 1, dotted(loc), msg))
            return _Invalid(node.value)


class _Invalid(str):
    """Placeholder for a scalar that could not be read (its problem is already reported)."""


def is_invalid(value: object) -> bool:
    return isinstance(value, _Invalid)


_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _load_events(text: str, bad_dates: list[tuple[int, int, str]] | None = None) -> Any:
    """Build the data straight from libyaml's event stream: no node tree and no marks are kept,
    so a 20 MB caseload reads in a fraction of the memory of `yaml.load`. Anything unusual
    (an alias, a duplicate key, a bad date, a merge key) raises _Unclean for the careful reader."""
    loader = _Loader(text)
    ctor = yaml.constructor.SafeConstructor()
    constructors = ctor.yaml_constructors
    resolve = loader.resolve
    stack: list[Any] = []  # containers being built; a dict is paired with its pending key
    keys: list[Any] = []
    root: Any = None
    done = False

    def put(value: Any) -> None:
        nonlocal root, done
        if not stack:
            root, done = value, True
            return
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif keys[-1] is _NOKEY:
            if isinstance(value, (dict, list)):
                raise _Unclean
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            if value in top or value == "<<":
                raise _Unclean
            keys[-1] = value
        else:
            top[keys[-1]] = value
            keys[-1] = _NOKEY

    try:
        while True:
            ev = loader.get_event()
            if ev is None:
                break
            if isinstance(ev, yaml.ScalarEvent):
                if ev.anchor or ev.tag is not None:  # an explicit tag (`!!binary`, `!foo`)
                    raise _Unclean
                tag = resolve(yaml.ScalarNode, ev.value, ev.implicit)
                if tag == _STR:
                    # keys and short values repeat hundreds of thousands of times in a caseload
                    v = ev.value
                    put(intern(v) if len(v) <= 40 else v)
                else:
                    try:
                        value = constructors[tag](ctor, yaml.ScalarNode(tag, ev.value))
                    except ValueError:
                        # a date that does not exist: noted with its place (line and column), so
                        # that a 200 MB caseload with one bad date is not read again as a node tree
                        mark = ev.start_mark
                        if tag != _TIMESTAMP or bad_dates is None or mark is None or len(bad_dates) >= 1000:
                            raise _Unclean from None
                        bad_dates.append((mark.line, mark.column, ev.value))
                        value = _Invalid(ev.value)
                    put(value)
            elif isinstance(ev, yaml.MappingStartEvent):
                if ev.anchor or ev.tag is not None:
                    raise _Unclean
                if len(stack) >= MAX_DEPTH:
                    raise _Unclean
                d: dict[Any, Any] = {}
                put(d) if stack else None
                stack.append(d)
                keys.append(_NOKEY)
            elif isinstance(ev, yaml.SequenceStartEvent):
                if ev.anchor or ev.tag is not None:
                    raise _Unclean
                if len(stack) >= MAX_DEPTH:
                    raise _Unclean
                seq: list[Any] = []
                put(seq) if stack else None
                stack.append(seq)
                keys.append(_NOKEY)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                value = stack.pop()
                keys.pop()
                if not stack:
                    root, done = value, True
            elif isinstance(ev, yaml.AliasEvent):
                raise _Unclean
            elif isinstance(ev, yaml.DocumentStartEvent) and done:
                raise _Unclean  # a second document
    except KeyError:
        raise _Unclean from None
    finally:
        loader.dispose()
    return root


class _NoKey:
    pass


_NOKEY = _NoKey()


def _structure_problems(text: str, file: str) -> list[Problem]:
    """Anchors and aliases (a "billion laughs" file grows a 1 KB text past gigabytes), explicit
    tags (`!!binary`, `!!python/...`, `!foo`: a case or rule file holds plain values only) and
    nesting deeper than MAX_DEPTH, found on the event stream in bounded memory, with the field
    they are in. A syntax error is left to the composer, which reports it with its line."""
    out: list[Problem] = []
    loader = _Loader(text)
    # the containers being read: [loc, is_mapping, next index or pending key (_NOKEY: a key is next)]
    stack: list[list[Any]] = []

    def node_loc() -> Loc:
        """The field of the node event just read (a mapping key: the mapping itself)."""
        if not stack:
            return ()
        top = stack[-1]
        if not top[1]:
            top[2] += 1
            return (*top[0], top[2] - 1)
        parent: Loc = top[0]
        return parent if top[2] is _NOKEY else (*parent, top[2])

    def after_node(ev: Any) -> None:
        if stack and stack[-1][1]:
            top = stack[-1]
            if top[2] is _NOKEY:
                top[2] = ev.value if isinstance(ev, yaml.ScalarEvent) else "?"
            else:
                top[2] = _NOKEY

    try:
        while (ev := loader.get_event()) is not None:
            line = ev.start_mark.line + 1 if ev.start_mark else None
            if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                after_node(ev)
                continue
            if not isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                continue
            loc = node_loc()
            where = dotted(loc)
            if isinstance(ev, yaml.AliasEvent):
                out.append(Problem(file, line, where, f"YAML aliases (*{ev.anchor}) are not allowed"))
            else:
                if ev.anchor:
                    out.append(Problem(file, line, where, f"YAML anchors (&{ev.anchor}) are not allowed"))
                if ev.tag is not None:
                    tag = visible(ev.tag.replace("tag:yaml.org,2002:", "!!"))
                    out.append(
                        Problem(
                            file, line, where, f"YAML tags ({tag[:60]}) are not allowed: write plain values"
                        )
                    )
            if isinstance(ev, yaml.CollectionStartEvent):
                stack.append(
                    [
                        loc,
                        isinstance(ev, yaml.MappingStartEvent),
                        _NOKEY if isinstance(ev, yaml.MappingStartEvent) else 0,
                    ]
                )
                if len(stack) > MAX_DEPTH:
                    out.append(Problem(file, line, "", str(depth_error(len(stack)))))
                    break
            else:
                after_node(ev)
            if len(out) >= 20:
                break
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return out


LARGE_TEXT = 2 * 1024 * 1024
"""Above this many characters a problem's line is looked up by `SourceDoc.locate`, not by a full
line map of the file."""


def _date_problems(text: str, file: str, bad: list[tuple[int, int, str]]) -> list[Problem]:
    """The problems of the dates that do not exist, with their fields (one streaming pass)."""
    if not bad:
        return []
    marks = {(line, col): value for line, col, value in bad}
    out: list[Problem] = []
    loader = _Loader(text)
    stack: list[list[Any]] = []  # [loc, is_mapping, next index or pending key]
    try:
        while (ev := loader.get_event()) is not None and len(out) < len(marks):
            if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack and stack[-1][1]:
                    stack[-1][2] = _NOKEY
                continue
            if not isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                continue
            loc: Loc = ()
            if stack:
                top = stack[-1]
                if not top[1]:
                    loc = (*top[0], top[2])
                    top[2] += 1
                elif top[2] is _NOKEY:
                    top[2] = ev.value if isinstance(ev, yaml.ScalarEvent) else "?"
                    loc = top[0]
                else:
                    loc = (*top[0], top[2])
                    top[2] = _NOKEY
            if isinstance(ev, yaml.CollectionStartEvent):
                is_map = isinstance(ev, yaml.MappingStartEvent)
                stack.append([loc, is_map, _NOKEY if is_map else 0])
            elif ev.start_mark and (ev.start_mark.line, ev.start_mark.column) in marks:
                value = marks[(ev.start_mark.line, ev.start_mark.column)]
                out.append(
                    Problem(file, ev.start_mark.line + 1, dotted(loc), f"{value!r} is not a valid date")
                )
    finally:
        loader.dispose()
    return out


def stream_lines(text: str, wanted: set[Loc]) -> dict[Loc, int]:
    """The line of each location in `wanted` (keys and items, as `_Builder` records them), from the
    YAML event stream (no node tree); JSON that YAML cannot read goes through `json_lines`."""
    found: dict[Loc, int] = {}
    loader = _Loader(text)
    stack: list[list[Any]] = []  # [loc, is_mapping, next index or pending key]

    def note(loc: Loc, line: int) -> None:
        if loc in wanted and loc not in found:
            found[loc] = line

    try:
        while (ev := loader.get_event()) is not None:
            if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack and stack[-1][1]:
                    stack[-1][2] = _NOKEY
                continue
            if not isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                continue
            line = ev.start_mark.line + 1 if ev.start_mark else 0
            loc: Loc
            if not stack:
                loc = ()
            else:
                top = stack[-1]
                if not top[1]:
                    loc = (*top[0], top[2])
                    top[2] += 1
                elif top[2] is _NOKEY:  # a key: its line is the line of the field
                    key = ev.value if isinstance(ev, yaml.ScalarEvent) else "?"
                    top[2] = key
                    note((*top[0], key), line)
                    if len(found) == len(wanted):
                        break
                    continue
                else:
                    loc = (*top[0], top[2])
                    top[2] = _NOKEY
            note(loc, line)
            if isinstance(ev, yaml.CollectionStartEvent):
                stack.append([loc, isinstance(ev, yaml.MappingStartEvent), 0])
                if isinstance(ev, yaml.MappingStartEvent):
                    stack[-1][2] = _NOKEY
            if len(found) == len(wanted):
                break
    except yaml.YAMLError:
        return {k: v for k, v in json_lines(text).items() if k in wanted}
    finally:
        loader.dispose()
    return found


_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+|\n|[ \t\r]+')


def json_lines(text: str) -> dict[Loc, int]:
    """The line of every key and item of a JSON text, as the YAML builder records them. Only for
    text that is valid JSON (orjson read it); anything else gives what it can."""
    lines: dict[Loc, int] = {}
    line = 1
    stack: list[list[Any]] = []  # [loc, kind "{" or "[", next index, pending key]
    expect_value_at: Loc | None = ()
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        if tok == "\n":
            line += 1
            continue
        if tok[0] in " \t\r":
            continue
        if tok in ",:":
            continue
        if tok in "}]":
            if stack:
                stack.pop()
            continue
        top = stack[-1] if stack else None
        if top is not None and top[1] == "{" and top[3] is None:
            try:
                key = json.loads(tok)
            except ValueError:
                key = tok
            top[3] = key
            lines[(*top[0], key)] = line
            continue
        if top is None:
            loc: Loc = expect_value_at if expect_value_at is not None else ()
            expect_value_at = None
        elif top[1] == "[":
            loc = (*top[0], top[2])
            top[2] += 1
        else:
            loc = (*top[0], top[3])
            top[3] = None
        lines.setdefault(loc, line)
        if tok in "{[":
            stack.append([loc, tok, 0, None])
    return lines


def _syntax_error(file: str, exc: yaml.YAMLError, text: str | None = None) -> InputError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return InputError([Problem(file, line, "", f"not valid YAML/JSON: {exc.problem}")])
    if isinstance(exc, yaml.reader.ReaderError) and text is not None and isinstance(exc.position, int):
        line = text.count("\n", 0, exc.position) + 1
        return InputError([Problem(file, line, "", f"not valid YAML/JSON: {exc.reason}")])
    return InputError([Problem(file, None, "", f"not valid YAML/JSON: {exc}")])


def parse_text(text: str, file: str) -> SourceDoc:
    """Parse YAML/JSON text. Raises InputError with file and line on a syntax error."""
    bad_dates: list[tuple[int, int, str]] = []
    try:
        data = _load_events(text, bad_dates)
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc, text) from None
    except (_Unclean, ValueError, TypeError):
        data = _Unclean
    if data is None:
        raise InputError([Problem(file, 1, "", "the file is empty")])
    if data is not _Unclean:
        return SourceDoc(file, data, None, _date_problems(text, file, bad_dates), text)
    refused = _structure_problems(text, file)
    if refused:  # before the node tree: an alias bomb or a deep nest never gets built
        raise InputError(refused)
    try:  # the fast reader may stop (_Unclean) before it reaches a syntax error further on
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc, text) from None
    if node is None:
        raise InputError([Problem(file, 1, "", "the file is empty")])
    builder = _Builder(file)
    data = builder.build(node, ())
    return SourceDoc(file, data, builder.lines, builder.problems, text)


def regular_file(p: Path) -> None:
    """A FIFO would block the read for ever and /dev/zero would fill the memory: only a regular
    file is read. Raises InputError; OSError (a missing file) is left to the caller."""
    if not stat.S_ISREG(p.stat().st_mode):
        raise InputError([Problem(str(p), None, "", "not a regular file")])


def read_file(path: Path | str) -> SourceDoc:
    """Read and parse a file; a file that cannot be read or decoded is an InputError too."""
    p = Path(path)
    try:
        regular_file(p)
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError([Problem(str(p), None, "", f"cannot read the file: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem(str(p), line, "", "the file is not UTF-8 text")]) from None
    return parse_text(text, str(p))


def merge_problems(*groups: list[Problem]) -> list[Problem]:
    """Problems in file/line order, each (line, field) reported once."""
    seen: set[tuple[str, int | None, str]] = set()
    out: list[Problem] = []
    for p in sorted((p for g in groups for p in g), key=lambda p: (p.file, p.line or 0)):
        key = (p.file, p.line, p.field)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def walk_locs(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    yield loc, data
    if isinstance(data, dict):
        for k, v in data.items():
            yield from walk_locs(v, (*loc, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from walk_locs(v, (*loc, i))
