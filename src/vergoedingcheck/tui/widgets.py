"""Widgets that show data as text: a string cell is never parsed as markup (issue 9 item 4)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Input
from textual.widgets.data_table import ColumnKey, RowKey

from vergoedingcheck.tui.common import plain, visible


def safe_cell(value: object) -> object:
    """A cell value as plain text: `str` becomes a `Text` (no markup), control characters are made
    visible in a `Text` too; other renderables (a status word) pass as they are."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, Text):
        clean = visible(value.plain)
        if clean != value.plain:
            return Text(clean, style=value.style)
    return value


class Table(DataTable[Any]):
    """A DataTable whose string cells are data, never markup (Textual parses `[` in a `str`)."""

    def add_row(
        self,
        *cells: Any,
        height: int | None = 1,
        key: str | None = None,
        label: Any = None,
    ) -> RowKey:
        return super().add_row(*(safe_cell(c) for c in cells), height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Any,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, safe_cell(value), update_width=update_width)


class DataInput(Input):
    """An Input that draws control characters visibly (ESC as ␛): a value typed, pasted or read
    from the store never sends a terminal sequence. The value itself is kept as it is; each
    character maps to one visible character, so the cursor stays in place."""

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        if self.highlighter is not None:
            text = self.highlighter(text)
        return text


def dutch_select_overlay() -> None:
    """The open list of a Select shows "Dismiss menu" in the footer: in Dutch, like every key."""
    from textual.widgets._select import SelectOverlay

    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "Sluit de lijst", id="datainput.dismiss")]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
