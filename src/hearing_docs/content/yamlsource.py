"""Safe YAML reading that remembers where every value came from.

In: a path to a YAML file (content or theme).
Out: a ``Source``: the plain data (dicts, lists, strings, numbers, dates) and a
map from each value's path, such as ``("letter", "body", 0)``, to its line and
column, so that later checks can name the place of a problem.

PyYAML alone would accept duplicate keys (the last silently wins), build
Python objects from tags, and expand aliases without limit. This reader has
``yamlnodes`` compose the node tree (through libyaml when it gives the same
tree as PyYAML's Python parser, for speed) and walks it itself: duplicate
keys, aliases and non-standard tags are errors, and files that are too large,
binary or not UTF-8 are refused before parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from hearing_docs.content import yamlnodes
from hearing_docs.content.textfile import MAX_BYTES as MAX_BYTES
from hearing_docs.content.textfile import YamlProblems as YamlProblems
from hearing_docs.content.textfile import read_text as read_text
from hearing_docs.errors import Problem

# Content nests six levels at most (summary.sections[0].paragraphs[0].bullets[0]).
MAX_DEPTH = 20
_TOO_DEEP = f"lists and groups are nested too deeply (the limit is {MAX_DEPTH} levels)"
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

FieldPath = tuple[str | int, ...]


@dataclass
class Source:
    """Data read from one YAML file, with the position of every value."""

    path: Path
    data: Any
    text: str = ""
    """The file's text as it was read: later stages use it, never the file again."""
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems with single values (an impossible date, a tag); the rest of the data is usable."""
    defaults: Source | None = None
    """The defaults file whose values were merged in (content/defaults.py), if any."""
    from_defaults: set[FieldPath] = field(default_factory=set)
    """The paths of the values taken from ``defaults`` (their positions are in that file)."""

    def position(self, where: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``where`` (or of its key, with ``key``).

        A path with no position of its own (a missing field) gets the position
        of its nearest ancestor.
        """
        if key and where in self.key_positions:
            return self.key_positions[where]
        while where not in self.positions and where:
            where = where[:-1]
        return self.positions.get(where, (1, 1))

    def origin(self, where: FieldPath) -> Source:
        """The source of the file that wrote the value at ``where``: this one, or its
        defaults file's for a value taken from there."""
        for end in range(len(where), 0, -1):
            if where[:end] in self.from_defaults and self.defaults is not None:
                return self.defaults
        return self


