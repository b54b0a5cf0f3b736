"""The starting document of a theme: a theme, a language and a script in, a Document out.

In: the template set's theme, the content's language and the group of scripts it
is written in (``glyphs.language_slot``).
Out: ``document``: python-docx's starting document with the theme's styles
(``styles.define``) and paper (``pages.paper``), ready for the lists and the
content; taken from the user's cache when the same inputs made it before.

Opening python-docx's own template, with its 164 styles, and defining the styles
from the theme cost about a tenth of a cold DOCX-only build, the same for every
build of a theme. The document they give is kept as DOCX bytes, in an entry named
after everything that made it: the theme, the language and the script, and the
versions of hearing-docs and of python-docx (whose template it starts from). A
document is always opened from such bytes, made now or kept, so a kept one cannot
differ from a new one; an entry that cannot be opened is made again.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from hearing_docs import cache as user_cache
from hearing_docs import installed
from hearing_docs.output import reproducible
from hearing_docs.templateset.theme import Theme
from hearing_docs.version import __version__
from hearing_docs.word import pages, styles

FORMAT = 1
"""Changes when what an entry holds does."""
_STAMP = dt.datetime(1980, 1, 1)  # the earliest a zip archive can hold

# What opening bytes that are not a DOCX python-docx can read raises.
_NOT_A_DOCX = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    EOFError,
    etree.XMLSyntaxError,
)


def document(theme: Theme, language: str, script: str) -> Document:
    """python-docx's document with the theme's styles and paper, for ``language``."""
    entry = _entry(theme, language, script)
    kept = user_cache.read_bytes(entry)
    if kept is not None:
        try:
            return docx.Document(io.BytesIO(kept))
        except _NOT_A_DOCX:
            pass  # damaged: made again below
    made = _made(theme, language, script)
    user_cache.write_bytes(entry, made)
    return docx.Document(io.BytesIO(made))


def _made(theme: Theme, language: str, script: str) -> bytes:
    started = docx.Document()
    styles.define(started, theme, language, script)
    pages.paper(started, theme)
    buffer = io.BytesIO()
    started.save(buffer)
    # Stamped with one moment, not the clock: an entry depends on its inputs alone.
    return reproducible.zip_bytes(buffer.getvalue(), _STAMP)


def _entry(theme: Theme, language: str, script: str) -> Path:
    identity = installed.identity("docx")
    parts = (FORMAT, __version__, identity, repr(theme), language, script)
    return user_cache.entry("word-start", *parts, suffix=".docx")
