"""Font metrics: a string, a font family and a style in, its printed width out.

In: text, one of the theme's font families, (bold, italic) and a size in points.
Out: the advance width in points, as a layout engine without kerning or
ligatures sets it (the theme turns both off, as Word has them off): the sum of
the glyphs' advance widths from the face's ``hmtx`` table, read with fontTools
from the file fontconfig matches, the file WeasyPrint and LibreOffice draw with;
and the natural height of a line (``hhea`` ascent plus descent).
The metrics of each face are kept in the user's cache, keyed like its
coverage (``coverage.py``) by the font file's path, size and modification time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hearing_docs import cache as user_cache
from hearing_docs.fonts import fontconfig
from hearing_docs.fonts.glyphs import Style

FORMAT = 3
"""Bumped when the entry's layout changes, so that old entries are not read."""


class Metrics(NamedTuple):
    per_em: int
    """Units per em."""
    widths: dict[int, int]
    """The advance of each code point."""
    default: int
    """The advance of the missing glyph."""
    height: int
    """Ascent plus descent: the natural height of a line."""
    ascent: int
    """Above the baseline (``hhea``)."""


def width(text: str, families: list[str], style: Style, size: float) -> float:
    """The width of ``text`` in points, in the first of ``families`` that has a face."""
    for family in families:
        found = _face(family, style)
        if found:
            units = sum(found.widths.get(ord(character), found.default) for character in text)
            return units * size / found.per_em
    return len(text) * size / 2  # no face at all: the glyph check reports it


def shaped_width(text: str, families: list[str], style: Style, size: float) -> float:
    """The width of ``text`` in points as HarfBuzz, the shaping engine of WeasyPrint's
    Pango, sets it in the first of ``families`` that has a face: letters joined as the
    script joins them (an Arabic letter's joined form is narrower than the form
    ``width`` reads), without kerning or optional ligatures, as the theme asks."""
    for family in families:
        found = fontconfig.match(family, *style)
        if found:
            font, per_em = _shaper(*found)
            return _shaped(font, text) * size / per_em
    return len(text) * size / 2  # no face at all: the glyph check reports it


# The features the style sheet turns off (font-kerning: none, font-variant-ligatures: none).
_OFF = {"kern": False, "liga": False, "clig": False, "calt": False, "dlig": False}


@cache
def _shaper(path: Path, index: int) -> tuple[Any, int]:
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)), index)
    return uharfbuzz.Font(face), face.upem


def _shaped(font: Any, text: str) -> int:
    import uharfbuzz

    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, _OFF)
    return sum(position.x_advance for position in buffer.glyph_positions)


def shared_line_height(pitch: float, size: float, groups: list[list[str]]) -> float:
    """The CSS ``line-height`` that puts lines ``pitch`` apart when faces of each of
    ``groups`` (font families, first choice first) share a line.

    CSS gives each face's text its own line box, centred on the face's ascent and
    descent around the shared baseline; faces whose ascent and descent differ
    (Liberation Serif beside Amiri or Noto Serif CJK) reach further above and
    below together than each alone, so such a line is taller than its
    ``line-height`` by that spread. Word and LibreOffice set exact line spacing
    instead. The spread is taken off here, so both outputs have lines ``pitch``
    apart.
    """
    if len(groups) < 2:
        return pitch
    offsets = [_centre(families, size) for families in groups]
    return pitch - (max(offsets) - min(offsets))


def _centre(families: list[str], size: float) -> float:
    """How far above the baseline the middle of the face's ascent and descent is."""
    for family in families:
        found = _face(family, (False, False))
        if found:
            return (found.ascent - found.height / 2) * size / found.per_em
    return 0.0


def line_height(families: list[str], style: Style, size: float) -> float:
    """The natural height of a line of text in points: the face's ascent plus descent
    (``hhea``), what WeasyPrint gives a line of ``line-height: normal`` and Word a line
    of single spacing."""
    for family in families:
        found = _face(family, style)
        if found:
            return found.height * size / found.per_em
    return size * 1.15


@cache
def _face(family: str, style: Style) -> Metrics | None:
    found = fontconfig.match(family, *style)
    return None if found is None else metrics(*found)


def metrics(font_path: Path, index: int = 0) -> Metrics:
    """The metrics of face ``index`` of ``font_path``, from the user's cache when it knows
    the file (reading them means importing fontTools and parsing the font)."""
    entry = user_cache.file_entry("fonts", font_path, index, "metrics", FORMAT)
    kept = _kept(user_cache.read_json(entry))
    if kept is not None:
        return kept
    found = _read(font_path, index)
    user_cache.write_json(
        entry,
        [found.per_em, sorted(found.widths.items()), found.default, found.height, found.ascent],
    )
    return found


def _read(path: Path, index: int) -> Metrics:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        advances = font["hmtx"]
        widths = {code: advances[name][0] for code, name in (font.getBestCmap() or {}).items()}
        header = font["hhea"]
        return Metrics(
            font["head"].unitsPerEm,
            widths,
            advances[font.getGlyphOrder()[0]][0],
            header.ascent - header.descent,
            header.ascent,
        )


def _kept(kept: object) -> Metrics | None:
    """The metrics an entry as ``metrics`` writes it holds; None for anything else (a
    damaged file), which is then read again."""
    if not (isinstance(kept, list) and len(kept) == 5 and isinstance(kept[1], list)):
        return None
    per_em, pairs, default, height, ascent = kept
    try:
        widths = dict(pairs)  # a pair of another length, or no pair, raises
    except (TypeError, ValueError):
        return None
    # The types of thousands of numbers, through map(): C loops, not a Python one per pair.
    numbers = {type(n) for n in (per_em, default, height, ascent)}
    numbers |= set(map(type, widths)) | set(map(type, widths.values()))
    if numbers != {int} or per_em <= 0 or len(widths) != len(pairs):
        return None
    return Metrics(per_em, widths, default, height, ascent)
