"""The help screen: keys and a short explanation, from `tui/help.md`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from vergoedingcheck.content import content_dir


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Sluit")]

    def compose(self) -> ComposeResult:
        text = (content_dir("tui") / "help.md").read_text(encoding="utf-8")
        with VerticalScroll(id="help"):
            yield Markdown(text)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
