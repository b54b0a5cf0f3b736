"""The seed hearing's DOCX, reopened with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from hearing_docs.cli import main
from support import SEED_CONTENT, docx_paragraphs, seed_copy, seed_words, word_difference, words

pytestmark = pytest.mark.slow

FONT_PROPERTIES = ("w:rFonts", "w:sz", "w:szCs", "w:b", "w:i", "w:color", "w:u")


def _all_paragraphs(document):
    return [paragraph for _, paragraph in docx_paragraphs(document)]


def _text(document) -> str:
    letter = document.sections[0]
    header = [p.text for p in letter.first_page_header.paragraphs]
    footer = [p.text for p in letter.first_page_footer.paragraphs]
    body = [p.text for p in document.paragraphs]
    # Reading order of the page: letterhead, letter, addressees (foot of page 1), summary.
    signatory = next(i for i, p in enumerate(document.paragraphs) if p.style.name == "Signatory")
    return "\n".join(header + body[: signatory + 1] + footer + body[signatory + 1 :])


def test_docx_has_the_seed_words_in_order(seed_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(seed_outputs["docx"]))
    expected, actual = seed_words(), words(_text(document))
    # The DOCX's text is read as written: not even the hyphenation join is allowed.
    assert actual == expected, word_difference(expected, actual)


def test_every_paragraph_has_a_named_style_and_no_direct_font(seed_outputs) -> None:
    document = docx.Document(str(seed_outputs["docx"]))
    for paragraph in _all_paragraphs(document):
        assert paragraph.style is not None and paragraph.style.name != "Normal", paragraph.text
        for run in paragraph._p.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            if properties is None:
                continue
            direct = [tag for tag in FONT_PROPERTIES if properties.find(qn(tag)) is not None]
            assert not direct, f"direct formatting {direct} in '{paragraph.text[:40]}'"


def test_styles_of_the_letter_and_summary(seed_outputs) -> None:
    document = docx.Document(str(seed_outputs["docx"]))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:7] == [
        "Date",
        "Salutation",
        "Body Text",
        "Body Text",
        "Closing",
        "Signature",
        "Signatory",
    ]
    assert styles[7:10] == ["Title", "Meeting Date", "Venue"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Overview" and headings[-1] == "Closing segment" and len(headings) == 7
    letterhead = [(p.style.name, p.text) for p in document.sections[0].first_page_header.paragraphs]
    assert letterhead == [
        ("Header Space", ""),  # the room down to the text, below the page number's margin
        ("Emblem", ""),
        ("Letterhead", "THE PRESIDENT"),
        ("Letterhead", "OF THE"),
        ("Letterhead", "GENERAL ASSEMBLY"),
    ]
    addressees = [(p.style.name, p.text) for p in document.sections[0].first_page_footer.paragraphs]
    assert addressees == [
        ("Addressee", "To all Permanent Representatives"),
        ("Addressee", "And Permanent Observers to the United Nations"),
        ("Addressee", "New York"),
        ("Footer Space", ""),
    ]


def test_letter_and_summary_are_separate_sections(seed_outputs) -> None:
    document = docx.Document(str(seed_outputs["docx"]))
    assert len(document.sections) == 2
    styles = [p.style.name for p in document.paragraphs]
    signatory = styles.index("Signatory")
    assert document.paragraphs[signatory]._p.pPr.sectPr is not None, "letter ends at signatory"
    assert styles[signatory + 1] == "Title"
    assert not any(
        p._p.pPr is not None and p._p.pPr.sectPr is not None
        for p in document.paragraphs[signatory + 1 :]
    )


# Text a DOCX cannot hold: refused with one line naming file, line and field, before any
# file is written (python-docx itself would raise a bare ValueError deep inside).

BAD_FIELDS = {
    "letter.body[1]": (
        "    - >-\n      Please find attached the summary from the hearing.",
        '    - "Please find{} attached the summary from the hearing."',
    ),
    "letter.signatory.name": ("    name: Mogens Lykketoft", '    name: "Mogens{} Lykketoft"'),
    "letter.addressees[2]": ("    - New York\n", '    - "New{} York"\n'),
    "summary.sections[0].heading": ("    - heading: Overview", '    - heading: "Over{}view"'),
}


@pytest.mark.parametrize(
    ("field", "escape", "code"),
    [
        ("letter.body[1]", "\\0", "U+0000"),
        ("letter.body[1]", "\\x08", "U+0008"),
        ("letter.signatory.name", "\\v", "U+000B"),
        ("letter.addressees[2]", "\\f", "U+000C"),
        ("summary.sections[0].heading", "\\x01", "U+0001"),
    ],
)
def test_control_character_is_one_line_and_nothing_is_written(
    field: str, escape: str, code: str, tmp_path: Path
) -> None:
    old, new = BAD_FIELDS[field]
    text = SEED_CONTENT.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    column = new.index('"') + 1
    path = seed_copy(tmp_path, (old, new.format(escape)))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:{line}:{column}: {field}: contains {code}, "
        "a control character that a document cannot hold\n"
    )
    assert not out.exists() or not any(out.iterdir()), "nothing is written"


def test_lone_surrogate_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    old, new = BAD_FIELDS["letter.body[1]"]
    path = seed_copy(tmp_path, (old, new.format("\\ud800")))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"Error: {path}:25:7: letter.body[1]: contains U+D800")
    assert not out.exists() or not any(out.iterdir()), "nothing is written"


def test_control_character_in_the_theme_is_one_line_too(tmp_path: Path) -> None:
    theme = tmp_path / "templates" / "plain" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    theme.write_text('extends: un-pga\nletterhead:\n  lines: ["THE\\x0c PRESIDENT"]\n')
    path = seed_copy(tmp_path, ("template: un-pga", "template: plain"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {theme}:3:11: letterhead.lines[0]: contains U+000C, "
        "a control character that a document cannot hold\n"
    )
    assert not out.exists()


def test_every_style_in_use_inherits_its_font_from_body_text(seed_outputs) -> None:
    document = docx.Document(str(seed_outputs["docx"]))
    used = {p.style.name for p in _all_paragraphs(document)}
    used |= {p.style.name for s in document.sections for p in s.footer.paragraphs}
    assert {"Letterhead", "Title", "Heading 1", "Summary Text", "Footer"} <= used
    for name in used:
        chain, style = [], document.styles[name]
        while style is not None:
            chain.append(style.name)
            style = style.base_style
        assert "Body Text" in chain, f"{name} is not based on Body Text: {chain}"
        fonts = [n for n in chain if n != "Normal" and document.styles[n].font.name is not None]
        assert not fonts, f"{name}: a font is set in {fonts}, so Body Text's would not reach it"


def test_plain_fields_keep_their_stars_as_the_pdf_does(tmp_path) -> None:
    from hearing_docs.pipeline import BuildOptions, build
    from support import pdf_pages

    content = seed_copy(
        tmp_path,
        ('salutation: "Excellency,"', 'salutation: "*Your* _Excellency_,"'),
        ("name: Mogens Lykketoft", "name: Mogens **Lykketoft**"),
    )
    pdf, word = build(content, tmp_path / "out", BuildOptions(formats=["pdf", "docx"]))
    paragraphs = {p.style.name: p for p in docx.Document(str(word)).paragraphs}
    assert paragraphs["Salutation"].text == "*Your* _Excellency_,"
    assert paragraphs["Signatory"].text == "Mogens **Lykketoft**"
    assert all(run.style.name != "Emphasis" for run in paragraphs["Salutation"].runs)
    page = pdf_pages(pdf)[0]
    assert "*Your* _Excellency_," in page and "Mogens **Lykketoft**" in page
