"""Nothing redone: a build whose inputs and outputs have not changed is skipped,
and a change to any one input builds again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.fonts import fontconfig
from hearing_docs.output import manifest
from hearing_docs.pipeline import BuildOptions, build_documents
from hearing_docs.templateset import sets
from support import seed_copy

pytestmark = pytest.mark.slow  # builds documents or starts programs

HTML = BuildOptions(formats=("html",), manifest=True)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A copy of the seed beside its own copy of the un-pga set."""
    content = seed_copy(tmp_path / "work")
    shutil.copytree(sets.packaged_root() / "un-pga", tmp_path / "work" / "templates" / "un-pga")
    return content


def out(content: Path) -> Path:
    return content.parent / "out"


def skipped(content: Path, options: BuildOptions = HTML) -> bool:
    return build_documents(content, out(content), options).unchanged


def built_then(content: Path, change: Callable[[], object], options: BuildOptions = HTML) -> bool:
    """Build, check that a second build is skipped, change something: is the next skipped?"""
    assert not skipped(content, options)
    assert skipped(content, options)
    change()
    return skipped(content, options)


def edit(path: Path, old: str | bytes, new: str | bytes) -> Callable[[], None]:
    def change() -> None:
        data = path.read_bytes()
        old_b = old.encode() if isinstance(old, str) else old
        assert old_b in data, old
        path.write_bytes(data.replace(old_b, new.encode() if isinstance(new, str) else new, 1))

    return change


def test_an_unchanged_build_is_skipped_and_gives_the_same_files(work: Path) -> None:
    first = build_documents(work, out(work), HTML)
    page = first.files[0].read_bytes()
    second = build_documents(work, out(work), HTML)
    assert (first.unchanged, second.unchanged) == (False, True)
    assert second.files == first.files
    assert second.files[0].read_bytes() == page


def test_the_content_file(work: Path) -> None:
    assert not built_then(work, edit(work, "Excellency,", "Your Excellency,"))


def test_the_signature_image(work: Path) -> None:
    signature = next((work.parent / "signatures").iterdir())
    assert not built_then(work, lambda: signature.write_bytes(signature.read_bytes() + b"\0"))


def test_the_defaults_file_made_edited_and_removed(work: Path) -> None:
    shared = work.parent / "hearing-docs.yaml"
    assert not built_then(work, lambda: shared.write_text("kind: hearing\n"))
    assert skipped(work)
    edit(shared, "kind: hearing", "kind: high-level event")()
    assert not skipped(work)
    assert skipped(work)
    shared.unlink()
    assert not skipped(work)
    assert skipped(work)


@pytest.mark.parametrize("name", ["letter.html", "base.html", "summary.html", "style.css"])
def test_a_template_of_the_set(work: Path, name: str) -> None:
    template = work.parent / "templates" / "un-pga" / name
    assert not built_then(work, lambda: template.write_text(template.read_text() + "\n"))


def test_the_theme(work: Path) -> None:
    theme = work.parent / "templates" / "un-pga" / "theme.yaml"
    assert not built_then(work, lambda: theme.write_text(theme.read_text() + "\n# edited\n"))


def test_the_emblem(work: Path) -> None:
    emblem = work.parent / "templates" / "un-pga" / "emblem.png"
    assert not built_then(work, lambda: emblem.write_bytes(emblem.read_bytes() + b"\0"))


def test_a_set_that_starts_overriding(tmp_path: Path) -> None:
    """A templates/ folder made beside the content after a build takes over the packaged set."""
    content = seed_copy(tmp_path / "work")
    own = content.parent / "templates" / "un-pga"
    assert not built_then(content, lambda: shutil.copytree(sets.packaged_root() / "un-pga", own))


def test_a_new_file_in_the_set(work: Path) -> None:
    extra = work.parent / "templates" / "un-pga" / "footer.html"
    assert not built_then(work, lambda: extra.write_text("{# new #}\n"))


