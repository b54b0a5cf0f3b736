"""Inline markup, alone: a paragraph in, runs, plain text and escaped HTML out."""

from __future__ import annotations

import pytest

from hearing_docs.content.markup import Marked, Run, plain, printed_runs, runs, to_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", [Run("plain words")]),
        ("a *title* here", [Run("a "), Run("title", italic=True), Run(" here")]),
        ("a _title_ here", [Run("a "), Run("title", italic=True), Run(" here")]),
        ("**bold** end", [Run("bold", bold=True), Run(" end")]),
        ("***both***", [Run("both", bold=True, italic=True)]),
        (r"a \*star\* kept", [Run("a *star* kept")]),
        ("5 * 3 = 15", [Run("5 * 3 = 15")]),
        (
            "<b>tag</b> &amp; [link](x) # not a heading",
            [Run("<b>tag</b> &amp; [link](x) # not a heading")],
        ),
        ("`code` stays", [Run("`code` stays")]),
    ],
)
def test_runs(text: str, expected: list[Run]) -> None:
    assert runs(text) == expected


def test_plain_is_the_text_a_reader_sees() -> None:
    assert plain("See *The Report* and **this**.") == "See The Report and this."


def test_html_escapes_everything_but_the_markup() -> None:
    assert str(to_html('*A & B* <script>"x"')) == "<em>A &amp; B</em> &lt;script&gt;&#34;x&#34;"
    assert str(to_html("***both***")) == "<strong><em>both</em></strong>"


def test_marked_text_prints_its_markup_and_other_text_prints_as_written() -> None:
    marked = Marked("a *b*")
    assert marked == "a *b*"  # still the text as written
    assert marked.__html__() == "a <em>b</em>"
    assert printed_runs(marked) == [Run("a "), Run("b", italic=True)]
    assert printed_runs("a *b*") == [Run("a *b*")]
