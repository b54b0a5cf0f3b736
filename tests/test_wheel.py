"""The built wheel carries the template sets and the example: install it in a fresh
virtual environment, start a working folder outside the repository, build there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hearing_docs.commands.new import EXAMPLE
from support import ROOT

pytestmark = pytest.mark.slow

LIMIT = 600  # seconds for any one step; installing the dependencies is the slow one


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=LIMIT, env=environment
    )
    assert done.returncode == 0, f"{command}: {done.stderr[-2000:]}"
    return done


def test_installed_wheel_starts_a_folder_and_builds_it(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        ROOT,
    )
    (wheel,) = wheels.glob("hearing_docs-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "hearing_docs/templates/un-pga/theme.yaml",
        "hearing_docs/templates/un-pga/emblem.png",
        "hearing_docs/templates/un-pga-letter/theme.yaml",
        f"hearing_docs/examples/{EXAMPLE}",
        "hearing_docs/examples/signatures/mogens-lykketoft.png",
    ):
        assert expected in names

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    python, command = venv / "bin" / "python", venv / "bin" / "hearing-docs"
    run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path)

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = run(
        [
            str(python),
            "-c",
            "import hearing_docs.commands.new as s, hearing_docs.templateset.sets as t;"
            "print(s.examples_root()); print(t.packaged_root())",
        ],
        work,
    ).stdout.split()
    site = next((venv / "lib").glob("python3*/site-packages"))
    assert where == [
        str(site / "hearing_docs" / "examples"),
        str(site / "hearing_docs" / "templates"),
    ]

    created = run([str(command), "new", "my-hearing"], work)
    assert created.stdout.splitlines()[-1] == "next: cd my-hearing && hearing-docs build"
    built = run([str(command), "build"], work / "my-hearing")
    stem = Path(EXAMPLE).stem
    assert built.stdout.splitlines() == [
        f"wrote output/{stem}.pdf",
        f"wrote output/{stem}.docx",
        f"wrote output/{stem}.html",
    ]
    output = work / "my-hearing" / "output"
    assert (output / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    assert zipfile.is_zipfile(output / f"{stem}.docx")
    assert "Please find attached the summary from the hearing." in (
        output / f"{stem}.html"
    ).read_text(encoding="utf-8")
