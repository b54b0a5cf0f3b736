"""The YAML reader, alone: text in, plain data with the position of every value out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hearing_docs.content import yamlsource


def parse(text: str) -> yamlsource.Source:
    return yamlsource.parse(text, Path("x.yaml"), "x.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(yamlsource.YamlProblems) as caught:
        parse(text)
    return [str(problem) for problem in caught.value.problems]


def test_values_and_their_positions() -> None:
    source = parse("letter:\n  date: 2016-07-22\n  body:\n    - One.\n    - Two.\n")
    assert source.data == {"letter": {"date": dt.date(2016, 7, 22), "body": ["One.", "Two."]}}
    assert source.position(("letter", "date")) == (2, 9)
    assert source.position(("letter", "body", 1)) == (5, 7)
    assert source.position(("letter", "date"), key=True) == (2, 3)
    # A path without a value of its own: the nearest ancestor's place.
    assert source.position(("letter", "closing")) == source.position(("letter",))
    assert yamlsource.dotted(("summary", "sections", 2, "heading")) == "summary.sections[2].heading"


def test_duplicate_keys_are_errors_not_the_last_one_winning() -> None:
    source = parse("a: 1\nb: 2\na: 3\n")
    assert [str(p) for p in source.problems] == [
        "x.yaml:3:1: a: duplicate key: 'a' is already given on line 1"
    ]


def test_aliases_and_tags_are_refused() -> None:
    aliased = parse("a: &x text\nb: *x\n")
    assert any("alias" in p.message for p in aliased.problems)
    tagged = parse("a: !!python/object:os.system echo\n")
    assert tagged.problems, "a Python tag is a problem, never an object"


def test_syntax_errors_name_the_line() -> None:
    (line,) = problems("a: [1, 2\nb: 3\n")
    assert line.startswith("x.yaml:")
    assert "YAML syntax error" in line


def test_an_empty_file_is_refused() -> None:
    assert problems("") == ["x.yaml:1:1: the file is empty: it must describe a hearing"]


def test_files_that_cannot_be_content_are_refused_before_parsing(tmp_path: Path) -> None:
    def read(name: str, data: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(yamlsource.YamlProblems) as caught:
            yamlsource.load(path, name)
        return str(caught.value.problems[0])

    assert read("a.yaml", b"a: \xe9t\xe9\n") == (
        "a.yaml:1:4: is not UTF-8 text (byte 0xe9); save it as UTF-8"
    )
    assert "binary file" in read("b.yaml", b"a: 1\0")
    assert "UTF-16" in read("c.yaml", "a: 1".encode("utf-16"))
    with pytest.raises(yamlsource.YamlProblems) as caught:
        yamlsource.read_text(tmp_path / "a.yaml", "a.yaml", limit=4)
    assert "the limit is" in str(caught.value.problems[0])


def test_a_value_its_tag_does_not_fit_is_a_problem_not_a_crash() -> None:
    source = parse("a: !!int\nb: !!bool maybe\nc: !!float\nd: !!timestamp soon\ne: !!int 12\n")
    assert [str(problem) for problem in source.problems] == [
        "x.yaml:1:4: a: '' cannot be read; put it in quotes if it is text",
        "x.yaml:2:4: b: 'maybe' cannot be read; put it in quotes if it is text",
        "x.yaml:3:4: c: '' cannot be read; put it in quotes if it is text",
        "x.yaml:4:4: d: 'soon' is not a date that exists",
    ]
    assert source.data["e"] == 12