def test_a_font_file(work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fontconfig.match("Liberation Serif", False, False)
    assert real is not None
    copy = tmp_path / "fonts" / real[0].name
    copy.parent.mkdir()
    shutil.copy(real[0], copy)
    monkeypatch.setattr(fontconfig, "match", lambda family, bold, italic: (copy, 0))
    assert not built_then(work, lambda: copy.write_bytes(copy.read_bytes() + b"\0\0\0\0"))


def test_another_font_file(work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fontconfig gives another file for the theme's fonts (a font was installed)."""
    real = fontconfig.match("Liberation Serif", False, False)
    assert real is not None
    copy = tmp_path / "fonts" / "Other.ttf"
    copy.parent.mkdir()
    shutil.copy(real[0], copy)
    matched = {"file": real[0]}
    monkeypatch.setattr(fontconfig, "match", lambda family, bold, italic: (matched["file"], 0))
    assert not built_then(work, lambda: matched.update(file=copy))


def test_the_package_version(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not built_then(work, lambda: monkeypatch.setattr(manifest, "__version__", "99.0"))


@pytest.mark.parametrize("engine", ["weasyprint", "docx", "jinja2"])
def test_an_engine_installed_again(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """Another version of an engine rewrites its files: the first one is watched."""
    import importlib.util

    installed = tmp_path / engine / "__init__.py"
    installed.parent.mkdir()
    installed.write_text("# version 1\n", encoding="utf-8")
    find_spec = importlib.util.find_spec

    def located(name: str, package: str | None = None):
        spec = find_spec(name, package)
        if name == engine and spec is not None:
            spec = replace_origin(spec, str(installed))
        return spec

    monkeypatch.setattr(importlib.util, "find_spec", located)

    def upgraded() -> None:  # the same size: only the modification time tells
        before = installed.stat().st_mtime_ns
        edit(installed, "version 1", "version 2")()
        os.utime(installed, ns=(before + 1_000_000_000, before + 1_000_000_000))

    assert not built_then(work, upgraded, replace(HTML, formats=("html", "docx")))


def replace_origin(spec, origin: str):
    """A copy of a module spec found at ``origin`` (only the manifest reads it)."""
    import importlib.machinery

    return importlib.machinery.ModuleSpec(spec.name, spec.loader, origin=origin)


def test_source_date_epoch(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not built_then(work, lambda: monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000"))


@pytest.mark.parametrize(
    "changed",
    [
        {"formats": ("html", "docx")},
        {"strict": True},
        {"pdf_variant": "pdf/a-3b"},
        {"attach_source": True},
    ],
)
def test_an_option(work: Path, changed: dict) -> None:
    assert not skipped(work)
    assert skipped(work)
    assert not skipped(work, replace(HTML, **changed))


def test_template_folders_given(work: Path, tmp_path: Path) -> None:
    given = tmp_path / "given"
    given.mkdir()
    assert not skipped(work)
    assert not skipped(work, replace(HTML, template_dirs=(given,)))


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_an_output_deleted_or_edited(work: Path, damage: str) -> None:
    page = out(work) / f"{work.stem}.html"
    if damage == "delete":
        assert not built_then(work, page.unlink)
    else:
        assert not built_then(work, lambda: page.write_text("edited by hand"))
    assert "edited by hand" not in page.read_text(encoding="utf-8")


def test_the_same_name_from_another_folder(tmp_path: Path) -> None:
    first = seed_copy(tmp_path / "a")
    second = seed_copy(tmp_path / "b")
    folder = tmp_path / "out"
    assert not build_documents(first, folder, HTML).unchanged
    assert not build_documents(second, folder, HTML).unchanged


@pytest.mark.parametrize("damage", ["", "{", "[]", '{"format": 1, "documents": 5}', "\0\1"])
def test_a_corrupt_manifest_builds_again_and_is_replaced(work: Path, damage: str) -> None:
    assert not built_then(work, lambda: (out(work) / manifest.NAME).write_text(damage))
    assert json.loads((out(work) / manifest.NAME).read_text())["format"] == manifest.FORMAT
    assert skipped(work)


def test_a_damaged_entry_builds_again(work: Path) -> None:
    build_documents(work, out(work), HTML)
    path = out(work) / manifest.NAME
    data = json.loads(path.read_text())
    data["documents"][work.stem]["inputs"] = {"images": 3}
    path.write_text(json.dumps(data))
    assert not skipped(work)


def test_force_builds_again_and_the_command_says_which_were_skipped(work: Path) -> None:
    arguments = ["build", str(work), "-o", str(out(work)), "-f", "html"]
    first = CliRunner().invoke(main, arguments)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, arguments)
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [f"unchanged {work}: its outputs are up to date"]
    forced = CliRunner().invoke(main, [*arguments, "--force"])
    assert forced.exit_code == 0
    assert forced.stdout.splitlines()[1:] == [f"wrote {out(work) / work.stem}.html"]


def test_two_builds_writing_the_same_manifest_lose_no_entry(tmp_path: Path) -> None:
    """Two processes record 25 documents each in one folder at the same time."""
    folder = tmp_path / "out"
    folder.mkdir()
    program = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from hearing_docs.output import manifest
        folder, tag = Path(sys.argv[1]), sys.argv[2]
        for n in range(25):
            content = folder.parent / f"{tag}{n}.yaml"
            content.write_text(f"{tag}{n}", encoding="utf-8")
            output = folder / f"{tag}{n}.html"
            output.write_text("page", encoding="utf-8")
            inputs = manifest.Inputs(f"{tag}{n}", (), (), ())
            manifest.record(content, folder, inputs, {"n": n}, [output])
        """
    )
    workers = [subprocess.Popen([sys.executable, "-c", program, str(folder), tag]) for tag in "ab"]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    entries = json.loads((folder / manifest.NAME).read_text())["documents"]
    assert sorted(entries) == sorted(f"{tag}{n}" for tag in "ab" for n in range(25))
