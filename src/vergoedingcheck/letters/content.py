"""Letter content: templates per letter and language, and the organisation's details.

Both live as YAML in the `letters/` content folder so a non-programmer can edit them. Template text
uses `{placeholder}` for data and may contain `<b>…</b>` and `<br/>`; everything else in a template
prints literally (an `&` or `<` typed by an editor does not break the PDF).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml

from vergoedingcheck.content import content_dir

KINDS = ("resident", "office", "coordinator")
LANGUAGES: dict[str, tuple[str, ...]] = {
    "resident": ("nl", "en"),
    "office": ("nl",),
    "coordinator": ("nl", "en"),
}
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_ALLOWED_TAG = re.compile(r"(<b>|</b>|<br\s*/?>)")


class LetterContentError(ValueError):
    """A template or the organisation file is missing, malformed or lacks a key."""


def letters_dir(explicit: str | Path | None = None) -> Path:
    return content_dir("letters", explicit)


def _template_to_markup(text: str) -> str:
    """Escape a template's literal text but keep the allowed tags `<b>`, `</b>`, `<br/>`."""
    parts = _ALLOWED_TAG.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append("<br/>" if part.startswith("<br") else part)
        else:
            out.append(escape(part))
    return "".join(out)


def _strip_tags(text: str) -> str:
    return _ALLOWED_TAG.sub(lambda m: "\n" if m.group(0).startswith("<br") else "", text)


def fill(template: str, params: dict[str, str], *, markup: bool, where: str = "") -> str:
    """Fill `{placeholders}`; a missing one raises (never a silent gap).

    With `markup=True` the result is reportlab Paragraph markup: the template's own text is
    escaped except for the allowed tags, and every value is escaped with `xml.sax.saxutils.escape`.
    With `markup=False` the result is plain text (tags removed, values unchanged).
    """
    missing = [n for n in PLACEHOLDER.findall(template) if n not in params]
    if missing:
        raise LetterContentError(f"{where}: no value for {{{missing[0]}}} in {template!r}")
    pieces = PLACEHOLDER.split(template)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            value = params[piece]
            out.append(escape(value) if markup else value)
        else:
            out.append(_template_to_markup(piece) if markup else _strip_tags(piece))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Text:
    """A sentence from a template with its data: filled only when rendered, so data values are
    escaped exactly once and tests can read the plain sentence."""

    template: str
    params: tuple[tuple[str, str], ...] = ()
    key: str = ""

    def plain(self) -> str:
        return fill(self.template, dict(self.params), markup=False, where=self.key)

    def markup(self) -> str:
        return fill(self.template, dict(self.params), markup=True, where=self.key)

    def __str__(self) -> str:
        return self.plain()


def literal(value: str) -> Text:
    """Data shown as is (a name, an amount): escaped when rendered."""
    return Text("{v}", (("v", value),), "literal")


@dataclass(frozen=True)
class Templates:
    kind: str
    lang: str
    path: Path
    data: dict[str, Any] = field(repr=False)

    def raw(self, key: str) -> str:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise LetterContentError(f"{self.path}: the key {key!r} is missing")
            node = node[part]
        if not isinstance(node, str):
            raise LetterContentError(f"{self.path}: {key!r} must be text")
        return node

    def entry(self, section: str, key: str) -> str | None:
        """A text from a mapping whose keys may contain dots (e.g. `rule_titles`)."""
        node = self.data.get(section)
        value = node.get(key) if isinstance(node, dict) else None
        return value if isinstance(value, str) else None

    def has(self, key: str) -> bool:
        try:
            self.raw(key)
        except LetterContentError:
            return False
        return True

    def t(self, key: str, **params: str) -> Text:
        """The template `key` with its data; checks now that no placeholder is left unfilled."""
        template = self.raw(key)
        text = Text(template, tuple(sorted(params.items())), f"{self.path.name}:{key}")
        text.plain()  # raises LetterContentError on a missing placeholder
        return text

    def s(self, key: str, **params: str) -> str:
        return self.t(key, **params).plain()

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    @property
    def language_tag(self) -> str:
        return self.raw("meta.language")


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """Every text key of a template file, dotted: {"effect.safe": "…"}."""
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(data, str):
        out[prefix[:-1]] = data
    return out


