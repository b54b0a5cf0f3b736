"""Font coverage: a font file in, the code points it has glyphs for out.

In: the path of a font file, and the index of the face for a collection (.ttc).
Out: a ``frozenset`` of code points: the keys of the face's best character map.

Reading a character map means importing fontTools and parsing the font, a
tenth of a second for a build that checks four faces. The answer is kept in
the user's cache (``cache.folder("fonts")``), one entry per face, keyed by the
font's resolved path, face index, size and modification time: a font file that
is replaced or updated gets a new entry and is read again. The code points are
stored as ranges (``[[first, last], ...]``), a few hundred bytes a face.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import TypeGuard

from hearing_docs import cache as user_cache

FORMAT = 1
"""Bumped when the entry's layout changes, so that old entries are not read."""


def coverage(font_path: Path, index: int = 0) -> frozenset[int]:
    """The code points face ``index`` of ``font_path`` has glyphs for."""
    entry = user_cache.file_entry("fonts", font_path, index, "coverage", FORMAT)
    ranges = user_cache.read_json(entry)
    if _valid(ranges):
        return frozenset(code for first, last in ranges for code in range(first, last + 1))
    codes = _read(font_path, index)
    user_cache.write_json(entry, _ranges(codes))
    return codes


def _read(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only when the cache does not know the font

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def _ranges(codes: frozenset[int]) -> list[list[int]]:
    """Consecutive code points as [first, last] pairs."""
    ranges = []
    for _, run in groupby(enumerate(sorted(codes)), key=lambda pair: pair[1] - pair[0]):
        members = [code for _, code in run]
        ranges.append([members[0], members[-1]])
    return ranges


def _valid(ranges: object) -> TypeGuard[list[list[int]]]:
    """An entry as ``_ranges`` writes it; anything else (a damaged file) is read again."""
    return isinstance(ranges, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and all(type(code) is int and 0 <= code <= 0x10FFFF for code in pair)
        and pair[0] <= pair[1]
        for pair in ranges
    )
