"""What each kind of document holds and records, in its example content file: a letter
alone, a summary alone, opening paragraphs without a heading, several signatories side by
side, a folder of hearings that share a defaults file, an event over two days.
(test_word_parity.py holds, for every example, that LibreOffice's rendering of the
DOCX has the PDF's pages and lines.)
"""

from __future__ import annotations

from pathlib import Path

import docx
import pikepdf
import pytest

from support import ROOT, built_strictly, pdf_pages, word_boxes

LETTER_ALONE = ROOT / "content" / "2014-09-04-letter-alone.yaml"
SUMMARY_ALONE = ROOT / "content" / "2016-06-08-summary-alone.yaml"
CO_FACILITATORS = ROOT / "content" / "2015-03-20-co-facilitators.yaml"
SESSION = ROOT / "content" / "session-69"
TWO_DAYS = SESSION / "2014-09-19-informal-meeting.yaml"
OWN_CLOSE = SESSION / "2014-10-03-interactive-dialogue.yaml"
EXAMPLES = [LETTER_ALONE, SUMMARY_ALONE, CO_FACILITATORS, TWO_DAYS, OWN_CLOSE]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every example built strictly (any WeasyPrint warning fails), and its DOCX converted."""
    return built_strictly(EXAMPLES, tmp_path_factory.mktemp("examples"))


def outline(pdf_path: Path) -> list[tuple[str, int]]:
    """Top-level and nested bookmarks: (title, page number)."""
    with pikepdf.open(pdf_path) as pdf:
        pages = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        found: list[tuple[str, int]] = []

        def walk(items) -> None:
            for item in items:
                found.append((item.title, pages[item.destination[0].objgen]))
                walk(item.children)

        with pdf.open_outline() as root:
            walk(root.root)
        return found


def info(pdf_path: Path) -> dict[str, str]:
    with pikepdf.open(pdf_path) as pdf:
        return {str(key): str(value) for key, value in pdf.docinfo.items()}


def test_a_letter_alone_is_one_page_with_the_letters_bookmark_and_title(built) -> None:
    files = built[LETTER_ALONE.stem]
    assert len(pdf_pages(files["pdf"])) == 1
    assert outline(files["pdf"]) == [("Letter of 4 September 2014", 1)]
    properties = info(files["pdf"])
    assert properties["/Title"] == "Letter of 4 September 2014"
    assert properties["/Subject"] == "Letter of 4 September 2014"
    assert properties["/Author"] == "Hiroshi Tanaka-Mensah"
    assert properties["/Keywords"] == "cover letter"
    core = docx.Document(str(files["docx"])).core_properties
    assert (core.title, core.subject, core.keywords) == (
        "Letter of 4 September 2014",
        "Letter of 4 September 2014",
        "cover letter",
    )
    assert len(docx.Document(str(files["docx"])).sections) == 1
    # The title line under the name, the reference with its marking, the notations: in both.
    for pdf in (files["pdf"], files["lo"]):
        text = pdf_pages(pdf)[0]
        assert "Hiroshi Tanaka-Mensah\nPresident of the sixty-ninth session of the" in text
        assert "4 September 2014\nPGA/69/MS/004\nPersonal\nExcellency," in text
        assert text.rstrip().endswith(
            "New York\nEnclosures (2)\ncc: The Secretary-General\nThe Chef de Cabinet"
        ), "the notations at the foot of the page, under the addressees"


def test_a_summary_alone_is_numbered_from_one_and_has_no_letter(built) -> None:
    files = built[SUMMARY_ALONE.stem]
    pages = pdf_pages(files["pdf"])
    assert pages[0].split()[-1] == "1", "the page number at the foot of the first page"
    assert pdf_pages(files["lo"])[0].split()[-1] == "1"
    assert "Excellency" not in pages[0] and "THE PRESIDENT" not in pages[0]
    assert "8\u201310 June 2016" in pages[0]
    assert "New York\nInformal summary\n" in pages[0], "the label under the venue"
    titles = [title for title, _ in outline(files["pdf"])]
    assert titles[0].startswith("Summary of the President")
    assert "Letter" not in " ".join(titles)
    properties = info(files["pdf"])
    assert properties["/Subject"] == "Summary of the interactive dialogue of 8\u201310 June 2016"
    assert "/Author" not in properties
    assert docx.Document(str(files["docx"])).core_properties.author == ""


def test_opening_paragraphs_have_no_heading_no_bookmark_and_no_gap(built) -> None:
    files = built[SUMMARY_ALONE.stem]
    titles = [title for title, _ in outline(files["pdf"])]
    assert titles[1:] == ["Opening of the dialogue", "Main points of the discussion", "Closing"]
    document = docx.Document(str(files["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == titles[1:]
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:6] == [
        "Title",
        "Meeting Date",
        "Venue",
        "Label",
        "Summary Text",
        "Summary Text",
    ]
    html = files["html"].read_text(encoding="utf-8")
    assert "<h2></h2>" not in html and html.count("<h2>") == 3


def test_several_signatories_stand_side_by_side(built) -> None:
    files = built[CO_FACILITATORS.stem]
    for pdf in (files["pdf"], files["lo"]):
        boxes = {word: (x0, y0) for word, x0, y0, _, _ in word_boxes(pdf, 1)}
        first = [boxes[name] for name in ("Ingrid", "Tomás", "Nour")]
        assert len({round(y) for _, y in first}) == 1, f"one line in {pdf.name}: {first}"
        lefts = [x for x, _ in first]
        assert lefts == sorted(lefts) and lefts[1] - lefts[0] > 100, pdf.name
    assert info(files["pdf"])["/Author"] == (
        "Ingrid Solberg-Achebe, Tomás Uribe Castellanos, Nour El-Khatib"
    )
    table = docx.Document(str(files["docx"])).tables[0]
    assert [[p.style.name for p in cell.paragraphs] for cell in table.rows[0].cells] == [
        ["Side Signature", "Side Signatory", "Side Signatory Title", "Side Signatory Title"]
    ] * 3


def test_a_session_folders_letters_take_the_defaults_and_keep_their_own(built) -> None:
    """The signatory, title, signature, close and addressees of hearing-docs.yaml, in
    every output; a close given in the content file instead of the default's."""
    for example, close in (
        (TWO_DAYS, "the assurances of my highest"),
        (OWN_CLOSE, "the renewed assurances of my highest"),
    ):
        files = built[example.stem]
        for pdf in (files["pdf"], files["lo"]):
            letter = pdf_pages(pdf)[0]
            assert f"Please accept, Excellency, {close} consideration." in letter, pdf.name
            assert "Hiroshi Tanaka-Mensah\nPresident of the sixty-ninth session of the" in letter
            assert letter.rstrip().endswith("Observers to the United Nations\nNew York")
        assert info(files["pdf"])["/Author"] == "Hiroshi Tanaka-Mensah"
        document = docx.Document(str(files["docx"]))
        assert [p.style.name for p in document.paragraphs if p.text == "Excellency,"] == [
            "Salutation"
        ]
        with pikepdf.open(files["pdf"]) as pdf:
            assert len(pdf.pages[0].get_images()) >= 2, "the emblem and the defaults' signature"
        assert 'alt="A handwritten signature in black ink."' in files["html"].read_text("utf-8")


def test_an_event_over_two_days_summarised_by_month_with_a_label(built) -> None:
    files = built[TWO_DAYS.stem]
    for pdf in (files["pdf"], files["lo"]):
        pages = pdf_pages(pdf)
        assert "held on 11 and 12 September 2014" in pages[0].replace("\n", " ")
        assert "of work\nSeptember 2014\nTrusteeship Council Chamber" in pages[1], pdf.name
        assert "New York\nInformal summary\n" in pages[1], "the label under the venue"
    assert info(files["pdf"])["/Subject"] == (
        "Letter of 19 September 2014 and summary of the informal meeting of September 2014"
    )
    html = files["html"].read_text(encoding="utf-8")
    assert '<time datetime="2014-09">September 2014</time>' in html
    days = built[OWN_CLOSE.stem]
    assert "29 September and 1 October 2014" in pdf_pages(days["pdf"])[1]
    assert "29 September and 1 October 2014" in pdf_pages(days["lo"])[1]
