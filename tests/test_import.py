"""import --into: an edited DOCX that hearing-docs made comes back into its content file."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docx_edits import (
    EDITABLE,
    EDITS,
    EXAMPLES,
    body_text,
    built,
    edited,
    libreoffice_resave,
    rebuild,
    styled,
)
from hearing_docs.cli import main
from hearing_docs.content import loading
from hearing_docs.word import footnotes
from hearing_docs.word.styleids import StyleIds
from support import FIXTURES

pytestmark = pytest.mark.slow


def run_import(*arguments: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.mark.parametrize(
    "example", EXAMPLES + sorted((FIXTURES / "documents").glob("*.yaml")), ids=lambda p: p.stem
)
def test_an_unedited_docx_leaves_the_content_file_byte_identical(tmp_path, example) -> None:
    """Every example and test document; their texts written over several lines included."""
    content, built_docx = built(example, tmp_path)
    before = content.read_bytes()
    result = run_import(built_docx, "--into", content)
    assert result.exit_code == 0, result.output
    assert content.read_bytes() == before
    assert f"unchanged: {content}" in result.output
    assert "---" not in result.output


@pytest.mark.parametrize("example", EDITABLE, ids=lambda p: p.stem)
def test_edits_come_back_word_for_word_and_comments_stay(tmp_path, example) -> None:
    content, built_docx = built(example, tmp_path)
    before = content.read_text(encoding="utf-8")
    changed = edited(built_docx, tmp_path / "edited.docx", *EDITS)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    after = content.read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    assert "+          Participants quoted the *Global Report* of the year." in result.output
    assert f"wrote {content}" in result.output
    # The rebuilt DOCX says exactly what the edited one said, paragraph by paragraph.
    assert body_text(rebuild(content)) == body_text(changed)
    # Only what changed changed: every line of the old file that the edits did not touch stays.
    removed = [line for line in result.output.splitlines() if re.match(r"^-(?!--)", line)]
    assert len(removed) <= 12, removed


@pytest.mark.parametrize("example", EDITABLE, ids=lambda p: p.stem)
def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path, example) -> None:
    content, built_docx = built(example, tmp_path)
    before = content.read_bytes()
    changed = edited(built_docx, tmp_path / "edited.docx", rename_heading_only)
    result = run_import(changed, "--into", content, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+    - heading: Closing remarks" in result.output
    assert "dry run: nothing written" in result.output
    assert content.read_bytes() == before


def rename_heading_only(document) -> None:  # type: ignore[no-untyped-def]
    heading = styled(document, "Heading 1")[-1]
    for run in heading.runs[1:]:
        run.text = ""
    heading.runs[0].text = "Closing remarks"


@pytest.mark.libreoffice
def test_edits_after_a_libreoffice_resave_import_the_same(tmp_path) -> None:
    cases = []
    for index, example in enumerate(EDITABLE):
        folder = tmp_path / f"case{index}"
        content, built_docx = built(example, folder)
        cases.append((content, edited(built_docx, folder / f"edited{index}.docx", *EDITS)))
    resaved = libreoffice_resave([docx_file for _, docx_file in cases], tmp_path / "resaved")
    for (content, docx_file), resaved_file in zip(cases, resaved, strict=True):
        twin = content.with_name("twin.yaml")
        twin.write_bytes(content.read_bytes())
        first = run_import(docx_file, "--into", content)
        second = run_import(resaved_file, "--into", twin)
        assert first.exit_code == 0, first.output
        assert second.exit_code == 0, second.output
        assert twin.read_text(encoding="utf-8") == content.read_text(encoding="utf-8")


def _refused(tmp_path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    content, built_docx = built(EDITABLE[0], tmp_path)
    before = content.read_bytes()
    changed = edited(built_docx, tmp_path / "edited.docx", change)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert re.search(expected, lines[0]), lines[0]
    assert content.read_bytes() == before
    assert not list(tmp_path.glob(".*.part"))


def test_a_table_is_refused_and_the_content_file_untouched(tmp_path) -> None:
    def add_table(document) -> None:  # type: ignore[no-untyped-def]
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Speaker"
        styled(document, "Summary Text")[2]._p.addnext(table._tbl)

    expected = r"^Error: \S*edited\.docx: paragraph \d+ \(\"Speaker\"\): a table"
    _refused(tmp_path, add_table, expected)


def test_a_picture_in_the_text_is_refused(tmp_path) -> None:
    def add_picture(document) -> None:  # type: ignore[no-untyped-def]
        signature = EDITABLE[0].parent / "signatures" / "mogens-lykketoft.png"
        styled(document, "Summary Text")[0].add_run().add_picture(str(signature))

    _refused(tmp_path, add_picture, r"paragraph \d+ \(\"In accordance with .*\"\): a picture")


def test_a_section_break_added_by_hand_is_refused(tmp_path) -> None:
    def add_break(document) -> None:  # type: ignore[no-untyped-def]
        paragraph = styled(document, "Heading 1")[2]
        properties = paragraph._p.get_or_add_pPr()
        properties.append(parse_xml(f"<w:sectPr {nsdecls('w')}/>"))

    _refused(tmp_path, add_break, r"paragraph \d+ \(\"[^\"]+\"\): a section break added by hand")


def test_a_text_box_is_refused(tmp_path) -> None:
    def add_box(document) -> None:  # type: ignore[no-untyped-def]
        run = styled(document, "Summary Text")[1].add_run()
        run._r.append(
            parse_xml(
                f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
                "<v:shape><v:textbox><w:txbxContent>"
                "<w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></v:textbox>"
                "</v:shape></w:pict>"
            )
        )

    _refused(tmp_path, add_box, r"a text box cannot be imported")


def test_an_edit_of_the_letterhead_is_refused(tmp_path) -> None:
    def edit_letterhead(document) -> None:  # type: ignore[no-untyped-def]
        header = document.sections[0].first_page_header
        line = next(p for p in header.paragraphs if p.text == "OF THE")
        line.runs[0].text = "OF THE UNITED"

    _refused(tmp_path, edit_letterhead, r'header paragraph \d+ \("OF THE UNITED"\): the template')


def test_tracked_changes_are_read_as_accepted_and_said(tmp_path) -> None:
    content, built_docx = built(EDITABLE[0], tmp_path)

    def track(document) -> None:  # type: ignore[no-untyped-def]
        paragraph = styled(document, "Body Text")[-1]
        paragraph._p.append(
            parse_xml(
                f'<w:ins {nsdecls("w")} w:id="90" w:author="Editor"><w:r>'
                '<w:t xml:space="preserve"> Inserted words.</w:t></w:r></w:ins>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:del {nsdecls("w")} w:id="91" w:author="Editor"><w:r>'
                "<w:delText>Deleted words.</w:delText></w:r></w:del>"
            )
        )

    changed = edited(built_docx, tmp_path / "edited.docx", track)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    assert "2 tracked changes read as accepted" in result.output
    text = content.read_text(encoding="utf-8")
    assert "Please find attached the summary from the hearing. Inserted words." in text
    assert "Deleted words" not in text


def test_word_comments_are_listed(tmp_path) -> None:
    content, built_docx = built(EDITABLE[0], tmp_path)

    def comment(document) -> None:  # type: ignore[no-untyped-def]
        paragraph = styled(document, "Closing")[0]
        document.add_comment(paragraph.runs, text="Check the close.", author="Reviewer")

    changed = edited(built_docx, tmp_path / "edited.docx", comment)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    assert re.search(
        r'comment by Reviewer on paragraph \d+ \("Please accept, Excellency, the assurances '
        r'of \.\.\."\): Check the close\.',
        result.output,
    ), result.output


def test_a_docx_not_made_by_hearing_docs_points_to_o(tmp_path) -> None:
    content, _ = built(EDITABLE[0], tmp_path)
    other = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph("Excellency,")
    document.save(other)
    result = run_import(other, "--into", content)
    assert result.exit_code == 1
    assert "was not made by hearing-docs" in result.output
    assert "-o NEW.yaml" in result.output


def test_into_or_o_is_required(tmp_path) -> None:
    result = run_import(tmp_path / "x.docx")
    assert result.exit_code == 2
    assert "give either --into CONTENT.yaml or -o NEW.yaml" in result.output


def test_a_heading_left_without_paragraphs_is_a_content_error(tmp_path) -> None:
    content, built_docx = built(EDITABLE[0], tmp_path)
    before = content.read_bytes()

    def empty_heading(document) -> None:  # type: ignore[no-untyped-def]
        document.add_paragraph("Annex", style="Heading 1")

    result = run_import(edited(built_docx, tmp_path / "e.docx", empty_heading), "--into", content)
    assert result.exit_code == 1
    expected = r"Error: .*\.yaml:\d+:\d+: summary\.sections\[\d+\]\.paragraphs: "
    assert re.match(expected, result.output)
    assert content.read_bytes() == before


def test_a_second_closing_is_refused_not_lost(tmp_path) -> None:
    def second_closing(document) -> None:  # type: ignore[no-untyped-def]
        closing = styled(document, "Closing")[0]
        closing.insert_paragraph_before("With warm regards.", style="Closing")

    # The second of the two, in document order, is named.
    expected = r'paragraph \d+ \("Please accept, .*"\): a second paragraph in the style Closing'
    _refused(tmp_path, second_closing, expected)


def test_styles_an_editor_reaches_for_are_read_and_said(tmp_path) -> None:
    water = next(p for p in EXAMPLES if p.stem == "2027-04-06-water-and-sanitation")
    content, built_docx = built(water, tmp_path)

    def sub_heading_and_quote(document) -> None:  # type: ignore[no-untyped-def]
        styled(document, "Summary Text")[3].insert_paragraph_before("Voices", style="Heading 2")
        styled(document, "Body Text")[1].insert_paragraph_before("A quoted line.", style="Quote")

    changed = edited(built_docx, tmp_path / "edited.docx", sub_heading_and_quote)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    assert re.search(
        r'paragraph \d+ \("A quoted line\."\): style Quote read as letter\.body', result.output
    )
    assert re.search(
        r'paragraph \d+ \("Voices"\): style Heading 2 read as a section heading', result.output
    )
    # The paragraph that moved into the new section keeps its folding, line for line.
    assert "+          Report*, whose successive" not in result.output
    # The same text in the same order; the styles are hearing-docs' own (Heading 1, Body Text).
    texts = [text for _, text in body_text(rebuild(content))]
    assert texts == [text for _, text in body_text(changed)]


def test_a_footnote_is_refused_not_dropped(tmp_path) -> None:
    def footnote(document) -> None:  # type: ignore[no-untyped-def]
        run = styled(document, "Summary Text")[0].add_run()
        run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>'))

    _refused(
        tmp_path,
        footnote,
        r'paragraph \d+ \("In accordance with .*"\): a footnote whose note is missing',
    )


def test_a_footnote_outside_the_summarys_paragraphs_is_refused(tmp_path) -> None:
    def footnote(document) -> None:  # type: ignore[no-untyped-def]
        footnotes.call(styled(document, "Heading 1")[0], StyleIds(document)).add_run("A note.")

    _refused(tmp_path, footnote, r"a footnote cannot be imported here; footnotes belong in")


def test_a_footnote_an_editor_adds_comes_back_as_a_note_in_the_text(tmp_path) -> None:
    def footnote(document) -> None:  # type: ignore[no-untyped-def]
        note = footnotes.call(styled(document, "Summary Text")[0], StyleIds(document))
        note.add_run("General Assembly resolution ")
        note.add_run("70/290", style="Emphasis")
        note.add_run(".")

    content, built_docx = built(EDITABLE[0], tmp_path)
    result = run_import(edited(built_docx, tmp_path / "edited.docx", footnote), "--into", content)
    assert result.exit_code == 0, result.output
    summary = loading.load(content).summary
    assert summary.sections[0].paragraphs[0].endswith(".^[General Assembly resolution *70/290*.]")


def _all_paragraphs(document):  # type: ignore[no-untyped-def]
    """Every paragraph of the body, headers and footers (the notations may be in either)."""
    found = list(document.paragraphs)
    for section in document.sections:
        for part in (section.first_page_footer, section.footer):
            if not part.is_linked_to_previous:  # reading a missing footer would add one
                found += part.paragraphs
    return found


def _set_lines(paragraph, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = lines[0]
    for line in lines[1:]:
        paragraph.add_run().add_break()
        paragraph.add_run(line)


def _in_style(document, style: str):  # type: ignore[no-untyped-def]
    (paragraph,) = {
        id(p._p): p for p in _all_paragraphs(document) if p.style.name == style
    }.values()
    return paragraph


LETTER_ALONE = next(p for p in EXAMPLES if p.name == "2014-09-04-letter-alone.yaml")
SUMMARY_ALONE = next(p for p in EXAMPLES if p.name == "2016-06-08-summary-alone.yaml")


def test_edited_notations_come_back_in_the_sets_words(tmp_path) -> None:
    """The reference and its marking, the enclosure notation and the copies are read back."""
    content, built_docx = built(LETTER_ALONE, tmp_path)

    def notations(document) -> None:  # type: ignore[no-untyped-def]
        _set_lines(_in_style(document, "Reference"), ["PGA/69/MS/005", "Confidential"])
        _set_lines(_in_style(document, "Enclosure"), ["Enclosures (3)"])
        _set_lines(_in_style(document, "Copies"), ["cc: The Chef de Cabinet", "The Spokesperson"])

    changed = edited(built_docx, tmp_path / "edited.docx", notations)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    letter = yaml.safe_load(content.read_text(encoding="utf-8"))["letter"]
    assert letter["reference"] == "PGA/69/MS/005"
    assert letter["marking"] == "confidential"
    assert letter["enclosures"] == 3
    assert letter["copies"] == ["The Chef de Cabinet", "The Spokesperson"]
    # Built again, the DOCX prints what the editor left.
    rebuilt = docx.Document(str(rebuild(content)))
    assert _in_style(rebuilt, "Enclosure").text == "Enclosures (3)"


def test_deleted_notations_leave_the_content(tmp_path) -> None:
    """The marking line, the enclosure notation and the copies deleted in Word are gone."""
    content, built_docx = built(LETTER_ALONE, tmp_path)

    def delete(document) -> None:  # type: ignore[no-untyped-def]
        _set_lines(_in_style(document, "Reference"), ["PGA/69/MS/004"])
        for style in ("Enclosure", "Copies"):
            paragraph = _in_style(document, style)
            paragraph._p.getparent().remove(paragraph._p)

    changed = edited(built_docx, tmp_path / "edited.docx", delete)
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    letter = yaml.safe_load(content.read_text(encoding="utf-8"))["letter"]
    assert letter["reference"] == "PGA/69/MS/004"
    assert not {"marking", "enclosures", "copies"} & set(letter)


def test_an_edited_label_comes_back(tmp_path) -> None:
    content, built_docx = built(SUMMARY_ALONE, tmp_path)
    changed = edited(
        built_docx,
        tmp_path / "edited.docx",
        lambda document: _set_lines(_in_style(document, "Label"), ["DRAFT"]),
    )
    result = run_import(changed, "--into", content)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(content.read_text(encoding="utf-8"))["summary"]["label"] == "DRAFT"


def test_an_enclosure_line_not_in_the_sets_words_is_refused(tmp_path) -> None:
    content, built_docx = built(LETTER_ALONE, tmp_path)
    before = content.read_bytes()
    changed = edited(
        built_docx,
        tmp_path / "edited.docx",
        lambda document: _set_lines(_in_style(document, "Enclosure"), ["Two annexes"]),
    )
    result = run_import(changed, "--into", content)
    assert result.exit_code == 1
    assert re.search(
        r"footer paragraph \d+ \(\"Two annexes\"\): 'Two annexes' is not an enclosure notation "
        r"such as Enclosure or Enclosures \(2\)",
        result.output,
    ), result.output
    assert content.read_bytes() == before
