"""Updating a content file: its YAML text and the imported content in, new YAML text out.

In: the text of a content file and the content read from a DOCX, as plain
data (dicts, lists, text, dates) holding only the fields the import owns.
Out: the text of the file with those fields changed, and nothing else: the
file is edited with ruamel.yaml's round-trip mode, so comments, key order,
quoting and the block style of each value survive, and a value that prints
the same as before keeps its spelling (a text written over several lines
included: a line end in the file is a space in every field but the title).
Lists are compared item by item (``difflib``), so an inserted or deleted
paragraph moves no other one.

Also: the text of a new content file (``new_text``) and the unified diff of
two versions (``diff``).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import difflib
import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from hearing_docs.importer import inline
from hearing_docs.importer.parts import ROLES

LINE_FIELDS = frozenset(tuple(r.path.split(".")) for r in ROLES.values() if r.kind == "title")
"""The fields whose line ends are printed (the summary's title); in any other text a
line end of the file is a space."""

# Content lines are folded at about this many characters, as the shipped examples are.
FOLD_WIDTH = 80
# A new paragraph longer than this is written as a folded block (">-"), like its neighbours.
FOLD_OVER = 60


class _Keep:
    """A value the import leaves as the file has it (it prints as the DOCX shows)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-fold a value: folding is chosen per value below
    return yaml


def update(text: str, content: dict[str, Any], owned: Callable[[tuple[str, ...]], bool]) -> str:
    """``text`` with the fields of ``content`` changed; ``owned(path)`` says which keys
    the import may delete when the DOCX no longer has them."""
    yaml = _yaml()
    data = yaml.load(text)
    token = _SPELLINGS.set({_printed(v): v for v in _scalars(data) if isinstance(v, str)})
    try:
        _update_map(data, content, (), owned)
    finally:
        _SPELLINGS.reset(token)
    out = io.StringIO()
    yaml.dump(data, out)
    return _respelt(text, out.getvalue())


def _respelt(old: str, new: str) -> str:
    """``new`` with the lines of ``old`` back wherever they differ from it only in where
    a text is folded: ruamel.yaml reads a plain text written over several lines as one
    string and writes it on one line, so a value the import did not change would
    change its spelling. Kept only if the file still reads as ``new`` does."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and "".join(before[i1:i2]).split() == "".join(after[j1:j2]).split():
            lines += before[i1:i2]
        else:
            lines += after[j1:j2]
    respelt = "".join(lines)
    if respelt == new:
        return new
    safe = YAML(typ="safe", pure=True)
    return respelt if safe.load(respelt) == safe.load(new) else new


# The texts of the file as they are spelt (quoting, folding), by what they print: a
# paragraph moved to another place in the DOCX keeps its spelling in the YAML.
_SPELLINGS: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "spellings", default=None
)


def _scalars(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _scalars(value)]
    if isinstance(node, list):
        return [s for value in node for s in _scalars(value)]
    return [node]


def new_text(content: dict[str, Any], header: str = "") -> str:
    """A new content file holding ``content``, with ``header`` as a comment on top."""
    data = _fresh(content, None)
    if header:
        data.yaml_set_start_comment(header)
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def diff(old: str, new: str, name: str) -> str:
    """The unified diff from ``old`` to ``new``, both named ``name``."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), name, name
        )
    )


def _update_map(old: CommentedMap, new: dict[str, Any], path: tuple[str, ...], owned) -> None:
    previous = None
    for key, value in new.items():
        if key in old:
            replaced = _update(old[key], value, (*path, key), owned)
            if replaced is not None:
                old[key] = replaced
        else:
            keys = list(old.keys())
            position = keys.index(previous) + 1 if previous in keys else len(keys)
            old.insert(position, key, _fresh(value, _sibling_value(old)))
        previous = key
    for key in list(old.keys()):
        if key not in new and owned((*path, key)):
            del old[key]


def _update(old: Any, new: Any, path: tuple[str, ...], owned) -> Any:
    """None when ``old`` was updated in place or prints as ``new``; else the new node."""
    if new is KEEP:
        return None
    if isinstance(old, str) and isinstance(new, list) and len(new) == 1:
        new = new[0]  # lines written as one line of text (a title line): keep it so
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _update_map(old, new, path, owned)
        return None
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _update_list(old, new, path, owned)
        return None
    if _same(old, new, path in LINE_FIELDS):
        return None
    return _fresh(new, old)


def _update_list(old: CommentedSeq, new: list[Any], path: tuple[str, ...], owned) -> None:
    matcher = difflib.SequenceMatcher(None, [_key(v) for v in old], [_key(v) for v in new])
    # From the end, so that the positions of earlier opcodes stay valid.
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        for offset in range(paired):
            replaced = _update(old[i1 + offset], new[j1 + offset], path, owned)
            if replaced is not None:
                old[i1 + offset] = replaced
        for index in reversed(range(i1 + paired, i2)):
            _delete(old, index)
        appending = i2 == len(old) and j2 > j1 + paired
        trailing = _take_comment_after(old, len(old) - 1) if appending and len(old) else None
        for index in range(j1 + paired, j2):
            like = old[i1 - 1] if i1 else (old[0] if len(old) else None)
            old.insert(i1 + index - j1, _fresh(new[index], like))
        if trailing is not None:  # the blank line or comment after the list stays after it
            _comment_after(old, len(old) - 1, trailing)


