"""Space between ideographs and Latin text: a text in, where the space goes out.

In: a line or a paragraph of text.
Out: its runs of Latin letters or figures that touch a Chinese (or Japanese)
ideograph, each with the side or sides that touch one; ``SPACE`` is how wide
that space is.

Word and LibreOffice put that space there by themselves ("2016 年 7 月":
Word's ``w:autoSpaceDE`` and ``w:autoSpaceDN``, on by default; LibreOffice's
space between Asian and non-Asian text, which it always applies to a DOCX, a
fifth of an em). WeasyPrint has no CSS ``text-autospace``, so the HTML gives
those runs that margin (``html/autospace.py``) and the title's lines are
measured with it (``titles.py``): a Chinese line of the PDF then holds what
the same line holds in Word. The text itself is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SPACE = 0.2
"""The space, in em of the text's size."""

# Ideographs and kana: CJK radicals to Kangxi, hiragana and katakana, the CJK
# ideographs and their extensions and compatibility forms. Not CJK punctuation
# nor full-width forms: neither Word nor LibreOffice spaces those from Latin text.
IDEOGRAPHS = "\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# Latin, Greek and Cyrillic letters and the ASCII figures.
_LATIN_RUN = re.compile("[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+")


def present(text: str) -> bool:
    """Whether ``text`` holds an ideograph at all (most documents hold none)."""
    return _IDEOGRAPH.search(text) is not None


def runs(text: str) -> Iterator[tuple[int, int, bool, bool]]:
    """(start, end, spaced before, spaced after) of each Latin run beside an ideograph."""
    if not present(text):
        return
    for run in _LATIN_RUN.finditer(text):
        start, end = run.span()
        before = start > 0 and _IDEOGRAPH.match(text[start - 1]) is not None
        after = end < len(text) and _IDEOGRAPH.match(text[end]) is not None
        if before or after:
            yield start, end, before, after


def sides(text: str) -> int:
    """How many spaces ``text`` gets: one per side of a Latin run that touches an ideograph."""
    return sum(before + after for _, _, before, after in runs(text))
