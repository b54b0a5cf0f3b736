"""Line and paragraph separators (U+2028, U+2029, NEL) are line ends: the model makes them
"\\n", so every output treats them as it treats a line end of that field (a space in a
paragraph, a line break in the title), and no output draws a box for them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from hearing_docs.content import loading
from hearing_docs.pipeline import BuildOptions, build
from support import BASE_CONTENT, require

pytestmark = pytest.mark.slow  # builds documents or starts programs

BASE = BASE_CONTENT.read_text(encoding="utf-8")
SEPARATORS = {"line separator": "\\u2028", "paragraph separator": "\\u2029", "NEL": "\\x85"}


def with_separator(tmp_path: Path, escape: str) -> Path:
    content = tmp_path / "hearing.yaml"
    text = BASE.replace(
        "    - Please find attached the summary from the hearing.",
        f'    - "Please find attached{escape}the summary from the hearing."',
    ).replace("  title: Summary of the hearing", f'  title: "Summary of{escape}the hearing"')
    content.write_text(text, encoding="utf-8")
    return content


@pytest.mark.parametrize("escape", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_a_separator_is_a_line_end_in_every_output(tmp_path: Path, escape: str) -> None:
    content = with_separator(tmp_path, escape)
    hearing = loading.load(content)
    # a paragraph's line ends are spaces; the title's are line breaks
    assert hearing.letter.body[0] == "Please find attached the summary from the hearing."
    assert hearing.summary.title == "Summary of\nthe hearing"

    # strict: a glyph WeasyPrint cannot find would be a warning, and fail the build
    pdf, word, html = build(content, tmp_path / "out", BuildOptions(strict=True))
    separator = escape.encode().decode("unicode_escape")
    page = html.read_text(encoding="utf-8")
    assert separator not in page
    assert "Please find attached the summary from the hearing." in page
    document = docx.Document(str(word))
    texts = [p.text for p in document.paragraphs]
    assert "Please find attached the summary from the hearing." in texts
    assert "Summary of\nthe hearing" in texts  # python-docx reads the title's break as "\n"
    tool = require("pdftotext", "poppler-utils")
    printed = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True)
    assert separator not in printed.stdout
    assert "Please find attached the summary from the hearing." in printed.stdout
    assert "Summary of\nthe hearing" in printed.stdout


def test_characters_no_renderer_draws_need_no_glyph(tmp_path: Path) -> None:
    """A word joiner and a variation selector are in no face of the theme; they are
    default-ignorable (never drawn), so the glyph check lets them through, in the content
    and in a template set's words."""
    import hearing_docs
    from support import seed_copy

    content = seed_copy(
        tmp_path / "content", ('salutation: "Excellency,"', 'salutation: "Excel\u2060lency\ufe0f,"')
    )
    assert "\u2060" in content.read_text(encoding="utf-8")
    words = tmp_path / "content" / "templates" / "mine"
    (words / "text").mkdir(parents=True)
    (words / "theme.yaml").write_text("extends: un-pga\n", encoding="utf-8")
    (words / "text" / "en.yaml").write_text(
        "letterhead: [THE PRESIDENT\u2060, OF THE GENERAL ASSEMBLY]\n", encoding="utf-8"
    )
    text = content.read_text(encoding="utf-8").replace("template: un-pga", "template: mine")
    content.write_text(text, encoding="utf-8")
    assert hearing_docs.check(content) == []
