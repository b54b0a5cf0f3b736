"""`hearing-docs schema` and the files `new` writes: the JSON Schema editors read.

Every example content file must be valid against the schema (as an editor sees it:
YAML's dates are text in JSON), and a misspelt field or a wrong type must not be.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from hearing_docs.cli import main
from hearing_docs.content import loading, schema
from support import EXAMPLES, ROOT


def as_json(data: Any) -> Any:
    """YAML data as an editor's YAML extension checks it: dates are text."""
    if isinstance(data, dict):
        return {key: as_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_json(value) for value in data]
    return data.isoformat() if isinstance(data, dt.date) else data


def validate(data: Any) -> None:
    """Validate as editors do, checking formats too (a date is YYYY-MM-DD)."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(printed_schema(), format_checker=checker).validate(data)


def printed_schema() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_schema_prints_the_models_json_schema() -> None:
    found = printed_schema()
    assert found == schema.json_schema()
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"template", "language", "kind", "letter", "summary"} == set(found["properties"])
    jsonschema.Draft202012Validator.check_schema(found)


@pytest.mark.parametrize("content", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_is_valid_against_the_schema(content: Path) -> None:
    """With the fields of the defaults file of its folder, if it has one."""
    data = as_json(loading.read_source(content).data)
    validate(data)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  salutation:", "  salutaton:"),  # a misspelt field
        ("    name: Mogens Lykketoft", "    name: 1945"),  # a number where text goes
        ("kind: hearing\n", "kind: hearings\n"),  # not one of the kinds
        ("  date: 2016-07-18", "  date: 18 July 2016"),  # not a date in any form
    ],
)
def test_a_mistake_is_flagged_by_the_schema(old: str, new: str) -> None:
    text = (ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml").read_text("utf-8")
    text = text.replace("language: en\n", "language: en\nkind: hearing\n", 1)
    assert old in text
    data = as_json(yaml.safe_load(text.replace(old, new, 1)))
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_new_writes_the_schema_and_points_the_example_at_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", str(tmp_path / "work")])
    assert result.exit_code == 0, result.output
    content = tmp_path / "work" / "content"
    (example,) = content.glob("*.yaml")
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema.FILE_NAME}"
    written = json.loads((content / schema.FILE_NAME).read_text(encoding="utf-8"))
    assert written == schema.json_schema()
