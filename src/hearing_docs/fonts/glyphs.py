"""Glyph check: every character of the content must be drawable in the theme's fonts.

In: a ``Hearing``, the ``Source`` it was read from (for line numbers) and the
``Theme`` (its faces for Latin, complex and East Asian scripts).
Out: nothing when every character has a glyph; otherwise a ``ContentError``
with one problem per character and field, naming the character, its code
point, the field and its line and column in the content file.

WeasyPrint only logs a missing glyph and Pango quietly borrows it from any
other font on the machine (or draws an empty box), so the PDF would not look
like the theme says. The fonts are found the way WeasyPrint finds them
(``fontconfig.match``) and what each face covers is its character map
(``coverage.coverage``); both are kept in the user's cache between runs. Bold
and italic text is checked against the bold and italic faces. Each character is
checked against the faces of its script only (Arabic against
``complex_script_fonts``, Chinese against ``east_asian_fonts``, the rest
against ``fonts``), because Word takes each script's face from its own slot
and borrows from no other.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from hearing_docs.content import markup
from hearing_docs.content.model import Hearing
from hearing_docs.content.text import text_fields
from hearing_docs.content.yamlsource import FieldPath, Source, dotted
from hearing_docs.errors import ContentError, Problem, TemplateError, shown_path
from hearing_docs.fonts import coverage, fontconfig
from hearing_docs.templateset.catalogue import Catalogue
from hearing_docs.templateset.theme import Theme

Style = tuple[bool, bool]
"""(bold, italic)."""

_STYLE_NAMES = {
    (False, False): "",
    (True, False): " (bold)",
    (False, True): " (italic)",
    (True, True): " (bold italic)",
}


def check(hearing: Hearing, source: Source, theme: Theme) -> None:
    """Raise a ``ContentError`` for every character the theme's fonts cannot draw."""
    problems: list[Problem] = []
    # Whether each character is drawn in each style, asked once for the whole document:
    # a summary repeats the same hundred characters over thousands of words.
    drawn: dict[tuple[str, Style], bool] = {}
    for where, value, runs in _fields(hearing):
        seen: set[tuple[str, Style]] = set()
        for run_text, style in runs:
            for character in dict.fromkeys(run_text):  # each once, in the order written
                if (character, style) in seen:
                    continue
                seen.add((character, style))
                if (character, style) not in drawn:
                    drawn[character, style] = any(
                        ord(character) in _coverage(font, style)
                        for font in fonts_for(character, theme)
                    ) or _needs_no_glyph(character)
                if not drawn[character, style]:
                    fonts = fonts_for(character, theme)
                    written = source.origin(where)  # the content file or its defaults file
                    line, column = _position(written, where, value, character)
                    message = (
                        f"character '{character}' (U+{ord(character):04X}) has no glyph in "
                        f"{', '.join(fonts)}{_STYLE_NAMES[style]}"
                    )
                    problems.append(
                        Problem(shown_path(written.path), message, line, column, dotted(where))
                    )
    if problems:
        raise ContentError(problems)


