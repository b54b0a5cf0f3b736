"""Compiled templates kept in the user's cache: the same page from the cache as
without it, never a stale one after a template is edited, and a damaged entry
compiled again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hearing_docs.pipeline import BuildOptions, render_all
from hearing_docs.templateset import sets
from support import seed_copy

pytestmark = pytest.mark.slow

HTML = BuildOptions(formats=["html"])


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "hearing-docs" / "templates"


def page(content: Path) -> bytes:
    [(kind, data)] = render_all(content, HTML).documents
    assert kind == "html"
    return data


def compiled(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*.jinja"))


def test_templates_are_compiled_once_and_give_the_same_page(tmp_path: Path, cache: Path) -> None:
    content = seed_copy(tmp_path / "work")
    first = page(content)
    kept = compiled(cache)
    assert {path.stat().st_size > 0 for path in kept} == {True}
    assert len(kept) >= 3  # base.html, letter.html, summary.html, style.css at least
    stamps = [path.stat().st_mtime_ns for path in kept]
    assert page(content) == first
    assert [path.stat().st_mtime_ns for path in compiled(cache)] == stamps  # read, not rewritten


def test_an_edited_template_is_compiled_again(tmp_path: Path, cache: Path) -> None:
    content = seed_copy(tmp_path / "work")
    own = tmp_path / "work" / "templates" / "un-pga"
    shutil.copytree(sets.packaged_root() / "un-pga", own)
    before = page(content)
    letter = own / "letter.html"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("</", "<!-- edited --></", 1), encoding="utf-8"
    )
    after = page(content)
    assert b"<!-- edited -->" in after
    assert b"<!-- edited -->" not in before


DAMAGE = {
    "empty": lambda entry: b"",
    "garbage": lambda entry: b"garbage" * 20,
    "cut in the checksum": lambda entry: entry[:12],
    "cut in the code": lambda entry: entry[: len(entry) // 2],
    "code overwritten": lambda entry: entry[:60] + b"\xff" * (len(entry) - 60),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, cache: Path, damage: str) -> None:
    content = seed_copy(tmp_path / "work")
    first = page(content)
    for path in compiled(cache):
        path.write_bytes(DAMAGE[damage](path.read_bytes()))
    assert page(content) == first


def test_a_cache_that_cannot_be_made_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = seed_copy(tmp_path / "work")
    first = page(content)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert page(content) == first
