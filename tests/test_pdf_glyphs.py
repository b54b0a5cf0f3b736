"""A character the theme's fonts cannot draw stops the build before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.content import loading
from hearing_docs.errors import ContentError
from hearing_docs.fonts import glyphs
from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets

HEARING = """\
language: en
letter:
  date: 2016-07-22
  salutation: "Excellency,"
  body:
    - >-
      Please find attached the summary
      of the hearing {body}.
  closing: Please accept the assurances of my highest consideration.
  signatory: {{name: Mogens Lykketoft}}
  addressees: [To all Permanent Representatives, New York]
summary:
  title: Summary of the hearing
  date: 2016-07-18
  venue: [Conference Room 4]
  sections:
    - heading: {heading}
      paragraphs:
        - "{paragraph}"
"""
FONTS = "Times New Roman, Liberation Serif"


def hearing_file(tmp_path: Path, body="today", heading="Overview", paragraph="Text.") -> Path:
    path = tmp_path / "hearing.yaml"
    text = HEARING.format(body=body, heading=heading, paragraph=paragraph)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    hearing, source = loading.load_with_source(path)
    theme = sets.resolve(hearing.template, sets.roots_for(path)).theme
    with pytest.raises(ContentError) as caught:
        glyphs.check(hearing, source, theme)
    return [str(problem) for problem in caught.value.problems]


def test_the_error_names_character_code_point_field_line_and_column(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, body="on *snow* \u2603 days")
    assert problems_of(path) == [
        f"{path}:8:32: letter.body[0]: character '\u2603' (U+2603) has no glyph in {FONTS}"
    ]


def test_each_missing_character_of_each_field_is_reported_once_with_its_face(
    tmp_path: Path,
) -> None:
    path = hearing_file(tmp_path, heading="Snow \u2603 and \u2603 \u0e01", paragraph="*\u2603*")
    assert problems_of(path) == [
        f"{path}:17:21: summary.sections[0].heading: character '\u2603' (U+2603) "
        f"has no glyph in {FONTS} (bold)",
        # A Thai letter is looked for in the faces of the complex scripts only, as Word does.
        f"{path}:17:29: summary.sections[0].heading: character '\u0e01' (U+0E01) "
        "has no glyph in Amiri (bold)",
        f"{path}:19:13: summary.sections[0].paragraphs[0]: character '\u2603' (U+2603) "
        f"has no glyph in {FONTS} (italic)",
    ]


def test_a_character_written_as_an_escape_points_at_its_field(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, paragraph="A \\u2603 here")
    assert problems_of(path) == [
        f"{path}:19:11: summary.sections[0].paragraphs[0]: character '\u2603' (U+2603) "
        f"has no glyph in {FONTS}"
    ]


def test_letters_punctuation_and_spaces_of_european_languages_pass(tmp_path: Path) -> None:
    text = (
        "Déjà vu \u2013 “quoted” \u2018text\u2019 … € § Ñandú Łódź Ærø çà ß"
        "\u00a0non-breaking\u00adsoft"
    )
    path = hearing_file(tmp_path, paragraph=text)
    hearing, source = loading.load_with_source(path)
    theme = sets.resolve(hearing.template, sets.roots_for(path)).theme
    assert glyphs.check(hearing, source, theme) is None
    # The same text with one character the fonts lack: that one alone is reported, so the
    # check did read every character of the field above.
    path = hearing_file(tmp_path, paragraph=text + " ☃")
    (problem,) = problems_of(path)
    assert "character '☃' (U+2603) has no glyph" in problem
    assert problem.startswith(f"{path}:19:")


def test_arabic_and_chinese_are_drawn_by_their_own_faces_in_any_document(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, body="of Ms. \u0646\u0648\u0631 and Mr. \u738b\u6d77\uff0c")
    hearing, source = loading.load_with_source(path)
    theme = sets.resolve(hearing.template, sets.roots_for(path)).theme
    glyphs.check(hearing, source, theme)
    assert glyphs.fonts_for("\u0646", theme) == ["Amiri"]
    assert glyphs.fonts_for("\uff0c", theme) == ["Noto Serif CJK SC"]
    assert glyphs.fonts_for("\u0416", theme) == ["Times New Roman", "Liberation Serif"]


def test_a_theme_naming_a_font_with_the_glyph_lets_the_build_through(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, body="on \u2603 days")
    path.write_text("template: wide\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    wide = tmp_path / "templates" / "wide"
    wide.mkdir(parents=True)
    (wide / "theme.yaml").write_text(
        "extends: un-pga\ntext:\n  fonts: [Liberation Serif, DejaVu Sans]\n", encoding="utf-8"
    )
    written = build(path, tmp_path / "out", BuildOptions(formats=("html",)))
    assert [p.name for p in written] == ["hearing.html"]


def test_the_build_fails_and_writes_nothing(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, heading="Snow \u2603")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:17:21: summary.sections[0].heading: character '\u2603' (U+2603) "
        f"has no glyph in {FONTS} (bold)\n"
    )
    assert not out.exists()


def test_the_text_of_a_footnote_is_checked_too(tmp_path: Path) -> None:
    path = hearing_file(tmp_path, paragraph="Text.^[A note on *snow* \u2603.]")
    assert problems_of(path) == [
        f"{path}:19:36: summary.sections[0].paragraphs[0]: character '\u2603' (U+2603) "
        f"has no glyph in {FONTS}"
    ]
