"""The help screen: keys and a short explanation, from `tui/help.md`."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from vergoedingcheck.content import content_dir


def screen_help(screen: Any) -> str:
    """The keys of `screen` (its own bindings with their descriptions) as a Markdown table."""
    from vergoedingcheck.tui.common import screen_actions

    rows = screen_actions(screen) if screen is not None else []
    if not rows:
        return ""
    lines = ["## Op dit scherm", "", "| Toets | Wat |", "|---|---|"]
    lines += [f"| `{key.replace('`', '')}` | {title.replace('|', '/')} |" for title, key, _ in rows]
    return "\n".join(lines) + "\n\n"


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Sluit", id="help.close")
    ]

    def __init__(self, below: Any = None) -> None:
        super().__init__()
        self.below = below
        """The screen help was asked on: its keys come first (issue 11 item 6)."""

    def compose(self) -> ComposeResult:
        text = (content_dir("tui") / "help.md").read_text(encoding="utf-8")
        own = screen_help(self.below)
        if own:
            head, _, rest = text.partition("\n")
            text = f"{head}\n\n{own}{rest}"
        with VerticalScroll(id="help"):
            yield Markdown(text)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
