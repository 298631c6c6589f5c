"""What the household view and the per-payer view share (issue 13 item 5): a screen of one year's
tables that reloads after a recheck and when it comes back on top, `[`/`]` for the year and Escape
back; and a table's columns from one list and its rows refilled with the cursor kept in place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from string import Formatter
from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen
from textual.widgets import DataTable

from vergoedingcheck.text import word
from vergoedingcheck.tui.common import rich_line
from vergoedingcheck.tui.messages import Rechecked

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp

Column = tuple[str, str, int]  # label, key, width
Row = tuple[str, Sequence[Any]]  # key, cells


def text_line(group: str, key: str, **values: str | tuple[str, str]) -> Any:
    """The catalogue's sentence `group.key` (Dutch, the app's language) as one Rich `Text`, its
    `{placeholders}` filled with data: a `str` plain, a `(text, style)` pair styled; never markup."""
    parts: list[str | tuple[str, str]] = []
    for literal, field, _, _ in Formatter().parse(word(group, key, "nl")):
        parts.append(literal)
        if field is not None:
            parts.append(values[field])
    return rich_line(*parts)


def add_columns(table: DataTable[Any], columns: Iterable[Column]) -> None:
    for label, key, width in columns:
        table.add_column(label, key=key, width=width)


def refill(table: DataTable[Any], rows: Iterable[Row], *, keep_cursor: bool = True) -> int:
    """Replace the rows; with `keep_cursor` the cursor stays on the same row number (or the last
    row when there are fewer now). Returns the number of rows."""
    row = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if keep_cursor and table.row_count:
        table.move_cursor(row=min(max(row, 0), table.row_count - 1))
    return table.row_count


class YearTablesScreen(Screen[None]):
    """A screen showing one year of the app: `reload()` fills it; it runs again after every recheck,
    when the screen is back on top and when the year changes. Subclasses bind `back` and `year`."""

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def reload(self) -> None:
        raise NotImplementedError

    def on_rechecked(self, _: Rechecked) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def action_year(self, delta: int) -> None:
        self.vc.set_year(self.vc.year + delta)
        self.reload()

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
