"""A group of fields: a class in, its declared fields out.

In: a class deriving from ``Group``, its fields declared as annotations (with the
markers of ``markers.py``) and their defaults as class attributes.
Out: immutable instances (made from Python values, checked as data from a file
would be), ``replace`` and ``values``; ``fields``: the declared fields of a class,
by name, each with the key a file writes, its type and its default.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import (
    Annotated,
    Any,
    ClassVar,
    TypeVar,
    dataclass_transform,
    get_origin,
    get_type_hints,
)

from hearing_docs.groups.markers import Key, Record

G = TypeVar("G", bound="Group")
REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()
"""The default of a field that has none: the data must give it."""


class Field(Record):
    """A declared field: its name, the key a file writes, its type and its default."""

    __slots__ = ("default", "hint", "key", "name")

    def __init__(self, name: str, key: str, hint: Any, default: Any = REQUIRED) -> None:
        self.name, self.key, self.hint, self.default = name, key, hint, default

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass_transform(kw_only_default=True)
class Group:
    """A group of fields, immutable once made. Subclasses declare fields as annotations,
    with defaults as class attributes; ``verify`` states rules that join fields."""

    lax: ClassVar[bool] = False
    """True: true/false may be written as yes/no, on/off or 1/0 (as YAML 1.1 would)."""

    def __init__(self, **values: Any) -> None:
        # Checked as data from a file would be: a group made in Python holds what one
        # read from a file would (Marked text, a verified whole).
        declared = fields(type(self))
        unknown = set(values) - set(declared)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]}")
        # Imported here: checking.py makes groups, so it imports this module.
        from hearing_docs.groups.checking import check

        made = check(type(self), {declared[name].key: value for name, value in values.items()})
        self.__dict__.update(made.__dict__)

    def verify(self) -> None:
        """Rules between fields: raise ``ValueError("field: what is wrong")``."""

    def replace(self: G, **changes: Any) -> G:
        """A copy with ``changes`` (not checked again: the values are typed already)."""
        unknown = set(changes) - set(fields(type(self)))
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]}")
        made = object.__new__(type(self))
        made.__dict__.update(self.__dict__)
        made.__dict__.update(changes)
        return made

    def values(self) -> Iterator[tuple[str, Any]]:
        """Every field's name and value, in the order of declaration."""
        for name in fields(type(self)):
            yield name, getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.values())
        return f"{type(self).__name__}({shown})"


def is_group(value: Any) -> bool:
    """Whether ``value`` is a class of groups."""
    return isinstance(value, type) and issubclass(value, Group)


_FIELDS: dict[type, dict[str, Field]] = {}


def fields(cls: type[Group]) -> dict[str, Field]:
    """The fields ``cls`` declares (its bases' first), by name."""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = _declared(cls)
    return known


def _declared(cls: type[Group]) -> dict[str, Field]:
    hints = get_type_hints(cls, include_extras=True, localns=_names(cls))
    found = {}
    for name, hint in hints.items():
        if get_origin(hint) is ClassVar or name.startswith("_"):
            continue
        _, markers = bare(hint)
        key = next((m.name for m in markers if isinstance(m, Key)), name)
        if name in vars(Group):  # it would hide the method every group needs
            raise TypeError(
                f"{cls.__name__}.{name}: a field cannot be named like a method of Group"
            )
        # The default is a value the class itself gives, never a method of Group's.
        given = (vars(k)[name] for k in cls.__mro__ if k not in (Group, object) and name in vars(k))
        found[name] = Field(name, key, hint, next(given, REQUIRED))
    return found


def _names(cls: type) -> dict[str, Any]:
    module = sys.modules.get(cls.__module__)
    return {**vars(module), cls.__name__: cls} if module else {cls.__name__: cls}


def bare(hint: Any) -> tuple[Any, list[Any]]:
    """``hint`` without its ``Annotated`` wrappers, and their markers, innermost first."""
    markers: list[Any] = []
    while get_origin(hint) is Annotated:
        markers = [*hint.__metadata__, *markers]
        hint = hint.__origin__
    return hint, markers