@lru_cache(maxsize=32)
def _load_templates(kind: str, lang: str, directory: str) -> Templates:
    path = Path(directory) / "templates" / f"{kind}.{lang}.yaml"
    if not path.is_file():
        raise LetterContentError(f"no template for the {kind} letter in language {lang!r} ({path})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LetterContentError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LetterContentError(f"{path}: expected a mapping of texts")
    return Templates(kind, lang, path, data)


def load_templates(kind: str, lang: str, directory: str | Path | None = None) -> Templates:
    if kind not in KINDS:
        raise LetterContentError(f"unknown letter {kind!r}; choose one of {', '.join(KINDS)}")
    if lang not in LANGUAGES[kind]:
        raise LetterContentError(
            f"the {kind} letter exists in {', '.join(LANGUAGES[kind])}, not in {lang!r}")
    return _load_templates(kind, lang, str(letters_dir(directory)))


# -- organisation ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    address: tuple[str, ...] = ()
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    kvk: str | None = None
    anbi_sbbi: str | None = None
    """"ANBI", "SBBI" or "geen", as the organisation states it; None: not stated (never guessed)."""
    logo: Path | None = None
    coordinator: Contact = Contact("")
    gemeente_addresses: tuple[tuple[str, tuple[str, ...]], ...] = ()
    uwv_address: tuple[str, ...] = ()
    svb_address: tuple[str, ...] = ()
    demo: bool = False
    """The demo organisation's placeholders (`demo: true` in the file): refused outside the demo."""
    source: str | None = field(default=None, compare=False, repr=False)
    """The file it was read from (for messages)."""

    def gemeente_address(self, municipality: str | None) -> tuple[str, ...]:
        if not municipality:
            return ()
        key = municipality.strip().casefold()
        return next((lines for m, lines in self.gemeente_addresses if m.casefold() == key), ())


def _lines(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(x, str | int) for x in value):
        return tuple(str(x) for x in value)
    raise LetterContentError(f"{where}: expected a list of lines")


def _opt(d: dict[str, Any], key: str, where: str) -> str | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str | int):
        raise LetterContentError(f"{where}.{key}: expected text")
    return str(v)


_ORG_KEYS = {"name", "address", "phone", "email", "website", "kvk", "anbi_sbbi", "logo"}
ANBI_SBBI = {"anbi": "ANBI", "sbbi": "SBBI", "geen": "geen"}
_COORD_KEYS = {"name", "role", "phone", "email"}


def parse_organisation(data: Any, base: Path, where: str = "organisation.yaml") -> Organisation:
    if not isinstance(data, dict) or not isinstance(data.get("organisation"), dict):
        raise LetterContentError(f"{where}: needs an `organisation:` section with at least a name")
    extra = set(data) - {"organisation", "coordinator", "offices", "demo"}
    if extra:
        raise LetterContentError(f"{where}: unknown key {sorted(extra)[0]!r} (a typo?)")
    org = data["organisation"]
    coord = data.get("coordinator") or {}
    offices = data.get("offices") or {}
    for section, keys, d in (("organisation", _ORG_KEYS, org), ("coordinator", _COORD_KEYS, coord)):
        if not isinstance(d, dict):
            raise LetterContentError(f"{where}: `{section}` must be a mapping")
        unknown = set(d) - keys
        if unknown:
            raise LetterContentError(f"{where}: {section}.{sorted(unknown)[0]} is not a known key")
    if not isinstance(org.get("name"), str) or not org["name"].strip():
        raise LetterContentError(f"{where}: organisation.name is required")
    logo = _opt(org, "logo", f"{where}: organisation")
    logo_path = (base / logo) if logo else None
    if logo_path is not None and not logo_path.is_file():
        raise LetterContentError(f"{where}: the logo {logo_path} does not exist")
    gemeenten = offices.get("gemeente") or {}
    status = _opt(org, "anbi_sbbi", f"{where}: organisation")
    if status is not None and status.strip().casefold() not in ANBI_SBBI:
        raise LetterContentError(
            f"{where}: organisation.anbi_sbbi must be ANBI, SBBI or geen (or leave it empty), "
            f"not {status!r}")
    if not isinstance(gemeenten, dict):
        raise LetterContentError(f"{where}: offices.gemeente must map a municipality to lines")
    if data.get("demo") not in (None, True, False):
        raise LetterContentError(f"{where}: demo must be true or false")
    return Organisation(
        demo=bool(data.get("demo")),
        source=where,
        name=org["name"].strip(),
        address=_lines(org.get("address"), f"{where}: organisation.address"),
        phone=_opt(org, "phone", "organisation"),
        email=_opt(org, "email", "organisation"),
        website=_opt(org, "website", "organisation"),
        kvk=_opt(org, "kvk", "organisation"),
        anbi_sbbi=ANBI_SBBI[status.strip().casefold()] if status is not None else None,
        logo=logo_path,
        coordinator=Contact(
            name=_opt(coord, "name", "coordinator") or "",
            role=_opt(coord, "role", "coordinator"),
            phone=_opt(coord, "phone", "coordinator"),
            email=_opt(coord, "email", "coordinator"),
        ),
        gemeente_addresses=tuple(sorted(
            (str(m), _lines(v, f"{where}: offices.gemeente.{m}")) for m, v in gemeenten.items())),
        uwv_address=_lines(offices.get("uwv"), f"{where}: offices.uwv"),
        svb_address=_lines(offices.get("svb"), f"{where}: offices.svb"),
    )


