"""One font configuration for a process's PDFs: reused while the fonts stay as they were,
never carrying one document's ``@font-face`` fonts to the next, and the same bytes out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hearing_docs.fonts import fontconfig
from hearing_docs.pdf import fontmap, writer
from hearing_docs.pipeline import BuildOptions, render_all
from support import SEED_CONTENT

pytestmark = pytest.mark.slow

PLAIN = "<html lang='en'><body><p>Excellency,</p></body></html>"


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The font configuration of every layout, in order, starting from none kept."""
    seen: list[object] = []
    done = fontmap.done

    def record(config: object) -> None:
        seen.append(config)
        done(config)

    monkeypatch.setattr(fontmap, "done", record)
    monkeypatch.setattr(fontmap._kept, "config", None, raising=False)
    return seen


def test_layouts_in_one_process_share_one_font_configuration(
    tmp_path: Path, used: list[object]
) -> None:
    for _ in range(3):
        writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    assert len(used) == 3
    assert used[0] is used[1] is used[2]


def test_a_change_to_the_fonts_gives_a_new_configuration(
    tmp_path: Path, used: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    # A font installed: fontconfig.state (folder times, cache, settings) reads otherwise.
    monkeypatch.setattr(fontconfig, "state", lambda: ["a font was installed"])
    writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    assert used[0] is not used[1]
    assert used[1] is used[2]


def test_a_document_with_font_faces_does_not_pass_them_on(
    tmp_path: Path, used: list[object]
) -> None:
    face = fontconfig.match("Liberation Serif", bold=False, italic=False)
    assert face is not None
    shutil.copy(face[0], tmp_path / "own.ttf")
    with_face = (
        "<html lang='en'><head><style>@font-face { font-family: Own; src: url(own.ttf) }"
        "p { font-family: Own }</style></head><body><p>Excellency,</p></body></html>"
    )
    writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    writer.count_letter_pages(with_face, tmp_path, [], strict=True)
    writer.count_letter_pages(PLAIN, tmp_path, [], strict=True)
    plain, own, after = used
    assert plain is own  # a configuration without fonts of its own was laid out with
    assert getattr(own, "added_fonts", False)
    assert after is not own  # and forgotten once the document had added its fonts


def test_the_kept_configuration_gives_the_same_pdf(used: list[object]) -> None:
    options = BuildOptions(formats=("pdf",))
    [(_, first)] = render_all(SEED_CONTENT, options).documents
    [(_, again)] = render_all(SEED_CONTENT, options).documents
    assert used[0] is used[-1]
    assert again == first
