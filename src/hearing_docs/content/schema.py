"""The JSON Schema of content files: the model in, a schema editors read out.

In: nothing (the ``Hearing`` model of ``model.py``).
Out: the JSON Schema (draft 2020-12) of a content file, derived from the
model by pydantic, so it never drifts from what ``check`` accepts: editors
that read it (VS Code's YAML extension, through a
``# yaml-language-server: $schema=...`` line) complete field names and flag
unknown fields and wrong types as one types. Rules the schema cannot say
(a signature needs its description; the days of an event in order; a letter,
a summary or both) are left to ``check``.
"""

from __future__ import annotations

import json
from typing import Any

from hearing_docs.content.model import Hearing

FILE_NAME = "hearing-docs.schema.json"
"""The name ``new`` gives the schema beside the content files."""


def json_schema() -> dict[str, Any]:
    """The schema of a content file, as a JSON object."""
    schema = Hearing.model_json_schema(mode="validation")
    schema["title"] = "hearing-docs content file"
    schema["description"] = (
        "A letter, its summary, or both, for hearing-docs; docs/content.md describes every field."
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def text() -> str:
    """The schema as JSON text, indented, ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def modeline(location: str) -> str:
    """The comment that points an editor at the schema at ``location``."""
    return f"# yaml-language-server: $schema={location}\n"
