"""Validation: plain data with positions in, a typed model out.

In: a ``yamlsource.Source`` and a pydantic model class (``Hearing``, ``Theme``).
Out: the validated model, or a ``HearingDocsError`` subclass that lists every
problem at once, each as ``FILE:LINE:COL: field: message`` with the message a
person can act on (did-you-mean for unknown keys, the date format, ...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, Tag, ValidationError

from hearing_docs.content import yamlsource
from hearing_docs.content.dates import DATE_FORMS
from hearing_docs.errors import MISSING, ContentError, HearingDocsError, Problem, shown_path

M = TypeVar("M", bound=BaseModel)
LETTER_BODY = ("letter", "body")


def validate(
    source: yamlsource.Source,
    model: type[M],
    shown: str,
    error_class: type[HearingDocsError] = ContentError,
) -> M:
    """Validate ``source.data`` against ``model``, mapping every error to its line."""
    if not isinstance(source.data, dict):
        found = _describe(source.data)
        message = f"the file must be a group of fields (key: value), not {found}"
        raise error_class(Problem(shown, message, 1, 1))
    problems = list(source.problems)
    try:
        result = model.model_validate(source.data)
    except ValidationError as error:
        reported = {(str(p.file), p.line, p.column) for p in problems}
        problems += [
            p
            for p in _problems(error, source, model, shown)
            if (str(p.file), p.line, p.column) not in reported
        ]
        result = None
    if problems or result is None:
        # The content file's problems first, then those of a defaults file it uses.
        problems.sort(
            key=lambda p: (p.file != shown, p.line or 0, p.column or 0, "required" in p.message)
        )
        raise error_class(problems)
    return result


def _problems(
    error: ValidationError, source: yamlsource.Source, model: type[BaseModel], shown: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for detail in error.errors(include_url=False):
        where = data_path(model, detail["loc"])
        kind = detail["type"]
        if kind == "value_error" and ": " in (text := str(detail["ctx"]["error"])):
            name, _, rest = text.partition(": ")
            if name.isidentifier():  # a model check that names its own field
                where, detail = (*where, name), {**detail, "ctx": {"error": rest}}
        if (where, kind in ("missing", "extra_forbidden")) in seen:
            continue  # one message per place
        seen.add((where, kind in ("missing", "extra_forbidden")))
        message = _message(detail, where, model)
        if kind == "missing" or message.startswith(MISSING):  # the key of the group lacking it
            place = where[:-1]
            line, column = source.position(place, key=True) if len(where) > 1 else (1, 1)
        else:
            place = where
            line, column = source.position(where, key=kind == "extra_forbidden")
        origin = source.origin(place)  # the content file, or a defaults file it uses
        file = shown if origin is source else shown_path(origin.path)
        problems.append(Problem(file, message, line, column, yamlsource.dotted(where)))
    return problems


def data_path(model: type[BaseModel], location: Sequence[str | int]) -> yamlsource.FieldPath:
    """pydantic's error location as a path in the data, such as ``("letter", "body", 0)``.

    pydantic puts the tag of a union member before the errors of that member
    (``paragraphs.1.list.bullets.0``: the member tagged ``list``). The location
    is walked along the model's types, so that exactly the parts standing where
    a union is are taken as tags; every other part, a key as written included,
    stays.
    """
    path: list[str | int] = []
    annotation: Any = model
    parts = list(location)
    while parts:
        annotation, members = _union(annotation)
        if members is not None:
            tag = parts.pop(0)
            annotation = members.get(tag, Any)
            continue
        part = parts.pop(0)
        path.append(part)
        annotation = _inside(annotation, part)
    return tuple(path)


def _union(annotation: Any) -> tuple[Any, dict[Any, Any] | None]:
    """``annotation`` without ``Annotated`` and ``| None``; and if it is a union of
    several types, its members by tag (the ``Tag`` given, or pydantic's own name)."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = annotation.__origin__
            continue
        if get_origin(annotation) in (Union, UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) == 1:  # optional: pydantic adds no tag
                annotation = members[0]
                continue
            tagged = {}
            for member in members:
                tags = [m.tag for m in getattr(member, "__metadata__", ()) if isinstance(m, Tag)]
                name = tags[0] if tags else getattr(member, "__name__", None)
                tagged[name] = member
            return annotation, tagged
        return annotation, None


def _inside(annotation: Any, part: str | int) -> Any:
    """The type of the value at ``part`` inside a value of type ``annotation``."""
    if _is_model(annotation):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field is not None else Any
    if get_origin(annotation) in (list, tuple) and get_args(annotation):
        return get_args(annotation)[0]
    if get_origin(annotation) is dict and get_args(annotation):
        return get_args(annotation)[1]
    return Any


def _message(detail: Any, where: Sequence[str | int], model: type[BaseModel]) -> str:
    kind = detail["type"]
    value = detail.get("input")
    if kind == "missing":
        return MISSING
    if kind == "extra_forbidden":
        known = _known_fields(model, where[:-1])
        text = f"unknown field '{where[-1]}'"
        # Compared in lower case, so that "Salutation" and "CLOSING" find their field.
        lowered = {name.lower(): name for name in known}
        close = difflib.get_close_matches(str(where[-1]).lower(), lowered, n=1, cutoff=0.6)
        if close:
            return f"{text}; did you mean '{lowered[close[0]]}'?"
        return f"{text}; expected one of: {', '.join(known)}" if known else text
    if kind == "event_date":
        return f"expected a date, got {_describe(value)}: {DATE_FORMS}"
    if kind.startswith("date"):
        if isinstance(value, list | dict):  # a letter has one date
            return (
                f"expected one day, got {_describe(value)}: write it as YYYY-MM-DD, e.g. 2016-07-22"
            )
        return f"{_show(value)} is not a date: write it as YYYY-MM-DD, e.g. 2016-07-22"
    if kind == "string_type" and isinstance(value, dict | list) and _is_paragraph(where):
        return (
            f"expected a paragraph of text, got {_describe(value)}: write a list as "
            "'- bullets:' or '- numbers:' with its items under it, and the words that "
            "introduce it as a paragraph of their own"
        )
    if kind == "string_type":
        return f"expected text, got {_describe(value)}; put it in quotes if it is text"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of fields (key: value), got {_describe(value)}"
    if kind == "too_short":
        least = detail.get("ctx", {}).get("min_length", 1)
        return (
            "must have at least one entry" if least == 1 else f"must have at least {least} entries"
        )
    if kind == "greater_than_equal":
        return f"{_describe(value)} is too small: give a number of at least {detail['ctx']['ge']}"
    if kind == "too_long":
        return f"may have at most {detail['ctx']['max_length']} entries"
    if kind == "literal_error":
        allowed = [part.strip("'") for part in re.split(r"', '|' or '", detail["ctx"]["expected"])]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(allowed)}"
        )
        return f"{_show(value)} is not one of the choices{hint}"
    if kind == "string_pattern_mismatch":
        return f"{_show(value)} is not a template set name (letters, digits, '.', '_', '-')"
    if kind == "value_error":
        return str(detail["ctx"]["error"])
    return detail["msg"]


