"""Broken templates and themes: exit 1 and one line naming the file and its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from support import ROOT, seed_copy


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the seed hearing and an editable copy of the un-pga set."""
    seed_copy(tmp_path / "content")
    shutil.copytree(ROOT / "templates" / "un-pga", tmp_path / "content" / "templates" / "un-pga")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def build_fails_with(folder: Path, expected: str) -> None:
    result = CliRunner().invoke(main, ["build", "content/hearing.yaml"])
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {expected}\n"
    assert result.stdout == ""
    assert not (folder / "output").exists()


def test_undefined_attribute_names_template_line_and_close_name(folder: Path) -> None:
    letter = folder / "content" / "templates" / "un-pga" / "letter.html"
    edit(letter, "{{ letter.salutation }}", "{{ letter.salutaton }}")
    line = line_of(letter, "letter.salutaton }}")
    build_fails_with(
        folder,
        f"content/templates/un-pga/letter.html:{line}: 'letter' has no attribute 'salutaton'; "
        "did you mean 'salutation'?",
    )


def test_undefined_theme_value_in_the_style_sheet(folder: Path) -> None:
    css = folder / "content" / "templates" / "un-pga" / "style.css"
    edit(css, "theme.letter.date_align]", "theme.letter.date_alignment]")
    line = line_of(css, "date_alignment")
    build_fails_with(
        folder,
        f"content/templates/un-pga/style.css:{line}: "
        "'theme.letter' has no attribute 'date_alignment'; "
        "did you mean 'date_align'?",
    )


def test_undefined_variable(folder: Path) -> None:
    base = folder / "content" / "templates" / "un-pga" / "base.html"
    edit(base, "<title>{{ title }}</title>", "<title>{{ titel }}</title>")
    build_fails_with(
        folder, "content/templates/un-pga/base.html:5: 'titel' is undefined; did you mean 'title'?"
    )


def test_jinja_syntax_error(folder: Path) -> None:
    summary = folder / "content" / "templates" / "un-pga" / "summary.html"
    edit(summary, "{% block meeting %}", "{% block meeting %")
    line = line_of(summary, "{% block meeting %")
    build_fails_with(
        folder,
        f"content/templates/un-pga/summary.html:{line}: "
        "expected token 'end of statement block', got '%'",
    )


def test_python_error_inside_an_expression(folder: Path) -> None:
    summary = folder / "content" / "templates" / "un-pga" / "summary.html"
    edit(summary, "{{ summary.date | longdate }}", "{{ summary.date + 1 }}")
    line = line_of(summary, "summary.date + 1")
    build_fails_with(
        folder,
        f"content/templates/un-pga/summary.html:{line}: TypeError: "
        "unsupported operand type(s) for +: 'datetime.date' and 'int'",
    )


def test_missing_include_names_the_including_line(folder: Path) -> None:
    base = folder / "content" / "templates" / "un-pga" / "base.html"
    edit(base, '{% include "summary.html" %}', '{% include "summry.html" %}')
    line = line_of(base, "summry.html")
    build_fails_with(
        folder,
        f"content/templates/un-pga/base.html:{line}: "
        "template 'summry.html' not found in the set 'un-pga'",
    )


