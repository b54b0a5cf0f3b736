"""A letter longer than one page, as the UN Correspondence Manual lays it out, in the PDF and
in LibreOffice's rendering of the Word file alike: the addressee block at the foot of the
first page, the later pages numbered (the first is not), the enclosure and copy notations
at the foot of the last page. Letters of one page keep the addressees and the notations
together at the foot of their page, unnumbered; for every example content file."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.content import loading
from hearing_docs.document import facts
from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets
from hearing_docs.word import builder
from support import EXAMPLES, ROOT, base_text, libreoffice_pdfs, pdf_pages, seed_parts, word_boxes

LONG = ROOT / "content" / "2017-01-27-two-page-letter.yaml"
LETTERS = [path for path in EXAMPLES if loading.load(path).letter]

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]


@pytest.fixture(scope="module")
def renderings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """For every example with a letter: its PDF and LibreOffice's PDF of its Word file."""
    out = tmp_path_factory.mktemp("letters")
    options = BuildOptions(formats=("pdf", "docx"), strict=True)
    built = {
        path.stem: {f.suffix: f for f in build(path, out / path.stem, options)} for path in LETTERS
    }
    converted = libreoffice_pdfs([files[".docx"] for files in built.values()], out / "lo")
    return {
        stem: (files[".pdf"], pdf)
        for (stem, files), pdf in zip(built.items(), converted, strict=True)
    }


def _lines(page_text: str) -> list[str]:
    return [" ".join(line.split()) for line in page_text.splitlines() if line.strip()]


def _letter_pages(pdf: Path, content: Path) -> list[list[str]]:
    """The lines of the letter's pages: up to the summary's title, or all of them."""
    pages = [_lines(text) for text in pdf_pages(pdf)]
    summary = loading.load(content).summary
    if summary is None:
        return pages
    title = summary.title_lines[0].split()[0]
    first = next(i for i, page in enumerate(pages) if page and _bare(page[0]).startswith(title))
    return pages[:first]


def test_the_example_runs_over_two_pages(renderings) -> None:
    for pdf in renderings[LONG.stem]:
        assert len(pdf_pages(pdf)) == 2, pdf


@pytest.mark.parametrize("content", LETTERS, ids=lambda path: path.stem)
def test_addressees_at_the_foot_of_page_one(renderings, content: Path) -> None:
    letter = loading.load(content).letter
    assert letter is not None
    notations = _notation_lines(letter)
    for pdf in renderings[content.stem]:
        pages = _letter_pages(pdf, content)
        # One page: the addressees, then the notations, end it. More: the addressees end
        # the first page, the notations (and the page number) the last.
        foot = letter.addressees + (notations if len(pages) == 1 else [])
        rtl = _right_to_left(content)
        assert _lowest_lines(pdf, 1, len(foot), rtl) == foot, pdf
        if len(pages) > 1:
            last = _lowest_lines(pdf, len(pages), len(notations) + 1, rtl)
            assert last == [*notations, str(len(pages))], pdf
            assert not set(notations) & set(pages[0]), pdf


