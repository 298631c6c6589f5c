"""Messages the app and its screens send each other (posting's `messages.py`): the screens import
this module, never the app, so the app may import the screens."""

from __future__ import annotations

from textual.message import Message


class Rechecked(Message):
    """The check result changed (posted to the active screen)."""
