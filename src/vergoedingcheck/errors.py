"""Errors shared by the command line and the commands (a module of its own, so that `commands`
never imports `cli`, which imports the commands)."""

from __future__ import annotations


class UsageError(Exception):
    """A wrong option or argument: exit 2."""