def _is_paragraph(where: Sequence[str | int]) -> bool:
    """Whether ``where`` is a paragraph of the letter's body or of a section."""
    return tuple(where[:2]) == LETTER_BODY or (len(where) > 1 and where[-2] == "paragraphs")


def _known_fields(model: type[BaseModel], where: Sequence[str | int]) -> list[str]:
    """The fields a group at ``where`` may hold: of every model that may stand there (a
    list paragraph is bulleted or numbered)."""
    current: list[Any] = [model]
    for part in where:
        if isinstance(part, int):
            continue
        fields = [m.model_fields[part] for m in current if part in m.model_fields]
        if not fields:
            return []
        current = _models_in(fields[0].annotation)
    known = [field.alias or name for m in current for name, field in m.model_fields.items()]
    return list(dict.fromkeys(known))


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _models_in(annotation: Any) -> list[Any]:
    """The model classes of fields inside an annotation such as ``list[Paragraph] | None``."""
    if _is_model(annotation) and not issubclass(annotation, RootModel):
        return [annotation]
    return [m for argument in getattr(annotation, "__args__", ()) for m in _models_in(argument)]


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({_show(value)})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _show(value: Any) -> str:
    if isinstance(value, dt.date):  # a date or a time, as YAML wrote it: never Python's repr
        value = value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"
