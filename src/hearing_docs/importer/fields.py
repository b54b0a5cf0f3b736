"""What the content model says of a field: a dotted path in, its text kind out.

In: a field path as ``parts.ROLES`` writes it (``letter.body[]``,
``summary.sections[-].paragraphs[-].bullets[]``).
Out: whether the model prints the field's inline markup (``RichText``) or
prints it as written (``PlainText``), read from the ``TextKind`` its type
carries, so that the import writes bold and italic back as markup exactly
where the renderers print markup, and the fact is declared once, in the model.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from hearing_docs import groups
from hearing_docs.content.model import Hearing
from hearing_docs.content.text import TextKind


@cache
def takes_markup(path: str) -> bool:
    """Whether the text at ``path`` is printed with its inline markup."""
    kinds = _kinds(
        Hearing, [step.removesuffix("[]").removesuffix("[-]") for step in path.split(".")]
    )
    return any(kind.markup for kind in kinds)


def _kinds(model: type[groups.Group], steps: list[str]) -> list[TextKind]:
    declared = groups.fields(model)
    if steps[0] not in declared:
        return []
    return _in_hint(declared[steps[0]].hint, steps[1:])


def _in_hint(hint: Any, steps: list[str]) -> list[TextKind]:
    found: list[TextKind] = []
    origin = get_origin(hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        if not steps:
            found += [m for m in metadata if isinstance(m, TextKind)]
        return found + _in_hint(base, steps)
    if origin in (Union, types.UnionType, list):
        for arm in get_args(hint):
            found += _in_hint(arm, steps)
        return found
    if groups.is_group(hint) and steps:
        return _kinds(hint, steps)
    return found
