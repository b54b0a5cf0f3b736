"""Whether Babel knows a language, kept in the user's cache: Babel's answer, asked once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hearing_docs import installed
from hearing_docs.content import locales


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of the user's own; the folder of known languages in it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "hearing-docs" / "languages"


def test_a_language_babel_knows_is_kept_and_answered_without_babel(
    tmp_path: Path, kept: Path
) -> None:
    assert locales.known("es-MX")
    (entry,) = kept.glob("*.json")
    assert "es-MX" in entry.read_text(encoding="utf-8")
    code = (
        "import sys; from hearing_docs.content import locales; "
        "print(locales.known('es-MX'), 'babel' in sys.modules)"
    )
    environment = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    assert done.stdout.split() == ["True", "False"]


@pytest.mark.parametrize("tag", ["zz", "en-QQ", "xx-Latn"])
def test_a_language_babel_does_not_know_is_refused_and_never_kept(kept: Path, tag: str) -> None:
    assert not locales.known(tag)
    assert not locales.known(tag)
    assert not any(tag in entry.read_text(encoding="utf-8") for entry in kept.glob("*.json"))


@pytest.mark.parametrize("damage", ["", "{", '"en"', "[1]", '{"en": true}'])
def test_a_damaged_entry_asks_babel_again(kept: Path, damage: str) -> None:
    assert locales.known("fr")
    (entry,) = kept.glob("*.json")
    entry.write_text(damage, encoding="utf-8")
    assert locales.known("fr")
    assert "fr" in entry.read_text(encoding="utf-8")


def test_a_tag_kept_for_one_babel_is_asked_of_another(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locales.known("fr")
    identity = installed.identity("babel")
    monkeypatch.setattr(installed, "identity", lambda package: ["another", identity])
    assert locales.known("fr")
    assert len(list(kept.glob("*.json"))) == 2