def test_theme_value_of_the_wrong_type(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    edit(theme, "  justify: true", "  justify: maybe")
    line = line_of(theme, "justify: maybe")
    build_fails_with(
        folder,
        f"content/templates/un-pga/theme.yaml:{line}:12: summary.justify: "
        "expected true or false, got 'maybe'",
    )


def test_theme_length_without_a_unit(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    edit(theme, "  margin_top: 2.75cm", "  margin_top: 72")
    line = line_of(theme, "margin_top: 72")
    build_fails_with(
        folder,
        f"content/templates/un-pga/theme.yaml:{line}:15: page.margin_top: '72' needs a unit: "
        "write 72pt, 72in, 72cm or 72mm",
    )


def test_missing_emblem(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    edit(theme, "emblem: emblem.png", "emblem: crest.png")
    line = line_of(theme, "emblem: crest.png")
    build_fails_with(
        folder,
        f"content/templates/un-pga/theme.yaml:{line}: letterhead.emblem: "
        "emblem 'crest.png' not found in the template set 'un-pga'",
    )


def test_missing_emblem_named_by_the_set_extended(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    edit(theme, "emblem: emblem.png", "emblem: crest.png")
    own = folder / "content" / "templates" / "mine"
    own.mkdir()
    (own / "theme.yaml").write_text("extends: un-pga\npage:\n  size: a4\n", encoding="utf-8")
    edit(folder / "content" / "hearing.yaml", "template: un-pga\n", "template: mine\n")
    line = line_of(theme, "emblem: crest.png")
    build_fails_with(
        folder,
        f"content/templates/un-pga/theme.yaml:{line}: letterhead.emblem: "
        "emblem 'crest.png' not found in the template set 'mine'",
    )


def test_unknown_template_set_is_reported_at_the_content_line(folder: Path) -> None:
    content = folder / "content" / "hearing.yaml"
    edit(content, "template: un-pga\n", "template: un-pgx\n")
    line = line_of(content, "template: un-pgx")
    build_fails_with(
        folder,
        f"content/hearing.yaml:{line}:11: template: no template set named 'un-pgx' "
        f"(looked in content/templates, {ROOT / 'templates'})",
    )


def test_extends_of_an_unknown_set_is_reported_at_the_theme_line(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    theme.write_text("extends: un-pga-legal\n" + theme.read_text(encoding="utf-8"))
    build_fails_with(
        folder,
        "content/templates/un-pga/theme.yaml:1:10: extends: no template set named 'un-pga-legal' "
        f"(looked in content/templates, {ROOT / 'templates'})",
    )


def test_extends_loop(folder: Path) -> None:
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    theme.write_text("extends: un-pga\n" + theme.read_text(encoding="utf-8"))
    build_fails_with(
        folder, "content/templates/un-pga/theme.yaml:1:10: extends: 'extends: un-pga' makes a loop"
    )


def test_a_part_printed_whole_names_the_template_line(folder: Path) -> None:
    """A template older than a part of the content (here: the signatory printed whole)
    stops at its line instead of printing Python's form of the part."""
    letter = folder / "content" / "templates" / "un-pga" / "letter.html"
    edit(letter, "{{ signer.name }}", "{{ signer }}")
    line = line_of(letter, "{{ signer }}")
    build_fails_with(
        folder,
        f"content/templates/un-pga/letter.html:{line}: prints a Signatory whole, a group of "
        "fields and not text: print its fields (docs/templates.md shows how the packaged set "
        "draws each part)",
    )


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("[2016-07-18, 2016-07-19]", "Days"),
        ("2016-07", "Month"),
        ("{from: 2016-07-18, to: 2016-07-19}", "DateRange"),
    ],
)
def test_an_event_date_printed_whole_names_the_template_line(
    folder: Path, written: str, kind: str
) -> None:
    """Several days or a month printed without ``longdate`` stop at the line, as a part
    printed whole does, instead of printing Python's form of the dates."""
    edit(folder / "content" / "hearing.yaml", "  date: 2016-07-18", f"  date: {written}")
    summary = folder / "content" / "templates" / "un-pga" / "summary.html"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("{{ summary.date | longdate }}", "{{ summary.date }}"))
    # A month has an ISO form and is printed in <time>; several days, the line after.
    lines = summary.read_text(encoding="utf-8").splitlines()
    printed = [n for n, text in enumerate(lines, start=1) if "{{ summary.date }}" in text]
    line = printed[0] if kind == "Month" else printed[1]
    build_fails_with(
        folder,
        f"content/templates/un-pga/summary.html:{line}: prints a date whole ({kind}), not text: "
        "print it with | longdate (and | isodate in <time datetime>), as docs/templates.md "
        "shows",
    )
