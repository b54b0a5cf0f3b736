"""The space Word and LibreOffice put between Chinese and Latin text, given to the HTML (and
so the PDF) as a margin: where it goes, and that the text itself is left alone."""

from __future__ import annotations

import re

from hearing_docs.document import autospace
from hearing_docs.html import autospace as html_autospace

BEFORE = '<span class="autospace" style="margin-left: 0.2em">'
AFTER = '<span class="autospace" style="margin-right: 0.2em">'
BOTH = '<span class="autospace" style="margin-left: 0.2em; margin-right: 0.2em">'


def test_latin_runs_beside_ideographs_are_found_with_their_sides() -> None:
    assert list(autospace.runs("2016年7月22日")) == [
        (0, 4, False, True),
        (5, 6, True, True),
        (7, 9, True, True),
    ]
    assert autospace.sides("第A/RES/70/290号") == 2  # "A" after 第, "290" before 号
    # Full-width punctuation is not spaced from Latin text, nor Latin text from itself.
    assert list(autospace.runs("\uff082016\uff09")) == []  # full-width brackets
    assert list(autospace.runs("22 July 2016")) == []


def test_the_html_gets_margins_and_keeps_its_text() -> None:
    html = (
        "<html><head><title>2016年</title><style>p{}</style></head>"
        '<body><p class="x2">于7月</p><p>cité 2016</p></body></html>'
    )
    spaced = html_autospace.apply(html)
    assert f'<p class="x2">于{BOTH}7</span>月</p>' in spaced
    assert "<title>2016年</title>" in spaced  # the head is not text on the page
    assert '<p class="x2">' in spaced  # nor are tags and their attributes
    assert "<p>cité 2016</p>" in spaced
    assert re.sub(r"<[^>]*>", "", spaced) == re.sub(r"<[^>]*>", "", html)


def test_a_page_without_ideographs_is_returned_as_it_is() -> None:
    html = "<html><body><p>22 July 2016, A/RES/70/290</p></body></html>"
    assert html_autospace.apply(html) is html
    assert html_autospace.apply("<p>年2016</p>") == f"<p>年{BEFORE}2016</span></p>"
    assert html_autospace.apply("<p>2016年</p>") == f"<p>{AFTER}2016</span>年</p>"
