"""What a newline in the content means, the same in the PDF, the HTML and the DOCX; balanced
title lines; and words with a slash kept whole."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from hearing_docs.content import loading, markup
from hearing_docs.document import facts, titles
from hearing_docs.html import page
from hearing_docs.templateset import assets, sets
from hearing_docs.word import builder
from support import FIXTURES, words

SYMBOLS = FIXTURES / "documents" / "resolution-symbols.yaml"


@pytest.fixture(scope="module")
def parts():
    hearing, source = loading.load_with_source(SYMBOLS)
    template_set = sets.resolve(hearing.template, sets.roots_for(SYMBOLS))
    images = assets.load(hearing, source, template_set)
    text = template_set.catalogue(hearing.language)
    return hearing, template_set, images, facts.derive(hearing, text)


def test_a_newline_in_a_paragraph_or_a_name_is_a_space(parts) -> None:
    hearing = parts[0]
    assert "\n" not in "".join(hearing.letter.body)
    assert hearing.letter.body[0].startswith("I have the honour to refer to General Assembly")
    assert " 2018 (A/RES/72/274), on the " in hearing.letter.body[0]
    assert hearing.letter.signatory.name == "Miroslav Lajčák"


def test_the_title_alone_keeps_its_newlines_as_line_breaks(tmp_path) -> None:
    path = tmp_path / "h.yaml"
    text = SYMBOLS.read_text(encoding="utf-8")
    text = text.replace(
        "  title: Summary of the President of the General Assembly on the",
        '  title: "Summary of the President\\n  of the General \\t Assembly\\n\\non the',
    ).replace("the high-level meeting\n", 'the high-level meeting"\n', 1)
    path.write_text(text, encoding="utf-8")
    summary = loading.load(path).summary
    assert summary.title_lines[:2] == ["Summary of the President", "of the General Assembly"]


@pytest.mark.slow
def test_the_docx_and_the_html_break_lines_only_where_the_pdf_does(parts) -> None:
    hearing, template_set, _, _ = parts
    document = docx.Document(io.BytesIO(builder.render(*parts)))
    breaks = {
        paragraph.style.name: len(paragraph._p.findall(f".//{qn('w:br')}"))
        for paragraph in document.paragraphs
        if paragraph._p.findall(f".//{qn('w:br')}")
    }
    title_lines = titles.title_lines(hearing.summary, template_set.theme)
    assert breaks == {"Title": len(title_lines) - 1, "Venue": len(hearing.summary.venue) - 1}
    html = page.render(*parts)
    signatory = re.search(r'<p class="signatory">(.*?)</p>', html, re.S).group(1)
    assert signatory.strip() == "Miroslav Lajčák"
    title = re.search(r'<h1 id="summary-title" class="title">(.*?)</h1>', html, re.S).group(1)
    assert title.count("<br>") == len(title_lines) - 1


def test_a_word_with_a_slash_is_kept_whole_in_the_html(parts) -> None:
    html = page.render(*parts)
    for symbol in ("(A/RES/72/274),", "HIV/AIDS", "UNAIDS/WHO/UNICEF", "(A/HRC/RES/38/8)"):
        assert f'<span style="white-space: nowrap">{symbol}</span>' in html


def test_title_lines_are_balanced(parts) -> None:
    hearing, template_set, _, _ = parts
    lines = titles.title_lines(hearing.summary, template_set.theme)
    # One line of the content, too long for the page: three even lines, none alone.
    assert len(lines) == 3
    lengths = [len(line) for line in lines]
    assert max(lengths) - min(lengths) < 15, lines
    assert words(" ".join(lines)) == words(hearing.summary.title)


def test_a_title_that_fits_is_left_as_written(parts) -> None:
    hearing, template_set, _, _ = parts
    short = hearing.summary.model_copy(update={"title": "Summary\nof the hearing"})
    assert titles.title_lines(short, template_set.theme) == ["Summary", "of the hearing"]


@pytest.mark.slow
@given(st.text(alphabet="ab.,*_\\ ", max_size=30))
def test_words_joined_back_give_the_same_runs(text: str) -> None:
    text = " ".join(text.split())
    again = markup.join(markup.words(text))
    assert _styled(markup.runs(again)) == _styled(markup.runs(text)), (text, again)


def _styled(runs: list[markup.Run]) -> list[tuple[str, bool, bool]]:
    """Each character with its style, spaces aside (a space's style is not seen)."""
    return [(c, r.bold, r.italic) for r in runs for c in r.text if c != " "]
