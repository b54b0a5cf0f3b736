"""Several content files (or a folder) built in parallel: the same files as one
at a time, lines in the order of the files, the exit status as before, and a
progress display on a terminal only."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.templateset import sets
from support import seed_copy

pytestmark = pytest.mark.slow  # builds documents or starts programs


def batch_folder(tmp_path: Path) -> Path:
    """Four hearings, the third of which is bad."""
    folder = tmp_path / "hearings"
    for name in ("a", "b", "d"):
        seed_copy(folder, name=f"{name}.yaml")
    seed_copy(folder, ("date: 2016-07-22", "date: 2016-07-32"), name="c.yaml")
    return folder


def build(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hearing_docs", "build", *arguments],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_folder_in_parallel_gives_what_one_at_a_time_gives(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    parallel = build(str(folder), "-o", str(tmp_path / "p"), "-j", "2", "-f", "docx,html")
    serial = build(str(folder), "-o", str(tmp_path / "s"), "-j", "1", "-f", "docx,html")
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout.replace(str(tmp_path / "s"), str(tmp_path / "p"))
    assert parallel.stdout.splitlines() == [
        f"wrote {tmp_path}/p/{name}.{kind}" for name in "abd" for kind in ("docx", "html")
    ]
    assert parallel.stderr == serial.stderr
    assert parallel.stderr.splitlines() == [
        f"Error: {folder}/c.yaml:16:9: letter.date: '2016-07-32' is not a date that exists"
    ]
    for name in "abd":
        for kind in ("docx", "html"):
            made = (tmp_path / "p" / f"{name}.{kind}").read_bytes()
            assert made == (tmp_path / "s" / f"{name}.{kind}").read_bytes()


def test_errors_come_one_line_each_in_the_order_of_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "hearings"
    for index in range(6):
        seed_copy(folder, ("date: 2016-07-22", f"date: 2016-07-{40 + index}"), name=f"{index}.yaml")
    result = build(str(folder), "-o", str(tmp_path / "out"), "-j", "3", "-f", "html")
    assert result.returncode == 1
    assert [line.split(":")[1].rsplit("/", 1)[-1] for line in result.stderr.splitlines()] == [
        f"{index}.yaml" for index in range(6)
    ]
    assert result.stdout == ""


def test_warnings_of_a_worker_come_back_with_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "hearings"
    for name in ("a", "b"):
        seed_copy(folder, name=f"{name}.yaml")
    own = folder / "templates" / "un-pga"
    shutil.copytree(sets.packaged_root() / "un-pga", own)
    style = own / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\nbody { speak-nonsense: 1; }\n")
    result = build(str(folder / "a.yaml"), str(folder / "b.yaml"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 2
    assert all("speak-nonsense" in line for line in warnings)


def test_progress_on_a_terminal_and_plain_lines_otherwise(tmp_path: Path) -> None:
    folder = tmp_path / "hearings"
    for name in ("a", "b", "c"):
        seed_copy(folder, name=f"{name}.yaml")
    arguments = [str(folder), "-o", str(tmp_path / "out"), "-f", "html", "-j", "2", "--force"]
    plain = build(*arguments)
    assert plain.returncode == 0
    assert plain.stderr == ""
    assert len(plain.stdout.splitlines()) == 3

    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "hearing_docs", "build", *arguments],
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    ) as process:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            shown += chunk
        stdout = process.stdout.read() if process.stdout else b""
        assert process.wait(timeout=600) == 0
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert "3/3" in text  # files done, of all
    # The files being built (which ones a frame catches depends on the machine's load),
    # and the time since the start.
    assert re.search(r"building [abc]\.yaml", text), text
    assert re.search(r"\d:\d\d:\d\d", text), text
    assert stdout.decode().splitlines() == [f"wrote {tmp_path}/out/{n}.html" for n in "abc"]


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "x.yaml", "-j", "0"])
    assert result.exit_code == 2
    assert "-j" in result.stderr


@pytest.mark.parametrize(
    ("formats", "imported", "not_imported"),
    [
        ("pdf,docx,html", {"weasyprint", "docx", "jinja2", "hearing_docs.content.model"}, set()),
        ("docx", {"docx", "hearing_docs.content.model"}, {"weasyprint", "jinja2"}),
        ("html", {"jinja2"}, {"weasyprint", "docx"}),
    ],
)
def test_a_batch_imports_the_engines_of_its_formats_before_forking(
    formats: str, imported: set[str], not_imported: set[str]
) -> None:
    """What the workers of a batch start with: the parent imports each engine once."""
    script = (
        "import sys; from hearing_docs import pipeline; "
        f"pipeline.import_engines({formats.split(',')!r}); "
        "print(' '.join(sorted(m for m in sys.modules if '.' not in m or 'hearing_docs' in m)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    modules = set(done.stdout.split())
    assert imported <= modules
    assert not (not_imported & modules)


def test_a_batch_with_nothing_changed_starts_no_worker_and_imports_no_engine_nor_yaml(
    tmp_path: Path,
) -> None:
    """The files found up to date are told by the parent; only a changed one is built,
    and it alone needs no pool: its lines still come in the order of the files."""
    folder = tmp_path / "hearings"
    for name in "abc":
        seed_copy(folder, name=f"{name}.yaml")
    out = tmp_path / "out"
    assert build(str(folder), "-o", str(out), "-f", "docx").returncode == 0
    script = (
        "import sys, multiprocessing.pool, concurrent.futures.process as p; "
        "from hearing_docs import cli; "
        "p.ProcessPoolExecutor = None; "  # a pool would fail
        "sys.argv = ['hearing-docs', 'build', *sys.argv[1:]]; "
        "import atexit; atexit.register(lambda: print('engines', 'docx' in sys.modules, "
        "'yaml' in sys.modules, file=sys.stderr)); cli.main()"
    )

    def again() -> subprocess.CompletedProcess:
        command = [sys.executable, "-c", script, str(folder), "-o", str(out), "-f", "docx"]
        return subprocess.run(command, capture_output=True, text=True, timeout=600)

    nothing = again()
    assert nothing.returncode == 0, nothing.stderr
    assert nothing.stdout.splitlines() == [
        f"unchanged {folder}/{name}.yaml: its outputs are up to date" for name in "abc"
    ]
    # Nothing to build: neither python-docx nor PyYAML (the content is read as text).
    assert nothing.stderr.splitlines()[-1] == "engines False False"
    text = (folder / "b.yaml").read_text(encoding="utf-8")
    (folder / "b.yaml").write_text(text.replace("Excellency,", "Excellencies,", 1), "utf-8")
    one = again()
    assert one.returncode == 0, one.stderr
    assert one.stdout.splitlines() == [
        f"unchanged {folder}/a.yaml: its outputs are up to date",
        f"wrote {out}/b.docx",
        f"unchanged {folder}/c.yaml: its outputs are up to date",
    ]
    assert one.stderr.splitlines()[-1] == "engines True True"
