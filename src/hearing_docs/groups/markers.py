"""The markers a field's type carries: a type in, what else its value must be out.

In: nothing; ``Annotated[str, Check(function), Pattern("...")]`` in a group's
declaration.
Out: the marker classes ``checking.py`` acts on and ``content/schema.py`` turns
into JSON Schema: ``Check`` and ``Before`` (functions run after and before the
type), ``Entries``, ``AtLeast`` and ``Pattern`` (limits), ``Key`` (the key a file
writes), ``Tag`` and ``Choose`` (a union whose kind a function picks),
``JsonSchema`` (the schema written instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Plain classes, not dataclasses: a dataclass takes about 0.4 ms to make (it compiles
# its methods), and the classes of this module are made by every command.


class Record:
    """A small value: its fields in ``__slots__``, shown by ``repr``."""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Check(Record):
    """After the type: ``function(value)`` returns the value kept, or raises ``ValueError``."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


class Before(Record):
    """Before the type: ``function(value)`` returns what the type is checked on."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


class Entries(Record):
    """How many entries a list may have."""

    __slots__ = ("least", "most")

    def __init__(self, least: int | None = None, most: int | None = None) -> None:
        self.least, self.most = least, most


class AtLeast(Record):
    """The smallest number allowed."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value


class Pattern(Record):
    """A regular expression the whole text must match (a final line break included)."""

    __slots__ = ("regex",)

    def __init__(self, regex: str) -> None:
        self.regex = regex


class Key(Record):
    """The key a file writes for a field whose name in Python differs (``from``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Tag(Record):
    """The name of one kind of a ``Choose`` union."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Choose(Record):
    """Of a union of tagged kinds, ``function(value)`` names the one to check the value as,
    so that a problem is reported once, in that kind's words; ``None`` (or a name of no
    kind) is an error of kind ``error``."""

    __slots__ = ("error", "function", "message")

    def __init__(
        self,
        function: Callable[[Any], str | None],
        error: str = "union_tag_invalid",
        message: str = "does not match any of the expected kinds",
    ) -> None:
        self.function, self.error, self.message = function, error, message


class JsonSchema(Record):
    """The JSON Schema of the type, instead of the one derived from it."""

    __slots__ = ("schema",)

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
