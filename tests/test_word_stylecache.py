"""The Word styles of a theme, kept in the user's cache: the same DOCX, made faster.

Every example gives the same bytes whether its styles are defined or taken from the
cache; a damaged entry is defined again; another theme never takes a kept entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hearing_docs
from hearing_docs.word import styles
from support import EXAMPLES, seed_copy

pytestmark = pytest.mark.slow


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of the user's own; the folder of kept styles in it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "hearing-docs" / "word-styles"


def docx_of(content: Path, out: Path) -> bytes:
    (path,) = hearing_docs.build(content, out, formats=["docx"])
    return path.read_bytes()


def never_defined(*_: object) -> None:
    raise AssertionError("the styles were defined again, not taken from the cache")


@pytest.mark.parametrize("content", EXAMPLES, ids=lambda path: path.stem)
def test_the_kept_styles_give_the_same_docx(
    content: Path, tmp_path: Path, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    defined = docx_of(content, tmp_path / "defined")
    assert len(list(kept.glob("*.json"))) == 1
    monkeypatch.setattr(styles, "_define", never_defined)
    assert docx_of(content, tmp_path / "kept") == defined


@pytest.mark.parametrize("damage", ["", "{", '"<w:styles/>"', '"not xml"', "[1, 2]", '"<a/>"'])
def test_a_damaged_entry_is_defined_again(tmp_path: Path, kept: Path, damage: str) -> None:
    content = seed_copy(tmp_path / "content")
    defined = docx_of(content, tmp_path / "defined")
    (entry,) = kept.glob("*.json")
    entry.write_text(damage, encoding="utf-8")
    assert docx_of(content, tmp_path / "again") == defined
    assert entry.read_text(encoding="utf-8") != damage  # written again, whole


def test_another_theme_makes_its_own_entry(tmp_path: Path, kept: Path) -> None:
    content = seed_copy(tmp_path / "content")
    plain = docx_of(content, tmp_path / "plain")
    larger = tmp_path / "content" / "templates" / "larger"
    larger.mkdir(parents=True)
    (larger / "theme.yaml").write_text("extends: un-pga\ntext:\n  size: 13pt\n", "utf-8")
    text = content.read_text(encoding="utf-8").replace("template: un-pga", "template: larger")
    content.write_text(text, encoding="utf-8")
    assert docx_of(content, tmp_path / "larger") != plain
    assert len(list(kept.glob("*.json"))) == 2
