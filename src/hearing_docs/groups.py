"""Groups of fields: declared once as typed classes, checked against plain data.

In: a class deriving from ``Group`` whose annotations declare its fields (types
wrapped in ``Annotated`` with the markers of this module: checks, limits, the
key a file writes, the choice between kinds), and plain data read from YAML.
Out: ``check``: an immutable instance of the class, or ``Invalid`` listing every
problem at once, each an ``Error`` with its path in the data as written, its
kind, the value found and what a message about it needs (``content/validation.py``
words the messages); ``fields``: the declared fields of a class, which the JSON
Schema, the import and the documentation tests read.

Content, theme and catalogue are checked here and not by a general validation
library: importing one and building its validators cost a cold command more
CPU than python-docx needs for a whole DOCX (docs/performance.md). The types
are the few the files use: text, true/false, numbers, dates, fixed choices,
lists, mappings, groups, "or nothing" and a choice of kinds by a function.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from collections.abc import Callable, Iterator
from typing import (
    Annotated,
    Any,
    ClassVar,
    Literal,
    TypeVar,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

G = TypeVar("G", bound="Group")
REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()
"""The default of a field that has none: the data must give it."""


# ---------------------------------------------------------------- markers
# Plain classes, not dataclasses: a dataclass takes about 0.4 ms to make (it compiles
# its methods), and the eleven classes of this module are made by every command.


class _Marker:
    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Check(_Marker):
    """After the type: ``function(value)`` returns the value kept, or raises ``ValueError``."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


class Before(_Marker):
    """Before the type: ``function(value)`` returns what the type is checked on."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


class Entries(_Marker):
    """How many entries a list may have."""

    __slots__ = ("least", "most")

    def __init__(self, least: int | None = None, most: int | None = None) -> None:
        self.least, self.most = least, most


class AtLeast(_Marker):
    """The smallest number allowed."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value


class Pattern(_Marker):
    """A regular expression the whole text must match (a final line break included)."""

    __slots__ = ("regex",)

    def __init__(self, regex: str) -> None:
        self.regex = regex


class Key(_Marker):
    """The key a file writes for a field whose name in Python differs (``from``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Tag(_Marker):
    """The name of one kind of a ``Choose`` union."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class Choose(_Marker):
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


class JsonSchema(_Marker):
    """The JSON Schema of the type, instead of the one derived from it."""

    __slots__ = ("schema",)

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema


# ---------------------------------------------------------------- errors


class Error(_Marker):
    """One problem: where it is in the data, its kind, the value there, and the facts its
    message needs (``min_length`` for ``too_short``, ``error`` for ``value_error``, ...)."""

    __slots__ = ("context", "kind", "message", "path", "value")

    def __init__(
        self,
        path: tuple[str | int, ...],
        kind: str,
        value: Any,
        context: dict[str, Any] | None = None,
        message: str = "",
    ) -> None:
        self.path, self.kind, self.value = path, kind, value
        self.context = context or {}
        self.message = message


class Invalid(ValueError):
    """The data does not fit the class; ``errors`` lists every problem, in data order."""

    def __init__(self, errors: list[Error]) -> None:
        shown = (f"{'.'.join(map(str, e.path)) or 'the value'}: {e.message}" for e in errors)
        super().__init__("; ".join(shown))
        self.errors = errors

    def __reduce__(self) -> tuple[type[Invalid], tuple[list[Error]]]:
        return Invalid, (self.errors,)  # from a worker process, whole


# ---------------------------------------------------------------- groups


class Field(_Marker):
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


def arms(hint: Any) -> list[Any]:
    """The members of a union (``X | None``: ``X`` and ``NoneType``), else ``[hint]``."""
    if get_origin(hint) in (Union, types.UnionType):
        return list(get_args(hint))
    return [hint]


# ---------------------------------------------------------------- checking


def check(cls: type[G], data: Any) -> G:
    """``data`` as an instance of ``cls``, or ``Invalid`` with every problem."""
    errors: list[Error] = []
    result = _value(cls, data, (), errors, cls.lax)
    if errors:
        raise Invalid(errors)
    return result


class _Failed:
    """The result of a value with a problem: its group is not made."""


FAILED = _Failed()


def _value(
    hint: Any, value: Any, path: tuple[str | int, ...], errors: list[Error], lax: bool
) -> Any:
    base, markers = bare(hint)
    for marker in reversed(markers):
        if isinstance(marker, Before):
            try:
                value = marker.function(value)
            except ValueError as error:
                errors.append(Error(path, "value_error", value, {"error": error}, str(error)))
                return FAILED
    value = _typed(base, markers, value, path, errors, lax)
    if value is FAILED or value is None:
        return value
    for marker in markers:
        try:
            if isinstance(marker, Check):
                value = marker.function(value)
            elif isinstance(marker, Entries):
                _entries(marker, value)
            elif isinstance(marker, AtLeast) and value < marker.value:
                raise _Limit("greater_than_equal", {"ge": marker.value})
            elif isinstance(marker, Pattern) and not re.fullmatch(marker.regex, value):
                raise _Limit("string_pattern_mismatch", {"pattern": marker.regex})
        except _Limit as limit:
            errors.append(Error(path, limit.kind, value, limit.context, limit.kind))
            return FAILED
        except ValueError as error:
            errors.append(Error(path, "value_error", value, {"error": error}, str(error)))
            return FAILED
    return value


class _Limit(Exception):
    def __init__(self, kind: str, context: dict[str, Any]) -> None:
        self.kind, self.context = kind, context


