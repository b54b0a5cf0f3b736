"""Nothing lost: a build that fails or is killed leaves the previous outputs byte-identical
and no temporary file behind; a build of several files writes every good one."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.errors import RenderError
from hearing_docs.output import files as outputs_module
from hearing_docs.output.files import remove_stale_parts
from hearing_docs.output.manifest import NAME as MANIFEST
from hearing_docs.pipeline import BuildOptions, build
from support import seed_copy
from test_bad_input import run_unprivileged

pytestmark = pytest.mark.slow

NEW_TEXT = "Please find attached the summary of the hearing, as revised."


def _work(tmp_path: Path) -> tuple[Path, Path]:
    """The seed content in a folder of its own, and an output folder."""
    return seed_copy(tmp_path / "work"), tmp_path / "out"


def _revise(content: Path) -> None:
    """Change the content so that a finished build would change every output."""
    text = content.read_text(encoding="utf-8")
    old = "Please find attached the summary from the hearing."
    assert old in text
    content.write_text(text.replace(old, NEW_TEXT), encoding="utf-8")


def _snapshot(out: Path) -> dict[str, bytes]:
    """The outputs (not the temporary files, which start with a dot) and their bytes."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _parts(out: Path) -> list[str]:
    return sorted(path.name for path in out.glob(".*.part"))


def _start_build(content: Path, out: Path, marker: Path, hook: str) -> subprocess.Popen:
    """A build in a child process that touches ``marker`` at ``hook`` ("render" or "rename").

    At "render" the child goes on rendering: it is killed while WeasyPrint lays out
    the PDF. At "rename" it stops before its first rename, every output written to
    its temporary file: it is killed while writing.
    """
    code = f"""
import os, sys, time
from pathlib import Path
import weasyprint
marker = Path({str(marker)!r})
if {hook!r} == "render":
    original = weasyprint.HTML.render
    def render(self, *args, **kwargs):
        marker.touch()
        return original(self, *args, **kwargs)
    weasyprint.HTML.render = render
else:
    def replace(*args, **kwargs):
        marker.touch()
        time.sleep(600)
    os.replace = replace
from hearing_docs.cli import main
sys.argv = ["hearing-docs", "build", {str(content)!r}, "-o", {str(out)!r}]
main()
"""
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _kill_at_marker(process: subprocess.Popen, marker: Path) -> None:
    deadline = time.monotonic() + 120
    while not marker.exists():
        if process.poll() is not None:
            _, stderr = process.communicate()
            pytest.fail(f"the build ended before it was killed: {stderr.decode()[-500:]}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the build never reached the point where it is killed")
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL


def test_sigkill_during_the_render_leaves_the_previous_outputs(tmp_path: Path) -> None:
    content, out = _work(tmp_path)
    build(content, out)
    before = _snapshot(out)
    assert sorted(before) == ["hearing.docx", "hearing.html", "hearing.pdf"]
    _revise(content)
    marker = tmp_path / "rendering"
    _kill_at_marker(_start_build(content, out, marker, "render"), marker)
    assert _snapshot(out) == before
    assert _parts(out) == []
    # The same build, not killed, changes every output: the check above can fail.
    build(content, out)
    after = _snapshot(out)
    assert all(after[name] != before[name] for name in before)


def test_sigkill_while_writing_leaves_the_previous_outputs_and_the_next_build_cleans_up(
    tmp_path: Path,
) -> None:
    content, out = _work(tmp_path)
    build(content, out, BuildOptions(formats=("docx", "html")))
    before = _snapshot(out)
    _revise(content)
    marker = tmp_path / "renaming"
    _kill_at_marker(_start_build(content, out, marker, "rename"), marker)
    assert _snapshot(out) == before
    left = _parts(out)
    assert len(left) == 3  # every output was written to its temporary file; none renamed
    assert all(
        name.startswith((".hearing.pdf.", ".hearing.docx.", ".hearing.html.")) for name in left
    )
    build(content, out, BuildOptions(formats=("docx", "html")))
    assert _parts(out) == [name for name in left if name.startswith(".hearing.pdf.")]
    build(content, out, BuildOptions(formats=("pdf",)))
    assert _parts(out) == []
    assert NEW_TEXT.encode() in (out / "hearing.html").read_bytes()


