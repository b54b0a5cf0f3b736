"""hearing-docs new: a working folder that builds at once, and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.commands.new import EXAMPLE, TEMPLATES_README
from support import ROOT, SEED_CONTENT

PACKAGED_SET = ROOT / "templates" / "un-pga"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_new_makes_content_templates_and_output(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "hearing")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"created hearing/content/{EXAMPLE}",
        "created hearing/content/hearing-docs.schema.json",
        "created hearing/content/signatures/mogens-lykketoft.png",
        "created hearing/content/templates/README.txt",
        "created hearing/output/",
        "next: cd hearing && hearing-docs build",
    ]
    folder = tmp_path / "hearing"
    assert files_under(folder) == [
        "content",
        f"content/{EXAMPLE}",
        "content/hearing-docs.schema.json",
        "content/signatures",
        "content/signatures/mogens-lykketoft.png",
        "content/templates",
        "content/templates/README.txt",
        "output",
    ]
    example = (folder / "content" / EXAMPLE).read_text(encoding="utf-8")
    assert example.startswith(
        "# yaml-language-server: $schema=hearing-docs.schema.json\n"
        "# Your first hearing: a copy of the example"
    )
    assert example.endswith(SEED_CONTENT.read_text(encoding="utf-8"))
    assert (folder / "content" / "signatures" / "mogens-lykketoft.png").read_bytes() == (
        SEED_CONTENT.parent / "signatures" / "mogens-lykketoft.png"
    ).read_bytes()
    readme = folder / "content" / "templates" / "README.txt"
    assert readme.read_text(encoding="utf-8") == TEMPLATES_README


@pytest.mark.slow
def test_the_new_folder_builds_at_once_with_its_copied_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "hearing", "--copy-template").exit_code == 0
    copied = tmp_path / "hearing" / "content" / "templates" / "un-pga"
    packaged = sorted(p.relative_to(PACKAGED_SET) for p in PACKAGED_SET.rglob("*") if p.is_file())
    assert sorted(p.relative_to(copied) for p in copied.rglob("*") if p.is_file()) == packaged
    for path in packaged:
        assert (copied / path).read_bytes() == (PACKAGED_SET / path).read_bytes()
    # The copy is what builds: a change to it shows in the output.
    english = copied / "text" / "en.yaml"
    english.write_text(
        english.read_text(encoding="utf-8").replace("GENERAL ASSEMBLY]", "HUMAN RIGHTS COUNCIL]"),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "hearing")
    result = run("build")
    assert result.exit_code == 0, result.output
    stem = Path(EXAMPLE).stem
    assert result.stdout.splitlines() == [
        "using template set 'un-pga' from content/templates/un-pga/ (over the packaged sets)",
        f"wrote output/{stem}.pdf",
        f"wrote output/{stem}.docx",
        f"wrote output/{stem}.html",
    ]
    html = (tmp_path / "hearing" / "output" / f"{stem}.html").read_text(encoding="utf-8")
    assert '<p class="letterhead-line">HUMAN RIGHTS COUNCIL</p>' in html


def test_new_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "hearing" / "content" / "templates" / "README.txt"
    readme.parent.mkdir(parents=True)
    readme.write_text("my notes\n", encoding="utf-8")
    result = run("new", "hearing")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: hearing/content/templates/README.txt: already exists; nothing was written\n"
    )
    assert result.stdout == ""
    assert readme.read_text(encoding="utf-8") == "my notes\n"
    assert files_under(tmp_path / "hearing") == [
        "content",
        "content/templates",
        "content/templates/README.txt",
    ]


def test_new_twice_refuses_at_the_first_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "hearing").exit_code == 0
    result = run("new", "hearing", "--copy-template")
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: hearing/content/{EXAMPLE}: already exists; nothing was written\n"
    )
    assert not (tmp_path / "hearing" / "content" / "templates" / "un-pga").exists()


def test_a_file_where_a_folder_goes_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hearing").mkdir()
    (tmp_path / "hearing" / "output").write_text("", encoding="utf-8")
    result = run("new", "hearing")
    assert result.exit_code == 1
    assert result.stderr == "Error: hearing/output: already exists; nothing was written\n"
    assert files_under(tmp_path / "hearing") == ["output"]
