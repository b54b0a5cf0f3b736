"""The command line: exit codes, output lines and exact error lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs import __version__
from hearing_docs.cli import main
from hearing_docs.errors import shown_path
from hearing_docs.output.manifest import NAME as MANIFEST
from support import SEED_CONTENT, seed_copy


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write(tmp_path: Path, text: str, name: str = "hearing.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def seed_with(old: str, new: str, tmp_path: Path) -> Path:
    return seed_copy(tmp_path, (old, new))


@pytest.mark.slow
def test_build_writes_three_files_and_says_so(tmp_path: Path) -> None:
    result = run("build", str(SEED_CONTENT), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    stem = SEED_CONTENT.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        MANIFEST,
        f"{stem}.docx",
        f"{stem}.html",
        f"{stem}.pdf",
    ]
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / stem}.pdf",
        f"wrote {tmp_path / stem}.docx",
        f"wrote {tmp_path / stem}.html",
    ]


@pytest.mark.slow
def test_build_one_format(tmp_path: Path) -> None:
    result = run("build", str(SEED_CONTENT), "-o", str(tmp_path), "--format", "docx")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, f"{SEED_CONTENT.stem}.docx"]


def test_yaml_syntax_error_is_one_line(tmp_path: Path) -> None:
    path = seed_with('  salutation: "Excellency,"', ' salutation: "Excellency,"', tmp_path)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:17:2: YAML syntax error: expected <block end>, "
        "but found '<block mapping start>' (while parsing a block mapping)\n"
    )
    assert not (tmp_path / "out").exists()


def test_missing_field_is_one_line(tmp_path: Path) -> None:
    path = seed_with('  salutation: "Excellency,"\n', "", tmp_path)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:14:1: letter.salutation: required field is missing\n"
    assert not (tmp_path / "out").exists()


def test_wrong_type_is_one_line(tmp_path: Path) -> None:
    path = seed_with("  date: 2016-07-22", "  date: [2016, 7, 22]", tmp_path)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:16:9: letter.date: expected one day, got a list: "
        "write it as YYYY-MM-DD, e.g. 2016-07-22\n"
    )


def test_number_where_text_is_expected(tmp_path: Path) -> None:
    path = seed_with("    name: Mogens Lykketoft", "    name: 1945", tmp_path)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:31:11: letter.signatory.name: expected text, got a number (1945); "
        "put it in quotes if it is text\n"
    )


def test_several_problems_are_counted_on_one_line_and_listed_by_check(tmp_path: Path) -> None:
    path = write(tmp_path, "langauge: en\nletter: {}\n")
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:1:1: langauge: unknown field 'langauge'; did you mean 'language'? "
        "(and 5 more problems)\n"
    )
    checked = run("check", str(path))
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [
        f"Error: {path}:1:1: langauge: unknown field 'langauge'; did you mean 'language'?",
        f"Error: {path}:2:1: letter.date: required field is missing",
        f"Error: {path}:2:1: letter.salutation: required field is missing",
        f"Error: {path}:2:1: letter.body: required field is missing",
        f"Error: {path}:2:1: letter.closing: required field is missing",
        f"Error: {path}:2:1: letter.addressees: required field is missing",
    ]


def test_check_accepts_the_seed() -> None:
    result = run("check", str(SEED_CONTENT))
    assert result.exit_code == 0
    assert result.stdout == f"ok {shown_path(SEED_CONTENT)}\n"


def test_bad_flag_exits_2(tmp_path: Path) -> None:
    result = run("build", str(SEED_CONTENT), "--format", "odt")
    assert result.exit_code == 2
    assert "'odt': choose one or more of pdf, docx, html, separated by commas" in result.stderr


def test_help_and_version() -> None:
    assert "Build CONTENT files" in run("build", "--help").stdout
    assert run("--version").stdout == f"hearing-docs, version {__version__}\n"


def test_no_content_here_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 2
    assert "no content given and no content/*.yaml here" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "entry", [["-m", "hearing_docs"], ["-c", "import hearing_docs.cli as c; c.main()"]]
)
def test_python_dash_m_runs_without_traceback(tmp_path: Path, entry: list[str]) -> None:
    bad = write(tmp_path, "letter: [\n")
    done = subprocess.run(
        [sys.executable, *entry, "build", str(bad)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"Error: {bad}:2:1: YAML syntax error")


def test_check_finds_what_only_a_build_would_and_writes_nothing(tmp_path: Path) -> None:
    text = SEED_CONTENT.read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("signatures/mogens-lykketoft.png", "missing.png", 1))
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}:35:16: letter.signatory.signature: image 'missing.png' not found in "
        f"{tmp_path}\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hearing.yaml"]
