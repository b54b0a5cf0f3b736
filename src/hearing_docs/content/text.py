"""The text of a content file: the kinds of text field, and every field of a model by kind.

In: a string from a content file (through the checks of ``groups``), or a
validated model (``model.Hearing`` or a part of it) to walk.
Out: the text types the model declares its fields with, each checked and
normalised once for every renderer: ``PlainText`` printed as written,
``RichText`` with the inline markup of ``markup.py`` (its values are
``markup.Marked``, which Jinja prints as HTML and the Word writer as runs),
``NotedText`` as rich text that may also call footnotes (``^[...]``),
``RichLines`` (lines of rich text: the summary's title), ``AltText`` never
drawn (read by screen readers), ``Lines`` and ``ImagePath``; and
``text_fields``: every text field of a model with its ``TextKind``, so that
the glyph check, the import and the tests follow the types instead of a list
of fields. A field the layout prints in bold carries ``BOLD`` as well.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Annotated, Any, Union, get_args, get_origin

from hearing_docs.content import markup
from hearing_docs.content.markup import Marked
from hearing_docs.content.yamlsource import FieldPath
from hearing_docs.groups import Before, Check, Entries, Group, JsonSchema, fields

# Characters that XML 1.0 (and so DOCX, and tagged PDF text) cannot hold:
# C0 controls other than tab, line feed and carriage return; lone surrogates;
# and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# One paragraph (or line) of text at most: the longest of the seed is 1,419 characters.
# A longer one is a paste gone wrong, and WeasyPrint needs about 0.3 s a page for it.
MAX_TEXT = 20_000
# Line ends other than the line feed: a line break in every output, as "\n" is
# (a paste from a word processor brings U+2028; fonts have no glyph for them).
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# The white space HTML folds into one space. A no-break space is not in it: it is text.
_BLANKS = re.compile(r"[ \t\r\n]+")


def xml_text(value: str) -> str:
    """``value`` unchanged, or a ``ValueError`` naming a character XML cannot hold."""
    bad = _NOT_XML.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ValueError(f"contains {code}, a control character that a document cannot hold")
    return value


def _checked(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(
            f"is {len(value):,} characters long; the limit is {MAX_TEXT:,} characters "
            "(about five pages) for one paragraph: split it into paragraphs"
        )
    value = xml_text(value).translate(_LINE_BREAKS).strip()
    if not value:
        raise ValueError("is empty")
    return value


def _one_paragraph(value: str) -> str:
    # A newline in a paragraph (a YAML block scalar) is a space, in every output alike.
    return _BLANKS.sub(" ", _checked(value))


def _lines(value: str) -> str:
    # Each newline ends a printed line; blank lines and spaces around lines are dropped.
    lines = (_BLANKS.sub(" ", line).strip() for line in _checked(value).splitlines())
    return "\n".join(line for line in lines if line)


def _relative_path(value: str) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in value.split("/")[0]:
        raise ValueError("must be a path relative to the content file, inside its folder")
    return value


def without_notes(value: str) -> str:
    if markup.notes(value):
        raise ValueError(
            f"has a footnote ({markup.NOTE_OPEN}...]): footnotes are allowed only in the "
            f"summary's paragraphs and list items (write \\{markup.NOTE_OPEN} to print "
            f"{markup.NOTE_OPEN} as text)"
        )
    return value


def _marked_paragraph(value: str) -> Marked:
    return Marked(without_notes(_one_paragraph(value)))


def _noted_paragraph(value: str) -> Marked:
    value = _one_paragraph(value)
    problem = markup.note_problem(value)
    if problem:
        raise ValueError(problem)
    return Marked(value)


def _marked_lines(value: str) -> Marked:
    return Marked(without_notes(_lines(value)))


@dataclass(frozen=True)
class TextKind:
    """How a text field is printed: the marker its type carries (see ``text_fields``)."""

    name: str
    markup: bool
    """Its inline markup (``*italic*``, ``**bold**``) is printed as emphasis."""
    drawn: bool = True
    """Drawn on the page; alternative text is read by screen readers instead."""
    bold: bool = False
    """The layout prints it in bold (the glyph check then asks the bold face)."""
    notes: bool = False
    """It may call footnotes (``^[...]``), whose text is printed at the foot of the page
    (in the summary: the letter refuses them)."""


PLAIN = TextKind("plain", markup=False)
RICH = TextKind("rich", markup=True)
NOTED = TextKind("noted", markup=True, notes=True)
ALT = TextKind("alt", markup=False, drawn=False)


@dataclass(frozen=True)
class Bold:
    """Marker of a field the layout prints in bold: ``Annotated[RichText, BOLD]``."""


BOLD = Bold()

PlainText = Annotated[str, Check(_one_paragraph), PLAIN]
"""One paragraph or line of text, not empty, printed as written. A newline, a tab or a
run of spaces in it is one space."""
RichText = Annotated[str, Check(_marked_paragraph), RICH]
"""One paragraph of text, not empty, whose inline markup is printed (a ``Marked`` value).
A newline, a tab or a run of spaces in it is one space."""
NotedText = Annotated[str, Check(_noted_paragraph), NOTED]
"""Rich text that may also call footnotes: ``text^[The note's text.]``."""
RichLines = Annotated[str, Check(_marked_lines), RICH]
"""Lines of text with inline markup (the summary's title): each newline ends a line."""
AltText = Annotated[str, Check(_one_paragraph), ALT]
"""A description of a picture for screen readers, not empty; never drawn."""
Text = RichText
"""The older name of ``RichText``."""

ImagePath = Annotated[str, Check(_relative_path)]


def _as_lines(value: object) -> object:
    # One line may be written as text instead of a list of one.
    return [value] if isinstance(value, str) else value


Lines = Annotated[
    list[PlainText],
    Before(_as_lines),
    Entries(least=1),
    JsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
            ]
        }
    ),
]
"""Lines of text printed as written: a list, or one line written as text."""


