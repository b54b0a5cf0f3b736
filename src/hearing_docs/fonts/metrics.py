"""Font metrics: a string, a font family and a style in, its printed width out.

In: text, one of the theme's font families, (bold, italic) and a size in points.
Out: the advance width in points, as a layout engine without kerning or
ligatures sets it (the theme turns both off, as Word has them off): the sum of
the glyphs' advance widths from the face's ``hmtx`` table, read with fontTools
from the file fontconfig matches, the file WeasyPrint and LibreOffice draw with.
The advances of each face are kept in the user's cache, keyed like its
coverage (``coverage.py``) by the font file's path, size and modification time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hearing_docs import cache as user_cache
from hearing_docs.fonts import fontconfig
from hearing_docs.fonts.glyphs import Style

FORMAT = 1
"""Bumped when the entry's layout changes, so that old entries are not read."""


def width(text: str, families: list[str], style: Style, size: float) -> float:
    """The width of ``text`` in points, in the first of ``families`` that has a face."""
    for family in families:
        advances = _advances(family, style)
        if advances:
            per_em, widths, default = advances
            units = sum(widths.get(ord(character), default) for character in text)
            return units * size / per_em
    return len(text) * size / 2  # no face at all: the glyph check reports it


Advances = tuple[int, dict[int, int], int]
"""Units per em, the advance of each code point, and that of the missing glyph."""


@cache
def _advances(family: str, style: Style) -> Advances | None:
    found = fontconfig.match(family, *style)
    return None if found is None else advances(*found)


def advances(font_path: Path, index: int = 0) -> Advances:
    """The advances of face ``index`` of ``font_path``, from the user's cache when it knows
    the file (reading hmtx means importing fontTools and parsing the font)."""
    entry = user_cache.file_entry("fonts", font_path, index, "advances", FORMAT)
    kept = user_cache.read_json(entry)
    if _valid(kept):
        return kept[0], {code: advance for code, advance in kept[1]}, kept[2]
    per_em, widths, default = _read(font_path, index)
    user_cache.write_json(entry, [per_em, sorted(widths.items()), default])
    return per_em, widths, default


def _read(path: Path, index: int) -> Advances:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        metrics = font["hmtx"]
        widths = {code: metrics[name][0] for code, name in (font.getBestCmap() or {}).items()}
        return font["head"].unitsPerEm, widths, metrics[font.getGlyphOrder()[0]][0]


def _valid(kept: object) -> bool:
    """An entry as ``_advances`` writes it; anything else (a damaged file) is read again."""
    return (
        isinstance(kept, list)
        and len(kept) == 3
        and type(kept[0]) is int
        and kept[0] > 0
        and type(kept[2]) is int
        and isinstance(kept[1], list)
        and all(
            isinstance(pair, list) and len(pair) == 2 and all(type(n) is int for n in pair)
            for pair in kept[1]
        )
    )
