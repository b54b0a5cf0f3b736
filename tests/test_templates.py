"""Template sets: the search path, overrides file by file, extends, and un-pga-letter."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pypdfium2
import pytest
from docx.shared import Pt

from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets
from support import ROOT, libreoffice_pdf, pdf_pages, seed_copy

PACKAGED = ROOT / "templates"
TWIP = Pt(0.05)  # Word stores page sizes in twentieths of a point


def hearing_copy(tmp_path: Path, template: str | None = None) -> Path:
    """The seed hearing in a folder of its own, optionally with another template set."""
    changes = [] if template is None else [("template: un-pga\n", f"template: {template}\n")]
    return seed_copy(tmp_path / "content", *changes)


def page_sizes(pdf: Path) -> set[tuple[float, float]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return {tuple(round(v, 1) for v in page.get_size()) for page in document}
    finally:
        document.close()


def test_roots_search_the_given_folder_then_beside_the_content_file_then_the_packaged_sets(
    tmp_path: Path,
) -> None:
    content = hearing_copy(tmp_path)
    extra = tmp_path / "mine"
    for folder in (extra, tmp_path / "content" / "templates", tmp_path / "templates"):
        folder.mkdir()
    assert sets.roots_for(content, [extra]) == [
        extra,
        tmp_path / "content" / "templates",
        PACKAGED,
    ]


def test_packaged_root_is_the_repository_templates_in_a_source_checkout() -> None:
    assert sets.packaged_root() == PACKAGED
    assert (PACKAGED / "un-pga" / "theme.yaml").is_file()


def test_a_file_in_the_users_templates_overrides_the_packaged_one_by_name(
    tmp_path: Path,
) -> None:
    content = hearing_copy(tmp_path)
    own = tmp_path / "content" / "templates" / "un-pga"
    own.mkdir(parents=True)
    summary = (PACKAGED / "un-pga" / "summary.html").read_text(encoding="utf-8")
    (own / "summary.html").write_text(
        summary.replace('<h1 id="summary-title"', '<h1 data-own="yes" id="summary-title"'),
        encoding="utf-8",
    )
    html = build(content, tmp_path / "out", BuildOptions(formats=["html"]))[0]
    text = html.read_text(encoding="utf-8")
    assert '<h1 data-own="yes" id="summary-title"' in text
    assert '<p class="letterhead-line">THE PRESIDENT</p>' in text  # letter.html: packaged


def test_a_set_that_extends_another_changes_one_theme_value_and_one_block(
    tmp_path: Path,
) -> None:
    content = hearing_copy(tmp_path, template="geneva")
    own = tmp_path / "content" / "templates" / "geneva"
    own.mkdir(parents=True)
    (own / "theme.yaml").write_text(
        "extends: un-pga\nletterhead:\n  lines: [THE PRESIDENT, OF THE, HUMAN RIGHTS COUNCIL]\n",
        encoding="utf-8",
    )
    (own / "letter.html").write_text(
        '{% extends "un-pga/letter.html" %}\n'
        '{% block date %}<p class="date">Geneva, {{ letter.date | longdate }}</p>{% endblock %}\n',
        encoding="utf-8",
    )
    template_set = sets.resolve("geneva", sets.roots_for(content))
    assert template_set.folders == (own, PACKAGED / "un-pga")
    assert template_set.theme.letterhead.lines == [
        "THE PRESIDENT",
        "OF THE",
        "HUMAN RIGHTS COUNCIL",
    ]
    assert template_set.theme.letterhead.emblem == "emblem.png"  # from un-pga
    assert template_set.theme.page == sets.resolve("un-pga", [PACKAGED]).theme.page

    html = build(content, tmp_path / "out", BuildOptions(formats=["html"]))[0]
    text = html.read_text(encoding="utf-8")
    assert '<p class="date">Geneva, 22 July 2016</p>' in text
    assert '<p class="letterhead-line">HUMAN RIGHTS COUNCIL</p>' in text
    assert '<p class="salutation">Excellency,</p>' in text  # the other blocks: un-pga's


def test_un_pga_letter_extends_un_pga_and_changes_only_the_page() -> None:
    letter = sets.resolve("un-pga-letter", [PACKAGED])
    default = sets.resolve("un-pga", [PACKAGED])
    assert letter.folders == (PACKAGED / "un-pga-letter", PACKAGED / "un-pga")
    assert letter.theme.page.size == "letter"
    assert letter.theme.page.margin_left == 72.0
    assert letter.theme.replace(page=default.theme.page) == default.theme


@pytest.mark.slow
def test_un_pga_letter_changes_the_pdf_and_the_docx_together(
    tmp_path: Path, seed_outputs: dict[str, Path]
) -> None:
    content = hearing_copy(tmp_path, template="un-pga-letter")
    written = build(content, tmp_path / "out", BuildOptions(formats=["pdf", "docx"], strict=True))
    pdf, word = written
    assert page_sizes(seed_outputs["pdf"]) == {(595.3, 841.9)}
    assert page_sizes(pdf) == {(612.0, 792.0)}

    cm = 72 / 2.54
    for path, width, height, margins in (
        (seed_outputs["docx"], Pt(595.28), Pt(841.89), [Pt(2.75 * cm)] * 2 + [Pt(2.7 * cm)] * 2),
        (word, Pt(612), Pt(792), [Pt(72)] * 4),
    ):
        sections = docx.Document(str(path)).sections
        assert len(sections) == 2
        for section in sections:
            assert abs(section.page_width - width) <= TWIP, path
            assert abs(section.page_height - height) <= TWIP, path
            sides = ("top_margin", "bottom_margin", "left_margin", "right_margin")
            for side, margin in zip(sides, margins, strict=True):
                assert abs(getattr(section, side) - margin) <= TWIP, (path, side)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_numbered_paragraphs_number_the_summary_paragraphs_in_pdf_and_docx(
    tmp_path: Path,
) -> None:
    example = ROOT / "content" / "2027-04-06-water-and-sanitation.yaml"
    folder = tmp_path / "content"
    folder.mkdir()
    content = folder / "dialogue.yaml"
    content.write_text(
        example.read_text(encoding="utf-8").replace("template: un-pga\n", "template: dialogue\n"),
        encoding="utf-8",
    )
    own = tmp_path / "content" / "templates" / "dialogue"
    own.mkdir(parents=True)
    (own / "theme.yaml").write_text(
        "extends: un-pga\nsummary:\n  numbered_paragraphs: true\n", encoding="utf-8"
    )
    options = BuildOptions(formats=["pdf", "docx"], strict=True)
    pdf, word = build(content, tmp_path / "out", options)
    # The Word file numbers them with a real list, which LibreOffice draws the same way.
    for document in (pdf, libreoffice_pdf(word, tmp_path / "libreoffice")):
        text = "\n".join(pdf_pages(document))
        starts = re.findall(r"(?m)^(\d+)\. (\w+ \w+)", text)
        assert starts[:3] == [("1", "By its"), ("2", "The hearing"), ("3", "In her")], document
        assert [int(n) for n, _ in starts] == list(range(1, 15))  # bullets are not numbered
    styles = {p.style.name for p in docx.Document(str(word)).paragraphs}
    assert "Numbered Paragraph" in styles and "Summary Text" not in styles
