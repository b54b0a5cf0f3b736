"""Where template sets are found: a content file in, the folders to search out.

In: the path of a content file and the folders given with ``--templates``.
Out: the roots to look for sets in, most specific first, ending with the
packaged sets. Kept apart from ``sets.py`` (which reads and validates the
sets) so that checking whether a build is up to date (``output/manifest.py``)
finds the folders without importing the validation.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged_root() -> Path:
    """The template sets that ship with hearing-docs (inside the wheel, or the source tree)."""
    inside = Path(str(resources.files("hearing_docs"))) / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / "templates"


def roots_for(content_file: Path, extra: list[Path] | None = None) -> list[Path]:
    """Where to look for template sets for one content file, most specific first.

    The folders given (``--templates``), the ``templates/`` folder beside the
    content file, and the packaged sets: nothing above the content file's folder.
    """
    folder = content_file.resolve().parent
    candidates = [*(extra or []), folder / "templates"]
    roots: list[Path] = []
    for root in [*candidates, packaged_root()]:
        resolved = root.resolve()
        if resolved.is_dir() and resolved not in roots:
            roots.append(resolved)
    return roots