# Where Word takes a character's face from (w:rFonts): Arabic and the other complex
# scripts from w:cs, the East Asian scripts from w:eastAsia, the rest from w:ascii and
# w:hAnsi. The PDF's font list puts each group's faces in this order too, so a
# character found here is drawn by the same face in both.
_COMPLEX = (
    (0x0590, 0x08FF),
    (0x0900, 0x0DFF),
    (0x0E00, 0x0EFF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_EAST_ASIAN = (
    (0x1100, 0x11FF),
    (0x2E80, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


def script_slot(character: str) -> str:
    """Which of the theme's groups of faces draws ``character``: latin, complex or east_asian."""
    code = ord(character)
    if any(first <= code <= last for first, last in _COMPLEX):
        return "complex"
    if any(first <= code <= last for first, last in _EAST_ASIAN):
        return "east_asian"
    return "latin"


def fonts_for(character: str, theme: Theme) -> list[str]:
    """The theme's faces for ``character``'s script, first choice first."""
    return slot_fonts(script_slot(character), theme)


def slot_fonts(slot: str, theme: Theme) -> list[str]:
    """The theme's faces for a group of scripts (``script_slot``), first choice first."""
    if slot == "complex":
        return theme.text.complex_script_fonts
    if slot == "east_asian":
        return theme.text.east_asian_fonts
    return theme.text.fonts


def language_slot(words: Catalogue) -> str:
    """The group of scripts a language is written in: that of the letters of its
    letterhead in the set (``complex`` for Arabic, ``east_asian`` for Chinese)."""
    for character in "".join(words.letterhead):
        if character.isalpha():
            return script_slot(character)
    return "latin"


def check_catalogue(text: Catalogue, theme: Theme) -> None:
    """Raise a ``TemplateError`` for every character of ``text`` the theme's fonts cannot draw."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for value in text.printed():
        for character in value:
            if character in seen:
                continue
            seen.add(character)
            fonts = fonts_for(character, theme)
            drawn = any(ord(character) in _coverage(font, (False, False)) for font in fonts)
            if not drawn and not _needs_no_glyph(character):
                message = (
                    f"character '{character}' (U+{ord(character):04X}) of language "
                    f"'{text.language}' has no glyph in {', '.join(fonts)}"
                )
                problems.append(Problem(text.file, message))
    if problems:
        raise TemplateError(problems)


# The characters that are laid out, not drawn: the space, the no-break space, tab and
# line ends. Every other space (U+1680 OGHAM SPACE MARK is a visible dash, U+3000 a
# full-width space) is drawn from a font and must be in the theme's.
_LAID_OUT = frozenset(" \u00a0\t\n\r")
# Default-ignorable code points (soft hyphen, zero-width joiners, variation
# selectors, ...) are left undrawn by every renderer. Format characters that are not
# (U+0600 ARABIC NUMBER SIGN, U+06DD END OF AYAH, U+FFF9 ANNOTATION ANCHOR) are drawn
# and need a glyph like any letter. Line and paragraph separators never get here: the
# model makes them line breaks.


@cache
def _ignorable() -> Any:
    # Asked only of characters the fonts lack: the regex module is not imported for
    # text the fonts draw whole.
    import regex

    return regex.compile(r"\p{Default_Ignorable_Code_Point}")


def _needs_no_glyph(character: str) -> bool:
    return character in _LAID_OUT or _ignorable().match(character) is not None


def _fields(hearing: Hearing) -> Iterator[tuple[FieldPath, str, list[tuple[str, Style]]]]:
    """Each text field that is drawn: its path, its value and its runs with their style,
    as its type declares (markup parsed for rich text, bold where the layout prints bold)."""
    for where, kind, value in text_fields(hearing):
        if not kind.drawn:
            continue
        if kind.markup:
            runs = [(run.text, (run.bold or kind.bold, run.italic)) for run in markup.runs(value)]
            # A footnote's text, printed at the foot of the page, in its own emphasis.
            for note in markup.notes(value):
                runs += [(run.text, (run.bold, run.italic)) for run in markup.runs(note)]
        else:
            runs = [(value, (kind.bold, False))]
        yield where, value, runs


def _position(source: Source, where: FieldPath, value: str, character: str) -> tuple[int, int]:
    """Line and column of ``character`` in the field's text in the file.

    The field's value starts at its node; a block scalar (``>-``) starts on the
    next line. The first occurrence of the character from there is the one
    meant, unless the YAML writes it as an escape: then the field's start.
    """
    line, column = source.position(where)
    text = source.text
    lines = text.splitlines(keepends=True)
    start = sum(len(earlier) for earlier in lines[: line - 1]) + column - 1
    found = text.find(character, start)
    if found < 0 or found > start + 4 * len(value) + 200:
        return line, column
    found_line = text.count("\n", 0, found) + 1
    return found_line, found - (text.rfind("\n", 0, found) + 1) + 1


@cache
def _coverage(family: str, style: Style) -> frozenset[int]:
    """The code points the face of ``family`` in ``style`` has glyphs for."""
    found = fontconfig.match(family, *style)
    if found is None:
        return frozenset()
    return coverage.coverage(*found)
