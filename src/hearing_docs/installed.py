"""Which copy of a library is installed: a package's import name in, what tells one
installed copy from another out.

The answer is the package's first file (its ``__init__.py``) with that file's size
and modification time, which installing any other version rewrites. It is found
without importing the package, nor ``importlib.metadata`` (whose import and search
of every installed distribution would cost a quick check more than the rest of
it). What it keys (the build manifest, the user's cache of checked images) is
built again when the library changes. A package that cannot be found, or that
runs from a zip file, gives ``None``: its changes go unseen.
"""

from __future__ import annotations

import importlib.util
import os


def identity(package: str) -> list[object] | None:
    """``[path, size, modification time in ns]`` of ``package``'s first file, or ``None``."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    try:
        status = os.stat(spec.origin)
    except OSError:
        return None
    return [spec.origin, status.st_size, status.st_mtime_ns]
