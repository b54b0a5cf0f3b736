"""docs/templates.md against the code: every theme key documented with its real
values, every documented key real; the variables and blocks it lists are the ones
templates get."""

from __future__ import annotations

import re
from typing import Any

import yaml

from hearing_docs import groups
from hearing_docs.html import page
from hearing_docs.templateset import catalogue, sets
from hearing_docs.templateset.theme import Theme
from support import ROOT

DOC = ROOT / "docs" / "templates.md"
PACKAGED = ROOT / "templates"


def section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else len(text)]


def table(title: str) -> list[list[str]]:
    """The cells of the rows of the first table in a section, without the header."""
    lines = section(title).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    rows = lines[start:end]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def code(cell: str) -> str:
    match = re.fullmatch(r"`([^`]*)`", cell)
    assert match, f"expected one `value` in {cell!r}"
    return match.group(1)


def model_keys(model: type[groups.Group], prefix: str = "") -> list[str]:
    keys = []
    for name, field in groups.fields(model).items():
        annotation = field.hint
        if groups.is_group(annotation):
            keys += model_keys(annotation, f"{prefix}{name}.")
        else:
            keys.append(prefix + name)
    return keys


def flat_keys(data: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for key, value in data.items():
        # "languages" maps language tags to values: one key, as the model has it.
        if isinstance(value, dict) and prefix + key != "languages":
            keys += flat_keys(value, f"{prefix}{key}.")
        else:
            keys.append(prefix + key)
    return keys


def nested(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        *groups, name = key.split(".")
        target = data
        for group in groups:
            target = target.setdefault(group, {})
        target[name] = value
    return data


def documented() -> list[tuple[str, Any, Any]]:
    rows = table("Theme keys")
    return [(code(r[0]), yaml.safe_load(code(r[1])), yaml.safe_load(code(r[2]))) for r in rows]


def test_every_theme_key_is_documented_once_and_every_documented_key_exists() -> None:
    keys = [key for key, _, _ in documented()]
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(model_keys(Theme))
    default_set = yaml.safe_load((PACKAGED / "un-pga" / "theme.yaml").read_text(encoding="utf-8"))
    assert set(flat_keys(default_set)) <= set(keys)


def test_documented_values_are_the_default_sets_and_the_built_in_ones() -> None:
    rows = documented()
    un_pga = groups.check(Theme, nested([(key, value) for key, value, _ in rows]))
    built_in = groups.check(Theme, nested([(key, value) for key, _, value in rows]))
    assert un_pga == sets.resolve("un-pga", [PACKAGED]).theme
    assert built_in == Theme()


def test_documented_variables_are_what_templates_receive() -> None:
    names = [code(row[0]) for row in table("What each template receives")]
    assert names == list(page.CONTEXT_NAMES)
    filters = section("What each template receives").split("Filters:")[1]
    listed = re.findall(r"^\| `(\w+)", filters, flags=re.MULTILINE)
    assert listed == ["inline", "plain", "longdate", "isodate", "notes"]
    env = page.environment(sets.resolve("un-pga", [PACKAGED]))
    assert all(name in env.filters for name in listed)


def test_documented_words_are_the_keys_of_a_sets_text_file() -> None:
    fields = groups.fields(catalogue.Catalogue)
    keys = [code(row[0]) for row in table("Words of a set")]
    # language and file are filled in from the file's name, not written in it.
    assert keys == [name for name in fields if name not in ("language", "file")]
    dates = [code(row[0]) for row in table("Dates of a set")]
    assert dates == list(groups.fields(catalogue.Dates))
    english = yaml.safe_load((PACKAGED / "un-pga" / "text" / "en.yaml").read_text("utf-8"))
    assert list(english) == [key for key in keys if fields[key].required]
    required = [key for key in dates if groups.fields(catalogue.Dates)[key].required]
    assert list(english["dates"]) == required


def test_documented_blocks_are_the_blocks_of_the_default_set() -> None:
    for template, blocks in table("Blocks"):
        source = (PACKAGED / "un-pga" / code(template)).read_text(encoding="utf-8")
        found = re.findall(r"{%-?\s*block\s+(\w+)", source)
        assert [code(b) for b in blocks.split(", ")] == found, template