def organisation_to_dict(org: Organisation) -> dict[str, Any]:
    """The organisation in the organisation file's form (`parse_organisation` reads it back to an
    equal `Organisation`): a letter record keeps the details its letter was made with. The logo is
    kept as its path (an absolute one), not its image."""
    out: dict[str, Any] = {
        "organisation": {
            "name": org.name,
            "address": list(org.address),
            "phone": org.phone,
            "email": org.email,
            "website": org.website,
            "kvk": org.kvk,
            "anbi_sbbi": org.anbi_sbbi,
            "logo": str(org.logo.resolve()) if org.logo is not None else None,
        },
        "coordinator": {
            "name": org.coordinator.name,
            "role": org.coordinator.role,
            "phone": org.coordinator.phone,
            "email": org.coordinator.email,
        },
        "offices": {
            "gemeente": {m: list(lines) for m, lines in org.gemeente_addresses},
            "uwv": list(org.uwv_address),
            "svb": list(org.svb_address),
        },
    }
    if org.demo:
        out["demo"] = True
    return out


SETTINGS_FILE = "organisation.yaml"


def user_organisation_path() -> Path:
    """The organisation's details with the user (issue 10 item 7): `organisation.yaml` in the
    user's config directory (platformdirs; e.g. ~/.config/vergoedingcheck/ on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("vergoedingcheck", appauthor=False)) / SETTINGS_FILE


def organisation_path(path: str | Path | None = None, directory: str | Path | None = None) -> Path:
    """Which organisation file the letters use: an explicit file; else the content folder
    `directory` when one is given; else the user's settings file when it exists; else the demo
    organisation shipped in `letters/organisation.yaml`."""
    if path:
        return Path(path)
    if directory is None and (user := user_organisation_path()).is_file():
        return user
    return letters_dir(directory) / SETTINGS_FILE


def load_organisation(path: str | Path | None = None, directory: str | Path | None = None
                      ) -> Organisation:
    """Read the organisation file (`organisation_path`: an explicit file, the user's settings
    file, or the demo organisation in `letters/organisation.yaml`)."""
    p = organisation_path(path, directory)
    if not p.is_file():
        raise LetterContentError(f"the organisation file {p} does not exist")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LetterContentError(f"{p}: not valid YAML: {exc}") from None
    return parse_organisation(data, p.parent, str(p))


# -- who pays the benefit (letters/offices.yaml) -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Executor:
    """A body that pays a benefit for some municipalities (a gemeenschappelijke regeling)."""

    name: str
    benefits: frozenset[str]
    municipalities: frozenset[str]  # casefolded
    source_url: str


@dataclass(frozen=True, slots=True)
class OfficeMap:
    offices: tuple[tuple[str, frozenset[str]], ...]  # office kind -> benefit types it pays
    executors: tuple[Executor, ...] = ()

    def executor(self, municipality: str | None, benefit_types: Any) -> Executor | None:
        """The body that pays all of `benefit_types` for `municipality`, if it is not the
        municipality itself; None for an unknown municipality (the letter goes to "gemeente X")."""
        if not municipality:
            return None
        key = municipality.strip().casefold()
        types = set(benefit_types)
        return next((e for e in self.executors
                     if key in e.municipalities and types and types <= e.benefits), None)


def parse_office_map(data: Any, where: str = "offices.yaml") -> OfficeMap:
    if not isinstance(data, dict) or not isinstance(data.get("offices"), dict):
        raise LetterContentError(f"{where}: needs an `offices:` section")
    extra = set(data) - {"offices", "executed_by"}
    if extra:
        raise LetterContentError(f"{where}: unknown key {sorted(extra)[0]!r} (a typo?)")
    offices = []
    for office, spec in data["offices"].items():
        if not isinstance(spec, dict) or not isinstance(spec.get("benefits"), list):
            raise LetterContentError(f"{where}: offices.{office}.benefits must be a list")
        offices.append((str(office), frozenset(str(b) for b in spec["benefits"])))
    executors = []
    for i, e in enumerate(data.get("executed_by") or []):
        here = f"{where}: executed_by[{i}]"
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise LetterContentError(f"{here}: needs a name")
        unknown = set(e) - {"name", "benefits", "municipalities", "source"}
        if unknown:
            raise LetterContentError(f"{here}: {sorted(unknown)[0]} is not a known key")
        source = e.get("source")
        if not isinstance(source, dict) or not isinstance(source.get("url"), str):
            raise LetterContentError(f"{here}: needs a source with a url")
        for key in ("benefits", "municipalities"):
            if not isinstance(e.get(key), list) or not e[key]:
                raise LetterContentError(f"{here}: {key} must be a non-empty list")
        executors.append(Executor(
            name=e["name"].strip(), benefits=frozenset(str(b) for b in e["benefits"]),
            municipalities=frozenset(str(m).strip().casefold() for m in e["municipalities"]),
            source_url=source["url"]))
    return OfficeMap(tuple(offices), tuple(executors))


@lru_cache(maxsize=8)
def _load_office_map(directory: str) -> OfficeMap:
    p = Path(directory) / "offices.yaml"
    if not p.is_file():  # no map: every municipality pays its own benefits
        return OfficeMap(())
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LetterContentError(f"{p}: not valid YAML: {exc}") from None
    return parse_office_map(data, str(p))


def load_office_map(directory: str | Path | None = None) -> OfficeMap:
    """Read `letters/offices.yaml`: which body pays which benefit (issue 10 item 2)."""
    return _load_office_map(str(letters_dir(directory)))
