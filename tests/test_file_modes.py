"""Permissions of the outputs: a new file follows the umask, as any program's would; a
rebuild keeps the mode its owner gave the file it replaces. And the lines that name the
files written escape control characters in those names, as error lines do."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.pipeline import BuildOptions, build
from support import BASE_CONTENT

pytestmark = pytest.mark.slow  # builds documents or starts programs

BASE = BASE_CONTENT.read_text(encoding="utf-8")
TWO_FORMATS = BuildOptions(formats=("html", "docx"))


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_outputs_follow_the_umask(
    tmp_path: Path, umask: None, mask: int, expected: int
) -> None:
    content = tmp_path / "hearing.yaml"
    content.write_text(BASE, encoding="utf-8")
    os.umask(mask)
    written = build(content, tmp_path / "out", TWO_FORMATS)
    assert [mode(path) for path in written] == [expected] * len(written)


def test_a_rebuild_keeps_the_mode_the_owner_set(tmp_path: Path, umask: None) -> None:
    content = tmp_path / "hearing.yaml"
    content.write_text(BASE, encoding="utf-8")
    os.umask(0o022)
    docx_file, html_file = build(content, tmp_path / "out", TWO_FORMATS)
    docx_file.chmod(0o600)
    html_file.chmod(0o640)
    content.write_text(BASE.replace("Excellency,", "Excellencies,"), encoding="utf-8")
    assert build(content, tmp_path / "out", TWO_FORMATS) == [docx_file, html_file]
    assert "Excellencies," in html_file.read_text(encoding="utf-8")
    assert (mode(docx_file), mode(html_file)) == (0o600, 0o640)


def test_control_characters_in_file_names_are_escaped_in_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "red\x1b[31m\rwrote x.yaml"  # an escape sequence, and a carriage return
    Path(name).write_text(BASE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", name, "-o", "out", "-f", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote out/red\\x1b[31m\\rwrote x.html\n"
    result = CliRunner().invoke(main, ["check", name])
    assert result.stdout == "ok red\\x1b[31m\\rwrote x.yaml\n"
