"""Font metrics: a string, a font family and a style in, its printed width out.

In: text, one of the theme's font families, (bold, italic) and a size in points.
Out: the advance width in points, as a layout engine without kerning or
ligatures sets it (the theme turns both off, as Word has them off): the sum of
the glyphs' advance widths from the face's ``hmtx`` table, read with fontTools
from the file fontconfig matches, the file WeasyPrint and LibreOffice draw with.
"""

from __future__ import annotations

from functools import cache

from hearing_docs.fonts.glyphs import Style, match


def width(text: str, families: list[str], style: Style, size: float) -> float:
    """The width of ``text`` in points, in the first of ``families`` that has a face."""
    for family in families:
        advances = _advances(family, style)
        if advances:
            per_em, widths, default = advances
            units = sum(widths.get(ord(character), default) for character in text)
            return units * size / per_em
    return len(text) * size / 2  # no face at all: the glyph check reports it


@cache
def _advances(family: str, style: Style) -> tuple[int, dict[int, int], int] | None:
    """Units per em, the advance of each code point, and that of the missing glyph."""
    from fontTools.ttLib import TTFont

    found = match(family, style)
    if found is None:
        return None
    path, index = found
    with TTFont(path, fontNumber=index, lazy=True) as font:
        metrics = font["hmtx"]
        widths = {code: metrics[name][0] for code, name in (font.getBestCmap() or {}).items()}
        return font["head"].unitsPerEm, widths, metrics[font.getGlyphOrder()[0]][0]
