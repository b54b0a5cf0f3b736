"""Warnings logged while something runs: log records in, their messages out.

WeasyPrint logs problems instead of raising them, and a batch's worker hands
its builds' warnings back to the parent: both keep them with ``Collector``.
"""

from __future__ import annotations

import logging


class Collector(logging.Handler):
    """A logging handler that keeps the message of every warning (or worse)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def take(self) -> list[str]:
        """The messages kept so far, and none kept after."""
        taken, self.messages = self.messages, []
        return taken
