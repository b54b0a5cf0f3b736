"""Typography of a language: a hearing and its catalogue in, the hearing as printed out.

In: a validated ``Hearing`` and the ``Catalogue`` of its language.
Out: the same hearing with the language's spacing rules applied to every text
field that is drawn, so that the HTML (and so the PDF) and the DOCX print the
same characters. French puts a non-breaking space before ; : ! ? and » and
after « (the catalogue's ``nonbreaking_space_before`` and ``_after``): an
ordinary space there becomes U+00A0, and one is added where the text has none,
so the mark never starts or ends a line alone. A colon or a question mark
inside a word (10:30, http://) is left alone: the space is added only where
the mark ends a word.
"""

from __future__ import annotations

import re
from typing import Any

from hearing_docs.content.model import Hearing
from hearing_docs.content.text import text_fields
from hearing_docs.groups import Group
from hearing_docs.templateset.catalogue import Catalogue

NBSP = "\u00a0"


def apply(hearing: Hearing, text: Catalogue) -> Hearing:
    """``hearing`` with the spacing of its language; the same object when it has none."""
    before, after = text.nonbreaking_space_before, text.nonbreaking_space_after
    if not before and not after:
        return hearing
    result = hearing
    for where, kind, value in text_fields(hearing):
        if not kind.drawn:
            continue
        spaced = spaced_text(str(value), before, after)
        if spaced != str(value):
            # Of the same type: rich text stays Marked, plain text plain.
            result = _with(result, where, type(value)(spaced))
    return result


def spaced_text(value: str, before: str, after: str) -> str:
    """``value`` with a non-breaking space before each mark of ``before`` that ends a word
    and after each mark of ``after`` that starts one."""
    if before:
        marks = re.escape(before)
        # "mot ;" and "mot;" (then a space, other punctuation or the end): U+00A0 before ";".
        value = re.sub(rf"(?<=\S)[ {NBSP}\u202f]?([{marks}]+)(?=[\s.,)\]]|$)", rf"{NBSP}\1", value)
    if after:
        marks = re.escape(after)
        value = re.sub(rf"([{marks}])[ {NBSP}\u202f]?(?=\S)", rf"\1{NBSP}", value)
    return value


def _with(value: Any, where: tuple[str | int, ...], new: str) -> Any:
    """``value`` (a group, a list) with the text at ``where`` inside it replaced by ``new``."""
    if not where:
        return new
    step, rest = where[0], where[1:]
    if isinstance(value, Group):
        return value.replace(**{str(step): _with(getattr(value, str(step)), rest, new)})
    copied = list(value)
    copied[int(step)] = _with(copied[int(step)], rest, new)
    return copied
