"""Manifest: what every document of an output folder was built from, so that a build
whose inputs have not changed is skipped.

In: a content file, the output folder and the build options; after a build,
``Inputs``: what it read, named so that the same files can be found again.
Out: ``OUT/.hearing-docs-manifest.json``, and ``unchanged``: the outputs of a
content file when neither they nor anything they were built from has changed
since they were written, else ``None``.

A fingerprint decides, and it is computed again at every check from the
recorded inputs: the hashes of the content file and of the defaults file
beside it (or that there is none), of the images it names, of
every file of its template set and of the sets that set extends (templates,
style sheet, theme, emblem) and of the font files fontconfig gives for the
theme's fonts; where the set was found (the template folders that exist and
which of them hold each set, so that a new override file or folder counts);
the version of hearing-docs and the installed files of the engines; the
build options and ``SOURCE_DATE_EPOCH``. The outputs are hashed too, so a deleted or edited
output is built again. A content file whose bytes changed while it was being
built is not recorded.

Builds that share an output folder (a batch in parallel, two commands) update
the manifest one at a time, under an exclusive lock on the folder; the file is
read, changed and replaced atomically, so no entry is lost and a reader never
sees half of one. A manifest that cannot be read counts as empty.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hearing_docs import cache as user_cache
from hearing_docs import installed
from hearing_docs.content import defaults, textfile
from hearing_docs.fonts import fontconfig
from hearing_docs.templateset import roots as set_roots
from hearing_docs.version import __version__

NAME = ".hearing-docs-manifest.json"
FORMAT = 2
_ENGINES = ("weasyprint", "docx", "jinja2")
"""The engines' packages, by the names they are imported by."""
_STYLES = ((False, False), (True, False), (False, True), (True, True))


@dataclass(frozen=True)
class Inputs:
    """What one build read, by name: enough to find the same files again."""

    content_text: str
    """The content file's text as the build read and validated it."""
    images: tuple[str, ...]
    """The images the content names (the signature), as absolute paths."""
    sets: tuple[str, ...]
    """The template set and the sets it extends, in order."""
    fonts: tuple[str, ...]
    """The theme's font families."""
    defaults_text: str | None = None
    """The text of the defaults file beside the content file, ``None`` when there is none."""


def unchanged(
    content_path: Path, out_dir: Path, settings: dict[str, Any], template_dirs: Sequence[Path]
) -> list[Path] | None:
    """The outputs of ``content_path`` when nothing they depend on has changed, else ``None``.

    ``settings`` are the build options that change the output (as JSON values);
    ``template_dirs`` the folders of template sets given on the command line.
    """
    entry = _read(out_dir).get(_stem(content_path))
    if not isinstance(entry, dict) or entry.get("content") != str(content_path.resolve()):
        return None
    try:
        recorded = entry["inputs"]
        inputs = Inputs(
            _content_text(content_path),
            tuple(recorded["images"]),
            tuple(recorded["sets"]),
            tuple(recorded["fonts"]),
            _defaults_text(content_path),
        )
        outputs = {name: digest for name, digest in entry["outputs"].items()}
    except (KeyError, TypeError, AttributeError, ValueError, OSError):
        return None
    try:
        now = fingerprint(content_path, inputs, settings, template_dirs)
    except (OSError, ValueError):
        return None
    if now != entry.get("fingerprint"):
        return None
    paths = [out_dir / name for name in outputs]
    for path, digest in zip(paths, outputs.values(), strict=True):
        if digest is None or _digest_of(path) != digest:
            return None  # deleted or edited since (or never read back)
    return paths


def record(
    content_path: Path,
    out_dir: Path,
    inputs: Inputs,
    print_: dict[str, Any],
    written: list[Path],
) -> None:
    """Keep what ``written`` was built from (``print_`` from ``fingerprint``) in the manifest."""
    try:
        if (_content_text(content_path), _defaults_text(content_path)) != (
            inputs.content_text,
            inputs.defaults_text,
        ):
            return  # saved again while it was built: the next build must not skip it
        texts = ("content_text", "defaults_text")
        entry = {
            "content": str(content_path.resolve()),
            "inputs": {k: v for k, v in asdict(inputs).items() if k not in texts},
            "fingerprint": print_,
            "outputs": {path.name: _digest_of(path) for path in written},
        }
        with _locked(out_dir):
            entries = _read(out_dir)
            entries[_stem(content_path)] = entry
            _write(out_dir, entries)
    except (OSError, ValueError):
        pass  # not recorded: the next build builds again


def fingerprint(
    content_path: Path, inputs: Inputs, settings: dict[str, Any], template_dirs: Sequence[Path]
) -> dict[str, Any]:
    """Everything the outputs of one build depend on, hashed."""
    roots = set_roots.roots_for(content_path, list(template_dirs))
    folders = {
        name: [str(root / name) for root in roots if (root / name).is_dir()] for name in inputs.sets
    }
    files: dict[str, str | None] = {
        str(content_path.resolve()): _digest(inputs.content_text.encode("utf-8"))
    }
    # Present or not: a defaults file that appears, changes or goes changes the documents.
    shared = inputs.defaults_text
    files[str(defaults.path_for(content_path.resolve()))] = (
        None if shared is None else _digest(shared.encode("utf-8"))
    )
    for image in inputs.images:
        files[image] = _digest_of(Path(image))
    for folder in dict.fromkeys(f for found in folders.values() for f in found):
        for path in _files_under(Path(folder)):
            files[str(path)] = _digest_of(path)
    fonts = {}
    for family in inputs.fonts:
        for bold, italic in _STYLES:
            found = fontconfig.match(family, bold, italic)
            fonts[f"{family}|{bold}|{italic}"] = (
                None if found is None else [str(found[0]), found[1], _font_digest(found[0])]
            )
    return {
        "format": FORMAT,
        "versions": [__version__, *(installed.identity(engine) for engine in _ENGINES)],
        "settings": settings,
        "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "roots": [str(root) for root in roots],
        "sets": folders,
        "files": files,
        "fonts": fonts,
    }


def _files_under(folder: Path) -> Iterator[Path]:
    for parent, subfolders, names in os.walk(folder):
        subfolders.sort()
        for name in sorted(names):
            yield Path(parent) / name


def _content_text(content_path: Path) -> str:
    """The content file's text, read as a build reads it."""
    try:
        return textfile.read_text(content_path, str(content_path))
    except textfile.YamlProblems as error:
        raise ValueError(str(error)) from None


def _defaults_text(content_path: Path) -> str | None:
    """The text of the defaults file beside the content file, read as a build reads it."""
    path = defaults.path_for(content_path)
    if not path.exists():
        return None
    return _content_text(path)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest_of(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes())
    except OSError:
        return None


def _font_digest(path: Path) -> str | None:
    # A font's hash is kept in the user's cache by the file's size and time: fonts are
    # large (a CJK face is tens of megabytes) and change only when they are installed.
    try:
        return user_cache.digest(path)
    except OSError:
        return None


def _stem(content_path: Path) -> str:
    return content_path.stem


def _read(out_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((out_dir / NAME).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    entries = data.get("documents")
    return entries if isinstance(entries, dict) else {}


def _write(out_dir: Path, entries: dict[str, Any]) -> None:
    handle, name = tempfile.mkstemp(prefix=f"{NAME}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"format": FORMAT, "documents": entries}, stream, indent=1, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, 0o644)
        os.replace(name, out_dir / NAME)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder itself (the manifest is replaced, not
    rewritten, so it cannot carry the lock)."""
    descriptor = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
