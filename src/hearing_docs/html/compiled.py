"""Compiled templates: Jinja's compiled code kept in the user's cache between runs.

In: the settings of the Jinja environment that compiles (sandboxed, block
trimming, the filters it knows).
Out: a Jinja ``BytecodeCache`` over ``cache.folder("templates")``, or ``None``
when that folder cannot be made (the templates are then compiled every run).

Compiling the templates is a good part of an HTML render, and it gives the
same code every time for the same source. Jinja keys each entry by the
template's file name and checks the source's checksum before using it, so an
edited template is compiled again. The code also depends on the environment
(a sandboxed one compiles calls differently) and on the versions of Jinja and
hearing-docs, so each such combination has a folder of its own. Jinja writes
entries atomically; an entry that cannot be read is compiled again.
"""

from __future__ import annotations

import sys

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from hearing_docs import cache
from hearing_docs.version import __version__


class _TolerantCache(FileSystemBytecodeCache):
    """Jinja's file cache, which reads a damaged entry as a missing one."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated or overwritten: pickle and marshal raise many kinds
            bucket.reset()


def bytecode_cache(*settings: object) -> jinja2.BytecodeCache | None:
    """The cache for an environment made with ``settings`` (anything that changes its code)."""
    folder = cache.folder("templates") / cache.key(
        __version__, jinja2.__version__, sys.version_info[:2], settings
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TolerantCache(str(folder), "%s.jinja")
