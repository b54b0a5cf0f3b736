"""import --into over random edit sequences: whatever an editor does to the summary's
paragraphs (insert, delete, change a word, toggle italic), a rebuild from the
imported content says exactly what the edited DOCX said."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_edits import EXAMPLES, body_text, built, rebuild, styled
from hearing_docs.commands import importing

pytestmark = pytest.mark.slow

WORDS = st.sampled_from(["water", "Assembly", "the", "delegations", "2027", "O'Neill", "co-chair"])
EDIT = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 50), st.lists(WORDS, min_size=1, max_size=6)),
    st.tuples(st.just("delete"), st.integers(0, 50), st.just([])),
    st.tuples(st.just("word"), st.integers(0, 50), st.lists(WORDS, min_size=1, max_size=1)),
    st.tuples(st.just("italic"), st.integers(0, 50), st.just([])),
)


def _apply(document, edit) -> None:  # type: ignore[no-untyped-def]
    kind, index, words = edit
    paragraphs = styled(document, "Summary Text")
    paragraph = paragraphs[index % len(paragraphs)]
    if kind == "insert":
        paragraph.insert_paragraph_before(" ".join(words), style="Summary Text")
    elif kind == "delete" and _siblings(document, paragraph) > 1:  # a section keeps one
        paragraph._p.getparent().remove(paragraph._p)
    elif kind == "word":
        run = paragraph.runs[0]
        run.text = " ".join([words[0], *run.text.split(" ")[1:]])
    elif kind == "italic":
        run = paragraph.runs[-1]
        run.italic = not (run.italic or run.style.name == "Emphasis")
        run.style = None


def _siblings(document, paragraph) -> int:  # type: ignore[no-untyped-def]
    """How many paragraphs of text the section of ``paragraph`` holds."""
    sections: list[list] = [[]]  # type: ignore[type-arg]
    for each in document.paragraphs:
        if each.style.name == "Heading 1":
            sections.append([])
        elif each.style.name in ("Summary Text", "List Bullet"):
            sections[-1].append(each._p)
    return next(len(section) for section in sections if paragraph._p in section)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDIT, min_size=1, max_size=6))
def test_random_edits_round_trip(edits) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content, built_docx = built(EXAMPLES[-1], Path(folder))
        document = docx.Document(built_docx)
        for edit in edits:
            _apply(document, edit)
        changed = Path(folder) / "edited.docx"
        document.save(changed)
        importing.into(changed, content)
        assert body_text(rebuild(content)) == body_text(changed)
        # Importing the rebuilt file changes nothing more.
        again = importing.into(rebuild(content), content, dry_run=True)
        assert again.unchanged, again.diff
        shutil.rmtree(folder, ignore_errors=True)
