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
    return hearing, template_set, images, facts.derive(hearing, template_set)


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
    short = hearing.summary.replace(title="Summary\nof the hearing")
    assert titles.title_lines(short, template_set.theme) == ["Summary", "of the hearing"]


# The Chinese title of the 2016 summary on one line: no spaces, one place for a number.
CHINESE_TITLE = (
    "第七十届联合国大会主席关于支持处理难民和移民大规模流动问题高级别全体会议"
    "\uff082016年9月19日\uff09筹备进程的非正式互动多利益攸关方听证会的摘要"
)
# Full-width comma, full stop, ideographic comma, closing brackets, semicolon, colon,
# exclamation and question marks; opening brackets.
CLOSING = "\uff0c\u3002\u3001\uff09\u300d\u300b\uff1b\uff1a\uff01\uff1f"
OPENING = "\uff08\u300c\u300a"


def _in_language(parts, language: str, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    hearing, template_set, _, _ = parts
    theme = template_set.for_language(language).theme
    summary = hearing.summary.replace(title=title)
    return [str(line) for line in titles.title_lines(summary, theme)]


def test_a_chinese_title_breaks_between_ideographs_into_balanced_lines(parts) -> None:
    lines = _in_language(parts, "zh", CHINESE_TITLE)
    assert len(lines) == 2, lines
    assert "".join(lines) == CHINESE_TITLE  # nothing added between the pieces
    lengths = [len(line) for line in lines]
    assert max(lengths) - min(lengths) <= 3, lines
    assert not any(line[0] in CLOSING or line[-1] in OPENING for line in lines), lines


def test_a_chinese_title_never_breaks_before_closing_punctuation(parts) -> None:
    # Commas every few characters: the best places to break, were a comma allowed to
    # start a line, would put one there.
    title = "\uff0c".join(["大会主席关于难民问题"] * 12) + "。"
    for line in _in_language(parts, "zh", title):
        assert line[0] not in CLOSING, line
    # A full stop where, by width alone, a line would end just before it.
    title = "大" * 20 + "。" + "会" * 20
    lines = _in_language(parts, "zh", title)
    assert len(lines) > 1 and "".join(lines) == title
    for line in lines:
        assert line[0] not in CLOSING, lines
    # Nor inside a number or a Latin word.
    title = "大会" * 30 + "2016年A/RES/70/290号决议" + "大会" * 30
    lines = _in_language(parts, "zh", title)
    assert "".join(lines) == title
    assert any("2016年A/RES/70/290号" in line for line in lines)


def test_an_arabic_title_line_that_fits_is_left_whole(parts) -> None:
    # Measured as its letters join (isolated forms are far wider): these two lines fit.
    title = (
        "موجز رئيس الدورة السبعين للجمعية العامة عن جلسات الاستماع التحاورية\n"
        "غير الرسمية مع أصحاب المصلحة المتعددين دعما للعملية التحضيرية للاجتماع العام"
    )
    assert _in_language(parts, "ar", title) == title.split("\n")
    # One too long for a line breaks at spaces into balanced lines.
    long = " ".join(title.split("\n")) + " الرفيع المستوى بشأن التصدي لحركات النزوح الكبيرة"
    lines = _in_language(parts, "ar", long)
    assert len(lines) == 2 and " ".join(lines) == long
    assert abs(len(lines[0]) - len(lines[1])) < 20, lines


@pytest.mark.slow
@given(st.text(alphabet="ab.,*_\\ ", max_size=30))
def test_words_joined_back_give_the_same_runs(text: str) -> None:
    text = " ".join(text.split())
    again = markup.join(markup.words(text))
    assert _styled(markup.runs(again)) == _styled(markup.runs(text)), (text, again)


def _styled(runs: list[markup.Run]) -> list[tuple[str, bool, bool]]:
    """Each character with its style, spaces aside (a space's style is not seen)."""
    return [(c, r.bold, r.italic) for r in runs for c in r.text if c != " "]
