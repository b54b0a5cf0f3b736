"""The starting document of a theme, kept in the user's cache: the same DOCX, made faster.

Every example gives the same bytes whether its starting document (the theme's styles and
paper) is made or taken from the cache; a damaged entry is made again; another theme
never takes a kept entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hearing_docs
from hearing_docs.word import skeleton
from support import EXAMPLES, seed_copy

pytestmark = pytest.mark.slow


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of the user's own; the folder of starting documents in it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "hearing-docs" / "word-start"


def docx_of(content: Path, out: Path) -> bytes:
    (path,) = hearing_docs.build(content, out, formats=["docx"])
    return path.read_bytes()


def never_made(*_: object) -> bytes:
    raise AssertionError("the starting document was made again, not taken from the cache")


@pytest.mark.parametrize("content", EXAMPLES, ids=lambda path: path.stem)
def test_the_kept_start_gives_the_same_docx(
    content: Path, tmp_path: Path, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = docx_of(content, tmp_path / "made")
    assert len(list(kept.glob("*.docx"))) == 1
    monkeypatch.setattr(skeleton, "_made", never_made)
    assert docx_of(content, tmp_path / "kept") == made


@pytest.mark.parametrize(
    "damage",
    [b"", b"PK\x03\x04 not a zip", b"not a docx at all", "truncated"],
)
def test_a_damaged_entry_is_made_again(tmp_path: Path, kept: Path, damage: bytes | str) -> None:
    content = seed_copy(tmp_path / "content")
    made = docx_of(content, tmp_path / "made")
    (entry,) = kept.glob("*.docx")
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2] if damage == "truncated" else damage)
    assert docx_of(content, tmp_path / "again") == made
    assert entry.read_bytes() == whole  # made again, whole


def test_another_theme_makes_its_own_entry(tmp_path: Path, kept: Path) -> None:
    content = seed_copy(tmp_path / "content")
    plain = docx_of(content, tmp_path / "plain")
    larger = tmp_path / "content" / "templates" / "larger"
    larger.mkdir(parents=True)
    (larger / "theme.yaml").write_text("extends: un-pga\ntext:\n  size: 13pt\n", "utf-8")
    text = content.read_text(encoding="utf-8").replace("template: un-pga", "template: larger")
    content.write_text(text, encoding="utf-8")
    assert docx_of(content, tmp_path / "larger") != plain
    assert len(list(kept.glob("*.docx"))) == 2
