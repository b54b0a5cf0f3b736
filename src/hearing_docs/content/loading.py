"""Content stage: a YAML file in, a validated ``Hearing`` out.

In: the path of a content file.
Out: ``Hearing`` (see ``model.py``), or a ``ContentError`` that lists every
problem of the file at once, each as ``FILE:LINE:COL: field: message``.
"""

from __future__ import annotations

from pathlib import Path

from hearing_docs.content import yamlsource
from hearing_docs.content.model import Hearing
from hearing_docs.content.validation import validate
from hearing_docs.errors import ContentError, shown_path


def load(path: Path) -> Hearing:
    """Read and validate one content file."""
    return load_with_source(path)[0]


def load_with_source(path: Path) -> tuple[Hearing, yamlsource.Source]:
    """Read and validate one content file; also give the source, for later line numbers."""
    source = read_source(path)
    return validate(source, Hearing, shown_path(path)), source


def read_source(path: Path) -> yamlsource.Source:
    """The YAML of ``path`` with positions, or a ``ContentError``."""
    try:
        return yamlsource.load(path, shown_path(path))
    except yamlsource.YamlProblems as error:
        raise ContentError(error.problems) from None
