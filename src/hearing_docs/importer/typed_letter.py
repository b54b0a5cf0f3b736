"""A letter and summary typed in Word, as new content: the DOCX's reading in, content out.

In: the ``Reading`` of a DOCX that hearing-docs did not make, the content's
language, and the letterhead lines of the template set.
Out: a ``Recognition``: the content as plain data that the model accepts,
one line per part recognised, warnings (every guess, and every line of the
DOCX the content does not hold, quoted), and the signature picture.

The parts are found by ``letter_parts`` and ``summary_parts``; this module
fits what they found to the content model: a part the model has no field
for is left out with a warning that quotes its words, so that nothing is
lost silently.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

from hearing_docs import groups
from hearing_docs.content.model import Hearing
from hearing_docs.importer import letter_parts, summary_parts, typed
from hearing_docs.importer.blocks import Picture, Reading


@dataclass
class Recognition:
    content: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    signature: Picture | None = None


def recognise(reading: Reading, language: str, letterhead: list[str]) -> Recognition:
    parts = typed.parts_of(reading)
    result = Recognition(content={"language": language})
    # Notations typed in the footer of a later page of the letter (its last): the letter's.
    notes = [
        line
        for line in parts.other
        if line.block.section == 0 and letter_parts.NOTATION.match(line.text)
    ]
    if parts.letter:
        found = letter_parts.letter(parts.letter, parts.header, parts.footer + notes, language)
        result.content["letter"] = found.content
        _merge(result, found, letterhead)
    if parts.summary:
        found = summary_parts.summary(parts.summary, language)
        result.content["summary"] = found.content
        _merge(result, found, letterhead)
    for line in parts.other:
        if line.text and line not in notes:
            result.warnings.append(
                f"{line.place()}: not kept (a running header or footer, such as a page number; "
                f'the template set prints its own): "{line.text}"'
            )
    for number, text in reading.footnotes.items():
        result.warnings.append(f'footnote {number}: not kept: "{text}"')
    _fit(result.content, Hearing, "", result.warnings)
    return result


def _merge(result: Recognition, found: letter_parts.Found, letterhead: list[str]) -> None:
    result.recognised += found.recognised
    result.warnings += found.warnings
    if found.signature is not None:
        result.signature = found.signature
    printed = _words(" ".join(letterhead))
    for line, why in found.left_out:
        if why.startswith("the template set prints") and _words(line.text) <= printed:
            continue  # the same words as the template set's letterhead: printed by it
        result.warnings.append(f'{line.place()}: not kept ({why}): "{line.text}"')


def _words(text: str) -> set[str]:
    return {word.casefold() for word in text.split()}


def _fit(data: dict[str, Any], model: type[groups.Group], path: str, warnings: list[str]) -> None:
    """Leave out, with a warning quoting it, what the model has no field for."""
    by_key = {info.key: info for info in groups.fields(model).values()}
    for key in list(data):
        where = f"{path}.{key}" if path else key
        if key not in by_key:
            warnings.append(
                f"{where}: the content has no place for it; not kept: {_quoted(data[key])}"
            )
            del data[key]
            continue
        value = data[key]
        hint = by_key[key].hint
        if isinstance(value, dict):
            inner = _model_for(hint, value)
            if inner is not None:
                _fit(value, inner, where, warnings)
        elif isinstance(value, list):
            for index, item in reversed(list(enumerate(value))):
                inner = _model_for(hint, item) if isinstance(item, dict) else None
                if inner is None:
                    continue
                _fit(item, inner, f"{where}[{index}]", warnings)
                missing = [
                    f.key for f in groups.fields(inner).values() if f.required and f.key not in item
                ]
                if missing:  # an opening part without a heading, where the model needs one
                    warnings.append(
                        f"{where}[{index}]: the content needs a {missing[0]} here; "
                        f"not kept: {_quoted(item)}"
                    )
                    del value[index]


def _model_for(hint: Any, value: dict[str, Any]) -> type[groups.Group] | None:
    """The class of groups among the arms of ``hint`` that best holds ``value``."""
    candidates = [c for c in _classes(hint) if groups.is_group(c)]

    def known(model: type[groups.Group]) -> set[str]:
        return {info.key for info in groups.fields(model).values()}

    candidates.sort(key=lambda c: -len(set(value) & known(c)))
    return candidates[0] if candidates else None


def _classes(hint: Any) -> list[Any]:
    origin = get_origin(hint)
    if origin is None:
        return [hint] if isinstance(hint, type) else []
    if origin in (Union, types.UnionType, list):
        return [c for arg in get_args(hint) for c in _classes(arg)]
    args = get_args(hint)
    return _classes(args[0]) if args else []


def _quoted(value: Any) -> str:
    if isinstance(value, list):
        return " / ".join(_quoted(item) for item in value)
    if isinstance(value, dict):
        return " / ".join(_quoted(item) for item in value.values())
    return f'"{value}"'
