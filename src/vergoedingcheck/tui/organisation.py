"""The first-run form for the organisation's details (issue 11 item 6).

When the organisation's settings file (`organisation.yaml` in the user's config directory, the one
the letters read: `letters.content.user_organisation_path`) is missing and the database is not the
demo, the app opens this form first. What is typed is checked as the letters check it
(`parse_organisation`) and written owner-only (files.py). Escape closes it for now: the letters
refuse the demo organisation anyway, and the app asks again at the next start.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import yaml
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from vergoedingcheck.letters.content import LetterContentError, parse_organisation
from vergoedingcheck.text import word
from vergoedingcheck.tui.common import visible
from vergoedingcheck.tui.forms import FormError, FormErrors, _Collect, _Form
from vergoedingcheck.tui.widgets import DataInput

ANBI_CHOICES = ("ANBI", "SBBI", "geen")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def t(key: str, **kw: Any) -> str:
    text = word("organisation", key)
    return text.format(**kw) if kw else text


def organisation_data(
    name: str, address: str, phone: str, email: str, anbi_sbbi: str | None
) -> dict[str, Any]:
    """The organisation file's content from the form's fields (FormErrors: every problem)."""
    c = _Collect()
    with c.field():
        if not name.strip():
            raise FormError(t("name"), t("required"))
    lines = [part.strip() for part in address.split(",") if part.strip()]
    with c.field():
        if not lines:
            raise FormError(t("address"), t("required") + " (" + t("address_hint") + ")")
    with c.field():
        if email.strip() and not _EMAIL.match(email.strip()):
            raise FormError(t("email"), t("bad_email"))
    c.raise_any()
    data: dict[str, Any] = {
        "organisation": {
            "name": name.strip(),
            "address": lines,
            "phone": phone.strip() or None,
            "email": email.strip() or None,
            "anbi_sbbi": anbi_sbbi or None,
        },
    }
    try:  # exactly the letters' own check
        parse_organisation(data, Path("."), "organisation.yaml")
    except LetterContentError as exc:
        raise FormError(t("title"), str(exc)) from None
    return data


def write_organisation(path: Path, data: dict[str, Any]) -> None:
    """Write the organisation file owner-only (its folder too when it is new)."""
    from vergoedingcheck.files import write_private

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    write_private(path, text)


class OrganisationForm(_Form):
    """Asks for the organisation's details; dismisses with the written path or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Later", id="organisation.later"),
        Binding("ctrl+s", "save", "Opslaan", id="organisation.save"),
    ]

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("title"), classes="title")
            yield Static(visible(t("intro", path=str(self.path))), classes="subtitle")
            with Grid(classes="fields"):
                yield Label(t("name"))
                yield DataInput("", id="org_name", compact=True)
                yield Label(t("address"))
                yield DataInput("", id="org_address", compact=True, placeholder=t("address_hint"))
                yield Label(t("phone"))
                yield DataInput("", id="org_phone", compact=True)
                yield Label(t("email"))
                yield DataInput("", id="org_email", compact=True)
                yield Label(t("anbi_sbbi"))
                yield Select(
                    [(c, c) for c in ANBI_CHOICES],
                    prompt=t("anbi_unknown"),
                    compact=True,
                    id="org_anbi",
                )
            yield Static("", id="error", classes="error")
            yield Horizontal(
                Button(t("save"), id="save", variant="primary", compact=True),
                Button(t("later"), id="cancel", compact=True),
                classes="buttons",
            )

    def action_cancel(self) -> None:
        """Later: nothing is written; the app says the letters wait for it."""
        self.app.notify(t("skipped"), severity="warning")
        self.dismiss(None)

    def show_error(self, exc: FormError) -> None:
        errors = exc.errors if isinstance(exc, FormErrors) else [exc]
        text = t("not_saved") + "".join("\n· " + visible(str(e)) for e in errors)
        self.query_one("#error", Static).update(text)

    def action_save(self) -> None:
        anbi = self.query_one("#org_anbi", Select).value
        try:
            data = organisation_data(
                self.query_one("#org_name", Input).value,
                self.query_one("#org_address", Input).value,
                self.query_one("#org_phone", Input).value,
                self.query_one("#org_email", Input).value,
                anbi if isinstance(anbi, str) else None,
            )
        except FormError as exc:
            self.show_error(exc)
            return
        write_organisation(self.path, data)
        self.app.notify(t("saved", path=str(self.path)))
        self.dismiss(self.path)
