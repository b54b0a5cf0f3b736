"""The summary's title, broken into balanced lines once for every output.

In: the ``Summary`` (its title, one entry per line of the content) and the
``Theme`` (fonts of each script, size, text width).
Out: the title's printed lines, as marked-up text: each line of the content
stays a line; one too long for the text width is broken into as few lines as
it needs, of widths as even as possible, so no word is left alone on the last.

A line breaks at a space, or, in Chinese, which puts no spaces between words,
between two East Asian characters: never before closing punctuation (the
ideographic comma and full stop, a closing bracket) nor after opening
punctuation (an opening bracket), as the Unicode line-breaking rules and
Word's East Asian rules (kinsoku) say. Each character is measured in the face
of its script, with the space Word and LibreOffice put between ideographs and
Latin text (``autospace``). Arabic breaks at spaces only, as it is written.

WeasyPrint and Word would each fill a line greedily, and neither balances the
lines of a paragraph the way the other could follow; so the breaks are chosen
here, from the fonts' own advance widths, and both outputs print them as line
breaks.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import cache
from typing import Any

from hearing_docs.content import markup
from hearing_docs.content.markup import Marked, Run
from hearing_docs.content.model import Summary
from hearing_docs.document import autospace
from hearing_docs.fonts import glyphs, metrics
from hearing_docs.templateset.theme import Theme

# Lines are planned a little narrower than the page, so that a rounding in
# either engine's measure never pushes a planned line's last word over.
_ROOM = 0.98


Piece = list[Run]
"""Runs between two places a line may break."""


def title_lines(summary: Summary, theme: Theme) -> list[Marked]:
    """The title as printed, one entry per line (bold, as the Title style sets it)."""
    size = theme.text.size
    width = theme.page.text_width * _ROOM

    def measure(piece: Piece) -> float:
        text = "".join(run.text for run in piece)
        drawn = sum(_width(run.text, theme, (True, run.italic)) for run in piece)
        return drawn + autospace.sides(text) * autospace.SPACE * size

    space = metrics.width(" ", theme.text.fonts, (True, False), size)
    printed: list[Marked] = []
    for line in summary.title_lines:
        words = markup.words(line)
        pieces, spaced = _pieces(words)
        widths = [measure(piece) for piece in pieces]
        gaps = [space if after else 0.0 for after in spaced[:-1]]
        groups = _balanced(widths, gaps, width)
        if len(groups) == 1:
            printed.append(line)
            continue
        printed += [
            Marked(markup.join(_words(pieces, spaced, start, end))) for start, end in groups
        ]
    return printed


def _width(text: str, theme: Theme, style: glyphs.Style) -> float:
    """The advance of ``text``, each character in the first face of its script; Arabic
    (and the other complex scripts) shaped, as its letters join."""
    total, start = 0.0, 0
    for end in range(1, len(text) + 1):
        if end < len(text) and glyphs.script_slot(text[end]) == glyphs.script_slot(text[start]):
            continue
        slot = glyphs.script_slot(text[start])
        fonts = glyphs.slot_fonts(slot, theme)
        measure = metrics.shaped_width if slot == "complex" else metrics.width
        total += measure(text[start:end], fonts, style, theme.text.size)
        start = end
    return total


def _east_asian(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


@cache
def _no_break() -> tuple[Any, Any]:
    """Unicode line-breaking classes (UAX #14): a line never starts with the first (closing
    punctuation, full stops, colons, exclamation and question marks), never ends with the
    second (opening punctuation). Made when East Asian text first asks: the ``regex``
    module takes a cold command a few milliseconds to import."""
    import regex

    return (
        regex.compile(r"[\p{lb=CL}\p{lb=CP}\p{lb=EX}\p{lb=IS}\p{lb=NS}]"),
        regex.compile(r"\p{lb=OP}"),
    )


def _breaks_between(before: str, after: str) -> bool:
    """Whether a line may break between two characters with no space between them."""
    if not (_east_asian(before) and _east_asian(after)):
        return False
    no_break_before, no_break_after = _no_break()
    return no_break_before.match(after) is None and no_break_after.match(before) is None


def _pieces(words: list[list[Run]]) -> tuple[list[Piece], list[bool]]:
    """The words cut where a line may break inside them; and for each piece, whether a
    space follows it (the end of a word) or nothing (a break between characters)."""
    pieces: list[Piece] = []
    spaced: list[bool] = []
    for word in words:
        current: Piece = []
        previous = ""
        for run in word:
            part = ""
            for character in run.text:
                if previous and _breaks_between(previous, character):
                    if part:
                        current.append(Run(part, run.bold, run.italic))
                        part = ""
                    pieces.append(current)
                    spaced.append(False)
                    current = []
                part += character
                previous = character
            if part:
                current.append(Run(part, run.bold, run.italic))
        pieces.append(current)
        spaced.append(True)
    return pieces, spaced


def _words(pieces: list[Piece], spaced: list[bool], start: int, end: int) -> list[list[Run]]:
    """Pieces ``start`` to ``end`` as words: pieces with nothing between them joined."""
    words: list[list[Run]] = []
    joined = True
    for index in range(start, end):
        if joined:
            words.append([])
        words[-1] += pieces[index]
        joined = spaced[index]
    return words


def _balanced(widths: list[float], gaps: list[float], width: float) -> list[tuple[int, int]]:
    """(start, end) of each line: the fewest lines a greedy fill needs, with the widest
    of them as narrow as it can be. ``gaps[i]`` is what lies between pieces i and i + 1
    on one line (a space, or nothing)."""

    # Widths up to each piece, and up to each piece with the gaps before it.
    drawn = list(itertools.accumulate(widths, initial=0.0))
    between = list(itertools.accumulate(gaps, initial=0.0))

    def line_width(start: int, end: int) -> float:
        return drawn[end] - drawn[start] + between[end - 1] - between[start]

    count, start = 0, 0
    while start < len(widths):  # greedy: how many lines are needed at all
        end = start + 1
        while end < len(widths) and line_width(start, end + 1) <= width:
            end += 1
        count, start = count + 1, end
    total = len(widths)
    # best[k][i]: the narrowest widest line for the first i pieces in k lines, and its breaks.
    best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {(0, 0): (0.0, [])}
    for lines in range(1, count + 1):
        for end in range(1, total + 1):
            options = [
                (
                    max(best[lines - 1, start][0], line_width(start, end)),
                    [*best[lines - 1, start][1], (start, end)],
                )
                for start in range(end)
                if (lines - 1, start) in best
            ]
            if options:
                best[lines, end] = min(options, key=lambda option: option[0])
    return best[count, total][1]
