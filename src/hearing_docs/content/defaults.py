"""The defaults file: what every hearing of a folder shares, written once.

In: a content file's source (``yamlsource.Source``) and its folder, which may
hold ``hearing-docs.yaml``, a file of the same fields as a content file
(template, language, kind, the letter's closing, signatory, addressees, ...).
Out: one ``Source`` with the defaults merged in, each value keeping the file
and place it was written at (``Source.origin``), so that a problem of a value
is reported in the file that gave it; or a ``ContentError`` for a defaults
file that cannot be read or names a field content does not have.

How values merge: a value in the content file wins. The letter and the
summary merge field by field; every field the content file gives replaces
the default whole, a group of fields too (a signatory is one person: another
one takes none of the default's title lines or signature), and a list too.
The defaults of ``letter`` and ``summary`` apply only to a content file that
has that part (a summary alone gets no letter from them), and a content file
that gives ``signatory`` or ``signatories`` takes neither from the defaults.
Only the content file's own folder is searched: a signature image in the
defaults file is relative to that folder, as in the content file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hearing_docs.errors import ContentError, HearingDocsError, Problem, shown_path

if TYPE_CHECKING:  # the command line finds defaults files without importing YAML or the models
    from hearing_docs.content import yamlsource

NAME = "hearing-docs.yaml"
# Parts of a document: the defaults of one apply only to a content file that has it.
_PARTS = ("letter", "summary")
_PARTS_PATHS = {(part,) for part in _PARTS}
# Fields that are ways of giving the same thing: the content file's choice excludes the other.
_ALTERNATIVES = {
    ("letter", "signatory"): ("letter", "signatories"),
    ("letter", "signatories"): ("letter", "signatory"),
}
_EMPTY = "the defaults file is empty: give the fields the hearings of its folder share"


def path_for(content_path: Path) -> Path:
    """Where the defaults of ``content_path`` are, whether the file exists or not."""
    return content_path.parent / NAME


def is_defaults(path: Path) -> bool:
    """Whether ``path`` is a defaults file, not a content file."""
    return path.name == NAME


def read(content_path: Path) -> yamlsource.Source | None:
    """The defaults file beside ``content_path``, read and its fields checked, or ``None``
    when there is none. Raises a ``ContentError`` with every problem found."""
    from hearing_docs.content import yamlsource

    path = path_for(content_path)
    if not path.exists():
        return None
    shown = shown_path(path)
    try:
        source = yamlsource.load(path, shown, empty=_EMPTY)
    except yamlsource.YamlProblems as error:
        raise ContentError(error.problems) from None
    if not isinstance(source.data, dict):
        message = "the defaults file must be a group of fields (key: value), as a content file is"
        raise ContentError(Problem(shown, message, 1, 1))
    source.problems += _checked_alone(source, shown)
    return source


# Valid stand-ins for the fields each content file gives itself, so that the values of a
# defaults file are checked on their own, also those no content file of the folder uses.
_STAND_INS: dict[str, dict[str, Any]] = {
    "letter": {
        "date": dt.date(2000, 1, 1),
        "salutation": "-",
        "body": ["-"],
        "closing": "-",
        "signatory": {"name": "-"},
        "addressees": ["-"],
    },
    "summary": {"title": "-", "date": dt.date(2000, 1, 1), "sections": [{"paragraphs": ["-"]}]},
}


def _checked_alone(source: yamlsource.Source, shown: str) -> list[Problem]:
    """Every problem of the defaults file's own fields and values (unknown fields with
    did-you-mean, wrong values), found by validating them among valid stand-ins."""
    from hearing_docs.content import yamlsource
    from hearing_docs.content.model import Hearing
    from hearing_docs.content.validation import validate

    data = dict(source.data)
    if not any(part in data for part in _STAND_INS):
        data["letter"] = {}  # a part to check the other fields in (a letter needs a signer)
    for part, stand_ins in _STAND_INS.items():
        given = data.get(part)
        if isinstance(given, dict):
            filled = {**stand_ins, **given}
            if "signatories" in given:
                del filled["signatory"]
            data[part] = filled
    alone = yamlsource.Source(
        source.path, data, source.text, source.positions, source.key_positions, []
    )
    try:
        validate(alone, Hearing, shown)
    except HearingDocsError as error:
        return error.problems
    return []


def merged(own: yamlsource.Source, defaults: yamlsource.Source) -> yamlsource.Source:
    """``own`` (a content file's source) with the values of ``defaults`` it does not give.

    The problems of both are kept, so that a defaults file with a mistake is
    reported whichever file uses it.
    """
    from hearing_docs.content import yamlsource

    result = yamlsource.Source(
        own.path,
        None,
        own.text,
        dict(own.positions),
        dict(own.key_positions),
        [*defaults.problems, *own.problems],
        defaults,
    )
    if isinstance(own.data, dict):
        result.data = _merge(own.data, defaults.data, (), result)
    else:
        result.data = own.data  # validation says what is wrong with it
    return result


def _merge(
    own: dict[Any, Any],
    defaults: dict[Any, Any],
    where: yamlsource.FieldPath,
    result: yamlsource.Source,
) -> dict[Any, Any]:
    combined = dict(own)
    for key, value in defaults.items():
        path = (*where, key)
        if key in own:
            if path in _PARTS_PATHS and isinstance(own[key], dict) and isinstance(value, dict):
                combined[key] = _merge(own[key], value, path, result)
            continue
        if path[0] in _PARTS and len(path) == 1:
            continue  # a part the content file does not have
        other = _ALTERNATIVES.get(path)
        if other is not None and other[-1] in own:
            continue
        combined[key] = value
        _take(path, result)
    return combined


def _take(path: yamlsource.FieldPath, result: yamlsource.Source) -> None:
    """Record that the value at ``path`` (and all inside it) comes from the defaults."""
    defaults = result.defaults
    assert defaults is not None
    result.from_defaults.add(path)
    size = len(path)
    for table, source_table in (
        (result.positions, defaults.positions),
        (result.key_positions, defaults.key_positions),
    ):
        table.update({p: place for p, place in source_table.items() if p[:size] == path})
