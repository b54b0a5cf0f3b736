"""The Word builder's cutting of text into runs of one direction (word/bidi.py).

``segments`` skips the walk over the characters for text with no character of a
right-to-left block; these tests hold it to the walk, written out here as the reference,
over every code point and over random text mixing Latin, Arabic, Hebrew, digits,
punctuation and spaces. ``add_runs`` writes a run's text itself; it is held to what
python-docx's ``add_run`` writes.
"""

from __future__ import annotations

import sys
import unicodedata

import docx
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from hearing_docs.word import bidi


def right_to_left(character: str) -> bool:
    """A letter of a right-to-left script, or Arabic to Word's choice of face."""
    code = ord(character)
    arabic = 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF
    return unicodedata.bidirectional(character) in ("R", "AL") or arabic


def reference(text: str) -> list[tuple[str, bool]]:
    """The cut made character by character: neutral characters go with the letters before
    them, or at the start with the first letters after them."""
    parts: list[tuple[str, bool]] = []
    current = ""
    direction: bool | None = None
    for character in text:
        strong = (
            True
            if right_to_left(character)
            else (False if unicodedata.bidirectional(character) == "L" else None)
        )
        if strong is not None and direction is not None and strong != direction:
            parts.append((current, direction))
            current = ""
        if strong is not None:
            direction = strong
        current += character
    if current:
        parts.append((current, bool(direction)))
    return parts


def test_every_right_to_left_character_is_found() -> None:
    """Every code point Unicode (as this Python knows it) puts right to left, alone and
    amid Latin text, makes a right-to-left part: none is missed by the quick check."""
    found = [chr(code) for code in range(sys.maxunicode + 1) if right_to_left(chr(code))]
    assert len(found) > 1000  # Hebrew, Arabic and the others: the check looked at them
    for character in found:
        assert bidi.segments(character) == [(character, True)], hex(ord(character))
        assert bidi.segments(f"a{character}b") == [
            ("a", False),
            (character, True),
            ("b", False),
        ], hex(ord(character))


def test_text_without_right_to_left_letters_is_one_part() -> None:
    text = "The 2016 summary, “A/RES/70/290” — Ελληνικά, русский, 中文 and ½ € 12."
    assert bidi.segments(text) == [(text, False)]
    assert bidi.segments("") == []
    assert bidi.segments(" 12, ") == [(" 12, ", False)]


def test_arabic_with_a_latin_symbol() -> None:
    text = "وفقا للقرار A/RES/70/290، المؤرخ"
    assert bidi.segments(text) == [
        ("وفقا للقرار ", True),
        ("A/RES/70/290", False),
        ("، المؤرخ", True),
    ]


_ALPHABET = st.sampled_from(
    [
        *"abcXYZéß",  # Latin
        *"ابتثجحخ",  # Arabic letters
        "\u0660",  # Arabic-Indic digit zero
        "\u060c",  # Arabic comma
        "\ufefb",  # Arabic ligature lam with alef
        *"אבגדה",  # Hebrew
        *"0123456789",
        *" .,;:()/-–—“”«»",
        "\u00a0",  # no-break space
        "\u200f",  # right-to-left mark
        "\u200e",  # left-to-right mark
        "\u202b",  # right-to-left embedding
        "中",
        "я",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_segments_match_the_walk_over_every_character(text: str) -> None:
    parts = bidi.segments(text)
    assert parts == reference(text)
    assert "".join(part for part, _ in parts) == text


_WHITE = st.sampled_from([*"ab. ", "\t", "\n", "\r", "\u00a0", "\u2003"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_WHITE, min_size=1))
def test_a_run_is_written_as_python_docx_writes_it(text: str) -> None:
    """The runs ``add_runs`` writes itself hold what python-docx's ``add_run`` would: one
    w:t, white space kept at its ends, and tabs and line breaks as elements of their own."""
    document = docx.Document()
    expected = document.add_paragraph().add_run(text)
    (written,) = bidi.add_runs(document.add_paragraph(), text)
    assert etree.tostring(written._r) == etree.tostring(expected._r)
