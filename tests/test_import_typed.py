"""import -o: letters typed in Word by clerks, in ten typists' habits, become content
that builds, with every word of the letter in the documents in order, nothing invented,
each part recognised reported on one line, and every word left out named in a warning."""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from docx_edits import libreoffice_resave
from hearing_docs.cli import main
from hearing_docs.commands import importing
from hearing_docs.pipeline import BuildOptions, build
from support import words
from typed_letters import LETTERS

pytestmark = pytest.mark.slow

LETTERHEAD = "THE PRESIDENT OF THE GENERAL ASSEMBLY"
PARTS = ("date", "salutation", "body", "closing", "signatory", "addressees", "summary title")


def docx_words(path: Path) -> tuple[list[str], list[str]]:
    """The words of a DOCX's body paragraphs in order, and those of its tables, page
    header and footer (read by columns or set apart, they have no place in that order)."""
    document = docx.Document(path)
    section = document.sections[0]
    apart = [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]
    apart += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words("\n".join(p.text for p in document.paragraphs)), words("\n".join(apart))


def html_words(path: Path) -> list[str]:
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"(?s)<head>.*?</head>", "", page)
    # The addressee block stands before the salutation in the HTML and is printed at the
    # foot of the page: read it where it is printed, after the signature.
    address = re.search(r"(?s)<address\b.*?</address>", page)
    if address is not None:
        page = page.replace(address.group(), "", 1)
        end = page.find('<div class="notations"')
        end = end if end >= 0 else page.find("</article>")
        page = page[:end] + address.group() + page[end:]
    # The numbers of a numbered list are printed by the style sheet, not written.
    page = re.sub(r"(?s)<ol\b.*?</ol>", _numbered, page)
    return words(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _numbered(found: re.Match[str]) -> str:
    items = iter(range(1, 1000))
    return re.sub(r"<li>", lambda _: f"<li>{next(items)}. ", found.group())


def imported(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    source = tmp_path / f"{name}.docx"
    LETTERS[name]().save(source)
    target = tmp_path / "out" / f"{name}.yaml"
    target.parent.mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    return source, target, result


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_a_typed_letter_imports_builds_and_keeps_every_word_in_order(tmp_path, name) -> None:
    source, target, result = imported(tmp_path, name)
    assert result.exit_code == 0, result.output
    assert target.is_file()
    parts = PARTS if "summary_alone" not in name else ("summary title", "summary date")
    for part in parts:
        assert re.search(rf"^{part}: (header |footer )?paragraphs? \d+", result.output, re.M), (
            part,
            result.output,
        )
    warnings = " ".join(line for line in result.output.splitlines() if line.startswith("Warning: "))
    written = build(target, tmp_path / "built", BuildOptions(formats=("html", "docx")))
    assert {path.suffix for path in written} == {".html", ".docx"}

    (typed, margins), printed = docx_words(source), html_words(tmp_path / "built" / f"{name}.html")
    # Tables, header and footer lines (a letterhead, an address) are all there, in any order.
    assert set(margins) <= set(printed) | set(words(warnings)), margins
    warned = set(words(warnings))
    letterhead = set(words(LETTERHEAD))
    matcher = difflib.SequenceMatcher(None, typed, printed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            # A typed word missing from the documents is a word a warning names.
            lost = [w for w in typed[i1:i2] if w not in warned and w not in letterhead]
            assert not lost, (lost, typed[max(0, i1 - 5) : i2], warnings)
        if tag in ("insert", "replace"):
            # A printed word that was not typed is the template's letterhead, or a date
            # written the correspondence way: nothing is invented.
            invented = [
                w for w in printed[j1:j2] if w not in letterhead and w not in typed + margins
            ]
            assert not invented, (invented, printed[max(0, j1 - 5) : j2])


def test_each_recognised_part_is_one_line_saying_where(tmp_path) -> None:
    _, target, result = imported(tmp_path, "normal_with_direct_formatting")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        'letterhead: paragraphs 1-3 "THE PRESIDENT / OF THE / GENERAL ASSEMBLY" '
        "(the template set prints its own letterhead)"
    ) in lines
    assert 'date: paragraph 6 "22 July 2016" (2016-07-22, right-aligned)' in lines
    assert 'salutation: paragraph 8 "Excellency,"' in lines
    assert (
        'venue: paragraphs 31-32 "Conference Room 4 / United Nations Headquarters, New York"'
        in lines
    )
    text = target.read_text(encoding="utf-8")
    assert "        - bullets:\n            - safe and legal pathways;\n" in text
    assert text.startswith("# Imported from normal_with_direct_formatting.docx")


def test_a_reworded_date_and_a_guess_are_warnings(tmp_path) -> None:
    _, _, result = imported(tmp_path, "spaced_out_with_inline_bold")
    assert result.exit_code == 0, result.output
    assert (
        'Warning: paragraph 4 ("Monday, 25 July 2016"): the date "Monday, 25 July 2016" '
        'will print as "25 July 2016", as correspondence writes dates'
    ) in result.output


def test_inline_italic_and_bold_become_markup(tmp_path) -> None:
    _, target, result = imported(tmp_path, "tabs_picture_and_section_break")
    assert result.exit_code == 0, result.output
    content = yaml.safe_load(target.read_text(encoding="utf-8"))
    letter = content["letter"]
    assert "the *New York Declaration for Refugees and Migrants*, adopted" in letter["body"][0]
    assert (target.parent / "tabs_picture_and_section_break-signature.png").is_file()
    assert letter["signatory"]["signature"] == "tabs_picture_and_section_break-signature.png"
    spaced = _content(tmp_path, "spaced_out_with_inline_bold")
    assert spaced["letter"]["body"][0].startswith("The hearing was **well attended**, with")


def _content(tmp_path, name):  # type: ignore[no-untyped-def]
    _, target, result = imported(tmp_path, name)
    assert result.exit_code == 0, result.output
    return yaml.safe_load(target.read_text(encoding="utf-8"))


def test_dry_run_writes_nothing(tmp_path) -> None:
    source = tmp_path / "letter.docx"
    LETTERS["word_styles_and_dashes"]().save(source)
    target = tmp_path / "new.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "+summary:" in result.output
    assert not target.exists()


@pytest.mark.libreoffice
def test_typed_letters_resaved_by_libreoffice_import_the_same(tmp_path) -> None:
    sources = []
    for name, make in sorted(LETTERS.items()):
        source = tmp_path / f"{name}.docx"
        make().save(source)
        sources.append(source)
    resaved = libreoffice_resave(sources, tmp_path / "resaved")
    for source, again in zip(sources, resaved, strict=True):
        first = importing.start(source, tmp_path / "a" / f"{source.stem}.yaml")
        second = importing.start(again, tmp_path / "b" / f"{source.stem}.yaml")
        assert first.warnings == second.warnings
        assert first.diff.replace("/a/", "/b/") == second.diff, source.stem