def dotted(where: FieldPath) -> str | None:
    """A field path as people read it: ``summary.sections[2].heading``."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


EMPTY = "the file is empty: it must describe a hearing"


def load(path: Path, shown: str | None = None, empty: str = EMPTY) -> Source:
    """Read and parse ``path``.

    Raises ``YamlProblems`` when the file cannot be parsed at all (with ``empty``
    as the message when it holds nothing); problems with single values are left
    in ``Source.problems`` so that validation can add its own and every problem
    is reported at once.
    """
    shown = shown if shown is not None else str(path)
    return parse(read_text(path, shown), path, shown, empty)


def parse(text: str, path: Path, shown: str, empty: str = EMPTY, *, libyaml: bool = True) -> Source:
    """Parse ``text``, the content of ``path`` (which is not read), as ``load`` does.

    ``libyaml=False`` reads it with PyYAML's Python parser alone; the result is the same.
    """
    try:
        node, constructor = yamlnodes.compose(text, libyaml=libyaml)
    except yaml.MarkedYAMLError as error:
        raise YamlProblems([_syntax_problem(error, shown, text)]) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        raise YamlProblems([_reader_problem(error, text, shown)]) from None
    except yamlnodes.TooDeep as error:
        raise YamlProblems([Problem(shown, _TOO_DEEP, error.line)]) from None
    if node is None:
        raise YamlProblems([Problem(shown, empty, 1, 1)])
    source = Source(path, None, text)
    walker = _Walker(source, shown, constructor)
    source.data = walker.value(node, ())
    source.problems = walker.problems
    return source


def _syntax_problem(error: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    opened = _unclosed_quote(error, text)
    if opened is not None:
        opening, quote, runs_to = opened
        message = (
            f"YAML syntax error: the quote ({quote}) opened here is not closed on its line "
            f"(YAML read on to line {runs_to}); end the text with {quote}"
        )
        return Problem(shown, message, opening.line + 1, opening.column + 1)
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if "'\\t'" in problem:
        problem = "a tab character: YAML indents with spaces only"
    message = f"YAML syntax error: {problem}"
    if error.context and "'\\t'" not in (error.problem or ""):
        message += f" ({error.context})"
    if problem == "mapping values are not allowed here":
        message += "; text holding ': ' must be put in quotes, the whole value"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(shown, message, line, column)


# A line that starts a field or a list item (``  closing: ...``, ``- heading: ...``).
_KEY_LINE = re.compile(r"^\s*(- )?[A-Za-z_][\w-]*:(\s|$)", re.MULTILINE)


def _unclosed_quote(error: yaml.MarkedYAMLError, text: str) -> tuple[yaml.Mark, str, int] | None:
    """Where a quote that is never closed on its line opens, its quote character and the
    line YAML read on to; or ``None`` when the error is not one.

    YAML lets a quoted value run over lines, so an unclosed quote swallows the
    lines below it (fields included) up to the next quote or the end, and the
    error is reported there, often many lines later. The quote is found again
    by scanning the tokens up to the error.
    """
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        quote = text[error.context_mark.index : error.context_mark.index + 1]
        end = error.problem_mark.line + 1 if error.problem_mark else error.context_mark.line + 1
        return error.context_mark, quote, end
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if not isinstance(token, yaml.ScalarToken) or token.style not in ('"', "'"):
                continue
            start, end = token.start_mark, token.end_mark
            inside = text[start.index + 1 : end.index - 1]
            if end.line > start.line and _KEY_LINE.search(inside.split("\n", 1)[-1]):
                found = (start, token.style, end.line + 1)
    except yaml.YAMLError:
        pass  # the error itself: the tokens before it are the ones that matter
    return found


def _reader_problem(error: yaml.YAMLError, text: str, shown: str) -> Problem:
    position = getattr(error, "position", None)
    character = getattr(error, "character", None)
    line = column = None
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    if isinstance(character, str):  # PyYAML gives the character's code, older versions the text
        character = ord(character)
    what = f"U+{character:04X}" if isinstance(character, int) else "a character"
    message = f"{what} is a control character that YAML and documents cannot hold; remove it"
    return Problem(shown, message, line, column)


class _Walker:
    """Builds plain data from a composed node tree, checking it on the way."""

    def __init__(self, source: Source, shown: str, constructor: SafeConstructor) -> None:
        self.source = source
        self.shown = shown
        self.constructor = constructor
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, where: FieldPath, message: str) -> None:
        field_name = dotted(where)
        mark = node.start_mark
        self.problems.append(
            Problem(self.shown, message, mark.line + 1, mark.column + 1, field_name)
        )

    def value(self, node: yaml.Node, where: FieldPath) -> Any:
        self.source.positions[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if len(where) > MAX_DEPTH:
            self.problem(node, where[:MAX_DEPTH], _TOO_DEEP)
            return None
        if isinstance(node, yamlnodes.AliasNode):
            self.problem(
                node, where, "YAML aliases (*name) are not allowed in content; write it out"
            )
            return None
        if node.tag not in _ALLOWED_TAGS:
            self.problem(node, where, f"YAML tag {node.tag} is not allowed; content is plain text")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*where, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, where)

    def mapping(self, node: yaml.MappingNode, where: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                self.problem(key_node, where, "keys must be plain names")
                continue
            key = key_node.value
            if key in result:
                first = self.source.key_positions[(*where, key)][0]
                self.problem(
                    key_node,
                    (*where, key),
                    f"duplicate key: '{key}' is already given on line {first}",
                )
                continue
            key_mark = key_node.start_mark
            self.source.key_positions[(*where, key)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.value(value_node, (*where, key))
        return result

    def scalar(self, node: yaml.ScalarNode, where: FieldPath) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        # A value its tag does not fit (``!!int`` on nothing, ``!!bool maybe``) fails in
        # PyYAML's conversion with whatever that conversion meets: an index, a key or
        # a match that is not there.
        except (ValueError, LookupError, AttributeError, yaml.constructor.ConstructorError):
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.problem(node, where, f"'{shown}' is not a date that exists")
            else:  # a tag that does not fit, or a number of more than 4,300 digits
                self.problem(
                    node, where, f"'{shown}' cannot be read; put it in quotes if it is text"
                )
            return None
        return value
