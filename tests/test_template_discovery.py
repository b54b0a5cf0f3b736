"""Where template sets come from: the folder beside the content file, the folders
given with --templates and the packaged sets, nothing else; and build and check
say which set they used when it is not only the packaged one.

A templates/ folder further up is someone else's: at the top of the shared
temporary folder any local user can make one, and a content file in one's
downloads folder would pick up a templates/ folder in one's home.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.templateset.sets import packaged_root
from support import base_text

BASE = base_text()
PLANTED = "Dear planted reader,"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def plant_letter(root: Path) -> Path:
    """A letter template in ``root/un-pga`` that changes the salutation, attaches a file
    of the content folder to the PDF and puts a script into the HTML."""
    letter = (packaged_root() / "un-pga" / "letter.html").read_text(encoding="utf-8")
    anchor = '<p class="salutation">'
    assert anchor in letter
    planted = letter.replace(
        anchor,
        '<link rel="attachment" href="secret.txt"><script>steal()</script>'
        f'<p class="salutation">{PLANTED}</p>{anchor}',
        1,
    )
    folder = root / "un-pga"
    folder.mkdir(parents=True)
    (folder / "letter.html").write_text(planted, encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["shared-temporary-folder", "home-above-downloads"])
def test_a_templates_folder_above_the_content_folder_is_not_used(
    layout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / ("tmp" if layout.startswith("shared") else "home")
    folder = top / ("build-1234" if layout.startswith("shared") else "Downloads")
    folder.mkdir(parents=True)
    (folder / "hearing.yaml").write_text(BASE, encoding="utf-8")
    (folder / "secret.txt").write_text("the content folder's secret\n", encoding="utf-8")
    plant_letter(top / "templates")
    monkeypatch.chdir(folder)

    code, stdout, stderr = run("build", "hearing.yaml", "-o", "out")
    assert (code, stderr) == (0, "")
    assert stdout.splitlines() == [
        "wrote out/hearing.pdf",
        "wrote out/hearing.docx",
        "wrote out/hearing.html",
    ]
    html = (folder / "out" / "hearing.html").read_text(encoding="utf-8")
    assert PLANTED not in html and "<script>steal()" not in html
    assert b"secret" not in (folder / "out" / "hearing.pdf").read_bytes()

    assert run("check", "hearing.yaml") == (0, "ok hearing.yaml\n", "")


def test_a_set_beside_the_content_file_is_used_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hearing.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("shared on purpose\n", encoding="utf-8")
    plant_letter(tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    using = "using template set 'un-pga' from templates/un-pga/ (over the packaged sets)"

    code, stdout, stderr = run("build", "hearing.yaml", "-o", "out", "-f", "html")
    assert (code, stderr) == (0, "")
    assert stdout.splitlines() == [using, "wrote out/hearing.html"]
    assert PLANTED in (tmp_path / "out" / "hearing.html").read_text(encoding="utf-8")
    assert run("check", "hearing.yaml") == (0, f"{using}\nok hearing.yaml\n", "")


def test_a_set_given_with_templates_is_named_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "hearing.yaml").write_text(BASE, encoding="utf-8")
    own = tmp_path / "office"
    (own / "plain").mkdir(parents=True)
    (own / "plain" / "theme.yaml").write_text("extends: un-pga\n", encoding="utf-8")
    (tmp_path / "content" / "hearing.yaml").write_text("template: plain\n" + BASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run("check", "content/hearing.yaml", "-t", "office")
    assert code == 0
    assert stdout.splitlines() == [
        "using template set 'plain' from office/plain/ (over the packaged sets)",
        "ok content/hearing.yaml",
    ]
