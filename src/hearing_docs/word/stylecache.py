"""The Word styles of a theme, kept: a theme, a language and a script in, the styles part out.

In: the styles part of a ``Document`` (python-docx's ``document.styles.element``),
and what ``styles.define`` made it from: the theme, the content's language and
the group of scripts it is written in.
Out: ``restore``: the part's styles as ``define`` left them for the same inputs
last time, read from the user's cache (``False`` when there is no usable entry);
``keep``: the part as ``define`` left it, for the next build.

Defining the styles walks python-docx's 164 starting styles and sets about forty
from the theme: about a tenth of a cold DOCX-only build, the same for every
build of a theme. An entry is named after everything ``define`` reads (the
theme, the language, the script) and what it starts from (the versions of
hearing-docs and of python-docx, whose template holds the starting styles), so a
changed theme or an upgrade makes another entry, never a stale one; a damaged
entry is not believed, and the styles are defined again.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from hearing_docs import cache as user_cache
from hearing_docs import installed
from hearing_docs.templateset.theme import Theme
from hearing_docs.version import __version__

FORMAT = 1
"""Changes when what an entry holds does."""


def restore(root: Any, theme: Theme, language: str, script: str) -> bool:
    """Give ``root`` (a ``w:styles`` element) the children kept for these inputs."""
    kept = user_cache.read_json(_entry(theme, language, script))
    if not isinstance(kept, str):
        return False
    try:
        styles = parse_xml(kept.encode("utf-8"))
    except (etree.XMLSyntaxError, ValueError):
        return False
    if styles.tag != qn("w:styles") or styles.find(qn("w:docDefaults")) is None:
        return False
    root[:] = list(styles)
    return True


def keep(root: Any, theme: Theme, language: str, script: str) -> None:
    """Keep ``root`` (the ``w:styles`` element ``define`` finished) for these inputs."""
    text = etree.tostring(root, encoding="unicode")
    user_cache.write_json(_entry(theme, language, script), text)


def _entry(theme: Theme, language: str, script: str) -> Any:
    name = user_cache.key(
        FORMAT, __version__, installed.identity("docx"), repr(theme), language, script
    )
    return user_cache.folder("word-styles") / f"{name}.json"