def test_parts_of_a_running_build_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "hearing.pdf"
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = tmp_path / f".hearing.pdf.{finished.stdout.strip()}.abc123.part"
    alive = tmp_path / f".hearing.pdf.{os.getpid()}.def456.part"
    other = tmp_path / ".hearing.pdf.x.part"  # not ours: no process id
    for path in (dead, alive, other):
        path.write_bytes(b"half")
    assert remove_stale_parts(target) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name])


def test_a_failed_build_leaves_the_previous_outputs(tmp_path: Path) -> None:
    content, out = _work(tmp_path)
    build(content, out, BuildOptions(formats=("docx", "html")))
    before = _snapshot(out)
    content.write_text(content.read_text(encoding="utf-8") + "\tbroken: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(content), "-o", str(out)])
    assert result.exit_code == 1
    assert _snapshot(out) == before
    assert _parts(out) == []


def test_a_full_disk_while_writing_leaves_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, out = _work(tmp_path)
    build(content, out, BuildOptions(formats=("docx", "html")))
    before = _snapshot(out)
    _revise(content)
    stage = outputs_module._stage
    calls = []

    def full_on_second(target: Path, data: bytes) -> Path:
        calls.append(target.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return stage(target, data)

    monkeypatch.setattr(outputs_module, "_stage", full_on_second)
    with pytest.raises(RenderError) as caught:
        build(content, out, BuildOptions(formats=("docx", "html")))
    assert (
        caught.value.one_line()
        == f"{out / 'hearing.html'}: cannot be written: No space left on device"
    )
    assert calls == ["hearing.docx", "hearing.html"]
    assert _snapshot(out) == before
    assert _parts(out) == []


def test_a_build_of_several_files_writes_every_good_one_and_reports_every_bad_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, _ = _work(tmp_path)
    text = content.read_text(encoding="utf-8")
    (content.parent / "a-good.yaml").write_text(text, encoding="utf-8")
    (content.parent / "b-bad.yaml").write_text(
        text.replace("  date: 2016-07-22", "  date: 2016-07-32"), encoding="utf-8"
    )
    (content.parent / "c-empty.yaml").write_text("", encoding="utf-8")
    (content.parent / "d-good.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(content.parent)
    names = ["a-good.yaml", "b-bad.yaml", "c-empty.yaml", "d-good.yaml"]
    result = CliRunner().invoke(main, ["build", *names, "-o", "out", "-f", "docx,html"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: b-bad.yaml:16:9: letter.date: '2016-07-32' is not a date that exists",
        "Error: c-empty.yaml:1:1: the file is empty: it must describe a hearing",
    ]
    assert result.stdout.splitlines() == [
        "wrote out/a-good.docx",
        "wrote out/a-good.html",
        "wrote out/d-good.docx",
        "wrote out/d-good.html",
    ]
    assert sorted(p.name for p in (content.parent / "out").iterdir()) == [
        MANIFEST,
        "a-good.docx",
        "a-good.html",
        "d-good.docx",
        "d-good.html",
    ]


def test_an_output_folder_that_cannot_be_written_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, _ = _work(tmp_path)
    monkeypatch.chdir(content.parent)
    (content.parent / "out").mkdir(mode=0o555)
    assert run_unprivileged(content.name, "--format", "html") == (
        1,
        "",
        "Error: out/hearing.html: cannot be written: Permission denied\n",
    )
    assert list((content.parent / "out").iterdir()) == []
    (content.parent / "file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", content.name, "-o", "file/sub", "-f", "html"])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: file/sub/hearing.html: cannot be written: Not a directory\n",
    )
