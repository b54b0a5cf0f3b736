"""A content file's text: a path in, its UTF-8 text out, or one problem saying why not.

In: the path of a content (or defaults, theme, catalogue) file and how messages
show it.
Out: the file's text, without a byte-order mark; or ``YamlProblems`` with one
problem: not a regular file, over the size limit, not UTF-8, binary.

Kept apart from ``yamlsource.py``, which parses the text, so that the manifest can
read a content file to see whether it changed without importing PyYAML.
"""

from __future__ import annotations

import stat
from pathlib import Path

from hearing_docs.errors import Problem

MAX_BYTES = 5 * 1024 * 1024


class YamlProblems(Exception):
    """Raised with every problem found while reading the file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


def read_text(path: Path, shown: str, limit: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file, refusing what cannot be content."""

    def fail(message: str, line: int | None = None, column: int | None = None) -> YamlProblems:
        return YamlProblems([Problem(shown, message, line, column)])

    if path.is_dir():
        raise fail("is a folder, not a file: give the path of a .yaml file")
    try:
        # A device or a pipe (/dev/zero, a FIFO) would never end: only regular files are read,
        # and never more than the limit, even if the file grows while it is read.
        if not stat.S_ISREG(path.stat().st_mode):
            raise fail("is not a regular file (a device or a pipe): give a .yaml file")
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            size = max(path.stat().st_size, len(raw))
            raise fail(f"file is {size / 1048576:.1f} MB; the limit is {limit // 1048576} MB")
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied: the file cannot be read") from None
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror}") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("is UTF-16 or UTF-32 text (it starts with a byte order mark); save it as UTF-8")
    if b"\0" in raw:
        raise fail("is a binary file (it holds NUL bytes), not YAML text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise fail(
            f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8",
            line,
            column,
        ) from None
    return text.removeprefix("\ufeff")
