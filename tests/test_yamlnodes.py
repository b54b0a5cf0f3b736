"""The two ways of composing YAML, libyaml's and PyYAML's Python parser, give the same reading.

Every YAML file the project ships, and generated YAML-ish text, is read both
ways: the data, the positions of values and keys, and the problems must be the
same, and so must the error when the text is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearing_docs.content import yamlnodes, yamlsource

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    path
    for pattern in ("content/**/*.yaml", "templates/**/*.yaml", "tests/fixtures/**/*.yaml")
    for path in ROOT.glob(pattern)
)


def reading(text: str, *, libyaml: bool) -> tuple[Any, ...]:
    """What yamlsource makes of ``text``: the source's parts, or the refusal's messages."""
    try:
        source = yamlsource.parse(text, Path("x.yaml"), "x.yaml", libyaml=libyaml)
    except yamlsource.YamlProblems as refused:
        return ("refused", [str(problem) for problem in refused.problems])
    # repr tells 1 from 1.0 and True, and a NaN equals itself as text only
    data = repr(source.data)
    problems = [str(problem) for problem in source.problems]
    return ("read", data, source.positions, source.key_positions, problems)


def marks(node: yaml.Node | None) -> list[tuple[Any, ...]]:
    """Every node of a tree in order: kind, tag, scalar value, and its start and end
    as (line, column, index). Styles are left out: the walk never reads them, and
    libyaml spells a plain scalar's style "" where PyYAML has None."""
    if node is None:
        return []
    found = [
        (
            type(node).__name__,
            node.tag,
            node.value if isinstance(node, yaml.ScalarNode) else None,
            (node.start_mark.line, node.start_mark.column, node.start_mark.index),
            (node.end_mark.line, node.end_mark.column, node.end_mark.index),
        )
    ]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found += marks(key) + marks(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += marks(item)
    return found


def test_libyaml_is_there() -> None:
    # The wheel PyYAML installs from ships libyaml; without it every file would
    # take the Python path and the tests below would compare it with itself.
    assert yaml.__with_libyaml__
    assert yamlnodes.CParser is not None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_shipped_file_reads_the_same_both_ways(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert reading(text, libyaml=True) == reading(text, libyaml=False)


def test_the_shipped_files_take_the_libyaml_path_with_the_same_marks() -> None:
    # The content and template files (Arabic, Chinese, Cyrillic among them) are read by
    # libyaml, node for node at the same line, column and character index as PyYAML.
    good = [path for path in SHIPPED if "bad" not in path.parts]
    assert any(path.name.endswith(".zh.yaml") for path in good)
    for path in good:
        text = path.read_text(encoding="utf-8")
        composed = yamlnodes.compose_with_libyaml(text)
        assert composed is not None, f"{path} was not read by libyaml"
        assert marks(composed[0]) == marks(yamlnodes.compose_with_python(text)[0]), path


def test_marks_count_characters_not_bytes() -> None:
    text = "ключ: قيمة\n数据:\n  - 😀 é\n  - 'ß'\nend: x\n"
    composed = yamlnodes.compose_with_libyaml(text)
    assert composed is not None
    node = composed[0]
    assert isinstance(node, yaml.MappingNode)
    (_, value), (_, items), (end, _) = node.value
    assert (value.start_mark.line, value.start_mark.column) == (0, 6)
    assert isinstance(items, yaml.SequenceNode)
    assert [(item.start_mark.line, item.start_mark.column) for item in items.value] == [
        (2, 4),
        (3, 4),
    ]
    assert end.start_mark.index == text.index("end")
    assert marks(node) == marks(yamlnodes.compose_with_python(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "a:\tb\n",  # a tab: libyaml takes it as a space
        "a: b\x85c\n",  # NEL, a line break to YAML 1.1
        "a: b\u2028c\n",
        "a: b\n\ufeffc: d\n",  # libyaml skips a byte order mark at any line's start
        "a: b\x07\n",  # a control character
        "a: b",  # no line break at the end
        "a: [b, c\n",  # an error
        "a: !\n",  # the non-specific tag on an empty value
        "a: [!x, b]\n",  # a tag just before a comma in brackets
        "a: {b?: c}\n",  # "?" inside a plain value in braces
        "a: [b:c]\n",
        "a: >#\n  b\n",  # a comment straight after a block value's indicator
        "%YAML 1.1#c\n---\na: b\n",  # a directive, here with a comment straight after it
        "[" * 2000 + "\n",  # too deep for the Python composer
    ],
)
def test_what_libyaml_would_read_otherwise_is_left_to_pyyaml(text: str) -> None:
    assert yamlnodes.compose_with_libyaml(text) is None
    assert reading(text, libyaml=True) == reading(text, libyaml=False)


def test_without_libyaml_the_python_parser_reads_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (ROOT / "content/languages/2016-07-18-refugees-and-migrants.ar.yaml").read_text(
        encoding="utf-8"
    )
    expected = reading(text, libyaml=True)
    monkeypatch.setattr(yamlnodes, "CParser", None)
    assert yamlnodes.compose_with_libyaml(text) is None
    assert reading(text, libyaml=True) == expected


# Generated YAML-ish text: keys (repeated ones too), plain, quoted, literal and
# folded values, non-ASCII text, anchors and aliases, tags, flow collections,
# directives and document markers, other line endings; now and then a character
# the two parsers treat differently (tab, control characters, Unicode breaks).
_LETTERS = "abcz AZ09éñßЖжяقلبمن中文数据字😀"
_PUNCTUATION = "-?:,[]{}#&*!|>'\"%@`\\.~_=<+/ "
_ODD = ["\t", "\x07", "\x85", "\u2028", "\ufeff", "\x7f", "\ue000", "\ufffe", "\x00", "\r"]
_SPECIAL = ["yes", "No", "~", "null", "12", "-3", "0o17", "0x1f", "1_000", "1e3", ".inf", ".nan"]
_SPECIAL += ["2016-07-18", "2016-02-30", "2016-07-18 10:00:00", "1:20", "<<", "---", "..."]
_WORD = st.one_of(
    st.text(st.sampled_from(_LETTERS), min_size=1, max_size=8),
    st.text(st.sampled_from(_LETTERS + _PUNCTUATION), min_size=1, max_size=8),
    st.sampled_from(_SPECIAL),
)
_KEY = st.one_of(st.sampled_from(["a", "b", "ключ", "مفتاح", "数据", "12", "<<", ""]), _WORD)
_TAG = st.sampled_from([""] * 12 + [" &a", " *a", " !!str", " !!int", " !x", " !", " !!set"])


@st.composite
def _scalar(draw: st.DrawFn, indent: int) -> str:
    styles = ["plain", "single", "double", "escape", "block", "lines", "quoted lines"]
    style = draw(st.sampled_from(styles))
    word = draw(_WORD)
    if style == "plain":
        return " " + word
    if style == "single":
        return " '" + word.replace("'", "''") + "'"
    if style == "double":
        return ' "' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "escape":
        escapes = ["\\n", "\\t", "\\x41", "\\u00e9", "\\U0001F600", "\\0", "\\N", "\\L", "\\ "]
        return ' "' + draw(st.sampled_from(escapes)) + word.replace("\\", "").replace('"', "") + '"'
    pad = " " * (indent + draw(st.sampled_from([1, 2, 4])))
    lines = draw(st.lists(st.one_of(_WORD, st.just("")), min_size=1, max_size=4))
    if style == "quoted lines":
        quote = draw(st.sampled_from(["'", '"']))
        lines = [line.replace("\\", "").replace(quote, "") for line in lines]
        return " " + quote + ("\n" + pad).join(lines) + quote
    head = "" if style == "lines" else draw(st.sampled_from(["|", ">", "|-", ">+", "|2", "> # c"]))
    return " " + head + "".join("\n" + pad + line for line in lines)


@st.composite
def _block(draw: st.DrawFn, indent: int, depth: int) -> str:
    mapping = depth >= 3 or draw(st.booleans())
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        if mapping:
            opening, closing = draw(st.sampled_from([("", ""), ("'", "'"), ('"', '"'), ("? ", "")]))
            lead = " " * indent + opening + draw(_KEY) + closing + ":"
        else:
            lead = " " * indent + "-"
        lead += draw(_TAG)
        if draw(st.integers(0, 5)) == 5:  # a comment line or a line of spaces before the item
            lines.append(" " * draw(st.integers(0, 6)) + draw(st.sampled_from(["", "# c", "#"])))
        kind = draw(st.sampled_from(["scalar", "empty", "flow", "nested"][: 4 if depth < 3 else 3]))
        if kind == "scalar":
            lines.append(lead + draw(_scalar(indent)))
        elif kind == "empty":
            lines.append(lead)
        elif kind == "flow":
            words = draw(st.lists(_WORD, max_size=3))
            flow = "[" + ", ".join(words) + "]"
            if draw(st.booleans()):
                flow = "{" + ", ".join(f"{word}: {word}" for word in words) + "}"
            lines.append(lead + " " + flow)
        else:
            lines.append(
                lead + "\n" + draw(_block(indent + draw(st.sampled_from([1, 2, 4])), depth + 1))
            )
    return "\n".join(lines)


@st.composite
def _document(draw: st.DrawFn) -> str:
    text = draw(_block(0, 0))
    head = draw(
        st.sampled_from(["", "", "---\n", "%YAML 1.1\n---\n", "%TAG ! tag:x.org,2000:\n---\n"])
    )
    tail = draw(st.sampled_from(["\n"] * 6 + ["", "\n...\n", "\n---\nb: 1\n", "\n# end\n"]))
    text = head + text + tail
    text = text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))
    if draw(st.integers(0, 9)) == 9:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_ODD)) + text[at:]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_generated_yaml_reads_the_same_both_ways(text: str) -> None:
    assert reading(text, libyaml=True) == reading(text, libyaml=False)
