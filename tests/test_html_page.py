"""The HTML stage, alone: a hearing and its template set in, the page out (no PDF, no files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearing_docs.content import loading
from hearing_docs.document import facts
from hearing_docs.errors import TemplateError
from hearing_docs.html import page
from hearing_docs.templateset import assets, sets
from support import base_text


def render(tmp_path: Path, *changes: tuple[str, str], template_dirs=()) -> str:
    content = tmp_path / "hearing.yaml"
    content.write_text(base_text(*changes), encoding="utf-8")
    hearing, source = loading.load_with_source(content)
    template_set = sets.resolve(hearing.template, sets.roots_for(content, list(template_dirs)))
    images = assets.load(hearing, source, template_set)
    return page.render(hearing, template_set, images, facts.derive(hearing, template_set))


def test_rich_fields_print_their_markup_and_plain_fields_print_as_written(tmp_path) -> None:
    html = render(
        tmp_path,
        ('salutation: "Excellency,"', 'salutation: "*Excellency*,"'),
        ("- Please find attached", "- Please find *attached* <b>now"),
        ("    - Conference Room 4", "    - Room *4*"),
    )
    assert '<p class="salutation">*Excellency*,</p>' in html
    assert "Please find <em>attached</em> &lt;b&gt;now" in html
    assert "Room *4*" in html


def test_the_metadata_are_the_documents_facts(tmp_path) -> None:
    html = render(tmp_path)
    assert "<title>Summary of the hearing</title>" in html
    assert '<meta name="author" content="Mogens Lykketoft">' in html
    assert (
        '<meta name="description" content="Letter of 22 July 2016 and summary of the hearing '
        'of 18 July 2016">'
    ) in html
    assert (
        '<meta name="keywords" content="cover letter, hearing summary, 18 July 2016, '
        'Conference Room 4">'
    ) in html
    assert '<html lang="en" dir="ltr">' in html


def test_a_misspelt_variable_names_its_template_and_line(tmp_path) -> None:
    folder = tmp_path / "templates" / "mine"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: un-pga\n", encoding="utf-8")
    (folder / "letter.html").write_text("<p>{{ leter.date }}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, ("letter:", "template: mine\nletter:"))
    (problem,) = caught.value.problems
    assert problem.file.endswith("letter.html")
    assert problem.line == 1
    assert problem.message == "'leter' is undefined; did you mean 'letter'?"
