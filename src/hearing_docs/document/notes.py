"""Footnotes of a document: a hearing in, its notes numbered through the document out.

In: a ``Hearing`` whose text fields may call footnotes (``NotedText``: the
summary's paragraphs and list items).
Out: ``numbered``: the same hearing whose text values know the number of their
first note (``Marked.first_note``), for the HTML page's links; ``listed``: the
notes of a part in order, each with its number and its text, for the list the
HTML page shows at the end of the summary.

Notes are numbered 1, 2, 3 ... in the order of the document, as the PDF's
``footnote`` counter and Word's footnote references number them by themselves.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from hearing_docs.content import markup
from hearing_docs.content.markup import Marked
from hearing_docs.content.text import text_fields
from hearing_docs.groups import Group

Model = TypeVar("Model", bound=Group)


@dataclass(frozen=True)
class Note:
    """One footnote: its number in the document and its text with its markup."""

    number: int
    text: Marked


def numbered(model: Model) -> Model:
    """``model`` with every text value that calls notes numbered from where it stands."""
    return _numbered(model, itertools.count(1))


def _numbered(value: Any, counter: Iterator[int]) -> Any:
    """``value`` (a model, a list, a text or anything else a model holds), numbered."""
    if isinstance(value, Group):
        return value.replace(**{name: _numbered(field, counter) for name, field in value.values()})
    if isinstance(value, list):
        return [_numbered(entry, counter) for entry in value]
    if isinstance(value, Marked):
        calls = len(markup.notes(value))
        if calls:
            first = next(counter)
            for _ in range(calls - 1):
                next(counter)
            return Marked(value, first)
    return value


def listed(model: Group) -> list[Note]:
    """The notes of ``model`` (a numbered hearing or a part of one), in order."""
    found = []
    for _path, kind, value in text_fields(model):
        if kind.notes:
            first = getattr(value, "first_note", 1)
            for offset, note in enumerate(markup.notes(value)):
                found.append(Note(first + offset, Marked(note)))
    return found