def _delete(items: CommentedSeq, index: int) -> None:
    """Delete an item; the comment or blank line after it moves to the item before."""
    after = items.ca.items.pop(index, None)
    del items[index]
    comment = after[0] if after else None
    if comment is not None and index > 0:
        _comment_after(items, index - 1, comment)


def _take_comment_after(container: Any, key: Any) -> Any:
    """Remove and return the comment after ``container[key]`` (see ``_comment_after``)."""
    value = container[key]
    if isinstance(value, CommentedMap) and value:
        return _take_comment_after(value, list(value.keys())[-1])
    if isinstance(value, CommentedSeq) and value:
        return _take_comment_after(value, len(value) - 1)
    slot = 2 if isinstance(container, CommentedMap) else 0
    entry = container.ca.items.get(key)
    if not entry or entry[slot] is None:
        return None
    comment, entry[slot] = entry[slot], None
    return comment


def _comment_after(container: Any, key: Any, comment: Any) -> None:
    """Put ``comment`` after ``container[key]``, where ruamel keeps it: on the last scalar."""
    value = container[key]
    if isinstance(value, CommentedMap) and value:
        _comment_after(value, list(value.keys())[-1], comment)
        return
    if isinstance(value, CommentedSeq) and value:
        _comment_after(value, len(value) - 1, comment)
        return
    slot = 2 if isinstance(container, CommentedMap) else 0
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    if entry[slot] is None:
        entry[slot] = comment
    else:
        entry[slot].value += comment.value


def _key(value: Any) -> str:
    """What identifies a list item when lists are compared: its printed text or heading."""
    if isinstance(value, dict):
        if "heading" in value:
            return "heading:" + _printed(value["heading"])
        return repr(sorted(value.keys())) + repr([_key(v) for v in value.values()])
    if isinstance(value, list):
        return repr([_key(v) for v in value])
    return _printed(value)


def _printed(value: Any) -> str:
    if isinstance(value, str):
        return repr(inline.normalise(inline.markup.runs(str(value))))
    return repr(value)


def _same(old: Any, new: Any, lines: bool = False) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        if not lines:  # one paragraph: a line end in the file is a space when printed
            return inline.same(" ".join(old.split()), " ".join(new.split()))
        if "\n" in old or "\n" in new:  # a title: compare line by line
            old_lines = [line.strip() for line in old.splitlines() if line.strip()]
            new_lines = [line.strip() for line in new.splitlines() if line.strip()]
            return len(old_lines) == len(new_lines) and all(
                inline.same(a, b) for a, b in zip(old_lines, new_lines, strict=True)
            )
        return inline.same(old, new)
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        return old == new
    return type(old) is type(new) and old == new


def _sibling_value(mapping: CommentedMap) -> Any:
    return next(iter(mapping.values()), None) if mapping else None


def _fresh(value: Any, like: Any) -> Any:
    """``value`` as a YAML node, in the style of ``like`` (the value it replaces, or a sibling)."""
    if isinstance(value, dict):
        result = CommentedMap()
        for key, item in value.items():
            sibling = like.get(key) if isinstance(like, dict) else None
            result[key] = _fresh(item, sibling)
        return result
    if isinstance(value, list):
        items = CommentedSeq()
        for item in value:
            sibling = like[0] if isinstance(like, list) and like else None
            items.append(_fresh(item, sibling))
        return items
    if isinstance(value, str):
        spelt = (_SPELLINGS.get() or {}).get(_printed(value))
        if spelt is not None:  # a copy: one node in two places would be written as an alias
            copy: Any = type(spelt)(str(spelt))
            if isinstance(spelt, FoldedScalarString):
                copy.fold_pos = list(getattr(spelt, "fold_pos", []))
            return copy
        return _styled(value, like)
    return value


def _styled(text: str, like: Any) -> Any:
    if "\n" in text:
        return LiteralScalarString(text)
    if isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    if isinstance(like, FoldedScalarString | LiteralScalarString) or (
        like is None and len(text) > FOLD_OVER
    ):
        return _folded(text)
    return text


def _folded(text: str) -> Any:
    """A folded block (``>-``) broken at single spaces, lines of about ``FOLD_WIDTH``."""
    if text != text.strip() or "\t" in text:
        return DoubleQuotedScalarString(text)
    folded = FoldedScalarString(text)
    positions, start, last = [], 0, None
    for index, char in enumerate(text):
        if char != " " or text[index - 1] == " " or text[index + 1 : index + 2] == " ":
            continue  # a fold at a double space would change the text
        if index - start > FOLD_WIDTH and last is not None:
            positions.append(last)
            start, last = last + 1, None
            if index - start > FOLD_WIDTH:
                positions.append(index)
                start = index + 1
                continue
        last = index
    if len(text) - start > FOLD_WIDTH and last is not None:
        positions.append(last)
    folded.fold_pos = positions
    return folded
