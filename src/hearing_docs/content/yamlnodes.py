"""YAML text composed into PyYAML's node tree, through libyaml when it gives the same tree.

In: the text of a YAML file.
Out: the root node of its single document (``None`` for an empty file), every
node with its start and end marks, and the constructor that turns scalar nodes
into values; or the error PyYAML's own Python parser raises for that text.

PyYAML's Python scanner and parser take most of the time of reading a file;
libyaml, the C library its wheel ships, turns out the same events several
times faster. Composition stays in PyYAML's Python composer either way, so an
alias is kept as an ``AliasNode`` where it stands (never the anchored node:
a "billion laughs" file never expands, and its error points at the alias).

libyaml and PyYAML disagree on a few inputs: error messages and their places,
tabs, control characters, Unicode line breaks, a last line without a line
break, tags, ":" and "?" in a plain value inside brackets, "#" straight after
a block value's indicator. So libyaml is used only for text free of those,
and whenever it raises, the text is parsed again by PyYAML's Python parser:
what people see (data, positions, every message) is always what that parser
gives.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

Composed = tuple[yaml.Node | None, SafeConstructor]
"""The document's root node and the constructor that builds its scalars' values."""

# Characters on which libyaml and PyYAML part ways: those PyYAML's Reader refuses
# (libyaml refuses a slightly different set, with other messages), tabs (libyaml
# takes them as separators where PyYAML refuses them), the Unicode line breaks
# NEL, LS and PS (counted as new lines in different places), and a byte order
# mark after the start (libyaml skips one at the start of any line); a comment
# straight after a block value's | or > (``>#``), and a directive (``%YAML 1.1``,
# which no content needs) followed by a comment, which only libyaml accepts.
_NOT_FOR_LIBYAML = (
    yaml.reader.Reader.NON_PRINTABLE,
    re.compile("[\t\x85\u2028\u2029\ufeff]"),
    re.compile("[|>][-+0-9]*#"),
    re.compile("^%", re.MULTILINE),
)

# libyaml's parser, as yaml/__init__.py imports it from yaml.cyaml when the library is there.
CParser: Any = (
    getattr(sys.modules.get("yaml.cyaml"), "CParser", None) if yaml.__with_libyaml__ else None
)


class _Disagreement(Exception):
    """The text holds something on which libyaml and PyYAML give different trees."""


class TooDeep(Exception):
    """Lists and groups nested deeper than PyYAML's recursive parser can follow."""

    def __init__(self, line: int | None) -> None:
        super().__init__(f"nested too deeply (line {line})")
        self.line = line


class AliasNode(yaml.ScalarNode):
    """Where a ``*name`` alias stood; the anchored node is never expanded."""


class _AliasKeepingComposer(Composer):
    """PyYAML's composer, except that an alias stays an alias node with its own place.

    PyYAML hands back the anchored node itself for an alias, so a "billion laughs"
    file would expand when walked and its error would point at the anchor.
    """

    # Given by the parser it is mixed with (PyYAML's Parser or libyaml's CParser).
    check_event: Callable[..., bool]
    get_event: Callable[[], Any]

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark
                )
            return AliasNode("!alias", "", event.start_mark, event.end_mark)
        node = super().compose_node(parent, index)
        assert node is not None  # only None at the end of the stream, never inside a document
        return node


class _PythonLoader(_AliasKeepingComposer, yaml.SafeLoader):
    """PyYAML's SafeLoader (Reader, Scanner, Parser, Composer, SafeConstructor,
    Resolver) with the alias-keeping composer; its Reader checks every character
    on creation and may raise ReaderError."""


if CParser is not None:

    class _LibyamlLoader(_AliasKeepingComposer, CParser, SafeConstructor, Resolver):
        """libyaml's events (CParser's check_event, peek_event, get_event) composed by
        the Python composer: put together as yaml/cyaml.py's CSafeLoader, except that
        the composer comes before CParser, whose own C composer would expand aliases.
        """

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _AliasKeepingComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

        def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
            event = self.peek_event()
            # A tag: inside brackets libyaml ends one at a comma that PyYAML reads as
            # part of it, and the bare "!" on an empty value is a string to libyaml,
            # null to PyYAML. Content has no use for tags (most are refused anyway).
            if getattr(event, "tag", None) is not None:
                raise _Disagreement
            # Inside [...] or {...}, PyYAML ends a plain value at ":" or "?", where
            # libyaml reads on.
            in_flow = isinstance(parent, yaml.CollectionNode) and parent.flow_style
            plain = isinstance(event, yaml.ScalarEvent) and not event.style
            if in_flow and plain and (":" in event.value or "?" in event.value):
                raise _Disagreement
            return super().compose_node(parent, index)


def compose(text: str, *, libyaml: bool = True) -> Composed:
    """The node tree of ``text``: libyaml's when allowed and it agrees, else PyYAML's.

    Raises what PyYAML's Python parser raises (``yaml.MarkedYAMLError``,
    ``yaml.reader.ReaderError``), or ``TooDeep``.
    """
    if libyaml:
        composed = compose_with_libyaml(text)
        if composed is not None:
            return composed
    return compose_with_python(text)


def compose_with_libyaml(text: str) -> Composed | None:
    """The node tree of ``text`` through libyaml, or ``None`` when libyaml is missing,
    the text holds a character the two parsers treat differently, or libyaml finds
    an error (whose message and place would differ from PyYAML's)."""
    if CParser is None or any(pattern.search(text) for pattern in _NOT_FOR_LIBYAML):
        return None
    # At the end of a text whose last line has no line break, libyaml moves on to a
    # new line: a value left empty there would be placed a line below PyYAML's place.
    if text and not text.endswith(("\n", "\r")):
        return None
    loader = _LibyamlLoader(text)
    try:
        return loader.get_single_node(), loader
    except (yaml.YAMLError, RecursionError, _Disagreement):
        return None
    finally:
        loader.dispose()


def compose_with_python(text: str) -> Composed:
    """The node tree of ``text`` through PyYAML's Python reader, scanner and parser."""
    loader = None
    try:
        loader = _PythonLoader(text)
        return loader.get_single_node(), loader
    except RecursionError:  # PyYAML parses nested lists and groups recursively
        mark = loader.get_mark() if loader is not None else None
        raise TooDeep(mark.line + 1 if mark is not None else None) from None
    finally:
        if loader is not None:
            loader.dispose()
