"""Content stage: a YAML file in, a validated ``Hearing`` out.

In: the path of a content file.
Out: ``Hearing`` (see ``model.py``), or a ``ContentError`` that lists every
problem of the file at once, each as ``FILE:LINE:COL: field: message``. The
defaults file of the content file's folder (``defaults.py``) is merged in
first; a problem of one of its values is reported at its own place.
"""

from __future__ import annotations

from pathlib import Path

from hearing_docs.content import defaults, yamlsource
from hearing_docs.content.model import Hearing
from hearing_docs.content.validation import validate
from hearing_docs.errors import ContentError, Problem, shown_path

DOCS = "docs/content.md, 'The defaults file'"


def load(path: Path) -> Hearing:
    """Read and validate one content file."""
    return load_with_source(path)[0]


def load_with_source(path: Path) -> tuple[Hearing, yamlsource.Source]:
    """Read and validate one content file with the defaults of its folder; also give the
    source, for later line numbers (``Source.origin`` names the file of each value)."""
    source = read_source(path)
    return validate(source, Hearing, shown_path(path)), source


def read_source(path: Path) -> yamlsource.Source:
    """The YAML of ``path`` with positions, the defaults file's merged in, or a
    ``ContentError`` listing the problems of both files that stop them being read."""
    if defaults.is_defaults(path):
        message = (
            "is the defaults file of its folder, not a hearing: build the content files "
            f"beside it, which take their shared fields from it (see {DOCS})"
        )
        raise ContentError(Problem(shown_path(path), message))
    problems: list[Problem] = []
    own = shared = None
    try:
        own = yamlsource.load(path, shown_path(path))
    except yamlsource.YamlProblems as error:
        problems += error.problems
    if path.is_file():  # a folder or a missing file has no defaults to add to its problem
        try:
            shared = defaults.read(path)
        except ContentError as error:
            problems += error.problems
    if problems or own is None:
        raise ContentError(problems)
    return own if shared is None else defaults.merged(own, shared)
