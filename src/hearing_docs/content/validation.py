"""Validation: plain data with positions in, a typed model out.

In: a ``yamlsource.Source`` and a class of ``groups.Group`` (``Hearing``,
``Theme``, ``Catalogue``).
Out: the validated group, or a ``HearingDocsError`` subclass that lists every
problem at once, each as ``FILE:LINE:COL: field: message`` with the message a
person can act on (did-you-mean for unknown keys, the date format, ...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from hearing_docs import groups
from hearing_docs.content import yamlsource
from hearing_docs.content.dates import DATE_FORMS
from hearing_docs.errors import MISSING, ContentError, HearingDocsError, Problem, shown_path

M = TypeVar("M", bound=groups.Group)
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
        result = groups.check(model, source.data)
    except groups.Invalid as error:
        reported = {(str(p.file), p.line, p.column) for p in problems}
        problems += [
            p
            for p in _problems(error.errors, source, model, shown)
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
    errors: list[groups.Error], source: yamlsource.Source, model: type[groups.Group], shown: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        where = error.path
        kind = error.kind
        if kind == "value_error" and ": " in (text := str(error.context["error"])):
            name, _, rest = text.partition(": ")
            if name.isidentifier():  # a group's check that names its own field
                where = (*where, name)
                error = groups.Error(where, kind, error.value, {"error": rest}, rest)
        about_key = kind in ("missing", "extra_forbidden") or bool(error.context.get("key"))
        if (where, about_key) in seen:
            continue  # one message per place
        seen.add((where, about_key))
        message = _message(error, where, model)
        if kind == "missing" or message.startswith(MISSING):  # the key of the group lacking it
            place = where[:-1]
            line, column = source.position(place, key=True) if len(where) > 1 else (1, 1)
        else:
            place = where
            line, column = source.position(where, key=about_key)
        origin = source.origin(place)  # the content file, or a defaults file it uses
        file = shown if origin is source else shown_path(origin.path)
        problems.append(Problem(file, message, line, column, yamlsource.dotted(where)))
    return problems


def _message(error: groups.Error, where: Sequence[str | int], model: type[groups.Group]) -> str:
    kind = error.kind
    value = error.value
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
    if kind == "bool_type":
        return f"expected true or false, got {_describe(value)}"
    if kind == "int_type":
        return f"expected a whole number, got {_describe(value)}"
    if kind == "float_type":
        return f"expected a number, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of fields (key: value), got {_describe(value)}"
    if kind == "too_short":
        least = error.context.get("min_length", 1)
        return (
            "must have at least one entry" if least == 1 else f"must have at least {least} entries"
        )
    if kind == "greater_than_equal":
        return f"{_describe(value)} is too small: give a number of at least {error.context['ge']}"
    if kind == "too_long":
        return f"may have at most {error.context['max_length']} entries"
    if kind == "literal_error":
        allowed = [part.strip("'") for part in re.split(r"', '|' or '", error.context["expected"])]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(allowed)}"
        )
        return f"{_show(value)} is not one of the choices{hint}"
    if kind == "string_pattern_mismatch":
        return f"{_show(value)} is not a template set name (letters, digits, '.', '_', '-')"
    if kind == "value_error":
        return str(error.context["error"])
    return error.message


def _is_paragraph(where: Sequence[str | int]) -> bool:
    """Whether ``where`` is a paragraph of the letter's body or of a section."""
    return tuple(where[:2]) == LETTER_BODY or (len(where) > 1 and where[-2] == "paragraphs")


def _known_fields(model: type[groups.Group], where: Sequence[str | int]) -> list[str]:
    """The keys a group at ``where`` may hold: of every group that may stand there (a
    list paragraph is bulleted or numbered)."""
    current: list[Any] = [model]
    for part in where:
        if isinstance(part, int):
            continue
        found = [f for m in current for f in groups.fields(m).values() if f.key == part]
        if not found:
            return []
        current = _groups_in(found[0].hint)
    known = [f.key for m in current for f in groups.fields(m).values()]
    return list(dict.fromkeys(known))


def _groups_in(hint: Any) -> list[Any]:
    """The classes of groups inside a type such as ``list[Paragraph] | None``."""
    hint, _ = groups.bare(hint)
    if groups.is_group(hint):
        return [hint]
    return [m for argument in getattr(hint, "__args__", ()) for m in _groups_in(argument)]


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
