"""The JSON Schema of content files: the model in, a schema editors read out.

In: nothing (the ``Hearing`` model of ``model.py``).
Out: the JSON Schema (draft 2020-12) of a content file, derived from the
model's declarations (``groups.fields``), so it never drifts from what ``check`` accepts: editors
that read it (VS Code's YAML extension, through a
``# yaml-language-server: $schema=...`` line) complete field names and flag
unknown fields and wrong types as one types. Rules the schema cannot say
(a signature needs its description; the days of an event in order; a letter,
a summary or both) are left to ``check``.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import types
from typing import Any, Literal, Union, get_args, get_origin

from hearing_docs import groups
from hearing_docs.content.model import Hearing

FILE_NAME = "hearing-docs.schema.json"
"""The name ``new`` gives the schema beside the content files."""


def json_schema() -> dict[str, Any]:
    """The schema of a content file, as a JSON object."""
    definitions: dict[str, Any] = {}
    schema = _group(Hearing, definitions)
    schema["title"] = "hearing-docs content file"
    schema["description"] = (
        "A letter, its summary, or both, for hearing-docs; docs/content.md describes every field."
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": dict(sorted(definitions.items())),
        **schema,
    }


def _group(cls: type[groups.Group], definitions: dict[str, Any]) -> dict[str, Any]:
    properties = {}
    for info in groups.fields(cls).values():
        value = _type(info.hint, definitions)
        if "$ref" not in value:
            value["title"] = info.key.replace("_", " ").title()
        if not info.required and isinstance(info.default, str | int | float | bool | None):
            value["default"] = info.default
        properties[info.key] = value
    required = [info.key for info in groups.fields(cls).values() if info.required]
    schema: dict[str, Any] = {"additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = required
    schema |= {"title": cls.__name__, "type": "object"}
    if cls.__doc__ and cls.__doc__ is not groups.Group.__doc__:
        schema["description"] = inspect.cleandoc(cls.__doc__)
    return schema


_SCALARS = {str: "string", bool: "boolean", int: "integer", float: "number"}


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    base, markers = groups.bare(hint)
    given = next((m for m in markers if isinstance(m, groups.JsonSchema)), None)
    if given is not None:
        return dict(given.schema)
    schema = _base(base, markers, definitions)
    for marker in markers:
        if isinstance(marker, groups.Entries):
            target = next((arm for arm in schema.get("anyOf", []) if "items" in arm), schema)
            if marker.least is not None:
                target["minItems"] = marker.least
            if marker.most is not None:
                target["maxItems"] = marker.most
        elif isinstance(marker, groups.AtLeast):
            target = next((arm for arm in schema.get("anyOf", []) if "type" in arm), schema)
            target["minimum"] = marker.value
        elif isinstance(marker, groups.Pattern):
            schema["pattern"] = marker.regex
    return schema


def _base(base: Any, markers: list[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(base)
    if origin in (Union, types.UnionType):
        members = [arm for arm in get_args(base) if arm is not type(None)]
        arms = [_type(arm, definitions) for arm in members]
        if len(members) < len(get_args(base)):  # "or nothing": its arms, flat, and null
            flat = [inner for arm in arms for inner in arm.get("anyOf", [arm])]
            return {"anyOf": [*flat, {"type": "null"}]}
        return {"oneOf": arms}
    if groups.is_group(base):
        if base.__name__ not in definitions:
            definitions[base.__name__] = {}  # a group inside itself refers to itself
            definitions[base.__name__] = _group(base, definitions)
        return {"$ref": f"#/$defs/{base.__name__}"}
    if origin is Literal:
        return {"enum": list(get_args(base)), "type": "string"}
    if origin is list:
        return {"items": _type(get_args(base)[0], definitions), "type": "array"}
    if origin is dict:
        return {"additionalProperties": _type(get_args(base)[1], definitions), "type": "object"}
    if base is dt.date:
        return {"format": "date", "type": "string"}
    return {"type": _SCALARS[base]}


def text() -> str:
    """The schema as JSON text, indented, ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def modeline(location: str) -> str:
    """The comment that points an editor at the schema at ``location``."""
    return f"# yaml-language-server: $schema={location}\n"
