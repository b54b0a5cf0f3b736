"""hearing_docs.groups: declared groups of fields checked against plain data.

The messages a person reads are content/validation.py's (test_bad_input.py); here, the
engine: every problem found at once, each at its path in the data, of the right kind,
and groups that are immutable and whole.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

import pytest

from hearing_docs import groups
from hearing_docs.content import loading
from hearing_docs.content.model import Hearing
from hearing_docs.groups import AtLeast, Before, Check, Choose, Entries, Group, Key, Pattern, Tag
from support import EXAMPLES, as_data


def _shout(value: str) -> str:
    if value != value.upper():
        raise ValueError("must be written in capitals")
    return value


def _number_or_text(value: object) -> str | None:
    if isinstance(value, dict):
        return "span"
    return "text" if isinstance(value, str) else None


class Span(Group):
    start: Annotated[dt.date, Key("from")]
    end: Annotated[dt.date, Key("to")]

    def verify(self) -> None:
        if self.end < self.start:
            raise ValueError("to: must not come before from")


class Entry(Group):
    name: Annotated[str, Check(_shout)]
    code: Annotated[str, Pattern(r"^[A-Z]{3}$")] = "AAA"
    count: Annotated[int, AtLeast(1)] | None = None
    kind: Literal["one", "two", "three"] = "one"
    tags: Annotated[list[str], Before(lambda v: [v] if isinstance(v, str) else v)] = []
    when: (
        Annotated[
            Annotated[str, Tag("text")] | Annotated[Span, Tag("span")],
            Choose(_number_or_text, error="when_type", message="not a time"),
        ]
        | None
    ) = None


class Book(Group):
    title: str
    entries: Annotated[list[Entry], Entries(least=1, most=3)]
    printed: bool = True


class Lax(Group):
    lax = True
    printed: bool = True
    size: float = 1.0


def problems(data: object, cls: type[Group] = Book) -> list[tuple[tuple, str]]:
    with pytest.raises(groups.Invalid) as caught:
        groups.check(cls, data)
    return [(error.path, error.kind) for error in caught.value.errors]


def test_good_data_makes_the_group_with_its_defaults_and_keys() -> None:
    book = groups.check(
        Book,
        {
            "title": "T",
            "entries": [
                {"name": "A", "when": {"from": dt.date(2016, 1, 1), "to": dt.date(2016, 1, 2)}}
            ],
        },
    )
    (entry,) = book.entries
    assert (entry.name, entry.code, entry.count, entry.kind, entry.tags) == (
        "A",
        "AAA",
        None,
        "one",
        [],
    )
    assert entry.when == Span(start=dt.date(2016, 1, 1), end=dt.date(2016, 1, 2))
    assert book.printed is True


def test_every_problem_is_reported_at_once_at_its_path() -> None:
    found = problems(
        {
            "title": 3,
            "entries": [
                {"name": "lower", "code": "ab", "count": 0, "kind": "four", "colour": "red"},
                {"code": "ABC", "tags": [1], "when": 12},
                {"name": "B", "when": {"from": dt.date(2016, 1, 2), "to": dt.date(2016, 1, 1)}},
            ],
            "printed": "yes",
        }
    )
    assert found == [
        (("title",), "string_type"),
        (("entries", 0, "name"), "value_error"),
        (("entries", 0, "code"), "string_pattern_mismatch"),
        (("entries", 0, "count"), "greater_than_equal"),
        (("entries", 0, "kind"), "literal_error"),
        (("entries", 0, "colour"), "extra_forbidden"),
        (("entries", 1, "name"), "missing"),
        (("entries", 1, "tags", 0), "string_type"),
        (("entries", 1, "when"), "when_type"),
        (("entries", 2, "when"), "value_error"),
        (("printed",), "bool_type"),
    ]


def test_the_facts_a_message_needs_come_with_each_problem() -> None:
    with pytest.raises(groups.Invalid) as caught:
        groups.check(Book, {"title": "T", "entries": [{"name": "A"}] * 4})
    (error,) = caught.value.errors
    assert (error.path, error.kind, error.context) == (("entries",), "too_long", {"max_length": 3})
    with pytest.raises(groups.Invalid) as caught:
        groups.check(Book, {"title": "T", "entries": [{"name": "A", "kind": "for"}]})
    (error,) = caught.value.errors
    assert error.context == {"expected": "'one', 'two' or 'three'"}
    assert error.value == "for"


def test_limits_and_rules_between_fields_wait_for_valid_entries() -> None:
    # A list whose entries are wrong is not also said to be too short; a group whose
    # fields are wrong is not verified.
    assert problems({"title": "T", "entries": []}) == [(("entries",), "too_short")]
    assert problems({"title": "T", "entries": [{"name": 1}]}) == [
        (("entries", 0, "name"), "string_type")
    ]


@pytest.mark.parametrize(
    ("value", "kind"), [(True, "model_type"), ([], "model_type"), (None, "model_type")]
)
def test_an_entry_that_is_not_a_group_of_fields_is_refused(value: object, kind: str) -> None:
    assert problems({"title": "T", "entries": [value]}) == [(("entries", 0), kind)]


@pytest.mark.parametrize("value", [True, 1, 1.5, dt.date(2016, 1, 1), ["T"]])
def test_text_is_never_made_of_another_type(value: object) -> None:
    assert problems({"title": value, "entries": [{"name": "A"}]}) == [(("title",), "string_type")]


def test_strict_groups_take_no_yes_for_true_and_lax_ones_do() -> None:
    assert groups.check(Lax, {"printed": "no", "size": 2}) == Lax(printed=False, size=2.0)
    assert problems({"printed": "maybe"}, Lax) == [(("printed",), "bool_type")]
    assert problems({"title": "T", "entries": [{"name": "A"}], "printed": "yes"}) == [
        (("printed",), "bool_type")
    ]
    assert problems({"title": "T", "entries": [{"name": "A"}], "printed": 1}) == [
        (("printed",), "bool_type")
    ]


def test_a_date_with_a_time_is_not_a_date() -> None:
    span = {"from": dt.datetime(2016, 1, 1, 10, 0), "to": dt.date(2016, 1, 2)}
    assert problems(span, Span) == [(("from",), "date_type")]


def test_groups_are_immutable_and_replace_makes_a_copy() -> None:
    entry = Entry(name="A")
    with pytest.raises(AttributeError):
        entry.name = "B"  # type: ignore[misc]
    changed = entry.replace(name="B")
    assert (entry.name, changed.name, changed.code) == ("A", "B", "AAA")
    assert entry == Entry(name="A") and entry != changed
    assert hash(Span(start=dt.date(2016, 1, 1), end=dt.date(2016, 1, 2))) == hash(
        Span(start=dt.date(2016, 1, 1), end=dt.date(2016, 1, 2))
    )


def test_a_group_made_in_python_is_checked_like_one_read_from_a_file() -> None:
    with pytest.raises(groups.Invalid, match="name: must be written in capitals"):
        Entry(name="lower")
    with pytest.raises(TypeError, match="no field"):
        Entry(name="A", colour="red")  # type: ignore[call-arg]


def test_every_instance_has_its_own_list_default() -> None:
    first, second = Entry(name="A"), Entry(name="B")
    first.tags.append("x")
    assert second.tags == [] and Entry.tags == []


@pytest.mark.parametrize("content", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_checks_again_into_the_same_hearing(content: Path) -> None:
    """The data a hearing gives back is the data it was made from: nothing lost on the way."""
    hearing = loading.load(content)
    assert groups.check(Hearing, as_data(hearing)) == hearing


def test_a_pattern_is_matched_by_the_whole_text_a_final_line_break_included() -> None:
    assert problems({"title": "T", "entries": [{"name": "A", "code": "ABC\n"}]}) == [
        (("entries", 0, "code"), "string_pattern_mismatch")
    ]


def test_lax_groups_take_the_numbers_one_and_zero_for_true_and_false() -> None:
    assert groups.check(Lax, {"printed": 1.0}).printed is True
    assert groups.check(Lax, {"printed": 0.0}).printed is False
    assert problems({"printed": 0.5}, Lax) == [(("printed",), "bool_type")]


class Named(Group):
    names: dict[Literal["a", "b"], str]
    others: list[str]


def test_a_mapping_reports_its_key_and_its_value_and_says_which_is_the_key() -> None:
    with pytest.raises(groups.Invalid) as caught:
        groups.check(Named, {"names": {"c": 5}, "others": []})
    found = [(e.path, e.kind, bool(e.context.get("key"))) for e in caught.value.errors]
    assert found == [
        (("names", "c"), "literal_error", True),
        (("names", "c"), "string_type", False),
    ]


def test_a_field_cannot_be_named_like_a_method_every_group_needs() -> None:
    class Hiding(Group):
        values: list[str]

    with pytest.raises(TypeError, match=r"Hiding\.values: a field cannot be named like"):
        groups.fields(Hiding)


def test_replace_refuses_a_field_the_group_does_not_have() -> None:
    with pytest.raises(TypeError, match="no field colour"):
        Entry(name="A").replace(colour="red")


def test_the_problems_cross_from_a_worker_process_whole() -> None:
    import pickle

    with pytest.raises(groups.Invalid) as caught:
        groups.check(Book, {"title": 1, "entries": []})
    again = pickle.loads(pickle.dumps(caught.value))
    assert [(e.path, e.kind) for e in again.errors] == [
        (("title",), "string_type"),
        (("entries",), "too_short"),
    ]
    assert str(again) == str(caught.value)
