"""Lists come back from Word: bulleted and numbered, in the letter and in the summary,
through ``import --into`` (a DOCX hearing-docs made) and ``import -o`` (a letter typed
in Word), from list styles, Word's own numbering (decimal: a numbered list) and typed
markers."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docx_edits import edited, libreoffice_resave, rebuild, styled
from hearing_docs.cli import main
from hearing_docs.content import loading
from support import FIXTURES, ROOT

LISTS = FIXTURES / "documents" / "lists.yaml"

pytestmark = pytest.mark.slow


def _run(*arguments: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


def _built(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / LISTS.name
    shutil.copyfile(LISTS, content)
    return content, rebuild(content)


def _word_list(document, number_format: str) -> int:  # type: ignore[no-untyped-def]
    """A list of Word's own numbering, as the Numbering or Bullets button adds one: its id."""
    numbering = document.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(f"{{{numbering.nsmap['w']}}}abstractNum"))
    text = "%1." if number_format == "decimal" else "\u2022"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    numbering.insert(0, abstract)
    return numbering.add_num(abstract_id).numId


def _numbered(paragraph, num_id: int) -> None:  # type: ignore[no-untyped-def]
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = 0
    properties.get_or_add_numId().val = num_id


def test_lists_come_back_unchanged(tmp_path) -> None:
    content, built_docx = _built(tmp_path)
    before = loading.load(content)
    result = _run(built_docx, "--into", content)
    assert result.exit_code == 0, result.output
    assert loading.load(content) == before


@pytest.mark.libreoffice
@pytest.mark.parametrize("example", [LISTS, ROOT / "content" / "2017-01-27-two-page-letter.yaml"])
def test_lists_come_back_unchanged_after_a_libreoffice_save(tmp_path, example) -> None:
    """LibreOffice writes a list that counts from 1 again as its first item alone in a
    list that starts again, the others in the list it restarts: still one list."""
    content = tmp_path / example.name
    shutil.copyfile(example, content)
    before = loading.load(content)
    (resaved,) = libreoffice_resave([rebuild(content)], tmp_path / "resaved")
    result = _run(resaved, "--into", content)
    assert result.exit_code == 0, result.output
    assert loading.load(content) == before


def test_word_numbering_and_list_styles_an_editor_applies_come_back_as_lists(tmp_path) -> None:
    content, built_docx = _built(tmp_path)

    def number_and_restyle(document) -> None:  # type: ignore[no-untyped-def]
        # The Numbering button on the letter's last paragraph (Word makes it List Paragraph).
        last = styled(document, "Body Text")[-1]
        last.style = document.styles["List Paragraph"]
        _numbered(last, _word_list(document, "decimal"))
        # The summary's first bulleted list given the style List Number.
        for item in styled(document, "List Bullet")[:2]:
            item.style = document.styles["List Number"]

    changed = edited(built_docx, tmp_path / "edited.docx", number_and_restyle)
    result = _run(changed, "--into", content)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(content.read_text(encoding="utf-8"))
    body = data["letter"]["body"]
    assert body[-1] == {"numbers": ["I look forward to your active participation."]}
    assert [list(p) for p in body[1:4]] == [["bullets"], ["numbers"], ["numbers"]]
    assert [len(p["numbers"]) for p in body[2:4]] == [10, 2], "two lists, as in the Word file"
    paragraphs = data["summary"]["sections"][0]["paragraphs"]
    assert paragraphs[-2] == {
        "numbers": [
            "the need for transparency in the selection of the Secretary-General;",
            "the value of interactive dialogues with candidates.",
        ]
    }
    assert list(paragraphs[-1]) == ["bullets"]  # the list after it, left as it was
    assert "read as a bullet" not in result.output


def _typed_letter(path: Path) -> None:
    """A letter typed in Word: a bulleted and a numbered list of Word's own numbering in the
    body, a typed numbered list, and a summary with a list of Word's numbering."""
    document = docx.Document()
    document.add_paragraph("22 July 2016").alignment = 2
    document.add_paragraph("Excellency,")
    document.add_paragraph("I have the honour to inform you of the following arrangements.")
    bullets = _word_list(document, "bullet")
    numbers = _word_list(document, "decimal")
    for text in ("the hearing will be webcast;", "the list of speakers is open."):
        _numbered(document.add_paragraph(text), bullets)
    for text in ("Inscribe on the list.", "Send your statement."):
        _numbered(document.add_paragraph(text), numbers)
    document.add_paragraph("The following will also apply.")
    document.add_paragraph("1.\tStatements of three minutes.")
    document.add_paragraph("2.\tNo slides.")
    document.add_paragraph("Please accept, Excellency, the assurances of my highest consideration.")
    document.add_paragraph("Peter Thomson")
    document.add_paragraph()
    document.add_paragraph("To all Permanent Representatives")
    document.add_paragraph("New York").runs[0].add_break(docx.enum.text.WD_BREAK.PAGE)
    title = document.add_paragraph()
    title.add_run("Summary of the hearing").bold = True
    title.alignment = 1
    document.add_paragraph("18 July 2016").alignment = 1
    heading = document.add_paragraph()
    heading.add_run("Proposals").bold = True
    document.add_paragraph("Participants proposed the following steps to take in order.")
    again = _word_list(document, "decimal")
    for text in ("Map the water points.", "Publish their costs."):
        _numbered(document.add_paragraph(text, style="List Paragraph"), again)
    document.save(path)


def test_a_typed_letter_keeps_its_lists(tmp_path) -> None:
    source, target = tmp_path / "typed.docx", tmp_path / "typed.yaml"
    _typed_letter(source)
    result = _run(source, "-o", target)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["letter"]["body"] == [
        "I have the honour to inform you of the following arrangements.",
        {"bullets": ["the hearing will be webcast;", "the list of speakers is open."]},
        {"numbers": ["Inscribe on the list.", "Send your statement."]},
        "The following will also apply.",
        {"numbers": ["Statements of three minutes.", "No slides."]},
    ]
    assert data["summary"]["sections"][0]["paragraphs"][1] == {
        "numbers": ["Map the water points.", "Publish their costs."]
    }
    assert "list: paragraphs 6-7" in result.output and "(2 numbered items)" in result.output
    assert loading.load(target).letter is not None  # it builds as it is