def _entries(limits: Entries, value: Any) -> None:
    if limits.least is not None and len(value) < limits.least:
        raise _Limit("too_short", {"min_length": limits.least})
    if limits.most is not None and len(value) > limits.most:
        raise _Limit("too_long", {"max_length": limits.most})


_SCALARS: dict[Any, tuple[str, str]] = {
    str: ("string_type", "expected text"),
    int: ("int_type", "expected a whole number"),
    float: ("float_type", "expected a number"),
    bool: ("bool_type", "expected true or false"),
    dt.date: ("date_type", "expected a date"),
}
_TRUE = {"true", "yes", "on", "1", "y", "t"}
_FALSE = {"false", "no", "off", "0", "n", "f"}


def _typed(
    base: Any,
    markers: list[Any],
    value: Any,
    path: tuple[str | int, ...],
    errors: list[Error],
    lax: bool,
) -> Any:
    origin = get_origin(base)
    if origin in (Union, types.UnionType):
        return _union(base, markers, value, path, errors, lax)
    if base is Any or base is object:
        return value
    if is_group(base):
        return _group(base, value, path, errors)
    if origin is Literal:
        choices = get_args(base)
        if any(value == c and type(value) is type(c) for c in choices):
            return value
        expected = _choices(choices)
        errors.append(Error(path, "literal_error", value, {"expected": expected}, expected))
        return FAILED
    if origin is list:
        if not isinstance(value, list):
            errors.append(Error(path, "list_type", value, {}, "expected a list"))
            return FAILED
        (item,) = get_args(base)
        made = [_value(item, entry, (*path, i), errors, lax) for i, entry in enumerate(value)]
        return FAILED if any(entry is FAILED for entry in made) else made
    if origin is dict:
        if not isinstance(value, dict):
            errors.append(Error(path, "dict_type", value, {}, "expected a group of fields"))
            return FAILED
        key_type, item = get_args(base)
        made_dict = {}
        for key, entry in value.items():
            count = len(errors)
            key_made = _value(key_type, key, (*path, key), errors, lax)
            for error in errors[count:]:  # about the key, not the value it holds
                error.context["key"] = True
            entry_made = _value(item, entry, (*path, key), errors, lax)
            made_dict[key_made] = entry_made
        bad = FAILED in made_dict or any(e is FAILED for e in made_dict.values())
        return FAILED if bad else made_dict
    if base in _SCALARS:
        return _scalar(base, value, path, errors, lax)
    if isinstance(base, type) and isinstance(value, base):
        return value
    raise TypeError(f"groups.py cannot check a value of type {base!r}")


def _scalar(
    base: Any, value: Any, path: tuple[str | int, ...], errors: list[Error], lax: bool
) -> Any:
    if base is bool:
        if isinstance(value, bool):
            return value
        if lax and isinstance(value, float) and value in (0.0, 1.0):
            return value == 1.0
        if lax and isinstance(value, str | int) and str(value).lower() in _TRUE | _FALSE:
            return str(value).lower() in _TRUE
    elif base is int or base is float:
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value) if base is float else value
        if base is float and isinstance(value, float):
            return value
    elif base is dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
    elif isinstance(value, base):
        return value
    kind, message = _SCALARS[base]
    errors.append(Error(path, kind, value, {}, message))
    return FAILED


def _choices(choices: tuple[Any, ...]) -> str:
    shown = [repr(choice) for choice in choices]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _union(
    base: Any,
    markers: list[Any],
    value: Any,
    path: tuple[str | int, ...],
    errors: list[Error],
    lax: bool,
) -> Any:
    members = [arm for arm in get_args(base) if arm is not type(None)]
    if len(members) < len(get_args(base)) and value is None:
        return None
    if len(members) == 1:
        return _value(members[0], value, path, errors, lax)
    choose = next((m for m in markers if isinstance(m, Choose)), None)
    if choose is None:
        raise TypeError(f"a union of several kinds needs a Choose marker: {base!r}")
    tagged = {tag.name: arm for arm in members for tag in bare(arm)[1] if isinstance(tag, Tag)}
    name = choose.function(value)
    if name not in tagged:
        errors.append(Error(path, choose.error, value, {"tags": list(tagged)}, choose.message))
        return FAILED
    return _value(tagged[name], value, path, errors, lax)


def _group(cls: type[Group], value: Any, path: tuple[str | int, ...], errors: list[Error]) -> Any:
    if isinstance(value, cls):
        return value
    if not isinstance(value, dict):
        errors.append(Error(path, "model_type", value, {}, "expected a group of fields"))
        return FAILED
    declared = fields(cls)
    count = len(errors)
    made: dict[str, Any] = {}
    for name, info in declared.items():
        if info.key in value:
            made[name] = _value(info.hint, value[info.key], (*path, info.key), errors, cls.lax)
        elif info.required:
            errors.append(Error((*path, info.key), "missing", None, {}, "required field"))
        else:  # a list or mapping of its own, as if the file had written it
            default = info.default
            made[name] = type(default)(default) if isinstance(default, list | dict) else default
    keys = {info.key for info in declared.values()}
    for key in value:
        if key not in keys:
            errors.append(Error((*path, key), "extra_forbidden", value[key], {}, "unknown field"))
    if len(errors) > count:
        return FAILED
    group = object.__new__(cls)
    group.__dict__.update(made)
    try:
        group.verify()
    except ValueError as error:
        errors.append(Error(path, "value_error", value, {"error": error}, str(error)))
        return FAILED
    return group
