"""The model's field kinds: declared once in the types, followed by every renderer.

``text_fields`` must reach every text field of a hearing (checked against the
hearing's own data, over every example content file), and a rich field's value
prints its markup where a plain field's prints as written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from hearing_docs import groups
from hearing_docs.content import loading, markup
from hearing_docs.content.model import ALT, NOTED, PLAIN, RICH, Hearing, text_fields
from hearing_docs.document import notes
from support import EXAMPLES, ROOT, SEED_CONTENT, as_data

SUMMARY_ALONE = ROOT / "content" / "2016-06-08-summary-alone.yaml"

# Strings that are not text: names of things (the set, the language, the kind, an image's
# file) and a month, written 2014-09.
NOT_TEXT = {"template", "language", "kind", "signature", "marking"}


def _is_text(path: tuple[str | int, ...]) -> bool:
    return path[-1] not in NOT_TEXT and path != ("summary", "date")


def _strings(data: Any, path: tuple[str | int, ...] = ()) -> dict[tuple[str | int, ...], str]:
    """Every string in plain data, by its path."""
    if isinstance(data, dict):
        return {
            k: v for key, value in data.items() for k, v in _strings(value, (*path, key)).items()
        }
    if isinstance(data, list):
        return {
            k: v for i, value in enumerate(data) for k, v in _strings(value, (*path, i)).items()
        }
    return {path: data} if isinstance(data, str) else {}


@pytest.mark.parametrize("content", EXAMPLES, ids=lambda p: p.stem)
def test_text_fields_reach_every_text_of_the_hearing(content: Path) -> None:
    hearing = loading.load(content)
    walked = {path: value for path, _, value in text_fields(hearing)}
    expected = {p: v for p, v in _strings(as_data(hearing)).items() if _is_text(p)}
    assert walked == expected


def test_each_field_has_the_kind_its_type_declares() -> None:
    kinds = {path: kind for path, kind, _ in text_fields(loading.load(SEED_CONTENT))}
    assert kinds["letter", "salutation"] == PLAIN
    # A paragraph's type may call footnotes; the letter refuses them (test_bad_input.py).
    assert kinds["letter", "body", 0] == NOTED
    assert kinds["letter", "closing"] == RICH
    assert kinds["letter", "signatory", "name"] == PLAIN
    assert kinds["letter", "signatory", "signature_alt"] == ALT
    assert not ALT.drawn
    assert kinds["letter", "addressees", 0] == PLAIN
    assert (kinds["summary", "title"].markup, kinds["summary", "title"].bold) == (True, True)
    assert (kinds["summary", "venue", 0].markup, kinds["summary", "venue", 0].bold) == (False, True)
    heading = kinds["summary", "sections", 0, "heading"]
    assert (heading.markup, heading.bold) == (True, True)
    # Only paragraphs and list items may call footnotes.
    assert kinds["summary", "sections", 0, "paragraphs", 0] == NOTED
    noted = {path for path, kind in kinds.items() if kind.notes}
    assert noted == {path for path in kinds if "paragraphs" in path or "body" in path}


def test_rich_values_print_their_markup_and_plain_values_print_as_written() -> None:
    hearing = loading.load(SEED_CONTENT)
    letter = hearing.letter.replace(
        salutation="*Excellency*,", body=["See *The Report* <b>now</b>."]
    )
    marked = groups.check(Hearing, as_data(hearing.replace(letter=letter)))
    paragraph, salutation = marked.letter.body[0], marked.letter.salutation
    assert isinstance(paragraph, markup.Marked)
    assert not isinstance(salutation, markup.Marked)
    # A word with "/" inside is kept whole, as Word keeps it (docs/templates.md).
    assert str(escape(paragraph)) == (
        'See <em>The Report</em> <span style="white-space: nowrap">&lt;b&gt;now&lt;/b&gt;.</span>'
    )
    assert str(escape(salutation)) == "*Excellency*,"
    assert markup.printed_runs(paragraph) == [
        markup.Run("See "),
        markup.Run("The Report", italic=True),
        markup.Run(" <b>now</b>."),
    ]
    assert markup.printed_runs(salutation) == [markup.Run("*Excellency*,")]


def test_notes_are_numbered_through_the_document_in_its_order() -> None:
    hearing = loading.load(SUMMARY_ALONE)
    listed = notes.listed(notes.numbered(hearing))
    written = [note for _, _, value in text_fields(hearing) for note in markup.notes(value)]
    assert [note.number for note in listed] == list(range(1, len(written) + 1))
    assert [str(note.text) for note in listed] == written
    assert len(written) >= 3
    # Each paragraph's first note knows its number, for the HTML page's links.
    numbered = notes.numbered(hearing).summary
    firsts = [
        value.first_note
        for _, _, value in text_fields(numbered)
        if isinstance(value, markup.Marked) and markup.notes(value)
    ]
    assert firsts == sorted(set(firsts)) and firsts[0] == 1
