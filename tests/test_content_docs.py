"""docs/content.md against the model: every field of a content file is documented once,
with an example, and every documented field exists; the complete examples it shows
are valid content files.

Real letters are written from that page alone, so it must name exactly what the model
accepts.
"""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

import yaml

from hearing_docs import groups
from hearing_docs.content import schema
from hearing_docs.content.model import Hearing
from support import ROOT

DOC = ROOT / "docs" / "content.md"


def _models(annotation: Any) -> list[tuple[type[groups.Group], bool]]:
    """The groups an annotation holds (unions, Annotated, lists), each with whether it sits
    in a list."""
    found: list[tuple[type[groups.Group], bool]] = []

    def walk(hint: Any, in_list: bool) -> None:
        if groups.is_group(hint):
            found.append((hint, in_list))
            return
        for argument in get_args(hint):
            walk(argument, in_list or get_origin(hint) is list)

    walk(annotation, False)
    return found


def model_fields(model: type[groups.Group] = Hearing, prefix: str = "") -> list[str]:
    """Every field path, as the page writes it: ``letter.signatories[].name``."""
    paths = []
    for field in groups.fields(model).values():
        path = prefix + field.key
        paths.append(path)
        for inner, in_list in _models(field.hint):
            if inner.__name__ in ("BulletList", "NumberedList"):  # a paragraph as a group
                paths += model_fields(inner, f"{path}[].")
            else:
                paths += model_fields(inner, f"{path}{'[]' if in_list else ''}.")
    return list(dict.fromkeys(paths))


def documented() -> dict[str, str]:
    """Each field heading of the page's "Fields" part, with the text under it."""
    text = DOC.read_text(encoding="utf-8").split("\n## Fields\n", 1)[1]
    parts = re.split(r"^### `([^`]+)`\n", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_field_is_documented_and_every_documented_field_exists() -> None:
    fields = documented()
    assert list(fields) == list(dict.fromkeys(fields)), "a field documented twice"
    assert set(fields) == set(model_fields())


def test_every_field_has_an_example_that_is_yaml() -> None:
    for field, text in documented().items():
        examples = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
        groups = field in ("letter", "summary")  # the whole files above show them
        assert examples or groups, f"{field} has no example"
        for example in examples:
            assert yaml.safe_load(example) is not None, field


def test_the_smallest_files_are_valid_content() -> None:
    text = DOC.read_text(encoding="utf-8")
    part = text.split("\n## The smallest files\n", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"```yaml\n(.*?)```", part, flags=re.DOTALL)
    assert len(examples) == 2
    letter, summary = (groups.check(Hearing, yaml.safe_load(e)) for e in examples)
    assert letter.letter is not None and letter.summary is None
    assert summary.summary is not None and summary.letter is None


def test_the_schema_names_every_field() -> None:
    text = schema.text()
    for path in model_fields():
        assert f'"{path.rsplit(".", 1)[-1].removesuffix("[]")}"' in text, path
