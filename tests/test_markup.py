"""Inline markup, alone: a paragraph in, runs, plain text and escaped HTML out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearing_docs.content.markup import (
    MARKUP_CHARACTERS,
    Marked,
    Run,
    join,
    note_problem,
    notes,
    parser_runs,
    plain,
    printed_runs,
    runs,
    to_html,
    words,
)


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


def test_a_footnote_is_a_run_without_text_that_holds_the_notes_markup() -> None:
    text = "Agreed^[General Assembly resolution 70/1, *Transforming our world*.] today."
    assert runs(text) == [
        Run("Agreed"),
        Run("", note="General Assembly resolution 70/1, *Transforming our world*."),
        Run(" today."),
    ]
    assert notes(text) == ["General Assembly resolution 70/1, *Transforming our world*."]
    assert runs(notes(text)[0]) == [
        Run("General Assembly resolution 70/1, "),
        Run("Transforming our world", italic=True),
        Run("."),
    ]
    assert plain(text) == "Agreed today."  # the body's words: the note is printed apart
    assert note_problem(text) is None


def test_a_note_keeps_brackets_and_the_emphasis_around_its_call() -> None:
    assert notes("a^[See [the report] of **2016**.] b") == ["See [the report] of **2016**."]
    assert runs("**bold^[n]**") == [Run("bold", bold=True), Run("", bold=True, note="n")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("x ^[]", "has an empty footnote '^[]': write the note's text between the brackets"),
        ("x ^[  ]", "has an empty footnote '^[]': write the note's text between the brackets"),
        ("x ^[never closed", "has a footnote '^[' that is not closed"),
        ("x ^[one ^[two]", "has a footnote '^[' that is not closed"),
        ("x ^[one ^[two]]", "has a footnote inside a footnote: a note cannot hold another"),
    ],
)
def test_a_bad_footnote_is_named(text: str, problem: str) -> None:
    assert (note_problem(text) or "").startswith(problem)


def test_an_escaped_opening_prints_as_text_and_join_keeps_it_escaped() -> None:
    text = r"x \^[not a note]"
    assert runs(text) == [Run("x ^[not a note]")]
    assert notes(text) == []
    assert note_problem(text) is None
    assert runs(join(words(text))) == runs(text)


def test_html_gives_each_note_its_float_and_its_link_numbered_from_the_first() -> None:
    html = str(to_html(Marked("a^[One *x*.] b^[Two.]", first_note=3)))
    assert html == (
        'a<span class="footnote">One <em>x</em>.</span>'
        '<a class="note-call" id="note-call-3" href="#note-3" role="doc-noteref"><sup>3</sup></a>'
        ' b<span class="footnote">Two.</span>'
        '<a class="note-call" id="note-call-4" href="#note-4" role="doc-noteref"><sup>4</sup></a>'
    )


# Text a content file holds, without the characters that start markup: letters of
# several scripts, digits, punctuation, spaces, tabs and line ends, HTML and Markdown
# that is not ours (links, code, headings, entities); the markup characters are in the
# alphabet too, and the filter takes out only those ``MARKUP_CHARACTERS`` names.
_PLAIN = st.lists(
    st.sampled_from(
        [
            *"aZ é中ب1 .,;:!?'\"()-–—/#>`~=+<&%$@|{}]\t\n\u00a0\u200b*_\\^\r\0",
            *["http://", "&amp;", "1. ", "- ", "    ", "[link](x)", "[x]", "]["],
        ]
    ).filter(lambda piece: MARKUP_CHARACTERS.isdisjoint(piece)),
    max_size=60,
).map("".join)


@given(_PLAIN)
def test_text_without_markup_characters_is_what_the_parser_makes_of_it(text: str) -> None:
    assert runs(text) == parser_runs(text)


@pytest.mark.parametrize("character", sorted(MARKUP_CHARACTERS))
def test_each_markup_character_sends_the_text_to_the_parser(character: str) -> None:
    # Each one changes what the parser gives in some text, so none can be left out.
    examples = {"*": "*a*", "_": "_a_", "\\": "\\*", "^": "a^[b]"}
    examples |= {"\r": "a\rb", "\0": "a\0b"}
    text = examples[character]
    assert character in text
    assert parser_runs(text) != [Run(text)]
    assert runs(text) == parser_runs(text)


def test_marked_text_without_markup_prints_as_escaped_text() -> None:
    # A Marked value's run is plain str: HTML-escaping it must not call its __html__ again.
    marked = Marked("fish & chips")
    assert [type(run.text) for run in runs(marked)] == [str]
    assert str(to_html(marked)) == "fish &amp; chips"
