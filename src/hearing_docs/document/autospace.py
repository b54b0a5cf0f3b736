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
from functools import cache

SPACE = 0.2
"""The space, in em of the text's size."""

# Ideographs and kana: CJK radicals to Kangxi, hiragana and katakana, the CJK
# ideographs and their extensions and compatibility forms. Not CJK punctuation
# nor full-width forms: neither Word nor LibreOffice spaces those from Latin text.
IDEOGRAPHS = "\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_FIRST_IDEOGRAPH = "\u2e80"
# Latin, Greek and Cyrillic letters and the ASCII figures.
_LATIN_RUN = "[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+"


@cache
def _ideograph() -> re.Pattern[str]:
    # Compiled on first use: classes of wide ranges take milliseconds to compile, which
    # a document without ideographs never needs to spend.
    return re.compile(f"[{IDEOGRAPHS}]")


def present(text: str) -> bool:
    """Whether ``text`` holds an ideograph at all (most documents hold none)."""
    if not text or max(text) < _FIRST_IDEOGRAPH:  # nothing as far up as the ideographs
        return False
    return _ideograph().search(text) is not None


def runs(text: str) -> Iterator[tuple[int, int, bool, bool]]:
    """(start, end, spaced before, spaced after) of each Latin run beside an ideograph."""
    if not present(text):
        return
    ideograph = _ideograph()
    for run in re.finditer(_LATIN_RUN, text):
        start, end = run.span()
        before = start > 0 and ideograph.match(text[start - 1]) is not None
        after = end < len(text) and ideograph.match(text[end]) is not None
        if before or after:
            yield start, end, before, after


def sides(text: str) -> int:
    """How many spaces ``text`` gets: one per side of a Latin run that touches an ideograph."""
    return sum(before + after for _, _, before, after in runs(text))
