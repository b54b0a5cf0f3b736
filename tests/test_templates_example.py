"""The second example hearing builds with the packaged templates, and what it adds
over the first (four letter paragraphs, another close, bullets, an italic title,
more sections) reaches the PDF, the DOCX and the HTML."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from hearing_docs.content import loading
from hearing_docs.content.model import BulletList
from hearing_docs.pipeline import BuildOptions, build
from support import ROOT, SEED_CONTENT, pdf_pages, require, words

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "content" / "2027-04-06-water-and-sanitation.yaml"
PUBLICATION = "United Nations World Water Development Report"
CLOSING = "Please accept, Excellency, the assurance of my highest consideration."


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("example")
    return {p.suffix[1:]: p for p in build(EXAMPLE, out, BuildOptions(strict=True))}


def test_the_example_differs_from_the_seed_where_the_issue_asks() -> None:
    hearing, seed = loading.load(EXAMPLE), loading.load(SEED_CONTENT)
    assert len(hearing.letter.body) == 4
    assert hearing.letter.closing == CLOSING != seed.letter.closing
    assert len(hearing.summary.sections) == 9 > len(seed.summary.sections)
    lists = [p for s in hearing.summary.sections for p in s.paragraphs if isinstance(p, BulletList)]
    assert [len(x.bullets) for x in lists] == [3, 3]
    assert any(f"*{PUBLICATION}*" in p for s in hearing.summary.sections for p in s.paragraphs)


def test_html_has_the_list_and_the_italic_title(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text(encoding="utf-8")
    assert html.count("<ul>") == 2
    assert html.count("<li>") == 6
    assert f"<em>{PUBLICATION}</em>" in html
    assert f'<p class="closing">{CLOSING}</p>' in html
    assert html.count('<p class="body">') == 4
    assert html.count("<h2>") == 9


def test_docx_has_the_list_and_the_italic_title(outputs: dict[str, Path]) -> None:
    paragraphs = docx.Document(str(outputs["docx"])).paragraphs
    styles = [p.style.name for p in paragraphs]
    assert styles.count("Body Text") == 4
    assert styles.count("List Bullet") == 6
    assert styles.count("Heading 1") == 9
    italic = [r.text for p in paragraphs for r in p.runs if r.style.name == "Emphasis"]
    assert italic == [PUBLICATION]
    assert [p.text for p in paragraphs if p.style.name == "Closing"] == [CLOSING]


def test_pdf_has_every_word_and_an_italic_face(outputs: dict[str, Path]) -> None:
    pages = pdf_pages(outputs["pdf"])
    assert len(pages) == 3
    text = "\n".join(pages)
    for phrase in (CLOSING, PUBLICATION, "regular testing of water quality", "Closing segment"):
        assert " ".join(words(phrase)) in " ".join(words(text))
    assert text.count("\u2022") == 6  # the bullets
    fonts = subprocess.run(
        [require("pdffonts", "poppler-utils"), str(outputs["pdf"])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "+Liberation-Serif-Italic " in fonts