TextField = tuple[FieldPath, "TextKind", str]
"""A text field as ``text_fields`` gives it: where it is, its kind, its value."""


def text_fields(model: Group, path: FieldPath = ()) -> Iterator[TextField]:
    """Every text field of ``model`` (a ``Hearing`` or a part of one), in the order of the
    file, with its path and the kind its type declares."""
    for name, info in fields(type(model)).items():
        yield from _walk(getattr(model, name), info.hint, (*path, name))


def _walk(value: object, hint: Any, path: FieldPath) -> Iterator[TextField]:
    if isinstance(value, Group):
        yield from text_fields(value, path)
    elif isinstance(value, list):
        lists = (_bare(arm) for arm in _arms(hint))
        item = next(get_args(arm)[0] for arm in lists if get_origin(arm) is list)
        for index, entry in enumerate(value):
            yield from _walk(entry, item, (*path, index))
    elif isinstance(value, str):
        kind = next((_kind(arm) for arm in _arms(hint) if _kind(arm) is not None), None)
        if kind is not None:
            yield path, kind, value


def _arms(hint: Any) -> list[Any]:
    """The members of a union (``RichText | BulletList | NumberedList``), or the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return list(get_args(hint))
    if get_origin(hint) is Annotated and get_origin(get_args(hint)[0]) in (Union, types.UnionType):
        return list(get_args(get_args(hint)[0]))
    return [hint]


def _bare(hint: Any) -> Any:
    """``hint`` without its ``Annotated`` wrapper (``Lines`` is a list)."""
    return get_args(hint)[0] if get_origin(hint) is Annotated else hint


def _kind(hint: Any) -> TextKind | None:
    if get_origin(hint) is not Annotated:
        return None
    found = [marker for marker in hint.__metadata__ if isinstance(marker, TextKind)]
    if not found:
        return None
    return replace(found[0], bold=True) if BOLD in hint.__metadata__ else found[0]
