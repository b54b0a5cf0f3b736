"""Font matching: a family name and a style in, the font file fontconfig gives for them out.

In: a family name (as the theme writes it) and whether the face is bold or italic.
Out: the path of the font file and the index of the face in it, or ``None``
when fontconfig knows no font at all.

The fonts are found the way WeasyPrint finds them: the name is asked of
fontconfig (``fc-match``), which also applies its aliases (Times New Roman is
Liberation Serif on a Linux machine without it). Each ``fc-match`` is a
process of its own; its answers are kept in the user's cache for as long as
the fonts and fontconfig's settings stay as they were: the entry records the
modification times of every folder of fonts, of fontconfig's settings and of
its own cache (which fontconfig rewrites when it finds new fonts in any
folder), and the matched files themselves. A font installed or removed, or a
setting changed, asks fontconfig again. Within ``one_state()`` (one build) the
fonts are taken to stay as they were: the folders are looked at and the cache
read once, not for every face asked for.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from hearing_docs import cache as user_cache
from hearing_docs.errors import Problem, RenderError

Match = tuple[Path, int]


def match(family: str, bold: bool, italic: bool) -> Match | None:
    """The font file (and face index) fontconfig gives for ``family`` in this style."""
    name = "".join("\\" + c if c in "\\-:," else c for c in family)
    matches = _current.get() or _Matches()
    return matches.get(f"{name}:weight={200 if bold else 80}:slant={100 if italic else 0}")


@contextmanager
def one_state() -> Iterator[None]:
    """Answer every ``match`` inside from one look at the fonts (a build asks for a
    dozen faces or more; each look walks every font folder and reads the cache). Inside
    another ``one_state``, that one's answers stand."""
    if _current.get() is not None:
        yield
        return
    token = _current.set(_Matches())
    try:
        yield
    finally:
        _current.reset(token)


def state() -> list:
    """What fontconfig's answers depend on (its settings, the font folders, its cache): as
    the ``one_state`` this runs in saw them, else as they are now."""
    matches = _current.get()
    return matches.state if matches is not None else _state()


class _Matches:
    """The answers of fc-match for this state of the fonts, read from and kept in the cache."""

    def __init__(self) -> None:
        self.entry = user_cache.folder("fonts") / "matches.json"
        self.state = _state()
        kept = user_cache.read_json(self.entry)
        self.known: dict[str, list | None] = {}
        if isinstance(kept, dict) and kept.get("state") == self.state:
            answers = kept.get("matches")
            if isinstance(answers, dict):
                self.known = {k: v for k, v in answers.items() if _still_there(v)}

    def get(self, pattern: str) -> Match | None:
        if pattern not in self.known:
            found = _fc_match(pattern)
            self.known[pattern] = None if found is None else [str(found[0]), found[1]]
            user_cache.write_json(self.entry, {"state": self.state, "matches": self.known})
        answer = self.known[pattern]
        return None if answer is None else (Path(answer[0]), int(answer[1]))


_current: ContextVar[_Matches | None] = ContextVar("fontconfig_state", default=None)


def _still_there(answer: object) -> bool:
    if answer is None:
        return True
    return (
        isinstance(answer, list)
        and len(answer) == 2
        and isinstance(answer[0], str)
        and type(answer[1]) is int
        and Path(answer[0]).is_file()
    )


def _state() -> list:
    """What fontconfig's answers depend on: its settings, the font folders and its cache."""
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    font_folders = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data / "fonts",
        home / ".fonts",
    ]
    watched = [
        Path("/etc/fonts"),
        Path("/etc/fonts/fonts.conf"),
        Path("/etc/fonts/conf.d"),
        config / "fontconfig",
        config / "fontconfig" / "fonts.conf",
        config / "fontconfig" / "conf.d",
        home / ".fonts.conf",
        Path("/var/cache/fontconfig"),
        cache_home / "fontconfig",
    ]
    for root in font_folders:
        watched.append(root)
        for folder, subfolders, _files in os.walk(root):
            subfolders.sort()
            watched += [Path(folder) / name for name in subfolders]
    variables = [os.environ.get(name, "") for name in ("FONTCONFIG_FILE", "FONTCONFIG_PATH")]
    return [variables, [[str(path), _mtime(path)] for path in watched]]


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _fc_match(pattern: str) -> Match | None:
    tool = shutil.which("fc-match")
    if tool is None:
        raise RenderError(
            Problem("fonts", "fc-match not found: install fontconfig, which WeasyPrint needs too")
        )
    import subprocess  # here: fontconfig's answers are read from the cache in most builds

    result = subprocess.run(
        [tool, "--format=%{file}\n%{index}", pattern],
        capture_output=True,
        text=True,
        check=False,
    )
    file, _, index = result.stdout.partition("\n")
    if result.returncode != 0 or not file:
        return None
    return Path(file), int(index or 0)
