"""Which content files a command works on: its arguments in, the files out.

In: the paths given on the command line (files or folders; none at all means
``content/``), and for a build the output folder.
Out: the content files in order, a folder standing for its YAML files but its
defaults file; and for a build, the files to build with a problem for each
that would overwrite the outputs of an earlier one.
"""

from __future__ import annotations

from pathlib import Path

from hearing_docs.content import defaults
from hearing_docs.errors import Problem, shown_path

CONTENT_DIR = Path("content")


def named(paths: tuple[Path, ...]) -> list[Path]:
    """The content files ``paths`` name, or with none those of ``CONTENT_DIR`` (empty when
    it has none). A folder stands for every content file in it; one without any is left
    as it is, for the build to report as a folder that is not a content file."""
    if not paths:
        return _default_content()
    files: list[Path] = []
    for path in paths:
        files += (_yaml_files(path) if path.is_dir() else []) or [path]
    return files


def _yaml_files(folder: Path) -> list[Path]:
    """The content files of ``folder``: its YAML files but the defaults file."""
    found = [*folder.glob("*.yaml"), *folder.glob("*.yml")]
    return sorted(path for path in found if not defaults.is_defaults(path))


def _default_content() -> list[Path]:
    """content/*.yaml, and the content files of each folder in content/ that holds a
    defaults file (a folder of hearings that share it)."""
    found = _yaml_files(CONTENT_DIR)
    if CONTENT_DIR.is_dir():
        for folder in sorted(CONTENT_DIR.iterdir()):
            if folder.is_dir() and defaults.path_for(folder / "x.yaml").is_file():
                found += _yaml_files(folder)
    return found


def one_per_output(paths: list[Path], out_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The content files to build, and a problem for each that would overwrite the
    outputs of an earlier one (``hearing.yaml`` and ``hearing.yml`` both give
    ``hearing.pdf``). A file given twice is built once."""
    first: dict[str, Path] = {}
    seen: set[Path] = set()
    keep: list[Path] = []
    clashes: list[Problem] = []
    for path in paths:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        earlier = first.setdefault(path.stem, path)
        if earlier is path:
            keep.append(path)
            continue
        outputs = shown_path(out_dir / f"{path.stem}.*")
        message = (
            f"would write the same files ({outputs}) as {shown_path(earlier)}, which is "
            "built; rename one of them"
        )
        clashes.append(Problem(shown_path(path), message))
    return keep, clashes
