"""Checking plain data against a group: data in, an instance or every problem out.

In: a class of ``group.Group`` and plain data read from YAML (or Python values).
Out: ``check``: the immutable instance, or ``Invalid`` with every ``Error`` at
once: its path in the data as written, its kind (``missing``,
``extra_forbidden``, ``string_type``, ``too_short``, ``value_error``, ...), the
value found and the facts its message needs. A group's ``verify`` runs once its
fields are valid; a list's limits once its entries are.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from hearing_docs.groups.group import Group, bare, fields, is_group
from hearing_docs.groups.markers import (
    AtLeast,
    Before,
    Check,
    Choose,
    Entries,
    Pattern,
    Record,
    Tag,
)

G = TypeVar("G", bound=Group)


class Error(Record):
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
                errors.append(_refused(path, value, error))
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
            errors.append(_refused(path, value, error))
            return FAILED
    return value


def _refused(path: tuple[str | int, ...], value: Any, error: ValueError) -> Error:
    """The problem a check of ours raised (``ValueError("what is wrong")``)."""
    return Error(path, "value_error", value, {"error": error}, str(error))


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
    raise TypeError(f"groups cannot check a value of type {base!r}")


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
        errors.append(_refused(path, value, error))
        return FAILED
    return group
