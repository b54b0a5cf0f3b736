"""WeasyPrint's system libraries: found once per machine, not at every start.

In: nothing but the machine: its dynamic linker's cache and search paths.
Out: ``load()``, which imports WeasyPrint (once per process) and returns it.

When WeasyPrint is imported, it opens GObject, Pango, HarfBuzz and fontconfig
through cffi, trying several names for each, the Windows and macOS names
first. cffi looks up every name that is not a file with
``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and then,
for each name it does not find, ``gcc`` and ``ld``: about twenty processes and
a third of a second of CPU at every start, for answers that only change when
libraries are installed or removed.

So during the import, ``find_library`` answers from the user's cache. The
entry is keyed by what the real answers depend on: the linker's cache file
``/etc/ld.so.cache`` (rewritten by ``ldconfig`` whenever a package installs or
removes a library) and the variables that add search paths. A name the entry
does not hold is asked of the real ``find_library`` and kept. Other systems
import WeasyPrint as it is.
"""

from __future__ import annotations

import ctypes.util
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from hearing_docs import cache

LINKER_CACHE = Path("/etc/ld.so.cache")
_VARIABLES = ("LD_LIBRARY_PATH", "LIBRARY_PATH", "PATH")


def load() -> ModuleType:
    """WeasyPrint, imported (the first time) with its libraries found from the cache."""
    if "weasyprint" not in sys.modules and sys.platform.startswith("linux"):
        with _remembered_lookups():
            return importlib.import_module("weasyprint")
    return importlib.import_module("weasyprint")


@contextmanager
def _remembered_lookups() -> Iterator[None]:
    entry = cache.entry("libraries", _state())
    kept = cache.read_json(entry)
    answers: dict[str, str | None] = {}
    if isinstance(kept, dict):
        answers = {k: v for k, v in kept.items() if v is None or isinstance(v, str)}
    known = len(answers)
    real = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        if name not in answers:
            answers[name] = real(name)
        return answers[name]

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = real
        if len(answers) != known:
            cache.write_json(entry, answers)


def _state() -> list:
    try:
        status = LINKER_CACHE.stat()
        linker: list = [status.st_size, status.st_mtime_ns]
    except OSError:
        linker = []
    return [linker, [os.environ.get(name, "") for name in _VARIABLES]]
