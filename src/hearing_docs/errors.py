"""The one error tree of hearing-docs.

Every error the library raises on purpose is a ``HearingDocsError``; only the
command line turns it into text for a person. A ``Problem`` is one finding with
its place (file, line, column) and the field it concerns, so that a message
always says where to look; ``shown_path`` writes the file as a person would.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MISSING = "required field is missing"
MAX_LINE = 300
"""The longest line a problem is written as: a message that quotes a long value
(a library's, which may quote a whole paragraph) is cut, ending in "…"."""


def shown_path(path: Path) -> str:
    """A path as a person gave it or would recognise it: relative when inside the cwd.

    How every problem, and every line the command line prints, names a file.
    """
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


@dataclass(frozen=True)
class Problem:
    """One finding: where it is and what is wrong."""

    file: Path | str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = str(self.file)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        where = f"{self.field}: " if self.field else ""
        line = printable(f"{place}: {where}{self.message}")
        return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"


def printable(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes (``\\n``).

    A problem quotes what it found, and a value given as a block of text, a
    quoted key or a file name may hold a line break: the problem stays one line.
    """
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
    )


class HearingDocsError(Exception):
    """Base of every error hearing-docs raises on purpose.

    It holds one or more problems; ``str()`` gives the first one, so a single
    line always describes the error.
    """

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(str(self.problems[0]))

    def headline(self) -> Problem:
        """The problem to show when only one is shown.

        The first, unless it only says that a field is missing while another says
        more: a misspelt key (``closng``) or an unreadable value is the cause of
        the missing field, and the message that names it is the one to act on.
        """
        telling = [p for p in self.problems if p.message != MISSING]
        return telling[0] if telling else self.problems[0]

    def one_line(self) -> str:
        """The headline problem, with a count of the others when there are more."""
        text = str(self.headline())
        more = len(self.problems) - 1
        if more:
            text += f" (and {more} more problem{'s' if more > 1 else ''})"
        return text


class ContentError(HearingDocsError):
    """The content file cannot be read or does not describe a hearing."""


class TemplateError(HearingDocsError):
    """A template set, its theme or one of its assets is broken."""


class RenderError(HearingDocsError):
    """A renderer failed on content and templates that were valid."""


class SettingError(HearingDocsError):
    """An environment variable holds a value the build cannot use (``SOURCE_DATE_EPOCH``)."""


class FolderError(HearingDocsError):
    """A working folder cannot be made as asked (it would overwrite a file)."""