def _lowest_lines(pdf: Path, page: int, count: int, rtl: bool = False) -> list[str]:
    """The ``count`` lowest lines of ``page``, top to bottom, from the words' positions.

    In a right-to-left document the words are read from the right, and pdftotext gives
    each word's letters in the order they are drawn, left to right: reversed here."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for word, left, top, _right, _bottom in word_boxes(pdf, page):
        lines.setdefault(round(top), []).append((left, word[::-1] if rtl else word))
    lowest = sorted(lines)[-count:]
    return [" ".join(word for _, word in sorted(lines[top], reverse=rtl)) for top in lowest]


def _right_to_left(content: Path) -> bool:
    hearing = loading.load(content)
    template_set = sets.resolve(hearing.template, sets.roots_for(content))
    return template_set.catalogue(hearing.language).direction == "rtl"


def _bare(line: str) -> str:
    """A line without the direction marks pdftotext puts around right-to-left text."""
    return line.strip("\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


def _notation_lines(letter) -> list[str]:  # type: ignore[no-untyped-def]
    lines = []
    if letter.enclosures:
        lines.append("Enclosure" if letter.enclosures == 1 else f"Enclosures ({letter.enclosures})")
    if letter.copies:
        lines += [f"cc: {letter.copies[0]}", *letter.copies[1:]]
    return lines


@pytest.mark.parametrize("content", LETTERS, ids=lambda path: path.stem)
def test_later_letter_pages_are_numbered_and_the_first_is_not(renderings, content) -> None:
    for pdf in renderings[content.stem]:
        pages = _letter_pages(pdf, content)
        assert not any(line.isdigit() for line in pages[0]), f"{pdf}: page 1 numbered"
        for number, page in enumerate(pages[1:], start=2):
            assert page[-1] == str(number), f"{pdf}: page {number} ends {page[-1]!r}"


def test_the_number_stands_where_the_summary_has_its_own(renderings) -> None:
    """Page 2 of the letter is numbered at the theme's place, as the summary's pages are."""
    seed = ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml"
    for long_pdf, seed_pdf in zip(renderings[LONG.stem], renderings[seed.stem], strict=True):
        letter = next(box for box in word_boxes(long_pdf, 2) if box[0] == "2")
        summary = next(box for box in word_boxes(seed_pdf, 2) if box[0] == "2")
        assert abs(letter[1] - summary[1]) < 0.5 and abs(letter[2] - summary[2]) < 0.5


def test_word_puts_the_notations_where_the_letter_ends() -> None:
    """On one page, under the addressees in the first page's footer; on two, above the
    number in the footer of the later pages; on more, after the signature (Word has no
    footer for a last page)."""
    hearing, template_set, images = seed_parts()
    letter = hearing.letter.replace(enclosures=2, copies=["The Chef de Cabinet"])
    noted = hearing.replace(letter=letter)

    def parts(pages: int) -> tuple[list[str], list[str], list[str]]:
        data = builder.render(noted, template_set, images, facts.derive(noted, template_set), pages)
        section = docx.Document(io.BytesIO(data)).sections[0]
        first = [p.style.name for p in section.first_page_footer.paragraphs]
        later = [p.style.name for p in section.footer.paragraphs]
        body = [p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs]
        return first, later, body[: body.index("Title")]

    first, later, body = parts(1)
    assert first == ["Addressee"] * 3 + ["Enclosure", "Copies", "Footer Space"]
    assert later == ["Footer"] and body[-2:] == ["Signature", "Signatory"]
    first, later, body = parts(2)
    assert first == ["Addressee"] * 3 + ["Footer Space"]
    assert later == ["Enclosure", "Copies", "Footer"] and body[-1] == "Signatory"
    first, later, body = parts(3)
    assert first == ["Addressee"] * 3 + ["Footer Space"]
    assert later == ["Footer"] and body[-3:] == ["Signatory", "Enclosure", "Copies"]


def test_a_word_file_built_alone_knows_how_long_its_letter_is(tmp_path) -> None:
    """Without the PDF, the build lays the letter out to count its pages all the same."""
    (alone,) = build(LONG, tmp_path, BuildOptions(formats=("docx",), strict=True))
    section = docx.Document(str(alone)).sections[0]
    assert [p.style.name for p in section.footer.paragraphs] == ["Enclosure", "Copies", "Footer"]


def test_the_summarys_notes_count_from_one_after_the_letter(tmp_path) -> None:
    """The letter's addressees and notations are footnotes of their pages too: the
    summary's notes are numbered from 1 all the same."""
    content = tmp_path / "hearing.yaml"
    content.write_text(
        base_text(
            ("    - New York\n", "    - New York\n  enclosures: 2\n"),
            ("representatives.", "representatives.^[A/RES/70/290.]"),
        ),
        encoding="utf-8",
    )
    (pdf,) = build(content, tmp_path / "out", BuildOptions(formats=("pdf",), strict=True))
    summary = _lines(pdf_pages(pdf)[1])
    assert "The hearing was attended by about 300 representatives.1" in summary, summary
    assert summary[summary.index("A/RES/70/290.") - 1] == "1", summary  # the note's number


def test_a_long_letter_imports_back_with_its_parts_in_place(tmp_path) -> None:
    """Read as a typed letter: the addressees from page 1's footer only, the notations
    from the footer of the later pages, the page number left out with a warning."""
    (built,) = build(LONG, tmp_path, BuildOptions(formats=("docx",)))
    target = tmp_path / "imported.yaml"
    result = CliRunner().invoke(main, ["import", str(built), "-o", str(target)])
    assert result.exit_code == 0, result.output
    letter = loading.load(target).letter
    original = loading.load(LONG).letter
    assert letter is not None and original is not None
    assert letter.addressees == original.addressees
    assert (letter.enclosures, letter.copies) == (original.enclosures, original.copies)
    assert letter.body == original.body
    assert 'footer paragraph 7 ("1"): not kept' in result.output


@pytest.mark.parametrize(
    "position", ["bottom-center", "bottom-right", "top-center", "top-right", "none"]
)
def test_the_letters_pages_are_numbered_where_the_theme_says(tmp_path, position) -> None:
    """Every position the theme offers builds without a warning; the letter's second page
    has its number at the top or the bottom the theme names (none: no number), the first
    page none."""
    folder = tmp_path / "templates" / "numbered"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        f"extends: un-pga\npage_numbers:\n  position: {position}\n", encoding="utf-8"
    )
    content = tmp_path / LONG.name
    content.write_text(f"template: numbered\n{LONG.read_text(encoding='utf-8')}", "utf-8")
    (pdf,) = build(content, tmp_path / "out", BuildOptions(formats=("pdf",), strict=True))
    first, second = (word_boxes(pdf, page) for page in (1, 2))
    assert not [box for box in first if box[0].isdigit() and (box[2] > 780 or box[2] < 60)]
    numbers = [box for box in second if box[0] == "2" and (box[2] > 780 or box[2] < 60)]
    if position == "none":
        assert numbers == []
    else:
        (number,) = numbers
        assert (number[2] < 60) == position.startswith("top")
